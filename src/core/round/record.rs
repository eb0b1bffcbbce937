//! What a role-play round keeps in the session: the scenario, the people, everything the
//! observers marked or quoted (with the second it happened), how it ended and the peers'
//! ratings. Scores are never stored: they are replayed from the events through the scoring
//! engine, so a record and its report can never disagree.

use serde::{Deserialize, Serialize};

use crate::core::disc::Disc;
use crate::core::ids::{TeamId, Timestamp};
use crate::core::lang::{Bilingual, Lang};
use crate::core::room::seat::SeatId;
use crate::core::scenario::Scenario;
use crate::core::scoring::{Round, RoundSetup, Rubrics, Speaker, Turn};

/// Who played the customer from the card.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CustomerPlayer {
    #[default]
    Trainer,
    Member {
        team: TeamId,
        name: String,
    },
}

/// One thing the observers noticed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Observed {
    /// A scoring button: a model step (`7a.apologize`), penalty (`penalty.taboo`) or bonus.
    Tag(String),
    /// Words the rep said, typed by the trainer; the engine reads them like a transcript.
    Quote(String),
    /// The customer's patience ran out while waiting.
    CustomerLeft,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundEvent {
    /// Seconds of round time (pauses excluded) since the start.
    pub t: f64,
    pub what: Observed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoundEnding {
    /// The trainer ended it (usually when the rep closed the conversation or time ran out).
    Ended,
    /// The customer's mood reached 0.
    WalkedOut,
}

/// Another team's 1–5 rating of the serving team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerRating {
    pub team: TeamId,
    pub stars: u8,
}

/// One tap on an observer's phone pad: what they saw the rep do, and when in the round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObserverMark {
    pub seat: SeatId,
    /// Round time of the tap (during the grace after the end: the end's time).
    pub t: f64,
    /// A pad button: `7a.acknowledge`, `penalty.taboo`, `bonus.name`.
    pub tag: String,
}

/// The trainer's settled call on one pad item after the reveal, where it differs from the
/// trainer's own record: the round scores as if the item did (or did not) happen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsensusCall {
    pub tag: String,
    pub present: bool,
}

/// Why an observer's tap was not kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkRefusal {
    /// The same button again within [`MARK_DEBOUNCE_SECS`]: a double tap, not a second event.
    TooSoon,
    /// The observers' pads have closed: revealed, or the points have landed.
    Closed,
    TooMany,
}

/// Two taps of one button by one observer closer than this count once.
pub const MARK_DEBOUNCE_SECS: f64 = 1.0;
/// Taps one observer may make in one round: far beyond any real round.
pub const MAX_MARKS_PER_OBSERVER: usize = 300;

/// One participant's 1–5 rating from their phone, with an optional line of comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneRating {
    pub seat: SeatId,
    /// The team the participant sat in when rating.
    pub team: TeamId,
    pub stars: u8,
    #[serde(default)]
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundRecord {
    /// 1-based; the ledger's `Round(n)` entries point here.
    pub number: u32,
    pub scenario: String,
    /// The scenario's title when the round was played (the file may change later).
    pub title: Bilingual,
    #[serde(default)]
    pub disc: Option<Disc>,
    pub time_limit_secs: u32,
    /// The models that may judge the round: the best-scoring counts.
    #[serde(default)]
    pub models: Vec<String>,
    pub team: TeamId,
    #[serde(default)]
    pub rep: String,
    #[serde(default)]
    pub customer: CustomerPlayer,
    pub started_at: Timestamp,
    #[serde(default)]
    pub events: Vec<RoundEvent>,
    /// Round time when it ended.
    #[serde(default)]
    pub duration_secs: f64,
    #[serde(default)]
    pub ending: Option<RoundEnding>,
    #[serde(default)]
    pub peer_ratings: Vec<PeerRating>,
    /// Participants' ratings from phones; a team's replace the stars typed for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phone_ratings: Vec<PhoneRating>,
    /// What each observer tapped on their phone, hidden from everyone until the reveal.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observer_marks: Vec<ObserverMark>,
    /// The observers' taps are shown and their pads closed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub observers_revealed: bool,
    /// The trainer's settled calls where they differ from the trainer's record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consensus: Vec<ConsensusCall>,
    #[serde(default)]
    pub notes: String,
    /// Position of the ledger entry that holds the round's points, once awarded.
    #[serde(default)]
    pub ledger_entry: Option<usize>,
}

