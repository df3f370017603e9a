//! Atlassian Statuspage, public API v2: `incidents.json` (`{page, incidents}`),
//! one incident (`{page, incident}`), `summary.json` (`{page, components,
//! incidents, scheduled_maintenances, status}`), `scheduled-maintenances.json`
//! (`{page, scheduled_maintenances}`) and the 2016 summary shapes (incidents
//! with `postmortem_body`, `backfilled`, maintenances inside `incidents`).
//!
//! A component's ranges are folded from the updates' `affected_components`
//! (`old_status` → `new_status` at `display_at`, oldest update first). An
//! incident without any non-operational status there (most real ones) is
//! drawn as its whole span on each component it names, its kind from its
//! `impact`. Updates become milestones on the "Updates" lane.
//! docs/importers.md has the tables.

use super::build::{incident_name, Collector, Draft, IncidentDraft, LaneRef, Named, Role, Trust};
use super::read::{describe, index, join, Ctx};
use super::text;
use crate::model::{Kind, Link, Severity};
use crate::parse::limits::MAX_URL_CHARS;
use crate::problem::{Problem, Problems};
use crate::time::{Instant, Zone};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// A component's status, as Statuspage names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Operational,
    DegradedPerformance,
    PartialOutage,
    MajorOutage,
    UnderMaintenance,
}

const STATUS_NAMES: &str =
    "operational, degraded_performance, partial_outage, major_outage, under_maintenance";

impl Status {
    fn from_name(s: &str) -> Option<Status> {
        Some(match s {
            "operational" => Status::Operational,
            "degraded_performance" => Status::DegradedPerformance,
            "partial_outage" => Status::PartialOutage,
            "major_outage" => Status::MajorOutage,
            "under_maintenance" => Status::UnderMaintenance,
            _ => return None,
        })
    }

    fn label(self) -> &'static str {
        match self {
            Status::Operational => "Operational",
            Status::DegradedPerformance => "Degraded performance",
            Status::PartialOutage => "Partial outage",
            Status::MajorOutage => "Major outage",
            Status::UnderMaintenance => "Under maintenance",
        }
    }

    /// The kind and severity of a range in this status; a major outage is
    /// critical when the incident's impact is.
    fn kind(self, critical: bool) -> Option<(Kind, Severity)> {
        Some(match self {
            Status::Operational => return None,
            Status::DegradedPerformance => (Kind::DEGRADED, Severity::Minor),
            Status::PartialOutage => (Kind::DEGRADED, Severity::Major),
            Status::MajorOutage if critical => (Kind::OUTAGE, Severity::Critical),
            Status::MajorOutage => (Kind::OUTAGE, Severity::Major),
            Status::UnderMaintenance => (Kind::MAINTENANCE, Severity::None),
        })
    }
}

/// An incident's or maintenance's status word, for an update's title.
fn status_word(status: Option<&str>) -> String {
    status
        .and_then(text::title)
        .map(|s| text::humanize(&s))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "Update".into())
}

/// A link, if `url` is an absolute http(s) address a timeline accepts.
pub(crate) fn http_link(url: &str, label: &str) -> Option<Link> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let ok = !rest.is_empty()
        && !rest.starts_with('/')
        && url.chars().count() <= MAX_URL_CHARS
        && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    ok.then(|| Link {
        url: url.to_string(),
        label: Some(label.to_string()),
    })
}

/// Reads the page's name, address and time zone.
pub(crate) fn page(ctx: &mut Ctx, c: &mut Collector, m: &Map<String, Value>) {
    let Some(p) = m.get("page") else {
        return;
    };
    let Some(pm) = ctx.object(p, "page", "\"page\"") else {
        return;
    };
    let name = ctx.str(pm, "page", "name").and_then(text::title);
    let url = ctx
        .str(pm, "page", "url")
        .and_then(|u| http_link(u, "Status page"))
        .map(|l| l.url);
    c.page(name, url);
    if let Some(tz) = ctx.str(pm, "page", "time_zone") {
        match Zone::named(tz.trim()) {
            Ok(z) => match &c.zone {
                None => c.zone = Some(z),
                Some(first) if *first != z => ctx.warn(
                    "page.time_zone",
                    format!(
                        "time zone {} differs from the first document's ({}); the timeline is shown in {}",
                        z.name(),
                        first.name(),
                        first.name()
                    ),
                ),
                Some(_) => {}
            },
            Err(msg) => ctx.warn("page.time_zone", format!("{msg}; the timeline is shown in UTC")),
        }
    }
}

