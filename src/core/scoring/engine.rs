//! The scorer. A [`Round`] is fed one turn at a time and keeps the customer's mood; its
//! [`Round::report`] (in `evaluate`) turns everything heard so far into points a trainer can trace.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::core::disc::Disc;
use crate::core::lang::Lang;

use super::matcher::{Hit, Lexicon, Pattern, Script, Utterance, Vocabulary};
use super::outcome::{BonusHit, MoodChange, PenaltyHit, StepHit, TurnOutcome, round1};
use super::rubric::{Cue, Detect, MoodProfile, Phase, Rubrics};
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

/// A role-play in progress. Feed it turns; ask for a report at any time.
#[derive(Debug, Clone)]
pub struct Round<'r> {
    pub(super) rubrics: &'r Rubrics,
    pub(super) setup: RoundSetup,
    pub(super) profile: &'r MoodProfile,
    /// The rubric vocabulary plus the customer's name.
    pub(super) vocabulary: Vocabulary,
    pub(super) name_lexicon: Lexicon,
    pub(super) outcomes: Vec<TurnOutcome>,
    pub(super) mood: f64,
    pub(super) walked_out: Option<usize>,
    /// How often each mood cause has been heard, so repeats count for less.
    pub(super) repeats: HashMap<String, i32>,
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
        // Claimed byte ranges are disjoint, kept by start: an overlap can only be with the last
        // claim that starts before a hit ends (linear-time for long utterances, not quadratic).
        let mut claimed: BTreeMap<usize, usize> = BTreeMap::new();
        let mut reported: HashSet<(String, String)> =
            outcome.penalties.iter().map(|p| (p.id.clone(), p.text.clone())).collect();
        for hit in penalty_hits {
            let bytes = utterance.units(hit.script).bytes(&hit.units);
            if claimed.range(..bytes.end).next_back().is_some_and(|(_, &end)| end > bytes.start) {
                continue;
            }
            utterance.units_mut(hit.script).mask(&hit.units);
            let rule = &rubrics.penalties[hit.owner];
            let excerpt = text.get(bytes.clone()).unwrap_or_default().to_owned();
            claimed.insert(bytes.start, bytes.end);
            if reported.insert((rule.id.clone(), excerpt.clone())) {
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
        let inside = inside_longer_of_another_phase(&positive_hits, phase);
        for ((cue, hit), _) in positive_hits.iter().zip(&inside).filter(|(_, inside)| !**inside) {
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

/// For each hit: whether it lies inside a longer hit of another phase that starts before it (in
/// the same script). One sweep over the hits by start, keeping the furthest end reached so far by
/// each phase: n log n, where comparing every pair took half a minute on a 1 MB utterance.
fn inside_longer_of_another_phase(hits: &[(Cue, Hit)], phase: impl Fn(&Cue) -> Option<Phase>) -> Vec<bool> {
    let mut inside = vec![false; hits.len()];
    let mut order: Vec<usize> = (0..hits.len()).filter(|&i| phase(&hits[i].0).is_some()).collect();
    order.sort_by_key(|&i| (hits[i].1.script as u8, hits[i].1.units.start));
    let mut furthest: Vec<(Phase, usize)> = Vec::new();
    let mut group_start = 0;
    while group_start < order.len() {
        let (script, start) = (hits[order[group_start]].1.script, hits[order[group_start]].1.units.start);
        if group_start > 0 && hits[order[group_start - 1]].1.script != script {
            furthest.clear();
        }
        let group_end = (group_start..order.len())
            .find(|&k| hits[order[k]].1.script != script || hits[order[k]].1.units.start != start)
            .unwrap_or(order.len());
        // Hits starting here are compared only with hits that started strictly before.
        for &i in &order[group_start..group_end] {
            let own = phase(&hits[i].0);
            inside[i] = furthest.iter().any(|&(p, end)| Some(p) != own && hits[i].1.units.end <= end);
        }
        for &i in &order[group_start..group_end] {
            let (Some(p), end) = (phase(&hits[i].0), hits[i].1.units.end) else { continue };
            match furthest.iter_mut().find(|(q, _)| *q == p) {
                Some(entry) => entry.1 = entry.1.max(end),
                None => furthest.push((p, end)),
            }
        }
        group_start = group_end;
    }
    inside
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The definition the sweep replaces: compare with every other hit.
    fn inside_by_pairs(hits: &[(Cue, Hit)], phase: impl Fn(&Cue) -> Option<Phase>) -> Vec<bool> {
        hits.iter()
            .map(|(cue, hit)| {
                phase(cue).is_some()
                    && hits.iter().any(|(other, o)| {
                        phase(other).is_some()
                            && phase(other) != phase(cue)
                            && o.script == hit.script
                            && o.units.start < hit.units.start
                            && hit.units.end <= o.units.end
                    })
            })
            .collect()
    }

    fn phase_of(cue: &Cue) -> Option<Phase> {
        match cue {
            Cue::Set(c) => Some([Phase::Emotion, Phase::Problem, Phase::Result][c % 3]),
            Cue::Bonus(_) => None,
        }
    }

    proptest! {
        #[test]
        fn the_sweep_finds_exactly_the_hits_inside_a_longer_one_of_another_phase(
            raw in prop::collection::vec((0..4usize, any::<bool>(), 0..30usize, 1..12usize), 0..40),
        ) {
            let hits: Vec<(Cue, Hit)> = raw
                .into_iter()
                .map(|(cue, zh, start, len)| {
                    let cue = if cue == 3 { Cue::Bonus(0) } else { Cue::Set(cue) };
                    let script = if zh { Script::Zh } else { Script::En };
                    (cue, Hit { owner: 0, script, units: start..start + len })
                })
                .collect();
            prop_assert_eq!(inside_longer_of_another_phase(&hits, phase_of), inside_by_pairs(&hits, phase_of));
        }
    }
}
