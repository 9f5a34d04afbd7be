//! The map scene: everything a map shows, projected to pixels and styled, built once and then
//! drawn by any backend ([`crate::render`] draws it to PNG and SVG).
//!
//! This module owns the map's geometry and layout: the projection and frame, which basemap
//! layers and at what detail, graticule, route lines with their direction arrows, markers,
//! label placement without overlaps, legend, title, scale bar and attribution. It draws nothing.

mod arrows;
mod cap;
mod clip;
mod format;
mod graticule;
mod inset;
mod labels;
mod lang;
mod legend;
mod options;
mod projection;
mod scale_bar;
mod spread;
mod stream;
mod style;
pub(crate) mod text;
mod view;

use std::collections::{HashMap, HashSet};

use geo::{Destination, Geodesic, Point};

use crate::InvalidKind;
use crate::basemap::{self, Detail};
use crate::error::{Error, Result};
use crate::gazetteer::Gazetteer;
use crate::route::{BoundingBox, Leg, Route, bounding_box, split_antimeridian};
use crate::trip::{Date, Mode};

use arrows::*;
pub use clip::{Px, Rect};
use format::*;
pub(crate) use format::{date_range, readable_distance, thousands};
use graticule::*;
pub use inset::{Inset, InsetMode};
pub use lang::LabelLang;
pub(crate) use legend::extent as legend_extent;
use legend::*;
use options::*;
pub use options::{MAP_OPTIONS, MapOptions};
pub use projection::{ProjectionChoice, Projector};
use scale_bar::*;
use stream::Stream;
pub use style::{Color, LabelMode, Palette, Stroke, Theme};
use view::*;

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
    /// Per leg: its stroke (from its mode) and its clipped pixel runs.
    pub legs: Vec<(Stroke, Vec<Vec<Px>>)>,
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
    /// The stop's true place when the marker was moved off it to clear a neighbour: a leader
    /// line runs from there to the marker.
    pub leader: Option<Px>,
}

impl Marker {
    /// Fill and ring colours on a map whose halo is `halo`: a terminal marker is filled with
    /// the trip's colour and ringed with the halo, any other the other way round.
    pub fn fill_and_ring(&self, halo: Color) -> (Color, Color) {
        Marker::colors(self.terminal, self.color, halo)
    }

    /// The fill and ring of a marker of a trip in `color`: the rule of [`Marker::fill_and_ring`]
    /// for a page that draws its markers itself (the HTML map).
    pub fn colors(terminal: bool, color: Color, halo: Color) -> (Color, Color) {
        if terminal {
            (color, halo)
        } else {
            (halo, color)
        }
    }
}

/// A legend entry.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendRow {
    /// Line colour.
    pub color: Color,
    /// Main mode of the trip.
    pub mode: Mode,
    /// The swatch's line: the stroke of the main mode.
    pub stroke: Stroke,
    /// Trip name.
    pub name: Label,
    /// Dates and total distance.
    pub detail: Label,
    /// Swatch line, pixels.
    pub swatch: (Px, Px),
    /// A marker drawn instead of the swatch line, for a trip with no legs (places, or a
    /// single stop).
    pub dot: Option<Marker>,
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
    /// The water under the land and the map's outline, a ring: the frame, or on a world map the
    /// globe's edge within the frame.
    pub sea: Vec<Px>,
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
    /// First-level boundaries (states, provinces, oblasts, krais), on regional maps.
    pub regions: Vec<Vec<Px>>,
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
    /// What the reader of the map should know that the map cannot show: a legend left out,
    /// stops off the map, a basemap coarser than the map's scale, stop labels left out.
    pub warnings: Vec<String>,
    /// Legend.
    pub legend: Option<Legend>,
    /// Title and subtitle.
    pub titles: Vec<Label>,
    /// Scale bar, true at the centre of the map.
    pub scale_bar: Option<ScaleBar>,
    /// Locator inset, on maps of a small area.
    pub inset: Option<Inset>,
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

/// Loads the basemap at a detail level inside a lon/lat window (`None`: the world).
pub type BasemapSource = fn(Detail, Option<BoundingBox>) -> basemap::Basemap;

