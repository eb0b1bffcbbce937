//! Running a role-play round in the app: the console's set-up, scoring presses and quotes fed to
//! the engine on the room clock, the customer's patience, the peers' ratings and the points.
//! The round itself is data in the session (`core::round`); this plugin turns actions and keys
//! into core `SessionEdit`s and keeps a replayed view of it ([`RoundDesk::view`]) for the screens.

use std::collections::HashMap;

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;

use crate::core::countdown::Countdown;
use crate::core::round::{
    self, BestGain, Calibration, JudgeTotal, Observed, PadGroup, RoundCast, RoundRecord, RoundReview, WeakStep,
};
use crate::core::session::{Applied, EditContext, Session, SessionEdit, TeamId, Timestamp};
use crate::features::actions::{RoundAction, UiAction};
use crate::features::content::{CurrentSession, LoadedLocales, LoadedRubrics};
use crate::features::room_clock::RoomClock;
use crate::features::scenarios::{LibraryView, LoadedLibrary};
use crate::features::screen::Screen;

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
    /// The round discarded last, for an undo.
    pub discarded: Option<RoundRecord>,
    /// After a round with observers ends: the round and the app time its observers' grace
    /// runs out (then their taps are revealed).
    pub grace_until: Option<(usize, f64)>,
    /// The observers' reveal is on the projector too (the trainer's key).
    pub reveal_on_projector: bool,
    /// The day's observers by judge points, best first.
    pub judges: Vec<JudgeTotal>,
}

/// A round replayed through the engine, with what the console needs to score it.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundView {
    pub index: usize,
    pub review: RoundReview,
    pub pad: Vec<PadGroup>,
    /// Once the round has ended.
    pub best_gain: Option<BestGain>,
    /// The observers' taps against the trainer's record, once revealed.
    pub calibration: Option<Calibration>,
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

    /// Seconds left of the observers' grace for round `index`, at app time `now`.
    pub fn grace_left(&self, index: usize, now: f64) -> Option<f64> {
        self.grace_until.filter(|(round, _)| *round == index).map(|(_, until)| (until - now).max(0.0))
    }
}

/// The round clock runs on the room clock; round time is what it has run.
fn round_time(clock: &Countdown, now: f64) -> f64 {
    clock.elapsed(now)
}

pub fn plugin(app: &mut App) {
    app.init_resource::<RoundDesk>()
        .add_systems(PreUpdate, round_keys.after(bevy::input::InputSystems))
        .add_systems(Update, (apply_round_actions, watch_patience, close_observer_grace, refresh_round_view).chain())
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
    locales: Option<Res<'w, LoadedLocales>>,
    shelf: Res<'w, LoadedLibrary>,
    library: Res<'w, LibraryView>,
    time: Res<'w, Time>,
    next_screen: ResMut<'w, NextState<Screen>>,
}

