//! Every change anyone can make to a session, as one value: the trainer's screens and keys, the
//! CLI and any later caller (phones, an LRS worker) build a [`SessionEdit`] and
//! [`Session::apply`] it. Each rule lives here once and is tested without any UI.

use crate::core::ids::{TeamId, Timestamp};
use crate::core::lang::{Bilingual, Lang};
use crate::core::locale::Locales;
use crate::core::quiz::{Answerer, Question, QuizMode, QuizRun};
use crate::core::room::seat::{RoomEdit, SeatId, clean_name};
use crate::core::round::record::{Observed, RoundCast, RoundEnding, RoundRecord};
use crate::core::round::review::{RoundPoints, RoundReview, RoundRules};
use crate::core::scenario::Scenario;
use crate::core::scoring::Rubrics;

use super::debrief::{ActionPlan, DebriefShape};
use super::error::SessionError;
use super::ledger::PointsSource;
use super::picker::MemberPick;
use super::state::Session;
use super::story::Story;
use super::vote::random_presentation_order;

/// A field of a team the trainer can edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamField {
    Name,
    Emoji,
    Slogan,
    Song,
    Captain,
    /// Members, separated by commas or 、.
    Members,
}

/// A line of a debrief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DebriefPart {
    Takeaway(usize),
    Tool(usize),
    ActionWhat(usize),
    ActionByWhen(usize),
    ActionChecker(usize),
}

/// One change to a session. Rounds are named by their index in [`Session::rounds`]; round times
/// (`t`) are seconds of round clock, which the caller keeps.
#[derive(Debug, Clone, PartialEq)]
pub enum SessionEdit {
    /// A new team at the end, named after its number.
    AddTeam,
    RemoveTeam(TeamId),
    /// Move a team one place up (`-1`) or down (`1`).
    MoveTeam(TeamId, i32),
    EditTeam(TeamId, TeamField, String),
    /// A manual bonus (positive) or penalty (negative) with its reason.
    Adjust {
        team: TeamId,
        points: i32,
        reason: String,
    },
    /// Take a ledger entry out of the totals (it stays in the ledger).
    Undo(usize),
    /// Count an undone ledger entry again.
    Restore(usize),
    Vote {
        voter: TeamId,
        choice: TeamId,
    },
    /// Give the vote's winner the vote points.
    AwardVote,
    /// Draw a new random presentation order.
    ShuffleOrder,
    /// Draw the next team to serve, fairly (recent picks are less likely).
    PickTeam,
    /// Draw someone to play the customer, fairly, from every team's members.
    PickMember,
    /// Write one line of a team's debrief, or of one of its members' (`participant`).
    Debrief {
        team: TeamId,
        participant: Option<String>,
        part: DebriefPart,
        text: String,
    },
    /// Switch between 5-3-1 and 3-2-1.
    ToggleDebriefShape,
    /// Name the workshop.
    Rename(String),
    /// Timer lengths in seconds: team design, each presentation, the vote.
    SetDurations {
        design: u32,
        presentation: u32,
        voting: u32,
    },
    /// How rounds score on the leaderboard: points for a perfect score, points per peer star.
    SetRoundRules(RoundRules),
    /// Move agenda step `from` to position `to`.
    MoveStep {
        from: usize,
        to: usize,
    },
    /// Lengthen (positive) or shorten an agenda step, in minutes.
    Retime {
        step: usize,
        minutes: i32,
    },
    /// Start a role-play round of `scenario` for the cast's team; refused while a round is open.
    StartRound {
        scenario: Box<Scenario>,
        cast: RoundCast,
    },
    /// An observer's press or a typed quote at round time `t`.
    Observe {
        round: usize,
        t: f64,
        what: Observed,
    },
    /// Take back the round's last press or quote (and a walk-out it caused).
    UndoObservation {
        round: usize,
    },
    /// The trainer ends the round at round time `t`.
    EndRound {
        round: usize,
        t: f64,
    },
    /// The customer leaves if their patience has run out by round time `t`.
    CheckPatience {
        round: usize,
        t: f64,
    },
    /// Drop a round started by mistake (never one whose points landed); the record comes back
    /// in [`Applied::RoundVoided`] so it can be restored.
    AbandonRound {
        round: usize,
    },
    /// Undo a discard: the round comes back as it was (refused while another round is open).
    RestoreRound(Box<RoundRecord>),
    /// Another team's 1–5 stars for the round (0 clears them).
    RateRound {
        round: usize,
        team: TeamId,
        stars: u8,
    },
    /// Put an ended round's points on the board through the ledger, once.
    AwardRound {
        round: usize,
    },
    RoundNotes {
        round: usize,
        text: String,
    },
    /// An observer's tap on their phone pad at round time `t` (the round's owner stamps it).
    SeatObserve {
        round: usize,
        seat: SeatId,
        tag: String,
        t: f64,
    },
    /// Take back the observer's last tap.
    SeatUndoObserve {
        round: usize,
        seat: SeatId,
    },
    /// Close the observers' pads and show their taps against the trainer's record.
    RevealObservers {
        round: usize,
    },
    /// The trainer's consensus on one pad item after the reveal (`None`: back to the trainer's
    /// own record). The round then scores on it.
    Settle {
        round: usize,
        tag: String,
        present: Option<bool>,
    },
    /// Settle every disputed item as the room's majority saw it.
    AcceptMajority {
        round: usize,
    },
    /// Someone joins from a phone (the room code and the name are checked by
    /// [`Session::join_from_phone`]): the same seat when they joined before, and a new name
    /// joins the team's members.
    Join {
        team: TeamId,
        name: String,
    },
    /// A participant's vote from their phone.
    SeatVote {
        seat: SeatId,
        choice: TeamId,
    },
    /// A participant's 1–5 stars (0 takes them back) for an ended round, with a comment.
    SeatRate {
        round: usize,
        seat: SeatId,
        stars: u8,
        comment: String,
    },
    /// A participant's experience-sharing story (their earlier one is replaced).
    ShareStory {
        seat: SeatId,
        place: String,
        good: String,
        bad: String,
        come_back: Option<bool>,
        recommend: Option<bool>,
    },
    /// Put one story up large on the wall (`None`: back to the wall).
    FeatureStory(Option<usize>),
    /// The trainer's change to the room of phones.
    Room(RoomEdit),
    /// Start a quiz of these questions (`seed` shuffles the order questions); refused while
    /// another quiz is being played.
    StartQuiz {
        title: Bilingual,
        questions: Vec<Question>,
        mode: QuizMode,
        seed: u64,
    },
    /// An answer to the quiz's current question, as places on screen (A = 0 …), timed by the
    /// context's clock; one per answerer, none after the deadline.
    AnswerQuiz {
        quiz: usize,
        by: Answerer,
        places: Vec<usize>,
    },
    /// Close the question, show the standings, open the next; after the last standings the
    /// quiz finishes and its points land in the ledger as `Quiz(n)`.
    AdvanceQuiz {
        quiz: usize,
    },
    /// Drop an unfinished quiz; the run comes back in [`Applied::QuizVoided`] for an undo.
    AbandonQuiz {
        quiz: usize,
    },
    /// Undo an abandon (refused while another quiz is being played).
    RestoreQuiz(Box<QuizRun>),
}

