//! The checker that walks a document: it collects problems (the first
//! [`MAX_PROBLEMS`], then only counts them) and reads the common shapes of
//! a field (an object, a string of limited length, an id, an array), each
//! with its own message.
use crate::strings::cat;

use super::hints::{closest, one_of};
use super::json::{Map, Value};
use super::limits::{MAX_ID_CHARS, MAX_TITLE_CHARS};
use crate::problem::say;
use crate::problem::Problem;
use crate::time::timestamp::{clip, TimeSpec};

/// Problems listed before the rest are summarized.
const MAX_PROBLEMS: usize = 100;

/// Walks a document, collecting problems.
#[derive(Default)]
pub(super) struct Checker {
    /// The problems reported, at most [`MAX_PROBLEMS`].
    pub(super) problems: Vec<Problem>,
    /// How many more there were.
    pub(super) dropped: usize,
}

pub(super) const SEVERITIES: [&str; 4] = ["none", "minor", "major", "critical"];
pub(super) const DOCUMENT_KEYS: [&str; 7] = [
    "version",
    "$schema",
    "title",
    "description",
    "timezone",
    "lanes",
    "events",
];
pub(super) const LANE_KEYS: [&str; 2] = ["id", "label"];
pub(super) const EVENT_KEYS: [&str; 12] = [
    "id", "lane", "kind", "title", "detail", "severity", "impact", "start", "end", "at", "links",
    "inferred",
];
pub(super) const LINK_KEYS: [&str; 2] = ["url", "label"];

/// A time as written plus where it was written, before zone resolution.
pub(super) struct Written<'a> {
    /// Its key ("start"); the path is made only for a problem.
    pub(super) key: &'static str,
    pub(super) text: &'a str,
    pub(super) spec: TimeSpec,
}

/// A scalar as the document wrote it (strings quoted), else what kind of value it is.
/// (Not `Value`'s own Display: that would pull serde_json's writer into the wasm.)
pub(super) fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => say!("\"{}\"", clip(s)),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => i.to_string(),
            (_, Some(f)) => crate::decimal::decimal(f),
            _ => "that number".to_string(),
        },
        Value::Bool(b) => b.to_string(),
        other => describe(other).to_string(),
    }
}

/// What kind of JSON value this is, for messages ("an array").
pub(super) fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// `path.key`, or `key` at the top. (Not `format!`: formatting machinery is
/// slow in a cold wasm.) Paths name where a problem is, so the widget's core,
/// which leaves describing problems to the full core (see [`say`]), writes
/// none.
pub(super) fn join(path: &str, key: &str) -> String {
    if !cfg!(feature = "full") {
        return String::new();
    }
    if path.is_empty() {
        key.to_string()
    } else {
        cat(&[path, ".", key])
    }
}

/// Whether `s` is a usable id.
pub(super) fn is_id(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '-'))
}

impl Checker {
    /// Records a problem at `path`. The widget's core keeps neither the
    /// path nor the message (see [`say`]): that a timeline has a problem is
    /// all it reports.
    pub(super) fn report(&mut self, path: impl Into<String>, message: impl Into<String>) {
        if self.problems.len() < MAX_PROBLEMS {
            #[cfg(feature = "full")]
            self.problems.push(Problem::at(path, message));
            #[cfg(not(feature = "full"))]
            {
                let _ = (path, message);
                self.problems.push(Problem::at("", ""));
            }
        } else {
            self.dropped += 1;
        }
    }

