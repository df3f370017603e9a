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

#[cfg(feature = "full")]
use crate::import::{ImportOptions, Source};
use crate::problem::{Problem, Problems};
#[cfg(feature = "full")]
use crate::render::RenderOptions;
#[cfg(feature = "full")]
use read::read_from;
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
    let e = js_sys::Error::new(&problems.text());
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
        // The whole problem in words, place first (the element shows this).
        let _ = set("text", JsValue::from_str(&p.text()));
        list.push(&o);
    }
    let _ = js_sys::Reflect::set(&e, &JsValue::from_str("problems"), &list);
    e.into()
}

pub(crate) fn one(path: &str, message: impl Into<String>) -> JsValue {
    error(&Problems::one(Problem::at(path, message)))
}

/// The options that say how to read a feed, with their JavaScript names.
#[cfg(feature = "full")]
const FEED_OPTIONS: [&str; 7] = [
    "from",
    "since",
    "until",
    "incident",
    "components",
    "date",
    "infer",
];

/// Rendering options and feed options from one JavaScript object.
#[cfg(feature = "full")]
fn options_from(options: &JsValue) -> Result<(RenderOptions, ImportOptions), JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Default::default());
    }
    // serde-wasm-bindgen reads a struct's fields by name, so it never sees
    // unknown keys; check them here, and drop `undefined` values (absent, as
    // in JSON) so that `{ theme: undefined }` means the default.
    const RENDER: [&str; 7] = [
        "width",
        "timeZone",
        "theme",
        "scale",
        "hourCycle",
        "locale",
        "now",
    ];
    if !options.is_object() {
        return Err(one("options", "the options must be an object"));
    }
    let given: &js_sys::Object = options.unchecked_ref();
    let clean = js_sys::Object::new();
    let mut feed = ImportOptions::default();
    for key in js_sys::Object::keys(given).iter() {
        let name = key.as_string().unwrap_or_default();
        let value = js_sys::Reflect::get(given, &key).unwrap_or(JsValue::UNDEFINED);
        if FEED_OPTIONS.contains(&name.as_str()) {
            feed_option(&mut feed, &name, &value)?;
            continue;
        }
        if !RENDER.contains(&name.as_str()) {
            let all: Vec<&str> = RENDER.iter().chain(&FEED_OPTIONS).copied().collect();
            return Err(one(
                &format!("options.{name}"),
                format!(
                    "unknown option \"{name}\"; the options are {}",
                    crate::strings::join(&all, ", ")
                ),
            ));
        }
        if !value.is_undefined() {
            set(&clean, &name, &value);
        }
    }
    let render =
        serde_wasm_bindgen::from_value(clean.into()).map_err(|e| one("options", format!("{e}")))?;
    Ok((render, feed))
}

/// One feed option (`from`, `since`, `until`, `incident`, `components`).
#[cfg(feature = "full")]
fn feed_option(o: &mut ImportOptions, name: &str, value: &JsValue) -> Result<(), JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(());
    }
    let path = format!("options.{name}");
    let text = || {
        value
            .as_string()
            .ok_or_else(|| one(&path, format!("\"{name}\" must be a string")))
    };
    let instant = || -> Result<crate::time::Instant, JsValue> {
        if let Some(ms) = value.as_f64() {
            return Ok(crate::time::from_ms(ms));
        }
        let v = text()?;
        let v = if v.len() == 10 {
            format!("{v}T00:00:00Z")
        } else {
            v
        };
        match crate::time::timestamp::parse_time(&v) {
            Ok(crate::time::timestamp::TimeSpec::Absolute(t)) => Ok(t),
            Ok(crate::time::timestamp::TimeSpec::WallClock(l)) => {
                Ok(l.and_utc().timestamp_millis())
            }
            Err(why) => Err(one(&path, why)),
        }
    };
    match name {
        "from" => {
            let v = text()?;
            o.from = Some(Source::from_name(&v).ok_or_else(|| {
                one(
                    &path,
                    format!("\"from\" is statuspage, incidentio, gcp or text, not \"{v}\""),
                )
            })?);
        }
        "since" => o.since = Some(instant()?),
        "until" => o.until = Some(instant()?),
        "incident" => o.incident = Some(text()?),
        "date" => {
            let v = text()?;
            o.date = Some(crate::import::ImportOptions::parse_date(&v).ok_or_else(|| {
                one(
                    &path,
                    format!("\"date\" is a date like 2022-12-07, not \"{v}\""),
                )
            })?);
        }
        "infer" => {
            let v = text()?;
            o.infer = crate::postmortem::Infer::from_name(&v).ok_or_else(|| {
                one(
                    &path,
                    format!(
                        "\"infer\" is {}, not \"{v}\"",
                        crate::postmortem::Infer::VALUES
                    ),
                )
            })?;
        }
        _ => {
            let list = js_sys::Array::is_array(value)
                .then(|| {
                    js_sys::Array::from(value)
                        .iter()
                        .map(|v| v.as_string())
                        .collect::<Option<Vec<_>>>()
                })
                .flatten()
                .ok_or_else(|| one(&path, "\"components\" must be an array of names"))?;
            o.components = list;
        }
    }
    Ok(())
}

