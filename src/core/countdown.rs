//! A countdown the whole room watches: start, pause, resume, reset and add time. Plain
//! logic on a clock passed in, so it is tested without waiting.

/// Seconds on a monotonic clock (the app passes Bevy's elapsed time).
pub type Instant = f64;

#[derive(Debug, Clone, PartialEq)]
pub struct Countdown {
    duration: f64,
    /// Time run in earlier, finished stretches (before the last pause).
    banked: f64,
    running_since: Option<Instant>,
}

impl Countdown {
    pub fn new(duration_secs: f64) -> Countdown {
        Countdown { duration: duration_secs, banked: 0.0, running_since: None }
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    pub fn start(&mut self, now: Instant) {
        if self.running_since.is_none() {
            self.running_since = Some(now);
        }
    }

    pub fn pause(&mut self, now: Instant) {
        if let Some(since) = self.running_since.take() {
            self.banked += (now - since).max(0.0);
        }
    }

    pub fn toggle(&mut self, now: Instant) {
        if self.is_running() { self.pause(now) } else { self.start(now) }
    }

    /// Back to the full duration, stopped.
    pub fn reset(&mut self) {
        self.banked = 0.0;
        self.running_since = None;
    }

    pub fn add_secs(&mut self, secs: f64) {
        self.duration += secs;
    }

    pub fn elapsed(&self, now: Instant) -> f64 {
        self.banked + self.running_since.map_or(0.0, |since| (now - since).max(0.0))
    }

    /// Seconds left; negative in overtime.
    pub fn remaining(&self, now: Instant) -> f64 {
        self.duration - self.elapsed(now)
    }

    /// How long until the displayed whole second changes, so the screen redraws only then.
    pub fn next_tick_in(&self, now: Instant) -> Option<f64> {
        self.is_running().then(|| {
            let fraction = self.remaining(now).rem_euclid(1.0);
            if fraction < 1e-3 { 1.0 } else { fraction }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pause_holds_the_time_and_resume_continues() {
        let mut t = Countdown::new(60.0);
        assert_eq!(t.remaining(100.0), 60.0);
        t.start(100.0);
        assert_eq!(t.remaining(110.0), 50.0);
        t.pause(110.0);
        assert_eq!(t.remaining(500.0), 50.0);
        t.toggle(500.0);
        assert_eq!(t.remaining(505.0), 45.0);
        t.add_secs(60.0);
        assert_eq!(t.remaining(505.0), 105.0);
        t.reset();
        assert_eq!(t.remaining(999.0), 120.0);
        assert!(!t.is_running());
    }

    #[test]
    fn counts_into_overtime() {
        let mut t = Countdown::new(10.0);
        t.start(0.0);
        assert_eq!(t.remaining(25.0), -15.0);
    }

    #[test]
    fn redraws_when_the_shown_second_changes() {
        let mut t = Countdown::new(10.0);
        assert_eq!(t.next_tick_in(0.0), None);
        t.start(0.0);
        assert!((t.next_tick_in(0.25).unwrap() - 0.75).abs() < 1e-9);
        assert_eq!(t.next_tick_in(1.0), Some(1.0));
    }
}
