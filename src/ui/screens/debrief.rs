//! The 5-3-1 debrief: each team's (or each participant's) takeaways, tools to apply and an
//! action plan (what, by when, who checks), edited in place; a gallery of every team side by side with a word
//! cloud of the takeaways. 3-2-1 is a switch away.

use bevy_egui::egui::{self, RichText, Ui};

use crate::features::actions::CampAction;

use crate::core::round::WeakStep;
use crate::core::session::DebriefPart;
use crate::core::session::SessionEdit;
use crate::core::session::debrief::COURSE_TOOLS;
use crate::core::session::{Debrief, DebriefShape, Team, TeamId};
use crate::core::wordcloud;
use crate::features::actions::UiAction;
use crate::ui::context::UiCx;
use crate::ui::theme::{fonts, icons, palette::team_color, spacing, text_size, widgets};

/// Which team the editor shows (a team index, kept in egui's memory); `None` is the gallery.
pub fn selected_id() -> egui::Id {
    egui::Id::new("debrief-selected-team")
}

/// Whose debrief of the selected team the editor shows: `None` is the whole team's.
fn participant_id() -> egui::Id {
    egui::Id::new("debrief-selected-participant")
}

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    let shape = cx.session.debrief_shape;
    let subtitle = cx.t_args(
        "debrief-subtitle-shape",
        &[("takeaways", shape.takeaways.into()), ("tools", shape.tools.into()), ("actions", shape.actions.into())],
    );
    widgets::screen_title(ui, &p, icons::DEBRIEF, &cx.t("screen-debrief"), Some(&subtitle));
    if cx.session.teams.is_empty() {
        ui.label(RichText::new(cx.t("teams-empty")).color(p.text_muted));
        return;
    }
    let mut selected: Option<usize> = ui.data_mut(|d| d.get_temp(selected_id())).unwrap_or(None);
    ui.horizontal_wrapped(|ui| {
        if ui.selectable_label(selected.is_none(), cx.t("debrief-gallery")).clicked() {
            selected = None;
        }
        for (i, team) in cx.session.teams.iter().enumerate() {
            if ui.selectable_label(selected == Some(i), format!("{} {}", team.emoji, team.name)).clicked() {
                selected = Some(i);
            }
        }
        ui.separator();
        let other = if shape == DebriefShape::SHORT { "debrief-use-531" } else { "debrief-use-321" };
        if ui.button(cx.t(other)).clicked() {
            cx.act(UiAction::Edit(SessionEdit::ToggleDebriefShape));
        }
        if ui.button(cx.t("debrief-export")).clicked() {
            cx.act(UiAction::Camp(CampAction::Export));
        }
    });
    if let Some(dir) = cx.camp.exported_to {
        let done = cx.t_args("debrief-exported", &[("folder", dir.display().to_string().into())]);
        ui.label(RichText::new(done).small().color(cx.palette.calm));
    }
    ui.data_mut(|d| d.insert_temp(selected_id(), selected));
    ui.add_space(spacing::GAP * 0.5);
    let Some(team) = selected.and_then(|i| cx.session.teams.get(i)) else {
        gallery(ui, cx, shape);
        return;
    };
    // The team's own debrief or one member's: a member no longer in the team falls back.
    let mut participant: Option<String> = ui.data_mut(|d| d.get_temp(participant_id())).unwrap_or(None);
    participant = participant.filter(|name| team.members.contains(name));
    ui.horizontal_wrapped(|ui| {
        if ui.selectable_label(participant.is_none(), cx.t("debrief-whole-team")).clicked() {
            participant = None;
        }
        for member in &team.members {
            if ui.selectable_label(participant.as_ref() == Some(member), member).clicked() {
                participant = Some(member.clone());
            }
        }
    });
    ui.data_mut(|d| d.insert_temp(participant_id(), participant.clone()));
    ui.add_space(spacing::GAP * 0.5);
    editor(ui, cx, team, participant.as_deref(), shape);
}

