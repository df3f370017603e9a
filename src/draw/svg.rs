//! SVG output: a scene drawn through plotters' SVG backend, with a
//! `<title>` and `<desc>` for assistive technology. [`crate::render_svg`]
//! (the command-line tool and `renderToSvg`) ends here, so both write the
//! same bytes for the same options.

use crate::draw::theme::Theme;
use crate::draw::{draw, SVG_FONT_SCALE};
use crate::layout::scene::Scene;
use crate::model::Timeline;
use crate::problem::{Problem, Problems};
use crate::time::Instant;
use crate::words::summary::summarize;
use crate::words::Locale;
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

/// `scene`, laid out from `t`, as a standalone SVG document; `now` is the
/// present the scene was laid out for (the summary in `<desc>` counts ongoing
/// events up to it); `locale` the language it was laid out in, which its
/// `lang`, `<title>` and `<desc>` follow.
pub fn svg_document(
    t: &Timeline,
    scene: &Scene,
    theme: &Theme,
    now: Option<Instant>,
    locale: &Locale,
) -> Result<String, Problems> {
    let size = (scene.width.ceil() as u32, scene.height.ceil() as u32);
    let mut body = String::new();
    {
        let mut backend = SVGBackend::with_string(&mut body, size);
        draw(
            scene,
            theme,
            &mut backend,
            SVG_FONT_SCALE,
            (0.0, scene.height),
        )
        .map_err(|e| Problems::one(Problem::at("", format!("drawing failed: {e}"))))?;
    }
    let title = t
        .title
        .as_deref()
        .unwrap_or_else(|| locale.word("chart.title"));
    let summary = if t.events.is_empty() {
        locale.word("summary.none").to_string()
    } else {
        summarize(t, now).line(locale)
    };
    let mut desc = locale.fill("summary.sentence", &[("summary", &summary)]);
    // "… 36 Min." ends the sentence already: one full stop.
    if desc.ends_with("..") {
        desc.pop();
    }
    if let Some(d) = &t.description {
        desc = format!("{d} {desc}");
    }
    let head = format!(
        "<svg role=\"img\" class=\"incident-timeline\" lang=\"{}\" font-family=\"{}\"",
        escape(locale.tag()),
        escape(crate::layout::text_metrics::FONT_FAMILY)
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
