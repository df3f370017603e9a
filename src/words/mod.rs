//! The timeline in words, for people: each event described the same way for
//! the tooltip, the details panel, the screen-reader announcement and the
//! table ([`describe`]), and the headline numbers under the title
//! ([`summary`]).

pub mod describe;
pub mod summary;
