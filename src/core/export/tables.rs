//! The tables both the report and the CSV files show, so the two always agree.

use crate::core::quiz::Answerer;
use crate::core::quiz::play::{ledger_points, right_choice};
use crate::core::room::seat::SeatId;
use crate::core::round::calibration::{Calibration, judge_standings};
use crate::core::round::{RoundPoints, RoundRecord, RoundReview};
use crate::core::scoring::Rubrics;
use crate::core::session::{PointsEntry, PointsSource, Session, TeamId};

use super::labels::Labels;
use crate::core::time;

/// A table of text cells; every row has one cell per header.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    fn new(headers: &[&str]) -> Table {
        Table { headers: headers.iter().map(|h| h.to_string()).collect(), rows: Vec::new() }
    }
}

/// A team's name, or what the report calls a team that was removed after scoring.
pub fn team_name(session: &Session, team: TeamId, labels: &Labels) -> String {
    session.team(team).map_or_else(|| labels.removed_team(team.0), |t| t.name.clone())
}

/// Teams from first to last place, with their totals and the change since the latest round.
pub fn leaderboard(session: &Session, labels: &Labels) -> Table {
    let mut table = Table::new(&[
        labels.rank.as_str(),
        labels.team.as_str(),
        labels.total.as_str(),
        labels.change_since_last_round.as_str(),
    ]);
    let (totals, change) = (session.totals(), session.change_since_last_round());
    for (place, index) in session.ranking().into_iter().enumerate() {
        let team = &session.teams[index];
        table.rows.push(vec![
            (place + 1).to_string(),
            team.name.clone(),
            totals[index].to_string(),
            format!("{:+}", change[index]),
        ]);
    }
    table
}

/// Every ledger entry in the order it was recorded, undone ones marked as such.
pub fn ledger(session: &Session, labels: &Labels) -> Table {
    let mut table = Table::new(&[
        labels.entry_number.as_str(),
        labels.time.as_str(),
        labels.team.as_str(),
        labels.source.as_str(),
        labels.points.as_str(),
        labels.reason.as_str(),
        labels.status.as_str(),
    ]);
    for (number, entry) in session.ledger.iter().enumerate() {
        let status = match entry.undone_at {
            None => labels.counts.to_string(),
            Some(at) => format!("{} ({})", labels.undone.as_str(), time::local_readable(at)),
        };
        let mut row = entry_cells(session, entry, labels);
        row.insert(0, (number + 1).to_string());
        row.insert(3, labels.source(entry.source));
        row.push(status);
        table.rows.push(row);
    }
    table
}

/// Time, team, points and reason of one entry: a line of a timeline.
fn entry_cells(session: &Session, entry: &PointsEntry, labels: &Labels) -> Vec<String> {
    vec![
        time::local_readable(entry.at),
        team_name(session, entry.team, labels),
        entry.points.to_string(),
        entry.reason.clone(),
    ]
}

/// The rounds that ended, in the order they were played: the ones the report describes.
pub fn finished_rounds(session: &Session) -> impl Iterator<Item = &RoundRecord> {
    session.rounds.iter().filter(|r| !r.is_running())
}

/// What a round earned: its review (replayed in the session's language, the language of its
/// quotes) and its points by the session's rules.
pub fn round_result(session: &Session, record: &RoundRecord, rubrics: &Rubrics) -> (RoundReview, RoundPoints) {
    let review = RoundReview::of(record, rubrics, session.lang);
    let points = RoundPoints::of(review.total(), record.peer_average(), &session.round_rules);
    (review, points)
}

/// Live round entries of the ledger that no round record owns (sessions from before rounds
/// were recorded, or points typed in by hand).
fn ledger_only_round_entries(session: &Session) -> impl Iterator<Item = &PointsEntry> {
    session.ledger.iter().enumerate().filter_map(|(index, entry)| {
        let owned = session.rounds.iter().any(|r| r.ledger_entry == Some(index));
        (entry.is_live() && matches!(entry.source, PointsSource::Round(_)) && !owned).then_some(entry)
    })
}

