//! The observers of a round, on the console and the projector: while they score, only how many
//! there are (their taps stay hidden from everyone, the trainer too); after the reveal, where
//! the room disagreed with the trainer, most disagreement first, the round's agreement, and on
//! the console one tap per item to settle the consensus the round scores on.

use bevy_egui::egui::{self, RichText, Ui};

use crate::core::round::{Calibration, ItemCall, RoundRecord};
use crate::features::actions::{RoundAction, UiAction};
use crate::features::rounds::RoundView;
use crate::ui::context::UiCx;
use crate::ui::theme::{spacing, text_size, widgets};

/// Items the projector lists after the reveal: the most disputed.
const PROJECTOR_ITEMS: usize = 5;

/// "📱 9 observers scoring", and the grace countdown once the round has ended. Nothing when
/// nobody observes.
pub(super) fn scoring_line(ui: &mut Ui, cx: &mut UiCx, record: &RoundRecord, index: usize) {
    let observers = record.observers().len();
    if observers == 0 || record.observers_revealed {
        return;
    }
    let p = cx.palette;
    ui.label(RichText::new(cx.t_args("observers-scoring", &[("count", observers.into())])).strong().color(p.accent));
    if let Some(left) = cx.round.grace_left(index, cx.now) {
        let time = widgets::format_clock(left.ceil() as f32);
        ui.label(RichText::new(cx.t_args("observers-grace", &[("time", time.into())])).color(p.warning));
        cx.redraw_within(1.0);
    }
}

fn summary(cx: &UiCx, calibration: &Calibration) -> String {
    let within = calibration.within_tolerance.map_or("–".to_owned(), |w| format!("{:.0}", w * 100.0));
    let alpha = calibration.alpha.map_or("–".to_owned(), |a| format!("{a:.2}"));
    cx.t_args(
        "observers-summary",
        &[("count", calibration.observers.len().into()), ("within", within.into()), ("alpha", alpha.into())],
    )
}

/// One item in the room's words: "8 of 9 saw Acknowledge; the trainer did not".
fn sentence(cx: &UiCx, item: &ItemCall) -> String {
    let key = match (item.trainer_at.is_some(), item.majority()) {
        (false, Some(true)) => "observers-saw-trainer-not",
        (true, Some(false)) => "observers-missed-trainer-saw",
        (_, None) => "observers-split",
        _ => "observers-agree",
    };
    cx.t_args(
        key,
        &[("seen", item.seen_by.into()), ("of", item.of.into()), ("step", item.name.get(cx.lang).to_owned().into())],
    )
}

/// The console after the round: reveal now, then each item with the trainer's and the room's
/// call and the consensus to settle.
pub(super) fn console_panel(ui: &mut Ui, cx: &mut UiCx, record: &RoundRecord, view: &RoundView) {
    if record.observer_marks.is_empty() {
        return;
    }
    let p = cx.palette;
    ui.label(widgets::section_label(cx.t("observers-title")));
    let Some(calibration) = view.calibration.as_ref().filter(|_| record.observers_revealed) else {
        scoring_line(ui, cx, record, view.index);
        if widgets::primary_button(ui, &p, &cx.t("observers-reveal")).clicked() {
            cx.act(UiAction::Round(RoundAction::RevealObservers));
        }
        return;
    };
    ui.add(egui::Label::new(RichText::new(summary(cx, calibration)).strong()).wrap());
    let mut chosen = Vec::new();
    ui.horizontal_wrapped(|ui| {
        if calibration.open_disputes().next().is_some() && widgets::button(ui, &cx.t("observers-accept-all")).clicked()
        {
            chosen.push(RoundAction::AcceptMajority);
        }
        let key = if cx.round.reveal_on_projector { "observers-off-projector" } else { "observers-on-projector" };
        if widgets::button(ui, &cx.t(key)).clicked() {
            chosen.push(RoundAction::ToggleRevealOnProjector);
        }
    });
    for (i, item) in calibration.items.iter().enumerate() {
        let color = if item.disputed() { p.warning } else { p.text_muted };
        // Rows wrap: the buttons drop under a long sentence on a narrow console.
        let row = egui::Frame::new().fill(if i % 2 == 0 { p.surface_raised } else { egui::Color32::TRANSPARENT });
        row.inner_margin(egui::Margin::symmetric(6, 4)).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(sentence(cx, item)).size(text_size::SMALL).color(color));
                // How many agree with the trainer's record, in time.
                let share = 100 * item.within_tolerance / item.of.max(1);
                let secs = crate::core::round::calibration::TIMING_TOLERANCE_SECS;
                let within = cx.t_args("observers-in-time", &[("share", share.into()), ("secs", secs.into())]);
                ui.label(RichText::new(within).size(text_size::SMALL).color(p.text_muted));
                // Items the room agreed on need nothing from the trainer.
                if !item.disputed() && !item.settled {
                    return;
                }
                let trainer = item.trainer_at.is_some();
                for (present, key) in [(trainer, "observers-keep-trainer"), (!trainer, "observers-take-room")] {
                    let label = RichText::new(cx.t(key)).size(text_size::SMALL);
                    if ui.selectable_label(item.consensus == present, label).clicked() && item.consensus != present {
                        let settled = if present == trainer { None } else { Some(present) };
                        chosen.push(RoundAction::Settle(item.tag.clone(), settled));
                    }
                }
            });
        });
    }
    for action in chosen {
        cx.act(UiAction::Round(action));
    }
}

/// The projector after the reveal, on the trainer's key: the round's agreement and the items
/// the room disagreed on most.
pub(super) fn projector_panel(ui: &mut Ui, cx: &UiCx, calibration: &Calibration) {
    let p = cx.palette;
    widgets::card(ui, &p, |ui| {
        ui.set_width(ui.available_width());
        ui.label(widgets::section_label(cx.t("observers-title")).color(p.accent));
        ui.label(RichText::new(summary(cx, calibration)).strong());
        ui.add_space(spacing::GAP * 0.25);
        for item in calibration.items.iter().take(PROJECTOR_ITEMS) {
            let color = if item.disputed() { p.warning } else { p.text };
            let mark = if item.consensus { "✓" } else { "○" };
            ui.label(RichText::new(format!("{mark} {}", sentence(cx, item))).color(color));
        }
    });
}
