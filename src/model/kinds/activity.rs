//! Activity: work in progress, such as an investigation or a migration. A
//! thin bar with its label beside it; its stretches may be compressed.

use super::{BarStyle, Fill, Impact, Kind, KindSpec};
use crate::model::Severity;

static SPEC: KindSpec = KindSpec {
    name: "activity",
    label: "Activity",
    article: "an",
    impact: Impact::None,
    default_severity: Severity::None,
    busy: false,
    fill: Fill::Activity,
    critical_fill: None,
    bar: BarStyle::Thin,
    label_inside: false,
    legend: "Activity",
    unstated_legend: "",
    critical_legend: "",
};

impl Kind {
    /// Work in progress: investigation, migration.
    pub const ACTIVITY: Kind = Kind(&SPEC);
}
