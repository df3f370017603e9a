//! Lines of a post-mortem as Markdown sees them: blank lines, headings
//! (`#` and underlined), table rows and their `|---|` separators, list items
//! (`-`, `*`, `+`, `•`, `1.`, `1)`), code fences, rules and plain text, with
//! block quotes (`>`) opened. The text of each line is cleaned of Markdown
//! emphasis (`**`, `__`, `*`, `_` at word edges, `~~`, backticks) and links
//! (`[text](url)` keeps `text`), and every character remembers the line and
//! column it came from, so a warning can point at the original text.

use super::Pos;

/// Text with the position of each character in the original document.
#[derive(Clone, Debug, Default)]
pub(super) struct Piece {
    pub chars: Vec<char>,
    pub at: Vec<Pos>,
    /// Where an empty piece is.
    pub origin: Pos,
}

impl Piece {
    pub fn new(origin: Pos) -> Piece {
        Piece {
            chars: Vec::new(),
            at: Vec::new(),
            origin,
        }
    }

    pub fn push(&mut self, c: char, p: Pos) {
        self.chars.push(c);
        self.at.push(p);
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Where the character at `i` came from (the end of the piece past its end).
    pub fn pos(&self, i: usize) -> Pos {
        self.at
            .get(i)
            .or(self.at.last())
            .copied()
            .unwrap_or(self.origin)
    }

    /// The characters from `a` to `b` as a string.
    pub fn text(&self, a: usize, b: usize) -> String {
        let b = b.min(self.chars.len());
        self.chars[a.min(b)..b].iter().collect()
    }

    /// The characters from `a` to `b`, positions kept.
    pub fn sub(&self, a: usize, b: usize) -> Piece {
        let b = b.min(self.chars.len());
        let a = a.min(b);
        Piece {
            chars: self.chars[a..b].to_vec(),
            at: self.at[a..b].to_vec(),
            origin: self.pos(a),
        }
    }

    /// Without white space at either end.
    pub fn trimmed(&self) -> Piece {
        let a = self
            .chars
            .iter()
            .position(|c| !c.is_whitespace())
            .unwrap_or(self.chars.len());
        let b = self
            .chars
            .iter()
            .rposition(|c| !c.is_whitespace())
            .map_or(a, |i| i + 1);
        self.sub(a, b)
    }

    /// `other` added at the end, after `sep` (when both have text).
    pub fn append(&mut self, other: &Piece, sep: &str) {
        if other.is_empty() {
            return;
        }
        if !self.is_empty() {
            let p = self.pos(self.len());
            for c in sep.chars() {
                self.push(c, p);
            }
        } else {
            self.origin = other.origin;
        }
        self.chars.extend_from_slice(&other.chars);
        self.at.extend_from_slice(&other.at);
    }
}

/// What a line is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Blank,
    /// A code fence (```` ``` ```` or `~~~`).
    Fence,
    /// A thematic break (`---`, `***`).
    Rule,
    Heading,
    /// A table row; its cells are in [`Line::cells`].
    Row,
    /// A table's `|---|---|` line.
    Separator,
    /// A list item, its marker removed.
    Item {
        indent: usize,
    },
    /// Any other line; `code` inside a fence (kept as written).
    Text {
        indent: usize,
        code: bool,
    },
}

/// One line of the document.
#[derive(Clone, Debug)]
pub(super) struct Line {
    pub kind: Kind,
    /// The line's text, cleaned (for a row: empty).
    pub body: Piece,
    /// A table row's cells, cleaned.
    pub cells: Vec<Piece>,
}

