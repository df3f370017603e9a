//! Text runs for the scene: made printable (no control characters), and
//! wrapped or cut to a width with the crate's own metrics.
use crate::strings::cat;

use super::scene::{Anchor, Role, Text};
use super::text_metrics::{fit_text, text_width};

/// A text run at (x, y).
pub(super) fn text(
    x: f64,
    y: f64,
    s: impl Into<String>,
    size: f64,
    bold: bool,
    anchor: Anchor,
    role: Role,
) -> Text {
    Text {
        x,
        y,
        text: printable(s.into()),
        size,
        bold,
        anchor,
        role,
    }
}

/// Text without control characters (and U+FFFE, U+FFFF): they draw as
/// nothing (and measure as nothing), and XML 1.0 cannot hold them in SVG.
fn printable(s: String) -> String {
    let bad = |c: char| c.is_control() || c == '\u{fffe}' || c == '\u{ffff}';
    if s.chars().any(bad) {
        s.chars().filter(|c| !bad(*c)).collect()
    } else {
        s
    }
}

/// Greedy word wrap into at most `max_lines`, the last cut with an ellipsis.
pub(super) fn wrap(
    s: &str,
    size: f64,
    bold: bool,
    width: f64,
    max_lines: usize,
    sep: &str,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in crate::find::split(s, sep)
        .into_iter()
        .filter(|w| !w.is_empty())
    {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            cat(&[current.as_str(), sep, word])
        };
        if text_width(&candidate, size, bold) <= width || current.is_empty() {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_string()));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        let rest = lines.split_off(max_lines - 1);
        let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
        let rest = crate::strings::join(&rest, sep);
        lines.push(rest);
    }
    lines
        .into_iter()
        .filter_map(|l| fit_text(&l, size, bold, width))
        .collect()
}