fn apply_round_actions(mut actions: MessageReader<UiAction>, mut w: RoundWorld) {
    let now = w.time.elapsed_secs_f64();
    for action in actions.read() {
        let UiAction::Round(action) = action else { continue };
        let t = round_time(&w.clock.0, now);
        let shown = w.desk.shown;
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
            RoundAction::Press(tag) => {
                let Some(round) = shown else { continue };
                edit(&mut w, now, SessionEdit::Observe { round, t, what: Observed::Tag(tag.clone()) });
            }
            RoundAction::QuoteDraft(text) => w.desk.quote_draft = text.clone(),
            RoundAction::Quote => {
                let quote = std::mem::take(&mut w.desk.quote_draft);
                let (Some(round), false) = (shown, quote.trim().is_empty()) else { continue };
                edit(&mut w, now, SessionEdit::Observe { round, t, what: Observed::Quote(quote.trim().to_owned()) });
            }
            RoundAction::Undo => {
                let Some(round) = shown else { continue };
                let was_open = w.session.session.rounds.get(round).is_some_and(RoundRecord::is_running);
                edit(&mut w, now, SessionEdit::UndoObservation { round });
                if !was_open && w.session.session.rounds.get(round).is_some_and(RoundRecord::is_running) {
                    // The customer is back: the clock waits for the trainer to resume.
                    w.clock.0.pause(now);
                }
            }
            RoundAction::End if open => {
                let Some(round) = shown else { continue };
                edit(&mut w, now, SessionEdit::EndRound { round, t });
                w.clock.0.pause(now);
                // Observers get a moment to finish their taps; then they are revealed.
                if w.session.session.rounds.get(round).is_some_and(|r| !r.observer_marks.is_empty()) {
                    let grace = f64::from(w.session.session.round_rules.observer_grace_secs);
                    w.desk.grace_until = Some((round, now + grace));
                }
            }
            RoundAction::RevealObservers => {
                let Some(round) = shown else { continue };
                if edit(&mut w, now, SessionEdit::RevealObservers { round }).is_some() {
                    w.desk.grace_until = None;
                }
            }
            RoundAction::ToggleRevealOnProjector => w.desk.reveal_on_projector = !w.desk.reveal_on_projector,
            RoundAction::Settle(tag, present) => {
                let Some(round) = shown else { continue };
                edit(&mut w, now, SessionEdit::Settle { round, tag: tag.clone(), present: *present });
            }
            RoundAction::AcceptMajority => {
                let Some(round) = shown else { continue };
                edit(&mut w, now, SessionEdit::AcceptMajority { round });
            }
            RoundAction::Abandon => {
                let Some(round) = shown else { continue };
                if let Some(Applied::RoundVoided(record)) = edit(&mut w, now, SessionEdit::AbandonRound { round }) {
                    w.desk.discarded = Some(*record);
                    w.desk.shown = w.session.session.rounds.len().checked_sub(1);
                    w.clock.0.reset();
                }
            }
            RoundAction::RestoreDiscarded => {
                let Some(record) = w.desk.discarded.take() else { continue };
                let restore = SessionEdit::RestoreRound(Box::new(record.clone()));
                match edit(&mut w, now, restore) {
                    Some(Applied::RoundStarted(index)) => {
                        // Back where it was: paused at its last press, as after a restart.
                        let played = record.events.last().map_or(0.0, |e| e.t);
                        w.clock.0 = Countdown::new(f64::from(record.time_limit_secs));
                        w.clock.0.start(now - played);
                        w.clock.0.pause(now);
                        w.desk.shown = Some(index);
                        w.next_screen.set(Screen::Round);
                    }
                    _ => w.desk.discarded = Some(record),
                }
            }
            RoundAction::Rate(team, stars) => {
                let Some(round) = shown else { continue };
                edit(&mut w, now, SessionEdit::RateRound { round, team: *team, stars: *stars });
            }
            RoundAction::Finish => {
                let Some(round) = shown else { continue };
                if edit(&mut w, now, SessionEdit::AwardRound { round }).is_some() {
                    // The next round starts from a fresh cast.
                    w.desk.cast = RoundCast::default();
                    w.desk.grace_until = None;
                    w.desk.reveal_on_projector = false;
                    w.next_screen.set(Screen::RoundResult);
                }
            }
            RoundAction::Show(index) if *index < w.session.session.rounds.len() => w.desk.shown = Some(*index),
            RoundAction::ToggleConsole => w.desk.console_shown = !w.desk.console_shown,
            RoundAction::ToggleCard => w.desk.card_shown = !w.desk.card_shown,
            RoundAction::SetConsoleWindow(on) => w.desk.console_window = *on,
            RoundAction::Notes(text) => {
                let Some(round) = shown else { continue };
                edit(&mut w, now, SessionEdit::RoundNotes { round, text: text.clone() });
            }
            RoundAction::TogglePause | RoundAction::End | RoundAction::Show(_) => {}
        }
    }
}