/// Reads a Statuspage document into `c`. Fails only when the document is
/// not one: not an object, or its lists are not lists.
pub(crate) fn read(doc: &Value, ctx: &mut Ctx, c: &mut Collector) -> Result<(), Problems> {
    let Value::Object(m) = doc else {
        return Err(Problems::one(Problem::at(
            ctx.full_path(""),
            format!(
                "a Statuspage document is an object with \"page\" and \"incidents\", \"incident\" or \"scheduled_maintenances\", not {}",
                describe(doc)
            ),
        )));
    };
    let mut errors = Vec::new();
    let mut list = |ctx: &mut Ctx, key: &str| -> Option<&Vec<Value>> {
        match m.get(key) {
            Some(Value::Array(items)) => Some(items),
            None | Some(Value::Null) => None,
            Some(other) => {
                errors.push(Problem::at(
                    ctx.full_path(key),
                    format!("\"{key}\" must be an array, not {}", describe(other)),
                ));
                None
            }
        }
    };
    let components = list(ctx, "components");
    let incidents = list(ctx, "incidents");
    let maintenances = list(ctx, "scheduled_maintenances");
    let single = match m.get("incident") {
        Some(v @ Value::Object(_)) => Some(v),
        None | Some(Value::Null) => None,
        Some(other) => {
            errors.push(Problem::at(
                ctx.full_path("incident"),
                format!("\"incident\" must be an object, not {}", describe(other)),
            ));
            None
        }
    };
    if errors.is_empty()
        && [
            "components",
            "incidents",
            "scheduled_maintenances",
            "incident",
        ]
        .iter()
        .all(|k| !m.contains_key(*k))
    {
        errors.push(Problem::at(
            ctx.full_path(""),
            "this Statuspage document has no \"incidents\", \"incident\", \"scheduled_maintenances\" or \"components\" to import",
        ));
    }
    if !errors.is_empty() {
        return Err(Problems(errors));
    }
    page(ctx, c, m);
    for (i, v) in components.into_iter().flatten().enumerate() {
        component(ctx, c, v, &index("components", i), Trust::Page);
    }
    for (i, v) in incidents.into_iter().flatten().enumerate() {
        incident(ctx, c, v, &index("incidents", i), false);
    }
    if let Some(v) = single {
        incident(ctx, c, v, "incident", false);
    }
    for (i, v) in maintenances.into_iter().flatten().enumerate() {
        incident(ctx, c, v, &index("scheduled_maintenances", i), true);
    }
    Ok(())
}

/// Notes a component (and, for a group, its members); its key, if it has one.
fn component(
    ctx: &mut Ctx,
    c: &mut Collector,
    v: &Value,
    path: &str,
    trust: Trust,
) -> Option<String> {
    let m = ctx.object(v, path, "a component")?;
    let Some(key) = ctx.id(m, path, "id") else {
        ctx.warn(path, "the component has no id; skipped");
        return None;
    };
    let name = ctx.str(m, path, "name").and_then(text::title);
    let position = ctx.int(m, path, "position");
    let group = ctx.id(m, path, "group_id");
    c.components.note(&key, name, trust, position, group);
    if m.get("group") == Some(&Value::Bool(true)) {
        for (i, child) in ctx.array(m, path, "components").iter().enumerate() {
            match child {
                Value::String(id) => {
                    c.components
                        .note(id, None, Trust::Quoted, None, Some(key.clone()))
                }
                _ => ctx.warn(
                    &index(&join(path, "components"), i),
                    "a group's member should be a component id (a string); ignored",
                ),
            }
        }
    }
    Some(key)
}

