//! The trainer console in a window of its own, for the laptop screen while the projector shows
//! the audience view. It has its own camera and egui context (own fonts, style and zoom), and
//! draws the same console as single-screen mode.

use bevy::camera::RenderTarget;
use bevy::ecs::schedule::ScheduleLabel;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::window::{WindowCloseRequested, WindowRef, WindowResolution};
use bevy_egui::egui::{self, UiBuilder};
use bevy_egui::{EguiContext, EguiSchedule};

use crate::features::actions::RoundAction;
use crate::features::actions::UiAction;
use crate::features::content::LoadedLocales;
use crate::features::redraw::RedrawPlan;
use crate::features::rounds::RoundDesk;
use crate::features::settings::CurrentSettings;
use crate::ui::context::UiSources;
use crate::ui::look::ContextLook;
use crate::ui::theme;

/// The egui pass of the console window.
#[derive(ScheduleLabel, Debug, Clone, PartialEq, Eq, Hash)]
pub struct ConsolePass;

/// Marks the console's window and its camera.
#[derive(Component)]
pub struct ConsoleWindow;

pub fn plugin(app: &mut App) {
    app.add_systems(Update, (close_console_on_request, sync_console_window).chain())
        .add_systems(ConsolePass, draw_console);
}

/// Opens or closes the window to match the trainer's choice.
fn sync_console_window(
    mut commands: Commands,
    desk: Res<RoundDesk>,
    settings: Res<CurrentSettings>,
    locales: Res<LoadedLocales>,
    existing: Query<Entity, With<ConsoleWindow>>,
) {
    let open = !existing.is_empty();
    if desk.console_window && !open {
        let title = locales.0.get(settings.lang, "console-window-title");
        let window = commands
            .spawn((
                Name::new("Console window"),
                ConsoleWindow,
                Window { title, resolution: WindowResolution::new(1600, 1000), ..default() },
            ))
            .id();
        commands.spawn((
            Name::new("Console camera"),
            ConsoleWindow,
            Camera2d,
            Msaa::Off,
            RenderTarget::Window(WindowRef::Entity(window)),
            EguiSchedule::new(ConsolePass),
        ));
    } else if !desk.console_window && open {
        for entity in &existing {
            commands.entity(entity).despawn();
        }
    }
}

/// Closing the console window only closes the console.
fn close_console_on_request(
    mut requests: MessageReader<WindowCloseRequested>,
    windows: Query<(), (With<ConsoleWindow>, With<Window>)>,
    mut actions: MessageWriter<UiAction>,
) {
    if requests.read().any(|request| windows.contains(request.window)) {
        actions.write(UiAction::Round(RoundAction::SetConsoleWindow(false)));
    }
}

#[derive(SystemParam)]
struct ConsoleParams<'w, 's> {
    context: Single<'w, 's, (Entity, &'static mut EguiContext), (With<ConsoleWindow>, With<Camera>)>,
    window: Single<'w, 's, &'static Window, With<ConsoleWindow>>,
    sources: UiSources<'w>,
    time: Res<'w, Time>,
    actions: MessageWriter<'w, UiAction>,
    redraw: ResMut<'w, RedrawPlan>,
    /// The context's look; a reopened window has a new context, which starts afresh.
    look: Local<'s, Option<(Entity, ContextLook)>>,
}

fn draw_console(mut p: ConsoleParams) {
    let (entity, ref mut context) = *p.context;
    let ctx = context.get_mut().clone();
    let mut cx = p.sources.cx();
    cx.now = p.time.elapsed_secs_f64();
    let look = match p.look.as_mut() {
        Some((seen, look)) if *seen == entity => look,
        _ => &mut p.look.insert((entity, ContextLook::default())).1,
    };
    if !look.prepare(&ctx, cx.settings, p.window.resolution.height()) {
        return;
    }
    let mut root = egui::Ui::new(
        ctx.clone(),
        egui::Id::new("console-root"),
        UiBuilder::new().layer_id(egui::LayerId::background()).max_rect(ctx.content_rect()),
    );
    let mut area = root.new_child(UiBuilder::new().max_rect(ctx.content_rect().shrink(theme::spacing::MARGIN)));
    egui::ScrollArea::vertical()
        .id_salt("console-scroll")
        .auto_shrink(false)
        .show(&mut area, |ui| crate::ui::screens::round_console::show(ui, &mut cx, true));
    p.actions.write_batch(cx.actions.drain(..));
    if let Some(secs) = cx.redraw_in {
        p.redraw.within(secs);
    }
}
