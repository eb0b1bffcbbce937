//! Round result, for the room to learn from: the total and each model's score, the points that
//! landed, the steps in the order they happened against each model's order, the penalties with
//! the words used, the mood curve, and the one change that would have gained most.

use bevy_egui::egui::{self, Align, Layout, RichText, Ui};

use crate::core::round::{Improvement, ModelTimeline, RoundPoints, RoundRecord, RoundReview};
use crate::features::actions::RoundAction;
use crate::features::actions::UiAction;
use crate::features::rounds::RoundView;
use crate::ui::context::UiCx;
use crate::ui::theme::{icons, palette::readable_on, spacing, text_size, title_style, widgets};

/// Peers' comments the result shows.
const PHONE_COMMENTS: usize = 4;

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    let shown = cx.round.record(cx.session).zip(cx.round.view.as_ref());
    let Some((record, view)) = shown else {
        widgets::screen_title(ui, &p, icons::RESULT, &cx.t("screen-round-result"), Some(&cx.t("result-subtitle")));
        ui.label(RichText::new(cx.t("result-none")).color(p.text_muted));
        return;
    };
    let title = cx.t_args("round-number", &[("number", record.number.into())]);
    let subtitle = format!("{title} · {}", record.title.get(cx.lang));
    widgets::screen_title(ui, &p, icons::RESULT, &cx.t("screen-round-result"), None);
    ui.horizontal(|ui| {
        ui.label(RichText::new(subtitle).heading().color(p.text_muted));
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| round_picker(ui, cx, view.index));
    });
    ui.add_space(spacing::GAP * 0.5);
    widgets::weighted_columns(ui, &[0.28, 0.42, 0.3], |column, ui| match column {
        0 => totals(ui, cx, record, &view.review),
        1 => {
            for timeline in &view.review.timelines {
                timeline_of(ui, cx, timeline);
            }
        }
        _ => lessons(ui, cx, view),
    });
}

/// Earlier and later rounds of the day (laid out right to left).
fn round_picker(ui: &mut Ui, cx: &mut UiCx, index: usize) {
    if index + 1 < cx.session.rounds.len() && widgets::button(ui, &format!("{} ▶", cx.t("result-next"))).clicked() {
        cx.act(UiAction::Round(RoundAction::Show(index + 1)));
    }
    if index > 0 && widgets::button(ui, &format!("◀ {}", cx.t("result-previous"))).clicked() {
        cx.act(UiAction::Round(RoundAction::Show(index - 1)));
    }
}

fn totals(ui: &mut Ui, cx: &UiCx, record: &RoundRecord, review: &RoundReview) {
    let p = cx.palette;
    if let Some(team) = cx.session.team(record.team) {
        ui.horizontal(|ui| {
            widgets::team_badge(ui, &p, team.color, &team.emoji, &team.name, 56.0);
        });
        if !record.rep.is_empty() {
            ui.label(RichText::new(cx.t_args("round-rep", &[("name", record.rep.clone().into())])).color(p.text_muted));
        }
    }
    ui.horizontal(|ui| {
        ui.label(RichText::new(cx.t("result-total")).heading());
        ui.label(RichText::new(format!("{:.0}", review.total())).text_style(title_style()).color(p.accent));
    });
    if review.walked_out {
        ui.label(RichText::new(cx.t("round-walked-out")).strong().color(p.danger));
    }
    for timeline in &review.timelines {
        ui.label(
            RichText::new(format!("{}  {:.0}", timeline.name.get(cx.lang), timeline.score)).size(text_size::SMALL),
        );
        widgets::animated_bar(
            ui,
            &p,
            egui::Id::new(("result-bar", record.number, &timeline.model)),
            timeline.score as f32 / 100.0,
            p.calm,
            24.0,
        );
        ui.add_space(spacing::GAP * 0.25);
    }
    let points = RoundPoints::of(review.total(), record.peer_average(), &cx.session.round_rules);
    ui.add_space(spacing::GAP * 0.5);
    if let Some(avg) = points.peer_average {
        ui.label(RichText::new(cx.t_args("round-peer-average", &[("stars", format!("{avg:.1}").into())])).strong());
    }
    // The room's one-line comments from their phones (the first few; all are in the export).
    for rating in record.phone_ratings.iter().filter(|r| !r.comment.is_empty()).take(PHONE_COMMENTS) {
        let team = cx.session.team(rating.team).map(|t| t.emoji.as_str()).unwrap_or_default();
        let line = format!("{team} {} “{}”", "★".repeat(rating.stars.into()), rating.comment);
        ui.add(egui::Label::new(RichText::new(line).size(text_size::SMALL).color(p.text_muted)).truncate());
    }
    let landed = record.ledger_entry.and_then(|e| cx.session.ledger.get(e)).filter(|e| e.is_live());
    let key = if landed.is_some() { "result-points-landed" } else { "result-points-pending" };
    let total = landed.map_or(points.total(), |e| e.points);
    ui.label(
        RichText::new(cx.t_args(
            key,
            &[
                ("points", total.into()),
                ("from_score", points.from_score.into()),
                ("from_peers", points.from_peers.into()),
            ],
        ))
        .heading()
        .color(p.success),
    );
}

