//! Reading the rubric files: each parsed with `file:line:col` errors, then checked against each
//! other (ids, cue sets, signals, DISC rules, point shares) and compiled for matching.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::core::content_error::{ContentError, parse_ron};
use crate::core::lang::{Bilingual, Lang};

use super::matcher::{Lexicon, Pattern, Script, Vocabulary};
use super::rubric::*;

const SHARED_FILES: [&str; 5] = ["cues.ron", "penalties.ron", "bonuses.ron", "disc.ron", "scoring.ron"];

#[derive(Debug, Clone, Deserialize)]
struct CuesFile {
    cue_sets: Vec<CueSet>,
}

#[derive(Debug, Clone, Deserialize)]
struct PenaltiesFile {
    rules: Vec<PenaltyRule>,
}

#[derive(Debug, Clone, Deserialize)]
struct BonusesFile {
    rules: Vec<BonusRule>,
}

/// Parses one file, keeping its source for locating semantic errors.
struct Source {
    path: PathBuf,
    text: String,
}

impl Source {
    fn read(path: PathBuf) -> Result<Source, ContentError> {
        crate::core::limits::read_text_capped(&path, crate::core::limits::MAX_CONTENT_FILE_BYTES)
            .map(|text| Source { path: path.clone(), text })
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
        let settings = loader.load::<ScoringRules>(dir.join("scoring.ron"));
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
    (settings, settings_src): (ScoringRules, Source),
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

fn check_settings(settings: &ScoringRules, source: &Source, errors: &mut Vec<ContentError>) {
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
