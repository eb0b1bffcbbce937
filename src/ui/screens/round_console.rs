//! The trainer's console for a role-play round: set-up (scenario, team, rep, customer player,
//! models), then the scoring pad with its keys, typed quotes, undo, the secret customer card and
//! notes; after the round, the peers' ratings and the points. Drawn in its own window on the
//! trainer's laptop, or in place of the audience view on a single screen.

use bevy_egui::egui::{self, Align, Layout, RichText, Ui};

use crate::core::round::{CustomerPlayer, Observed, PadKind, RoundCast, RoundPoints, RoundRecord};
use crate::core::scoring::rubric::PenaltyKind;
use crate::features::actions::RoundAction;
use crate::features::actions::UiAction;
use crate::features::rounds::RoundView;
use crate::ui::context::UiCx;
use crate::ui::theme::{icons, palette::readable_on, spacing, text_size, widgets};

/// The models a round can be judged by, in the course's order.
const MODELS: [&str; 3] = ["7a", "six_step", "eoac"];

fn round_action(cx: &mut UiCx, action: RoundAction) {
    cx.act(UiAction::Round(action));
}

/// Draws the console; `own_window` when it has the trainer's screen to itself (the customer
/// card is then shown without asking).
pub fn show(ui: &mut Ui, cx: &mut UiCx, own_window: bool) {
    let p = cx.palette;
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("{} {}", icons::ROUND, cx.t("console-title"))).heading().color(p.accent));
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if own_window {
                if widgets::button(ui, &cx.t("console-close-window")).clicked() {
                    round_action(cx, RoundAction::SetConsoleWindow(false));
                }
            } else {
                if widgets::button(ui, &format!("{}  (F2)", cx.t("console-audience"))).clicked() {
                    round_action(cx, RoundAction::ToggleConsole);
                }
                if widgets::button(ui, &cx.t("console-own-window")).clicked() {
                    round_action(cx, RoundAction::SetConsoleWindow(true));
                }
            }
        });
    });
    ui.add_space(spacing::GAP * 0.5);
    let open = cx.round.open_round(cx.session).zip(cx.round.view.as_ref());
    match open {
        Some((record, view)) if record.is_running() => live(ui, cx, record, view, own_window),
        Some((record, view)) => rating(ui, cx, record, view),
        None => {
            if let Some(discarded) = &cx.round.discarded {
                let label = cx.t_args("console-discarded", &[("number", discarded.number.into())]);
                ui.horizontal(|ui| {
                    ui.label(RichText::new(label).color(cx.palette.text_muted));
                    if widgets::button(ui, &cx.t("console-discard-undo")).clicked() {
                        round_action(cx, RoundAction::RestoreDiscarded);
                    }
                });
            }
            setup(ui, cx)
        }
    }
}

/// Discarding a round takes a second click to confirm (it sat next to End, one slip away);
/// it can still be undone afterwards.
/// Returns whether the discard was confirmed.
fn discard_button(ui: &mut Ui, cx: &UiCx) -> bool {
    let asking = egui::Id::new("console-discard-asking");
    let mut confirmed = false;
    if ui.data(|d| d.get_temp::<bool>(asking)).unwrap_or(false) {
        ui.label(RichText::new(cx.t("console-discard-confirm")).strong().color(cx.palette.danger));
        if ui.button(RichText::new(cx.t("console-discard-yes")).color(cx.palette.danger)).clicked() {
            ui.data_mut(|d| d.remove_temp::<bool>(asking));
            confirmed = true;
        }
        if widgets::button(ui, &cx.t("console-discard-no")).clicked() {
            ui.data_mut(|d| d.remove_temp::<bool>(asking));
        }
    } else if widgets::button(ui, &cx.t("console-abandon")).clicked() {
        ui.data_mut(|d| d.insert_temp(asking, true));
    }
    confirmed
}

