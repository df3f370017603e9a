//! Zone rules in wasm, read from the host: `Temporal` where it has it (an
//! offset costs well under a millisecond), else `Intl.DateTimeFormat`, whose
//! first formatter costs 13–28 ms of ICU start-up on the first paint. Both
//! read the tz database browsers and Node ship. Abbreviations ("PST") always
//! come from Intl, and only when a text asks for one (a tooltip, the table),
//! so a chart's first paint needs no Intl where Temporal exists.

use crate::time::Instant;
use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

/// Offsets change at most on quarter hours (modern rules): a quarter hour's
/// offset is read once, at its start.
const BUCKET_MS: i64 = 900_000;
/// Two quarter hours at most this far apart with the same offset have that
/// offset in between: no zone has changed its offset and back within a week
/// (the shortest real stretches, such as Ramadan in Morocco, last weeks).
const SAME_WITHIN: i64 = 7 * 24 * 4;

/// An IANA zone backed by the host's Intl.
#[derive(Clone)]
pub struct NamedZone(Rc<Inner>);

struct Inner {
    name: String,
    /// `Temporal.Instant`, when the host has Temporal.
    temporal: Option<JsValue>,
    /// The Intl formatter offsets are read with when there is no Temporal,
    /// made on first use.
    parts: OnceCell<Option<Intl::DateTimeFormat>>,
    /// What is known of the offset: stretches of quarter hours
    /// `(first, last, offset)`, sorted and apart, each bounded by two
    /// quarter hours read from Intl. A chart's instants mostly fall in a few
    /// of them, so a whole chart needs a handful of Intl calls.
    offsets: RefCell<Vec<(i64, i64, i32)>>,
    /// Abbreviations by UTC offset (a zone's "PST" is its "PST" whenever it
    /// is eight hours behind): each costs a new Intl formatter otherwise.
    abbreviations: RefCell<Vec<(i32, Option<String>)>>,
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o
}

/// `new Intl.DateTimeFormat(locale, opts)`, with a bad zone as `None`
/// rather than an exception crossing into Rust.
fn formatter(locale: &str, opts: &Object) -> Option<Intl::DateTimeFormat> {
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    let ctor: js_sys::Function = Reflect::get(&intl, &JsValue::from_str("DateTimeFormat"))
        .ok()?
        .dyn_into()
        .ok()?;
    let args = Array::of2(&JsValue::from_str(locale), opts);
    Reflect::construct(&ctor, &args)
        .ok()
        .map(JsCast::unchecked_into)
}

fn part_values(f: &Intl::DateTimeFormat, t: Instant) -> Vec<(String, String)> {
    let date = Date::new(&JsValue::from_f64(t as f64));
    f.format_to_parts(&date)
        .iter()
        .map(|p| {
            let get = |k: &str| {
                Reflect::get(&p, &JsValue::from_str(k))
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default()
            };
            (get("type"), get("value"))
        })
        .collect()
}

/// `obj[key]`.
fn get(obj: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(obj, &JsValue::from_str(key)).ok()
}

/// `obj[method](arg)`, with an exception as `None`.
fn call(obj: &JsValue, method: &str, arg: &JsValue) -> Option<JsValue> {
    let f: Function = get(obj, method)?.dyn_into().ok()?;
    f.call1(obj, arg).ok()
}

/// The formatter offsets are read with: every field of the wall clock.
fn parts_formatter(name: &str) -> Option<Intl::DateTimeFormat> {
    formatter(
        "en-US",
        &options(&[
            ("timeZone", name),
            ("hourCycle", "h23"),
            ("year", "numeric"),
            ("month", "numeric"),
            ("day", "numeric"),
            ("hour", "numeric"),
            ("minute", "numeric"),
            ("second", "numeric"),
        ]),
    )
}

impl NamedZone {
    pub fn new(name: &str) -> Option<NamedZone> {
        let temporal = get(&js_sys::global(), "Temporal")
            .and_then(|t| get(&t, "Instant"))
            .filter(JsValue::is_function);
        let parts = OnceCell::new();
        // The host's own spelling of the zone: Temporal's `timeZoneId`, or
        // Intl's resolved `timeZone`. An unknown zone has none.
        let resolved = match &temporal {
            Some(instant) => call(instant, "fromEpochMilliseconds", &JsValue::from_f64(0.0))
                .and_then(|i| call(&i, "toZonedDateTimeISO", &JsValue::from_str(name)))
                .and_then(|z| get(&z, "timeZoneId")),
            None => {
                let f = parts_formatter(name)?;
                let zone = get(&f.resolved_options(), "timeZone");
                let _ = parts.set(Some(f));
                zone
            }
        }?
        .as_string()
        .unwrap_or_default();
        // The host forgives case; the native tz database does not. Agree with it.
        if resolved != name && resolved.eq_ignore_ascii_case(name) {
            return None;
        }
        Some(NamedZone(Rc::new(Inner {
            name: name.to_string(),
            temporal,
            parts,
            offsets: RefCell::new(Vec::new()),
            abbreviations: RefCell::new(Vec::new()),
        })))
    }

