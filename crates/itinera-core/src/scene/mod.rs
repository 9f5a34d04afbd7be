//! The map scene: everything a map shows, projected to pixels and styled, built once and then
//! drawn by any backend ([`crate::render`] draws it to PNG and SVG).
//!
//! This module owns the map's geometry and layout: the projection and frame, which basemap
//! layers and at what detail, graticule, route lines with their direction arrows, markers,
//! label placement without overlaps, legend, title, scale bar and attribution. It draws nothing.

mod arrows;
mod cap;
mod captions;
mod clip;
mod fit;
mod format;
mod graticule;
mod inset;
mod labels;
mod lang;
mod layers;
mod layout;
mod legend;
mod names;
mod options;
mod palladius;
mod projection;
mod scale_bar;
mod shared;
mod simplify;
mod spread;
mod stops;
mod stream;
mod style;
mod symbols;
pub(crate) mod text;
mod types;
mod view;
mod words;

use std::collections::{HashMap, HashSet};

use crate::InvalidKind;
use crate::basemap::{self, Detail};
use crate::error::{Error, Result};
use crate::gazetteer::Gazetteer;
use crate::route::{BoundingBox, Leg, Route, bounding_box, split_antimeridian};
use crate::trip::{Date, Mode};

use arrows::*;
use captions::*;
pub use clip::{Px, Rect};
use fit::*;
use format::*;
pub(crate) use format::{date_range, readable_distance, thousands};
use graticule::*;
pub use inset::{Inset, InsetMode};
pub use lang::LabelLang;
use layers::*;
use layout::*;
pub(crate) use legend::extent as legend_extent;
use legend::*;
use options::*;
pub use options::{MAP_OPTIONS, MapOptions};
pub use projection::{ProjectionChoice, Projector};
use scale_bar::*;
use stops::*;
use stream::Stream;
pub use style::{Color, LabelMode, Palette, Stroke, Theme};
pub use symbols::{
    LABELLED, MAX_RADIUS, SizeLegend, SizeRing, Symbol, SymbolScale, Symbols, build_sized,
    legend_values,
};
pub use types::{
    BasemapSource, Context, Label, Legend, LegendRow, Marker, RouteLayer, ScaleBar, Scene,
};
use view::*;

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
    check_input(routes, options)?;
    // A legend or scale bar that finds no corner of the map where it covers no route and no
    // stop goes below the map: the map is built again, shorter by the strip they need.
    let (scene, wants_strip) = compose(context, routes, file_title, options, None)?;
    match wants_strip {
        Some(h) => Ok(compose(context, routes, file_title, options, Some(h))?.0),
        None => Ok(scene),
    }
}