/// The longest wait for observers after a round: five minutes.
pub const MAX_OBSERVER_GRACE_SECS: u32 = 300;

/// What [`Session::apply`] needs besides the edit: the wall clock, the rubrics that replay
/// rounds (edits of rounds are refused without them), and the locale files for the words the
/// camp writes into the session (team names, ledger reasons).
#[derive(Clone, Copy)]
pub struct EditContext<'a> {
    pub now: Timestamp,
    pub rubrics: Option<&'a Rubrics>,
    pub locales: &'a Locales,
    /// What the running round's clock reads now, from whoever runs it: observers' taps from
    /// phones are stamped with it.
    pub round_time: Option<f64>,
}

impl<'a> EditContext<'a> {
    /// With the locale strings compiled into the binary.
    pub fn new(now: Timestamp, rubrics: Option<&'a Rubrics>) -> EditContext<'a> {
        EditContext { now, rubrics, locales: Locales::compiled_in(), round_time: None }
    }

    /// With the running round's clock reading.
    pub fn with_round_time(self, round_time: Option<f64>) -> EditContext<'a> {
        EditContext { round_time, ..self }
    }

    /// With the trainer's (possibly edited) locale files.
    pub fn with_locales(self, locales: &'a Locales) -> EditContext<'a> {
        EditContext { locales, ..self }
    }
}

/// What an applied edit did.
#[derive(Debug, Clone, PartialEq)]
pub enum Applied {
    /// The session changed.
    Changed,
    /// The edit was valid but there was nothing to change (e.g. no press left to undo).
    Unchanged,
    TeamAdded(TeamId),
    /// A ledger entry was written at this position.
    Ledger(usize),
    PickedTeam {
        drawn: TeamId,
        candidates: Vec<TeamId>,
    },
    PickedMember {
        drawn: MemberPick,
        candidates: Vec<MemberPick>,
    },
    /// The round at this index started (or came back after a discard).
    RoundStarted(usize),
    /// The round was discarded; this is the record, for an undo.
    RoundVoided(Box<RoundRecord>),
    /// The customer walked out: the round ended with this edit.
    WalkedOut,
    /// This seat joined (or came back).
    Joined(SeatId),
    /// The quiz at this index started (or came back after an abandon).
    QuizStarted(usize),
    QuizVoided(Box<QuizRun>),
}

impl Session {
    /// The demo camp as it stands before its vote (the vote's awards taken back, no ballots,
    /// nobody joined from a phone):
    /// what `service-camp room --demo` serves, so phones can try every part of the day.
    pub fn demo_before_the_vote(lang: Lang) -> Session {
        let mut session = Session::demo(lang);
        let cx = EditContext::new(Timestamp(0), None);
        while let Some(entry) = session.vote_award() {
            if session.apply(&SessionEdit::Undo(entry), &cx).is_err() {
                break;
            }
        }
        session.ballots.clear();
        // Nobody has joined from a phone yet, so nobody has observed either.
        session.room.seats.clear();
        for round in &mut session.rounds {
            round.observer_marks.clear();
            round.observers_revealed = false;
        }
        session
    }
}

impl Session {
    /// Applies one edit. A refused edit leaves the session exactly as it was.
    pub fn apply(&mut self, edit: &SessionEdit, cx: &EditContext) -> Result<Applied, SessionError> {
        let now = cx.now;
        match edit {
            SessionEdit::AddTeam => {
                let number = self.teams.len() + 1;
                let name = cx.locales.get_args(self.lang, "camp-new-team", &[("number", number.into())]);
                self.add_team(name, "⭐").map(Applied::TeamAdded)
            }
            SessionEdit::RemoveTeam(team) => self.remove_team(*team).map(|_| Applied::Changed),
            SessionEdit::MoveTeam(team, by) => {
                let index = self.team_index(*team).ok_or(SessionError::UnknownTeam(*team))?;
                let target = (index as i64 + i64::from(*by)).clamp(0, self.teams.len() as i64 - 1) as usize;
                self.move_team(*team, target).map(|()| Applied::Changed)
            }
            SessionEdit::EditTeam(team, field, text) => {
                let chars = text.chars().count();
                if *field == TeamField::Emoji && !(1..=4).contains(&chars) {
                    return Err(SessionError::NotALogo(text.clone()));
                }
                if chars > crate::core::limits::MAX_TEXT_CHARS {
                    return Err(SessionError::TooLong { chars, max: crate::core::limits::MAX_TEXT_CHARS });
                }
                let team = self.team_mut(*team).ok_or(SessionError::UnknownTeam(*team))?;
                match field {
                    TeamField::Name => team.name = text.clone(),
                    TeamField::Emoji => team.emoji = text.clone(),
                    TeamField::Slogan => team.slogan = text.clone(),
                    TeamField::Song => team.song = text.clone(),
                    TeamField::Captain => team.captain = text.clone(),
                    TeamField::Members => {
                        team.members = text
                            .split(super::team::NAME_SEPARATORS)
                            .map(str::trim)
                            .filter(|m| !m.is_empty())
                            .map(str::to_owned)
                            .collect()
                    }
                }
                Ok(Applied::Changed)
            }
            SessionEdit::Adjust { team, points, reason } => {
                self.adjust(*team, *points, reason.clone(), now).map(Applied::Ledger)
            }
            SessionEdit::Undo(entry) => self.undo(*entry, now).map(|()| Applied::Changed),
            SessionEdit::Restore(entry) => self.restore(*entry).map(|()| Applied::Changed),
            SessionEdit::Vote { voter, choice } => {
                let teams = self.team_ids();
                self.ballots.cast(*voter, *choice, &teams).map_err(SessionError::Vote)?;
                Ok(Applied::Changed)
            }
            SessionEdit::AwardVote => self.award_vote(cx.locales, now),
            SessionEdit::ShuffleOrder => {
                self.presentation_order = random_presentation_order(&self.team_ids(), now.0);
                Ok(Applied::Changed)
            }
            SessionEdit::PickTeam => {
                let candidates = self.team_ids();
                let drawn = self.team_picker.pick(&candidates).ok_or(SessionError::NothingToPick)?;
                Ok(Applied::PickedTeam { drawn, candidates })
            }
            SessionEdit::PickMember => {
                let candidates = self.member_candidates(None);
                let drawn = self.member_picker.pick(&candidates).ok_or(SessionError::NothingToPick)?;
                Ok(Applied::PickedMember { drawn, candidates })
            }
            SessionEdit::Debrief { team, participant, part, text } => {
                let members = &self.team(*team).ok_or(SessionError::UnknownTeam(*team))?.members;
                if let Some(name) = participant
                    && !members.contains(name)
                {
                    return Err(SessionError::NotAMember { team: *team, name: name.clone() });
                }
                let debrief = self.debrief_of_mut(*team, participant.as_deref());
                match *part {
                    DebriefPart::Takeaway(i) => set_line(&mut debrief.takeaways, i, text),
                    DebriefPart::Tool(i) => set_line(&mut debrief.tools, i, text),
                    DebriefPart::ActionWhat(i) => action_slot(&mut debrief.actions, i).what = text.clone(),
                    DebriefPart::ActionByWhen(i) => action_slot(&mut debrief.actions, i).by_when = text.clone(),
                    DebriefPart::ActionChecker(i) => action_slot(&mut debrief.actions, i).checker = text.clone(),
                }
                debrief.written_at = Some(cx.now);
                Ok(Applied::Changed)
            }
            SessionEdit::ToggleDebriefShape => {
                self.debrief_shape = if self.debrief_shape == DebriefShape::SHORT {
                    DebriefShape::default()
                } else {
                    DebriefShape::SHORT
                };
                Ok(Applied::Changed)
            }
            SessionEdit::Rename(name) => {
                self.name = name.clone();
                Ok(Applied::Changed)
            }
            SessionEdit::SetDurations { design, presentation, voting } => {
                self.durations.team_design_secs = (*design).max(60);
                self.durations.presentation_secs_per_team = (*presentation).max(10);
                self.durations.voting_secs = (*voting).max(10);
                Ok(Applied::Changed)
            }
            SessionEdit::SetRoundRules(rules) => {
                self.round_rules = RoundRules {
                    points_for_full_score: rules.points_for_full_score.min(100),
                    points_per_peer_star: if rules.points_per_peer_star.is_finite() {
                        rules.points_per_peer_star.clamp(0.0, 20.0)
                    } else {
                        RoundRules::default().points_per_peer_star
                    },
                    observer_grace_secs: rules.observer_grace_secs.min(MAX_OBSERVER_GRACE_SECS),
                };
                Ok(Applied::Changed)
            }
            SessionEdit::MoveStep { from, to } => {
                if self.move_step(*from, *to) {
                    Ok(Applied::Changed)
                } else {
                    Err(SessionError::NoAgendaStep(*from))
                }
            }
            SessionEdit::Retime { step, minutes } => {
                let step = self.agenda.get_mut(*step).ok_or(SessionError::NoAgendaStep(*step))?;
                step.minutes = step.minutes.saturating_add_signed(*minutes).max(1);
                Ok(Applied::Changed)
            }
            SessionEdit::StartRound { scenario, cast } => self.start_round(scenario, cast, now),
            SessionEdit::Observe { round, t, what } => {
                let lang = self.lang;
                let rubrics = cx.rubrics.ok_or(SessionError::NoRubrics)?;
                let record = self.running_round(*round)?;
                record.observe(rubrics, lang, *t, what.clone());
                Ok(if record.is_running() { Applied::Changed } else { Applied::WalkedOut })
            }
            SessionEdit::UndoObservation { round } => {
                let lang = self.lang;
                let rubrics = cx.rubrics.ok_or(SessionError::NoRubrics)?;
                let record = self.rounds.get_mut(*round).ok_or(SessionError::NoRound(*round))?;
                Ok(record.undo(rubrics, lang).map_or(Applied::Unchanged, |_| Applied::Changed))
            }
            SessionEdit::EndRound { round, t } => {
                self.running_round(*round)?.end(*t, RoundEnding::Ended);
                Ok(Applied::Changed)
            }
            SessionEdit::CheckPatience { round, t } => {
                let lang = self.lang;
                let rubrics = cx.rubrics.ok_or(SessionError::NoRubrics)?;
                let record = self.running_round(*round)?;
                Ok(if record.check_patience(rubrics, lang, *t) { Applied::WalkedOut } else { Applied::Unchanged })
            }
            SessionEdit::AbandonRound { round } => {
                self.unawarded_round(*round)?;
                Ok(Applied::RoundVoided(Box::new(self.rounds.remove(*round))))
            }
            SessionEdit::RestoreRound(record) => {
                if let Some(open) = self.rounds.iter().position(|r| r.ledger_entry.is_none()) {
                    return Err(SessionError::RoundOpen(open));
                }
                if record.ledger_entry.is_some() || self.team(record.team).is_none() {
                    return Err(SessionError::UnknownTeam(record.team));
                }
                self.rounds.push((**record).clone());
                Ok(Applied::RoundStarted(self.rounds.len() - 1))
            }
            SessionEdit::RateRound { round, team, stars } => {
                if *stars > 5 {
                    return Err(SessionError::StarsOutOfRange(*stars));
                }
                if self.team(*team).is_none() {
                    return Err(SessionError::UnknownTeam(*team));
                }
                let record = self.unawarded_round(*round)?;
                if record.is_running() {
                    return Err(SessionError::RoundRunning(*round));
                }
                if record.team == *team {
                    return Err(SessionError::RatesOwnRound);
                }
                record.rate(*team, *stars);
                Ok(Applied::Changed)
            }
            SessionEdit::AwardRound { round } => {
                let rubrics = cx.rubrics.ok_or(SessionError::NoRubrics)?;
                self.award_round(*round, rubrics, cx.locales, now)
            }
            SessionEdit::RoundNotes { round, text } => {
                self.rounds.get_mut(*round).ok_or(SessionError::NoRound(*round))?.notes = text.clone();
                Ok(Applied::Changed)
            }
            SessionEdit::SeatObserve { round, seat, tag, t } => {
                let rubrics = cx.rubrics.ok_or(SessionError::NoRubrics)?;
                let team = self.room.seat(*seat).ok_or(SessionError::UnknownSeat(*seat))?.team;
                let record = self.rounds.get_mut(*round).ok_or(SessionError::NoRound(*round))?;
                if record.team == team {
                    return Err(SessionError::ObservesOwnRound);
                }
                let on_pad = crate::core::round::scoring_pad(rubrics, &record.models)
                    .iter()
                    .any(|g| g.buttons.iter().any(|b| b.tag == *tag));
                if !on_pad {
                    return Err(SessionError::NotOnThePad(tag.clone()));
                }
                // During the grace after the end, taps count at the end.
                let t = if record.is_running() {
                    t.clamp(0.0, f64::from(record.time_limit_secs) * 4.0)
                } else {
                    record.duration_secs
                };
                record.mark_as_observer(*seat, t, tag).map_err(SessionError::Mark)?;
                Ok(Applied::Changed)
            }
            SessionEdit::SeatUndoObserve { round, seat } => {
                let record = self.rounds.get_mut(*round).ok_or(SessionError::NoRound(*round))?;
                match record.unmark_as_observer(*seat).map_err(SessionError::Mark)? {
                    Some(_) => Ok(Applied::Changed),
                    None => Ok(Applied::Unchanged),
                }
            }
            SessionEdit::RevealObservers { round } => {
                let record = self.unawarded_round(*round)?;
                if record.is_running() {
                    return Err(SessionError::RoundRunning(*round));
                }
                if record.observers_revealed {
                    return Ok(Applied::Unchanged);
                }
                record.observers_revealed = true;
                Ok(Applied::Changed)
            }
            SessionEdit::Settle { round, tag, present } => {
                let record = self.revealed_round(*round)?;
                record.settle(tag, *present);
                Ok(Applied::Changed)
            }
            SessionEdit::AcceptMajority { round } => {
                let lang = self.lang;
                let rubrics = cx.rubrics.ok_or(SessionError::NoRubrics)?;
                let record = self.revealed_round(*round)?;
                let calibration = crate::core::round::calibration::Calibration::of(record, rubrics, lang);
                let disputes: Vec<(String, bool)> =
                    calibration.open_disputes().map(|item| (item.tag.clone(), !item.consensus)).collect();
                if disputes.is_empty() {
                    return Ok(Applied::Unchanged);
                }
                for (tag, majority) in disputes {
                    record.settle(&tag, Some(majority));
                }
                Ok(Applied::Changed)
            }
            SessionEdit::Join { team, name } => self.join(*team, name, now),
            SessionEdit::SeatVote { seat, choice } => {
                let voter = self.room.seat(*seat).ok_or(SessionError::UnknownSeat(*seat))?.team;
                let teams = self.team_ids();
                self.ballots.cast_by_seat(voter, *seat, *choice, &teams).map_err(SessionError::Vote)?;
                Ok(Applied::Changed)
            }
            SessionEdit::SeatRate { round, seat, stars, comment } => {
                if *stars > 5 {
                    return Err(SessionError::StarsOutOfRange(*stars));
                }
                let team = self.room.seat(*seat).ok_or(SessionError::UnknownSeat(*seat))?.team;
                let record = self.unawarded_round(*round)?;
                if record.is_running() {
                    return Err(SessionError::RoundRunning(*round));
                }
                if record.team == team {
                    return Err(SessionError::RatesOwnRound);
                }
                record.rate_by_seat(*seat, team, *stars, comment.clone());
                Ok(Applied::Changed)
            }
            SessionEdit::ShareStory { seat, place, good, bad, come_back, recommend } => {
                let sitting = self.room.seat(*seat).ok_or(SessionError::UnknownSeat(*seat))?;
                let story = Story {
                    seat: Some(*seat),
                    team: Some(sitting.team),
                    name: sitting.name.clone(),
                    place: place.clone(),
                    good: good.clone(),
                    bad: bad.clone(),
                    come_back: *come_back,
                    recommend: *recommend,
                    at: now,
                };
                match self.stories.iter().position(|s| s.seat == Some(*seat)) {
                    Some(i) => self.stories[i] = story,
                    None if self.stories.len() >= crate::core::room::seat::MAX_SEATS => {
                        return Err(SessionError::RoomFull);
                    }
                    None => self.stories.push(story),
                }
                Ok(Applied::Changed)
            }
            SessionEdit::FeatureStory(story) => {
                if let Some(i) = story
                    && *i >= self.stories.len()
                {
                    return Err(SessionError::NoStory(*i));
                }
                self.featured_story = *story;
                Ok(Applied::Changed)
            }
            SessionEdit::Room(edit) => self.edit_room(edit),
            SessionEdit::StartQuiz { title, questions, mode, seed } => {
                self.start_quiz(title, questions, *mode, *seed, now)
            }
            SessionEdit::AnswerQuiz { quiz, by, places } => self.answer_quiz(*quiz, *by, places, now),
            SessionEdit::AdvanceQuiz { quiz } => self.advance_quiz(*quiz, cx.locales, now),
            SessionEdit::AbandonQuiz { quiz } => self.abandon_quiz(*quiz),
            SessionEdit::RestoreQuiz(run) => self.restore_quiz(run),
        }
    }

