//! What every importer produces, and how it becomes a [`Timeline`]: each
//! source reads its documents into a [`Collector`] (components, and per
//! incident its ranges and update milestones); [`finish`] merges duplicate
//! incidents, applies the filters, orders the lanes, names lanes and events
//! with valid, unique ids, and checks the format's limits.

use super::read::{join, Ctx, MAX_WARNINGS};
use super::text::{id_piece, slug, truncate};
use super::{ImportOptions, Imported, Source};
use crate::model::{Event, Impact, Kind, Lane, Link, Severity, Timeline};
use crate::parse::limits::{MAX_DETAIL_CHARS, MAX_EVENTS, MAX_LANES, MAX_TITLE_CHARS};
use crate::problem::{Problem, Problems};
use crate::time::{Instant, Zone};
use std::collections::{HashMap, HashSet};

/// An incident's name, or "Untitled incident" with a warning at
/// `path`.`key` (the field the feed names its incidents by, its `what`).
pub(crate) fn incident_name(
    ctx: &mut Ctx,
    name: Option<String>,
    path: &str,
    key: &str,
    what: &str,
) -> String {
    name.unwrap_or_else(|| {
        ctx.warn(
            &join(path, key),
            format!("the incident has no {what}; it is called \"{UNTITLED}\""),
        );
        UNTITLED.into()
    })
}

/// What an incident without a name is called.
pub(crate) const UNTITLED: &str = "Untitled incident";

/// Which lane an event goes to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum LaneRef {
    /// A component (or a component group), by its key in the feed.
    Component(String),
    /// Incidents that name no component.
    Incidents,
    /// Maintenances that name no component.
    Maintenance,
    /// Every incident update, as milestones.
    Updates,
}

/// A component (a lane to be), as the feed names it.
#[derive(Debug, Clone)]
pub(crate) struct Component {
    pub(crate) key: String,
    pub(crate) name: Option<String>,
    /// How trustworthy `name` is: 2 the page's own list, 1 an incident's
    /// list of components, 0 a name quoted in an update.
    rank: u8,
    pub(crate) position: Option<i64>,
    pub(crate) group: Option<String>,
    seen: usize,
}

/// Every component the documents mention, by key.
#[derive(Debug, Default)]
pub(crate) struct Components {
    list: Vec<Component>,
    by_key: HashMap<String, usize>,
}

/// How far to trust a component's name and position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Trust {
    /// A name quoted in an update.
    Quoted = 0,
    /// An incident's own list of components.
    Incident = 1,
    /// The page's list of components (or its structure).
    Page = 2,
}

impl Components {
    /// Notes a component: registers it, or improves what is known of it.
    pub(crate) fn note(
        &mut self,
        key: &str,
        name: Option<String>,
        trust: Trust,
        position: Option<i64>,
        group: Option<String>,
    ) {
        let rank = trust as u8;
        if let Some(&i) = self.by_key.get(key) {
            let c = &mut self.list[i];
            let better = rank > c.rank;
            if name.is_some() && (c.name.is_none() || better) {
                c.name = name;
            }
            if position.is_some() && (c.position.is_none() || better) {
                c.position = position;
            }
            if group.is_some() && (c.group.is_none() || better) {
                c.group = group;
            }
            c.rank = c.rank.max(rank);
            return;
        }
        self.by_key.insert(key.to_string(), self.list.len());
        self.list.push(Component {
            key: key.to_string(),
            name,
            rank,
            position,
            group,
            seen: self.list.len(),
        });
    }

    /// The component with this key.
    pub(crate) fn get(&self, key: &str) -> Option<&Component> {
        self.by_key.get(key).map(|&i| &self.list[i])
    }