/// One row per finished round: who served, the score and each model's score, the peers'
/// average and the points. Round points the ledger holds without a record follow, points only.
pub fn round_results(session: &Session, rubrics: &Rubrics, labels: &Labels) -> Table {
    let lang = labels.lang;
    let results: Vec<(&RoundRecord, RoundReview, RoundPoints)> = finished_rounds(session)
        .map(|record| {
            let (review, points) = round_result(session, record, rubrics);
            (record, review, points)
        })
        .collect();
    // Every model that judged any round, in the rubrics' order, one column each.
    let models: Vec<&crate::core::scoring::rubric::Model> = rubrics
        .models
        .iter()
        .filter(|m| results.iter().any(|(_, review, _)| review.timelines.iter().any(|t| t.model == m.id)))
        .collect();
    let mut headers = vec![labels.round_column.clone(), labels.team.clone(), labels.rep.clone()];
    headers.extend([labels.scenario.clone(), labels.score.clone()]);
    headers.extend(models.iter().map(|m| m.name.get(lang).to_string()));
    headers.extend(
        [
            labels.peer_average.as_str(),
            labels.points_from_score.as_str(),
            labels.points_from_peers.as_str(),
            labels.points.as_str(),
        ]
        .map(String::from),
    );
    let mut table = Table { headers, rows: Vec::new() };
    for (record, review, points) in &results {
        let mut row = vec![
            record.number.to_string(),
            team_name(session, record.team, labels),
            record.rep.clone(),
            record.title.get(lang).to_string(),
            format!("{:.1}", review.total()),
        ];
        row.extend(models.iter().map(|m| {
            review.timelines.iter().find(|t| t.model == m.id).map_or_else(String::new, |t| format!("{:.1}", t.score))
        }));
        row.extend([
            points.peer_average.map_or_else(String::new, |avg| format!("{avg:.1}")),
            points.from_score.to_string(),
            points.from_peers.to_string(),
            points.total().to_string(),
        ]);
        table.rows.push(row);
    }
    for entry in ledger_only_round_entries(session) {
        let mut row = vec![String::new(); table.headers.len()];
        row[0] = match entry.source {
            PointsSource::Round(n) => n.to_string(),
            _ => String::new(),
        };
        row[1] = team_name(session, entry.team, labels);
        row[table.headers.len() - 1] = entry.points.to_string();
        table.rows.push(row);
    }
    table
}

/// The rounds whose observers were revealed, with their calibration.
pub fn calibrated_rounds<'s>(
    session: &'s Session,
    rubrics: &Rubrics,
) -> impl Iterator<Item = (&'s RoundRecord, Calibration)> {
    session
        .rounds
        .iter()
        .filter(|r| r.observers_revealed)
        .map(move |r| (r, Calibration::of(r, rubrics, session.lang)))
        .filter(|(_, c)| !c.observers.is_empty())
}

/// A participant who observed: "name (team)" as the room knows them now.
pub fn observer_name(session: &Session, seat: SeatId, labels: &Labels) -> (String, String) {
    match session.room.seat(seat) {
        Some(s) => (s.name.clone(), team_name(session, s.team, labels)),
        None => (format!("#{}", seat.0), String::new()),
    }
}

fn percent(share: Option<f64>) -> String {
    share.map_or_else(String::new, |s| format!("{:.0}%", s * 100.0))
}

/// One row per observed round: who served, how many observed, the share within tolerance,
/// Krippendorff's α and the items the room's majority disputed (✓ where the consensus took
/// the room's side).
pub fn calibration_rounds(session: &Session, rubrics: &Rubrics, labels: &Labels) -> Table {
    let mut table = Table::new(&[
        labels.round_column.as_str(),
        labels.team.as_str(),
        labels.observers.as_str(),
        labels.within_tolerance.as_str(),
        labels.alpha.as_str(),
        labels.disputed.as_str(),
    ]);
    for (record, calibration) in calibrated_rounds(session, rubrics) {
        let disputed: Vec<String> = calibration
            .items
            .iter()
            .filter(|i| i.disputed())
            .map(|i| {
                let settled = if i.consensus != i.trainer_at.is_some() { " ✓" } else { "" };
                format!("{} {}/{}{settled}", i.name.get(labels.lang), i.seen_by, i.of)
            })
            .collect();
        table.rows.push(vec![
            record.number.to_string(),
            team_name(session, record.team, labels),
            calibration.observers.len().to_string(),
            percent(calibration.within_tolerance),
            calibration.alpha.map_or_else(String::new, |a| format!("{a:.2}")),
            disputed.join(labels.lang.list_separator()),
        ]);
    }
    table
}

