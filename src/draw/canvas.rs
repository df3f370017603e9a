//! The browser's 2D canvas as a plotters `DrawingBackend`, for
//! [`crate::draw`]. It sets a colour, line width or font only when it
//! differs from the last one set: a dense chart paints thousands of
//! rectangles a frame, mostly in a handful of colours, and each string that
//! crosses into JavaScript costs a decode. Colours go over as `#rrggbb`
//! with a separate `globalAlpha`, so no float is ever formatted.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};
use web_sys::CanvasRenderingContext2d;

/// A call the canvas refused.
#[derive(Debug)]
pub struct CanvasError;

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the canvas refused to draw")
    }
}

impl std::error::Error for CanvasError {}

type Result = std::result::Result<(), DrawingErrorKind<CanvasError>>;

/// Paints on a 2D context; `size` is the canvas's in device pixels.
pub struct Canvas {
    ctx: CanvasRenderingContext2d,
    size: (u32, u32),
    fill: Option<(u8, u8, u8)>,
    stroke: Option<(u8, u8, u8)>,
    alpha: f64,
    line_width: u32,
    font: String,
    align: &'static str,
    /// Polygons are collected into one path while their colour stays the
    /// same, and filled when something else is drawn: one fill for all the
    /// milestones in view rather than one each.
    path_open: bool,
}

impl Canvas {
    /// A backend for `ctx`, which must be in its default state apart from
    /// its transform (the caller sets the device pixel ratio there).
    pub fn new(ctx: CanvasRenderingContext2d, size: (u32, u32)) -> Canvas {
        ctx.set_global_alpha(1.0);
        ctx.set_line_width(1.0);
        ctx.set_text_baseline("middle");
        Canvas {
            ctx,
            size,
            fill: None,
            stroke: None,
            alpha: 1.0,
            line_width: 1,
            font: String::new(),
            align: "",
            path_open: false,
        }
    }

    fn fill_path(&mut self) {
        if self.path_open {
            self.path_open = false;
            self.ctx.fill();
        }
    }

    fn alpha(&mut self, a: f64) {
        if a != self.alpha {
            self.alpha = a;
            self.ctx.set_global_alpha(a);
        }
    }

    fn fill_style(&mut self, c: BackendColor) {
        if c.alpha != self.alpha || self.fill != Some(c.rgb) {
            self.fill_path();
        }
        self.alpha(c.alpha);
        if self.fill != Some(c.rgb) {
            self.fill = Some(c.rgb);
            self.ctx.set_fill_style_str(&hex(c.rgb));
        }
    }

    fn stroke_style(&mut self, style: &impl BackendStyle) {
        self.fill_path();
        let c = style.color();
        self.alpha(c.alpha);
        if self.stroke != Some(c.rgb) {
            self.stroke = Some(c.rgb);
            self.ctx.set_stroke_style_str(&hex(c.rgb));
        }
        if style.stroke_width() != self.line_width {
            self.line_width = style.stroke_width();
            self.ctx.set_line_width(self.line_width as f64);
        }
    }
}

/// `#rrggbb`.
fn hex((r, g, b): (u8, u8, u8)) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(7);
    s.push('#');
    for v in [r, g, b] {
        s.push(DIGITS[(v >> 4) as usize] as char);
        s.push(DIGITS[(v & 15) as usize] as char);
    }
    s
}

impl DrawingBackend for Canvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        self.fill_path();
        Ok(())
    }

    fn draw_pixel(&mut self, at: BackendCoord, color: BackendColor) -> Result {
        self.fill_style(color);
        self.fill_path();
        self.ctx.fill_rect(at.0 as f64, at.1 as f64, 1.0, 1.0);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result {
        self.stroke_style(style);
        // Lines along the pixel grid go through pixel centres, so that a
        // one-pixel line covers one pixel rather than half of two.
        let (mut a, mut b) = ((from.0 as f64, from.1 as f64), (to.0 as f64, to.1 as f64));
        if from.0 == to.0 {
            a.0 -= 0.5;
            b.0 -= 0.5;
        }
        if from.1 == to.1 {
            a.1 -= 0.5;
            b.1 -= 0.5;
        }
        self.ctx.begin_path();
        self.ctx.move_to(a.0, a.1);
        self.ctx.line_to(b.0, b.1);
        self.ctx.stroke();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        let (x, y) = (upper_left.0 as f64, upper_left.1 as f64);
        let (w, h) = (
            (bottom_right.0 - upper_left.0) as f64,
            (bottom_right.1 - upper_left.1) as f64,
        );
        if fill {
            self.fill_style(style.color());
            self.fill_path();
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.stroke_style(style);
            self.ctx.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result {
        self.fill_style(style.color());
        if !self.path_open {
            self.path_open = true;
            self.ctx.begin_path();
        }
        for (i, (x, y)) in path.into_iter().enumerate() {
            if i == 0 {
                self.ctx.move_to(x as f64, y as f64);
            } else {
                self.ctx.line_to(x as f64, y as f64);
            }
        }
        // No closePath: fill closes every subpath, and closePath on a long
        // path costs time in proportion to the path.
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        at: BackendCoord,
    ) -> Result {
        // Text is always drawn centred vertically (the baseline set in `new`).
        debug_assert!(matches!(style.anchor().v_pos, VPos::Center));
        self.fill_style(style.color());
        self.fill_path();
        let size = (style.size() * 100.0).round() as u32;
        let mut font = String::new();
        if matches!(style.style(), FontStyle::Bold) {
            font.push_str("bold ");
        }
        crate::decimal::push_digits(&mut font, (size / 100).into(), 1);
        font.push('.');
        crate::decimal::push_digits(&mut font, (size % 100).into(), 2);
        font.push_str("px ");
        font.push_str(style.family().as_str());
        if font != self.font {
            self.ctx.set_font(&font);
            self.font = font;
        }
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if self.align != align {
            self.align = align;
            self.ctx.set_text_align(align);
        }
        self.ctx
            .fill_text(text, at.0 as f64, at.1 as f64)
            .map_err(|_| DrawingErrorKind::DrawingError(CanvasError))
    }
}
