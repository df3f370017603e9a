//! The whole pipeline in one call, for the command-line tool and
//! `renderToSvg`: rendering options as users give them (command-line flags,
//! JavaScript option objects), checked and turned into [`LayoutOptions`],
//! then layout, then an SVG document.
use crate::strings::cat;

#[cfg(feature = "full")]
use crate::draw::theme::Theme;
use crate::draw::theme::ThemeName;
#[cfg(feature = "full")]
use crate::layout::layout;
use crate::layout::scale::ScaleMode;
use crate::layout::LayoutOptions;
#[cfg(feature = "full")]
use crate::model::Timeline;
use crate::problem::{Problem, Problems};
use crate::time::clock::HourCycle;
use crate::time::zone::Zone;
use crate::time::{Instant, EARLIEST, LATEST};
use crate::words::Locale;
use serde::Deserialize;
use std::sync::Arc;

/// Options for rendering, also read from JavaScript option objects.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct RenderOptions {
    /// Width in px.
    pub width: f64,
    /// `UTC`, an IANA name, or `None` for the document's zone.
    pub time_zone: Option<String>,
    /// Light or dark.
    pub theme: ThemeName,
    /// Compressed idle time (auto) or linear.
    pub scale: ScaleMode,
    /// 12- or 24-hour clock; `None`: the locale's.
    pub hour_cycle: Option<HourCycle>,
    /// The reader's language, a BCP 47 tag (`de-DE`); `None`: English. A
    /// locale without a table falls back to English ([`locale_named`]).
    pub locale: Option<String>,
    /// The present, for ongoing events (ms since the epoch).
    pub now: Option<f64>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            width: 900.0,
            time_zone: None,
            theme: ThemeName::Light,
            scale: ScaleMode::Auto,
            hour_cycle: None,
            locale: None,
            now: None,
        }
    }
}

impl RenderOptions {
    /// The layout these options ask for.
    pub fn layout_options(&self) -> Result<LayoutOptions, Problems> {
        if !(self.width.is_finite() && self.width > 0.0 && self.width <= 100_000.0) {
            return Err(Problems::one(Problem::at(
                "width",
                cat(&[
                    "width ",
                    &crate::decimal::decimal(self.width),
                    " is not a usable number of pixels",
                ]),
            )));
        }
        if let Some(now) = self.now {
            if !((EARLIEST as f64)..=(LATEST as f64)).contains(&now) {
                return Err(Problems::one(Problem::at(
                    "now",
                    "now must be a time from the year 0 to the year 9999, in milliseconds since 1970",
                )));
            }
        }
        let zone = match &self.time_zone {
            None => None,
            Some(name) => {
                Some(Zone::named(name).map_err(|m| Problems::one(Problem::at("timeZone", m)))?)
            }
        };
        Ok(LayoutOptions {
            width: self.width,
            zone,
            hour_cycle: self.hour_cycle,
            locale: Arc::new(
                self.locale
                    .as_deref()
                    .and_then(|tag| locale_named(tag).ok())
                    .unwrap_or_default(),
            ),
            scale: self.scale,
            view: None,
            now: self.now.map(|n| n as Instant),
        })
    }
}

/// The locale for a BCP 47 tag: its language's table (in the full build;
/// the widget is handed its tables by the page), or, for a language without
/// one, why English is written instead (a warning for the user, not an
/// error).
pub fn locale_named(tag: &str) -> Result<Locale, String> {
    #[cfg(feature = "full")]
    if let Some(locale) = crate::words::tables::locale(tag) {
        return Ok(locale);
    }
    Err(cat(&[
        "no translation for the locale \"",
        tag,
        "\" (there are en, de, fr, es, pt, ja, zh-Hans): writing English",
    ]))
}

/// The timeline as a standalone SVG document.
#[cfg(feature = "full")]
pub fn render_svg(t: &Timeline, o: &RenderOptions) -> Result<String, Problems> {
    let options = o.layout_options()?;
    let scene = layout(t, &options);
    let theme = Theme::named(o.theme);
    crate::draw::svg::svg_document(t, &scene, &theme, options.now, &options.locale)
}

/// A timeline read from text that may be format v1 or a status-page feed,
/// with the importer's warnings (none for format v1).
#[cfg(feature = "full")]
pub struct Read {
    /// The timeline.
    pub timeline: Timeline,
    /// What an importer could not map, each with its JSON path.
    pub warnings: Vec<crate::problem::Problem>,
    /// The feed it came from; `None` for format v1.
    pub source: Option<crate::import::Source>,
}

/// Reads format v1 or a feed: format v1 unless `o.from` names a source or
/// the document is not shaped like format v1 ([`crate::parse::is_format_v1`]).
#[cfg(feature = "full")]
pub fn read_value(
    value: &serde_json::Value,
    o: &crate::import::ImportOptions,
) -> Result<Read, Problems> {
    if o.from.is_none() && crate::parse::is_format_v1(value) {
        return Ok(Read {
            timeline: crate::parse::parse_value(value)?,
            warnings: Vec::new(),
            source: None,
        });
    }
    let imported = crate::import::import_value(value, o)?;
    Ok(Read {
        timeline: imported.timeline,
        warnings: imported.warnings,
        source: Some(imported.source),
    })
}

/// Reads format v1, a feed, or a post-mortem's timeline text: text when
/// `o.from` says so, or when it is not JSON at all (it does not start with
/// `{` or `[`); else [`read_value`].
#[cfg(feature = "full")]
pub fn read_text(text: &str, o: &crate::import::ImportOptions) -> Result<Read, Problems> {
    use crate::import::Source;
    let looks_like_json = crate::parse::looks_like_json(text) && o.from != Some(Source::Text);
    if !looks_like_json && o.from.is_none_or(|s| s == Source::Text) {
        crate::parse::check_size(text.len())?;
        let options = crate::postmortem::TextOptions {
            date: o.date,
            time_zone: None,
            infer: o.infer,
            ..Default::default()
        };
        let read = crate::postmortem::read_text(text, &options)?;
        return Ok(Read {
            timeline: read.timeline,
            warnings: read.warnings,
            source: Some(Source::Text),
        });
    }
    // Problems and warnings name JSON paths; the text places them too.
    let place = |p: &mut [crate::problem::Problem]| crate::parse::place::place(text, p);
    let mut read = read_value(&crate::parse::parse_json(text)?, o).map_err(|mut e| {
        place(&mut e.0);
        e
    })?;
    place(&mut read.warnings);
    Ok(read)
}
