//! The camp day's screens, one file each. A screen is a state of [`Screen`]; its file
//! draws it from a [`UiCx`](crate::ui::context::UiCx) and asks for changes through actions.

mod agenda;
pub mod debrief;
mod home;
mod leaderboard;
mod library;
mod observers;
mod practice;
mod presentations;
mod quiz;
mod round;
pub mod round_console;
mod round_result;
mod settings;
mod stories;
mod teams;

use bevy::prelude::*;
use bevy_egui::egui::Ui;

use crate::features::screen::Screen;
use crate::ui::context::{ScreenUi, UiCx};
use crate::ui::theme::icons;

/// What the UI adds to a [`Screen`]: its icon and its drawing.
pub trait ScreenView {
    fn icon(self) -> &'static str;
    /// Draws this screen's content.
    fn show(self, ui: &mut Ui, cx: &mut UiCx);
}

impl ScreenView for Screen {
    fn icon(self) -> &'static str {
        match self {
            Screen::Home => icons::HOME,
            Screen::Agenda => icons::AGENDA,
            Screen::Teams => icons::TEAMS,
            Screen::Presentations => icons::PRESENT,
            Screen::Stories => icons::STORIES,
            Screen::Quiz => icons::QUIZ,
            Screen::Library => icons::LIBRARY,
            Screen::Round => icons::ROUND,
            Screen::RoundResult => icons::RESULT,
            Screen::Leaderboard => icons::LEADERBOARD,
            Screen::Practice => icons::PRACTICE,
            Screen::Debrief => icons::DEBRIEF,
            Screen::Settings => icons::SETTINGS,
        }
    }

    fn show(self, ui: &mut Ui, cx: &mut UiCx) {
        match self {
            Screen::Home => home::show(ui, cx),
            Screen::Agenda => agenda::show(ui, cx),
            Screen::Teams => teams::show(ui, cx),
            Screen::Presentations => presentations::show(ui, cx),
            Screen::Stories => stories::show(ui, cx),
            Screen::Quiz => quiz::show(ui, cx),
            Screen::Library => library::show(ui, cx),
            Screen::Round => round::show(ui, cx),
            Screen::RoundResult => round_result::show(ui, cx),
            Screen::Leaderboard => leaderboard::show(ui, cx),
            Screen::Practice => practice::show(ui, cx),
            Screen::Debrief => debrief::show(ui, cx),
            Screen::Settings => settings::show(ui, cx),
        }
    }
}

/// A scoring model's name in the UI language (`7a`, `six_step`, `eoac`).
fn model_name(cx: &UiCx, model: &str) -> String {
    cx.t(match model {
        "7a" => "home-model-7a",
        "six_step" => "home-model-six",
        "eoac" => "home-model-eoac",
        other => other,
    })
}

/// Draws whichever screen is current (only where egui runs: the windowed app).
pub(crate) fn draw_current_screen(mut screen_ui: ScreenUi, screen: Res<State<Screen>>) -> Result {
    let screen = *screen.get();
    screen_ui.show(|ui, cx| screen.show(ui, cx))
}
