//! The projector window: F11 fullscreen, and quitting without losing the room's work.

use bevy::prelude::*;
use bevy::window::{MonitorSelection, PrimaryWindow, WindowCloseRequested, WindowMode};

use crate::features::navigation::Overlay;

use crate::features::actions::UiAction;
use crate::features::content::CurrentSession;

pub fn plugin(app: &mut App) {
    // Registered here too so the quit logic also runs headless, without WindowPlugin.
    app.add_message::<WindowCloseRequested>().add_systems(Update, (toggle_fullscreen, handle_quit));
}

fn toggle_fullscreen(mut actions: MessageReader<UiAction>, mut window: Single<&mut Window, With<PrimaryWindow>>) {
    for _ in actions.read().filter(|a| **a == UiAction::ToggleFullscreen) {
        window.mode = match window.mode {
            WindowMode::Windowed => WindowMode::BorderlessFullscreen(MonitorSelection::Current),
            _ => WindowMode::Windowed,
        };
    }
}

/// Closing the window or asking to quit exits at once while the session is empty,
/// and asks first once it holds teams or points.
fn handle_quit(
    mut close_requests: MessageReader<WindowCloseRequested>,
    primary: Query<(), With<PrimaryWindow>>,
    mut actions: MessageReader<UiAction>,
    session: Res<CurrentSession>,
    mut overlay: ResMut<Overlay>,
    mut exit: MessageWriter<AppExit>,
) {
    // Other windows (the trainer console) close on their own.
    let mut wants_quit = close_requests.read().any(|request| primary.contains(request.window));
    for action in actions.read() {
        match action {
            UiAction::RequestQuit => wants_quit = true,
            UiAction::ConfirmQuit if overlay.confirm_quit => {
                exit.write(AppExit::Success);
            }
            UiAction::CancelQuit => overlay.confirm_quit = false,
            _ => {}
        }
    }
    if wants_quit {
        if session.session.has_data() {
            overlay.confirm_quit = true;
        } else {
            exit.write(AppExit::Success);
        }
    }
}
