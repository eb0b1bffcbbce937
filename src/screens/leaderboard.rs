//! Leaderboard: a podium for the top three, then every team's bar, with confetti when
//! the board is first shown.

use bevy_egui::egui::{self, Align, Layout, RichText, Ui};

use crate::theme::{effects, icons, palette::team_color, spacing, widgets};
use crate::ui::UiCx;

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    widgets::screen_title(ui, &p, icons::LEADERBOARD, &cx.t("screen-leaderboard"), Some(&cx.t("leaderboard-subtitle")));
    let totals = cx.session.totals();
    let ranking = cx.session.ranking();
    let top = totals.iter().copied().max().unwrap_or(0).max(1) as f32;

    // Podium: second, first, third, with the winner's block tallest.
    let podium_area = ui.available_rect_before_wrap();
    let podium = [(1usize, 120.0), (0, 170.0), (2, 90.0)];
    widgets::columns(ui, podium.len(), |column, ui| {
        let (place, height) = podium[column];
        if let Some(&team_index) = ranking.get(place) {
            let team = &cx.session.teams[team_index];
            ui.with_layout(Layout::top_down(Align::Center), |ui| {
                ui.add_space(170.0 - height);
                widgets::team_badge(ui, &p, team.color, &team.emoji, &team.name, 72.0);
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(ui.available_width() * 0.8, height), egui::Sense::hover());
                ui.painter().rect_filled(rect, 12.0, team_color(team.color));
                ui.painter().text(
                    rect.center(),
                    egui::Align2::CENTER_CENTER,
                    format!(
                        "{}\n{}",
                        cx.t_args("leaderboard-rank", &[("rank", (place + 1).into())]),
                        cx.t_args("points", &[("points", totals[team_index].into())])
                    ),
                    egui::FontId::new(28.0, crate::theme::fonts::bold_family()),
                    crate::theme::palette::readable_on(team_color(team.color)),
                );
            });
        }
    });
    ui.add_space(spacing::SECTION);
    for &team_index in &ranking {
        let team = &cx.session.teams[team_index];
        ui.horizontal(|ui| {
            ui.set_width(ui.available_width());
            ui.allocate_ui(egui::vec2(360.0, 56.0), |ui| {
                widgets::team_badge(ui, &p, team.color, &team.emoji, &team.name, 44.0);
            });
            ui.label(RichText::new(cx.t_args("points", &[("points", totals[team_index].into())])).strong());
            let fraction = totals[team_index].max(0) as f32 / top;
            widgets::animated_bar(
                ui,
                &p,
                egui::Id::new(("board-bar", team_index)),
                fraction,
                team_color(team.color),
                30.0,
            );
        });
    }
    if !cx.session.teams.is_empty() {
        let falling = effects::confetti(ui.painter(), podium_area, cx.screen_age, 531, cx.reduced_motion());
        if falling {
            ui.ctx().request_repaint();
        }
    }
}
