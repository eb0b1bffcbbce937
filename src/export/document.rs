//! The report as a list of blocks, built once and rendered as Markdown or HTML.

use crate::session::{Debrief, Session, Timestamp};

use super::labels::Labels;
use super::tables::{self, Table};
use super::time;

/// A piece of the report; all text is plain (renderers escape it).
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section (level 2) or subsection (level 3) title.
    Heading(u8, String),
    Paragraph(String),
    Table(Table),
    List {
        ordered: bool,
        items: Vec<String>,
    },
}

pub struct Document {
    pub title: String,
    /// The language tag of the text (`zh-CN`, `en-US`).
    pub lang_tag: &'static str,
    pub blocks: Vec<Block>,
}

/// The report of the camp: agenda, teams, leaderboard, rounds, ledger and debriefs.
pub fn report(session: &Session, labels: &Labels, exported_at: Timestamp) -> Document {
    let title = if session.name.trim().is_empty() { labels.untitled.to_string() } else { session.name.clone() };
    let mut blocks = vec![Block::Paragraph(format!("{}: {}", labels.exported_at, time::readable(exported_at)))];
    blocks.extend(agenda(session, labels));
    blocks.extend(teams(session, labels));
    blocks.push(Block::Heading(2, labels.leaderboard.to_string()));
    blocks.push(Block::Table(tables::leaderboard(session, labels)));
    blocks.extend(rounds(session, labels));
    blocks.push(Block::Heading(2, labels.ledger.to_string()));
    blocks.push(if session.ledger.is_empty() {
        Block::Paragraph(labels.empty_ledger.to_string())
    } else {
        Block::Table(tables::ledger(session, labels))
    });
    blocks.extend(debriefs(session, labels));
    Document { title, lang_tag: labels.tag, blocks }
}

fn agenda(session: &Session, labels: &Labels) -> Vec<Block> {
    let lang = labels.lang;
    let mut rows: Vec<Vec<String>> =
        session.agenda.iter().map(|s| vec![s.title.get(lang).to_string(), s.minutes.to_string()]).collect();
    rows.push(vec![labels.total_minutes.to_string(), session.agenda_minutes().to_string()]);
    let table = Table { headers: vec![labels.step.to_string(), labels.minutes.to_string()], rows };
    vec![Block::Heading(2, labels.agenda.to_string()), Block::Table(table)]
}

fn teams(session: &Session, labels: &Labels) -> Vec<Block> {
    if session.teams.is_empty() {
        return vec![Block::Heading(2, labels.teams.to_string()), Block::Paragraph(labels.no_teams.to_string())];
    }
    let headers = [labels.team, labels.captain, labels.members, labels.slogan, labels.song];
    let rows = session
        .teams
        .iter()
        .map(|t| {
            let name = format!("{} {}", t.emoji, t.name).trim().to_string();
            let members = t.members.join(labels.lang.list_separator());
            vec![name, t.captain.clone(), members, t.slogan.clone(), t.song.clone()]
        })
        .collect();
    let table = Table { headers: headers.iter().map(|h| h.to_string()).collect(), rows };
    vec![Block::Heading(2, labels.teams.to_string()), Block::Table(table)]
}

fn rounds(session: &Session, labels: &Labels) -> Vec<Block> {
    let mut blocks = vec![Block::Heading(2, labels.rounds.to_string())];
    let recorded = tables::recorded_rounds(session);
    if recorded.is_empty() {
        blocks.push(Block::Paragraph(labels.no_rounds.to_string()));
    }
    for round in recorded {
        blocks.push(Block::Heading(3, (labels.round)(round)));
        blocks.push(Block::Table(tables::one_round_scores(session, round, labels)));
        blocks.push(Block::Paragraph(format!("{}:", labels.timeline)));
        blocks.push(Block::Table(tables::round_timeline(session, round, labels)));
    }
    blocks
}

fn debriefs(session: &Session, labels: &Labels) -> Vec<Block> {
    let shape = session.debrief_shape;
    let title = format!("{}-{}-{} {}", shape.takeaways, shape.tools, shape.actions, labels.debriefs);
    let mut blocks = vec![Block::Heading(2, title)];
    if session.debriefs.is_empty() {
        blocks.push(Block::Paragraph(labels.no_debriefs.to_string()));
    }
    for debrief in ordered_debriefs(session) {
        let owner =
            debrief.team.map_or_else(|| labels.whole_class.to_string(), |id| tables::team_name(session, id, labels));
        blocks.push(Block::Heading(3, owner));
        blocks.push(Block::Paragraph(format!("{}:", labels.takeaways)));
        blocks.push(Block::List { ordered: true, items: debrief.takeaways.clone() });
        blocks.push(Block::Paragraph(format!("{}:", labels.tools)));
        blocks.push(Block::List { ordered: false, items: debrief.tools.clone() });
        let headers = [labels.what, labels.by_when, labels.checker].map(String::from).to_vec();
        let rows = debrief.actions.iter().map(|a| vec![a.what.clone(), a.by_when.clone(), a.checker.clone()]).collect();
        blocks.push(Block::Paragraph(format!("{}:", labels.actions)));
        blocks.push(Block::Table(Table { headers, rows }));
    }
    blocks
}

/// Debriefs in team order, then those of removed teams and of the whole class as written.
fn ordered_debriefs(session: &Session) -> Vec<&Debrief> {
    let mut ordered: Vec<&Debrief> = session.debriefs.iter().collect();
    ordered.sort_by_key(|d| d.team.and_then(|id| session.team_index(id)).unwrap_or(usize::MAX));
    ordered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::labels;
    use crate::lang::Lang;

    fn paragraphs(document: &Document) -> Vec<&str> {
        document
            .blocks
            .iter()
            .filter_map(|b| if let Block::Paragraph(p) = b { Some(p.as_str()) } else { None })
            .collect()
    }

    #[test]
    fn says_so_when_no_round_or_debrief_was_recorded() {
        let mut session = Session::demo(Lang::En);
        session.ledger.retain(|e| !matches!(e.source, crate::session::PointsSource::Round(_)));
        session.debriefs.clear();
        let labels = labels::for_lang(Lang::En);
        let document = report(&session, labels, Timestamp(0));
        let paragraphs = paragraphs(&document);
        assert!(paragraphs.contains(&labels.no_rounds) && paragraphs.contains(&labels.no_debriefs));
    }

    #[test]
    fn the_demo_report_has_a_section_per_round_and_per_team_debrief() {
        let session = Session::demo(Lang::Zh);
        let document = report(&session, labels::for_lang(Lang::Zh), Timestamp(0));
        let headings: Vec<&str> = document
            .blocks
            .iter()
            .filter_map(|b| if let Block::Heading(_, h) = b { Some(h.as_str()) } else { None })
            .collect();
        assert!(headings.contains(&"第 1 轮") && headings.contains(&"5-3-1 总结"), "{headings:?}");
        for team in &session.teams {
            assert!(headings.contains(&team.name.as_str()), "{}", team.name);
        }
        assert_eq!(document.title, session.name);
    }

    #[test]
    fn a_report_in_the_other_language_takes_the_agenda_titles_in_that_language() {
        let session = Session::demo(Lang::Zh);
        let document = report(&session, labels::for_lang(Lang::En), Timestamp(0));
        let agenda = document.blocks.iter().find_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).unwrap();
        assert_eq!(agenda.headers, ["Step", "Minutes"]);
        assert_eq!(agenda.rows[0][0], "Classroom agreement");
    }
}
