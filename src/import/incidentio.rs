//! incident.io status pages. Three shapes, alone or together:
//!
//! - the page's own `/proxy/<host>/incidents` (`{incidents: [{id, name,
//!   status, type, published_at, updates, component_impacts,
//!   status_summaries, affected_components}]}`);
//! - `/proxy/<host>/component_impacts` (`{component_impacts, component_uptimes}`,
//!   sometimes with `incident_links`);
//! - the documented widget API, `/api/v1/summary` (`{page_title, page_url,
//!   ongoing_incidents, in_progress_maintenances, scheduled_maintenances}`);
//!
//! plus the page itself, `/proxy/<host>` (`{summary: {components,
//! structure}}`), which only names and orders the components (import it
//! together with one of the others).
//!
//! `component_impacts` are ranges already; without them, ranges come from
//! the updates' `component_statuses`, else from the incident's span.

use super::build::{
    incident_name, Collector, Draft, IncidentDraft, LaneRef, Named, Role, Trust, UNTITLED,
};
use super::read::{describe, index, join, Ctx};
use super::statuspage::http_link;
use super::text;
use crate::model::{Kind, Link, Severity};
use crate::problem::{Problem, Problems};
use crate::time::Instant;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// A component status, in incident.io's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    Operational,
    UnderMaintenance,
    DegradedPerformance,
    PartialOutage,
    FullOutage,
}

const STATUS_NAMES: &str =
    "operational, degraded_performance, partial_outage, full_outage, under_maintenance";

impl Status {
    fn from_name(s: &str) -> Option<Status> {
        Some(match s {
            "operational" => Status::Operational,
            "degraded_performance" => Status::DegradedPerformance,
            "partial_outage" => Status::PartialOutage,
            // Statuspage's word, seen in incident.io's Statuspage-compatible API.
            "full_outage" | "major_outage" => Status::FullOutage,
            "under_maintenance" => Status::UnderMaintenance,
            _ => return None,
        })
    }

    fn label(self) -> &'static str {
        match self {
            Status::Operational => "Operational",
            Status::DegradedPerformance => "Degraded performance",
            Status::PartialOutage => "Partial outage",
            Status::FullOutage => "Full outage",
            Status::UnderMaintenance => "Under maintenance",
        }
    }

    fn kind(self) -> Option<(Kind, Severity)> {
        Some(match self {
            Status::Operational => return None,
            Status::DegradedPerformance => (Kind::DEGRADED, Severity::Minor),
            Status::PartialOutage => (Kind::DEGRADED, Severity::Major),
            Status::FullOutage => (Kind::OUTAGE, Severity::Major),
            Status::UnderMaintenance => (Kind::MAINTENANCE, Severity::None),
        })
    }
}

/// A string field, where the page's own serialisation may write `"$undefined"`
/// for a missing value.
fn string<'v>(ctx: &mut Ctx, m: &'v Map<String, Value>, path: &str, key: &str) -> Option<&'v str> {
    ctx.str(m, path, key).filter(|s| *s != "$undefined")
}

fn id(ctx: &mut Ctx, m: &Map<String, Value>, path: &str, key: &str) -> Option<String> {
    ctx.id(m, path, key).filter(|s| s != "$undefined")
}

