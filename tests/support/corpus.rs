//! Scores the text reader against the corpus of real post-mortems in
//! `tests/fixtures/corpus/` (its README says the format of the expected
//! files). Shared by `tests/corpus.rs`, which holds the reader to the
//! thresholds, and `examples/score_text.rs` (`npm run score:text`), which
//! prints the score.

use incident_timeline::postmortem::{read_text, TextOptions};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// One post's score.
pub struct Score {
    pub name: String,
    /// Hand-checked instants, and how many of them were read.
    pub instants: usize,
    pub instants_read: usize,
    /// Instants the hand-checked file has that were not read.
    pub missed: Vec<String>,
    /// Instants read that the post does not state.
    pub extra: Vec<String>,
    /// Hand-checked windows, how many were drawn right, and windows drawn
    /// where the post has none.
    pub windows: usize,
    pub windows_right: usize,
    pub windows_extra: usize,
    /// Why a window is wrong, one line each.
    pub window_notes: Vec<String>,
    /// Minutes of outage and degraded time read, and the hand-checked
    /// range (shortest and longest reading).
    pub downtime: i64,
    pub downtime_hand: (i64, i64),
    /// The summary claims no impact though the post has some.
    pub zero_downtime: bool,
    /// The chart's title, the hand-checked one, and whether they agree.
    pub title: String,
    pub title_hand: String,
    pub title_right: bool,
    /// Lines that looked like entries but were not read (the warnings).
    pub unread: Vec<String>,
    /// The reader refused the text.
    pub error: Option<String>,
}

fn minute(ms: i64) -> String {
    let t = chrono::DateTime::from_timestamp_millis(ms).expect("an instant in range");
    if ms % 60_000 != 0 {
        t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
    } else {
        t.format("%Y-%m-%dT%H:%MZ").to_string()
    }
}

fn parse_minute(s: &str) -> i64 {
    let s = s.trim_end_matches('Z');
    let f = if s.len() > 16 {
        "%Y-%m-%dT%H:%M:%S"
    } else {
        "%Y-%m-%dT%H:%M"
    };
    chrono::NaiveDateTime::parse_from_str(s, f)
        .unwrap_or_else(|e| panic!("{s}: {e}"))
        .and_utc()
        .timestamp_millis()
}

fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a
            .iter()
            .map(|x| x.as_str().expect("a string").to_string())
            .collect(),
        _ => panic!("expected a string or a list of strings, not {v}"),
    }
}

/// A title as compared: letters and digits in lower case.
fn plain(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Markup that must never be in a chart's title.
pub fn junk(title: &str) -> bool {
    let t = title.trim();
    t.is_empty()
        || t.starts_with("title")
        || t.contains(" = ")
        || t.contains("---")
        || t.contains("+++")
        || t.contains("<!--")
        || t.contains("](")
        || t.contains('[')
        || t.contains('`')
        || t.contains("**")
        || t.starts_with('/')
        || t.starts_with('#')
        || t.starts_with('<')
}

/// The corpus's posts, sorted by name.
pub fn posts() -> Vec<(String, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .expect("the corpus")
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let name = p
                .file_name()?
                .to_str()?
                .strip_suffix(".expect.json")?
                .to_string();
            Some((name, p))
        })
        .collect();
    out.sort();
    out
}

