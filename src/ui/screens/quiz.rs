//! The quiz: the builder (ready sets, or a draw by model, difficulty and count), then each
//! question with its countdown, the room's answers as bars with the right one and the course's
//! explanation, the standings, and at the end the points in the ledger. Choices carry a number,
//! a shape and a colour from a colour-blind-safe set, so none depends on colour alone.

use bevy_egui::egui::{self, Align2, Color32, FontId, RichText, Sense, Ui, Vec2};

use crate::core::quiz::bank::MODELS;
use crate::core::quiz::play::{QuizPhase, right_choice};
use crate::core::quiz::{Answerer, QuestionKind, QuizMode, QuizRun};
use crate::core::scenario::Difficulty;
use crate::core::session::TeamId;
use crate::features::actions::{QuizAction, UiAction};
use crate::features::quiz::everyone_answered;
use crate::ui::context::UiCx;
use crate::ui::theme::palette::{readable_on, team_color};
use crate::ui::theme::{fonts, icons, spacing, text_size, widgets};

/// Okabe and Ito's colour-blind-safe colours, with a shape each: blue ▲, orange ◆, green ●,
/// purple ■.
const CHOICE_STYLES: [(Color32, &str); 4] = [
    (Color32::from_rgb(0x00, 0x72, 0xB2), "▲"),
    (Color32::from_rgb(0xE6, 0x9F, 0x00), "◆"),
    (Color32::from_rgb(0x00, 0x9E, 0x73), "●"),
    (Color32::from_rgb(0xCC, 0x79, 0xA7), "■"),
];

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let session = cx.session;
    match session.open_quiz() {
        Some(index) => play(ui, cx, &session.quizzes[index]),
        None => {
            if let Some(last) = session.quizzes.last() {
                finished(ui, cx, last);
                ui.add_space(spacing::SECTION);
            }
            builder(ui, cx);
        }
    }
}

fn builder(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    let (shelf, desk) = (cx.quiz.shelf, cx.quiz.desk);
    let total = shelf.bank.questions().count();
    let subtitle = cx.t_args("quiz-bank-subtitle", &[("count", total.into())]);
    if cx.session.quizzes.is_empty() {
        widgets::screen_title(ui, &p, icons::QUIZ, &cx.t("screen-quiz"), Some(&subtitle));
    }
    if let Some(id) = &desk.abandoned.as_ref().map(|q| q.number) {
        ui.horizontal(|ui| {
            ui.label(RichText::new(cx.t_args("quiz-abandoned", &[("number", (*id).into())])).color(p.text_muted));
            if widgets::button(ui, &cx.t("quiz-restore")).clicked() {
                cx.act(UiAction::Quiz(QuizAction::RestoreAbandoned));
            }
        });
    }
    widgets::weighted_columns(ui, &[0.42, 0.58], |column, ui| match column {
        0 => {
            ui.label(widgets::section_label(cx.t("quiz-ready-sets")));
            egui::ScrollArea::vertical().id_salt("quiz-sets").max_height(560.0).show(ui, |ui| {
                for set in shelf.bank.iter() {
                    let chosen = desk.set.as_deref() == Some(set.id.as_str());
                    let label = format!("{} · {}", set.title.get(cx.lang), set.questions.len());
                    let text = RichText::new(label).size(text_size::SMALL);
                    if ui.add(egui::Button::selectable(chosen, text).min_size(Vec2::new(0.0, 44.0))).clicked() {
                        cx.act(UiAction::Quiz(QuizAction::ChooseSet(if chosen { None } else { Some(set.id.clone()) })));
                    }
                }
            });
        }
        _ => {
            ui.label(widgets::section_label(cx.t("quiz-draw")));
            ui.horizontal_wrapped(|ui| {
                for model in MODELS {
                    let on = desk.filter.models.contains(model);
                    let text = RichText::new(cx.t(&format!("quiz-model-{model}"))).size(text_size::SMALL);
                    if ui.add(egui::Button::selectable(on && desk.set.is_none(), text)).clicked() {
                        cx.act(UiAction::Quiz(QuizAction::ToggleModel(model.to_string())));
                    }
                }
            });
            ui.add_space(spacing::GAP * 0.5);
            ui.horizontal(|ui| {
                for (difficulty, key) in [
                    (None, "quiz-any-difficulty"),
                    (Some(Difficulty::Easy), "difficulty-easy"),
                    (Some(Difficulty::Medium), "difficulty-medium"),
                    (Some(Difficulty::Hard), "difficulty-hard"),
                ] {
                    let on = desk.filter.difficulty == difficulty && desk.set.is_none();
                    if ui.add(egui::Button::selectable(on, RichText::new(cx.t(key)).size(text_size::SMALL))).clicked() {
                        cx.act(UiAction::Quiz(QuizAction::Difficulty(difficulty)));
                    }
                }
            });
            ui.add_space(spacing::GAP * 0.5);
            ui.horizontal(|ui| {
                ui.label(RichText::new(cx.t("quiz-count")).size(text_size::SMALL));
                for count in [5, 10, 15, 20] {
                    let on = desk.filter.count == count && desk.set.is_none();
                    if ui
                        .add(egui::Button::selectable(on, RichText::new(count.to_string()).size(text_size::SMALL)))
                        .clicked()
                    {
                        cx.act(UiAction::Quiz(QuizAction::Count(count)));
                    }
                }
                let available = desk.filter.available(&shelf.bank);
                let note = cx.t_args("quiz-available", &[("count", available.into())]);
                ui.label(RichText::new(note).size(text_size::SMALL).color(p.text_muted));
            });
            ui.add_space(spacing::GAP * 0.5);
            ui.horizontal(|ui| {
                for (mode, key) in [(QuizMode::Players, "quiz-mode-players"), (QuizMode::Teams, "quiz-mode-teams")] {
                    let text = RichText::new(cx.t(key)).size(text_size::SMALL);
                    if ui.add(egui::Button::selectable(desk.mode == mode, text)).clicked() {
                        cx.act(UiAction::Quiz(QuizAction::Mode(mode)));
                    }
                }
            });
            ui.add_space(spacing::GAP);
            let count = match desk.set.as_deref().and_then(|id| shelf.bank.set(id)) {
                Some(set) => set.questions.len(),
                None => desk.filter.available(&shelf.bank).min(desk.filter.count),
            };
            if count == 0 {
                ui.label(RichText::new(cx.t("quiz-none-match")).color(p.warning));
            } else if widgets::primary_button(ui, &p, &cx.t_args("quiz-start", &[("count", count.into())])).clicked() {
                cx.act(UiAction::Quiz(QuizAction::Start));
            }
            ui.label(RichText::new(cx.t("quiz-keys-hint")).size(text_size::SMALL).color(p.text_muted));
        }
    });
}