fn status(ctx: &mut Ctx, m: &Map<String, Value>, path: &str, key: &str) -> Option<Status> {
    let s = string(ctx, m, path, key)?;
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

fn time(ctx: &mut Ctx, m: &Map<String, Value>, path: &str, key: &str) -> Option<Instant> {
    let s = string(ctx, m, path, key)?;
    ctx.time_text(s, &join(path, key))
}

/// The keys that make a document incident.io's.
pub(crate) const KEYS: [&str; 8] = [
    "incidents",
    "component_impacts",
    "summary",
    "page_title",
    "ongoing_incidents",
    "in_progress_maintenances",
    "scheduled_maintenances",
    "structure",
];

/// Reads an incident.io document into `c`.
pub(crate) fn read(doc: &Value, ctx: &mut Ctx, c: &mut Collector) -> Result<(), Problems> {
    let Value::Object(m) = doc else {
        return Err(Problems::one(Problem::at(
            ctx.full_path(""),
            format!(
                "an incident.io document is an object (with \"incidents\", \"component_impacts\", \"summary\" or \"ongoing_incidents\"), not {}",
                describe(doc)
            ),
        )));
    };
    let mut errors = Vec::new();
    for key in KEYS {
        let want_object = matches!(key, "summary" | "structure");
        match m.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::Object(_)) if want_object => {}
            Some(Value::Array(_)) if !want_object => {}
            Some(Value::String(_)) if key == "page_title" => {}
            Some(other) => errors.push(Problem::at(
                ctx.full_path(key),
                format!(
                    "\"{key}\" must be {}, not {}",
                    if want_object {
                        "an object"
                    } else if key == "page_title" {
                        "a string"
                    } else {
                        "an array"
                    },
                    describe(other)
                ),
            )),
        }
    }
    if errors.is_empty() && !KEYS.iter().any(|k| m.contains_key(*k)) {
        errors.push(Problem::at(
            ctx.full_path(""),
            "this incident.io document has no \"incidents\", \"component_impacts\", \"summary\" or \"ongoing_incidents\" to import",
        ));
    }
    if !errors.is_empty() {
        return Err(Problems(errors));
    }

    // The page: its name, and the components in its order.
    if let Some(Value::Object(s)) = m.get("summary") {
        page(ctx, c, s, "summary");
    } else if m.contains_key("structure") {
        page(ctx, c, m, "");
    }
    if m.contains_key("page_title") || m.contains_key("page_url") {
        let name = string(ctx, m, "", "page_title").and_then(text::title);
        let url = string(ctx, m, "", "page_url")
            .and_then(|u| http_link(u, "Status page"))
            .map(|l| l.url);
        c.page(name, url);
    }

    for (i, v) in ctx.array(m, "", "incidents").iter().enumerate() {
        incident(ctx, c, v, &index("incidents", i));
    }
    let links = incident_links(ctx, m, "");
    impacts(ctx, c, m, "", &links);
    widget(ctx, c, m);
    Ok(())
}

/// The page (`/proxy/<host>`'s `summary`): its name and the components in
/// its order (its `structure`, groups with their members).
fn page(ctx: &mut Ctx, c: &mut Collector, s: &Map<String, Value>, path: &str) {
    let name = string(ctx, s, path, "name").and_then(text::title);
    let url = string(ctx, s, path, "public_url")
        .and_then(|u| http_link(u, "Status page"))
        .map(|l| l.url);
    c.page(name, url);
    let items_path = join(&join(path, "structure"), "items");
    if let Some(st) = s.get("structure") {
        if let Some(sm) = ctx.object(st, &join(path, "structure"), "\"structure\"") {
            for (i, item) in ctx
                .array(sm, &join(path, "structure"), "items")
                .iter()
                .enumerate()
            {
                let ip = index(&items_path, i);
                let Some(im) = ctx.object(item, &ip, "a structure item") else {
                    continue;
                };
                let pos = Some(i as i64);
                if let Some(g) = im.get("group") {
                    let gp = join(&ip, "group");
                    let Some(gm) = ctx.object(g, &gp, "a group") else {
                        continue;
                    };
                    let gid = id(ctx, gm, &gp, "id").unwrap_or_else(|| format!("group-{i}"));
                    let gname = string(ctx, gm, &gp, "name").and_then(text::title);
                    c.components.note(&gid, gname, Trust::Page, pos, None);
                    for (j, cv) in ctx.array(gm, &gp, "components").iter().enumerate() {
                        let cp = index(&join(&gp, "components"), j);
                        let Some(cm) = ctx.object(cv, &cp, "a component") else {
                            continue;
                        };
                        let Some(cid) = id(ctx, cm, &cp, "component_id") else {
                            ctx.warn(&cp, "the component has no component_id; skipped");
                            continue;
                        };
                        let cname = string(ctx, cm, &cp, "name").and_then(text::title);
                        c.components.note(
                            &cid,
                            cname,
                            Trust::Page,
                            Some(j as i64),
                            Some(gid.clone()),
                        );
                    }
                } else if let Some(cv) = im.get("component") {
                    let cp = join(&ip, "component");
                    let Some(cm) = ctx.object(cv, &cp, "a component") else {
                        continue;
                    };
                    if let Some(cid) =
                        id(ctx, cm, &cp, "component_id").or_else(|| id(ctx, cm, &cp, "id"))
                    {
                        let cname = string(ctx, cm, &cp, "name").and_then(text::title);
                        c.components.note(&cid, cname, Trust::Page, pos, None);
                    }
                }
            }
        }
    }
    for (i, cv) in ctx.array(s, path, "components").iter().enumerate() {
        let cp = index(&join(path, "components"), i);
        let Some(cm) = ctx.object(cv, &cp, "a component") else {
            continue;
        };
        if let Some(cid) = id(ctx, cm, &cp, "id") {
            let cname = string(ctx, cm, &cp, "name").and_then(text::title);
            c.components.note(&cid, cname, Trust::Page, None, None);
        }
    }
    for (i, v) in ctx.array(s, path, "ongoing_incidents").iter().enumerate() {
        incident(ctx, c, v, &index(&join(path, "ongoing_incidents"), i));
    }
}

