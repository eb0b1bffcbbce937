//! Self-study in the app: the learner's current conversation, its debrief, and progress
//! kept between runs (`~/.config/service-camp/progress.ron`).

use std::path::PathBuf;

use bevy::prelude::*;
use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;

use crate::core::disc::Disc;
use crate::core::lang::Lang;
use crate::core::practice::{PracticeDebrief, PracticeRun, Progress, today};
use crate::core::scenario::Scenario;
use crate::core::scoring::Rubrics;
use crate::features::actions::{PracticeAction, UiAction};
use crate::features::content::LoadedRubrics;
use crate::features::scenarios::LoadedLibrary;
use crate::features::settings::CurrentSettings;

#[derive(Resource, Debug, Default)]
pub struct PracticeState {
    /// "Surprise me" draws from this customer type (any when `None`).
    pub disc: Option<Disc>,
    pub run: Option<PracticeRun>,
    /// When the customer's current line appeared (app clock): the per-turn clock and the
    /// typing reveal start here.
    pub line_shown_at: f64,
    pub debrief: Option<PracticeDebrief>,
    /// The authored reply the last typed answer was matched to, shown to the learner.
    pub typed_match: Option<usize>,
}

impl PracticeState {
    pub fn scenario<'a>(&self, shelf: &'a LoadedLibrary) -> Option<&'a Scenario> {
        shelf.library.get(&self.run.as_ref()?.scenario_id)
    }
}

/// The learner's progress and where it is saved (`None`: kept in memory only).
#[derive(Resource, Debug, Default)]
pub struct LearnerProgress {
    pub progress: Progress,
    pub file: Option<PathBuf>,
}

pub fn plugin(app: &mut App) {
    app.init_resource::<PracticeState>().init_resource::<LearnerProgress>().add_systems(Update, apply_practice_actions);
}

fn apply_practice_actions(
    mut actions: MessageReader<UiAction>,
    shelf: Res<LoadedLibrary>,
    rubrics: Option<Res<LoadedRubrics>>,
    settings: Res<CurrentSettings>,
    time: Res<Time>,
    mut state: ResMut<PracticeState>,
    mut learner: ResMut<LearnerProgress>,
    mut rng: Local<Option<StdRng>>,
) {
    let now = time.elapsed_secs_f64();
    for action in actions.read() {
        let UiAction::Practice(action) = action else { continue };
        let seconds = now - state.line_shown_at;
        match action {
            PracticeAction::FilterDisc(disc) => state.disc = *disc,
            PracticeAction::Start(id) => {
                start(&mut state, shelf.library.get(id), rubrics.as_deref(), settings.lang, now)
            }
            PracticeAction::Surprise => {
                let rng = rng.get_or_insert_with(|| StdRng::seed_from_u64(now.to_bits()));
                let candidates = practice_scenarios(&shelf, state.disc);
                start(&mut state, candidates.choose(rng).copied(), rubrics.as_deref(), settings.lang, now);
            }
            PracticeAction::Retry => {
                let id = state.run.as_ref().map(|run| run.scenario_id.clone());
                start(&mut state, id.and_then(|id| shelf.library.get(&id)), rubrics.as_deref(), settings.lang, now);
            }
            PracticeAction::Leave => {
                state.run = None;
                state.debrief = None;
            }
            PracticeAction::Choose(option) => {
                let (Some(scenario), Some(rubrics)) = (state.scenario(&shelf), rubrics.as_deref()) else { continue };
                if let Some(run) = state.run.as_mut() {
                    run.choose(scenario, &rubrics.0, *option, seconds);
                }
                state.typed_match = None;
                state.line_shown_at = now;
            }
            PracticeAction::Typed(text) => {
                let (Some(scenario), Some(rubrics)) = (state.scenario(&shelf), rubrics.as_deref()) else { continue };
                let matched = state.run.as_mut().and_then(|run| run.answer_typed(scenario, &rubrics.0, text, seconds));
                state.typed_match = matched;
                state.line_shown_at = now;
            }
        }
        finish_if_ended(&mut state, &shelf, rubrics.as_deref(), &mut learner);
    }
}

