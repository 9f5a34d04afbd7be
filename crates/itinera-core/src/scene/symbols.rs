//! Proportional symbols: places drawn as circles whose areas are proportional to a value (how
//! often a corpus mentions them, a population...), with a size legend of nested circles.
//!
//! The map under them is the scene of the places ([`super::build`]); this step then replaces
//! their markers with circles, labels the biggest few and adds the size legend. The choices, as
//! cartographers make them:
//! - the area, not the radius, is proportional to the value (radius ∝ √value), the largest
//!   symbol [`MAX_RADIUS`] style units; Flannery's apparent-magnitude compensation (radius ∝
//!   value^0.5716) is there to ask for ([`SymbolScale::Flannery`]) but not the default: it
//!   corrects for an average reader's underestimate of large circles, and the legend, drawn at
//!   the same scale, is what readers check sizes against;
//! - the largest circle is drawn first, so small ones stay on top and visible;
//! - a translucent fill with an opaque outline of the same colour, so overlaps show;
//! - a legend of two or three round values ([`legend_values`]), circles sharing their bottom;
//! - labels for the [`LABELLED`] biggest, where they fit.

use super::*;
use crate::trip::Rgb;

/// Radius of the largest symbol, style units (pixels on a 1000-pixel map).
pub const MAX_RADIUS: f64 = 38.0;

/// How many of the largest symbols get a label.
pub const LABELLED: usize = 6;

/// The smallest radius a non-zero value is drawn at, style units: a symbol must be seen.
const MIN_RADIUS: f64 = 1.5;

/// How a value becomes a radius.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SymbolScale {
    /// Area proportional to the value: radius = max radius × (value / max value)^0.5.
    #[default]
    Area,
    /// Flannery's compensation (1971): radius ∝ value^0.5716, so that readers, who underrate
    /// the larger of two circles, judge the ratio of values better.
    Flannery,
}

impl SymbolScale {
    /// The exponent of value / max value that gives the radius as a share of the largest.
    pub fn exponent(self) -> f64 {
        match self {
            SymbolScale::Area => 0.5,
            SymbolScale::Flannery => 0.5716,
        }
    }

    /// The radius of `value` when `max` is drawn with radius `max_radius`.
    ///
    /// ```
    /// use itinera::scene::SymbolScale;
    /// // A quarter of the value: a quarter of the area, half the radius.
    /// assert_eq!(SymbolScale::Area.radius(25.0, 100.0, 40.0), 20.0);
    /// ```
    pub fn radius(self, value: f64, max: f64, max_radius: f64) -> f64 {
        if max <= 0.0 || value <= 0.0 {
            return 0.0;
        }
        max_radius * (value / max).powf(self.exponent())
    }
}

/// One place's symbol.
#[derive(Debug, Clone, PartialEq)]
pub struct Symbol {
    /// The place's label.
    pub name: String,
    /// Centre, pixels.
    pub at: Px,
    /// Radius, pixels.
    pub radius: f64,
    /// The value it shows.
    pub value: f64,
}

/// One circle of the size legend, with its value.
#[derive(Debug, Clone, PartialEq)]
pub struct SizeRing {
    /// The value.
    pub value: f64,
    /// Centre, pixels.
    pub at: Px,
    /// Radius, pixels: as a symbol of this value.
    pub radius: f64,
    /// The leader from the circle's top to its label.
    pub tick: (Px, Px),
    /// The value as text.
    pub label: Label,
}

/// The size legend: nested circles of round values, bottoms together.
#[derive(Debug, Clone, PartialEq)]
pub struct SizeLegend {
    /// Background box.
    pub rect: Rect,
    /// What the values are (the column's name).
    pub title: Label,
    /// The circles, largest first.
    pub rings: Vec<SizeRing>,
}

/// The proportional symbols of a map.
#[derive(Debug, Clone, PartialEq)]
pub struct Symbols {
    /// What the values are (the column's name).
    pub column: String,
    /// The symbols in drawing order: largest first.
    pub symbols: Vec<Symbol>,
    /// Fill, translucent.
    pub fill: Color,
    /// Outline.
    pub outline: Color,
    /// How values became radii.
    pub scale: SymbolScale,
    /// The size legend, unless the options leave legends out.
    pub legend: Option<SizeLegend>,
}

