//! Idle is free: the app sleeps until input arrives or something on screen must move.
//! Animations ask egui for a repaint each frame while they run; clocks ask for a redraw
//! when their shown second changes, through [`RedrawPlan`].

use std::time::Duration;

use bevy::prelude::*;
use bevy::winit::{UpdateMode, WinitSettings};

/// How long the app may sleep when nothing on screen moves.
pub const IDLE_WAIT: Duration = Duration::from_secs(30);

/// How often the app wakes while something must move within a second (a running clock): twice
/// a second, so no shown second is skipped. It has to be a steady value: bevy_winit updates at once whenever the wait changes, so a wait
/// that shrank every frame (the time left to a clock's next second) kept the app updating
/// nonstop, nearly two cores under Xvfb.
pub const TICK_WAIT: Duration = Duration::from_millis(500);

/// The soonest redraw anything on screen asked for this frame.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq)]
pub struct RedrawPlan {
    within: Option<f32>,
}

impl RedrawPlan {
    pub fn within(&mut self, secs: f32) {
        self.within = Some(self.within.map_or(secs, |s| s.min(secs)));
    }

    /// The wait until the next update: the steady tick when something is due within a second,
    /// else whole seconds up to the idle wait.
    pub fn wait(&self) -> Duration {
        match self.within {
            None => IDLE_WAIT,
            Some(secs) if secs <= 1.0 => TICK_WAIT,
            Some(secs) => Duration::from_secs(secs.floor() as u64).min(IDLE_WAIT),
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

fn plan_next_update(mut plan: ResMut<RedrawPlan>, mut winit: ResMut<WinitSettings>) {
    let mode = UpdateMode::reactive_low_power(plan.wait());
    if winit.focused_mode != mode {
        winit.focused_mode = mode;
        winit.unfocused_mode = mode;
    }
    *plan = RedrawPlan::default();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soonest_request_wins_and_idle_sleeps_long() {
        let mut plan = RedrawPlan::default();
        assert_eq!(plan.wait(), IDLE_WAIT);
        plan.within(5.5);
        assert_eq!(plan.wait(), Duration::from_secs(5));
        plan.within(2.0);
        assert_eq!(plan.wait(), Duration::from_secs(2));
        plan.within(0.3);
        assert_eq!(plan.wait(), TICK_WAIT);
    }

    #[test]
    fn a_running_clock_asks_for_the_same_wait_every_frame() {
        // The time to the next second shrinks frame by frame; the wait must not follow it.
        let waits: Vec<Duration> = [0.93, 0.71, 0.42, 0.05, 0.999]
            .iter()
            .map(|&secs| {
                let mut plan = RedrawPlan::default();
                plan.within(secs);
                plan.wait()
            })
            .collect();
        assert!(waits.iter().all(|&w| w == TICK_WAIT), "{waits:?}");
    }
}
