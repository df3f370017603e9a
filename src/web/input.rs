//! What a reader does with a drawn chart, answered from its latest scene:
//! what is under the pointer, where an event is, which event a key moves
//! to, and zooming and panning (the next draw shows the new view).

use super::chart::Chart;
use crate::hit::{event_at, event_bounds, step, Step, SLACK, TOUCH_SLACK};
use crate::time;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Chart {
    /// The event under (x, y) in CSS pixels, or -1; a finger (`touch`) may
    /// miss by more than a mouse.
    pub fn hit(&self, x: f64, y: f64, touch: bool) -> i32 {
        let slack = if touch { TOUCH_SLACK } else { SLACK };
        self.scene
            .as_ref()
            .and_then(|s| event_at(s, x, y, slack))
            .map_or(-1, |i| i as i32)
    }

    /// Where event `i` is drawn, `[x, y, width, height]` in CSS pixels; empty when out of view.
    pub fn bounds(&self, i: usize) -> Vec<f64> {
        self.scene
            .as_ref()
            .and_then(|s| event_bounds(s, i))
            .map_or_else(Vec::new, |r| vec![r.x, r.y, r.w, r.h])
    }

    /// A keyboard move (`next`, `previous`, `up`, `down`, `first`, `last`)
    /// from event `from` (-1: none); the event it lands on, or -1.
    pub fn step(&self, from: i32, direction: &str) -> i32 {
        let Some(dir) = Step::from_name(direction) else {
            return -1;
        };
        let from = usize::try_from(from)
            .ok()
            .filter(|i| *i < self.timeline.events.len());
        step(&self.timeline, &self.order, from, dir).map_or(-1, |i| i as i32)
    }

    /// The index of the event with this `id`, or -1.
    pub fn find(&self, id: &str) -> i32 {
        self.timeline
            .events
            .iter()
            .position(|e| e.id.as_deref() == Some(id))
            .map_or(-1, |i| i as i32)
    }

    /// Zooms by `factor` (> 1 zooms in) around pixel `x`; the next `draw` shows it.
    pub fn zoom(&mut self, factor: f64, x: f64) {
        if let Some(scale) = self.scene.as_ref().and_then(|s| s.scale.as_ref()) {
            self.options.view = Some(scale.zoomed(factor, x));
        }
    }

    /// Moves the view as if the chart were dragged `dx` pixels to the right.
    pub fn pan(&mut self, dx: f64) {
        if let Some(scale) = self.scene.as_ref().and_then(|s| s.scale.as_ref()) {
            self.options.view = Some(scale.panned(dx));
        }
    }

    /// Shows the whole timeline again.
    #[wasm_bindgen(js_name = resetView)]
    pub fn reset_view(&mut self) {
        self.options.view = None;
    }

    /// Brings event `i` into view (keeping the zoom) if it is outside it.
    pub fn reveal(&mut self, i: usize) {
        let (Some(e), Some(scene)) = (self.timeline.events.get(i), self.scene.as_ref()) else {
            return;
        };
        let (a, b) = scene.view;
        let end = e.end.unwrap_or(e.start);
        if self.options.view.is_none() || (e.start >= a && end <= b) {
            return;
        }
        let half = time::between(a, b) / 2;
        let mid = time::midpoint(e.start, end);
        self.options.view = Some((time::later(mid, -half), time::later(mid, half)));
    }
}