/// The round's people and models, chosen on the console before the clock starts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RoundCast {
    pub team: Option<TeamId>,
    pub rep: String,
    pub customer: CustomerPlayer,
    /// Empty means the scenario's own models.
    pub models: Vec<String>,
}

impl RoundRecord {
    pub fn new(number: u32, scenario: &Scenario, cast: &RoundCast, team: TeamId, started_at: Timestamp) -> Self {
        let models = if cast.models.is_empty() { scenario.models.clone() } else { cast.models.clone() };
        RoundRecord {
            number,
            scenario: scenario.id.clone(),
            title: scenario.title.clone(),
            disc: Some(scenario.disc),
            time_limit_secs: scenario.time_limit_secs,
            models,
            team,
            rep: cast.rep.trim().to_owned(),
            customer: cast.customer.clone(),
            started_at,
            events: Vec::new(),
            duration_secs: 0.0,
            ending: None,
            peer_ratings: Vec::new(),
            phone_ratings: Vec::new(),
            observer_marks: Vec::new(),
            observers_revealed: false,
            consensus: Vec::new(),
            notes: String::new(),
            ledger_entry: None,
        }
    }

    pub fn is_running(&self) -> bool {
        self.ending.is_none()
    }

    pub fn setup(&self, lang: Lang) -> RoundSetup {
        RoundSetup {
            lang,
            disc: self.disc,
            time_limit: Some(f64::from(self.time_limit_secs)),
            customer_name: None,
            models: self.models.clone(),
        }
    }

    /// The events the round scores on, as the engine's turns: the customer opens at 0 s (so
    /// their patience drains from the start), then one turn per event. Event `i` of
    /// [`RoundRecord::scored_events`] is turn `i + 1`.
    pub fn turns(&self) -> Vec<Turn> {
        turns_of(&self.scored_events())
    }

    /// The trainer's own record as turns: the events before any consensus call.
    pub fn trainer_turns(&self) -> Vec<Turn> {
        turns_of(&self.events)
    }

    /// The trainer's events with the settled consensus applied: an item settled as not seen
    /// loses its presses; one settled as seen is pressed when the observers saw it (the middle
    /// of their first taps). Words the engine read in a typed quote stay: they were said.
    pub fn scored_events(&self) -> Vec<RoundEvent> {
        let mut events: Vec<RoundEvent> = self
            .events
            .iter()
            .filter(|e| {
                !matches!(&e.what, Observed::Tag(tag) if self.consensus.iter().any(|c| !c.present && c.tag == *tag))
            })
            .cloned()
            .collect();
        for call in self.consensus.iter().filter(|c| c.present) {
            if self.events.iter().any(|e| e.what == Observed::Tag(call.tag.clone())) {
                continue;
            }
            let t = self.room_time_of(&call.tag).unwrap_or(self.duration_secs);
            let at = events.partition_point(|e| e.t <= t);
            events.insert(at, RoundEvent { t, what: Observed::Tag(call.tag.clone()) });
        }
        events
    }

    /// The seats that tapped anything on their observer pad, in seat order.
    pub fn observers(&self) -> Vec<SeatId> {
        let mut seats: Vec<SeatId> = self.observer_marks.iter().map(|m| m.seat).collect();
        seats.sort();
        seats.dedup();
        seats
    }

    /// When the observer first tapped `tag`, if they did.
    pub fn first_mark(&self, seat: SeatId, tag: &str) -> Option<f64> {
        self.observer_marks.iter().find(|m| m.seat == seat && m.tag == tag).map(|m| m.t)
    }

