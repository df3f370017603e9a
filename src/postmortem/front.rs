//! Before the lines are read: what a post carries around its text.
//!
//! * Front matter (YAML between `---` lines, TOML between `+++` lines, at
//!   the very top) is not prose: its lines are blanked, its `title` becomes
//!   the post's heading (on the same line, so line numbers hold) and its
//!   `date` is the date of a text that gives none.
//! * MDX's `import …` / `export …` lines at the top level are code; a
//!   `title: '…'` inside an `export const` object is the title.
//! * HTML comments (`<!-- … -->`, over any number of lines) are blanked.
//! * Markdown reference definitions (`[ref]: https://…`) are blanked, and
//!   reference links (`[text][ref]`, `[text][]`, and `[ref]` where `ref` is
//!   defined) keep their text only. Columns after such a link shift left by
//!   its brackets.
//! * A status page's own layout: `Incident Report for Acme` under the
//!   incident's name says the line above is the title.
//! * A date and time alone on the first line (a bulletin's dateline, `06 Nov
//!   2023, 05:45 PM`) is when it was published, not an entry: it gives the
//!   date only.
//! * A whole HTML page is reduced to its text first (headings stay
//!   headings); an XML feed is refused, with what it looks like.

use super::dates::{date_at, DateRead};
use super::lead::{lead, Lead};
use chrono::NaiveDate;

/// The text to read, and what came with it.
#[derive(Debug, Default)]
pub(super) struct Prepared {
    pub text: String,
    /// The front matter's (or the MDX export's) title.
    pub title: Option<String>,
    /// The front matter's date, or a dateline's.
    pub date: Option<NaiveDate>,
}

/// What `text` is made of, if it is markup that is not a post: an error
/// message.
pub(super) fn refuse(text: &str) -> Option<String> {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    let lower: String = t.chars().take(400).collect::<String>().to_ascii_lowercase();
    let feed = lower.starts_with("<rss")
        || lower.starts_with("<feed")
        || (lower.starts_with("<?xml") && (lower.contains("<rss") || lower.contains("<feed")));
    if feed {
        return Some("this text is an RSS or Atom feed (XML), not a post-mortem; the text reader does not read markup. Give it the post's own text, or a status page's JSON (from=\"statuspage\")".into());
    }
    if lower.starts_with("<?xml") {
        return Some(
            "this text is an XML document, not a post-mortem; the text reader does not read markup"
                .into(),
        );
    }
    None
}

/// Whether `text` is a whole HTML page.
fn is_html_page(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    let lower: String = t.chars().take(20).collect::<String>().to_ascii_lowercase();
    lower.starts_with("<!doctype html") || lower.starts_with("<html")
}

/// An HTML page as text: each heading on a line of its own, marked `#`.
fn html_page(text: &str) -> String {
    let mut marked = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(k) = rest.find('<') {
        marked.push_str(&rest[..k]);
        let tail = &rest[k..];
        let h = tail.as_bytes();
        if h.len() > 3
            && h[1].eq_ignore_ascii_case(&b'h')
            && (b'1'..=b'6').contains(&h[2])
            && (h[3] == b'>' || h[3].is_ascii_whitespace())
        {
            // The heading's text on a line of its own, after a marker the
            // tag stripping keeps.
            let end = tail.find('>').map_or(tail.len(), |e| e + 1);
            marked.push_str("<br>\u{e000}");
            rest = &tail[end..];
        } else {
            marked.push('<');
            rest = &tail[1..];
        }
    }
    marked.push_str(rest);
    crate::import::text::html_to_text(&marked).replace('\u{e000}', "# ")
}

fn unquote(v: &str) -> String {
    let v = v.trim().trim_end_matches(',').trim();
    let q = v.chars().next();
    match q {
        Some('"' | '\'' | '`') if v.len() >= 2 && v.ends_with(q.unwrap()) => {
            v[1..v.len() - 1].trim().to_string()
        }
        _ => v.to_string(),
    }
}

/// `key: value` (YAML, JS) or `key = value` (TOML) on one line.
fn key_value(line: &str) -> Option<(String, String)> {
    let l = line.trim();
    let k = l.find([':', '='])?;
    let key = l[..k].trim().trim_matches('"');
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    {
        return None;
    }
    Some((key.to_ascii_lowercase(), unquote(&l[k + 1..])))
}

fn iso_date(v: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()
}

/// A title value that names one (not `post.title`, not empty).
fn real_title(v: &str) -> Option<String> {
    let v = v.trim();
    let code = !v.contains(' ') && v.contains('.') && !v.ends_with('.');
    (!v.is_empty() && !code && v != "|" && v != ">").then(|| v.to_string())
}

