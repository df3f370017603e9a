//! Google Cloud Service Health `incidents.json`: one array of incidents,
//! newest first (the same engine serves status.search.google.com and the
//! Workspace dashboard). Each incident is a range `begin`..`end` (no `end`:
//! ongoing) on the lane of each affected product; `status_impact` gives the
//! kind and `severity` the severity; updates become milestones.

use super::build::{incident_name, Collector, Draft, IncidentDraft, LaneRef, Named, Role, Trust};
use super::read::{describe, index, join, Ctx};
use super::statuspage::http_link;
use super::text;
use crate::model::{Kind, Link, Severity};
use crate::problem::{Problem, Problems};
use serde_json::{Map, Value};

/// Reads a GCP document (the array, or one incident object) into `c`.
pub(crate) fn read(doc: &Value, ctx: &mut Ctx, c: &mut Collector) -> Result<(), Problems> {
    match doc {
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                incident(ctx, c, v, &index("", i));
            }
            Ok(())
        }
        Value::Object(m) if m.contains_key("begin") || m.contains_key("affected_products") => {
            incident(ctx, c, doc, "");
            Ok(())
        }
        other => Err(Problems::one(Problem::at(
            ctx.full_path(""),
            format!(
                "a Google Cloud incidents.json is an array of incidents (objects with \"begin\", \"external_desc\", \"affected_products\"…), not {}",
                match other {
                    Value::Object(_) => "an object without \"begin\"",
                    v => describe(v),
                }
            ),
        ))),
    }
}

/// The kind for `status_impact`.
fn kind(ctx: &mut Ctx, s: Option<&str>, path: &str) -> Kind {
    match s.map(str::trim) {
        Some("SERVICE_OUTAGE") => Kind::OUTAGE,
        Some("SERVICE_DISRUPTION") => Kind::DEGRADED,
        Some("SERVICE_INFORMATION") => Kind::ACTIVITY,
        None => Kind::ACTIVITY,
        Some(other) => {
            ctx.warn(
                &join(path, "status_impact"),
                format!(
                    "unknown status_impact \"{}\" (known: SERVICE_INFORMATION, SERVICE_DISRUPTION, SERVICE_OUTAGE); drawn as an activity",
                    crate::time::timestamp::clip(other)
                ),
            );
            Kind::ACTIVITY
        }
    }
}

/// The severity for `severity`: low → minor, medium → major, high → critical.
fn severity(ctx: &mut Ctx, s: Option<&str>, kind: Kind, path: &str) -> Severity {
    match s.map(|s| s.trim().to_ascii_lowercase()).as_deref() {
        Some("low") => Severity::Minor,
        Some("medium") => Severity::Major,
        Some("high") => Severity::Critical,
        None => kind.default_severity(),
        Some(other) => {
            ctx.warn(
                &join(path, "severity"),
                format!(
                    "unknown severity \"{}\" (known: low, medium, high); the kind's default is used",
                    crate::time::timestamp::clip(other)
                ),
            );
            kind.default_severity()
        }
    }
}

/// The titles of a list of `{title, id}` locations.
fn locations(ctx: &mut Ctx, m: &Map<String, Value>, path: &str, key: &str) -> Vec<String> {
    let lp = join(path, key);
    let mut out = Vec::new();
    for (i, v) in ctx.array(m, path, key).iter().enumerate() {
        let p = index(&lp, i);
        let Some(lm) = ctx.object(v, &p, "a location") else {
            continue;
        };
        if let Some(t) = ctx
            .str(lm, &p, "title")
            .or_else(|| lm.get("id").and_then(Value::as_str))
            .and_then(text::title)
        {
            out.push(t);
        }
    }
    out
}