/// The steps in the order they happened, with their time; out-of-order ones marked; then what
/// never happened.
fn timeline_of(ui: &mut Ui, cx: &UiCx, timeline: &ModelTimeline) {
    let p = cx.palette;
    ui.label(widgets::section_label(format!("{}  {:.0}", timeline.name.get(cx.lang), timeline.score)));
    ui.horizontal_wrapped(|ui| {
        for (i, step) in timeline.shown.iter().enumerate() {
            let color = if step.out_of_order { p.warning } else { p.success };
            let time = widgets::format_clock(step.t as f32);
            let mark = if step.out_of_order { format!(" ⚠ {}", cx.t("result-out-of-order")) } else { String::new() };
            let text = format!("{}. {time} {}{mark}", i + 1, step.name.get(cx.lang));
            widgets::pill(ui, RichText::new(text).size(text_size::SMALL).color(readable_on(color)), color);
            if !step.said.is_empty() {
                ui.label(RichText::new(cx.lang.quote(&step.said)).small().color(p.text_muted));
            }
        }
    });
    if !timeline.missing.is_empty() {
        let missing: Vec<&str> = timeline.missing.iter().map(|(_, name)| name.get(cx.lang)).collect();
        ui.label(
            RichText::new(format!("○ {}: {}", cx.t("result-missing"), missing.join(cx.lang.list_separator())))
                .size(text_size::SMALL)
                .color(p.text_muted),
        );
    }
    ui.add_space(spacing::GAP * 0.5);
}

fn lessons(ui: &mut Ui, cx: &UiCx, view: &RoundView) {
    let p = cx.palette;
    if let Some(gain) = &view.best_gain {
        widgets::card(ui, &p, |ui| {
            ui.set_width(ui.available_width());
            ui.label(widgets::section_label(cx.t("result-best-gain")).color(p.accent));
            let text = match &gain.change {
                Improvement::Step { model, step, explain } => {
                    format!("{} · {}\n{}", model.get(cx.lang), step.get(cx.lang), explain.get(cx.lang))
                }
                Improvement::Avoid { penalty, said } if said.is_empty() => {
                    cx.t_args("result-avoid", &[("penalty", penalty.get(cx.lang).to_owned().into())])
                }
                Improvement::Avoid { penalty, said } => format!(
                    "{} {}",
                    cx.t_args("result-avoid", &[("penalty", penalty.get(cx.lang).to_owned().into())]),
                    cx.lang.quote(said)
                ),
            };
            ui.label(RichText::new(text).strong());
            let worth = cx.t_args("result-worth", &[("points", format!("{:.0}", gain.points).into())]);
            ui.label(RichText::new(worth).color(p.success));
        });
        ui.add_space(spacing::GAP * 0.5);
    }
    ui.label(widgets::section_label(cx.t("result-penalties")));
    if view.review.penalties.is_empty() {
        ui.label(RichText::new(cx.t("result-no-penalties")).small().color(p.success));
    }
    for penalty in &view.review.penalties {
        let said = if penalty.said.is_empty() { String::new() } else { format!(" {}", cx.lang.quote(&penalty.said)) };
        ui.label(
            RichText::new(format!(
                "{} {}  {:.0}{said}",
                widgets::format_clock(penalty.t as f32),
                penalty.name.get(cx.lang),
                penalty.points
            ))
            .size(text_size::SMALL)
            .color(p.danger),
        );
    }
    ui.add_space(spacing::GAP * 0.5);
    ui.label(widgets::section_label(cx.t("result-mood-curve")));
    mood_curve(ui, cx, &view.review.mood_curve);
}

/// Mood (0–100) over round time, with the walk-out line at the bottom.
fn mood_curve(ui: &mut Ui, cx: &UiCx, curve: &[(f64, f64)]) {
    let p = cx.palette;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(ui.available_width(), 120.0), egui::Sense::hover());
    let painter = ui.painter();
    painter.rect_filled(rect, 8.0, p.surface_raised);
    let end = curve.last().map_or(1.0, |(t, _)| *t).max(1.0);
    let point = |(t, mood): (f64, f64)| {
        egui::pos2(rect.left() + rect.width() * (t / end) as f32, rect.bottom() - rect.height() * mood as f32 / 100.0)
    };
    let points: Vec<egui::Pos2> = curve.iter().copied().map(point).collect();
    painter.add(egui::Shape::line(points, egui::Stroke::new(4.0, p.accent)));
    painter.text(
        rect.left_top() + egui::vec2(8.0, 4.0),
        egui::Align2::LEFT_TOP,
        "100",
        egui::FontId::proportional(text_size::SMALL * 0.7),
        p.text_muted,
    );
    let end_label = widgets::format_clock(end as f32);
    ui.with_layout(Layout::right_to_left(Align::Min), |ui| {
        ui.label(RichText::new(end_label).small().color(p.text_muted));
    });
}