    fn join(&mut self, team_id: TeamId, name: &str, now: Timestamp) -> Result<Applied, SessionError> {
        let name = &clean_name(name).map_err(SessionError::BadName)?;
        if let Some(seat) = self.room.seat_named(team_id, name) {
            return Ok(Applied::Joined(seat));
        }
        let team = self.team_mut(team_id).ok_or(SessionError::UnknownTeam(team_id))?;
        let new_member = !team.members.iter().any(|m| m == name);
        if new_member && team.members.len() >= crate::core::limits::MAX_MEMBERS {
            return Err(SessionError::TeamFull);
        }
        let seat = self.room.add_seat(team_id, name.to_owned(), now).ok_or(SessionError::RoomFull)?;
        if new_member {
            self.team_mut(team_id).expect("checked above").members.push(name.to_owned());
        }
        Ok(Applied::Joined(seat))
    }

    fn edit_room(&mut self, edit: &RoomEdit) -> Result<Applied, SessionError> {
        match edit {
            RoomEdit::Open => self.room.ensure_open(),
            RoomEdit::NewCode(code) => {
                self.room.ensure_open();
                match code {
                    Some(code) if (4..=8).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()) => {
                        self.room.code = code.clone()
                    }
                    Some(code) => return Err(SessionError::BadRoomCode(code.clone())),
                    None => {
                        let old = self.room.code.clone();
                        while self.room.code == old {
                            self.room.code.clear();
                            self.room.ensure_open();
                        }
                    }
                }
            }
            RoomEdit::Lock(locked) => self.room.locked = *locked,
            RoomEdit::Stage(stage) => self.room.stage = *stage,
            RoomEdit::AnyMemberDesigns(any) => self.room.any_member_designs = *any,
            RoomEdit::ResetDevice(seat) => {
                let seat = self.room.seat_mut(*seat).ok_or(SessionError::UnknownSeat(*seat))?;
                seat.generation = seat.generation.wrapping_add(1);
            }
            RoomEdit::RenameSeat(seat_id, name) => {
                let seat = self.room.seat(*seat_id).ok_or(SessionError::UnknownSeat(*seat_id))?.clone();
                let name = clean_name(name).map_err(SessionError::BadName)?;
                if name == seat.name {
                    return Ok(Applied::Unchanged);
                }
                let team = self.team(seat.team).ok_or(SessionError::UnknownTeam(seat.team))?;
                if team.members.contains(&name) {
                    return Err(SessionError::NameTaken(name));
                }
                let team = self.team_mut(seat.team).expect("checked above");
                for member in team.members.iter_mut().filter(|m| **m == seat.name) {
                    *member = name.clone();
                }
                if team.captain == seat.name {
                    team.captain = name.clone();
                }
                for debrief in self.debriefs.iter_mut() {
                    if debrief.team == Some(seat.team) && debrief.participant.as_deref() == Some(&seat.name) {
                        debrief.participant = Some(name.clone());
                    }
                }
                for story in self.stories.iter_mut().filter(|s| s.seat == Some(*seat_id)) {
                    story.name = name.clone();
                }
                self.room.seat_mut(*seat_id).expect("checked above").name = name;
            }
            RoomEdit::MoveSeat(seat_id, to) => {
                let seat = self.room.seat(*seat_id).ok_or(SessionError::UnknownSeat(*seat_id))?.clone();
                if self.team(*to).is_none() {
                    return Err(SessionError::UnknownTeam(*to));
                }
                if seat.team == *to {
                    return Ok(Applied::Unchanged);
                }
                if self.room.seat_named(*to, &seat.name).is_some() {
                    return Err(SessionError::NameTaken(seat.name));
                }
                // The name leaves the old team's list and its own debrief goes along.
                if let Some(from) = self.team_mut(seat.team) {
                    from.members.retain(|m| *m != seat.name);
                }
                let to_team = self.team_mut(*to).expect("checked above");
                if !to_team.members.contains(&seat.name) {
                    to_team.members.push(seat.name.clone());
                }
                for debrief in self.debriefs.iter_mut() {
                    if debrief.team == Some(seat.team) && debrief.participant.as_deref() == Some(&seat.name) {
                        debrief.team = Some(*to);
                    }
                }
                self.ballots.withdraw_seat(*seat_id);
                self.room.seat_mut(*seat_id).expect("checked above").team = *to;
            }
        }
        Ok(Applied::Changed)
    }