#[cfg(feature = "full")]
/// Checks a timeline (format v1 or a feed) and returns it normalized: lanes
/// explicit, defaults filled in, times in UTC.
#[wasm_bindgen(js_name = parseTimeline)]
pub fn parse_timeline(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let (_, feed) = options_from(&options)?;
    Ok(to_js(&read_from(&input, &feed)?.timeline))
}

/// Draws a timeline (format v1 or a feed) as a standalone SVG document.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = renderToSvg)]
pub fn render_to_svg(input: JsValue, options: JsValue) -> Result<String, JsValue> {
    let (render, feed) = options_from(&options)?;
    let t = read_from(&input, &feed)?.timeline;
    if let Some(tag) = &render.locale {
        warn_locale(tag);
    }
    crate::render::render_svg(&t, &render).map_err(|p| error(&p))
}

/// Says once (on the console) that a locale without a table is written in English.
#[cfg(feature = "full")]
fn warn_locale(tag: &str) {
    use std::cell::RefCell;
    thread_local! {
        static WARNED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }
    let Err(why) = crate::render::locale_named(tag) else {
        return;
    };
    let first = WARNED.with(|w| {
        let mut w = w.borrow_mut();
        let first = !w.iter().any(|t| t == tag);
        if first {
            w.push(tag.to_string());
        }
        first
    });
    if first {
        web_sys::console::warn_1(&JsValue::from_str(&crate::strings::cat(&[
            "incident-timeline: ",
            &why,
        ])));
    }
}

/// Reads a status-page feed, a post-mortem's timeline text (or format v1)
/// and returns `{ timeline, warnings, source }`: the timeline as a format v1
/// document, what could not be mapped or read (each `{ path, line?, column?,
/// message }`), and the source's name (`text` for text; null for format v1).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = importTimeline)]
pub fn import_timeline(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let (_, feed) = options_from(&options)?;
    let read = read_from(&input, &feed)?;
    let out = js_sys::Object::new();
    let timeline = js_sys::JSON::parse(&read.timeline.to_document())?;
    set(&out, "timeline", &timeline);
    let warnings = js_sys::Array::new();
    for w in &read.warnings {
        let o = js_sys::Object::new();
        set(&o, "path", &JsValue::from_str(&w.path));
        if let (Some(line), Some(column)) = (w.line, w.column) {
            set(&o, "line", &JsValue::from(line as u32));
            set(&o, "column", &JsValue::from(column as u32));
        }
        set(&o, "message", &JsValue::from_str(&w.message));
        warnings.push(&o);
    }
    set(&out, "warnings", &warnings);
    let source = read
        .source
        .map_or(JsValue::NULL, |s| JsValue::from_str(s.name()));
    set(&out, "source", &source);
    Ok(out.into())
}

#[cfg(feature = "full")]
fn set(o: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(o, &JsValue::from_str(key), value);
}
