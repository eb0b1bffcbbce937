//! Leaderboard: a podium for the top three, then every team's bar, with confetti when
//! the board is first shown.

use bevy_egui::egui::{self, Align, Layout, RichText, Ui};

use crate::core::session::SessionEdit;
use crate::features::actions::UiAction;
use crate::ui::context::UiCx;
use crate::ui::theme::{effects, icons, palette::team_color, spacing, text_size, widgets};

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    // The day's best judge shares the subtitle's line: the board keeps its height.
    let subtitle = match best_judge(cx) {
        Some(judge) => format!("{}  ·  {judge}", cx.t("leaderboard-subtitle")),
        None => cx.t("leaderboard-subtitle"),
    };
    widgets::screen_title(ui, &p, icons::LEADERBOARD, &cx.t("screen-leaderboard"), Some(&subtitle));
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
                    egui::FontId::new(28.0, crate::ui::theme::fonts::bold_family()),
                    crate::ui::theme::palette::readable_on(team_color(team.color)),
                );
            });
        }
    });
    ui.add_space(spacing::SECTION);
    let change = cx.session.change_since_last_round();
    for &team_index in &ranking {
        let team = &cx.session.teams[team_index];
        ui.horizontal(|ui| {
            ui.set_width(ui.available_width());
            ui.allocate_ui(egui::vec2(360.0, 56.0), |ui| {
                widgets::team_badge(ui, &p, team.color, &team.emoji, &team.name, 44.0);
            });
            ui.label(RichText::new(cx.t_args("points", &[("points", totals[team_index].into())])).strong());
            let delta = change[team_index];
            let (arrow, color) = match delta.signum() {
                1 => (format!("▲{delta}"), p.success),
                -1 => (format!("▼{}", -delta), p.danger),
                _ => ("–".to_owned(), p.text_muted),
            };
            ui.label(RichText::new(arrow).color(color).strong()).on_hover_text(cx.t("leaderboard-change"));
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
    ui.add_space(spacing::GAP);
    egui::CollapsingHeader::new(widgets::section_label(cx.t("ledger-title"))).id_salt("ledger").show(ui, |ui| {
        ledger(ui, cx);
    });
    if !cx.session.teams.is_empty() {
        let falling = effects::confetti(ui.painter(), podium_area, cx.screen_age, 531, cx.reduced_motion());
        if falling {
            ui.ctx().request_repaint();
        }
    }
}

/// The observer whose taps came closest to the consensus over the day's rounds.
fn best_judge(cx: &UiCx) -> Option<String> {
    let best = cx.round.judges.first()?;
    let seat = cx.session.room.seat(best.seat)?;
    let team = cx.session.team(seat.team).map_or(String::new(), |t| format!("{} {}", t.emoji, t.name));
    Some(cx.t_args(
        "observers-best-judge",
        &[("name", seat.name.clone().into()), ("team", team.into()), ("points", best.points.into())],
    ))
}

/// The points ledger: a manual bonus or penalty with its reason, and undo for any entry.
fn ledger(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    let form_id = egui::Id::new("ledger-form");
    let (mut team_index, mut points, mut reason) =
        ui.data_mut(|d| d.get_temp::<(usize, i32, String)>(form_id).unwrap_or((0, 2, String::new())));
    team_index = team_index.min(cx.session.teams.len().saturating_sub(1));
    ui.horizontal_wrapped(|ui| {
        let selected = cx.session.teams.get(team_index).map_or(String::new(), |t| format!("{} {}", t.emoji, t.name));
        egui::ComboBox::from_id_salt("ledger-team").selected_text(selected).show_ui(ui, |ui| {
            for (i, team) in cx.session.teams.iter().enumerate() {
                ui.selectable_value(&mut team_index, i, format!("{} {}", team.emoji, team.name));
            }
        });
        ui.add(egui::DragValue::new(&mut points).range(1..=50));
        ui.add(egui::TextEdit::singleline(&mut reason).hint_text(cx.t("ledger-reason")).desired_width(360.0));
        let ready = !reason.trim().is_empty();
        if let Some(team) = cx.session.teams.get(team_index).map(|t| t.id()) {
            for (key, sign) in [("ledger-bonus", 1), ("ledger-penalty", -1)] {
                if ui.add_enabled(ready, egui::Button::new(cx.t(key))).clicked() {
                    let reason = reason.trim().to_owned();
                    cx.act(UiAction::Edit(SessionEdit::Adjust { team, points: sign * points, reason }));
                }
            }
        }
    });
    ui.data_mut(|d| d.insert_temp(form_id, (team_index, points, reason)));
    for (entry_index, entry) in cx.session.ledger.iter().enumerate().rev().take(8) {
        let team = cx.session.team(entry.team).map_or("?".to_owned(), |t| format!("{} {}", t.emoji, t.name));
        let text = format!("{:+}  {team} · {}", entry.points, entry.reason);
        ui.horizontal(|ui| {
            let shown = RichText::new(text).size(text_size::SMALL);
            if entry.is_live() {
                ui.label(shown);
                if ui.small_button(cx.t("ledger-undo")).clicked() {
                    cx.act(UiAction::Edit(SessionEdit::Undo(entry_index)));
                }
            } else {
                ui.label(shown.strikethrough().color(p.text_muted));
                if ui.small_button(cx.t("ledger-restore")).clicked() {
                    cx.act(UiAction::Edit(SessionEdit::Restore(entry_index)));
                }
            }
        });
    }
}
