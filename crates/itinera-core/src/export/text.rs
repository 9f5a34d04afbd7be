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

/// `v` in millionths of a degree as [`round6`] rounds it, when the integer path below writes it
/// as the float formatters would: below 1e7 in magnitude (so the double nearest to the
/// 6-decimal number has no other number of 6 decimals or fewer within half a unit of its last
/// place: that decimal is the shortest one that reads back as it, the one `{}`, `ryu` and
/// `zmij` write), and for JSON, where tiny numbers are written with an exponent, zero or at
/// least 0.001.
fn micros(v: f64, json: bool) -> Option<f64> {
    let x = (v * 1e6).round();
    let a = x.abs();
    (a < 1e13 && (!json || a >= 1e3 || a == 0.0)).then_some(x)
}

/// Appends the millionths `x` (an integer-valued float from [`micros`]) as a decimal with its
/// trailing zeros left out; a whole number ends in `whole` (`.0` in JSON, nothing in `{}`).
fn push_micros(out: &mut Vec<u8>, x: f64, negative: bool, whole: &[u8]) {
    if negative {
        out.push(b'-');
    }
    let a = x.abs() as u64;
    let (int, mut frac) = (a / 1_000_000, a % 1_000_000);
    push_u64(out, int);
    if frac == 0 {
        out.extend_from_slice(whole);
        return;
    }
    let mut digits = [b'.'; 7];
    for d in digits[1..].iter_mut().rev() {
        *d = b'0' + (frac % 10) as u8;
        frac /= 10;
    }
    let end = digits.iter().rposition(|&d| d != b'0').unwrap_or(0) + 1;
    out.extend_from_slice(&digits[..end]);
}

/// Bytes an exporter gathers in its buffer before each write: large writes, through a writer
/// whose every call is dynamic.
pub(crate) const WRITE_EVERY: usize = 1 << 18;

/// Hands the exporter's buffer `w` to `out` once it has grown to [`WRITE_EVERY`] bytes.
pub(crate) fn drain(w: &mut Vec<u8>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    if w.len() >= WRITE_EVERY {
        out.write_all(w)?;
        w.clear();
    }
    Ok(())
}

/// Appends the pieces of some text (XML written without the formatting machinery).
pub(crate) fn put(w: &mut Vec<u8>, pieces: &[&str]) {
    for p in pieces {
        w.extend_from_slice(p.as_bytes());
    }
}

/// Appends an unsigned integer in decimal.
pub(crate) fn push_u64(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// Appends [`deg`]`(v)` as `{}` writes it (KML and GPX coordinates), by integer arithmetic.
pub(crate) fn push_deg(out: &mut Vec<u8>, v: f64) {
    match micros(v, false) {
        Some(x) => push_micros(out, x, x < 0.0, b""),
        None => {
            use std::io::Write;
            let _ = write!(out, "{}", deg(v));
        }
    }
}

/// Appends [`round6`]`(v)` as `serde_json` writes the number (GeoJSON coordinates), by
/// integer arithmetic; `-0.0` stays `-0.0`, as `serde_json` writes it.
pub(crate) fn push_json_deg(out: &mut Vec<u8>, v: f64) {
    match micros(v, true) {
        Some(x) => push_micros(out, x, x.is_sign_negative(), b".0"),
        None => push_json(out, &round6(v)),
    }
}

/// Appends a value as `serde_json` writes it (numbers of properties, rare strings).
pub(crate) fn push_json<T: serde::Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    // Writing into a `Vec` cannot fail, and these values (numbers, strings, dates) always
    // serialise.
    let _ = serde_json::to_writer(out, value);
}

/// Appends a JSON string, escaped as `serde_json` escapes it (`"`, `\` and control
/// characters); a string with nothing to escape is copied as it is.
pub(crate) fn push_json_str(out: &mut Vec<u8>, s: &str) {
    if s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        push_json(out, s);
    } else {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    }
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
    fn integer_degrees_are_written_as_the_float_formatters_write_them() {
        let check = |v: f64| {
            let mut out = Vec::new();
            push_deg(&mut out, v);
            assert_eq!(String::from_utf8(out).unwrap(), deg(v).to_string(), "{v:e}");
            let mut out = Vec::new();
            push_json_deg(&mut out, v);
            let json = serde_json::to_string(&round6(v)).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), json, "{v:e}");
        };
        let values = [
            0.0,
            -0.0,
            1e-7,
            -1e-7,
            4e-7,
            5e-7,
            -5e-7,
            1e-6,
            9.99e-4,
            1e-3,
            -1e-3,
            0.0012,
            1.0,
            -180.0,
            180.0,
            179.999_999_5,
            130.651_565,
            -165.406_37,
            42.423_870_5,
            9_999_999.999_999,
            1e7,
            123_456.5,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for v in values {
            check(v);
        }
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for i in 0..300_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let unit = (x >> 11) as f64 / (1u64 << 53) as f64;
            // Coordinates, then numbers across the scales (1e-9 to 1e9).
            let v = match i % 3 {
                0 => unit * 720.0 - 360.0,
                1 => ((unit * 2e8).round() - 1e8) / 1e5,
                _ => (unit - 0.5) * 10f64.powi(i % 19 - 9),
            };
            check(v);
        }
    }

    #[test]
    fn json_strings_are_escaped_as_serde_json_escapes_them() {
        for s in [
            "plain",
            "Улан-Удэ",
            "a\"b",
            "back\\slash",
            "tab\t",
            "\u{1}\u{7f}",
            "",
        ] {
            let mut out = Vec::new();
            push_json_str(&mut out, s);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(s).unwrap()
            );
        }
    }

    #[test]
    fn degrees_have_no_negative_zero() {
        assert_eq!(deg(-0.0000001).to_string(), "0");
        assert_eq!(deg(-165.406370000001).to_string(), "-165.40637");
    }
}
