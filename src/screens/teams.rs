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
    let teams = &cx.session.teams;
    widgets::columns(ui, 3, |column, ui| {
        for team in teams.iter().skip(column).step_by(3) {
            widgets::card(ui, &p, |ui| {
                ui.set_width(ui.available_width());
                widgets::team_badge(ui, &p, team.color, &team.emoji, &team.name, 56.0);
                ui.label(RichText::new(cx.lang.quote(&team.slogan)).color(p.accent));
                let captain = cx.t_args("teams-captain", &[("name", team.captain.clone().into())]);
                let song = cx.t_args("teams-song", &[("song", team.song.clone().into())]);
                ui.label(RichText::new(format!("{captain} · {song}")).small());
                ui.label(
                    RichText::new(
                        cx.t_args("teams-members", &[("names", team.members.join(cx.lang.list_separator()).into())]),
                    )
                    .small()
                    .color(p.text_muted),
                );
            });
            ui.add_space(spacing::GAP);
        }
    });
}
