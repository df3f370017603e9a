//! The English words: the key set every other language's table
//! (`locales/<tag>.json`) has exactly. The kinds' own words (`kind.<name>`,
//! `legend.<name>`, `legend.<name>.critical`, `legend.<name>.unstated`) come
//! from their `KindSpec`s, so they are written once. `{name}` places are
//! filled in by the core; each language keeps them.

use crate::model::Kind;
use crate::template::part;

/// Every English word, by key.
pub const WORDS: [(&str, &str); 86] = [
    // The summary line under the title.
    ("summary.none", "No events"),
    ("summary.sentence", "{summary}."),
    ("summary.downtime", "User-facing downtime {duration}"),
    ("summary.outages.one", "{n} outage"),
    ("summary.outages.other", "{n} outages"),
    ("summary.spanning", "spanning {duration}"),
    ("summary.ongoing", "ongoing"),
    ("summary.outage", "Outage {duration} ({outages})"),
    ("summary.noOutage", "No outage"),
    ("summary.degraded", "degraded {duration} (share not stated)"),
    ("summary.noImpact", "No outage or degraded time stated"),
    // Lanes the post-mortem reader makes, by what their entries are about.
    ("lane.impact", "Impact"),
    ("lane.maintenance", "Maintenance"),
    ("lane.response", "Response"),
    ("lane.communication", "Communication"),
    ("lane.other", "Other"),
    ("lane.timeline", "Timeline"),
    // Durations: "1 h 28 min".
    ("duration.days", "{n} d"),
    ("duration.hours", "{n} h"),
    ("duration.minutes", "{n} min"),
    ("duration.seconds", "{n} s"),
    ("duration.join", " "),
    // Ranges of time.
    ("range", "{start} – {end}"),
    ("range.ongoing", "{start} – ongoing"),
    ("range.short", "{start}–{end}"),
    // Times on the chart's events: "8:24–8:49 AM · 25 min", "since 8:24 AM · ongoing".
    ("times.separator", " · "),
    ("times.since", "since {start}"),
    // One event: the tooltip, the details, the table, the screen reader.
    ("event.withSeverity", "{kind} ({severity})"),
    ("severity.minor", "minor"),
    ("severity.major", "major"),
    ("severity.critical", "critical"),
    ("event.ongoing", "ongoing"),
    ("event.ongoingFor", "ongoing for {duration}"),
    ("event.impact", "{percent} affected"),
    ("event.shareNotStated", "share not stated"),
    ("event.sentence", "{kind}, {lane}: {title}. {when}{more}."),
    ("event.more", ", {text}"),
    // The axis and its caption.
    ("axis.utc", "Times in UTC"),
    ("axis.zone", "Times in {zone} ({offsets})"),
    ("axis.zoneOnly", "Times in {zone}"),
    ("axis.seconds.one", "Time axis: ticks every second"),
    ("axis.seconds.other", "Time axis: ticks every {n} seconds"),
    ("axis.minutes.one", "Time axis: ticks every minute"),
    ("axis.minutes.other", "Time axis: ticks every {n} minutes"),
    ("axis.hours.one", "Time axis: ticks every hour"),
    ("axis.hours.other", "Time axis: ticks every {n} hours"),
    ("axis.days.one", "Time axis: ticks every day"),
    ("axis.days.other", "Time axis: ticks every {n} days"),
    ("axis.weeks.one", "Time axis: ticks every week"),
    ("axis.weeks.other", "Time axis: ticks every {n} weeks"),
    ("axis.months.one", "Time axis: ticks every month"),
    ("axis.months.other", "Time axis: ticks every {n} months"),
    ("axis.years.one", "Time axis: ticks every year"),
    ("axis.years.other", "Time axis: ticks every {n} years"),
    // The chart.
    ("chart.title", "Incident timeline"),
    ("chart.role", "incident timeline"),
    ("chart.empty", "This timeline has no events yet."),
    (
        "chart.hint",
        "Arrow keys move between events, Enter opens details, plus and minus zoom, 0 resets.",
    ),
    ("legend.break", "Quiet time cut out (same scale)"),
    // The list under a chart whose outages' times find no room on it.
    ("list.heading", "When users were affected"),
    ("list.more", "and {n} more"),
    ("lane.overlapping", "{n} overlapping"),
    ("lane.overlap", "{n} overlap"),
    // The toolbar.
    ("toolbar.zoomIn", "Zoom in"),
    ("toolbar.zoomOut", "Zoom out"),
    ("toolbar.reset", "Reset"),
    ("toolbar.resetTitle", "Show everything"),
    ("toolbar.table", "Table"),
    ("toolbar.zone", "Time zone"),
    ("zone.page", "{zone} (page)"),
    ("zone.timeline", "{zone} (timeline)"),
    ("zone.timelineDefault", "Timeline zone"),
    ("zone.local", "Your time zone"),
    // The details panel.
    ("details.when", "When"),
    ("details.close", "Close details"),
    ("details.copy", "Copy link"),
    ("details.copied", "Link copied"),
    // The table of events (also the details panel's Duration, Impact, Lane).
    ("table.caption", "{title}: every event"),
    ("table.lane", "Lane"),
    ("table.kind", "Kind"),
    ("table.event", "Event"),
    ("table.start", "Start"),
    ("table.end", "End"),
    ("table.duration", "Duration"),
    ("table.impact", "Impact"),
    // The error box (the problems themselves stay in English).
    (
        "error.heading",
        "This incident timeline could not be shown.",
    ),
];

/// The English word for `key`: from [`WORDS`], or a kind's from its spec.
pub fn word(key: &str) -> Option<&'static str> {
    if let Some((_, w)) = WORDS.iter().find(|(k, _)| *k == key) {
        return Some(w);
    }
    let what = part(key, b".", 0)?;
    let spec = Kind::from_name(part(key, b".", 1)?)?.spec();
    let variant = part(key, b".", 2).unwrap_or_default();
    let w = match (what, variant) {
        ("kind", "") => spec.label,
        ("legend", "") => spec.legend,
        ("legend", "critical") => spec.critical_legend,
        ("legend", "unstated") => spec.unstated_legend,
        _ => "",
    };
    (!w.is_empty()).then_some(w)
}

/// Every key, [`WORDS`]' then the kinds', with its English word.
pub fn all() -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> =
        WORDS.iter().map(|(k, w)| (k.to_string(), *w)).collect();
    for kind in Kind::ALL {
        let name = kind.as_str();
        for key in [
            format!("kind.{name}"),
            format!("legend.{name}"),
            format!("legend.{name}.critical"),
            format!("legend.{name}.unstated"),
        ] {
            if let Some(w) = word(&key) {
                out.push((key, w));
            }
        }
    }
    out
}
