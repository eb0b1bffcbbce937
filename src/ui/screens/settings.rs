//! Settings: language, theme, motion, sound, fullscreen and quit.

use bevy_egui::egui::{self, RichText, Ui};

use crate::core::lang::Lang;
use crate::core::session::SessionEdit;
use crate::features::actions::UiAction;
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

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    widgets::screen_title(ui, &p, icons::SETTINGS, &cx.t("screen-settings"), Some(&cx.t("settings-subtitle")));
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
        ui.horizontal(|ui| {
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
}
