//! incident-timeline: incident timelines (JSON) drawn as Gantt-style outage charts.
//!
//! One pipeline, each stage a folder with a plain data type between stages:
//!
//! ```text
//! JSON text ─parse→ Timeline ─layout(size, zone, view)→ Scene ─draw→ plotters backend
//!            parse/   model/        layout/               layout/scene.rs   draw/
//! ```
//!
//! - [`time`]: instants, zones, reading and writing times; everything stands on it.
//! - [`model`]: the [`Timeline`], and in `model/kinds/` every kind of event, described once.
//! - [`parse`]: format v1 checked into a [`Timeline`], every problem with its JSON path.
//! - `import/` (full build): status-page feeds read into a [`Timeline`], with warnings.
//! - `postmortem/` (full build): a post-mortem's timeline text (plain text or Markdown)
//!   read into a [`Timeline`], with warnings by line and column.
//! - [`layout`]: a [`Timeline`] into a [`Scene`] of positioned shapes and text, with the
//!   crate's own text metrics (so a server and a browser agree); scale, axis breaks, ticks.
//! - [`draw`]: a scene painted on any plotters `DrawingBackend`: SVG, or a canvas in wasm.
//! - [`words`]: the timeline in words: each event described, the summary line.
//! - [`hit`]: pointer and keyboard targets, read from a scene.
//! - [`render`]: the whole pipeline in one call ([`render_svg`]), from user options.
//! - `web/` (wasm only): the boundary to JavaScript: `parseTimeline`, `renderToSvg`, `Chart`.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// f64::clamp asserts min <= max, and its message formats floats with Debug:
// a kilobyte in the widget's wasm, and a panic where a bound can be NaN.
// The crate clamps floats with max/min instead.
#![allow(clippy::manual_clamp)]

mod decimal;
pub mod draw;
mod find;
pub mod hit;
#[cfg(feature = "full")]
pub mod import;
pub mod layout;
pub mod model;
mod names;
mod order;
pub mod parse;
#[cfg(feature = "full")]
pub mod postmortem;
mod problem;
pub mod render;
mod strings;
mod template;
pub mod time;
pub mod words;

#[cfg(target_arch = "wasm32")]
mod web;

pub use draw::theme::{Theme, ThemeName};
pub use layout::scale::ScaleMode;
pub use layout::scene::Scene;
pub use layout::{layout, LayoutOptions};
pub use model::{Event, Kind, Lane, Link, Severity, Timeline};
#[cfg(feature = "full")]
pub use parse::parse;
pub use parse::parse_value;
pub use problem::{Problem, Problems};
#[cfg(feature = "full")]
pub use render::render_svg;
pub use render::RenderOptions;
pub use time::Zone;
