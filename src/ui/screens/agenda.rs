//! Agenda: the camp day as steps the trainer walks through; each opens its screen.

use bevy_egui::egui::{self, Align, Layout, RichText, Ui};

use super::Screen;
use crate::core::session::SessionEdit;
use crate::core::session::StepKind;
use crate::features::actions::UiAction;
use crate::ui::context::UiCx;
use crate::ui::theme::{icons, widgets};

/// Step titles sit between body and heading size so the whole day fits on one screen.
const STEP_TITLE_SIZE: f32 = 32.0;

/// The screen a step opens and the locale key of its description.
fn step_target(kind: StepKind) -> (Screen, &'static str) {
    match kind {
        StepKind::Agreement => (Screen::Agenda, "agenda-agreement-detail"),
        StepKind::TeamBuilding => (Screen::Teams, "agenda-team-building-detail"),
        StepKind::Sharing => (Screen::Practice, "agenda-sharing-detail"),
        StepKind::RolePlay => (Screen::Round, "agenda-roleplay-detail"),
        StepKind::Debrief => (Screen::Debrief, "agenda-debrief-detail"),
    }
}

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    let total = cx.t_args("agenda-total", &[("minutes", cx.session.agenda_minutes().into())]);
    let subtitle = format!("{} · {total}", cx.t("agenda-subtitle"));
    widgets::screen_title(ui, &p, icons::AGENDA, &cx.t("screen-agenda"), Some(&subtitle));
    let steps = &cx.session.agenda;
    for (number, step) in steps.iter().enumerate() {
        let (screen, detail) = step_target(step.kind);
        widgets::card(ui, &p, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("{}", number + 1)).size(STEP_TITLE_SIZE).strong().color(p.accent));
                ui.label(RichText::new(step.title.get(cx.lang)).size(STEP_TITLE_SIZE).strong());
                let minutes = cx.t_args("agenda-minutes", &[("minutes", step.minutes.into())]);
                ui.label(RichText::new(format!("{} {minutes}", icons::TIMER)).color(p.text_muted));
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    if screen != Screen::Agenda
                        && widgets::button(ui, &format!("{} {}", cx.t("agenda-open"), icons::NEXT)).clicked()
                    {
                        cx.act(UiAction::Go(screen));
                    }
                    let edits = [
                        ("+5", SessionEdit::Retime { step: number, minutes: 5 }, true),
                        ("−5", SessionEdit::Retime { step: number, minutes: -5 }, step.minutes > 5),
                        ("↓", SessionEdit::MoveStep { from: number, to: number + 1 }, number + 1 < steps.len()),
                        ("↑", SessionEdit::MoveStep { from: number, to: number.saturating_sub(1) }, number > 0),
                    ];
                    for (label, action, enabled) in edits {
                        if ui.add_enabled(enabled, egui::Button::new(label)).clicked() {
                            cx.act(UiAction::Edit(action));
                        }
                    }
                });
            });
            ui.label(RichText::new(cx.t(detail)).small().color(p.text_muted));
        });
    }
}
