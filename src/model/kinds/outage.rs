//! Outage: users could not use the service. Counts in full as downtime;
//! critical ones have a darker colour of their own.

use super::{BarStyle, Fill, Impact, Kind, KindSpec};
use crate::model::Severity;

static SPEC: KindSpec = KindSpec {
    name: "outage",
    label: "Outage",
    article: "an",
    impact: Impact::Whole,
    default_severity: Severity::Major,
    busy: true,
    fill: Fill::Outage,
    critical_fill: Some(Fill::OutageCritical),
    bar: BarStyle::Full,
    label_inside: true,
    legend: "Outage",
    unstated_legend: "",
    critical_legend: "Critical outage",
};

impl Kind {
    /// Users could not use the service.
    pub const OUTAGE: Kind = Kind(&SPEC);
}