struct Update {
    at: Instant,
    order: usize,
    id: Option<String>,
    status: Option<String>,
    message: Option<String>,
    statuses: Vec<(String, Status)>,
}

fn updates(ctx: &mut Ctx, m: &Map<String, Value>, path: &str) -> Vec<Update> {
    let list = join(path, "updates");
    let mut out = Vec::new();
    for (i, v) in ctx.array(m, path, "updates").iter().enumerate() {
        let up = index(&list, i);
        let Some(um) = ctx.object(v, &up, "an update") else {
            continue;
        };
        let Some(at) = time(ctx, um, &up, "published_at") else {
            if !um.contains_key("published_at") {
                ctx.warn(
                    &join(&up, "published_at"),
                    "the update has no published_at; skipped",
                );
            }
            continue;
        };
        let mut statuses = Vec::new();
        let sp = join(&up, "component_statuses");
        for (j, sv) in ctx.array(um, &up, "component_statuses").iter().enumerate() {
            let p = index(&sp, j);
            let Some(sm) = ctx.object(sv, &p, "a component status") else {
                continue;
            };
            let (Some(cid), Some(st)) = (
                id(ctx, sm, &p, "component_id"),
                status(ctx, sm, &p, "status"),
            ) else {
                continue;
            };
            statuses.push((cid, st));
        }
        out.push(Update {
            at,
            order: i,
            id: id(ctx, um, &up, "id"),
            status: string(ctx, um, &up, "to_status").map(str::to_string),
            message: string(ctx, um, &up, "message_string").map(str::to_string),
            statuses,
        });
    }
    ctx.oldest_first(&list, "published_at", &mut out, |u| (u.at, u.order));
    out
}

fn status_word(s: Option<&str>) -> String {
    s.and_then(text::title)
        .map(|s| text::humanize(&s))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "Update".into())
}

fn is_resolution(s: Option<&str>) -> bool {
    matches!(s, Some("resolved" | "maintenance_complete" | "closed"))
}

/// A range on a component from a status (a milestone when it took no time).
#[allow(clippy::too_many_arguments)]
fn status_range(
    lane: LaneRef,
    st: Status,
    start: Instant,
    end: Option<Instant>,
    name: &str,
    how: &str,
    links: &[Link],
) -> Option<Draft> {
    let (kind, severity) = st.kind()?;
    Some(Draft::span(
        lane,
        kind,
        severity,
        start,
        end,
        name,
        Some(format!("{}: {how}", st.label())),
        links,
        Role::Main,
    ))
}

