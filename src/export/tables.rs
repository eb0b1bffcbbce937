//! The tables both the report and the CSV files show, so the two always agree.

use crate::session::{PointsEntry, PointsSource, Session, TeamId};

use super::labels::Labels;
use super::time;

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
    session.team(team).map_or_else(|| (labels.removed_team)(team.0), |t| t.name.clone())
}

/// Teams from first to last place, with their totals and the change since the latest round.
pub fn leaderboard(session: &Session, labels: &Labels) -> Table {
    let mut table = Table::new(&[labels.rank, labels.team, labels.total, labels.change_since_last_round]);
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
        labels.entry_number,
        labels.time,
        labels.team,
        labels.source,
        labels.points,
        labels.reason,
        labels.status,
    ]);
    for (number, entry) in session.ledger.iter().enumerate() {
        let status = match entry.undone_at {
            None => labels.counts.to_string(),
            Some(at) => format!("{} ({})", labels.undone, time::readable(at)),
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
        time::readable(entry.at),
        team_name(session, entry.team, labels),
        entry.points.to_string(),
        entry.reason.clone(),
    ]
}

/// The numbers of the rounds with points that count, in order.
pub fn recorded_rounds(session: &Session) -> Vec<u32> {
    let mut rounds: Vec<u32> = live_round_entries(session, None).filter_map(|e| round_number(e.source)).collect();
    rounds.sort_unstable();
    rounds.dedup();
    rounds
}

fn round_number(source: PointsSource) -> Option<u32> {
    match source {
        PointsSource::Round(n) => Some(n),
        _ => None,
    }
}

/// Live entries of round `round`, or of every round when `None`.
fn live_round_entries(session: &Session, round: Option<u32>) -> impl Iterator<Item = &PointsEntry> {
    session
        .ledger
        .iter()
        .filter(move |e| e.is_live() && round_number(e.source).is_some_and(|n| round.is_none_or(|wanted| n == wanted)))
}

/// Each team's points in `round`, in team order.
fn round_points(session: &Session, round: u32) -> Vec<(String, i32)> {
    session
        .teams
        .iter()
        .map(|team| {
            let points = live_round_entries(session, Some(round)).filter(|e| e.team == team.id()).map(|e| e.points);
            (team.name.clone(), points.sum())
        })
        .collect()
}

/// One row per round and team: what the team scored in that round.
pub fn round_scores(session: &Session, labels: &Labels) -> Table {
    let mut table = Table::new(&[labels.round_column, labels.team, labels.points]);
    for round in recorded_rounds(session) {
        for (team, points) in round_points(session, round) {
            table.rows.push(vec![(labels.round)(round), team, points.to_string()]);
        }
    }
    table
}

/// The scores of one round, team by team.
pub fn one_round_scores(session: &Session, round: u32, labels: &Labels) -> Table {
    let mut table = Table::new(&[labels.team, labels.points]);
    table.rows =
        round_points(session, round).into_iter().map(|(team, points)| vec![team, points.to_string()]).collect();
    table
}

/// The entries of one round as they were recorded.
pub fn round_timeline(session: &Session, round: u32, labels: &Labels) -> Table {
    let mut table = Table::new(&[labels.time, labels.team, labels.points, labels.reason]);
    table.rows = live_round_entries(session, Some(round)).map(|e| entry_cells(session, e, labels)).collect();
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::labels;
    use crate::lang::Lang;
    use crate::session::Timestamp;

    #[test]
    fn round_tables_count_only_live_round_entries() {
        let mut session = Session::demo(Lang::En);
        let labels = labels::for_lang(Lang::En);
        let first = session.teams[0].id();
        let entry = session.record(first, 7, PointsSource::Round(2), "second round", Timestamp(1)).unwrap();
        assert_eq!(recorded_rounds(&session), vec![1, 2]);
        session.undo(entry, Timestamp(2)).unwrap();
        assert_eq!(recorded_rounds(&session), vec![1]);
        let scores = one_round_scores(&session, 1, labels);
        assert_eq!(scores.rows[0], vec!["Lightning".to_string(), "18".to_string()]);
        assert_eq!(round_scores(&session, labels).rows.len(), session.teams.len());
        assert_eq!(round_timeline(&session, 1, labels).rows.len(), 6);
        let ledger = ledger(&session, labels);
        assert_eq!(ledger.rows.len(), session.ledger.len());
        assert!(ledger.rows.last().unwrap()[6].starts_with("undone"));
    }

    #[test]
    fn the_leaderboard_follows_the_ranking() {
        let session = Session::demo(Lang::Zh);
        let table = leaderboard(&session, labels::for_lang(Lang::Zh));
        let leader = session.ranking()[0];
        let expected = ["1".to_string(), session.teams[leader].name.clone(), session.totals()[leader].to_string()];
        assert_eq!(table.rows[0][..3], expected);
        assert!(table.rows.iter().all(|row| row.len() == table.headers.len()));
    }
}
