//! The report as a list of blocks, built once and rendered as Markdown or HTML.

use crate::core::round::{BestGain, CustomerPlayer, Improvement, RoundEnding, RoundRecord, best_gain};
use crate::core::scoring::Rubrics;
use crate::core::session::{Debrief, Session, Timestamp};

use super::labels::Labels;
use super::tables::{self, Table};
use crate::core::time;

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
pub fn report(session: &Session, rubrics: &Rubrics, labels: &Labels, exported_at: Timestamp) -> Document {
    let title = if session.name.trim().is_empty() { labels.untitled.to_string() } else { session.name.clone() };
    let mut blocks =
        vec![Block::Paragraph(format!("{}: {}", labels.exported_at.as_str(), time::local_readable(exported_at)))];
    blocks.extend(agenda(session, labels));
    blocks.extend(teams(session, labels));
    blocks.push(Block::Heading(2, labels.leaderboard.to_string()));
    blocks.push(Block::Table(tables::leaderboard(session, labels)));
    blocks.extend(rounds(session, rubrics, labels));
    blocks.extend(calibration(session, rubrics, labels));
    blocks.extend(quizzes(session, labels));
    blocks.push(Block::Heading(2, labels.ledger.to_string()));
    blocks.push(if session.ledger.is_empty() {
        Block::Paragraph(labels.empty_ledger.to_string())
    } else {
        Block::Table(tables::ledger(session, labels))
    });
    blocks.extend(stories(session, labels));
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
    let headers = [
        labels.team.as_str(),
        labels.captain.as_str(),
        labels.members.as_str(),
        labels.slogan.as_str(),
        labels.song.as_str(),
    ];
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

fn rounds(session: &Session, rubrics: &Rubrics, labels: &Labels) -> Vec<Block> {
    let mut blocks = vec![Block::Heading(2, labels.rounds.to_string())];
    let ledger_only = tables::ledger_only_rounds(session, labels);
    if tables::finished_rounds(session).next().is_none() && ledger_only.is_none() {
        blocks.push(Block::Paragraph(labels.no_rounds.to_string()));
    }
    for record in tables::finished_rounds(session) {
        blocks.extend(round(session, record, rubrics, labels));
    }
    if let Some(table) = ledger_only {
        blocks.push(Block::Heading(3, labels.ledger_only_rounds.to_string()));
        blocks.push(Block::Table(table));
    }
    blocks
}

/// One round: who played what, how it ended, the scores and points, the steps in the order
/// they happened, the penalties with the words said, and the change that would have gained most.
fn round(session: &Session, record: &RoundRecord, rubrics: &Rubrics, labels: &Labels) -> Vec<Block> {
    let lang = labels.lang;
    let (review, points) = tables::round_result(session, record, rubrics);
    let team = tables::team_name(session, record.team, labels);
    let title = record.title.get(lang);
    let mut blocks = vec![Block::Heading(3, format!("{} · {team} · {title}", labels.round(record.number)))];

    let customer = match &record.customer {
        CustomerPlayer::Trainer => labels.trainer.to_string(),
        CustomerPlayer::Member { team, name } => labels.member_of(name, &tables::team_name(session, *team, labels)),
    };
    let ending = if record.ending == Some(RoundEnding::WalkedOut) || review.walked_out {
        &labels.walked_out
    } else {
        &labels.ended
    };
    let model_name = |id: &str| rubrics.model(id).map_or_else(|| id.to_string(), |m| m.name.get(lang).to_string());
    // The scenario heads the table of facts about the round.
    let mut facts = vec![
        (labels.team.to_string(), team.clone()),
        (labels.rep.to_string(), record.rep.clone()),
        (labels.customer_player.to_string(), customer),
        (labels.ending.to_string(), format!("{ending} ({})", time::minutes_seconds(record.duration_secs))),
        (labels.score.to_string(), format!("{:.1}", review.total())),
        (labels.judged_by.to_string(), model_name(&review.report.judged_by)),
    ];
    facts.extend(review.timelines.iter().map(|t| (t.name.get(lang).to_string(), format!("{:.1}", t.score))));
    facts.extend([
        (labels.peer_average.to_string(), points.peer_average.map_or_else(|| "–".into(), |avg| format!("{avg:.1}"))),
        (labels.points_from_score.to_string(), points.from_score.to_string()),
        (labels.points_from_peers.to_string(), points.from_peers.to_string()),
        (labels.round_points.to_string(), points.total().to_string()),
    ]);
    let rows = facts.into_iter().map(|(k, v)| vec![k, v]).collect();
    blocks.push(Block::Table(Table { headers: vec![labels.scenario.to_string(), title.to_string()], rows }));

    let mut steps: Vec<(&crate::core::round::ModelTimeline, &crate::core::round::TimelineStep)> =
        review.timelines.iter().flat_map(|t| t.shown.iter().map(move |s| (t, s))).collect();
    steps.sort_by(|a, b| a.1.t.total_cmp(&b.1.t));
    if !steps.is_empty() {
        blocks.push(Block::Paragraph(format!("{}:", labels.timeline)));
        let headers = [
            labels.time.as_str(),
            labels.model.as_str(),
            labels.model_step.as_str(),
            labels.order.as_str(),
            labels.said.as_str(),
        ]
        .map(String::from);
        let rows = steps
            .iter()
            .map(|(model, step)| {
                vec![
                    time::minutes_seconds(step.t),
                    model.name.get(lang).to_string(),
                    step.name.get(lang).to_string(),
                    if step.out_of_order { format!("⚠ {}", labels.out_of_order) } else { "✓".to_string() },
                    step.said.clone(),
                ]
            })
            .collect();
        blocks.push(Block::Table(Table { headers: headers.to_vec(), rows }));
    }
    if let Some(judge) = review.timelines.iter().find(|t| t.model == review.report.judged_by)
        && !judge.missing.is_empty()
    {
        let missing: Vec<&str> = judge.missing.iter().map(|(_, name)| name.get(lang)).collect();
        let list = missing.join(lang.list_separator());
        blocks.push(Block::Paragraph(format!("{} ({}): {list}", labels.missing_steps.as_str(), judge.name.get(lang))));
    }

    blocks.push(Block::Paragraph(format!("{}:", labels.penalties)));
    if review.penalties.is_empty() {
        blocks.push(Block::Paragraph(labels.no_penalties.to_string()));
    } else {
        let headers = [labels.time.as_str(), labels.penalty.as_str(), labels.said.as_str(), labels.points.as_str()]
            .map(String::from);
        let rows = review
            .penalties
            .iter()
            .map(|p| {
                vec![
                    time::minutes_seconds(p.t),
                    p.name.get(lang).to_string(),
                    p.said.clone(),
                    format!("{:.1}", p.points),
                ]
            })
            .collect();
        blocks.push(Block::Table(Table { headers: headers.to_vec(), rows }));
    }

    let gain = match best_gain(record, rubrics, session.lang) {
        Some(BestGain { change: Improvement::Step { model, step, explain }, points }) => {
            let doing = labels.gain_by_step(model.get(lang), step.get(lang), points);
            format!("{doing}: {}", explain.get(lang))
        }
        Some(BestGain { change: Improvement::Avoid { penalty, said }, points }) => {
            labels.gain_by_avoiding(penalty.get(lang), &said, points)
        }
        None => labels.nothing_to_gain.to_string(),
    };
    blocks.push(Block::Paragraph(format!("{}: {gain}", labels.best_gain)));
    blocks
}

/// Observers against the trainer, when phones observed any round: each round's agreement, each
/// observer's closeness to the consensus, and the day's judges, best first.
fn calibration(session: &Session, rubrics: &Rubrics, labels: &Labels) -> Vec<Block> {
    let rounds = tables::calibration_rounds(session, rubrics, labels);
    if rounds.rows.is_empty() {
        return Vec::new();
    }
    let judges = tables::judges(session, rubrics, labels);
    let mut blocks = vec![Block::Heading(2, labels.calibration.clone()), Block::Table(rounds)];
    if let Some(best) = judges.rows.first() {
        blocks.push(Block::Paragraph(format!(
            "{}: {} · {} {}",
            labels.best_judge,
            labels.member_of(&best[0], &best[1]),
            best[3],
            labels.judge_points
        )));
    }
    blocks.push(Block::Table(judges));
    blocks.push(Block::Table(tables::calibration(session, rubrics, labels)));
    blocks
}

/// Experience sharing: each participant's story, when any were told.
fn quizzes(session: &Session, labels: &Labels) -> Vec<Block> {
    if session.quizzes.is_empty() {
        return Vec::new();
    }
    let mut blocks = vec![Block::Heading(2, labels.quizzes.to_string())];
    blocks.push(Block::Table(tables::quiz_teams(session, labels)));
    blocks.push(Block::Table(tables::quiz_questions(session, labels)));
    let players = tables::quiz_players(session, labels);
    if !players.rows.is_empty() {
        blocks.push(Block::Table(players));
    }
    blocks
}

fn stories(session: &Session, labels: &Labels) -> Vec<Block> {
    if session.stories.is_empty() {
        return Vec::new();
    }
    let answer = |value: Option<bool>| match value {
        Some(true) => labels.yes.clone(),
        Some(false) => labels.no.clone(),
        None => String::new(),
    };
    let headers = [
        &labels.story_who,
        &labels.story_place,
        &labels.story_good,
        &labels.story_bad,
        &labels.story_come_back,
        &labels.story_recommend,
    ]
    .map(String::clone)
    .to_vec();
    let rows = session
        .stories
        .iter()
        .map(|story| {
            let who = match story.team {
                Some(team) => labels.member_of(&story.name, &tables::team_name(session, team, labels)),
                None => story.name.clone(),
            };
            vec![
                who,
                story.place.clone(),
                story.good.clone(),
                story.bad.clone(),
                answer(story.come_back),
                answer(story.recommend),
            ]
        })
        .collect();
    vec![Block::Heading(2, labels.stories.clone()), Block::Table(Table { headers, rows })]
}

fn debriefs(session: &Session, labels: &Labels) -> Vec<Block> {
    let shape = session.debrief_shape;
    let title = format!("{}-{}-{} {}", shape.takeaways, shape.tools, shape.actions, labels.debriefs);
    let mut blocks = vec![Block::Heading(2, title)];
    if session.debriefs.is_empty() {
        blocks.push(Block::Paragraph(labels.no_debriefs.to_string()));
    }
    for debrief in ordered_debriefs(session) {
        let team =
            debrief.team.map_or_else(|| labels.whole_class.to_string(), |id| tables::team_name(session, id, labels));
        let owner = debrief.participant.as_ref().map_or_else(|| team.clone(), |name| labels.member_of(name, &team));
        blocks.push(Block::Heading(3, owner));
        blocks.push(Block::Paragraph(format!("{}:", labels.takeaways)));
        blocks.push(Block::List { ordered: true, items: debrief.takeaways.clone() });
        blocks.push(Block::Paragraph(format!("{}:", labels.tools)));
        blocks.push(Block::List { ordered: false, items: debrief.tools.clone() });
        let headers =
            [labels.what.as_str(), labels.by_when.as_str(), labels.checker.as_str()].map(String::from).to_vec();
        let rows = debrief.actions.iter().map(|a| vec![a.what.clone(), a.by_when.clone(), a.checker.clone()]).collect();
        blocks.push(Block::Paragraph(format!("{}:", labels.actions)));
        blocks.push(Block::Table(Table { headers, rows }));
    }
    blocks
}

/// Debriefs in team order, then those of removed teams and of the whole class as written.
fn ordered_debriefs(session: &Session) -> Vec<&Debrief> {
    let mut ordered: Vec<&Debrief> = session.debriefs.iter().collect();
    // A team's own debrief comes before its members'.
    ordered
        .sort_by_key(|d| (d.team.and_then(|id| session.team_index(id)).unwrap_or(usize::MAX), d.participant.is_some()));
    ordered
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::locale::Locales;

    use crate::core::lang::Lang;

    use crate::core::scoring::shipped_rubrics as rubrics;

    fn paragraphs(document: &Document) -> Vec<&str> {
        document
            .blocks
            .iter()
            .filter_map(|b| if let Block::Paragraph(p) = b { Some(p.as_str()) } else { None })
            .collect()
    }

    #[test]
    fn a_story_from_a_phone_is_a_row_of_the_report_and_stays_text() {
        let mut session = Session::demo(Lang::En);
        let team = session.teams[0].id();
        session.stories.push(crate::core::session::story::Story {
            team: Some(team),
            name: "Ann".into(),
            place: "<script>".into(),
            good: "quick".into(),
            come_back: Some(true),
            ..Default::default()
        });
        let labels = Labels::new(Locales::compiled_in(), Lang::En);
        let document = report(&session, rubrics(), &labels, Timestamp(0));
        let at = document.blocks.iter().position(|b| *b == Block::Heading(2, "Experience sharing".into())).unwrap();
        let Block::Table(table) = &document.blocks[at + 1] else { panic!("a table follows") };
        assert_eq!(table.headers[0], "Who");
        assert_eq!(table.rows, [vec!["Ann (Lightning)", "<script>", "quick", "", "yes", ""]]);
        let html = super::super::html::render(&document);
        assert!(html.contains("&lt;script&gt;") && !html.contains("<script>"));
    }

    #[test]
    fn says_so_when_no_round_or_debrief_was_recorded() {
        let mut session = Session::demo(Lang::En);
        session.ledger.retain(|e| !matches!(e.source, crate::core::session::PointsSource::Round(_)));
        session.rounds.clear();
        session.debriefs.clear();
        let labels = &Labels::new(Locales::compiled_in(), Lang::En);
        let document = report(&session, rubrics(), labels, Timestamp(0));
        let paragraphs = paragraphs(&document);
        assert!(paragraphs.contains(&labels.no_rounds.as_str()) && paragraphs.contains(&labels.no_debriefs.as_str()));
    }

    #[test]
    fn the_demo_report_has_a_section_per_round_and_per_team_debrief() {
        let session = Session::demo(Lang::Zh);
        let document = report(&session, rubrics(), &Labels::new(Locales::compiled_in(), Lang::Zh), Timestamp(0));
        let headings: Vec<&str> = document
            .blocks
            .iter()
            .filter_map(|b| if let Block::Heading(_, h) = b { Some(h.as_str()) } else { None })
            .collect();
        assert!(headings.contains(&"第 1 轮 · 闪电队 · 开业物料整箱丢失"), "{headings:?}");
        assert!(headings.contains(&"第 2 轮 · 星火队 · 出差一周,手机账单多出一千二漫游费"), "{headings:?}");
        assert!(headings.contains(&"5-3-1 总结"), "{headings:?}");
        assert_eq!(headings.iter().filter(|h| h.starts_with("第 ")).count(), session.rounds.len());
        for team in &session.teams {
            assert!(headings.contains(&team.name.as_str()), "{}", team.name);
        }
        assert_eq!(document.title, session.name);
    }

    #[test]
    fn a_report_in_the_other_language_takes_the_agenda_titles_in_that_language() {
        let session = Session::demo(Lang::Zh);
        let document = report(&session, rubrics(), &Labels::new(Locales::compiled_in(), Lang::En), Timestamp(0));
        let agenda = document.blocks.iter().find_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).unwrap();
        assert_eq!(agenda.headers, ["Step", "Minutes"]);
        assert_eq!(agenda.rows[0][0], "Classroom agreement");
    }

    #[test]
    fn a_round_section_shows_the_people_timeline_penalties_and_best_gain_in_the_report_language() {
        let session = Session::demo(Lang::En);
        for (lang, walked_out, policy, order, gain) in [
            (
                Lang::En,
                "walked out",
                "That's company policy",
                "⚠ out of order",
                "Doing \"7A complaint handling · Acknowledge\"",
            ),
            (Lang::Zh, "离开", "That's company policy", "⚠ 顺序颠倒", "做到“7A投诉处理 · 认同”"),
        ] {
            let document = report(&session, rubrics(), &Labels::new(Locales::compiled_in(), lang), Timestamp(0));
            let start = document
                .blocks
                .iter()
                .position(|b| matches!(b, Block::Heading(3, h) if h.contains("Phoenix") || h.contains("火凤凰")))
                .unwrap();
            let section: Vec<&Block> =
                document.blocks[start + 1..].iter().take_while(|b| !matches!(b, Block::Heading(..))).collect();
            let tables: Vec<&Table> =
                section.iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).collect();
            let cells: Vec<&str> = tables.iter().flat_map(|t| t.rows.iter().flatten()).map(String::as_str).collect();
            assert!(cells.contains(&"Jun Hu") && cells.contains(&"14"), "{cells:?}");
            let customer = Labels::new(Locales::compiled_in(), lang).member_of("Ting Xie", "Sparks");
            assert!(cells.contains(&customer.as_str()), "{cells:?}");
            assert!(cells.contains(&"1:10") && cells.contains(&policy), "the taboo phrase with its time: {cells:?}");
            assert!(cells.contains(&order), "the late apology is marked: {cells:?}");
            assert!(!cells.iter().any(|c| c.contains(walked_out)), "this round ended normally");
            let paragraphs: Vec<&str> = section
                .iter()
                .filter_map(|b| if let Block::Paragraph(p) = b { Some(p.as_str()) } else { None })
                .collect();
            assert!(paragraphs.iter().any(|p| p.contains(gain)), "{paragraphs:?}");
        }
    }
}