/// What a map shows besides the trips: where the basemap comes from and which places name the
/// countries and cities around them. The scene asks; it does not reach for the bundled data.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// The land, borders, lakes and rivers at a detail level, inside a lon/lat window
    /// (`None`: the world).
    pub basemap: BasemapSource,
    /// The gazetteer whose countries and large cities label the map.
    pub places: &'a Gazetteer,
}

impl std::fmt::Debug for Context<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Context").finish_non_exhaustive()
    }
}

impl Context<'static> {
    /// The Natural Earth basemap and the gazetteer compiled into itinera.
    pub fn bundled() -> Self {
        Context {
            basemap: basemap::load,
            places: Gazetteer::bundled(),
        }
    }
}

/// Builds the scene of some routes over the bundled basemap and places
/// ([`build_in`] with [`Context::bundled`]).
///
/// # Errors
/// [`Error::Invalid`] for a size below 200 or above 10000 pixels, a bad bbox, or nothing to draw.
///
/// # Examples
///
/// ```
/// use itinera::scene::{self, MapOptions};
/// use itinera::{Gazetteer, TripPlan, route, trip};
///
/// let plan = TripPlan::from_names(&["Khasan", "Ussuriysk", "Khabarovsk"]);
/// let trips = trip::resolve(&plan, Gazetteer::bundled(), &Default::default())?;
/// let routes: Vec<_> = trips.trips.iter().map(route::build).collect();
/// let options = MapOptions { width: 800, height: 600, ..MapOptions::default() };
/// let map = scene::build(&routes, Some("Far East"), &options)?;
/// assert_eq!((map.width, map.height), (800, 600));
/// assert_eq!(map.routes[0].legs.len(), 2);
/// assert!(map.projection.starts_with("+proj=lcc")); // a regional map: Lambert conformal conic
/// # Ok::<(), itinera::Error>(())
/// ```
pub fn build(routes: &[Route], file_title: Option<&str>, options: &MapOptions) -> Result<Scene> {
    build_in(&Context::bundled(), routes, file_title, options)
}

