//! The frame around every screen: the rail of the camp day, the top bar, the hint line and the
//! problem banner.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::EguiContexts;
use bevy_egui::egui::{self, Align, Layout, RichText, Ui, UiBuilder};

use crate::core::content_error::ContentError;
use crate::features::actions::UiAction;
use crate::features::content::ContentProblems;
use crate::features::navigation::Overlay;
use crate::features::screen::Screen;
use crate::ui::context::{ContentArea, UiCx, UiSources};
use crate::ui::screens::ScreenView;
use crate::ui::theme::{self, icons, spacing, widgets};

#[derive(SystemParam)]
pub struct ChromeParams<'w, 's> {
    contexts: EguiContexts<'w, 's>,
    sources: UiSources<'w>,
    overlay: Res<'w, Overlay>,
    problems: Res<'w, ContentProblems>,
    area: ResMut<'w, ContentArea>,
    actions: MessageWriter<'w, UiAction>,
}

pub fn draw_chrome(mut p: ChromeParams) -> Result {
    let ctx = p.contexts.ctx_mut()?.clone();
    let mut cx = p.sources.cx();
    let mut root = Ui::new(
        ctx.clone(),
        egui::Id::new("root"),
        UiBuilder::new().layer_id(egui::LayerId::background()).max_rect(ctx.content_rect()),
    );
    p.area.0 = if p.overlay.blank {
        // Nothing but black: the room looks at the trainer, not the screen.
        root.painter().rect_filled(ctx.content_rect(), 0.0, egui::Color32::BLACK);
        egui::Rect::NOTHING
    } else {
        let problems: Vec<ContentError> = p.problems.0.iter().chain(&p.sources.shelf.problems).cloned().collect();
        chrome(&mut root, &mut cx, &problems)
    };
    p.actions.write_batch(cx.actions);
    Ok(())
}

/// Draws the rail, the top bar, the hint line and any problem banner; returns the area
/// left for the screen.
pub fn chrome(root: &mut Ui, cx: &mut UiCx, problems: &[ContentError]) -> egui::Rect {
    let p = cx.palette;
    egui::Panel::top("top-bar")
        .frame(egui::Frame::new().fill(p.surface).inner_margin(egui::Margin::symmetric(32, 12)))
        .show(root, |ui| top_bar(ui, cx));
    egui::Panel::bottom("hint-line")
        .frame(egui::Frame::new().fill(p.surface).inner_margin(egui::Margin::symmetric(32, 8)))
        .show(root, |ui| {
            ui.label(RichText::new(cx.t("hint-keys")).small().color(p.text_muted));
        });
    egui::Panel::left("flow-rail")
        .exact_size(300.0)
        .resizable(false)
        .frame(egui::Frame::new().fill(p.surface_raised).inner_margin(egui::Margin::symmetric(16, 24)))
        .show(root, |ui| flow_rail(ui, cx));
    let mut area = root.available_rect_before_wrap().shrink(spacing::MARGIN);
    let p = cx.palette;
    let phones =
        cx.phones.problem().map(|problem| (cx.t_args("phones-failed", &[("problem", problem.into())]), p.warning));
    for (warning, color) in save_warning(cx).map(|w| (w, p.danger)).into_iter().chain(phones) {
        let banner = egui::Rect::from_min_size(area.min, egui::vec2(area.width(), 0.0));
        let mut ui = root.new_child(UiBuilder::new().max_rect(banner.with_max_y(area.max.y)));
        egui::Frame::new()
            .fill(color.gamma_multiply(0.15))
            .stroke(egui::Stroke::new(2.0, color))
            .corner_radius(egui::CornerRadius::same(spacing::ROUNDING))
            .inner_margin(egui::Margin::same(16))
            .show(&mut ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(format!("{} {warning}", icons::WARNING)).strong().color(p.text));
            });
        area.min.y = ui.min_rect().max.y + spacing::GAP;
    }
    if !problems.is_empty() {
        let banner = egui::Rect::from_min_size(area.min, egui::vec2(area.width(), 0.0));
        let mut ui = root.new_child(UiBuilder::new().max_rect(banner.with_max_y(area.max.y)));
        problem_banner(&mut ui, cx, problems);
        area.min.y = ui.min_rect().max.y + spacing::GAP;
    }
    area
}

