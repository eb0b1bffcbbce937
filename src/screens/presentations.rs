//! Presentations and vote: one minute per team on the room clock, the next team in line.

use bevy_egui::egui::{RichText, Ui};

use crate::navigation::UiAction;
use crate::room_clock::ClockAction;
use crate::theme::{icons, spacing, widgets};
use crate::ui::UiCx;

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    widgets::screen_title(ui, &p, icons::PRESENT, &cx.t("screen-presentations"), Some(&cx.t("present-subtitle")));
    let Some(presenting) = cx.session.teams.first() else {
        ui.label(RichText::new(cx.t("teams-empty")).color(p.text_muted));
        return;
    };
    widgets::columns(ui, 2, |column, ui| {
        if column == 0 {
            ui.label(RichText::new(cx.t("present-now")).color(p.text_muted));
            widgets::team_badge(ui, &p, presenting.color, &presenting.emoji, &presenting.name, 96.0);
            ui.label(RichText::new(cx.lang.quote(&presenting.slogan)).heading().color(p.accent));
            ui.add_space(spacing::GAP);
            widgets::countdown(ui, &p, cx.clock.remaining(cx.now) as f32);
            ui.horizontal(|ui| {
                let toggle = if cx.clock.is_running() { cx.t("present-pause") } else { cx.t("present-start") };
                if widgets::primary_button(ui, &p, &toggle).clicked() {
                    cx.act(UiAction::Clock(ClockAction::Toggle));
                }
                if widgets::button(ui, &cx.t("present-reset")).clicked() {
                    cx.act(UiAction::Clock(ClockAction::Reset));
                }
                if widgets::button(ui, &cx.t("present-add-minute")).clicked() {
                    cx.act(UiAction::Clock(ClockAction::AddMinute));
                }
            });
        } else {
            ui.label(RichText::new(cx.t("present-up-next")).color(p.text_muted));
            for team in cx.session.teams.iter().skip(1) {
                widgets::team_badge(ui, &p, team.color, &team.emoji, &team.name, 56.0);
            }
        }
    });
}
