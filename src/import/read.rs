//! Reading feed JSON defensively: every field through a helper that takes
//! what it can and leaves a warning (with the field's JSON path) for what it
//! cannot. Nothing here panics on any value.

use crate::problem::Problem;
use crate::time::timestamp::{clip, parse_time, TimeSpec};
use crate::time::{later, Instant, EARLIEST, LATEST};
use serde_json::{Map, Value};

/// Most warnings listed; past it they are only counted.
pub(crate) const MAX_WARNINGS: usize = 1_000;

const DAY_MS: i64 = 86_400_000;

/// The warnings of one import, and the name of the document being read
/// (put before paths when several documents are read together).
#[derive(Debug, Default)]
pub(crate) struct Ctx {
    pub(crate) warnings: Vec<Problem>,
    pub(crate) dropped: usize,
    pub(crate) doc_name: String,
}

/// `path.key`, or `key` at the top.
pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// `path[i]`.
pub(crate) fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// What kind of JSON value this is, for messages ("an array").
pub(crate) fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Ctx {
    /// The path as reported: with the document's name in front when there is one.
    pub(crate) fn full_path(&self, path: &str) -> String {
        match (self.doc_name.is_empty(), path.is_empty()) {
            (true, _) => path.to_string(),
            (false, true) => self.doc_name.clone(),
            (false, false) => format!("{}: {path}", self.doc_name),
        }
    }

    /// A feed's updates put oldest first, whichever way the feed lists them
    /// (updates at one instant keep the feed's order, read its way); a list
    /// in neither order is read by time (`key`: instant and place in the
    /// feed), with a warning at `list_path` naming the time `field`.
    pub(crate) fn oldest_first<T>(
        &mut self,
        list_path: &str,
        field: &str,
        items: &mut [T],
        key: impl Fn(&T) -> (Instant, usize),
    ) {
        let newest = items.windows(2).all(|w| key(&w[0]).0 >= key(&w[1]).0);
        let oldest = items.windows(2).all(|w| key(&w[0]).0 <= key(&w[1]).0);
        if !newest && !oldest {
            self.warn(
                list_path,
                format!("the updates are not in time order (neither newest nor oldest first); they are read in order of {field}"),
            );
        }
        if oldest && !newest {
            items.sort_by_key(|u| key(u));
        } else {
            items.sort_by_key(|u| {
                let (at, i) = key(u);
                (at, std::cmp::Reverse(i))
            });
        }
    }

    /// A warning at `path`.
    pub(crate) fn warn(&mut self, path: &str, message: impl Into<String>) {
        if self.warnings.len() < MAX_WARNINGS {
            let p = self.full_path(path);
            self.warnings.push(Problem::at(p, message));
        } else {
            self.dropped += 1;
        }
    }

    /// A problem as it is (its path already complete), as a warning.
    pub(crate) fn push(&mut self, p: Problem) {
        if self.warnings.len() < MAX_WARNINGS {
            self.warnings.push(p);
        } else {
            self.dropped += 1;
        }
    }

    /// `v` as an object, or a warning that `what` must be one.
    pub(crate) fn object<'v>(
        &mut self,
        v: &'v Value,
        path: &str,
        what: &str,
    ) -> Option<&'v Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                self.warn(
                    path,
                    format!(
                        "{what} should be an object, not {}; skipped",
                        describe(other)
                    ),
                );
                None
            }
        }
    }

    /// A string field; `None` when missing or null, with a warning when it
    /// is something else.
    pub(crate) fn str<'v>(
        &mut self,
        m: &'v Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<&'v str> {
        match m.get(key)? {
            Value::String(s) => Some(s),
            Value::Null => None,
            other => {
                self.warn(
                    &join(path, key),
                    format!(
                        "\"{key}\" should be a string, not {}; ignored",
                        describe(other)
                    ),
                );
                None
            }
        }
    }

    /// An id field: a string, or a number written as text.
    pub(crate) fn id(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<String> {
        match m.get(key)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            Value::Null | Value::String(_) => None,
            other => {
                self.warn(
                    &join(path, key),
                    format!(
                        "\"{key}\" should be a string, not {}; ignored",
                        describe(other)
                    ),
                );
                None
            }
        }
    }

    /// An integer field (a position); `None` when missing, null or not an integer.
    pub(crate) fn int(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<i64> {
        match m.get(key)? {
            Value::Number(n) => match n.as_i64() {
                Some(i) => Some(i),
                None => n.as_f64().filter(|f| f.is_finite()).map(|f| f as i64),
            },
            Value::Null => None,
            other => {
                self.warn(
                    &join(path, key),
                    format!(
                        "\"{key}\" should be a number, not {}; ignored",
                        describe(other)
                    ),
                );
                None
            }
        }
    }

    /// An array field; empty when missing or null, with a warning when it is
    /// something else.
    pub(crate) fn array<'v>(
        &mut self,
        m: &'v Map<String, Value>,
        path: &str,
        key: &str,
    ) -> &'v [Value] {
        match m.get(key) {
            Some(Value::Array(items)) => items,
            None | Some(Value::Null) => &[],
            Some(other) => {
                self.warn(
                    &join(path, key),
                    format!(
                        "\"{key}\" should be an array, not {}; ignored",
                        describe(other)
                    ),
                );
                &[]
            }
        }
    }

    /// A time field; `None` (with a warning) when it is not a usable time.
    pub(crate) fn time(
        &mut self,
        m: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<Instant> {
        let s = self.str(m, path, key)?;
        self.time_text(s, &join(path, key))
    }

    /// A time as text: RFC 3339. Without an offset it is read as UTC, with a
    /// warning. Times within two days of the ends of the years 0–9999 are
    /// skipped (a timeline could not write them in every zone).
    pub(crate) fn time_text(&mut self, s: &str, path: &str) -> Option<Instant> {
        let t = match parse_time(s.trim()) {
            Ok(TimeSpec::Absolute(t)) => t,
            Ok(TimeSpec::WallClock(local)) => {
                self.warn(
                    path,
                    format!("\"{}\" has no UTC offset; read as UTC", clip(s)),
                );
                local.and_utc().timestamp_millis()
            }
            Err(msg) => {
                self.warn(path, format!("{msg}; skipped"));
                return None;
            }
        };
        if t < later(EARLIEST, 2 * DAY_MS) || t > later(LATEST, -2 * DAY_MS) {
            self.warn(
                path,
                format!(
                    "\"{}\" is too close to the ends of the years 0–9999; skipped",
                    clip(s)
                ),
            );
            return None;
        }
        Some(t)
    }
}