/// Blanks the front matter; its title and date.
fn front_matter(lines: &mut [String], out: &mut Prepared) {
    let first = match lines.first() {
        Some(l) => l.trim_start_matches('\u{feff}').trim_end().to_string(),
        None => return,
    };
    if first != "---" && first != "+++" {
        return;
    }
    let Some(close) = lines
        .iter()
        .enumerate()
        .skip(1)
        .take(300)
        .find(|(_, l)| l.trim_end() == first)
        .map(|(k, _)| k)
    else {
        return;
    };
    let mut title_at = None;
    for (k, line) in lines.iter_mut().enumerate().take(close + 1) {
        let l = std::mem::take(line);
        // Only top-level keys (no indent).
        if k > 0 && k < close && !l.starts_with([' ', '\t']) {
            if let Some((key, v)) = key_value(&l) {
                match key.as_str() {
                    "title" if out.title.is_none() => {
                        if let Some(t) = real_title(&v) {
                            out.title = Some(t);
                            title_at = Some(k);
                        }
                    }
                    "date" | "published" | "pubdate" | "publishdate" if out.date.is_none() => {
                        out.date = iso_date(&v);
                    }
                    _ => {}
                }
            }
        }
    }
    if let (Some(k), Some(t)) = (title_at, &out.title) {
        lines[k] = format!("# {t}");
    }
}

/// Blanks MDX `import`/`export` code at the top level; an export's title.
fn mdx(lines: &mut [String], out: &mut Prepared) {
    let mut depth: i32 = 0;
    let mut title_at = None;
    for (k, line) in lines.iter_mut().enumerate() {
        let l = &*line;
        let code = depth > 0
            || l.starts_with("import ")
            || l.starts_with("export ")
            || (l.starts_with("export{"));
        if !code {
            continue;
        }
        if depth > 0 && out.title.is_none() {
            if let Some(("title", v)) = key_value(l).as_ref().map(|(a, b)| (a.as_str(), b)) {
                if let Some(t) = real_title(v) {
                    out.title = Some(t);
                    title_at = Some(k);
                }
            }
        }
        for c in l.chars() {
            match c {
                '{' | '(' | '[' => depth += 1,
                '}' | ')' | ']' => depth -= 1,
                _ => {}
            }
        }
        depth = depth.max(0);
        line.clear();
    }
    if let (Some(k), Some(t)) = (title_at, &out.title) {
        lines[k] = format!("# {t}");
    }
}

/// Blanks `<!-- … -->`, keeping the line breaks.
fn comments(text: &str) -> String {
    if !text.contains("<!--") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(a) = rest.find("<!--") {
        out.push_str(&rest[..a]);
        let after = &rest[a + 4..];
        let (inside, next) = match after.find("-->") {
            Some(b) => (&after[..b], &after[b + 3..]),
            None => (after, ""),
        };
        out.extend(inside.chars().filter(|c| *c == '\n'));
        rest = next;
    }
    out.push_str(rest);
    out
}

/// `[label]: url` at a line's start (up to three spaces in).
fn definition(line: &str) -> Option<String> {
    let l = line
        .strip_prefix("   ")
        .or_else(|| line.strip_prefix("  "))
        .or_else(|| line.strip_prefix(' '))
        .unwrap_or(line);
    let l = l.strip_prefix('[')?;
    let close = l.find("]:")?;
    let label = &l[..close];
    (!label.is_empty() && !label.contains(['[', ']']) && !l[close + 2..].trim().is_empty())
        .then(|| label.to_lowercase())
}

/// Reference links reduced to their text.
fn references(line: &str, defined: &[String]) -> String {
    let cs: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < cs.len() {
        if cs[i] == '[' && (i == 0 || cs[i - 1] != '!') {
            if let Some(close) =
                (i + 1..cs.len().min(i + 500)).find(|&k| matches!(cs[k], ']' | '['))
            {
                if cs[close] == ']' {
                    let text: String = cs[i + 1..close].iter().collect();
                    // `[text][ref]` or `[text][]`.
                    if cs.get(close + 1) == Some(&'[') {
                        if let Some(end) = (close + 2..cs.len().min(close + 200))
                            .find(|&k| matches!(cs[k], ']' | '['))
                        {
                            let r: String = cs[close + 2..end].iter().collect();
                            let r = if r.is_empty() {
                                text.to_lowercase()
                            } else {
                                r.to_lowercase()
                            };
                            if cs[end] == ']' && defined.contains(&r) {
                                out.push_str(&text);
                                i = end + 1;
                                continue;
                            }
                        }
                    }
                    // `[ref]` alone, defined, not a link `[x](…)`.
                    if cs.get(close + 1) != Some(&'(') && defined.contains(&text.to_lowercase()) {
                        out.push_str(&text);
                        i = close + 1;
                        continue;
                    }
                }
            }
        }
        out.push(cs[i]);
        i += 1;
    }
    out
}

/// `Incident Report for …` under a status page incident's name.
fn status_page_title(lines: &mut [String], out: &mut Prepared) {
    let filled: Vec<usize> = (0..lines.len())
        .filter(|&k| !lines[k].trim().is_empty())
        .take(4)
        .collect();
    for w in filled.windows(2) {
        let l = lines[w[1]].trim();
        if l == "Incident Report for" || l.starts_with("Incident Report for ") {
            let t = lines[w[0]]
                .trim()
                .trim_start_matches('#')
                .trim()
                .to_string();
            if !t.is_empty() {
                lines[w[1]].clear();
                if out.title.is_none() {
                    out.title = Some(t.clone());
                    lines[w[0]] = format!("# {t}");
                }
            }
            return;
        }
    }
}

