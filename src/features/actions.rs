//! Every request the UI, the keyboard or the clicker can make, as messages: one path for mouse,
//! keys and tests. The features read them; nothing here depends on a feature.

use std::path::PathBuf;

use bevy::prelude::*;

use crate::core::disc::Disc;
use crate::core::lang::Lang;
use crate::core::quiz::QuizMode;
use crate::core::round::CustomerPlayer;
use crate::core::scenario::{Difficulty, ScenarioKind};
use crate::core::session::{SessionEdit, TeamId};
use crate::core::settings::ThemeKind;
use crate::features::screen::Screen;

/// A request from the UI, the keyboard or the clicker. Every change of screen or
/// setting goes through here, so mouse, keys and tests share one path.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum UiAction {
    Go(Screen),
    Next,
    Prev,
    ToggleBlank,
    ToggleHelp,
    /// Esc: close whatever is open on top of the screen.
    CloseOverlays,
    SetLang(Lang),
    ToggleLang,
    ToggleTheme,
    SetTheme(ThemeKind),
    SetReducedMotion(bool),
    SetSound(bool),
    ToggleFullscreen,
    Clock(ClockAction),
    Library(LibraryAction),
    Practice(PracticeAction),
    /// A change to the session, applied by core.
    Edit(SessionEdit),
    Camp(CampAction),
    Round(RoundAction),
    Phones(PhonesAction),
    Lrs(LrsAction),
    Quiz(QuizAction),
    /// Asks to quit; confirmation is needed once the session has data.
    RequestQuit,
    ConfirmQuit,
    CancelQuit,
}

/// Phones in the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhonesAction {
    /// Start (and show the join card) or stop the room server.
    Toggle,
    /// Show or hide the join card.
    ToggleCard,
}

/// The quiz builder and the quiz being played.
#[derive(Debug, Clone, PartialEq)]
pub enum QuizAction {
    /// Draw from this model too, or no longer (none: every model).
    ToggleModel(String),
    Difficulty(Option<Difficulty>),
    /// How many questions to draw.
    Count(usize),
    /// Play a ready set as it is (`None`: draw from the bank).
    ChooseSet(Option<String>),
    Mode(QuizMode),
    Start,
    /// Close the question, show the standings, open the next, finish.
    Next,
    /// Without phones, by key or click: the team that answers next (its place in the team list)…
    PickTeam(usize),
    /// …then its choice (the place on screen; for an order, every place in turn).
    PickChoice(usize),
    Abandon,
    /// Undo the last abandon.
    RestoreAbandoned,
}

/// The company's learning record store.
#[derive(Debug, Clone, PartialEq)]
pub enum LrsAction {
    /// Keep these settings (saved in the config folder) and send with them.
    Save(crate::core::lrs::settings::LrsSettings),
    /// Try sending now instead of waiting out the back-off.
    RetryNow,
    /// Keep the statement the LRS refused aside and send the rest.
    SetAside,
    /// Send the statements set aside again.
    RetrySetAside,
}

/// What the camp feature does beyond editing the session.
#[derive(Debug, Clone, PartialEq)]
pub enum CampAction {
    /// Hand the room clock to the next presenting team.
    NextPresenter,
    /// Export the day's record (reports, CSV, JSON, xAPI) beside the session file.
    Export,
    /// Replace a session that failed to load with its backup.
    RestoreBackup,
    /// Switch to another session file (from the recent list).
    Open(PathBuf),
    /// Save the session to this file and keep saving there (when its own file cannot be written).
    SaveAs(PathBuf),
}

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
    /// Drop a round started by mistake (never one whose points landed), after a confirmation.
    Abandon,
    /// Undo the last discard.
    RestoreDiscarded,
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
    /// Close the observers' pads now (without waiting out the grace) and show their taps.
    RevealObservers,
    /// Show the observers' reveal on the projector too, or hide it again.
    ToggleRevealOnProjector,
    /// The consensus on one pad item (`None`: back to the trainer's record).
    Settle(String, Option<bool>),
    /// Settle every disputed item as the room's majority saw it.
    AcceptMajority,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ClockAction {
    Toggle,
    Reset,
    AddMinute,
    /// Stop and load a new duration, e.g. one minute for the next team.
    Set {
        secs: f64,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum LibraryAction {
    Kind(Option<ScenarioKind>),
    Disc(Option<Disc>),
    Difficulty(Option<Difficulty>),
    Select(String),
    ToggleCustomerCard,
    /// Draw a random scenario from the current filter.
    Draw,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PracticeAction {
    FilterDisc(Option<Disc>),
    Start(String),
    /// Start a random scenario of the chosen customer type.
    Surprise,
    Choose(usize),
    Typed(String),
    Retry,
    /// Back to the scenario list.
    Leave,
}
