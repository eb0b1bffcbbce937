//! The 5-3-1 debrief: five takeaways, three tools, one action plan.

use bevy_egui::egui::{RichText, Ui};

use crate::theme::{icons, spacing, widgets};
use crate::ui::UiCx;

/// (locale key of the section, number of slots): the course's 5-3-1.
const SECTIONS: [(&str, usize); 3] = [("debrief-takeaways", 5), ("debrief-tools", 3), ("debrief-action", 1)];

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    widgets::screen_title(ui, &p, icons::DEBRIEF, &cx.t("screen-debrief"), Some(&cx.t("debrief-subtitle")));
    widgets::columns(ui, SECTIONS.len(), |column, ui| {
        let (key, slots) = SECTIONS[column];
        widgets::card(ui, &p, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(slots.to_string()).text_style(crate::theme::title_style()).color(p.accent));
            ui.label(RichText::new(cx.t(key)).heading());
            ui.add_space(spacing::GAP);
            for n in 1..=slots {
                ui.label(RichText::new(format!("{n}. {}", cx.t("debrief-empty"))).color(p.text_muted));
            }
        });
    });
}
