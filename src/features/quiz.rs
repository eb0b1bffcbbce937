//! Quiz rounds inside the app: the question bank (built-in and the trainer's own folder), the
//! builder's choices, team answers by keys, and the clock that closes a question when its time
//! is up or everyone has answered. Every change to the quiz is a core [`SessionEdit`].

use std::path::PathBuf;

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;

use crate::core::content_error::ContentError;
use crate::core::ids::Timestamp;
use crate::core::quiz::play::{QuizPhase, answer_length};
use crate::core::quiz::{Answerer, QuizBank, QuizFilter, QuizMode, QuizRun, build, validate};
use crate::core::session::{Applied, EditContext, Session, SessionEdit, TeamId};
use crate::features::actions::{QuizAction, UiAction};
use crate::features::content::{CurrentSession, LoadedLocales};
use crate::features::redraw::RedrawPlan;
use crate::features::screen::Screen;

/// The question bank and the problems found in it.
#[derive(Resource, Debug, Default, Clone)]
pub struct QuizShelf {
    pub bank: QuizBank,
    pub problems: Vec<ContentError>,
}

impl QuizShelf {
    /// Loads every `*.ron` in `folders` (missing folders are skipped) and validates them.
    pub fn load(folders: &[PathBuf]) -> QuizShelf {
        let bank = QuizBank::load(folders);
        let mut problems = bank.errors.clone();
        problems.extend(validate(&bank));
        QuizShelf { bank, problems }
    }
}

/// The builder's choices and the keys typed so far.
#[derive(Resource, Debug, Default)]
pub struct QuizDesk {
    pub filter: QuizFilter,
    /// A ready set to play as it is, instead of a draw.
    pub set: Option<String>,
    pub mode: QuizMode,
    /// Draws so far, so each new quiz is a new draw.
    pub draws: u64,
    /// The last quiz abandoned, for an undo.
    pub abandoned: Option<Box<QuizRun>>,
    /// Keys typed for a team's answer: the team's place, then the choices.
    pub typed: Vec<usize>,
}

impl QuizDesk {
    /// The questions the builder would start with now.
    pub fn questions(&self, shelf: &QuizShelf, seed: u64) -> Vec<crate::core::quiz::Question> {
        match self.set.as_deref().and_then(|id| shelf.bank.set(id)) {
            Some(set) => set.questions.clone(),
            None => build(&shelf.bank, &self.filter, seed),
        }
    }
}

pub fn plugin(app: &mut App) {
    app.init_resource::<QuizShelf>().init_resource::<QuizDesk>().add_systems(
        Update,
        (quiz_keys.run_if(in_state(Screen::Quiz)), apply_quiz_actions, close_when_due.run_if(in_state(Screen::Quiz)))
            .chain(),
    );
}

fn apply_quiz_actions(
    mut actions: MessageReader<UiAction>,
    mut desk: ResMut<QuizDesk>,
    shelf: Res<QuizShelf>,
    mut current: ResMut<CurrentSession>,
    locales: Option<Res<LoadedLocales>>,
) {
    for action in actions.read() {
        let UiAction::Quiz(action) = action else { continue };
        let mut cx = EditContext::new(Timestamp::now(), None);
        if let Some(loaded) = &locales {
            cx = cx.with_locales(&loaded.0);
        }
        let session = &mut current.session;
        let open = session.open_quiz();
        let edit = match action {
            QuizAction::ToggleModel(model) => {
                if !desk.filter.models.remove(model) {
                    desk.filter.models.insert(model.clone());
                }
                desk.set = None;
                continue;
            }
            QuizAction::Difficulty(difficulty) => {
                desk.filter.difficulty = *difficulty;
                desk.set = None;
                continue;
            }
            QuizAction::Count(count) => {
                desk.filter.count = (*count).clamp(1, crate::core::quiz::play::MAX_QUIZ_QUESTIONS);
                desk.set = None;
                continue;
            }
            QuizAction::ChooseSet(set) => {
                desk.set = set.clone();
                continue;
            }
            QuizAction::Mode(mode) => {
                desk.mode = *mode;
                continue;
            }
            QuizAction::Start => {
                desk.draws += 1;
                let seed = Timestamp::now().0 ^ desk.draws;
                let questions = desk.questions(&shelf, seed);
                let title = match desk.set.as_deref().and_then(|id| shelf.bank.set(id)) {
                    Some(set) => set.title.clone(),
                    None => quiz_title(&desk.filter, &cx),
                };
                SessionEdit::StartQuiz { title, questions, mode: desk.mode, seed }
            }
            QuizAction::Next => {
                let Some(quiz) = open else { continue };
                SessionEdit::AdvanceQuiz { quiz }
            }
            QuizAction::PickTeam(place) => {
                desk.typed = vec![*place];
                continue;
            }
            QuizAction::PickChoice(place) => {
                let Some(quiz) = open else { continue };
                if desk.typed.is_empty() {
                    continue;
                }
                desk.typed.push(*place);
                let wanted = answer_length(session.quizzes[quiz].question());
                if desk.typed.len() < wanted + 1 {
                    continue;
                }
                let typed = std::mem::take(&mut desk.typed);
                let Some(team) = session.teams.get(typed[0]).map(|t| t.id()) else { continue };
                SessionEdit::AnswerQuiz { quiz, by: Answerer::Team(team), places: typed[1..].to_vec() }
            }
            QuizAction::Abandon => {
                let Some(quiz) = open else { continue };
                SessionEdit::AbandonQuiz { quiz }
            }
            QuizAction::RestoreAbandoned => {
                let Some(run) = desk.abandoned.take() else { continue };
                SessionEdit::RestoreQuiz(run)
            }
        };
        match session.apply(&edit, &cx) {
            Ok(Applied::QuizVoided(run)) => desk.abandoned = Some(run),
            Ok(Applied::QuizStarted(_)) => desk.abandoned = None,
            Ok(_) => {}
            Err(problem) => info!("quiz: {problem}"),
        }
    }
}