/// One incident of `/proxy/<host>/incidents` (or a page's ongoing incident).
fn incident(ctx: &mut Ctx, c: &mut Collector, v: &Value, path: &str) {
    let Some(m) = ctx.object(v, path, "an incident") else {
        return;
    };
    let given = id(ctx, m, path, "id");
    let (key, synthetic) = c.incident_key(ctx, given, path);
    let name = string(ctx, m, path, "name").and_then(text::title);
    let name = incident_name(ctx, name, path, "name", "name");
    let state = string(ctx, m, path, "status").map(|s| s.trim().to_ascii_lowercase());
    let maintenance = string(ctx, m, path, "type") == Some("maintenance")
        || state
            .as_deref()
            .is_some_and(|s| s.starts_with("maintenance"));
    let published = time(ctx, m, path, "published_at");
    let links: Vec<Link> = string(ctx, m, path, "url")
        .and_then(|u| http_link(u, "Status page"))
        .into_iter()
        .collect();
    let ups = updates(ctx, m, path);

    // The components it names.
    let mut named = Named::default();
    let mut worst: Option<Status> = None;
    let ap = join(path, "affected_components");
    for (i, av) in ctx.array(m, path, "affected_components").iter().enumerate() {
        let p = index(&ap, i);
        let Some(am) = ctx.object(av, &p, "an affected component") else {
            continue;
        };
        let Some(cid) = id(ctx, am, &p, "component_id").or_else(|| id(ctx, am, &p, "id")) else {
            ctx.warn(&p, "an affected component without a component_id; ignored");
            continue;
        };
        let cname = string(ctx, am, &p, "name").and_then(text::title);
        c.components.note(&cid, cname, Trust::Quoted, None, None);
        if let Some(st) = status(ctx, am, &p, "status") {
            worst = worst.max(Some(st));
        }
        named.add(&cid);
    }

    // Its span, from the status summaries, else its updates.
    let mut span_start: Option<Instant> = None;
    let mut span_end: Option<Option<Instant>> = None;
    let sp = join(path, "status_summaries");
    for (i, sv) in ctx.array(m, path, "status_summaries").iter().enumerate() {
        let p = index(&sp, i);
        let Some(sm) = ctx.object(sv, &p, "a status summary") else {
            continue;
        };
        let Some(s) = time(ctx, sm, &p, "start_at") else {
            continue;
        };
        let e = time(ctx, sm, &p, "end_at");
        if let Some(st) = status(ctx, sm, &p, "worst_component_status") {
            worst = worst.max(Some(st));
        }
        span_start = Some(span_start.map_or(s, |x| x.min(s)));
        span_end = Some(match (span_end, e) {
            (Some(None), _) | (_, None) => None,
            (Some(Some(a)), Some(b)) => Some(a.max(b)),
            (None, Some(b)) => Some(b),
        });
    }
    let resolved_at = ups
        .iter()
        .find(|u| is_resolution(u.status.as_deref()))
        .map(|u| u.at);
    let finished = is_resolution(state.as_deref()) || resolved_at.is_some();
    let start = span_start.or(published).or(ups.first().map(|u| u.at));
    let end = match span_end {
        Some(e) => e,
        None => resolved_at.or(if finished {
            ups.last().map(|u| u.at)
        } else {
            None
        }),
    };

    let mut events: Vec<Draft> = Vec::new();
    // 1. component_impacts: ranges as the page itself draws them.
    let ip = join(path, "component_impacts");
    for (i, iv) in ctx.array(m, path, "component_impacts").iter().enumerate() {
        if let Some(d) = impact(ctx, c, iv, &index(&ip, i), &name, &links) {
            if let LaneRef::Component(k) = &d.lane {
                named.add(k);
            }
            events.push(d);
        }
    }
    // 2. else the updates' component statuses, folded.
    let has_statuses = ups
        .iter()
        .any(|u| u.statuses.iter().any(|(_, s)| *s != Status::Operational));
    if events.is_empty() && has_statuses {
        let mut open: HashMap<&str, (Status, Instant)> = HashMap::new();
        let mut order: Vec<&str> = Vec::new();
        let mut ordered: std::collections::HashSet<&str> = std::collections::HashSet::new();
        let how = "the component's status in the incident's updates.";
        for u in &ups {
            for (cid, st) in &u.statuses {
                if ordered.insert(cid.as_str()) {
                    order.push(cid);
                    c.components.note(cid, None, Trust::Quoted, None, None);
                }
                let now = open.get(cid.as_str()).map(|(s, _)| *s);
                if now == Some(*st) {
                    continue;
                }
                if let Some((s, from)) = open.remove(cid.as_str()) {
                    events.extend(status_range(
                        LaneRef::Component(cid.clone()),
                        s,
                        from,
                        Some(u.at),
                        &name,
                        how,
                        &links,
                    ));
                }
                if *st != Status::Operational {
                    open.insert(cid, (*st, u.at));
                }
            }
        }
        for cid in order {
            if let Some((s, from)) = open.remove(cid) {
                let to = end.map(|e| e.max(from));
                events.extend(status_range(
                    LaneRef::Component(cid.to_string()),
                    s,
                    from,
                    to,
                    &name,
                    how,
                    &links,
                ));
            }
        }
    }
    // 3. else the incident's span on the components it names.
    if events.is_empty() {
        let (kind, severity) = if maintenance {
            (Kind::MAINTENANCE, Severity::None)
        } else {
            worst
                .and_then(Status::kind)
                .unwrap_or((Kind::ACTIVITY, Severity::None))
        };
        match start {
            Some(s) => {
                let end = match end {
                    Some(e) if e < s => {
                        ctx.warn(
                            path,
                            "the incident ends before it starts; drawn as a moment at its start",
                        );
                        Some(s)
                    }
                    e => e,
                };
                let lanes: Vec<LaneRef> = if named.is_empty() {
                    vec![if maintenance {
                        LaneRef::Maintenance
                    } else {
                        LaneRef::Incidents
                    }]
                } else {
                    named.list.iter().cloned().map(LaneRef::Component).collect()
                };
                let how = format!(
                    "The incident's whole span, drawn as {}: the feed gives no component impacts for it.",
                    super::build::kind_words(kind)
                );
                for lane in lanes {
                    events.push(Draft::span(
                        lane,
                        kind,
                        severity,
                        s,
                        end,
                        &name,
                        Some(how.clone()),
                        &links,
                        Role::Main,
                    ));
                }
            }
            None if ups.is_empty() => {
                ctx.warn(path, "the incident has no time (no status_summaries, published_at or updates); skipped");
                return;
            }
            None => {}
        }
    }
    for (i, u) in ups.iter().enumerate() {
        events.push(Draft::update(
            u.at,
            status_word(u.status.as_deref()),
            &name,
            u.message.as_deref().and_then(text::plain_detail),
            u.id.clone().unwrap_or_else(|| format!("update-{i}")),
        ));
    }
    let full = ctx.full_path(path);
    c.add(
        ctx,
        IncidentDraft {
            key,
            synthetic,
            path: full,
            doc: c.doc,
            name,
            updated: ups.last().map(|u| u.at),
            maintenance,
            events,
        },
    );
}

