//! Dates and times: as people read them, in the computer's own time zone (the system's, as
//! `jiff` reads it: `TZ`, else `/etc/localtime`, else the Windows setting); for xAPI, UTC.

pub use jiff::tz::TimeZone;
use jiff::{Timestamp as Instant, ZonedDateTime};

use crate::core::ids::Timestamp;

/// The zone dates and times are shown in: the system's.
pub fn local_zone() -> TimeZone {
    TimeZone::system()
}

fn zoned(at: Timestamp, zone: &TimeZone) -> ZonedDateTime {
    // Milliseconds past what jiff can represent (year 9999) are clamped: a corrupt file must not panic.
    let millis = i64::try_from(at.0).unwrap_or(i64::MAX).min(Instant::MAX.as_millisecond());
    Instant::from_millisecond(millis).unwrap_or(Instant::MAX).to_zoned_datetime(zone.clone())
}

/// ISO 8601 in UTC, as xAPI wants it: `2025-11-25T10:00:00.000Z`.
pub fn iso8601(at: Timestamp) -> String {
    zoned(at, &TimeZone::UTC).strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// The calendar day in `zone`: `2025-11-25`.
pub fn date_in(at: Timestamp, zone: &TimeZone) -> String {
    zoned(at, zone).strftime("%Y-%m-%d").to_string()
}

/// For people, with the zone's offset so a report read elsewhere stays unambiguous:
/// `2025-11-25 18:00 +08:00`.
pub fn readable_in(at: Timestamp, zone: &TimeZone) -> String {
    zoned(at, zone).strftime("%Y-%m-%d %H:%M %:z").to_string()
}

/// The time of day in `zone`, as a clock shows it: `10:42`.
pub fn clock_in(at: Timestamp, zone: &TimeZone) -> String {
    zoned(at, zone).strftime("%H:%M").to_string()
}

/// The local calendar day of `at`.
pub fn local_date(at: Timestamp) -> String {
    date_in(at, &local_zone())
}

/// `at` in local time, with the offset.
pub fn local_readable(at: Timestamp) -> String {
    readable_in(at, &local_zone())
}

/// The local calendar day of `at` as days since 1970-01-01, for streaks of days.
pub fn local_day_number(at: Timestamp, zone: &TimeZone) -> i64 {
    let date = zoned(at, zone).date();
    let epoch = jiff::civil::date(1970, 1, 1);
    (date - epoch).get_days().into()
}

/// Round time as the room clock shows it: `2:05`.
pub fn minutes_seconds(secs: f64) -> String {
    let secs = secs.max(0.0).round() as u64;
    format!("{}:{:02}", secs / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shanghai() -> TimeZone {
        TimeZone::get("Asia/Shanghai").expect("the system's time zone database has Asia/Shanghai")
    }

    #[test]
    fn xapi_times_are_utc_with_milliseconds() {
        assert_eq!(iso8601(Timestamp(0)), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso8601(Timestamp(1_764_072_000_123)), "2025-11-25T12:00:00.123Z");
        assert_eq!(iso8601(Timestamp(951_782_400_000)), "2000-02-29T00:00:00.000Z");
        assert!(
            iso8601(Timestamp(u64::MAX)).starts_with("9999-12-30T"),
            "a corrupt time is clamped to the last one jiff knows, not a panic"
        );
    }

    #[test]
    fn people_read_local_dates_and_times_with_the_offset() {
        // 2025-11-25 23:30 UTC is already 07:30 on the 26th in Shanghai.
        let early_morning = Timestamp(1_764_113_400_000);
        assert_eq!(date_in(early_morning, &TimeZone::UTC), "2025-11-25");
        assert_eq!(date_in(early_morning, &shanghai()), "2025-11-26");
        assert_eq!(readable_in(early_morning, &shanghai()), "2025-11-26 07:30 +08:00");
        // A vote at 18:00 local time.
        assert_eq!(readable_in(Timestamp(1_764_064_800_000), &shanghai()), "2025-11-25 18:00 +08:00");
        assert_eq!(readable_in(Timestamp(1_764_064_800_000), &TimeZone::UTC), "2025-11-25 10:00 +00:00");
    }

    #[test]
    fn day_numbers_follow_the_local_calendar() {
        let early_morning = Timestamp(1_764_113_400_000);
        assert_eq!(local_day_number(early_morning, &TimeZone::UTC), 20_417);
        assert_eq!(local_day_number(early_morning, &shanghai()), 20_418);
        assert_eq!(local_day_number(Timestamp(0), &TimeZone::UTC), 0);
    }

    #[test]
    fn round_time_reads_as_minutes_and_seconds() {
        assert_eq!(
            (minutes_seconds(5.4), minutes_seconds(125.0), minutes_seconds(600.0)),
            ("0:05".into(), "2:05".into(), "10:00".into())
        );
    }
}
