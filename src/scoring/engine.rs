//! The scorer. A [`Round`] is fed one turn at a time and keeps the customer's mood; its
//! [`Round::report`] turns everything heard so far into points a trainer can trace.

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use crate::disc::Disc;
use crate::lang::{Bilingual, Lang};

use super::matcher::{Hit, Lexicon, Pattern, Script, Utterance, Vocabulary};
use super::report::{DiscFit, ModelResult, PointItem, ScoreReport, StepResult};
use super::rubric::{Cue, Detect, DiscFitRule, MoodProfile, PenaltyKind, Rubrics};
use super::transcript::{Speaker, Transcript, Turn};

/// What a round needs to know before the first turn.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RoundSetup {
    pub lang: Lang,
    pub disc: Option<Disc>,
    pub time_limit: Option<f64>,
    pub customer_name: Option<String>,
    /// The models the total may be judged by (a scenario's `models`): the best-scoring of them
    /// counts. Empty means the rubric's `default_judges`.
    pub models: Vec<String>,
}

impl RoundSetup {
    pub fn from_transcript(transcript: &Transcript) -> Self {
        Self {
            lang: transcript.lang,
            disc: transcript.disc,
            time_limit: transcript.time_limit,
            customer_name: transcript.customer_name.clone(),
            models: transcript.models.clone(),
        }
    }
}

/// A model step shown in a turn.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepHit {
    pub model: String,
    pub step: String,
    /// The words that showed it (empty when an observer tagged it).
    pub text: String,
    pub by_tag: bool,
    /// Byte offset in the turn's text; tags count as said after the text. Orders steps within a turn.
    #[serde(skip)]
    pub(crate) position: usize,
    /// The cue set that showed it, for the mood.
    #[serde(skip)]
    cue: usize,
    /// (model, step) indices in the rubrics.
    #[serde(skip)]
    index: (usize, usize),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PenaltyHit {
    pub turn: usize,
    pub kind: PenaltyKind,
    pub id: String,
    pub text: String,
    /// Points taken off (negative).
    pub points: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BonusHit {
    pub turn: usize,
    pub id: String,
    pub text: String,
}

/// One cause of a mood change: `cue.<id>`, `bonus.<id>`, `penalty.<id>` or `waiting`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MoodChange {
    pub cause: String,
    pub delta: f64,
}

/// Everything one turn showed, and the customer's mood after it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TurnOutcome {
    pub turn: usize,
    pub who: Speaker,
    pub t: f64,
    pub steps: Vec<StepHit>,
    /// Ids of the cue sets heard (some only matter for DISC fit, such as `reasons`).
    pub cues: Vec<String>,
    pub penalties: Vec<PenaltyHit>,
    pub bonuses: Vec<BonusHit>,
    pub mood: f64,
    pub mood_changes: Vec<MoodChange>,
    /// The customer has walked out (at this turn or before).
    pub walked_out: bool,
    pub unknown_tags: Vec<String>,
}

/// A role-play in progress. Feed it turns; ask for a report at any time.
#[derive(Debug, Clone)]
pub struct Round<'r> {
    rubrics: &'r Rubrics,
    setup: RoundSetup,
    profile: &'r MoodProfile,
    /// The rubric vocabulary plus the customer's name.
    vocabulary: Vocabulary,
    name_lexicon: Lexicon,
    outcomes: Vec<TurnOutcome>,
    mood: f64,
    walked_out: Option<usize>,
    /// How often each mood cause has been heard, so repeats count for less.
    repeats: HashMap<String, i32>,
}

/// Rounds points and moods to one decimal, as they are reported.
fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Rounds a 0–1 share to two decimals, as it is reported.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

