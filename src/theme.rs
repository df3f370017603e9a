//! Colours, by role, for the light and dark themes. The scene names roles;
//! only drawing turns them into colours, so a theme (or a page's CSS custom
//! properties) can change every colour without a new layout.

use serde::Deserialize;

/// A colour as red, green, blue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// What a shape or text is, for colouring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The chart's background.
    Background,
    /// Ordinary text.
    Text,
    /// Secondary text: axis labels, summary.
    MutedText,
    /// Grid lines and axis.
    Grid,
    /// Shading of every other lane.
    LaneBand,
    /// Outage bars.
    Outage,
    /// Critical outage bars.
    OutageCritical,
    /// Degraded bars.
    Degraded,
    /// Maintenance bars.
    Maintenance,
    /// Activity bars.
    Activity,
    /// Milestone markers.
    Milestone,
    /// Axis-break marks.
    Break,
    /// Text on an outage bar.
    OnOutage,
    /// Text on a critical outage bar.
    OnOutageCritical,
    /// Text on a degraded bar.
    OnDegraded,
    /// Text on a maintenance bar.
    OnMaintenance,
}

/// Which palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    /// Dark text on white.
    #[default]
    Light,
    /// Light text on near-black.
    Dark,
}

impl ThemeName {
    /// Reads `light` or `dark`.
    pub fn from_name(name: &str) -> Option<ThemeName> {
        match name {
            "light" => Some(ThemeName::Light),
            "dark" => Some(ThemeName::Dark),
            _ => None,
        }
    }
}

/// A full palette.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    colors: Vec<(Role, Rgb)>,
}

const fn hex(v: u32) -> Rgb {
    Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

impl Theme {
    /// The built-in palette of that name.
    pub fn named(name: ThemeName) -> Theme {
        use Role::*;
        let colors = match name {
            ThemeName::Light => vec![
                (Background, hex(0xffffff)),
                (Text, hex(0x1f2328)),
                (MutedText, hex(0x59636e)),
                (Grid, hex(0xd1d9e0)),
                (LaneBand, hex(0xf6f8fa)),
                (Outage, hex(0xd1242f)),
                (OutageCritical, hex(0x8e1519)),
                (Degraded, hex(0x9a6700)),
                (Maintenance, hex(0x0969da)),
                (Activity, hex(0x8250df)),
                (Milestone, hex(0x1f2328)),
                (Break, hex(0xeaeef2)),
            ],
            ThemeName::Dark => vec![
                (Background, hex(0x0d1117)),
                (Text, hex(0xe6edf3)),
                (MutedText, hex(0x9198a1)),
                (Grid, hex(0x3d444d)),
                (LaneBand, hex(0x151b23)),
                (Outage, hex(0xf85149)),
                (OutageCritical, hex(0xff9492)),
                (Degraded, hex(0xd29922)),
                (Maintenance, hex(0x4493f8)),
                (Activity, hex(0xab7df8)),
                (Milestone, hex(0xe6edf3)),
                (Break, hex(0x212830)),
            ],
        };
        Theme { colors }
    }

    /// The colour for a role.
    pub fn color(&self, role: Role) -> Rgb {
        let on = match role {
            Role::OnOutage => Some(Role::Outage),
            Role::OnOutageCritical => Some(Role::OutageCritical),
            Role::OnDegraded => Some(Role::Degraded),
            Role::OnMaintenance => Some(Role::Maintenance),
            _ => None,
        };
        if let Some(fill) = on {
            return self.color(self.text_on(self.color(fill)));
        }
        self.colors
            .iter()
            .find(|(r, _)| *r == role)
            .map_or(Rgb(0, 0, 0), |(_, c)| *c)
    }

    /// Replaces the colour of a role.
    pub fn set(&mut self, role: Role, color: Rgb) {
        if let Some(slot) = self.colors.iter_mut().find(|(r, _)| *r == role) {
            slot.1 = color;
        }
    }

    /// Text colour (the theme's text or background colour) that reads best on `fill`.
    pub fn text_on(&self, fill: Rgb) -> Role {
        let on_text = contrast(self.color(Role::Text), fill);
        let on_background = contrast(self.color(Role::Background), fill);
        if on_text >= on_background {
            Role::Text
        } else {
            Role::Background
        }
    }
}

fn linear(channel: u8) -> f64 {
    let c = f64::from(channel) / 255.0;
    if c <= 0.040_45 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// WCAG relative luminance.
pub fn luminance(c: Rgb) -> f64 {
    0.2126 * linear(c.0) + 0.7152 * linear(c.1) + 0.0722 * linear(c.2)
}

/// WCAG contrast ratio, 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Reads `#rgb`, `#rrggbb` or `rgb(r, g, b)`.
pub fn parse_color(text: &str) -> Option<Rgb> {
    let t = text.trim();
    if let Some(h) = t.strip_prefix('#') {
        let v = u32::from_str_radix(h, 16).ok()?;
        return match h.len() {
            3 => Some(Rgb(
                ((v >> 8) & 0xf) as u8 * 17,
                ((v >> 4) & 0xf) as u8 * 17,
                (v & 0xf) as u8 * 17,
            )),
            6 => Some(hex(v)),
            _ => None,
        };
    }
    let inner = t.strip_prefix("rgb(")?.strip_suffix(')')?;
    let mut parts = inner.split([',', ' ']).filter(|p| !p.is_empty());
    let mut channel = || parts.next()?.trim().parse::<u8>().ok();
    Some(Rgb(channel()?, channel()?, channel()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_meets_wcag_aa_in_both_themes() {
        for name in [ThemeName::Light, ThemeName::Dark] {
            let t = Theme::named(name);
            let bg = t.color(Role::Background);
            for role in [Role::Text, Role::MutedText] {
                let c = contrast(t.color(role), bg);
                assert!(c >= 4.5, "{name:?} {role:?} contrast {c:.2}");
            }
            for band in [Role::LaneBand, Role::Break] {
                let c = contrast(t.color(Role::MutedText), t.color(band));
                assert!(c >= 4.5, "{name:?} muted on {band:?} contrast {c:.2}");
            }
            for fill in [
                Role::Outage,
                Role::OutageCritical,
                Role::Degraded,
                Role::Maintenance,
                Role::Activity,
            ] {
                let f = t.color(fill);
                let c = contrast(t.color(t.text_on(f)), f);
                assert!(c >= 4.5, "{name:?} label on {fill:?} contrast {c:.2}");
                // Bars must stand out from the background (WCAG 1.4.11: 3:1).
                assert!(contrast(f, bg) >= 3.0, "{name:?} {fill:?} vs background");
            }
        }
    }

    #[test]
    fn colours_parse() {
        assert_eq!(parse_color("#fff"), Some(Rgb(255, 255, 255)));
        assert_eq!(parse_color(" #d1242f "), Some(Rgb(0xd1, 0x24, 0x2f)));
        assert_eq!(parse_color("rgb(1, 2, 3)"), Some(Rgb(1, 2, 3)));
        assert_eq!(parse_color("red"), None);
    }
}
