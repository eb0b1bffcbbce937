//! Home: what this app is for, the current session, and the way into the day.

use bevy_egui::egui::{self, RichText, Ui};

use super::Screen;
use crate::core::session::SessionEdit;
use crate::features::actions::CampAction;
use crate::features::actions::UiAction;
use crate::ui::context::UiCx;
use crate::ui::screens::ScreenView;
use crate::ui::theme::{spacing, title_style, widgets};

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    ui.add_space(spacing::SECTION);
    ui.label(RichText::new(cx.t("home-welcome")).text_style(title_style()).color(p.text));
    ui.label(RichText::new(cx.t("home-tagline")).heading().color(p.accent));
    ui.add_space(spacing::SECTION);
    ui.horizontal(|ui| {
        ui.label(RichText::new(cx.t("home-session")).color(p.text_muted));
        let mut name = cx.session.name.clone();
        let rename = egui::TextEdit::singleline(&mut name).hint_text(cx.t("home-session-name")).desired_width(640.0);
        if ui.add(rename).changed() {
            cx.act(UiAction::Edit(SessionEdit::Rename(name)));
        }
    });
    if !cx.session.has_data() {
        ui.label(RichText::new(cx.t("home-no-session")).color(p.text_muted));
    }
    if cx.session.has_data() {
        ui.label(cx.t_args("teams-count", &[("count", cx.session.teams.len().into())]));
    }
    ui.add_space(spacing::GAP);
    if cx.camp.backup_offered {
        ui.label(RichText::new(cx.t("home-backup-offer")).color(p.warning));
        if widgets::primary_button(ui, &p, &cx.t("home-restore-backup")).clicked() {
            cx.act(UiAction::Camp(CampAction::RestoreBackup));
        }
    }
    ui.horizontal(|ui| {
        if widgets::primary_button(ui, &p, &cx.t("home-start")).clicked() {
            cx.act(UiAction::Go(Screen::Agenda));
        }
        if !cx.session.has_data()
            && let Some(last) = cx.camp.recent.first()
            && widgets::button(ui, &cx.t("home-resume-last")).on_hover_text(last.display().to_string()).clicked()
        {
            cx.act(UiAction::Camp(CampAction::Open(last.clone())));
        }
    });
    if !cx.camp.recent.is_empty() {
        ui.label(RichText::new(cx.t("home-recent")).color(p.text_muted));
        ui.horizontal_wrapped(|ui| {
            for path in cx.camp.recent.iter().take(5) {
                let name =
                    path.file_stem().map_or_else(|| path.display().to_string(), |s| s.to_string_lossy().into_owned());
                if ui.button(RichText::new(name).small()).on_hover_text(path.display().to_string()).clicked() {
                    cx.act(UiAction::Camp(CampAction::Open(path.clone())));
                }
            }
        });
    }
    ui.add_space(spacing::SECTION);
    ui.label(RichText::new(cx.t("home-models")).heading());
    ui.horizontal_wrapped(|ui| {
        for key in ["home-model-7a", "home-model-six", "home-model-eoac", "home-model-disc"] {
            widgets::card(ui, &p, |ui| {
                ui.set_min_width(300.0);
                ui.label(RichText::new(cx.t(key)).strong());
            });
        }
    });
    ui.add_space(spacing::SECTION);
    ui.horizontal_wrapped(|ui| {
        for screen in [Screen::Teams, Screen::Round, Screen::Leaderboard, Screen::Practice] {
            let label = format!("{}  {}", screen.icon(), cx.t(screen.title_key()));
            let tile = egui::Button::new(RichText::new(label).heading()).min_size(egui::vec2(320.0, 120.0));
            if ui.add(tile).clicked() {
                cx.act(UiAction::Go(screen));
            }
        }
    });
}
