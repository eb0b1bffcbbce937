//! When to send and what an LRS's reply means. The worker that sends (the app's thread, the
//! CLI) asks [`Delivery`] whether it may send now, sends one batch, and tells it the [`Reply`]:
//! accepted, try again later (no network, 429, 5xx: exponential back-off with jitter, at most
//! five minutes apart, or what `Retry-After` asks), or stop and tell the trainer (401/403: the
//! credentials; any other refusal: a statement the LRS will not take). Times are seconds on the
//! caller's clock, so tests run it on a manual one.

use crate::core::ids::Timestamp;

/// Statements per POST.
pub const BATCH: usize = 50;
/// The wait after the first failure; each further failure doubles it…
pub const FIRST_RETRY_SECS: f64 = 1.0;
/// …up to this.
pub const LONGEST_WAIT_SECS: f64 = 300.0;

/// What the LRS (or the network) answered to one POST of statements.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// 200 or 204: stored (or already there: the ids are stable).
    Accepted,
    /// No answer: no network, refused connection, timeout.
    Unreachable(String),
    /// 429, 408 or 5xx: busy or broken for now; `retry_after` in seconds if it said.
    Busy { status: u16, retry_after: Option<f64> },
    /// 401 or 403: the user or password is wrong, or lacks the right to write statements.
    Unauthorised { status: u16 },
    /// Any other answer: the LRS will not take what was sent; its words.
    Refused { status: u16, message: String },
}

impl Reply {
    /// The reply to an HTTP answer with `status`, its body, and its `Retry-After` header.
    pub fn of_status(status: u16, body: &str, retry_after: Option<&str>) -> Reply {
        match status {
            200..=299 => Reply::Accepted,
            401 | 403 => Reply::Unauthorised { status },
            408 | 429 | 500..=599 => {
                Reply::Busy { status, retry_after: retry_after.and_then(|s| s.trim().parse::<f64>().ok()) }
            }
            _ => {
                // A short excerpt: an LRS may answer with a whole page.
                let message: String = body.trim().chars().take(300).collect();
                Reply::Refused { status, message }
            }
        }
    }
}

/// Why sending stopped until the trainer does something.
#[derive(Debug, Clone, PartialEq)]
pub enum Stop {
    /// 401/403: fix the user or password in the settings.
    Credentials { status: u16 },
    /// The LRS refused one statement on its own (`id`): set it aside, or fix the LRS and retry.
    Refused { status: u16, message: String, id: String },
}

/// What the worker does after a reply.
#[derive(Debug, Clone, PartialEq)]
pub enum Next {
    /// Mark the batch as sent.
    Acknowledge,
    /// Keep the batch; try again when [`Delivery::may_send`] says so.
    Retry,
    /// Keep the batch; send nothing until [`Delivery::resume`].
    Stopped,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    failures: u32,
    next_try_at: f64,
    /// How many statements of a refused batch are still to go one by one.
    singles_left: usize,
    /// Since when the LRS has not been reached (wall clock, for "offline since 10:42").
    pub offline_since: Option<Timestamp>,
    pub stopped: Option<Stop>,
    /// The last failure, in words, for the details panel.
    pub last_error: Option<String>,
}

impl Default for Delivery {
    fn default() -> Self {
        Delivery {
            failures: 0,
            next_try_at: 0.0,
            singles_left: 0,
            offline_since: None,
            stopped: None,
            last_error: None,
        }
    }
}

/// The wait after `failures` failures in a row: 1 s, 2 s, 4 s … up to 300 s, of which `jitter`
/// (0 to 1, drawn by the caller) takes the upper half, so that a roomful of laptops that lost
/// the same network do not all come back in the same second.
pub fn backoff_secs(failures: u32, jitter: f64) -> f64 {
    let doubled = FIRST_RETRY_SECS * 2f64.powi(failures.saturating_sub(1).min(30) as i32);
    let full = doubled.min(LONGEST_WAIT_SECS);
    full * (0.5 + 0.5 * jitter.clamp(0.0, 1.0))
}

impl Delivery {
    /// Statements to put in the next POST: one at a time while finding the one an LRS refused.
    pub fn batch_size(&self) -> usize {
        if self.singles_left > 0 { 1 } else { BATCH }
    }

