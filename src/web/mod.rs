//! The browser and Node boundary (wasm only): parse, render to SVG, and a
//! `Chart` object the custom element keeps per widget. Errors cross as JS
//! `Error`s whose `problems` property lists each problem with its path.

use crate::draw::draw;
use crate::draw::theme::{Rgb, Role, Theme, ThemeName};
use crate::hit::{event_at, event_bounds, step, time_order, Step};
use crate::layout::scene::Scene;
use crate::layout::{frame, layout_view, Frame, LayoutOptions};
use crate::model::Timeline;
use crate::options::RenderOptions;
use crate::parse::parse_value;
use crate::problem::{Problem, Problems};
use crate::time::clock::HourCycle;
use crate::time::zone::Zone;
use crate::words::describe::describe;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Talc instead of the default dlmalloc: smaller on the wire and faster.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(feature = "full")]
fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

fn error(problems: &Problems) -> JsValue {
    let e = js_sys::Error::new(&problems.to_string());
    e.set_name("IncidentTimelineError");
    // Built by hand rather than through serde: the widget's wasm stays smaller.
    let list = js_sys::Array::new();
    for p in problems.iter() {
        let o = js_sys::Object::new();
        let set = |k: &str, v: JsValue| js_sys::Reflect::set(&o, &JsValue::from_str(k), &v);
        let _ = set("path", JsValue::from_str(&p.path));
        if let (Some(line), Some(column)) = (p.line, p.column) {
            let _ = set("line", JsValue::from(line as u32));
            let _ = set("column", JsValue::from(column as u32));
        }
        let _ = set("message", JsValue::from_str(&p.message));
        list.push(&o);
    }
    let _ = js_sys::Reflect::set(&e, &JsValue::from_str("problems"), &list);
    e.into()
}

fn one(path: &str, message: impl Into<String>) -> JsValue {
    error(&Problems::one(Problem::at(path, message)))
}

/// JSON text, or an object (a `.data` property, say).
fn timeline_from(input: &JsValue) -> Result<Timeline, JsValue> {
    if let Some(text) = input.as_string() {
        return parse_text(&text).map_err(|p| error(&p));
    }
    if input.is_undefined() || input.is_null() {
        return Err(one("", "no timeline was given"));
    }
    let value = js_value(input, 0)
        .map_err(|m| one("", format!("the timeline is not plain JSON data: {m}")))?;
    parse_value(&value).map_err(|p| error(&p))
}

#[cfg(feature = "full")]
fn parse_text(text: &str) -> Result<Timeline, Problems> {
    crate::parse::parse(text)
}

/// The widget's build reads JSON text with the host's `JSON.parse` (fast, and
/// it spares the wasm serde_json's parser); syntax errors keep their line and
/// column where the host reports them.
#[cfg(not(feature = "full"))]
fn parse_text(text: &str) -> Result<Timeline, Problems> {
    crate::parse::check_size(text.len())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value =
        js_sys::JSON::parse(text).map_err(|e| Problems::one(host_syntax_problem(&e, text)))?;
    let value = js_value(&value, 0)
        .map_err(|m| Problems::one(Problem::at("", format!("unreadable JSON: {m}"))))?;
    parse_value(&value)
}

/// V8 says "… in JSON at position 57 (line 5 column 3)", Firefox "… at line 5
/// column 3 of the JSON data", older engines only "at position 57".
#[cfg(not(feature = "full"))]
fn host_syntax_problem(error: &JsValue, text: &str) -> Problem {
    let raw = js_sys::Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    let number_after = |key: &str| -> Option<usize> {
        let at = raw.find(key)? + key.len();
        let digits: String = raw[at..].chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    };
    let (mut line, mut column) = (number_after("line "), number_after("column "));
    if line.is_none() {
        if let Some(pos) = number_after("position ") {
            let before: String = text.chars().take(pos).collect();
            line = Some(before.matches('\n').count() + 1);
            column = Some(before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1);
        }
    }
    let what = raw
        .split(" in JSON at")
        .next()
        .unwrap_or(&raw)
        .split(" at line ")
        .next()
        .unwrap_or(&raw)
        .trim_start_matches("JSON.parse: ");
    Problem {
        path: String::new(),
        line,
        column,
        message: format!("JSON syntax error: {what}"),
    }
}

