//! Native zone rules from the compiled tz database of `chrono-tz`.

use crate::time::Instant;
use chrono::{Offset, TimeZone};
use chrono_tz::{OffsetName, Tz};

/// An IANA zone backed by chrono-tz.
#[derive(Clone, Copy)]
pub struct NamedZone(Tz);

impl NamedZone {
    pub fn new(name: &str) -> Option<NamedZone> {
        name.parse::<Tz>().ok().map(NamedZone)
    }

    pub fn name(&self) -> &str {
        self.0.name()
    }

    pub fn offset_seconds(&self, t: Instant) -> i32 {
        let utc = chrono::DateTime::from_timestamp_millis(t)
            .unwrap_or_default()
            .naive_utc();
        self.0
            .offset_from_utc_datetime(&utc)
            .fix()
            .local_minus_utc()
    }

    pub fn abbreviation(&self, t: Instant) -> Option<String> {
        let utc = chrono::DateTime::from_timestamp_millis(t)?.naive_utc();
        self.0
            .offset_from_utc_datetime(&utc)
            .abbreviation()
            .map(str::to_string)
    }
}
