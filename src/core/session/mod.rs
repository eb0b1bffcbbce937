//! A session is one workshop: its teams, the points ledger, the agenda of the day, the vote,
//! fair draws, debriefs and role-play rounds. Every change anyone makes to it is one
//! [`SessionEdit`] applied by [`Session::apply`].

mod agenda;
pub(crate) mod debrief;
pub(crate) mod edit;
pub(crate) mod error;
mod ledger;
pub mod picker;
mod quiz;
pub(crate) mod state;
pub mod story;
pub(crate) mod team;
pub mod vote;

pub use crate::core::ids::{TeamId, Timestamp};
pub use crate::core::round::review::RoundRules;
pub use agenda::{AgendaStep, Durations, StepKind};
pub use debrief::{ActionPlan, Debrief, DebriefShape};
pub use edit::{Applied, DebriefPart, EditContext, SessionEdit, TeamField};
pub use error::SessionError;
pub use ledger::{PointsEntry, PointsSource};
pub use state::Session;
pub use team::{MAX_TEAMS, MIN_TEAMS, TEAM_PALETTE_SIZE, Team};