/// One update, as read.
struct Update {
    at: Instant,
    order: usize,
    id: Option<String>,
    status: Option<String>,
    body: Option<String>,
    changes: Vec<Change>,
}

/// One `affected_components` entry.
struct Change {
    code: String,
    old: Option<Status>,
    new: Option<Status>,
}

fn component_status(
    ctx: &mut Ctx,
    m: &Map<String, Value>,
    path: &str,
    key: &str,
) -> Option<Status> {
    let s = ctx.str(m, path, key)?;
    let st = Status::from_name(s.trim());
    if st.is_none() {
        ctx.warn(
            &join(path, key),
            format!(
                "unknown component status \"{}\" (known: {STATUS_NAMES}); ignored",
                crate::time::timestamp::clip(s)
            ),
        );
    }
    st
}

fn updates(ctx: &mut Ctx, c: &mut Collector, m: &Map<String, Value>, path: &str) -> Vec<Update> {
    let list_path = join(path, "incident_updates");
    let mut out = Vec::new();
    for (i, v) in ctx.array(m, path, "incident_updates").iter().enumerate() {
        let up = index(&list_path, i);
        let Some(um) = ctx.object(v, &up, "an update") else {
            continue;
        };
        if matches!(um.get("display_at"), None | Some(Value::Null)) {
            ctx.warn(
                &join(&up, "display_at"),
                "the update has no display_at (when it was shown as happening); skipped: created_at is not used, imports and backfills rewrite it",
            );
            continue;
        }
        let Some(at) = ctx.time(um, &up, "display_at") else {
            continue;
        };
        let id = ctx.id(um, &up, "id");
        let status = ctx.str(um, &up, "status").map(str::to_string);
        let body = ctx.str(um, &up, "body").map(str::to_string);
        let mut changes = Vec::new();
        let ac_path = join(&up, "affected_components");
        for (j, av) in ctx.array(um, &up, "affected_components").iter().enumerate() {
            let ap = index(&ac_path, j);
            let Some(am) = ctx.object(av, &ap, "an affected component") else {
                continue;
            };
            let name = ctx.str(am, &ap, "name");
            let Some(code) = ctx.id(am, &ap, "code") else {
                // The "No components were affected by this update." placeholder.
                if !name.is_some_and(|n| n.trim_start().starts_with("No components")) {
                    ctx.warn(&ap, "an affected component without a \"code\"; ignored");
                }
                continue;
            };
            let name = name.and_then(text::title);
            c.components.note(&code, name, Trust::Quoted, None, None);
            let old = component_status(ctx, am, &ap, "old_status");
            let new = component_status(ctx, am, &ap, "new_status");
            changes.push(Change { code, old, new });
        }
        out.push(Update {
            at,
            order: i,
            id,
            status,
            body,
            changes,
        });
    }
    // Statuspage lists updates newest first; read them oldest first.
    ctx.oldest_first(&list_path, "display_at", &mut out, |u| (u.at, u.order));
    out
}

const FINISHED: [&str; 3] = ["resolved", "postmortem", "completed"];
const MAINTENANCE_STATUSES: [&str; 4] = ["scheduled", "in_progress", "verifying", "completed"];

/// The kind and severity of an incident's whole span, from its `impact`.
fn impact_kind(
    ctx: &mut Ctx,
    impact: Option<&str>,
    maintenance: bool,
    path: &str,
) -> (Kind, Severity) {
    if maintenance {
        return (Kind::MAINTENANCE, Severity::None);
    }
    match impact.map(str::trim) {
        Some("critical") => (Kind::OUTAGE, Severity::Critical),
        Some("major") => (Kind::OUTAGE, Severity::Major),
        Some("minor") => (Kind::DEGRADED, Severity::Minor),
        Some("maintenance") => (Kind::MAINTENANCE, Severity::None),
        Some("none") | None => (Kind::ACTIVITY, Severity::None),
        Some(other) => {
            ctx.warn(
                &join(path, "impact"),
                format!(
                    "unknown impact \"{}\" (known: none, minor, major, critical, maintenance); drawn as an activity",
                    crate::time::timestamp::clip(other)
                ),
            );
            (Kind::ACTIVITY, Severity::None)
        }
    }
}

