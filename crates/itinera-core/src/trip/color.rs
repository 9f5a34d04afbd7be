//! A trip's colour: [`Rgb`], parsed once from `#rgb` or `#rrggbb` and written as `#rrggbb`.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

/// An opaque sRGB colour: a trip's line and markers.
///
/// Parsed from `#rrggbb` or `#rgb` in any case (white space around it ignored), written as
/// lower-case `#rrggbb`, in text and when serialised.
///
/// ```
/// use itinera::trip::Rgb;
///
/// let c: Rgb = "#C0392B".parse()?;
/// assert_eq!((c.r, c.g, c.b), (0xc0, 0x39, 0x2b));
/// assert_eq!(c.to_string(), "#c0392b");
/// assert_eq!("#abc".parse::<Rgb>()?.to_string(), "#aabbcc");
/// assert_eq!("red".parse::<Rgb>().unwrap_err().to_string(), "invalid colour `red`");
/// # Ok::<(), itinera::trip::RgbError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
}

impl Rgb {
    /// The colour of these components.
    pub const fn new(r: u8, g: u8, b: u8) -> Rgb {
        Rgb { r, g, b }
    }

    /// The colour of a number written `0xrrggbb`.
    pub(crate) const fn hex(v: u32) -> Rgb {
        Rgb::new((v >> 16) as u8, (v >> 8) as u8, v as u8)
    }
}

/// A colour that is neither `#rrggbb` nor `#rgb`; says so with the text as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RgbError {
    text: String,
}

impl fmt::Display for RgbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid colour `{}`", self.text)
    }
}

impl std::error::Error for RgbError {}

impl FromStr for Rgb {
    type Err = RgbError;

    fn from_str(s: &str) -> Result<Rgb, RgbError> {
        let fail = || RgbError {
            text: s.to_string(),
        };
        let hex = s.trim().strip_prefix('#').ok_or_else(fail)?;
        let digits: Vec<u8> = hex
            .bytes()
            .map(|b| (b as char).to_digit(16).map(|d| d as u8))
            .collect::<Option<_>>()
            .ok_or_else(fail)?;
        match digits[..] {
            [r1, r2, g1, g2, b1, b2] => Ok(Rgb::new(r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2)),
            // `#abc` is `#aabbcc`.
            [r, g, b] => Ok(Rgb::new(r * 17, g * 17, b * 17)),
            _ => Err(fail()),
        }
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

impl Serialize for Rgb {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_lengths_any_case_written_lower_case() {
        let text = |s: &str| s.parse::<Rgb>().map(|c| c.to_string());
        assert_eq!(text("#ABC").as_deref(), Ok("#aabbcc"));
        assert_eq!(text("#c0392b").as_deref(), Ok("#c0392b"));
        assert_eq!(text(" #C0392B\n").as_deref(), Ok("#c0392b"));
        assert_eq!(text("#000").as_deref(), Ok("#000000"));
        assert_eq!(text("#fFf").as_deref(), Ok("#ffffff"));
        assert_eq!(Rgb::hex(0xd55e00), "#d55e00".parse().unwrap());
    }

    #[test]
    fn anything_else_is_an_invalid_colour_as_written() {
        for bad in [
            "c0392b",
            "#c0392",
            "#ggg",
            "#",
            "",
            "#c0392b0",
            "# abc",
            "#+12",
            "#ａｂｃ",
            "red",
        ] {
            let e = bad.parse::<Rgb>().unwrap_err();
            assert_eq!(e.to_string(), format!("invalid colour `{bad}`"));
        }
    }

    #[test]
    fn serialises_as_its_text() {
        let c = Rgb::new(0xc0, 0x39, 0x2b);
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"#c0392b\"");
    }
}