/// One component impact as a range on its component (or group).
fn impact(
    ctx: &mut Ctx,
    c: &mut Collector,
    v: &Value,
    path: &str,
    name: &str,
    links: &[Link],
) -> Option<Draft> {
    let m = ctx.object(v, path, "a component impact")?;
    let Some(key) = id(ctx, m, path, "component_id")
        .or_else(|| id(ctx, m, path, "status_page_component_group_id"))
    else {
        ctx.warn(
            path,
            "the impact names no component_id (nor a group); skipped",
        );
        return None;
    };
    c.components.note(&key, None, Trust::Quoted, None, None);
    let st =
        match status(ctx, m, path, "status").or_else(|| status(ctx, m, path, "component_status")) {
            Some(s) => s,
            None => {
                if !m.contains_key("status") {
                    ctx.warn(&join(path, "status"), "the impact has no status; skipped");
                }
                return None;
            }
        };
    let Some(start) = time(ctx, m, path, "start_at") else {
        if !m.contains_key("start_at") {
            ctx.warn(
                &join(path, "start_at"),
                "the impact has no start_at; skipped",
            );
        }
        return None;
    };
    let end = match time(ctx, m, path, "end_at") {
        Some(e) if e < start => {
            ctx.warn(
                &join(path, "end_at"),
                "end_at is before start_at; drawn as a moment",
            );
            Some(start)
        }
        e => e,
    };
    // Without the incident's name (the endpoint alone), the status is the title.
    let title = if name.is_empty() { st.label() } else { name };
    status_range(
        LaneRef::Component(key),
        st,
        start,
        end,
        title,
        "the component's impact, as the status page gives it.",
        links,
    )
}

