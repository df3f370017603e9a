//! SVG output: the scene drawn through plotters' SVG backend, with a
//! `<title>` and `<desc>` for assistive technology. Used by the command-line
//! tool and by `renderToSvg`; both get the same bytes for the same options.

use crate::draw::{draw, SVG_FONT_SCALE};
use crate::layout::layout;
use crate::model::Timeline;
use crate::options::RenderOptions;
use crate::problem::{Problem, Problems};
use crate::summary::summarize;
use crate::theme::Theme;
use plotters_svg::SVGBackend;

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Not allowed in XML 1.0: dropped (tab, LF and CR are fine).
            c if (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
                || c == '\u{fffe}'
                || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The timeline as a standalone SVG document.
pub fn render_svg(t: &Timeline, o: &RenderOptions) -> Result<String, Problems> {
    let scene = layout(t, &o.layout_options()?);
    let theme = Theme::named(o.theme);
    let size = (scene.width.ceil() as u32, scene.height.ceil() as u32);
    let mut body = String::new();
    {
        let mut backend = SVGBackend::with_string(&mut body, size);
        draw(
            &scene,
            &theme,
            &mut backend,
            SVG_FONT_SCALE,
            (0.0, scene.height),
        )
        .map_err(|e| Problems::one(Problem::at("", format!("drawing failed: {e}"))))?;
    }
    let title = t.title.as_deref().unwrap_or("Incident timeline");
    let mut desc = if t.events.is_empty() {
        "No events.".to_string()
    } else {
        format!("{}.", summarize(t, o.layout_options()?.now).line())
    };
    if let Some(d) = &t.description {
        desc = format!("{d} {desc}");
    }
    let head = format!(
        "<svg role=\"img\" class=\"incident-timeline\" font-family=\"{}\"",
        escape(crate::text_metrics::FONT_FAMILY)
    );
    let a11y = format!(
        "<title>{}</title>\n<desc>{}</desc>\n",
        escape(title),
        escape(&desc)
    );
    let Some(open_end) = body.find(">\n") else {
        return Ok(body);
    };
    let mut svg = String::with_capacity(body.len() + a11y.len() + head.len());
    svg.push_str(&head);
    svg.push_str(&body["<svg".len()..open_end + 2]);
    svg.push_str(&a11y);
    svg.push_str(&body[open_end + 2..]);
    Ok(svg)
}
