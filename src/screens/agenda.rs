//! Agenda: the camp day as steps the trainer walks through; each opens its screen.

use bevy_egui::egui::{Align, Layout, RichText, Ui};

use super::Screen;
use crate::navigation::UiAction;
use crate::theme::{icons, widgets};
use crate::ui::UiCx;

/// The default day from the course (seed 000): (locale key, minutes, screen it opens).
const STEPS: [(&str, u32, Screen); 5] = [
    ("agenda-agreement", 5, Screen::Agenda),
    ("agenda-team-building", 20, Screen::Teams),
    ("agenda-sharing", 10, Screen::Practice),
    ("agenda-roleplay", 90, Screen::Round),
    ("agenda-debrief", 30, Screen::Debrief),
];

/// Step titles sit between body and heading size so the whole day fits on one screen.
const STEP_TITLE_SIZE: f32 = 32.0;

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    widgets::screen_title(ui, &p, icons::AGENDA, &cx.t("screen-agenda"), Some(&cx.t("agenda-subtitle")));
    for (number, (key, minutes, screen)) in STEPS.into_iter().enumerate() {
        widgets::card(ui, &p, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("{}", number + 1)).size(STEP_TITLE_SIZE).strong().color(p.accent));
                ui.label(RichText::new(cx.t(key)).size(STEP_TITLE_SIZE).strong());
                let minutes = cx.t_args("agenda-minutes", &[("minutes", minutes.into())]);
                ui.label(RichText::new(format!("{} {minutes}", icons::TIMER)).color(p.text_muted));
                if screen != Screen::Agenda {
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        if widgets::button(ui, &format!("{} {}", cx.t("agenda-open"), icons::NEXT)).clicked() {
                            cx.act(UiAction::Go(screen));
                        }
                    });
                }
            });
            ui.label(RichText::new(cx.t(&format!("{key}-detail"))).small().color(p.text_muted));
        });
    }
}