/// Step of [`build_in`]: the scene, with a strip of `strip` pixels below the map for the legend
/// and the scale bar if given; and the strip's height that they would need, if they found no
/// room on the map.
fn compose(
    context: &Context<'_>,
    routes: &[Route],
    file_title: Option<&str>,
    options: &MapOptions,
    strip: Option<f64>,
) -> Result<(Scene, Option<f64>)> {
    let (w, h) = (f64::from(options.width), f64::from(options.height));
    // Sizes scale with the map, but not below what reads at column width (600 px wide).
    let unit = (w.min(h) / 1000.0).clamp(0.7, 3.0);
    let palette = options.theme.palette();
    // Layout: title band, frame, margins for degree labels and attribution.
    let (title, subtitle) = heading(routes, file_title, options);
    let heading = Heading::set(title, subtitle, w, unit);
    let mut frame = map_frame(heading.band(unit), w, h, unit);
    if let Some(sh) = strip {
        frame.y1 -= sh + 4.0 * unit;
    }

    let (projector, view) = project_and_fit(routes, options, &frame)?;
    let scale = scale(&projector, &view, &frame);
    let window = scale.window;
    // Every layer goes from lon/lat to pixels through this one stream.
    let stream = Stream::new(&projector, view, frame, window.as_ref());
    let to_px = |lon: f64, lat: f64| -> Option<Px> { stream.point(lon, lat) };
    let sheet = Sheet {
        options,
        unit,
        palette,
        frame,
        projector: &projector,
        view,
        window,
        stream: &stream,
    };
    let base = base_layers(context, scale.detail, window, &stream);

    // Meridians radiate from the centre of an azimuthal map and leave it on every side.
    let radial = ["+proj=stere", "+proj=aeqd", "+proj=ortho", "+proj=laea"]
        .iter()
        .any(|p| projector.definition.starts_with(p));
    let (graticule, mut graticule_labels) =
        graticule(&stream, window, &frame, radial, unit, &palette);
    let sea = sea(&projector, &stream, &frame);

    let (layers, leg_px) = route_layers(routes, &stream, scale.draw_step, unit, &palette);
    let (mut markers, mut stop_labels, off_map, unglyphed) =
        markers(routes, &to_px, &frame, unit, &palette, options.label_lang);
    spread_markers(&mut markers, &mut stop_labels);

    let route_px = route_pixels(&layers, leg_px);
    let strip = strip.map(|sh| strip_below(&frame, sh, unit));
    let (furniture, notes) = furniture(&sheet, routes, &sea, (&route_px, &markers), strip);
    clear_degree_labels(&mut graticule_labels, &furniture, unit);

    let mut obstacles = obstacles(&frame, &markers, &furniture, &graticule_labels);
    let inset = locator_inset(context, &sheet, &furniture, &route_px, &markers);
    obstacles.extend(inset.as_ref().map(|i| i.rect.grow(4.0 * unit)));
    let placed = place_labels(
        context,
        &sheet,
        &route_px,
        &stop_labels,
        &mut obstacles,
        &sea,
    );

    let titles = heading.labels(&sheet);
    // Natural Earth's finest scale (1:10m) places coasts to a kilometre or two: on a map
    // finer than COARSE_M_PER_PX they are approximate, and the map says so.
    let metres_per_px = scale.ground_m_per_px;
    let coarse = metres_per_px < COARSE_M_PER_PX;
    let mut warnings = warnings(
        &sheet,
        notes,
        &off_map,
        &placed.unplaced,
        coarse,
        metres_per_px,
    );
    warnings.extend(glyph_warnings(&unglyphed, &titles));
    let attribution = attribution(&sheet, coarse, routes);

    let wants_strip = furniture.wants_strip;
    let scene = Scene {
        width: options.width,
        height: options.height,
        palette,
        frame,
        sea,
        projection: projector.definition.clone(),
        detail: scale.detail,
        land: base.land,
        lakes: base.lakes,
        islands: base.islands,
        rivers: base.rivers,
        borders: base.borders,
        regions: base.regions,
        graticule,
        graticule_labels,
        routes: layers,
        markers: visible_markers(markers, palette.halo, unit),
        context_dots: placed.context_dots,
        labels: placed.labels,
        stop_label_count: placed.stop_label_count,
        label_leaders: placed.leaders,
        unplaced: placed.unplaced,
        warnings,
        legend: furniture.legend,
        titles,
        scale_bar: furniture.scale_bar,
        inset,
        attribution,
        symbols: None,
        unit,
        projector: std::sync::Arc::new(projector),
        view,
    };
    Ok((scene, wants_strip))
}

/// Step of [`build_in`]: the options checked, and an error when there is nothing to draw.
fn check_input(routes: &[Route], options: &MapOptions) -> Result<()> {
    check(options)?;
    if routes.iter().all(|r| r.stops.is_empty()) {
        return Err(Error::invalid(
            InvalidKind::Empty,
            "nothing to draw: no stops",
            None,
        ));
    }
    Ok(())
}

/// What the steps of [`build_in`] share once the map is projected: the options, the size
/// factor of the decorations and the colours, the frame, and the projection with its view,
/// its window and the stream that takes lon/lat to pixels.
struct Sheet<'a> {
    options: &'a MapOptions,
    unit: f64,
    palette: Palette,
    frame: Rect,
    projector: &'a Projector,
    view: View,
    window: Option<BoundingBox>,
    stream: &'a Stream<'a>,
}

/// Step of [`build_in`]: the map's title and subtitle, from the options, the trip file and the
/// dates of the routes; none on a map whose page shows the heading itself.
fn heading(
    routes: &[Route],
    file_title: Option<&str>,
    options: &MapOptions,
) -> (Option<String>, Option<String>) {
    let title = options
        .title
        .clone()
        .or_else(|| file_title.map(String::from));
    let subtitle = options
        .subtitle
        .clone()
        .or_else(|| date_range_in(routes, options.label_lang));
    // A page that shows the heading itself (the HTML map) gets a map without its band.
    match options.heading {
        true => (title, subtitle),
        false => (None, None),
    }
}

/// Step of [`build_in`]: the frame the map is drawn in, below a title band `band` pixels
/// high, on a page of `w` by `h` pixels.
fn map_frame(band: f64, w: f64, h: f64, unit: f64) -> Rect {
    // Room on every side for the graticule's degree labels.
    Rect {
        x0: LEFT_MARGIN * unit,
        y0: band + 26.0 * unit,
        x1: w - 52.0 * unit,
        y1: h - 50.0 * unit,
    }
}

#[cfg(test)]
mod placement_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod world_tests;
