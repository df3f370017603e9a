//! Problems found in a timeline document: where (JSON path, and the line and
//! column when read from text) and what, in a sentence a person can act on.

use serde::Serialize;
use std::fmt;

/// A format v1 problem's message (or path), written as `format!` writes it.
/// The widget's core leaves these out: it finds only that a timeline has
/// problems, and the element then asks the full core (loaded for that, as
/// for a feed) to say what and where. So in that build this is an empty
/// string, and neither the text nor the code writing it reaches its wasm
/// (the closure keeps the arguments used, and is never called).
#[cfg(feature = "full")]
macro_rules! say {
    ($($t:tt)*) => { format!($($t)*) };
}
#[cfg(not(feature = "full"))]
macro_rules! say {
    ($($t:tt)*) => {{
        let _ = || format!($($t)*);
        String::new()
    }};
}
pub(crate) use say;

/// One problem in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// JSON path of the offending value, like `events[3].end`; empty for the whole document.
    pub path: String,
    /// 1-based line: of a syntax error, or of the path's value in the text read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column (in characters), as `line`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// What is wrong and, where it helps, what to do about it.
    pub message: String,
}

impl Problem {
    /// A problem at a JSON path.
    pub fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// The problem in words, place first: "line 3, column 5: events[0].end:
    /// …". Written piece by piece, not with format arguments, so that the
    /// widget's wasm carries none of Rust's formatting machinery.
    pub fn text(&self) -> String {
        let mut s = String::new();
        if let (Some(line), Some(column)) = (self.line, self.column) {
            s.push_str("line ");
            crate::decimal::push_digits(&mut s, line as u64, 1);
            s.push_str(", column ");
            crate::decimal::push_digits(&mut s, column as u64, 1);
            s.push_str(": ");
        }
        if !self.path.is_empty() {
            s.push_str(&self.path);
            s.push_str(": ");
        }
        s.push_str(&self.message);
        s
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// Every problem found in a document, in document order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// A list of one problem.
    pub fn one(problem: Problem) -> Self {
        Problems(vec![problem])
    }

    /// The problems, first to last.
    pub fn iter(&self) -> std::slice::Iter<'_, Problem> {
        self.0.iter()
    }

    /// How many problems there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every problem in words ([`Problem::text`]), one a line.
    pub fn text(&self) -> String {
        let lines: Vec<String> = self.iter().map(Problem::text).collect();
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        crate::strings::join(&lines, "\n")
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl std::error::Error for Problems {}

#[cfg(test)]
mod tests {
    use super::*;

    /// The place comes first, then the path, then the message; each part
    /// only when there is one.
    #[test]
    fn text_says_where_then_what() {
        let at = |path: &str, line, column| Problem {
            path: path.into(),
            line,
            column,
            message: "is wrong".into(),
        };
        assert_eq!(at("", None, None).text(), "is wrong");
        assert_eq!(
            at("events[3].end", None, None).text(),
            "events[3].end: is wrong"
        );
        assert_eq!(
            at("", Some(12), Some(5)).text(),
            "line 12, column 5: is wrong"
        );
        assert_eq!(
            at("events[3].end", Some(120), Some(45)).text(),
            "line 120, column 45: events[3].end: is wrong"
        );
        // A line without a column is not a place.
        assert_eq!(at("title", Some(2), None).text(), "title: is wrong");
        let two = Problems(vec![at("a", None, None), at("", Some(1), Some(1))]);
        assert_eq!(two.text(), "a: is wrong\nline 1, column 1: is wrong");
        assert_eq!(two.to_string(), two.text());
    }
}