/// A JS value as JSON data, walked by hand.
fn js_value(v: &JsValue, depth: usize) -> Result<serde_json::Value, String> {
    use serde_json::Value;
    if depth > 128 {
        return Err("it is nested more than 128 levels deep".into());
    }
    if let Some(s) = v.as_string() {
        return Ok(Value::String(s));
    }
    if let Some(n) = v.as_f64() {
        if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 {
            return Ok(Value::from(n as i64));
        }
        return serde_json::Number::from_f64(n)
            .map(Value::Number)
            .ok_or_else(|| format!("{} is not a JSON number", crate::decimal::decimal(n)));
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if v.is_null() || v.is_undefined() {
        return Ok(Value::Null);
    }
    if js_sys::Array::is_array(v) {
        let a: &js_sys::Array = v.unchecked_ref();
        return a
            .iter()
            .map(|x| js_value(&x, depth + 1))
            .collect::<Result<_, _>>()
            .map(Value::Array);
    }
    if v.is_object() && !v.is_function() {
        let o: &js_sys::Object = v.unchecked_ref();
        let mut map = serde_json::Map::new();
        for key in js_sys::Object::keys(o).iter() {
            let value = js_sys::Reflect::get(o, &key)
                .map_err(|_| "a property could not be read".to_string())?;
            if value.is_undefined() {
                continue;
            }
            map.insert(
                key.as_string().unwrap_or_default(),
                js_value(&value, depth + 1)?,
            );
        }
        return Ok(Value::Object(map));
    }
    Err("it holds a value JSON cannot (a function, symbol or bigint)".into())
}

#[cfg(feature = "full")]
fn options_from(options: &JsValue) -> Result<RenderOptions, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(RenderOptions::default());
    }
    // serde-wasm-bindgen reads a struct's fields by name, so it never sees
    // unknown keys; check them here, and drop `undefined` values (absent, as
    // in JSON) so that `{ theme: undefined }` means the default.
    const KNOWN: [&str; 6] = ["width", "timeZone", "theme", "scale", "hourCycle", "now"];
    if !options.is_object() {
        return Err(one("options", "the options must be an object"));
    }
    let given: &js_sys::Object = options.unchecked_ref();
    let clean = js_sys::Object::new();
    for key in js_sys::Object::keys(given).iter() {
        let name = key.as_string().unwrap_or_default();
        if !KNOWN.contains(&name.as_str()) {
            return Err(one(
                &format!("options.{name}"),
                format!(
                    "unknown option \"{name}\"; the options are {}",
                    KNOWN.join(", ")
                ),
            ));
        }
        let value = js_sys::Reflect::get(given, &key).unwrap_or(JsValue::UNDEFINED);
        if !value.is_undefined() {
            set(&clean, &name, &value);
        }
    }
    serde_wasm_bindgen::from_value(clean.into()).map_err(|e| one("options", format!("{e}")))
}

#[cfg(feature = "full")]
/// Checks a timeline and returns it normalized: lanes explicit, defaults filled in, times in UTC.
#[wasm_bindgen(js_name = parseTimeline)]
pub fn parse_timeline(input: JsValue) -> Result<JsValue, JsValue> {
    Ok(to_js(&timeline_from(&input)?))
}

/// Draws a timeline as a standalone SVG document.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = renderToSvg)]
pub fn render_to_svg(input: JsValue, options: JsValue) -> Result<String, JsValue> {
    let t = timeline_from(&input)?;
    crate::draw::svg::render_svg(&t, &options_from(&options)?).map_err(|p| error(&p))
}

/// One widget's timeline, options and latest scene.
#[wasm_bindgen]
pub struct Chart {
    timeline: Timeline,
    options: LayoutOptions,
    theme: Theme,
    colors: Vec<(Role, Rgb)>,
    /// The view-independent layout, kept while zooming and panning.
    frame: Option<Frame>,
    scene: Option<Scene>,
    order: Vec<usize>,
}

/// Colour roles a page can set, in the order of `ROLES` in js/interact.js.
const COLOR_ROLES: [Role; 11] = [
    Role::Outage,
    Role::OutageCritical,
    Role::Degraded,
    Role::Maintenance,
    Role::Activity,
    Role::Milestone,
    Role::Background,
    Role::Text,
    Role::MutedText,
    Role::Grid,
    Role::LaneBand,
];

