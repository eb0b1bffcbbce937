//! Role-play round, audience view (the projector): the scenario and rep brief, the clock, the
//! customer's mood, each model's checklist lighting up as steps are scored, penalties flashing.
//! The customer card never appears here. With one screen, F2 swaps in the trainer's console.

use bevy_egui::egui::{self, Align, Layout, RichText, Ui};

use crate::core::round::RoundRecord;
use crate::core::scenario::Scenario;
use crate::features::actions::RoundAction;
use crate::features::actions::UiAction;
use crate::features::rounds::RoundView;
use crate::ui::context::UiCx;
use crate::ui::theme::{icons, palette::team_color, spacing, text_size, widgets};

/// How long a penalty stays flashing on the projector (round seconds).
const PENALTY_FLASH_SECS: f64 = 4.0;

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    if cx.round.console_shown && !cx.round.console_window {
        super::round_console::show(ui, cx, false);
        return;
    }
    let open = cx.round.open_round(cx.session).zip(cx.round.view.as_ref());
    match open {
        Some((record, view)) => live(ui, cx, record, view),
        None => waiting(ui, cx),
    }
}

/// Before the round: what is coming, without the customer's secrets.
fn waiting(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    widgets::screen_title(ui, &p, icons::ROUND, &cx.t("screen-round"), Some(&cx.t("round-subtitle")));
    let scenario = cx.library_view.current(cx.shelf);
    let team = cx.round.cast.team.and_then(|id| cx.session.team(id));
    widgets::card(ui, &p, |ui| {
        ui.set_width(ui.available_width());
        ui.label(widgets::section_label(cx.t("round-next")));
        match scenario {
            Some(scenario) => {
                ui.label(RichText::new(scenario.title.get(cx.lang)).heading().color(p.accent));
                ui.label(RichText::new(scenario.rep_brief.get(cx.lang)));
            }
            None => {
                ui.label(RichText::new(cx.t("round-no-scenario")).color(p.text_muted));
            }
        }
        if let Some(team) = team {
            ui.add_space(spacing::GAP * 0.5);
            ui.horizontal(|ui| {
                widgets::team_badge(ui, &p, team.color, &team.emoji, &team.name, 56.0);
                if !cx.round.cast.rep.is_empty() {
                    ui.label(RichText::new(cx.t_args("round-rep", &[("name", cx.round.cast.rep.clone().into())])));
                }
            });
        }
    });
    ui.add_space(spacing::GAP);
    ui.label(RichText::new(cx.t("round-waiting-hint")).color(p.text_muted));
    if cx.round.record(cx.session).is_some_and(|r| r.ledger_entry.is_some())
        && widgets::button(ui, &cx.t("round-see-result")).clicked()
    {
        cx.act(UiAction::Go(super::Screen::RoundResult));
    }
    if widgets::button(ui, &format!("{}  (F2)", cx.t("round-open-console"))).clicked() {
        cx.act(UiAction::Round(RoundAction::ToggleConsole));
    }
}

fn live(ui: &mut Ui, cx: &mut UiCx, record: &RoundRecord, view: &RoundView) {
    let p = cx.palette;
    let (review, index, calibration) = (&view.review, view.index, view.calibration.as_ref());
    let t = cx.clock.elapsed(cx.now);
    let scenario = cx.shelf.library.get(&record.scenario);
    header(ui, cx, record);
    widgets::weighted_columns(ui, &[0.4, 0.6], |column, ui| {
        if column == 0 {
            let width = ui.available_width();
            if record.is_running() {
                ui.label(RichText::new(cx.t("round-time-left")).color(p.text_muted));
                widgets::countdown(ui, &p, cx.clock.remaining(cx.now) as f32);
                if !cx.clock.is_running() {
                    ui.label(RichText::new(cx.t("round-paused")).strong().color(p.warning));
                }
            }
            // Whole points: a gauge chasing a value that drains every frame would never rest,
            // and the app would redraw without pause.
            let mood = if record.is_running() { review.mood_at(t).round() } else { review.mood };
            ui.label(RichText::new(cx.t("round-mood")).color(p.text_muted));
            ui.horizontal(|ui| {
                let gauge = (width * 0.66).min(420.0);
                widgets::mood_gauge(ui, &p, egui::Id::new(("round-mood", record.number)), mood as f32, gauge);
                widgets::customer_face(ui, &p, mood as f32, review.walked_out, (width - gauge - 24.0).min(180.0));
            });
            ui.add_space(spacing::GAP * 0.5);
            super::observers::scoring_line(ui, cx, record, index);
            return;
        }
        let flash = review.penalties.iter().rev().find(|pm| record.is_running() && t - pm.t < PENALTY_FLASH_SECS);
        if let Some(flash) = flash {
            penalty_flash(ui, cx, flash.name.get(cx.lang), &flash.said, flash.points);
            cx.redraw_within(0.5);
        }
        if review.walked_out {
            banner(ui, cx, &cx.t("round-walked-out"), p.danger);
        } else if !record.is_running() {
            banner(ui, cx, &cx.t("round-over"), p.accent);
        }
        if record.is_running() {
            if let Some(scenario) = scenario {
                brief(ui, cx, scenario);
            }
        } else {
            peer_ratings(ui, cx, record);
        }
        ui.add_space(spacing::GAP * 0.5);
        // The observers' reveal goes up only on the trainer's key.
        let reveal = calibration.filter(|_| record.observers_revealed && cx.round.reveal_on_projector);
        if let Some(calibration) = reveal {
            super::observers::projector_panel(ui, cx, calibration);
            return;
        }
        for timeline in &review.timelines {
            checklist(ui, cx, timeline);
        }
    });
}