fn play(ui: &mut Ui, cx: &mut UiCx, quiz: &QuizRun) {
    let p = cx.palette;
    let question = quiz.question();
    let n = quiz.current;
    ui.horizontal(|ui| {
        let head = cx.t_args(
            "quiz-question-of",
            &[
                ("number", (n + 1).into()),
                ("of", quiz.questions.len().into()),
                ("title", quiz.title.get(cx.lang).into()),
            ],
        );
        ui.label(RichText::new(head).size(text_size::BODY).color(p.text_muted));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if quiz.phase == QuizPhase::Asking {
                let left = quiz.left_ms(crate::core::ids::Timestamp::now()) as f32 / 1000.0;
                let secs = left.ceil() as u32;
                let color = if left <= 5.0 { p.danger } else { p.accent };
                ui.label(
                    RichText::new(format!("{secs}"))
                        .size(text_size::TITLE * 1.4)
                        .family(fonts::bold_family())
                        .color(color),
                );
                ui.label(RichText::new(icons::TIMER).size(text_size::HEADING).color(color));
            }
        });
    });
    if quiz.phase == QuizPhase::Standings {
        standings(ui, cx, quiz, false);
    } else {
        ui.label(RichText::new(question.prompt.get(cx.lang)).size(text_size::HEADING).family(fonts::bold_family()));
        if let QuestionKind::DiscType { line, .. } = &question.kind {
            widgets::card(ui, &p, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(format!("“{}”", line.get(cx.lang))).size(text_size::HEADING).italics());
            });
        }
        ui.add_space(spacing::GAP);
        choices(ui, cx, quiz);
        if quiz.phase == QuizPhase::Answer {
            ui.add_space(spacing::GAP);
            widgets::card(ui, &p, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(format!("{} {}", icons::CHECK, question.explanation.get(cx.lang)))
                        .size(text_size::BODY),
                );
            });
        }
    }
    ui.add_space(spacing::GAP);
    controls(ui, cx, quiz);
}