    pub fn name(&self) -> &str {
        &self.0.name
    }

    /// The offset at `t`. A quarter hour not known yet is read, and so is
    /// the one [`SAME_WITHIN`] later: the same offset there means the same
    /// all week, else the change between them is found by halving (about
    /// ten reads). A chart of a month then costs a handful of reads in all,
    /// not one per event.
    pub fn offset_seconds(&self, t: Instant) -> i32 {
        let bucket = t.div_euclid(BUCKET_MS);
        if let Some(off) = self.known(bucket) {
            return off;
        }
        let off = self.read_bucket(bucket);
        let (mut same, mut other) = (bucket, bucket + SAME_WITHIN);
        let mut other_off = self.read_bucket(other);
        if other_off == off {
            same = other;
        } else {
            while other - same > 1 {
                let mid = same + (other - same) / 2;
                let o = self.read_bucket(mid);
                if o == off {
                    same = mid;
                } else {
                    (other, other_off) = (mid, o);
                }
            }
            self.learn(other, other, other_off);
        }
        self.learn(bucket, same, off);
        off
    }

    /// The known offset of quarter hour `bucket`, if any.
    fn known(&self, bucket: i64) -> Option<i32> {
        let known = self.0.offsets.borrow();
        let i = known.partition_point(|s| s.1 < bucket);
        known.get(i).filter(|s| s.0 <= bucket).map(|s| s.2)
    }

    /// Quarter hour `bucket`'s offset, read from the host.
    fn read_bucket(&self, bucket: i64) -> i32 {
        self.read_offset(bucket * BUCKET_MS)
    }

    /// Records that quarter hours `first..=last` have offset `off`, joined
    /// with each stretch of that offset at most [`SAME_WITHIN`] away.
    fn learn(&self, mut first: i64, mut last: i64, off: i32) {
        let mut known = self.0.offsets.borrow_mut();
        known.retain(|&(f, l, o)| {
            let near = o == off && f - last <= SAME_WITHIN && first - l <= SAME_WITHIN;
            if near {
                (first, last) = (first.min(f), last.max(l));
            }
            !near
        });
        let i = known.partition_point(|s| s.1 < first);
        known.insert(i, (first, last, off));
    }

    /// The offset at `at`: Temporal's, or from Intl the wall clock there
    /// minus `at`.
    fn read_offset(&self, at: Instant) -> i32 {
        if let Some(instant) = &self.0.temporal {
            let offset = call(
                instant,
                "fromEpochMilliseconds",
                &JsValue::from_f64(at as f64),
            )
            .and_then(|i| call(&i, "toZonedDateTimeISO", &JsValue::from_str(&self.0.name)))
            .and_then(|z| get(&z, "offsetNanoseconds"))
            .and_then(|n| n.as_f64());
            if let Some(ns) = offset {
                return (ns / 1e9) as i32;
            }
        }
        let Some(parts) = self.0.parts.get_or_init(|| parts_formatter(&self.0.name)) else {
            return 0;
        };
        let mut fields = [0i64; 6];
        for (kind, value) in part_values(parts, at) {
            let slot = match kind.as_str() {
                "year" => 0,
                "month" => 1,
                "day" => 2,
                "hour" => 3,
                "minute" => 4,
                "second" => 5,
                _ => continue,
            };
            fields[slot] = value.parse().unwrap_or(0);
        }
        let local =
            chrono::NaiveDate::from_ymd_opt(fields[0] as i32, fields[1] as u32, fields[2] as u32)
                .and_then(|d| {
                    d.and_hms_opt(fields[3] as u32 % 24, fields[4] as u32, fields[5] as u32)
                })
                .map(|l| l.and_utc().timestamp_millis());
        local.map_or(0, |l| (crate::time::between(at, l) / 1000) as i32)
    }

    pub fn abbreviation(&self, t: Instant) -> Option<String> {
        let off = self.offset_seconds(t);
        if let Some((_, a)) = self
            .0
            .abbreviations
            .borrow()
            .iter()
            .find(|(o, _)| *o == off)
        {
            return a.clone();
        }
        let a = ["en-US", "en-GB"].into_iter().find_map(|locale| {
            let f = formatter(
                locale,
                &options(&[("timeZone", &self.0.name), ("timeZoneName", "short")]),
            )?;
            part_values(&f, t)
                .into_iter()
                .find(|(k, _)| k == "timeZoneName")
                .map(|(_, v)| v)
                .filter(|v| !v.starts_with("GMT"))
        });
        self.0.abbreviations.borrow_mut().push((off, a.clone()));
        a
    }
}
