//! The report as one self-contained HTML page: inline CSS, no scripts, no fonts or images to
//! fetch, so it opens offline, mails as one file and prints cleanly.

use super::document::{Block, Document};
use super::tables::Table;

/// Fonts every trainer's machine has for Chinese, then the system's.
const STYLE: &str = r#"
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", sans-serif, "Segoe UI Emoji", "Apple Color Emoji", "Noto Color Emoji";
  color: #1f2328; background: #fff; line-height: 1.6; max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.9rem; border-bottom: 3px solid #0b6bcb; padding-bottom: .3rem; }
h2 { font-size: 1.4rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
h3 { font-size: 1.15rem; margin-top: 1.4rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid #d0d7de; padding: .35rem .6rem; text-align: left; vertical-align: top; }
th { background: #eef4fb; }
tr:nth-child(even) td { background: #f8fafc; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2, h3 { break-after: avoid; }
  table, ul, ol { break-inside: avoid; }
  th, tr:nth-child(even) td { background: none; }
}
"#;

pub fn render(document: &Document) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        document.lang_tag,
        escape(&document.title),
        escape(&document.title)
    );
    for block in &document.blocks {
        match block {
            Block::Heading(level, text) => out.push_str(&format!("<h{level}>{}</h{level}>\n", escape(text))),
            Block::Paragraph(text) => out.push_str(&format!("<p>{}</p>\n", escape(text))),
            Block::Table(table) => table_into(&mut out, table),
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                out.push_str(&format!("<{tag}>\n"));
                for item in items {
                    out.push_str(&format!("<li>{}</li>\n", escape(item)));
                }
                out.push_str(&format!("</{tag}>\n"));
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn table_into(out: &mut String, table: &Table) {
    let cells =
        |tag: &str, cells: &[String]| cells.iter().map(|c| format!("<{tag}>{}</{tag}>", escape(c))).collect::<String>();
    out.push_str(&format!("<table>\n<thead><tr>{}</tr></thead>\n<tbody>\n", cells("th", &table.headers)));
    for row in &table.rows {
        out.push_str(&format!("<tr>{}</tr>\n", cells("td", row)));
    }
    out.push_str("</tbody>\n</table>\n");
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::export::document;
    use crate::core::export::labels::Labels;
    use crate::core::lang::Lang;
    use crate::core::locale::Locales;
    use crate::core::session::{Session, Timestamp};

    #[test]
    fn team_names_cannot_inject_markup() {
        let mut session = Session::demo(Lang::En);
        session.teams[0].name = "<script>alert('x')</script> & co".into();
        let html = render(&document::report(
            &session,
            crate::core::scoring::shipped_rubrics(),
            &Labels::new(Locales::compiled_in(), Lang::En),
            Timestamp(0),
        ));
        assert!(!html.contains("<script"));
        assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"));
    }

    #[test]
    fn round_sections_show_in_both_languages_with_quotes_escaped() {
        let mut session = Session::demo(Lang::Zh);
        session.rounds[3].rep = "<i>胡军</i>".into();
        session.rounds[3].events.push(crate::core::round::RoundEvent {
            t: 240.0,
            what: crate::core::round::Observed::Quote("这是公司的规定".into()),
        });
        for (lang, heading) in [(Lang::Zh, "<h3>第 1 轮 · 火凤凰 · "), (Lang::En, "<h3>Round 1 · 火凤凰 · ")]
        {
            let html = render(&document::report(
                &session,
                crate::core::scoring::shipped_rubrics(),
                &Labels::new(Locales::compiled_in(), lang),
                Timestamp(0),
            ));
            assert!(html.contains(heading), "{lang:?}");
            assert!(html.contains("<td>4:00</td>"), "the typed quote's penalty at its time");
            assert!(html.contains("<td>&lt;i&gt;胡军&lt;/i&gt;</td>") && !html.contains("<i>"));
        }
    }

    #[test]
    fn the_page_is_self_contained_with_a_cjk_font_stack() {
        let session = Session::demo(Lang::Zh);
        let html = render(&document::report(
            &session,
            crate::core::scoring::shipped_rubrics(),
            &Labels::new(Locales::compiled_in(), Lang::Zh),
            Timestamp(0),
        ));
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
        assert!(html.contains(r#""Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC""#));
        assert!(html.contains("@media print"));
        for external in ["src=", "href=", "url(", "@import", "http"] {
            assert!(!html.contains(external), "{external}");
        }
    }
}
