//! Scenario library: for now the DISC quick reference the scenarios are chosen by.

use bevy_egui::egui::{RichText, Ui};

use crate::theme::{icons, spacing, widgets};
use crate::ui::UiCx;

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    widgets::screen_title(ui, &p, icons::LIBRARY, &cx.t("screen-library"), Some(&cx.t("library-subtitle")));
    let letters = ["d", "i", "s", "c"];
    widgets::columns(ui, 2, |column, ui| {
        for letter in letters.iter().skip(column).step_by(2) {
            widgets::card(ui, &p, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(cx.t(&format!("disc-{letter}-name"))).heading().color(p.accent));
                ui.label(cx.t(&format!("disc-{letter}-traits")));
                ui.label(
                    RichText::new(format!("{} {}", cx.t("library-wins"), cx.t(&format!("disc-{letter}-win"))))
                        .strong()
                        .color(p.calm),
                );
            });
            ui.add_space(spacing::GAP);
        }
    });
}
