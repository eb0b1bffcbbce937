//! Scoring what a [`Round`] heard: each model's steps with their timing and order, the
//! penalties and bonuses, the DISC fit, and the report that explains every point.

use crate::core::disc::Disc;
use crate::core::lang::Bilingual;

use super::engine::Round;
use super::outcome::{PenaltyHit, TurnOutcome, round1, round2};
use super::report::{DiscFit, ModelResult, PointItem, ScoreReport, StepResult};
use super::rubric::{Detect, DiscFitRule};

impl Round<'_> {
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

/// Whether a turn shows a DISC signal: `model.step`, `bonus.id` or `cue.id`.
fn signal_in(outcome: &TurnOutcome, signal: &str) -> bool {
    match signal.split_once('.') {
        Some(("bonus", id)) => outcome.bonuses.iter().any(|b| b.id == id),
        Some(("cue", id)) => outcome.cues.iter().any(|c| c == id),
        Some((model, step)) => outcome.steps.iter().any(|h| h.model == model && h.step == step),
        None => false,
    }
}
