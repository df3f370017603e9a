//! Time, the first layer everything else stands on: the [`Instant`] type
//! and the range of instants documents can name, arithmetic on instants that
//! cannot overflow, time zones (UTC, fixed offsets and IANA zones, both ways
//! across DST), reading the times a document writes ([`timestamp`]) and
//! writing them for people ([`clock`], in a locale's [`formats`]).
//!
//! It knows nothing of timelines: the model, parsing, layout and the words
//! all depend on it, never the other way round.

pub mod clock;
pub mod formats;
mod instant;
pub mod step;
pub mod timestamp;
pub mod zone;

pub use instant::{
    between, clamp, format_instant, from_ms, later, midpoint, Instant, EARLIEST, LATEST,
};
#[cfg(feature = "full")]
pub use zone::format_local;
pub use zone::Zone;