    pub fn may_send(&self, now: f64) -> bool {
        self.stopped.is_none() && now >= self.next_try_at
    }

    /// Seconds until sending may be tried again (`None`: stopped).
    pub fn wait(&self, now: f64) -> Option<f64> {
        self.stopped.is_none().then(|| (self.next_try_at - now).max(0.0))
    }

    pub fn failures(&self) -> u32 {
        self.failures
    }

    /// Takes in the reply to a batch of `sent` statements whose first is `first_id`, at `now`
    /// on the caller's clock and `wall` on the wall clock; `jitter` is drawn from 0 to 1.
    pub fn record(
        &mut self,
        reply: &Reply,
        sent: usize,
        first_id: &str,
        now: f64,
        wall: Timestamp,
        jitter: f64,
    ) -> Next {
        match reply {
            Reply::Accepted => {
                self.failures = 0;
                self.next_try_at = now;
                self.offline_since = None;
                self.last_error = None;
                self.singles_left = self.singles_left.saturating_sub(sent);
                Next::Acknowledge
            }
            Reply::Unreachable(why) => self.retry_later(why.clone(), 0.0, now, wall, jitter),
            Reply::Busy { status, retry_after } => {
                let asked = retry_after.map_or(0.0, |secs| secs.clamp(0.0, LONGEST_WAIT_SECS));
                self.retry_later(format!("HTTP {status}"), asked, now, wall, jitter)
            }
            Reply::Unauthorised { status } => {
                self.stopped = Some(Stop::Credentials { status: *status });
                self.last_error = Some(format!("HTTP {status}"));
                Next::Stopped
            }
            Reply::Refused { status, message } if sent > 1 => {
                // One of the batch is refused: send them one by one to find it, and keep the rest going.
                self.singles_left = sent;
                self.last_error = Some(format!("HTTP {status}: {message}"));
                Next::Retry
            }
            Reply::Refused { status, message } => {
                self.singles_left = 0;
                self.stopped =
                    Some(Stop::Refused { status: *status, message: message.clone(), id: first_id.to_owned() });
                self.last_error = Some(format!("HTTP {status}: {message}"));
                Next::Stopped
            }
        }
    }

    /// One more failure in a row: wait out the back-off, or the `asked` seconds if longer.
    fn retry_later(&mut self, error: String, asked: f64, now: f64, wall: Timestamp, jitter: f64) -> Next {
        self.failures += 1;
        self.next_try_at = now + backoff_secs(self.failures, jitter).max(asked);
        self.offline_since.get_or_insert(wall);
        self.last_error = Some(error);
        Next::Retry
    }

