//! Text from feeds made into the plain text a timeline holds: HTML bodies
//! stripped to text (tags dropped, entities decoded, never interpreted),
//! names made into one-line titles, lengths kept within the format's limits,
//! and the slugs lane and event ids are made of.

use crate::parse::limits::{MAX_DETAIL_CHARS, MAX_TITLE_CHARS};

/// `\r\n` and lone `\r` as `\n`.
pub(crate) fn normalize_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// An HTML fragment (a Statuspage update body) as plain text: tags dropped
/// (`<br>`, `<p>`, `<div>`, list items and the like become line breaks, list
/// items start with "• "), the content of `<script>` and `<style>` dropped,
/// comments dropped, entities decoded. A `<` that does not start a tag
/// (`< 5 minutes`) is kept. Runs in time linear in the input.
pub(crate) fn html_to_text(s: &str) -> String {
    let s = normalize_newlines(s);
    let lower = s.to_ascii_lowercase();
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    // Past this byte there is no `>`, so no tag can start.
    let last_gt = s.rfind('>');
    while i < b.len() {
        let c = b[i];
        if c == b'<'
            && last_gt.is_some_and(|g| g > i)
            && b.get(i + 1)
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, b'/' | b'!' | b'?'))
        {
            if lower[i..].starts_with("<!--") {
                i = match lower[i + 4..].find("-->") {
                    Some(k) => i + 4 + k + 3,
                    None => b.len(),
                };
                continue;
            }
            let Some(k) = s[i..].find('>') else {
                // Unreachable given `last_gt`, but keep the `<` as text if so.
                out.push('<');
                i += 1;
                continue;
            };
            let tag = &lower[i + 1..i + k];
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            i += k + 1;
            match name.as_str() {
                "script" | "style" if !closing => {
                    let end = format!("</{name}");
                    i = match lower[i..].find(&end) {
                        Some(e) => match lower[i + e..].find('>') {
                            Some(g) => i + e + g + 1,
                            None => b.len(),
                        },
                        None => b.len(),
                    };
                }
                "br" | "p" | "div" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                | "tr" | "table" | "blockquote" | "pre" | "hr" | "section" | "article" => {
                    out.push('\n');
                }
                "li" if !closing => out.push_str("\n• "),
                "td" | "th" => out.push(' '),
                _ => {}
            }
            continue;
        }
        if c == b'&' {
            if let Some((decoded, len)) = entity(&s[i..]) {
                out.push(decoded);
                i += len;
                continue;
            }
        }
        // Copy the whole character (the bytes tested above are all ASCII).
        let ch = s[i..].chars().next().unwrap_or('\u{fffd}');
        out.push(ch);
        i += ch.len_utf8();
    }
    tidy_lines(&out)
}

/// The entity at the start of `s` (which starts with `&`): the character and
/// how many bytes it took. Unknown or malformed entities are `None` (kept as
/// written).
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.as_bytes().iter().take(34).position(|&c| c == b';')?;
    let body = &s[1..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.len() <= 8 => u32::from_str_radix(hex, 16).ok()?,
            None if !num.is_empty() && num.len() <= 10 => num.parse::<u32>().ok()?,
            _ => return None,
        };
        match n {
            0 => '\u{fffd}',
            n => char::from_u32(n).unwrap_or('\u{fffd}'),
        }
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            "ndash" => '–',
            "mdash" => '—',
            "hellip" => '…',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ldquo" => '“',
            "rdquo" => '”',
            "laquo" => '«',
            "raquo" => '»',
            "bull" => '•',
            "middot" => '·',
            "copy" => '©',
            "reg" => '®',
            "trade" => '™',
            "deg" => '°',
            "times" => '×',
            "euro" => '€',
            "pound" => '£',
            "shy" => '\u{ad}',
            _ => return None,
        }
    };
    Some((c, end + 1))
}

/// Lines with trailing spaces removed, at most one blank line in a row,
/// control characters other than tab and newline dropped, no blank lines
/// at either end.
pub(crate) fn tidy_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank_run = 0;
    for line in s.split('\n') {
        let line: String = line
            .chars()
            .filter(|c| !c.is_control() || *c == '\t')
            .collect();
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank_run > 0 {
                out.push('\n');
            }
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

/// Plain text (not HTML) as a detail: newlines normalised, tidied, within
/// [`MAX_DETAIL_CHARS`].
pub(crate) fn plain_detail(s: &str) -> Option<String> {
    let t = tidy_lines(&normalize_newlines(s));
    (!t.is_empty()).then(|| truncate(&t, MAX_DETAIL_CHARS))
}

/// An HTML body as a detail.
pub(crate) fn html_detail(s: &str) -> Option<String> {
    let t = html_to_text(s);
    (!t.is_empty()).then(|| truncate(&t, MAX_DETAIL_CHARS))
}

/// A name as a one-line title: tags dropped, entities decoded, control
/// characters dropped, whitespace collapsed, within [`MAX_TITLE_CHARS`];
/// `None` when nothing is left.
pub(crate) fn title(s: &str) -> Option<String> {
    let text = html_to_text(s);
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    (!out.is_empty()).then(|| truncate(&out, MAX_TITLE_CHARS))
}

/// `s` cut to at most `max` characters, ending with "…" when cut.
pub(crate) fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some(_) => {
            let keep = max.saturating_sub(1);
            let end = s.char_indices().nth(keep).map_or(s.len(), |(i, _)| i);
            let mut t = s[..end].trim_end().to_string();
            t.push('…');
            t
        }
    }
}

