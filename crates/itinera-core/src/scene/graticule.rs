//! The graticule: round-degree meridians and parallels with their labels.

use super::*;

/// Graticule lines every 1, 2, 5, 10, 15 or 30 degrees, with degree labels where meridians
/// leave the bottom of the frame and parallels the left side.
pub(super) fn graticule(
    to_px: &dyn Fn(f64, f64) -> Option<Px>,
    window: Option<BoundingBox>,
    frame: &Rect,
    unit: f64,
    palette: &Palette,
) -> (Vec<Vec<Px>>, Vec<Label>) {
    let window = window.unwrap_or(BoundingBox::WORLD);
    let (w, s, n) = (window.west, window.south, window.north);
    let lon_span = window.lon_span();
    let span = lon_span.max(window.lat_span());
    let step = [0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0]
        .into_iter()
        .find(|st| span / st <= 12.0)
        .unwrap_or(30.0);
    let mut lines = Vec::new();
    let mut labels: Vec<Label> = Vec::new();
    let size = 14.0 * unit;
    let fmt = |v: f64, pos: char, neg: char| {
        let a = v.abs();
        let s = if a.fract() == 0.0 {
            format!("{a:.0}°")
        } else {
            format!("{a:.1}°")
        };
        if v == 0.0 || a == 180.0 {
            s
        } else {
            format!("{s}{}", if v > 0.0 { pos } else { neg })
        }
    };
    let (lat_lo, lat_hi) = ((s / step).floor() * step, (n / step).ceil() * step);
    // Meridians.
    let mut k = (w / step).floor() as i64;
    let last = ((w + lon_span) / step).ceil() as i64;
    while k <= last {
        let lon = crate::route::normalize_lon(k as f64 * step);
        let mut px = Vec::new();
        let mut lat = lat_lo.max(-89.0);
        while lat <= lat_hi.min(89.0) + 1e-9 {
            if let Some(p) = to_px(lon, lat) {
                px.push(p);
            }
            lat += (step / 8.0).min(1.0);
        }
        for run in clip::clip_line(&px, frame) {
            for end in [run[0], run[run.len() - 1]] {
                if (end.1 - frame.y1).abs() < 0.5 {
                    let text = fmt(lon, 'E', 'W');
                    let tw = text::width(&text, size, false);
                    let l = Label {
                        text,
                        at: (end.0 - tw / 2.0, frame.y1 + 5.0 * unit),
                        size,
                        bold: false,
                        color: palette.muted,
                        halo: None,
                    };
                    if !labels
                        .iter()
                        .any(|o| o.bounds().grow(3.0).overlaps(&l.bounds()))
                        && l.at.0 > 0.0
                    {
                        labels.push(l);
                    }
                }
            }
            lines.push(run);
        }
        k += 1;
    }
    // Parallels.
    let mut lat = lat_lo;
    while lat <= lat_hi + 1e-9 {
        if lat.abs() < 90.0 {
            let mut px = Vec::new();
            let mut t = 0.0;
            while t <= lon_span + 1e-9 {
                if let Some(p) = to_px(crate::route::normalize_lon(w + t), lat) {
                    px.push(p);
                }
                t += (step / 8.0).min(1.0).min(lon_span / 64.0).max(0.05);
            }
            for run in clip::clip_line(&px, frame) {
                for end in [run[0], run[run.len() - 1]] {
                    if (end.0 - frame.x0).abs() < 0.5 {
                        let text = fmt(lat, 'N', 'S');
                        let tw = text::width(&text, size, false);
                        let l = Label {
                            text,
                            at: (frame.x0 - tw - 5.0 * unit, end.1 - text::height(size) / 2.0),
                            size,
                            bold: false,
                            color: palette.muted,
                            halo: None,
                        };
                        if !labels
                            .iter()
                            .any(|o| o.bounds().grow(3.0).overlaps(&l.bounds()))
                        {
                            labels.push(l);
                        }
                    }
                }
                lines.push(run);
            }
        }
        lat += step;
    }
    (lines, labels)
}
