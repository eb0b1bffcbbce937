//! The score report: its JSON shape and the readable text a trainer projects.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::core::disc::Disc;
use crate::core::lang::{Bilingual, Lang};
use crate::core::locale::Locales;

use super::outcome::{BonusHit, PenaltyHit};
use super::rubric::Rubrics;

/// One step of a model as it was first shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepResult {
    pub step: String,
    pub turn: usize,
    /// 0–1: less when it came late or after the time limit.
    pub credit: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelResult {
    pub name: Bilingual,
    /// Step ids found, in the model's order.
    pub found: Vec<String>,
    pub missing: Vec<String>,
    /// 0–1: the share of step pairs that came in the model's order.
    pub order: f64,
    /// 0–100: weighted coverage (with timing credit), reduced for disorder.
    pub score: f64,
    pub steps: Vec<StepResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiscFit {
    pub disc: Disc,
    /// 0–1.
    pub fit: f64,
    /// The turn that showed it best, if any did.
    pub turn: Option<usize>,
    pub win: Bilingual,
    pub explain: Bilingual,
    pub detail: Bilingual,
}

/// Points gained or lost, with the turn and rule behind them. The items add up to the total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PointItem {
    /// Index into the transcript's turns (0-based); `None` for the total's 0–100 limit.
    pub turn: Option<usize>,
    /// `7a.apologize`, `order.7a`, `penalty.taboo`, `bonus.thanks`, `disc.D`, `walk_out`, `total.limit`.
    pub rule: String,
    pub points: f64,
    pub explain: Bilingual,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreReport {
    pub lang: Lang,
    pub disc: Option<Disc>,
    /// 0–100, the sum of `items`.
    pub total: f64,
    /// The model whose steps earned the step points.
    pub judged_by: String,
    pub models: BTreeMap<String, ModelResult>,
    pub penalties: Vec<PenaltyHit>,
    pub bonuses: Vec<BonusHit>,
    pub disc_fit: Option<DiscFit>,
    /// The customer's mood (0–100) after each turn.
    pub mood: Vec<f64>,
    pub walked_out: Option<usize>,
    pub items: Vec<PointItem>,
    pub warnings: Vec<String>,
}

impl ScoreReport {
    /// The report as a trainer reads it, in the transcript's language.
    /// The fixed words are the locale files' `report-*` keys.
    pub fn render(&self, rubrics: &Rubrics, locales: &Locales, scenario: Option<&str>) -> String {
        let lang = self.lang;
        let word = |key: &str| locales.get(lang, key);
        let numbered = |key: &str, number: usize| locales.get_args(lang, key, &[("number", number.into())]);
        let (none, list_separator) = (word("report-none"), word("report-list-separator"));
        let mut out = String::new();
        let mut header = word("report-title");
        if let Some(scenario) = scenario {
            let _ = write!(header, " · {scenario}");
        }
        if let Some(disc) = self.disc {
            let key = format!("report-disc-{}", disc.letter().to_ascii_lowercase());
            let _ = write!(header, " · {}", word(&key));
        }
        let _ = writeln!(out, "{header}");
        let judged = rubrics.model(&self.judged_by).map_or(self.judged_by.as_str(), |m| m.name.get(lang));
        let _ = writeln!(
            out,
            "{}: {:.1} / 100    {}: {judged}\n",
            word("report-total"),
            self.total,
            word("report-judged-by")
        );

        let _ = writeln!(out, "{}:", word("report-models"));
        for model in &rubrics.models {
            let Some(result) = self.models.get(&model.id) else { continue };
            let names = |ids: &[String]| -> String {
                let names: Vec<&str> = ids
                    .iter()
                    .filter_map(|id| model.steps.iter().find(|s| &s.id == id))
                    .map(|s| s.name.get(lang))
                    .collect();
                if names.is_empty() { none.clone() } else { names.join(&list_separator) }
            };
            let _ = writeln!(
                out,
                "  {} {:>5.1}   {} {:.0}%   {}: {}   {}: {}",
                pad(model.name.get(lang), 32),
                result.score,
                word("report-order"),
                result.order * 100.0,
                word("report-found"),
                names(&result.found),
                word("report-missing"),
                names(&result.missing)
            );
        }

        let _ = writeln!(out, "\n{}:", word("report-points"));
        for item in &self.items {
            let turn = item.turn.map_or(String::new(), |t| numbered("report-turn", t + 1));
            let _ = writeln!(out, "  {} {:>+6.1}  {}", pad(&turn, 8), item.points, item.explain.get(lang));
        }

        if let (Some(model), Some(result)) = (rubrics.model(&self.judged_by), self.models.get(&self.judged_by))
            && !result.missing.is_empty()
        {
            let _ = writeln!(out, "\n{}:", word("report-to-work-on"));
            for step in model.steps.iter().filter(|s| result.missing.contains(&s.id)) {
                let _ = writeln!(out, "  {} — {}", step.name.get(lang), step.explain.get(lang));
            }
        }

        let moods: Vec<String> = self.mood.iter().map(|m| format!("{m:.0}")).collect();
        let _ = writeln!(out, "\n{}: {}", word("report-mood"), moods.join(" → "));
        if let Some(turn) = self.walked_out {
            let _ = writeln!(out, "  {}", numbered("report-walked-out", turn + 1));
        }
        for warning in &self.warnings {
            let _ = writeln!(out, "! {warning}");
        }
        out
    }
}

/// Pads to `width` terminal columns, counting CJK characters as two, so columns line up.
fn pad(text: &str, width: usize) -> String {
    let columns: usize = text.chars().map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 }).sum();
    format!("{text}{}", " ".repeat(width.saturating_sub(columns)))
}
