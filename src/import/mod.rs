//! Importers: status-page feeds read into the [`Timeline`] model, with a
//! warning (and its JSON path) for everything they could not map. One
//! module per source (`statuspage.rs`, `incidentio.rs`, `gcp.rs`); [`detect`]
//! tells them apart by shape; `build.rs` is what they share (lanes, ids,
//! filters, limits). Full build only: the widget's page stays as light for
//! format v1 (the element loads the full core when a feed arrives).
//! docs/importers.md has the mappings.

mod build;
mod gcp;
mod incidentio;
mod read;
mod statuspage;
pub(crate) mod text;

use crate::model::Timeline;
use crate::problem::{Problem, Problems};
use crate::time::Instant;
use build::Collector;
use read::{top_level, Ctx};
use serde_json::{Map, Value};

/// Where a document comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Atlassian Statuspage, public API v2 (and its 2016 shapes).
    Statuspage,
    /// incident.io status pages.
    IncidentIo,
    /// Google Cloud Service Health `incidents.json`.
    Gcp,
    /// A post-mortem's timeline as text (plain or Markdown), read by
    /// `crate::postmortem`, not by a JSON importer.
    Text,
}

impl Source {
    /// Every source.
    pub const ALL: [Source; 4] = [
        Source::Statuspage,
        Source::IncidentIo,
        Source::Gcp,
        Source::Text,
    ];

    /// The name callers use (`--from statuspage`, `format="gcp"`).
    pub fn name(self) -> &'static str {
        match self {
            Source::Statuspage => "statuspage",
            Source::IncidentIo => "incidentio",
            Source::Gcp => "gcp",
            Source::Text => "text",
        }
    }

    /// Reads a source's name.
    pub fn from_name(name: &str) -> Option<Source> {
        Source::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// What to import from a feed.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The source, when the caller names it; else [`detect`]ed.
    pub from: Option<Source>,
    /// Only incidents that end at or after this instant (or are ongoing).
    pub since: Option<Instant>,
    /// Only incidents that start at or before this instant.
    pub until: Option<Instant>,
    /// Only the incident with this id.
    pub incident: Option<String>,
    /// Only these components (by id or name); empty: all.
    pub components: Vec<String>,
    /// For post-mortem text: the date its times are on when the text gives
    /// none (dates in the text win).
    pub date: Option<chrono::NaiveDate>,
    /// For post-mortem text: whether impact windows are inferred from
    /// instants (`auto`, the default) or only read where stated (`none`).
    pub infer: crate::postmortem::Infer,
}

impl ImportOptions {
    /// A `date` option as written (`2022-12-07`), for the CLI's `--date` and
    /// the JS options alike.
    pub fn parse_date(text: &str) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
    }
}

/// A feed read into a timeline.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The timeline.
    pub timeline: Timeline,
    /// What could not be mapped, each with the JSON path of its item.
    pub warnings: Vec<Problem>,
    /// Where it came from.
    pub source: Source,
}

/// True for a document meant as format v1 (an object with `"version"` or
/// `"events"`), which callers read with [`crate::parse()`] instead: one rule,
/// [`crate::parse::is_format_v1`].
pub fn is_format_v1(doc: &Value) -> bool {
    crate::parse::is_format_v1(doc)
}

/// Which source a document's shape is, if any (never one for format v1).
pub fn detect(doc: &Value) -> Option<Source> {
    if is_format_v1(doc) {
        return None;
    }
    match doc {
        Value::Object(m) => detect_object(m),
        Value::Array(items) => items
            .iter()
            .find_map(Value::as_object)
            .filter(|o| is_gcp_incident(o))
            .map(|_| Source::Gcp),
        _ => None,
    }
}

fn is_gcp_incident(o: &Map<String, Value>) -> bool {
    o.contains_key("begin")
        && [
            "affected_products",
            "external_desc",
            "service_name",
            "status_impact",
        ]
        .iter()
        .any(|k| o.contains_key(*k))
}

fn detect_object(m: &Map<String, Value>) -> Option<Source> {
    let statuspage_item = |o: &Map<String, Value>| {
        [
            "incident_updates",
            "shortlink",
            "scheduled_for",
            "monitoring_at",
        ]
        .iter()
        .any(|k| o.contains_key(*k))
    };
    let incidentio_item = |o: &Map<String, Value>| {
        [
            "updates",
            "component_impacts",
            "status_summaries",
            "published_at",
            "last_update_at",
            "current_worst_impact",
            "starts_at",
            "scheduled_end_at",
        ]
        .iter()
        .any(|k| o.contains_key(*k))
    };
    if let Some(Value::Object(inc)) = m.get("incident") {
        if statuspage_item(inc) || m.contains_key("page") {
            return Some(Source::Statuspage);
        }
    }
    for key in ["incidents", "scheduled_maintenances", "ongoing_incidents"] {
        let first = m
            .get(key)
            .and_then(Value::as_array)
            .and_then(|a| a.iter().find_map(Value::as_object));
        if let Some(o) = first {
            if statuspage_item(o) {
                return Some(Source::Statuspage);
            }
            if incidentio_item(o) {
                return Some(Source::IncidentIo);
            }
        }
    }
    if m.get("page").is_some_and(Value::is_object)
        && [
            "incidents",
            "incident",
            "scheduled_maintenances",
            "components",
            "status",
        ]
        .iter()
        .any(|k| m.contains_key(*k))
    {
        return Some(Source::Statuspage);
    }
    if m.get("component_impacts").is_some_and(Value::is_array) {
        return Some(Source::IncidentIo);
    }
    if let Some(Value::Object(s)) = m.get("summary") {
        if ["components", "structure", "ongoing_incidents"]
            .iter()
            .any(|k| s.contains_key(*k))
        {
            return Some(Source::IncidentIo);
        }
    }
    if m.contains_key("page_title")
        || m.contains_key("in_progress_maintenances")
        || m.get("ongoing_incidents").is_some_and(Value::is_array)
    {
        return Some(Source::IncidentIo);
    }
    // `{"incidents": []}`: incident.io's incidents with none in them
    // (Statuspage's documents always carry "page").
    if m.len() == 1
        && m.get("incidents")
            .is_some_and(|v| v.as_array().is_some_and(Vec::is_empty))
    {
        return Some(Source::IncidentIo);
    }
    if is_gcp_incident(m) {
        return Some(Source::Gcp);
    }
    None
}