fn editor(ui: &mut Ui, cx: &mut UiCx, team: &Team, participant: Option<&str>, shape: DebriefShape) {
    let p = cx.palette;
    let empty = Debrief::default();
    let debrief = cx.session.debrief_of(team.id(), participant).unwrap_or(&empty);
    let owner = Owner { team: team.id(), participant };
    let line = |lines: &Vec<String>, i: usize| lines.get(i).cloned().unwrap_or_default();
    // A participant's debrief draws on the rounds of their team.
    let round = cx.round;
    let weak: &[WeakStep] = round.weakest_steps.get(&team.id()).map(Vec::as_slice).unwrap_or_default();
    // How the participant judged others' rounds from their phone, when they observed.
    let judged = participant
        .and_then(|name| cx.session.room.seat_named(team.id(), name))
        .and_then(|seat| round.judges.iter().find(|j| j.seat == seat));
    if let Some(judge) = judged {
        let line = cx.t_args(
            "observers-judge-line",
            &[
                ("points", judge.points.into()),
                ("agreement", format!("{:.0}", judge.agreement * 100.0).into()),
                ("rounds", judge.rounds.into()),
            ],
        );
        ui.label(RichText::new(line).strong().color(p.accent));
    }
    widgets::columns(ui, 3, |column, ui| {
        widgets::card(ui, &p, |ui| {
            ui.set_width(ui.available_width());
            match column {
                0 => {
                    header(ui, cx, shape.takeaways, "debrief-takeaways");
                    for i in 0..shape.takeaways {
                        edit(ui, cx, owner, DebriefPart::Takeaway(i), &line(&debrief.takeaways, i), i + 1);
                    }
                }
                1 => {
                    header(ui, cx, shape.tools, "debrief-tools");
                    for i in 0..shape.tools {
                        edit(ui, cx, owner, DebriefPart::Tool(i), &line(&debrief.tools, i), i + 1);
                    }
                    ui.label(RichText::new(cx.t("debrief-tool-hint")).small().color(p.text_muted));
                    let next_free = (0..shape.tools).find(|&i| line(&debrief.tools, i).trim().is_empty());
                    ui.horizontal_wrapped(|ui| {
                        for key in COURSE_TOOLS {
                            let name = cx.t(key);
                            let chosen = debrief.tools.contains(&name);
                            let button =
                                egui::Button::new(RichText::new(&name).size(text_size::SMALL)).selected(chosen);
                            if ui.add_enabled(!chosen && next_free.is_some(), button).clicked()
                                && let Some(slot) = next_free
                            {
                                cx.act(UiAction::Edit(SessionEdit::Debrief {
                                    team: team.id(),
                                    participant: participant.map(str::to_owned),
                                    part: DebriefPart::Tool(slot),
                                    text: name,
                                }));
                            }
                        }
                    });
                    let clicked = weak_chips(ui, cx, weak, "debrief-weak-tools", false, |step| {
                        let text = chip_text(cx, step);
                        (debrief.tools.contains(&text), next_free.is_some())
                    });
                    if let (Some(step), Some(slot)) = (clicked, next_free) {
                        let text = chip_text(cx, step);
                        cx.act(UiAction::Edit(SessionEdit::Debrief {
                            team: team.id(),
                            participant: participant.map(str::to_owned),
                            part: DebriefPart::Tool(slot),
                            text,
                        }));
                    }
                }
                _ => {
                    header(ui, cx, shape.actions, "debrief-action");
                    for i in 0..shape.actions {
                        let plan = debrief.actions.get(i).cloned().unwrap_or_default();
                        ui.label(RichText::new(cx.t("debrief-what")).small().color(p.text_muted));
                        edit(ui, cx, owner, DebriefPart::ActionWhat(i), &plan.what, i + 1);
                        ui.label(RichText::new(cx.t("debrief-by-when")).small().color(p.text_muted));
                        edit(ui, cx, owner, DebriefPart::ActionByWhen(i), &plan.by_when, i + 1);
                        ui.label(RichText::new(cx.t("debrief-checker")).small().color(p.text_muted));
                        edit(ui, cx, owner, DebriefPart::ActionChecker(i), &plan.checker, i + 1);
                    }
                    let next_free = (0..shape.actions)
                        .find(|&i| debrief.actions.get(i).is_none_or(|plan| plan.what.trim().is_empty()));
                    let clicked = weak_chips(ui, cx, weak, "debrief-weak-actions", true, |step| {
                        let explain = step.explain.get(cx.lang);
                        (
                            debrief.actions.iter().take(shape.actions).any(|plan| plan.what == explain),
                            next_free.is_some(),
                        )
                    });
                    if let (Some(step), Some(slot)) = (clicked, next_free) {
                        cx.act(UiAction::Edit(SessionEdit::Debrief {
                            team: team.id(),
                            participant: participant.map(str::to_owned),
                            part: DebriefPart::ActionWhat(slot),
                            text: step.explain.get(cx.lang).to_owned(),
                        }));
                    }
                }
            }
        });
    });
}

