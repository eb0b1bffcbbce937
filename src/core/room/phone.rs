//! What a phone may ask for, checked here and turned into the [`SessionEdit`] the trainer's
//! keyboard would make. A phone acts only for its own seat and team, only on what the
//! projector is showing, and never on settings, scores or the ledger.

use serde::Deserialize;

use super::seat::{self, MAX_PHONE_LINE_CHARS, NameProblem, RoomStage, SeatId};
use super::token;
use crate::core::ids::TeamId;
use crate::core::quiz::{Answerer, QuizRefusal};
use crate::core::round::record::MarkRefusal;
use crate::core::session::edit::{Applied, DebriefPart, EditContext, SessionEdit, TeamField};
use crate::core::session::error::SessionError;
use crate::core::session::state::Session;
use crate::core::session::team::TEAM_LOGOS;

/// Joining: the room code (from the QR code), a team and a name (one of the team's members, or
/// a new one).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JoinRequest {
    pub code: String,
    pub team: TeamId,
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneTeamField {
    Name,
    Logo,
    Slogan,
    Song,
    Captain,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneDebriefPart {
    Takeaway,
    Tool,
    ActionWhat,
    ActionByWhen,
    ActionChecker,
}

/// One thing a joined phone asks for, as its JSON body says it (`{"do": "vote", "team": 2}`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "do", rename_all = "snake_case", deny_unknown_fields)]
pub enum PhoneAction {
    /// Edit the phone's own team card (team design).
    Team { field: PhoneTeamField, text: String },
    /// Vote for the best team (never one's own); a new vote replaces the last.
    Vote { team: TeamId },
    /// Rate the round that just ended (0 stars takes the rating back).
    Rate {
        round: u32,
        stars: u8,
        #[serde(default)]
        comment: String,
    },
    /// An observer's tap on the round's pad (a step, penalty or bonus tag).
    Observe { round: u32, tag: String },
    /// Take back the observer's last tap.
    Unobserve { round: u32 },
    /// An answer to quiz `quiz`'s question `question` (0-based), as places on screen (A = 0 …;
    /// for an order question, the places in the order given).
    Answer { quiz: u32, question: usize, places: Vec<usize> },
    /// One line of the phone's own 5-3-1.
    Debrief { part: PhoneDebriefPart, index: usize, text: String },
    /// The phone's experience-sharing story (sent whole; a new one replaces it).
    Story {
        place: String,
        good: String,
        bad: String,
        #[serde(default)]
        come_back: Option<bool>,
        #[serde(default)]
        recommend: Option<bool>,
    },
}

/// Why a phone's request was refused; the session is unchanged. Each has a message for the
/// phone ([`PhoneError::message_key`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneError {
    /// Phones are off for this session.
    RoomClosed,
    WrongCode,
    JoiningLocked,
    /// The token is forged, from another session, or its device was reset.
    NotSignedIn,
    EmptyName,
    NameTooLong,
    /// A comma or 、 would split the name in two on the member list.
    NameSeparator,
    LineTooLong,
    NotALogo,
    /// The projector is not showing this part of the day.
    NotNow,
    /// Only the captain edits the team's card.
    CaptainOnly,
    OwnTeam,
    UnknownTeam,
    NoRoundToRate,
    StarsOutOfRange,
    RoomFull,
    EmptyStory,
    /// No round is being observed now (none live, or its observers were revealed).
    NoRoundToObserve,
    /// The same button again within a second.
    TooSoon,
    /// This quiz question is answered already (by the phone, or its team in a team quiz).
    AlreadyAnswered,
    TooLate,
    /// Not one of the question's choices.
    BadAnswer,
    Refused(SessionError),
}