/// The document's lines, classified. Lines are split at `\n` (a `\r` before
/// it is dropped); a byte-order mark is skipped; control characters read as spaces.
pub(super) fn lines(text: &str) -> Vec<Line> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let raw: Vec<Vec<char>> = text
        .split('\n')
        .map(|l| {
            let l = l.strip_suffix('\r').unwrap_or(l);
            l.chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect()
        })
        .collect();
    let mut out: Vec<Line> = Vec::with_capacity(raw.len());
    let mut in_code = false;
    let mut in_table = false;
    for (n, chars) in raw.iter().enumerate() {
        let number = n + 1;
        let pos = |i: usize| Pos {
            line: number,
            col: i + 1,
        };
        // Block quotes: the text after the `>` marks.
        let mut start = 0;
        if !in_code {
            loop {
                let i = skip_ws(chars, start);
                if chars.get(i) == Some(&'>') {
                    start = i + 1;
                } else {
                    break;
                }
            }
        }
        let first = skip_ws(chars, start);
        let indent = first - start;
        let rest = &chars[first..];
        let blank = Line {
            kind: Kind::Blank,
            body: Piece::new(pos(first)),
            cells: Vec::new(),
        };
        if rest.is_empty() {
            in_table = false;
            out.push(blank);
            continue;
        }
        if indent < 4 && (rest.starts_with(&['`'; 3]) || rest.starts_with(&['~'; 3])) {
            in_code = !in_code;
            in_table = false;
            out.push(Line {
                kind: Kind::Fence,
                ..blank
            });
            continue;
        }
        if in_code {
            out.push(Line {
                kind: Kind::Text { indent, code: true },
                body: raw_piece(chars, first, chars.len(), number).trimmed(),
                cells: Vec::new(),
            });
            continue;
        }
        if is_separator(rest) {
            in_table = true;
            out.push(Line {
                kind: Kind::Separator,
                ..blank
            });
            continue;
        }
        let next_is_separator = raw
            .get(n + 1)
            .is_some_and(|l| is_separator(&l[skip_ws(l, 0)..]));
        if rest[0] == '|' || (rest.contains(&'|') && (in_table || next_is_separator)) {
            in_table = true;
            out.push(Line {
                kind: Kind::Row,
                body: Piece::new(pos(first)),
                cells: cells(chars, first, number),
            });
            continue;
        }
        in_table = false;
        if let Some(level_end) = heading_marker(rest) {
            let mut end = chars.len();
            while end > first + level_end && matches!(chars[end - 1], '#' | ' ') {
                end -= 1;
            }
            out.push(Line {
                kind: Kind::Heading,
                body: clean(chars, first + level_end, end, number),
                cells: Vec::new(),
            });
            continue;
        }
        if is_rule(rest) {
            out.push(Line {
                kind: Kind::Rule,
                ..blank
            });
            continue;
        }
        if let Some(after) = bullet(rest) {
            let mut b = first + after;
            // Task-list boxes: `- [ ]`, `- [x]`.
            if chars.len() >= b + 3
                && chars[b] == '['
                && chars[b + 2] == ']'
                && matches!(chars[b + 1], ' ' | 'x' | 'X')
            {
                b = skip_ws(chars, b + 3);
            }
            out.push(Line {
                kind: Kind::Item { indent },
                body: clean(chars, b, chars.len(), number),
                cells: Vec::new(),
            });
            continue;
        }
        out.push(Line {
            kind: Kind::Text {
                indent,
                code: false,
            },
            body: clean(chars, first, chars.len(), number),
            cells: Vec::new(),
        });
    }
    // Underlined (setext) headings: a text line followed by `===` or `---`.
    for k in 1..out.len() {
        let under = &raw[k];
        let t: Vec<char> = under
            .iter()
            .copied()
            .filter(|c| !c.is_whitespace())
            .collect();
        let underline =
            t.len() >= 2 && (t.iter().all(|c| *c == '=') || t.iter().all(|c| *c == '-'));
        if underline && matches!(out[k - 1].kind, Kind::Text { code: false, .. }) {
            out[k - 1].kind = Kind::Heading;
            out[k].kind = Kind::Blank;
        }
    }
    out
}

pub(super) fn skip_ws(s: &[char], mut i: usize) -> usize {
    while i < s.len() && s[i].is_whitespace() {
        i += 1;
    }
    i
}

fn raw_piece(chars: &[char], a: usize, b: usize, line: usize) -> Piece {
    let mut p = Piece::new(Pos { line, col: a + 1 });
    for (i, c) in chars.iter().enumerate().take(b).skip(a) {
        p.push(*c, Pos { line, col: i + 1 });
    }
    p
}

/// `#` to `######` and a space (or nothing): the length of the marker.
fn heading_marker(s: &[char]) -> Option<usize> {
    let n = s.iter().take_while(|c| **c == '#').count();
    ((1..=6).contains(&n) && s.get(n).is_none_or(|c| c.is_whitespace())).then_some(n)
}

fn is_rule(s: &[char]) -> bool {
    let t: Vec<char> = s.iter().copied().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 3 && matches!(t[0], '-' | '*' | '_') && t.iter().all(|c| *c == t[0])
}

/// A table's separator line: cells of dashes (with alignment colons), at least one pipe.
fn is_separator(s: &[char]) -> bool {
    let mut dashes = 0;
    let mut pipes = 0;
    for c in s {
        match c {
            '-' => dashes += 1,
            '|' => pipes += 1,
            ':' | ' ' | '\t' => {}
            _ => return false,
        }
    }
    dashes >= 3 && pipes >= 1
}

/// After a list marker and its space: where the item's text starts.
fn bullet(s: &[char]) -> Option<usize> {
    const MARKS: [char; 14] = [
        '-', '*', '+', '•', '◦', '▪', '‣', '·', '●', '○', '■', '□', '►', '▶',
    ];
    let c = *s.first()?;
    if MARKS.contains(&c) {
        let next = s.get(1);
        if next.is_some_and(|n| n.is_whitespace()) {
            return Some(skip_ws(s, 1));
        }
        // `•11:55` is still a bullet; `-5` and `**` are not.
        if c == '•' && next.is_some() {
            return Some(1);
        }
        return None;
    }
    let digits = s.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=3).contains(&digits)
        && matches!(s.get(digits), Some('.' | ')'))
        && s.get(digits + 1).is_some_and(|c| c.is_whitespace())
    {
        return Some(skip_ws(s, digits + 1));
    }
    None
}

