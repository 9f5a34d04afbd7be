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
    if let Some(s) = fixed_fast(v, decimals) {
        return s;
    }
    let s = format!("{v:.decimals$}");
    match s.strip_prefix('-') {
        Some(abs) if abs.bytes().all(|b| b == b'0' || b == b'.') => abs.to_string(),
        _ => s,
    }
}

/// `fixed` by integer arithmetic, which is what a million-row export spends its time on
/// (`format!` rounds the exact binary value, digit by digit). `v * 10^decimals` is off from the
/// exact product by at most half an ulp, under 2^-12 below 2^40, so where it is not within
/// 1/1000 of a rounding tie its rounding is the exact one; elsewhere (and for huge, tiny or
/// non-finite values) `None` hands over to `format!`.
fn fixed_fast(v: f64, decimals: usize) -> Option<String> {
    const POW10: [f64; 10] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
    let scale = *POW10.get(decimals)?;
    let x = v.abs() * scale;
    let in_range = x < (1u64 << 40) as f64; // false for NaN too
    if !in_range || (x.fract() - 0.5).abs() < 1e-3 {
        return None;
    }
    let r = x.round() as u64;
    let unit = scale as u64;
    let (int, frac) = (r / unit, r % unit);
    let sign = if v < 0.0 && r != 0 { "-" } else { "" };
    Some(if decimals == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac:0decimals$}")
    })
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
    fn the_integer_path_writes_what_format_writes() {
        let exact = |v: f64, d: usize| {
            let s = format!("{v:.d$}");
            match s.strip_prefix('-') {
                Some(abs) if abs.bytes().all(|b| b == b'0' || b == b'.') => abs.to_string(),
                _ => s,
            }
        };
        // Ties in decimal that are not ties in binary, and the ends of the fast path's range.
        let values = [
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            -2.5,
            0.125,
            0.0625,
            1.0005,
            2.675,
            1.005,
            130.651_565,
            -0.000_000_4,
            -0.000_000_6,
            42.423_870_5,
            1e-7,
            9.999_999_5,
            1_099_511.627_775,
            1e12,
            -1e12,
            123_456_789.123_456_79,
            0.1 + 0.2,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for v in values {
            for d in [0, 1, 3, 6, 9, 12] {
                assert_eq!(fixed(v, d), exact(v, d), "{v} with {d} decimals");
            }
        }
        // A deterministic sweep of coordinates and distances.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = (x >> 11) as f64 / (1u64 << 53) as f64 * 400.0 - 200.0;
            for d in [1, 3, 6] {
                assert_eq!(fixed(v, d), exact(v, d), "{v} with {d} decimals");
            }
        }
    }

    #[test]
    fn degrees_have_no_negative_zero() {
        assert_eq!(deg(-0.0000001).to_string(), "0");
        assert_eq!(deg(-165.406370000001).to_string(), "-165.40637");
    }
}
