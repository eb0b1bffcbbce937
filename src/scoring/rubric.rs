//! Rubric data as trainers write it in `assets/rubrics/*.ron`, its validation and its compiled form.
//!
//! Files: `cues.ron` (shared cue phrase sets), one file per model (`7a.ron`, `six_step.ron`,
//! `eoac.ron`; any other `*.ron` is read as a further model), `penalties.ron`, `bonuses.ron`,
//! `disc.ron` and `scoring.ron` (how points are shared out).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::content_error::{ContentError, parse_ron};
use crate::disc::Disc;
use crate::lang::{Bilingual, Lang};

use super::matcher::{Lexicon, Pattern, Script, Vocabulary};

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

const SHARED_FILES: [&str; 5] = ["cues.ron", "penalties.ron", "bonuses.ron", "disc.ron", "scoring.ron"];

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

#[derive(Debug, Clone, Deserialize)]
struct CuesFile {
    cue_sets: Vec<CueSet>,
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

#[derive(Debug, Clone, Deserialize)]
struct PenaltiesFile {
    rules: Vec<PenaltyRule>,
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

#[derive(Debug, Clone, Deserialize)]
struct BonusesFile {
    rules: Vec<BonusRule>,
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
pub struct Settings {
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
    pub settings: Settings,
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

/// Parses one file, keeping its source for locating semantic errors.
struct Source {
    path: PathBuf,
    text: String,
}

impl Source {
    fn read(path: PathBuf) -> Result<Source, ContentError> {
        std::fs::read_to_string(&path)
            .map(|text| Source { path: path.clone(), text })
            .map_err(|e| ContentError::whole_file(&path, format!("cannot read rubric file: {e}")))
    }

    fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, ContentError> {
        parse_ron(&self.path, &self.text)
    }

    /// An error located at the `nth` quoted occurrence of `value` (or the whole file if it is not found).
    fn error_at(&self, value: &str, nth: usize, message: String) -> ContentError {
        let quoted = format!("\"{value}\"");
        match self.text.match_indices(&quoted).nth(nth) {
            Some((offset, _)) => ContentError::at_offset(&self.path, &self.text, offset, message),
            None => ContentError::whole_file(&self.path, message),
        }
    }

    fn check_text(&self, text: &Bilingual, what: &str, errors: &mut Vec<ContentError>) {
        for lang in text.missing() {
            let anchor = match lang {
                Lang::Zh => &text.en,
                Lang::En => &text.zh,
            };
            errors.push(self.error_at(anchor, 0, format!("{what}: the {} text is missing", lang.code())));
        }
    }

    fn check_unique<'a>(&self, ids: impl IntoIterator<Item = &'a str>, what: &str, errors: &mut Vec<ContentError>) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for id in ids {
            let count = seen.entry(id).or_insert(0);
            if *count > 0 {
                errors.push(self.error_at(id, *count, format!("duplicate {what} id \"{id}\"")));
            }
            *count += 1;
        }
    }
}

impl Rubrics {
    /// Loads and checks every rubric file in `dir`, reporting all problems found, not just the first.
    pub fn load_dir(dir: &Path) -> Result<Rubrics, Vec<ContentError>> {
        let mut loader = Loader { errors: Vec::new() };
        let cues = loader.load::<CuesFile>(dir.join("cues.ron"));
        let penalties = loader.load::<PenaltiesFile>(dir.join("penalties.ron"));
        let bonuses = loader.load::<BonusesFile>(dir.join("bonuses.ron"));
        let disc = loader.load::<DiscRubric>(dir.join("disc.ron"));
        let settings = loader.load::<Settings>(dir.join("scoring.ron"));
        let models: Vec<(Model, Source)> = match model_files(dir) {
            Ok(paths) => paths.into_iter().filter_map(|path| loader.load(path)).collect(),
            Err(e) => {
                loader.errors.push(e);
                Vec::new()
            }
        };
        let mut errors = loader.errors;
        match (cues, penalties, bonuses, disc, settings) {
            (Some(cues), Some(penalties), Some(bonuses), Some(disc), Some(settings)) if errors.is_empty() => {
                let rubrics = compile(cues, models, penalties, bonuses, disc, settings, &mut errors);
                if errors.is_empty() { Ok(rubrics) } else { Err(errors) }
            }
            _ => Err(errors),
        }
    }

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

/// Collects the errors of every file instead of stopping at the first.
struct Loader {
    errors: Vec<ContentError>,
}

impl Loader {
    fn load<T: serde::de::DeserializeOwned>(&mut self, path: PathBuf) -> Option<(T, Source)> {
        let loaded = Source::read(path).and_then(|source| source.parse().map(|value| (value, source)));
        loaded.map_err(|e| self.errors.push(e)).ok()
    }
}

fn model_files(dir: &Path) -> Result<Vec<PathBuf>, ContentError> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| ContentError::whole_file(dir, format!("cannot read rubric folder: {e}")))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .filter(|p| !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| SHARED_FILES.contains(&n)))
        .collect();
    paths.sort();
    Ok(paths)
}