/// `incident_links` (names and addresses of the incidents impacts refer to).
fn incident_links(
    ctx: &mut Ctx,
    m: &Map<String, Value>,
    path: &str,
) -> HashMap<String, (String, Vec<Link>)> {
    let mut out = HashMap::new();
    let lp = join(path, "incident_links");
    for (i, v) in ctx.array(m, path, "incident_links").iter().enumerate() {
        let p = index(&lp, i);
        let Some(im) = ctx.object(v, &p, "an incident link") else {
            continue;
        };
        let Some(iid) = id(ctx, im, &p, "id") else {
            continue;
        };
        let name = string(ctx, im, &p, "name")
            .and_then(text::title)
            .unwrap_or_else(|| UNTITLED.into());
        let links = string(ctx, im, &p, "permalink")
            .and_then(|u| http_link(u, "Status page"))
            .into_iter()
            .collect();
        out.insert(iid, (name, links));
    }
    out
}

/// The `component_impacts` endpoint: impacts grouped by incident.
fn impacts(
    ctx: &mut Ctx,
    c: &mut Collector,
    m: &Map<String, Value>,
    path: &str,
    links: &HashMap<String, (String, Vec<Link>)>,
) {
    let ip = join(path, "component_impacts");
    let mut incidents: Vec<IncidentDraft> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (i, v) in ctx.array(m, path, "component_impacts").iter().enumerate() {
        let p = index(&ip, i);
        let inc_id = v
            .as_object()
            .and_then(|im| id(ctx, im, &p, "status_page_incident_id"));
        let (name, inc_links) = match inc_id.as_ref().and_then(|k| links.get(k)) {
            Some((n, l)) => (n.clone(), l.clone()),
            None => (String::new(), Vec::new()),
        };
        let Some(d) = impact(ctx, c, v, &p, &name, &inc_links) else {
            continue;
        };
        let (key, synthetic) = match inc_id {
            Some(k) => (k, false),
            None => (format!("{}-{p}", c.doc), true),
        };
        match by_id.get(&key) {
            Some(&n) => incidents[n].events.push(d),
            None => {
                by_id.insert(key.clone(), incidents.len());
                incidents.push(IncidentDraft {
                    path: ctx.full_path(&p),
                    name: if name.is_empty() {
                        d.title.clone()
                    } else {
                        name
                    },
                    key,
                    synthetic,
                    doc: c.doc,
                    updated: None,
                    maintenance: d.kind == Kind::MAINTENANCE,
                    events: vec![d],
                });
            }
        }
    }
    for inc in incidents {
        c.add(ctx, inc);
    }
}

/// The widget API (`/api/v1/summary`): ongoing incidents, maintenances in
/// progress and scheduled ones. It holds no start for an ongoing incident.
fn widget(ctx: &mut Ctx, c: &mut Collector, m: &Map<String, Value>) {
    // A `/proxy/<host>` page's ongoing incidents are read with the page.
    if m.contains_key("summary") {
        return;
    }
    for key in [
        "ongoing_incidents",
        "in_progress_maintenances",
        "scheduled_maintenances",
    ] {
        for (i, v) in ctx.array(m, "", key).iter().enumerate() {
            let p = index(key, i);
            let Some(im) = ctx.object(v, &p, "an incident") else {
                continue;
            };
            // The proxy's incident shape, when it is one.
            if im.contains_key("updates") || im.contains_key("component_impacts") {
                incident(ctx, c, v, &p);
                continue;
            }
            widget_item(ctx, c, im, &p, key);
        }
    }
}