/// Scores one post.
pub fn score(name: &str, expect: &Path) -> Score {
    let hand: Value =
        serde_json::from_str(&std::fs::read_to_string(expect).unwrap()).expect("expect JSON");
    let dir = expect.parent().unwrap();
    let text_path = [".md", ".txt", ".html"]
        .iter()
        .map(|e| dir.join(format!("{name}{e}")))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("{name}: no post beside its expect file"));
    let text = std::fs::read_to_string(&text_path).unwrap();
    let o = TextOptions {
        date: hand["date"]
            .as_str()
            .map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date")),
        time_zone: hand["time_zone"].as_str().map(str::to_string),
        ..Default::default()
    };
    let instants: Vec<String> = strings(&hand["instants"]);
    let hand_windows = hand["impact"].as_array().cloned().unwrap_or_default();
    let title_hand = hand["title"].as_str().unwrap_or("").to_string();
    let mut lo = 0;
    let mut hi = 0;
    for w in &hand_windows {
        let starts: Vec<i64> = strings(&w["start"])
            .iter()
            .map(|s| parse_minute(s))
            .collect();
        let ends: Vec<i64> = strings(&w["end"]).iter().map(|s| parse_minute(s)).collect();
        let min_s = *starts.iter().max().unwrap();
        let max_s = *starts.iter().min().unwrap();
        lo += (ends.iter().min().unwrap() - min_s).max(0) / 60_000;
        hi += (ends.iter().max().unwrap() - max_s).max(0) / 60_000;
    }
    let mut s = Score {
        name: name.to_string(),
        instants: instants.len(),
        instants_read: 0,
        missed: Vec::new(),
        extra: Vec::new(),
        windows: hand_windows.len(),
        windows_right: 0,
        windows_extra: 0,
        window_notes: Vec::new(),
        downtime: 0,
        downtime_hand: (lo, hi),
        zero_downtime: false,
        title: String::new(),
        title_hand,
        title_right: false,
        unread: Vec::new(),
        error: None,
    };
    let read = match read_text(&text, &o) {
        Ok(r) => r,
        Err(p) => {
            s.error = Some(p.to_string());
            s.missed = instants;
            s.zero_downtime = !hand_windows.is_empty();
            return s;
        }
    };
    let t = &read.timeline;
    s.unread = read.warnings.iter().map(|w| w.to_string()).collect();
    s.title = t.title.clone().unwrap_or_default();
    s.title_right = !junk(&s.title) && plain(&s.title) == plain(&s.title_hand);

    let mut got = BTreeSet::new();
    for e in &t.events {
        got.insert(minute(e.start));
        if let Some(end) = e.end {
            got.insert(minute(end));
        }
    }
    let hand_set: BTreeSet<String> = instants.iter().cloned().collect();
    for i in &instants {
        if got.contains(i) {
            s.instants_read += 1;
        } else {
            s.missed.push(i.clone());
        }
    }
    s.extra = got.difference(&hand_set).cloned().collect();

    // Impact as read: outage and degraded events, in time order.
    let mut read_windows: Vec<(i64, i64, &str, &str)> = t
        .events
        .iter()
        .filter(|e| matches!(e.kind.as_str(), "outage" | "degraded"))
        .map(|e| {
            (
                e.start,
                e.end.unwrap_or(e.start),
                e.kind.as_str(),
                e.title.as_str(),
            )
        })
        .collect();
    read_windows.sort_by_key(|w| (w.0, w.1));
    s.downtime = read_windows.iter().map(|w| (w.1 - w.0) / 60_000).sum();
    s.zero_downtime = !hand_windows.is_empty() && s.downtime == 0;
    let mut used = vec![false; read_windows.len()];
    for w in &hand_windows {
        let kinds = strings(&w["kind"]);
        let starts: Vec<i64> = strings(&w["start"])
            .iter()
            .map(|x| parse_minute(x))
            .collect();
        let ends: Vec<i64> = strings(&w["end"]).iter().map(|x| parse_minute(x)).collect();
        let (a, b) = (*starts.iter().min().unwrap(), *ends.iter().max().unwrap());
        // The read windows that overlap this one, taken together (a reader
        // may draw an outage and its degraded tail as two), but not one
        // that starts where another hand-checked window starts: that is
        // the other one's.
        let others: Vec<i64> = hand_windows
            .iter()
            .filter(|o| !std::ptr::eq(*o, w))
            .flat_map(|o| strings(&o["start"]))
            .map(|x| parse_minute(&x))
            .collect();
        let parts: Vec<usize> = (0..read_windows.len())
            .filter(|&k| {
                let (x, y, ..) = read_windows[k];
                x <= b && a <= y && !used[k] && (x == a || !others.contains(&x))
            })
            .collect();
        if parts.is_empty() {
            s.window_notes.push(format!(
                "{} window from {} not drawn",
                kinds.join("/"),
                minute(a)
            ));
            continue;
        }
        for &k in &parts {
            used[k] = true;
        }
        let start = parts.iter().map(|&k| read_windows[k].0).min().unwrap();
        let end = parts.iter().map(|&k| read_windows[k].1).max().unwrap();
        let kind_ok = parts
            .iter()
            .any(|&k| kinds.iter().any(|x| x == read_windows[k].2));
        let start_ok = starts.contains(&start);
        let end_ok = ends.contains(&end);
        if kind_ok && start_ok && end_ok {
            s.windows_right += 1;
        } else {
            let kinds_read: Vec<&str> = parts.iter().map(|&k| read_windows[k].2).collect();
            s.window_notes.push(format!(
                "{} {}–{} drawn as {} {}–{} (hand: {} from {} to one of {})",
                kinds.join("/"),
                minute(a),
                minute(b),
                kinds_read.join("+"),
                minute(start),
                minute(end),
                kinds.join("/"),
                strings(&w["start"]).join("|"),
                strings(&w["end"]).join("|"),
            ));
        }
    }
    for (k, w) in read_windows.iter().enumerate() {
        if !used[k] {
            s.windows_extra += 1;
            s.window_notes.push(format!(
                "{} {}–{} “{}” drawn where the post has no impact",
                w.2,
                minute(w.0),
                minute(w.1),
                w.3
            ));
        }
    }
    s
}

