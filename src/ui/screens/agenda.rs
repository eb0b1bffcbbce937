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
        StepKind::Quiz => (Screen::Quiz, "agenda-quiz-detail"),
        StepKind::Debrief => (Screen::Debrief, "agenda-debrief-detail"),
    }
}

/// Below this card width the step controls go on a line of their own.
const NARROW_CARD: f32 = 1100.0;

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
            // On a narrow window the controls take a line of their own instead of covering the title.
            let narrow = ui.available_width() < NARROW_CARD;
            let title = step.title.get(cx.lang).to_owned();
            let minutes = cx.t_args("agenda-minutes", &[("minutes", step.minutes.into())]);
            let heading = |ui: &mut Ui| {
                ui.label(RichText::new(format!("{}", number + 1)).size(STEP_TITLE_SIZE).strong().color(p.accent));
                ui.add(egui::Label::new(RichText::new(&title).size(STEP_TITLE_SIZE).strong()).truncate());
                ui.label(RichText::new(format!("{} {minutes}", icons::TIMER)).color(p.text_muted));
            };
            if narrow {
                ui.horizontal(heading);
            }
            ui.horizontal(|ui| {
                if !narrow {
                    heading(ui);
                }
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
