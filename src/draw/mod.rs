//! Drawing: paints a [`Scene`] on any plotters `DrawingBackend` — the SVG
//! backend for files and server-side rendering, the canvas backend in the
//! browser. This is the one drawing code path; backends only differ in how
//! they size fonts (`font_scale`).

#[cfg(target_arch = "wasm32")]
pub mod canvas;
#[cfg(feature = "full")]
pub mod svg;
pub mod theme;

use crate::layout::scene::{Anchor, Bar, BarEnd, Marker, Rect, Role, Scene, Swatch, Text};
use crate::layout::text_metrics::{text_width, FONT_FAMILY};
use crate::model::{BarStyle, Fill, Kind};
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontFamily, FontStyle,
};
use theme::{Rgb, Theme};

/// plotters' SVG backend writes `font-size` as size / 1.24; pass this as
/// `font_scale` there so text comes out at the scene's size.
pub const SVG_FONT_SCALE: f64 = 1.24;

#[derive(Clone, Copy)]
struct Paint {
    color: BackendColor,
    width: u32,
}

impl BackendStyle for Paint {
    fn color(&self) -> BackendColor {
        self.color
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

struct Font {
    size: f64,
    bold: bool,
    color: BackendColor,
    anchor: Pos,
}

impl BackendTextStyle for Font {
    type FontError = std::fmt::Error;

    fn color(&self) -> BackendColor {
        self.color
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn style(&self) -> FontStyle {
        if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }
    fn anchor(&self) -> Pos {
        self.anchor
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(FONT_FAMILY)
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        let w = text_width(text, self.size, self.bold).ceil() as i32;
        Ok(((0, 0), (w, (self.size * 1.2).ceil() as i32)))
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _text: &str,
        _pos: BackendCoord,
        _draw: F,
    ) -> Result<Result<(), E>, Self::FontError> {
        // Only vector backends are used; they draw text natively.
        Ok(Ok(()))
    }
}

fn rgba(c: Rgb, alpha: f64) -> BackendColor {
    BackendColor {
        alpha,
        rgb: (c.0, c.1, c.2),
    }
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

struct Painter<'a, B: DrawingBackend> {
    backend: &'a mut B,
    theme: &'a Theme,
    font_scale: f64,
}

type DrawResult<B> = std::result::Result<(), DrawingErrorKind<<B as DrawingBackend>::ErrorType>>;

impl<B: DrawingBackend> Painter<'_, B> {
    fn color(&self, role: Role, alpha: f64) -> BackendColor {
        rgba(self.theme.color(role), alpha)
    }

    fn rect(&mut self, r: &Rect, role: Role, alpha: f64, fill: bool) -> DrawResult<B> {
        let paint = Paint {
            color: self.color(role, alpha),
            width: 1,
        };
        let (x0, y0) = (px(r.x), px(r.y));
        let (x1, y1) = (px(r.right()).max(x0 + 1), px(r.bottom()));
        if fill {
            self.backend.draw_rect((x0, y0), (x1, y1), &paint, true)
        } else {
            self.backend
                .draw_rect((x0, y0), (x1 - 1, y1 - 1), &paint, false)
        }
    }

    /// The body of a degraded bar, over the bar painted in its colour: all
    /// but a one-pixel border and the affected share (from `share_top`
    /// down), in the colour mixed one to four with the background. Opaque:
    /// a canvas paints it faster than a translucent fill and an outline.
    fn faint(&mut self, r: &Rect, share_top: f64, role: Role) -> DrawResult<B> {
        let (x0, y0, x1) = (px(r.x) + 1, px(r.y) + 1, px(r.right()) - 1);
        let y1 = px(share_top).min(px(r.bottom()) - 1);
        if x1 <= x0 || y1 <= y0 {
            return Ok(());
        }
        let (a, b) = (self.theme.color(role), self.theme.color(Role::Background));
        let mix = |a: u8, b: u8| (a as f64 * 0.2 + b as f64 * 0.8).round() as u8;
        let paint = Paint {
            color: BackendColor {
                alpha: 1.0,
                rgb: (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2)),
            },
            width: 1,
        };
        self.backend.draw_rect((x0, y0), (x1, y1), &paint, true)
    }

    /// Diagonal stripes, 5 px apart, inside `r`'s one-pixel border: the
    /// body of a bar whose share is not stated.
    fn hatch(&mut self, r: &Rect, role: Role) -> DrawResult<B> {
        const GAP: i32 = 5;
        let (x0, y0, x1, y1) = (
            px(r.x) + 1,
            px(r.y) + 1,
            px(r.right()) - 1,
            px(r.bottom()) - 1,
        );
        let h = y1 - y0;
        if x1 <= x0 || h <= 0 {
            return Ok(());
        }
        let paint = Paint {
            color: self.color(role, 1.0),
            width: 1,
        };
        // Lines rising to the right, from (c, y1) to (c + h, y0), cut at the sides.
        let mut c = x0 - h + GAP / 2;
        while c < x1 {
            let (sx, sy) = if c < x0 { (x0, y1 - (x0 - c)) } else { (c, y1) };
            let (ex, ey) = if c + h > x1 {
                (x1, y0 + (c + h - x1))
            } else {
                (c + h, y0)
            };
            if ex > sx {
                self.backend.draw_line((sx, sy), (ex, ey), &paint)?;
            }
            c += GAP;
        }
        Ok(())
    }

    fn line(
        &mut self,
        from: (f64, f64),
        to: (f64, f64),
        role: Role,
        alpha: f64,
        width: u32,
    ) -> DrawResult<B> {
        let paint = Paint {
            color: self.color(role, alpha),
            width,
        };
        self.backend
            .draw_line((px(from.0), px(from.1)), (px(to.0), px(to.1)), &paint)
    }

    /// A diamond around (x, y), or its outline: 1.5 px larger, in the
    /// background colour.
    fn diamond(&mut self, x: f64, y: f64, r: f64, role: Role, outline: bool) -> DrawResult<B> {
        let (r, role) = if outline {
            (r + 1.5, Role::Background)
        } else {
            (r, role)
        };
        let paint = Paint {
            color: self.color(role, 1.0),
            width: 1,
        };
        let pts = vec![
            (px(x), px(y - r)),
            (px(x + r), px(y)),
            (px(x), px(y + r)),
            (px(x - r), px(y)),
        ];
        self.backend.fill_polygon(pts, &paint)
    }

    fn text(&mut self, t: &Text) -> DrawResult<B> {
        let h_pos = match t.anchor {
            Anchor::Start => HPos::Left,
            Anchor::Middle => HPos::Center,
            Anchor::End => HPos::Right,
        };
        let font = Font {
            size: t.size * self.font_scale,
            bold: t.bold,
            color: self.color(t.role, 1.0),
            anchor: Pos::new(h_pos, VPos::Center),
        };
        self.backend.draw_text(&t.text, &font, (px(t.x), px(t.y)))
    }
}

/// Paints the scene. `font_scale` is 1 for the canvas, [`SVG_FONT_SCALE`]
/// for SVG. Only what meets the horizontal `band` (top and bottom, in
/// pixels) is painted: a tall chart on a page paints the part on screen.
pub fn draw<B: DrawingBackend>(
    scene: &Scene,
    theme: &Theme,
    backend: &mut B,
    font_scale: f64,
    band: (f64, f64),
) -> DrawResult<B> {
    let mut p = Painter {
        backend,
        theme,
        font_scale,
    };
    let top = band.0.max(0.0);
    let bottom = band.1.min(scene.height).max(top);
    let meets = |r: &Rect| r.bottom() >= top && r.y <= bottom;
    let within = |r: &Rect| {
        let y = r.y.max(top);
        Rect {
            y,
            h: r.bottom().min(bottom) - y,
            ..*r
        }
    };
    let whole = Rect {
        x: 0.0,
        y: 0.0,
        w: scene.width,
        h: scene.height,
    };
    p.rect(&within(&whole), Role::Background, 1.0, true)?;
    for lane in scene.lanes.iter().filter(|l| l.shaded && meets(&l.rect)) {
        p.rect(&within(&lane.rect), Role::LaneBand, 1.0, true)?;
    }
    for b in scene.breaks.iter().filter(|b| meets(&b.rect)) {
        let r = within(&b.rect);
        p.rect(&r, Role::Break, 1.0, true)?;
        for x in [r.x, r.right()] {
            p.line((x, r.y + 2.0), (x, r.bottom()), Role::Grid, 1.0, 1)?;
        }
    }
    for g in &scene.grid {
        let (role, alpha) = if g.major {
            (Role::MutedText, 0.55)
        } else {
            (Role::Grid, 1.0)
        };
        p.line(
            (g.x, (scene.plot.y - 4.0).max(top)),
            (g.x, scene.plot.bottom().min(bottom)),
            role,
            alpha,
            1,
        )?;
    }
    let bars: Vec<&Bar> = scene.bars.iter().filter(|b| meets(&b.rect)).collect();
    paint_bars(&mut p, &bars)?;
    // Milestones come row by row, left to right; one less than a pixel
    // from the last one drawn in its row would cover the same pixels, and
    // is left out.
    let mut last = (f64::NAN, f64::NAN);
    let markers: Vec<_> = scene
        .markers
        .iter()
        .filter(|m| {
            let apart = m.y != last.1 || (m.x - last.0).abs() >= 1.0;
            if apart && meets(&m.bounds()) {
                last = (m.x, m.y);
                return true;
            }
            false
        })
        .collect();
    paint_milestones(&mut p, &markers)?;
    for l in &scene.leaders {
        if l.y1.max(l.y0) >= top && l.y0.min(l.y1) <= bottom {
            p.line((l.x, l.y0), (l.x, l.y1), Role::MutedText, 0.7, 1)?;
        }
    }
    for e in scene.legend.iter().chain(&scene.list) {
        if meets(&e.swatch_rect) {
            swatch(&mut p, e.swatch, e.swatch_rect, e.role)?;
        }
    }
    for t in scene.texts().filter(|t| meets(&t.bounds())) {
        p.text(t)?;
    }
    p.backend.present()
}

/// A legend's (or the list's) swatch.
fn swatch<B: DrawingBackend>(
    p: &mut Painter<'_, B>,
    shape: Swatch,
    r: Rect,
    role: Role,
) -> DrawResult<B> {
    match shape {
        Swatch::Block => p.rect(&r, role, 1.0, true)?,
        Swatch::Partial => {
            p.rect(&r, role, 1.0, true)?;
            p.faint(&r, r.y + r.h * 0.6, role)?;
        }
        Swatch::Hatched => {
            p.rect(&r, role, 1.0, true)?;
            p.faint(&r, r.bottom(), role)?;
            p.hatch(&r, role)?;
        }
        Swatch::Thin => {
            let thin = Rect {
                y: r.y + r.h * 0.3,
                h: r.h * 0.4,
                ..r
            };
            p.rect(&thin, role, 1.0, true)?;
        }
        Swatch::Diamond => {
            for outline in [true, false] {
                p.diamond(r.x + r.w / 2.0, r.y + r.h / 2.0, r.w / 2.0, role, outline)?;
            }
        }
        Swatch::Break => {
            p.rect(&r, Role::Break, 1.0, true)?;
            p.rect(&r, Role::Grid, 1.0, false)?;
        }
    }
    Ok(())
}

/// Bars, one colour at a time (a canvas rasterizes faster when its colour
/// seldom changes), in three passes: degraded bars, their faint bodies,
/// then the fills of the others. In a row, bars come left to right; plain
/// bars of one colour that overlap or are less than a pixel apart are
/// painted as one rectangle: one call instead of hundreds when a dense row
/// is zoomed out.
fn paint_bars<B: DrawingBackend>(p: &mut Painter<'_, B>, bars: &[&Bar]) -> DrawResult<B> {
    for fill in p.theme.fills() {
        let role = Role::Fill(fill);
        // Only the fills of kinds drawn as a share have the first two passes.
        let first = if drawn_as_share(fill) { 0 } else { 2 };
        for pass in first..3 {
            let mut run: Option<Rect> = None;
            for bar in bars.iter().filter(|b| b.role == role) {
                let closed = bar.end == BarEnd::Closed;
                if pass < 2 {
                    // Degraded: the bar in its colour, then its faint body;
                    // an ongoing one translucent and outlined, so that its
                    // share can fade out like any ongoing bar.
                    match (bar.outlined, closed, pass) {
                        (true, true, 0) => p.rect(&bar.rect, role, 1.0, true)?,
                        (true, true, _) => {
                            let top = if bar.fill.h > 0.0 {
                                bar.fill.y
                            } else {
                                bar.rect.bottom()
                            };
                            p.faint(&bar.rect, top, role)?
                        }
                        (true, false, 0) => p.rect(&bar.rect, role, 0.2, true)?,
                        (true, false, _) => p.rect(&bar.rect, role, 1.0, false)?,
                        _ => {}
                    }
                    // A share not stated: the body hatched in the bar's colour.
                    if pass == 1 && bar.hatched {
                        p.hatch(&bar.rect, role)?;
                    }
                    continue;
                }
                if bar.fill.h <= 0.0 || (bar.outlined && closed) {
                    continue;
                }
                // Inferred: soft at both ends (the text gave instants, not a range).
                let soft = bar.inferred && closed;
                if let Some(r) = &mut run {
                    if closed
                        && !soft
                        && r.y == bar.fill.y
                        && r.h == bar.fill.h
                        && bar.fill.x <= r.right() + 1.0
                    {
                        r.w = r.w.max(bar.fill.right() - r.x);
                        continue;
                    }
                    p.rect(r, role, 1.0, true)?;
                    run = None;
                }
                if closed && !soft {
                    run = Some(bar.fill);
                    continue;
                }
                // Ongoing: solid, then fading out over the last 48 px.
                // Inferred: fading in and out over 12 px at each end.
                let (fade, steps) = if soft {
                    (12.0f64.min(bar.fill.w * 0.3), 3)
                } else {
                    (48.0f64.min(bar.fill.w * 0.6), 6)
                };
                let lead = if soft { fade } else { 0.0 };
                let solid = Rect {
                    x: bar.fill.x + lead,
                    w: bar.fill.w - fade - lead,
                    ..bar.fill
                };
                p.rect(&solid, role, 1.0, true)?;
                let step = fade / steps as f64;
                for i in 0..steps {
                    let alpha = 1.0 - (i as f64 + 1.0) / (steps as f64 + 1.0);
                    for x in [
                        solid.right() + i as f64 * step,
                        solid.x - (i as f64 + 1.0) * step,
                    ] {
                        if x >= bar.fill.x - 0.01 {
                            p.rect(
                                &Rect {
                                    x,
                                    w: step,
                                    ..bar.fill
                                },
                                role,
                                alpha,
                                true,
                            )?;
                        }
                    }
                }
            }
            if let Some(r) = &run {
                p.rect(r, role, 1.0, true)?;
            }
        }
    }
    Ok(())
}

/// Whether some kind in this colour is drawn as a share ([`BarStyle::Share`]).
fn drawn_as_share(fill: Fill) -> bool {
    Kind::ALL.iter().any(|k| {
        let s = k.spec();
        s.bar == BarStyle::Share && (s.fill == fill || s.critical_fill == Some(fill))
    })
}

/// Milestones: the outlines first, in the background colour (only those in
/// a dense row have one, to set them apart from what they sit on; elsewhere
/// nothing is under a milestone), then every diamond.
fn paint_milestones<B: DrawingBackend>(
    p: &mut Painter<'_, B>,
    markers: &[&Marker],
) -> DrawResult<B> {
    for outline in [true, false] {
        for m in markers.iter().filter(|m| m.outlined || !outline) {
            p.diamond(m.x, m.y, m.radius, m.role, outline)?;
        }
    }
    Ok(())
}

// The full build's parser reads the test documents.
#[cfg(all(test, feature = "full"))]
mod tests {
    use super::*;
    use crate::draw::theme::ThemeName;
    use crate::layout::{layout, LayoutOptions, MAX_ROWS};

