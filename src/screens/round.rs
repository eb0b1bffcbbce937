//! Role-play round, audience view: the clock, the customer's mood and the 7A checklist.

use bevy_egui::egui::{self, RichText, Ui};

use crate::theme::{icons, widgets};
use crate::ui::UiCx;

/// The 7A steps in the model's order, with the phase each belongs to.
const SEVEN_A: [(&str, &str); 7] = [
    ("step-7a-accept", "phase-emotion"),
    ("step-7a-apologize", "phase-emotion"),
    ("step-7a-acknowledge", "phase-emotion"),
    ("step-7a-analyze", "phase-problem"),
    ("step-7a-alternatives", "phase-problem"),
    ("step-7a-agreement", "phase-result"),
    ("step-7a-assurance", "phase-result"),
];

/// The demo round has shown the first three steps.
const DEMO_STEPS_SHOWN: usize = 3;
const DEMO_MOOD: f32 = 62.0;

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    widgets::screen_title(ui, &p, icons::ROUND, &cx.t("screen-round"), Some(&cx.t("round-subtitle")));
    widgets::columns(ui, 2, |column, ui| {
        if column == 0 {
            ui.label(RichText::new(cx.t("round-time-left")).color(p.text_muted));
            widgets::countdown(ui, &p, 300.0);
            ui.label(RichText::new(cx.t("round-mood")).color(p.text_muted));
            widgets::mood_gauge(ui, &p, egui::Id::new("round-mood"), DEMO_MOOD, 400.0);
        } else {
            ui.label(RichText::new(cx.t("round-checklist")).heading());
            for (i, (step, phase)) in SEVEN_A.into_iter().enumerate() {
                let done = i < DEMO_STEPS_SHOWN;
                let mark = if done { icons::CHECK } else { "○" };
                let color = if done { p.success } else { p.text_muted };
                ui.horizontal(|ui| {
                    ui.label(RichText::new(mark).color(color).heading());
                    ui.label(RichText::new(cx.t(step)).heading().color(if done { p.text } else { p.text_muted }));
                    ui.label(RichText::new(cx.t(phase)).color(p.text_muted));
                });
            }
        }
    });
}