/// A drawn quiz's name: its models, or "mixed".
fn quiz_title(filter: &QuizFilter, cx: &EditContext) -> crate::core::lang::Bilingual {
    let name = |lang| {
        if filter.models.is_empty() {
            return cx.locales.get(lang, "quiz-mixed");
        }
        let names: Vec<String> =
            filter.models.iter().map(|m| cx.locales.get(lang, &format!("quiz-model-{m}"))).collect();
        names.join(lang.list_separator())
    };
    crate::core::lang::Bilingual::new(name(crate::core::lang::Lang::Zh), name(crate::core::lang::Lang::En))
}

/// Team answers without phones: the team's place (1–9, 0 for the tenth), then its choice
/// (1–4), or for an order question every place in turn; Backspace starts again. Enter or Space
/// moves the quiz on.
fn quiz_keys(
    keys: Res<ButtonInput<KeyCode>>,
    egui_input: Option<Res<EguiWantsInput>>,
    mut desk: ResMut<QuizDesk>,
    current: Res<CurrentSession>,
    mut actions: MessageWriter<UiAction>,
) {
    if egui_input.is_some_and(|input| input.wants_keyboard_input()) {
        return;
    }
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter, KeyCode::Space]) {
        desk.typed.clear();
        actions.write(UiAction::Quiz(QuizAction::Next));
        return;
    }
    if keys.just_pressed(KeyCode::Backspace) {
        desk.typed.clear();
        return;
    }
    let session = &current.session;
    let Some(quiz) = session.open_quiz().map(|i| &session.quizzes[i]) else { return };
    if quiz.phase != QuizPhase::Asking {
        desk.typed.clear();
        return;
    }
    // Keys typed this frame count on from those typed before.
    let mut typed = desk.typed.len();
    for key in keys.get_just_pressed() {
        let Some(digit) = digit_of(*key) else { continue };
        // Team places count 1–9 then 0 for the tenth; choices count from 1.
        let action = if typed == 0 {
            QuizAction::PickTeam((digit + 9) % 10)
        } else {
            QuizAction::PickChoice(digit.wrapping_sub(1))
        };
        typed = if typed == answer_length(quiz.question()) { 0 } else { typed + 1 };
        actions.write(UiAction::Quiz(action));
    }
}

fn digit_of(key: KeyCode) -> Option<usize> {
    use KeyCode::*;
    let digits = [Digit0, Digit1, Digit2, Digit3, Digit4, Digit5, Digit6, Digit7, Digit8, Digit9];
    let numpad = [Numpad0, Numpad1, Numpad2, Numpad3, Numpad4, Numpad5, Numpad6, Numpad7, Numpad8, Numpad9];
    digits.iter().position(|&k| k == key).or_else(|| numpad.iter().position(|&k| k == key))
}

/// Closes the question when its time is up or everyone who can answer has, and keeps the
/// countdown on screen ticking.
fn close_when_due(current: Res<CurrentSession>, mut actions: MessageWriter<UiAction>, mut plan: ResMut<RedrawPlan>) {
    let session = &current.session;
    let Some(quiz) = session.open_quiz().map(|i| &session.quizzes[i]) else { return };
    if quiz.phase != QuizPhase::Asking {
        return;
    }
    let left_ms = quiz.left_ms(Timestamp::now());
    if left_ms == 0 || everyone_answered(session, quiz) {
        actions.write(UiAction::Quiz(QuizAction::Next));
        return;
    }
    plan.within(((left_ms % 1000) as f32 / 1000.0).max(0.05));
}

/// Every phone (or every team, in a team quiz or a room without phones) has answered.
pub fn everyone_answered(session: &Session, quiz: &QuizRun) -> bool {
    let n = quiz.current;
    let team_answered = |team: TeamId| quiz.answer_of(n, Answerer::Team(team)).is_some();
    session.teams.iter().all(|team| {
        let seats: Vec<_> = session.room.seats.iter().filter(|s| s.team == team.id()).collect();
        match quiz.mode {
            QuizMode::Teams => team_answered(team.id()),
            QuizMode::Players if seats.is_empty() => team_answered(team.id()),
            QuizMode::Players => seats.iter().all(|s| quiz.answer_of(n, Answerer::Seat(s.id)).is_some()),
        }
    }) && !session.teams.is_empty()
}