impl<'r> Round<'r> {
    pub fn new(rubrics: &'r Rubrics, setup: RoundSetup) -> Self {
        let profile = rubrics.mood_profile(setup.disc);
        let mut vocabulary = rubrics.vocabulary.clone();
        let mut name_lexicon = Lexicon::default();
        if let (Some(name), Some(bonus)) = (&setup.customer_name, rubrics.bonuses.iter().position(|b| b.customer_name))
        {
            for script in [Script::Zh, Script::En] {
                if let Some(pattern) = Pattern::literal(name, script, &mut vocabulary) {
                    name_lexicon.add(bonus, pattern);
                }
            }
        }
        Self {
            rubrics,
            profile,
            mood: profile.start.clamp(0.0, 100.0),
            setup,
            vocabulary,
            name_lexicon,
            outcomes: Vec::new(),
            walked_out: None,
            repeats: HashMap::new(),
        }
    }

    pub fn mood(&self) -> f64 {
        round1(self.mood)
    }

    /// When, left waiting, the customer's patience runs out (mood 0); `None` after a walk-out
    /// or for a customer who never tires.
    pub fn patience_runs_out_at(&self) -> Option<f64> {
        let drain = self.profile.drain_per_minute;
        if self.walked_out.is_some() || drain <= 0.0 {
            return None;
        }
        let last = self.outcomes.last().map_or(0.0, |last| last.t);
        Some(last + self.mood / drain * 60.0)
    }

    /// The turn at which the customer walked out, if they did.
    pub fn walked_out(&self) -> Option<usize> {
        self.walked_out
    }

    pub fn outcomes(&self) -> &[TurnOutcome] {
        &self.outcomes
    }

    /// Scores one more turn: what it shows, and the customer's new mood.
    pub fn feed(&mut self, turn: &Turn) -> &TurnOutcome {
        let index = self.outcomes.len();
        let previous = self.outcomes.last();
        let waited = previous.map_or(0.0, |p| turn.t - p.t);
        let waited = if waited.is_finite() { waited.max(0.0) } else { 0.0 };
        let t = previous.map_or(turn.t, |p| p.t + waited);
        let mut outcome = TurnOutcome {
            turn: index,
            who: turn.who,
            t: if t.is_finite() { t } else { 0.0 },
            steps: Vec::new(),
            cues: Vec::new(),
            penalties: Vec::new(),
            bonuses: Vec::new(),
            mood: 0.0,
            mood_changes: Vec::new(),
            walked_out: false,
            unknown_tags: Vec::new(),
        };
        let utterance = Utterance::new(&turn.text, &self.vocabulary);
        let silent = utterance.is_empty();
        let cues_heard = match turn.who {
            Speaker::Rep => self.detect_text(&turn.text, utterance, index, &mut outcome),
            Speaker::Customer => Vec::new(),
        };
        self.apply_tags(turn, index, &mut outcome);
        self.detect_no_response(turn, silent, waited, index, &mut outcome);
        outcome.cues = cues_heard.iter().map(|&c| self.rubrics.cue_sets[c].id.clone()).collect();
        self.update_mood(waited, &cues_heard, &mut outcome);
        self.outcomes.push(outcome);
        &self.outcomes[index]
    }

