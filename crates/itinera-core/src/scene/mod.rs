//! The map scene: everything a map shows, projected to pixels and styled, built once and then
//! drawn by any backend ([`crate::render`] draws it to PNG and SVG).
//!
//! This module owns the map's geometry and layout: the projection and frame, which basemap
//! layers and at what detail, graticule, route lines with their direction arrows, markers,
//! label placement without overlaps, legend, title, scale bar and attribution. It draws nothing.

pub mod clip;
mod labels;
pub mod projection;
pub mod text;

use std::collections::{HashMap, HashSet};

use geo::{Destination, Geodesic, Point};

use crate::basemap::{self, Detail};
use crate::error::{Error, Result};
use crate::route::{Leg, Route, bounding_box, split_antimeridian};
use crate::trip::Mode;

pub use clip::{Px, Rect};
pub use projection::{Extent, ProjectionChoice, Projector};

/// Colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Pale land on light blue sea.
    #[default]
    Light,
    /// Dark land on near-black sea.
    Dark,
}

impl std::str::FromStr for Theme {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "light" => Ok(Theme::Light),
            "dark" => Ok(Theme::Dark),
            _ => Err(Error::invalid(
                format!("unknown theme `{s}`"),
                Some("use light or dark".into()),
            )),
        }
    }
}

/// Which labels a map shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LabelMode {
    /// Stops, plus country names and large cities for orientation where they fit.
    #[default]
    All,
    /// Stops only.
    Stops,
}

impl std::str::FromStr for LabelMode {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "all" => Ok(LabelMode::All),
            "stops" => Ok(LabelMode::Stops),
            _ => Err(Error::invalid(
                format!("unknown label mode `{s}`"),
                Some("use all or stops".into()),
            )),
        }
    }
}

/// How to draw a map.
#[derive(Debug, Clone)]
pub struct MapOptions {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Title; the trip file's title otherwise.
    pub title: Option<String>,
    /// Subtitle; the date range of the trips otherwise.
    pub subtitle: Option<String>,
    /// Colour theme.
    pub theme: Theme,
    /// Whether to draw the legend.
    pub legend: bool,
    /// Which labels to show.
    pub labels: LabelMode,
    /// Projection.
    pub projection: ProjectionChoice,
    /// Map window; fitted to the routes otherwise.
    pub bbox: Option<Extent>,
    /// Whether the map carries its title and subtitle (false when a page shows them).
    pub heading: bool,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            width: 1600,
            height: 1000,
            title: None,
            subtitle: None,
            theme: Theme::Light,
            legend: true,
            labels: LabelMode::All,
            projection: ProjectionChoice::Auto,
            bbox: None,
            heading: true,
        }
    }
}

/// Vertex spacing of the legs when fitting the frame, metres.
const FIT_STEP_M: f64 = 100_000.0;

/// An sRGB colour with alpha.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
    /// Opacity, 0..=1.
    pub a: f64,
}

impl Color {
    const fn rgb(hex: u32) -> Color {
        Color {
            r: (hex >> 16) as u8,
            g: (hex >> 8) as u8,
            b: hex as u8,
            a: 1.0,
        }
    }

    fn alpha(self, a: f64) -> Color {
        Color { a, ..self }
    }

    /// Parses `#rrggbb`.
    pub fn from_hex(s: &str) -> Option<Color> {
        let h = s.strip_prefix('#')?;
        (h.len() == 6)
            .then(|| u32::from_str_radix(h, 16).ok().map(Color::rgb))
            .flatten()
    }
}

/// The colours of a theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Outside the frame.
    pub paper: Color,
    /// Sea and lakes.
    pub water: Color,
    /// Land.
    pub land: Color,
    /// Rivers.
    pub river: Color,
    /// Country borders.
    pub border: Color,
    /// Graticule lines.
    pub graticule: Color,
    /// Main text.
    pub text: Color,
    /// Secondary text (context labels, attribution).
    pub muted: Color,
    /// Halo behind labels and casing under routes.
    pub halo: Color,
}

impl Theme {
    /// The theme's colours.
    pub fn palette(self) -> Palette {
        match self {
            Theme::Light => Palette {
                paper: Color::rgb(0xffffff),
                water: Color::rgb(0xcfe2ee),
                land: Color::rgb(0xf3f0e8),
                river: Color::rgb(0x9fc4dc),
                border: Color::rgb(0x8a8378),
                graticule: Color::rgb(0x7d99ad).alpha(0.35),
                text: Color::rgb(0x1f2328),
                muted: Color::rgb(0x6b6b6b),
                halo: Color::rgb(0xffffff),
            },
            Theme::Dark => Palette {
                paper: Color::rgb(0x11151c),
                water: Color::rgb(0x18222e),
                land: Color::rgb(0x2b313b),
                river: Color::rgb(0x2f4a63),
                border: Color::rgb(0x7b8594),
                graticule: Color::rgb(0x8aa0b8).alpha(0.25),
                text: Color::rgb(0xe8eaed),
                muted: Color::rgb(0xa0a7b0),
                halo: Color::rgb(0x11151c),
            },
        }
    }
}

