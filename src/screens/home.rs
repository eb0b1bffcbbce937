//! Home: what this app is for, the current session, and the way into the day.

use bevy_egui::egui::{self, RichText, Ui};

use super::Screen;
use crate::navigation::UiAction;
use crate::theme::{spacing, title_style, widgets};
use crate::ui::UiCx;

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    ui.add_space(spacing::SECTION);
    ui.label(RichText::new(cx.t("home-welcome")).text_style(title_style()).color(p.text));
    ui.label(RichText::new(cx.t("home-tagline")).heading().color(p.accent));
    ui.add_space(spacing::SECTION);
    let session_line = if cx.session.has_data() {
        cx.t_args("home-session", &[("name", cx.session.name.clone().into())])
    } else {
        cx.t("home-no-session")
    };
    ui.label(RichText::new(session_line).color(p.text_muted));
    if cx.session.has_data() {
        ui.label(cx.t_args("teams-count", &[("count", cx.session.teams.len().into())]));
    }
    ui.add_space(spacing::GAP);
    if widgets::primary_button(ui, &p, &cx.t("home-start")).clicked() {
        cx.act(UiAction::Go(Screen::Agenda));
    }
    ui.add_space(spacing::SECTION);
    ui.label(RichText::new(cx.t("home-models")).heading());
    ui.horizontal_wrapped(|ui| {
        for key in ["home-model-7a", "home-model-six", "home-model-eoac", "home-model-disc"] {
            widgets::card(ui, &p, |ui| {
                ui.set_min_width(300.0);
                ui.label(RichText::new(cx.t(key)).strong());
            });
        }
    });
    ui.add_space(spacing::SECTION);
    ui.horizontal_wrapped(|ui| {
        for screen in [Screen::Teams, Screen::Round, Screen::Leaderboard, Screen::Practice] {
            let label = format!("{}  {}", screen.icon(), cx.t(screen.title_key()));
            let tile = egui::Button::new(RichText::new(label).heading()).min_size(egui::vec2(320.0, 120.0));
            if ui.add(tile).clicked() {
                cx.act(UiAction::Go(screen));
            }
        }
    });
}