/// The problem for a document no importer reads.
fn not_a_feed(doc: &Value, path: &str) -> Problem {
    let message = if is_format_v1(doc) {
        "this is a format v1 timeline (it has \"version\" and \"events\"), not a status-page feed: read it as a timeline".to_string()
    } else {
        format!(
            "this looks like neither format v1 nor a known status-page feed (Statuspage, incident.io, Google Cloud Service Health): the top level is {}",
            top_level(doc)
        )
    };
    Problem::at(path, message)
}

fn check_options(o: &ImportOptions) -> Result<(), Problems> {
    if let (Some(s), Some(u)) = (o.since, o.until) {
        if s > u {
            return Err(Problems::one(Problem::at(
                "since",
                format!(
                    "since ({}) is after until ({}): nothing could be imported",
                    crate::time::format_instant(s),
                    crate::time::format_instant(u)
                ),
            )));
        }
    }
    Ok(())
}

fn read_doc(source: Source, doc: &Value, ctx: &mut Ctx, c: &mut Collector) -> Result<(), Problems> {
    match source {
        Source::Statuspage => statuspage::read(doc, ctx, c),
        Source::IncidentIo => incidentio::read(doc, ctx, c),
        Source::Gcp => gcp::read(doc, ctx, c),
        Source::Text => Err(Problems::one(Problem::at(
            "",
            "this is JSON, not post-mortem text: leave out `from: text` (or --from text)",
        ))),
    }
}

/// Reads a feed (already parsed JSON).
pub fn import_value(doc: &Value, o: &ImportOptions) -> Result<Imported, Problems> {
    check_options(o)?;
    let source = match o.from.or_else(|| detect(doc)) {
        Some(s) => s,
        None => return Err(Problems::one(not_a_feed(doc, ""))),
    };
    let mut ctx = Ctx::default();
    let mut c = Collector::default();
    read_doc(source, doc, &mut ctx, &mut c)?;
    c.sources.push(source);
    build::finish(c, &mut ctx, o)
}

/// Reads a feed from JSON text: a byte-order mark is skipped, the size is
/// checked ([`crate::parse::check_size`]), and a syntax error is reported
/// by line and column, as [`crate::parse()`] does.
pub fn import_text(text: &str, o: &ImportOptions) -> Result<Imported, Problems> {
    crate::parse::check_size(text.len())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text)
        .map_err(|e| Problems::one(crate::parse::syntax_problem(&e, text)))?;
    import_value(&value, o)
}

/// Reads several documents (a folder of incidents, pages of a feed, or an
/// incident.io page with its incidents) into one timeline. Each comes with
/// a name (its file name, say) that is put before the paths of its
/// warnings. An incident found in several documents is imported once: the
/// copy updated last. A document that is not a known feed is skipped with a
/// warning; when none is, that is an error.
pub fn import_many(docs: &[(String, Value)], o: &ImportOptions) -> Result<Imported, Problems> {
    check_options(o)?;
    let mut ctx = Ctx::default();
    let mut c = Collector::default();
    let mut failed: Vec<Problem> = Vec::new();
    for (d, (name, doc)) in docs.iter().enumerate() {
        ctx.doc_name = name.clone();
        c.doc = d;
        let result = match o.from.or_else(|| detect(doc)) {
            Some(source) => read_doc(source, doc, &mut ctx, &mut c).map(|_| source),
            None => Err(Problems::one(not_a_feed(doc, &ctx.full_path("")))),
        };
        match result {
            Ok(source) => c.sources.push(source),
            Err(problems) if docs.len() == 1 => return Err(problems),
            Err(problems) => {
                for p in problems.iter() {
                    ctx.push(Problem {
                        message: format!("{}; this document is skipped", p.message),
                        ..p.clone()
                    });
                }
                failed.extend(problems.0);
            }
        }
    }
    if c.sources.is_empty() {
        if failed.is_empty() {
            failed.push(Problem::at("", "there are no documents to import"));
        }
        return Err(Problems(failed));
    }
    build::finish(c, &mut ctx, o)
}