fn setup(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    super::library::filters(ui, cx);
    ui.add_space(spacing::GAP * 0.5);
    let matching = cx.shelf.filtered(&cx.library_view.filter);
    let current = cx.library_view.current(cx.shelf);
    let height = (ui.clip_rect().bottom() - ui.cursor().top() - spacing::GAP).max(240.0);
    widgets::columns(ui, 2, |column, ui| {
        egui::ScrollArea::vertical()
            .id_salt(("console-setup", column))
            .max_height(height)
            .min_scrolled_height(height)
            .show(ui, |ui| {
                if column == 0 {
                    super::library::scenario_list(ui, cx, &matching, current.map(|s| s.id.as_str()));
                    return;
                }
                // Start first, so it never scrolls out of reach.
                let ready = current.is_some() && cx.round.cast.team.is_some();
                let start = format!("▶ {}  (Space)", cx.t("console-start"));
                if ui
                    .add_enabled(
                        ready,
                        egui::Button::new(RichText::new(start).strong().color(p.on_accent)).fill(p.accent),
                    )
                    .clicked()
                {
                    round_action(cx, RoundAction::Start);
                }
                if !ready {
                    ui.label(RichText::new(cx.t("console-start-needs")).small().color(p.text_muted));
                }
                ui.add_space(spacing::GAP * 0.5);
                cast(ui, cx);
                if let Some(scenario) = current {
                    ui.add_space(spacing::GAP);
                    ui.label(RichText::new(super::library::summary(cx, scenario)).small().color(p.text_muted));
                }
            });
    });
}

/// The serving team, its rep, the customer player and the models.
fn cast(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    let cast: &RoundCast = &cx.round.cast;
    let mut chosen = Vec::new();
    ui.label(widgets::section_label(cx.t("console-team")));
    ui.horizontal_wrapped(|ui| {
        for team in &cx.session.teams {
            let label = format!("{} {}", team.emoji, team.name);
            if ui.selectable_label(cast.team == Some(team.id()), RichText::new(label).size(text_size::SMALL)).clicked()
            {
                chosen.push(RoundAction::SetTeam(team.id()));
            }
        }
    });
    if cx.session.teams.is_empty() {
        ui.label(RichText::new(cx.t("console-no-teams")).small().color(p.text_muted));
    }
    if let Some(team) = cast.team.and_then(|id| cx.session.team(id)) {
        ui.label(widgets::section_label(cx.t("console-rep")));
        ui.horizontal_wrapped(|ui| {
            for member in team.members.iter().filter(|m| !m.trim().is_empty()) {
                if ui.selectable_label(&cast.rep == member, RichText::new(member).size(text_size::SMALL)).clicked() {
                    chosen.push(RoundAction::SetRep(member.clone()));
                }
            }
            let mut rep = cast.rep.clone();
            let field = egui::TextEdit::singleline(&mut rep)
                .id_salt("console-rep")
                .hint_text(cx.t("console-rep-hint"))
                .font(egui::TextStyle::Small)
                .desired_width(220.0);
            if ui.add(field).changed() {
                chosen.push(RoundAction::SetRep(rep));
            }
        });
    }
    ui.label(widgets::section_label(cx.t("console-customer")));
    ui.horizontal_wrapped(|ui| {
        let trainer = cast.customer == CustomerPlayer::Trainer;
        if ui.selectable_label(trainer, RichText::new(cx.t("console-trainer")).size(text_size::SMALL)).clicked() {
            chosen.push(RoundAction::SetCustomer(CustomerPlayer::Trainer));
        }
        for team in cx.session.teams.iter().filter(|t| Some(t.id()) != cast.team) {
            for member in team.members.iter().filter(|m| !m.trim().is_empty()) {
                let player = CustomerPlayer::Member { team: team.id(), name: member.clone() };
                let label = RichText::new(format!("{} {member}", team.emoji)).size(text_size::SMALL);
                if ui.selectable_label(cast.customer == player, label).clicked() {
                    chosen.push(RoundAction::SetCustomer(player));
                }
            }
        }
    });
    ui.label(widgets::section_label(cx.t("console-models")));
    let defaults = cx.library_view.current(cx.shelf).map(|s| s.models.clone()).unwrap_or_default();
    let models = if cast.models.is_empty() { &defaults } else { &cast.models };
    ui.horizontal_wrapped(|ui| {
        for model in MODELS {
            let on = models.iter().any(|m| m == model);
            let label = RichText::new(super::model_name(cx, model)).size(text_size::SMALL);
            if ui.selectable_label(on, label).clicked() {
                chosen.push(RoundAction::ToggleModel(model.to_owned()));
            }
        }
    });
    for action in chosen {
        round_action(cx, action);
    }
}

