//! Idle is free: the app sleeps until input arrives or something on screen must move.
//! Animations ask egui for a repaint each frame while they run; clocks ask for a redraw
//! when their shown second changes, through [`RedrawPlan`].
//!
//! A running clock wakes the app once a second, just after its shown second changes. The
//! wait given to bevy_winit has to stay the same from update to update: winit then wakes
//! the app at exact steps of it from the update where it was set (its phase), and any new
//! wait makes it update at once and take that update as the new phase. So a clock first
//! gets a one-off wait that lands just after its next change, and from that update a
//! steady one-second wait.

use std::time::Duration;

use bevy::prelude::*;
use bevy::winit::{UpdateMode, WinitSettings};

/// How long the app may sleep when nothing on screen moves.
pub const IDLE_WAIT: Duration = Duration::from_secs(30);

/// The steady wait while a clock runs: one update per shown second.
pub const TICK_WAIT: Duration = Duration::from_secs(1);

/// How long after a clock's change its update is planned: never before the change, even
/// when the timer fires exactly on time and the frame's clock was read a little early.
const LAG: f64 = 0.05;

/// A steady tick that lands more than this after a change shows it too late; it is aligned
/// again.
const MAX_LAG: f64 = 0.25;

/// Less than this after a change counts as landing on it, which timer jitter could put on
/// either side.
const MIN_LAG: f64 = 0.01;

/// The soonest redraw anything on screen asked for this frame, and the wake-ups planned so
/// far.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq)]
pub struct RedrawPlan {
    within: Option<f32>,
    schedule: Schedule,
}

/// What the wait last given to winit is for.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
enum Schedule {
    /// The idle wait, or whole seconds to something further than a second away.
    #[default]
    Loose,
    /// A one-off wait that wakes the app at `target`, just after a change.
    Aligning { target: f64, wait: Duration },
    /// The steady one-second tick, phased on the update at `phase`.
    Ticking { phase: f64 },
}

impl RedrawPlan {
    pub fn within(&mut self, secs: f32) {
        self.within = Some(self.within.map_or(secs, |s| s.min(secs)));
    }

    /// The wait until the next update, given this frame's time, and the frame's requests
    /// cleared for the next one.
    pub fn next_wait(&mut self, now: f64) -> Duration {
        let Some(secs) = self.within.take().map(f64::from) else {
            self.schedule = Schedule::Loose;
            return IDLE_WAIT;
        };
        if secs > 1.0 {
            self.schedule = Schedule::Loose;
            return Duration::from_secs(secs.floor() as u64).min(IDLE_WAIT);
        }
        let due = now + secs;
        let serves = |wake: f64| (MIN_LAG..=MAX_LAG).contains(&(wake - due));
        match self.schedule {
            Schedule::Ticking { phase } if serves(due + (phase - due).rem_euclid(1.0)) => TICK_WAIT,
            Schedule::Aligning { target, .. } if now >= target - MIN_LAG => {
                self.schedule = Schedule::Ticking { phase: now };
                TICK_WAIT
            }
            Schedule::Aligning { target, wait } if serves(target) => wait,
            _ => {
                let target = due + LAG;
                let mut wait = Duration::from_secs_f64(target - now);
                // Only a wait unlike the last one makes winit take this update as its phase.
                if self.last_wait() == Some(wait) || wait == TICK_WAIT {
                    wait += Duration::from_millis(1);
                }
                self.schedule = Schedule::Aligning { target, wait };
                wait
            }
        }
    }

    fn last_wait(&self) -> Option<Duration> {
        match self.schedule {
            Schedule::Loose => None,
            Schedule::Aligning { wait, .. } => Some(wait),
            Schedule::Ticking { .. } => Some(TICK_WAIT),
        }
    }
}

/// The sleeping policy; absent (continuous updates) while the screenshot tour runs.
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct Reactive;

pub fn plugin(app: &mut App) {
    // A sleeping app's next frame may come a second or more later. Bevy's virtual clock would
    // count only 250 ms of such a gap, and every countdown would fall behind the wall clock.
    app.world_mut().resource_mut::<Time<Virtual>>().set_max_delta(IDLE_WAIT * 2);
    app.init_resource::<RedrawPlan>().add_systems(Last, plan_next_update.run_if(resource_exists::<Reactive>));
}

