//! A timeline written back as a format v1 document: what `import` prints
//! for an author to polish, and what the importers hand the widget. Stable
//! and readable: fields in the order docs/format.md lists them, defaults
//! left out, times with the offset of the document's zone.

use super::{Event, Impact, Link, Timeline};
use crate::time::{format_local, Zone};
use serde::Serialize;

#[derive(Serialize)]
struct Document<'a> {
    version: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    timezone: Option<&'a str>,
    lanes: Vec<LaneDocument<'a>>,
    events: Vec<EventDocument<'a>>,
}

#[derive(Serialize)]
struct LaneDocument<'a> {
    id: &'a str,
    label: &'a str,
}

#[derive(Serialize)]
struct EventDocument<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    lane: &'a str,
    kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    at: Option<String>,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    severity: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    impact: Option<f64>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    links: &'a [Link],
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    inferred: bool,
}

fn event<'a>(t: &'a Timeline, e: &'a Event, zone: &Zone) -> EventDocument<'a> {
    let spec = e.kind.spec();
    let time = |at| format_local(at, zone);
    let (start, end, at) = if e.is_point() {
        (None, None, Some(time(e.start)))
    } else {
        (Some(time(e.start)), e.end.map(time), None)
    };
    EventDocument {
        id: e.id.as_deref(),
        lane: &t.lanes[e.lane].id,
        kind: e.kind.as_str(),
        start,
        end,
        at,
        title: &e.title,
        detail: e.detail.as_deref(),
        severity: (e.severity != spec.default_severity).then(|| e.severity.as_str()),
        impact: if spec.impact == Impact::Share {
            e.impact
        } else {
            None
        },
        links: &e.links,
        inferred: e.inferred,
    }
}

impl Timeline {
    /// The timeline as a format v1 document (JSON text, indented), which
    /// `parse` reads back as the same timeline.
    pub fn to_document(&self) -> String {
        let zone = self.zone.clone().unwrap_or_else(Zone::utc);
        let doc = Document {
            version: 1,
            title: self.title.as_deref(),
            description: self.description.as_deref(),
            timezone: self.zone.as_ref().map(|z| z.name()),
            lanes: self
                .lanes
                .iter()
                .map(|l| LaneDocument {
                    id: &l.id,
                    label: &l.label,
                })
                .collect(),
            events: self.events.iter().map(|e| event(self, e, &zone)).collect(),
        };
        let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
        text.push('\n');
        text
    }
}

#[cfg(test)]
mod tests {
    use crate::parse;

    #[test]
    fn every_example_reads_back_as_the_same_timeline() {
        for entry in std::fs::read_dir("www/examples").unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|x| x != "json") {
                continue;
            }
            let t = parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let written = t.to_document();
            let again =
                parse(&written).unwrap_or_else(|p| panic!("{}: {p}\n{written}", path.display()));
            assert_eq!(again.events, t.events, "{}", path.display());
            assert_eq!(again.lanes, t.lanes);
            assert_eq!(
                (&again.title, &again.description),
                (&t.title, &t.description)
            );
            assert_eq!(
                again.zone.as_ref().map(|z| z.name()),
                t.zone.as_ref().map(|z| z.name())
            );
            // Written once more, the same bytes: the output is stable.
            assert_eq!(again.to_document(), written);
        }
    }
}