/// Round values for a size legend of values up to `max`: the largest "round" number (1, 1.5, 2,
/// 2.5, 3, 4, 5, 6 or 8 times a power of ten) at most `max`, then those at most a quarter and a
/// sixteenth of it; whole numbers only when `whole` (counts), with 1 as a second value when
/// no other is whole. Largest first, without repeats.
///
/// ```
/// use itinera::scene::legend_values;
/// assert_eq!(legend_values(187.0, true), [150.0, 30.0, 8.0]);
/// assert_eq!(legend_values(3.0, true), [3.0, 1.0]);
/// ```
pub fn legend_values(max: f64, whole: bool) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::new();
    if !(max.is_finite() && max > 0.0) {
        return out;
    }
    let top = round_below(max, whole);
    for v in [
        top,
        round_below(top / 4.0, whole),
        round_below(top / 16.0, whole),
    ] {
        if v > 0.0 && out.last().is_none_or(|l| *l > v) {
            out.push(v);
        }
    }
    // Small counts: one, for a second circle to compare with.
    if whole && out.len() < 2 && top > 1.0 {
        out.push(1.0);
    }
    out
}

/// The largest round number at most `x` (see [`legend_values`]), a whole one if `whole`
/// (0 if none).
fn round_below(x: f64, whole: bool) -> f64 {
    if !(x.is_finite() && x > 0.0) {
        return 0.0;
    }
    let k = x.log10().floor();
    // A step times 10^k, or over 10^-k: 3 / 10 is 0.3, where 3 × 0.1 is not.
    let at = |step: f64| match k >= 0.0 {
        true => step * 10f64.powf(k),
        false => step / 10f64.powf(-k),
    };
    let steps = [8.0, 6.0, 5.0, 4.0, 3.0, 2.5, 2.0, 1.5, 1.0];
    // Against rounding error in the logarithm, a step equal to x within a billionth is x.
    steps
        .iter()
        .map(|s| at(*s))
        .find(|v| *v <= x * (1.0 + 1e-9) && (!whole || v.fract() == 0.0))
        .unwrap_or(0.0)
}

/// Builds the map of places sized by `values` (one per stop of `route`, in order): the scene
/// of the places, their markers replaced by circles whose areas are proportional to their
/// values, the biggest labelled, and a size legend titled `column` unless `options.legend` is
/// false. On a world map there is no scale bar: no single scale is true there.
///
/// # Errors
/// As [`build`]; [`Error::Invalid`] when `values` and the stops differ in number, or a value is
/// negative or not a number.
///
/// # Examples
/// ```
/// use itinera::scene::{self, MapOptions, SymbolScale};
/// use itinera::{Gazetteer, TripPlan, route, trip};
///
/// let plan = TripPlan::from_names(&["Moscow", "Kazan", "Samara"]);
/// let trips = trip::resolve(&plan, Gazetteer::bundled(), &Default::default())?;
/// let places = route::build(&trips.trips[0]);
/// let options = MapOptions { width: 800, height: 600, ..MapOptions::default() };
/// let map = scene::build_sized(&places, &[400.0, 100.0, 25.0], "mentions", None, &options, SymbolScale::Area)?;
/// let s = map.symbols.as_ref().unwrap();
/// assert_eq!(s.symbols[0].name, "Moscow");
/// assert!((s.symbols[0].radius / s.symbols[1].radius - 2.0).abs() < 1e-9);
/// # Ok::<(), itinera::Error>(())
/// ```
pub fn build_sized(
    route: &Route,
    values: &[f64],
    column: &str,
    file_title: Option<&str>,
    options: &MapOptions,
    scale: SymbolScale,
) -> Result<Scene> {
    if values.len() != route.stops.len() {
        return Err(Error::invalid(
            InvalidKind::Value,
            format!("{} values for {} places", values.len(), route.stops.len()),
            None,
        ));
    }
    if let Some(v) = values.iter().find(|v| !(v.is_finite() && **v >= 0.0)) {
        return Err(Error::invalid(
            InvalidKind::Value,
            format!("`{column}` must be a number at least 0, found `{v}`"),
            None,
        ));
    }
    // The trip legend ("20 places") says nothing the size legend does not.
    let base = MapOptions {
        legend: false,
        ..options.clone()
    };
    let mut s = build(std::slice::from_ref(route), file_title, &base)?;
    clear_stops(&mut s);
    let symbols = symbols_of(&s, route, values, scale);
    clear_context(&mut s, &symbols);
    label_biggest(&mut s, &symbols);
    let legend = options
        .legend
        .then(|| size_legend(&s, &symbols, column, values, scale))
        .flatten();
    let fill = Color::from(route.color);
    s.symbols = Some(Symbols {
        column: column.to_string(),
        symbols,
        fill: Color { a: 0.55, ..fill },
        outline: darker(route.color),
        scale,
        legend,
    });
    Ok(s)
}

