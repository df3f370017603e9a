//! Every kind of event, described once. A kind is a [`KindSpec`]: its name
//! in documents and for people, whether it is a range or a point, how its
//! `impact` is read and counts towards downtime, its colours, how its bar is
//! drawn and its legend entry. Parsing, layout, the words and drawing read
//! these facts; none of them lists the kinds again.
//!
//! Adding a kind: a module here with its `SPEC` and a `Kind` constant, a
//! line in [`Kind::ALL`], its [`Fill`] (or an existing one), and that fill's
//! colours in both palettes of `draw/theme.rs`. docs/architecture.md walks
//! through it; `tests/kinds.rs` fails until the JSON Schema, the TypeScript
//! types and the Hugo templates name it too.
use crate::strings::cat;

mod activity;
mod degraded;
mod maintenance;
mod milestone;
mod outage;

use super::Severity;
use std::fmt;
use std::hash::{Hash, Hasher};

/// What an event is: a handle to its kind's [`KindSpec`].
#[derive(Clone, Copy)]
pub struct Kind(&'static KindSpec);

impl Kind {
    /// Every kind, in legend order (and the order documentation lists them).
    pub const ALL: &'static [Kind] = &[
        Kind::OUTAGE,
        Kind::DEGRADED,
        Kind::MAINTENANCE,
        Kind::ACTIVITY,
        Kind::MILESTONE,
    ];

    /// Everything about this kind.
    pub fn spec(self) -> &'static KindSpec {
        self.0
    }

    /// The name used in documents.
    pub fn as_str(self) -> &'static str {
        self.0.name
    }

    /// Reads a document's kind name.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.as_str() == name)
    }

    /// The names documents may use, in legend order.
    pub fn names() -> Vec<&'static str> {
        Kind::ALL.iter().map(|k| k.as_str()).collect()
    }

    /// The severity an event of this kind has when the document gives none.
    pub fn default_severity(self) -> Severity {
        self.0.default_severity
    }

    /// True for kinds that are a point in time (`at`), not a range.
    pub fn is_point(self) -> bool {
        self.0.bar == BarStyle::Diamond
    }

    /// Position in [`Kind::ALL`].
    fn index(self) -> usize {
        Kind::ALL
            .iter()
            .position(|k| *k == self)
            .unwrap_or(usize::MAX)
    }
}

impl PartialEq for Kind {
    fn eq(&self, other: &Kind) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Kind {}

impl Hash for Kind {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.name.hash(state);
    }
}

impl PartialOrd for Kind {
    fn partial_cmp(&self, other: &Kind) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Kind {
    fn cmp(&self, other: &Kind) -> std::cmp::Ordering {
        self.index().cmp(&other.index())
    }
}

impl fmt::Debug for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.name)
    }
}

/// The facts about one kind of event.
#[derive(Debug)]
pub struct KindSpec {
    /// The name documents use ("outage").
    pub name: &'static str,
    /// The name for people, at the start of a sentence ("Outage").
    pub label: &'static str,
    /// "a" or "an", for messages ("an outage").
    pub article: &'static str,
    /// What `impact` means for this kind, and how its time counts towards downtime.
    pub impact: Impact,
    /// Severity when the document gives none.
    pub default_severity: Severity,
    /// Whether time under it is busy: axis compression never hides it. (A
    /// kind that is not busy still keeps its start and end in view.)
    pub busy: bool,
    /// Its colour.
    pub fill: Fill,
    /// Its colour when its severity is critical, if that differs.
    pub critical_fill: Option<Fill>,
    /// How it is drawn.
    pub bar: BarStyle,
    /// Whether its label may go inside its bar (when it fits there).
    pub label_inside: bool,
    /// Its legend entry.
    pub legend: &'static str,
    /// The legend entry for its critical colour.
    pub critical_legend: &'static str,
    /// For a kind drawn as a share: the legend entry for events that do not
    /// state their share (drawn hatched).
    pub unstated_legend: &'static str,
}

impl KindSpec {
    /// The colour of an event of this kind with this severity.
    pub fn fill_for(&self, severity: Severity) -> Fill {
        match self.critical_fill {
            Some(f) if severity == Severity::Critical => f,
            _ => self.fill,
        }
    }

    /// The name with its article ("an outage").
    pub fn with_article(&self) -> String {
        cat(&[self.article, " ", self.name])
    }
}

/// What an event's `impact` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Impact {
    /// Everyone was affected: the impact is 1 and the document may not give
    /// one. Its time counts in full, and it counts as an outage.
    Whole,
    /// The document gives the share affected, from 0 to 1; its time counts
    /// weighted by that share.
    Share,
    /// No user impact: the impact is 0, and the document may not give one.
    None,
}

/// How a kind is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarStyle {
    /// A full-height bar.
    Full,
    /// A full-height outline in its colour with the affected share filled
    /// from the bottom.
    Share,
    /// A thin bar.
    Thin,
    /// A diamond at an instant: the kind is a point, not a range.
    Diamond,
}

/// The colours kinds are drawn in, by name; each palette in `draw/theme.rs`
/// gives every one of them a colour, in the order they are painted, and
/// `Role::SETTABLE` the name a page sets it by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fill {
    /// Outage bars.
    Outage,
    /// Critical outage bars.
    OutageCritical,
    /// Degraded bars.
    Degraded,
    /// Maintenance bars.
    Maintenance,
    /// Activity bars.
    Activity,
    /// Milestone markers.
    Milestone,
}

impl Fill {
    /// Every fill.
    pub const ALL: [Fill; 6] = [
        Fill::Outage,
        Fill::OutageCritical,
        Fill::Degraded,
        Fill::Maintenance,
        Fill::Activity,
        Fill::Milestone,
    ];

    /// The fill that a page's colour for this one follows when the page
    /// sets that one and not this (a page that recolours outages means
    /// critical ones too).
    pub fn follows(self) -> Option<Fill> {
        match self {
            Fill::OutageCritical => Some(Fill::Outage),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_read_back() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_name(k.as_str()), Some(*k));
            assert_eq!(Kind::ALL.iter().filter(|o| *o == k).count(), 1);
        }
        assert_eq!(Kind::from_name("outages"), None);
        assert!(Kind::OUTAGE < Kind::MILESTONE);
    }

    #[test]
    fn every_fill_a_kind_uses_is_listed() {
        for k in Kind::ALL {
            let s = k.spec();
            assert!(Fill::ALL.contains(&s.fill));
            assert!(s.critical_fill.is_none_or(|f| Fill::ALL.contains(&f)));
            assert_eq!(k.is_point(), s.bar == BarStyle::Diamond);
        }
    }
}
