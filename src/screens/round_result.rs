//! Round result: the total and each model's score as bars the room sees grow.

use bevy_egui::egui::{self, RichText, Ui};

use crate::theme::{icons, spacing, title_style, widgets};
use crate::ui::UiCx;

/// The demo round's scores out of 100: (locale key, score).
const DEMO_SCORES: [(&str, f32); 4] =
    [("result-model-7a", 78.0), ("result-model-six", 71.0), ("result-model-disc", 85.0), ("result-penalties", 10.0)];
const DEMO_TOTAL: u32 = 76;

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    widgets::screen_title(ui, &p, icons::RESULT, &cx.t("screen-round-result"), Some(&cx.t("result-subtitle")));
    ui.horizontal(|ui| {
        ui.label(RichText::new(cx.t("result-total")).heading());
        ui.label(RichText::new(DEMO_TOTAL.to_string()).text_style(title_style()).color(p.accent));
    });
    ui.add_space(spacing::GAP);
    for (key, score) in DEMO_SCORES {
        ui.horizontal(|ui| {
            ui.label(RichText::new(cx.t(key)));
            ui.label(RichText::new(format!("{score:.0}")).strong().color(p.accent));
        });
        let color = if key == "result-penalties" { p.danger } else { p.calm };
        widgets::animated_bar(ui, &p, egui::Id::new(("result-bar", key)), score / 100.0, color, 28.0);
        ui.add_space(spacing::GAP * 0.5);
    }
}
