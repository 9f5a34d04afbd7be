//! The graticule: round-degree meridians and parallels with their labels.

use super::*;

/// Graticule lines every 1, 2, 5, 10, 15 or 30 degrees, with degree labels on all four sides:
/// where meridians leave the top and bottom (any side on a polar map), and where
/// parallels leave the left and right sides or end at a world map's globe edge.
pub(super) fn graticule(
    stream: &Stream<'_>,
    window: Option<BoundingBox>,
    frame: &Rect,
    radial: bool,
    unit: f64,
    palette: &Palette,
) -> (Vec<Vec<Px>>, Vec<Label>) {
    let world = window.is_none();
    // Lines that end inside the frame are labelled there only where they end at the edge of
    // a world map's globe (Equal Earth's pole lines and seams), not at an orthographic
    // globe's horizon or at a pole.
    let edged = world && stream.has_globe_edge();
    let window = window.unwrap_or(BoundingBox::WORLD);
    let (s, n) = (window.south, window.north);
    // A world map runs from seam to seam: its parallels start at the left edge of the globe.
    let (w, lon_span) = if world {
        (stream.lon0() - 180.0, 360.0)
    } else {
        (window.west, window.lon_span())
    };
    let span = lon_span.max(window.lat_span());
    // Down to a thousandth of a degree (about 100 m) on a map of a city district.
    let steps = [
        0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0,
    ];
    let fit = |span: f64, lines: f64| {
        steps
            .into_iter()
            .find(|st| span / st <= lines)
            .unwrap_or(30.0)
    };
    let step = fit(span, 12.0);
    // Parallels share the meridians' step, unless it leaves fewer than two of them in a window
    // much wider than high (a polar map, whose window spans every longitude).
    let lat_step = if window.lat_span() < 2.0 * step {
        fit(window.lat_span(), 6.0)
    } else {
        step
    };
    // As many decimals as the finer step has.
    let decimals = (-step.min(lat_step).log10().floor()).max(0.0) as usize;
    let mut lines = Vec::new();
    let mut labels: Vec<Label> = Vec::new();
    let size = 14.0 * unit;
    let fmt = |v: f64, pos: char, neg: char| {
        let a = v.abs();
        let s = if (a - a.round()).abs() < 1e-9 {
            format!("{:.0}°", a.round())
        } else {
            format!("{a:.decimals$}°")
        };
        if a < 1e-9 || a == 180.0 {
            s
        } else {
            format!("{s}{}", if v > 0.0 { pos } else { neg })
        }
    };
    let (lat_lo, lat_hi) = (
        (s / lat_step).floor() * lat_step,
        (n / lat_step).ceil() * lat_step,
    );
    // A label outside the frame where a line leaves it, or beside the globe's edge on a world
    // map, unless it would overlap one already placed.
    let mut place = |text: String, end: Px, side: Side| {
        let tw = text::width(&text, size, false);
        let th = text::height(size);
        let gap = 5.0 * unit;
        let at = match side {
            Side::Bottom => (end.0 - tw / 2.0, end.1 + gap),
            Side::Top => (end.0 - tw / 2.0, end.1 - gap - th),
            Side::Left => (end.0 - tw - gap, end.1 - th / 2.0),
            Side::Right => (end.0 + gap, end.1 - th / 2.0),
        };
        let l = Label {
            text,
            at,
            size,
            bold: false,
            color: palette.muted,
            halo: None,
        };
        if !labels
            .iter()
            .any(|o| o.bounds().grow(3.0).overlaps(&l.bounds()))
            && l.at.0 > 0.0
            && l.at.1 > 0.0
        {
            labels.push(l);
        }
    };
    let on = |p: Px| {
        if (p.1 - frame.y1).abs() < 0.5 {
            Some(Side::Bottom)
        } else if (p.1 - frame.y0).abs() < 0.5 {
            Some(Side::Top)
        } else if (p.0 - frame.x0).abs() < 0.5 {
            Some(Side::Left)
        } else if (p.0 - frame.x1).abs() < 0.5 {
            Some(Side::Right)
        } else {
            None
        }
    };
    // Meridians: labelled where they leave the top and bottom, on a map where they radiate
    // (polar, azimuthal) on every side, and on a world map at the globe's pole lines.
    // Every meridian once: on a world map the seam's meridian is drawn at the left edge only.
    let (mut k, last) = if world {
        (
            (w / step).ceil() as i64,
            ((w + lon_span) / step).ceil() as i64 - 1,
        )
    } else {
        (
            (w / step).floor() as i64,
            ((w + lon_span) / step).ceil() as i64,
        )
    };
    while k <= last {
        let lon = crate::route::normalize_lon(k as f64 * step);
        let mut line = Vec::new();
        let mut lat = lat_lo.max(-89.0);
        while lat <= lat_hi.min(89.0) + 1e-9 {
            line.push(geo::Coord { x: lon, y: lat });
            lat += (step / 8.0).min(1.0);
        }
        let pieces = stream.projected_line(&line);
        let first = pieces.first().and_then(|p| p.first()).copied();
        let last = pieces.last().and_then(|p| p.last()).copied();
        for run in pieces.iter().flat_map(|p| clip::clip_line(p, frame)) {
            for (end, south) in [(run[0], true), (run[run.len() - 1], false)] {
                let side = match on(end) {
                    Some(side @ (Side::Top | Side::Bottom)) => Some(side),
                    Some(side) if radial => Some(side),
                    Some(_) => None,
                    // On a world map, where the meridian meets the globe's pole line.
                    None if edged && south && Some(end) == first => Some(Side::Bottom),
                    None if edged && !south && Some(end) == last => Some(Side::Top),
                    None => None,
                };
                if let Some(side) = side {
                    place(fmt(lon, 'E', 'W'), end, side);
                }
            }
            lines.push(run);
        }
        k += 1;
    }
    // Parallels: labelled where they leave the left and right sides, and on a world map where
    // they end at the globe's edge (west end to the left, east end to the right).
    let parallels = ((lat_hi - lat_lo) / lat_step).round() as i64;
    // Vertices at most 1° apart, at least 64 along the window (the stream resamples between).
    let along = ((lon_span / (step / 8.0).min(1.0)).ceil() as usize).clamp(64, 4096);
    for i in 0..=parallels {
        let lat = lat_lo + i as f64 * lat_step;
        if lat.abs() < 90.0 {
            let line: Vec<geo::Coord> = (0..=along)
                .map(|j| geo::Coord {
                    x: w + lon_span * j as f64 / along as f64,
                    y: lat,
                })
                .collect();
            let pieces = stream.projected_line(&line);
            let first = pieces.first().and_then(|p| p.first()).copied();
            let last = pieces.last().and_then(|p| p.last()).copied();
            for run in pieces.iter().flat_map(|p| clip::clip_line(p, frame)) {
                for (end, west) in [(run[0], true), (run[run.len() - 1], false)] {
                    let side = match on(end) {
                        Some(side @ (Side::Left | Side::Right)) => Some(side),
                        Some(_) => None,
                        None if edged && west && Some(end) == first => Some(Side::Left),
                        None if edged && !west && Some(end) == last => Some(Side::Right),
                        None => None,
                    };
                    if let Some(side) = side {
                        place(fmt(lat, 'N', 'S'), end, side);
                    }
                }
                lines.push(run);
            }
        }
    }
    (lines, labels)
}

/// The side of the frame a graticule label stands beyond.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Top,
    Bottom,
    Left,
    Right,
}
