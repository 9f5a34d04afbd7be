//! Map styles: colour themes and their palettes, label modes, colours.

use super::*;
use crate::trip::Rgb;

/// Colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Theme {
    /// Pale land on light blue sea.
    #[default]
    Light,
    /// Dark land on near-black sea.
    Dark,
}

impl std::str::FromStr for Theme {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "light" => Ok(Theme::Light),
            "dark" => Ok(Theme::Dark),
            _ => Err(Error::invalid(
                InvalidKind::Setting,
                format!("unknown theme `{s}`"),
                Some("use light or dark".into()),
            )),
        }
    }
}

/// How a route line is drawn, in pixels at the map's unit (the renderer scales them), over a
/// casing 3 units wider in the halo colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    /// Line width.
    pub width: f64,
    /// Dash and gap lengths; `None` draws a solid line.
    pub dash: Option<(f64, f64)>,
    /// White cross-ties dashed along the line's centre, as maps draw railways.
    pub ties: bool,
}

impl Stroke {
    /// The stroke for a leg travelled by `mode`: rail solid and widest with ties, road solid,
    /// air long dashes, sea short dashes; a leg of unknown mode as a thin solid line.
    pub fn for_mode(mode: Mode) -> Stroke {
        let (width, dash, ties) = match mode {
            Mode::Rail => (4.5, None, true),
            Mode::Road => (3.5, None, false),
            Mode::Air => (3.0, Some((12.0, 7.0)), false),
            Mode::Sea => (3.0, Some((2.5, 5.5)), false),
            Mode::Unknown => (3.0, None, false),
        };
        Stroke { width, dash, ties }
    }
}

/// Which labels a map shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum LabelMode {
    /// Stops, plus country names and large cities for orientation where they fit.
    #[default]
    All,
    /// Stops only.
    Stops,
}

impl std::str::FromStr for LabelMode {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "all" => Ok(LabelMode::All),
            "stops" => Ok(LabelMode::Stops),
            _ => Err(Error::invalid(
                InvalidKind::Setting,
                format!("unknown label mode `{s}`"),
                Some("use all or stops".into()),
            )),
        }
    }
}

/// An sRGB colour with alpha.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
    /// Opacity, 0..=1.
    pub a: f64,
}

impl Color {
    pub(super) const fn rgb(hex: u32) -> Color {
        Color {
            r: (hex >> 16) as u8,
            g: (hex >> 8) as u8,
            b: hex as u8,
            a: 1.0,
        }
    }

    fn alpha(self, a: f64) -> Color {
        Color { a, ..self }
    }
}

impl From<Rgb> for Color {
    /// The trip colour, opaque.
    fn from(c: Rgb) -> Color {
        Color {
            r: c.r,
            g: c.g,
            b: c.b,
            a: 1.0,
        }
    }
}

impl Palette {
    /// A trip's colour as drawn: `rgb`, darkened on a light theme or lightened on a dark one
    /// until it stands out from the land by at least 4.5:1. Okabe–Ito's orange, sky blue and
    /// yellow are too pale on the cream land as they are.
    pub fn route(&self, rgb: Rgb) -> Color {
        let c = Color::from(rgb);
        let toward = if self.land.luminance() > 0.5 {
            0.0
        } else {
            255.0
        };
        let mut out = c;
        for step in 1..=20 {
            if contrast(out, self.land) >= ROUTE_CONTRAST {
                break;
            }
            let t = f64::from(step) * 0.05;
            let mix = |v: u8| (f64::from(v) * (1.0 - t) + toward * t).round() as u8;
            out = Color {
                r: mix(c.r),
                g: mix(c.g),
                b: mix(c.b),
                a: c.a,
            };
        }
        out
    }
}

/// The least contrast of a route against the land: WCAG 2 asks 3:1 of graphics, and 4.5:1 of
/// text; a thin line beside labels reads better with the latter.
pub const ROUTE_CONTRAST: f64 = 4.5;

/// WCAG 2 contrast ratio of two colours, from 1 (same) to 21 (black on white).
pub fn contrast(a: Color, b: Color) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

impl Color {
    /// Relative luminance (WCAG 2, sRGB), 0 to 1.
    pub fn luminance(self) -> f64 {
        let lin = |v: u8| {
            let c = f64::from(v) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.r) + 0.7152 * lin(self.g) + 0.0722 * lin(self.b)
    }
}

/// The colours of a theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Outside the frame.
    pub paper: Color,
    /// Sea and lakes.
    pub water: Color,
    /// Land.
    pub land: Color,
    /// Rivers.
    pub river: Color,
    /// Country borders.
    pub border: Color,
    /// Graticule lines.
    pub graticule: Color,
    /// Main text.
    pub text: Color,
    /// Secondary text (context labels, attribution).
    pub muted: Color,
    /// Halo behind labels and casing under routes.
    pub halo: Color,
}

impl Theme {
    /// The theme's colours.
    pub fn palette(self) -> Palette {
        match self {
            Theme::Light => Palette {
                paper: Color::rgb(0xffffff),
                water: Color::rgb(0xcfe2ee),
                land: Color::rgb(0xf3f0e8),
                river: Color::rgb(0x9fc4dc),
                border: Color::rgb(0x8a8378),
                graticule: Color::rgb(0x7d99ad).alpha(0.35),
                text: Color::rgb(0x1f2328),
                muted: Color::rgb(0x6b6b6b),
                halo: Color::rgb(0xffffff),
            },
            Theme::Dark => Palette {
                paper: Color::rgb(0x11151c),
                water: Color::rgb(0x18222e),
                land: Color::rgb(0x2b313b),
                river: Color::rgb(0x2f4a63),
                border: Color::rgb(0x7b8594),
                graticule: Color::rgb(0x8aa0b8).alpha(0.25),
                text: Color::rgb(0xe8eaed),
                muted: Color::rgb(0xa0a7b0),
                halo: Color::rgb(0x11151c),
            },
        }
    }
}