    /// The name a lane shows: "Name (Group)" when the group is known.
    fn label(&self, key: &str) -> String {
        let Some(c) = self.get(key) else {
            return key.to_string();
        };
        let name = c.name.clone().unwrap_or_else(|| key.to_string());
        match c
            .group
            .as_deref()
            .filter(|g| *g != key)
            .and_then(|g| self.get(g))
            .and_then(|g| g.name.as_deref())
        {
            Some(group) => format!("{name} ({group})"),
            None => name,
        }
    }

    /// Sort key: components with a position first, by their group's
    /// position (or their own), then children after their group, then
    /// their own position; then the rest in order of first appearance.
    fn order(&self, key: &str) -> (bool, i64, bool, i64, usize) {
        let Some(c) = self.get(key) else {
            return (true, 0, false, 0, usize::MAX);
        };
        let group = c.group.as_deref().and_then(|g| self.get(g));
        let top = group.and_then(|g| g.position).or(c.position);
        (
            top.is_none(),
            top.unwrap_or(0),
            group.is_some_and(|g| g.position.is_some()),
            c.position.unwrap_or(0),
            c.seen,
        )
    }
}

/// Strings in the order first added, each once (in linear time: a hostile
/// feed may name a component a million times).
#[derive(Debug, Default)]
pub(crate) struct Named {
    pub(crate) list: Vec<String>,
    seen: HashSet<String>,
}

impl Named {
    /// Adds `s` unless it is there.
    pub(crate) fn add(&mut self, s: &str) {
        if !self.seen.contains(s) {
            self.seen.insert(s.to_string());
            self.list.push(s.to_string());
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// What an event is to its incident, for its id.
#[derive(Debug, Clone)]
pub(crate) enum Role {
    /// The incident itself on a lane (a range, or a milestone when it took no time).
    Main,
    /// A maintenance's announced window.
    Scheduled,
    /// An update, by its id in the feed.
    Update(String),
}

/// One event to be.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub(crate) lane: LaneRef,
    pub(crate) kind: Kind,
    pub(crate) start: Instant,
    pub(crate) end: Option<Instant>,
    /// The title; for updates, the incident's name (see `status`).
    pub(crate) title: String,
    /// For updates: the status word, which is the title (followed by the
    /// incident's name when the timeline holds several incidents).
    pub(crate) status: Option<String>,
    pub(crate) detail: Option<String>,
    pub(crate) severity: Severity,
    /// The share affected, for degraded events (the feeds never state one).
    pub(crate) share: Option<f64>,
    pub(crate) links: Vec<Link>,
    pub(crate) role: Role,
}

impl Draft {
    /// A range of `kind`, or a milestone when it took no time (`end == start`).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn span(
        lane: LaneRef,
        kind: Kind,
        severity: Severity,
        start: Instant,
        end: Option<Instant>,
        title: &str,
        detail: Option<String>,
        links: &[Link],
        role: Role,
    ) -> Draft {
        let point = end == Some(start);
        Draft {
            lane,
            kind: if point { Kind::MILESTONE } else { kind },
            start,
            end: if point { None } else { end },
            title: title.to_string(),
            status: None,
            detail,
            severity,
            share: None,
            links: links.to_vec(),
            role,
        }
    }

    /// An update, as a milestone on the updates lane.
    pub(crate) fn update(
        at: Instant,
        status: String,
        incident: &str,
        detail: Option<String>,
        id: String,
    ) -> Draft {
        Draft {
            lane: LaneRef::Updates,
            kind: Kind::MILESTONE,
            start: at,
            end: None,
            title: incident.to_string(),
            status: Some(status),
            detail,
            severity: Severity::None,
            share: None,
            links: Vec::new(),
            role: Role::Update(id),
        }
    }
}

/// One incident (or maintenance) read from a feed.
#[derive(Debug, Clone)]
pub(crate) struct IncidentDraft {
    /// Its id in the feed: what duplicates and `--incident` are matched on.
    pub(crate) key: String,
    /// True when the feed gave no id (never merged with another).
    pub(crate) synthetic: bool,
    /// Where it was read, for messages.
    pub(crate) path: String,
    /// Which document it came from.
    pub(crate) doc: usize,
    pub(crate) name: String,
    /// When the feed last changed it: of two copies, the later one is kept.
    pub(crate) updated: Option<Instant>,
    pub(crate) maintenance: bool,
    pub(crate) events: Vec<Draft>,
}

/// Everything read from the documents of one import.
#[derive(Debug, Default)]
pub(crate) struct Collector {
    pub(crate) components: Components,
    incidents: Vec<IncidentDraft>,
    by_key: HashMap<String, usize>,
    pub(crate) page_name: Option<String>,
    pub(crate) page_url: Option<String>,
    pub(crate) zone: Option<Zone>,
    pub(crate) sources: Vec<Source>,
    /// The document being read.
    pub(crate) doc: usize,
}

impl Collector {
    /// Adds an incident; of two with the same id, keeps the one updated
    /// last (the first on a tie), with a warning when both are in one document.
    pub(crate) fn add(&mut self, ctx: &mut Ctx, inc: IncidentDraft) {
        if inc.events.is_empty() {
            return;
        }
        if !inc.synthetic {
            if let Some(&i) = self.by_key.get(&inc.key) {
                let old = &self.incidents[i];
                if old.doc == inc.doc {
                    let (first, key) = (old.path.clone(), inc.key.clone());
                    ctx.warn(
                        &inc.path,
                        format!(
                            "duplicate incident id \"{}\" ({first} has it too); kept the one updated last",
                            crate::time::timestamp::clip(&key)
                        ),
                    );
                }
                if inc.updated > old.updated {
                    self.incidents[i] = inc;
                }
                return;
            }
            self.by_key.insert(inc.key.clone(), self.incidents.len());
        }
        self.incidents.push(inc);
    }