/// The choices in screen order: tiles while asking; bars of the room's answers, the right
/// one marked, once the question has closed.
fn choices(ui: &mut Ui, cx: &mut UiCx, quiz: &QuizRun) {
    let p = cx.palette;
    let n = quiz.current;
    let question = quiz.question();
    let texts = question.choice_texts(cx.lang, cx.locales);
    let shown = &quiz.shown[n];
    let revealed = quiz.phase != QuizPhase::Asking;
    let right = right_choice(question);
    let counts = quiz.distribution(n);
    let answered = quiz.answers_to(n).count().max(1);
    let order = matches!(question.kind, QuestionKind::Order { .. });
    let columns = if shown.len() <= 4 && !order { 2 } else { 1 };
    let width = (ui.available_width() - spacing::GAP * (columns as f32 - 1.0)) / columns as f32;
    let height = if order { 52.0 } else { 96.0 };
    egui::Grid::new(("quiz-choices", quiz.number, n)).spacing([spacing::GAP, spacing::GAP * 0.6]).show(ui, |ui| {
        for (place, &choice) in shown.iter().enumerate() {
            let (fill, shape) = if order { (p.surface_raised, "") } else { CHOICE_STYLES[place % 4] };
            let is_right = right.contains(&choice);
            let dim = revealed && !order && !is_right;
            let fill = if dim { fill.gamma_multiply(0.35) } else { fill };
            let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::click());
            // With a team picked (its badge below, or its key), a click on a choice answers for it.
            if !revealed && !cx.quiz.desk.typed.is_empty() && response.clicked() {
                cx.act(UiAction::Quiz(QuizAction::PickChoice(place)));
            }
            let painter = ui.painter_at(rect);
            painter.rect_filled(rect, egui::CornerRadius::same(spacing::ROUNDING), fill);
            if revealed {
                // The share who chose it (for an order: who put this step in its right place).
                let share = counts[choice] as f32 / answered as f32;
                let bar = egui::Rect::from_min_size(rect.min, Vec2::new(rect.width() * share, rect.height()));
                painter.rect_filled(bar, egui::CornerRadius::same(spacing::ROUNDING), Color32::from_black_alpha(60));
            }
            // A dimmed tile is pale: dark ink keeps its words readable from the back row.
            let ink = if order || dim { p.text } else { readable_on(fill) };
            let label = if order && revealed {
                // The right order, step by step, after the answer.
                format!("{}. {}", choice + 1, texts[choice])
            } else {
                format!("{} {}  {}", place + 1, shape, texts[choice])
            };
            let size = if order { text_size::BODY } else { text_size::HEADING * 0.8 };
            let galley = ui.fonts_mut(|f| f.layout(label, FontId::proportional(size), ink, rect.width() - 160.0));
            painter.galley(rect.left_center() + Vec2::new(20.0, -galley.size().y / 2.0), galley, ink);
            if revealed {
                let mark = if is_right && !order {
                    format!("{}  {}", icons::CHECK, counts[choice])
                } else {
                    counts[choice].to_string()
                };
                painter.text(
                    rect.right_center() - Vec2::new(20.0, 0.0),
                    Align2::RIGHT_CENTER,
                    mark,
                    FontId::proportional(text_size::HEADING),
                    ink,
                );
            }
            if (place + 1) % columns == 0 {
                ui.end_row();
            }
        }
    });
}

