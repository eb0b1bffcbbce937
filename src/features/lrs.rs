//! The day's record flows to the company's LRS while the camp runs: once an endpoint is set, a
//! worker thread keeps the session's outbox beside it and sends it. The app hands the worker the
//! session after a change (at most every [`HAND_OVER_SECS`], so a round's key presses do not
//! each copy the session), and shows what the worker reports.

use std::sync::Arc;

use bevy::prelude::*;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};

use crate::core::locale::Locales;
use crate::core::lrs::outbox::Outbox;
use crate::core::scoring::Rubrics;
use crate::features::actions::{LrsAction, UiAction};
use crate::features::camp::SaveState;
use crate::features::content::{CurrentSession, LoadedLocales, LoadedRubrics};
use crate::features::redraw::RedrawPlan;
use crate::features::settings::LrsConfig;
use crate::lrs::worker::{Snapshot, Status, Worker, WorkerOptions};

/// The longest a change waits before the worker sees it.
pub const HAND_OVER_SECS: f64 = 2.0;

/// The worker, while an endpoint is set, and what it last reported.
#[derive(Resource, Default)]
pub struct Lrs {
    worker: Option<Worker>,
    pub status: Status,
    /// The session changed since it was last handed over.
    changed: bool,
    handed_at: f64,
    /// How the worker sends (shorter waits in tests).
    pub options: WorkerOptions,
}

impl Lrs {
    pub fn with_options(options: WorkerOptions) -> Lrs {
        Lrs { options, ..Lrs::default() }
    }

    pub fn running(&self) -> bool {
        self.worker.is_some()
    }
}

pub fn plugin(app: &mut App) {
    app.init_resource::<Lrs>()
        .add_systems(PostUpdate, (apply_lrs_actions, start_or_stop, note_changes, hand_over, read_status).chain());
}

fn apply_lrs_actions(mut actions: MessageReader<UiAction>, mut config: ResMut<LrsConfig>, lrs: Res<Lrs>) {
    for action in actions.read() {
        let UiAction::Lrs(action) = action else { continue };
        match action {
            LrsAction::Save(settings) => {
                config.settings = settings.clone();
                if let Some(worker) = &lrs.worker {
                    worker.settings_changed(settings.clone());
                }
            }
            LrsAction::RetryNow => lrs.worker.iter().for_each(Worker::retry_now),
            LrsAction::SetAside => lrs.worker.iter().for_each(Worker::set_aside),
            LrsAction::RetrySetAside => lrs.worker.iter().for_each(Worker::retry_set_aside),
        }
    }
}

/// A worker runs while an endpoint is set (sending on or off: off, statements still wait).
fn start_or_stop(
    mut lrs: ResMut<Lrs>,
    config: Res<LrsConfig>,
    rubrics: Option<Res<LoadedRubrics>>,
    locales: Option<Res<LoadedLocales>>,
    proxy: Option<Res<EventLoopProxyWrapper>>,
) {
    let wanted = config.settings.is_complete();
    if wanted == lrs.running() {
        return;
    }
    if !wanted {
        lrs.worker = None;
        lrs.status = Status::default();
        return;
    }
    let Some(rubrics) = rubrics else { return };
    let locales = locales.as_ref().map_or_else(|| Arc::new(Locales::builtin()), |loaded| loaded.0.clone());
    let proxy = proxy.as_ref().map(|p| (***p).clone());
    let wake = Box::new(move || {
        if let Some(proxy) = &proxy {
            let _ = proxy.send_event(WinitUserEvent::WakeUp);
        }
    });
    let rubrics: Arc<Rubrics> = Arc::new(rubrics.0.clone());
    lrs.worker = Some(Worker::start(config.settings.clone(), rubrics, locales, lrs.options, wake));
    // The session as it stands goes over at once.
    lrs.changed = true;
}

fn note_changes(mut lrs: ResMut<Lrs>, current: Res<CurrentSession>) {
    if current.is_changed() && lrs.running() && !lrs.changed {
        lrs.changed = true;
    }
}

/// Hands the session to the worker, at most every [`HAND_OVER_SECS`]; the app wakes for the
/// last change of a burst.
fn hand_over(
    mut lrs: ResMut<Lrs>,
    current: Res<CurrentSession>,
    save: Res<SaveState>,
    time: Res<Time>,
    mut redraw: ResMut<RedrawPlan>,
) {
    if !lrs.changed {
        return;
    }
    let now = time.elapsed_secs_f64();
    let due = lrs.handed_at + HAND_OVER_SECS;
    if now < due {
        redraw.within((due - now) as f32);
        return;
    }
    let Some(worker) = &lrs.worker else { return };
    // Only the window that writes the session sends it; the demo and unsaved sessions are not sent.
    let outbox = current.path.as_deref().filter(|_| !save.read_only).map(Outbox::path_beside);
    worker.session_changed(Snapshot { session: current.session.clone(), outbox });
    lrs.changed = false;
    lrs.handed_at = now;
}

fn read_status(mut lrs: ResMut<Lrs>) {
    let Some(status) = lrs.worker.as_ref().map(Worker::status) else { return };
    if lrs.status != status {
        lrs.status = status;
    }
}
