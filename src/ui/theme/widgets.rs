//! Projector widgets shared by every screen: titles, cards, buttons, team badges, the
//! countdown, the mood gauge and animated bars.

use std::f32::consts::PI;

use bevy_egui::egui::{
    self, Align, Align2, Color32, CornerRadius, FontId, Frame, Layout, Margin, Pos2, Rect, Response, RichText, Sense,
    Shape, Stroke, Ui, Vec2,
};

use super::palette::{Palette, readable_on, team_color};
use super::{countdown_style, fonts, spacing, text_size, title_style};

/// A screen's title line: icon, title and an optional subtitle.
pub fn screen_title(ui: &mut Ui, p: &Palette, icon: &str, title: &str, subtitle: Option<&str>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(icon).text_style(title_style()).color(p.accent));
        ui.label(RichText::new(title).text_style(title_style()).color(p.text));
    });
    if let Some(subtitle) = subtitle {
        ui.label(RichText::new(subtitle).color(p.text_muted));
    }
    ui.add_space(spacing::GAP);
}

/// Side-by-side columns of equal width whose text stays left-aligned (egui's own
/// `columns` justifies wrapped text, which spreads letters apart). `add` is called once
/// per column with its index.
pub fn columns(ui: &mut Ui, count: usize, add: impl FnMut(usize, &mut Ui)) {
    weighted_columns(ui, &vec![1.0; count], add);
}

/// Side-by-side columns sharing the width in the given proportions, like [`columns`].
pub fn weighted_columns(ui: &mut Ui, shares: &[f32], mut add: impl FnMut(usize, &mut Ui)) {
    let gap = ui.spacing().item_spacing.x;
    let total: f32 = shares.iter().sum::<f32>().max(f32::EPSILON);
    let free = (ui.available_width() - gap * (shares.len().saturating_sub(1)) as f32).max(0.0);
    ui.horizontal_top(|ui| {
        for (i, share) in shares.iter().enumerate() {
            let width = free * share / total;
            ui.allocate_ui_with_layout(Vec2::new(width, 0.0), Layout::top_down(Align::Min), |ui| {
                ui.set_width(width);
                add(i, ui);
            });
        }
    });
}

/// A rounded, coloured tag (a step done, a penalty): one unbroken piece that a wrapping row
/// moves to the next line whole.
pub fn pill(ui: &mut Ui, text: RichText, fill: Color32) -> Response {
    let button = egui::Button::new(text)
        .fill(fill)
        .stroke(Stroke::NONE)
        .corner_radius(CornerRadius::same(24))
        .wrap_mode(egui::TextWrapMode::Extend)
        .sense(Sense::hover());
    ui.add(button)
}

/// A bold label introducing a block of text (egui's `strong` only brightens the colour).
pub fn section_label(text: impl Into<String>) -> RichText {
    RichText::new(text).size(text_size::BODY).family(fonts::bold_family())
}

/// A raised panel grouping related content.
pub fn card<R>(ui: &mut Ui, p: &Palette, add_contents: impl FnOnce(&mut Ui) -> R) -> R {
    Frame::new()
        .fill(p.surface)
        .stroke(Stroke::new(1.5, p.border))
        .corner_radius(CornerRadius::same(spacing::ROUNDING))
        .inner_margin(Margin::symmetric(24, 12))
        .show(ui, add_contents)
        .inner
}

/// The main call to action on a screen: accent-filled, large.
pub fn primary_button(ui: &mut Ui, p: &Palette, text: &str) -> Response {
    ui.add(
        egui::Button::new(RichText::new(text).size(text_size::BUTTON).color(p.on_accent).strong())
            .fill(p.accent)
            .min_size(Vec2::new(0.0, 64.0)),
    )
}

/// A secondary action.
pub fn button(ui: &mut Ui, text: &str) -> Response {
    ui.add(egui::Button::new(RichText::new(text).size(text_size::BUTTON)).min_size(Vec2::new(0.0, 56.0)))
}

/// A round team badge: the team's colour with its emoji, then its name.
pub fn team_badge(ui: &mut Ui, p: &Palette, color_index: usize, emoji: &str, name: &str, diameter: f32) -> Response {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(Vec2::splat(diameter), Sense::hover());
        let color = team_color(color_index);
        ui.painter().circle(rect.center(), diameter / 2.0, color, Stroke::new(2.0, p.border));
        ui.painter().text(
            rect.center(),
            Align2::CENTER_CENTER,
            emoji,
            FontId::proportional(diameter * 0.55),
            readable_on(color),
        );
        // A long name ends in "…" (the whole name on hover) instead of running into the next column.
        ui.add(egui::Label::new(RichText::new(name).size(text_size::BODY).strong()).truncate());
    })
    .response
}