    /// Gives the vote's winner the session's vote points through the ledger; nothing while
    /// nobody has voted.
    fn award_vote(&mut self, locales: &Locales, at: Timestamp) -> Result<Applied, SessionError> {
        // Once: a second click must not give the winner the points again (undo the entry to
        // award anew).
        if let Some(entry) = self.vote_award() {
            return Err(SessionError::VoteAwarded(entry));
        }
        let tally = self.ballots.tally(&self.presentation_sequence());
        let Some(winner) = tally.winner else { return Ok(Applied::Unchanged) };
        let reason = locales.get(self.lang, "ledger-vote");
        let points = i32::try_from(self.vote_points).unwrap_or(i32::MAX);
        self.record(winner, points, PointsSource::Vote, reason, at).map(Applied::Ledger)
    }

    fn start_round(&mut self, scenario: &Scenario, cast: &RoundCast, now: Timestamp) -> Result<Applied, SessionError> {
        if let Some(open) = self.rounds.iter().position(|r| r.ledger_entry.is_none()) {
            return Err(SessionError::RoundOpen(open));
        }
        let team = cast.team.ok_or(SessionError::NoTeamChosen)?;
        if self.team(team).is_none() {
            return Err(SessionError::UnknownTeam(team));
        }
        let number = self.rounds.iter().map(|r| r.number).max().unwrap_or(0) + 1;
        self.rounds.push(RoundRecord::new(number, scenario, cast, team, now));
        Ok(Applied::RoundStarted(self.rounds.len() - 1))
    }

