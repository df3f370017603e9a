//! The list under the chart. When some range that hurts users has no room
//! for its times on the chart (a narrow chart, a crowded lane), every such
//! range is listed under it, in time order: its times, its duration and its
//! title, beside its kind's swatch, so a reader can still write each one
//! down without hovering. In columns where the chart is wide; at most
//! [`MAX_LINES`] lines a column and [`MAX_LIST`] entries, then how many more.
use crate::strings::cat;

use super::header::swatch;
use super::labels::Texts;
use super::scene::{Anchor, LegendEntry, Rect, Role, Swatch, Text};
use super::text::text;
use super::text_metrics::fit_text;
use super::{PAD, SUMMARY_FONT};
use crate::model::{BarStyle, Timeline};
use crate::order::by_keys;
use crate::words::times::TimeWords;

/// Most entries listed, and most lines a column.
pub(super) const MAX_LIST: usize = 120;
pub(super) const MAX_LINES: usize = 40;
const LINE_H: f64 = 17.0;
/// Narrowest column.
const COLUMN_MIN: f64 = 300.0;
const COLUMN_GAP: f64 = 16.0;
const SWATCH: f64 = 10.0;

/// The list's entries, its heading and note, and the `y` below it.
pub(super) struct List {
    pub(super) entries: Vec<LegendEntry>,
    pub(super) notes: Vec<Text>,
    pub(super) bottom: f64,
}

/// Lists the ranges of `t` that must show their times (`texts`), times
/// written as `words` says, from `y` down within `inner` pixels.
pub(super) fn impact_list(
    t: &Timeline,
    texts: &Texts,
    words: &TimeWords<'_>,
    inner: f64,
    y: f64,
) -> List {
    let order = by_keys(t.events.iter().enumerate().map(|(i, e)| {
        [
            i64::from(!texts.must(i)),
            e.start,
            e.end.unwrap_or(crate::time::LATEST),
        ]
    }));
    let listed: Vec<usize> = order.into_iter().take_while(|&i| texts.must(i)).collect();
    let fitting = (((inner + COLUMN_GAP) / (COLUMN_MIN + COLUMN_GAP)).floor() as usize).max(1);
    let shown = listed.len().min(MAX_LIST).min(fitting * MAX_LINES);
    // Cut to the chart's width, as entries are (a long heading in a narrow
    // chart, "Cuándo se vieron afectados los usuarios" at 240 px).
    let fit = |s: &str, bold: bool| fit_text(s, SUMMARY_FONT, bold, inner).unwrap_or_default();
    let heading = text(
        PAD,
        y + 8.0,
        fit(words.locale.word("list.heading"), true),
        SUMMARY_FONT,
        true,
        Anchor::Start,
        Role::Text,
    );
    let y = y + 8.0 + LINE_H;
    let columns = fitting.min(shown.div_ceil(3)).max(1);
    let per_column = shown.div_ceil(columns);
    let col_w = (inner - (columns - 1) as f64 * COLUMN_GAP) / columns as f64;
    let mut entries = Vec::with_capacity(shown);
    for (k, &i) in listed.iter().take(shown).enumerate() {
        let e = &t.events[i];
        let spec = e.kind.spec();
        let (col, line) = (k / per_column.max(1), k % per_column.max(1));
        let x = PAD + col as f64 * (col_w + COLUMN_GAP);
        let cy = y + line as f64 * LINE_H;
        let s = cat(&[&words.range(e.start, e.end), words.separator(), &e.title]);
        let s = fit_text(&s, SUMMARY_FONT, false, col_w - SWATCH - 6.0).unwrap_or_default();
        let shape = if spec.bar == BarStyle::Share && e.impact.is_none() {
            Swatch::Hatched
        } else {
            swatch(spec.bar)
        };
        entries.push(LegendEntry {
            swatch_rect: Rect {
                x,
                y: cy - SWATCH / 2.0,
                w: SWATCH,
                h: SWATCH,
            },
            swatch: shape,
            role: Role::Fill(spec.fill_for(e.severity)),
            text: text(
                x + SWATCH + 6.0,
                cy,
                s,
                SUMMARY_FONT,
                false,
                Anchor::Start,
                Role::Text,
            ),
        });
    }
    let mut bottom = y + per_column as f64 * LINE_H - LINE_H / 2.0;
    let mut notes = vec![heading];
    if listed.len() > shown {
        notes.push(text(
            PAD,
            bottom + LINE_H / 2.0,
            fit(
                &words.locale.fill(
                    "list.more",
                    &[("n", &words.locale.number((listed.len() - shown) as i64))],
                ),
                false,
            ),
            SUMMARY_FONT,
            false,
            Anchor::Start,
            Role::MutedText,
        ));
        bottom += LINE_H;
    }
    List {
        entries,
        notes,
        bottom,
    }
}
