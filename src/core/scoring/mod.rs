//! The scoring engine: rates a customer-service role-play against the complaint models
//! (7A, the six steps, EOAC), penalty lexicons, warmth bonuses and the customer's DISC type,
//! and keeps the customer's mood (the emotional bank account, 情绪银行).
//!
//! All rubric content — steps, weights, cue phrases, penalties, bonuses, DISC rules, point
//! shares — lives in `assets/rubrics/*.ron` (see [`rubric`]; pattern syntax in [`matcher`]).
//!
//! Whole transcripts: [`score`]`(&rubrics, &transcript)` → [`ScoreReport`].
//!
//! Live rounds and self-study, one turn at a time:
//! ```no_run
//! # use service_camp::core::scoring::*;
//! # let rubrics = Rubrics::load_dir(std::path::Path::new("assets/rubrics")).unwrap();
//! let mut round = Round::new(&rubrics, RoundSetup { disc: Some(service_camp::core::disc::Disc::D), ..Default::default() });
//! let said = Turn { t: 4.0, who: Speaker::Rep, text: "非常抱歉让您久等了".into(), tags: vec![] };
//! let outcome = round.feed(&said); // steps, penalties, bonuses found in this turn
//! println!("mood {} (walked out: {})", outcome.mood, outcome.walked_out);
//! let so_far = round.report(); // the total and its explanation at any moment
//! # let _ = so_far;
//! ```
//! [`score`] is exactly this: a round fed every turn of the transcript.
//!
//! How the total is made (shares in `scoring.ron`): the steps of the judging model earn up to
//! `model_points` (weighted by step, less for late or over-time steps, less for disorder);
//! the DISC fit earns up to `disc_points` (or those points go to the steps when no type is
//! given); bonuses add up to `bonus_cap`; each penalty takes its points off; a walk-out costs
//! `walk_out_points`. The judging model is the best-scoring of the transcript's `models`
//! (a scenario's list), or of `default_judges` (7A, six steps) when it names none. Every point is a [`PointItem`] with its turn and rule, and
//! the items add up to the total (clamped to 0–100 by a final item).
//!
//! JSON (`ScoreReport` serialized): `{"total", "judged_by", "models": {"7a": {"found", "missing",
//! "order", "score", "steps"}, "six_step": …, "eoac": …}, "penalties": [{"turn", "kind", "id",
//! "text", "points"}], "bonuses", "disc_fit", "mood": [per turn], "walked_out", "items":
//! [{"turn", "rule", "points", "explain": {"zh", "en"}}], "warnings", "lang", "disc"}`.
//! Turn numbers are 0-based indices into the transcript's turns.

pub mod engine;
pub mod eval;
mod evaluate;
pub(crate) mod matcher;
pub mod outcome;
pub mod report;
pub mod rubric;
mod rubric_load;
pub mod transcript;

#[cfg(test)]
mod tests;

pub use engine::{Round, RoundSetup};
pub use outcome::{BonusHit, MoodChange, PenaltyHit, StepHit, TurnOutcome};
pub use report::{DiscFit, ModelResult, PointItem, ScoreReport, StepResult};
pub use rubric::{Rubrics, known_tags};
pub use transcript::{Speaker, Transcript, Turn};

/// Scores a whole transcript.
pub fn score(rubrics: &Rubrics, transcript: &Transcript) -> ScoreReport {
    let mut round = Round::new(rubrics, RoundSetup::from_transcript(transcript));
    for turn in &transcript.turns {
        round.feed(turn);
    }
    round.report()
}

/// The shipped rubrics (`assets/rubrics/`), read once, for the crate's unit tests.
#[cfg(test)]
pub(crate) fn shipped_rubrics() -> &'static Rubrics {
    static RUBRICS: std::sync::OnceLock<Rubrics> = std::sync::OnceLock::new();
    RUBRICS.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/rubrics");
        Rubrics::load_dir(&dir).unwrap_or_else(|errors| panic!("the shipped rubrics load: {errors:#?}"))
    })
}
