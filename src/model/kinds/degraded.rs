//! Degraded: some users or requests were affected; the event says what
//! share. Drawn as an outline filled to that share, counted weighted by it.

use super::{BarStyle, Fill, Impact, Kind, KindSpec};
use crate::model::Severity;

static SPEC: KindSpec = KindSpec {
    name: "degraded",
    label: "Degraded",
    article: "a",
    impact: Impact::Share,
    default_severity: Severity::Minor,
    busy: true,
    fill: Fill::Degraded,
    critical_fill: None,
    bar: BarStyle::Share,
    label_inside: true,
    legend: "Degraded (height = share affected)",
    unstated_legend: "Degraded (share not stated)",
    critical_legend: "",
};

impl Kind {
    /// Some users or requests were affected (see `Event::impact`).
    pub const DEGRADED: Kind = Kind(&SPEC);
}