/// Who has answered (never what), the keys, and the trainer's next step.
fn controls(ui: &mut Ui, cx: &mut UiCx, quiz: &QuizRun) {
    let p = cx.palette;
    let session = cx.session;
    let n = quiz.current;
    ui.horizontal_wrapped(|ui| {
        for (place, team) in session.teams.iter().enumerate() {
            let done = team_has_answered(quiz, n, team.id(), session);
            let text = format!("{} {}{}", (place + 1) % 10, team.emoji, if done { " ✔" } else { "" });
            let color = team_color(team.color);
            let fill = if done { color } else { color.gamma_multiply(0.3) };
            let picked = cx.quiz.desk.typed.first() == Some(&place);
            let pill = widgets::pill(ui, RichText::new(text).size(text_size::SMALL).color(readable_on(fill)), fill);
            if picked {
                let stroke = egui::Stroke::new(3.0, p.accent);
                ui.painter().rect_stroke(pill.rect, egui::CornerRadius::same(24), stroke, egui::StrokeKind::Outside);
            }
            if quiz.phase == QuizPhase::Asking && !done && pill.interact(Sense::click()).clicked() {
                cx.act(UiAction::Quiz(QuizAction::PickTeam(place)));
            }
        }
        if quiz.mode == QuizMode::Players && !session.room.seats.is_empty() {
            let phones = quiz.answers_to(n).filter(|a| matches!(a.by, Answerer::Seat(_))).count();
            let of = session.room.seats.len();
            ui.label(
                RichText::new(cx.t_args("quiz-phones-answered", &[("count", phones.into()), ("of", of.into())]))
                    .size(text_size::SMALL),
            );
        }
    });
    ui.horizontal(|ui| {
        let next = match quiz.phase {
            QuizPhase::Asking => "quiz-close",
            QuizPhase::Answer => "quiz-show-standings",
            QuizPhase::Standings if quiz.current + 1 < quiz.questions.len() => "quiz-next-question",
            _ => "quiz-finish",
        };
        if widgets::primary_button(ui, &p, &cx.t(next)).clicked() {
            cx.act(UiAction::Quiz(QuizAction::Next));
        }
        if widgets::button(ui, &cx.t("quiz-abandon")).clicked() {
            cx.act(UiAction::Quiz(QuizAction::Abandon));
        }
        let typed = &cx.quiz.desk.typed;
        let hint = if typed.is_empty() {
            cx.t("quiz-keys-hint")
        } else {
            let keys: Vec<String> = typed
                .iter()
                .enumerate()
                .map(|(i, v)| if i == 0 { ((v + 1) % 10).to_string() } else { (v + 1).to_string() })
                .collect();
            cx.t_args("quiz-typed", &[("keys", keys.join(" ").into())])
        };
        ui.label(RichText::new(hint).size(text_size::SMALL).color(p.text_muted));
    });
    if quiz.phase == QuizPhase::Asking && !everyone_answered(session, quiz) {
        cx.redraw_within(0.25);
    }
}

fn team_has_answered(quiz: &QuizRun, n: usize, team: TeamId, session: &crate::core::session::Session) -> bool {
    quiz.answer_of(n, Answerer::Team(team)).is_some()
        || session.room.seats.iter().any(|s| s.team == team && quiz.answer_of(n, Answerer::Seat(s.id)).is_some())
}

/// The teams by quiz points as bars, and the best phones.
fn standings(ui: &mut Ui, cx: &mut UiCx, quiz: &QuizRun, last: bool) {
    let p = cx.palette;
    let session = cx.session;
    let teams: Vec<TeamId> = session.teams.iter().map(|t| t.id()).collect();
    let table = quiz.team_standings(&teams, &session.room.seats);
    let best = table.first().map_or(1, |s| s.points.max(1));
    let title = if last { cx.t("quiz-final-standings") } else { cx.t("quiz-standings") };
    ui.label(RichText::new(title).size(text_size::HEADING).family(fonts::bold_family()));
    for standing in &table {
        let Some(team) = session.team(standing.who) else { continue };
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("{}.", standing.place)).size(text_size::HEADING).strong());
            ui.add_sized(
                [380.0, 44.0],
                egui::Label::new(RichText::new(format!("{} {}", team.emoji, team.name)).size(text_size::BODY))
                    .truncate(),
            );
            let bar = ui.available_width() - 140.0;
            ui.allocate_ui(Vec2::new(bar, 36.0), |ui| {
                widgets::animated_bar(
                    ui,
                    &p,
                    egui::Id::new(("quiz-bar", quiz.number, team.id())),
                    standing.points as f32 / best as f32,
                    team_color(team.color),
                    30.0,
                );
            });
            ui.label(RichText::new(standing.points.to_string()).size(text_size::HEADING).strong());
        });
    }
    let players = quiz.player_standings();
    if !players.is_empty() {
        ui.add_space(spacing::GAP * 0.5);
        let names: Vec<String> = players
            .iter()
            .take(5)
            .filter_map(|s| session.room.seat(s.who).map(|seat| format!("{}. {} {}", s.place, seat.name, s.points)))
            .collect();
        ui.label(
            RichText::new(format!("{} {}", icons::STAR, names.join("   "))).size(text_size::BODY).color(p.text_muted),
        );
    }
}

/// The last quiz's final standings and the points it put in the ledger.
fn finished(ui: &mut Ui, cx: &mut UiCx, quiz: &QuizRun) {
    let p = cx.palette;
    widgets::screen_title(ui, &p, icons::QUIZ, &cx.t("screen-quiz"), Some(quiz.title.get(cx.lang)));
    standings(ui, cx, quiz, true);
    let landed: i32 = quiz
        .ledger_entries
        .iter()
        .filter_map(|&e| cx.session.ledger.get(e))
        .filter(|e| e.is_live())
        .map(|e| e.points)
        .sum();
    ui.label(
        RichText::new(cx.t_args("quiz-landed", &[("points", landed.into())])).size(text_size::BODY).color(p.success),
    );
}