    /// Sending goes on at once: new credentials were saved, the refused statement was set aside,
    /// or the trainer pressed "retry now".
    pub fn resume(&mut self, now: f64) {
        self.stopped = None;
        self.failures = 0;
        self.next_try_at = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_are_read_from_the_status() {
        assert_eq!(Reply::of_status(200, "[\"id\"]", None), Reply::Accepted);
        assert_eq!(Reply::of_status(204, "", None), Reply::Accepted);
        assert_eq!(Reply::of_status(401, "", None), Reply::Unauthorised { status: 401 });
        assert_eq!(Reply::of_status(403, "", None), Reply::Unauthorised { status: 403 });
        assert_eq!(Reply::of_status(429, "", Some(" 7 ")), Reply::Busy { status: 429, retry_after: Some(7.0) });
        assert_eq!(
            Reply::of_status(503, "", Some("Wed, 21 Oct 2026 07:28:00 GMT")),
            Reply::Busy { status: 503, retry_after: None }
        );
        assert_eq!(
            Reply::of_status(400, "  {\"detail\": \"bad verb\"}\n", None),
            Reply::Refused { status: 400, message: "{\"detail\": \"bad verb\"}".into() }
        );
        assert_eq!(
            Reply::of_status(409, "Differing statements", None),
            Reply::Refused { status: 409, message: "Differing statements".into() }
        );
    }

    #[test]
    fn the_wait_doubles_from_one_second_to_five_minutes_and_jitter_takes_the_upper_half() {
        let waits: Vec<f64> = (1..=10).map(|n| backoff_secs(n, 1.0)).collect();
        assert_eq!(waits, [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0, 300.0]);
        assert_eq!(backoff_secs(1, 0.0), 0.5);
        assert_eq!(backoff_secs(4, 0.5), 6.0);
        assert_eq!(backoff_secs(1_000, 0.0), 150.0, "far past the cap, still at most five minutes");
    }

    #[test]
    fn an_offline_venue_is_retried_with_growing_waits_on_a_manual_clock_then_sends_at_once() {
        let mut delivery = Delivery::default();
        let (wall, down) = (Timestamp(1_000), Reply::Unreachable("connection refused".into()));
        assert!(delivery.may_send(0.0));
        assert_eq!(delivery.record(&down, 50, "a", 0.0, wall, 1.0), Next::Retry);
        assert!(!delivery.may_send(0.99));
        assert!(delivery.may_send(1.0));
        assert_eq!(delivery.record(&down, 50, "a", 1.0, Timestamp(2_000), 1.0), Next::Retry);
        assert_eq!(delivery.wait(1.5), Some(1.5), "2 s after the second failure, at 3 s");
        delivery.record(&Reply::Busy { status: 503, retry_after: Some(60.0) }, 50, "a", 3.0, Timestamp(3_000), 1.0);
        assert_eq!(delivery.wait(3.0), Some(60.0), "Retry-After asked for more than the 4 s back-off");
        assert_eq!(delivery.offline_since, Some(wall), "offline since the first failure");
        assert_eq!(delivery.last_error.as_deref(), Some("HTTP 503"));
        assert_eq!(delivery.record(&Reply::Accepted, 50, "a", 63.0, Timestamp(63_000), 0.0), Next::Acknowledge);
        assert_eq!((delivery.offline_since, delivery.failures(), delivery.wait(63.0)), (None, 0, Some(0.0)));
    }

    #[test]
    fn wrong_credentials_stop_sending_until_resumed() {
        let mut delivery = Delivery::default();
        let next = delivery.record(&Reply::Unauthorised { status: 401 }, 50, "a", 0.0, Timestamp(0), 0.5);
        assert_eq!(next, Next::Stopped);
        assert!(!delivery.may_send(1_000.0));
        assert_eq!(delivery.wait(0.0), None);
        assert_eq!(delivery.stopped, Some(Stop::Credentials { status: 401 }));
        delivery.resume(5.0);
        assert!(delivery.may_send(5.0));
    }

    #[test]
    fn a_refused_batch_is_sent_one_by_one_to_find_the_statement_then_stops_on_it() {
        let mut delivery = Delivery::default();
        let refused = Reply::Refused { status: 400, message: "invalid verb".into() };
        assert_eq!(delivery.record(&refused, 50, "a", 0.0, Timestamp(0), 0.0), Next::Retry);
        assert_eq!(delivery.batch_size(), 1);
        assert!(delivery.may_send(0.0), "at once, one at a time");
        assert_eq!(delivery.record(&Reply::Accepted, 1, "a", 0.1, Timestamp(100), 0.0), Next::Acknowledge);
        assert_eq!(delivery.batch_size(), 1, "a good one: the refused one is still to be found");
        assert_eq!(delivery.record(&refused, 1, "b", 0.3, Timestamp(300), 0.0), Next::Stopped);
        assert_eq!(
            delivery.stopped,
            Some(Stop::Refused { status: 400, message: "invalid verb".into(), id: "b".into() })
        );
        assert_eq!(delivery.batch_size(), BATCH, "once it is found, full batches again");
        // A refusal that does not come back when sent one by one: after the batch's worth, full batches.
        let mut delivery = Delivery::default();
        delivery.record(&refused, 3, "a", 0.0, Timestamp(0), 0.0);
        for _ in 0..3 {
            assert_eq!(delivery.batch_size(), 1);
            delivery.record(&Reply::Accepted, 1, "a", 0.0, Timestamp(0), 0.0);
        }
        assert_eq!(delivery.batch_size(), BATCH);
    }
}
