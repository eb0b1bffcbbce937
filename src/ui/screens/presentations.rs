//! Presentations and vote: each team presents on the room clock (one minute by default,
//! handing over to the next team automatically), then every team votes for the best
//! presentation — never for itself — and the winner's points go on the board.

use bevy_egui::egui::{self, RichText, Ui};

use crate::core::session::SessionEdit;
use crate::core::session::{PointsSource, TeamId, Timestamp};
use crate::features::actions::CampAction;
use crate::features::actions::ClockAction;
use crate::features::actions::UiAction;
use crate::ui::context::UiCx;
use crate::ui::theme::palette::{readable_on, team_color};
use crate::ui::theme::{effects, icons, spacing, text_size, widgets};

/// How long the winner's confetti falls after the award.
const CELEBRATION_MS: u64 = (effects::CONFETTI_SECS * 1000.0) as u64;

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    widgets::screen_title(ui, &p, icons::PRESENT, &cx.t("screen-presentations"), Some(&cx.t("present-subtitle")));
    let order = cx.session.presentation_sequence();
    if order.is_empty() {
        ui.label(RichText::new(cx.t("teams-empty")).color(p.text_muted));
        return;
    }
    let area = ui.available_rect_before_wrap();
    widgets::columns(ui, 2, |column, ui| {
        if column == 0 {
            presenting(ui, cx, &order);
            ui.add_space(spacing::GAP);
            award(ui, cx, &order);
        } else {
            vote(ui, cx, &order);
        }
    });
    celebrate(ui, cx, area);
}

fn presenting(ui: &mut Ui, cx: &mut UiCx, order: &[TeamId]) {
    let p = cx.palette;
    let current = cx.camp.presenter;
    match order.get(current).and_then(|&id| cx.session.team(id)) {
        Some(team) => {
            let progress = format!("{} ({}/{})", cx.t("present-now"), current + 1, order.len());
            ui.label(RichText::new(progress).color(p.text_muted));
            widgets::team_badge(ui, &p, team.color, &team.emoji, &team.name, 80.0);
            ui.label(RichText::new(cx.lang.quote(&team.slogan)).size(text_size::BODY).color(p.accent));
        }
        None => {
            ui.label(RichText::new(cx.t("present-all-done")).heading().color(p.calm));
        }
    }
    widgets::countdown(ui, &p, cx.clock.remaining(cx.now) as f32);
    ui.horizontal_wrapped(|ui| {
        let toggle = if cx.clock.is_running() { cx.t("present-pause") } else { cx.t("present-start") };
        if widgets::primary_button(ui, &p, &toggle).clicked() {
            cx.act(UiAction::Clock(ClockAction::Toggle));
        }
        if widgets::button(ui, &cx.t("present-reset")).clicked() {
            cx.act(UiAction::Clock(ClockAction::Reset));
        }
        if widgets::button(ui, &cx.t("present-add-minute")).clicked() {
            cx.act(UiAction::Clock(ClockAction::AddMinute));
        }
        if current < order.len() && widgets::button(ui, &cx.t("present-next-team")).clicked() {
            cx.act(UiAction::Camp(CampAction::NextPresenter));
        }
        if widgets::button(ui, &cx.t("present-shuffle")).clicked() {
            cx.act(UiAction::Edit(SessionEdit::ShuffleOrder));
        }
        if current >= order.len() && widgets::button(ui, &cx.t("vote-clock")).clicked() {
            let secs = f64::from(cx.session.durations.voting_secs);
            cx.act(UiAction::Clock(ClockAction::Set { secs }));
            cx.act(UiAction::Clock(ClockAction::Toggle));
        }
    });
}

fn vote(ui: &mut Ui, cx: &mut UiCx, order: &[TeamId]) {
    let p = cx.palette;
    ui.label(widgets::section_label(cx.t("vote-title")));
    ui.label(RichText::new(cx.t("vote-hint")).small().color(p.text_muted));
    vote_keys(ui, cx, order);
    let ballots = &cx.session.ballots;
    for (place, &voter) in order.iter().enumerate() {
        let Some(voter_team) = cx.session.team(voter) else { continue };
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("{}", (place + 1) % 10)).strong().color(p.text_muted));
            widgets::team_badge(ui, &p, voter_team.color, &voter_team.emoji, "", 34.0);
            ui.label(RichText::new("→").color(p.text_muted));
            for &choice in order.iter().filter(|&&c| c != voter) {
                let Some(team) = cx.session.team(choice) else { continue };
                let chosen =
                    ballots.ballots().iter().any(|b| b.voter == voter && b.seat.is_none() && b.choice == choice);
                // Compact badges keep a 12-team grid on one screen; names are in the tally below.
                let color = team_color(team.color);
                let badge =
                    egui::Button::new(RichText::new(&team.emoji).size(text_size::BODY).color(readable_on(color)))
                        .fill(if chosen { color } else { color.gamma_multiply(0.35) })
                        .stroke(if chosen { egui::Stroke::new(4.0, p.accent) } else { egui::Stroke::NONE })
                        .min_size(egui::vec2(52.0, 44.0));
                if ui.add(badge).on_hover_text(&team.name).clicked() {
                    cx.act(UiAction::Edit(SessionEdit::Vote { voter, choice }));
                }
            }
        });
    }
    ui.add_space(spacing::GAP * 0.5);
    if phones_voting(cx) {
        // The room votes blind: only the count shows until the trainer reveals the result.
        let voted = ballots.seat_ballots();
        let of = cx.session.room.seats.len();
        ui.label(
            RichText::new(cx.t_args("vote-phones-count", &[("voted", voted.into()), ("of", of.into())]))
                .size(text_size::HEADING)
                .strong(),
        );
        widgets::animated_bar(ui, &p, egui::Id::new("phone-votes"), voted as f32 / of.max(1) as f32, p.success, 18.0);
        return;
    }
    let tally = ballots.tally(order);
    let most_possible = tally.votes.iter().map(|&(_, n)| n as usize).sum::<usize>().max(order.len().saturating_sub(1));
    for (team, votes) in &tally.votes {
        let Some(team) = cx.session.team(*team) else { continue };
        ui.horizontal(|ui| {
            ui.add(
                egui::Label::new(RichText::new(format!("{} {}", team.emoji, team.name)).size(text_size::SMALL))
                    .truncate(),
            );
            let fraction = *votes as f32 / most_possible.max(1) as f32;
            let id = egui::Id::new(("votes", team.id()));
            widgets::animated_bar(ui, &p, id, fraction, team_color(team.color), 18.0);
        });
    }
}

