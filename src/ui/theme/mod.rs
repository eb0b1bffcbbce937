//! The visual identity, in one place: palette, type scale, spacing, icons, widgets and
//! motion. Every screen draws through this module.

pub mod effects;
pub mod fonts;
pub mod palette;
pub mod widgets;

use bevy_egui::egui::{self, FontFamily, FontId, TextStyle};

pub use palette::{Palette, ThemeKind};

/// Type scale in points at 1080p (1 point = 1 pixel there): body text must read from
/// the back of a training room, so nothing a trainee needs is below 24 px.
pub mod text_size {
    pub const SMALL: f32 = 24.0;
    pub const BODY: f32 = 28.0;
    pub const BUTTON: f32 = 28.0;
    pub const HEADING: f32 = 40.0;
    pub const TITLE: f32 = 60.0;
    pub const COUNTDOWN: f32 = 180.0;
}

/// Spacing in points: generous, so a room can tell items apart at a glance.
pub mod spacing {
    pub const GAP: f32 = 16.0;
    pub const SECTION: f32 = 32.0;
    pub const MARGIN: f32 = 40.0;
    pub const ROUNDING: u8 = 14;
}

/// The screen height the type scale is designed for.
pub const DESIGN_HEIGHT: f32 = 1080.0;

pub fn title_style() -> TextStyle {
    TextStyle::Name("title".into())
}

pub fn countdown_style() -> TextStyle {
    TextStyle::Name("countdown".into())
}

/// One icon per concept, so the same idea always looks the same.
pub mod icons {
    pub const HOME: &str = "🏠";
    pub const AGENDA: &str = "📋";
    pub const TEAMS: &str = "👥";
    pub const PRESENT: &str = "🎤";
    pub const STORIES: &str = "💬";
    pub const QUIZ: &str = "❓";
    pub const LIBRARY: &str = "📚";
    pub const ROUND: &str = "🎭";
    pub const RESULT: &str = "📊";
    pub const LEADERBOARD: &str = "🏆";
    pub const PRACTICE: &str = "🎯";
    pub const DEBRIEF: &str = "📝";
    pub const SETTINGS: &str = "⚙";
    pub const LANGUAGE: &str = "🌐";
    pub const NEXT: &str = "▶";
    pub const PREV: &str = "◀";
    pub const TIMER: &str = "⏱";
    pub const WARNING: &str = "⚠";
    pub const STAR: &str = "★";
    pub const CHECK: &str = "✔";
    /// Opens a choice (the team logo picker).
    pub const DROPDOWN: &str = "▼";

    /// Every icon, so the glyph-coverage test can check them.
    pub const ALL: [&str; 21] = [
        HOME,
        QUIZ,
        AGENDA,
        TEAMS,
        PRESENT,
        STORIES,
        LIBRARY,
        ROUND,
        RESULT,
        LEADERBOARD,
        PRACTICE,
        DEBRIEF,
        SETTINGS,
        LANGUAGE,
        NEXT,
        PREV,
        TIMER,
        WARNING,
        STAR,
        CHECK,
        DROPDOWN,
    ];

    /// The logos a team can pick (core's list: phones offer the same).
    pub use crate::core::session::team::TEAM_LOGOS;
}

/// Applies fonts once; call again only if the definitions change.
pub fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(fonts::definitions());
}

/// Applies the palette, type scale and spacing. `reduced_motion` turns egui's own
/// animations off as well as ours.
pub fn apply_style(ctx: &egui::Context, kind: ThemeKind, reduced_motion: bool) {
    let palette = Palette::of(kind);
    let egui_theme = match kind {
        ThemeKind::Light => egui::Theme::Light,
        ThemeKind::Dark => egui::Theme::Dark,
    };
    let mut style = (*ctx.style_of(egui_theme)).clone();
    style.visuals = visuals(kind, &palette);
    let bold = fonts::bold_family();
    style.text_styles = [
        (TextStyle::Small, FontId::new(text_size::SMALL, FontFamily::Proportional)),
        (TextStyle::Body, FontId::new(text_size::BODY, FontFamily::Proportional)),
        (TextStyle::Button, FontId::new(text_size::BUTTON, FontFamily::Proportional)),
        (TextStyle::Monospace, FontId::new(text_size::BODY, FontFamily::Monospace)),
        (TextStyle::Heading, FontId::new(text_size::HEADING, bold.clone())),
        (title_style(), FontId::new(text_size::TITLE, bold.clone())),
        (countdown_style(), FontId::new(text_size::COUNTDOWN, bold)),
    ]
    .into();
    style.spacing.item_spacing = egui::vec2(spacing::GAP, spacing::GAP * 0.75);
    style.spacing.button_padding = egui::vec2(24.0, 12.0);
    style.spacing.interact_size.y = 48.0;
    style.spacing.scroll.bar_width = 14.0;
    style.spacing.icon_width = 30.0;
    style.spacing.icon_width_inner = 18.0;
    style.spacing.icon_spacing = 12.0;
    style.spacing.window_margin = egui::Margin::same(28);
    style.spacing.menu_margin = egui::Margin::same(16);
    style.animation_time = if reduced_motion { 0.0 } else { 0.25 };
    ctx.set_style_of(egui_theme, style);
    ctx.set_theme(egui_theme);
}

fn visuals(kind: ThemeKind, p: &Palette) -> egui::Visuals {
    let mut v = match kind {
        ThemeKind::Light => egui::Visuals::light(),
        ThemeKind::Dark => egui::Visuals::dark(),
    };
    let rounding = egui::CornerRadius::same(spacing::ROUNDING);
    v.override_text_color = Some(p.text);
    v.panel_fill = p.background;
    v.window_fill = p.surface;
    v.window_stroke = egui::Stroke::new(1.5, p.border);
    v.window_corner_radius = rounding;
    v.faint_bg_color = p.surface_raised;
    v.extreme_bg_color = p.surface;
    v.hyperlink_color = p.calm;
    v.selection.bg_fill = p.accent.gamma_multiply(0.35);
    v.selection.stroke = egui::Stroke::new(2.0, p.accent);
    for (w, fill) in [
        (&mut v.widgets.noninteractive, p.surface),
        (&mut v.widgets.inactive, p.surface_raised),
        (&mut v.widgets.hovered, p.surface_raised),
        (&mut v.widgets.active, p.surface_raised),
        (&mut v.widgets.open, p.surface_raised),
    ] {
        w.bg_fill = fill;
        w.weak_bg_fill = fill;
        w.corner_radius = rounding;
        w.fg_stroke.color = p.text;
    }
    v.widgets.noninteractive.bg_stroke = egui::Stroke::new(1.0, p.border);
    v.widgets.inactive.bg_stroke = egui::Stroke::new(1.5, p.border);
    v.widgets.hovered.bg_stroke = egui::Stroke::new(2.5, p.accent);
    v.widgets.active.bg_stroke = egui::Stroke::new(3.0, p.accent);
    v
}
