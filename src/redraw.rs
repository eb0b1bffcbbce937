//! Idle is free: the app sleeps until input arrives or something on screen must move.
//! Animations ask egui for a repaint each frame while they run; clocks ask for a redraw
//! when their shown second changes, through [`RedrawPlan`].

use std::time::Duration;

use bevy::prelude::*;
use bevy::winit::{UpdateMode, WinitSettings};

/// How long the app may sleep when nothing on screen moves.
pub const IDLE_WAIT: Duration = Duration::from_secs(30);

/// The soonest redraw anything on screen asked for this frame.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq)]
pub struct RedrawPlan {
    within: Option<f32>,
}

impl RedrawPlan {
    pub fn within(&mut self, secs: f32) {
        self.within = Some(self.within.map_or(secs, |s| s.min(secs)));
    }

    /// The wait until the next update: what was asked for, else the idle wait.
    pub fn wait(&self) -> Duration {
        self.within.map_or(IDLE_WAIT, |secs| Duration::from_secs_f32(secs.clamp(0.0, IDLE_WAIT.as_secs_f32())))
    }
}

/// The sleeping policy; absent (continuous updates) while the screenshot tour runs.
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct Reactive;

pub(super) fn plugin(app: &mut App) {
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
        plan.within(0.8);
        plan.within(0.3);
        plan.within(2.0);
        assert_eq!(plan.wait(), Duration::from_secs_f32(0.3));
    }
}