/// The colour a countdown takes: calm, then warning in the last minute, danger in
/// the last ten seconds and in overtime.
pub fn countdown_color(p: &Palette, remaining_secs: f32) -> Color32 {
    if remaining_secs <= 10.0 {
        p.danger
    } else if remaining_secs <= 60.0 {
        p.warning
    } else {
        p.text
    }
}

/// `mm:ss`, with a leading `+` once time is up (overtime counts up).
pub fn format_clock(remaining_secs: f32) -> String {
    let overtime = remaining_secs < 0.0;
    let whole = if overtime { (-remaining_secs).floor() } else { remaining_secs.ceil() } as u64;
    format!("{}{:02}:{:02}", if overtime { "+" } else { "" }, whole / 60, whole % 60)
}

/// Huge countdown digits a whole room can read. Each character sits in a fixed-width
/// cell so the numbers do not jitter as they change.
pub fn countdown(ui: &mut Ui, p: &Palette, remaining_secs: f32) -> Response {
    let text = format_clock(remaining_secs);
    let font = ui.style().text_styles[&countdown_style()].clone();
    let cell = Vec2::new(font.size * 0.62, font.size * 1.15);
    let size = Vec2::new(cell.x * text.chars().count() as f32, cell.y);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let color = countdown_color(p, remaining_secs);
    for (i, ch) in text.chars().enumerate() {
        let center = Pos2::new(rect.left() + cell.x * (i as f32 + 0.5), rect.center().y);
        ui.painter().text(center, Align2::CENTER_CENTER, ch, font.clone(), color);
    }
    response
}

/// The customer-mood gauge (情绪银行): a half dial from red (walks out) through amber to
/// blue (happy), with a needle that swings smoothly to the new value.
pub fn mood_gauge(ui: &mut Ui, p: &Palette, id: egui::Id, mood: f32, width: f32) -> Response {
    let shown = ui.ctx().animate_value_with_time(id, mood.clamp(0.0, 100.0), 0.6);
    let size = Vec2::new(width, width * 0.78);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let painter = ui.painter_at(rect);
    let center = Pos2::new(rect.center().x, rect.top() + width * 0.52);
    let radius = width * 0.45;
    let thickness = width * 0.09;
    let zones = [(0.0, 30.0, p.danger), (30.0, 60.0, p.warning), (60.0, 100.0, p.success)];
    for (from, to, color) in zones {
        let points: Vec<Pos2> = (0..=24)
            .map(|i| {
                let v = from + (to - from) * i as f32 / 24.0;
                point_on_dial(center, radius, v)
            })
            .collect();
        painter.add(Shape::line(points, Stroke::new(thickness, color)));
    }
    let tip = point_on_dial(center, radius * 0.92, shown);
    painter.line_segment([center, tip], Stroke::new(width * 0.025, p.text));
    painter.circle_filled(center, width * 0.04, p.text);
    painter.text(
        Pos2::new(center.x, center.y + width * 0.15),
        Align2::CENTER_CENTER,
        format!("{:.0}", shown),
        FontId::new(width * 0.16, fonts::bold_family()),
        p.text,
    );
    response
}

fn point_on_dial(center: Pos2, radius: f32, value: f32) -> Pos2 {
    let angle = PI * (1.0 - value / 100.0);
    Pos2::new(center.x + radius * angle.cos(), center.y - radius * angle.sin())
}

