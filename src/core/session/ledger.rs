//! The points ledger's entries: append-only, undone and restored but never deleted.

use serde::{Deserialize, Serialize};

use crate::core::ids::{TeamId, Timestamp};

/// Where points came from, so the leaderboard can tell rounds from the trainer's adjustments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PointsSource {
    /// The team-building vote for the best presentation.
    Vote,
    /// A scored role-play round (1-based).
    Round(u32),
    /// A quiz (1-based).
    Quiz(u32),
    Bonus,
    Penalty,
}

impl PointsSource {
    /// Rounds, quizzes and votes are the events the leaderboard measures change against.
    pub(super) fn is_scored_event(self) -> bool {
        matches!(self, PointsSource::Vote | PointsSource::Round(_) | PointsSource::Quiz(_))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointsEntry {
    pub team: TeamId,
    pub points: i32,
    pub reason: String,
    pub source: PointsSource,
    pub at: Timestamp,
    /// Undo marks the entry instead of deleting it, so the ledger keeps the full history and
    /// an undo can itself be undone ([`Session::restore`]).
    #[serde(default)]
    pub undone_at: Option<Timestamp>,
}

impl PointsEntry {
    pub fn is_live(&self) -> bool {
        self.undone_at.is_none()
    }
}

/// Indices from highest to lowest value; the sort is stable, so ties keep their order.
pub(super) fn rank(totals: &[i32]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..totals.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(totals[i]));
    order
}