/// The chart read from one post, an event a line (kind, UTC times, lane,
/// title, inferred), for `--show`.
#[allow(dead_code)]
pub fn show(expect: &Path) -> String {
    let hand: Value =
        serde_json::from_str(&std::fs::read_to_string(expect).unwrap()).expect("expect JSON");
    let name = expect
        .file_name()
        .unwrap()
        .to_string_lossy()
        .replace(".expect.json", "");
    let dir = expect.parent().unwrap();
    let path = [".md", ".txt", ".html"]
        .iter()
        .map(|e| dir.join(format!("{name}{e}")))
        .find(|p| p.exists())
        .unwrap();
    let o = TextOptions {
        date: hand["date"]
            .as_str()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        time_zone: hand["time_zone"].as_str().map(str::to_string),
        ..Default::default()
    };
    match read_text(&std::fs::read_to_string(path).unwrap(), &o) {
        Err(p) => p.to_string(),
        Ok(r) => r
            .timeline
            .events
            .iter()
            .map(|e| {
                format!(
                    "  {:<11} {}{} [{}]{} {}",
                    e.kind.as_str(),
                    minute(e.start),
                    e.end.map(|x| format!("–{}", minute(x))).unwrap_or_default(),
                    r.timeline.lanes[e.lane].id,
                    if e.inferred { " inferred" } else { "" },
                    e.title
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// Everything, in total.
pub struct Total {
    pub instants: usize,
    pub instants_read: usize,
    pub extra: usize,
    pub windows: usize,
    pub windows_right: usize,
    pub windows_extra: usize,
    pub zero_downtime: usize,
    pub titles_right: usize,
    pub junk_titles: usize,
    pub unread: usize,
    pub errors: usize,
    pub posts: usize,
}

pub fn total(scores: &[Score]) -> Total {
    Total {
        instants: scores.iter().map(|s| s.instants).sum(),
        instants_read: scores.iter().map(|s| s.instants_read).sum(),
        extra: scores.iter().map(|s| s.extra.len()).sum(),
        windows: scores.iter().map(|s| s.windows).sum(),
        windows_right: scores.iter().map(|s| s.windows_right).sum(),
        windows_extra: scores.iter().map(|s| s.windows_extra).sum(),
        zero_downtime: scores.iter().filter(|s| s.zero_downtime).count(),
        titles_right: scores.iter().filter(|s| s.title_right).count(),
        junk_titles: scores.iter().filter(|s| junk(&s.title)).count(),
        unread: scores.iter().map(|s| s.unread.len()).sum(),
        errors: scores.iter().filter(|s| s.error.is_some()).count(),
        posts: scores.len(),
    }
}

#[allow(dead_code)]
impl Total {
    /// Hand-checked instants read at the right time.
    pub fn instant_share(&self) -> f64 {
        self.instants_read as f64 / self.instants.max(1) as f64
    }
    /// Windows drawn right, of the hand-checked ones and those drawn where
    /// the posts have none.
    pub fn window_share(&self) -> f64 {
        self.windows_right as f64 / (self.windows + self.windows_extra).max(1) as f64
    }
}

fn pct(a: usize, b: usize) -> String {
    if b == 0 {
        "–".to_string()
    } else {
        format!("{:.0} %", 100.0 * a as f64 / b as f64)
    }
}

/// The score as a table, then each post's misses; `verbose` lists them all.
pub fn report(scores: &[Score], verbose: bool) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{:<42} {:>9} {:>6} {:>8} {:>15} {:>6} {:>6}\n",
        "post", "instants", "extra", "windows", "downtime (min)", "title", "unread"
    ));
    for s in scores {
        let hand = if s.downtime_hand.0 == s.downtime_hand.1 {
            s.downtime_hand.0.to_string()
        } else {
            format!("{}–{}", s.downtime_hand.0, s.downtime_hand.1)
        };
        out.push_str(&format!(
            "{:<42} {:>9} {:>6} {:>8} {:>15} {:>6} {:>6}\n",
            s.name,
            format!("{}/{}", s.instants_read, s.instants),
            s.extra.len(),
            format!(
                "{}/{}{}",
                s.windows_right,
                s.windows,
                if s.windows_extra > 0 {
                    format!("+{}", s.windows_extra)
                } else {
                    String::new()
                }
            ),
            format!("{} / {}", s.downtime, hand),
            if s.title_right { "ok" } else { "no" },
            s.unread.len(),
        ));
    }
    let t = total(scores);
    out.push_str(&format!(
        "\n{} posts: instants read right {}/{} ({}), {} read that the posts do not state; \
         impact windows right {}/{} ({}; {} drawn where a post has none); \
         {} with \"0 s\" of downtime but a hand-checked window; titles right {}/{} ({} junk); \
         {} lines looked like entries but were not read; {} refused\n",
        t.posts,
        t.instants_read,
        t.instants,
        pct(t.instants_read, t.instants),
        t.extra,
        t.windows_right,
        t.windows + t.windows_extra,
        pct(t.windows_right, t.windows + t.windows_extra),
        t.windows_extra,
        t.zero_downtime,
        t.titles_right,
        t.posts,
        t.junk_titles,
        t.unread,
        t.errors,
    ));
    for s in scores {
        let mut lines = Vec::new();
        if let Some(e) = &s.error {
            lines.push(format!("refused: {e}"));
        }
        if !s.missed.is_empty() {
            lines.push(format!("missed: {}", s.missed.join(", ")));
        }
        if verbose && !s.extra.is_empty() {
            lines.push(format!("extra: {}", s.extra.join(", ")));
        }
        lines.extend(s.window_notes.iter().cloned());
        if !s.title_right {
            lines.push(format!("title “{}”, hand “{}”", s.title, s.title_hand));
        }
        if verbose {
            lines.extend(s.unread.iter().map(|u| format!("unread: {u}")));
        }
        if !lines.is_empty() {
            out.push_str(&format!("\n{}\n  {}\n", s.name, lines.join("\n  ")));
        }
    }
    out
}
