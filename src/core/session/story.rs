//! Experience sharing (the course's 10-minute exercise): each participant's short story of a
//! service they met — where, what was good, what was bad, would they go back, would they
//! recommend it — for the projector's wall and word cloud.

use serde::{Deserialize, Serialize};

use crate::core::ids::{TeamId, Timestamp};
use crate::core::room::seat::SeatId;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Story {
    /// Who told it (their phone's seat); one story a person, replaced when they edit it.
    pub seat: Option<SeatId>,
    pub team: Option<TeamId>,
    pub name: String,
    pub place: String,
    pub good: String,
    pub bad: String,
    pub come_back: Option<bool>,
    pub recommend: Option<bool>,
    pub at: Timestamp,
}

impl Story {
    /// All the story says, for finding the stories that use a word of the wall's cloud.
    pub fn text(&self) -> String {
        format!("{} {} {}", self.place, self.good, self.bad)
    }
}
