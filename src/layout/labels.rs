//! Event labels: what each says and where it goes. A range that hurts users
//! says its times first ("8:24–8:49 AM · 25 min · Connections rejected"), a
//! milestone its time ("10:27 AM · Root cause found"), any other event its
//! title. A label goes inside its bar, else right or left of it, wherever it
//! fits without touching a neighbour or another label. Where the whole label
//! does not fit, the title is cut, then left out: the times go last. A range
//! that hurts users and still finds no room is left to [`super::callouts`];
//! other labels are then left to the tooltip, the details and the table.
use crate::strings::cat;

use super::scene::{Anchor, Role, Text};
use super::text::text;
use super::text_metrics::{fit_text, text_width};
use super::{LABEL_FONT, LABEL_PAD};
use crate::model::{Impact, Timeline};
use crate::words::times::TimeWords;

/// Narrowest room a cut title is worth.
const MIN_CUT: f64 = 40.0;

/// The texts of every event's label, measured once per frame, and only
/// for the events that can have one: those with a row of their own (a
/// lane's dense row is never labelled), as rows are assigned
/// ([`super::rows::assign_rows`]). Most events of a large timeline sit in
/// dense rows, and writing their times was most of a first draw.
pub(super) struct Texts {
    /// The times each label leads with ("" for none, or not measured).
    times: Vec<String>,
    times_w: Vec<f64>,
    title_w: Vec<f64>,
    /// Whether the event must show its times: a range that hurts users.
    must: Vec<bool>,
    /// What joins times and title (" · "), and its width.
    sep: String,
    sep_w: f64,
}

impl Texts {
    /// Room for the label texts of `t`'s events, none measured yet.
    pub(super) fn new(t: &Timeline, words: &TimeWords<'_>) -> Texts {
        let n = t.events.len();
        Texts {
            times: vec![String::new(); n],
            times_w: vec![0.0; n],
            title_w: vec![0.0; n],
            must: t
                .events
                .iter()
                .map(|e| !e.is_point() && e.kind.spec().impact != Impact::None)
                .collect(),
            sep: words.separator().to_string(),
            sep_w: text_width(words.separator(), LABEL_FONT, false),
        }
    }

    /// Writes and measures event `i`'s label, its times as `words` says.
    pub(super) fn measure(&mut self, t: &Timeline, words: &TimeWords<'_>, i: usize) {
        let e = &t.events[i];
        let s = words.of(e).unwrap_or_default();
        self.times_w[i] = text_width(&s, LABEL_FONT, false);
        self.times[i] = s;
        self.title_w[i] = text_width(&e.title, LABEL_FONT, false);
    }

    /// The times event `i`'s label leads with ("" for none).
    pub(super) fn times(&self, i: usize) -> &str {
        &self.times[i]
    }

    /// Their width at the label font.
    pub(super) fn times_w(&self, i: usize) -> f64 {
        self.times_w[i]
    }

    /// Whether event `i` must show its times (a range that hurts users).
    pub(super) fn must(&self, i: usize) -> bool {
        self.must[i]
    }

    /// The width of event `i`'s whole label.
    pub(super) fn full_w(&self, i: usize) -> f64 {
        if self.times[i].is_empty() {
            self.title_w[i]
        } else {
            self.times_w[i] + self.sep_w + self.title_w[i]
        }
    }

    /// Event `i`'s label in at most `room` pixels: whole, or the title cut
    /// (when at least [`MIN_CUT`] of it fits), or the times alone; `None`
    /// when not even the times fit. The second value says whether the
    /// title was cut or left out.
    pub(super) fn fit(&self, t: &Timeline, i: usize, room: f64) -> Option<(String, bool)> {
        let (times, title) = (&self.times[i], &t.events[i].title);
        if self.full_w(i) <= room {
            return Some((self.join(times, title), false));
        }
        let for_title = if times.is_empty() {
            room
        } else {
            room - self.times_w[i] - self.sep_w
        };
        if for_title >= MIN_CUT {
            if let Some(cut) = fit_text(title, LABEL_FONT, false, for_title) {
                return Some((self.join(times, &cut), true));
            }
        }
        (!times.is_empty() && self.times_w[i] <= room).then(|| (times.clone(), true))
    }

