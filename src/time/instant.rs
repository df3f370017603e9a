//! Instants, and every sum, difference and clamp of them the crate does.
//!
//! An instant is milliseconds since 1970-01-01T00:00:00Z. Documents can only
//! name instants from the year 0 to the year 9999 ([`EARLIEST`]..=[`LATEST`]),
//! but a present (`now`) or a view comes from outside and may be anything
//! an `i64` or an `f64` holds. So arithmetic on instants goes through these
//! functions, which saturate instead of overflowing: a panic natively, a
//! wrong number (or a trap) in wasm.

/// Milliseconds since 1970-01-01T00:00:00Z.
pub type Instant = i64;

/// The first instant documents can name: 0000-01-01T00:00:00Z.
pub const EARLIEST: Instant = -62_167_219_200_000;
/// The last instant documents can name: 9999-12-31T23:59:59.999Z.
pub const LATEST: Instant = 253_402_300_799_999;

/// `t` moved into the years documents can name.
pub fn clamp(t: Instant) -> Instant {
    t.max(EARLIEST).min(LATEST)
}

/// An instant from a float of milliseconds (a JavaScript time), in the years
/// documents can name; NaN is the epoch.
pub fn from_ms(ms: f64) -> Instant {
    // `as` saturates (and makes NaN 0); then the document range.
    clamp(ms as Instant)
}

/// How long from `a` to `b`, in ms (negative when `b` is earlier); saturating.
pub fn between(a: Instant, b: Instant) -> i64 {
    b.saturating_sub(a)
}

/// `ms` after `t` (before it when negative); saturating.
pub fn later(t: Instant, ms: i64) -> Instant {
    t.saturating_add(ms)
}

/// Halfway from `a` to `b`, without overflow for any two instants.
pub fn midpoint(a: Instant, b: Instant) -> Instant {
    (a >> 1) + (b >> 1) + (a & b & 1)
}

/// RFC 3339 in UTC with milliseconds, the form every time takes once resolved.
pub fn format_instant(t: Instant) -> String {
    use chrono::{Datelike, Timelike};
    match chrono::DateTime::from_timestamp_millis(t) {
        Some(dt) => format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
            dt.year(),
            dt.month(),
            dt.day(),
            dt.hour(),
            dt.minute(),
            dt.second(),
            dt.timestamp_subsec_millis()
        ),
        None => t.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_saturates_at_the_ends_of_i64() {
        assert_eq!(between(i64::MIN, i64::MAX), i64::MAX);
        assert_eq!(between(i64::MAX, i64::MIN), i64::MIN);
        assert_eq!(later(i64::MAX, 1), i64::MAX);
        assert_eq!(later(i64::MIN, -1), i64::MIN);
        assert_eq!(midpoint(i64::MAX, i64::MAX), i64::MAX);
        assert_eq!(midpoint(i64::MIN, i64::MAX), -1);
        assert_eq!(midpoint(3, 5), 4);
        assert_eq!(midpoint(-3, -5), -4);
        assert_eq!(from_ms(f64::NAN), 0);
        assert_eq!(from_ms(f64::INFINITY), LATEST);
        assert_eq!(from_ms(-1e300), EARLIEST);
        assert_eq!(clamp(i64::MAX), LATEST);
    }

    #[test]
    fn the_range_is_years_0_to_9999() {
        assert_eq!(format_instant(EARLIEST), "0000-01-01T00:00:00.000Z");
        assert_eq!(format_instant(LATEST), "9999-12-31T23:59:59.999Z");
    }
}