    /// An incident's key and whether it was made up: its id in the feed,
    /// or, when the feed gives none (a warning at `path`.id), one made from
    /// the document and its place in it, never merged with another.
    pub(crate) fn incident_key(
        &self,
        ctx: &mut Ctx,
        id: Option<String>,
        path: &str,
    ) -> (String, bool) {
        match id {
            Some(id) => (id, false),
            None => {
                ctx.warn(
                    &join(path, "id"),
                    "the incident has no id; it gets one from its place in the document",
                );
                (format!("{}-{path}", self.doc), true)
            }
        }
    }

    /// Notes the page's name, address and zone (the first document's win).
    pub(crate) fn page(&mut self, name: Option<String>, url: Option<String>) {
        if self.page_name.is_none() {
            self.page_name = name;
        }
        if self.page_url.is_none() {
            self.page_url = url;
        }
    }
}

/// The first and last instant of an incident's events (`None` as the end
/// when one is ongoing); its updates count only when it has nothing else.
fn extent(inc: &IncidentDraft) -> Option<(Instant, Option<Instant>)> {
    let main: Vec<&Draft> = inc
        .events
        .iter()
        .filter(|e| e.lane != LaneRef::Updates)
        .collect();
    let events: Vec<&Draft> = if main.is_empty() {
        inc.events.iter().collect()
    } else {
        main
    };
    let start = events.iter().map(|e| e.start).min()?;
    let ongoing = events.iter().any(|e| !e.kind.is_point() && e.end.is_none());
    let end = events
        .iter()
        .map(|e| e.end.unwrap_or(e.start))
        .max()
        .filter(|_| !ongoing);
    Some((start, end))
}

fn impact_of(kind: Kind, share: Option<f64>) -> Option<f64> {
    match kind.spec().impact {
        Impact::Whole => Some(1.0),
        Impact::Share => share,
        Impact::None => Some(0.0),
    }
}

/// Ids made unique by a `-2`, `-3`… suffix, within the format's 100 characters.
#[derive(Default)]
struct Ids(HashSet<String>);

impl Ids {
    fn unique(&mut self, base: &str) -> String {
        let mut base = base.to_string();
        base.truncate(90);
        let base = base.trim_end_matches(['-', '.', '_', ':']).to_string();
        let base = if base.is_empty() {
            "x".to_string()
        } else {
            base
        };
        if self.0.insert(base.clone()) {
            return base;
        }
        let mut n = 2usize;
        loop {
            let id = format!("{base}-{n}");
            if self.0.insert(id.clone()) {
                return id;
            }
            n += 1;
        }
    }
}

/// A kind in a sentence: "an outage", "a degraded range (share not stated)".
pub(crate) fn kind_words(kind: Kind) -> &'static str {
    if kind == Kind::OUTAGE {
        "an outage"
    } else if kind == Kind::DEGRADED {
        "a degraded range (share not stated)"
    } else if kind == Kind::MAINTENANCE {
        "maintenance"
    } else if kind == Kind::ACTIVITY {
        "an activity"
    } else {
        "a moment"
    }
}

