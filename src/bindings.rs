//! The browser and Node boundary (wasm only): parse, render to SVG, and a
//! `Chart` object the custom element keeps per widget. Errors cross as JS
//! `Error`s whose `problems` property lists each problem with its path.

use crate::draw::draw;
use crate::layout::{layout, LayoutOptions};
use crate::model::Timeline;
use crate::options::RenderOptions;
use crate::parse::parse_value;
use crate::problem::{Problem, Problems};
use crate::scene::Scene;
use crate::theme::{Theme, ThemeName};
use plotters_canvas::CanvasBackend;
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
    let value: serde_json::Value = serde_wasm_bindgen::from_value(input.clone())
        .map_err(|e| one("", format!("the timeline is not plain JSON data: {e}")))?;
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
    let value: serde_json::Value = serde_wasm_bindgen::from_value(value)
        .map_err(|e| Problems::one(Problem::at("", format!("unreadable JSON: {e}"))))?;
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

#[cfg(feature = "full")]
fn options_from(options: &JsValue) -> Result<RenderOptions, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(RenderOptions::default());
    }
    serde_wasm_bindgen::from_value(options.clone()).map_err(|e| one("options", format!("{e}")))
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
    crate::svg::render_svg(&t, &options_from(&options)?).map_err(|p| error(&p))
}

/// One widget's timeline, options and latest scene.
#[wasm_bindgen]
pub struct Chart {
    timeline: Timeline,
    options: LayoutOptions,
    theme: Theme,
    scene: Option<Scene>,
}

#[wasm_bindgen]
impl Chart {
    /// Reads a timeline (JSON text or object); throws with every problem found.
    #[wasm_bindgen(constructor)]
    pub fn new(input: JsValue) -> Result<Chart, JsValue> {
        Ok(Chart {
            timeline: timeline_from(&input)?,
            options: LayoutOptions::default(),
            theme: Theme::named(Default::default()),
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
        let o = RenderOptions {
            width,
            time_zone,
            theme: if dark {
                ThemeName::Dark
            } else {
                ThemeName::Light
            },
            now: Some(now),
            ..RenderOptions::default()
        };
        let view = self.options.view;
        self.options = o.layout_options().map_err(|p| error(&p))?;
        self.options.view = view;
        self.theme = Theme::named(o.theme);
        self.scene = None;
        Ok(())
    }

    /// Lays out at the configured width and paints onto `canvas` at
    /// `pixel_ratio` device pixels per CSS pixel. Returns the height in CSS pixels.
    pub fn draw(&mut self, canvas: &HtmlCanvasElement, pixel_ratio: f64) -> Result<f64, JsValue> {
        let scene = layout(&self.timeline, &self.options);
        let ratio = if pixel_ratio.is_finite() {
            pixel_ratio.clamp(1.0, 4.0)
        } else {
            1.0
        };
        canvas.set_width((scene.width * ratio).round() as u32);
        canvas.set_height((scene.height * ratio).round() as u32);
        let ctx: CanvasRenderingContext2d = canvas
            .get_context("2d")?
            .ok_or_else(|| one("", "this browser gave no 2D canvas"))?
            .dyn_into()?;
        ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0)?;
        let mut backend = CanvasBackend::with_canvas_object(canvas.clone())
            .ok_or_else(|| one("", "this browser gave no 2D canvas"))?;
        draw(&scene, &self.theme, &mut backend, 1.0)
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

    /// The timeline's title, if any.
    #[wasm_bindgen(getter)]
    pub fn title(&self) -> Option<String> {
        self.timeline.title.clone()
    }
}
