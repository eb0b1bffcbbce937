//! Self-study: one learner against a scenario's simulated customer. The learner picks one
//! of the dialogue's replies or types their own; a typed reply is read by the scoring
//! engine and the customer reacts as to the closest authored reply (so "公司的规定就是这样"
//! takes the angry branch). The customer's mood is the scoring engine's (the same as in live
//! rounds): slow answers cost patience, more so with a D customer, and when the mood hits
//! zero the customer walks out, whatever the dialogue had planned. Plain logic: no Bevy.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::core::content_error::ContentError;
use crate::core::disc::Disc;
use crate::core::lang::{Bilingual, Lang};
use crate::core::scenario::{DialogueNode, Ending, ResponseOption, Scenario};
use crate::core::scoring::{Round, RoundSetup, Rubrics, ScoreReport, Speaker, Transcript, Turn, score};

/// How long a customer of each type waits for an answer before patience runs out.
pub fn patience_secs(disc: Disc) -> f64 {
    match disc {
        Disc::D => 20.0,
        Disc::I => 40.0,
        Disc::C => 45.0,
        Disc::S => 60.0,
    }
}

/// One answer the learner gave.
#[derive(Debug, Clone, PartialEq)]
pub struct PracticeTurn {
    /// The node the customer spoke from.
    pub node: String,
    /// The authored reply followed (the closest one, for a typed answer).
    pub option: usize,
    /// The learner's own words, when typed.
    pub typed: Option<String>,
    pub seconds: f64,
    /// The answer came after the customer's patience ran out.
    pub slow: bool,
    /// The customer's mood (0–100) before and after the answer.
    pub mood_before: f64,
    pub mood_after: f64,
}

/// A conversation in progress (or finished).
#[derive(Debug, Clone)]
pub struct PracticeRun {
    pub scenario_id: String,
    pub lang: Lang,
    node: String,
    mood: f64,
    walked_out: bool,
    pub turns: Vec<PracticeTurn>,
    transcript: Transcript,
}

impl PracticeRun {
    /// Starts at the dialogue's first node; `None` if the scenario has no dialogue.
    pub fn start(scenario: &Scenario, rubrics: &Rubrics, lang: Lang) -> Option<PracticeRun> {
        let dialogue = scenario.dialogue.as_ref()?;
        let first = dialogue.start_node()?;
        let transcript = Transcript {
            lang,
            disc: Some(scenario.disc),
            scenario: Some(scenario.id.clone()),
            time_limit: Some(f64::from(scenario.time_limit_secs)),
            customer_name: None,
            models: scenario.models.clone(),
            turns: vec![Turn {
                t: 0.0,
                who: Speaker::Customer,
                text: first.line.get(lang).to_owned(),
                tags: Vec::new(),
            }],
        };
        Some(PracticeRun {
            scenario_id: scenario.id.clone(),
            lang,
            node: first.id.clone(),
            mood: score(rubrics, &transcript).mood.last().copied().unwrap_or(50.0),
            walked_out: false,
            turns: Vec::new(),
            transcript,
        })
    }

