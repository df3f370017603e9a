//! Colours, by role, for the light and dark themes. The scene names roles;
//! only drawing turns them into colours, so a theme (or a page's CSS custom
//! properties) can change every colour without a new layout. Each palette
//! gives every kind's [`Fill`] a colour, in the order they are painted.

use crate::layout::scene::Role;
use crate::model::Fill;
use serde::Deserialize;

/// A colour as red, green, blue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

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
        use crate::model::Fill as F;
        use Role::{Background, Break, Grid, LaneBand, MutedText, Text};
        let colors = match name {
            ThemeName::Light => vec![
                (Background, hex(0xffffff)),
                (Text, hex(0x1f2328)),
                (MutedText, hex(0x59636e)),
                (Grid, hex(0xd1d9e0)),
                (LaneBand, hex(0xf6f8fa)),
                (Break, hex(0xeaeef2)),
                // Fills, bottom to top.
                (Role::Fill(F::Maintenance), hex(0x0969da)),
                (Role::Fill(F::Activity), hex(0x8250df)),
                (Role::Fill(F::Degraded), hex(0x9a6700)),
                (Role::Fill(F::Outage), hex(0xd1242f)),
                (Role::Fill(F::OutageCritical), hex(0x8e1519)),
                (Role::Fill(F::Milestone), hex(0x1f2328)),
            ],
            ThemeName::Dark => vec![
                (Background, hex(0x0d1117)),
                (Text, hex(0xe6edf3)),
                (MutedText, hex(0x9198a1)),
                (Grid, hex(0x3d444d)),
                (LaneBand, hex(0x151b23)),
                (Break, hex(0x212830)),
                // Fills, bottom to top.
                (Role::Fill(F::Maintenance), hex(0x4493f8)),
                (Role::Fill(F::Activity), hex(0xab7df8)),
                (Role::Fill(F::Degraded), hex(0xd29922)),
                (Role::Fill(F::Outage), hex(0xf85149)),
                (Role::Fill(F::OutageCritical), hex(0xff9492)),
                (Role::Fill(F::Milestone), hex(0xe6edf3)),
            ],
        };
        Theme { colors }
    }

    /// The colour for a role.
    pub fn color(&self, role: Role) -> Rgb {
        if let Role::On(fill) = role {
            return self.color(self.text_on(self.color(Role::Fill(fill))));
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

    /// Applies a page's colours: each role it sets, and each fill that
    /// [follows](Fill::follows) one it sets when it does not set that fill
    /// itself.
    pub fn set_all(&mut self, given: &[(Role, Rgb)]) {
        let find = |role: Role| given.iter().find(|(r, _)| *r == role);
        for &(role, color) in given {
            self.set(role, color);
            let Role::Fill(fill) = role else { continue };
            for follower in Fill::ALL {
                if follower.follows() == Some(fill) && find(Role::Fill(follower)).is_none() {
                    self.set(Role::Fill(follower), color);
                }
            }
        }
    }

    /// The fills this palette colours, in the order they are painted.
    pub fn fills(&self) -> impl Iterator<Item = Fill> + '_ {
        self.colors.iter().filter_map(|(r, _)| match r {
            Role::Fill(f) => Some(*f),
            _ => None,
        })
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

/// sRGB channel to linear light, `((c + 0.055) / 1.055)^2.4` (WCAG), as a
/// table in 1/65535ths: a `powf` would pull a libm routine into the wasm.
const LINEAR: [u16; 256] = [
    0, 20, 40, 60, 80, 99, 119, 139, 159, 179, 199, 219, 241, 264, 288, 313, 340, 367, 396, 427,
    458, 491, 526, 562, 599, 637, 677, 718, 761, 805, 851, 898, 947, 997, 1048, 1101, 1156, 1212,
    1270, 1330, 1391, 1453, 1517, 1583, 1651, 1720, 1790, 1863, 1937, 2013, 2090, 2170, 2250, 2333,
    2418, 2504, 2592, 2681, 2773, 2866, 2961, 3058, 3157, 3258, 3360, 3464, 3570, 3678, 3788, 3900,
    4014, 4129, 4247, 4366, 4488, 4611, 4736, 4864, 4993, 5124, 5257, 5392, 5530, 5669, 5810, 5953,
    6099, 6246, 6395, 6547, 6700, 6856, 7014, 7174, 7335, 7500, 7666, 7834, 8004, 8177, 8352, 8528,
    8708, 8889, 9072, 9258, 9445, 9635, 9828, 10022, 10219, 10417, 10619, 10822, 11028, 11235,
    11446, 11658, 11873, 12090, 12309, 12530, 12754, 12980, 13209, 13440, 13673, 13909, 14146,
    14387, 14629, 14874, 15122, 15371, 15623, 15878, 16135, 16394, 16656, 16920, 17187, 17456,
    17727, 18001, 18277, 18556, 18837, 19121, 19407, 19696, 19987, 20281, 20577, 20876, 21177,
    21481, 21787, 22096, 22407, 22721, 23038, 23357, 23678, 24002, 24329, 24658, 24990, 25325,
    25662, 26001, 26344, 26688, 27036, 27386, 27739, 28094, 28452, 28813, 29176, 29542, 29911,
    30282, 30656, 31033, 31412, 31794, 32179, 32567, 32957, 33350, 33745, 34143, 34544, 34948,
    35355, 35764, 36176, 36591, 37008, 37429, 37852, 38278, 38706, 39138, 39572, 40009, 40449,
    40891, 41337, 41785, 42236, 42690, 43147, 43606, 44069, 44534, 45002, 45473, 45947, 46423,
    46903, 47385, 47871, 48359, 48850, 49344, 49841, 50341, 50844, 51349, 51858, 52369, 52884,
    53401, 53921, 54445, 54971, 55500, 56032, 56567, 57105, 57646, 58190, 58737, 59287, 59840,
    60396, 60955, 61517, 62082, 62650, 63221, 63795, 64372, 64952, 65535,
];

fn linear(channel: u8) -> f64 {
    f64::from(LINEAR[usize::from(channel)]) / 65535.0
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
            for fill in Fill::ALL.into_iter().filter(|f| *f != Fill::Milestone) {
                let f = t.color(Role::Fill(fill));
                let c = contrast(t.color(t.text_on(f)), f);
                assert!(c >= 4.5, "{name:?} label on {fill:?} contrast {c:.2}");
                // Bars must stand out from the background (WCAG 1.4.11: 3:1).
                assert!(contrast(f, bg) >= 3.0, "{name:?} {fill:?} vs background");
            }
        }
    }

    #[test]
    fn every_palette_colours_every_fill_once() {
        for name in [ThemeName::Light, ThemeName::Dark] {
            let t = Theme::named(name);
            let fills: Vec<Fill> = t.fills().collect();
            for f in Fill::ALL {
                assert_eq!(
                    fills.iter().filter(|x| **x == f).count(),
                    1,
                    "{name:?} {f:?}"
                );
            }
        }
    }

    #[test]
    fn a_page_colour_for_outages_covers_critical_ones_unless_set() {
        let mut t = Theme::named(ThemeName::Light);
        t.set_all(&[(Role::Fill(Fill::Outage), Rgb(1, 2, 3))]);
        assert_eq!(t.color(Role::Fill(Fill::OutageCritical)), Rgb(1, 2, 3));
        let mut t = Theme::named(ThemeName::Light);
        t.set_all(&[
            (Role::Fill(Fill::OutageCritical), Rgb(9, 9, 9)),
            (Role::Fill(Fill::Outage), Rgb(1, 2, 3)),
        ]);
        assert_eq!(t.color(Role::Fill(Fill::OutageCritical)), Rgb(9, 9, 9));
    }

    #[test]
    fn the_linear_light_table_is_the_wcag_formula() {
        for c in 0..=255u8 {
            let x = f64::from(c) / 255.0;
            let exact = if x <= 0.040_45 {
                x / 12.92
            } else {
                ((x + 0.055) / 1.055).powf(2.4)
            };
            assert!((linear(c) - exact).abs() < 1.0 / 65535.0, "channel {c}");
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
