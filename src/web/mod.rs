//! The browser and Node boundary (wasm only): parse, render to SVG, and a
//! `Chart` object the custom element keeps per widget. Errors cross as JS
//! `Error`s whose `problems` property lists each problem with its path.
//!
//! - [`read`]: what JavaScript hands the core (JSON text or an object) read
//!   into a timeline;
//! - [`chart`]: the `Chart` a widget keeps: configure, colours, draw, words;
//! - [`input`]: what a reader does with a drawn chart: pointer, keys, zoom, pan.
//!
//! JavaScript reads every rule by name from here (the colour roles, the
//! fields of a description, the size limit): no list is shared by position.

mod chart;
mod input;
mod read;

use crate::problem::{Problem, Problems};
#[cfg(feature = "full")]
use crate::render::RenderOptions;
#[cfg(feature = "full")]
use read::timeline_from;
use wasm_bindgen::prelude::*;
#[cfg(feature = "full")]
use wasm_bindgen::JsCast;

/// Talc instead of the default dlmalloc: smaller on the wire and faster.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(feature = "full")]
fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

pub(crate) fn error(problems: &Problems) -> JsValue {
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

pub(crate) fn one(path: &str, message: impl Into<String>) -> JsValue {
    error(&Problems::one(Problem::at(path, message)))
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
    crate::render::render_svg(&t, &options_from(&options)?).map_err(|p| error(&p))
}

#[cfg(feature = "full")]
fn set(o: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(o, &JsValue::from_str(key), value);
}