/// The scenarios that can be practised (those with a dialogue), of customer type `disc` when
/// given, in id order.
pub fn practice_scenarios(shelf: &LoadedLibrary, disc: Option<Disc>) -> Vec<&Scenario> {
    let mut scenarios: Vec<&Scenario> =
        shelf.library.iter().filter(|s| s.dialogue.is_some() && disc.is_none_or(|d| d == s.disc)).collect();
    scenarios.sort_by(|a, b| a.id.cmp(&b.id));
    scenarios
}

/// How the screenshot tour's demo conversation is played.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoPlay {
    /// Two answers in, the first a misstep.
    Midway,
    /// One misstep, then model answers to the end.
    Recovered,
    /// The weakest reply every time, to the bitter end.
    Lost,
}

/// A conversation for the screenshot tour, with the debrief ready once it has ended.
pub fn demo_state(scenario: &Scenario, rubrics: &Rubrics, lang: Lang, play: DemoPlay, now: f64) -> PracticeState {
    let mut state = PracticeState::default();
    let Some(mut run) = PracticeRun::start(scenario, rubrics, lang) else { return state };
    while run.ending(scenario).is_none() && run.turns.len() < 30 {
        let Some(node) = run.node(scenario) else { break };
        let model = node.options.iter().position(|o| o.model).unwrap_or(0);
        let weakest = (0..node.options.len()).min_by_key(|&i| node.options[i].mood).unwrap_or(0);
        // A weaker (but not rude or fatal) reply, so the debrief has something to teach.
        let misstep = node.options.iter().position(|o| {
            let clean = !o.tags.iter().any(|t| t.starts_with("penalty."));
            let continues =
                scenario.dialogue.as_ref().and_then(|d| d.node(&o.next)).is_some_and(|n| n.ending.is_none());
            !o.model && o.mood < 0 && clean && continues
        });
        let pick = match play {
            DemoPlay::Lost => weakest,
            _ if run.turns.is_empty() => misstep.unwrap_or(model),
            _ => model,
        };
        run.choose(scenario, rubrics, pick, 6.0);
        if play == DemoPlay::Midway && run.turns.len() >= 2 {
            break;
        }
    }
    state.line_shown_at = now - 8.0;
    state.debrief = run.ending(scenario).is_some().then(|| run.debrief(scenario, rubrics));
    state.run = Some(run);
    state
}

/// Starts a conversation (scoring needs the rubrics: without them practice cannot start).
fn start(
    state: &mut PracticeState,
    scenario: Option<&Scenario>,
    rubrics: Option<&LoadedRubrics>,
    lang: Lang,
    now: f64,
) {
    let Some(rubrics) = rubrics else { return };
    if let Some(run) = scenario.and_then(|s| PracticeRun::start(s, &rubrics.0, lang)) {
        state.run = Some(run);
        state.debrief = None;
        state.typed_match = None;
        state.line_shown_at = now;
    }
}

/// At an ending: the debrief is made once and the progress saved.
fn finish_if_ended(
    state: &mut PracticeState,
    shelf: &LoadedLibrary,
    rubrics: Option<&LoadedRubrics>,
    learner: &mut LearnerProgress,
) {
    let (Some(scenario), Some(rubrics)) = (state.scenario(shelf), rubrics) else { return };
    let Some(run) = state.run.as_ref() else { return };
    if state.debrief.is_some() || run.ending(scenario).is_none() {
        return;
    }
    let debrief = run.debrief(scenario, &rubrics.0);
    learner.progress.record(scenario, &debrief.report, today());
    if let Some(file) = &learner.file
        && let Err(e) = learner.progress.save(file)
    {
        warn!("could not save practice progress to {}: {e}", file.display());
    }
    state.debrief = Some(debrief);
}