/// A status word for people: `in_progress` → "In progress",
/// `SERVICE_DISRUPTION` → "Service disruption".
pub(crate) fn humanize(status: &str) -> String {
    let words: Vec<String> = status
        .split(|c: char| c == '_' || c == '-' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let joined = words.join(" ");
    let mut chars = joined.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A lower-case slug of ASCII letters and digits joined by `-`, at most
/// `max` characters; empty when `s` has no ASCII letter or digit.
pub(crate) fn slug(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
            if out.len() >= max {
                break;
            }
        } else {
            dash = true;
        }
    }
    out.truncate(max);
    out.trim_end_matches('-').to_string()
}

/// `s` as a piece of an id: letters, digits and `. _ : -` kept (others
/// become `-`), starting with a letter or digit, at most `max` characters;
/// empty when nothing usable is left.
pub(crate) fn id_piece(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '-') {
            c
        } else {
            '-'
        };
        if out.is_empty() && !c.is_ascii_alphanumeric() {
            continue;
        }
        if c == '-' && out.ends_with('-') {
            continue;
        }
        out.push(c);
        if out.len() >= max {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_text() {
        assert_eq!(
            html_to_text(
                "<ul><li><strong>2011-07-28 03:06:00</strong> - One</li><li>Two</li></ul>"
            ),
            "• 2011-07-28 03:06:00 - One\n• Two"
        );
        assert_eq!(html_to_text("a<br />b\r\nc\rd"), "a\nb\nc\nd");
        assert_eq!(html_to_text("took < 5 minutes."), "took < 5 minutes.");
        assert_eq!(html_to_text("a < b > c"), "a < b > c");
        assert_eq!(
            html_to_text("x<script>alert('<b>')</script>y<style>p{}</style>z"),
            "xyz"
        );
        assert_eq!(html_to_text("a<!-- <b> -->b"), "ab");
        assert_eq!(html_to_text("<img src=x onerror=alert(1)>ok"), "ok");
        assert_eq!(html_to_text("<b"), "<b");
        assert_eq!(html_to_text("<<<<a"), "<<<<a");
        assert_eq!(html_to_text("<a<a<a>x"), "x");
    }

    #[test]
    fn entities_are_decoded_once() {
        assert_eq!(
            html_to_text("&amp; &lt; &gt; &quot; &#39; &#65; &#x42; &nbsp;|&amp;lt;"),
            "& < > \" ' A B \u{a0}|&lt;"
        );
        assert_eq!(
            html_to_text("&bogus; &#xD800; &#0; & alone"),
            "&bogus; \u{fffd} \u{fffd} & alone"
        );
        assert_eq!(html_to_text("&#99999999999;"), "&#99999999999;");
    }

    #[test]
    fn titles_are_one_line() {
        assert_eq!(
            title("  <b>API</b>\r\n  down  ").as_deref(),
            Some("API down")
        );
        assert_eq!(title("<script>x</script>"), None);
        assert_eq!(title("&lt;script&gt;").as_deref(), Some("<script>"));
        let long = "é".repeat(600);
        let t = title(&long).unwrap();
        assert_eq!(t.chars().count(), MAX_TITLE_CHARS);
        assert!(t.ends_with('…'));
    }

    #[test]
    fn slugs_and_ids() {
        assert_eq!(slug("Git Operations", 60), "git-operations");
        assert_eq!(slug("  (ﾉ◕ヮ◕)ﾉ ", 60), "");
        assert_eq!(slug("API / EU-West", 60), "api-eu-west");
        assert_eq!(id_piece("-x y/z", 100), "x-y-z");
        assert_eq!(id_piece("01KG77ZCW3", 100), "01KG77ZCW3");
        assert_eq!(humanize("in_progress"), "In progress");
        assert_eq!(humanize("SERVICE_DISRUPTION"), "Service disruption");
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
    }
}
