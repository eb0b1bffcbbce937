//! Running a role-play round in the app: the console's set-up, scoring presses and quotes fed to
//! the engine on the room clock, the customer's patience, the peers' ratings and the points.
//! The round itself is data in the session (`roleplay`); this plugin turns actions and keys into
//! changes of it and keeps a replayed view of it ([`RoundDesk::view`]) for the screens.

use std::collections::HashMap;

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;

use crate::navigation::UiAction;
use crate::roleplay::{
    self, BestGain, CustomerPlayer, Observed, PadGroup, RoundCast, RoundEnding, RoundRecord, RoundReview, WeakStep,
};
use crate::room_clock::RoomClock;
use crate::scenario_library::{LibraryView, ScenarioShelf};
use crate::screens::Screen;
use crate::session::{Session, TeamId, Timestamp};
use crate::timer::Countdown;
use crate::workshop::{CurrentSession, LoadedRubrics};

#[derive(Debug, Clone, PartialEq)]
pub enum RoundAction {
    SetTeam(TeamId),
    SetRep(String),
    SetCustomer(CustomerPlayer),
    /// Score by this model too, or no longer (the scenario's models are the default).
    ToggleModel(String),
    /// Start the round on the library's current scenario.
    Start,
    /// Pause or resume the round's clock.
    TogglePause,
    Press(String),
    QuoteDraft(String),
    /// Score the typed quote.
    Quote,
    Undo,
    End,
    /// Drop a round started by mistake (never one whose points landed).
    Abandon,
    Rate(TeamId, u8),
    /// Put the points on the board and show the result.
    Finish,
    /// Show this round (index into the session's rounds) on the result screen.
    Show(usize),
    /// Single-screen mode: swap the audience view for the console and back.
    ToggleConsole,
    /// Show the secret customer card on the console.
    ToggleCard,
    /// Give the console a window of its own (for the trainer's laptop screen).
    SetConsoleWindow(bool),
    Notes(String),
}

/// The console's state and the replayed view of the round on screen.
#[derive(Resource, Debug, Default)]
pub struct RoundDesk {
    /// The next round's people and models.
    pub cast: RoundCast,
    pub quote_draft: String,
    /// Single-screen mode: the console covers the audience view.
    pub console_shown: bool,
    pub card_shown: bool,
    /// The console has its own window.
    pub console_window: bool,
    /// Which round the round and result screens show (index into the session's rounds).
    pub shown: Option<usize>,
    pub view: Option<RoundView>,
    /// Each team's weakest model steps over its finished rounds, for the debrief to suggest.
    pub weakest_steps: HashMap<TeamId, Vec<WeakStep>>,
}

/// A round replayed through the engine, with what the console needs to score it.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundView {
    pub index: usize,
    pub review: RoundReview,
    pub pad: Vec<PadGroup>,
    /// Once the round has ended.
    pub best_gain: Option<BestGain>,
}

impl RoundDesk {
    /// The round shown, if it still exists.
    pub fn record<'a>(&self, session: &'a Session) -> Option<&'a RoundRecord> {
        session.rounds.get(self.shown?)
    }

    /// The round being played or rated: shown, and its points not yet on the board.
    pub fn open_round<'a>(&self, session: &'a Session) -> Option<&'a RoundRecord> {
        self.record(session).filter(|r| r.ledger_entry.is_none())
    }
}

/// The round clock runs on the room clock; round time is what it has run.
fn round_time(clock: &Countdown, now: f64) -> f64 {
    clock.elapsed(now)
}

pub fn plugin(app: &mut App) {
    app.init_resource::<RoundDesk>()
        .add_systems(PreUpdate, round_keys.after(bevy::input::InputSystems))
        .add_systems(Update, (apply_round_actions, watch_patience, refresh_round_view).chain())
        .add_systems(Startup, show_last_round);
}

/// After a restart, the screens show the session's last round; an unfinished one resumes paused
/// on its clock where the last press left it.
fn show_last_round(
    session: Res<CurrentSession>,
    mut desk: ResMut<RoundDesk>,
    mut clock: ResMut<RoomClock>,
    time: Res<Time>,
) {
    desk.shown = session.session.rounds.len().checked_sub(1);
    if let Some(record) = session.session.rounds.last().filter(|r| r.is_running()) {
        let now = time.elapsed_secs_f64();
        let played = record.events.last().map_or(0.0, |e| e.t);
        clock.0 = Countdown::new(f64::from(record.time_limit_secs));
        clock.0.start(now - played);
        clock.0.pause(now);
    }
}