fn compile(
    (cues, cues_src): (CuesFile, Source),
    mut models: Vec<(Model, Source)>,
    (penalties, penalties_src): (PenaltiesFile, Source),
    (bonuses, bonuses_src): (BonusesFile, Source),
    (disc, disc_src): (DiscRubric, Source),
    (settings, settings_src): (Settings, Source),
    errors: &mut Vec<ContentError>,
) -> Rubrics {
    let cue_sets = cues.cue_sets;
    let penalties = penalties.rules;
    let bonuses = bonuses.rules;

    cues_src.check_unique(cue_sets.iter().map(|c| c.id.as_str()), "cue set", errors);
    for set in &cue_sets {
        cues_src.check_text(&set.name, &format!("cue set \"{}\"", set.id), errors);
        if set.zh.is_empty() || set.en.is_empty() {
            errors.push(cues_src.error_at(&set.id, 0, format!("cue set \"{}\" needs both zh and en phrases", set.id)));
        }
    }

    // Fixed models first, in the order the app lists them.
    models.sort_by_key(|(m, _)| FIXED_MODELS.iter().position(|(id, _)| *id == m.id).unwrap_or(FIXED_MODELS.len()));
    let mut seen_models: HashMap<String, &Path> = HashMap::new();
    for (model, source) in &models {
        if let Some(first) = seen_models.insert(model.id.clone(), &source.path) {
            errors.push(source.error_at(
                &model.id,
                0,
                format!("duplicate model id \"{}\" (also in {})", model.id, first.display()),
            ));
        }
        check_model(model, source, &cue_sets, errors);
    }
    for (id, _) in FIXED_MODELS {
        if !seen_models.contains_key(id) {
            errors.push(ContentError::whole_file(
                cues_src.path.with_file_name(format!("{id}.ron")),
                format!("model \"{id}\" is missing: the app needs models 7a, six_step and eoac"),
            ));
        }
    }
    let models: Vec<Model> = models.into_iter().map(|(m, _)| m).collect();
    let step_exists = |tag: &str| {
        tag.split_once('.').is_some_and(|(m, s)| models.iter().any(|x| x.id == m && x.step_index(s).is_some()))
    };

    penalties_src.check_unique(penalties.iter().map(|p| p.id.as_str()), "penalty", errors);
    for rule in &penalties {
        if !PENALTY_IDS.contains(&rule.id.as_str()) {
            errors.push(penalties_src.error_at(
                &rule.id,
                0,
                format!("unknown penalty id \"{}\"; known ids: {}", rule.id, PENALTY_IDS.join(", ")),
            ));
        }
        penalties_src.check_text(&rule.name, &format!("penalty \"{}\"", rule.id), errors);
        penalties_src.check_text(&rule.explain, &format!("penalty \"{}\"", rule.id), errors);
        if rule.points < 0.0 || rule.mood > 0.0 {
            errors.push(penalties_src.error_at(
                &rule.id,
                0,
                format!("penalty \"{}\": points must be ≥ 0 (they are taken off) and mood ≤ 0", rule.id),
            ));
        }
        if let Detect::ApologyWithoutAction { apology, action } = &rule.detect {
            for tag in apology.iter().chain(action) {
                if !step_exists(tag) {
                    errors.push(penalties_src.error_at(
                        tag,
                        0,
                        format!("penalty \"{}\": unknown step \"{tag}\"", rule.id),
                    ));
                }
            }
        }
    }

    bonuses_src.check_unique(bonuses.iter().map(|b| b.id.as_str()), "bonus", errors);
    for rule in &bonuses {
        if !BONUS_IDS.contains(&rule.id.as_str()) {
            errors.push(bonuses_src.error_at(
                &rule.id,
                0,
                format!("unknown bonus id \"{}\"; known ids: {}", rule.id, BONUS_IDS.join(", ")),
            ));
        }
        bonuses_src.check_text(&rule.name, &format!("bonus \"{}\"", rule.id), errors);
        bonuses_src.check_text(&rule.explain, &format!("bonus \"{}\"", rule.id), errors);
        if rule.points < 0.0 || rule.mood < 0.0 {
            errors.push(bonuses_src.error_at(
                &rule.id,
                0,
                format!("bonus \"{}\": points and mood must be ≥ 0", rule.id),
            ));
        }
    }

    check_disc(&disc, &disc_src, &|tag: &str| signal_exists(tag, &step_exists, &cue_sets, &bonuses), errors);
    check_settings(&settings, &settings_src, errors);
    for judge in &settings.default_judges {
        if !models.iter().any(|m| &m.id == judge) {
            errors.push(settings_src.error_at(judge, 0, format!("default_judges: unknown model \"{judge}\"")));
        }
    }
    if settings.default_judges.is_empty() {
        errors.push(ContentError::whole_file(&settings_src.path, "default_judges must name at least one model"));
    }

    let mut vocabulary = Vocabulary::new();
    let mut positive = Lexicon::default();
    let mut positive_owners = Vec::new();
    for (i, set) in cue_sets.iter().enumerate() {
        add_phrases(&mut positive, positive_owners.len(), (&set.zh, &set.en), &cues_src, &mut vocabulary, errors);
        positive_owners.push(Cue::Set(i));
    }
    for (i, rule) in bonuses.iter().enumerate() {
        add_phrases(&mut positive, positive_owners.len(), (&rule.zh, &rule.en), &bonuses_src, &mut vocabulary, errors);
        positive_owners.push(Cue::Bonus(i));
    }
    let mut negative = Lexicon::default();
    for (i, rule) in penalties.iter().enumerate() {
        add_phrases(&mut negative, i, (&rule.zh, &rule.en), &penalties_src, &mut vocabulary, errors);
    }

    let mut steps_by_cue = vec![Vec::new(); cue_sets.len()];
    let mut primary_cue = Vec::new();
    for (m, model) in models.iter().enumerate() {
        let mut primaries = Vec::new();
        for (s, step) in model.steps.iter().enumerate() {
            let cues: Vec<usize> =
                step.cues.iter().filter_map(|cue| cue_sets.iter().position(|set| &set.id == cue)).collect();
            for &c in &cues {
                steps_by_cue[c].push((m, s));
            }
            // Every step names at least one known cue set, or loading has already failed.
            primaries.push(cues.first().copied().unwrap_or_default());
        }
        primary_cue.push(primaries);
    }

    Rubrics {
        models,
        cue_sets,
        penalties,
        bonuses,
        disc,
        settings,
        vocabulary,
        positive,
        positive_owners,
        negative,
        steps_by_cue,
        primary_cue,
    }
}