/// The source's name for people.
pub(crate) fn source_label(s: Source) -> &'static str {
    match s {
        Source::Statuspage => "Statuspage",
        Source::IncidentIo => "incident.io",
        Source::Gcp => "Google Cloud Service Health",
        Source::Text => "post-mortem text",
    }
}

/// Applies the filters and builds the timeline.
pub(crate) fn finish(
    mut c: Collector,
    ctx: &mut Ctx,
    o: &ImportOptions,
) -> Result<Imported, Problems> {
    ctx.doc_name.clear();
    let source = c.sources.first().copied().unwrap_or(Source::Statuspage);
    let mut incidents = std::mem::take(&mut c.incidents);

    if let Some(wanted) = o.incident.as_deref().map(str::trim) {
        let known: Vec<String> = incidents.iter().map(|i| i.key.clone()).collect();
        incidents.retain(|i| i.key == wanted);
        if incidents.is_empty() {
            let mut list: Vec<String> = known
                .iter()
                .take(10)
                .map(|k| format!("\"{}\"", short(k)))
                .collect();
            if known.len() > 10 {
                list.push(format!("… ({} in all)", known.len()));
            }
            let has = if known.is_empty() {
                "it has no incidents".to_string()
            } else {
                format!("its incidents are {}", list.join(", "))
            };
            return Err(Problems::one(Problem::at(
                "incident",
                format!(
                    "the feed has no incident with id \"{}\"; {has}",
                    crate::time::timestamp::clip(wanted)
                ),
            )));
        }
    }

    if !o.components.is_empty() {
        let mut chosen: HashSet<String> = HashSet::new();
        for want in &o.components {
            let w = want.trim();
            let matches: Vec<String> = c
                .components
                .list
                .iter()
                .filter(|k| {
                    k.key == w
                        || k.name.as_deref().is_some_and(|n| {
                            n.eq_ignore_ascii_case(w)
                                || (!slug(w, 100).is_empty() && slug(n, 100) == slug(w, 100))
                        })
                })
                .map(|k| k.key.clone())
                .collect();
            if matches.is_empty() {
                let names: Vec<String> = c
                    .components
                    .list
                    .iter()
                    .take(20)
                    .map(|k| format!("\"{}\"", short(k.name.as_deref().unwrap_or(&k.key))))
                    .collect();
                ctx.warn(
                    "components",
                    format!(
                        "no component \"{}\" in the feed{}",
                        crate::time::timestamp::clip(w),
                        if names.is_empty() {
                            String::new()
                        } else {
                            format!("; it names {}", names.join(", "))
                        }
                    ),
                );
            }
            chosen.extend(matches);
        }
        for inc in &mut incidents {
            inc.events.retain(|e| match &e.lane {
                LaneRef::Component(k) => chosen.contains(k),
                LaneRef::Updates => true,
                LaneRef::Incidents | LaneRef::Maintenance => false,
            });
        }
        incidents.retain(|i| i.events.iter().any(|e| e.lane != LaneRef::Updates));
    }

    if o.since.is_some() || o.until.is_some() {
        incidents.retain(|inc| {
            let Some((start, end)) = extent(inc) else {
                return false;
            };
            let after_since = match (o.since, end) {
                (Some(s), Some(e)) => e >= s,
                _ => true,
            };
            let before_until = match o.until {
                Some(u) => start <= u,
                None => true,
            };
            after_since && before_until
        });
    }

    let count: usize = incidents.iter().map(|i| i.events.len()).sum();
    if count > MAX_EVENTS {
        return Err(Problems::one(Problem::at(
            "",
            format!(
                "the feed makes {count} events; a timeline holds at most {MAX_EVENTS}: import a shorter time (since, until), some components, or one incident"
            ),
        )));
    }

    // Lanes: the components in the page's order, then the catch-all lanes.
    let mut used: Vec<LaneRef> = Vec::new();
    let mut seen: HashSet<&LaneRef> = HashSet::new();
    for e in incidents.iter().flat_map(|i| &i.events) {
        if seen.insert(&e.lane) {
            used.push(e.lane.clone());
        }
    }
    let rank = |l: &LaneRef| match l {
        LaneRef::Component(_) => 0,
        LaneRef::Incidents => 1,
        LaneRef::Maintenance => 2,
        LaneRef::Updates => 3,
    };
    used.sort_by(|a, b| {
        rank(a).cmp(&rank(b)).then_with(|| match (a, b) {
            (LaneRef::Component(x), LaneRef::Component(y)) => {
                c.components.order(x).cmp(&c.components.order(y))
            }
            _ => std::cmp::Ordering::Equal,
        })
    });
    if used.len() > MAX_LANES {
        return Err(Problems::one(Problem::at(
            "",
            format!(
                "the feed makes {} lanes (components); a timeline holds at most {MAX_LANES}: import some components only",
                used.len()
            ),
        )));
    }
    let mut lane_ids = Ids::default();
    let mut lanes = Vec::with_capacity(used.len());
    let mut lane_index: HashMap<LaneRef, usize> = HashMap::new();
    for l in &used {
        let (base, label) = match l {
            LaneRef::Component(k) => {
                let label = c.components.label(k);
                let mut base = slug(&label, 60);
                if base.is_empty() {
                    base = id_piece(k, 60);
                }
                if base.is_empty() {
                    base = "component".into();
                }
                (base, label)
            }
            LaneRef::Incidents => ("incidents".into(), "Incidents".into()),
            LaneRef::Maintenance => ("maintenance".into(), "Maintenance".into()),
            LaneRef::Updates => ("updates".into(), "Updates".into()),
        };
        lane_index.insert(l.clone(), lanes.len());
        lanes.push(Lane {
            id: lane_ids.unique(&base),
            label: truncate(&label, MAX_TITLE_CHARS),
        });
    }

    let several = incidents.len() > 1;
    let mut ids = Ids::default();
    let mut events: Vec<Event> = Vec::with_capacity(count);
    for inc in &incidents {
        let mut inc_id = id_piece(&inc.key, 40);
        if inc_id.is_empty() || inc.synthetic {
            inc_id = format!("incident-{}", id_piece(&inc.key, 30));
        }
        let mains = inc
            .events
            .iter()
            .filter(|e| matches!(e.role, Role::Main))
            .count();
        for (n, d) in inc.events.iter().enumerate() {
            let lane = lane_index.get(&d.lane).copied().unwrap_or(0);
            let lane_id = &lanes[lane].id;
            let base = match &d.role {
                Role::Main if mains == 1 => inc_id.clone(),
                Role::Main => format!("{inc_id}.{}", truncate_id(lane_id, 40)),
                Role::Scheduled => format!("{inc_id}.{}.scheduled", truncate_id(lane_id, 36)),
                Role::Update(u) => {
                    let mut piece = id_piece(u, 40);
                    if piece.is_empty() {
                        piece = format!("update-{n}");
                    }
                    format!("{inc_id}.{piece}")
                }
            };
            let title = match &d.status {
                Some(status) if several => format!("{status}: {}", d.title),
                Some(status) => status.clone(),
                None => d.title.clone(),
            };
            events.push(Event {
                id: Some(ids.unique(&base)),
                lane,
                kind: d.kind,
                start: d.start,
                end: if d.kind.is_point() { None } else { d.end },
                title: truncate(&title, MAX_TITLE_CHARS),
                detail: d.detail.as_deref().map(|s| truncate(s, MAX_DETAIL_CHARS)),
                severity: d.severity,
                impact: impact_of(d.kind, d.share),
                links: d.links.clone(),
                inferred: false,
            });
        }
    }
    events.sort_by_key(|e| (e.start, e.lane));

    let maintenances = incidents.iter().filter(|i| i.maintenance).count();
    let title = match (incidents.as_slice(), &c.page_name) {
        ([one], _) => one.name.clone(),
        (_, Some(page)) => format!("{page} incidents"),
        (_, None) => format!("{} incidents", source_label(source)),
    };
    let description = describe(&incidents, maintenances, &c, source, &events);

    if events.is_empty() {
        let filtered = o.since.is_some()
            || o.until.is_some()
            || o.incident.is_some()
            || !o.components.is_empty();
        ctx.warn(
            "",
            if filtered {
                "nothing to draw: no incident of the feed passes the filters"
            } else {
                "nothing to draw: the feed holds no incident or maintenance with a time"
            },
        );
    }
    if ctx.dropped > 0 {
        ctx.warnings.push(Problem::at(
            "",
            format!(
                "… and {} more warnings (the first {MAX_WARNINGS} are listed)",
                ctx.dropped
            ),
        ));
    }
    Ok(Imported {
        timeline: Timeline {
            title: Some(truncate(&title, MAX_TITLE_CHARS)),
            description: Some(truncate(&description, MAX_DETAIL_CHARS)),
            zone: c.zone,
            lanes,
            events,
        },
        warnings: std::mem::take(&mut ctx.warnings),
        source,
    })
}