#[derive(bevy::ecs::system::SystemParam)]
struct RoundWorld<'w> {
    session: ResMut<'w, CurrentSession>,
    desk: ResMut<'w, RoundDesk>,
    clock: ResMut<'w, RoomClock>,
    rubrics: Option<Res<'w, LoadedRubrics>>,
    shelf: Res<'w, ScenarioShelf>,
    library: Res<'w, LibraryView>,
    time: Res<'w, Time>,
    next_screen: ResMut<'w, NextState<Screen>>,
}

fn apply_round_actions(mut actions: MessageReader<UiAction>, mut w: RoundWorld) {
    let now = w.time.elapsed_secs_f64();
    for action in actions.read() {
        let UiAction::Round(action) = action else { continue };
        let lang = w.session.session.lang;
        let t = round_time(&w.clock.0, now);
        let open = w.desk.open_round(&w.session.session).is_some_and(RoundRecord::is_running);
        match action {
            RoundAction::SetTeam(team) => {
                w.desk.cast.team = Some(*team);
                w.desk.cast.rep.clear();
            }
            RoundAction::SetRep(rep) => w.desk.cast.rep = rep.clone(),
            RoundAction::SetCustomer(customer) => w.desk.cast.customer = customer.clone(),
            RoundAction::ToggleModel(model) => {
                let defaults = w.library.current(&w.shelf).map(|s| s.models.clone()).unwrap_or_default();
                let models = &mut w.desk.cast.models;
                if models.is_empty() {
                    *models = defaults;
                }
                if let Some(i) = models.iter().position(|m| m == model) {
                    // A round needs a model to judge it.
                    if models.len() > 1 {
                        models.remove(i);
                    }
                } else {
                    models.push(model.clone());
                }
            }
            RoundAction::Start => start_round(&mut w, now),
            RoundAction::TogglePause if open => w.clock.0.toggle(now),
            RoundAction::Press(tag) => observe(&mut w, lang, t, Observed::Tag(tag.clone())),
            RoundAction::QuoteDraft(text) => w.desk.quote_draft = text.clone(),
            RoundAction::Quote => {
                let quote = std::mem::take(&mut w.desk.quote_draft);
                if !quote.trim().is_empty() {
                    observe(&mut w, lang, t, Observed::Quote(quote.trim().to_owned()));
                }
            }
            RoundAction::Undo => {
                let (Some(index), Some(rubrics)) = (w.desk.shown, w.rubrics.as_deref()) else { continue };
                if let Some(record) = w.session.session.rounds.get_mut(index) {
                    let was_open = record.is_running();
                    record.undo(&rubrics.0, lang);
                    if !was_open && record.is_running() {
                        // The customer is back: the clock waits for the trainer to resume.
                        w.clock.0.pause(now);
                    }
                }
            }
            RoundAction::End if open => {
                if let Some(record) = open_record(&mut w) {
                    record.end(t, RoundEnding::Ended);
                }
                w.clock.0.pause(now);
            }
            RoundAction::Abandon => {
                if let Some(index) = w.desk.shown.filter(|&i| w.session.session.rounds[i].ledger_entry.is_none()) {
                    w.session.session.rounds.remove(index);
                    w.desk.shown = w.session.session.rounds.len().checked_sub(1);
                    w.clock.0.reset();
                }
            }
            RoundAction::Rate(team, stars) => {
                if let Some(record) = open_record(&mut w).filter(|r| !r.is_running()) {
                    record.rate(*team, *stars);
                }
            }
            RoundAction::Finish => finish_round(&mut w),
            RoundAction::Show(index) if *index < w.session.session.rounds.len() => w.desk.shown = Some(*index),
            RoundAction::ToggleConsole => w.desk.console_shown = !w.desk.console_shown,
            RoundAction::ToggleCard => w.desk.card_shown = !w.desk.card_shown,
            RoundAction::SetConsoleWindow(on) => w.desk.console_window = *on,
            RoundAction::Notes(text) => {
                if let Some(record) = w.desk.shown.and_then(|i| w.session.session.rounds.get_mut(i)) {
                    record.notes = text.clone();
                }
            }
            RoundAction::TogglePause | RoundAction::End | RoundAction::Show(_) => {}
        }
    }
}

