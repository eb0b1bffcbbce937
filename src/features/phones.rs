//! Phones in the room: the trainer turns them on (F6) and the room server starts; the join
//! card (F7) shows where to join. Every frame the phones' waiting requests are answered through
//! core on this, the session's owner's, side, and every change of the session (the trainer's
//! or a phone's) is published to the phones. The screen on the projector sets what phones
//! show.

use std::collections::BTreeSet;
use std::sync::Arc;

use bevy::prelude::*;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};

use crate::core::locale::Locales;
use crate::core::room::{RoomEdit, RoomStage, SeatId};
use crate::core::scoring::Rubrics;
use crate::core::session::{EditContext, Session, SessionEdit, Timestamp};
use crate::features::actions::{PhonesAction, UiAction};
use crate::features::content::{CurrentSession, LoadedLocales, LoadedRubrics};
use crate::features::room_clock::RoomClock;
use crate::features::rounds::RoundDesk;
use crate::features::screen::Screen;
use crate::server::hub::{Hub, RoundClock};
use crate::server::{RoomServer, join};

/// The room server while phones are on, and the join card.
#[derive(Resource, Default)]
pub struct Phones {
    server: Option<RoomServer>,
    /// Why phones could not be turned on (shown on the card).
    pub problem: Option<String>,
    pub card_open: bool,
    /// This laptop's addresses phones can reach, and the server's port.
    addresses: Vec<std::net::IpAddr>,
    port: u16,
    /// App clock when phones were turned on.
    pub since: f64,
    /// The rubrics the observers' pads are made from, shared with the server's thread.
    rubrics: Option<Arc<Rubrics>>,
}

impl Phones {
    pub fn running(&self) -> bool {
        self.server.is_some()
    }

    /// Each seat's connections now.
    pub fn online(&self) -> BTreeSet<SeatId> {
        self.server.as_ref().map(|s| s.hub.online()).unwrap_or_default()
    }

    /// Opens the room (a code and a secret on first use) and starts the server on `port`
    /// (`None`: the default port, else a free one; `Some(0)`: any free one); the join card
    /// opens. `now` is the app clock.
    pub fn start(
        &mut self,
        session: &mut Session,
        stage: RoomStage,
        locales: Arc<Locales>,
        wake: Box<dyn Fn() + Send + Sync>,
        port: Option<u16>,
        now: f64,
    ) {
        let cx = EditContext::new(Timestamp::now(), None);
        for edit in [RoomEdit::Open, RoomEdit::Stage(stage)] {
            if let Err(e) = session.apply(&SessionEdit::Room(edit), &cx) {
                warn!("{e}");
            }
        }
        match RoomServer::start(Hub::new(session, locales, wake), port) {
            Ok(server) => {
                self.port = server.port();
                self.addresses = join::lan_addresses();
                self.server = Some(server);
                self.problem = None;
                self.since = now;
            }
            Err(e) => self.problem = Some(e.to_string()),
        }
        self.card_open = true;
    }

    /// Stops the server: phones keep their seats and rejoin when it starts again.
    pub fn stop(&mut self) {
        self.server = None;
        self.card_open = false;
    }

    /// The server's port (0 while off).
    pub fn port(&self) -> u16 {
        if self.running() { self.port } else { 0 }
    }

    /// Makes `session` what phones see now (the app does it after each frame that changed it).
    pub fn publish(&self, session: &Session) {
        if let Some(hub) = self.hub() {
            hub.publish(session);
        }
    }

    /// Why phones do not work now (the server could not start, or stopped); the camp goes on
    /// with the keyboard.
    pub fn problem(&self) -> Option<String> {
        self.problem.clone().or_else(|| self.hub().and_then(|hub| hub.problem.lock().ok()?.clone()))
    }

    /// Whether this laptop is on no network phones could share (its only address is its own).
    pub fn only_loopback(&self) -> bool {
        self.running() && self.addresses.iter().all(|a| a.is_loopback())
    }

    /// One join link per address of this laptop, for the room code.
    pub fn links(&self, code: &str) -> Vec<String> {
        if !self.running() {
            return Vec::new();
        }
        self.addresses.iter().map(|&address| join::join_url(address, self.port, code)).collect()
    }

    fn hub(&self) -> Option<&Arc<Hub>> {
        self.server.as_ref().map(|s| &s.hub)
    }
}

/// What phones show while the projector shows `screen`.
pub fn stage_for(screen: Screen) -> RoomStage {
    match screen {
        Screen::Teams => RoomStage::TeamDesign,
        Screen::Presentations => RoomStage::Vote,
        Screen::Stories => RoomStage::Stories,
        Screen::Round | Screen::RoundResult => RoomStage::Round,
        Screen::Debrief => RoomStage::Debrief,
        Screen::Quiz => RoomStage::Quiz,
        _ => RoomStage::Lobby,
    }
}