    /// Finds penalties first and masks them, so words of a taboo phrase never also earn credit.
    /// Returns the cue sets heard.
    fn detect_text(&self, text: &str, mut utterance: Utterance, turn: usize, outcome: &mut TurnOutcome) -> Vec<usize> {
        let rubrics = self.rubrics;

        let mut penalty_hits = rubrics.negative.find(&utterance);
        // One phrase, one penalty: where matches overlap, the costliest wins.
        penalty_hits.sort_by(|a, b| rubrics.penalties[b.owner].points.total_cmp(&rubrics.penalties[a.owner].points));
        let mut claimed: Vec<Range<usize>> = Vec::new();
        for hit in penalty_hits {
            let bytes = utterance.units(hit.script).bytes(&hit.units);
            if claimed.iter().any(|c| c.start < bytes.end && bytes.start < c.end) {
                continue;
            }
            utterance.units_mut(hit.script).mask(&hit.units);
            let rule = &rubrics.penalties[hit.owner];
            let excerpt = text.get(bytes.clone()).unwrap_or_default().to_owned();
            claimed.push(bytes);
            if !outcome.penalties.iter().any(|p| p.id == rule.id && p.text == excerpt) {
                outcome.penalties.push(PenaltyHit {
                    turn,
                    kind: rule.kind,
                    id: rule.id.clone(),
                    text: excerpt,
                    points: -rule.points,
                });
            }
        }

        let mut cues_heard = Vec::new();
        let mut positive_hits: Vec<(Cue, Hit)> =
            rubrics.positive.find(&utterance).into_iter().map(|h| (rubrics.positive_owners[h.owner], h)).collect();
        positive_hits.extend(self.name_lexicon.find(&utterance).into_iter().map(|h| (Cue::Bonus(h.owner), h)));
        // Words at the end of a longer cue of another phase are part of that phrase ("what
        // happened" in "tell me what happened" is listening, not questioning). Within one phase
        // both count ("sorry to hear that" is apology and empathy), and so does a cue the longer
        // one starts with ("refund" in "refund it right away" is a remedy and a commitment).
        let phase = |cue: &Cue| match cue {
            Cue::Set(c) => Some(rubrics.cue_sets[*c].phase),
            Cue::Bonus(_) => None,
        };
        let inside_longer = |cue: Cue, hit: &Hit| {
            phase(&cue).is_some()
                && positive_hits.iter().any(|(other, o)| {
                    phase(other).is_some()
                        && phase(other) != phase(&cue)
                        && o.script == hit.script
                        && o.units.start < hit.units.start
                        && hit.units.end <= o.units.end
                })
        };
        for (cue, hit) in positive_hits.iter().filter(|(cue, hit)| !inside_longer(*cue, hit)) {
            let cue = *cue;
            let bytes = utterance.units(hit.script).bytes(&hit.units);
            let excerpt = text.get(bytes.clone()).unwrap_or_default();
            match cue {
                Cue::Set(c) => {
                    if !cues_heard.contains(&c) {
                        cues_heard.push(c);
                    }
                    for &(m, s) in &rubrics.steps_by_cue[c] {
                        add_step(outcome, rubrics, (m, s), excerpt, bytes.start, false, c);
                    }
                }
                Cue::Bonus(b) => {
                    let id = &rubrics.bonuses[b].id;
                    if !outcome.bonuses.iter().any(|x| &x.id == id) {
                        outcome.bonuses.push(BonusHit { turn, id: id.clone(), text: excerpt.to_owned() });
                    }
                }
            }
        }
        cues_heard
    }

    /// Observer tags add detections; a leading `-` removes one.
    fn apply_tags(&self, turn: &Turn, index: usize, outcome: &mut TurnOutcome) {
        let rubrics = self.rubrics;
        for (i, raw) in turn.tags.iter().enumerate() {
            let (remove, tag) = match raw.trim().strip_prefix('-') {
                Some(tag) => (true, tag),
                None => (false, raw.trim()),
            };
            let penalty = tag.strip_prefix("penalty.").and_then(|id| rubrics.penalty(id));
            let bonus = tag.strip_prefix("bonus.").and_then(|id| rubrics.bonus(id));
            if let Some(p) = penalty {
                let rule = &rubrics.penalties[p];
                if remove {
                    outcome.penalties.retain(|x| x.id != rule.id);
                } else if !outcome.penalties.iter().any(|x| x.id == rule.id) {
                    outcome.penalties.push(PenaltyHit {
                        turn: index,
                        kind: rule.kind,
                        id: rule.id.clone(),
                        text: String::new(),
                        points: -rule.points,
                    });
                }
            } else if let Some(b) = bonus {
                let id = &rubrics.bonuses[b].id;
                if remove {
                    outcome.bonuses.retain(|x| &x.id != id);
                } else if !outcome.bonuses.iter().any(|x| &x.id == id) {
                    outcome.bonuses.push(BonusHit { turn: index, id: id.clone(), text: String::new() });
                }
            } else if let Some((m, s)) = rubrics.step_ref(tag) {
                if remove {
                    outcome.steps.retain(|x| x.index != (m, s));
                } else {
                    add_step(outcome, rubrics, (m, s), "", turn.text.len() + i, true, rubrics.primary_cue[m][s]);
                }
            } else {
                outcome.unknown_tags.push(raw.clone());
            }
        }
    }

