//! Maintenance: planned work. No downtime of its own, but busy time: the
//! axis never compresses it away.

use super::{BarStyle, Fill, Impact, Kind, KindSpec};
use crate::model::Severity;

static SPEC: KindSpec = KindSpec {
    name: "maintenance",
    label: "Maintenance",
    article: "a",
    impact: Impact::None,
    default_severity: Severity::None,
    busy: true,
    fill: Fill::Maintenance,
    critical_fill: None,
    bar: BarStyle::Full,
    label_inside: true,
    legend: "Maintenance",
    unstated_legend: "",
    critical_legend: "",
};

impl Kind {
    /// Planned work.
    pub const MAINTENANCE: Kind = Kind(&SPEC);
}
