//! Where a JSON path is in the text it was read from. Problems found after
//! the JSON parsed (a bad date at `events[3].start`, a feed item at
//! `incidents[2].updates[0]`) name a path; with the text at hand this finds
//! the line and column of the value there, or, for a field that is missing,
//! of the nearest enclosing value the text has. A small scanner over text
//! already known to be valid JSON; paths whose keys hold `.` or `[` are
//! placed at their nearest findable parent.

use crate::problem::Problem;

/// Problems placed per document at most (each costs a scan of the text).
const MAX_PLACED: usize = 100;

/// One step of a path: a key or an array index.
#[derive(Debug, PartialEq)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// `events[3].start` as steps; `None` for a path this cannot read.
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        while !rest.is_empty() {
            let (n, after) = rest.split_once(']')?;
            out.push(Step::Index(n.parse().ok()?));
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    Some(out)
}

/// A cursor over JSON text.
struct Scan<'a> {
    b: &'a [u8],
    at: usize,
}

impl Scan<'_> {
    fn space(&mut self) {
        while self
            .b
            .get(self.at)
            .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
        {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.at).copied()
    }

    /// Past a string (at its opening quote); its raw text between the quotes.
    fn string(&mut self) -> &[u8] {
        let start = self.at + 1;
        self.at = start;
        while let Some(c) = self.peek() {
            match c {
                b'\\' => self.at += 2,
                b'"' => break,
                _ => self.at += 1,
            }
        }
        let raw = self.b.get(start..self.at).unwrap_or_default();
        self.at += 1;
        raw
    }

    /// Past one value (at its first byte).
    fn skip(&mut self) {
        match self.peek() {
            Some(b'"') => {
                self.string();
            }
            Some(b'{' | b'[') => {
                let mut depth = 0usize;
                while let Some(c) = self.peek() {
                    match c {
                        b'"' => {
                            self.string();
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.at += 1;
                                return;
                            }
                        }
                        _ => {}
                    }
                    self.at += 1;
                }
            }
            _ => {
                while self.peek().is_some_and(|c| {
                    !matches!(c, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                }) {
                    self.at += 1;
                }
            }
        }
    }

    /// Into the member `key` of the object here, or the element `index` of
    /// the array here: true when found (the cursor then at its value).
    fn enter(&mut self, step: &Step) -> bool {
        let (open, close) = match step {
            Step::Key(_) => (b'{', b'}'),
            Step::Index(_) => (b'[', b']'),
        };
        if self.peek() != Some(open) {
            return false;
        }
        self.at += 1;
        let mut index = 0;
        loop {
            self.space();
            if self.peek().is_none_or(|c| c == close) {
                return false;
            }
            let hit = match step {
                Step::Key(key) => {
                    if self.peek() != Some(b'"') {
                        return false;
                    }
                    let raw = self.string();
                    let same = raw == key.as_bytes()
                        || (raw.contains(&b'\\')
                            && serde_json::from_slice::<String>(&[b"\"", raw, b"\""].concat())
                                .is_ok_and(|k| k == *key));
                    self.space();
                    self.at += 1; // the colon
                    self.space();
                    same
                }
                Step::Index(i) => {
                    index += 1;
                    index - 1 == *i
                }
            };
            if hit {
                return true;
            }
            self.skip();
            self.space();
            if self.peek() == Some(b',') {
                self.at += 1;
            }
        }
    }
}

/// The byte offset of the value at `path` in `text` (valid JSON), or of the
/// nearest enclosing value the text has.
fn offset(text: &str, path: &str) -> Option<usize> {
    let steps = steps(path)?;
    let mut s = Scan {
        b: text.as_bytes(),
        at: 0,
    };
    s.space();
    for step in &steps {
        let here = s.at;
        if !s.enter(step) {
            return Some(here);
        }
    }
    Some(s.at)
}

/// Gives each problem without a place the line and column of its path in
/// `text` (the first [`MAX_PLACED`] of them). A problem of the whole
/// document (an empty path) stays without one.
pub fn place(text: &str, problems: &mut [Problem]) {
    // Columns as an editor shows them: a byte-order mark is not one.
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    for p in problems
        .iter_mut()
        .filter(|p| p.line.is_none() && !p.path.is_empty())
        .take(MAX_PLACED)
    {
        if let Some(at) = offset(body, &p.path) {
            let (line, column) = line_column(body, at);
            p.line = Some(line);
            p.column = Some(column);
        }
    }
}

/// The 1-based line and column (in characters) of byte offset `at` in `text`.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    // `get`, not `&text[..at]`: no slice-error formatting in the widget.
    let before = text.get(..at).unwrap_or_default();
    let line = before.bytes().filter(|&c| c == b'\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |n| n + 1);
    let last = before.get(start..).unwrap_or_default();
    (line, last.chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, path: &str) -> (usize, usize) {
        let mut p = [Problem::at(path, "x")];
        place(text, &mut p);
        (p[0].line.unwrap(), p[0].column.unwrap())
    }

    #[test]
    fn reads_paths() {
        assert_eq!(
            steps("events[3].start"),
            Some(vec![
                Step::Key("events"),
                Step::Index(3),
                Step::Key("start")
            ])
        );
        assert_eq!(
            steps("a[1][2]"),
            Some(vec![Step::Key("a"), Step::Index(1), Step::Index(2)])
        );
        assert_eq!(steps(""), Some(vec![]));
        assert_eq!(steps("a[x]"), None);
    }

    #[test]
    fn finds_values_and_the_nearest_parent() {
        let text = "{\n  \"version\": 1,\n  \"events\": [\n    {\"title\": \"a\", \"start\": \"x\"},\n    {\"title\": \"b [1].c\", \"s\\u0074art\": 5}\n  ]\n}";
        assert_eq!(at(text, "version"), (2, 14));
        assert_eq!(at(text, "events[0].start"), (4, 29));
        // An escaped key, and a bracket inside a string value skipped.
        assert_eq!(at(text, "events[1].start"), (5, 40));
        // Missing: the object that lacks it; out of range: the array.
        assert_eq!(at(text, "events[0].end"), (4, 5));
        assert_eq!(at(text, "events[7]"), (3, 13));
        let mut whole = [Problem::at("", "x")];
        place(text, &mut whole);
        assert_eq!((whole[0].line, whole[0].column), (None, None));
    }

    #[test]
    fn a_byte_order_mark_and_placed_problems_stay() {
        let text = "\u{feff}{\"a\": [1, {\"b\": 2}]}";
        assert_eq!(at(text, "a[1].b"), (1, 17));
        let mut p = [Problem {
            line: Some(9),
            column: Some(9),
            ..Problem::at("a", "x")
        }];
        place(text, &mut p);
        assert_eq!((p[0].line, p[0].column), (Some(9), Some(9)));
    }
}