#[cfg(feature = "full")]
fn set(o: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(o, &JsValue::from_str(key), value);
}

#[wasm_bindgen]
impl Chart {
    /// Reads a timeline (JSON text or object); throws with every problem found.
    #[wasm_bindgen(constructor)]
    pub fn new(input: JsValue) -> Result<Chart, JsValue> {
        let timeline = timeline_from(&input)?;
        Ok(Chart {
            order: time_order(&timeline),
            timeline,
            options: LayoutOptions::default(),
            theme: Theme::named(Default::default()),
            colors: Vec::new(),
            frame: None,
            scene: None,
        })
    }

    /// Sets the width (CSS px), display zone (`None`: the document's), theme,
    /// and the present (ms since the epoch, for ongoing events). Plain
    /// arguments rather than an options object: deserializing one would cost
    /// the widget's wasm several kilobytes.
    pub fn configure(
        &mut self,
        width: f64,
        time_zone: Option<String>,
        dark: bool,
        now: f64,
    ) -> Result<(), JsValue> {
        // The present matters only to ongoing events, and to the minute.
        let ongoing = self.timeline.events.iter().any(|e| e.is_ongoing());
        // A page's clock is what it is: keep it within the years documents use.
        let now = if ongoing {
            (now.max(crate::time::EARLIEST).min(crate::time::LATEST) / 60_000.0).floor() * 60_000.0
        } else {
            0.0
        };
        // Keep the zone (and the offsets it has looked up) while it is the
        // same one: configure runs on every frame of a pan or zoom.
        let same_zone = match (&time_zone, &self.options.zone) {
            (Some(name), Some(z)) => z.name() == name,
            (None, None) => true,
            _ => false,
        };
        let theme = if dark {
            ThemeName::Dark
        } else {
            ThemeName::Light
        };
        let o = RenderOptions {
            width,
            time_zone: if same_zone { None } else { time_zone },
            theme,
            now: Some(now),
            ..RenderOptions::default()
        };
        let mut next = o.layout_options().map_err(|p| error(&p))?;
        if same_zone {
            next.zone = self.options.zone.take();
        }
        next.view = self.options.view;
        let changed =
            !same_zone || next.width != self.options.width || next.now != self.options.now;
        if changed {
            self.frame = None;
        }
        self.options = next;
        self.theme = Theme::named(theme);
        for (role, color) in &self.colors {
            self.theme.set(*role, *color);
        }
        Ok(())
    }

    /// Overrides a colour of the theme: `role` indexes [`COLOR_ROLES`]. The
    /// page resolves CSS colours to RGB (any CSS colour syntax works there,
    /// and this stays small). False for an unknown role.
    #[wasm_bindgen(js_name = setColor)]
    pub fn set_color(&mut self, role: usize, r: u8, g: u8, b: u8) -> bool {
        let Some(&role) = COLOR_ROLES.get(role) else {
            return false;
        };
        self.colors.retain(|(x, _)| *x != role);
        self.colors.push((role, Rgb(r, g, b)));
        true
    }

    /// Drops every colour override.
    #[wasm_bindgen(js_name = clearColors)]
    pub fn clear_colors(&mut self) {
        self.colors.clear();
    }

    fn zone(&self) -> Zone {
        self.options
            .zone
            .clone()
            .or_else(|| self.timeline.zone.clone())
            .unwrap_or_else(Zone::utc)
    }