    /// 完全没反映: an empty rep turn, or a customer left to speak again after waiting.
    fn detect_no_response(&self, turn: &Turn, silent: bool, waited: f64, index: usize, outcome: &mut TurnOutcome) {
        let rule = self.rubrics.penalties.iter().find_map(|p| match p.detect {
            Detect::NoResponse { after_seconds } => Some((p, after_seconds)),
            _ => None,
        });
        let Some((rule, after_seconds)) = rule else { return };
        let silent_rep = turn.who == Speaker::Rep && turn.tags.is_empty() && silent;
        let ignored_customer = turn.who == Speaker::Customer
            && self.outcomes.last().is_some_and(|p| p.who == Speaker::Customer)
            && waited >= after_seconds;
        if (silent_rep || ignored_customer) && !outcome.penalties.iter().any(|p| p.id == rule.id) {
            outcome.penalties.push(PenaltyHit {
                turn: index,
                kind: rule.kind,
                id: rule.id.clone(),
                text: turn.text.clone(),
                points: -rule.points,
            });
        }
    }

    /// The emotional bank account: waiting drains it, each cue, bonus and penalty moves it by the
    /// rubric's amount times this customer's sensitivity; repeats count for less; at 0 they walk out.
    fn update_mood(&mut self, waited: f64, cues_heard: &[usize], outcome: &mut TurnOutcome) {
        if self.walked_out.is_some() {
            outcome.walked_out = true;
            return;
        }
        let rubrics = self.rubrics;
        let profile = self.profile;
        let mut changes = Vec::new();
        if waited > 0.0 {
            changes.push(MoodChange { cause: "waiting".into(), delta: -waited / 60.0 * profile.drain_per_minute });
        }
        // Mood follows cue sets, not steps, so one apology counted by two models moves it once.
        let mut cues: Vec<usize> = outcome.steps.iter().map(|s| s.cue).collect();
        cues.extend(cues_heard.iter().filter(|&&c| rubrics.steps_by_cue[c].is_empty()));
        cues.sort_unstable();
        cues.dedup();
        for c in cues {
            let set = &rubrics.cue_sets[c];
            let cause = format!("cue.{}", set.id);
            let delta = set.mood * profile.phase_factor(set.phase) * self.repeat_factor(&cause);
            changes.push(MoodChange { cause, delta });
        }
        for bonus in &outcome.bonuses {
            let Some(b) = rubrics.bonus(&bonus.id) else { continue };
            let cause = format!("bonus.{}", bonus.id);
            let delta = rubrics.bonuses[b].mood * profile.warmth * self.repeat_factor(&cause);
            changes.push(MoodChange { cause, delta });
        }
        for penalty in &outcome.penalties {
            let Some(p) = rubrics.penalty(&penalty.id) else { continue };
            changes.push(MoodChange {
                cause: format!("penalty.{}", penalty.id),
                delta: rubrics.penalties[p].mood * profile.penalty,
            });
        }
        self.mood = (self.mood + changes.iter().map(|c| c.delta).sum::<f64>()).clamp(0.0, 100.0);
        for change in &mut changes {
            change.delta = round1(change.delta);
        }
        outcome.mood_changes = changes;
        outcome.mood = round1(self.mood);
        if self.mood <= 0.0 {
            self.walked_out = Some(outcome.turn);
            outcome.walked_out = true;
        }
    }

    /// 1 the first time a cause is heard, then the rubric's repeat factor to the power of repeats.
    fn repeat_factor(&mut self, cause: &str) -> f64 {
        let count = self.repeats.entry(cause.to_owned()).or_insert(0);
        let factor = self.rubrics.settings.repeat_mood_factor.powi(*count);
        *count += 1;
        factor
    }