/// Builds the scene of some routes in `context`.
///
/// # Errors
/// As [`build`].
pub fn build_in(
    context: &Context<'_>,
    routes: &[Route],
    file_title: Option<&str>,
    options: &MapOptions,
) -> Result<Scene> {
    check(options)?;
    if routes.iter().all(|r| r.stops.is_empty()) {
        return Err(Error::invalid(
            InvalidKind::Empty,
            "nothing to draw: no stops",
            None,
        ));
    }
    let (w, h) = (f64::from(options.width), f64::from(options.height));
    // Sizes scale with the map, but not below what reads at column width (600 px wide).
    let unit = (w.min(h) / 1000.0).clamp(0.7, 3.0);
    let palette = options.theme.palette();

    // Layout: title band, frame, margins for degree labels and attribution.
    let title = options
        .title
        .clone()
        .or_else(|| file_title.map(String::from));
    let subtitle = options.subtitle.clone().or_else(|| date_range(routes));
    // A page that shows the heading itself (the HTML map) gets a map without its band.
    let (title, subtitle) = match options.heading {
        true => (title, subtitle),
        false => (None, None),
    };
    let band = match (&title, &subtitle) {
        (Some(_), Some(_)) => 92.0,
        (Some(_), None) | (None, Some(_)) => 62.0,
        (None, None) => 14.0,
    } * unit;
    // Room on every side for the graticule's degree labels.
    let frame = Rect {
        x0: 58.0 * unit,
        y0: band + 26.0 * unit,
        x1: w - 52.0 * unit,
        y1: h - 50.0 * unit,
    };

    let (projector, view) = project_and_fit(routes, options, &frame)?;
    // Two pixels, but never coarser than the 10 km of exports: legs stay smooth and a world
    // map of thousands of legs does not carry millions of invisible vertices.
    let draw_step = (2.0 / view.scale).max(crate::route::DENSIFY_MAX_M);

    // The lon/lat window the frame shows, for the basemap and graticule.
    let window = if projector.world {
        None
    } else {
        window(&projector, &view, &frame)
    };
    // The basemap's scale follows the pixel size, not the degrees the window spans: a wide
    // window drawn large (`--bbox 100,35,145,60` at 1600 px) keeps its coastline detail.
    // It is the ground's size of a pixel at the map's centre, not the projection's: Mercator
    // at 70° N shows three times the detail its metres say.
    let ground_m_per_px = ground_m_per_px(&projector, &view, &frame).unwrap_or(1.0 / view.scale);
    let detail = if window.is_none() {
        Detail::Low
    } else {
        Detail::for_pixel(ground_m_per_px)
    };
    // Every layer goes from lon/lat to pixels through this one stream.
    let stream = Stream::new(&projector, view, frame, window.as_ref());
    let to_px = |lon: f64, lat: f64| -> Option<Px> { stream.point(lon, lat) };
    let BaseLayers {
        land,
        lakes,
        islands,
        rivers,
        borders,
        regions,
    } = base_layers(context, detail, window, &stream);

    // Meridians radiate from the centre of an azimuthal map and leave it on every side.
    let radial = ["+proj=stere", "+proj=aeqd", "+proj=ortho", "+proj=laea"]
        .iter()
        .any(|p| projector.definition.starts_with(p));
    let (graticule, graticule_labels) = graticule(&stream, window, &frame, radial, unit, &palette);
    let sea = sea(&projector, &stream, &frame);

    let layers = route_layers(routes, &stream, draw_step, unit, &palette);
    let (mut markers, mut stop_labels, off_map) =
        markers(routes, &to_px, &frame, unit, &palette, options.label_lang);
    // Stops too close to tell apart get their markers spread, and labels follow the markers.
    let moved = spread::spread(&mut markers);
    for w in &mut stop_labels {
        if let Some(to) = moved.get(&(w.anchor.0.round() as i64, w.anchor.1.round() as i64)) {
            w.anchor = *to;
        }
    }
    let radius = marker_radius(unit);

    // Legend, scale bar and labels go where they avoid the routes: the routes' pixels, a
    // point at least every few pixels along each run (a leg across a city map is two
    // vertices a thousand pixels apart).
    let route_px: Vec<Px> = layers
        .iter()
        .flat_map(|l| l.legs.iter().flat_map(|(_, runs)| runs.iter()))
        .flat_map(|run| along(run, 4.0))
        .collect();
    // The legend stands across the part of the frame a map that fills its box is drawn in (a
    // Mercator world may be narrower than the frame), at the frame's top or bottom.
    let sea_box = Rect::around(&sea);
    let drawn = Rect {
        y0: frame.y0,
        y1: frame.y1,
        ..drawn_part(&sea, &sea_box, &frame)
    };
    let legend = options
        .legend
        .then(|| {
            legend(
                routes,
                options.units,
                &drawn,
                unit,
                &palette,
                &route_px,
                &markers,
            )
        })
        .flatten();
    // A legend that would cover more than a seventh of the map drawn (a thumbnail) is left
    // out.
    let mut notes = Vec::new();
    let legend = legend.filter(|l| {
        let fits = l.rect.width() * l.rect.height() <= 0.15 * clip::ring_area(&sea);
        if !fits {
            notes.push(format!(
                "the map is too small for its legend ({} x {} px): left out",
                options.width, options.height
            ));
        }
        fits
    });
    // The bar measures the map drawn, a globe narrower than a wide frame included, and
    // stands beside it.
    let bar_room = Rect {
        x0: sea_box.x0.max(frame.x0),
        x1: sea_box.x1.min(frame.x1).max(sea_box.x0.max(frame.x0) + 1.0),
        ..frame
    };
    let scale_bar = scale_bar(
        &projector,
        options.units,
        &view,
        &bar_room,
        unit,
        &palette,
        legend.as_ref().map(|l| l.rect),
    )
    // On a map too small for both, the legend keeps its corner.
    .filter(|b| {
        legend
            .as_ref()
            .is_none_or(|l| !l.rect.overlaps(&b.bounds()))
    });

    // Degree labels give way to the legend and the scale bar.
    let mut graticule_labels = graticule_labels;
    graticule_labels.retain(|l| {
        let b = l.bounds();
        legend.as_ref().is_none_or(|lg| !lg.rect.overlaps(&b))
            && scale_bar
                .as_ref()
                .is_none_or(|sb| !sb.bounds().grow(4.0 * unit).overlaps(&b))
    });

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
    // Degree labels inside the frame (beside a world map's globe) are not written over.
    obstacles.extend(
        graticule_labels
            .iter()
            .map(|l| l.bounds().grow(2.0))
            .filter(|b| b.overlaps(&frame)),
    );
    // A locator inset on a map of a small area, in a free corner.
    let inset = match (options.inset, window) {
        (InsetMode::Auto, Some(w)) => {
            let taken: Vec<Rect> = legend
                .iter()
                .map(|l| l.rect)
                .chain(scale_bar.as_ref().map(|s| s.bounds()))
                .collect();
            let mut busy = route_px.clone();
            busy.extend(markers.iter().map(|m| m.at));
            inset::inset(context, w, &frame, unit, &taken, &busy)
        }
        _ => None,
    };
    obstacles.extend(inset.as_ref().map(|i| i.rect.grow(4.0 * unit)));
    let placer = labels::Placer::new(frame, &route_px);
    let (mut placed, unplaced) =
        placer.place_stops(&stop_labels, &mut obstacles, 15.0 * unit, radius, &palette);
    let stop_label_count = placed.len();
    let mut context_dots = Vec::new();
    if options.labels == LabelMode::All {
        // On a world map drawn as a globe, context names stay on the globe.
        let on_map = |r: &Rect| r.corners().iter().all(|&c| clip::ring_contains(&sea, c));
        placed.extend(placer.place_context(
            context.places,
            &to_px,
            &on_map,
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
    // Natural Earth's finest scale (1:10m) places coasts to a kilometre or two: on a map
    // finer than COARSE_M_PER_PX they are approximate, and the map says so.
    let metres_per_px = ground_m_per_px;
    let coarse = metres_per_px < COARSE_M_PER_PX;
    let mut warnings = notes;
    if !off_map.is_empty() {
        let n = off_map.len();
        let why = if options.bbox.is_some() {
            "outside the --bbox window"
        } else {
            "on the side of the globe the projection does not show"
        };
        let (stops, are) = if n == 1 {
            ("stop", "is")
        } else {
            ("stops", "are")
        };
        warnings.push(format!(
            "{n} {stops} {are} not on the map, {why}: {}",
            quoted_list(&off_map, 5)
        ));
    }
    if coarse {
        let u = options.units;
        let across = readable_distance(frame.width() * metres_per_px / u.metres());
        warnings.push(format!(
            "the map is {across} {} across, finer than the bundled basemap (Natural Earth \
             1:10m): coastlines, rivers and borders are approximate",
            u.label()
        ));
    }
    if !unplaced.is_empty() {
        let n = unplaced.len();
        let what = if n == 1 { "label" } else { "labels" };
        warnings.push(format!(
            "no room for {n} {what}, left out: {}",
            quoted_list(&unplaced, 5)
        ));
    }
    let attribution_text = if coarse {
        "Basemap: Natural Earth 1:10m, coarser than this map. Places: GeoNames (CC BY 4.0). \
         Legs are straight-line geodesics."
    } else {
        "Basemap: Natural Earth. Places: GeoNames (CC BY 4.0). Legs are straight-line geodesics."
    };
    // The attribution fits the page: shortened, then set smaller, on a narrow map.
    let room = w - 2.0 * 8.0 * unit;
    let mut asize = 14.0 * unit;
    let mut attribution_text = attribution_text;
    if text::width(attribution_text, asize, false) > room {
        attribution_text = "Natural Earth; GeoNames (CC BY 4.0)";
    }
    let full = text::width(attribution_text, asize, false);
    if full > room {
        asize = (asize * room / full).max(6.0);
    }
    let aw = text::width(attribution_text, asize, false);
    let attribution = Label {
        text: attribution_text.into(),
        at: ((frame.x1 - aw).max(4.0), h - 20.0 * unit),
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
        sea,
        projection: projector.definition.clone(),
        detail,
        land,
        lakes,
        islands,
        rivers,
        borders,
        regions,
        graticule,
        graticule_labels,
        routes: layers,
        markers,
        context_dots,
        labels: placed,
        stop_label_count,
        unplaced,
        warnings,
        legend,
        titles,
        scale_bar,
        inset,
        attribution,
        unit,
        projector: std::sync::Arc::new(projector),
        view,
    })
}

/// Step of [`build_in`]: each trip's legs in pixels (cut at the map's seam, clipped to the
/// frame) and a direction arrow at each leg's middle.
fn route_layers(
    routes: &[Route],
    stream: &Stream<'_>,
    draw_step: f64,
    unit: f64,
    palette: &Palette,
) -> Vec<RouteLayer> {
    let frame = &stream.frame();
    let mut layers = Vec::new();
    for r in routes {
        let color = palette.route(&r.color);
        let mut legs = Vec::new();
        let mut arrows = Vec::new();
        for leg in &r.legs {
            let pieces = stream.projected_line(&leg.line_every(draw_step));
            let runs = pieces
                .iter()
                .flat_map(|p| clip::clip_line(p, frame))
                .collect();
            if let Some((mid, angle)) = arrow_at_middle(&pieces, frame) {
                arrows.push(arrow_triangle(mid, angle, unit));
            }
            legs.push((Stroke::for_mode(leg.mode), runs));
        }
        layers.push(RouteLayer {
            name: r.name.clone(),
            color,
            legs,
            arrows,
        });
    }
    layers
}

/// Step of [`build_in`]: the water under the land, as a closed ring. A projection whose whole
/// world has an edge (Equal Earth, Robinson, Mollweide, Mercator and the other cylindrical and
/// pseudo-cylindrical ones) fills only the part of the frame inside that edge, and the page
/// shows around it, whatever the map's centre and window; other maps fill the frame.
fn sea(projector: &Projector, stream: &Stream<'_>, frame: &Rect) -> Vec<Px> {
    let frame_ring = frame.corners().to_vec();
    if !(projector.has_globe_edge() || projector.cap().is_some()) {
        return frame_ring;
    }
    match stream.outline() {
        r if r.len() >= 3 => r,
        _ => frame_ring,
    }
}

/// Metres of ground a pixel spans at the centre of the frame (east–west and north–south
/// alike on a conformal map; the smaller of the two otherwise), measured along geodesics of
/// 1 km; `None` where the centre is off the projection's world.
fn ground_m_per_px(p: &Projector, view: &View, frame: &Rect) -> Option<f64> {
    let centre = ((frame.x0 + frame.x1) / 2.0, (frame.y0 + frame.y1) / 2.0);
    let (lon, lat) = p.unproject(view.metres(centre))?;
    let here = view.px(p.project(lon, lat)?);
    let probe = 1_000.0;
    let px = |bearing: f64| -> Option<f64> {
        let there = Geodesic.destination(Point::new(lon, lat), bearing, probe);
        let q = view.px(p.project(there.x(), there.y())?);
        Some((q.0 - here.0).hypot(q.1 - here.1))
    };
    let longest = px(90.0)?.max(px(0.0).unwrap_or(0.0));
    (longest > 0.0 && longest.is_finite()).then(|| probe / longest)
}

/// The box of the map drawn (the sea's ring) within the frame, where the map fills it (a
/// Mercator world narrower than the frame); the frame otherwise.
fn drawn_part(sea: &[Px], sea_box: &Rect, frame: &Rect) -> Rect {
    let r = Rect {
        x0: sea_box.x0.max(frame.x0),
        y0: sea_box.y0.max(frame.y0),
        x1: sea_box.x1.min(frame.x1),
        y1: sea_box.y1.min(frame.y1),
    };
    // No map drawn (no sea ring) keeps the frame, and so does a map that does not fill its
    // box (a globe's ellipse or disk leaves the frame's corners free for the legend).
    if r.width() < 10.0 || r.height() < 10.0 || clip::ring_area(sea) < 0.95 * r.width() * r.height()
    {
        *frame
    } else {
        r
    }
}

/// The points of a line, with points added so that none is more than `step` pixels from the
/// next.
fn along(run: &[Px], step: f64) -> Vec<Px> {
    let mut out = Vec::with_capacity(run.len());
    for w in run.windows(2) {
        let (a, b) = (w[0], w[1]);
        let n = ((b.0 - a.0).hypot(b.1 - a.1) / step)
            .ceil()
            .clamp(1.0, 100_000.0) as usize;
        out.extend((0..n).map(|i| {
            let t = i as f64 / n as f64;
            (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))
        }));
    }
    out.extend(run.last().copied());
    out
}

/// Metres per pixel below which the bundled basemap is coarser than the map.
const COARSE_M_PER_PX: f64 = 100.0;

/// A stop marker's radius, pixels.
fn marker_radius(unit: f64) -> f64 {
    5.5 * unit
}

/// Step of [`build_in`]: stop markers, de-duplicated by position (to the pixel; a hash keeps
/// 100,000 stops linear), and the labels the stops want.
fn markers(
    routes: &[Route],
    to_px: &dyn Fn(f64, f64) -> Option<Px>,
    frame: &Rect,
    unit: f64,
    palette: &Palette,
    lang: Option<LabelLang>,
) -> (Vec<Marker>, Vec<labels::Wanted>, Vec<String>) {
    let radius = marker_radius(unit);
    let mut markers: Vec<Marker> = Vec::new();
    let mut marker_at: HashMap<(i64, i64), usize> = HashMap::new();
    let mut stop_labels: Vec<labels::Wanted> = Vec::new();
    let mut label_at: HashSet<(i64, i64, String)> = HashSet::new();
    let key = |p: Px| (p.0.round() as i64, p.1.round() as i64);
    let mut off_map = Vec::new();
    for r in routes {
        let color = palette.route(&r.color);
        for (i, s) in r.stops.iter().enumerate() {
            let Some(at) = to_px(s.lon, s.lat).filter(|p| frame.contains(*p)) else {
                if r.has_marker(i) {
                    off_map.push(s.label.clone());
                }
                continue;
            };
            if !r.has_marker(i) {
                continue;
            }
            let terminal = r.is_terminal(i);
            match marker_at.get(&key(at)) {
                Some(&m) => markers[m].terminal |= terminal,
                None => {
                    marker_at.insert(key(at), markers.len());
                    markers.push(Marker {
                        at,
                        radius,
                        color,
                        terminal,
                        leader: None,
                    });
                }
            }
            // In the language asked for when the gazetteer has the place's name in it; else as
            // written, unless no embedded face can draw that (then the Latin gazetteer name).
            let translated = lang
                .zip(s.place.as_ref())
                .and_then(|(l, p)| l.name(p))
                .filter(|t| text::covers(t));
            let text = if let Some(t) = translated {
                t
            } else if text::covers(&s.label) {
                s.label.clone()
            } else {
                s.place
                    .as_ref()
                    .map_or_else(|| s.label.clone(), |p| p.name.to_string())
            };
            let (kx, ky) = key(at);
            if !text.is_empty() && label_at.insert((kx, ky, text.clone())) {
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
    (markers, stop_labels, off_map)
}

/// Step of [`build_in`]: the projection for the routes' extent (or the bbox asked for) and the
/// view that fits them into `frame`.
fn project_and_fit(
    routes: &[Route],
    options: &MapOptions,
    frame: &Rect,
) -> Result<(Projector, View)> {
    // BoundingBox and projection, from the legs densified coarsely (the curve's bulge is what
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
    // Each leg counts by the longitudes it sweeps (a leg near a pole sweeps many between two
    // vertices), so the widest empty arc, where the map's seam goes, is never inside a leg.
    let mut extent_of = crate::bbox::BoxBuilder::default();
    for line in densified.iter().flatten() {
        for part in split_antimeridian(line) {
            extent_of.add_part(&part);
        }
    }
    for r in routes {
        for s in &r.stops {
            extent_of.add_point(s.coord());
        }
    }
    let route_extent = extent_of.finish();
    let extent = options
        .bbox
        .or(route_extent)
        .ok_or_else(|| Error::invalid(InvalidKind::Empty, "nothing to draw", None))?;
    let mut projector = Projector::new(&options.projection, &extent)?;
    // A route cut by the seam of a central meridian given in a PROJ string runs to both edges
    // of the world: the map shows the world.
    if options.bbox.is_none()
        && !projector.world
        && projector.has_globe_edge()
        && densified
            .iter()
            .flatten()
            .any(|l| stream::crosses_seam(l, projector.lon0()))
    {
        projector.world = true;
    }

    // Fit: projected extent of the routes (or the bbox outline), with a margin, to the frame.
    // A world map shows the world from seam to seam (without Antarctica, unless the route
    // goes there), whatever part the routes cover. A box or a route beyond the latitudes the
    // projection shows (Mercator's ±85.05°) is fitted up to them.
    let (south, north) = projector.lat_limits();
    let fit_points: Vec<(f64, f64)> = match options.bbox {
        // A box all round the globe is the world from seam to seam, between its latitudes.
        Some(b) if b.lon_span() >= 359.9 => {
            seam_to_seam(projector.lon0(), b.south.max(south), b.north.min(north))
                .into_iter()
                .filter_map(|(lon, lat)| projector.project(lon, lat))
                .collect()
        }
        Some(b) => outline(&b)
            .into_iter()
            .filter_map(|(lon, lat)| projector.project(lon, lat.clamp(south, north)))
            .collect(),
        // The route's points 3° further from the equator, so a leg beyond the usual edge
        // keeps a margin.
        None if projector.world => world_outline(&projector)
            .into_iter()
            .chain(points.iter().map(|c| (c.x, c.y + 3.0_f64.copysign(c.y))))
            .filter_map(|(lon, lat)| projector.project(lon, lat.clamp(south, north)))
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
            InvalidKind::Setting,
            format!(
                "the projection `{}` collapses the map: the routes' points land within a metre of each other",
                projector.definition
            ),
            Some("check the PROJ parameters (a scale factor of 0?)".into()),
        ));
    }
    if fit_points.is_empty() {
        return Err(Error::invalid(
            InvalidKind::Setting,
            format!(
                "the routes are outside the projection `{}`",
                projector.definition
            ),
            None,
        ));
    }
    let view = fit(
        &fit_points,
        frame,
        options.bbox.is_some() || projector.world,
        projector.world,
    );
    Ok((projector, view))
}

/// The outline of the world a world map shows: the circle an azimuthal projection shows (an
/// orthographic globe's horizon), or the world from seam to seam, 58° S to 84° N, centred on
/// the central meridian. Longitudes run from `lon0 - 180` to `lon0 + 180` unfolded, so each
/// seam stays on its own side of the map.
fn world_outline(projector: &Projector) -> Vec<(f64, f64)> {
    let lon0 = projector.lon0();
    if let Some((lat0, radius)) = projector.cap() {
        return cap::Cap::new(lat0, radius)
            .circle()
            .into_iter()
            .map(|(x, y)| (lon0 + x, y))
            .collect();
    }
    seam_to_seam(lon0, -58.0, 84.0)
}

/// The outline of the world between two latitudes, from the seam west of `lon0` to the seam
/// east of it, longitudes unfolded.
fn seam_to_seam(lon0: f64, south: f64, north: f64) -> Vec<(f64, f64)> {
    let n = 48;
    (0..=n)
        .flat_map(move |i| {
            let t = f64::from(i) / f64::from(n);
            let lon = lon0 - 180.0 + 360.0 * t;
            let lat = south + (north - south) * t;
            [
                (lon, south),
                (lon, north),
                (lon0 - 180.0, lat),
                (lon0 + 180.0, lat),
            ]
        })
        .collect()
}

/// The basemap in pixels, clipped to the frame.
struct BaseLayers {
    land: Vec<Vec<Px>>,
    /// Lakes, and the holes in land (the Caspian Sea): water.
    lakes: Vec<Vec<Px>>,
    /// Holes in lakes (Olkhon in Baikal): land.
    islands: Vec<Vec<Px>>,
    rivers: Vec<Vec<Px>>,
    borders: Vec<Vec<Px>>,
    regions: Vec<Vec<Px>>,
}

/// Step of [`build_in`]: loads the basemap at `detail` for `window` and takes it through the
/// map's stream.
fn base_layers(
    context: &Context<'_>,
    detail: Detail,
    window: Option<BoundingBox>,
    stream: &Stream<'_>,
) -> BaseLayers {
    let base = (context.basemap)(detail, window);
    // Holes in land (the Caspian Sea) are water; holes in lakes (Olkhon in Baikal) are land.
    let rings = |rings: &mut dyn Iterator<Item = &geo::LineString>| -> Vec<Vec<Px>> {
        rings.flat_map(|r| stream.ring(&r.0)).collect()
    };
    let land = rings(&mut base.land.iter().map(|p| p.exterior()));
    let mut lakes = rings(&mut base.lakes.iter().map(|p| p.exterior()));
    lakes.extend(rings(&mut base.land.iter().flat_map(|p| p.interiors())));
    let islands = rings(&mut base.lakes.iter().flat_map(|p| p.interiors()));
    let lines = |ls: &[geo::LineString]| -> Vec<Vec<Px>> {
        ls.iter().flat_map(|l| stream.line(&l.0)).collect()
    };
    BaseLayers {
        land,
        lakes,
        islands,
        rivers: lines(&base.rivers),
        borders: lines(&base.borders),
        regions: lines(&base.regions),
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod world_tests;