/// A piece of text at a position.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The text.
    pub text: String,
    /// Top-left corner of the text as drawn, pixels.
    pub at: Px,
    /// Font size (plotters units).
    pub size: f64,
    /// Bold face.
    pub bold: bool,
    /// Fill colour.
    pub color: Color,
    /// Halo colour drawn around the glyphs, if any.
    pub halo: Option<Color>,
}

impl Label {
    /// The box the label covers.
    pub fn bounds(&self) -> Rect {
        let w = text::width(&self.text, self.size, self.bold);
        Rect {
            x0: self.at.0,
            y0: self.at.1,
            x1: self.at.0 + w,
            y1: self.at.1 + text::height(self.size),
        }
    }
}

/// A route as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct RouteLayer {
    /// Trip name.
    pub name: String,
    /// Line colour.
    pub color: Color,
    /// Per leg: its mode and its clipped pixel runs.
    pub legs: Vec<(Mode, Vec<Vec<Px>>)>,
    /// Direction arrows halfway along the legs: triangles, the first point ahead.
    pub arrows: Vec<[Px; 3]>,
}

/// A stop marker.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// Centre, pixels.
    pub at: Px,
    /// Radius, pixels.
    pub radius: f64,
    /// Outline colour (the trip's).
    pub color: Color,
    /// First or last stop of a trip: drawn filled.
    pub terminal: bool,
}

/// A legend entry.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendRow {
    /// Line colour.
    pub color: Color,
    /// Main mode of the trip (line style of the swatch).
    pub mode: Mode,
    /// Trip name.
    pub name: Label,
    /// Dates and total distance.
    pub detail: Label,
    /// Swatch line, pixels.
    pub swatch: (Px, Px),
}

/// The legend box.
#[derive(Debug, Clone, PartialEq)]
pub struct Legend {
    /// Background box.
    pub rect: Rect,
    /// Rows.
    pub rows: Vec<LegendRow>,
}

/// The scale bar.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleBar {
    /// Left end of the bar, pixels (top edge).
    pub at: Px,
    /// Length of each of the segments, pixels.
    pub segment_px: f64,
    /// Number of segments (alternating dark and light).
    pub segments: usize,
    /// Bar height, pixels.
    pub height: f64,
    /// Tick labels ("0", "250", "500 km").
    pub labels: Vec<Label>,
}

/// Everything a map shows, in pixels.
#[derive(Debug, Clone)]
pub struct Scene {
    /// Width, pixels.
    pub width: u32,
    /// Height, pixels.
    pub height: u32,
    /// Colours.
    pub palette: Palette,
    /// The map frame.
    pub frame: Rect,
    /// The projection used (PROJ string).
    pub projection: String,
    /// Basemap detail used.
    pub detail: Detail,
    /// Land polygons (clipped rings).
    pub land: Vec<Vec<Px>>,
    /// Lakes and inland seas.
    pub lakes: Vec<Vec<Px>>,
    /// Islands in lakes (drawn as land over the lakes).
    pub islands: Vec<Vec<Px>>,
    /// Rivers.
    pub rivers: Vec<Vec<Px>>,
    /// Country borders.
    pub borders: Vec<Vec<Px>>,
    /// Graticule lines.
    pub graticule: Vec<Vec<Px>>,
    /// Degree labels on the frame.
    pub graticule_labels: Vec<Label>,
    /// Routes.
    pub routes: Vec<RouteLayer>,
    /// Stop markers.
    pub markers: Vec<Marker>,
    /// Small dots of context cities.
    pub context_dots: Vec<Px>,
    /// Labels: first those of stops ([`Scene::stop_label_count`] of them), then context places.
    pub labels: Vec<Label>,
    /// How many of [`Scene::labels`] label stops.
    pub stop_label_count: usize,
    /// Stop labels that could not be placed without overlapping.
    pub unplaced: Vec<String>,
    /// Legend.
    pub legend: Option<Legend>,
    /// Title and subtitle.
    pub titles: Vec<Label>,
    /// Scale bar, true at the centre of the map.
    pub scale_bar: Option<ScaleBar>,
    /// Attribution line.
    pub attribution: Label,
    /// Size factor of the decorations (1 at 1000 px).
    pub unit: f64,
    projector: std::sync::Arc<Projector>,
    view: View,
}

impl Scene {
    /// Where a lon/lat point is on the map, pixels (it may be outside the frame).
    pub fn locate(&self, lon: f64, lat: f64) -> Option<Px> {
        self.projector.project(lon, lat).map(|p| self.view.px(p))
    }
}

