//! What one turn showed (steps, penalties, bonuses, mood changes), shared by the engine that
//! detects it and the report that explains it.

use serde::Serialize;

use super::rubric::PenaltyKind;
use super::transcript::Speaker;

/// A model step shown in a turn.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepHit {
    pub model: String,
    pub step: String,
    /// The words that showed it (empty when an observer tagged it).
    pub text: String,
    pub by_tag: bool,
    /// Byte offset in the turn's text; tags count as said after the text. Orders steps within a turn.
    #[serde(skip)]
    pub(crate) position: usize,
    /// The cue set that showed it, for the mood.
    #[serde(skip)]
    pub(super) cue: usize,
    /// (model, step) indices in the rubrics.
    #[serde(skip)]
    pub(super) index: (usize, usize),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PenaltyHit {
    pub turn: usize,
    pub kind: PenaltyKind,
    pub id: String,
    pub text: String,
    /// Points taken off (negative).
    pub points: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BonusHit {
    pub turn: usize,
    pub id: String,
    pub text: String,
}

/// One cause of a mood change: `cue.<id>`, `bonus.<id>`, `penalty.<id>` or `waiting`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MoodChange {
    pub cause: String,
    pub delta: f64,
}

/// Everything one turn showed, and the customer's mood after it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TurnOutcome {
    pub turn: usize,
    pub who: Speaker,
    pub t: f64,
    pub steps: Vec<StepHit>,
    /// Ids of the cue sets heard (some only matter for DISC fit, such as `reasons`).
    pub cues: Vec<String>,
    pub penalties: Vec<PenaltyHit>,
    pub bonuses: Vec<BonusHit>,
    pub mood: f64,
    pub mood_changes: Vec<MoodChange>,
    /// The customer has walked out (at this turn or before).
    pub walked_out: bool,
    pub unknown_tags: Vec<String>,
}

/// Rounds points and moods to one decimal, as they are reported.
pub(super) fn round1(x: f64) -> f64 {
    // `+ 0.0` turns -0.0 into 0.0, which a report would print as "-0.0".
    (x * 10.0).round() / 10.0 + 0.0
}

/// Rounds a 0–1 share to two decimals, as it is reported.
pub(super) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0 + 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_losses_round_to_a_plain_zero() {
        assert_eq!(format!("{:.1} {:+.1} {:.2}", round1(-0.04), round1(-0.04), round2(-0.004)), "0.0 +0.0 0.00");
        assert_eq!(round1(-0.06), -0.1);
    }
}
