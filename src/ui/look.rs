//! Bringing an egui context (the projector window's, the console window's) to the app's fonts,
//! style and zoom.

use bevy::prelude::*;
use bevy_egui::egui::{self};

use crate::core::settings::Settings;
use crate::ui::theme::{self};

/// Whether egui has the bundled fonts: they take effect one pass after being set, and
/// nothing may be drawn before (the heading family would be unknown).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum FontsState {
    #[default]
    NotInstalled,
    Installed,
    Ready,
}

/// How far one egui context (the projector window's, the console window's) has been given the
/// app's fonts and style.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct ContextLook {
    fonts: FontsState,
    style: Option<(theme::ThemeKind, bool)>,
}

impl ContextLook {
    /// Brings `ctx` to the bundled fonts, the settings' theme and a zoom that keeps the 1080p
    /// type scale on a window `window_height` tall (a 720p projector or a 4K screen alike).
    /// Returns whether the context may draw in this pass.
    pub fn prepare(&mut self, ctx: &egui::Context, settings: &Settings, window_height: f32) -> bool {
        match self.fonts {
            FontsState::NotInstalled => {
                theme::install_fonts(ctx);
                ctx.request_repaint();
                self.fonts = FontsState::Installed;
            }
            FontsState::Installed => self.fonts = FontsState::Ready,
            FontsState::Ready => {}
        }
        let wanted = (settings.theme, settings.reduced_motion);
        if self.style != Some(wanted) {
            theme::apply_style(ctx, wanted.0, wanted.1);
            self.style = Some(wanted);
        }
        let zoom = (window_height / theme::DESIGN_HEIGHT).clamp(0.6, 2.0);
        if (ctx.zoom_factor() - zoom).abs() > 0.01 {
            ctx.set_zoom_factor(zoom);
        }
        self.fonts == FontsState::Ready
    }
}

/// The projector window's look; its drawing waits until the fonts are in.
#[derive(Resource, Debug, Default)]
pub struct PrimaryLook {
    pub look: ContextLook,
    pub ready: bool,
}