/// Builds the scene of some routes.
///
/// # Errors
/// [`Error::Invalid`] for a size below 200 or above 10000 pixels, a bad bbox, or nothing to draw.
pub fn build(routes: &[Route], file_title: Option<&str>, options: &MapOptions) -> Result<Scene> {
    check(options)?;
    if routes.iter().all(|r| r.stops.is_empty()) {
        return Err(Error::invalid("nothing to draw: no stops", None));
    }
    let (w, h) = (f64::from(options.width), f64::from(options.height));
    let unit = (w.min(h) / 1000.0).clamp(0.5, 3.0);
    let palette = options.theme.palette();

    // Layout: title band, frame, margins for degree labels and attribution.
    let title = options
        .title
        .clone()
        .or_else(|| file_title.map(String::from));
    let subtitle = options.subtitle.clone().or_else(|| date_range(routes));
    let band = match (&title, &subtitle) {
        (Some(_), Some(_)) => 92.0,
        (Some(_), None) | (None, Some(_)) => 62.0,
        (None, None) => 14.0,
    } * unit;
    let frame = Rect {
        x0: 58.0 * unit,
        y0: band + 8.0 * unit,
        x1: w - 22.0 * unit,
        y1: h - 50.0 * unit,
    };

    // Extent and projection, from the legs densified coarsely (the curve's bulge is what
    // matters); they are densified again for drawing at a step fitted to the scale.
    let coarse = |l: &Leg| l.line_every(FIT_STEP_M);
    let densified: Vec<Vec<Vec<geo::Coord>>> = routes
        .iter()
        .map(|r| r.legs.iter().map(coarse).collect())
        .collect();
    let points: Vec<geo::Coord> = routes
        .iter()
        .zip(&densified)
        .flat_map(|(r, ls)| {
            ls.iter()
                .flatten()
                .copied()
                .chain(r.stops.iter().map(|s| s.coord()))
        })
        .collect();
    let route_extent = bounding_box(points.iter().copied()).map(|b| Extent {
        west: b.west,
        south: b.south,
        east: b.east,
        north: b.north,
    });
    let extent = options
        .bbox
        .or(route_extent)
        .ok_or_else(|| Error::invalid("nothing to draw", None))?;
    let projector = Projector::new(&options.projection, &extent)?;

    // Fit: projected extent of the routes (or the bbox outline), with a margin, to the frame.
    // A world map shows the world (without Antarctica), whatever part the routes cover.
    let whole_world = Extent {
        west: -180.0,
        south: -58.0,
        east: 180.0,
        north: 84.0,
    };
    let fit_points: Vec<(f64, f64)> = match options.bbox {
        Some(b) => outline(&b)
            .into_iter()
            .filter_map(|(lon, lat)| projector.project(lon, lat))
            .collect(),
        None if projector.world => outline(&whole_world)
            .into_iter()
            .filter_map(|(lon, lat)| projector.project(lon, lat))
            .collect(),
        None => points
            .iter()
            .filter_map(|c| projector.project(c.x, c.y))
            .collect(),
    };
    // A projection that puts every point within a metre of the others (`+k_0=0`), or
    // nowhere, draws nothing that can be read.
    let spread = |f: fn(&(f64, f64)) -> f64| {
        let (lo, hi) = fit_points
            .iter()
            .map(f)
            .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
        hi - lo
    };
    let distinct = points.first().is_some_and(|p0| {
        points
            .iter()
            .any(|c| (c.x - p0.x).abs() > 1e-4 || (c.y - p0.y).abs() > 1e-4)
    });
    if fit_points
        .iter()
        .any(|p| !p.0.is_finite() || !p.1.is_finite())
        || (!fit_points.is_empty() && distinct && spread(|p| p.0).max(spread(|p| p.1)) < 1.0)
    {
        return Err(Error::invalid(
            format!(
                "the projection `{}` collapses the map: the routes' points land within a metre of each other",
                projector.definition
            ),
            Some("check the PROJ parameters (a scale factor of 0?)".into()),
        ));
    }
    if fit_points.is_empty() {
        return Err(Error::invalid(
            format!(
                "the routes are outside the projection `{}`",
                projector.definition
            ),
            None,
        ));
    }
    let view = fit(
        &fit_points,
        &frame,
        options.bbox.is_some() || projector.world,
        projector.world,
    );
    let to_px =
        |lon: f64, lat: f64| -> Option<Px> { projector.project(lon, lat).map(|p| view.px(p)) };
    // Two pixels, but never coarser than the 10 km of exports: legs stay smooth and a world
    // map of thousands of legs does not carry millions of invisible vertices.
    let draw_step = (2.0 / view.scale).max(crate::route::DENSIFY_MAX_M);

    // The lon/lat window the frame shows, for the basemap and graticule.
    let window = if projector.world {
        None
    } else {
        window(&projector, &view, &frame)
    };
    let span = window.map_or(360.0, |(w, s, e, n): (f64, f64, f64, f64)| {
        let dl = if e >= w { e - w } else { e - w + 360.0 };
        dl.max(n - s)
    });
    let detail = Detail::for_span(span);
    let base = basemap::load(detail, window);
    let project_ring =
        |ring: &[geo::Coord]| -> Vec<Px> { ring.iter().filter_map(|c| to_px(c.x, c.y)).collect() };
    // Holes in land (the Caspian Sea) are water; holes in lakes (Olkhon in Baikal) are land.
    let clip_rings = |rings: &mut dyn Iterator<Item = &geo::LineString>| -> Vec<Vec<Px>> {
        rings
            .map(|r| clip::clip_ring(&project_ring(&r.0), &frame))
            .filter(|r| !r.is_empty())
            .collect()
    };
    let land = clip_rings(&mut base.land.iter().map(|p| p.exterior()));
    let mut lakes = clip_rings(&mut base.lakes.iter().map(|p| p.exterior()));
    lakes.extend(clip_rings(
        &mut base.land.iter().flat_map(|p| p.interiors()),
    ));
    let islands = clip_rings(&mut base.lakes.iter().flat_map(|p| p.interiors()));
    let lines = |ls: &[geo::LineString]| -> Vec<Vec<Px>> {
        ls.iter()
            .flat_map(|l| clip::clip_line(&project_ring(&l.0), &frame))
            .collect()
    };
    let rivers = lines(&base.rivers);
    let borders = lines(&base.borders);

    let (graticule, graticule_labels) = graticule(&to_px, window, &frame, unit, &palette);

    // Routes.
    let mut layers = Vec::new();
    for r in routes {
        let color = Color::from_hex(&r.color).unwrap_or(palette.text);
        let mut legs = Vec::new();
        let mut arrows = Vec::new();
        for leg in &r.legs {
            let line = &leg.line_every(draw_step);
            let mut runs = Vec::new();
            let mut whole: Vec<Px> = Vec::new();
            for part in split_antimeridian(line) {
                let px: Vec<Px> = part.iter().filter_map(|c| to_px(c.x, c.y)).collect();
                runs.extend(clip::clip_line(&px, &frame));
                whole.extend(px);
            }
            if let Some((mid, angle)) = arrow_at_middle(&whole, &frame) {
                arrows.push(arrow_triangle(mid, angle, unit));
            }
            legs.push((leg.mode, runs));
        }
        layers.push(RouteLayer {
            name: r.name.clone(),
            color,
            legs,
            arrows,
        });
    }

    // Markers, de-duplicated by position (to the pixel; a hash keeps 100,000 stops linear).
    let radius = 5.5 * unit;
    let mut markers: Vec<Marker> = Vec::new();
    let mut marker_at: HashMap<(i64, i64), usize> = HashMap::new();
    let mut stop_labels: Vec<labels::Wanted> = Vec::new();
    let mut label_at: HashSet<(i64, i64, String)> = HashSet::new();
    let key = |p: Px| (p.0.round() as i64, p.1.round() as i64);
    for r in routes {
        let color = Color::from_hex(&r.color).unwrap_or(palette.text);
        let last = r.stops.len().saturating_sub(1);
        for (i, s) in r.stops.iter().enumerate() {
            let Some(at) = to_px(s.lon, s.lat).filter(|p| frame.contains(*p)) else {
                continue;
            };
            let terminal = i == 0 || i == last;
            match marker_at.get(&key(at)) {
                Some(&m) => markers[m].terminal |= terminal,
                None => {
                    marker_at.insert(key(at), markers.len());
                    markers.push(Marker {
                        at,
                        radius,
                        color,
                        terminal,
                    });
                }
            }
            let text = if text::covers(&s.label) {
                s.label.clone()
            } else {
                s.place
                    .as_ref()
                    .map_or_else(|| s.label.clone(), |p| p.name.to_string())
            };
            let (kx, ky) = key(at);
            if label_at.insert((kx, ky, text.clone())) {
                let population = s.place.as_ref().map_or(0, |p| p.population);
                stop_labels.push(labels::Wanted {
                    text,
                    anchor: at,
                    terminal,
                    population,
                });
            }
        }
    }

    // Legend and scale bar go in corners chosen to avoid the routes.
    let route_px: Vec<Px> = layers
        .iter()
        .flat_map(|l| {
            l.legs
                .iter()
                .flat_map(|(_, runs)| runs.iter().flatten().copied())
        })
        .collect();
    let legend = options
        .legend
        .then(|| legend(routes, &frame, unit, &palette, &route_px, &markers))
        .flatten();
    let scale_bar = scale_bar(
        &projector,
        &view,
        &frame,
        unit,
        &palette,
        legend.as_ref().map(|l| l.rect),
    );

    // Labels: stops first, then context places where they fit.
    let mut obstacles: Vec<Rect> = markers
        .iter()
        .map(|m| Rect {
            x0: m.at.0 - m.radius,
            y0: m.at.1 - m.radius,
            x1: m.at.0 + m.radius,
            y1: m.at.1 + m.radius,
        })
        .collect();
    obstacles.extend(legend.as_ref().map(|l| l.rect));
    obstacles.extend(scale_bar.as_ref().map(|s| s.bounds()));
    let placer = labels::Placer::new(frame, &route_px);
    let (mut placed, unplaced) =
        placer.place_stops(&stop_labels, &mut obstacles, 15.0 * unit, radius, &palette);
    let stop_label_count = placed.len();
    let mut context_dots = Vec::new();
    if options.labels == LabelMode::All {
        placed.extend(placer.place_context(
            &to_px,
            window,
            projector.world,
            &mut obstacles,
            unit,
            &palette,
            &mut context_dots,
        ));
    }

    let mut titles = Vec::new();
    let mut y = 14.0 * unit;
    if let Some(t) = title {
        titles.push(Label {
            text: t,
            at: (frame.x0, y),
            size: 34.0 * unit,
            bold: true,
            color: palette.text,
            halo: None,
        });
        y += 40.0 * unit;
    }
    if let Some(s) = subtitle {
        titles.push(Label {
            text: s,
            at: (frame.x0, y),
            size: 21.0 * unit,
            bold: false,
            color: palette.muted,
            halo: None,
        });
    }
    let attribution_text =
        "Basemap: Natural Earth. Places: GeoNames (CC BY 4.0). Legs are straight-line geodesics.";
    let asize = 14.0 * unit;
    let aw = text::width(attribution_text, asize, false);
    let attribution = Label {
        text: attribution_text.into(),
        at: (frame.x1 - aw, h - 20.0 * unit),
        size: asize,
        bold: false,
        color: palette.muted,
        halo: None,
    };

    Ok(Scene {
        width: options.width,
        height: options.height,
        palette,
        frame,
        projection: projector.definition.clone(),
        detail,
        land,
        lakes,
        islands,
        rivers,
        borders,
        graticule,
        graticule_labels,
        routes: layers,
        markers,
        context_dots,
        labels: placed,
        stop_label_count,
        unplaced,
        legend,
        titles,
        scale_bar,
        attribution,
        unit,
        projector: std::sync::Arc::new(projector),
        view,
    })
}

