//! The `Chart` a widget keeps: its timeline, options, colours and latest
//! scene. It lays out (keeping the view-independent [`Frame`] while the
//! reader zooms and pans), paints on a canvas, and says what an event is in
//! words. What a reader does with it is in [`super::input`].

use super::read::timeline_from;
use super::{error, one};
use crate::draw::canvas::Canvas;
use crate::draw::draw;
use crate::draw::theme::{Rgb, Theme, ThemeName};
use crate::hit::time_order;
use crate::layout::scene::{Role, Scene};
use crate::layout::{frame, layout_view, Frame, LayoutOptions};
use crate::model::Timeline;
use crate::render::RenderOptions;
use crate::time::clock::HourCycle;
use crate::time::{self, Zone};
use crate::words::describe::{describe, Description};
use crate::words::locale::supported;
use crate::words::Locale;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// One widget's timeline, options and latest scene.
#[wasm_bindgen]
pub struct Chart {
    pub(super) timeline: Timeline,
    pub(super) options: LayoutOptions,
    theme: Theme,
    colors: Vec<(Role, Rgb)>,
    /// The view-independent layout, kept while zooming and panning.
    frame: Option<Frame>,
    pub(super) scene: Option<Scene>,
    pub(super) order: Vec<usize>,
    /// The reader's words and formats (English until the page sets them).
    locale: Arc<Locale>,
}

/// The rules JavaScript reads by name: static methods of `Chart`.
#[wasm_bindgen]
impl Chart {
    /// The names of the strings [`Chart::describe`] returns, in its order
    /// and separated by spaces; each link's URL and label follow them.
    #[wasm_bindgen(js_name = describeFields)]
    pub fn describe_fields() -> String {
        let mut names = String::new();
        for name in Description::FIELDS.iter().chain(&["detail", "id"]) {
            if !names.is_empty() {
                names.push(' ');
            }
            names.push_str(name);
        }
        names
    }

    /// The names of the colours a page can set, as `--incident-timeline-<name>`
    /// custom properties, separated by spaces; [`Chart::set_color`] takes
    /// these names.
    #[wasm_bindgen(js_name = colorRoles)]
    pub fn color_roles() -> String {
        let mut names = String::new();
        for (name, _) in Role::SETTABLE {
            if !names.is_empty() {
                names.push(' ');
            }
            names.push_str(name);
        }
        names
    }

    /// The largest timeline document accepted, in bytes (the element refuses
    /// a larger download before reading it).
    #[wasm_bindgen(js_name = maxDocumentBytes)]
    pub fn max_document_bytes() -> u32 {
        crate::parse::MAX_DOCUMENT_BYTES as u32
    }

    /// The language table for a page's `lang` (`de-DE` → `de`, `zh-CN` →
    /// `zh-Hans`, `en-GB` → `en`), or empty when there is none: the page's
    /// `locales/<table>.json` to fetch, unless it is `en` (built in).
    #[wasm_bindgen(js_name = languageFor)]
    pub fn language_for(tag: &str) -> String {
        supported(tag).unwrap_or_default().to_string()
    }

