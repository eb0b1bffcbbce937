//! Self-study practice: pick a scenario (or be surprised), talk to a drawn customer whose
//! face follows the mood, choose or type each reply against the clock, then a debrief
//! against the models.

use bevy_egui::egui::{self, RichText, Ui};

use crate::core::disc::Disc;
use crate::core::practice::{PracticeDebrief, PracticeRun, patience_secs};
use crate::core::scenario::{Ending, Scenario};
use crate::features::actions::PracticeAction;
use crate::features::actions::UiAction;
use crate::features::practice::practice_scenarios;
use crate::ui::context::UiCx;
use crate::ui::theme::{icons, spacing, text_size, title_style, widgets};

/// Characters per second of the customer's typing reveal.
const REVEAL_SPEED: f64 = 30.0;

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    widgets::screen_title(ui, &p, icons::PRACTICE, &cx.t("screen-practice"), Some(&cx.t("practice-subtitle")));
    let practice = cx.practice;
    match (practice.run.as_ref(), practice.scenario(cx.shelf), practice.debrief.as_ref()) {
        (Some(_), Some(scenario), Some(debrief)) => show_debrief(ui, cx, scenario, debrief),
        (Some(run), Some(scenario), None) => show_conversation(ui, cx, scenario, run),
        _ => show_picker(ui, cx),
    }
}

fn practise(cx: &mut UiCx, action: PracticeAction) {
    cx.act(UiAction::Practice(action));
}

fn show_picker(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    let disc_filter = cx.practice.disc;
    widgets::columns(ui, 2, |column, ui| {
        if column == 0 {
            ui.label(widgets::section_label(cx.t("practice-choose-disc")));
            ui.horizontal_wrapped(|ui| {
                if ui.selectable_label(disc_filter.is_none(), cx.t("practice-any")).clicked() {
                    practise(cx, PracticeAction::FilterDisc(None));
                }
                for disc in Disc::ALL {
                    let name = cx.t(&format!("disc-{}-name", disc.letter().to_ascii_lowercase()));
                    if ui.selectable_label(disc_filter == Some(disc), name).clicked() {
                        practise(cx, PracticeAction::FilterDisc(Some(disc)));
                    }
                }
            });
            if widgets::primary_button(ui, &p, &cx.t("practice-surprise")).clicked() {
                practise(cx, PracticeAction::Surprise);
            }
            ui.add_space(spacing::GAP);
            let height = (ui.clip_rect().bottom() - ui.cursor().top() - spacing::GAP).max(200.0);
            egui::ScrollArea::vertical().id_salt("practice-list").max_height(height).min_scrolled_height(height).show(
                ui,
                |ui| {
                    let scenarios = practice_scenarios(cx.shelf, disc_filter);
                    for scenario in scenarios {
                        let best = cx.progress.best.get(&scenario.id).map_or_else(
                            || cx.t("practice-not-yet"),
                            |best| cx.t_args("practice-best", &[("score", best.round().into())]),
                        );
                        let label = format!("{}  {}\n{}", scenario.disc.letter(), scenario.title.get(cx.lang), best);
                        let button = egui::Button::new(RichText::new(label).size(text_size::SMALL))
                            .min_size(egui::vec2(ui.available_width(), 0.0));
                        if ui.add(button).clicked() {
                            practise(cx, PracticeAction::Start(scenario.id.clone()));
                        }
                    }
                },
            );
        } else {
            widgets::card(ui, &p, |ui| {
                ui.set_width(ui.available_width());
                ui.label(widgets::section_label(cx.t("practice-progress")));
                ui.label(cx.t_args("practice-streak", &[("days", cx.progress.streak.into())]));
                ui.label(cx.t_args("practice-done-count", &[("count", cx.progress.best.len().into())]));
                let mastered: Vec<String> = cx.progress.mastered.iter().map(|m| super::model_name(cx, m)).collect();
                let mastered = if mastered.is_empty() {
                    cx.t("practice-none-mastered")
                } else {
                    mastered.join(cx.lang.list_separator())
                };
                ui.label(cx.t_args("practice-mastered", &[("models", mastered.into())]));
            });
            ui.add_space(spacing::GAP);
            widgets::card(ui, &p, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(cx.t("practice-how")).color(p.text_muted));
            });
        }
    });
}

