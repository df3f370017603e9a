//! The chart's header: the title (at most two lines), the summary line
//! under it, and the legend, which names each colour in use.
use crate::strings::cat;

use super::scene::{Anchor, LegendEntry, Rect, Role, Swatch, Text};
use super::text::{text, wrap};
use super::text_metrics::{fit_text, text_width};
use super::{PAD, SUMMARY_FONT, TITLE_FONT};
use crate::model::{BarStyle, Fill, Kind, Timeline};
use crate::time::Instant;
use crate::words::summary::summarize;
use crate::words::Locale;

/// The title and summary lines from `y` down, and the `y` below them.
pub(super) fn title_and_summary(
    t: &Timeline,
    now: Option<Instant>,
    inner: f64,
    mut y: f64,
    locale: &Locale,
) -> (Vec<Text>, Vec<Text>, f64) {
    let mut title = Vec::new();
    if let Some(tt) = &t.title {
        for line in wrap(tt, TITLE_FONT, true, inner, 2, " ") {
            title.push(text(
                PAD,
                y + TITLE_FONT * 0.6,
                line,
                TITLE_FONT,
                true,
                Anchor::Start,
                Role::Text,
            ));
            y += TITLE_FONT * 1.3;
        }
        y += 2.0;
    }
    let summary_line = if t.events.is_empty() {
        locale.word("summary.none").to_string()
    } else {
        summarize(t, now).line(locale)
    };
    let mut summary = Vec::new();
    for line in wrap(&summary_line, SUMMARY_FONT, false, inner, 3, " · ") {
        summary.push(text(
            PAD,
            y + SUMMARY_FONT * 0.6,
            line,
            SUMMARY_FONT,
            false,
            Anchor::Start,
            Role::MutedText,
        ));
        y += SUMMARY_FONT * 1.35;
    }
    (title, summary, y + 6.0)
}

/// What a kind's legend swatch looks like.
pub(super) fn swatch(bar: BarStyle) -> Swatch {
    match bar {
        BarStyle::Full => Swatch::Block,
        BarStyle::Share => Swatch::Partial,
        BarStyle::Thin => Swatch::Thin,
        BarStyle::Diamond => Swatch::Diamond,
    }
}

/// One entry for each colour the events use, kind by kind in legend order
/// (a kind's critical colour right after its own), then the axis break's
/// when there are breaks: laid out in lines from `y` within `width`. Returns
/// the entries and the `y` below them.
pub(super) fn legend(
    t: &Timeline,
    has_breaks: bool,
    width: f64,
    mut y: f64,
    locale: &Locale,
) -> (Vec<LegendEntry>, f64) {
    // The colours in use, and whether some event drawn as a share leaves it unstated.
    let mut used: Vec<Fill> = Vec::new();
    let mut unstated: Vec<Fill> = Vec::new();
    for e in &t.events {
        let spec = e.kind.spec();
        let fill = spec.fill_for(e.severity);
        let list = if spec.bar == BarStyle::Share && e.impact.is_none() {
            &mut unstated
        } else {
            &mut used
        };
        if !list.contains(&fill) {
            list.push(fill);
        }
    }
    let mut entries: Vec<(Swatch, Role, String)> = Vec::new();
    for kind in Kind::ALL {
        let spec = kind.spec();
        // Each entry's words: `legend.<kind>`, `legend.<kind>.critical`, …
        let colours = [
            (Some(spec.fill), "", &used, swatch(spec.bar)),
            (spec.critical_fill, ".critical", &used, swatch(spec.bar)),
            (Some(spec.fill), ".unstated", &unstated, Swatch::Hatched),
        ];
        for (fill, variant, list, swatch) in colours {
            if let Some(fill) = fill.filter(|f| list.contains(f)) {
                let key = cat(&["legend.", spec.name, variant]);
                entries.push((swatch, Role::Fill(fill), locale.word(&key).to_string()));
            }
        }
    }
    if has_breaks {
        let label = locale.word("legend.break").to_string();
        entries.push((Swatch::Break, Role::Break, label));
    }
    let mut legend = Vec::new();
    let mut lx = PAD;
    let line_h = 18.0;
    for (swatch, role, label) in entries {
        // A label longer than the chart is wide (a narrow chart in a wordy
        // language) is cut to fit.
        let room = width - 2.0 * PAD - 17.0;
        let label = if text_width(&label, SUMMARY_FONT, false) > room {
            fit_text(&label, SUMMARY_FONT, false, room).unwrap_or_default()
        } else {
            label
        };
        let w = 12.0 + 5.0 + text_width(&label, SUMMARY_FONT, false);
        if lx > PAD && lx + w > width - PAD {
            lx = PAD;
            y += line_h;
        }
        let cy = y + line_h / 2.0;
        legend.push(LegendEntry {
            swatch_rect: Rect {
                x: lx,
                y: cy - 6.0,
                w: 12.0,
                h: 12.0,
            },
            swatch,
            role,
            text: text(
                lx + 17.0,
                cy,
                label,
                SUMMARY_FONT,
                false,
                Anchor::Start,
                Role::Text,
            ),
        });
        lx += w + 16.0;
    }
    (legend, y + line_h + 8.0)
}
