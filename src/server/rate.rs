//! Each device gets a small budget of requests (a token bucket): a phone stuck in a retry loop,
//! or someone guessing room codes, is slowed down without affecting anyone else.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

pub struct RateLimit {
    burst: f64,
    per_second: f64,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

/// Devices remembered at most; the oldest budgets are forgotten beyond it.
const MAX_DEVICES: usize = 4_096;

impl RateLimit {
    pub fn new(burst: u32, per_second: f64) -> RateLimit {
        RateLimit { burst: f64::from(burst), per_second, buckets: Mutex::default() }
    }

    /// Whether `device` has used its whole budget (without spending any).
    pub fn exhausted(&self, device: &str, now: Instant) -> bool {
        let Ok(buckets) = self.buckets.lock() else { return false };
        buckets.get(device).is_some_and(|(tokens, at)| {
            (*tokens + now.duration_since(*at).as_secs_f64() * self.per_second).min(self.burst) < 1.0
        })
    }

    /// Whether `device` may make one more request now (spending one).
    pub fn allow(&self, device: &str, now: Instant) -> bool {
        let Ok(mut buckets) = self.buckets.lock() else { return true };
        if buckets.len() >= MAX_DEVICES && !buckets.contains_key(device) {
            let full = self.burst;
            let per_second = self.per_second;
            buckets.retain(|_, (tokens, at)| *tokens + now.duration_since(*at).as_secs_f64() * per_second < full);
        }
        let (tokens, at) = buckets.entry(device.to_owned()).or_insert((self.burst, now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * self.per_second).min(self.burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn a_burst_is_allowed_then_one_request_per_refill() {
        let limit = RateLimit::new(3, 2.0);
        let start = Instant::now();
        assert_eq!((0..5).map(|_| limit.allow("a", start)).collect::<Vec<_>>(), [true, true, true, false, false]);
        assert!(limit.allow("b", start), "another device has its own budget");
        assert!(limit.allow("a", start + Duration::from_millis(500)), "half a second refills one");
        assert!(!limit.allow("a", start + Duration::from_millis(500)));
    }
}
