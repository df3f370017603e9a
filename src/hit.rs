//! Pointer and keyboard targets, read from the scene and the timeline: which
//! event is under a point, where an event is drawn, and which event comes
//! next in time or in the lane above or below. Nothing here lays anything out.

use crate::layout::scene::{Rect, Scene};
use crate::model::Timeline;
use crate::order::by_keys;
use crate::time;

/// How far (px) outside a shape a mouse or pen still hits it: thin bars
/// and small diamonds need some slack.
pub const SLACK: f64 = 3.0;
/// The same for a finger.
pub const TOUCH_SLACK: f64 = 10.0;

/// The event drawn under (x, y), if any; milestones win over bars they sit on.
pub fn event_at(scene: &Scene, x: f64, y: f64, slack: f64) -> Option<usize> {
    let grow = |r: Rect, by: f64| Rect {
        x: r.x - by,
        y: r.y - by,
        w: r.w + 2.0 * by,
        h: r.h + 2.0 * by,
    };
    let marker = scene
        .markers
        .iter()
        .filter(|m| grow(m.bounds(), slack).has_point(x, y))
        .min_by(|a, b| (a.x - x).abs().total_cmp(&(b.x - x).abs()));
    if let Some(m) = marker {
        return Some(m.event);
    }
    scene
        .bars
        .iter()
        .filter(|b| grow(b.rect, slack).has_point(x, y))
        .min_by(|a, b| a.rect.w.total_cmp(&b.rect.w))
        .map(|b| b.event)
}

/// Where event `i` is drawn, if it is in view.
pub fn event_bounds(scene: &Scene, i: usize) -> Option<Rect> {
    scene
        .markers
        .iter()
        .find(|m| m.event == i)
        .map(|m| m.bounds())
        .or_else(|| scene.bars.iter().find(|b| b.event == i).map(|b| b.rect))
}

/// A keyboard move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The next event in time.
    Next,
    /// The previous event in time.
    Previous,
    /// The event in the lane above nearest in time.
    Up,
    /// The event in the lane below nearest in time.
    Down,
    /// The first event in time.
    First,
    /// The last event in time.
    Last,
}

impl Step {
    /// Reads `next`, `previous`, `up`, `down`, `first`, `last`.
    pub fn from_name(name: &str) -> Option<Step> {
        Some(match name {
            "next" => Step::Next,
            "previous" => Step::Previous,
            "up" => Step::Up,
            "down" => Step::Down,
            "first" => Step::First,
            "last" => Step::Last,
            _ => return None,
        })
    }
}

/// Events in time order (start, then lane, then document order).
pub fn time_order(t: &Timeline) -> Vec<usize> {
    by_keys(t.events.iter().map(|e| [e.start, e.lane as i64, 0]))
}

/// Where a keyboard move from `from` (or from nothing) lands.
pub fn step(t: &Timeline, order: &[usize], from: Option<usize>, step: Step) -> Option<usize> {
    let (first, last) = (order.first().copied(), order.last().copied());
    let Some(from) = from else {
        return if step == Step::Last { last } else { first };
    };
    let at = order.iter().position(|&i| i == from)?;
    match step {
        Step::First => first,
        Step::Last => last,
        Step::Next => order.get(at + 1).copied().or(Some(from)),
        Step::Previous => Some(if at == 0 { from } else { order[at - 1] }),
        Step::Up | Step::Down => {
            let lane = t.events[from].lane;
            let target = if step == Step::Up {
                lane.checked_sub(1)
            } else {
                Some(lane + 1).filter(|l| *l < t.lanes.len())
            };
            let Some(target) = target else {
                return Some(from);
            };
            let start = t.events[from].start;
            t.events
                .iter()
                .enumerate()
                .filter(|(_, e)| e.lane == target)
                .min_by_key(|(i, e)| (time::between(start, e.start).saturating_abs(), *i))
                .map(|(i, _)| i)
                .or(Some(from))
        }
    }
}

#[cfg(all(test, feature = "full"))]
mod tests {
    use super::*;
    use crate::layout::{layout, LayoutOptions};
    use crate::parse;

    fn seed() -> Timeline {
        parse(&std::fs::read_to_string("www/examples/seed-postmortem.json").unwrap()).unwrap()
    }

    #[test]
    fn every_drawn_event_is_hit_at_its_centre() {
        let t = seed();
        let scene = layout(&t, &LayoutOptions::default());
        for b in &scene.bars {
            let (x, y) = (b.rect.x + b.rect.w / 2.0, b.rect.y + b.rect.h / 2.0);
            let hit = event_at(&scene, x, y, 0.0).unwrap();
            // A milestone may sit on a bar; otherwise the bar itself is hit.
            assert!(hit == b.event || t.events[hit].is_point(), "{x},{y}");
        }
        for m in &scene.markers {
            assert_eq!(event_at(&scene, m.x, m.y, 0.0), Some(m.event));
            assert_eq!(event_bounds(&scene, m.event), Some(m.bounds()));
        }
        assert_eq!(event_at(&scene, 1.0, 1.0, SLACK), None);
    }

    #[test]
    fn arrows_walk_in_time_order() {
        let t = seed();
        let order = time_order(&t);
        assert!(order
            .windows(2)
            .all(|w| t.events[w[0]].start <= t.events[w[1]].start));
        let first = step(&t, &order, None, Step::Next).unwrap();
        assert_eq!(t.events[first].id.as_deref(), Some("outage-1"));
        let second = step(&t, &order, Some(first), Step::Next).unwrap();
        assert!(t.events[second].start >= t.events[first].start);
        assert_eq!(step(&t, &order, Some(second), Step::Previous), Some(first));
        let down = step(&t, &order, Some(first), Step::Down).unwrap();
        assert_eq!(t.events[down].lane, t.events[first].lane + 1);
        assert_eq!(step(&t, &order, Some(first), Step::Up), Some(first));
        let last = step(&t, &order, None, Step::Last).unwrap();
        assert_eq!(step(&t, &order, Some(last), Step::Next), Some(last));
    }
}