/// A row's cells (the outer pipes dropped, `\|` kept as a pipe), cleaned.
fn cells(chars: &[char], first: usize, line: usize) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut a = first;
    if chars.get(a) == Some(&'|') {
        a += 1;
    }
    let mut i = a;
    while i <= chars.len() {
        let at_end = i == chars.len();
        if at_end || (chars[i] == '|' && (i == 0 || chars[i - 1] != '\\')) {
            let cell = clean(chars, a, i, line).trimmed();
            // A trailing pipe ends the row; it does not open an empty cell.
            if !(at_end && a == i) || out.is_empty() {
                out.push(cell);
            }
            a = i + 1;
        }
        i += 1;
    }
    while out.len() > 1 && out.last().is_some_and(Piece::is_empty) {
        out.pop();
    }
    out
}

/// `chars[a..b]` with Markdown emphasis and link syntax removed, trimmed.
fn clean(chars: &[char], a: usize, b: usize, line: usize) -> Piece {
    let s = &chars[..b];
    let pos = |i: usize| Pos { line, col: i + 1 };
    let mut p = Piece::new(pos(a));
    let mut i = a;
    let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
    let space = |c: Option<&char>| c.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation());
    while i < b {
        let c = s[i];
        match c {
            '\\' if i + 1 < b && s[i + 1].is_ascii_punctuation() => {
                p.push(s[i + 1], pos(i + 1));
                i += 2;
                continue;
            }
            '`' => {}
            '~' if s.get(i + 1) == Some(&'~') => {
                i += 2;
                continue;
            }
            '*' | '_' => {
                let run = s[i..b].iter().take_while(|x| **x == c).count();
                let before = if i > 0 { s.get(i - 1) } else { None };
                let after = s.get(i + run).filter(|_| i + run < b);
                let keep = if run >= 2 {
                    // `**` and `__` are emphasis, except `__init__`-like words.
                    c == '_' && word(before) && word(after)
                } else if c == '_' {
                    word(before) && word(after)
                } else {
                    // A lone `*`: emphasis at a word's edge, else a character (`5 * 3`, `a*b`).
                    let opens = space(before) && !space(after);
                    let closes = !space(before) && space(after);
                    !(opens || closes)
                };
                if keep {
                    for k in 0..run {
                        p.push(c, pos(i + k));
                    }
                }
                i += run;
                continue;
            }
            '!' if s.get(i + 1) == Some(&'[') => {}
            '[' => {
                if let Some((close, end)) = link(s, i, b) {
                    let inner = clean(chars, i + 1, close, line);
                    p.append(&inner, "");
                    i = end;
                    continue;
                }
                p.push(c, pos(i));
            }
            _ => p.push(c, pos(i)),
        }
        i += 1;
    }
    p.trimmed()
}

/// A Markdown link `[text](url)` at `i`: where `]` is, and the end of `)`.
///
/// The searches stop at the next bracket (and the URL's at a space), so a
/// line of brackets is read in linear time.
fn link(s: &[char], i: usize, b: usize) -> Option<(usize, usize)> {
    let close = (i + 1..b.min(i + 1 + 1000)).find(|k| matches!(s[*k], ']' | '['))?;
    if s[close] != ']' || s.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = (close + 2..b.min(close + 2 + 2100))
        .find(|k| s[*k] == ')' || s[*k].is_whitespace() || matches!(s[*k], '[' | ']'))?;
    (s[end] == ')').then_some((close, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(l: &Line) -> String {
        l.body.text(0, l.body.len())
    }

    #[test]
    fn kinds_of_lines() {
        let ls = lines(
            "# Title\n\n- **14:54** OUTAGE\n1. 15:00 x\n| Time | Event |\n|---|---|\n| 14:54 | a \\| b |\nplain _text_ with snake_case\nSub\n---\n```\n*raw*\n```\n> quoted 9 AM: x\n",
        );
        assert_eq!(ls[0].kind, Kind::Heading);
        assert_eq!(body(&ls[0]), "Title");
        assert_eq!(ls[2].kind, Kind::Item { indent: 0 });
        assert_eq!(body(&ls[2]), "14:54 OUTAGE");
        assert_eq!(ls[2].body.pos(0), Pos { line: 3, col: 5 });
        assert_eq!(body(&ls[3]), "15:00 x");
        assert_eq!(ls[4].kind, Kind::Row);
        assert_eq!(ls[5].kind, Kind::Separator);
        let row: Vec<String> = ls[6].cells.iter().map(|c| c.text(0, c.len())).collect();
        assert_eq!(row, ["14:54", "a | b"]);
        assert_eq!(body(&ls[7]), "plain text with snake_case");
        assert_eq!(ls[8].kind, Kind::Heading);
        assert_eq!(ls[9].kind, Kind::Blank);
        assert_eq!(
            ls[11].kind,
            Kind::Text {
                indent: 0,
                code: true
            }
        );
        assert_eq!(body(&ls[11]), "*raw*");
        assert_eq!(body(&ls[13]), "quoted 9 AM: x");
    }

    #[test]
    fn links_keep_their_text() {
        let ls = lines("See [the graph](https://example.com/a_b) at 10:00 *now*");
        assert_eq!(body(&ls[0]), "See the graph at 10:00 now");
    }
}