    /// The English word for `key` (for what the element says before a chart
    /// exists, such as its error heading).
    pub fn english(key: &str) -> String {
        Locale::english().word(key).to_string()
    }
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
            locale: Arc::default(),
        })
    }

    /// Sets the reader's locale: `tag` (BCP 47), and `table` an object of
    /// its words by key (English fills the rest; unknown keys are ignored)
    /// and of its formats, each by the name `Formats::FIELDS` gives it after
    /// an `@` (`js/intl.js` asks `Intl` for them; those missing stay English).
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&mut self, tag: &str, table: &JsValue) {
        let mut locale = Locale::new(tag);
        let object: &js_sys::Object = table.unchecked_ref();
        for key in js_sys::Object::keys(object).iter() {
            let value = js_sys::Reflect::get(object, &key)
                .ok()
                .and_then(|v| v.as_string());
            if let (Some(key), Some(value)) = (key.as_string(), value) {
                match key.strip_prefix('@') {
                    Some(name) => locale.formats.set(name, &value),
                    None => locale.set_word(&key, &value),
                };
            }
        }
        self.locale = Arc::new(locale);
        self.frame = None;
    }

    /// The locale's word for `key`, with every `{place}` in it filled with
    /// `value` when given ("{zone} (page)", "{title}: every event").
    pub fn word(&self, key: &str, value: Option<String>) -> String {
        let word = self.locale.word(key);
        match value {
            Some(v) => crate::template::fill(word, |_, out| {
                out.push_str(&v);
                true
            }),
            None => word.to_string(),
        }
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
        hour_cycle: Option<String>,
    ) -> Result<(), JsValue> {
        // The present matters only to ongoing events, and to the minute. A
        // page's clock is what it is: it is kept within the years documents use.
        let ongoing = self.timeline.events.iter().any(|e| e.is_ongoing());
        let now = if ongoing {
            time::from_ms(now).div_euclid(60_000) * 60_000
        } else {
            0
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
            now: Some(now as f64),
            ..RenderOptions::default()
        };
        let mut next = o.layout_options().map_err(|p| error(&p))?;
        if same_zone {
            next.zone = self.options.zone.take();
        }
        next.view = self.options.view;
        next.locale = self.locale.clone();
        next.hour_cycle = hour_cycle.as_deref().and_then(HourCycle::from_name);
        let changed = !same_zone
            || next.width != self.options.width
            || next.now != self.options.now
            || next.hour_cycle != self.options.hour_cycle;
        if changed {
            self.frame = None;
        }
        self.options = next;
        self.theme = Theme::named(theme);
        self.theme.set_all(&self.colors);
        Ok(())
    }

    /// Overrides a colour of the theme: `role` is one of
    /// [`Chart::color_roles`]' names. The page resolves CSS colours to RGB
    /// (any CSS colour syntax works there, and this stays small). False for
    /// an unknown role.
    #[wasm_bindgen(js_name = setColor)]
    pub fn set_color(&mut self, role: &str, r: u8, g: u8, b: u8) -> bool {
        let Some(&(_, role)) = Role::SETTABLE.iter().find(|(name, _)| *name == role) else {
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

    /// Event `i` in words, in the display zone, as strings: the fields
    /// [`Chart::describe_fields`] names, in its order, then each link's URL
    /// and label (an array costs the wasm less than an object).
    pub fn describe(&self, i: usize) -> Vec<String> {
        let Some(e) = self.timeline.events.get(i) else {
            return Vec::new();
        };
        let zone = self.zone();
        let (cycle, now) = (self.options.hour_cycle, self.options.now);
        let d = describe(&self.timeline, i, &zone, &self.locale, cycle, now);
        let mut out = d.into_strings();
        out.push(e.detail.clone().unwrap_or_default());
        out.push(e.id.clone().unwrap_or_default());
        for l in &e.links {
            out.push(l.url.clone());
            out.push(l.label.clone().unwrap_or_else(|| l.url.clone()));
        }
        out
    }

    /// Rows `from..to` of the table (the events in time order), as one
    /// string: each row's cells (lane, kind, title, start, end, duration,
    /// impact) separated by U+001F, the rows by U+001E. One string per slice
    /// of rows crosses to JavaScript once, not once per cell.
    #[wasm_bindgen(js_name = tableRows)]
    pub fn table_rows(&self, from: usize, to: usize) -> String {
        const CELLS: [&str; 7] = [
            "lane", "kind", "title", "start", "end", "duration", "impact",
        ];
        // Where each cell is among the fields, and the zone and clock: once
        // per slice, not per row.
        let fields = CELLS.map(|name| Description::FIELDS.iter().position(|f| *f == name));
        let zone = self.zone();
        let (locale, cycle, now) = (&self.locale, self.options.hour_cycle, self.options.now);
        let mut out = String::new();
        for &i in self
            .order
            .get(from..to.min(self.order.len()))
            .unwrap_or_default()
        {
            let d = describe(&self.timeline, i, &zone, locale, cycle, now).into_strings();
            if !out.is_empty() {
                out.push('\u{1e}');
            }
            for (k, field) in fields.iter().enumerate() {
                if k > 0 {
                    out.push('\u{1f}');
                }
                let cell = field.and_then(|f| d.get(f)).map_or("", String::as_str);
                out.extend(cell.chars().map(|c| if c < ' ' { ' ' } else { c }));
            }
        }
        out
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
        let mut backend = Canvas::new(ctx, (w, h));
        let band = if bottom > top {
            (top, bottom)
        } else {
            (0.0, scene.height)
        };
        draw(&scene, &self.theme, &mut backend, 1.0, band)
            // The canvas backend fails only one way (`CanvasError`).
            .map_err(|_| one("", "drawing failed: the canvas refused to draw"))?;
        let height = scene.height;
        self.scene = Some(scene);
        Ok(height)
    }

    /// What the axis's ticks are, for a screen reader after a zoom ("Time
    /// axis: ticks every 5 minutes"); empty before a draw.
    #[wasm_bindgen(getter, js_name = scaleAnnouncement)]
    pub fn scale_announcement(&self) -> String {
        self.scene
            .as_ref()
            .and_then(|s| s.tick_step)
            .map(|step| crate::words::tick_step(step, &self.locale))
            .unwrap_or_default()
    }

    /// True while zoomed or panned away from the whole timeline.
    #[wasm_bindgen(getter)]
    pub fn zoomed(&self) -> bool {
        self.options.view.is_some()
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

impl Chart {
    /// The display zone: the configured one, else the document's, else UTC.
    fn zone(&self) -> Zone {
        self.options
            .zone
            .clone()
            .or_else(|| self.timeline.zone.clone())
            .unwrap_or_else(Zone::utc)
    }
}
