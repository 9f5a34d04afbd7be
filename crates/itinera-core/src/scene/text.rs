//! The embedded fonts (OFL Noto Sans, Latin + Greek + Cyrillic) and text measurement.
//!
//! Renderers draw with these bytes (no system font is ever looked up) and the scene measures
//! labels with the same metrics, so placement done here holds in the PNG.

use ab_glyph::{Font, FontRef, ScaleFont};
use std::sync::OnceLock;

/// Noto Sans Regular, OFL-1.1 (`geodata/fonts/OFL.txt`).
pub static REGULAR: &[u8] = itinera_data::fonts::REGULAR;
/// Noto Sans Bold, OFL-1.1.
pub static BOLD: &[u8] = itinera_data::fonts::BOLD;

/// The embedded font, regular or bold.
pub fn font(bold: bool) -> &'static FontRef<'static> {
    static R: OnceLock<FontRef<'static>> = OnceLock::new();
    static B: OnceLock<FontRef<'static>> = OnceLock::new();
    let (cell, bytes) = if bold { (&B, BOLD) } else { (&R, REGULAR) };
    cell.get_or_init(|| FontRef::try_from_slice(bytes).expect("the embedded font parses"))
}

/// Width in pixels of `text` at `size` (plotters' size units: ab_glyph pixel scale).
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    let f = font(bold).as_scaled(size as f32);
    let mut w = 0.0f32;
    let mut prev = None;
    for c in text.chars() {
        let g = f.glyph_id(c);
        if let Some(p) = prev {
            w += f.kern(p, g);
        }
        w += f.h_advance(g);
        prev = Some(g);
    }
    f64::from(w)
}

/// Height of the drawn glyph box, from the position a label is drawn at to below descenders.
pub fn height(size: f64) -> f64 {
    size * 0.74
}

/// Whether every character of `text` has a glyph in the embedded font.
pub fn covers(text: &str) -> bool {
    let f = font(false);
    text.chars()
        .all(|c| c.is_whitespace() || f.glyph_id(c).0 != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_size() {
        let a = width("Khasan", 20.0, false);
        assert!(a > 40.0 && a < 90.0, "{a}");
        assert!(width("Khasan", 40.0, false) > 1.9 * a);
        assert!(width("Khasan", 20.0, true) > a);
        assert_eq!(width("", 20.0, false), 0.0);
    }

    #[test]
    fn cyrillic_is_covered_hangul_is_not() {
        assert!(covers("Улан-Удэ"));
        assert!(covers("Zabaykal’sk"));
        assert!(!covers("블라디보스토크"));
    }
}