fn incident(ctx: &mut Ctx, c: &mut Collector, v: &Value, path: &str) {
    let Some(m) = ctx.object(v, path, "an incident") else {
        return;
    };
    let given = ctx.id(m, path, "id");
    let (key, synthetic) = c.incident_key(ctx, given, path);
    let service = ctx.str(m, path, "service_name").and_then(text::title);
    let name = ctx
        .str(m, path, "external_desc")
        .and_then(text::title)
        .or_else(|| service.clone());
    let name = incident_name(ctx, name, path, "external_desc", "description");
    let impact = ctx.str(m, path, "status_impact");
    let kind = kind(ctx, impact, path);
    let sev_text = ctx.str(m, path, "severity");
    let severity = severity(ctx, sev_text, kind, path);
    let begin = ctx.time(m, path, "begin");
    let end = ctx.time(m, path, "end");
    let modified = ctx.time(m, path, "modified");
    let links: Vec<Link> = ctx
        .str(m, path, "uri")
        .and_then(|u| http_link(u, "Service Health"))
        .into_iter()
        .collect();

    // Lanes: the affected products (else the service, else "Incidents").
    let mut products = Named::default();
    let pp = join(path, "affected_products");
    for (i, pv) in ctx.array(m, path, "affected_products").iter().enumerate() {
        let p = index(&pp, i);
        let Some(pm) = ctx.object(pv, &p, "a product") else {
            continue;
        };
        let title = ctx.str(pm, &p, "title").and_then(text::title);
        let Some(pkey) = ctx.id(pm, &p, "id").or_else(|| title.clone()) else {
            ctx.warn(&p, "a product with neither title nor id; ignored");
            continue;
        };
        c.components.note(&pkey, title, Trust::Page, None, None);
        products.add(&pkey);
    }
    let mut lanes: Vec<LaneRef> = products.list.into_iter().map(LaneRef::Component).collect();
    if lanes.is_empty() {
        let skey = ctx.id(m, path, "service_key").or_else(|| service.clone());
        match skey {
            Some(k) => {
                c.components
                    .note(&k, service.clone(), Trust::Page, None, None);
                lanes.push(LaneRef::Component(k));
            }
            None => lanes.push(LaneRef::Incidents),
        }
    }

    // Updates, oldest first (the feed lists them newest first).
    let up = join(path, "updates");
    let mut ups = Vec::new();
    for (i, uv) in ctx.array(m, path, "updates").iter().enumerate() {
        let p = index(&up, i);
        let Some(um) = ctx.object(uv, &p, "an update") else {
            continue;
        };
        let at = if um.get("when").is_some_and(|w| !w.is_null()) {
            ctx.time(um, &p, "when")
        } else {
            ctx.time(um, &p, "created")
        };
        let Some(at) = at else {
            if !um.contains_key("when") && !um.contains_key("created") {
                ctx.warn(&p, "the update has no time (when, created); skipped");
            }
            continue;
        };
        let status = ctx.str(um, &p, "status").map(str::to_string);
        let body = ctx.str(um, &p, "text").and_then(text::plain_detail);
        ups.push((at, i, status, body));
    }
    ctx.oldest_first(&up, "\"when\"", &mut ups, |u| (u.0, u.1));

    let start = match begin {
        Some(b) => b,
        None => match ups.first() {
            Some(u) => {
                ctx.warn(
                    &join(path, "begin"),
                    "the incident has no begin; it starts at its first update",
                );
                u.0
            }
            None => {
                ctx.warn(
                    &join(path, "begin"),
                    "the incident has no begin and no updates; skipped",
                );
                return;
            }
        },
    };
    let end = match end {
        Some(e) if e < start => {
            ctx.warn(
                &join(path, "end"),
                "end is before begin; drawn as a moment at begin",
            );
            Some(start)
        }
        e => e,
    };
    let mut about = vec![match (impact, sev_text) {
        (Some(i), Some(s)) => format!("{} (severity {s}).", text::humanize(i)),
        (Some(i), None) => format!("{}.", text::humanize(i)),
        (None, Some(s)) => format!("Severity {s}."),
        (None, None) => "No status_impact or severity given.".into(),
    }];
    let mut places = Named::default();
    for key in [
        "currently_affected_locations",
        "previously_affected_locations",
    ] {
        for l in locations(ctx, m, path, key) {
            places.add(&l);
        }
    }
    if !places.is_empty() {
        about.push(format!("Locations: {}.", places.list.join(", ")));
    }
    let detail = Some(about.join("\n"));
    let mut events: Vec<Draft> = lanes
        .iter()
        .map(|lane| {
            Draft::span(
                lane.clone(),
                kind,
                severity,
                start,
                end,
                &name,
                detail.clone(),
                &links,
                Role::Main,
            )
        })
        .collect();
    for (at, i, status, body) in ups {
        let word = status
            .as_deref()
            .and_then(text::title)
            .map(|s| text::humanize(&s))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "Update".into());
        events.push(Draft::update(at, word, &name, body, format!("update-{i}")));
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
            updated: modified,
            maintenance: false,
            events,
        },
    );
}