    pub fn node<'a>(&self, scenario: &'a Scenario) -> Option<&'a DialogueNode> {
        scenario.dialogue.as_ref()?.node(&self.node)
    }

    /// The customer's mood, 0 (walks out) … 100 (delighted), as the engine keeps it.
    pub fn mood(&self) -> f64 {
        self.mood
    }

    pub fn ending(&self, scenario: &Scenario) -> Option<Ending> {
        if self.walked_out { Some(Ending::WalkedOut) } else { self.node(scenario).and_then(|n| n.ending) }
    }

    /// Follows authored reply `option`, answered after `seconds`.
    pub fn choose<'s>(
        &mut self,
        scenario: &'s Scenario,
        rubrics: &Rubrics,
        option: usize,
        seconds: f64,
    ) -> Option<&'s ResponseOption> {
        let reply = self.node(scenario)?.options.get(option)?;
        let said = Said { text: reply.text.get(self.lang).to_owned(), tags: reply.tags.clone(), typed: false };
        self.answer(scenario, rubrics, option, said, seconds)?;
        Some(reply)
    }

    /// Answers with the learner's own words: the engine reads them and the customer reacts
    /// as to the closest authored reply. Returns that reply's index.
    pub fn answer_typed(&mut self, scenario: &Scenario, rubrics: &Rubrics, text: &str, seconds: f64) -> Option<usize> {
        let options = &self.node(scenario)?.options;
        let heard = detect(rubrics, self.lang, scenario, text);
        let option = closest_option(options, &heard)?;
        let said = Said { text: text.to_owned(), tags: Vec::new(), typed: true };
        self.answer(scenario, rubrics, option, said, seconds)?;
        Some(option)
    }

    fn answer(
        &mut self,
        scenario: &Scenario,
        rubrics: &Rubrics,
        option: usize,
        said: Said,
        seconds: f64,
    ) -> Option<()> {
        let dialogue = scenario.dialogue.as_ref()?;
        let current = dialogue.node(&self.node)?;
        let reply = current.options.get(option)?;
        let next = dialogue.node(&reply.next)?;
        let mood_before = self.mood;
        let t = self.transcript.turns.last().map_or(0.0, |turn| turn.t) + seconds.max(0.0);
        let typed = said.typed.then(|| said.text.clone());
        self.transcript.turns.push(Turn { t, who: Speaker::Rep, text: said.text, tags: said.tags });
        self.transcript.turns.push(Turn {
            t: t + 1.0,
            who: Speaker::Customer,
            text: next.line.get(self.lang).to_owned(),
            tags: Vec::new(),
        });
        // The engine's verdict sets the mood, and whether the customer has had enough.
        let report = score(rubrics, &self.transcript);
        self.mood = report.mood.last().copied().unwrap_or(self.mood);
        self.walked_out = report.walked_out.is_some();
        self.turns.push(PracticeTurn {
            node: current.id.clone(),
            option,
            typed,
            seconds,
            slow: seconds > patience_secs(scenario.disc),
            mood_before,
            mood_after: self.mood,
        });
        self.node = next.id.clone();
        Some(())
    }

    /// The engine's verdict and a turn-by-turn review.
    pub fn debrief(&self, scenario: &Scenario, rubrics: &Rubrics) -> PracticeDebrief {
        let report = score(rubrics, &self.transcript);
        let dialogue = scenario.dialogue.as_ref();
        let reviews: Vec<TurnReview> = self
            .turns
            .iter()
            .filter_map(|turn| {
                let node = dialogue?.node(&turn.node)?;
                let picked = node.options.get(turn.option)?;
                let model = node.options.iter().find(|o| o.model);
                Some(TurnReview {
                    customer_line: node.line.clone(),
                    reply: turn.typed.clone().map_or_else(|| picked.text.clone(), |t| Bilingual::new(t.clone(), t)),
                    why: picked.why.clone(),
                    mood_change: turn.mood_after - turn.mood_before,
                    slow: turn.slow,
                    model_answer: model.filter(|m| !picked.model && m.text != picked.text).map(|m| m.text.clone()),
                })
            })
            .collect();
        let worst = reviews.iter().map(|r| r.mood_change).fold(0.0, f64::min);
        let opening = self.turns.first().map_or(self.mood, |t| t.mood_before);
        let mut mood_curve = vec![opening];
        mood_curve.extend(self.turns.iter().map(|t| t.mood_after));
        PracticeDebrief { report, reviews, worst_change: worst, mood_curve, ending: self.ending(scenario) }
    }
}

/// A reply as the engine hears it.
struct Said {
    text: String,
    tags: Vec<String>,
    /// The learner's own words rather than an authored reply.
    typed: bool,
}