/// The longest title or subtitle, characters: a headline, not a paragraph.
const MAX_TITLE_CHARS: usize = 300;

fn check(o: &MapOptions) -> Result<()> {
    for (what, text) in [("title", &o.title), ("subtitle", &o.subtitle)] {
        let n = text.as_deref().map_or(0, |t| t.chars().count());
        if n > MAX_TITLE_CHARS {
            return Err(Error::invalid(
                format!("a {what} of {n} characters; at most {MAX_TITLE_CHARS} fit a map"),
                Some(format!("shorten the {what}")),
            ));
        }
    }
    for (what, v) in [("width", o.width), ("height", o.height)] {
        if !(200..=10_000).contains(&v) {
            return Err(Error::invalid(
                format!("{what} `{v}` is out of range"),
                Some("maps are 200 to 10000 pixels wide and high".into()),
            ));
        }
    }
    if let Some(b) = &o.bbox {
        let ok = [b.west, b.south, b.east, b.north]
            .iter()
            .all(|v| v.is_finite())
            && (-180.0..=180.0).contains(&b.west)
            && (-180.0..=180.0).contains(&b.east)
            && (-90.0..=90.0).contains(&b.south)
            && (-90.0..=90.0).contains(&b.north);
        if !ok {
            return Err(Error::invalid(
                "bbox is outside -180..180, -90..90",
                Some("write --bbox W,S,E,N in degrees".into()),
            ));
        }
        if b.south >= b.north {
            return Err(Error::invalid(
                format!("bbox south `{}` is not below north `{}`", b.south, b.north),
                Some("write --bbox W,S,E,N with S < N (W > E crosses ±180°)".into()),
            ));
        }
        if b.west == b.east {
            return Err(Error::invalid("bbox has no width: west = east", None));
        }
    }
    Ok(())
}

