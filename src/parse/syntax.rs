//! Where a JSON text stops being JSON: the offset of the first character a
//! JSON reader cannot take (or the end of a text that ends too early). The
//! widget reads JSON with the browser's `JSON.parse`, whose messages do not
//! always say where (JavaScriptCore never does; V8 not for a text that ends
//! early); this finds the place so every reader gets a line and column.

/// The byte offset where `text` stops being one JSON value, or `None` if it is one.
pub fn json_error_offset(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = 0;
    // What is open: b'{' (expecting a key), b':' (expecting a value after a
    // key), b'[' (expecting a value), each followed by a comma or its close.
    let mut open: Vec<u8> = Vec::new();
    let ws = |i: &mut usize| {
        while *i < b.len() && matches!(b[*i], b' ' | b'\t' | b'\n' | b'\r') {
            *i += 1;
        }
    };
    loop {
        // A value.
        ws(&mut i);
        let Some(&c) = b.get(i) else {
            return Some(i);
        };
        match c {
            b'{' | b'[' => {
                i += 1;
                ws(&mut i);
                let close = if c == b'{' { b'}' } else { b']' };
                if b.get(i) == Some(&close) {
                    i += 1;
                } else {
                    open.push(c);
                    if c == b'{' && !key(b, &mut i, ws) {
                        return Some(i);
                    }
                    continue;
                }
            }
            b'"' => {
                if string(b, &mut i).is_err() {
                    return Some(i);
                }
            }
            b't' | b'f' | b'n' => {
                let word: &[u8] = match b[i] {
                    b't' => b"true",
                    b'f' => b"false",
                    _ => b"null",
                };
                if !b[i..].starts_with(word) {
                    return Some(i + common(&b[i..], word));
                }
                i += word.len();
            }
            _ => {
                if number(b, &mut i).is_err() {
                    return Some(i);
                }
            }
        }
        // After a value: a comma or a close, for each open container.
        loop {
            ws(&mut i);
            let Some(&c) = open.last() else {
                return (i < b.len()).then_some(i);
            };
            let close = if c == b'[' { b']' } else { b'}' };
            match b.get(i) {
                None => return Some(i),
                Some(&x) if x == close => {
                    i += 1;
                    open.pop();
                }
                Some(b',') => {
                    i += 1;
                    if c == b'{' && !key(b, &mut i, ws) {
                        return Some(i);
                    }
                    break;
                }
                Some(_) => return Some(i),
            }
        }
    }
}

/// A key and its colon; false (with `i` at the fault) when they are not there.
fn key(b: &[u8], i: &mut usize, ws: impl Fn(&mut usize)) -> bool {
    ws(i);
    if b.get(*i) != Some(&b'"') || string(b, i).is_err() {
        return false;
    }
    ws(i);
    if b.get(*i) != Some(&b':') {
        return false;
    }
    *i += 1;
    true
}

/// A string from its opening quote; `Err` with `i` at the fault.
fn string(b: &[u8], i: &mut usize) -> Result<(), ()> {
    *i += 1;
    loop {
        match b.get(*i) {
            None => return Err(()),
            Some(b'"') => {
                *i += 1;
                return Ok(());
            }
            Some(&c) if c < 0x20 => return Err(()),
            Some(b'\\') => match b.get(*i + 1) {
                Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => *i += 2,
                Some(b'u')
                    if b.len() >= *i + 6 && b[*i + 2..*i + 6].iter().all(u8::is_ascii_hexdigit) =>
                {
                    *i += 6
                }
                _ => {
                    *i += 1;
                    return Err(());
                }
            },
            Some(_) => *i += 1,
        }
    }
}

/// A number; `Err` with `i` at the fault.
fn number(b: &[u8], i: &mut usize) -> Result<(), ()> {
    let digits = |i: &mut usize| {
        let from = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > from
    };
    if b.get(*i) == Some(&b'-') {
        *i += 1;
    }
    if b.get(*i) == Some(&b'0') {
        *i += 1;
    } else if !digits(i) {
        return Err(());
    }
    if b.get(*i) == Some(&b'.') {
        *i += 1;
        if !digits(i) {
            return Err(());
        }
    }
    if matches!(b.get(*i), Some(b'e' | b'E')) {
        *i += 1;
        if matches!(b.get(*i), Some(b'+' | b'-')) {
            *i += 1;
        }
        if !digits(i) {
            return Err(());
        }
    }
    Ok(())
}

/// How many leading bytes two slices share.
fn common(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
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

#[cfg(all(test, feature = "full"))]
mod tests {
    use super::*;

    /// Agrees with serde_json on where a text fails, and that it is JSON at all.
    #[test]
    fn finds_the_place_serde_json_finds() {
        let cases = [
            "{\"a\": 1}",
            "{\"a\" 1}",
            "{\"a\": 1,}",
            "{\"a\": [1, 2,, 3]}",
            "{\"version\": 1, \"events\": [",
            "{\"title\": \"unterminated",
            "[1, 2] x",
            "{\"a\": tru}",
            "{\"a\": -}",
            "{\"a\": 1.}",
            "{\"a\": \"\\q\"}",
            "  ",
            "{\n  \"a\": 1\n  \"b\": 2\n}",
            "[[[[]]]]",
            "{\"é\": \"ü\" ,}",
            "{'a': 1}",
        ];
        for text in cases {
            let ours = json_error_offset(text).map(|at| line_column(text, at));
            let theirs = serde_json::from_str::<serde_json::Value>(text)
                .err()
                .map(|e| {
                    (
                        e.line(),
                        crate::parse::char_column(text, e.line(), e.column()),
                    )
                });
            assert_eq!(
                ours.is_some(),
                theirs.is_some(),
                "{text:?}: {ours:?} vs {theirs:?}"
            );
            if let (Some((l1, c1)), Some((l2, c2))) = (ours, theirs) {
                // serde_json names the character it stopped on, or the one
                // before at the end of a line: within one.
                assert_eq!(l1, l2, "{text:?}");
                assert!(c1.abs_diff(c2.max(1)) <= 1, "{text:?}: column {c1} vs {c2}");
            }
        }
    }

    #[test]
    fn a_truncated_text_fails_at_its_end() {
        let text = "{\n  \"version\": 1,\n  \"events\": [";
        assert_eq!(json_error_offset(text), Some(text.len()));
        assert_eq!(line_column(text, text.len()), (3, 14));
    }

    #[test]
    fn deep_nesting_needs_no_recursion() {
        let text = "[".repeat(100_000) + &"]".repeat(100_000);
        assert_eq!(json_error_offset(&text), None);
    }
}