    /// When the room saw `tag`: the median of the observers' first taps of it.
    pub fn room_time_of(&self, tag: &str) -> Option<f64> {
        let mut firsts: std::collections::BTreeMap<SeatId, f64> = std::collections::BTreeMap::new();
        for mark in self.observer_marks.iter().filter(|m| m.tag == tag) {
            firsts.entry(mark.seat).or_insert(mark.t);
        }
        let mut times: Vec<f64> = firsts.into_values().collect();
        if times.is_empty() {
            return None;
        }
        times.sort_by(f64::total_cmp);
        let middle = times.len() / 2;
        Some(if times.len() % 2 == 1 { times[middle] } else { (times[middle - 1] + times[middle]) / 2.0 })
    }

    /// Whether observers may still tap: until the reveal and before the points land.
    pub fn observers_open(&self) -> bool {
        !self.observers_revealed && self.ledger_entry.is_none()
    }

    /// Keeps an observer's tap, unless it repeats their last tap of the same button within
    /// [`MARK_DEBOUNCE_SECS`].
    pub fn mark_as_observer(&mut self, seat: SeatId, t: f64, tag: &str) -> Result<(), MarkRefusal> {
        if !self.observers_open() {
            return Err(MarkRefusal::Closed);
        }
        let mine = self.observer_marks.iter().filter(|m| m.seat == seat);
        if mine.clone().count() >= MAX_MARKS_PER_OBSERVER {
            return Err(MarkRefusal::TooMany);
        }
        if mine.filter(|m| m.tag == tag).any(|m| (t - m.t).abs() < MARK_DEBOUNCE_SECS) {
            return Err(MarkRefusal::TooSoon);
        }
        self.observer_marks.push(ObserverMark { seat, t, tag: tag.to_owned() });
        Ok(())
    }

    /// Takes back the observer's last tap. Returns it, if there was one.
    pub fn unmark_as_observer(&mut self, seat: SeatId) -> Result<Option<ObserverMark>, MarkRefusal> {
        if !self.observers_open() {
            return Err(MarkRefusal::Closed);
        }
        Ok(self.observer_marks.iter().rposition(|m| m.seat == seat).map(|i| self.observer_marks.remove(i)))
    }

    /// The trainer's settled call on `tag`: `None` goes back to the trainer's own record.
    pub fn settle(&mut self, tag: &str, present: Option<bool>) {
        self.consensus.retain(|c| c.tag != tag);
        if let Some(present) = present {
            self.consensus.push(ConsensusCall { tag: tag.to_owned(), present });
        }
    }

    /// The trainer's own record replayed (before consensus).
    pub fn replay_trainer<'r>(&self, rubrics: &'r Rubrics, lang: Lang) -> Round<'r> {
        replay_turns(rubrics, self.setup(lang), &self.trainer_turns())
    }
}

/// Events as the engine's turns, after the customer's opening at 0 s.
fn turns_of(events: &[RoundEvent]) -> Vec<Turn> {
    let opening = Turn { t: 0.0, who: Speaker::Customer, text: String::new(), tags: Vec::new() };
    let events = events.iter().map(|event| match &event.what {
        Observed::Tag(tag) => Turn { t: event.t, who: Speaker::Rep, text: String::new(), tags: vec![tag.clone()] },
        Observed::Quote(text) => Turn { t: event.t, who: Speaker::Rep, text: text.clone(), tags: Vec::new() },
        Observed::CustomerLeft => Turn { t: event.t, who: Speaker::Customer, text: String::new(), tags: Vec::new() },
    });
    std::iter::once(opening).chain(events).collect()
}