/// What the engine hears in a reply: step, penalty and bonus tags.
pub fn detect(rubrics: &Rubrics, lang: Lang, scenario: &Scenario, text: &str) -> BTreeSet<String> {
    let setup =
        RoundSetup { lang, disc: Some(scenario.disc), models: scenario.models.clone(), ..RoundSetup::default() };
    let mut round = Round::new(rubrics, setup);
    let outcome = round.feed(&Turn { t: 1.0, who: Speaker::Rep, text: text.to_owned(), tags: Vec::new() });
    let steps = outcome.steps.iter().map(|s| format!("{}.{}", s.model, s.step));
    let penalties = outcome.penalties.iter().map(|p| format!("penalty.{}", p.id));
    let bonuses = outcome.bonuses.iter().map(|b| format!("bonus.{}", b.id));
    steps.chain(penalties).chain(bonuses).collect()
}

/// The authored reply that best matches what was heard. A reply sharing tags wins; any
/// penalty heard pulls towards replies that carry penalties (and away from clean ones);
/// with nothing recognisable the customer reacts as to the most neutral reply.
pub fn closest_option(options: &[ResponseOption], heard: &BTreeSet<String>) -> Option<usize> {
    let heard_penalty = heard.iter().any(|t| t.starts_with("penalty."));
    let affinity = |option: &ResponseOption| -> f32 {
        let has_penalty = option.tags.iter().any(|t| t.starts_with("penalty."));
        let shared = option.tags.iter().filter(|t| heard.contains(*t)).count() as f32;
        let step_names = |tags: &mut dyn Iterator<Item = &String>| -> BTreeSet<String> {
            tags.filter(|t| !t.starts_with("penalty.") && !t.starts_with("bonus."))
                .filter_map(|t| t.split_once('.').map(|(_, step)| step.to_owned()))
                .collect()
        };
        // The same step under another model's name (six_step.apologize for 7a.apologize) counts half.
        let cousins = step_names(&mut option.tags.iter()).intersection(&step_names(&mut heard.iter())).count() as f32;
        let penalty_fit = match (heard_penalty, has_penalty) {
            (true, true) => 3.0,
            (true, false) => -3.0,
            (false, true) => -1.0,
            (false, false) => 0.0,
        };
        2.0 * shared + 0.5 * cousins + penalty_fit - 0.1 * f32::from(option.mood.unsigned_abs())
    };
    options.iter().enumerate().max_by(|(_, a), (_, b)| affinity(a).total_cmp(&affinity(b))).map(|(i, _)| i)
}

/// One answer looked back on.
#[derive(Debug, Clone, PartialEq)]
pub struct TurnReview {
    pub customer_line: Bilingual,
    pub reply: Bilingual,
    pub why: Bilingual,
    pub mood_change: f64,
    pub slow: bool,
    /// The model answer, when the learner's reply was not it.
    pub model_answer: Option<Bilingual>,
}

#[derive(Debug, Clone)]
/// The review after a self-study conversation (the camp's 5-3-1 is [`crate::core::session::Debrief`]).
pub struct PracticeDebrief {
    pub report: ScoreReport,
    pub reviews: Vec<TurnReview>,
    /// The biggest mood drop of any turn (the turns that lost most get a model answer).
    pub worst_change: f64,
    /// The customer's mood (0–100) at the start and after each answer.
    pub mood_curve: Vec<f64>,
    pub ending: Option<Ending>,
}

/// A model counts as mastered once a scenario scored by it reaches this.
pub const MASTERY_SCORE: f64 = 80.0;

/// What the learner has achieved, kept between runs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    /// Best total per scenario id.
    pub best: BTreeMap<String, f64>,
    pub mastered: BTreeSet<String>,
    /// Consecutive days with practice.
    pub streak: u32,
    /// The last practice day, in days since 1970-01-01.
    pub last_day: Option<i64>,
}