/// A weak step as its chip reads: "{model} · {step}".
fn chip_text(cx: &UiCx, step: &WeakStep) -> String {
    format!("{} · {}", step.model_name.get(cx.lang), step.step_name.get(cx.lang))
}

/// The team's weakest steps from its rounds as a row of chips under `label_key`, each hovered with how
/// often it went wrong (and what the step means, `with_explain`); `state` says whether a chip is already
/// used and whether it can be picked. Draws nothing when the team has no weak steps. Returns the step clicked.
fn weak_chips<'w>(
    ui: &mut Ui,
    cx: &UiCx,
    weak: &'w [WeakStep],
    label_key: &str,
    with_explain: bool,
    state: impl Fn(&WeakStep) -> (bool, bool),
) -> Option<&'w WeakStep> {
    if weak.is_empty() {
        return None;
    }
    let p = cx.palette;
    ui.add_space(spacing::GAP * 0.25);
    ui.label(RichText::new(cx.t(label_key)).small().color(p.text_muted));
    let mut clicked = None;
    ui.horizontal_wrapped(|ui| {
        for step in weak {
            let (chosen, free) = state(step);
            let mut hover = cx.t_args(
                "debrief-weak-step-hint",
                &[("missed", step.missed.into()), ("order", step.out_of_order.into()), ("rounds", step.rounds.into())],
            );
            if with_explain {
                hover = format!("{hover}\n{}", step.explain.get(cx.lang));
            }
            let text = RichText::new(chip_text(cx, step)).size(text_size::SMALL);
            let button = egui::Button::new(text.color(p.accent)).selected(chosen);
            let response = ui.add_enabled(!chosen && free, button).on_hover_text(&hover).on_disabled_hover_text(&hover);
            if response.clicked() {
                clicked = Some(step);
            }
        }
    });
    clicked
}

fn header(ui: &mut Ui, cx: &UiCx, count: usize, key: &str) {
    let p = cx.palette;
    ui.horizontal(|ui| {
        ui.label(RichText::new(count.to_string()).text_style(crate::ui::theme::title_style()).color(p.accent));
        ui.label(widgets::section_label(cx.t(key)));
    });
}

/// Whose debrief a line belongs to.
#[derive(Clone, Copy)]
struct Owner<'a> {
    team: TeamId,
    participant: Option<&'a str>,
}

/// A numbered line of the debrief, saved as it is typed.
fn edit(ui: &mut Ui, cx: &mut UiCx, owner: Owner, part: DebriefPart, current: &str, number: usize) {
    let mut text = current.to_owned();
    let response = ui.horizontal(|ui| {
        ui.label(RichText::new(format!("{number}.")).color(cx.palette.text_muted));
        ui.add(
            // Wrapped rather than cut off, so a whole takeaway reads from the back row; Enter
            // inserts no line break (each line is one item).
            egui::TextEdit::multiline(&mut text)
                .desired_rows(1)
                .return_key(None)
                .id_salt((owner.team, owner.participant, format!("{part:?}")))
                .hint_text(cx.t("debrief-empty"))
                .desired_width(ui.available_width()),
        )
    });
    if response.inner.changed() {
        let participant = owner.participant.map(str::to_owned);
        cx.act(UiAction::Edit(SessionEdit::Debrief { team: owner.team, participant, part, text }));
    }
}