    pub(super) fn object<'v>(
        &mut self,
        v: &'v Value,
        path: &str,
        what: &str,
    ) -> Option<&'v Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                self.report(
                    path,
                    say!("{what} must be an object, not {}", describe(other)),
                );
                None
            }
        }
    }

    /// Whether another problem would still be listed (past the cap, only counted).
    pub(super) fn reporting(&self) -> bool {
        self.problems.len() < MAX_PROBLEMS
    }

    pub(super) fn known_keys(&mut self, m: &Map<String, Value>, path: &str, allowed: &[&str]) {
        for key in m.keys() {
            if allowed.contains(&key.as_str()) || key.starts_with("x-") {
                continue;
            }
            if !self.reporting() {
                self.dropped += 1;
                continue;
            }
            let hint = || match closest(key, allowed) {
                Some(k) => say!("did you mean \"{k}\"?"),
                None => say!(
                    "the fields here are {} (names starting with x- are free for your own use)",
                    one_of(allowed)
                ),
            };
            let key = clip(key);
            self.report(
                join(path, &key),
                say!("unknown field \"{key}\"; {}", hint()),
            );
        }
    }

    pub(super) fn text<'v>(
        &mut self,
        m: &'v Map<String, Value>,
        path: &str,
        key: &str,
        required: bool,
        max_chars: usize,
    ) -> Option<&'v str> {
        // The path is only written out when there is a problem to report.
        let p = || join(path, key);
        match m.get(key) {
            None if required => {
                self.report(p(), say!("\"{key}\" is missing"));
                None
            }
            None => None,
            Some(Value::String(s)) if s.trim().is_empty() && max_chars <= MAX_TITLE_CHARS => {
                self.report(p(), say!("\"{key}\" is empty"));
                None
            }
            // A string no longer in bytes than `max_chars` is no longer in
            // characters either: most are judged by their length alone.
            Some(Value::String(s)) if s.len() > max_chars && s.chars().count() > max_chars => {
                self.report(
                    p(),
                    say!(
                        "\"{key}\" is {} characters long; the most allowed is {max_chars}",
                        s.chars().count()
                    ),
                );
                None
            }
            Some(Value::String(s)) => Some(s),
            Some(other) => {
                self.report(
                    p(),
                    say!("\"{key}\" must be a string, not {}", describe(other)),
                );
                None
            }
        }
    }

    pub(super) fn id<'v>(
        &mut self,
        m: &'v Map<String, Value>,
        path: &str,
        key: &str,
        required: bool,
    ) -> Option<&'v str> {
        let s = self.text(m, path, key, required, MAX_ID_CHARS)?;
        if is_id(s) {
            Some(s)
        } else {
            self.report(
                join(path, key),
                say!("\"{s}\" is not a usable id: use letters, digits, and . _ : - (starting with a letter or digit)"),
            );
            None
        }
    }

    pub(super) fn array<'v>(
        &mut self,
        v: &'v Value,
        path: &str,
        max: usize,
    ) -> Option<&'v [Value]> {
        match v {
            Value::Array(items) if items.len() > max => {
                self.report(
                    path,
                    say!("has {} items; the most allowed is {max}", items.len()),
                );
                None
            }
            Value::Array(items) => Some(items),
            other => {
                self.report(path, say!("must be an array, not {}", describe(other)));
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(is_id("outage-1") && is_id("a.b:c_d") && is_id("9"));
        assert!(!is_id("") && !is_id("-x") && !is_id("a b") && !is_id("<script>"));
    }

    /// Lengths are counted in characters, not bytes, on either side of the
    /// shortcut that skips counting strings short in bytes. (The checker is
    /// the same code in the widget's build, which has no text parser.)
    #[cfg(feature = "full")]
    #[test]
    fn titles_are_measured_in_characters() {
        use crate::parse::{limits::MAX_TITLE_CHARS, parse};
        let doc = |title: &str| {
            cat(&[
                r#"{"version":1,"timezone":"UTC","events":[{"id":"a","kind":"outage","title":""#,
                title,
                r#"","start":"2024-01-01T00:00:00Z","end":"2024-01-01T01:00:00Z"}]}"#,
            ])
        };
        let wide = "é".repeat(MAX_TITLE_CHARS);
        assert!(wide.len() > MAX_TITLE_CHARS);
        assert!(parse(&doc(&wide)).is_ok());
        assert!(parse(&doc(&cat(&[&wide, "é"]))).is_err());
        assert!(parse(&doc(&"a".repeat(MAX_TITLE_CHARS))).is_ok());
        assert!(parse(&doc(&"a".repeat(MAX_TITLE_CHARS + 1))).is_err());
    }
}