/// Reads one incident or maintenance.
fn incident(ctx: &mut Ctx, c: &mut Collector, v: &Value, path: &str, listed_as_maintenance: bool) {
    let Some(m) = ctx.object(v, path, "an incident") else {
        return;
    };
    let given = ctx.id(m, path, "id");
    let (key, synthetic) = c.incident_key(ctx, given, path);
    let name = ctx.str(m, path, "name").and_then(text::title);
    let name = incident_name(ctx, name, path, "name", "name");
    let status = ctx
        .str(m, path, "status")
        .map(|s| s.trim().to_ascii_lowercase());
    let impact = ctx
        .str(m, path, "impact")
        .map(|s| s.trim().to_ascii_lowercase());
    let started = ctx.time(m, path, "started_at");
    let resolved = ctx.time(m, path, "resolved_at");
    let scheduled_for = ctx.time(m, path, "scheduled_for");
    let scheduled_until = ctx.time(m, path, "scheduled_until");
    let updated = ctx.time(m, path, "updated_at");
    let links: Vec<Link> = ctx
        .str(m, path, "shortlink")
        .and_then(|u| http_link(u, "Status page"))
        .into_iter()
        .collect();
    let postmortem = ctx
        .str(m, path, "postmortem_body")
        .and_then(text::html_detail);
    let maintenance = listed_as_maintenance
        || scheduled_for.is_some()
        || impact.as_deref() == Some("maintenance")
        || status
            .as_deref()
            .is_some_and(|s| MAINTENANCE_STATUSES.contains(&s));

    let mut named = Named::default();
    for (i, cv) in ctx.array(m, path, "components").iter().enumerate() {
        if let Some(k) = component(
            ctx,
            c,
            cv,
            &index(&join(path, "components"), i),
            Trust::Incident,
        ) {
            named.add(&k);
        }
    }
    let ups = updates(ctx, c, m, path);
    for ch in ups.iter().flat_map(|u| &u.changes) {
        named.add(&ch.code);
    }
    let non_operational = |s: &Option<Status>| s.is_some_and(|s| s != Status::Operational);
    let has_statuses = ups
        .iter()
        .flat_map(|u| &u.changes)
        .any(|ch| non_operational(&ch.old) || non_operational(&ch.new));

    let finished = match status.as_deref() {
        Some(s) => FINISHED.contains(&s),
        None => resolved.is_some(),
    };
    let first_update = ups.first().map(|u| u.at);
    let last_update = ups.last().map(|u| u.at);
    let end = match resolved {
        Some(r) => Some(r),
        None if finished && last_update.is_some() => {
            ctx.warn(
                &join(path, "resolved_at"),
                "the incident is finished but gives no resolved_at; it ends at its last update",
            );
            last_update
        }
        None => None,
    };

    let mut about = Vec::new();
    let facts: Vec<String> = [
        impact.as_deref().map(|i| format!("impact {i}")),
        status.as_deref().map(|s| format!("status {s}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !facts.is_empty() {
        about.push(format!("Statuspage {}.", facts.join(", ")));
    }
    if let Some(p) = &postmortem {
        about.push(format!("Postmortem:\n{p}"));
    }
    let detail = |how: String| -> Option<String> {
        let mut parts = vec![how];
        parts.extend(about.iter().cloned());
        Some(parts.join("\n\n"))
    };
    let critical = impact.as_deref() == Some("critical");
    let lanes: Vec<LaneRef> = if named.is_empty() {
        vec![if maintenance {
            LaneRef::Maintenance
        } else {
            LaneRef::Incidents
        }]
    } else {
        named.list.iter().cloned().map(LaneRef::Component).collect()
    };

    let mut events = Vec::new();
    if maintenance {
        if let Some(from) = scheduled_for {
            let until = match scheduled_until {
                Some(u) if u < from => {
                    ctx.warn(
                        &join(path, "scheduled_until"),
                        "scheduled_until is before scheduled_for; the window is drawn as a moment",
                    );
                    from
                }
                Some(u) => u,
                None => from,
            };
            for lane in &lanes {
                events.push(Draft::span(
                    lane.clone(),
                    Kind::MAINTENANCE,
                    Severity::None,
                    from,
                    Some(until),
                    &format!("{name} (scheduled)"),
                    detail(
                        "The announced maintenance window (scheduled_for to scheduled_until)."
                            .into(),
                    ),
                    &links,
                    Role::Scheduled,
                ));
            }
        }
    }
    // Backfilled incidents may have started_at when they were posted, after
    // resolved_at: then they start at their first update.
    let begun = match (started, end) {
        (Some(s), Some(e)) if e < s => {
            ctx.warn(
                &join(path, "started_at"),
                "started_at is after resolved_at (the incident was posted afterwards); it starts at its first update instead",
            );
            Some(first_update.filter(|f| *f <= e).unwrap_or(e))
        }
        (s, _) => s.or(first_update),
    };
    let start = if maintenance {
        // A maintenance's started_at is often when it was announced.
        None
    } else {
        begun
    };
    if has_statuses {
        let from = begun.or(first_update).unwrap_or(Instant::MAX);
        events.extend(fold(
            &ups, from, end, critical, &name, &links, &detail, ctx, path,
        ));
    } else if maintenance {
        let began = ups
            .iter()
            .find(|u| matches!(u.status.as_deref(), Some("in_progress" | "verifying")));
        if let Some(b) = began {
            let done = ups
                .iter()
                .find(|u| u.at >= b.at && u.status.as_deref() == Some("completed"))
                .map(|u| u.at)
                .or(if finished { end } else { None });
            let done = done.map(|d| d.max(b.at));
            for lane in &lanes {
                events.push(Draft::span(
                    lane.clone(),
                    Kind::MAINTENANCE,
                    Severity::None,
                    b.at,
                    done,
                    &name,
                    detail("The maintenance as it happened: from its first in-progress update to its completion.".into()),
                    &links,
                    Role::Main,
                ));
            }
        } else if scheduled_for.is_none() {
            match begun {
                Some(s) => events.extend(whole_span(ctx, &lanes, (Kind::MAINTENANCE, Severity::None), s, end, &name, &links, &detail, path)),
                None => ctx.warn(path, "the maintenance has no window (scheduled_for), no start and no updates; skipped"),
            }
        }
    } else {
        match start {
            Some(s) => {
                let kind = impact_kind(ctx, impact.as_deref(), false, path);
                events.extend(whole_span(ctx, &lanes, kind, s, end, &name, &links, &detail, path));
            }
            None => ctx.warn(
                path,
                "the incident has no start (no started_at and no update with a display_at); skipped",
            ),
        }
    }
    if events.is_empty() && ups.is_empty() {
        return;
    }
    for (i, u) in ups.iter().enumerate() {
        events.push(Draft::update(
            u.at,
            status_word(u.status.as_deref()),
            &name,
            u.body.as_deref().and_then(text::html_detail),
            u.id.clone().unwrap_or_else(|| format!("update-{i}")),
        ));
    }
    let full_path = ctx.full_path(path);
    c.add(
        ctx,
        IncidentDraft {
            path: full_path,
            key,
            synthetic,
            doc: c.doc,
            name,
            updated,
            maintenance,
            events,
        },
    );
}

/// The incident's whole span on each lane (a milestone when it took no time).
#[allow(clippy::too_many_arguments)]
fn whole_span(
    ctx: &mut Ctx,
    lanes: &[LaneRef],
    (kind, severity): (Kind, Severity),
    start: Instant,
    end: Option<Instant>,
    name: &str,
    links: &[Link],
    detail: &dyn Fn(String) -> Option<String>,
    path: &str,
) -> Vec<Draft> {
    let end = match end {
        Some(e) if e < start => {
            ctx.warn(
                &join(path, "resolved_at"),
                "the incident ends before it starts; drawn as a moment at its start",
            );
            Some(start)
        }
        e => e,
    };
    let how = if end == Some(start) {
        "The incident took no time (it started when it was resolved): drawn as a moment."
            .to_string()
    } else {
        format!(
            "The incident's whole span, drawn as {}: the kind comes from the incident's impact, as the feed gives no component status for it.",
            super::build::kind_words(kind)
        )
    };
    lanes
        .iter()
        .map(|lane| {
            Draft::span(
                lane.clone(),
                kind,
                severity,
                start,
                end,
                name,
                detail(how.clone()),
                links,
                Role::Main,
            )
        })
        .collect()
}

/// Ranges folded from the updates' component transitions, oldest first. A
/// component first seen leaving a status it was already in (`old_status`
/// not operational) is in it from the incident's start. When `old_status`
/// disagrees with what the updates before said (the status was changed
/// without an update), the change is drawn at the previous update that named
/// the component. Ranges still open at the end close when the incident does
/// (or stay ongoing).
#[allow(clippy::too_many_arguments)]
fn fold(
    ups: &[Update],
    start: Instant,
    end: Option<Instant>,
    critical: bool,
    name: &str,
    links: &[Link],
    detail: &dyn Fn(String) -> Option<String>,
    ctx: &mut Ctx,
    path: &str,
) -> Vec<Draft> {
    struct Open {
        status: Status,
        from: Instant,
        /// Its start is the update before an unposted change.
        inferred: bool,
    }
    struct State {
        now: Status,
        seen: Instant,
        open: Option<Open>,
    }
    let close = |out: &mut Vec<Draft>, code: &str, open: Open, to: Option<Instant>| {
        let Some((kind, severity)) = open.status.kind(critical) else {
            return;
        };
        let how = if open.inferred {
            format!(
                "{}: the component's status in the incident's updates (the change to it was not posted in an update: drawn from the update before).",
                open.status.label()
            )
        } else {
            format!(
                "{}: the component's status in the incident's updates.",
                open.status.label()
            )
        };
        out.push(Draft::span(
            LaneRef::Component(code.to_string()),
            kind,
            severity,
            open.from,
            to,
            name,
            detail(how),
            links,
            Role::Main,
        ));
    };
    let mut states: HashMap<&str, State> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for u in ups {
        for ch in &u.changes {
            let code = ch.code.as_str();
            let state = states.entry(code).or_insert_with(|| {
                order.push(code);
                let initial = ch.old.unwrap_or(Status::Operational);
                State {
                    now: initial,
                    seen: u.at,
                    open: (initial != Status::Operational).then(|| Open {
                        status: initial,
                        from: start.min(u.at),
                        inferred: false,
                    }),
                }
            });
            // An unposted change: to `old` at the previous update.
            if let Some(old) = ch.old.filter(|o| *o != state.now) {
                let at = state.seen;
                if let Some(open) = state.open.take() {
                    if open.from < at {
                        close(&mut out, code, open, Some(at));
                    }
                }
                state.now = old;
                if old != Status::Operational {
                    state.open = Some(Open {
                        status: old,
                        from: at,
                        inferred: true,
                    });
                }
            }
            state.seen = u.at;
            let Some(new) = ch.new else {
                continue;
            };
            if new != state.now {
                if let Some(open) = state.open.take() {
                    close(&mut out, code, open, Some(u.at));
                }
                state.now = new;
                if new != Status::Operational {
                    state.open = Some(Open {
                        status: new,
                        from: u.at,
                        inferred: false,
                    });
                }
            }
        }
    }
    let mut warned = false;
    for code in order {
        if let Some(open) = states.get_mut(code).and_then(|s| s.open.take()) {
            let to = match end {
                Some(e) if e < open.from => {
                    if !warned {
                        ctx.warn(
                            &join(path, "resolved_at"),
                            "the incident is resolved before its last component change; that range ends where it starts",
                        );
                        warned = true;
                    }
                    Some(open.from)
                }
                e => e,
            };
            close(&mut out, code, open, to);
        }
    }
    out
}