/// Every team's debrief side by side, under a word cloud of all their takeaways.
/// Members' lines a team's card shows when the team has no debrief of its own.
const MEMBER_LINES: usize = 6;

fn gallery(ui: &mut Ui, cx: &mut UiCx, shape: DebriefShape) {
    let p = cx.palette;
    let takeaways = cx.session.debriefs.iter().flat_map(|d| d.takeaways.iter().map(String::as_str));
    let words = wordcloud::keywords(takeaways, 24);
    if !words.is_empty() {
        let most = words[0].1.max(1) as f32;
        ui.horizontal_wrapped(|ui| {
            for (i, (word, count)) in words.iter().enumerate() {
                let size = text_size::SMALL + 28.0 * (*count as f32 / most);
                let color = team_color(i);
                // A word never breaks across lines: it moves to the next line whole.
                let text = RichText::new(word).size(size).family(fonts::bold_family()).color(color);
                ui.add(egui::Label::new(text).extend());
            }
        });
        ui.add_space(spacing::GAP * 0.5);
    }
    let teams = &cx.session.teams;
    widgets::columns(ui, 3, |column, ui| {
        for team in teams.iter().skip(column).step_by(3) {
            widgets::card(ui, &p, |ui| {
                ui.set_width(ui.available_width());
                widgets::team_badge(ui, &p, team.color, &team.emoji, &team.name, 40.0);
                let small = |text: String| RichText::new(text).size(text_size::SMALL);
                // Each member's own 5-3-1 (from the keyboard or their phone): their first line.
                let members: Vec<(&str, &str)> = cx
                    .session
                    .debriefs
                    .iter()
                    .filter(|d| d.team == Some(team.id()))
                    .filter_map(|d| {
                        let name = d.participant.as_deref()?;
                        let first = d.takeaways.iter().find(|t| !t.trim().is_empty())?;
                        Some((name, first.as_str()))
                    })
                    .collect();
                let Some(debrief) = cx.session.debrief(team.id()) else {
                    if members.is_empty() {
                        ui.label(RichText::new(cx.t("debrief-not-yet")).small().color(p.text_muted));
                    }
                    for (name, first) in members.iter().take(MEMBER_LINES) {
                        ui.add(egui::Label::new(small(format!("{name}: {first}"))).truncate());
                    }
                    if members.len() > MEMBER_LINES {
                        let more =
                            cx.t_args("debrief-more-members", &[("count", (members.len() - MEMBER_LINES).into())]);
                        ui.label(small(more).color(p.text_muted));
                    }
                    return;
                };
                for (n, takeaway) in
                    debrief.takeaways.iter().take(shape.takeaways).filter(|t| !t.is_empty()).enumerate()
                {
                    ui.label(small(format!("{}. {takeaway}", n + 1)));
                }
                let tools: Vec<&str> =
                    debrief.tools.iter().take(shape.tools).map(String::as_str).filter(|t| !t.is_empty()).collect();
                if !tools.is_empty() {
                    ui.label(small(format!("{} {}", icons::CHECK, tools.join(cx.lang.list_separator()))).color(p.calm));
                }
                for plan in debrief.actions.iter().take(shape.actions).filter(|a| !a.what.is_empty()) {
                    let line = cx.t_args(
                        "debrief-plan-line",
                        &[
                            ("what", plan.what.clone().into()),
                            ("when", plan.by_when.clone().into()),
                            ("who", plan.checker.clone().into()),
                        ],
                    );
                    ui.label(small(format!("{} {line}", icons::NEXT)).color(p.accent));
                }
            });
            ui.add_space(spacing::GAP * 0.5);
        }
    });
}