fn top_bar(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    ui.horizontal(|ui| {
        ui.label(RichText::new(cx.t("app-title")).heading().color(p.accent));
        if !cx.session.name.is_empty() {
            ui.add_space(spacing::GAP);
            ui.label(RichText::new(&cx.session.name).color(p.text_muted));
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            lrs_chip(ui, cx);
            let other = cx.lang.other();
            let switch = format!("{} {}", icons::LANGUAGE, cx.locales.get(other, "language-name"));
            if widgets::button(ui, &switch).on_hover_text(cx.t("switch-language")).clicked() {
                cx.act(UiAction::SetLang(other));
            }
            let theme_label = match cx.settings.theme {
                theme::ThemeKind::Light => cx.t("theme-dark"),
                theme::ThemeKind::Dark => cx.t("theme-light"),
            };
            if widgets::button(ui, &theme_label).clicked() {
                cx.act(UiAction::ToggleTheme);
            }
        });
    });
}

/// What the LRS worker reports, in one line: sent, waiting, offline since when, or why it
/// stopped. Nothing while no LRS is set.
pub fn lrs_line(cx: &UiCx) -> Option<(String, egui::Color32)> {
    let (settings, status, p) = (cx.lrs.settings, cx.lrs.status, cx.palette);
    if !settings.is_complete() {
        return None;
    }
    let counts = [("sent", status.sent.into()), ("waiting", status.waiting.into())];
    Some(match (&status.stopped, status.offline_since) {
        (Some(stop), _) => (cx.t_args("lrs-chip-stopped", &[("why", lrs_stop_reason(cx, stop).into())]), p.danger),
        (None, Some(since)) if status.sending => {
            let since = crate::core::time::clock_in(since, &crate::core::time::local_zone());
            let [sent, waiting] = counts;
            (cx.t_args("lrs-chip-offline", &[sent, waiting, ("since", since.into())]), p.warning)
        }
        _ => (cx.t_args("lrs-chip", &counts), p.text_muted),
    })
}

/// Why sending stopped, in the trainer's words.
pub fn lrs_stop_reason(cx: &UiCx, stop: &crate::core::lrs::delivery::Stop) -> String {
    use crate::core::lrs::delivery::Stop;
    match stop {
        Stop::Credentials { status } => cx.t_args("lrs-stopped-credentials", &[("status", (*status).into())]),
        Stop::Refused { status, message, .. } => {
            cx.t_args("lrs-stopped-refused", &[("status", (*status).into()), ("message", message.clone().into())])
        }
    }
}

/// The LRS line on the top bar; a click opens its settings and details.
fn lrs_chip(ui: &mut Ui, cx: &mut UiCx) {
    let Some((line, color)) = lrs_line(cx) else { return };
    let chip = egui::Button::new(RichText::new(line).small().color(color)).fill(egui::Color32::TRANSPARENT);
    if ui.add(chip).clicked() {
        cx.act(UiAction::Go(Screen::Settings));
    }
    ui.add_space(spacing::GAP);
}

fn flow_rail(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    for screen in Screen::ALL {
        if screen == Screen::Settings {
            ui.add_space(spacing::SECTION);
        }
        let selected = screen == cx.screen;
        let label = format!("{}  {}", screen.icon(), cx.t(screen.title_key()));
        let text =
            RichText::new(label).size(theme::text_size::SMALL).color(if selected { p.on_accent } else { p.text });
        let button = egui::Button::new(text)
            .fill(if selected { p.accent } else { egui::Color32::TRANSPARENT })
            .stroke(egui::Stroke::NONE)
            .min_size(egui::vec2(ui.available_width(), 52.0));
        if ui.add(button).clicked() {
            cx.act(UiAction::Go(screen));
        }
    }
}

/// What the trainer must know about saving, in one line: the session misses changes, or
/// another window holds it.
pub fn save_warning(cx: &UiCx) -> Option<String> {
    if cx.camp.read_only {
        Some(cx.t("save-read-only"))
    } else {
        cx.camp.save_problem.map(|problem| cx.t_args("save-failed", &[("problem", problem.into())]))
    }
}

fn problem_banner(ui: &mut Ui, cx: &UiCx, problems: &[ContentError]) {
    let p = cx.palette;
    egui::Frame::new()
        .fill(p.warning.gamma_multiply(0.18))
        .stroke(egui::Stroke::new(2.0, p.warning))
        .corner_radius(egui::CornerRadius::same(spacing::ROUNDING))
        .inner_margin(egui::Margin::same(16))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(format!("{} {}", icons::WARNING, cx.t("problems-title"))).strong().color(p.text));
            for problem in problems.iter().take(3) {
                ui.label(RichText::new(problem.to_string()).small().color(p.text));
            }
            if problems.len() > 3 {
                ui.label(RichText::new(cx.t_args("problems-more", &[("count", (problems.len() - 3).into())])).small());
            }
        });
}
