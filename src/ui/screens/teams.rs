//! Teams: every team's badge, name, slogan, song, captain and members, edited in place
//! (Tab moves between fields); add, reorder and remove teams.

use bevy_egui::egui::{self, RichText, Ui};

use crate::features::camp::Pick;

use crate::core::session::SessionEdit;
use crate::core::session::TeamField;
use crate::core::session::{MAX_TEAMS, Team};
use crate::features::actions::ClockAction;
use crate::features::actions::UiAction;
use crate::ui::context::UiCx;
use crate::ui::theme::{icons, spacing, text_size, widgets};

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    widgets::screen_title(ui, &p, icons::TEAMS, &cx.t("screen-teams"), Some(&cx.t("teams-subtitle")));
    ui.horizontal(|ui| {
        ui.label(cx.t_args("teams-count", &[("count", cx.session.teams.len().into())]));
        let can_add = cx.session.teams.len() < MAX_TEAMS;
        if ui
            .add_enabled(can_add, egui::Button::new(RichText::new(cx.t("teams-add")).size(text_size::BUTTON)))
            .clicked()
        {
            cx.act(UiAction::Edit(SessionEdit::AddTeam));
        }
    });
    ui.horizontal(|ui| {
        let design = cx.session.durations.team_design_secs;
        let label = cx.t_args("teams-design", &[("minutes", (design / 60).into())]);
        if widgets::primary_button(ui, &p, &label).clicked() {
            cx.act(UiAction::Clock(ClockAction::Set { secs: f64::from(design) }));
            cx.act(UiAction::Clock(ClockAction::Toggle));
        }
        for (key, action) in
            [("teams-pick-team", SessionEdit::PickTeam), ("teams-pick-member", SessionEdit::PickMember)]
        {
            if widgets::button(ui, &cx.t(key)).clicked() {
                cx.act(UiAction::Edit(action));
            }
        }
    });
    if cx.clock.is_running() {
        widgets::countdown(ui, &p, cx.clock.remaining(cx.now) as f32);
    }
    if let Some(pick) = cx.camp.pick {
        reveal(ui, cx, pick);
    }
    ui.add_space(spacing::GAP * 0.5);
    if cx.session.teams.is_empty() {
        ui.label(RichText::new(cx.t("teams-empty")).color(p.text_muted));
        return;
    }
    let teams = &cx.session.teams;
    widgets::columns(ui, 3, |column, ui| {
        for (index, team) in teams.iter().enumerate().skip(column).step_by(3) {
            widgets::card(ui, &p, |ui| {
                ui.set_width(ui.available_width());
                team_card(ui, cx, index, team);
            });
            ui.add_space(spacing::GAP * 0.5);
        }
    });
}

/// How long the draw spins through the candidates before it lands.
const REVEAL_SECS: f64 = 1.5;

/// The draw's result, after a short slot-machine spin through the candidates.
fn reveal(ui: &mut Ui, cx: &UiCx, pick: &Pick) {
    let p = cx.palette;
    let elapsed = cx.now - pick.at;
    let spinning = !cx.reduced_motion() && elapsed < REVEAL_SECS && !pick.candidates.is_empty();
    let shown = if spinning {
        // Slows down as it lands, like a wheel.
        let ticks = (elapsed * 14.0 - elapsed * elapsed * 3.0).max(0.0) as usize;
        ui.ctx().request_repaint();
        &pick.candidates[ticks % pick.candidates.len()]
    } else {
        &pick.label
    };
    let color = if spinning { p.text_muted } else { p.accent };
    ui.label(RichText::new(format!("🎲 {shown}")).text_style(crate::ui::theme::title_style()).color(color));
}