    /// Counts filled rectangles.
    struct Count(usize);

    impl DrawingBackend for Count {
        type ErrorType = std::fmt::Error;
        fn get_size(&self) -> (u32, u32) {
            (1000, 1000)
        }
        fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<std::fmt::Error>> {
            Ok(())
        }
        fn present(&mut self) -> Result<(), DrawingErrorKind<std::fmt::Error>> {
            Ok(())
        }
        fn draw_pixel(
            &mut self,
            _: BackendCoord,
            _: BackendColor,
        ) -> Result<(), DrawingErrorKind<std::fmt::Error>> {
            Ok(())
        }
        fn draw_rect<S: BackendStyle>(
            &mut self,
            _: BackendCoord,
            _: BackendCoord,
            _: &S,
            fill: bool,
        ) -> Result<(), DrawingErrorKind<std::fmt::Error>> {
            self.0 += fill as usize;
            Ok(())
        }
    }

    /// 3,000 back-to-back one-minute outages in one lane: the lane stops at
    /// `MAX_ROWS` rows and the dense row is painted in a few rectangles.
    #[test]
    fn dense_rows_are_capped_and_merged() {
        let events: Vec<String> = (0..3000)
            .map(|i| {
                let at = |m: i64| {
                    chrono::DateTime::from_timestamp(1_700_000_000 + m * 60, 0)
                        .unwrap()
                        .to_rfc3339()
                };
                format!(
                    r#"{{"lane":"a","kind":"outage","start":"{}","end":"{}","title":"Outage {i}"}}"#,
                    at(i),
                    at(i + 1)
                )
            })
            .collect();
        let json = format!(
            r#"{{"version":1,"lanes":[{{"id":"a","label":"A"}}],"events":[{}]}}"#,
            events.join(",")
        );
        let t = crate::parse(&json).unwrap();
        let scene = layout(&t, &LayoutOptions::default());
        assert_eq!(scene.lanes[0].rows, MAX_ROWS);
        assert_eq!(scene.bars.len(), 3000);
        let shared = scene.bars.iter().filter(|b| b.row == MAX_ROWS - 1).count();
        assert!(shared > 0);
        // A longer lane label makes room for the whole note.
        let wide =
            crate::parse(&json.replace(r#""label":"A""#, r#""label":"Payments API, eu-west-1""#))
                .unwrap();
        let wide = layout(&wide, &LayoutOptions::default());
        let wide_shared = wide.bars.iter().filter(|b| b.row == MAX_ROWS - 1).count();
        assert_eq!(
            wide.lanes[0].note.as_ref().map(|t| t.text.as_str()),
            Some(
                format!(
                    "{} overlapping",
                    crate::words::Locale::english().number(wide_shared as i64)
                )
                .as_str()
            )
        );
        // The lane label "A" leaves the narrowest column: the shortest form.
        assert_eq!(
            scene.lanes[0].note.as_ref().map(|t| t.text.as_str()),
            Some(format!("+{}", crate::words::Locale::english().number(shared as i64)).as_str()),
            "the dense row says how many share it"
        );
        let mut count = Count(0);
        let theme = Theme::named(ThemeName::Light);
        draw(&scene, &theme, &mut count, 1.0, (0.0, scene.height)).unwrap();
        // Background, lane band, legend swatch, the list's swatches (the
        // dense row's outages are listed under the chart) and the bars: each
        // normal row holds bars 5 px apart (~200), the dense row a handful of runs.
        let normal_rows: usize = scene.bars.iter().filter(|b| b.row < MAX_ROWS - 1).count();
        assert!(!scene.list.is_empty());
        assert!(
            count.0 < normal_rows + scene.list.len() + 20,
            "{} rectangles for {} bars in normal rows",
            count.0,
            normal_rows
        );
    }
}