    /// Puts a finished round's points on the board through the ledger, once: the trainer's
    /// score (0–100, replayed through the engine) and the peers' stars, by the session's round
    /// rules.
    fn award_round(
        &mut self,
        index: usize,
        rubrics: &Rubrics,
        locales: &Locales,
        at: Timestamp,
    ) -> Result<Applied, SessionError> {
        let lang = self.lang;
        let record = self.unawarded_round(index)?;
        if record.is_running() {
            return Err(SessionError::RoundRunning(index));
        }
        // Landing the points closes the observers' pads: the round is scored as it stands.
        record.observers_revealed |= !record.observer_marks.is_empty();
        let score = RoundReview::of(record, rubrics, lang).total();
        let points = RoundPoints::of(score, record.peer_average(), &self.round_rules);
        let record = &self.rounds[index];
        let mut args = vec![
            ("number", record.number.into()),
            ("title", record.title.get(lang).into()),
            ("score", format!("{score:.0}").into()),
        ];
        let key = match points.peer_average {
            Some(average) => {
                args.push(("peers", format!("{average:.1}").into()));
                "ledger-round-peers"
            }
            None => "ledger-round",
        };
        let reason = locales.get_args(lang, key, &args);
        let (team, number) = (record.team, record.number);
        let entry = self.record(team, points.total(), PointsSource::Round(number), reason, at)?;
        self.rounds[index].ledger_entry = Some(entry);
        Ok(Applied::Ledger(entry))
    }

