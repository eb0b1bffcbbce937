//! How well the engine agrees with a trainer's labels on a folder of transcripts: per step and
//! per penalty precision and recall, the share of clean transcripts penalised, and how many
//! ranked pairs come out the right way round. The labels' format is in
//! `tests/data/heldout/README.md`; a trainer can label their own recordings the same way.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::report::ScoreReport;

/// A trainer's judgement of one transcript (`NAME.labels.ron` beside `NAME.ron`). Only what is
/// clear-cut is labelled: a step in neither list is not counted either way.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Labels {
    /// `model.step` ids the rep clearly performed, e.g. `7a.apologize`.
    pub steps_present: Vec<String>,
    pub steps_absent: Vec<String>,
    /// Penalty ids clearly committed, e.g. `taboo`.
    pub penalties_present: Vec<String>,
    pub penalties_absent: Vec<String>,
    pub note: String,
}

/// One pair of `pairs.ron`: the first handled it clearly better than the second.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct RankedPair {
    pub better: String,
    pub worse: String,
    #[serde(default)]
    pub why: String,
}

/// Counts for one step or penalty id.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub true_positive: u32,
    pub false_positive: u32,
    pub false_negative: u32,
    pub true_negative: u32,
}

impl Counts {
    /// Of what the engine found, the share that was there; `None` when it found nothing.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.true_positive, self.true_positive + self.false_positive)
    }

    /// Of what was there, the share the engine found; `None` when nothing was there.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.true_positive, self.true_positive + self.false_negative)
    }

    fn add(&mut self, other: Counts) {
        self.true_positive += other.true_positive;
        self.false_positive += other.false_positive;
        self.false_negative += other.false_negative;
        self.true_negative += other.true_negative;
    }
}

fn ratio(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) / f64::from(whole))
}

/// A pair the engine ranked the wrong way round (or tied).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WrongPair {
    pub better: String,
    pub worse: String,
    pub better_total: f64,
    pub worse_total: f64,
}

/// The whole evaluation of a folder.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Evaluation {
    pub transcripts: usize,
    pub steps: BTreeMap<String, Counts>,
    pub penalties: BTreeMap<String, Counts>,
    /// Transcripts labelled with no penalty present.
    pub clean: usize,
    /// Of those, the ones the engine penalised anyway.
    pub clean_penalised: Vec<String>,
    pub pairs: usize,
    pub wrong_pairs: Vec<WrongPair>,
    /// Steps and penalties the engine reported where the label says absent: (transcript, id).
    pub false_alarms: Vec<(String, String)>,
    /// Present in the label, not found: (transcript, id).
    pub misses: Vec<(String, String)>,
}

impl Evaluation {
    /// Adds one labelled transcript's report.
    pub fn add(&mut self, name: &str, labels: &Labels, report: &ScoreReport) {
        self.transcripts += 1;
        let found_steps: Vec<String> = report
            .models
            .iter()
            .flat_map(|(model, result)| result.found.iter().map(move |step| format!("{model}.{step}")))
            .collect();
        let found_penalties: Vec<String> = report.penalties.iter().map(|p| p.id.clone()).collect();
        self.tally(name, true, &labels.steps_present, &labels.steps_absent, &found_steps);
        self.tally(name, false, &labels.penalties_present, &labels.penalties_absent, &found_penalties);
        if labels.penalties_present.is_empty() {
            self.clean += 1;
            if !found_penalties.is_empty() {
                self.clean_penalised.push(name.to_owned());
            }
        }
    }

    fn tally(&mut self, name: &str, steps: bool, present: &[String], absent: &[String], found: &[String]) {
        for (ids, there) in [(present, true), (absent, false)] {
            for id in ids {
                let detected = found.contains(id);
                let counts = if steps { &mut self.steps } else { &mut self.penalties };
                let entry = counts.entry(id.clone()).or_default();
                match (there, detected) {
                    (true, true) => entry.true_positive += 1,
                    (true, false) => {
                        entry.false_negative += 1;
                        self.misses.push((name.to_owned(), id.clone()));
                    }
                    (false, true) => {
                        entry.false_positive += 1;
                        self.false_alarms.push((name.to_owned(), id.clone()));
                    }
                    (false, false) => entry.true_negative += 1,
                }
            }
        }
    }

    /// Adds a ranked pair with both totals; a tie counts as wrong (the engine did not tell them apart).
    pub fn add_pair(&mut self, pair: &RankedPair, better_total: f64, worse_total: f64) {
        self.pairs += 1;
        if better_total <= worse_total {
            self.wrong_pairs.push(WrongPair {
                better: pair.better.clone(),
                worse: pair.worse.clone(),
                better_total,
                worse_total,
            });
        }
    }

    pub fn all_steps(&self) -> Counts {
        sum(self.steps.values())
    }

    pub fn all_penalties(&self) -> Counts {
        sum(self.penalties.values())
    }

    /// The share of clean transcripts the engine penalised.
    pub fn false_penalty_rate(&self) -> Option<f64> {
        ratio(self.clean_penalised.len() as u32, self.clean as u32)
    }

    /// The share of ranked pairs the engine put the right way round.
    pub fn pair_accuracy(&self) -> Option<f64> {
        ratio((self.pairs - self.wrong_pairs.len()) as u32, self.pairs as u32)
    }
}

fn sum<'a>(counts: impl Iterator<Item = &'a Counts>) -> Counts {
    let mut total = Counts::default();
    for c in counts {
        total.add(*c);
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::scoring::{Transcript, score, shipped_rubrics};

    fn report(text: &str) -> ScoreReport {
        let source = format!(
            "(lang: \"zh\", turns: [(t: 0.0, who: Customer, text: \"快递丢了!\"), (t: 5.0, who: Rep, text: \"{text}\")])"
        );
        score(shipped_rubrics(), &Transcript::parse(std::path::Path::new("t.ron"), &source).unwrap())
    }

    #[test]
    fn counts_follow_the_labels_and_only_the_labels() {
        let labels = Labels {
            steps_present: vec!["7a.apologize".into()],
            steps_absent: vec!["7a.assurance".into()],
            penalties_present: vec![],
            penalties_absent: vec!["taboo".into()],
            note: String::new(),
        };
        let mut eval = Evaluation::default();
        eval.add("sorry", &labels, &report("非常抱歉给您添麻烦了,我马上给您补发,明天送到"));
        eval.add("taboo", &labels, &report("这不归我管"));
        let apology = eval.steps["7a.apologize"];
        assert_eq!((apology.true_positive, apology.false_negative), (1, 1), "found in one, missed in the other");
        assert_eq!(apology.recall(), Some(0.5));
        assert_eq!(eval.penalties["taboo"].false_positive, 1, "labelled absent, found in the second");
        assert_eq!((eval.clean, eval.clean_penalised.clone()), (2, vec!["taboo".to_owned()]));
        assert_eq!(eval.false_penalty_rate(), Some(0.5));
        assert_eq!(eval.misses, [("taboo".to_owned(), "7a.apologize".to_owned())]);
    }

    #[test]
    fn a_tied_pair_counts_as_wrong() {
        let mut eval = Evaluation::default();
        let pair = RankedPair { better: "a".into(), worse: "b".into(), why: String::new() };
        eval.add_pair(&pair, 80.0, 40.0);
        eval.add_pair(&pair, 50.0, 50.0);
        eval.add_pair(&pair, 30.0, 60.0);
        assert_eq!(eval.pair_accuracy(), Some(1.0 / 3.0));
        assert_eq!(eval.wrong_pairs.len(), 2);
        assert_eq!(Counts::default().precision(), None, "nothing found: no precision to speak of");
    }
}
