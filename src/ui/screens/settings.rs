//! Settings: language, theme, motion, sound, timers, round points, the company's LRS,
//! fullscreen and quit.

use bevy_egui::egui::{self, RichText, Ui};

use crate::core::lang::Lang;
use crate::core::lrs::settings::LrsSettings;
use crate::core::session::SessionEdit;
use crate::features::actions::{LrsAction, UiAction};
use crate::ui::context::UiCx;
use crate::ui::theme::{ThemeKind, icons, spacing, widgets};

/// The camp's timer lengths, kept in the session: minutes for team design, seconds for each
/// presentation and for the vote.
fn durations(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    let d = &cx.session.durations;
    let (mut design, mut presentation, mut voting) =
        (d.team_design_secs / 60, d.presentation_secs_per_team, d.voting_secs);
    let mut changed = false;
    widgets::card(ui, &p, |ui| {
        ui.set_width(ui.available_width());
        ui.label(widgets::section_label(cx.t("settings-durations")));
        ui.horizontal_wrapped(|ui| {
            ui.label(cx.t("settings-design-minutes"));
            changed |= ui.add(egui::DragValue::new(&mut design).range(1..=60)).changed();
            ui.label(cx.t("settings-presentation-seconds"));
            changed |= ui.add(egui::DragValue::new(&mut presentation).range(10..=600).speed(5)).changed();
            ui.label(cx.t("settings-voting-seconds"));
            changed |= ui.add(egui::DragValue::new(&mut voting).range(10..=600).speed(5)).changed();
        });
    });
    if changed {
        cx.act(UiAction::Edit(SessionEdit::SetDurations { design: design * 60, presentation, voting }));
    }
}

/// How a role-play round turns into leaderboard points, kept in the session.
fn round_rules(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    let mut rules = cx.session.round_rules.clone();
    let mut changed = false;
    widgets::card(ui, &p, |ui| {
        ui.set_width(ui.available_width());
        ui.label(widgets::section_label(cx.t("settings-round-points")));
        ui.horizontal_wrapped(|ui| {
            ui.label(cx.t("settings-points-for-full-score"));
            changed |= ui.add(egui::DragValue::new(&mut rules.points_for_full_score).range(0..=100)).changed();
            ui.label(cx.t("settings-points-per-star"));
            let star = egui::DragValue::new(&mut rules.points_per_peer_star).range(0.0..=20.0).speed(0.5);
            changed |= ui.add(star).changed();
            ui.label(cx.t("settings-observer-grace"));
            let grace = egui::DragValue::new(&mut rules.observer_grace_secs)
                .range(0..=crate::core::session::edit::MAX_OBSERVER_GRACE_SECS)
                .suffix(" s");
            changed |= ui.add(grace).changed();
        });
    });
    if changed {
        cx.act(UiAction::Edit(SessionEdit::SetRoundRules(rules)));
    }
}

/// The LRS connection being edited: the saved one until the trainer types, and again whenever
/// the saved one changes (saved here, or elsewhere).
fn lrs_draft(ui: &Ui, saved: &LrsSettings) -> LrsSettings {
    let kept: Option<(LrsSettings, LrsSettings)> = ui.data(|d| d.get_temp(egui::Id::new("lrs-draft")));
    match kept {
        Some((from, draft)) if from == *saved => draft,
        _ => saved.clone(),
    }
}

/// Where the day's statements go, and how sending goes: counts, the last error, and what the
/// trainer can do about it. The password is typed into a masked field and never shown.
fn lrs(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    let mut draft = lrs_draft(ui, cx.lrs.settings);
    let before = draft.clone();
    widgets::card(ui, &p, |ui| {
        ui.set_width(ui.available_width());
        ui.label(widgets::section_label(cx.t("lrs-title")));
        ui.label(RichText::new(cx.t("lrs-explain")).small().color(p.text_muted));
        ui.checkbox(&mut draft.enabled, cx.t("lrs-enabled"));
        egui::Grid::new("lrs-fields").num_columns(2).spacing([16.0, 8.0]).show(ui, |ui| {
            let field = |ui: &mut Ui, label: String, text: &mut String, secret: bool| {
                ui.label(label);
                ui.add(egui::TextEdit::singleline(text).password(secret).desired_width(420.0));
                ui.end_row();
            };
            field(ui, cx.t("lrs-endpoint"), &mut draft.endpoint, false);
            field(ui, cx.t("lrs-user"), &mut draft.user, false);
            field(ui, cx.t("lrs-password"), &mut draft.password, true);
            field(ui, cx.t("lrs-home-page"), &mut draft.home_page, false);
        });
        let unsaved = draft != *cx.lrs.settings;
        if ui.add_enabled(unsaved, egui::Button::new(cx.t("lrs-save"))).clicked() {
            cx.act(UiAction::Lrs(LrsAction::Save(draft.clone())));
        }
        lrs_status(ui, cx);
    });
    if draft != before {
        let saved = cx.lrs.settings.clone();
        ui.data_mut(|d| d.insert_temp(egui::Id::new("lrs-draft"), (saved, draft)));
    }
}