/// The first and last date of all trips, e.g. "20–27 August 2011" or "2001-07-26 – 2011-08-27".
pub(crate) fn date_range(routes: &[Route]) -> Option<String> {
    let mut dates: Vec<&str> = routes
        .iter()
        .flat_map(|r| r.stops.iter().filter_map(|s| s.date.as_deref()))
        .collect();
    dates.sort_unstable();
    let (first, last) = (*dates.first()?, *dates.last()?);
    Some(pretty_range(first, last))
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn ymd(d: &str) -> Option<(u32, usize, u32)> {
    let mut p = d.get(..10)?.split('-');
    let y = p.next()?.parse().ok()?;
    let m: usize = p.next()?.parse().ok()?;
    let day = p.next()?.parse().ok()?;
    (1..=12).contains(&m).then_some((y, m - 1, day))
}

fn pretty_range(a: &str, b: &str) -> String {
    match (ymd(a), ymd(b)) {
        (Some((y1, m1, d1)), Some((y2, m2, d2))) => {
            if (y1, m1, d1) == (y2, m2, d2) {
                format!("{d1} {} {y1}", MONTHS[m1])
            } else if y1 == y2 && m1 == m2 {
                format!("{d1}–{d2} {} {y1}", MONTHS[m1])
            } else if y1 == y2 {
                format!("{d1} {} – {d2} {} {y1}", MONTHS[m1], MONTHS[m2])
            } else {
                format!("{d1} {} {y1} – {d2} {} {y2}", MONTHS[m1], MONTHS[m2])
            }
        }
        _ if a == b => a.to_string(),
        _ => format!("{a} – {b}"),
    }
}

/// Points along the outline of a lon/lat box (for fitting and windows).
fn outline(b: &Extent) -> Vec<(f64, f64)> {
    let n = 24;
    let span = b.lon_span();
    let mut v = Vec::new();
    for i in 0..=n {
        let t = f64::from(i) / f64::from(n);
        let lon = crate::route::normalize_lon(b.west + span * t);
        v.push((lon, b.south));
        v.push((lon, b.north));
        v.push((b.west, b.south + (b.north - b.south) * t));
        v.push((b.east, b.south + (b.north - b.south) * t));
    }
    v
}

/// Projected metres -> pixels: uniform scale, y flipped.
#[derive(Debug, Clone, Copy)]
struct View {
    scale: f64,
    cx: f64,
    cy: f64,
    px_cx: f64,
    px_cy: f64,
}

impl View {
    fn px(&self, p: (f64, f64)) -> Px {
        (
            self.px_cx + (p.0 - self.cx) * self.scale,
            self.px_cy - (p.1 - self.cy) * self.scale,
        )
    }

    fn metres(&self, p: Px) -> (f64, f64) {
        (
            self.cx + (p.0 - self.px_cx) / self.scale,
            self.cy - (p.1 - self.px_cy) / self.scale,
        )
    }
}

/// Fits projected points into the frame with a margin (none for an explicit bbox), at least
/// 60 km across so a single stop still shows its surroundings.
fn fit(points: &[(f64, f64)], frame: &Rect, exact: bool, world: bool) -> View {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in points {
        x0 = x0.min(p.0);
        x1 = x1.max(p.0);
        y0 = y0.min(p.1);
        y1 = y1.max(p.1);
    }
    let min_span = if world { 2.0e6 } else { 60_000.0 };
    let (mut dx, mut dy) = ((x1 - x0).max(min_span), (y1 - y0).max(min_span));
    if !exact {
        // Room for labels and the legend around the routes.
        dx *= 1.22;
        dy *= 1.30;
    }
    let scale = (frame.width() / dx).min(frame.height() / dy);
    View {
        scale,
        cx: (x0 + x1) / 2.0,
        cy: (y0 + y1) / 2.0,
        px_cx: (frame.x0 + frame.x1) / 2.0,
        px_cy: (frame.y0 + frame.y1) / 2.0 + if exact { 0.0 } else { frame.height() * 0.02 },
    }
}

/// The lon/lat window seen through the frame: the frame outline unprojected, widened a little.
fn window(p: &Projector, view: &View, frame: &Rect) -> Option<(f64, f64, f64, f64)> {
    let mut pts = Vec::new();
    let n = 16;
    for i in 0..=n {
        let t = f64::from(i) / f64::from(n);
        for px in [
            (frame.x0 + t * frame.width(), frame.y0),
            (frame.x0 + t * frame.width(), frame.y1),
            (frame.x0, frame.y0 + t * frame.height()),
            (frame.x1, frame.y0 + t * frame.height()),
            (frame.x0 + t * frame.width(), (frame.y0 + frame.y1) / 2.0),
        ] {
            if let Some(ll) = p.unproject(view.metres(px)) {
                pts.push(geo::Coord { x: ll.0, y: ll.1 });
            }
        }
    }
    // A pole inside the frame: every longitude is visible.
    for pole in [90.0, -90.0] {
        if let Some(m) = p.project(0.0, pole) {
            if frame.contains(view.px(m)) {
                let lat = pts
                    .iter()
                    .map(|c| c.y)
                    .fold(pole, |a, b| if pole > 0.0 { a.min(b) } else { a.max(b) });
                return Some(if pole > 0.0 {
                    (-180.0, lat - 1.0, 180.0, 90.0)
                } else {
                    (-180.0, -90.0, 180.0, lat + 1.0)
                });
            }
        }
    }
    let b = bounding_box(pts)?;
    let pad = 1.0;
    let (west, east) =
        if b.east - b.west + 2.0 * pad >= 360.0 || (b.west <= b.east && b.east - b.west > 300.0) {
            (-180.0, 180.0)
        } else {
            (
                crate::route::normalize_lon(b.west - pad),
                crate::route::normalize_lon(b.east + pad),
            )
        };
    Some((
        west,
        (b.south - pad).max(-90.0),
        east,
        (b.north + pad).min(90.0),
    ))
}

/// Graticule lines every 1, 2, 5, 10, 15 or 30 degrees, with degree labels where meridians
/// leave the bottom of the frame and parallels the left side.
fn graticule(
    to_px: &dyn Fn(f64, f64) -> Option<Px>,
    window: Option<(f64, f64, f64, f64)>,
    frame: &Rect,
    unit: f64,
    palette: &Palette,
) -> (Vec<Vec<Px>>, Vec<Label>) {
    let (w, s, e, n) = window.unwrap_or((-180.0, -90.0, 180.0, 90.0));
    let lon_span = if e >= w { e - w } else { e - w + 360.0 };
    let span = lon_span.max(n - s);
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

/// A triangle centred on `mid` pointing along `angle` (radians, screen coordinates).
fn arrow_triangle(mid: Px, angle: f64, unit: f64) -> [Px; 3] {
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

/// An arrow halfway along a leg (by drawn length), if that point is in the frame.
fn arrow_at_middle(line: &[Px], frame: &Rect) -> Option<(Px, f64)> {
    let seg = |w: &[Px]| (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1);
    let total: f64 = line.windows(2).map(seg).filter(|d| *d < 1e4).sum();
    if total < 40.0 {
        return None;
    }
    let mut acc = 0.0;
    for w in line.windows(2) {
        let d = seg(w);
        if d >= 1e4 {
            continue;
        }
        if acc + d >= total / 2.0 {
            let t = (total / 2.0 - acc) / d.max(1e-9);
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

fn legend(
    routes: &[Route],
    frame: &Rect,
    unit: f64,
    palette: &Palette,
    route_px: &[Px],
    markers: &[Marker],
) -> Option<Legend> {
    if routes.is_empty() {
        return None;
    }
    let (name_size, detail_size) = (17.0 * unit, 14.0 * unit);
    let pad = 12.0 * unit;
    let swatch = 34.0 * unit;
    let row_h = name_size * 0.8 + detail_size * 0.8 + 12.0 * unit;
    let texts: Vec<(String, String)> = routes
        .iter()
        .map(|r| {
            let mut dates: Vec<&str> = r.stops.iter().filter_map(|s| s.date.as_deref()).collect();
            dates.sort_unstable();
            let km = r.meters() / 1000.0;
            let dist = if r.legs.is_empty() {
                "one stop".to_string()
            } else {
                format!("{} km straight-line", thousands(km))
            };
            let detail = match (dates.first(), dates.last()) {
                (Some(a), Some(b)) => format!("{} · {dist}", pretty_range(a, b)),
                _ => dist,
            };
            (r.name.clone(), detail)
        })
        .collect();
    let text_w = texts
        .iter()
        .map(|(n, d)| text::width(n, name_size, true).max(text::width(d, detail_size, false)))
        .fold(0.0, f64::max);
    let (bw, bh) = (
        pad * 3.0 + swatch + text_w,
        pad * 2.0 + row_h * texts.len() as f64 - 6.0 * unit,
    );
    if bw > frame.width() * 0.9 || bh > frame.height() * 0.6 {
        return None;
    }
    let inset = 12.0 * unit;
    let corners = [
        (frame.x0 + inset, frame.y1 - inset - bh),
        (frame.x0 + inset, frame.y0 + inset),
        (frame.x1 - inset - bw, frame.y1 - inset - bh),
        (frame.x1 - inset - bw, frame.y0 + inset),
    ];
    let crowd = |r: &Rect| {
        route_px.iter().filter(|p| r.contains(**p)).count()
            + 50 * markers
                .iter()
                .filter(|m| r.grow(m.radius).contains(m.at))
                .count()
    };
    let (x, y) = corners
        .into_iter()
        .min_by_key(|(x, y)| {
            crowd(&Rect {
                x0: *x,
                y0: *y,
                x1: x + bw,
                y1: y + bh,
            })
        })
        .expect("four corners");
    let rect = Rect {
        x0: x,
        y0: y,
        x1: x + bw,
        y1: y + bh,
    };
    let rows = routes
        .iter()
        .zip(texts)
        .enumerate()
        .map(|(i, (r, (name, detail)))| {
            let top = y + pad + row_h * i as f64;
            let color = Color::from_hex(&r.color).unwrap_or(palette.text);
            let mode = main_mode(r);
            let sy = top + name_size * 0.45;
            LegendRow {
                color,
                mode,
                swatch: ((x + pad, sy), (x + pad + swatch, sy)),
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
    Some(Legend { rect, rows })
}

/// The mode covering most of a trip's length.
fn main_mode(r: &Route) -> Mode {
    let mut best = (Mode::Unknown, -1.0);
    for m in [Mode::Rail, Mode::Road, Mode::Air, Mode::Sea, Mode::Unknown] {
        let len: f64 = r
            .legs
            .iter()
            .filter(|l| l.mode == m)
            .map(|l| l.meters)
            .sum();
        if len > best.1 {
            best = (m, len);
        }
    }
    best.0
}

/// 2872.2 -> "2,872".
pub(crate) fn thousands(v: f64) -> String {
    let s = format!("{:.0}", v);
    let (sign, digits) = s.strip_prefix('-').map_or(("", s.as_str()), |d| ("-", d));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

impl ScaleBar {
    /// The box of the bar and its labels.
    pub fn bounds(&self) -> Rect {
        let mut r = Rect {
            x0: self.at.0,
            y0: self.at.1,
            x1: self.at.0 + self.segment_px * self.segments as f64,
            y1: self.at.1 + self.height,
        };
        for l in &self.labels {
            let b = l.bounds();
            r = Rect {
                x0: r.x0.min(b.x0),
                y0: r.y0.min(b.y0),
                x1: r.x1.max(b.x1),
                y1: r.y1.max(b.y1),
            };
        }
        r.grow(4.0)
    }
}

/// A scale bar true at the centre of the frame, about a fifth of its width, in the bottom corner
/// the legend does not take.
fn scale_bar(
    p: &Projector,
    view: &View,
    frame: &Rect,
    unit: f64,
    palette: &Palette,
    legend: Option<Rect>,
) -> Option<ScaleBar> {
    let centre = ((frame.x0 + frame.x1) / 2.0, (frame.y0 + frame.y1) / 2.0);
    let (lon, lat) = p.unproject(view.metres(centre))?;
    let probe = 10_000.0;
    let east = Geodesic.destination(Point::new(lon, lat), 90.0, probe);
    let a = view.px(p.project(lon, lat)?);
    let b = view.px(p.project(east.x(), east.y())?);
    let px_per_m = (b.0 - a.0).hypot(b.1 - a.1) / probe;
    if !(px_per_m.is_finite() && px_per_m > 0.0) {
        return None;
    }
    let target_m = frame.width() * 0.2 / px_per_m;
    let mag = 10f64.powf(target_m.log10().floor());
    // The round length nearest the target, in ratio.
    let nice = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|f| f * mag)
        .min_by(|a, b| {
            (a / target_m)
                .ln()
                .abs()
                .total_cmp(&(b / target_m).ln().abs())
        })
        .unwrap_or(mag);
    let segments = 4;
    let segment_px = nice * px_per_m / segments as f64;
    let height = 7.0 * unit;
    let size = 14.0 * unit;
    let inset = 16.0 * unit;
    let left_free = legend
        .is_none_or(|l| l.x0 > (frame.x0 + frame.x1) / 2.0 || l.y1 < (frame.y0 + frame.y1) / 2.0);
    let x = if left_free {
        frame.x0 + inset + 6.0 * unit
    } else {
        frame.x1 - inset - segment_px * segments as f64 - 40.0 * unit
    };
    let y = frame.y1 - inset - height;
    let (unit_m, unit_name) = if nice >= 1000.0 {
        (1000.0, "km")
    } else {
        (1.0, "m")
    };
    let mut labels = Vec::new();
    for (i, v) in [0.0, nice / 2.0, nice].into_iter().enumerate() {
        let val = v / unit_m;
        let mut t = if val.fract() == 0.0 {
            thousands(val)
        } else {
            format!("{val}")
        };
        if i == 2 {
            t = format!("{t} {unit_name}");
        }
        let tw = text::width(&t, size, false);
        let cx = x + segment_px * (i as f64) * 2.0;
        let at = if i == 2 {
            (
                cx - text::width(&thousands(val), size, false) / 2.0,
                y - size * 0.95,
            )
        } else {
            (cx - tw / 2.0, y - size * 0.95)
        };
        labels.push(Label {
            text: t,
            at,
            size,
            bold: false,
            color: palette.text,
            halo: Some(palette.halo),
        });
    }
    Some(ScaleBar {
        at: (x, y),
        segment_px,
        segments,
        height,
        labels,
    })
}

#[cfg(test)]
mod tests;
