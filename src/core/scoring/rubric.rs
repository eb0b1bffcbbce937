//! Rubric data as trainers write it in `assets/rubrics/*.ron`, its validation and its compiled form.
//!
//! Files: `cues.ron` (shared cue phrase sets), one file per model (`7a.ron`, `six_step.ron`,
//! `eoac.ron`; any other `*.ron` is read as a further model), `penalties.ron`, `bonuses.ron`,
//! `disc.ron` and `scoring.ron` (how points are shared out).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::core::disc::Disc;
use crate::core::lang::Bilingual;

use super::matcher::{Lexicon, Vocabulary};

/// The models and steps other parts of the app refer to by id; rubric files must define exactly these.
pub const FIXED_MODELS: [(&str, &[&str]); 3] = [
    ("7a", &["accept", "apologize", "acknowledge", "analyze", "alternatives", "agreement", "assurance"]),
    ("six_step", &["listen", "apologize", "repeat", "understand", "compensate", "confirm"]),
    ("eoac", &["explore", "offer", "action", "confirm"]),
];
pub const PENALTY_IDS: [&str; 15] = [
    "taboo",
    "avoid_word",
    "apology_without_action",
    "blame_customer",
    "broken_promise",
    "no_response",
    "rude",
    "dodge_responsibility",
    "nonverbal_rejection",
    "interrogate",
    "contempt",
    "impatience",
    "refusal",
    "doubt",
    "casualness",
];
pub const BONUS_IDS: [&str; 5] = ["warmth", "thanks", "name", "praise", "care"];

/// The three phases of the 7A principle: 情感第一,解决问题第二,满意的结果第三.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Phase {
    Emotion,
    Problem,
    Result,
}

/// What a model's order score compares: the phases (7A) or every step (six steps, EOAC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderBy {
    Phase,
    Step,
}

