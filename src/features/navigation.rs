//! Moving through the camp day: mouse (the rail), keyboard and presentation clicker
//! (PageDown/PageUp, arrows, B for a blank screen), and the help and quit overlays.

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;

use crate::core::settings::ThemeKind;
use crate::features::actions::UiAction;
use crate::features::actions::{ClockAction, PhonesAction};
use crate::features::screen::Screen;
use crate::features::settings::CurrentSettings;

/// What covers the screen right now.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct Overlay {
    pub blank: bool,
    pub help: bool,
    pub confirm_quit: bool,
}

/// When the current screen was entered (app clock, seconds), for entrance animations.
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct ScreenEnteredAt(pub f64);

pub fn plugin(app: &mut App) {
    app.add_message::<UiAction>()
        .init_resource::<Overlay>()
        .init_resource::<ScreenEnteredAt>()
        .add_systems(PreUpdate, keys_to_actions.after(bevy::input::InputSystems))
        .add_systems(Update, (apply_actions, record_screen_entry.run_if(state_changed::<Screen>)));
}

/// Translates keys into actions. Keys go to a focused text field instead while
/// the trainer types.
fn keys_to_actions(
    keys: Res<ButtonInput<KeyCode>>,
    egui_input: Option<Res<EguiWantsInput>>,
    overlay: Res<Overlay>,
    mut actions: MessageWriter<UiAction>,
) {
    if egui_input.is_some_and(|input| input.wants_keyboard_input()) {
        return;
    }
    let pressed = |codes: &[KeyCode]| keys.any_just_pressed(codes.iter().copied());
    if overlay.confirm_quit {
        if pressed(&[KeyCode::Enter, KeyCode::NumpadEnter]) {
            actions.write(UiAction::ConfirmQuit);
        } else if pressed(&[KeyCode::Escape]) {
            actions.write(UiAction::CancelQuit);
        }
        return;
    }
    let next = pressed(&[KeyCode::PageDown, KeyCode::ArrowRight, KeyCode::ArrowDown]);
    let prev = pressed(&[KeyCode::PageUp, KeyCode::ArrowLeft, KeyCode::ArrowUp]);
    if overlay.blank {
        // Clickers have a "blank" button; any of its keys brings the screen back.
        if next || prev || pressed(&[KeyCode::KeyB, KeyCode::Period, KeyCode::Escape]) {
            actions.write(UiAction::ToggleBlank);
        }
        return;
    }
    let action = if next {
        Some(UiAction::Next)
    } else if prev {
        Some(UiAction::Prev)
    } else if pressed(&[KeyCode::KeyB, KeyCode::Period]) {
        Some(UiAction::ToggleBlank)
    } else if pressed(&[KeyCode::F1]) {
        Some(UiAction::ToggleHelp)
    } else if pressed(&[KeyCode::Escape]) {
        Some(UiAction::CloseOverlays)
    } else if pressed(&[KeyCode::F6]) {
        Some(UiAction::Phones(PhonesAction::Toggle))
    } else if pressed(&[KeyCode::F7]) {
        Some(UiAction::Phones(PhonesAction::ToggleCard))
    } else if pressed(&[KeyCode::F11]) {
        Some(UiAction::ToggleFullscreen)
    } else if pressed(&[KeyCode::KeyL]) {
        Some(UiAction::ToggleLang)
    } else if pressed(&[KeyCode::KeyS, KeyCode::F5]) {
        Some(UiAction::Clock(ClockAction::Toggle))
    } else if pressed(&[KeyCode::KeyR]) {
        Some(UiAction::Clock(ClockAction::Reset))
    } else if pressed(&[KeyCode::Equal, KeyCode::NumpadAdd]) {
        Some(UiAction::Clock(ClockAction::AddMinute))
    } else if pressed(&[KeyCode::Home]) {
        Some(UiAction::Go(Screen::Home))
    } else {
        None
    };
    actions.write_batch(action);
}

fn apply_actions(
    mut actions: MessageReader<UiAction>,
    screen: Res<State<Screen>>,
    mut next_screen: ResMut<NextState<Screen>>,
    mut overlay: ResMut<Overlay>,
    mut settings: ResMut<CurrentSettings>,
) {
    for action in actions.read() {
        match action {
            UiAction::Go(target) => next_screen.set(*target),
            UiAction::Next => next_screen.set(screen.get().next()),
            UiAction::Prev => next_screen.set(screen.get().prev()),
            UiAction::ToggleBlank => overlay.blank = !overlay.blank,
            UiAction::ToggleHelp => overlay.help = !overlay.help,
            UiAction::CloseOverlays => overlay.help = false,
            UiAction::SetLang(lang) => settings.lang = *lang,
            UiAction::ToggleLang => settings.lang = settings.lang.other(),
            UiAction::ToggleTheme => {
                settings.theme = match settings.theme {
                    ThemeKind::Light => ThemeKind::Dark,
                    ThemeKind::Dark => ThemeKind::Light,
                }
            }
            UiAction::SetTheme(theme) => settings.theme = *theme,
            UiAction::SetReducedMotion(on) => settings.reduced_motion = *on,
            UiAction::SetSound(on) => settings.sound = *on,
            // Window, quit, clock, library, practice, camp, round and phone actions belong to their own plugins.
            UiAction::ToggleFullscreen
            | UiAction::RequestQuit
            | UiAction::ConfirmQuit
            | UiAction::CancelQuit
            | UiAction::Clock(_)
            | UiAction::Library(_)
            | UiAction::Practice(_)
            | UiAction::Edit(_)
            | UiAction::Camp(_)
            | UiAction::Round(_)
            | UiAction::Phones(_)
            | UiAction::Lrs(_)
            | UiAction::Quiz(_) => {}
        }
    }
}

fn record_screen_entry(time: Res<Time>, mut entered: ResMut<ScreenEnteredAt>) {
    entered.0 = time.elapsed_secs_f64();
}
