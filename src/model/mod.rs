//! The timeline model: what a valid document means, with every time resolved
//! to an instant. Nothing here knows about JSON or drawing; what each kind of
//! event means is in [`kinds`].

pub mod kinds;
#[cfg(feature = "full")]
mod write;

use crate::time::zone::Zone;
use crate::time::{format_instant, Instant};
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

pub use kinds::{BarStyle, Fill, Impact, Kind, KindSpec};

/// A validated incident timeline.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// Headline, if any.
    pub title: Option<String>,
    /// One-paragraph summary, if any.
    pub description: Option<String>,
    /// The document's zone: wall-clock times were read in it, and it is the default display zone.
    pub zone: Option<Zone>,
    /// Lanes in display order; never empty when there are events.
    pub lanes: Vec<Lane>,
    /// Events in document order.
    pub events: Vec<Event>,
}

/// A horizontal band of the chart: one system, team or workstream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lane {
    /// Identifier used by events.
    pub id: String,
    /// Text shown for the lane.
    pub label: String,
}

/// How bad it was, in Statuspage's vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// No user impact.
    None,
    /// Minor.
    Minor,
    /// Major.
    Major,
    /// Critical.
    Critical,
}

impl Severity {
    /// Every severity, mildest first.
    pub const ALL: [Severity; 4] = [
        Severity::None,
        Severity::Minor,
        Severity::Major,
        Severity::Critical,
    ];

    /// The name used in documents.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::None => "none",
            Severity::Minor => "minor",
            Severity::Major => "major",
            Severity::Critical => "critical",
        }
    }

    /// Reads a document's severity name.
    pub fn from_name(name: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// A link attached to an event. Always `http` or `https`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// Absolute http(s) URL.
    pub url: String,
    /// Text to show; the URL when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// One thing that happened: a range (outage, degraded, maintenance, activity) or a milestone.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Identifier for deep links, if the document gave one.
    pub id: Option<String>,
    /// Index into [`Timeline::lanes`].
    pub lane: usize,
    /// What it is.
    pub kind: Kind,
    /// When it started; for a milestone, when it happened.
    pub start: Instant,
    /// When it ended; `None` for a milestone or a range still going on.
    pub end: Option<Instant>,
    /// Short plain-text title.
    pub title: String,
    /// Longer plain-text detail.
    pub detail: Option<String>,
    /// How bad it was (explicit or the kind's default).
    pub severity: Severity,
    /// Share affected, 0–1: 1 for outages, 0 for kinds without user impact,
    /// the stated share for degraded events, `None` for a degraded event that
    /// does not state it (partly affected, share not stated).
    pub impact: Option<f64>,
    /// Links, all http(s).
    pub links: Vec<Link>,
    /// Its times were inferred (from instants of a post-mortem's text), not
    /// stated as a range by its source: drawn with soft edges.
    pub inferred: bool,
}

impl Event {
    /// True for milestones: a point, not a range.
    pub fn is_point(&self) -> bool {
        self.kind.is_point()
    }

    /// True for a range without an end.
    pub fn is_ongoing(&self) -> bool {
        !self.is_point() && self.end.is_none()
    }
}

impl Timeline {
    /// The earliest and latest instants the events mention, if there are events.
    pub fn extent(&self) -> Option<(Instant, Instant)> {
        let mut it = self
            .events
            .iter()
            .flat_map(|e| std::iter::once(e.start).chain(e.end));
        let first = it.next()?;
        Some(it.fold((first, first), |(lo, hi), t| (lo.min(t), hi.max(t))))
    }
}

/// The normalized document: lanes explicit, defaults filled in, times in UTC.
/// This is what `parseTimeline` hands to JavaScript.
impl Serialize for Timeline {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Timeline", 6)?;
        st.serialize_field("version", &1)?;
        st.serialize_field("title", &self.title)?;
        st.serialize_field("description", &self.description)?;
        st.serialize_field("timezone", &self.zone.as_ref().map(|z| z.name()))?;
        st.serialize_field("lanes", &self.lanes.iter().map(LaneOut).collect::<Vec<_>>())?;
        let events: Vec<_> = self.events.iter().map(|e| EventOut(self, e)).collect();
        st.serialize_field("events", &events)?;
        st.end()
    }
}

struct LaneOut<'a>(&'a Lane);

impl Serialize for LaneOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Lane", 2)?;
        st.serialize_field("id", &self.0.id)?;
        st.serialize_field("label", &self.0.label)?;
        st.end()
    }
}

struct EventOut<'a>(&'a Timeline, &'a Event);

impl Serialize for EventOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let EventOut(tl, e) = self;
        let mut st = s.serialize_struct("Event", 11)?;
        st.serialize_field("id", &e.id)?;
        st.serialize_field("lane", &tl.lanes[e.lane].id)?;
        st.serialize_field("kind", e.kind.as_str())?;
        if e.is_point() {
            st.serialize_field("at", &format_instant(e.start))?;
        } else {
            st.serialize_field("start", &format_instant(e.start))?;
            st.serialize_field("end", &e.end.map(format_instant))?;
        }
        st.serialize_field("title", &e.title)?;
        st.serialize_field("detail", &e.detail)?;
        st.serialize_field("severity", e.severity.as_str())?;
        st.serialize_field("impact", &e.impact)?;
        st.serialize_field("links", &e.links)?;
        st.serialize_field("inferred", &e.inferred)?;
        st.end()
    }
}
