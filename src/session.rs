//! A session is one workshop: its teams and the points they earned. Saved as RON.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::content_error::{ContentError, parse_ron};
use crate::lang::Lang;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Session {
    pub name: String,
    pub lang: Lang,
    pub teams: Vec<Team>,
    /// Every change of points, in order; totals are always the sum of this ledger.
    pub ledger: Vec<PointsEntry>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Team {
    pub name: String,
    /// The team's logo: an emoji drawn on its colour.
    pub emoji: String,
    /// Index into the colour-blind-safe team palette.
    pub color: usize,
    pub slogan: String,
    pub song: String,
    pub captain: String,
    pub members: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PointsEntry {
    /// Index of the team in `Session::teams`.
    pub team: usize,
    pub points: i32,
    pub reason: String,
}

impl Session {
    /// Whether closing the app would lose anything the room made.
    pub fn has_data(&self) -> bool {
        !self.teams.is_empty() || !self.ledger.is_empty()
    }

    /// Each team's total, in team order.
    pub fn totals(&self) -> Vec<i32> {
        let mut totals = vec![0; self.teams.len()];
        for entry in &self.ledger {
            if let Some(total) = totals.get_mut(entry.team) {
                *total += entry.points;
            }
        }
        totals
    }

    /// Team indices from most to fewest points; ties keep team order.
    pub fn ranking(&self) -> Vec<usize> {
        let totals = self.totals();
        let mut order: Vec<usize> = (0..self.teams.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(totals[i]));
        order
    }

    pub fn parse(file: &Path, source: &str) -> Result<Session, ContentError> {
        parse_ron(file, source)
    }

    pub fn load(file: &Path) -> Result<Session, ContentError> {
        let source = std::fs::read_to_string(file)
            .map_err(|e| ContentError::whole_file(file, format!("cannot read session file: {e}")))?;
        Session::parse(file, &source)
    }

    /// The built-in demo workshop (six teams, points on the board) in `lang`; the
    /// screenshot tour and the exports show it.
    pub fn demo(lang: Lang) -> Session {
        let (name, source) = match lang {
            Lang::Zh => ("demo/session-zh.ron", include_str!("../assets/demo/session-zh.ron")),
            Lang::En => ("demo/session-en.ron", include_str!("../assets/demo/session-en.ron")),
        };
        Session::parse(Path::new(name), source).unwrap_or_else(|e| panic!("built-in demo session is invalid: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_are_the_sum_of_the_ledger_and_rank_descending() {
        let session = Session {
            teams: vec![Team::default(), Team::default(), Team::default()],
            ledger: vec![
                PointsEntry { team: 0, points: 5, reason: String::new() },
                PointsEntry { team: 2, points: 8, reason: String::new() },
                PointsEntry { team: 0, points: -1, reason: String::new() },
            ],
            ..Session::default()
        };
        assert_eq!(session.totals(), vec![4, 0, 8]);
        assert_eq!(session.ranking(), vec![2, 0, 1]);
        assert!(session.has_data());
        assert!(!Session::default().has_data());
    }

    #[test]
    fn demo_sessions_have_six_teams_in_both_languages() {
        for lang in Lang::ALL {
            let demo = Session::demo(lang);
            assert_eq!(demo.teams.len(), 6);
            assert_eq!(demo.lang, lang);
            assert!(demo.ledger.iter().all(|e| e.team < 6));
        }
    }

    #[test]
    fn broken_session_file_reports_position() {
        let err = Session::parse(Path::new("s.ron"), "(name: \"x\", teams: [ (name: 3) ])").unwrap_err();
        assert_eq!(err.line, 1);
        assert!(err.col > 20, "{err}");
    }
}
