//! Scenario library: filter by kind, customer type and difficulty, draw one at random, read
//! the rep brief; the customer card (secret from the rep) only on request.

use bevy_egui::egui::{self, RichText, Ui};

use crate::core::disc::Disc;
use crate::core::scenario::{Difficulty, Scenario, ScenarioKind};
use crate::features::actions::LibraryAction;
use crate::features::actions::UiAction;
use crate::ui::context::UiCx;
use crate::ui::theme::{icons, spacing, text_size, widgets};

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    let subtitle = cx.t_args("library-subtitle", &[("count", cx.shelf.library.items.len().into())]);
    widgets::screen_title(ui, &p, icons::LIBRARY, &cx.t("screen-library"), Some(&subtitle));
    filters(ui, cx);
    ui.add_space(spacing::GAP);
    let matching = cx.shelf.filtered(&cx.library_view.filter);
    let current = cx.library_view.current(cx.shelf);
    let height = (ui.clip_rect().bottom() - ui.cursor().top() - spacing::GAP).max(200.0);
    widgets::columns(ui, 2, |column, ui| {
        egui::ScrollArea::vertical().id_salt(("library", column)).max_height(height).min_scrolled_height(height).show(
            ui,
            |ui| {
                if column == 0 {
                    scenario_list(ui, cx, &matching, current.map(|s| s.id.as_str()));
                } else {
                    match current {
                        Some(scenario) => details(ui, cx, scenario),
                        None => {
                            ui.label(RichText::new(cx.t("library-pick")).color(p.text_muted));
                        }
                    }
                }
            },
        );
    });
}

pub(super) fn filters(ui: &mut Ui, cx: &mut UiCx) {
    let filter = cx.library_view.filter;
    let mut chosen = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().button_padding = egui::vec2(14.0, 8.0);
        if widgets::primary_button(ui, &cx.palette, &cx.t("library-draw")).clicked() {
            chosen.push(LibraryAction::Draw);
        }
        ui.separator();
        let kinds = [
            (None, "library-all"),
            (Some(ScenarioKind::Complaint), "kind-complaint"),
            (Some(ScenarioKind::OverScope), "kind-over-scope"),
        ];
        for (kind, key) in kinds {
            if ui.selectable_label(filter.kind == kind, chip(cx.t(key))).clicked() {
                chosen.push(LibraryAction::Kind(kind));
            }
        }
        ui.separator();
        if ui.selectable_label(filter.disc.is_none(), chip(format!("DISC {}", cx.t("library-all")))).clicked() {
            chosen.push(LibraryAction::Disc(None));
        }
        for disc in Disc::ALL {
            let hint = cx.t(&format!("disc-{}-win", disc.letter().to_ascii_lowercase()));
            if ui
                .selectable_label(filter.disc == Some(disc), chip(disc.letter().to_string()))
                .on_hover_text(hint)
                .clicked()
            {
                chosen.push(LibraryAction::Disc(Some(disc)));
            }
        }
        ui.separator();
        let difficulties = [
            (None, "library-all"),
            (Some(Difficulty::Easy), "difficulty-easy"),
            (Some(Difficulty::Medium), "difficulty-medium"),
            (Some(Difficulty::Hard), "difficulty-hard"),
        ];
        for (difficulty, key) in difficulties {
            if ui.selectable_label(filter.difficulty == difficulty, chip(cx.t(key))).clicked() {
                chosen.push(LibraryAction::Difficulty(difficulty));
            }
        }
    });
    for action in chosen {
        cx.act(UiAction::Library(action));
    }
}

/// A filter choice: smaller than body text so the whole filter row fits one line.
fn chip(text: impl Into<String>) -> RichText {
    RichText::new(text).size(text_size::SMALL)
}

/// "D · Complaint · Logistics · Medium · 5 min"
pub(super) fn summary(cx: &UiCx, scenario: &Scenario) -> String {
    let kind = match scenario.kind {
        ScenarioKind::Complaint => cx.t("kind-complaint"),
        ScenarioKind::OverScope => cx.t("kind-over-scope"),
    };
    let difficulty = cx.t(match scenario.difficulty {
        Difficulty::Easy => "difficulty-easy",
        Difficulty::Medium => "difficulty-medium",
        Difficulty::Hard => "difficulty-hard",
    });
    let minutes = cx.t_args("library-minutes", &[("minutes", scenario.time_limit_secs.div_ceil(60).into())]);
    format!("{} · {kind} · {} · {difficulty} · {minutes}", scenario.disc.letter(), scenario.industry.get(cx.lang))
}