    /// Turns whose good work still counts: those before the customer walked out.
    fn counted(&self) -> &[TurnOutcome] {
        &self.outcomes[..self.walked_out.unwrap_or(self.outcomes.len())]
    }

    fn start_time(&self) -> f64 {
        self.outcomes.first().map_or(0.0, |o| o.t)
    }

    /// The first occurrence of each step of model `m`: (turn, position, time, excerpt).
    fn first_occurrences(&self, m: usize) -> Vec<Option<(usize, usize, f64, &str)>> {
        let model = &self.rubrics.models[m];
        (0..model.steps.len())
            .map(|s| {
                self.counted().iter().find_map(|o| {
                    o.steps
                        .iter()
                        .filter(|h| h.index == (m, s))
                        .min_by_key(|h| h.position)
                        .map(|h| (o.turn, h.position, o.t, h.text.as_str()))
                })
            })
            .collect()
    }

    /// How much of a step's weight it earns when first shown at time `t`.
    fn credit(&self, early: bool, t: f64) -> (f64, Option<Bilingual>) {
        let settings = &self.rubrics.settings;
        let elapsed = t - self.start_time();
        if let Some(limit) = self.setup.time_limit
            && elapsed > limit
        {
            let pct = (settings.overtime_credit * 100.0).round();
            return (
                settings.overtime_credit,
                Some(Bilingual::new(
                    format!("超出时限({limit:.0}秒)才做到,只得{pct}%"),
                    format!("came after the {limit:.0} s time limit: {pct}% credit"),
                )),
            );
        }
        let early_rule = &settings.early;
        if !early || elapsed <= early_rule.full_credit_until {
            return (1.0, None);
        }
        let span = early_rule.min_credit_after - early_rule.full_credit_until;
        let late = ((elapsed - early_rule.full_credit_until) / span).min(1.0);
        let credit = 1.0 - late * (1.0 - early_rule.min_credit);
        let pct = (credit * 100.0).round();
        (
            credit,
            Some(Bilingual::new(
                format!("第{elapsed:.0}秒才做到,越早越好,得{pct}%"),
                format!("came at {elapsed:.0} s; earlier is better: {pct}% credit"),
            )),
        )
    }

    /// Scores model `m`; `points` is what a perfect handling would earn towards the total.
    fn evaluate_model(&self, m: usize, points: f64) -> (ModelResult, Vec<PointItem>) {
        let model = &self.rubrics.models[m];
        let first = self.first_occurrences(m);
        let total_weight: f64 = model.steps.iter().map(|s| s.weight).sum();
        let mut items = Vec::new();
        let mut steps = Vec::new();
        let mut earned = 0.0;
        for (step, occurrence) in model.steps.iter().zip(&first) {
            let Some((turn, _, t, text)) = *occurrence else { continue };
            let (credit, note) = self.credit(step.early, t);
            let share = step.weight / total_weight * credit;
            earned += share;
            steps.push(StepResult { step: step.id.clone(), turn, credit: round2(credit) });
            let said = if text.is_empty() { String::new() } else { format!("“{text}”") };
            let note_zh = note.as_ref().map_or(String::new(), |n| format!("({})", n.zh));
            let note_en = note.as_ref().map_or(String::new(), |n| format!(" ({})", n.en));
            items.push(PointItem {
                turn: Some(turn),
                rule: format!("{}.{}", model.id, step.id),
                points: points * share,
                explain: Bilingual::new(
                    format!("{}{said}:{}{note_zh}", step.name.zh, step.explain.zh),
                    format!(
                        "{}{}: {}{note_en}",
                        step.name.en,
                        if said.is_empty() { String::new() } else { format!(" {said}") },
                        step.explain.en
                    ),
                ),
            });
        }

        let (order, worst) = self.order(m, &first);
        let order_weight = self.rubrics.settings.order_weight;
        if let Some((early_step, late_step)) = worst {
            let lost = points * earned * order_weight * (1.0 - order);
            let (early_turn, late_turn) = (first[early_step].map_or(0, |o| o.0), first[late_step].map_or(0, |o| o.0));
            let (a, b) = (&model.steps[early_step].name, &model.steps[late_step].name);
            let pct = (order * 100.0).round();
            items.push(PointItem {
                turn: Some(late_turn),
                rule: format!("order.{}", model.id),
                points: -lost,
                explain: Bilingual::new(
                    format!(
                        "顺序:{}(第{}轮)出现在{}(第{}轮)之前。{}。顺序得分{pct}%",
                        b.zh,
                        late_turn + 1,
                        a.zh,
                        early_turn + 1,
                        model.principle.zh
                    ),
                    format!(
                        "Order: {} (turn {}) came before {} (turn {}). {}. Order score {pct}%",
                        b.en,
                        late_turn + 1,
                        a.en,
                        early_turn + 1,
                        model.principle.en
                    ),
                ),
            });
        }
        let score = 100.0 * earned * (1.0 - order_weight * (1.0 - order));
        let result = ModelResult {
            name: model.name.clone(),
            found: steps.iter().map(|s| s.step.clone()).collect(),
            missing: model.steps.iter().zip(&first).filter(|(_, o)| o.is_none()).map(|(s, _)| s.id.clone()).collect(),
            order: round2(order),
            score: round1(score),
            steps,
        };
        (result, items)
    }

