//! What the room learns from a round: the score per model, the steps in the order they happened
//! against each model's order, the penalties with the words used, the mood curve, the one change
//! that would have gained most, and the points it earns. Built from a record by replaying it.

use crate::core::lang::{Bilingual, Lang};
use crate::core::scoring::{Rubrics, ScoreReport, Speaker, Turn};
use serde::{Deserialize, Serialize};

use super::record::{RoundRecord, replay_turns};

/// One step of a model as first shown in the round.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineStep {
    pub t: f64,
    pub step: String,
    pub name: Bilingual,
    /// The step came after a step the model puts later (e.g. an apology after the solution).
    pub out_of_order: bool,
    /// What the rep said, when a typed quote showed it.
    pub said: String,
}

/// A model's steps: those shown, in the order they happened, and those never shown.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelTimeline {
    pub model: String,
    pub name: Bilingual,
    pub score: f64,
    pub shown: Vec<TimelineStep>,
    /// Steps never shown, in the model's order: (id, name).
    pub missing: Vec<(String, Bilingual)>,
    /// Every step of the model in its order, with whether it was shown: the checklist.
    pub checklist: Vec<(Bilingual, bool)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PenaltyMoment {
    pub t: f64,
    pub name: Bilingual,
    /// The words that showed it (empty when an observer pressed the button).
    pub said: String,
    pub points: f64,
}

/// The one change that would have raised the score most.
#[derive(Debug, Clone, PartialEq)]
pub enum Improvement {
    /// Doing a step that never happened.
    Step { model: Bilingual, step: Bilingual, explain: Bilingual },
    /// Not doing what cost a penalty.
    Avoid { penalty: Bilingual, said: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct BestGain {
    pub change: Improvement,
    /// Points of the 0–100 total it would have added.
    pub points: f64,
}

/// How a role-play round turns into leaderboard points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoundRules {
    /// Points for a trainer's score of 100 (a score of 76 earns 76% of them).
    pub points_for_full_score: u32,
    /// Points per star of the other teams' average rating (1–5).
    pub points_per_peer_star: f64,
    /// Seconds observers have after the round ends to finish tapping, before the reveal.
    pub observer_grace_secs: u32,
}

impl Default for RoundRules {
    fn default() -> Self {
        RoundRules { points_for_full_score: 20, points_per_peer_star: 2.0, observer_grace_secs: 30 }
    }
}

/// The round's points for the leaderboard: the trainer's score plus the peers' stars by weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RoundPoints {
    pub from_score: i32,
    pub peer_average: Option<f64>,
    pub from_peers: i32,
}

impl RoundPoints {
    pub fn of(score: f64, peer_average: Option<f64>, rules: &RoundRules) -> RoundPoints {
        let from_score = (score.clamp(0.0, 100.0) / 100.0 * f64::from(rules.points_for_full_score)).round() as i32;
        let from_peers = peer_average.map_or(0, |avg| (avg * rules.points_per_peer_star).round() as i32);
        RoundPoints { from_score, peer_average, from_peers }
    }