fn show_conversation(ui: &mut Ui, cx: &mut UiCx, scenario: &Scenario, run: &PracticeRun) {
    let p = cx.palette;
    let Some(node) = run.node(scenario) else { return };
    let since_line = (cx.now - cx.practice.line_shown_at).max(0.0);
    let mood = run.mood() as f32;
    widgets::columns(ui, 2, |column, ui| {
        if column == 0 {
            ui.label(RichText::new(scenario.title.get(cx.lang)).heading().color(p.accent));
            ui.horizontal(|ui| {
                widgets::customer_face(ui, &p, mood, false, 300.0);
                ui.vertical(|ui| {
                    ui.label(RichText::new(cx.t("practice-mood")).color(p.text_muted));
                    widgets::mood_gauge(ui, &p, egui::Id::new("practice-mood"), mood, 260.0);
                });
            });
            patience(ui, cx, scenario, since_line);
            egui::CollapsingHeader::new(RichText::new(cx.t("practice-rep-brief")).size(text_size::SMALL))
                .id_salt("practice-brief")
                .show(ui, |ui| {
                    ui.label(RichText::new(scenario.rep_brief.get(cx.lang)).size(text_size::SMALL));
                });
        } else {
            let line = node.line.get(cx.lang);
            let total = line.chars().count();
            let revealed = if cx.reduced_motion() { total } else { ((since_line * REVEAL_SPEED) as usize).min(total) };
            if revealed < total {
                ui.ctx().request_repaint();
            }
            // The whole line is laid out from the start, its unrevealed part invisible, and the
            // "understood as" line always has its place: nothing below moves while the line
            // types out, so a click aimed at the text field never lands on a reply.
            widgets::card(ui, &p, |ui| {
                ui.set_width(ui.available_width());
                let mut job = egui::text::LayoutJob::default();
                let font = egui::FontId::proportional(text_size::BODY);
                let shown: String = line.chars().take(revealed).collect();
                let hidden: String = line.chars().skip(revealed).collect();
                job.append(&shown, 0.0, egui::TextFormat::simple(font.clone(), p.text));
                job.append(&hidden, 0.0, egui::TextFormat::simple(font, egui::Color32::TRANSPARENT));
                job.wrap.max_width = ui.available_width();
                ui.label(job);
            });
            let understood = cx.practice.typed_match.map_or_else(
                || (" ".to_owned(), egui::Color32::TRANSPARENT),
                |matched| (cx.t_args("practice-understood-as", &[("option", (matched + 1).into())]), p.text_muted),
            );
            ui.label(RichText::new(understood.0).small().color(understood.1));
            ui.add_space(spacing::GAP * 0.5);
            ui.label(widgets::section_label(cx.t("practice-your-turn")));
            let typing_id = egui::Id::new("practice-typed");
            let typing = ui.memory(|m| m.has_focus(typing_id));
            // A click in a frame where the replies moved was aimed at something else.
            let replies_top = ui.cursor().top();
            let top_id = egui::Id::new("practice-replies-top");
            let moved = ui.data(|d| d.get_temp::<f32>(top_id)).is_some_and(|before| (before - replies_top).abs() > 0.5);
            ui.data_mut(|d| d.insert_temp(top_id, replies_top));
            for (i, option) in node.options.iter().enumerate() {
                let key = [egui::Key::Num1, egui::Key::Num2, egui::Key::Num3, egui::Key::Num4].get(i).copied();
                let pressed = !typing && key.is_some_and(|k| ui.input(|input| input.key_pressed(k)));
                let text = RichText::new(format!("{}  {}", i + 1, option.text.get(cx.lang))).size(text_size::SMALL);
                let button = egui::Button::new(text).wrap().min_size(egui::vec2(ui.available_width(), 48.0));
                if (ui.add(button).clicked() && !moved) || pressed {
                    practise(cx, PracticeAction::Choose(i));
                }
            }
            ui.add_space(spacing::GAP * 0.5);
            let mut typed = ui.data_mut(|d| d.get_temp::<String>(typing_id).unwrap_or_default());
            let mut send = false;
            ui.horizontal(|ui| {
                let edit = egui::TextEdit::singleline(&mut typed)
                    .id(typing_id)
                    .hint_text(cx.t("practice-type-hint"))
                    .desired_width(ui.available_width() - 140.0);
                let response = ui.add(edit);
                send |= response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                send |= widgets::button(ui, &cx.t("practice-send")).clicked();
            });
            if send && !typed.trim().is_empty() {
                practise(cx, PracticeAction::Typed(typed.trim().to_owned()));
                typed.clear();
            }
            ui.data_mut(|d| d.insert_temp(typing_id, typed));
        }
    });
    // The per-turn clock moves once a second.
    cx.redraw_within(1.0);
}

/// The customer's patience for this answer, draining with the DISC type's tolerance.
fn patience(ui: &mut Ui, cx: &UiCx, scenario: &Scenario, waited: f64) {
    let p = cx.palette;
    let limit = patience_secs(scenario.disc);
    let left = (limit - waited).max(0.0);
    let (text, color) = if left > 0.0 {
        (
            cx.t_args("practice-patience", &[("seconds", (left.ceil() as i64).into())]),
            if left < 10.0 { p.warning } else { p.calm },
        )
    } else {
        (cx.t("practice-impatient"), p.danger)
    };
    ui.label(RichText::new(format!("{} {text}", icons::TIMER)).color(color));
    widgets::animated_bar(ui, &p, egui::Id::new("practice-patience"), (left / limit) as f32, color, 16.0);
}