fn team_card(ui: &mut Ui, cx: &mut UiCx, index: usize, team: &Team) {
    let p = cx.palette;
    let id = team.id();
    ui.horizontal(|ui| {
        widgets::team_badge(ui, &p, team.color, &team.emoji, "", 48.0);
        logo_picker(ui, cx, team);
    });
    // Every field keeps its label once filled, and Tab walks them top to bottom.
    egui::Grid::new(("team-fields", id)).num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
        for (field, text, label) in [
            (TeamField::Name, &team.name, "teams-name"),
            (TeamField::Slogan, &team.slogan, "teams-slogan"),
            (TeamField::Song, &team.song, "teams-song-hint"),
            (TeamField::Captain, &team.captain, "teams-captain-hint"),
        ] {
            ui.label(RichText::new(cx.t(label)).small().color(p.text_muted));
            edit(ui, cx, team, field, text, label, f32::INFINITY);
            ui.end_row();
        }
        ui.label(RichText::new(cx.t("teams-members")).small().color(p.text_muted));
        members(ui, cx, team);
        ui.end_row();
    });
    ui.horizontal(|ui| {
        let last = cx.session.teams.len() - 1;
        if ui.add_enabled(index > 0, egui::Button::new("↑")).on_hover_text(cx.t("teams-move-up")).clicked() {
            cx.act(UiAction::Edit(SessionEdit::MoveTeam(id, -1)));
        }
        if ui.add_enabled(index < last, egui::Button::new("↓")).on_hover_text(cx.t("teams-move-down")).clicked() {
            cx.act(UiAction::Edit(SessionEdit::MoveTeam(id, 1)));
        }
        if ui.button(RichText::new(cx.t("teams-remove")).color(p.danger)).clicked() {
            cx.act(UiAction::Edit(SessionEdit::RemoveTeam(id)));
        }
    });
}

/// The logo: a button with the team's emoji that opens the emoji the bundled fonts draw (a text
/// box here took any text, a whole slogan once, drawn over the card).
fn logo_picker(ui: &mut Ui, cx: &mut UiCx, team: &Team) {
    let button =
        RichText::new(format!("{} {} {}", team.emoji, cx.t("teams-logo"), icons::DROPDOWN)).size(text_size::BUTTON);
    ui.menu_button(button, |ui| {
        ui.set_max_width(360.0);
        ui.horizontal_wrapped(|ui| {
            for logo in icons::TEAM_LOGOS {
                let chosen = team.emoji == logo;
                if ui.selectable_label(chosen, RichText::new(logo).size(28.0)).clicked() {
                    cx.act(UiAction::Edit(SessionEdit::EditTeam(team.id(), TeamField::Emoji, logo.to_owned())));
                    ui.close();
                }
            }
        });
    });
}

/// The members as one line, parsed into names only when the trainer leaves the field (or presses
/// Enter): parsing each keystroke ate the separator just typed, so "刘洋、赵丽" became "刘洋赵丽".
fn members(ui: &mut Ui, cx: &mut UiCx, team: &Team) {
    let draft_id = egui::Id::new((team.id(), "members-draft"));
    let saved = team.members.join(cx.lang.list_separator());
    let mut text: String = ui.data(|d| d.get_temp(draft_id)).unwrap_or_else(|| saved.clone());
    let response = ui.add(
        egui::TextEdit::singleline(&mut text)
            .id_salt((team.id(), "Members"))
            .hint_text(cx.t("teams-members-hint"))
            .font(egui::TextStyle::Small)
            .desired_width(ui.available_width()),
    );
    if response.lost_focus() {
        ui.data_mut(|d| d.remove_temp::<String>(draft_id));
        if text != saved {
            cx.act(UiAction::Edit(SessionEdit::EditTeam(team.id(), TeamField::Members, text)));
        }
    } else if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(draft_id, text));
    }
}

/// A text field bound to one field of a team: every change is saved at once.
fn edit(ui: &mut Ui, cx: &mut UiCx, team: &Team, field: TeamField, current: &str, hint: &str, width: f32) {
    let mut text = current.to_owned();
    let width = width.min(ui.available_width());
    let response = ui.add(
        egui::TextEdit::singleline(&mut text)
            .id_salt((team.id(), format!("{field:?}")))
            .hint_text(cx.t(hint))
            .font(egui::TextStyle::Small)
            .desired_width(width),
    );
    if response.changed() {
        cx.act(UiAction::Edit(SessionEdit::EditTeam(team.id(), field, text)));
    }
}
