//! The room on their phones: seats (who joined, from which phone, for which team), the room
//! code, rejoin tokens signed with the session's secret, what a phone may ask for and the
//! state a phone is shown. A phone's every change becomes one [`SessionEdit`], applied by
//! [`Session::apply`] exactly like the trainer's.
//!
//! [`SessionEdit`]: crate::core::session::SessionEdit
//! [`Session::apply`]: crate::core::session::Session::apply

pub mod phone;
mod random;
pub mod seat;
pub mod token;
pub mod view;

pub use phone::{JoinRequest, PhoneAction, PhoneDebriefPart, PhoneError, PhoneTeamField};
pub use seat::{MAX_NAME_CHARS, MAX_PHONE_LINE_CHARS, Room, RoomEdit, RoomStage, Seat, SeatId};
pub use view::PhoneView;

#[cfg(test)]
mod tests;
