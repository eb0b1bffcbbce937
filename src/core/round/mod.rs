//! Live role-play rounds as plain data: the record a round leaves in the session
//! ([`RoundRecord`]), the trainer's scoring buttons ([`scoring_pad`]) and the review the room
//! sees afterwards ([`RoundReview`], [`best_gain`]), and the observers' calibration
//! ([`Calibration`]). The Bevy side is `features::rounds`;
//! changes to rounds go through `SessionEdit` like every other change.

pub mod calibration;
mod pad;
pub mod record;
pub mod review;
mod weakest;

#[cfg(test)]
mod tests;

pub use calibration::{Calibration, ItemCall, JudgeScore, JudgeTotal, judge_standings};
pub use pad::{PadButton, PadGroup, PadKind, button_for_key, scoring_pad};
pub use record::{
    ConsensusCall, CustomerPlayer, MarkRefusal, Observed, ObserverMark, PeerRating, RoundCast, RoundEnding, RoundEvent,
    RoundRecord,
};
pub use review::{
    BestGain, Improvement, ModelTimeline, PenaltyMoment, RoundPoints, RoundReview, RoundRules, TimelineStep, best_gain,
};
pub use weakest::{WeakStep, weakest_steps};
