//! The egui layer: fonts and style, the chrome around every screen (the camp-flow rail,
//! the top bar, the hint line) and the overlays (help, blank screen, quit confirmation,
//! content problems). Screens draw into the area the chrome leaves, each from its own
//! system, through [`ScreenUi`].

pub mod chrome;
pub mod console_window;
pub mod context;
pub mod join_card;
pub mod look;
pub mod overlays;
pub mod screens;
pub mod theme;

use bevy::platform::collections::HashMap;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::egui::{self};
use bevy_egui::{EguiContexts, EguiInput, EguiPreUpdateSet, EguiPrimaryContextPass};

use crate::features::settings::CurrentSettings;
use crate::ui::context::{ContentArea, UiPass};
use crate::ui::look::PrimaryLook;

pub fn plugin(app: &mut App) {
    app.init_resource::<ContentArea>()
        .init_resource::<PrimaryLook>()
        .configure_sets(
            EguiPrimaryContextPass,
            (UiPass::Style, (UiPass::Chrome, UiPass::Screen, UiPass::Overlay).chain().run_if(primary_ready)).chain(),
        )
        .add_systems(Update, clear_to_background.run_if(resource_changed::<CurrentSettings>))
        .add_systems(
            PreUpdate,
            drop_unchanged_modifiers.after(EguiPreUpdateSet::ProcessInput).before(EguiPreUpdateSet::BeginPass),
        )
        .add_systems(
            EguiPrimaryContextPass,
            (
                prepare_primary_context.in_set(UiPass::Style),
                chrome::draw_chrome.in_set(UiPass::Chrome),
                screens::draw_current_screen.in_set(UiPass::Screen),
                overlays::draw_overlays.in_set(UiPass::Overlay),
            ),
        );
}

/// The window's background is the renderer's clear, not an egui rectangle: under software
/// rendering a full-window egui fill cost about 50 ms a frame, a clear next to nothing.
fn clear_to_background(settings: Res<CurrentSettings>, mut clear: ResMut<ClearColor>) {
    let [r, g, b, a] = theme::Palette::of(settings.0.theme).background.to_srgba_unmultiplied();
    clear.0 = Color::srgba_u8(r, g, b, a);
}

/// bevy_egui reports the modifier keys to egui on every frame, and egui repaints at once
/// on any input event, so the app would never go idle. Only real changes are passed on
/// (egui keeps the last modifiers it was told).
fn drop_unchanged_modifiers(
    mut inputs: Query<(Entity, &mut EguiInput)>,
    mut last: Local<HashMap<Entity, egui::Modifiers>>,
) {
    for (entity, mut input) in &mut inputs {
        input.0.events.retain(|event| match event {
            egui::Event::ModifiersChanged(modifiers) => last.insert(entity, *modifiers) != Some(*modifiers),
            _ => true,
        });
    }
}

fn prepare_primary_context(
    mut contexts: EguiContexts,
    settings: Res<CurrentSettings>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut primary: ResMut<PrimaryLook>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    primary.ready = primary.look.prepare(ctx, &settings, window.resolution.height());
    Ok(())
}

fn primary_ready(primary: Res<PrimaryLook>) -> bool {
    primary.ready
}