impl PhoneError {
    /// The locale key of the message shown on the phone.
    pub fn message_key(&self) -> &'static str {
        match self {
            PhoneError::RoomClosed => "phone-error-closed",
            PhoneError::WrongCode => "phone-error-code",
            PhoneError::JoiningLocked => "phone-error-locked",
            PhoneError::NotSignedIn => "phone-error-signed-out",
            PhoneError::EmptyName => "phone-error-empty-name",
            PhoneError::NameTooLong => "phone-error-name-long",
            PhoneError::NameSeparator => "phone-error-name-separator",
            PhoneError::LineTooLong => "phone-error-line-long",
            PhoneError::NotALogo => "phone-error-logo",
            PhoneError::NotNow => "phone-error-not-now",
            PhoneError::CaptainOnly => "phone-error-captain",
            PhoneError::OwnTeam => "phone-error-own-team",
            PhoneError::UnknownTeam => "phone-error-team",
            PhoneError::NoRoundToRate => "phone-error-no-round",
            PhoneError::StarsOutOfRange => "phone-error-stars",
            PhoneError::RoomFull => "phone-error-full",
            PhoneError::EmptyStory => "phone-error-empty-story",
            PhoneError::NoRoundToObserve => "phone-error-no-observing",
            PhoneError::TooSoon => "phone-error-too-soon",
            PhoneError::AlreadyAnswered => "phone-error-answered",
            PhoneError::TooLate => "phone-error-too-late",
            PhoneError::BadAnswer => "phone-error-bad-answer",
            PhoneError::Refused(_) => "phone-error-refused",
        }
    }

    /// The HTTP status that fits: 401 signs the phone out, 403 is "not allowed", 409 "not
    /// now", 422 "fix your input".
    pub fn status(&self) -> u16 {
        match self {
            PhoneError::NotSignedIn => 401,
            PhoneError::WrongCode | PhoneError::JoiningLocked | PhoneError::CaptainOnly | PhoneError::RoomClosed => 403,
            PhoneError::NotNow
            | PhoneError::NoRoundToRate
            | PhoneError::NoRoundToObserve
            | PhoneError::TooSoon
            | PhoneError::AlreadyAnswered
            | PhoneError::TooLate
            | PhoneError::RoomFull => 409,
            _ => 422,
        }
    }
}

impl std::fmt::Display for PhoneError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PhoneError::Refused(e) => e.fmt(f),
            other => f.write_str(other.message_key()),
        }
    }
}

impl std::error::Error for PhoneError {}

/// A name as a phone typed it ([`seat::clean_name`]), or the phone's message for it.
fn clean_name(name: &str) -> Result<String, PhoneError> {
    seat::clean_name(name).map_err(|problem| match problem {
        NameProblem::Empty => PhoneError::EmptyName,
        NameProblem::TooLong => PhoneError::NameTooLong,
        NameProblem::Separator => PhoneError::NameSeparator,
    })
}

fn clean_line(text: &str) -> Result<String, PhoneError> {
    let line = text.trim().replace(['\n', '\r', '\t'], " ");
    if line.chars().count() > MAX_PHONE_LINE_CHARS { Err(PhoneError::LineTooLong) } else { Ok(line) }
}

impl Session {
    /// The seat a token names, if it is this session's and still valid.
    pub fn seat_of_token(&self, token: &str) -> Result<SeatId, PhoneError> {
        let (seat, generation) = token::verify(&self.room.secret, token).ok_or(PhoneError::NotSignedIn)?;
        match self.room.seat(seat) {
            Some(s) if s.generation == generation && self.team(s.team).is_some() => Ok(seat),
            _ => Err(PhoneError::NotSignedIn),
        }
    }

    /// The token a seat's phone keeps.
    pub fn token_of(&self, seat: SeatId) -> Option<String> {
        let seat = self.room.seat(seat)?;
        Some(token::sign(&self.room.secret, seat.id, seat.generation))
    }

    /// A phone joins: checked here, then applied as [`SessionEdit::Join`]. Returns the seat
    /// (the same one when this person joined before) and its token.
    pub fn join_from_phone(&mut self, join: &JoinRequest, cx: &EditContext) -> Result<(SeatId, String), PhoneError> {
        if !self.room.is_open() {
            return Err(PhoneError::RoomClosed);
        }
        if join.code.trim() != self.room.code {
            return Err(PhoneError::WrongCode);
        }
        if self.team(join.team).is_none() {
            return Err(PhoneError::UnknownTeam);
        }
        let name = clean_name(&join.name)?;
        if self.room.locked && self.room.seat_named(join.team, &name).is_none() {
            return Err(PhoneError::JoiningLocked);
        }
        let edit = SessionEdit::Join { team: join.team, name };
        match self.apply(&edit, cx) {
            Ok(Applied::Joined(seat)) => Ok((seat, self.token_of(seat).expect("the seat was just made"))),
            Ok(_) => Err(PhoneError::RoomFull),
            Err(e) => Err(PhoneError::Refused(e)),
        }
    }

