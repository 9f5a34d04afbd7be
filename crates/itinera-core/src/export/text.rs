//! Numbers written the same way in every export format (and, re-exported, XML escaping).

pub(crate) use crate::markup::escape;

use super::round6;

/// Metres as kilometres with 3 decimals (metre precision), as the CSV and GeoJSON give them.
pub(crate) fn km(metres: f64) -> String {
    fixed(metres / 1000.0, 3)
}

/// `v` with `decimals` decimals, never `-0.000` (an empty `f64` sum is `-0.0`, and tiny
/// negative values round to it).
pub(crate) fn fixed(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    match s.strip_prefix('-') {
        Some(abs) if abs.bytes().all(|b| b == b'0' || b == b'.') => abs.to_string(),
        _ => s,
    }
}

/// A bearing with 1 decimal, in [0, 360): 359.96° shows as 0.0, not 360.0.
pub(crate) fn bearing(degrees: f64) -> String {
    let b = (degrees * 10.0).round() / 10.0;
    fixed(if b >= 360.0 { 0.0 } else { b }, 1)
}

/// Degrees rounded to 6 decimals (about 0.1 m), never `-0`; shown with as few digits as needed.
pub(crate) fn deg(v: f64) -> f64 {
    // Adding +0.0 turns -0.0 into 0.0.
    round6(v) + 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearing_never_shows_360() {
        assert_eq!(bearing(359.96), "0.0");
        assert_eq!(bearing(34.270141058), "34.3");
        assert_eq!(bearing(0.0), "0.0");
    }

    #[test]
    fn fixed_point_without_negative_zero() {
        assert_eq!(fixed(-0.0000001, 6), "0.000000");
        assert_eq!(fixed(-0.0, 3), "0.000");
        assert_eq!(km(std::iter::empty::<f64>().sum()), "0.000");
        assert_eq!(fixed(-165.40637, 6), "-165.406370");
        assert_eq!(fixed(186.612_251_87, 3), "186.612");
    }

    #[test]
    fn degrees_have_no_negative_zero() {
        assert_eq!(deg(-0.0000001).to_string(), "0");
        assert_eq!(deg(-165.406370000001).to_string(), "-165.40637");
    }
}