fn live(ui: &mut Ui, cx: &mut UiCx, record: &RoundRecord, view: &RoundView, own_window: bool) {
    let p = cx.palette;
    let t = cx.clock.elapsed(cx.now);
    let review = &view.review;
    ui.horizontal_wrapped(|ui| {
        let title = cx.t_args("round-number", &[("number", record.number.into())]);
        ui.label(RichText::new(format!("{title} · {}", record.title.get(cx.lang))).strong());
        if let Some(team) = cx.session.team(record.team) {
            let rep = if record.rep.is_empty() { String::new() } else { format!(" · {}", record.rep) };
            ui.label(RichText::new(format!("{} {}{rep}", team.emoji, team.name)).color(p.text_muted));
        }
    });
    ui.horizontal_wrapped(|ui| {
        let clock = widgets::format_clock(cx.clock.remaining(cx.now) as f32);
        let color = widgets::countdown_color(&p, cx.clock.remaining(cx.now) as f32);
        ui.label(RichText::new(format!("⏱ {clock}")).heading().color(color));
        let mood = review.mood_at(t);
        ui.label(RichText::new(cx.t_args("console-mood", &[("mood", format!("{mood:.0}").into())])).heading());
        ui.label(
            RichText::new(cx.t_args("console-score", &[("score", format!("{:.0}", review.total()).into())])).heading(),
        );
        let pause = if cx.clock.is_running() { cx.t("console-pause") } else { cx.t("console-resume") };
        if widgets::button(ui, &format!("{pause}  (Space)")).clicked() {
            round_action(cx, RoundAction::TogglePause);
        }
        if widgets::button(ui, &format!("{}  (Backspace)", cx.t("console-undo"))).clicked() {
            round_action(cx, RoundAction::Undo);
        }
        if widgets::button(ui, &format!("■ {}  (End)", cx.t("console-end"))).clicked() {
            round_action(cx, RoundAction::End);
        }
        if discard_button(ui, cx) {
            round_action(cx, RoundAction::Abandon);
        }
    });
    ui.add_space(spacing::GAP * 0.5);
    widgets::columns(ui, 2, |column, ui| {
        if column == 0 {
            pad(ui, cx, view);
        } else {
            quote(ui, cx);
            log(ui, cx, record);
            card(ui, cx, record, own_window);
            notes(ui, cx, record);
        }
    });
}

/// The scoring buttons, each with its key; steps already shown carry a tick.
fn pad(ui: &mut Ui, cx: &mut UiCx, view: &RoundView) {
    let p = cx.palette;
    let shown: Vec<String> = view
        .review
        .timelines
        .iter()
        .flat_map(|tl| tl.shown.iter().map(move |s| format!("{}.{}", tl.model, s.step)))
        .collect();
    let mut pressed = Vec::new();
    for group in &view.pad {
        ui.label(widgets::section_label(group.title.get(cx.lang)));
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().button_padding = egui::vec2(10.0, 6.0);
            for button in &group.buttons {
                let key = button.key.map_or(String::new(), |k| format!("[{k}] "));
                let tick = if shown.contains(&button.tag) { format!(" {}", icons::CHECK) } else { String::new() };
                let fill = match button.kind {
                    PadKind::Step if !tick.is_empty() => p.success,
                    PadKind::Step => p.surface_raised,
                    PadKind::Penalty(PenaltyKind::Taboo | PenaltyKind::RedLine) => p.danger,
                    PadKind::Penalty(_) => p.warning,
                    PadKind::Bonus => p.calm,
                };
                let text_color = if fill == p.surface_raised { p.text } else { readable_on(fill) };
                let text = RichText::new(format!("{key}{}{tick}", button.name.get(cx.lang))).size(text_size::SMALL);
                if ui.add(egui::Button::new(text.color(text_color)).fill(fill)).clicked() {
                    pressed.push(button.tag.clone());
                }
            }
        });
    }
    for tag in pressed {
        round_action(cx, RoundAction::Press(tag));
    }
}