/// The keys of an object, for messages: `a, b, c` (at most 12, clipped).
pub(crate) fn key_list(m: &Map<String, Value>) -> String {
    let mut keys: Vec<String> = m.keys().take(12).map(|k| clip_short(k)).collect();
    if m.len() > 12 {
        keys.push(format!("… ({} keys in all)", m.len()));
    }
    keys.join(", ")
}

fn clip_short(s: &str) -> String {
    let mut out: String = s
        .chars()
        .take(40)
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// What a document's top level is, for the "not a known feed" message:
/// "an object with keys a, b", "an array of 3 objects with keys …".
pub(crate) fn top_level(doc: &Value) -> String {
    match doc {
        Value::Object(m) if m.is_empty() => "an empty object".into(),
        Value::Object(m) => format!("an object with keys {}", key_list(m)),
        Value::Array(items) if items.is_empty() => "an empty array".into(),
        Value::Array(items) => {
            let n = items.len();
            let objects = items.iter().filter(|v| v.is_object()).count();
            let things = if n == 1 { "item" } else { "items" };
            match items.iter().find_map(Value::as_object) {
                Some(first) if objects == n && n == 1 => {
                    format!("an array of 1 object with keys {}", key_list(first))
                }
                Some(first) if objects == n => format!(
                    "an array of {n} objects, the first with keys {}",
                    key_list(first)
                ),
                _ => format!(
                    "an array of {n} {things}, the first {}",
                    describe(&items[0])
                ),
            }
        }
        other => describe(other).to_string(),
    }
}