    /// A joined phone's request, applied once per `request_id` (a retry of an applied request
    /// is answered `Unchanged`).
    pub fn apply_phone(
        &mut self,
        token: &str,
        request_id: &str,
        action: &PhoneAction,
        cx: &EditContext,
    ) -> Result<Applied, PhoneError> {
        let seat = self.seat_of_token(token)?;
        if self.room.already_applied(seat, request_id) {
            return Ok(Applied::Unchanged);
        }
        let edit = self.phone_edit(seat, action, cx)?;
        let applied = self.apply(&edit, cx).map_err(|e| match e {
            SessionError::Vote(crate::core::session::vote::VoteError::OwnTeam)
            | SessionError::RatesOwnRound
            | SessionError::ObservesOwnRound => PhoneError::OwnTeam,
            SessionError::Mark(MarkRefusal::TooSoon) => PhoneError::TooSoon,
            SessionError::Mark(MarkRefusal::Closed) => PhoneError::NoRoundToObserve,
            SessionError::Quiz(QuizRefusal::AlreadyAnswered) => PhoneError::AlreadyAnswered,
            SessionError::Quiz(QuizRefusal::TooLate) => PhoneError::TooLate,
            SessionError::Quiz(QuizRefusal::NotAsking) => PhoneError::NotNow,
            SessionError::Quiz(QuizRefusal::BadChoice) => PhoneError::BadAnswer,
            other => PhoneError::Refused(other),
        })?;
        self.room.remember_request(seat, request_id);
        Ok(applied)
    }