    /// The event under (x, y) in CSS pixels (with `slack` px of tolerance), or -1.
    pub fn hit(&self, x: f64, y: f64, slack: f64) -> i32 {
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

    /// Event `i` in words, in the display zone, as strings: title, kind,
    /// lane, when, start, end, duration, impact, detail, sentence, id, then
    /// each link's URL and label (js/interact.js reads them by position;
    /// an array costs the wasm less than an object).
    pub fn describe(&self, i: usize) -> Vec<String> {
        let Some(e) = self.timeline.events.get(i) else {
            return Vec::new();
        };
        let zone = self.zone();
        let cycle = self
            .options
            .hour_cycle
            .unwrap_or_else(|| HourCycle::for_zone(&zone));
        let d = describe(&self.timeline, i, &zone, cycle, self.options.now);
        let sentence = d.sentence();
        let mut out = vec![
            d.title,
            d.kind,
            d.lane,
            d.when,
            d.start,
            d.end,
            d.duration,
            d.impact,
            e.detail.clone().unwrap_or_default(),
            sentence,
            e.id.clone().unwrap_or_default(),
        ];
        for l in &e.links {
            out.push(l.url.clone());
            out.push(l.label.clone().unwrap_or_else(|| l.url.clone()));
        }
        out
    }

    /// Event indices in time order (for the table view).
    pub fn order(&self) -> Vec<u32> {
        self.order.iter().map(|&i| i as u32).collect()
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
        let half = (b - a) / 2;
        let mid = e.start + (end - e.start) / 2;
        self.options.view = Some((mid - half, mid + half));
    }

    /// The axis's tick step as drawn: `[count, unit]` with unit 0 seconds,
    /// 1 minutes, 2 hours, 3 days, 4 weeks, 5 months, 6 years; empty before a draw.
    #[wasm_bindgen(getter, js_name = tickStep)]
    pub fn tick_step(&self) -> Vec<u32> {
        use crate::layout::ticks::Step as S;
        match self.scene.as_ref().and_then(|s| s.tick_step) {
            Some(S::Seconds(n)) => vec![n, 0],
            Some(S::Minutes(n)) => vec![n, 1],
            Some(S::Hours(n)) => vec![n, 2],
            Some(S::Days(n)) => vec![n, 3],
            Some(S::Week) => vec![1, 4],
            Some(S::Months(n)) => vec![n, 5],
            Some(S::Years(n)) => vec![n, 6],
            None => Vec::new(),
        }
    }

    /// True while zoomed or panned away from the whole timeline.
    #[wasm_bindgen(getter)]
    pub fn zoomed(&self) -> bool {
        self.options.view.is_some()
    }

    /// Lays out at the configured width and paints onto `canvas` at
    /// `pixel_ratio` device pixels per CSS pixel, the rows from `top` to
    /// `bottom` (CSS pixels; `bottom <= top` paints everything). Returns the
    /// height in CSS pixels.
    pub fn draw(
        &mut self,
        canvas: &HtmlCanvasElement,
        pixel_ratio: f64,
        top: f64,
        bottom: f64,
    ) -> Result<f64, JsValue> {
        let frame = self
            .frame
            .get_or_insert_with(|| frame(&self.timeline, &self.options));
        let scene = layout_view(&self.timeline, frame, self.options.view);
        let ratio = if pixel_ratio.is_finite() {
            pixel_ratio.max(1.0).min(4.0)
        } else {
            1.0
        };
        // Resizing a canvas reallocates and clears it: only when the size changes.
        let (w, h) = (
            (scene.width * ratio).round() as u32,
            (scene.height * ratio).round() as u32,
        );
        if canvas.width() != w || canvas.height() != h {
            canvas.set_width(w);
            canvas.set_height(h);
        }
        let ctx: CanvasRenderingContext2d = canvas
            .get_context("2d")?
            .ok_or_else(|| one("", "this browser gave no 2D canvas"))?
            .dyn_into()?;
        ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0)?;
        let mut backend = crate::draw::canvas::Canvas::new(ctx, (w, h));
        let band = if bottom > top {
            (top, bottom)
        } else {
            (0.0, scene.height)
        };
        draw(&scene, &self.theme, &mut backend, 1.0, band)
            .map_err(|e| one("", format!("drawing failed: {e}")))?;
        let height = scene.height;
        self.scene = Some(scene);
        Ok(height)
    }

    /// Number of events.
    #[wasm_bindgen(getter, js_name = eventCount)]
    pub fn event_count(&self) -> usize {
        self.timeline.events.len()
    }

    /// Number of lanes.
    #[wasm_bindgen(getter, js_name = laneCount)]
    pub fn lane_count(&self) -> usize {
        self.timeline.lanes.len()
    }

    /// The document's own time zone, if it names one.
    #[wasm_bindgen(getter, js_name = timeZone)]
    pub fn time_zone(&self) -> Option<String> {
        self.timeline.zone.as_ref().map(|z| z.name().to_string())
    }

    /// The timeline's title, if any.
    #[wasm_bindgen(getter)]
    pub fn title(&self) -> Option<String> {
        self.timeline.title.clone()
    }
}