/// A named set of cue phrases, shared by every step (of any model) that lists it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CueSet {
    pub id: String,
    pub name: Bilingual,
    pub phase: Phase,
    /// How much the customer's mood rises the first time this is heard (less each repeat).
    pub mood: f64,
    /// Cue patterns (syntax in `matcher`).
    #[serde(default)]
    pub zh: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Step {
    pub id: String,
    pub name: Bilingual,
    /// The one-line explanation a trainer can show.
    pub explain: Bilingual,
    pub phase: Phase,
    pub weight: f64,
    /// Whether doing this step early earns more (apologies and empathy).
    #[serde(default)]
    pub early: bool,
    /// Ids of the cue sets (in `cues.ron`) that show this step.
    pub cues: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Model {
    pub id: String,
    pub name: Bilingual,
    pub principle: Bilingual,
    pub order_by: OrderBy,
    pub steps: Vec<Step>,
}

impl Model {
    /// The position a step must keep: its phase, or its place in the list.
    pub(crate) fn rank(&self, step: usize) -> usize {
        match self.order_by {
            OrderBy::Phase => self.steps[step].phase as usize,
            OrderBy::Step => step,
        }
    }

    pub(crate) fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
/// Written `Taboo` in the rubric files and `"taboo"` in JSON reports.
#[serde(rename_all(serialize = "snake_case"))]
pub enum PenaltyKind {
    Taboo,
    AvoidWord,
    WrongWay,
    RedLine,
}

/// How a penalty is noticed besides observer tags.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub enum Detect {
    /// By its phrases.
    #[default]
    Phrases,
    /// Some step in `apology` was found but none in `action` (只道歉,无行动).
    ApologyWithoutAction { apology: Vec<String>, action: Vec<String> },
    /// A rep turn with nothing in it, or the customer speaking twice with no reply in between
    /// after waiting at least `after_seconds`.
    NoResponse { after_seconds: f64 },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PenaltyRule {
    pub id: String,
    pub kind: PenaltyKind,
    pub name: Bilingual,
    pub explain: Bilingual,
    /// Points taken off the total each time.
    pub points: f64,
    /// Change to the customer's mood (negative).
    pub mood: f64,
    #[serde(default)]
    pub detect: Detect,
    /// Cue patterns (syntax in `matcher`).
    #[serde(default)]
    pub zh: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BonusRule {
    pub id: String,
    pub name: Bilingual,
    pub explain: Bilingual,
    pub points: f64,
    pub mood: f64,
    /// Also matched by the transcript's `customer_name`.
    #[serde(default)]
    pub customer_name: bool,
    /// Cue patterns (syntax in `matcher`).
    #[serde(default)]
    pub zh: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
}

/// How well the handling fits a DISC type, from 0 to 1.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum DiscFitRule {
    /// Time from the start to the first of `steps`: full marks within `full_within` seconds, none after `zero_after`.
    Speed { steps: Vec<String>, full_within: f64, zero_after: f64 },
    /// Rep turns showing `signals` (`model.step`, `bonus.id`, `cue.id`), full marks at `target`.
    Count { signals: Vec<String>, target: u32 },
}

/// How a customer's mood responds: multipliers on each kind of change, and the drain of waiting.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MoodProfile {
    pub start: f64,
    pub drain_per_minute: f64,
    pub emotion: f64,
    pub problem: f64,
    pub result: f64,
    pub warmth: f64,
    pub penalty: f64,
}

impl MoodProfile {
    pub(crate) fn phase_factor(&self, phase: Phase) -> f64 {
        match phase {
            Phase::Emotion => self.emotion,
            Phase::Problem => self.problem,
            Phase::Result => self.result,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DiscType {
    pub disc: Disc,
    pub win: Bilingual,
    pub explain: Bilingual,
    pub fit: DiscFitRule,
    pub mood: MoodProfile,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DiscRubric {
    pub types: Vec<DiscType>,
    /// The mood of a customer whose type is not given.
    pub default_mood: MoodProfile,
}

impl DiscRubric {
    pub fn get(&self, disc: Disc) -> Option<&DiscType> {
        self.types.iter().find(|t| t.disc == disc)
    }
}

/// Credit for early steps: full until `full_credit_until` seconds, falling to `min_credit` at `min_credit_after`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EarlyCredit {
    pub full_credit_until: f64,
    pub min_credit_after: f64,
    pub min_credit: f64,
}

/// How the 100 points are shared out.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ScoringRules {
    /// Points for the steps of the judging model (plus `disc_points` when no DISC type is given).
    pub model_points: f64,
    pub disc_points: f64,
    pub bonus_cap: f64,
    /// Share of a model's step points lost when every step is out of order.
    pub order_weight: f64,
    pub early: EarlyCredit,
    /// Credit for a step first shown after the scenario's time limit.
    pub overtime_credit: f64,
    pub walk_out_points: f64,
    /// The models the total is judged by unless a transcript names some: the best-scoring of these.
    pub default_judges: Vec<String>,
    /// Each repeat of the same cue moves the mood by this factor of the previous time.
    pub repeat_mood_factor: f64,
}

/// Who a positive-lexicon pattern belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    Set(usize),
    Bonus(usize),
}

/// Every rubric, validated and compiled for matching.
#[derive(Debug, Clone)]
pub struct Rubrics {
    /// `7a`, `six_step`, `eoac` first, then any further models by file name.
    pub models: Vec<Model>,
    pub cue_sets: Vec<CueSet>,
    pub penalties: Vec<PenaltyRule>,
    pub bonuses: Vec<BonusRule>,
    pub disc: DiscRubric,
    pub settings: ScoringRules,
    pub(crate) vocabulary: Vocabulary,
    /// Cue sets and bonus phrases; owners index `positive_owners`.
    pub(crate) positive: Lexicon,
    pub(crate) positive_owners: Vec<Cue>,
    /// Penalty phrases; owners index `penalties`.
    pub(crate) negative: Lexicon,
    /// For each cue set, the (model, step) pairs it shows.
    pub(crate) steps_by_cue: Vec<Vec<(usize, usize)>>,
    /// For each model and step, its first cue set: what an observer's tag for it moves the mood by.
    pub(crate) primary_cue: Vec<Vec<usize>>,
}

impl Rubrics {
    pub fn model(&self, id: &str) -> Option<&Model> {
        self.models.iter().find(|m| m.id == id)
    }

    pub(crate) fn penalty(&self, id: &str) -> Option<usize> {
        self.penalties.iter().position(|p| p.id == id)
    }

    pub(crate) fn bonus(&self, id: &str) -> Option<usize> {
        self.bonuses.iter().position(|b| b.id == id)
    }

    /// Resolves `model.step` to indices.
    pub(crate) fn step_ref(&self, tag: &str) -> Option<(usize, usize)> {
        let (model, step) = tag.split_once('.')?;
        let m = self.models.iter().position(|x| x.id == model)?;
        Some((m, self.models[m].step_index(step)?))
    }

    /// The mood profile for a customer of this DISC type (or of unknown type).
    pub fn mood_profile(&self, disc: Option<Disc>) -> &MoodProfile {
        disc.and_then(|d| self.disc.get(d)).map_or(&self.disc.default_mood, |t| &t.mood)
    }
}

/// Every tag an observer or scenario may use: `model.step`, `penalty.id`, `bonus.id`.
pub fn known_tags(rubrics: &Rubrics) -> BTreeSet<String> {
    let steps = rubrics.models.iter().flat_map(|m| m.steps.iter().map(move |s| format!("{}.{}", m.id, s.id)));
    let penalties = rubrics.penalties.iter().map(|p| format!("penalty.{}", p.id));
    let bonuses = rubrics.bonuses.iter().map(|b| format!("bonus.{}", b.id));
    steps.chain(penalties).chain(bonuses).collect()
}
