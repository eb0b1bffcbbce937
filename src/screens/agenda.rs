//! Agenda: the camp day as steps the trainer walks through; each opens its screen.

use bevy_egui::egui::{RichText, Ui};

use super::Screen;
use crate::navigation::UiAction;
use crate::theme::{icons, spacing, widgets};
use crate::ui::UiCx;

/// The default day from the course (seed 000): (locale key, minutes, screen it opens).
const STEPS: [(&str, u32, Screen); 5] = [
    ("agenda-agreement", 5, Screen::Agenda),
    ("agenda-team-building", 20, Screen::Teams),
    ("agenda-sharing", 10, Screen::Practice),
    ("agenda-roleplay", 90, Screen::Round),
    ("agenda-debrief", 30, Screen::Debrief),
];

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    widgets::screen_title(ui, &p, icons::AGENDA, &cx.t("screen-agenda"), Some(&cx.t("agenda-subtitle")));
    for (number, (key, minutes, screen)) in STEPS.into_iter().enumerate() {
        widgets::card(ui, &p, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("{}", number + 1)).heading().color(p.accent));
                ui.vertical(|ui| {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(cx.t(key)).heading());
                        ui.label(
                            RichText::new(format!(
                                "{} {}",
                                icons::TIMER,
                                cx.t_args("agenda-minutes", &[("minutes", minutes.into())])
                            ))
                            .color(p.text_muted),
                        );
                    });
                    ui.label(RichText::new(cx.t(&format!("{key}-detail"))).color(p.text_muted));
                });
                if screen != Screen::Agenda {
                    ui.with_layout(bevy_egui::egui::Layout::right_to_left(bevy_egui::egui::Align::Center), |ui| {
                        if widgets::button(ui, &format!("{} {}", cx.t("agenda-open"), icons::NEXT)).clicked() {
                            cx.act(UiAction::Go(screen));
                        }
                    });
                }
            });
        });
        ui.add_space(spacing::GAP * 0.5);
    }
}