impl Progress {
    /// Records a finished conversation on `today` (days since 1970-01-01).
    pub fn record(&mut self, scenario: &Scenario, report: &ScoreReport, today: i64) {
        let best = self.best.entry(scenario.id.clone()).or_insert(report.total);
        *best = best.max(report.total);
        for model in &scenario.models {
            if report.models.get(model).is_some_and(|m| m.score >= MASTERY_SCORE) {
                self.mastered.insert(model.clone());
            }
        }
        self.streak = match self.last_day {
            Some(day) if day == today => self.streak.max(1),
            Some(day) if day == today - 1 => self.streak + 1,
            _ => 1,
        };
        self.last_day = Some(today);
    }

    pub fn load(path: &Path) -> Result<Progress, ContentError> {
        crate::core::persist::load_ron_or_default(path)
    }

    /// Saves atomically, so a crash never leaves half a file.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        crate::core::persist::save_ron(self, path)
    }
}

/// Today in the learner's own calendar, as days since 1970-01-01, for the streak.
pub fn today() -> i64 {
    crate::core::time::local_day_number(crate::core::ids::Timestamp::now(), &crate::core::time::local_zone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::scenario::load_dir;

    fn library() -> Vec<Scenario> {
        load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")).iter().cloned().collect()
    }

    fn rubrics() -> Rubrics {
        crate::core::scoring::shipped_rubrics().clone()
    }

    fn model_reply(node: &DialogueNode) -> usize {
        node.options.iter().position(|o| o.model).unwrap_or(0)
    }

    fn weakest_reply(node: &DialogueNode) -> usize {
        (0..node.options.len()).min_by_key(|&i| node.options[i].mood).unwrap_or(0)
    }

    /// Plays by a fixed policy until an ending (or a step limit).
    fn play(scenario: &Scenario, rubrics: &Rubrics, pick: fn(&DialogueNode) -> usize) -> PracticeRun {
        let mut run = PracticeRun::start(scenario, rubrics, Lang::Zh).unwrap();
        for _ in 0..30 {
            if run.ending(scenario).is_some() {
                break;
            }
            let node = run.node(scenario).unwrap();
            run.choose(scenario, rubrics, pick(node), 5.0).unwrap();
        }
        run
    }

    /// Plays every sequence of replies (breadth first, each node entered once) until the
    /// conversation ends the way asked for.
    fn play_to(scenario: &Scenario, rubrics: &Rubrics, target: Ending) -> Option<PracticeRun> {
        let mut queue = std::collections::VecDeque::from([PracticeRun::start(scenario, rubrics, Lang::En)?]);
        let mut entered = BTreeSet::new();
        while let Some(run) = queue.pop_front() {
            match run.ending(scenario) {
                Some(ending) if ending == target => return Some(run),
                Some(_) => continue,
                None => {}
            }
            let node = run.node(scenario)?;
            if !entered.insert(node.id.clone()) {
                continue;
            }
            for option in 0..node.options.len() {
                let mut next = run.clone();
                next.choose(scenario, rubrics, option, 4.0)?;
                queue.push_back(next);
            }
        }
        None
    }

    fn penalised(option: &ResponseOption) -> bool {
        option.tags.iter().any(|t| t.starts_with("penalty."))
    }

    #[test]
    fn every_dialogue_is_played_to_each_kind_of_ending() {
        let rubrics = rubrics();
        let scenarios: Vec<Scenario> = library().into_iter().filter(|s| s.dialogue.is_some()).collect();
        assert!(scenarios.len() >= 8);
        for scenario in &scenarios {
            assert_eq!(
                play(scenario, &rubrics, model_reply).ending(scenario),
                Some(Ending::Resolved),
                "{}: the model answers resolve",
                scenario.id
            );
            for ending in [Ending::Escalated, Ending::WalkedOut] {
                let run = play_to(scenario, &rubrics, ending);
                assert!(run.is_some(), "{}: no way to {ending:?}", scenario.id);
            }
        }
    }

    #[test]
    fn typed_taboo_takes_the_angry_branch_and_a_good_reply_the_good_one() {
        let rubrics = rubrics();
        let scenario = library().into_iter().find(|s| s.id == "lost-parcel").unwrap();
        let mut run = PracticeRun::start(&scenario, &rubrics, Lang::Zh).unwrap();
        let opening_mood = run.mood();
        let options = run.node(&scenario).unwrap().options.clone();
        let picked = run.answer_typed(&scenario, &rubrics, "公司的规定就是这样,你等着吧", 5.0).unwrap();
        assert!(penalised(&options[picked]), "a taboo reply follows a penalised option: {:?}", options[picked].tags);
        assert!(run.mood() < opening_mood, "{} → {}", opening_mood, run.mood());

        let mut run = PracticeRun::start(&scenario, &rubrics, Lang::En).unwrap();
        let sorry = "I'm so sorry, Mr Wang. I completely understand how worrying this is — let me check right now.";
        let picked = run.answer_typed(&scenario, &rubrics, sorry, 5.0).unwrap();
        assert!(!penalised(&options[picked]), "an apology follows a clean option: {:?}", options[picked].tags);
        assert!(run.mood() > opening_mood);
    }

    #[test]
    fn slow_answers_cost_patience() {
        let rubrics = rubrics();
        let scenario = library().into_iter().find(|s| s.disc == Disc::D && s.dialogue.is_some()).unwrap();
        let mut quick = PracticeRun::start(&scenario, &rubrics, Lang::Zh).unwrap();
        let mut slow = quick.clone();
        let option = model_reply(quick.node(&scenario).unwrap());
        quick.choose(&scenario, &rubrics, option, 5.0);
        slow.choose(&scenario, &rubrics, option, patience_secs(Disc::D) + 40.0);
        assert!(slow.turns[0].slow && !quick.turns[0].slow);
        assert!(slow.mood() < quick.mood(), "{} vs {}", slow.mood(), quick.mood());
    }

    #[test]
    fn debrief_scores_the_model_path_above_the_worst_and_suggests_model_answers() {
        let rubrics = rubrics();
        let scenario = library().into_iter().find(|s| s.id == "lost-parcel").unwrap();
        let good = play(&scenario, &rubrics, model_reply).debrief(&scenario, &rubrics);
        let bad = play(&scenario, &rubrics, weakest_reply).debrief(&scenario, &rubrics);
        assert!(good.report.total > bad.report.total, "{} vs {}", good.report.total, bad.report.total);
        assert!(good.reviews.iter().all(|r| r.model_answer.is_none()));
        assert!(bad.reviews.iter().any(|r| r.model_answer.is_some()));
        assert!(bad.worst_change < 0.0);
        assert_eq!(bad.mood_curve.len(), bad.reviews.len() + 1);
    }

    #[test]
    fn progress_keeps_the_best_score_and_counts_a_daily_streak() {
        let rubrics = rubrics();
        let scenario = library().into_iter().find(|s| s.id == "lost-parcel").unwrap();
        let good = play(&scenario, &rubrics, model_reply).debrief(&scenario, &rubrics).report;
        let bad = play(&scenario, &rubrics, weakest_reply).debrief(&scenario, &rubrics).report;
        let mut progress = Progress::default();
        progress.record(&scenario, &good, 100);
        progress.record(&scenario, &bad, 100);
        assert_eq!(progress.best["lost-parcel"], good.total);
        assert_eq!(progress.streak, 1);
        progress.record(&scenario, &bad, 101);
        assert_eq!(progress.streak, 2);
        progress.record(&scenario, &bad, 105);
        assert_eq!(progress.streak, 1);

        let path = std::env::temp_dir().join(format!("sc-progress-{}/progress.ron", std::process::id()));
        progress.save(&path).unwrap();
        assert_eq!(Progress::load(&path).unwrap(), progress);
        std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
    }
}