/// Applies a round edit through core; the clock stops when the customer walks out. A refused
/// edit (a press after the end, a rating of one's own round) changes nothing.
fn edit(w: &mut RoundWorld, now: f64, edit: SessionEdit) -> Option<Applied> {
    let mut context = EditContext::new(Timestamp::now(), w.rubrics.as_deref().map(|r| &r.0));
    if let Some(loaded) = &w.locales {
        context = context.with_locales(&loaded.0);
    }
    match w.session.session.apply(&edit, &context) {
        Ok(applied) => {
            if applied == Applied::WalkedOut {
                w.clock.0.pause(now);
            }
            Some(applied)
        }
        Err(problem) => {
            debug!("round edit refused: {problem}");
            None
        }
    }
}

/// Starts a round of the library's current scenario for the cast's team, on a fresh clock of
/// the scenario's time limit. Refused while another round is still open or nothing is chosen.
fn start_round(w: &mut RoundWorld, now: f64) {
    let Some(scenario) = w.library.current(&w.shelf) else { return };
    let start = SessionEdit::StartRound { scenario: Box::new(scenario.clone()), cast: w.desk.cast.clone() };
    let Some(Applied::RoundStarted(index)) = edit(w, now, start) else { return };
    w.clock.0 = Countdown::new(f64::from(w.session.session.rounds[index].time_limit_secs));
    w.clock.0.start(now);
    w.desk.shown = Some(index);
    w.desk.card_shown = false;
    w.desk.quote_draft.clear();
    w.next_screen.set(Screen::Round);
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
    let round = view.index;
    let context = EditContext::new(Timestamp::now(), Some(&rubrics.0));
    let walked_out =
        session.bypass_change_detection().session.apply(&SessionEdit::CheckPatience { round, t }, &context);
    if walked_out == Ok(Applied::WalkedOut) {
        session.set_changed();
        clock.0.pause(now);
    }
}

/// The observers' grace has run out: their taps are revealed.
fn close_observer_grace(
    mut session: ResMut<CurrentSession>,
    mut desk: ResMut<RoundDesk>,
    rubrics: Option<Res<LoadedRubrics>>,
    time: Res<Time>,
) {
    let Some((round, until)) = desk.grace_until else { return };
    if time.elapsed_secs_f64() < until {
        return;
    }
    desk.grace_until = None;
    let context = EditContext::new(Timestamp::now(), rubrics.as_deref().map(|r| &r.0));
    if let Err(problem) = session.session.apply(&SessionEdit::RevealObservers { round }, &context) {
        debug!("reveal refused: {problem}");
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
            _ if ended => round::best_gain(record, &rubrics.0, lang),
            _ => None,
        };
        let calibration = record.observers_revealed.then(|| Calibration::of(record, &rubrics.0, lang));
        Some(RoundView { index, review, pad: round::scoring_pad(&rubrics.0, &record.models), best_gain, calibration })
    });
    if desk.view != view {
        desk.view = view;
    }
    if session.is_changed() || rubrics.is_changed() {
        let weakest: HashMap<TeamId, Vec<WeakStep>> = session
            .session
            .team_ids()
            .into_iter()
            .map(|team| (team, round::weakest_steps(&session.session.rounds, lang, &rubrics.0, team, WEAKEST_SHOWN)))
            .collect();
        if desk.weakest_steps != weakest {
            desk.weakest_steps = weakest;
        }
        let judges = round::judge_standings(&session.session.rounds, &rubrics.0, lang);
        if desk.judges != judges {
            desk.judges = judges;
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
                if let Some(button) = key_char(*key).and_then(|c| round::button_for_key(&view.pad, c)) {
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
    // Observers: V reveals their taps (then shows or hides them on the projector), M takes the
    // room's majority on every disputed item.
    if !record.observer_marks.is_empty() {
        if keys.just_pressed(KeyCode::KeyV) {
            act(if record.observers_revealed {
                RoundAction::ToggleRevealOnProjector
            } else {
                RoundAction::RevealObservers
            });
            return;
        }
        if keys.just_pressed(KeyCode::KeyM) && record.observers_revealed {
            act(RoundAction::AcceptMajority);
            return;
        }
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
