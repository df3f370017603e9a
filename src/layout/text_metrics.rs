//! Text widths computed here, not by a browser, so that layout comes out the
//! same in Node, in a browser and on the command line. The table holds the
//! advance widths of Helvetica (Arial and Liberation Sans share them), the
//! first fonts in [`FONT_FAMILY`]; a small margin covers the fallbacks.
use crate::strings::cat;

/// The font stack the chart is drawn with; its first fonts match the metrics here.
pub const FONT_FAMILY: &str = "Arial, Helvetica, \"Liberation Sans\", \"Nimbus Sans\", sans-serif";

/// Extra room so that a fallback font slightly wider than Helvetica still fits.
const SAFETY: f64 = 1.04;

/// Advance widths of ASCII 32..=126 in thousandths of an em.
const ASCII: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
    278, // space../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0-9
    278, 278, 584, 584, 584, 556, 1015, // :;<=>?@
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A-M
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N-Z
    278, 278, 278, 469, 556, 333, // [\]^_`
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a-m
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n-z
    334, 260, 334, 584, // {|}~
];

fn char_width(c: char) -> u16 {
    let u = c as u32;
    match u {
        32..=126 => ASCII[(u - 32) as usize],
        0x0300..=0x036F | 0x200B..=0x200F | 0xFE00..=0xFE0F => 0,
        0x2013 => 556,
        0x2014 => 1000,
        0x2026 => 1000,
        0x1100..=0x115F
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1FAFF
        | 0x20000..=0x3FFFD => 1000,
        _ if c.is_control() => 0,
        _ => 600,
    }
}

/// Width in pixels of `text` set at `size` px.
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    // Most titles are ASCII: summing over bytes skips UTF-8 decoding, a hot
    // spot when laying out thousands of events.
    let units: u32 = if text.is_ascii() {
        text.bytes()
            .map(|b| match b {
                32..=126 => u32::from(ASCII[usize::from(b - 32)]),
                _ => 0,
            })
            .sum()
    } else {
        text.chars().map(|c| u32::from(char_width(c))).sum()
    };
    let weight = if bold { 1.07 } else { 1.0 };
    f64::from(units) / 1000.0 * size * weight * SAFETY
}

/// `text` cut with an ellipsis to fit `max_width`, or `None` if not even one
/// character and the ellipsis fit.
pub fn fit_text(text: &str, size: f64, bold: bool, max_width: f64) -> Option<String> {
    if text_width(text, size, bold) <= max_width {
        return Some(text.to_string());
    }
    let budget = max_width - text_width("…", size, bold);
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        let w = f64::from(char_width(c)) / 1000.0 * size * if bold { 1.07 } else { 1.0 } * SAFETY;
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    let trimmed = out.trim_end();
    if trimmed.is_empty() {
        return None;
    }
    Some(cat(&[trimmed, "…"]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_add_up() {
        assert!((text_width("0", 10.0, false) - 5.56 * SAFETY).abs() < 1e-9);
        assert!(text_width("WWW", 12.0, false) > text_width("iii", 12.0, false) * 3.0);
        assert!(text_width("abc", 12.0, true) > text_width("abc", 12.0, false));
        assert!(text_width("障害", 12.0, false) >= 24.0);
        // The ASCII fast path agrees with the general one.
        for s in ["Connections rejected, 5XX errors", "tab\there", "~{|}", ""] {
            let slow: u32 = s.chars().map(|c| u32::from(char_width(c))).sum();
            assert!(
                (text_width(s, 10.0, false) - f64::from(slow) / 100.0 * SAFETY).abs() < 1e-9,
                "{s:?}"
            );
        }
    }

    #[test]
    fn fitting_cuts_with_an_ellipsis() {
        let s = "Connections rejected, 5XX errors";
        assert_eq!(fit_text(s, 12.0, false, 1000.0).as_deref(), Some(s));
        let cut = fit_text(s, 12.0, false, 80.0).unwrap();
        assert!(cut.ends_with('…') && text_width(&cut, 12.0, false) <= 80.0);
        assert_eq!(fit_text(s, 12.0, false, 5.0), None);
    }
}
