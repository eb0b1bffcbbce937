//! The countdown the room watches (team design, presentations, votes, rounds). Screens
//! and keys change it through [`ClockAction`]s; while it runs it wakes the app only when
//! the shown second changes.

use bevy::prelude::*;

use crate::core::countdown::Countdown;
use crate::features::actions::{ClockAction, UiAction};
use crate::features::redraw::RedrawPlan;

#[derive(Resource, Debug, Clone, PartialEq)]
pub struct RoomClock(pub Countdown);

impl Default for RoomClock {
    fn default() -> Self {
        RoomClock(Countdown::new(60.0))
    }
}

pub fn plugin(app: &mut App) {
    app.init_resource::<RoomClock>().add_systems(Update, (apply_clock_actions, plan_clock_redraw).chain());
}

fn apply_clock_actions(mut actions: MessageReader<UiAction>, time: Res<Time>, mut clock: ResMut<RoomClock>) {
    let now = time.elapsed_secs_f64();
    for action in actions.read() {
        let UiAction::Clock(action) = action else { continue };
        match *action {
            ClockAction::Toggle => clock.0.toggle(now),
            ClockAction::Reset => clock.0.reset(),
            ClockAction::AddMinute => clock.0.add_secs(60.0),
            ClockAction::Set { secs } => clock.0 = Countdown::new(secs),
        }
    }
}

fn plan_clock_redraw(time: Res<Time>, clock: Res<RoomClock>, mut plan: ResMut<RedrawPlan>) {
    if let Some(secs) = clock.0.next_tick_in(time.elapsed_secs_f64()) {
        plan.within(secs as f32);
    }
}
