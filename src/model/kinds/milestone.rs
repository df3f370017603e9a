//! Milestone: a point in time, such as a decision or a finding. Written
//! with `at`, drawn as a diamond.

use super::{BarStyle, Fill, Impact, Kind, KindSpec};
use crate::model::Severity;

static SPEC: KindSpec = KindSpec {
    name: "milestone",
    label: "Milestone",
    article: "a",
    impact: Impact::None,
    default_severity: Severity::None,
    busy: false,
    fill: Fill::Milestone,
    critical_fill: None,
    bar: BarStyle::Diamond,
    label_inside: false,
    legend: "Milestone",
    unstated_legend: "",
    critical_legend: "",
};

impl Kind {
    /// A point in time: a decision, a finding.
    pub const MILESTONE: Kind = Kind(&SPEC);
}
