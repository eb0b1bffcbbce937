//! Between the room server and the session's owner. The server hands each phone request over
//! as a [`Call`]; the owner answers it through core ([`Hub::answer_calls`]) and publishes the
//! session after every change ([`Hub::publish`]); each phone's event stream makes its own view
//! of the published session on the server's thread, so the owner's frame never waits for them.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use tokio::sync::{oneshot, watch};

use crate::core::locale::Locales;
use crate::core::room::view::{RoundClockView, RoundContext};
use crate::core::room::{JoinRequest, PhoneAction, PhoneError, SeatId};
use crate::core::round::calibration::Calibration;
use crate::core::scoring::Rubrics;
use crate::core::session::{EditContext, Session};

/// A phone's request, waiting for the owner of the session.
pub enum Call {
    Join { request: JoinRequest, reply: oneshot::Sender<Result<String, PhoneError>> },
    Act { token: String, request_id: String, action: PhoneAction, reply: oneshot::Sender<Result<(), PhoneError>> },
}

/// The session as last published, with the strings phones are shown, and what the observers'
/// pads need: the rubrics and the round clock.
pub struct Published {
    pub session: Session,
    pub locales: Arc<Locales>,
    pub rubrics: Option<Arc<Rubrics>>,
    pub clock: Option<RoundClock>,
    /// The last round's calibration once revealed: made by the first stream that needs it, then
    /// shared by every phone's view of this publication.
    calibration: OnceLock<Option<Calibration>>,
}

impl Published {
    fn new(session: Session, locales: Arc<Locales>, rubrics: Option<Arc<Rubrics>>, clock: Option<RoundClock>) -> Self {
        Published { session, locales, rubrics, clock, calibration: OnceLock::new() }
    }

    /// The observers' context as of now (the clock read forward from its publication).
    pub fn round_context(&self) -> Option<RoundContext<'_>> {
        let rubrics = self.rubrics.as_deref()?;
        let calibration = self.calibration.get_or_init(|| {
            let last = self.session.rounds.last().filter(|r| r.observers_revealed)?;
            Some(Calibration::of(last, rubrics, self.session.lang))
        });
        Some(RoundContext { rubrics, clock: self.clock.map(|c| c.now()), calibration: calibration.as_ref() })
    }
}

/// The round clock as its owner last read it.
#[derive(Debug, Clone, Copy)]
pub struct RoundClock {
    pub elapsed: f64,
    pub running: bool,
    /// Seconds left of the observers' grace after the end.
    pub grace_left: Option<f64>,
    pub read_at: Instant,
}

impl RoundClock {
    pub fn now(&self) -> RoundClockView {
        let passed = self.read_at.elapsed().as_secs_f64();
        RoundClockView {
            elapsed: if self.running { self.elapsed + passed } else { self.elapsed },
            running: self.running,
            grace_left: self.grace_left.map(|left| (left - passed).max(0.0)),
        }
    }

    /// Whether a phone would see the same clock: it runs on by itself between publications.
    fn same_as(&self, other: &RoundClock) -> bool {
        let (a, b) = (self.now(), other.now());
        a.running == b.running
            && (a.elapsed - b.elapsed).abs() < CLOCK_SLACK_SECS
            && match (a.grace_left, b.grace_left) {
                (Some(x), Some(y)) => (x - y).abs() < CLOCK_SLACK_SECS,
                (x, y) => x.is_none() && y.is_none(),
            }
    }
}

/// A clock that drifted less than this from what phones extrapolate is not published again.
const CLOCK_SLACK_SECS: f64 = 0.5;

pub struct Hub {
    calls: Mutex<Sender<Call>>,
    pending: Mutex<Receiver<Call>>,
    published: watch::Sender<Arc<Published>>,
    /// Each seat's open event streams (a person may have the page open twice); seats with
    /// none are left out.
    streams: Mutex<BTreeMap<SeatId, usize>>,
    /// Wakes the owner when a call arrives or presence changes (the app sleeps while idle).
    wake: Box<dyn Fn() + Send + Sync>,
    /// Set when the server could not do its work (shown as a banner; the camp goes on).
    pub problem: Mutex<Option<String>>,
}

impl Hub {
    pub fn new(session: &Session, locales: Arc<Locales>, wake: Box<dyn Fn() + Send + Sync>) -> Arc<Hub> {
        let (calls, pending) = channel();
        let first = Published::new(session.clone(), locales, None, None);
        let (published, _) = watch::channel(Arc::new(first));
        Arc::new(Hub {
            calls: Mutex::new(calls),
            pending: Mutex::new(pending),
            published,
            streams: Mutex::default(),
            wake,
            problem: Mutex::default(),
        })
    }