/// Step of [`build_sized`]: the scene without the places' own markers and labels (and the
/// warning about labels that found no room: the symbols label only the biggest), and without a
/// scale bar on a world map.
fn clear_stops(s: &mut Scene) {
    s.markers.clear();
    s.labels.drain(..s.stop_label_count.min(s.labels.len()));
    s.stop_label_count = 0;
    s.unplaced.clear();
    s.warnings.retain(|w| !w.starts_with("no room for"));
    let world = ["+proj=eqearth", "+proj=robin", "+proj=moll", "+proj=wintri"]
        .iter()
        .any(|p| s.projection.starts_with(p));
    if world {
        s.scale_bar = None;
    }
}

/// Step of [`build_sized`]: the context places (dots and names of cities, countries) that a
/// symbol covers are left out: over a circle, a name would seem to be the symbol's.
fn clear_context(s: &mut Scene, symbols: &[Symbol]) {
    let reach = 2.0 * s.unit;
    let covered = |p: Px| {
        symbols
            .iter()
            .any(|o| (p.0 - o.at.0).hypot(p.1 - o.at.1) < o.radius + reach)
    };
    s.context_dots.retain(|d| !covered(*d));
    s.labels
        .retain(|l| !symbols.iter().any(|o| touches(&l.bounds(), o.at, o.radius)));
}

/// Step of [`build_sized`]: a symbol per place on the map with a value above 0, largest first.
fn symbols_of(s: &Scene, route: &Route, values: &[f64], scale: SymbolScale) -> Vec<Symbol> {
    let max = values.iter().copied().fold(0.0, f64::max);
    let r_max = MAX_RADIUS * s.unit;
    let mut out: Vec<Symbol> = route
        .stops
        .iter()
        .zip(values)
        .filter(|(_, v)| **v > 0.0)
        .filter_map(|(stop, v)| {
            let at = s.locate(stop.lon, stop.lat)?;
            s.frame.contains(at).then(|| Symbol {
                name: stop.label.clone(),
                at,
                radius: scale.radius(*v, max, r_max).max(MIN_RADIUS * s.unit),
                value: *v,
            })
        })
        .collect();
    // Stable: equal values keep the file's order.
    out.sort_by(|a, b| b.value.total_cmp(&a.value));
    out
}

/// Step of [`build_sized`]: labels beside the [`LABELLED`] largest symbols (right of the
/// circle, else left, else above), where they clear the map's other labels and each other.
fn label_biggest(s: &mut Scene, symbols: &[Symbol]) {
    let (u, pal) = (s.unit, s.palette);
    let size = 14.0 * u;
    let mut taken: Vec<Rect> = s.labels.iter().map(Label::bounds).collect();
    taken.extend(s.inset.as_ref().map(|i| i.rect));
    let mut placed = Vec::new();
    for sym in symbols.iter().take(LABELLED) {
        let (w, h) = (text::width(&sym.name, size, false), text::height(size));
        let (x, y, r, gap) = (sym.at.0, sym.at.1, sym.radius, 3.0 * u);
        let spots = [
            (x + r + gap, y - h / 2.0),
            (x - r - gap - w, y - h / 2.0),
            (x - w / 2.0, y - r - gap - h),
        ];
        let fits = |at: &Px| {
            let b = Rect {
                x0: at.0,
                y0: at.1,
                x1: at.0 + w,
                y1: at.1 + h,
            };
            let inside = s.frame.contains((b.x0, b.y0)) && s.frame.contains((b.x1, b.y1));
            // Over another symbol, a label would seem to name it.
            let clear = symbols
                .iter()
                .filter(|o| o.at != sym.at)
                .all(|o| !touches(&b, o.at, o.radius));
            inside && clear && !taken.iter().any(|t| t.overlaps(&b))
        };
        if let Some(at) = spots.into_iter().find(fits) {
            let label = Label {
                text: sym.name.clone(),
                at,
                size,
                bold: false,
                color: pal.text,
                halo: Some(pal.halo),
            };
            taken.push(label.bounds().grow(2.0 * u));
            placed.push(label);
        }
    }
    s.stop_label_count = placed.len();
    s.labels.splice(0..0, placed);
}