    fn join(&self, times: &str, title: &str) -> String {
        if times.is_empty() {
            title.to_string()
        } else {
            cat(&[times, &self.sep, title])
        }
    }
}

/// A bar or milestone as label placement sees it.
#[derive(Debug, Clone, Copy)]
pub(super) struct LabelItem {
    pub(super) lane: usize,
    pub(super) row: usize,
    /// Left and right edge.
    pub(super) x0: f64,
    pub(super) x1: f64,
    /// Centre y of its row, and the bottom of the shape.
    pub(super) cy: f64,
    pub(super) bottom: f64,
    pub(super) event: usize,
    /// Whether its label may go inside it.
    pub(super) inside: bool,
    /// Its fill, for the colour of a label inside.
    pub(super) role: Role,
}

/// Where labels went: the labels with the item each belongs to, and the
/// items of ranges that hurt users whose times found no room.
pub(super) struct Placed {
    pub(super) labels: Vec<Text>,
    pub(super) owners: Vec<usize>,
    pub(super) homeless: Vec<usize>,
}

/// Places each item's label inside its bar, to the right, or to the left,
/// wherever it fits without touching a neighbour: the whole label where it
/// fits, else the one with the title cut in the most room, else the times
/// alone. `items` come row by row, left to right.
pub(super) fn place_labels(
    t: &Timeline,
    texts: &Texts,
    items: &[LabelItem],
    x_min: f64,
    x_max: f64,
) -> Placed {
    let mut placed = Placed {
        labels: Vec::new(),
        owners: Vec::new(),
        homeless: Vec::new(),
    };
    let mut occupied = x_min;
    for (k, it) in items.iter().enumerate() {
        if k > 0 && (items[k - 1].lane, items[k - 1].row) != (it.lane, it.row) {
            occupied = x_min;
        }
        let next = items
            .get(k + 1)
            .filter(|n| (n.lane, n.row) == (it.lane, it.row))
            .map_or(x_max, |n| n.x0);
        let ev = it.event;
        // (anchor x, anchor, role, room), in the order they are preferred.
        let inside = (
            it.x0 + LABEL_PAD,
            Anchor::Start,
            label_role(it.role),
            if it.inside {
                it.x1 - it.x0 - 2.0 * LABEL_PAD
            } else {
                f64::NEG_INFINITY
            },
        );
        let right = (
            it.x1 + LABEL_PAD,
            Anchor::Start,
            Role::Text,
            next.min(x_max) - LABEL_PAD - (it.x1 + LABEL_PAD),
        );
        let left = (
            it.x0 - LABEL_PAD,
            Anchor::End,
            Role::Text,
            (it.x0 - LABEL_PAD) - (occupied + LABEL_PAD),
        );
        let spots = [inside, right, left];
        let whole = texts.full_w(ev);
        // The whole label where it fits; else in the most room (inside
        // when that is as roomy), with the title cut or left out.
        let spot = spots
            .iter()
            .find(|s| whole <= s.3)
            .or_else(|| spots.iter().reduce(|a, b| if b.3 > a.3 { b } else { a }));
        let label = spot.and_then(|&(x, anchor, role, room)| {
            let (s, _) = texts.fit(t, ev, room)?;
            Some(text(x, it.cy, s, LABEL_FONT, false, anchor, role))
        });
        occupied = occupied.max(it.x1);
        match label {
            Some(l) => {
                occupied = occupied.max(l.bounds().right());
                placed.labels.push(l);
                placed.owners.push(k);
            }
            None if texts.must(ev) => placed.homeless.push(k),
            None => {}
        }
    }
    placed
}

/// Marks text drawn on a bar: drawing picks a readable colour for that fill.
fn label_role(fill: Role) -> Role {
    match fill {
        Role::Fill(f) => Role::On(f),
        _ => Role::Text,
    }
}
