//! Why a change to a session was refused; the session is then unchanged.

use super::team::MAX_TEAMS;
use super::vote::VoteError;
use crate::core::ids::TeamId;
use crate::core::quiz::QuizRefusal;
use crate::core::room::seat::{NameProblem, SeatId};
use crate::core::round::record::MarkRefusal;

/// Why a change to a session was refused; the session is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionError {
    TooManyTeams,
    UnknownTeam(TeamId),
    UnknownEntry(usize),
    AlreadyUndone(usize),
    /// Restore of an entry that was never undone.
    NotUndone(usize),
    /// A manual adjustment of zero points, or one without a reason.
    EmptyAdjustment,
    Vote(VoteError),
    /// A fair draw with nobody to draw from.
    NothingToPick,
    /// A logo is one emoji, not text.
    NotALogo(String),
    TooLong {
        chars: usize,
        max: usize,
    },
    /// The vote's points are on the board already, in this ledger entry.
    VoteAwarded(usize),
    NotAMember {
        team: TeamId,
        name: String,
    },
    NoAgendaStep(usize),
    NoRound(usize),
    /// Another round is still open (being played or rated).
    RoundOpen(usize),
    NoTeamChosen,
    RoundRunning(usize),
    RoundEnded(usize),
    RoundAwarded(usize),
    RatesOwnRound,
    StarsOutOfRange(u8),
    /// Rounds are scored by replaying them, which needs the rubrics.
    NoRubrics,
    UnknownSeat(SeatId),
    /// A room code is 4 to 8 digits.
    BadRoomCode(String),
    TeamFull,
    RoomFull,
    /// Someone of that name sits in the team already.
    NameTaken(String),
    NoStory(usize),
    BadName(NameProblem),
    /// An observer's tap refused by the round (a double tap, a closed pad, too many taps).
    Mark(MarkRefusal),
    /// The serving team observes nobody: it is being observed.
    ObservesOwnRound,
    /// Not one of the round's pad items.
    NotOnThePad(String),
    Quiz(QuizRefusal),
}

impl std::fmt::Display for SessionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SessionError::TooManyTeams => write!(f, "a session holds at most {MAX_TEAMS} teams"),
            SessionError::UnknownTeam(id) => write!(f, "no team with id {}", id.0),
            SessionError::UnknownEntry(i) => write!(f, "no ledger entry {i}"),
            SessionError::AlreadyUndone(i) => write!(f, "ledger entry {i} is already undone"),
            SessionError::NotUndone(i) => write!(f, "ledger entry {i} is not undone"),
            SessionError::EmptyAdjustment => write!(f, "an adjustment needs non-zero points and a reason"),
            SessionError::Vote(e) => e.fmt(f),
            SessionError::NothingToPick => write!(f, "nobody to draw from"),
            SessionError::NotALogo(text) => write!(f, "a logo is one emoji, not \"{text}\""),
            SessionError::TooLong { chars, max } => write!(f, "{chars} characters, more than the {max} allowed"),
            SessionError::VoteAwarded(i) => write!(f, "the vote's points are awarded already (ledger entry {i})"),
            SessionError::NotAMember { team, name } => write!(f, "{name} is not a member of team {}", team.0),
            SessionError::NoAgendaStep(i) => write!(f, "no agenda step {i}"),
            SessionError::NoRound(i) => write!(f, "no round {i}"),
            SessionError::RoundOpen(i) => write!(f, "round {i} is still open"),
            SessionError::NoTeamChosen => write!(f, "choose the serving team first"),
            SessionError::RoundRunning(i) => write!(f, "round {i} is still running"),
            SessionError::RoundEnded(i) => write!(f, "round {i} has ended"),
            SessionError::RoundAwarded(i) => write!(f, "round {i} is already on the board"),
            SessionError::RatesOwnRound => write!(f, "a team cannot rate its own round"),
            SessionError::StarsOutOfRange(n) => write!(f, "{n} stars: ratings are 1 to 5"),
            SessionError::NoRubrics => write!(f, "no rubrics loaded to score the round"),
            SessionError::UnknownSeat(seat) => write!(f, "nobody sits in seat {}", seat.0),
            SessionError::BadRoomCode(code) => write!(f, "\"{code}\": a room code is 4 to 8 digits"),
            SessionError::TeamFull => {
                write!(f, "a team holds at most {} members", crate::core::limits::MAX_MEMBERS)
            }
            SessionError::RoomFull => {
                write!(f, "the room holds at most {} phones", crate::core::room::seat::MAX_SEATS)
            }
            SessionError::NameTaken(name) => write!(f, "{name} sits in that team already"),
            SessionError::NoStory(i) => write!(f, "no story {i}"),
            SessionError::BadName(NameProblem::Empty) => write!(f, "a name cannot be empty"),
            SessionError::BadName(NameProblem::TooLong) => {
                write!(f, "a name has at most {} characters", crate::core::room::seat::MAX_NAME_CHARS)
            }
            SessionError::BadName(NameProblem::Separator) => write!(f, "a name cannot contain a comma or 、"),
            SessionError::Mark(MarkRefusal::TooSoon) => write!(f, "the same button again within a second"),
            SessionError::Mark(MarkRefusal::Closed) => write!(f, "the observers' pads have closed"),
            SessionError::Mark(MarkRefusal::TooMany) => {
                write!(f, "at most {} taps per observer in a round", crate::core::round::record::MAX_MARKS_PER_OBSERVER)
            }
            SessionError::ObservesOwnRound => write!(f, "the serving team cannot observe its own round"),
            SessionError::NotOnThePad(tag) => write!(f, "\"{tag}\" is not on this round's pad"),
            SessionError::Quiz(why) => why.fmt(f),
        }
    }
}

impl std::error::Error for SessionError {}
