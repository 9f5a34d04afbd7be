//! The scene's types: the [`Scene`] a backend draws, its parts (labels, route layers, markers,
//! legend, scale bar) and the [`Context`] it is built in. Building it is [`super::build_in`]'s.

use super::*;

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
    /// Leader lines from a stop's marker to its label, where the label could not sit next to
    /// the marker: marker edge, then label end.
    pub label_leaders: Vec<[Px; 2]>,
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
    /// Proportional symbols and their size legend, on a map of places sized by a value
    /// ([`super::build_sized`]).
    pub symbols: Option<Symbols>,
    /// Size factor of the decorations (1 at 1000 px).
    pub unit: f64,
    pub(super) projector: std::sync::Arc<Projector>,
    pub(super) view: View,
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
