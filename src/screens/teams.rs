//! Teams: every team's badge, slogan, song, captain and members.

use bevy_egui::egui::{RichText, Ui};

use crate::theme::{icons, spacing, widgets};
use crate::ui::UiCx;

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    widgets::screen_title(ui, &p, icons::TEAMS, &cx.t("screen-teams"), Some(&cx.t("teams-subtitle")));
    if cx.session.teams.is_empty() {
        ui.label(RichText::new(cx.t("teams-empty")).color(p.text_muted));
        return;
    }
    let column_width = (ui.available_width() - spacing::GAP * 2.0) / 3.0;
    bevy_egui::egui::Grid::new("team-cards").num_columns(3).spacing([spacing::GAP, spacing::GAP]).show(ui, |ui| {
        for (i, team) in cx.session.teams.iter().enumerate() {
            widgets::card(ui, &p, |ui| {
                ui.set_width(column_width - 52.0);
                widgets::team_badge(ui, &p, team.color, &team.emoji, &team.name, 64.0);
                ui.label(RichText::new(cx.lang.quote(&team.slogan)).color(p.accent));
                ui.label(RichText::new(cx.t_args("teams-captain", &[("name", team.captain.clone().into())])).small());
                ui.label(RichText::new(cx.t_args("teams-song", &[("song", team.song.clone().into())])).small());
                ui.label(
                    RichText::new(
                        cx.t_args("teams-members", &[("names", team.members.join(cx.lang.list_separator()).into())]),
                    )
                    .small()
                    .color(p.text_muted),
                );
            });
            if i % 3 == 2 {
                ui.end_row();
            }
        }
    });
}