    /// From the server: hands a call to the owner and wakes it.
    pub(super) fn send(&self, call: Call) -> bool {
        let sent = self.calls.lock().is_ok_and(|calls| calls.send(call).is_ok());
        (self.wake)();
        sent
    }

    pub fn published(&self) -> Arc<Published> {
        self.published.borrow().clone()
    }

    pub(super) fn subscribe(&self) -> watch::Receiver<Arc<Published>> {
        self.published.subscribe()
    }

    /// From the owner: makes `session` what phones see. Publishing the session phones see
    /// already does nothing, so an owner may publish after every frame that changed it even
    /// when a phone's change was published as it was applied.
    pub fn publish(&self, session: &Session) {
        let next = {
            let published = self.published.borrow();
            if published.session == *session {
                return;
            }
            Published::new(session.clone(), published.locales.clone(), published.rubrics.clone(), published.clock)
        };
        self.published.send_replace(Arc::new(next));
    }

    /// From the owner: the rubrics the observers' pads show and the round clock now. Phones
    /// hear of it only when it differs from what they would reckon themselves.
    pub fn publish_round(&self, rubrics: Option<&Arc<Rubrics>>, clock: Option<RoundClock>) {
        let next = {
            let published = self.published.borrow();
            let same_rubrics = match (&published.rubrics, rubrics) {
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                (a, b) => a.is_none() && b.is_none(),
            };
            let same_clock = match (&published.clock, &clock) {
                (Some(a), Some(b)) => a.same_as(b),
                (a, b) => a.is_none() && b.is_none(),
            };
            if same_rubrics && same_clock {
                return;
            }
            Published::new(published.session.clone(), published.locales.clone(), rubrics.cloned(), clock)
        };
        self.published.send_replace(Arc::new(next));
    }

    /// From the owner: answers every waiting call through core, in arrival order, publishing
    /// each change. Returns whether the session changed.
    pub fn answer_calls(&self, session: &mut Session, cx: &EditContext) -> bool {
        let Ok(pending) = self.pending.lock() else { return false };
        let mut changed = false;
        while let Ok(call) = pending.try_recv() {
            changed |= self.answer(call, session, cx);
        }
        changed
    }

    /// From the owner without a frame loop: waits up to `wait` for calls, then answers them.
    pub fn answer_calls_within(&self, wait: Duration, session: &mut Session, cx: &EditContext) -> bool {
        let first = match self.pending.lock() {
            Ok(pending) => pending.recv_timeout(wait).ok(),
            Err(_) => None,
        };
        let changed = first.is_some_and(|call| self.answer(call, session, cx));
        self.answer_calls(session, cx) | changed
    }

    pub(super) fn connected(&self, seat: SeatId, by: isize) {
        if let Ok(mut streams) = self.streams.lock() {
            let open = streams.entry(seat).or_default();
            *open = open.saturating_add_signed(by);
            if *open == 0 {
                streams.remove(&seat);
            }
        }
        (self.wake)();
    }

    /// The seats whose phone is connected now, for the trainer's roster.
    pub fn online(&self) -> BTreeSet<SeatId> {
        self.streams.lock().map(|s| s.keys().copied().collect()).unwrap_or_default()
    }
}

impl Hub {
    /// Applies one call through core. A change is published before the phone hears back, so
    /// the stream it opens next (with its new token) already finds its seat.
    fn answer(&self, call: Call, session: &mut Session, cx: &EditContext) -> bool {
        match call {
            Call::Join { request, reply } => {
                // A join changes the session only by making a seat (and with it, maybe, a member).
                let seats = session.room.seats.len();
                let result = session.join_from_phone(&request, cx).map(|(_, token)| token);
                let changed = session.room.seats.len() != seats;
                if changed {
                    self.publish(session);
                }
                let _ = reply.send(result);
                changed
            }
            Call::Act { token, request_id, action, reply } => {
                let result = session.apply_phone(&token, &request_id, &action, cx);
                let changed = matches!(result, Ok(ref applied) if *applied != crate::core::session::Applied::Unchanged);
                if changed {
                    self.publish(session);
                }
                let _ = reply.send(result.map(|_| ()));
                changed
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;

    #[test]
    fn publishing_the_session_phones_already_see_wakes_no_stream() {
        let mut session = Session::demo(Lang::Zh);
        let hub = Hub::new(&session, Arc::new(Locales::builtin()), Box::new(|| {}));
        let mut stream = hub.subscribe();
        hub.publish(&session);
        assert!(!stream.has_changed().unwrap(), "the same session again: nothing to send");
        session.name = "第二天".into();
        hub.publish(&session);
        assert!(stream.has_changed().unwrap());
        assert_eq!(stream.borrow_and_update().session.name, "第二天");
    }
}