    fn running_round(&mut self, index: usize) -> Result<&mut RoundRecord, SessionError> {
        let record = self.rounds.get_mut(index).ok_or(SessionError::NoRound(index))?;
        if record.is_running() { Ok(record) } else { Err(SessionError::RoundEnded(index)) }
    }

    /// A round whose observers were revealed and whose points have not landed: the only time
    /// the consensus may change.
    fn revealed_round(&mut self, index: usize) -> Result<&mut RoundRecord, SessionError> {
        let record = self.unawarded_round(index)?;
        if !record.observers_revealed {
            return Err(SessionError::Mark(crate::core::round::record::MarkRefusal::Closed));
        }
        Ok(record)
    }

    fn unawarded_round(&mut self, index: usize) -> Result<&mut RoundRecord, SessionError> {
        let record = self.rounds.get_mut(index).ok_or(SessionError::NoRound(index))?;
        if record.ledger_entry.is_none() { Ok(record) } else { Err(SessionError::RoundAwarded(index)) }
    }
}

/// Sets line `i` of a list, growing it with empty lines as needed.
fn set_line(lines: &mut Vec<String>, i: usize, text: &str) {
    if lines.len() <= i {
        lines.resize(i + 1, String::new());
    }
    lines[i] = text.to_owned();
}