    pub fn total(&self) -> i32 {
        self.from_score + self.from_peers
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RoundReview {
    pub report: ScoreReport,
    pub timelines: Vec<ModelTimeline>,
    pub penalties: Vec<PenaltyMoment>,
    /// (round time, mood): a point before and after each change, so waiting shows as a slope.
    pub mood_curve: Vec<(f64, f64)>,
    /// The mood after the last event, the time of that event and how fast it drains meanwhile.
    pub mood: f64,
    pub last_t: f64,
    pub drain_per_minute: f64,
    /// When the customer, left waiting, will walk out (the engine's reckoning).
    pub patience_runs_out_at: Option<f64>,
    pub walked_out: bool,
}

impl RoundReview {
    pub fn of(record: &RoundRecord, rubrics: &Rubrics, lang: Lang) -> RoundReview {
        let round = record.replay(rubrics, lang);
        let report = round.report();
        let outcomes = round.outcomes();
        let time_of = |turn: usize| outcomes.get(turn).map_or(0.0, |o| o.t);
        let said_in = |turn: usize, step: &str, model: &str| {
            outcomes
                .get(turn)
                .and_then(|o| o.steps.iter().find(|h| h.model == model && h.step == step))
                .map_or(String::new(), |h| h.text.clone())
        };

        let timelines = record
            .models
            .iter()
            .chain(std::iter::once(&report.judged_by))
            .filter_map(|id| rubrics.model(id).zip(report.models.get(id)))
            .fold(Vec::<ModelTimeline>::new(), |mut timelines, (model, result)| {
                if timelines.iter().any(|t| t.model == model.id) {
                    return timelines;
                }
                let rank = |id: &str| model.step_index(id).map_or(0, |s| model.rank(s));
                let mut shown: Vec<&crate::core::scoring::StepResult> = result.steps.iter().collect();
                shown.sort_by_key(|s| (s.turn, model.step_index(&s.step)));
                let shown = shown
                    .iter()
                    .map(|s| TimelineStep {
                        t: time_of(s.turn),
                        step: s.step.clone(),
                        name: model
                            .step_index(&s.step)
                            .map_or_else(Bilingual::default, |i| model.steps[i].name.clone()),
                        out_of_order: result.steps.iter().any(|o| o.turn < s.turn && rank(&o.step) > rank(&s.step)),
                        said: said_in(s.turn, &s.step, &model.id),
                    })
                    .collect();
                timelines.push(ModelTimeline {
                    model: model.id.clone(),
                    name: model.name.clone(),
                    score: result.score,
                    shown,
                    missing: model
                        .steps
                        .iter()
                        .filter(|s| result.missing.contains(&s.id))
                        .map(|s| (s.id.clone(), s.name.clone()))
                        .collect(),
                    checklist: model.steps.iter().map(|s| (s.name.clone(), result.found.contains(&s.id))).collect(),
                });
                timelines
            });

        let penalties = report
            .penalties
            .iter()
            .map(|p| PenaltyMoment {
                t: time_of(p.turn),
                name: rubrics.penalty(&p.id).map_or_else(Bilingual::default, |i| rubrics.penalties[i].name.clone()),
                said: p.text.clone(),
                points: p.points,
            })
            .collect();

        let mut mood_curve = Vec::new();
        let mut previous = None;
        for o in outcomes {
            let waited: f64 = o.mood_changes.iter().filter(|c| c.cause == "waiting").map(|c| c.delta).sum();
            if let Some(before) = previous {
                let f: f64 = before;
                mood_curve.push((o.t, (f + waited).clamp(0.0, 100.0)));
            }
            mood_curve.push((o.t, o.mood));
            previous = Some(o.mood);
        }

        RoundReview {
            mood: round.mood(),
            last_t: outcomes.last().map_or(0.0, |o| o.t),
            drain_per_minute: rubrics.mood_profile(record.disc).drain_per_minute,
            patience_runs_out_at: round.patience_runs_out_at(),
            walked_out: round.walked_out().is_some(),
            report,
            timelines,
            penalties,
            mood_curve,
        }
    }

    /// The mood a live gauge shows at round time `t`: the last mood, drained by waiting.
    pub fn mood_at(&self, t: f64) -> f64 {
        if self.walked_out {
            return 0.0;
        }
        (self.mood - (t - self.last_t).max(0.0) / 60.0 * self.drain_per_minute).clamp(0.0, 100.0)
    }

    pub fn total(&self) -> f64 {
        self.report.total
    }
}

/// Tries each missing step of the judging model (at the start, where the model's order puts
/// it, and at the end) and leaving out each penalty, and returns the change worth most.
pub fn best_gain(record: &RoundRecord, rubrics: &Rubrics, lang: Lang) -> Option<BestGain> {
    let setup = record.setup(lang);
    let turns = record.turns();
    let base = replay_turns(rubrics, setup.clone(), &turns).report();
    let score = |turns: &[Turn]| replay_turns(rubrics, setup.clone(), turns).report().total;
    let mut best: Option<BestGain> = None;
    let mut consider = |points: f64, change: Improvement| {
        if points > 0.05 && best.as_ref().is_none_or(|b| points > b.points) {
            best = Some(BestGain { change, points: (points * 10.0).round() / 10.0 });
        }
    };

    // Steps of the model that judged the round: advice in the terms the score was given in.
    for model in rubrics.models.iter().filter(|m| m.id == base.judged_by) {
        let Some(result) = base.models.get(&model.id) else { continue };
        for step_index in (0..model.steps.len()).filter(|&s| result.missing.contains(&model.steps[s].id)) {
            let step = &model.steps[step_index];
            let tag = format!("{}.{}", model.id, step.id);
            // Where the model's order puts it: after the last turn with a step ranked no later.
            let in_order = result
                .steps
                .iter()
                .filter(|s| model.step_index(&s.step).is_some_and(|i| model.rank(i) <= model.rank(step_index)))
                .map(|s| s.turn + 1)
                .max()
                .unwrap_or(1);
            let gained = [1, in_order, turns.len()]
                .into_iter()
                .map(|at| {
                    let mut tried = turns.clone();
                    // At the time of the turn it goes before, or of the last turn.
                    let t = tried.get(at).or(tried.last()).map_or(0.0, |turn| turn.t);
                    tried.insert(at, Turn { t, who: Speaker::Rep, text: String::new(), tags: vec![tag.clone()] });
                    score(&tried) - base.total
                })
                .fold(f64::NEG_INFINITY, f64::max);
            consider(
                gained,
                Improvement::Step { model: model.name.clone(), step: step.name.clone(), explain: step.explain.clone() },
            );
        }
    }

    for penalty in &base.penalties {
        let mut tried = turns.clone();
        let Some(turn) = tried.get_mut(penalty.turn) else { continue };
        turn.tags.push(format!("-penalty.{}", penalty.id));
        let name = rubrics.penalty(&penalty.id).map_or_else(Bilingual::default, |i| rubrics.penalties[i].name.clone());
        consider(score(&tried) - base.total, Improvement::Avoid { penalty: name, said: penalty.text.clone() });
    }
    best
}