/// Whether the box `b` and the circle of centre `c` and radius `r` overlap.
fn touches(b: &Rect, c: Px, r: f64) -> bool {
    let nearest = (c.0.clamp(b.x0, b.x1), c.1.clamp(b.y0, b.y1));
    (nearest.0 - c.0).hypot(nearest.1 - c.1) < r
}

/// Step of [`build_sized`]: the size legend, in the corner of the frame that hides the fewest
/// symbols and clears the scale bar, the inset and the labels; `None` without values.
fn size_legend(
    s: &Scene,
    symbols: &[Symbol],
    column: &str,
    values: &[f64],
    scale: SymbolScale,
) -> Option<SizeLegend> {
    let max = values.iter().copied().fold(0.0, f64::max);
    let whole = values.iter().all(|v| v.fract() == 0.0);
    let shown = legend_values(max, whole);
    let u = s.unit;
    let r_max = MAX_RADIUS * u;
    let radii: Vec<f64> = shown.iter().map(|v| scale.radius(*v, max, r_max)).collect();
    let big = radii.first().copied()?;
    let (pad, size) = (8.0 * u, 12.0 * u);
    let texts: Vec<String> = shown.iter().map(|v| value_text(*v)).collect();
    let text_w = texts
        .iter()
        .map(|t| text::width(t, size, false))
        .fold(0.0, f64::max);
    let title_w = text::width(column, size, true);
    let (w, h) = (
        (2.0 * big + 6.0 * u + text_w).max(title_w) + 2.0 * pad,
        text::height(size) + 4.0 * u + 2.0 * big + 2.0 * pad,
    );
    let rect = legend_corner(s, symbols, w, h);
    let bottom = rect.y1 - pad;
    let cx = rect.x0 + pad + big;
    let rings = shown
        .iter()
        .zip(&radii)
        .zip(texts)
        .map(|((v, r), t)| {
            let top = (cx, bottom - 2.0 * r);
            let end = (cx + big + 6.0 * u, top.1);
            SizeRing {
                value: *v,
                at: (cx, bottom - r),
                radius: *r,
                tick: (top, (end.0 - 2.0 * u, end.1)),
                label: Label {
                    text: t,
                    at: (end.0, end.1 - text::height(size) / 2.0),
                    size,
                    bold: false,
                    color: s.palette.text,
                    halo: None,
                },
            }
        })
        .collect();
    let title = Label {
        text: column.to_string(),
        at: (rect.x0 + pad, rect.y0 + pad),
        size,
        bold: true,
        color: s.palette.text,
        halo: None,
    };
    Some(SizeLegend { rect, title, rings })
}