/// A date and time alone on the first line: the date only.
fn dateline(lines: &mut [String], out: &mut Prepared) {
    let Some(k) = lines.iter().position(|l| !l.trim().is_empty()) else {
        return;
    };
    let cs: Vec<char> = lines[k].trim().chars().collect();
    let Lead::Entry {
        date: Some(d),
        text_at,
        ..
    } = lead(&cs)
    else {
        return;
    };
    if cs[text_at.min(cs.len())..]
        .iter()
        .any(|c| c.is_alphanumeric())
    {
        return;
    }
    if let Some(n) = d.date.naive() {
        out.date.get_or_insert(n);
        // Keep the date (for the year and the day), drop the time.
        let date: String = match date_at(&cs, d.start) {
            DateRead::Date(h) => cs[h.start..h.end].iter().collect(),
            _ => String::new(),
        };
        lines[k] = date;
    }
}

/// The text the lines are read from.
pub(super) fn prepare(text: &str) -> Prepared {
    let mut out = Prepared::default();
    let body = if is_html_page(text) {
        html_page(text)
    } else {
        comments(text)
    };
    let mut lines: Vec<String> = body.split('\n').map(str::to_string).collect();
    front_matter(&mut lines, &mut out);
    mdx(&mut lines, &mut out);
    let defined: Vec<String> = lines.iter().filter_map(|l| definition(l)).collect();
    if !defined.is_empty() {
        for l in lines.iter_mut() {
            if definition(l).is_some() {
                l.clear();
            } else if l.contains('[') {
                *l = references(l, &defined);
            }
        }
    }
    status_page_title(&mut lines, &mut out);
    dateline(&mut lines, &mut out);
    out.text = lines.join("\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_gives_title_and_date() {
        let p = prepare(
            "---\ntitle: \"Redis: exposed\"\ndate: 2023-05-02\ntags: [a]\n---\n\n10:00 Down\n",
        );
        assert_eq!(p.title.as_deref(), Some("Redis: exposed"));
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2023, 5, 2));
        assert_eq!(p.text, "\n# Redis: exposed\n\n\n\n\n10:00 Down\n");
        let p = prepare("+++\npath = \"2018/x\"\ntitle = \"Update on crates.io\"\n+++\nText\n");
        assert_eq!(p.title.as_deref(), Some("Update on crates.io"));
        assert_eq!(p.text, "\n\n# Update on crates.io\n\nText\n");
        // No title key: all blank.
        assert_eq!(prepare("---\ntags: [x]\n---\n# T\n").text, "\n\n\n# T\n");
    }

    #[test]
    fn mdx_exports() {
        let p = prepare("import X from 'y'\n\nexport const post = {\n  title: 'Relay outage',\n}\n\nexport const m = { title: post.title }\n\n## Hi\n");
        assert_eq!(p.title.as_deref(), Some("Relay outage"));
        assert_eq!(p.text, "\n\n\n# Relay outage\n\n\n\n\n## Hi\n");
    }

    #[test]
    fn comments_and_references() {
        let p = prepare("a <!-- x\ny --> b\n- 01:38 [alice] fixed [the PR][pr] and [c](d)\n\n[alice]: https://x\n[pr]: https://y\n");
        assert_eq!(
            p.text,
            "a \n b\n- 01:38 alice fixed the PR and [c](d)\n\n\n\n"
        );
    }

    #[test]
    fn status_pages_and_datelines() {
        let p = prepare("Gateway timeout\nIncident Report for Percy\nResolved\n");
        assert_eq!(p.title.as_deref(), Some("Gateway timeout"));
        assert_eq!(p.text, "# Gateway timeout\n\nResolved\n");
        let p = prepare("06 Nov 2023, 05:45 PM\n\nUpdate\n\n09:15 AM: x\n");
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2023, 11, 6));
        assert!(p.text.starts_with("06 Nov 2023\n"), "{}", p.text);
    }

    #[test]
    fn markup() {
        assert!(refuse("<?xml version=\"1.0\"?>\n<rss>")
            .unwrap()
            .contains("RSS"));
        assert!(refuse("<feed xmlns=\"http://www.w3.org/2005/Atom\">").is_some());
        assert!(refuse("# Outage\n").is_none());
        let p = prepare("<!DOCTYPE html><html><body><h1>Big outage</h1><p>At 10:00 UTC it <b>broke</b>.</p><ul><li>11:00 fixed</li></ul></body></html>");
        assert!(p.text.contains("# Big outage\n"), "{}", p.text);
        assert!(p.text.contains("At 10:00 UTC it broke."), "{}", p.text);
        assert!(p.text.contains("• 11:00 fixed"), "{}", p.text);
    }
}