fn open_record<'a>(w: &'a mut RoundWorld) -> Option<&'a mut RoundRecord> {
    let index = w.desk.shown?;
    w.session.session.rounds.get_mut(index).filter(|r| r.ledger_entry.is_none())
}

fn observe(w: &mut RoundWorld, lang: crate::lang::Lang, t: f64, what: Observed) {
    let Some(rubrics) = w.rubrics.as_deref() else { return };
    let rubrics = &rubrics.0;
    let Some(index) = w.desk.shown else { return };
    let Some(record) = w.session.session.rounds.get_mut(index).filter(|r| r.is_running()) else { return };
    record.observe(rubrics, lang, t, what);
    if !record.is_running() {
        let now = w.time.elapsed_secs_f64();
        w.clock.0.pause(now);
    }
}

/// Starts a round of the library's current scenario for the cast's team, on a fresh clock of
/// the scenario's time limit. Refused while another round is still open or nothing is chosen.
fn start_round(w: &mut RoundWorld, now: f64) {
    if w.desk.open_round(&w.session.session).is_some() {
        return;
    }
    let (Some(scenario), Some(team)) = (w.library.current(&w.shelf), w.desk.cast.team) else { return };
    if w.session.session.team(team).is_none() {
        return;
    }
    let number = w.session.session.rounds.iter().map(|r| r.number).max().unwrap_or(0) + 1;
    let record = RoundRecord::new(number, scenario, &w.desk.cast, team, Timestamp::now());
    w.clock.0 = Countdown::new(f64::from(record.time_limit_secs));
    w.clock.0.start(now);
    w.session.session.rounds.push(record);
    w.desk.shown = Some(w.session.session.rounds.len() - 1);
    w.desk.card_shown = false;
    w.desk.quote_draft.clear();
    w.next_screen.set(Screen::Round);
}

/// Awards the shown round's points and opens its result.
fn finish_round(w: &mut RoundWorld) {
    let (Some(index), Some(view)) = (w.desk.shown, w.desk.view.as_ref()) else { return };
    let finished = w.session.session.rounds.get(index).is_some_and(|r| !r.is_running() && r.ledger_entry.is_none());
    if !finished || view.index != index {
        return;
    }
    let score = view.review.total();
    if roleplay::award(&mut w.session.session, index, score, Timestamp::now()).is_ok() {
        // The next round starts from a fresh cast.
        w.desk.cast = RoundCast::default();
        w.next_screen.set(Screen::RoundResult);
    }
}

/// The customer leaves the moment their patience runs out, even if nobody presses anything.
fn watch_patience(
    mut session: ResMut<CurrentSession>,
    desk: Res<RoundDesk>,
    mut clock: ResMut<RoomClock>,
    rubrics: Option<Res<LoadedRubrics>>,
    time: Res<Time>,
) {
    let (Some(view), Some(rubrics)) = (desk.view.as_ref(), rubrics) else { return };
    let now = time.elapsed_secs_f64();
    let running = session.session.rounds.get(view.index).is_some_and(|r| r.is_running());
    let Some(runs_out) = view.review.patience_runs_out_at.filter(|_| running && clock.0.is_running()) else {
        return;
    };
    let t = round_time(&clock.0, now);
    if t < runs_out {
        return;
    }
    // The engine decides; the session is marked changed (and saved) only if the customer left.
    let lang = session.session.lang;
    let record = &mut session.bypass_change_detection().session.rounds[view.index];
    if record.check_patience(&rubrics.0, lang, t) {
        session.set_changed();
        clock.0.pause(now);
    }
}

/// Replays the shown round whenever the session or the shown round changes.
fn refresh_round_view(session: Res<CurrentSession>, mut desk: ResMut<RoundDesk>, rubrics: Option<Res<LoadedRubrics>>) {
    let Some(rubrics) = rubrics else { return };
    let changed = session.is_changed() || desk.is_changed() || rubrics.is_changed();
    if !changed {
        return;
    }
    let lang = session.session.lang;
    let view = desk.shown.and_then(|index| {
        let record = session.session.rounds.get(index)?;
        let review = RoundReview::of(record, &rubrics.0, lang);
        let ended = !record.is_running();
        // The best gain tries every missing step: only worth it once the round is over.
        let keep_gain = desk.view.as_ref().filter(|v| v.index == index && v.review == review && v.best_gain.is_some());
        let best_gain = match keep_gain {
            Some(v) if ended => v.best_gain.clone(),
            _ if ended => roleplay::best_gain(record, &rubrics.0, lang),
            _ => None,
        };
        Some(RoundView { index, review, pad: roleplay::scoring_pad(&rubrics.0, &record.models), best_gain })
    });
    if desk.view != view {
        desk.view = view;
    }
    if session.is_changed() || rubrics.is_changed() {
        let weakest: HashMap<TeamId, Vec<WeakStep>> = session
            .session
            .team_ids()
            .into_iter()
            .map(|team| (team, roleplay::weakest_steps(&session.session, &rubrics.0, team, WEAKEST_SHOWN)))
            .collect();
        if desk.weakest_steps != weakest {
            desk.weakest_steps = weakest;
        }
    }
}