    /// The share of step pairs (ranked differently) that came in the model's order, and the first
    /// pair that did not: (the step that should have come first, the one that came too early).
    fn order(&self, m: usize, first: &[Option<(usize, usize, f64, &str)>]) -> (f64, Option<(usize, usize)>) {
        let model = &self.rubrics.models[m];
        let found: Vec<(usize, (usize, usize))> =
            first.iter().enumerate().filter_map(|(s, o)| o.map(|o| (s, (o.0, o.1)))).collect();
        let (mut in_order, mut pairs) = (0usize, 0usize);
        let mut worst: Option<(usize, usize)> = None;
        for &(a, at_a) in &found {
            for &(b, at_b) in &found {
                if model.rank(a) >= model.rank(b) {
                    continue;
                }
                pairs += 1;
                if at_a <= at_b {
                    in_order += 1;
                } else if worst.is_none_or(|(_, w)| at_b < first[w].map_or((0, 0), |o| (o.0, o.1))) {
                    worst = Some((a, b));
                }
            }
        }
        let order = if pairs == 0 { 1.0 } else { in_order as f64 / pairs as f64 };
        (order, worst)
    }

    /// 只道歉,无行动: apologies but no step that does anything about the problem.
    fn apology_without_action(&self) -> Option<PenaltyHit> {
        let rules = &self.rubrics.penalties;
        let (rule, apology, action) = rules.iter().find_map(|p| match &p.detect {
            Detect::ApologyWithoutAction { apology, action } => Some((p, apology, action)),
            _ => None,
        })?;
        let (apology, action) = (self.step_refs(apology), self.step_refs(action));
        let shows = |o: &TurnOutcome, steps: &[(usize, usize)]| -> Option<String> {
            o.steps.iter().find(|h| steps.contains(&h.index)).map(|h| h.text.clone())
        };
        let counted = self.counted();
        if counted.iter().any(|o| shows(o, &action).is_some()) {
            return None;
        }
        let (turn, text) = counted.iter().rev().find_map(|o| shows(o, &apology).map(|text| (o.turn, text)))?;
        Some(PenaltyHit { turn, kind: rule.kind, id: rule.id.clone(), text, points: -rule.points })
    }

    /// Resolves `model.step` tags (checked when the rubrics were loaded) to indices.
    fn step_refs(&self, tags: &[String]) -> Vec<(usize, usize)> {
        tags.iter().filter_map(|t| self.rubrics.step_ref(t)).collect()
    }