fn lrs_status(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    let status = cx.lrs.status;
    if !cx.lrs.settings.is_complete() {
        ui.label(RichText::new(cx.t("lrs-not-configured")).color(p.text_muted));
        return;
    }
    if let Some((line, color)) = crate::ui::chrome::lrs_line(cx) {
        ui.label(RichText::new(line).strong().color(color));
    }
    if !status.sending {
        ui.label(cx.t_args("lrs-off", &[("waiting", status.waiting.into())]));
    }
    if let Some(error) = &status.last_error {
        ui.label(RichText::new(cx.t_args("lrs-last-error", &[("error", error.clone().into())])).small());
    }
    if let Some(problem) = &status.outbox_problem {
        ui.label(
            RichText::new(cx.t_args("lrs-outbox-problem", &[("problem", problem.clone().into())]))
                .small()
                .color(p.danger),
        );
    }
    if status.set_aside > 0 {
        ui.label(cx.t_args("lrs-set-aside-count", &[("count", status.set_aside.into())]));
    }
    ui.horizontal(|ui| {
        if status.sending
            && (status.waiting > 0 || status.stopped.is_some())
            && widgets::button(ui, &cx.t("lrs-retry")).clicked()
        {
            cx.act(UiAction::Lrs(LrsAction::RetryNow));
        }
        if matches!(status.stopped, Some(crate::core::lrs::delivery::Stop::Refused { .. }))
            && widgets::button(ui, &cx.t("lrs-set-aside")).clicked()
        {
            cx.act(UiAction::Lrs(LrsAction::SetAside));
        }
        if status.set_aside > 0 {
            let again = cx.t_args("lrs-retry-set-aside", &[("count", status.set_aside.into())]);
            if widgets::button(ui, &again).clicked() {
                cx.act(UiAction::Lrs(LrsAction::RetrySetAside));
            }
        }
    });
}

/// Language, theme, motion and sound: kept on this computer.
fn preferences(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    widgets::card(ui, &p, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(cx.t("settings-language")).heading());
        ui.horizontal(|ui| {
            for lang in Lang::ALL {
                let name = cx.locales.get(lang, "language-name");
                if ui.selectable_label(cx.lang == lang, RichText::new(name).size(28.0)).clicked() {
                    cx.act(UiAction::SetLang(lang));
                }
            }
        });
        ui.add_space(spacing::GAP);
        ui.label(RichText::new(cx.t("settings-theme")).heading());
        // Wraps: the column is half the screen, and English names the rooms in full.
        ui.horizontal_wrapped(|ui| {
            for (theme, key) in [(ThemeKind::Light, "settings-theme-light"), (ThemeKind::Dark, "settings-theme-dark")] {
                if ui.selectable_label(cx.settings.theme == theme, cx.t(key)).clicked() {
                    cx.act(UiAction::SetTheme(theme));
                }
            }
        });
        ui.add_space(spacing::GAP);
        let mut reduced = cx.settings.reduced_motion;
        if ui.checkbox(&mut reduced, cx.t("settings-motion")).changed() {
            cx.act(UiAction::SetReducedMotion(reduced));
        }
        let mut sound = cx.settings.sound;
        if ui.checkbox(&mut sound, cx.t("settings-sound")).changed() {
            cx.act(UiAction::SetSound(sound));
        }
    });
}

/// The room's preferences and the session's rules on the left, the LRS on the right, so a
/// 1080p screen shows all of it.
pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    widgets::screen_title(ui, &p, icons::SETTINGS, &cx.t("screen-settings"), Some(&cx.t("settings-subtitle")));
    widgets::columns(ui, 2, |column, ui| {
        if column == 1 {
            lrs(ui, cx);
            return;
        }
        preferences(ui, cx);
        ui.add_space(spacing::GAP);
        durations(ui, cx);
        ui.add_space(spacing::GAP);
        round_rules(ui, cx);
        ui.add_space(spacing::GAP);
        ui.horizontal(|ui| {
            if widgets::button(ui, &cx.t("settings-fullscreen")).clicked() {
                cx.act(UiAction::ToggleFullscreen);
            }
            if widgets::button(ui, &cx.t("settings-quit")).clicked() {
                cx.act(UiAction::RequestQuit);
            }
        });
        ui.add_space(spacing::SECTION);
        ui.label(RichText::new(cx.t("settings-about")).small().color(p.text_muted));
    });
}
