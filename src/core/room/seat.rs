//! Who is in the room: a seat per person who joined from a phone, the room code they typed,
//! and what the projector is showing (so phones follow it).

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use crate::core::ids::{TeamId, Timestamp};

/// A participant's place in the room for the whole session: the same after a reload, a locked
/// phone or a dropped Wi-Fi (their token names it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SeatId(pub u32);

/// A name on a phone: short enough for a team card on the projector.
pub const MAX_NAME_CHARS: usize = 24;
/// One line a phone writes (a slogan, a takeaway, a comment).
pub const MAX_PHONE_LINE_CHARS: usize = 200;
/// Why a name cannot be a participant's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameProblem {
    Empty,
    TooLong,
    /// A comma or 、 would split the name in two on the member list.
    Separator,
}

/// A participant's name as typed: trimmed, inner runs of spaces collapsed, 1–24 characters,
/// no member-list separator. Joining, renaming and a phone's team card all read names so.
pub fn clean_name(name: &str) -> Result<String, NameProblem> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    match name.chars().count() {
        0 => Err(NameProblem::Empty),
        n if n > MAX_NAME_CHARS => Err(NameProblem::TooLong),
        _ if name.contains(crate::core::session::team::NAME_SEPARATORS) => Err(NameProblem::Separator),
        _ => Ok(name),
    }
}

/// Seats a room holds: every member of the largest camp, with room for a few re-joins.
pub const MAX_SEATS: usize = 200;
/// Request ids remembered so a phone's retry is applied once.
const REMEMBERED_REQUESTS: usize = 2_048;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seat {
    pub id: SeatId,
    pub team: TeamId,
    /// As on the team's member list.
    pub name: String,
    /// Bumped when the trainer resets the seat's device: older tokens stop working.
    #[serde(default)]
    pub generation: u32,
    pub joined_at: Timestamp,
}

/// What the projector is showing, so every phone shows the matching form.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoomStage {
    /// Anything else: phones show the teams and wait.
    #[default]
    Lobby,
    /// The 10-minute team design: teams edit their card.
    TeamDesign,
    /// Presentations and the vote for the best team.
    Vote,
    /// A role-play round: once it ends, the other teams rate it.
    Round,
    /// Experience sharing: everyone tells a service they met.
    Stories,
    /// The closing 5-3-1.
    Debrief,
    /// A quiz: phones show the answer pad.
    Quiz,
}

impl RoomStage {
    pub fn slug(self) -> &'static str {
        match self {
            RoomStage::Lobby => "lobby",
            RoomStage::TeamDesign => "team_design",
            RoomStage::Vote => "vote",
            RoomStage::Round => "round",
            RoomStage::Stories => "stories",
            RoomStage::Debrief => "debrief",
            RoomStage::Quiz => "quiz",
        }
    }
}

/// The phones' side of a session. Saved with it, so a restart keeps every seat, the code and
/// the secret (tokens stay valid).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Room {
    /// What a phone must type (the QR code carries it) to join; empty until phones are first
    /// turned on.
    pub code: String,
    /// The key tokens are signed with, as hex; a session's own, so another session's tokens
    /// never fit.
    pub(crate) secret: String,
    pub seats: Vec<Seat>,
    /// No new seats while locked (those with a token still get back in).
    pub locked: bool,
    pub stage: RoomStage,
    /// Whether any member (not only the captain) may edit the team's card.
    pub any_member_designs: bool,
    next_seat: u32,
    /// Recently applied (seat, request id) pairs: a retried POST is applied once. Not saved: a
    /// retry comes within seconds, not across a restart.
    #[serde(skip)]
    applied_requests: VecDeque<(SeatId, String)>,
}

/// A trainer's change to the room (the phones can make none of these).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoomEdit {
    /// Phones on: a code and a secret are made if the session has none yet.
    Open,
    /// A new room code (`None`: drawn at random); people with a token stay in.
    NewCode(Option<String>),
    Lock(bool),
    Stage(RoomStage),
    /// The seat's phone is signed out: its token stops working; the person joins again.
    ResetDevice(SeatId),
    /// The person sits in another team now (their vote is withdrawn).
    MoveSeat(SeatId, TeamId),
    /// The person's name as the room should read it (a typo, a nickname): on their team's
    /// members, their debrief, their story and, if captain, the team card.
    RenameSeat(SeatId, String),
    AnyMemberDesigns(bool),
}

impl Room {
    pub fn seat(&self, id: SeatId) -> Option<&Seat> {
        self.seats.iter().find(|s| s.id == id)
    }

    pub(crate) fn seat_mut(&mut self, id: SeatId) -> Option<&mut Seat> {
        self.seats.iter_mut().find(|s| s.id == id)
    }

    /// Whether phones were ever turned on for this session.
    pub fn is_open(&self) -> bool {
        !self.secret.is_empty() && !self.code.is_empty()
    }

    /// The room as the client's copy should hold it: no secret (tokens could be forged with
    /// it) and no code.
    pub(crate) fn forget_secrets(&mut self) {
        self.secret.clear();
        self.code.clear();
    }

    pub(crate) fn ensure_open(&mut self) {
        if self.secret.is_empty() {
            self.secret = super::random::random_secret();
        }
        if self.code.is_empty() {
            self.code = random_code();
        }
    }

    /// The seat of `team` named `name`, if that person joined before (a second phone, or a
    /// phone whose token was lost, gets the same seat back).
    pub fn seat_named(&self, team: TeamId, name: &str) -> Option<SeatId> {
        self.seats.iter().find(|s| s.team == team && s.name == name).map(|s| s.id)
    }

    pub(crate) fn add_seat(&mut self, team: TeamId, name: String, at: Timestamp) -> Option<SeatId> {
        if self.seats.len() >= MAX_SEATS {
            return None;
        }
        let id = SeatId(self.next_seat.max(self.seats.iter().map(|s| s.id.0 + 1).max().unwrap_or(1)).max(1));
        self.next_seat = id.0 + 1;
        self.seats.push(Seat { id, team, name, generation: 0, joined_at: at });
        Some(id)
    }

    pub(crate) fn already_applied(&self, seat: SeatId, request: &str) -> bool {
        !request.is_empty() && self.applied_requests.iter().any(|(s, r)| *s == seat && r == request)
    }

    pub(crate) fn remember_request(&mut self, seat: SeatId, request: &str) {
        if request.is_empty() {
            return;
        }
        if self.applied_requests.len() >= REMEMBERED_REQUESTS {
            self.applied_requests.pop_front();
        }
        self.applied_requests.push_back((seat, request.to_owned()));
    }

    /// The seats of one team, in joining order.
    pub fn seats_of(&self, team: TeamId) -> impl Iterator<Item = &Seat> {
        self.seats.iter().filter(move |s| s.team == team)
    }
}

/// Four digits: quick to type on a phone; joining is rate-limited per device, and the code
/// only lets someone pick a team and a name.
fn random_code() -> String {
    let mut bytes = [0u8; 4];
    super::random::fill_random(&mut bytes);
    format!("{:04}", u32::from_le_bytes(bytes) % 10_000)
}
