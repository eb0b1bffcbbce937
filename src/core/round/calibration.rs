//! Calibration: the observers' blind taps set against the trainer's record, item by item,
//! once they are revealed. Which items the room disagreed on (most disagreement first), how
//! well the round agreed (the share within tolerance and Krippendorff's α), the consensus the
//! round scores on, and each observer's judge points for closeness to that consensus.

use std::collections::BTreeMap;

use crate::core::agreement::krippendorff_alpha_nominal;
use crate::core::lang::{Bilingual, Lang};
use crate::core::room::seat::SeatId;
use crate::core::scoring::Rubrics;

use super::pad::{PadKind, scoring_pad};
use super::record::RoundRecord;

/// An observer's tap counts as the same moment as the consensus when at most this far from it
/// (people tap a few seconds after hearing a line, and the trainer does too).
pub const TIMING_TOLERANCE_SECS: f64 = 15.0;
/// Judge points per item: full for agreeing with the consensus (in time, when it happened),
/// half for seeing it but too far from the moment.
pub const JUDGE_POINTS_PER_ITEM: u32 = 10;

/// One pad item of the round, as the trainer recorded it and as the room saw it.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemCall {
    pub tag: String,
    pub name: Bilingual,
    pub kind: PadKind,
    /// When the trainer's record shows it first (`None`: the trainer did not record it).
    pub trainer_at: Option<f64>,
    /// Observers who tapped it.
    pub seen_by: usize,
    /// Observers who agree with the trainer: tapped within tolerance of the trainer's moment,
    /// or did not tap what the trainer did not record.
    pub within_tolerance: usize,
    /// The median of the observers' first taps.
    pub room_at: Option<f64>,
    /// How many observers the round had.
    pub of: usize,
    /// What the round scores on: the trainer's settled call, else the trainer's record.
    pub consensus: bool,
    /// The trainer settled it against their own record.
    pub settled: bool,
    /// The trainer's record holds it from the rep's typed words, not a press: it was said,
    /// so no majority takes it back.
    pub heard: bool,
}

