//! The limits on what a document may hold, written once: the parser checks
//! them, and the element reads them from the core by name (never a copy).

/// Largest document accepted, in bytes of JSON text.
pub const MAX_DOCUMENT_BYTES: usize = 20 * 1024 * 1024;
/// Most events in one timeline.
pub const MAX_EVENTS: usize = 100_000;
/// Most lanes in one timeline.
pub const MAX_LANES: usize = 1_000;
/// Longest title or label, in characters.
pub const MAX_TITLE_CHARS: usize = 500;
/// Longest description or detail, in characters.
pub const MAX_DETAIL_CHARS: usize = 20_000;
/// Longest id, in characters.
pub const MAX_ID_CHARS: usize = 100;
/// Most links on one event.
pub const MAX_LINKS: usize = 20;
/// Longest URL, in characters.
pub const MAX_URL_CHARS: usize = 2_048;