/// What the rep said, typed by the trainer; Enter scores it.
fn quote(ui: &mut Ui, cx: &mut UiCx) {
    ui.label(widgets::section_label(cx.t("console-quote")));
    let mut draft = cx.round.quote_draft.clone();
    let id = egui::Id::new("console-quote");
    let response = ui.add(
        egui::TextEdit::singleline(&mut draft)
            .id(id)
            .hint_text(cx.t("console-quote-hint"))
            .desired_width(ui.available_width()),
    );
    if response.changed() {
        round_action(cx, RoundAction::QuoteDraft(draft));
    }
    let entered = ui.input(|i| i.key_pressed(egui::Key::Enter));
    if response.lost_focus() && entered {
        round_action(cx, RoundAction::Quote);
    } else if entered && !response.has_focus() && !ui.ctx().egui_wants_keyboard_input() {
        // Enter anywhere else starts typing a quote.
        response.request_focus();
    }
}

/// The latest presses and quotes, newest first.
fn log(ui: &mut Ui, cx: &UiCx, record: &RoundRecord) {
    let p = cx.palette;
    ui.label(widgets::section_label(cx.t("console-log")));
    let names = cx.round.view.as_ref().map(|v| &v.pad);
    for event in record.events.iter().rev().take(6) {
        let what = match &event.what {
            Observed::Tag(tag) => names
                .and_then(|pad| pad.iter().flat_map(|g| &g.buttons).find(|b| &b.tag == tag))
                .map_or(tag.clone(), |b| b.name.get(cx.lang).to_owned()),
            Observed::Quote(text) => format!("{} → {}", cx.lang.quote(text), quote_scored(cx, event.t)),
            Observed::CustomerLeft => cx.t("round-walked-out"),
        };
        let time = widgets::format_clock(event.t as f32);
        ui.label(RichText::new(format!("{time}  {what}")).size(text_size::SMALL).color(p.text));
    }
    if record.events.is_empty() {
        ui.label(RichText::new(cx.t("console-log-empty")).small().color(p.text_muted));
    }
}

/// What a typed quote earned or cost, as the engine read it: the steps it showed and the
/// penalties it drew, or that it scored nothing.
fn quote_scored(cx: &UiCx, t: f64) -> String {
    let Some(view) = cx.round.view.as_ref() else { return String::new() };
    let mut found: Vec<String> = Vec::new();
    for step in view.review.timelines.iter().flat_map(|m| &m.shown).filter(|s| s.t == t && !s.said.is_empty()) {
        let name = format!("{} {}", icons::CHECK, step.name.get(cx.lang));
        if !found.contains(&name) {
            found.push(name);
        }
    }
    for penalty in view.review.penalties.iter().filter(|p| p.t == t && !p.said.is_empty()) {
        found.push(format!("{} {} {:+.0}", icons::WARNING, penalty.name.get(cx.lang), penalty.points));
    }
    if found.is_empty() { cx.t("console-quote-nothing") } else { found.join(" · ") }
}

/// The customer card: for the trainer and the customer player only.
fn card(ui: &mut Ui, cx: &mut UiCx, record: &RoundRecord, own_window: bool) {
    let Some(scenario) = cx.shelf.library.get(&record.scenario) else { return };
    ui.add_space(spacing::GAP * 0.5);
    if own_window || cx.round.card_shown {
        super::library::customer_card(ui, cx, scenario);
    }
    if !own_window {
        let label = if cx.round.card_shown { cx.t("library-hide-card") } else { cx.t("library-show-card") };
        if widgets::button(ui, &label).clicked() {
            round_action(cx, RoundAction::ToggleCard);
        }
    }
}

fn notes(ui: &mut Ui, cx: &mut UiCx, record: &RoundRecord) {
    ui.add_space(spacing::GAP * 0.5);
    ui.label(widgets::section_label(cx.t("console-notes")));
    let mut notes = record.notes.clone();
    let field = egui::TextEdit::multiline(&mut notes)
        .id_salt(("console-notes", record.number))
        .font(egui::TextStyle::Small)
        .desired_rows(3)
        .desired_width(ui.available_width());
    if ui.add(field).changed() {
        round_action(cx, RoundAction::Notes(notes));
    }
}

