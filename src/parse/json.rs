//! The JSON values a timeline is read from.
//!
//! The full build reads JSON with serde_json (text, feeds, the importers),
//! and these are serde_json's own `Map` and `Value`. The widget only ever
//! gets a timeline from JavaScript (an object it walks, or the host's
//! `JSON.parse`), and keeps it in a leaner tree of the same shape: an
//! object is a list of its fields in the order JavaScript gives them, not
//! a B-tree. A JavaScript object cannot have a key twice, so a lookup can
//! stop at the first. The checker reads both alike (`get`, `keys`, the
//! variants), and decides the same; only the order in which it would list
//! unknown fields differs, and the widget lists none (the full core
//! describes a timeline's problems).
//!
//! The B-tree's code was 2.3 KB gzip of the widget (docs/size.md), and a
//! list is a little quicker to build and drop, one per event.

#[cfg(feature = "full")]
pub use serde_json::{Map, Value};

#[cfg(not(feature = "full"))]
pub use lean::{Map, Value};

#[cfg(not(feature = "full"))]
mod lean {
    use serde_json::Number;

    /// A JSON value, as `serde_json::Value` has it.
    pub enum Value {
        /// `null`.
        Null,
        /// `true` or `false`.
        Bool(bool),
        /// A number (an integer when it has no fraction).
        Number(Number),
        /// A string.
        String(String),
        /// An array.
        Array(Vec<Value>),
        /// An object.
        Object(Map<String, Value>),
    }

    impl Value {
        /// The string, if this is one.
        pub fn as_str(&self) -> Option<&str> {
            match self {
                Value::String(s) => Some(s),
                _ => None,
            }
        }

        /// Whether this is `null`.
        pub fn is_null(&self) -> bool {
            matches!(self, Value::Null)
        }

        /// The object, if this is one.
        pub fn as_object(&self) -> Option<&Map<String, Value>> {
            match self {
                Value::Object(m) => Some(m),
                _ => None,
            }
        }
    }

    /// An object's fields in the order they were given; the keys are
    /// unique (they come from a JavaScript object). Generic in name only,
    /// so that the checker's `Map<String, Value>` reads the same in both
    /// builds.
    pub struct Map<K, V>(Vec<(K, V)>);

    impl Map<String, Value> {
        /// An empty object with room for `n` fields.
        pub fn with_capacity(n: usize) -> Self {
            Map(Vec::with_capacity(n))
        }

        /// Adds a field whose key is not in the map yet (a JavaScript
        /// object's keys are unique).
        pub fn insert(&mut self, key: String, value: Value) {
            self.0.push((key, value));
        }

        /// The value of a field.
        pub fn get(&self, key: &str) -> Option<&Value> {
            self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
        }

        /// Whether the object has a field.
        pub fn contains_key(&self, key: &str) -> bool {
            self.get(key).is_some()
        }

        /// The fields' names, in order.
        pub fn keys(&self) -> impl Iterator<Item = &String> {
            self.0.iter().map(|(k, _)| k)
        }
    }
}

/// The widget's tree decides as the full build's does: every rejected
/// fixture is rejected, every example read with the same events. (Run by
/// `cargo test --no-default-features`; the full build's own tests pin what
/// it decides for each.)
#[cfg(all(test, not(feature = "full")))]
mod tests {
    use super::{Map, Value};
    use crate::parse::parse_value;
    use std::path::Path;

    /// What `web::read` makes of the same document handed over by JavaScript.
    fn lean(v: serde_json::Value) -> Value {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(b),
            serde_json::Value::Number(n) => Value::Number(n),
            serde_json::Value::String(s) => Value::String(s),
            serde_json::Value::Array(a) => Value::Array(a.into_iter().map(lean).collect()),
            serde_json::Value::Object(o) => {
                let mut m = Map::with_capacity(o.len());
                for (k, v) in o {
                    m.insert(k, lean(v));
                }
                Value::Object(m)
            }
        }
    }

    fn documents(dir: &str) -> Vec<(String, serde_json::Value)> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut found = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            if path.extension().is_some_and(|e| e == "json") {
                if let Ok(v) = serde_json::from_str(&text) {
                    found.push((path.display().to_string(), v));
                }
            }
        }
        assert!(found.len() > 3, "no documents in {}", dir.display());
        found
    }

    #[test]
    fn rejects_what_the_full_build_rejects() {
        for (name, v) in documents("tests/fixtures/invalid") {
            assert!(parse_value(&lean(v)).is_err(), "{name} was accepted");
        }
    }

    #[test]
    fn reads_the_examples() {
        for (name, v) in documents("www/examples") {
            let events = v["events"].as_array().map_or(0, Vec::len);
            let t = parse_value(&lean(v)).unwrap_or_else(|_| panic!("{name} was rejected"));
            assert_eq!(t.events.len(), events, "{name}");
        }
    }

    #[test]
    fn fields_are_found_by_name_in_any_order() {
        let mut m = Map::with_capacity(2);
        m.insert("b".into(), Value::Bool(true));
        m.insert("a".into(), Value::Null);
        assert!(m.get("a").is_some_and(Value::is_null));
        assert!(m.contains_key("b") && !m.contains_key("c"));
        assert_eq!(m.keys().collect::<Vec<_>>(), ["b", "a"]);
    }
}