fn widget_item(ctx: &mut Ctx, c: &mut Collector, m: &Map<String, Value>, path: &str, list: &str) {
    let given = id(ctx, m, path, "id");
    let (key, synthetic) = c.incident_key(ctx, given, path);
    let name = string(ctx, m, path, "name").and_then(text::title);
    let name = incident_name(ctx, name, path, "name", "name");
    let links: Vec<Link> = string(ctx, m, path, "url")
        .and_then(|u| http_link(u, "Status page"))
        .into_iter()
        .collect();
    let last = time(ctx, m, path, "last_update_at");
    let message = string(ctx, m, path, "last_update_message").and_then(text::plain_detail);
    let state = string(ctx, m, path, "status").map(str::to_string);
    let worst = status(ctx, m, path, "current_worst_impact");

    let mut lanes = Vec::new();
    let ap = join(path, "affected_components");
    for (i, av) in ctx.array(m, path, "affected_components").iter().enumerate() {
        let p = index(&ap, i);
        let Some(am) = ctx.object(av, &p, "an affected component") else {
            continue;
        };
        let Some(cid) = id(ctx, am, &p, "id").or_else(|| id(ctx, am, &p, "component_id")) else {
            ctx.warn(&p, "an affected component without an id; ignored");
            continue;
        };
        let cname = string(ctx, am, &p, "name").and_then(text::title);
        let group = string(ctx, am, &p, "group_name")
            .and_then(text::title)
            .map(|g| {
                let gk = format!("group:{g}");
                c.components.note(&gk, Some(g), Trust::Incident, None, None);
                gk
            });
        c.components.note(&cid, cname, Trust::Incident, None, group);
        let current = status(ctx, am, &p, "current_status").filter(|s| *s != Status::Operational);
        lanes.push((LaneRef::Component(cid), current));
    }
    let maintenance = list != "ongoing_incidents";
    if lanes.is_empty() {
        lanes.push((
            if maintenance {
                LaneRef::Maintenance
            } else {
                LaneRef::Incidents
            },
            None,
        ));
    }
    let mut events = Vec::new();
    match list {
        "scheduled_maintenances" => {
            let (Some(s), e) = (
                time(ctx, m, path, "starts_at"),
                time(ctx, m, path, "ends_at"),
            ) else {
                ctx.warn(
                    &join(path, "starts_at"),
                    "the scheduled maintenance has no starts_at; skipped",
                );
                return;
            };
            let e = e.map(|e| e.max(s)).or(Some(s));
            for (lane, _) in &lanes {
                events.push(Draft::span(
                    lane.clone(),
                    Kind::MAINTENANCE,
                    Severity::None,
                    s,
                    e,
                    &format!("{name} (scheduled)"),
                    Some("The announced maintenance window (starts_at to ends_at).".into()),
                    &links,
                    Role::Scheduled,
                ));
            }
        }
        "in_progress_maintenances" => {
            let Some(s) = time(ctx, m, path, "started_at").or(last) else {
                ctx.warn(
                    &join(path, "started_at"),
                    "the maintenance in progress has no started_at; skipped",
                );
                return;
            };
            let planned = time(ctx, m, path, "scheduled_end_at");
            let how = match planned {
                Some(p) => format!(
                    "In progress; scheduled to end at {}.",
                    crate::time::format_instant(p)
                ),
                None => "In progress.".into(),
            };
            for (lane, _) in &lanes {
                events.push(Draft::span(
                    lane.clone(),
                    Kind::MAINTENANCE,
                    Severity::None,
                    s,
                    None,
                    &name,
                    Some(how.clone()),
                    &links,
                    Role::Main,
                ));
            }
        }
        _ => {
            let Some(s) = last else {
                ctx.warn(&join(path, "last_update_at"), "the ongoing incident has no last_update_at, and the widget API gives no start; skipped");
                return;
            };
            ctx.warn(
                path,
                "the widget API gives no start for an ongoing incident: it is drawn from its last update (last_update_at)",
            );
            for (lane, current) in &lanes {
                let st = current.or(worst);
                let (kind, severity) = st
                    .and_then(Status::kind)
                    .unwrap_or((Kind::ACTIVITY, Severity::None));
                let how = format!(
                    "Ongoing; {} now. Drawn from the last update: the widget API does not say when it started.",
                    st.map_or("impact not stated", Status::label)
                );
                events.push(Draft::span(
                    lane.clone(),
                    kind,
                    severity,
                    s,
                    None,
                    &name,
                    Some(how),
                    &links,
                    Role::Main,
                ));
            }
        }
    }
    if let Some(at) = last {
        events.push(Draft::update(
            at,
            status_word(state.as_deref()),
            &name,
            message,
            "last-update".into(),
        ));
    }
    let full = ctx.full_path(path);
    c.add(
        ctx,
        IncidentDraft {
            key,
            synthetic,
            path: full,
            doc: c.doc,
            name,
            updated: last,
            maintenance,
            events,
        },
    );
}