pub(super) fn scenario_list(ui: &mut Ui, cx: &mut UiCx, matching: &[&Scenario], selected: Option<&str>) {
    let p = cx.palette;
    if matching.is_empty() {
        ui.label(RichText::new(cx.t("library-none")).color(p.text_muted));
    }
    for scenario in matching {
        let is_selected = selected == Some(scenario.id.as_str());
        let frame = egui::Frame::new()
            .fill(if is_selected { p.accent.gamma_multiply(0.15) } else { p.surface })
            .stroke(egui::Stroke::new(
                if is_selected { 3.0 } else { 1.0 },
                if is_selected { p.accent } else { p.border },
            ))
            .corner_radius(egui::CornerRadius::same(spacing::ROUNDING))
            .inner_margin(egui::Margin::symmetric(20, 10));
        let response = frame
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(scenario.title.get(cx.lang)).strong());
                ui.label(RichText::new(summary(cx, scenario)).small().color(p.text_muted));
            })
            .response
            .interact(egui::Sense::click());
        if response.clicked() {
            cx.act(UiAction::Library(LibraryAction::Select(scenario.id.clone())));
        }
        ui.add_space(spacing::GAP * 0.25);
    }
}

fn details(ui: &mut Ui, cx: &mut UiCx, scenario: &Scenario) {
    let p = cx.palette;
    let lang = cx.lang;
    ui.label(RichText::new(scenario.title.get(lang)).heading().color(p.accent));
    let shown = cx.library_view.show_customer_card;
    if !shown {
        ui.label(RichText::new(summary(cx, scenario)).color(p.text_muted));
        let letter = scenario.disc.letter().to_ascii_lowercase();
        ui.label(
            RichText::new(format!(
                "{} — {}",
                cx.t(&format!("disc-{letter}-name")),
                cx.t(&format!("disc-{letter}-win"))
            ))
            .color(p.calm)
            .strong(),
        );
        ui.label(RichText::new(cx.t(&format!("disc-{letter}-traits"))).small().color(p.text_muted));
        if let Some(dialogue) = &scenario.dialogue {
            let nodes = cx.t_args("library-dialogue", &[("nodes", dialogue.nodes.len().into())]);
            ui.label(RichText::new(nodes).small().color(p.text_muted));
        }
    }
    let toggle = if shown { cx.t("library-hide-card") } else { cx.t("library-show-card") };
    if widgets::button(ui, &toggle).clicked() {
        cx.act(UiAction::Library(LibraryAction::ToggleCustomerCard));
    }
    ui.add_space(spacing::GAP * 0.5);
    // The card takes the rep brief's place: it is what the customer player reads.
    if shown {
        customer_card(ui, cx, scenario);
        return;
    }
    widgets::card(ui, &p, |ui| {
        ui.set_width(ui.available_width());
        ui.label(widgets::section_label(cx.t("library-rep-brief")));
        ui.label(scenario.rep_brief.get(lang));
        ui.add_space(spacing::GAP * 0.5);
        ui.label(widgets::section_label(cx.t("library-key-behaviours")));
        for behaviour in &scenario.key_behaviours {
            ui.label(format!("{} {}", icons::CHECK, behaviour.text.get(lang)));
        }
    });
}

pub(super) fn customer_card(ui: &mut Ui, cx: &UiCx, scenario: &Scenario) {
    let p = cx.palette;
    let lang = cx.lang;
    let card = &scenario.customer;
    egui::Frame::new()
        .fill(p.surface)
        .stroke(egui::Stroke::new(3.0, p.warning))
        .corner_radius(egui::CornerRadius::same(spacing::ROUNDING))
        .inner_margin(egui::Margin::symmetric(24, 12))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let field = |ui: &mut Ui, key: &str, text: &str| {
                ui.label(widgets::section_label(cx.t(key)).color(p.warning));
                ui.label(RichText::new(text).size(text_size::SMALL));
            };
            field(ui, "card-opening", card.opening_line.get(lang));
            field(ui, "card-persona", card.persona.get(lang));
            field(ui, "card-what-happened", card.what_happened.get(lang));
            field(ui, "card-how-to-talk", card.how_to_talk.get(lang));
            for (key, items) in [
                ("card-hidden-needs", &card.hidden_needs),
                ("card-escalates", &card.escalates_when),
                ("card-calms", &card.calms_when),
            ] {
                let joined: Vec<&str> = items.iter().map(|item| item.get(lang)).collect();
                field(ui, key, &joined.join(lang.list_separator()));
            }
        });
}