/// One row per observer per observed round: the observer, their team, the round and its
/// serving team, their agreement with the consensus and their judge points.
pub fn calibration(session: &Session, rubrics: &Rubrics, labels: &Labels) -> Table {
    let mut table = Table::new(&[
        labels.observer.as_str(),
        labels.team.as_str(),
        labels.round_column.as_str(),
        labels.serving_team.as_str(),
        labels.agreement.as_str(),
        labels.judge_points.as_str(),
    ]);
    for (record, calibration) in calibrated_rounds(session, rubrics) {
        for judge in &calibration.judges {
            let (name, team) = observer_name(session, judge.seat, labels);
            table.rows.push(vec![
                name,
                team,
                record.number.to_string(),
                team_name(session, record.team, labels),
                percent(Some(judge.agreement())),
                judge.points.to_string(),
            ]);
        }
    }
    table
}

/// Each observer's day: rounds observed, judge points and mean agreement, best judge first.
pub fn judges(session: &Session, rubrics: &Rubrics, labels: &Labels) -> Table {
    let mut table = Table::new(&[
        labels.observer.as_str(),
        labels.team.as_str(),
        labels.rounds.as_str(),
        labels.judge_points.as_str(),
        labels.agreement.as_str(),
    ]);
    for total in judge_standings(&session.rounds, rubrics, session.lang) {
        let (name, team) = observer_name(session, total.seat, labels);
        table.rows.push(vec![
            name,
            team,
            total.rounds.to_string(),
            total.points.to_string(),
            percent(Some(total.agreement)),
        ]);
    }
    table
}

/// The round entries of the ledger no record explains, as they were recorded.
pub fn ledger_only_rounds(session: &Session, labels: &Labels) -> Option<Table> {
    let mut table = Table::new(&[
        labels.time.as_str(),
        labels.team.as_str(),
        labels.round_column.as_str(),
        labels.points.as_str(),
        labels.reason.as_str(),
    ]);
    for entry in ledger_only_round_entries(session) {
        let mut row = entry_cells(session, entry, labels);
        row.insert(2, labels.source(entry.source));
        table.rows.push(row);
    }
    (!table.rows.is_empty()).then_some(table)
}

/// One row per question of every quiz: what was asked, how the room answered (per choice), the
/// share wholly right and the right answer.
pub fn quiz_questions(session: &Session, labels: &Labels) -> Table {
    let mut table = Table::new(&[
        labels.quizzes.as_str(),
        labels.question.as_str(),
        labels.question_kind.as_str(),
        labels.model.as_str(),
        labels.answers.as_str(),
        labels.distribution.as_str(),
        labels.percent_correct.as_str(),
        labels.right_answer.as_str(),
    ]);
    let lang = labels.lang;
    for quiz in &session.quizzes {
        for (n, question) in quiz.questions.iter().enumerate().take(quiz.closed_at.len()) {
            let texts = question.choice_texts(lang, labels.locales());
            let distribution: Vec<String> =
                quiz.distribution(n).iter().zip(&texts).map(|(count, text)| format!("{text}: {count}")).collect();
            let (answered, right) = quiz.answered_right(n);
            let right_answer: Vec<&str> = right_choice(question).iter().map(|&c| texts[c].as_str()).collect();
            table.rows.push(vec![
                quiz.number.to_string(),
                format!("{}. {}", n + 1, question.prompt.get(lang)),
                question.kind.name().slug().to_string(),
                question.model.clone(),
                answered.to_string(),
                distribution.join(" · "),
                percent((answered > 0).then(|| right as f64 / answered as f64)),
                right_answer.join(" → "),
            ]);
        }
    }
    table
}

/// Each team's quiz points, place and the ledger points they became.
pub fn quiz_teams(session: &Session, labels: &Labels) -> Table {
    let mut table = Table::new(&[
        labels.quizzes.as_str(),
        labels.place.as_str(),
        labels.team.as_str(),
        labels.quiz_points.as_str(),
        labels.ledger_points.as_str(),
    ]);
    let teams: Vec<TeamId> = session.teams.iter().map(|t| t.id()).collect();
    for quiz in &session.quizzes {
        for standing in quiz.team_standings(&teams, &session.room.seats) {
            table.rows.push(vec![
                quiz.number.to_string(),
                standing.place.to_string(),
                team_name(session, standing.who, labels),
                standing.points.to_string(),
                ledger_points(standing.points).to_string(),
            ]);
        }
    }
    table
}

