//! Reading what JavaScript hands the core into a timeline: JSON text, or a
//! plain object (a `.data` property) walked into JSON values.
use crate::strings::cat;

use super::{error, one};
use crate::model::Timeline;
use crate::parse::json::{Map, Value};
#[cfg(not(feature = "full"))]
use crate::parse::parse_value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// JSON text, or an object (a `.data` property, say), as JSON data.
fn value_from(input: &JsValue) -> Result<Value, JsValue> {
    if let Some(text) = input.as_string() {
        reserve(text.len().min(crate::parse::MAX_DOCUMENT_BYTES) * 3);
        return parse_json(&text);
    }
    if input.is_undefined() || input.is_null() {
        return Err(one("", "no timeline was given"));
    }
    // Read with Reflect, which catches: a hostile `.data` (a throwing getter
    // or Proxy) must not throw through the wasm.
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &JsValue::from_str(k)).ok();
    let events = get(input, "events").and_then(|e| get(&e, "length")?.as_f64());
    let most = crate::parse::MAX_EVENTS as f64;
    reserve(events.unwrap_or(0.0).clamp(0.0, most) as usize * 768);
    js_value(input, 0).map_err(|m| one("", cat(&["the timeline is not plain JSON data: ", &m])))
}

/// Reserves about `bytes` of heap at once (allocated and freed): reading a
/// large timeline then grows the wasm memory once, not 64 KiB at a time
/// (the allocator grows by what each allocation needs, and each growth also
/// costs the glue its views of the memory). It asks for no more than
/// reading the timeline would take anyway.
fn reserve(bytes: usize) {
    drop(Vec::<u8>::with_capacity(bytes));
}

/// A format v1 timeline. A document of another shape (a status-page feed,
/// say) is an error whose `notFormatV1` is true, and a timeline with
/// problems one whose `needsFullCore` is true: the element then hands it to
/// the full core, which carries the importers and the problems' messages
/// (the widget's wasm carries neither).
#[cfg(not(feature = "full"))]
pub(super) fn timeline_from(input: &JsValue) -> Result<Timeline, JsValue> {
    let value = value_from(input)?;
    if !crate::parse::is_format_v1(&value) {
        return Err(for_full_core(
            "notFormatV1",
            "this is not a format v1 timeline (an object with \"version\" and \"events\")",
        ));
    }
    // Its problems are found here but described by the full core (see
    // `problem::say`): the element hands the timeline to it, as a feed.
    parse_value(&value).map_err(|_| {
        for_full_core(
            "needsFullCore",
            "this timeline has problems, and what they are could not be loaded",
        )
    })
}

/// Format v1 or a status-page feed (told apart by shape, or named in `o`).
#[cfg(feature = "full")]
pub(super) fn read_from(
    input: &JsValue,
    o: &crate::import::ImportOptions,
) -> Result<crate::render::Read, JsValue> {
    match input.as_string() {
        // Text: format v1 or a feed as JSON, or a post-mortem's timeline text.
        Some(text) => crate::render::read_text(&text, o),
        None => crate::render::read_value(&value_from(input)?, o),
    }
    .map_err(|p| error(&p))
}

/// Format v1 or a feed told apart by its shape.
#[cfg(feature = "full")]
pub(super) fn timeline_from(input: &JsValue) -> Result<Timeline, JsValue> {
    Ok(read_from(input, &Default::default())?.timeline)
}

#[cfg(feature = "full")]
fn parse_json(text: &str) -> Result<Value, JsValue> {
    crate::parse::parse_json(text).map_err(|p| error(&p))
}

/// The widget's build reads JSON text with the host's `JSON.parse` (fast, and
/// it spares the wasm serde_json's parser). A syntax error in what looks like
/// JSON is described by the full core, as a timeline's problems are: its
/// parser says where the text stops being JSON, the same in every browser
/// (JavaScriptCore's messages name no place at all).
#[cfg(not(feature = "full"))]
fn parse_json(text: &str) -> Result<Value, JsValue> {
    crate::parse::check_size(text.len()).map_err(|p| error(&p))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(value) = js_sys::JSON::parse(text) else {
        // The same test the full core's reader makes, so what goes to it is
        // read as JSON there, not as a post-mortem's text.
        return Err(if crate::parse::looks_like_json(text) {
            for_full_core(
                "needsFullCore",
                "this timeline is not valid JSON, and where it breaks could not be loaded",
            )
        } else {
            one("", "this is not JSON: a timeline starts with {")
        });
    };
    js_value(&value, 0).map_err(|m| one("", cat(&["unreadable JSON: ", &m])))
}

/// An error the element hands, with the timeline, to the full core (`flag`
/// says why: `notFormatV1`, a feed for its importers; `needsFullCore`,
/// problems for it to describe); `message` is what shows when it cannot be
/// loaded.
#[cfg(not(feature = "full"))]
fn for_full_core(flag: &str, message: &str) -> JsValue {
    let e = one("", message);
    let _ = js_sys::Reflect::set(&e, &JsValue::from_str(flag), &JsValue::TRUE);
    e
}

/// A JS value as JSON data, walked by hand.
fn js_value(v: &JsValue, depth: usize) -> Result<Value, String> {
    if depth > 128 {
        return Err("it is nested more than 128 levels deep".into());
    }
    if let Some(s) = v.as_string() {
        return Ok(Value::String(s));
    }
    // Objects and arrays next, with one question each (most values in a
    // timeline are strings, then objects): each question is a call across
    // the boundary. (`is_object` is false for functions and null.)
    if v.is_object() {
        if js_sys::Array::is_array(v) {
            let a: &js_sys::Array = v.unchecked_ref();
            return a
                .iter()
                .map(|x| js_value(&x, depth + 1))
                .collect::<Result<_, _>>()
                .map(Value::Array);
        }
        let o: &js_sys::Object = v.unchecked_ref();
        let keys = js_sys::Object::keys(o);
        let mut map = Map::with_capacity(keys.length() as usize);
        for key in keys.iter() {
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
    if let Some(n) = v.as_f64() {
        if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 {
            return Ok(Value::Number(serde_json::Number::from(n as i64)));
        }
        return serde_json::Number::from_f64(n)
            .map(Value::Number)
            .ok_or_else(|| cat(&[&crate::decimal::decimal(n), " is not a JSON number"]));
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if v.is_null() || v.is_undefined() {
        return Ok(Value::Null);
    }
    Err("it holds a value JSON cannot (a function, symbol or bigint)".into())
}