fn action_slot(actions: &mut Vec<ActionPlan>, i: usize) -> &mut ActionPlan {
    if actions.len() <= i {
        actions.resize(i + 1, ActionPlan::default());
    }
    &mut actions[i]
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::core::lang::Lang;
    use crate::core::session::picker::Picker;

    fn at(now: Timestamp) -> EditContext<'static> {
        EditContext::new(now, None)
    }

    /// The label a fair draw shows: a team's name, or a member's.
    fn drawn(session: &mut Session, edit: &SessionEdit) -> String {
        match session.apply(edit, &at(Timestamp(0))).unwrap() {
            Applied::PickedTeam { drawn, .. } => session.team(drawn).unwrap().name.clone(),
            Applied::PickedMember { drawn, .. } => drawn.name,
            other => panic!("not a draw: {other:?}"),
        }
    }

    #[test]
    fn round_rules_are_kept_within_what_a_leaderboard_can_show() {
        let mut session = Session::new("rules", Lang::En);
        let set = |session: &mut Session, points, star| {
            let rules =
                RoundRules { points_for_full_score: points, points_per_peer_star: star, observer_grace_secs: 30 };
            session.apply(&SessionEdit::SetRoundRules(rules), &at(Timestamp(0))).unwrap();
            session.round_rules.clone()
        };
        assert_eq!(
            set(&mut session, 30, 1.5),
            RoundRules { points_for_full_score: 30, points_per_peer_star: 1.5, observer_grace_secs: 30 }
        );
        assert_eq!(
            set(&mut session, 5000, 99.0),
            RoundRules { points_for_full_score: 100, points_per_peer_star: 20.0, observer_grace_secs: 30 }
        );
        assert_eq!(set(&mut session, 10, f64::NAN).points_per_peer_star, RoundRules::default().points_per_peer_star);
    }

    #[test]
    fn team_edits_moves_and_removal_keep_points_with_their_team() {
        let mut session = Session::demo(Lang::Zh);
        let now = Timestamp(1);
        let sunflowers = session.teams[1].id();
        let before = session.totals()[1];
        session.apply(&SessionEdit::MoveTeam(sunflowers, -1), &at(now)).unwrap();
        assert_eq!(session.teams[0].id(), sunflowers);
        assert_eq!(session.totals()[0], before, "points move with the team");
        session.apply(&SessionEdit::EditTeam(sunflowers, TeamField::Members, "甲、乙, 丙".into()), &at(now)).unwrap();
        assert_eq!(session.teams[0].members, ["甲", "乙", "丙"]);
        session.apply(&SessionEdit::AddTeam, &at(now)).unwrap();
        assert_eq!(session.teams.len(), 7);
        assert_eq!(session.teams[6].name, "第7队");
        let added = session.teams[6].id();
        session.apply(&SessionEdit::RemoveTeam(added), &at(now)).unwrap();
        assert_eq!(session.teams.len(), 6);
    }

    #[test]
    fn manual_points_undo_and_vote_award_go_through_the_ledger() {
        let mut session = Session::demo(Lang::En);
        let now = Timestamp(2);
        let (a, b) = (session.teams[0].id(), session.teams[1].id());
        let start = session.totals();
        session.apply(&SessionEdit::Adjust { team: a, points: 3, reason: "great follow-up".into() }, &at(now)).unwrap();
        assert_eq!(session.totals()[0], start[0] + 3);
        let entry = session.ledger.len() - 1;
        session.apply(&SessionEdit::Undo(entry), &at(now)).unwrap();
        assert_eq!(session.totals(), start);
        assert!(session.apply(&SessionEdit::Vote { voter: a, choice: a }, &at(now)).is_err(), "no vote for oneself");
        for team in session.team_ids().into_iter().filter(|&t| t != b) {
            session.apply(&SessionEdit::Vote { voter: team, choice: b }, &at(now)).unwrap();
        }
        // The demo's vote is on the board already (entries 0 and 1): no second award.
        assert_eq!(session.apply(&SessionEdit::AwardVote, &at(now)), Err(SessionError::VoteAwarded(0)));
        assert_eq!(session.totals(), start);
    }

    #[test]
    fn agenda_steps_reorder_and_retime_and_presentations_reshuffle() {
        let mut session = Session::demo(Lang::Zh);
        let first = session.agenda[0].kind;
        session.apply(&SessionEdit::MoveStep { from: 0, to: 2 }, &at(Timestamp(3))).unwrap();
        assert_eq!(session.agenda[2].kind, first);
        let minutes = session.agenda[0].minutes;
        session.apply(&SessionEdit::Retime { step: 0, minutes: 5 }, &at(Timestamp(3))).unwrap();
        assert_eq!(session.agenda[0].minutes, minutes + 5);
        session.apply(&SessionEdit::Retime { step: 0, minutes: -1000 }, &at(Timestamp(3))).unwrap();
        assert_eq!(session.agenda[0].minutes, 1, "a step never shrinks to nothing");
        session.apply(&SessionEdit::ShuffleOrder, &at(Timestamp(42))).unwrap();
        let mut order = session.presentation_sequence();
        order.sort();
        let mut teams = session.team_ids();
        teams.sort();
        assert_eq!(order, teams, "a shuffle keeps every team exactly once");
    }

    #[test]
    fn fair_draws_spread_over_teams_and_repeat_from_the_seed() {
        let draw = |seed: u64| {
            let mut session = Session::demo(Lang::Zh);
            session.team_picker = Picker::new(seed);
            (0..12).map(|_| drawn(&mut session, &SessionEdit::PickTeam)).collect::<Vec<_>>()
        };
        let first = draw(9);
        assert_eq!(first, draw(9), "the same seed gives the same draws");
        let teams: BTreeSet<&String> = first.iter().collect();
        assert!(teams.len() >= 5, "twelve draws reach most of six teams: {first:?}");
        let mut session = Session::demo(Lang::En);
        let Ok(Applied::PickedMember { drawn, candidates }) =
            session.apply(&SessionEdit::PickMember, &at(Timestamp(0)))
        else {
            panic!("a member is drawn")
        };
        assert_eq!(candidates.len(), 24, "six teams of four");
        assert!(candidates.contains(&drawn));
        assert_eq!(
            Session::new("empty", Lang::En).apply(&SessionEdit::PickMember, &at(Timestamp(0))),
            Err(SessionError::NothingToPick)
        );
    }

    #[test]
    fn debrief_lines_are_written_per_team_and_the_shape_switches() {
        let mut session = Session::new("培训", Lang::Zh);
        let team = session.add_team("闪电队", "⚡").unwrap();
        let line = |part, text: &str| SessionEdit::Debrief { team, participant: None, part, text: text.to_owned() };
        session.apply(&line(DebriefPart::Takeaway(2), "情感第一"), &at(Timestamp(5))).unwrap();
        session.apply(&line(DebriefPart::ActionChecker(0), "王经理"), &at(Timestamp(5))).unwrap();
        let debrief = session.debrief(team).unwrap();
        assert_eq!(debrief.takeaways, ["", "", "情感第一"]);
        assert_eq!(debrief.actions[0].checker, "王经理");
        session.team_mut(team).unwrap().members = vec!["李娜".into()];
        let own = |who: &str| SessionEdit::Debrief {
            team,
            participant: Some(who.into()),
            part: DebriefPart::Tool(0),
            text: "7A".into(),
        };
        session.apply(&own("李娜"), &at(Timestamp(5))).unwrap();
        assert!(session.apply(&own("路人"), &at(Timestamp(5))).is_err(), "only a member of the team");
        assert_eq!(session.debrief_of(team, Some("李娜")).unwrap().tools, ["7A"]);
        assert!(session.debrief(team).unwrap().tools.is_empty(), "the team's debrief is apart");
        let shape = session.debrief_shape;
        session.apply(&SessionEdit::ToggleDebriefShape, &at(Timestamp(5))).unwrap();
        assert_ne!(session.debrief_shape, shape);
        session.apply(&SessionEdit::ToggleDebriefShape, &at(Timestamp(5))).unwrap();
        assert_eq!(session.debrief_shape, shape);
    }

    #[test]
    fn the_winner_gets_the_vote_points_through_the_ledger() {
        let mut session = Session::new("vote", Lang::En);
        let a = session.add_team("A", "⚡").unwrap();
        let b = session.add_team("B", "🌻").unwrap();
        session.vote_points = 15;
        assert_eq!(
            session.apply(&SessionEdit::AwardVote, &at(Timestamp(2))),
            Ok(Applied::Unchanged),
            "nobody voted yet"
        );
        session.apply(&SessionEdit::Vote { voter: a, choice: b }, &at(Timestamp(2))).unwrap();
        let Ok(Applied::Ledger(entry)) = session.apply(&SessionEdit::AwardVote, &at(Timestamp(3))) else { panic!() };
        assert_eq!(session.ledger[entry].source, PointsSource::Vote);
        assert_eq!(session.ledger[entry].reason, "Team presentations · best team");
        assert_eq!(session.totals(), vec![0, 15]);
        let again = session.apply(&SessionEdit::AwardVote, &at(Timestamp(4)));
        assert_eq!(again, Err(SessionError::VoteAwarded(entry)), "a second click gives nothing");
        assert_eq!(session.totals(), vec![0, 15]);
        session.apply(&SessionEdit::Undo(entry), &at(Timestamp(5))).unwrap();
        assert_eq!(session.vote_award(), None);
        assert!(
            matches!(session.apply(&SessionEdit::AwardVote, &at(Timestamp(6))), Ok(Applied::Ledger(_))),
            "after an undo it can be awarded anew"
        );
        assert_eq!(session.totals(), vec![0, 15]);
    }

    #[test]
    fn members_are_drawn_from_one_team_or_all() {
        let session = Session::demo(Lang::Zh);
        let first = session.teams[0].id();
        assert_eq!(session.member_candidates(Some(first)).len(), 4);
        let everyone = session.member_candidates(None);
        assert_eq!(everyone.len(), 24);
        let mut picker = Picker::new(3);
        let picked = picker.pick(&everyone).unwrap();
        assert!(session.team(picked.team).unwrap().members.contains(&picked.name));
    }

    #[test]
    fn a_discarded_round_can_be_brought_back_as_it_was() {
        let mut session = Session::new("t", Lang::Zh);
        let team = session.add_team("闪电队", "⚡").unwrap();
        let scenario = crate::core::scenario::load_dir(&crate::core::paths::scenarios_dir())
            .iter()
            .find(|s| s.id == "lost-parcel")
            .unwrap()
            .clone();
        let cx = EditContext::new(Timestamp(1), Some(crate::core::scoring::shipped_rubrics()));
        let cast = RoundCast { team: Some(team), ..RoundCast::default() };
        session.apply(&SessionEdit::StartRound { scenario: Box::new(scenario), cast }, &cx).unwrap();
        let press = SessionEdit::Observe { round: 0, t: 4.0, what: Observed::Tag("7a.accept".into()) };
        session.apply(&press, &cx).unwrap();
        let before = session.rounds[0].clone();
        let Ok(Applied::RoundVoided(record)) = session.apply(&SessionEdit::AbandonRound { round: 0 }, &cx) else {
            panic!("discarded")
        };
        assert!(session.rounds.is_empty());
        assert_eq!(session.apply(&SessionEdit::RestoreRound(record), &cx), Ok(Applied::RoundStarted(0)));
        assert_eq!(session.rounds, [before], "presses and all");
    }

    #[test]
    fn a_logo_is_one_emoji_and_texts_have_a_length_limit() {
        let mut session = Session::new("t", Lang::Zh);
        let team = session.add_team("闪电队", "⚡").unwrap();
        let edit = |field, text: &str| SessionEdit::EditTeam(team, field, text.to_owned());
        assert_eq!(session.apply(&edit(TeamField::Emoji, "🐬"), &at(Timestamp(0))), Ok(Applied::Changed));
        let slogan = "服务无止境,满意是标准";
        assert_eq!(
            session.apply(&edit(TeamField::Emoji, slogan), &at(Timestamp(0))),
            Err(SessionError::NotALogo(slogan.to_owned()))
        );
        assert_eq!(session.team(team).unwrap().emoji, "🐬");
        let long = "长".repeat(2001);
        assert_eq!(
            session.apply(&edit(TeamField::Slogan, &long), &at(Timestamp(0))),
            Err(SessionError::TooLong { chars: 2001, max: 2000 })
        );
    }
}