fn check_model(model: &Model, source: &Source, cue_sets: &[CueSet], errors: &mut Vec<ContentError>) {
    source.check_text(&model.name, &format!("model \"{}\"", model.id), errors);
    source.check_text(&model.principle, &format!("model \"{}\"", model.id), errors);
    source.check_unique(model.steps.iter().map(|s| s.id.as_str()), "step", errors);
    if let Some((_, fixed)) = FIXED_MODELS.iter().find(|(id, _)| *id == model.id) {
        let ids: Vec<&str> = model.steps.iter().map(|s| s.id.as_str()).collect();
        if ids != *fixed {
            errors.push(source.error_at(
                &model.id,
                0,
                format!("model \"{}\" must have exactly the steps {} in this order", model.id, fixed.join(", ")),
            ));
        }
    }
    if model.steps.is_empty() {
        errors.push(source.error_at(&model.id, 0, format!("model \"{}\" has no steps", model.id)));
    }
    for step in &model.steps {
        let what = format!("step \"{}.{}\"", model.id, step.id);
        source.check_text(&step.name, &what, errors);
        source.check_text(&step.explain, &what, errors);
        if !(step.weight > 0.0 && step.weight.is_finite()) {
            errors.push(source.error_at(&step.id, 0, format!("{what}: weight must be a positive number")));
        }
        if step.cues.is_empty() {
            errors.push(source.error_at(&step.id, 0, format!("{what} lists no cue sets")));
        }
        for cue in &step.cues {
            if !cue_sets.iter().any(|c| &c.id == cue) {
                errors.push(source.error_at(cue, 0, format!("{what}: unknown cue set \"{cue}\" (not in cues.ron)")));
            }
        }
    }
}

