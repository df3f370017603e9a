//! incident-timeline: incident timelines (JSON) drawn as Gantt-style outage charts.
//!
//! One pipeline, each stage a module with a plain data type between stages:
//!
//! ```text
//! JSON text ─parse→ Timeline ─layout(size, zone, view)→ Scene ─draw→ plotters backend
//! ```
//!
//! [`parse`] checks a document against format v1 and reports every problem with
//! its JSON path; [`layout`] turns a [`Timeline`] into a [`Scene`] of positioned
//! shapes and text using the crate's own text metrics (so a server and a browser
//! agree); [`draw`] paints a scene on any plotters `DrawingBackend`; [`svg`]
//! does that into an SVG string.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// f64::clamp asserts min <= max, and its message formats floats with Debug:
// a kilobyte in the widget's wasm, and a panic where a bound can be NaN.
// The crate clamps floats with max/min instead.
#![allow(clippy::manual_clamp)]

pub mod clock;
pub mod decimal;
pub mod describe;
pub mod draw;
pub mod hit;
pub mod layout;
pub mod model;
pub mod options;
pub mod order;
pub mod parse;
pub mod problem;
pub mod scale;
pub mod scene;
pub mod summary;
#[cfg(feature = "full")]
pub mod svg;
pub mod text_metrics;
pub mod theme;
pub mod ticks;
pub mod timestamp;
pub mod zone;

#[cfg(target_arch = "wasm32")]
mod bindings;
#[cfg(target_arch = "wasm32")]
pub mod canvas;

pub use layout::{layout, LayoutOptions};
pub use model::{Event, Kind, Lane, Link, Severity, Timeline};
pub use options::RenderOptions;
#[cfg(feature = "full")]
pub use parse::parse;
pub use parse::parse_value;
pub use problem::{Problem, Problems};
pub use scale::ScaleMode;
pub use scene::Scene;
#[cfg(feature = "full")]
pub use svg::render_svg;
pub use theme::{Theme, ThemeName};
pub use zone::Zone;