    /// How well the handling suits the customer's DISC type, from 0 to 1, with the turn that shows it.
    fn disc_fit(&self, disc: Disc) -> Option<DiscFit> {
        let kind = self.rubrics.disc.get(disc)?;
        let counted = self.counted();
        let (fit, turn, detail) = match &kind.fit {
            DiscFitRule::Speed { steps, full_within, zero_after } => {
                let steps = self.step_refs(steps);
                let first = counted.iter().find(|o| o.steps.iter().any(|h| steps.contains(&h.index)));
                match first {
                    Some(o) => {
                        let elapsed = o.t - self.start_time();
                        let fit = 1.0 - ((elapsed - full_within) / (zero_after - full_within)).clamp(0.0, 1.0);
                        let detail = Bilingual::new(
                            format!("第{elapsed:.0}秒给出具体方案"),
                            format!("a concrete solution at {elapsed:.0} s"),
                        );
                        (fit, Some(o.turn), detail)
                    }
                    None => (0.0, None, Bilingual::new("始终没有给出具体方案", "no concrete solution was offered")),
                }
            }
            DiscFitRule::Count { signals, target } => {
                let shown: Vec<usize> = counted
                    .iter()
                    .flat_map(|o| signals.iter().filter(move |s| signal_in(o, s)).map(move |_| o.turn))
                    .collect();
                let count = shown.len();
                let fit = (count as f64 / f64::from(*target)).min(1.0);
                let detail = Bilingual::new(
                    format!("做到{count}次,目标{target}次"),
                    format!("shown {count} times of {target} wanted"),
                );
                (fit, shown.first().copied(), detail)
            }
        };
        Some(DiscFit { disc, fit: round2(fit), turn, win: kind.win.clone(), explain: kind.explain.clone(), detail })
    }