fn signal_exists(tag: &str, step_exists: &dyn Fn(&str) -> bool, cue_sets: &[CueSet], bonuses: &[BonusRule]) -> bool {
    match tag.split_once('.') {
        Some(("cue", id)) => cue_sets.iter().any(|c| c.id == id),
        Some(("bonus", id)) => bonuses.iter().any(|b| b.id == id),
        _ => step_exists(tag),
    }
}

fn check_disc(
    disc: &DiscRubric,
    source: &Source,
    signal_exists: &dyn Fn(&str) -> bool,
    errors: &mut Vec<ContentError>,
) {
    let mut seen = HashSet::new();
    for t in &disc.types {
        let letter = t.disc.letter().to_string();
        if !seen.insert(t.disc) {
            errors.push(ContentError::whole_file(&source.path, format!("DISC type {letter} is listed twice")));
        }
        source.check_text(&t.win, &format!("DISC type {letter}"), errors);
        source.check_text(&t.explain, &format!("DISC type {letter}"), errors);
        let signals = match &t.fit {
            DiscFitRule::Speed { steps, full_within, zero_after } => {
                if !(0.0 <= *full_within && full_within < zero_after) {
                    errors.push(ContentError::whole_file(
                        &source.path,
                        format!("DISC type {letter}: full_within must be below zero_after"),
                    ));
                }
                steps
            }
            DiscFitRule::Count { signals, target } => {
                if *target == 0 {
                    errors.push(ContentError::whole_file(
                        &source.path,
                        format!("DISC type {letter}: target must be at least 1"),
                    ));
                }
                signals
            }
        };
        for signal in signals {
            if !signal_exists(signal) {
                errors.push(source.error_at(
                    signal,
                    0,
                    format!("DISC type {letter}: unknown signal \"{signal}\" (use model.step, bonus.id or cue.id)"),
                ));
            }
        }
    }
}

fn check_settings(settings: &Settings, source: &Source, errors: &mut Vec<ContentError>) {
    let fractions = [
        ("order_weight", settings.order_weight),
        ("early.min_credit", settings.early.min_credit),
        ("overtime_credit", settings.overtime_credit),
        ("repeat_mood_factor", settings.repeat_mood_factor),
    ];
    for (name, value) in fractions {
        if !(0.0..=1.0).contains(&value) {
            errors.push(ContentError::whole_file(&source.path, format!("{name} must be between 0 and 1")));
        }
    }
    let points = settings.model_points + settings.disc_points + settings.bonus_cap;
    if settings.model_points < 0.0
        || settings.disc_points < 0.0
        || settings.bonus_cap < 0.0
        || points > 100.0 + f64::EPSILON
    {
        errors.push(ContentError::whole_file(
            &source.path,
            "model_points, disc_points and bonus_cap must be ≥ 0 and add up to at most 100",
        ));
    }
    if !settings.walk_out_points.is_finite() || settings.walk_out_points < 0.0 {
        errors.push(ContentError::whole_file(&source.path, "walk_out_points must be ≥ 0 (they are taken off)"));
    }
    if settings.early.full_credit_until >= settings.early.min_credit_after {
        errors.push(ContentError::whole_file(
            &source.path,
            "early.full_credit_until must be below early.min_credit_after",
        ));
    }
}

fn add_phrases(
    lexicon: &mut Lexicon,
    owner: usize,
    (zh, en): (&[String], &[String]),
    source: &Source,
    vocabulary: &mut Vocabulary,
    errors: &mut Vec<ContentError>,
) {
    for (script, list) in [(Script::Zh, zh), (Script::En, en)] {
        for text in list {
            match Pattern::compile(text, script, vocabulary) {
                Ok(pattern) => lexicon.add(owner, pattern),
                Err(message) => errors.push(source.error_at(text, 0, message)),
            }
        }
    }
}