/// Votes by keyboard: two digits, the voting team's place in the order then its choice's
/// (1–9, 0 for the tenth), e.g. `2` `1`: the second team votes for the first.
fn vote_keys(ui: &mut Ui, cx: &mut UiCx, order: &[TeamId]) {
    const DIGITS: [egui::Key; 10] = [
        egui::Key::Num1,
        egui::Key::Num2,
        egui::Key::Num3,
        egui::Key::Num4,
        egui::Key::Num5,
        egui::Key::Num6,
        egui::Key::Num7,
        egui::Key::Num8,
        egui::Key::Num9,
        egui::Key::Num0,
    ];
    if ui.memory(|m| m.focused().is_some()) {
        return;
    }
    let Some(place) = DIGITS.iter().position(|&key| ui.input(|i| i.key_pressed(key))) else { return };
    let pending_id = egui::Id::new("vote-pending-voter");
    match ui.data_mut(|d| d.remove_temp::<usize>(pending_id)) {
        None => {
            ui.data_mut(|d| d.insert_temp(pending_id, place));
        }
        Some(voter) => {
            if let (Some(&voter), Some(&choice)) = (order.get(voter), order.get(place)) {
                cx.act(UiAction::Edit(SessionEdit::Vote { voter, choice }));
            }
        }
    }
}

/// Whether participants are voting from phones and the result is not revealed yet.
fn phones_voting(cx: &UiCx) -> bool {
    !cx.session.room.seats.is_empty() && cx.session.vote_award().is_none()
}

/// The vote's leader, the tie rule when it decided, and the award button.
fn award(ui: &mut Ui, cx: &mut UiCx, order: &[TeamId]) {
    let p = cx.palette;
    let tally = cx.session.ballots.tally(order);
    if phones_voting(cx) {
        if tally.winner.is_some() {
            let reveal = cx.t_args("vote-reveal", &[("points", cx.session.vote_points.into())]);
            if widgets::primary_button(ui, &p, &reveal).clicked() {
                cx.act(UiAction::Edit(SessionEdit::AwardVote));
            }
        }
        return;
    }
    if let Some(winner) = tally.winner.and_then(|id| cx.session.team(id)) {
        ui.label(
            RichText::new(cx.t_args("vote-leader", &[("team", winner.name.clone().into())])).strong().color(p.accent),
        );
        if !tally.tied.is_empty() {
            ui.label(RichText::new(cx.t("vote-tie-rule")).small().color(p.text_muted));
        }
        match cx.session.vote_award() {
            None => {
                let award = cx.t_args("vote-award", &[("points", cx.session.vote_points.into())]);
                if widgets::primary_button(ui, &p, &award).clicked() {
                    cx.act(UiAction::Edit(SessionEdit::AwardVote));
                }
            }
            Some(entry) => {
                // Awarded once: the state shows, and only an undo is offered.
                ui.horizontal(|ui| {
                    let awarded = cx.t_args("vote-awarded", &[("points", cx.session.ledger[entry].points.into())]);
                    ui.label(RichText::new(awarded).strong().color(p.success));
                    if widgets::button(ui, &cx.t("vote-award-undo")).clicked() {
                        cx.act(UiAction::Edit(SessionEdit::Undo(entry)));
                    }
                });
            }
        }
    }
}

/// Confetti for a few seconds after the vote's points land.
fn celebrate(ui: &mut Ui, cx: &UiCx, area: egui::Rect) {
    let awarded = cx.session.ledger.iter().rev().find(|e| e.source == PointsSource::Vote && e.is_live());
    let Some(entry) = awarded else { return };
    let age_ms = Timestamp::now().0.saturating_sub(entry.at.0);
    if age_ms < CELEBRATION_MS
        && effects::confetti(ui.painter(), area, age_ms as f32 / 1000.0, entry.at.0, cx.reduced_motion())
    {
        ui.ctx().request_repaint();
    }
}