    /// Scores everything fed so far.
    pub fn report(&self) -> ScoreReport {
        let rubrics = self.rubrics;
        let settings = &rubrics.settings;
        let disc_fit = self.setup.disc.and_then(|d| self.disc_fit(d));
        let model_points = settings.model_points + if disc_fit.is_some() { 0.0 } else { settings.disc_points };
        let mut warnings: Vec<String> = self
            .outcomes
            .iter()
            .flat_map(|o| o.unknown_tags.iter().map(move |t| format!("turn {}: unknown tag \"{t}\"", o.turn + 1)))
            .collect();

        let evaluated: Vec<(ModelResult, Vec<PointItem>)> =
            (0..rubrics.models.len()).map(|m| self.evaluate_model(m, model_points)).collect();
        let mut model_index = |id: &String| {
            let found = rubrics.models.iter().position(|m| &m.id == id);
            if found.is_none() {
                warnings.push(format!("models: unknown model \"{id}\""));
            }
            found
        };
        let requested: Vec<usize> = self.setup.models.iter().filter_map(&mut model_index).collect();
        let judges = if requested.is_empty() {
            settings.default_judges.iter().filter_map(model_index).collect()
        } else {
            requested
        };
        let best =
            judges.into_iter().reduce(|best, m| if evaluated[m].0.score > evaluated[best].0.score { m } else { best });
        let judged = best.unwrap_or(0);

        let mut items: Vec<PointItem> = evaluated.get(judged).map(|(_, items)| items.clone()).unwrap_or_default();
        if let Some(fit) = &disc_fit {
            items.push(PointItem {
                turn: fit.turn,
                rule: format!("disc.{}", fit.disc.letter()),
                points: settings.disc_points * fit.fit,
                explain: Bilingual::new(
                    format!("{}:{}({})", fit.win.zh, fit.explain.zh, fit.detail.zh),
                    format!("{}: {} ({})", fit.win.en, fit.explain.en, fit.detail.en),
                ),
            });
        }

        let mut bonus_left = settings.bonus_cap;
        let mut bonuses = Vec::new();
        for hit in self.counted().iter().flat_map(|o| &o.bonuses) {
            let Some(rule) = rubrics.bonus(&hit.id).map(|b| &rubrics.bonuses[b]) else { continue };
            let points = rule.points.min(bonus_left);
            bonus_left -= points;
            bonuses.push(hit.clone());
            if points > 0.0 {
                let said = if hit.text.is_empty() { String::new() } else { format!("“{}”", hit.text) };
                items.push(PointItem {
                    turn: Some(hit.turn),
                    rule: format!("bonus.{}", rule.id),
                    points,
                    explain: Bilingual::new(
                        format!("{}{said}:{}", rule.name.zh, rule.explain.zh),
                        format!("{} {said}: {}", rule.name.en, rule.explain.en),
                    ),
                });
            }
        }

        // Rudeness counts even after the customer has left.
        let mut penalties: Vec<PenaltyHit> = self.outcomes.iter().flat_map(|o| o.penalties.iter().cloned()).collect();
        penalties.extend(self.apology_without_action());
        penalties.sort_by_key(|p| p.turn);
        for hit in &penalties {
            let Some(rule) = rubrics.penalty(&hit.id).map(|p| &rubrics.penalties[p]) else { continue };
            let said = if hit.text.is_empty() { String::new() } else { format!("“{}”", hit.text) };
            items.push(PointItem {
                turn: Some(hit.turn),
                rule: format!("penalty.{}", rule.id),
                points: hit.points,
                explain: Bilingual::new(
                    format!("{}{said}:{}", rule.name.zh, rule.explain.zh),
                    format!("{} {said}: {}", rule.name.en, rule.explain.en),
                ),
            });
        }
        if let Some(turn) = self.walked_out {
            items.push(PointItem {
                turn: Some(turn),
                rule: "walk_out".into(),
                points: -settings.walk_out_points,
                explain: Bilingual::new(
                    format!("客户情绪归零,在第{}轮离开;之后的表现不再得分", turn + 1),
                    format!(
                        "The customer's mood hit zero and they walked out at turn {}; nothing after that earns points",
                        turn + 1
                    ),
                ),
            });
        }

        for item in &mut items {
            item.points = round1(item.points);
        }
        let sum = round1(items.iter().map(|i| i.points).sum());
        let total = sum.clamp(0.0, 100.0);
        if total != sum {
            let (zh, en) = if sum < 0.0 {
                ("总分最低为0分", "The total cannot go below 0")
            } else {
                ("总分最高为100分", "The total cannot go above 100")
            };
            items.push(PointItem {
                turn: None,
                rule: "total.limit".into(),
                points: round1(total - sum),
                explain: Bilingual::new(zh, en),
            });
        }

        ScoreReport {
            lang: self.setup.lang,
            disc: self.setup.disc,
            total,
            judged_by: rubrics.models.get(judged).map(|m| m.id.clone()).unwrap_or_default(),
            models: rubrics.models.iter().zip(evaluated).map(|(m, (result, _))| (m.id.clone(), result)).collect(),
            penalties,
            bonuses,
            disc_fit,
            mood: self.outcomes.iter().map(|o| o.mood).collect(),
            walked_out: self.walked_out,
            items,
            warnings,
        }
    }
}

fn add_step(
    outcome: &mut TurnOutcome,
    rubrics: &Rubrics,
    (m, s): (usize, usize),
    text: &str,
    position: usize,
    by_tag: bool,
    cue: usize,
) {
    let hit = || StepHit {
        model: rubrics.models[m].id.clone(),
        step: rubrics.models[m].steps[s].id.clone(),
        text: text.to_owned(),
        by_tag,
        position,
        cue,
        index: (m, s),
    };
    match outcome.steps.iter_mut().find(|h| h.index == (m, s)) {
        Some(existing) if existing.position <= position => {}
        Some(existing) => *existing = hit(),
        None => outcome.steps.push(hit()),
    }
}

/// Whether a turn shows a DISC signal: `model.step`, `bonus.id` or `cue.id`.
fn signal_in(outcome: &TurnOutcome, signal: &str) -> bool {
    match signal.split_once('.') {
        Some(("bonus", id)) => outcome.bonuses.iter().any(|b| b.id == id),
        Some(("cue", id)) => outcome.cues.iter().any(|c| c == id),
        Some((model, step)) => outcome.steps.iter().any(|h| h.model == model && h.step == step),
        None => false,
    }
}