fn show_debrief(ui: &mut Ui, cx: &mut UiCx, scenario: &Scenario, debrief: &PracticeDebrief) {
    let p = cx.palette;
    let (ending_key, ending_color) = match debrief.ending {
        Some(Ending::Resolved) => ("practice-ending-resolved", p.success),
        Some(Ending::Escalated) => ("practice-ending-escalated", p.warning),
        _ => ("practice-ending-walked-out", p.danger),
    };
    widgets::columns(ui, 2, |column, ui| {
        if column == 0 {
            ui.label(RichText::new(scenario.title.get(cx.lang)).heading().color(p.accent));
            ui.horizontal(|ui| {
                let walked_out = debrief.ending == Some(Ending::WalkedOut);
                let mood = debrief.mood_curve.last().copied().unwrap_or(50.0) as f32;
                widgets::customer_face(ui, &p, mood, walked_out, 120.0);
                ui.label(RichText::new(cx.t(ending_key)).heading().color(ending_color));
            });
            ui.horizontal(|ui| {
                if widgets::primary_button(ui, &p, &cx.t("practice-retry")).clicked() {
                    practise(cx, PracticeAction::Retry);
                }
                if widgets::button(ui, &cx.t("practice-another")).clicked() {
                    practise(cx, PracticeAction::Leave);
                }
            });
            ui.horizontal(|ui| {
                ui.label(RichText::new(cx.t("practice-score")).heading());
                ui.label(
                    RichText::new(format!("{:.0}", debrief.report.total)).text_style(title_style()).color(p.accent),
                );
            });
            for model in &scenario.models {
                if let Some(result) = debrief.report.models.get(model) {
                    ui.label(format!("{}  {:.0}", result.name.get(cx.lang), result.score));
                    let id = egui::Id::new(("practice-model", model.as_str()));
                    widgets::animated_bar(ui, &p, id, (result.score / 100.0) as f32, p.calm, 22.0);
                }
            }
            ui.add_space(spacing::GAP * 0.5);
            ui.label(widgets::section_label(cx.t("practice-mood-curve")));
            mood_curve(ui, cx, &debrief.mood_curve);
        } else {
            let height = (ui.clip_rect().bottom() - ui.cursor().top() - spacing::GAP).max(200.0);
            egui::ScrollArea::vertical()
                .id_salt("practice-review")
                .max_height(height)
                .min_scrolled_height(height)
                .show(ui, |ui| {
                    for (n, review) in debrief.reviews.iter().enumerate() {
                        widgets::card(ui, &p, |ui| {
                            ui.set_width(ui.available_width());
                            let change = review.mood_change.round();
                            let change = if change > 0.0 {
                                RichText::new(format!("+{change}")).color(p.success)
                            } else if change < 0.0 {
                                RichText::new(format!("{change}")).color(p.danger)
                            } else {
                                RichText::new("±0").color(p.text_muted)
                            };
                            ui.horizontal(|ui| {
                                ui.label(RichText::new(format!("{}.", n + 1)).strong());
                                ui.label(change.strong());
                                if review.slow {
                                    ui.label(RichText::new(cx.t("practice-slow")).small().color(p.warning));
                                }
                            });
                            let small = |text: String| RichText::new(text).size(text_size::SMALL);
                            ui.label(small(format!("{} {}", cx.t("practice-you-said"), review.reply.get(cx.lang))));
                            ui.label(small(review.why.get(cx.lang).to_owned()).color(p.text_muted));
                            // The turns that cost most (at least half the worst drop) get the model answer.
                            if review.mood_change < 0.0
                                && review.mood_change <= debrief.worst_change / 2.0
                                && let Some(model) = &review.model_answer
                            {
                                ui.label(
                                    small(format!("{} {}", cx.t("practice-model-answer"), model.get(cx.lang)))
                                        .color(p.calm),
                                );
                            }
                        });
                    }
                });
        }
    });
}

fn mood_curve(ui: &mut Ui, cx: &UiCx, curve: &[f64]) {
    let p = cx.palette;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(ui.available_width(), 110.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 8.0, p.surface_raised);
    if curve.len() < 2 {
        return;
    }
    let step = rect.width() / (curve.len() - 1) as f32;
    let points: Vec<egui::Pos2> = curve
        .iter()
        .enumerate()
        .map(|(i, mood)| {
            egui::pos2(rect.left() + step * i as f32, rect.bottom() - rect.height() * (*mood as f32) / 100.0)
        })
        .collect();
    ui.painter().add(egui::Shape::line(points.clone(), egui::Stroke::new(4.0, p.accent)));
    for point in points {
        ui.painter().circle_filled(point, 6.0, p.accent);
    }
}