/// How many weak steps the debrief suggests per team.
const WEAKEST_SHOWN: usize = 3;

/// The console's keys while the round screen is up: one per scoring button, Space to pause,
/// Backspace to undo, End to end; after the round, 1–5 rate the next team, Enter finishes.
fn round_keys(
    keys: Res<ButtonInput<KeyCode>>,
    egui_input: Option<Res<EguiWantsInput>>,
    screen: Res<State<Screen>>,
    session: Res<CurrentSession>,
    desk: Res<RoundDesk>,
    mut actions: MessageWriter<UiAction>,
) {
    if *screen.get() != Screen::Round || egui_input.is_some_and(|input| input.wants_keyboard_input()) {
        return;
    }
    let session = &session.session;
    let mut act = |action: RoundAction| {
        actions.write(UiAction::Round(action));
    };
    if keys.any_just_pressed([KeyCode::F2, KeyCode::Backquote]) {
        act(RoundAction::ToggleConsole);
    }
    let Some(record) = desk.open_round(session) else {
        if keys.just_pressed(KeyCode::Space) {
            act(RoundAction::Start);
        }
        return;
    };
    let control = keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    if keys.just_pressed(KeyCode::Backspace) || (control && keys.just_pressed(KeyCode::KeyZ)) {
        act(RoundAction::Undo);
        return;
    }
    if record.is_running() {
        if keys.just_pressed(KeyCode::Space) {
            act(RoundAction::TogglePause);
        } else if keys.just_pressed(KeyCode::End) {
            act(RoundAction::End);
        } else if let Some(view) = desk.view.as_ref() {
            for key in keys.get_just_pressed() {
                if let Some(button) = key_char(*key).and_then(|c| roleplay::button_for_key(&view.pad, c)) {
                    act(RoundAction::Press(button.tag.clone()));
                }
            }
        }
        return;
    }
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) {
        act(RoundAction::Finish);
        return;
    }
    // Ratings go to the teams in order: the first team without one gets the next digit.
    let unrated = session
        .teams
        .iter()
        .map(|t| t.id())
        .find(|&id| id != record.team && !record.peer_ratings.iter().any(|r| r.team == id));
    if let Some(team) = unrated {
        for key in keys.get_just_pressed() {
            if let Some(stars) = key_char(*key).and_then(|c| c.to_digit(10)).filter(|d| (1..=5).contains(d)) {
                act(RoundAction::Rate(team, stars as u8));
            }
        }
    }
}

/// The pad's character for a key: `A`–`Z` and `0`–`9` (top row or keypad).
fn key_char(key: KeyCode) -> Option<char> {
    use KeyCode::*;
    let letters = [
        KeyA, KeyB, KeyC, KeyD, KeyE, KeyF, KeyG, KeyH, KeyI, KeyJ, KeyK, KeyL, KeyM, KeyN, KeyO, KeyP, KeyQ, KeyR,
        KeyS, KeyT, KeyU, KeyV, KeyW, KeyX, KeyY, KeyZ,
    ];
    let digits = [Digit0, Digit1, Digit2, Digit3, Digit4, Digit5, Digit6, Digit7, Digit8, Digit9];
    let numpad = [Numpad0, Numpad1, Numpad2, Numpad3, Numpad4, Numpad5, Numpad6, Numpad7, Numpad8, Numpad9];
    if let Some(i) = letters.iter().position(|&k| k == key) {
        return Some((b'A' + i as u8) as char);
    }
    digits
        .iter()
        .position(|&k| k == key)
        .or_else(|| numpad.iter().position(|&k| k == key))
        .map(|i| (b'0' + i as u8) as char)
}