/// A name quoted in a message: at most 40 characters.
fn short(s: &str) -> String {
    truncate(s, 40)
}

fn truncate_id(id: &str, max: usize) -> &str {
    // Lane ids are ASCII.
    &id[..id.len().min(max)]
}

/// The timeline's description: where it comes from and what it holds.
fn describe(
    incidents: &[IncidentDraft],
    maintenances: usize,
    c: &Collector,
    source: Source,
    events: &[Event],
) -> String {
    let page = match (&c.page_name, &c.page_url) {
        (Some(n), Some(u)) => format!(" ({n}, {u})"),
        (Some(n), None) => format!(" ({n})"),
        (None, Some(u)) => format!(" ({u})"),
        (None, None) => String::new(),
    };
    let n = incidents.len() - maintenances;
    let mut what = vec![];
    if n > 0 || maintenances == 0 {
        what.push(format!("{n} incident{}", if n == 1 { "" } else { "s" }));
    }
    if maintenances > 0 {
        what.push(format!(
            "{maintenances} maintenance{}",
            if maintenances == 1 { "" } else { "s" }
        ));
    }
    let zone = c.zone.clone().unwrap_or_else(Zone::utc);
    let span = match (
        events.iter().map(|e| e.start).min(),
        events.iter().map(|e| e.end.unwrap_or(e.start)).max(),
    ) {
        (Some(a), Some(b)) => {
            let (a, b) = (zone.local(a).date(), zone.local(b).date());
            if a == b {
                format!(" on {a}")
            } else {
                format!(" from {a} to {b}")
            }
        }
        _ => String::new(),
    };
    format!(
        "Imported from {}{page}: {}{span}.",
        source_label(source),
        what.join(" and ")
    )
}
