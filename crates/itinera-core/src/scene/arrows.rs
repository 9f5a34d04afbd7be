//! Direction arrows on route lines.

use super::*;

/// A triangle centred on `mid` pointing along `angle` (radians, screen coordinates).
pub(super) fn arrow_triangle(mid: Px, angle: f64, unit: f64) -> [Px; 3] {
    let (len, half) = (13.0 * unit, 6.5 * unit);
    let (dx, dy) = (angle.cos(), angle.sin());
    let front = (mid.0 + dx * len / 2.0, mid.1 + dy * len / 2.0);
    let back = (mid.0 - dx * len / 2.0, mid.1 - dy * len / 2.0);
    [
        front,
        (back.0 - dy * half, back.1 + dx * half),
        (back.0 + dy * half, back.1 - dx * half),
    ]
}

/// An arrow halfway along a leg, measured along its pieces in pixels (a leg that crosses ±180°
/// is two pieces, and the jump between them is no part of it), if that point is in the frame.
/// The arrow sits on the piece that holds the midpoint, pointing along it.
pub(super) fn arrow_at_middle(pieces: &[Vec<Px>], frame: &Rect) -> Option<(Px, f64)> {
    let seg = |w: &[Px]| (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1);
    let total: f64 = pieces.iter().flat_map(|p| p.windows(2)).map(seg).sum();
    if total < 40.0 {
        return None;
    }
    let mut acc = 0.0;
    for w in pieces.iter().flat_map(|p| p.windows(2)) {
        let d = seg(w);
        if d > 0.0 && acc + d >= total / 2.0 {
            let t = (total / 2.0 - acc) / d;
            let p = (
                w[0].0 + t * (w[1].0 - w[0].0),
                w[0].1 + t * (w[1].1 - w[0].1),
            );
            return frame
                .contains(p)
                .then(|| (p, (w[1].1 - w[0].1).atan2(w[1].0 - w[0].0)));
        }
        acc += d;
    }
    None
}