pub fn plugin(app: &mut App) {
    app.init_resource::<Phones>()
        .add_systems(
            Update,
            (apply_phone_actions, follow_screen.run_if(state_changed::<Screen>), answer_phones).chain(),
        )
        .add_systems(PostUpdate, (publish_changes, publish_round));
}

fn apply_phone_actions(
    mut actions: MessageReader<UiAction>,
    mut phones: ResMut<Phones>,
    mut current: ResMut<CurrentSession>,
    locales: Option<Res<LoadedLocales>>,
    proxy: Option<Res<EventLoopProxyWrapper>>,
    screen: Res<State<Screen>>,
    time: Res<Time>,
) {
    for action in actions.read() {
        match action {
            UiAction::Phones(PhonesAction::Toggle) if phones.running() => phones.stop(),
            UiAction::Phones(PhonesAction::Toggle) => {
                let locales = locales.as_ref().map_or_else(|| Arc::new(Locales::builtin()), |loaded| loaded.0.clone());
                let proxy = proxy.as_ref().map(|p| (***p).clone());
                let wake = Box::new(move || {
                    if let Some(proxy) = &proxy {
                        let _ = proxy.send_event(WinitUserEvent::WakeUp);
                    }
                });
                let stage = stage_for(*screen.get());
                phones.start(&mut current.session, stage, locales, wake, None, time.elapsed_secs_f64());
            }
            UiAction::Phones(PhonesAction::ToggleCard) => phones.card_open = !phones.card_open,
            UiAction::CloseOverlays => phones.card_open = false,
            _ => {}
        }
    }
}

/// The projector's screen decides what phones show.
fn follow_screen(screen: Res<State<Screen>>, phones: Res<Phones>, mut current: ResMut<CurrentSession>) {
    let stage = stage_for(*screen.get());
    if phones.running() && current.session.room.stage != stage {
        let cx = EditContext::new(Timestamp::now(), None);
        let _ = current.session.apply(&SessionEdit::Room(RoomEdit::Stage(stage)), &cx);
    }
}

/// What the running round's clock reads at app time `now`, if a round is running.
fn round_time(session: &Session, clock: &RoomClock, now: f64) -> Option<f64> {
    session.rounds.last().filter(|r| r.is_running()).map(|_| clock.0.elapsed(now))
}

/// Answers what phones asked since the last frame, through core; observers' taps carry the
/// round clock's reading.
fn answer_phones(
    phones: Res<Phones>,
    mut current: ResMut<CurrentSession>,
    locales: Option<Res<LoadedLocales>>,
    rubrics: Option<Res<LoadedRubrics>>,
    clock: Res<RoomClock>,
    time: Res<Time>,
) {
    let Some(hub) = phones.hub() else { return };
    let round_time = round_time(&current.session, &clock, time.elapsed_secs_f64());
    let mut cx = EditContext::new(Timestamp::now(), rubrics.as_deref().map(|r| &r.0)).with_round_time(round_time);
    if let Some(loaded) = &locales {
        cx = cx.with_locales(&loaded.0);
    }
    // Only a change marks the session changed (and saves it): most frames have no calls.
    if hub.answer_calls(&mut current.bypass_change_detection().session, &cx) {
        current.set_changed();
    }
}

/// Observers' pads see the rubrics and the round clock (its pauses, and the grace after the
/// end); the hub sends only what phones could not reckon themselves.
fn publish_round(
    mut phones: ResMut<Phones>,
    current: Res<CurrentSession>,
    rubrics: Option<Res<LoadedRubrics>>,
    clock: Res<RoomClock>,
    desk: Res<RoundDesk>,
    time: Res<Time>,
) {
    if !phones.running() {
        return;
    }
    if let Some(loaded) = rubrics.as_ref().filter(|r| r.is_changed() || phones.rubrics.is_none()) {
        phones.rubrics = Some(Arc::new(loaded.0.clone()));
    }
    let now = time.elapsed_secs_f64();
    let session = &current.session;
    let clock =
        session.rounds.len().checked_sub(1).filter(|&i| session.rounds[i].observers_open()).map(|last| RoundClock {
            elapsed: clock.0.elapsed(now),
            running: clock.0.is_running() && session.rounds[last].is_running(),
            grace_left: desk.grace_left(last, now),
            read_at: std::time::Instant::now(),
        });
    if let Some(hub) = phones.hub() {
        hub.publish_round(phones.rubrics.as_ref(), clock);
    }
}

/// Phones see every change of the session, whoever made it.
fn publish_changes(phones: Res<Phones>, current: Res<CurrentSession>) {
    if current.is_changed() {
        phones.publish(&current.session);
    }
}
