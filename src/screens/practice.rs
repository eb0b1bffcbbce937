//! Self-study practice: how a learner trains alone against a simulated customer.

use bevy_egui::egui::{self, RichText, Ui};

use crate::theme::{icons, spacing, widgets};
use crate::ui::UiCx;

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    widgets::screen_title(ui, &p, icons::PRACTICE, &cx.t("screen-practice"), Some(&cx.t("practice-subtitle")));
    widgets::card(ui, &p, |ui| {
        ui.set_width(ui.available_width());
        ui.label(cx.t("practice-how"));
    });
    ui.add_space(spacing::SECTION);
    ui.label(RichText::new(cx.t("practice-choose-disc")).heading());
    ui.horizontal_wrapped(|ui| {
        for letter in ["d", "i", "s", "c"] {
            let label = RichText::new(cx.t(&format!("disc-{letter}-name"))).heading();
            ui.add(egui::Button::new(label).min_size(egui::vec2(280.0, 96.0)));
        }
    });
}
