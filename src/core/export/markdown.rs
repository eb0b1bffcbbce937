//! The report in Markdown (CommonMark with GFM tables).

use super::document::{Block, Document};
use super::tables::Table;

pub fn render(document: &Document) -> String {
    let mut out = format!("# {}\n", inline(&document.title));
    for block in &document.blocks {
        out.push('\n');
        match block {
            Block::Heading(level, text) => {
                out.push_str(&format!("{} {}\n", "#".repeat(usize::from(*level)), inline(text)));
            }
            Block::Paragraph(text) => out.push_str(&format!("{}\n", inline(text))),
            Block::Table(table) => table_into(&mut out, table),
            Block::List { ordered, items } => {
                for (i, item) in items.iter().enumerate() {
                    let marker = if *ordered { format!("{}.", i + 1) } else { "-".to_string() };
                    out.push_str(&format!("{marker} {}\n", inline(item)));
                }
            }
        }
    }
    out
}

fn table_into(out: &mut String, table: &Table) {
    let row = |cells: &[String]| format!("| {} |\n", cells.iter().map(|c| inline(c)).collect::<Vec<_>>().join(" | "));
    out.push_str(&row(&table.headers));
    out.push_str(&format!("|{}\n", " --- |".repeat(table.headers.len())));
    for cells in &table.rows {
        out.push_str(&row(cells));
    }
}

/// Text typed by trainers as one line of literal Markdown: line breaks become spaces and
/// characters Markdown would read as markup are escaped.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\r' | '\n' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::export::labels::Labels;
    use crate::core::locale::Locales;

    use crate::core::lang::Lang;
    use crate::core::session::{Session, Timestamp};

    #[test]
    fn escapes_markup_and_keeps_table_rows_on_one_line() {
        assert_eq!(inline("a|b\n*c* <x> #1"), r"a\|b \*c\* \<x\> \#1");
        let table = Table { headers: vec!["h".into()], rows: vec![vec!["x|y\nz".into()]] };
        let mut out = String::new();
        table_into(&mut out, &table);
        assert_eq!(out, "| h |\n| --- |\n| x\\|y z |\n");
    }

    #[test]
    fn the_demo_report_is_in_the_sessions_language() {
        let session = Session::demo(Lang::Zh);
        let document = crate::core::export::document::report(
            &session,
            crate::core::scoring::shipped_rubrics(),
            &Labels::new(Locales::compiled_in(), Lang::Zh),
            Timestamp(0),
        );
        let markdown = render(&document);
        assert!(markdown.starts_with(&format!("# {}", session.name)));
        for heading in
            ["## 日程", "## 排行榜", "### 第 1 轮 · 闪电队 · 开业物料整箱丢失", "## 5-3-1 总结", "### 闪电队"]
        {
            assert!(markdown.contains(heading), "{heading}");
        }
        assert!(
            markdown.contains("| 1:10 | 禁语 | 这是公司的规定 | -8.0 |"),
            "the taboo phrase in the round's penalties"
        );
    }

    #[test]
    fn a_round_section_in_english_escapes_what_the_trainer_typed() {
        let mut session = Session::demo(Lang::En);
        session.rounds[0].rep = "*Na* | Li".into();
        let rubrics = crate::core::scoring::shipped_rubrics();
        let markdown = render(&crate::core::export::document::report(
            &session,
            rubrics,
            &Labels::new(Locales::compiled_in(), Lang::En),
            Timestamp(0),
        ));
        assert!(markdown.contains("### Round 1 · Lightning · A whole box of opening-day stock is lost"));
        assert!(markdown.contains("| Rep | \\*Na\\* \\| Li |"), "{markdown}");
        assert!(markdown.contains("The one change worth most: "));
    }
}