fn header(ui: &mut Ui, cx: &UiCx, record: &RoundRecord) {
    let p = cx.palette;
    ui.horizontal(|ui| {
        let title = cx.t_args("round-number", &[("number", record.number.into())]);
        ui.label(
            RichText::new(format!("{} {title} · {}", icons::ROUND, record.title.get(cx.lang)))
                .heading()
                .color(p.accent),
        );
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if let Some(team) = cx.session.team(record.team) {
                if !record.rep.is_empty() {
                    ui.label(RichText::new(cx.t_args("round-rep", &[("name", record.rep.clone().into())])).strong());
                }
                widgets::team_badge(ui, &p, team.color, &team.emoji, &team.name, 48.0);
            }
        });
    });
    ui.add_space(spacing::GAP * 0.5);
}

fn brief(ui: &mut Ui, cx: &UiCx, scenario: &Scenario) {
    let p = cx.palette;
    widgets::card(ui, &p, |ui| {
        ui.set_width(ui.available_width());
        ui.label(widgets::section_label(cx.t("library-rep-brief")));
        ui.label(RichText::new(scenario.rep_brief.get(cx.lang)).size(text_size::SMALL));
    });
}

fn penalty_flash(ui: &mut Ui, cx: &UiCx, name: &str, said: &str, points: f64) {
    let p = cx.palette;
    egui::Frame::new()
        .fill(p.danger)
        .corner_radius(egui::CornerRadius::same(spacing::ROUNDING))
        .inner_margin(egui::Margin::symmetric(24, 12))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let on = crate::ui::theme::palette::readable_on(p.danger);
            ui.label(RichText::new(format!("{} {name}  {points:.0}", icons::WARNING)).heading().color(on));
            if !said.is_empty() {
                ui.label(RichText::new(cx.lang.quote(said)).color(on));
            }
        });
    ui.add_space(spacing::GAP * 0.5);
}

fn banner(ui: &mut Ui, cx: &UiCx, text: &str, color: egui::Color32) {
    let p = cx.palette;
    egui::Frame::new()
        .fill(color.gamma_multiply(0.18))
        .stroke(egui::Stroke::new(3.0, color))
        .corner_radius(egui::CornerRadius::same(spacing::ROUNDING))
        .inner_margin(egui::Margin::symmetric(24, 12))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(text).heading().color(p.text));
        });
    ui.add_space(spacing::GAP * 0.5);
}

/// A model's steps in its order: done steps lit with the order they came in, late ones marked.
fn checklist(ui: &mut Ui, cx: &UiCx, timeline: &crate::core::round::ModelTimeline) {
    let p = cx.palette;
    ui.label(RichText::new(timeline.name.get(cx.lang)).strong());
    ui.horizontal_wrapped(|ui| {
        for (name, done) in &timeline.checklist {
            let name = name.get(cx.lang);
            let position = timeline.shown.iter().position(|s| s.name.get(cx.lang) == name);
            let late = position.is_some_and(|i| timeline.shown[i].out_of_order);
            let (fill, text_color) = match (done, late) {
                (true, false) => (p.success, crate::ui::theme::palette::readable_on(p.success)),
                (true, true) => (p.warning, crate::ui::theme::palette::readable_on(p.warning)),
                (false, _) => (p.surface_raised, p.text_muted),
            };
            let label = match position {
                Some(i) if late => format!("{} {name} ⚠", i + 1),
                Some(i) => format!("{} {name}", i + 1),
                None => format!("○ {name}"),
            };
            widgets::pill(ui, RichText::new(label).size(text_size::SMALL).color(text_color), fill);
        }
    });
    ui.add_space(spacing::GAP * 0.5);
}

/// After the round: the other teams' stars as they come in.
fn peer_ratings(ui: &mut Ui, cx: &UiCx, record: &RoundRecord) {
    let p = cx.palette;
    ui.label(widgets::section_label(cx.t("round-peer-title")));
    ui.horizontal_wrapped(|ui| {
        for team in cx.session.teams.iter().filter(|t| t.id() != record.team) {
            // The team's phones' average when its members rated, else the typed stars.
            let average = record.team_stars(team.id());
            let stars = average.map_or(0, |a| a.round().clamp(0.0, 5.0) as u8);
            let phones = record.phone_raters(team.id());
            let mut shown = format!("{}{}", "★".repeat(stars.into()), "☆".repeat(5 - usize::from(stars)));
            if let (true, Some(average)) = (phones > 0, average) {
                shown.push_str(&format!(" {average:.1} · 📱{phones}"));
            }
            let fill = if stars == 0 { p.surface_raised } else { team_color(team.color) };
            let text_color = if stars == 0 { p.text_muted } else { crate::ui::theme::palette::readable_on(fill) };
            let label = RichText::new(format!("{} {}  {shown}", team.emoji, team.name)).size(text_size::SMALL);
            widgets::pill(ui, label.color(text_color), fill);
        }
    });
    if let Some(avg) = record.peer_average() {
        ui.label(RichText::new(cx.t_args("round-peer-average", &[("stars", format!("{avg:.1}").into())])).strong());
    }
}
