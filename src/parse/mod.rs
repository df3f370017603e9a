//! Reading and checking a timeline document (format v1) into a [`Timeline`].
//!
//! The JSON is read into a value first ([`json`]) and then walked by hand:
//! that way every problem carries its JSON path and all of them are reported
//! together, instead of serde stopping at the first. The walk is a
//! [`Checker`](checker): the document and its lanes in [`document`], each
//! event in [`event`], typo hints in [`hints`]. Read from text (full build),
//! each problem also gets the line and column of its path ([`place`]).

mod checker;
mod document;
mod event;
mod hints;
pub mod json;
pub mod limits;
#[cfg(feature = "full")]
pub mod place;

pub use limits::*;

use crate::model::Timeline;
use crate::problem::{Problem, Problems};
use checker::Checker;
#[cfg(feature = "full")]
use serde_json::Value;

/// Reads a timeline from JSON text.
#[cfg(feature = "full")]
pub fn parse(text: &str) -> Result<Timeline, Problems> {
    parse_value(&parse_json(text)?).map_err(|mut p| {
        place::place(text, &mut p.0);
        p
    })
}

/// JSON text (a timeline, or a feed) read into a value: within the size
/// limit, a byte-order mark ignored, a syntax error with its line and column.
#[cfg(feature = "full")]
pub fn parse_json(text: &str) -> Result<Value, Problems> {
    check_size(text.len())?;
    // A byte-order mark (Windows editors write one) is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| Problems::one(syntax_problem(&e, text)))
}

/// Whether a text is meant as JSON (it starts, after a byte-order mark and
/// blanks, with `{` or `[`) rather than as a post-mortem's timeline text.
pub fn looks_like_json(text: &str) -> bool {
    text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
        .starts_with(['{', '['])
}

/// Whether a JSON value is meant as a format v1 document (an object with
/// `version` or `events`) rather than a feed: its problems are then format
/// v1's, even when it is broken.
pub fn is_format_v1(value: &json::Value) -> bool {
    value
        .as_object()
        .is_some_and(|m| m.contains_key("version") || m.contains_key("events"))
}

/// The problem for a document over [`MAX_DOCUMENT_BYTES`], if it is.
pub fn check_size(bytes: usize) -> Result<(), Problems> {
    if bytes <= MAX_DOCUMENT_BYTES {
        return Ok(());
    }
    let mut m = String::from("the document is ");
    crate::decimal::push_digits(&mut m, bytes as u64, 1);
    m.push_str(" bytes; the most this accepts is ");
    crate::decimal::push_digits(&mut m, MAX_DOCUMENT_BYTES as u64, 1);
    m.push_str(" bytes (");
    crate::decimal::push_digits(&mut m, (MAX_DOCUMENT_BYTES / (1024 * 1024)) as u64, 1);
    m.push_str(" MB)");
    Err(Problems::one(Problem::at("", m)))
}

/// serde_json counts columns in bytes, and 0 at the very start of a line;
/// people (and the format's documentation) count characters from 1.
#[cfg(feature = "full")]
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(l) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column.max(1);
    };
    let mut end = byte_column.saturating_sub(1).min(l.len());
    while !l.is_char_boundary(end) {
        end -= 1;
    }
    l[..end].chars().count() + 1
}

#[cfg(feature = "full")]
pub(crate) fn syntax_problem(e: &serde_json::Error, text: &str) -> Problem {
    let full = e.to_string();
    let what = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(w, _)| w);
    // A text that ends too early is wrong at its end, just past its last
    // character (serde_json points at that character).
    let ((line, column), message) = match e.classify() {
        serde_json::error::Category::Eof => (
            place::line_column(text, text.len()),
            "the JSON ends too early: a string, array or object is not closed".to_string(),
        ),
        _ => (
            (e.line(), char_column(text, e.line(), e.column())),
            format!("JSON syntax error: {what}"),
        ),
    };
    Problem {
        path: String::new(),
        line: Some(line),
        column: Some(column),
        message,
    }
}

/// Reads a timeline from an already-parsed JSON value (a JS object, say).
pub fn parse_value(value: &json::Value) -> Result<Timeline, Problems> {
    let mut c = Checker::default();
    let timeline = c.document(value);
    if c.problems.is_empty() {
        if let Some(t) = timeline {
            return Ok(t);
        }
    }
    if c.dropped > 0 {
        c.problems.push(Problem::at(
            "",
            crate::problem::say!("… and {} more problems", c.dropped),
        ));
    }
    Err(Problems(c.problems))
}

#[cfg(test)]
mod tests {
    #[test]
    fn json_is_told_from_text_by_its_first_character() {
        assert!(super::looks_like_json("\u{feff}\n  {\"version\": 1}"));
        assert!(super::looks_like_json("[{}]"));
        assert!(!super::looks_like_json("8:24 AM: outage {x}"));
        assert!(!super::looks_like_json("<!doctype html>"));
        assert!(!super::looks_like_json(""));
    }
}