/// The corner of the frame for a box `w` by `h`: bottom left, bottom right, top left, top
/// right, the first that clears the scale bar, the inset and the labels, and among those the
/// one over the fewest symbols.
fn legend_corner(s: &Scene, symbols: &[Symbol], w: f64, h: f64) -> Rect {
    let m = 10.0 * s.unit;
    let f = s.frame;
    let corners = [
        (f.x0 + m, f.y1 - m - h),
        (f.x1 - m - w, f.y1 - m - h),
        (f.x0 + m, f.y0 + m),
        (f.x1 - m - w, f.y0 + m),
    ];
    let mut taken: Vec<Rect> = s.labels.iter().map(Label::bounds).collect();
    taken.extend(s.inset.as_ref().map(|i| i.rect));
    if let Some(sb) = &s.scale_bar {
        let mut points: Vec<Px> = sb.outline().to_vec();
        for l in &sb.labels {
            let b = l.bounds();
            points.extend([(b.x0, b.y0), (b.x1, b.y1)]);
        }
        taken.push(Rect::around(&points));
    }
    let boxes = corners.map(|(x, y)| Rect {
        x0: x,
        y0: y,
        x1: x + w,
        y1: y + h,
    });
    let covered = |b: &Rect| {
        let clashes = taken.iter().filter(|t| t.overlaps(b)).count();
        let hidden = symbols
            .iter()
            .filter(|p| b.grow(p.radius).contains(p.at))
            .count();
        (clashes, hidden)
    };
    boxes
        .into_iter()
        .enumerate()
        .min_by_key(|(i, b)| (covered(b), *i))
        .map_or(boxes_first(&f, m, w, h), |(_, b)| b)
}

/// The bottom-left corner box (what [`legend_corner`] falls back on).
fn boxes_first(f: &Rect, m: f64, w: f64, h: f64) -> Rect {
    Rect {
        x0: f.x0 + m,
        y0: f.y1 - m - h,
        x1: f.x0 + m + w,
        y1: f.y1 - m,
    }
}

/// A legend value as text: whole numbers with thousands separators, others to two decimals.
fn value_text(v: f64) -> String {
    if v.fract() == 0.0 {
        thousands(v)
    } else {
        let t = format!("{v:.2}");
        t.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The outline colour: the fill's colour, a third darker.
fn darker(c: Rgb) -> Color {
    let d = |v: u8| (f64::from(v) * 0.67).round() as u8;
    Color {
        r: d(c.r),
        g: d(c.g),
        b: d(c.b),
        a: 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    mod scaling {
        use super::*;

        #[test]
        fn area_is_proportional_to_the_value() {
            let r = |v| SymbolScale::Area.radius(v, 400.0, 40.0);
            let area = |v| std::f64::consts::PI * r(v) * r(v);
            for (a, b) in [(400.0, 100.0), (100.0, 1.0), (250.0, 37.0)] {
                assert!((area(a) / area(b) - a / b).abs() < 1e-9, "{a} {b}");
            }
            assert_eq!(r(400.0), 40.0);
            assert_eq!(r(0.0), 0.0);
        }

        #[test]
        fn flannery_grows_the_large_ones_more() {
            let area = SymbolScale::Area.radius(10.0, 100.0, 40.0);
            let flannery = SymbolScale::Flannery.radius(10.0, 100.0, 40.0);
            assert!(flannery < area, "{flannery} {area}");
            assert_eq!(SymbolScale::Flannery.radius(100.0, 100.0, 40.0), 40.0);
        }
    }

    mod legend {
        use super::*;

        #[test]
        fn values_are_round_and_at_most_the_largest() {
            for (max, whole, expected) in [
                (187.0, true, vec![150.0, 30.0, 8.0]),
                (1000.0, true, vec![1000.0, 250.0, 60.0]),
                (400.0, true, vec![400.0, 100.0, 25.0]),
                (12.0, true, vec![10.0, 2.0]),
                (1.0, true, vec![1.0]),
                (3.0, true, vec![3.0, 1.0]),
                (0.9, false, vec![0.8, 0.2, 0.05]),
                (0.0, true, vec![]),
                (f64::NAN, true, vec![]),
            ] {
                assert_eq!(legend_values(max, whole), expected, "{max}");
            }
        }

        #[test]
        fn round_numbers_are_found_below() {
            assert_eq!(round_below(100.0, true), 100.0);
            assert_eq!(round_below(99.0, true), 80.0);
            assert_eq!(round_below(0.31, false), 0.3);
            assert_eq!(round_below(0.31, true), 0.0);
            assert_eq!(round_below(15.0, true), 15.0);
            assert_eq!(round_below(2.7, true), 2.0);
            assert_eq!(round_below(2.7, false), 2.5);
        }

        #[test]
        fn values_read_as_numbers() {
            assert_eq!(value_text(12000.0), "12,000");
            assert_eq!(value_text(0.25), "0.25");
        }
    }
}
