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
    let mut g = Graticule {
        grid: Grid::new(stream, &window, world),
        stream,
        frame,
        world,
        edged,
        radial,
        lines: Vec::new(),
        labels: Vec::new(),
        size: 14.0 * unit,
        unit,
        palette,
    };
    g.meridians();
    g.parallels();
    (g.lines, g.labels)
}

/// Where the graticule's lines go: the longitudes and latitudes they span and their steps.
struct Grid {
    /// The western edge of the lines, degrees.
    w: f64,
    /// The longitudes the lines span, degrees.
    lon_span: f64,
    /// Degrees between meridians.
    step: f64,
    /// Degrees between parallels.
    lat_step: f64,
    /// Decimals of the degree labels.
    decimals: usize,
    /// The southernmost and northernmost parallels.
    lat_lo: f64,
    lat_hi: f64,
}

impl Grid {
    /// The steps of the graticule of a map showing `window` (the world, on a `world` map).
    fn new(stream: &Stream<'_>, window: &BoundingBox, world: bool) -> Grid {
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
        // Parallels share the meridians' step, unless it leaves fewer than two of them in a
        // window much wider than high (a polar map, whose window spans every longitude).
        let lat_step = if window.lat_span() < 2.0 * step {
            fit(window.lat_span(), 6.0)
        } else {
            step
        };
        // As many decimals as the finer step has.
        let decimals = (-step.min(lat_step).log10().floor()).max(0.0) as usize;
        let (lat_lo, lat_hi) = (
            (s / lat_step).floor() * lat_step,
            (n / lat_step).ceil() * lat_step,
        );
        Grid {
            w,
            lon_span,
            step,
            lat_step,
            decimals,
            lat_lo,
            lat_hi,
        }
    }
}

/// The graticule being drawn: its grid, the lines and the labels placed so far.
struct Graticule<'a> {
    grid: Grid,
    stream: &'a Stream<'a>,
    frame: &'a Rect,
    /// A world map, whose lines run from seam to seam.
    world: bool,
    /// Lines ending at a world map's globe edge are labelled there.
    edged: bool,
    /// Meridians radiate from the centre and are labelled on every side.
    radial: bool,
    lines: Vec<Vec<Px>>,
    labels: Vec<Label>,
    /// Font size of the labels.
    size: f64,
    unit: f64,
    palette: &'a Palette,
}

impl Graticule<'_> {
    /// A label outside the frame where a line leaves it, or beside the globe's edge on a world
    /// map, unless it would overlap one already placed.
    fn place(&mut self, text: String, end: Px, side: Side) {
        let size = self.size;
        let tw = text::width(&text, size, false);
        let th = text::height(size);
        let gap = 5.0 * self.unit;
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
            color: self.palette.muted,
            halo: None,
        };
        if !self
            .labels
            .iter()
            .any(|o| o.bounds().grow(3.0).overlaps(&l.bounds()))
            && l.at.0 > 0.0
            && l.at.1 > 0.0
        {
            self.labels.push(l);
        }
    }

    /// Meridians: labelled where they leave the top and bottom, on a map where they radiate
    /// (polar, azimuthal) on every side, and on a world map at the globe's pole lines.
    fn meridians(&mut self) {
        let Grid {
            w,
            lon_span,
            step,
            decimals,
            lat_lo,
            lat_hi,
            ..
        } = self.grid;
        let (stream, frame) = (self.stream, self.frame);
        let (radial, edged) = (self.radial, self.edged);
        // Every meridian once: on a world map the seam's meridian is drawn at the left edge only.
        let (mut k, last) = if self.world {
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
                    let side = match side_of(end, frame) {
                        Some(side @ (Side::Top | Side::Bottom)) => Some(side),
                        Some(side) if radial => Some(side),
                        Some(_) => None,
                        // On a world map, where the meridian meets the globe's pole line.
                        None if edged && south && Some(end) == first => Some(Side::Bottom),
                        None if edged && !south && Some(end) == last => Some(Side::Top),
                        None => None,
                    };
                    if let Some(side) = side {
                        self.place(degrees(lon, 'E', 'W', decimals), end, side);
                    }
                }
                self.lines.push(run);
            }
            k += 1;
        }
    }

    /// Parallels: labelled where they leave the left and right sides, and on a world map where
    /// they end at the globe's edge (west end to the left, east end to the right).
    fn parallels(&mut self) {
        let Grid {
            w,
            lon_span,
            step,
            lat_step,
            decimals,
            lat_lo,
            lat_hi,
        } = self.grid;
        let (stream, frame, edged) = (self.stream, self.frame, self.edged);
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
                        let side = match side_of(end, frame) {
                            Some(side @ (Side::Left | Side::Right)) => Some(side),
                            Some(_) => None,
                            None if edged && west && Some(end) == first => Some(Side::Left),
                            None if edged && !west && Some(end) == last => Some(Side::Right),
                            None => None,
                        };
                        if let Some(side) = side {
                            self.place(degrees(lat, 'N', 'S', decimals), end, side);
                        }
                    }
                    self.lines.push(run);
                }
            }
        }
    }
}

/// A degree label: whole degrees without decimals, others with `decimals`, and the
/// hemisphere's letter (`pos` or `neg`) except at 0° and 180°.
fn degrees(v: f64, pos: char, neg: char, decimals: usize) -> String {
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
}

/// The side of the frame a point is on, if it is on one (within half a pixel).
fn side_of(p: Px, frame: &Rect) -> Option<Side> {
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
}

/// The side of the frame a graticule label stands beyond.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Top,
    Bottom,
    Left,
    Right,
}
