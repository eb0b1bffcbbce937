//! Unix milliseconds as calendar time (UTC), without a date crate.

use crate::session::Timestamp;

struct Utc {
    year: i64,
    month: u32,
    day: u32,
    hour: u64,
    minute: u64,
    second: u64,
    millis: u64,
}

fn utc(at: Timestamp) -> Utc {
    const DAY_MS: u64 = 86_400_000;
    let (days, ms) = ((at.0 / DAY_MS) as i64, at.0 % DAY_MS);
    // Howard Hinnant's civil_from_days: eras of 400 years starting on 1 March.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    Utc { year, month, day, hour: ms / 3_600_000, minute: ms / 60_000 % 60, second: ms / 1000 % 60, millis: ms % 1000 }
}

/// ISO 8601, as xAPI wants it: `2025-11-25T10:00:00.000Z`.
pub fn iso8601(at: Timestamp) -> String {
    let t = utc(at);
    format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", t.year, t.month, t.day, t.hour, t.minute, t.second, t.millis)
}

/// The calendar day: `2025-11-25`.
pub fn date(at: Timestamp) -> String {
    let t = utc(at);
    format!("{:04}-{:02}-{:02}", t.year, t.month, t.day)
}

/// For people: `2025-11-25 10:00 UTC` (the session stores no time zone).
pub fn readable(at: Timestamp) -> String {
    let t = utc(at);
    format!("{:04}-{:02}-{:02} {:02}:{:02} UTC", t.year, t.month, t.day, t.hour, t.minute)
}

/// Round time as the room clock shows it: `2:05`.
pub fn minutes_seconds(secs: f64) -> String {
    let secs = secs.max(0.0).round() as u64;
    format!("{}:{:02}", secs / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_unix_milliseconds_to_utc_calendar_time() {
        assert_eq!(iso8601(Timestamp(0)), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso8601(Timestamp(1_764_072_000_123)), "2025-11-25T12:00:00.123Z");
        assert_eq!(iso8601(Timestamp(951_782_400_000)), "2000-02-29T00:00:00.000Z");
        assert_eq!(readable(Timestamp(1_709_251_199_000)), "2024-02-29 23:59 UTC");
        assert_eq!(
            (minutes_seconds(5.4), minutes_seconds(125.0), minutes_seconds(600.0)),
            ("0:05".into(), "2:05".into(), "10:00".into())
        );
    }
}