/// Each participant who answered on a phone: right answers, quiz points and place.
pub fn quiz_players(session: &Session, labels: &Labels) -> Table {
    let mut table = Table::new(&[
        labels.quizzes.as_str(),
        labels.place.as_str(),
        labels.participant.as_str(),
        labels.team.as_str(),
        labels.right_answers.as_str(),
        labels.quiz_points.as_str(),
    ]);
    for quiz in &session.quizzes {
        let scored = quiz.scored();
        for standing in quiz.player_standings() {
            let (name, team) = observer_name(session, standing.who, labels);
            let right = scored
                .iter()
                .find(|(by, _)| *by == Answerer::Seat(standing.who))
                .map_or(0, |(_, per)| per.iter().flatten().filter(|s| s.share >= 1.0).count());
            table.rows.push(vec![
                quiz.number.to_string(),
                standing.place.to_string(),
                name,
                team,
                format!("{right}/{}", quiz.closed_at.len()),
                standing.points.to_string(),
            ]);
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::locale::Locales;

    use crate::core::lang::Lang;
    use crate::core::session::Timestamp;

    use crate::core::scoring::shipped_rubrics as rubrics;

    #[test]
    fn round_results_have_one_row_per_finished_round_with_its_points_and_model_scores() {
        let session = Session::demo(Lang::En);
        let labels = &Labels::new(Locales::compiled_in(), Lang::En);
        let table = round_results(&session, rubrics(), labels);
        assert_eq!(table.rows.len(), session.rounds.len());
        assert!(table.rows.iter().all(|row| row.len() == table.headers.len()));
        for model in ["7A complaint handling", "Six steps of complaint handling", "EOAC for over-scope requests"] {
            assert!(table.headers.iter().any(|h| h == model), "{model} column");
        }
        let first = &table.rows[0];
        assert_eq!(first[..4], ["1", "Lightning", "Na Li", "A whole box of opening-day stock is lost"]);
        let ledger_points = session.ledger[session.rounds[0].ledger_entry.unwrap()].points;
        assert_eq!(first.last().unwrap(), &ledger_points.to_string());
        let peers = table.headers.iter().position(|h| *h == labels.peer_average).unwrap();
        assert_eq!(first[peers], "4.0");
    }

    #[test]
    fn round_points_without_a_record_still_show_and_undone_ones_do_not() {
        let mut session = Session::demo(Lang::En);
        let labels = &Labels::new(Locales::compiled_in(), Lang::En);
        let first = session.teams[0].id();
        let typed = session.record(first, 7, PointsSource::Round(3), "typed in by hand", Timestamp(1)).unwrap();
        let results = round_results(&session, rubrics(), labels);
        assert_eq!(results.rows.len(), session.rounds.len() + 1);
        assert_eq!(
            (results.rows.last().unwrap()[0].as_str(), results.rows.last().unwrap().last().unwrap().as_str()),
            ("3", "7")
        );
        assert_eq!(ledger_only_rounds(&session, labels).unwrap().rows[0][4], "typed in by hand");
        session.undo(typed, Timestamp(2)).unwrap();
        assert!(ledger_only_rounds(&session, labels).is_none());
        let ledger = ledger(&session, labels);
        assert_eq!(ledger.rows.len(), session.ledger.len());
        assert!(ledger.rows.last().unwrap()[6].starts_with("undone"));
    }

    #[test]
    fn the_demos_calibration_has_a_row_per_observer_per_observed_round() {
        let session = Session::demo(Lang::Zh);
        let labels = Labels::new(Locales::compiled_in(), Lang::Zh);
        let table = calibration(&session, crate::core::scoring::shipped_rubrics(), &labels);
        assert_eq!(table.headers, ["观察员", "团队", "轮次", "服务队伍", "与共识一致", "裁判分"]);
        assert_eq!(table.rows.len(), 8);
        // Checked by hand: 12 of 15 items agreed (see the xAPI test), 120 of 150 points.
        assert!(table.rows.contains(&["周强", "磐石队", "1", "向日葵", "80%", "120"].map(String::from).to_vec()));
        let rounds = calibration_rounds(&session, crate::core::scoring::shipped_rubrics(), &labels);
        // On 闪电队's round three of four tapped 倾听, which the trainer had not.
        assert_eq!(rounds.rows[0][1], "闪电队");
        assert_eq!(rounds.rows[0][2], "4");
        assert_eq!(rounds.rows[0][5], "倾听 3/4");
    }

    #[test]
    fn the_leaderboard_follows_the_ranking() {
        let session = Session::demo(Lang::Zh);
        let table = leaderboard(&session, &Labels::new(Locales::compiled_in(), Lang::Zh));
        let leader = session.ranking()[0];
        let expected = ["1".to_string(), session.teams[leader].name.clone(), session.totals()[leader].to_string()];
        assert_eq!(table.rows[0][..3], expected);
        assert!(table.rows.iter().all(|row| row.len() == table.headers.len()));
    }

    /// Two teams answer one true/false quiz question by keys: Alpha right after 5 s, Beta wrong.
    fn played_quiz() -> Session {
        use crate::core::lang::Bilingual;
        use crate::core::quiz::{Question, QuestionKind, QuizMode};
        use crate::core::scenario::Difficulty;
        use crate::core::session::{EditContext, SessionEdit};
        let mut session = Session::new("quiz", Lang::En);
        let teams = ["Alpha", "Beta"].map(|name| session.add_team(name, "⭐").unwrap());
        let question = Question {
            id: "q".into(),
            model: "7a".into(),
            difficulty: Difficulty::Easy,
            prompt: Bilingual::new("先道歉?", "Apologize first?"),
            kind: QuestionKind::TrueFalse { correct: true },
            explanation: Bilingual::new("先接受。", "Accept comes first."),
            time_secs: None,
        };
        let at = |ms| EditContext::new(Timestamp(ms), None);
        let start = SessionEdit::StartQuiz {
            title: Bilingual::new("测验", "Quiz"),
            questions: vec![question],
            mode: QuizMode::Teams,
            seed: 1,
        };
        session.apply(&start, &at(0)).unwrap();
        for (team, place) in [(teams[0], 0), (teams[1], 1)] {
            let answer = SessionEdit::AnswerQuiz { quiz: 0, by: Answerer::Team(team), places: vec![place] };
            session.apply(&answer, &at(5_000)).unwrap();
        }
        for ms in [6_000, 7_000, 8_000] {
            session.apply(&SessionEdit::AdvanceQuiz { quiz: 0 }, &at(ms)).unwrap();
        }
        session
    }

    #[test]
    fn quiz_tables_give_each_questions_answers_and_each_teams_points() {
        let session = played_quiz();
        let labels = &Labels::new(Locales::compiled_in(), Lang::En);
        let questions = quiz_questions(&session, labels);
        assert_eq!(
            questions.rows,
            vec![vec!["1", "1. Apologize first?", "true_false", "7a", "2", "True: 1 · False: 1", "50%", "True"]]
        );
        // Alpha: 500 + 500 × 15/20 = 875 quiz points, 2 ledger points (1.75 rounded).
        let teams = quiz_teams(&session, labels);
        assert_eq!(teams.rows, vec![vec!["1", "1", "Alpha", "875", "2"], vec!["1", "2", "Beta", "0", "0"]]);
        assert!(quiz_players(&session, labels).rows.is_empty(), "nobody answered on a phone");
        let entry = session.ledger.iter().find(|e| e.source == PointsSource::Quiz(1)).unwrap();
        assert_eq!((entry.points, entry.reason.as_str()), (2, "Quiz 1 · Quiz · 875 quiz points · place 1"));
    }

    #[test]
    fn a_finished_quiz_sends_each_answer_and_each_teams_points_to_xapi() {
        let session = played_quiz();
        let statements = crate::core::export::xapi::statements(
            &session,
            rubrics(),
            Locales::compiled_in(),
            "https://lms.example",
            Timestamp(9_000),
        );
        let answered: Vec<(&str, bool, u64)> = statements
            .iter()
            .filter(|s| s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/answered")
            .map(|s| {
                (
                    s["actor"]["name"].as_str().unwrap(),
                    s["result"]["success"].as_bool().unwrap(),
                    s["result"]["score"]["raw"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(answered, vec![("Alpha", true, 875), ("Beta", false, 0)]);
        let scored: Vec<&serde_json::Value> = statements
            .iter()
            .filter(|s| s["object"]["id"].as_str().is_some_and(|id| id.ends_with("/quizzes/1")))
            .collect();
        assert_eq!(scored.len(), 1, "one ledger entry: Beta scored nothing");
        assert_eq!(scored[0]["result"]["score"]["raw"], 2);
    }
}