fn plan_next_update(time: Res<Time>, mut plan: ResMut<RedrawPlan>, mut winit: ResMut<WinitSettings>) {
    let now = time.elapsed_secs_f64();
    let wait = plan.next_wait(now);
    // Counted by the clock benchmark (`RUST_LOG=service_camp::features::redraw=debug`).
    debug!("update at {now:.3} s, next wait {wait:?}");
    let mode = UpdateMode::reactive_low_power(wait);
    if winit.focused_mode != mode {
        winit.focused_mode = mode;
        winit.unfocused_mode = mode;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soonest_request_wins_and_idle_sleeps_long() {
        let mut plan = RedrawPlan::default();
        assert_eq!(plan.next_wait(0.0), IDLE_WAIT);
        plan.within(5.5);
        assert_eq!(plan.next_wait(0.0), Duration::from_secs(5));
        plan.within(2.0);
        plan.within(7.0);
        assert_eq!(plan.next_wait(0.0), Duration::from_secs(2));
        // Nothing asked this frame: back to sleep.
        assert_eq!(plan.next_wait(0.0), IDLE_WAIT);
    }

    /// bevy_winit's reactive mode as the plan relies on it: a timer at steps of the wait
    /// from the update that set it; a new wait also updates once at once (the redraw that
    /// the change asks for). Returns the times of the updates.
    fn run_winit(plan: &mut RedrawPlan, changes: impl Fn(f64) -> Option<f64>, events: &[f64], until: f64) -> Vec<f64> {
        let mut updates = Vec::new();
        let (mut wait, mut phase) = (IDLE_WAIT.as_secs_f64(), 0.0);
        let mut pending: Vec<f64> = events.to_vec();
        let mut t = 0.0;
        let mut extra = None;
        while t < until {
            updates.push(t);
            if let Some(secs) = changes(t) {
                plan.within(secs as f32);
            }
            let next_wait = plan.next_wait(t).as_secs_f64();
            if next_wait != wait {
                (wait, phase) = (next_wait, t);
                extra = Some(t + 0.002);
            }
            let timer = phase + (((t - phase) / wait + 1e-9).floor() + 1.0) * wait;
            let event = pending.iter().copied().filter(|&e| e > t).fold(f64::INFINITY, f64::min);
            t = extra.take().unwrap_or(f64::INFINITY).min(timer).min(event);
            pending.retain(|&e| e > t);
        }
        updates
    }

    /// A clock started at 0.1 s whose shown second changes at 0.37 s, 1.37 s, 2.37 s …
    fn clock(t: f64) -> Option<f64> {
        Some((0.37 - t).rem_euclid(1.0)).map(|s| if s < 1e-9 { 1.0 } else { s })
    }

    #[test]
    fn a_running_clock_updates_once_a_second_just_after_its_change() {
        let mut plan = RedrawPlan::default();
        let updates: Vec<String> = run_winit(&mut plan, clock, &[], 5.0).iter().map(|t| format!("{t:.3}")).collect();
        // Started at 0: a one-off wait to 0.42 (and the redraw the new wait asks for), then
        // the steady tick from there (and its redraw), 50 ms after each change.
        assert_eq!(updates, ["0.000", "0.002", "0.420", "0.422", "1.420", "2.420", "3.420", "4.420"]);
    }

    #[test]
    fn input_between_ticks_keeps_the_tick_where_it_is() {
        let mut plan = RedrawPlan::default();
        let updates: Vec<String> =
            run_winit(&mut plan, clock, &[1.9, 2.05, 2.6], 4.0).iter().map(|t| format!("{t:.3}")).collect();
        assert_eq!(updates, ["0.000", "0.002", "0.420", "0.422", "1.420", "1.900", "2.050", "2.420", "2.600", "3.420"]);
    }

    #[test]
    fn a_tick_that_drifts_onto_the_change_is_aligned_again() {
        // Ticking phased at 0.36 s against changes at 0.37 s …: the tick would land 10 ms
        // before each change, showing every second a second late.
        let mut plan = RedrawPlan { within: None, schedule: Schedule::Ticking { phase: 0.36 } };
        plan.within(0.37 - 0.36);
        let wait = plan.next_wait(0.36);
        assert_eq!(format!("{:.3}", wait.as_secs_f64()), "0.060");
        // A clock paused and resumed later has its changes elsewhere: same thing.
        let mut plan = RedrawPlan { within: None, schedule: Schedule::Ticking { phase: 0.42 } };
        plan.within(0.9);
        assert_eq!(format!("{:.3}", plan.next_wait(10.0).as_secs_f64()), "0.950");
    }

    #[test]
    fn a_wait_that_shrinks_from_frame_to_frame_is_not_asked_for() {
        // The time to the next change shrinks with every frame before it; the wait must not
        // follow it, or winit would update nonstop.
        let mut plan = RedrawPlan::default();
        let waits: Vec<Duration> = [0.0, 0.1, 0.2, 0.3]
            .iter()
            .map(|&now| {
                plan.within((0.37 - now) as f32);
                plan.next_wait(now)
            })
            .collect();
        assert!(waits.iter().all(|&w| w == waits[0]), "{waits:?}");
    }
}