impl ItemCall {
    /// What more than half of the observers say: seen (`Some(true)`), not seen, or a tie.
    pub fn majority(&self) -> Option<bool> {
        match (self.seen_by * 2).cmp(&self.of) {
            std::cmp::Ordering::Greater => Some(true),
            std::cmp::Ordering::Less => Some(false),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// A majority of the room says otherwise than the trainer's record (words the rep was
    /// heard to say are not disputed).
    pub fn disputed(&self) -> bool {
        !self.heard && self.majority().is_some_and(|room| room != self.trainer_at.is_some())
    }

    /// How far the room is from the trainer: 0 (all observers agree with the record) to 1.
    fn disagreement(&self, observers: usize) -> f64 {
        let seen = self.seen_by as f64 / observers.max(1) as f64;
        if self.trainer_at.is_some() { 1.0 - seen } else { seen }
    }
}

/// One observer's closeness to the consensus in one round.
#[derive(Debug, Clone, PartialEq)]
pub struct JudgeScore {
    pub seat: SeatId,
    /// Items where the observer agrees with the consensus (in time, for what happened).
    pub agreed: usize,
    /// Items the observer saw happen, but further than the tolerance from the moment.
    pub late: usize,
    pub of: usize,
    pub points: u32,
}

impl JudgeScore {
    /// The share of the best possible judge points, 0–1.
    pub fn agreement(&self) -> f64 {
        if self.of == 0 { 0.0 } else { f64::from(self.points) / (self.of as f64 * f64::from(JUDGE_POINTS_PER_ITEM)) }
    }
}

/// A round's calibration. Empty (no observers, no items) when nobody observed it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Calibration {
    pub observers: Vec<SeatId>,
    /// Every step of the round's models and every penalty or bonus anyone saw: the disputed
    /// first, then by disagreement with the trainer's record.
    pub items: Vec<ItemCall>,
    /// Krippendorff's α over the items, the trainer and each observer one coder (seen or not).
    pub alpha: Option<f64>,
    /// The share of (observer, item) calls within tolerance of the trainer's record.
    pub within_tolerance: Option<f64>,
    pub judges: Vec<JudgeScore>,
}

impl Calibration {
    pub fn of(record: &RoundRecord, rubrics: &Rubrics, lang: Lang) -> Calibration {
        let observers = record.observers();
        if observers.is_empty() {
            return Calibration::default();
        }
        let trainer = trainer_record(record, rubrics, lang);
        let taps = Taps::of(record);
        let mut items: Vec<ItemCall> = Vec::new();
        for group in scoring_pad(rubrics, &record.models) {
            for button in group.buttons {
                let tag = button.tag;
                let (trainer_at, heard) = match trainer.get(&tag) {
                    Some(&(t, pressed)) => (Some(t), !pressed),
                    None => (None, false),
                };
                let seen_by = observers.iter().filter(|&&seat| taps.saw(seat, &tag)).count();
                let settled = record.consensus.iter().find(|c| c.tag == tag).map(|c| c.present);
                let anyone = trainer_at.is_some() || seen_by > 0 || settled.is_some();
                if button.kind != PadKind::Step && !anyone {
                    continue;
                }
                let within_tolerance =
                    observers.iter().filter(|&&seat| taps.agree(seat, &tag, trainer_at.is_some(), trainer_at)).count();
                items.push(ItemCall {
                    room_at: record.room_time_of(&tag),
                    of: observers.len(),
                    consensus: settled.unwrap_or(trainer_at.is_some()),
                    settled: settled.is_some_and(|present| present != trainer_at.is_some()),
                    tag,
                    name: button.name,
                    kind: button.kind,
                    trainer_at,
                    seen_by,
                    within_tolerance,
                    heard,
                });
            }
        }
        let n = observers.len();
        // What the trainer may settle first, then the rest by how far the room was from the record.
        items.sort_by(|a, b| b.disputed().cmp(&a.disputed()).then(b.disagreement(n).total_cmp(&a.disagreement(n))));
        let units: Vec<Vec<Option<u32>>> = items
            .iter()
            .map(|item| {
                std::iter::once(item.trainer_at.is_some())
                    .chain(observers.iter().map(|&seat| taps.saw(seat, &item.tag)))
                    .map(|seen| Some(u32::from(seen)))
                    .collect()
            })
            .collect();
        let calls = items.len() * n;
        let within: usize = items.iter().map(|i| i.within_tolerance).sum();
        let judges = observers.iter().map(|&seat| judge(&taps, seat, &items)).collect();
        Calibration {
            alpha: krippendorff_alpha_nominal(&units),
            within_tolerance: (calls > 0).then(|| within as f64 / calls as f64),
            observers,
            items,
            judges,
        }
    }

    pub fn judge(&self, seat: SeatId) -> Option<&JudgeScore> {
        self.judges.iter().find(|j| j.seat == seat)
    }

    /// The disputed items whose consensus is still the trainer's record.
    pub fn open_disputes(&self) -> impl Iterator<Item = &ItemCall> {
        self.items.iter().filter(|i| i.disputed() && Some(i.consensus) != i.majority())
    }
}

/// When the trainer's record shows each item first (steps as `model.step`, penalties as
/// `penalty.id`, bonuses as `bonus.id`), and whether a press showed it (else a typed quote).
fn trainer_record(record: &RoundRecord, rubrics: &Rubrics, lang: Lang) -> BTreeMap<String, (f64, bool)> {
    let mut first = BTreeMap::new();
    for outcome in record.replay_trainer(rubrics, lang).outcomes() {
        let tags = outcome
            .steps
            .iter()
            .map(|s| (format!("{}.{}", s.model, s.step), s.by_tag))
            .chain(outcome.penalties.iter().map(|p| (format!("penalty.{}", p.id), p.text.is_empty())))
            .chain(outcome.bonuses.iter().map(|b| (format!("bonus.{}", b.id), b.text.is_empty())));
        for (tag, pressed) in tags {
            let entry = first.entry(tag).or_insert((outcome.t, pressed));
            entry.1 |= pressed;
        }
    }
    first
}

/// Each observer's taps of each item, looked up once per calibration (a room of 60 observers
/// asks thousands of times).
struct Taps<'r>(BTreeMap<SeatId, BTreeMap<&'r str, Vec<f64>>>);