/// After the round: the ratings and the points; beside them, when phones observed, the
/// observers' reveal and the consensus.
fn rating(ui: &mut Ui, cx: &mut UiCx, record: &RoundRecord, view: &RoundView) {
    if record.observer_marks.is_empty() {
        ratings_and_points(ui, cx, record, view);
        return;
    }
    widgets::weighted_columns(ui, &[0.4, 0.6], |column, ui| {
        if column == 0 {
            ratings_and_points(ui, cx, record, view);
        } else {
            let height = (ui.clip_rect().bottom() - ui.cursor().top() - spacing::GAP).max(240.0);
            // Not shrunk to its content: long rows wrap inside the column instead of widening it.
            let scroll = egui::ScrollArea::vertical().id_salt("console-observers").auto_shrink([false, false]);
            scroll.max_height(height).min_scrolled_height(height).show(ui, |ui| {
                super::observers::console_panel(ui, cx, record, view);
            });
        }
    });
}

/// Each other team's 1–5, the points the round makes, and Finish.
fn ratings_and_points(ui: &mut Ui, cx: &mut UiCx, record: &RoundRecord, view: &RoundView) {
    let p = cx.palette;
    let score = view.review.total();
    let title = cx.t_args("round-number", &[("number", record.number.into())]);
    ui.label(RichText::new(format!("{title} · {}", record.title.get(cx.lang))).strong());
    if view.review.walked_out {
        ui.label(RichText::new(cx.t("round-walked-out")).color(p.danger).strong());
    }
    ui.label(RichText::new(cx.t("console-rate-hint")).small().color(p.text_muted));
    let mut chosen = Vec::new();
    egui::Grid::new("peer-ratings").num_columns(2).spacing([24.0, 10.0]).show(ui, |ui| {
        for team in cx.session.teams.iter().filter(|t| t.id() != record.team) {
            let stars = record.peer_ratings.iter().find(|r| r.team == team.id()).map_or(0, |r| r.stars);
            ui.label(format!("{} {}", team.emoji, team.name));
            ui.horizontal(|ui| {
                for n in 1..=5u8 {
                    let text = RichText::new(if n <= stars { "★" } else { "☆" }).heading().color(p.accent);
                    if ui.add(egui::Button::new(text).frame(false)).clicked() {
                        chosen.push(RoundAction::Rate(team.id(), if n == stars { 0 } else { n }));
                    }
                }
                // Phones of the team replace the typed stars with their average.
                let phones = record.phone_raters(team.id());
                if let (true, Some(average)) = (phones > 0, record.team_stars(team.id())) {
                    ui.label(RichText::new(format!("📱 {average:.1}★ ({phones})")).strong());
                }
            });
            ui.end_row();
        }
    });
    let points = RoundPoints::of(score, record.peer_average(), &cx.session.round_rules);
    let rules = &cx.session.round_rules;
    ui.add_space(spacing::GAP * 0.5);
    ui.label(RichText::new(cx.t_args(
        "console-points",
        &[
            ("score", format!("{score:.0}").into()),
            ("from_score", points.from_score.into()),
            ("full", rules.points_for_full_score.into()),
            ("stars", points.peer_average.map_or("–".to_owned(), |a| format!("{a:.1}")).into()),
            ("per_star", format!("{}", rules.points_per_peer_star).into()),
            ("from_peers", points.from_peers.into()),
            ("total", points.total().into()),
        ],
    )));
    ui.add_space(spacing::GAP * 0.5);
    // Wrapped: beside the observers' panel the column is narrow.
    ui.horizontal_wrapped(|ui| {
        if widgets::primary_button(ui, &p, &format!("{}  (Enter)", cx.t("console-finish"))).clicked() {
            chosen.push(RoundAction::Finish);
        }
        if widgets::button(ui, &format!("{}  (Backspace)", cx.t("console-undo"))).clicked() {
            chosen.push(RoundAction::Undo);
        }
        if discard_button(ui, cx) {
            chosen.push(RoundAction::Abandon);
        }
    });
    for action in chosen {
        round_action(cx, action);
    }
}
