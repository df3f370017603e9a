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
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(col)) if self.path.is_empty() => {
                write!(f, "line {line}, column {col}: {}", self.message)
            }
            (Some(line), Some(col)) => {
                write!(
                    f,
                    "line {line}, column {col}: {}: {}",
                    self.path, self.message
                )
            }
            _ if self.path.is_empty() => write!(f, "{}", self.message),
            _ => write!(f, "{}: {}", self.path, self.message),
        }
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
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}