impl<'r> Taps<'r> {
    fn of(record: &'r RoundRecord) -> Taps<'r> {
        let mut taps: BTreeMap<SeatId, BTreeMap<&str, Vec<f64>>> = BTreeMap::new();
        for mark in &record.observer_marks {
            taps.entry(mark.seat).or_default().entry(mark.tag.as_str()).or_default().push(mark.t);
        }
        Taps(taps)
    }

    fn times(&self, seat: SeatId, tag: &str) -> &[f64] {
        self.0.get(&seat).and_then(|tags| tags.get(tag)).map_or(&[], Vec::as_slice)
    }

    fn saw(&self, seat: SeatId, tag: &str) -> bool {
        !self.times(seat, tag).is_empty()
    }

    /// Whether the observer's taps of `tag` agree with `present` at moment `at`.
    fn agree(&self, seat: SeatId, tag: &str, present: bool, at: Option<f64>) -> bool {
        let times = self.times(seat, tag);
        match (present, at) {
            (true, Some(at)) => times.iter().any(|t| (t - at).abs() <= TIMING_TOLERANCE_SECS),
            (true, None) => !times.is_empty(),
            (false, _) => times.is_empty(),
        }
    }
}

/// The observer's judge points against the consensus: in time, when the consensus has a
/// moment (the trainer's, else the room's).
fn judge(taps: &Taps, seat: SeatId, items: &[ItemCall]) -> JudgeScore {
    let (mut agreed, mut late) = (0, 0);
    for item in items {
        let at = item.trainer_at.or(item.room_at);
        if taps.agree(seat, &item.tag, item.consensus, at) {
            agreed += 1;
        } else if item.consensus && taps.saw(seat, &item.tag) {
            late += 1;
        }
    }
    let points = JUDGE_POINTS_PER_ITEM * agreed as u32 + JUDGE_POINTS_PER_ITEM / 2 * late as u32;
    JudgeScore { seat, agreed, late, of: items.len(), points }
}

/// A participant's judge points over the day's revealed rounds.
#[derive(Debug, Clone, PartialEq)]
pub struct JudgeTotal {
    pub seat: SeatId,
    pub points: u32,
    pub rounds: usize,
    /// Mean agreement with the consensus over those rounds, 0–1.
    pub agreement: f64,
}

/// Every observer's judge points over the revealed rounds, best first (ties: the better mean
/// agreement, then the lower seat).
pub fn judge_standings(rounds: &[RoundRecord], rubrics: &Rubrics, lang: Lang) -> Vec<JudgeTotal> {
    let mut totals: BTreeMap<SeatId, (u32, usize, f64)> = BTreeMap::new();
    for record in rounds.iter().filter(|r| r.observers_revealed) {
        for judge in Calibration::of(record, rubrics, lang).judges {
            let total = totals.entry(judge.seat).or_default();
            total.0 += judge.points;
            total.1 += 1;
            total.2 += judge.agreement();
        }
    }
    let mut standings: Vec<JudgeTotal> = totals
        .into_iter()
        .map(|(seat, (points, rounds, sum))| JudgeTotal { seat, points, rounds, agreement: sum / rounds as f64 })
        .collect();
    standings.sort_by(|a, b| b.points.cmp(&a.points).then(b.agreement.total_cmp(&a.agreement)));
    standings
}