    /// The edit a seat's request makes, or why the seat may not make it now.
    fn phone_edit(&self, seat_id: SeatId, action: &PhoneAction, cx: &EditContext) -> Result<SessionEdit, PhoneError> {
        let seat = self.room.seat(seat_id).ok_or(PhoneError::NotSignedIn)?;
        let team = self.team(seat.team).ok_or(PhoneError::NotSignedIn)?;
        let stage = self.room.stage;
        match action {
            PhoneAction::Team { field, text } => {
                if stage != RoomStage::TeamDesign {
                    return Err(PhoneError::NotNow);
                }
                if !self.may_design(seat_id) {
                    return Err(PhoneError::CaptainOnly);
                }
                let (field, text) = match field {
                    PhoneTeamField::Name => (TeamField::Name, clean_name(text)?),
                    PhoneTeamField::Captain => {
                        let name = clean_name(text)?;
                        if !team.members.contains(&name) {
                            return Err(PhoneError::Refused(SessionError::NotAMember { team: team.id(), name }));
                        }
                        (TeamField::Captain, name)
                    }
                    PhoneTeamField::Logo => {
                        if !TEAM_LOGOS.contains(&text.as_str()) {
                            return Err(PhoneError::NotALogo);
                        }
                        (TeamField::Emoji, text.clone())
                    }
                    PhoneTeamField::Slogan => (TeamField::Slogan, clean_line(text)?),
                    PhoneTeamField::Song => (TeamField::Song, clean_line(text)?),
                };
                Ok(SessionEdit::EditTeam(team.id(), field, text))
            }
            PhoneAction::Vote { team: choice } => {
                if stage != RoomStage::Vote || self.vote_award().is_some() {
                    return Err(PhoneError::NotNow);
                }
                if self.team(*choice).is_none() {
                    return Err(PhoneError::UnknownTeam);
                }
                if *choice == team.id() {
                    return Err(PhoneError::OwnTeam);
                }
                Ok(SessionEdit::SeatVote { seat: seat_id, choice: *choice })
            }
            PhoneAction::Rate { round, stars, comment } => {
                let index = self.round_to_rate().filter(|&i| self.rounds[i].number == *round);
                let index = index.ok_or(PhoneError::NoRoundToRate)?;
                if self.rounds[index].team == team.id() {
                    return Err(PhoneError::OwnTeam);
                }
                if *stars > 5 {
                    return Err(PhoneError::StarsOutOfRange);
                }
                Ok(SessionEdit::SeatRate { round: index, seat: seat_id, stars: *stars, comment: clean_line(comment)? })
            }
            PhoneAction::Observe { round, tag } => {
                let index = self.observed_round(*round, team.id())?;
                let record = &self.rounds[index];
                // A live round's taps carry the clock's reading; without a clock, none can be taken.
                let t = match (record.is_running(), cx.round_time) {
                    (true, Some(t)) => t,
                    (true, None) => return Err(PhoneError::NotNow),
                    (false, _) => record.duration_secs,
                };
                Ok(SessionEdit::SeatObserve { round: index, seat: seat_id, tag: tag.clone(), t })
            }
            PhoneAction::Unobserve { round } => {
                Ok(SessionEdit::SeatUndoObserve { round: self.observed_round(*round, team.id())?, seat: seat_id })
            }
            PhoneAction::Answer { quiz, question, places } => {
                let index = self.open_quiz().filter(|&i| stage == RoomStage::Quiz && self.quizzes[i].number == *quiz);
                let index = index.ok_or(PhoneError::NotNow)?;
                if self.quizzes[index].current != *question {
                    return Err(PhoneError::NotNow);
                }
                Ok(SessionEdit::AnswerQuiz { quiz: index, by: Answerer::Seat(seat_id), places: places.clone() })
            }
            PhoneAction::Story { place, good, bad, come_back, recommend } => {
                if stage != RoomStage::Stories {
                    return Err(PhoneError::NotNow);
                }
                let (place, good, bad) = (clean_line(place)?, clean_line(good)?, clean_line(bad)?);
                if place.is_empty() && good.is_empty() && bad.is_empty() {
                    return Err(PhoneError::EmptyStory);
                }
                Ok(SessionEdit::ShareStory {
                    seat: seat_id,
                    place,
                    good,
                    bad,
                    come_back: *come_back,
                    recommend: *recommend,
                })
            }
            PhoneAction::Debrief { part, index, text } => {
                if stage != RoomStage::Debrief {
                    return Err(PhoneError::NotNow);
                }
                let shape = self.debrief_shape;
                let (part, fits) = match part {
                    PhoneDebriefPart::Takeaway => (DebriefPart::Takeaway(*index), *index < shape.takeaways),
                    PhoneDebriefPart::Tool => (DebriefPart::Tool(*index), *index < shape.tools),
                    PhoneDebriefPart::ActionWhat => (DebriefPart::ActionWhat(*index), *index < shape.actions),
                    PhoneDebriefPart::ActionByWhen => (DebriefPart::ActionByWhen(*index), *index < shape.actions),
                    PhoneDebriefPart::ActionChecker => (DebriefPart::ActionChecker(*index), *index < shape.actions),
                };
                if !fits {
                    return Err(PhoneError::NotNow);
                }
                Ok(SessionEdit::Debrief {
                    team: team.id(),
                    participant: Some(seat.name.clone()),
                    part,
                    text: clean_line(text)?,
                })
            }
        }
    }

    /// Whether the seat may edit its team's card: its captain, anyone while the team has no
    /// captain yet, or anyone when the trainer allows it.
    pub fn may_design(&self, seat: SeatId) -> bool {
        let Some(seat) = self.room.seat(seat) else { return false };
        let Some(team) = self.team(seat.team) else { return false };
        self.room.any_member_designs || team.captain.trim().is_empty() || team.captain == seat.name
    }

    /// The round observers tap on now: the last one, until its observers are revealed (or its
    /// points land), and only while the projector shows the round.
    pub fn round_to_observe(&self) -> Option<usize> {
        let last = self.rounds.len().checked_sub(1)?;
        (self.room.stage == RoomStage::Round && self.rounds[last].observers_open()).then_some(last)
    }

    /// The round a phone of `team` may observe, if it is round `number`.
    fn observed_round(&self, number: u32, team: TeamId) -> Result<usize, PhoneError> {
        let index = self.round_to_observe().filter(|&i| self.rounds[i].number == number);
        let index = index.ok_or(PhoneError::NoRoundToObserve)?;
        if self.rounds[index].team == team {
            return Err(PhoneError::OwnTeam);
        }
        Ok(index)
    }

    /// The round the room rates now: the last one, once ended and while its points have not
    /// landed.
    pub fn round_to_rate(&self) -> Option<usize> {
        let last = self.rounds.len().checked_sub(1)?;
        let record = &self.rounds[last];
        (!record.is_running() && record.ledger_entry.is_none()).then_some(last)
    }
}
