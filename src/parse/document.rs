//! The document and its lanes: the top-level fields, the declared lanes
//! (or the lanes events name), and each event in turn.

use super::checker::{describe, join, shown, Checker, DOCUMENT_KEYS, LANE_KEYS};
use super::hints::{closest, one_of};
use super::json::{Map, Value};
use super::limits::{MAX_DETAIL_CHARS, MAX_EVENTS, MAX_ID_CHARS, MAX_LANES, MAX_TITLE_CHARS};
use crate::model::{Lane, Timeline};
use crate::names::Names;
use crate::problem::say;
use crate::time::zone::Zone;

impl Checker {
    pub(super) fn document(&mut self, v: &Value) -> Option<Timeline> {
        let Value::Object(m) = v else {
            self.report(
                "",
                say!(
                    "a timeline is a JSON object with \"version\" and \"events\", not {}",
                    describe(v)
                ),
            );
            return None;
        };
        self.known_keys(m, "", &DOCUMENT_KEYS);
        match m.get("version") {
            None => self.report(
                "version",
                say!("\"version\" is missing; add \"version\": 1"),
            ),
            // 1.0 is the same JSON number as 1 (and valid under the schema's "integer").
            Some(Value::Number(n)) if n.as_f64() == Some(1.0) => {}
            Some(other) => self.report(
                "version",
                say!(
                    "version {} is not supported; this reads format version 1",
                    shown(other)
                ),
            ),
        }
        let title = self
            .text(m, "", "title", false, MAX_TITLE_CHARS)
            .map(str::to_string);
        let description = self
            .text(m, "", "description", false, MAX_DETAIL_CHARS)
            .map(str::to_string);
        let zone = match self.text(m, "", "timezone", false, 100) {
            Some(name) => match Zone::named(name) {
                Ok(z) => Some(z),
                Err(msg) => {
                    self.report("timezone", msg);
                    None
                }
            },
            None => None,
        };
        let zone_failed = m.contains_key("timezone") && zone.is_none();

        let declared = m.get("lanes").and_then(|v| self.lanes(v));
        let lanes_given = m.contains_key("lanes");
        let mut lanes = declared.unwrap_or_default();
        let mut lane_index = Names::default();
        for (i, l) in lanes.iter().enumerate() {
            lane_index.insert(&l.id, i);
        }

        let Some(events_value) = m.get("events") else {
            self.report(
                "events",
                say!("\"events\" is missing; add \"events\": [] with the timeline's events"),
            );
            return None;
        };
        let items = self.array(events_value, "events", MAX_EVENTS)?;
        let mut events = Vec::with_capacity(items.len());
        let mut ids = Names::default();
        for (i, item) in items.iter().enumerate() {
            let path = say!("events[{i}]");
            let Some(em) = self.object(item, &path, "an event") else {
                continue;
            };
            if let Some(id) = em.get("id").and_then(Value::as_str) {
                if let Some(first) = ids.get(id) {
                    self.report(
                        join(&path, "id"),
                        say!("duplicate id \"{id}\": events[{first}] already uses it"),
                    );
                } else {
                    ids.insert(id, i);
                }
            }
            let lane = self.event_lane(em, &path, lanes_given, &mut lanes, &mut lane_index);
            if let Some(e) = self.event(em, &path, zone.as_ref(), zone_failed, lane) {
                events.push(e);
            }
        }
        if lanes.len() > MAX_LANES {
            self.report(
                "lanes",
                say!(
                    "the events use {} lanes; the most allowed is {MAX_LANES}",
                    lanes.len()
                ),
            );
        }
        Some(Timeline {
            title,
            description,
            zone,
            lanes,
            events,
        })
    }

    fn lanes(&mut self, v: &Value) -> Option<Vec<Lane>> {
        let items = self.array(v, "lanes", MAX_LANES)?;
        let mut lanes: Vec<Lane> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = say!("lanes[{i}]");
            let Some(m) = self.object(item, &path, "a lane") else {
                continue;
            };
            self.known_keys(m, &path, &LANE_KEYS);
            let id = self.id(m, &path, "id", true);
            // Checked before the label, so problems come in document order.
            let duplicate = id.and_then(|id| lanes.iter().position(|l| l.id == id));
            if let (Some(id), Some(first)) = (id, duplicate) {
                self.report(
                    join(&path, "id"),
                    say!("duplicate lane id \"{id}\": lanes[{first}] already uses it"),
                );
            }
            let label = self.text(m, &path, "label", false, MAX_TITLE_CHARS);
            let Some(id) = id.filter(|_| duplicate.is_none()) else {
                continue;
            };
            lanes.push(Lane {
                id: id.to_string(),
                label: label.unwrap_or(id).to_string(),
            });
        }
        Some(lanes)
    }

    fn event_lane(
        &mut self,
        m: &Map<String, Value>,
        path: &str,
        lanes_given: bool,
        lanes: &mut Vec<Lane>,
        index: &mut Names,
    ) -> Option<usize> {
        const IMPLICIT: &str = "events";
        let id = if lanes_given {
            self.text(m, path, "lane", false, MAX_ID_CHARS)
        } else {
            self.id(m, path, "lane", false)
        };
        if let Some(i) = id.and_then(|id| index.get(id)) {
            return Some(i);
        }
        if lanes_given {
            match id {
                Some(_) if !self.reporting() => self.dropped += 1,
                Some(id) => {
                    // Written only with the message (not in the widget's core).
                    let hint = || {
                        let known: Vec<&str> = lanes.iter().map(|l| l.id.as_str()).collect();
                        match closest(id, &known) {
                            Some(k) => say!("did you mean \"{k}\"?"),
                            None if known.is_empty() => say!("\"lanes\" declares none"),
                            None if known.len() > 12 => {
                                say!("\"lanes\" declares {} others", known.len())
                            }
                            None => say!("the lanes are {}", one_of(&known)),
                        }
                    };
                    self.report(join(path, "lane"), say!("unknown lane \"{id}\"; {}", hint()));
                }
                None if !m.contains_key("lane") => self.report(
                    join(path, "lane"),
                    say!("\"lane\" is missing; this document declares \"lanes\", so every event names one"),
                ),
                None => {}
            }
            return None;
        }
        if id.is_none() && m.contains_key("lane") {
            return None;
        }
        let (id, label) = match id {
            Some(id) => (id, id),
            None => (IMPLICIT, "Events"),
        };
        if let Some(i) = index.get(id) {
            return Some(i);
        }
        lanes.push(Lane {
            id: id.to_string(),
            label: label.to_string(),
        });
        index.insert(id, lanes.len() - 1);
        Some(lanes.len() - 1)
    }
}
