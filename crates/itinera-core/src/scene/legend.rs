//! The legend: a row per trip with its dates, distance and main mode.

use super::*;
use crate::trip::TripKind;

/// A legend laid out but not yet placed: its texts and its size.
pub(super) struct Draft {
    texts: Vec<(String, String)>,
    /// Width, pixels.
    pub(super) w: f64,
    /// Height, pixels.
    pub(super) h: f64,
    unit: f64,
}

impl Draft {
    const NAME: f64 = 17.0;
    const DETAIL: f64 = 14.0;
    const PAD: f64 = 12.0;
    const SWATCH: f64 = 34.0;

    fn row_h(unit: f64) -> f64 {
        (Draft::NAME * 0.8 + Draft::DETAIL * 0.8 + 12.0) * unit
    }

    /// The legend of `routes`: a row per trip with its name, dates and distance; `None` for no
    /// routes.
    pub(super) fn new(routes: &[Route], options: &MapOptions, unit: f64) -> Option<Draft> {
        let (units, lang) = (options.units, options.label_lang);
        if routes.is_empty() {
            return None;
        }
        let texts: Vec<(String, String)> = routes
            .iter()
            .map(|r| {
                let mut dates: Vec<Date> = r.stops.iter().filter_map(|s| s.date).collect();
                dates.sort_unstable();
                let dist = extent_in(r, units, lang);
                let detail = match (dates.first(), dates.last()) {
                    (Some(a), Some(b)) => {
                        let range =
                            lang.map_or_else(|| pretty_range(a, b), |l| words::date_range(a, b, l));
                        format!("{range} · {dist}")
                    }
                    _ => dist,
                };
                (r.name.clone(), detail)
            })
            .collect();
        let (name_size, detail_size) = (Draft::NAME * unit, Draft::DETAIL * unit);
        let text_w = texts
            .iter()
            .map(|(n, d)| text::width(n, name_size, true).max(text::width(d, detail_size, false)))
            .fold(0.0, f64::max);
        let pad = Draft::PAD * unit;
        let w = pad * 3.0 + Draft::SWATCH * unit + text_w;
        let h = pad * 2.0 + Draft::row_h(unit) * texts.len() as f64 - 6.0 * unit;
        Some(Draft { texts, w, h, unit })
    }

    /// The legend with its top-left corner at (`x`, `y`).
    pub(super) fn at(self, routes: &[Route], (x, y): Px, palette: &Palette) -> Legend {
        let unit = self.unit;
        let (name_size, detail_size) = (Draft::NAME * unit, Draft::DETAIL * unit);
        let (pad, swatch, row_h) = (Draft::PAD * unit, Draft::SWATCH * unit, Draft::row_h(unit));
        let rect = Rect {
            x0: x,
            y0: y,
            x1: x + self.w,
            y1: y + self.h,
        };
        let rows = routes
            .iter()
            .zip(self.texts)
            .enumerate()
            .map(|(i, (r, (name, detail)))| {
                let top = y + pad + row_h * i as f64;
                let color = palette.route(r.color);
                let mode = main_mode(r);
                let sy = top + name_size * 0.45;
                LegendRow {
                    color,
                    mode,
                    stroke: Stroke::for_mode(mode),
                    swatch: ((x + pad, sy), (x + pad + swatch, sy)),
                    dot: r.legs.is_empty().then(|| Marker {
                        at: (x + pad + swatch / 2.0, sy),
                        radius: marker_radius(unit),
                        color,
                        terminal: true,
                        leader: None,
                    }),
                    name: Label {
                        text: name,
                        at: (x + pad * 2.0 + swatch, top),
                        size: name_size,
                        bold: true,
                        color: palette.text,
                        halo: None,
                    },
                    detail: Label {
                        text: detail,
                        at: (x + pad * 2.0 + swatch, top + name_size * 0.8 + 4.0 * unit),
                        size: detail_size,
                        bold: false,
                        color: palette.muted,
                        halo: None,
                    },
                }
            })
            .collect();
        Legend { rect, rows }
    }
}

/// How much of the map a box would cover: the route pixels in it, and fifty for each marker
/// it touches (a box may never hide a stop).
pub(super) fn crowd(r: &Rect, route_px: &[Px], markers: &[Marker]) -> usize {
    route_px.iter().filter(|p| r.contains(**p)).count()
        + 50 * markers
            .iter()
            .filter(|m| r.grow(m.radius).contains(m.at))
            .count()
}

/// The top-left corner of a `w` x `h` box in the corner of `frame` it crowds least (bottom
/// left, top left, bottom right, top right, in that order of preference), and its crowd.
pub(super) fn quietest_corner(
    frame: &Rect,
    (w, h): (f64, f64),
    inset: f64,
    route_px: &[Px],
    markers: &[Marker],
) -> (Px, usize) {
    [
        (frame.x0 + inset, frame.y1 - inset - h),
        (frame.x0 + inset, frame.y0 + inset),
        (frame.x1 - inset - w, frame.y1 - inset - h),
        (frame.x1 - inset - w, frame.y0 + inset),
    ]
    .into_iter()
    .map(|(x, y)| {
        let r = Rect {
            x0: x,
            y0: y,
            x1: x + w,
            y1: y + h,
        };
        ((x, y), crowd(&r, route_px, markers))
    })
    .min_by_key(|(_, c)| *c)
    .unwrap_or(((frame.x0 + inset, frame.y1 - inset - h), 0))
}

/// What a legend says of a trip's extent: its number of places, its one stop, or its length.
pub(crate) fn extent(r: &Route, units: crate::route::Units) -> String {
    extent_in(r, units, None)
}

/// [`extent`] in the label language, English without one.
fn extent_in(r: &Route, units: crate::route::Units, lang: Option<LabelLang>) -> String {
    if let Some(l) = lang {
        let d = readable_distance(units.from_metres(r.metres()));
        let e = match r.kind {
            TripKind::Places => words::Extent::Places(r.stops.len()),
            TripKind::Journey | TripKind::Track if r.legs.is_empty() => words::Extent::OneStop,
            TripKind::Journey => words::Extent::StraightLine(&d),
            TripKind::Track => words::Extent::Recorded(&d),
        };
        return words::extent(e, units, l);
    }
    match r.kind {
        TripKind::Places => match r.stops.len() {
            1 => "one place".to_string(),
            n => format!("{n} places"),
        },
        TripKind::Journey | TripKind::Track if r.legs.is_empty() => "one stop".to_string(),
        // A journey's legs are drawn straight (geodesics between its stops); a track's length
        // is along the points it recorded.
        TripKind::Journey => format!(
            "{} {} straight-line",
            readable_distance(units.from_metres(r.metres())),
            units.label()
        ),
        TripKind::Track => format!(
            "{} {} as recorded",
            readable_distance(units.from_metres(r.metres())),
            units.label()
        ),
    }
}

/// The mode covering most of a trip's length.
pub(super) fn main_mode(r: &Route) -> Mode {
    let mut best = (Mode::Unknown, -1.0);
    for m in [Mode::Rail, Mode::Road, Mode::Air, Mode::Sea, Mode::Unknown] {
        let len: f64 = r
            .legs
            .iter()
            .filter(|l| l.mode == m)
            .map(|l| l.metres)
            .sum();
        if len > best.1 {
            best = (m, len);
        }
    }
    best.0
}