/// The simulated customer, drawn from shapes: brows, mouth and colour follow the mood
/// (0 furious … 100 delighted); at a walk-out only the back of the head remains, leaving.
pub fn customer_face(ui: &mut Ui, p: &Palette, mood: f32, walking_out: bool, size: f32) -> Response {
    let shown = ui.ctx().animate_value_with_time(egui::Id::new("customer-face"), mood.clamp(0.0, 100.0), 0.6);
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(size), Sense::hover());
    let painter = ui.painter_at(rect);
    let head = Pos2::new(rect.center().x, rect.top() + size * 0.42);
    let radius = size * 0.3;
    // Shoulders first, so the head sits on them.
    let shoulders =
        Rect::from_center_size(Pos2::new(head.x, rect.bottom() - size * 0.1), Vec2::new(size * 0.8, size * 0.3));
    painter.rect_filled(shoulders, CornerRadius::same((size * 0.12) as u8), p.calm);
    let anger = ((50.0 - shown) / 50.0).clamp(0.0, 1.0);
    let skin = lerp_color(Color32::from_rgb(0xF3, 0xCF, 0xA8), Color32::from_rgb(0xE8, 0x7A, 0x6A), anger);
    painter.circle(head, radius, skin, Stroke::new(3.0, p.text));
    if walking_out {
        painter.circle_filled(
            Pos2::new(head.x, head.y - radius * 0.35),
            radius * 0.9,
            Color32::from_rgb(0x3A, 0x2E, 0x28),
        );
        painter.text(
            rect.right_top() + Vec2::new(-size * 0.15, size * 0.15),
            Align2::CENTER_CENTER,
            "🚪",
            FontId::proportional(size * 0.22),
            p.text,
        );
        return response;
    }
    let eye_y = head.y - radius * 0.15;
    let eye_dx = radius * 0.38;
    let ink = Stroke::new(size * 0.02, p.text);
    for side in [-1.0, 1.0] {
        let eye = Pos2::new(head.x + side * eye_dx, eye_y);
        painter.circle_filled(eye, size * 0.025, p.text);
        // Brows slant down towards the nose as anger grows.
        let inner = Pos2::new(eye.x - side * radius * 0.18, eye_y - radius * (0.28 - 0.18 * anger));
        let outer = Pos2::new(eye.x + side * radius * 0.2, eye_y - radius * 0.32);
        painter.line_segment([inner, outer], ink);
    }
    // Mouth: a curve from a frown (mood 0) to a smile (mood 100).
    let curve = (shown - 50.0) / 50.0 * radius * 0.22;
    let mouth_y = head.y + radius * 0.42;
    let mouth: Vec<Pos2> = (0..=16)
        .map(|i| {
            let t = i as f32 / 16.0 * 2.0 - 1.0;
            Pos2::new(head.x + t * radius * 0.4, mouth_y + curve * (1.0 - t * t))
        })
        .collect();
    painter.add(Shape::line(mouth, ink));
    if shown < 25.0 {
        // Steam: the customer is boiling over.
        for side in [-1.0, 1.0] {
            painter.circle_stroke(Pos2::new(head.x + side * radius * 1.05, head.y - radius * 0.95), size * 0.04, ink);
        }
    } else if shown > 75.0 {
        for side in [-1.0, 1.0] {
            painter.circle_filled(
                Pos2::new(head.x + side * radius * 0.6, head.y + radius * 0.2),
                size * 0.04,
                Color32::from_rgba_unmultiplied(0xE8, 0x7A, 0x6A, 120),
            );
        }
    }
    response
}

fn lerp_color(a: Color32, b: Color32, t: f32) -> Color32 {
    let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(mix(a.r(), b.r()), mix(a.g(), b.g()), mix(a.b(), b.b()))
}

/// A horizontal bar that grows smoothly to `fraction` of the available width.
pub fn animated_bar(ui: &mut Ui, p: &Palette, id: egui::Id, fraction: f32, color: Color32, height: f32) -> Rect {
    let shown = ui.ctx().animate_value_with_time(id, fraction.clamp(0.0, 1.0), 0.8);
    let (rect, _) = ui.allocate_exact_size(Vec2::new(ui.available_width(), height), Sense::hover());
    let radius = CornerRadius::same((height / 2.0).min(255.0) as u8);
    ui.painter().rect_filled(rect, radius, p.surface_raised);
    let filled = Rect::from_min_size(rect.min, Vec2::new(rect.width() * shown, height));
    ui.painter().rect_filled(filled, radius, color);
    rect
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::settings::ThemeKind;

    #[test]
    fn clock_rounds_up_while_counting_down_and_shows_overtime() {
        assert_eq!(format_clock(600.0), "10:00");
        assert_eq!(format_clock(59.2), "01:00");
        assert_eq!(format_clock(0.4), "00:01");
        assert_eq!(format_clock(0.0), "00:00");
        assert_eq!(format_clock(-75.5), "+01:15");
    }

    #[test]
    fn countdown_turns_warning_then_danger() {
        let p = Palette::of(ThemeKind::Light);
        assert_eq!(countdown_color(&p, 61.0), p.text);
        assert_eq!(countdown_color(&p, 60.0), p.warning);
        assert_eq!(countdown_color(&p, 10.0), p.danger);
        assert_eq!(countdown_color(&p, -5.0), p.danger);
    }

    #[test]
    fn dial_runs_from_left_to_right() {
        let c = Pos2::new(0.0, 0.0);
        assert!(point_on_dial(c, 1.0, 0.0).x < -0.99);
        assert!(point_on_dial(c, 1.0, 100.0).x > 0.99);
        assert!(point_on_dial(c, 1.0, 50.0).y < -0.99, "the middle is at the top");
    }
}