impl RoundRecord {
    /// The engine fed with every event so far, as the round scores.
    pub fn replay<'r>(&self, rubrics: &'r Rubrics, lang: Lang) -> Round<'r> {
        replay_turns(rubrics, self.setup(lang), &self.turns())
    }

    /// Notes an observation at round time `t` (never before the last one) and ends the round
    /// when it made the customer walk out.
    pub fn observe(&mut self, rubrics: &Rubrics, lang: Lang, t: f64, what: Observed) {
        if !self.is_running() {
            return;
        }
        let t = self.events.last().map_or(t, |last| t.max(last.t)).max(0.0);
        self.events.push(RoundEvent { t, what });
        if self.replay(rubrics, lang).walked_out().is_some() {
            self.end(t, RoundEnding::WalkedOut);
        }
    }

    /// Ends the round the moment the customer's patience runs out, if it has by round time `t`.
    /// Returns whether they walked out.
    pub fn check_patience(&mut self, rubrics: &Rubrics, lang: Lang, t: f64) -> bool {
        if !self.is_running() {
            return false;
        }
        let Some(runs_out) = self.replay(rubrics, lang).patience_runs_out_at() else { return false };
        if t < runs_out {
            return false;
        }
        // A hair past the moment, so the engine's drain certainly reaches 0.
        self.observe(rubrics, lang, runs_out + 0.01, Observed::CustomerLeft);
        self.ending == Some(RoundEnding::WalkedOut)
    }

    /// Takes back the last observer press or quote (a mis-press). A walk-out it caused is taken
    /// back too, and the round runs on. Returns what was removed.
    pub fn undo(&mut self, rubrics: &Rubrics, lang: Lang) -> Option<RoundEvent> {
        if self.ledger_entry.is_some() {
            return None;
        }
        let last_pressed = self.events.iter().rposition(|e| e.what != Observed::CustomerLeft)?;
        let removed = self.events.remove(last_pressed);
        self.events.truncate(last_pressed);
        if self.ending == Some(RoundEnding::WalkedOut) && self.replay(rubrics, lang).walked_out().is_none() {
            self.ending = None;
        }
        Some(removed)
    }

    pub fn end(&mut self, t: f64, ending: RoundEnding) {
        if self.is_running() {
            self.duration_secs = self.events.last().map_or(t, |last| t.max(last.t)).max(0.0);
            self.ending = Some(ending);
        }
    }

    /// Sets (or with 0 stars, clears) a team's rating; the serving team cannot rate itself.
    pub fn rate(&mut self, team: TeamId, stars: u8) {
        if team == self.team || self.ledger_entry.is_some() {
            return;
        }
        self.peer_ratings.retain(|r| r.team != team);
        if (1..=5).contains(&stars) {
            self.peer_ratings.push(PeerRating { team, stars });
        }
    }

    /// Sets (or with 0 stars, clears) one participant's rating from their phone.
    pub fn rate_by_seat(&mut self, seat: SeatId, team: TeamId, stars: u8, comment: String) {
        if team == self.team || self.ledger_entry.is_some() {
            return;
        }
        self.phone_ratings.retain(|r| r.seat != seat);
        if (1..=5).contains(&stars) {
            self.phone_ratings.push(PhoneRating { seat, team, stars, comment });
        }
    }

    /// How many of a team's members rated from their phones.
    pub fn phone_raters(&self, team: TeamId) -> usize {
        self.phone_ratings.iter().filter(|r| r.team == team).count()
    }

    /// A rating team's stars: the average of its members' phones when any rated, else the
    /// stars the trainer typed for it.
    pub fn team_stars(&self, team: TeamId) -> Option<f64> {
        let phones: Vec<f64> =
            self.phone_ratings.iter().filter(|r| r.team == team).map(|r| f64::from(r.stars)).collect();
        if !phones.is_empty() {
            return Some(phones.iter().sum::<f64>() / phones.len() as f64);
        }
        self.peer_ratings.iter().find(|r| r.team == team).map(|r| f64::from(r.stars))
    }

    /// The peers' average: each rating team counts once, whether its stars came from phones or
    /// the trainer's keys.
    pub fn peer_average(&self) -> Option<f64> {
        let mut teams: Vec<TeamId> =
            self.peer_ratings.iter().map(|r| r.team).chain(self.phone_ratings.iter().map(|r| r.team)).collect();
        teams.sort();
        teams.dedup();
        let stars: Vec<f64> = teams.iter().filter_map(|&team| self.team_stars(team)).collect();
        (!stars.is_empty()).then(|| stars.iter().sum::<f64>() / stars.len() as f64)
    }
}

pub(crate) fn replay_turns<'r>(rubrics: &'r Rubrics, setup: RoundSetup, turns: &[Turn]) -> Round<'r> {
    let mut round = Round::new(rubrics, setup);
    for turn in turns {
        round.feed(turn);
    }
    round
}
