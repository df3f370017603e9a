//! Post-mortem timeline text read into a [`Timeline`]: the timeline section
//! of an incident report, as plain text or Markdown (`8:24 – 8:49 AM (PST):
//! …`, `| 14:54 | OUTAGE BEGINS … |`, `At 9:37AM PST, …`), with a warning
//! (line and column) for every line that looks like an entry but could not
//! be read. Full build only: the browser widget never carries it.
//!
//! The reading goes in stages, each a module:
//!
//! - `lines`: the document's lines as Markdown sees them, cleaned of
//!   emphasis, each character with its line and column;
//! - `dates`, `clock`, `zones`: dates, times and ranges, zones;
//! - `lead`: how a line starts (an entry, a date, neither);
//! - `prose`: times in running text, sentence by sentence;
//! - `walk`: the walk through the lines, keeping the date and the zone in
//!   force, collecting entries;
//! - `timing`: entries to instants (years, AM/PM, newest first, midnight,
//!   daylight saving);
//! - `about`: what an entry is about (impact, response, communication)
//!   and what it says of the users' side;
//! - `impact`: impact windows inferred from instants;
//! - `kinds` and `events`: entries to events, kinds, lanes and ids.
//!
//! docs/text-format.md is the reference for people: every form it reads,
//! the zone table, the kind and lane rules, every warning.

mod about;
mod clock;
mod dates;
mod events;
mod front;
mod impact;
mod kinds;
mod lead;
mod lines;
mod prose;
mod timing;
mod walk;
mod zones;

use crate::model::Timeline;
use crate::problem::{Problem, Problems};
use crate::time::Zone;

/// What the caller knows that the text may not say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextOptions {
    /// The incident's date, for a text that gives none (or gives dates
    /// without a year: it fills in the year). Dates written in the text win.
    pub date: Option<chrono::NaiveDate>,
    /// An IANA zone (or `UTC`), used when the text states none.
    pub time_zone: Option<String>,
    /// Whether impact windows are inferred from instants
    /// ([`Infer::Auto`], the default) or only read where the text states a range.
    pub infer: Infer,
    /// The BCP 47 tag of the language the lanes are named in (English when
    /// `None` or without a table).
    pub locale: Option<String>,
}

/// Whether the reader infers impact windows from a timeline of instants.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Infer {
    /// From the entries' words: "14:02 errors began … 14:51 recovered".
    #[default]
    Auto,
    /// Only ranges the text states.
    Off,
}

impl Infer {
    /// The option's value as written: `auto` or `none`, for the CLI's
    /// `--infer`, the JS `infer` option and the element's `infer` attribute.
    pub fn from_name(name: &str) -> Option<Infer> {
        match name {
            "auto" => Some(Infer::Auto),
            "none" => Some(Infer::Off),
            _ => None,
        }
    }

    /// What the option must be, for an error that says it.
    pub const VALUES: &'static str = "auto or none";
}

/// A timeline read from text.
#[derive(Debug, Clone)]
pub struct TextTimeline {
    /// The timeline. Its `zone` is the zone the text used (an IANA zone when
    /// known), so times display in it.
    pub timeline: Timeline,
    /// What could not be read or was read with a guess, each with its line
    /// and column (1-based, in characters).
    pub warnings: Vec<Problem>,
}

/// A line and column in the text, both from 1, in characters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Pos {
    line: usize,
    col: usize,
}

/// A warning (or problem) at a place in the text.
fn warning(pos: Pos, message: impl Into<String>) -> Problem {
    Problem {
        path: String::new(),
        line: Some(pos.line),
        column: Some(pos.col),
        message: message.into(),
    }
}

/// Reads the timeline of a post-mortem (plain text or Markdown).
///
/// Errors: the text is over the size limit of documents, the time zone
/// option is not a zone, the text has no timeline entries, or it gives no
/// date for its times and the options none either. The warnings of the
/// lines read so far come with the error.
pub fn read_text(text: &str, o: &TextOptions) -> Result<TextTimeline, Problems> {
    crate::parse::check_size(text.len())?;
    let option_zone = match &o.time_zone {
        Some(name) => Some(
            Zone::named(name.trim())
                .map_err(|m| Problems::one(Problem::at("timeZone", m)))?
                .name()
                .to_string(),
        ),
        None => None,
    };
    if let Some(d) = o.date {
        use chrono::Datelike;
        if !dates::YEARS.contains(&d.year()) {
            return Err(Problems::one(Problem::at(
                "date",
                format!(
                    "the date {d} is out of range; the reader takes years {} to {}",
                    dates::YEARS.start(),
                    dates::YEARS.end()
                ),
            )));
        }
    }
    if let Some(m) = front::refuse(text) {
        return Err(Problems::one(Problem::at("", m)));
    }
    let prepared = front::prepare(text);
    let mut walked = walk::walk(&prepared.text);
    if let Some(t) = prepared.title.clone() {
        walked.title = Some(t);
    }
    // The front matter's date (or a dateline's) is the date of a text that
    // gives none, after the author's option.
    let with_date;
    let o = if o.date.is_none() && prepared.date.is_some() {
        with_date = TextOptions {
            date: prepared.date,
            ..o.clone()
        };
        &with_date
    } else {
        o
    };
    let mut warnings = walked.warnings.clone();
    // The problem first, then the warnings of the lines read so far.
    let fail = |mut warnings: Vec<Problem>, p: Problems| {
        warnings.sort_by_key(|p| (p.line, p.column));
        Problems(p.0.into_iter().chain(warnings).collect())
    };
    // A problem with the whole text (no line of its own).
    let whole = |message: String| Problems::one(Problem::at("", message));
    if walked.entries.is_empty() {
        return Err(fail(
            warnings,
            whole("found no timeline entries: no line starts with a time (such as \"14:05 UTC: …\" or \"9:37 AM: …\") and no sentence gives one (\"At 9:37 AM PST, …\"); see docs/text-format.md".into()),
        ));
    }
    let resolution = match timing::resolve(&walked, o, option_zone, &mut warnings) {
        Ok(r) => r,
        Err(p) => return Err(fail(warnings, p)),
    };
    let build = events::Build {
        infer: o.infer == Infer::Auto,
        locale: o
            .locale
            .as_deref()
            .and_then(|tag| crate::render::locale_named(tag).ok())
            .unwrap_or_default(),
    };
    let timeline = events::build(&walked, &resolution, &build, &mut warnings);
    // Every entry may have been left out (an impossible date or time, each
    // with its warning): that is no timeline, said with the reasons after it.
    if timeline.events.is_empty() {
        return Err(fail(
            warnings,
            whole("none of the text's timeline entries could be read; the warnings below say why each was left out".into()),
        ));
    }
    // What the reader writes must read back as a document; if it ever did
    // not, that is the reader's fault, said as a problem rather than a panic.
    if let Err(p) = crate::parse::parse(&timeline.to_document()) {
        let first = p.iter().next().map(|p| p.to_string()).unwrap_or_default();
        return Err(fail(
            warnings,
            whole(format!("the timeline read from this text is not a valid document ({first}); please report this")),
        ));
    }
    warnings.sort_by_key(|p| (p.line, p.column));
    Ok(TextTimeline { timeline, warnings })
}
