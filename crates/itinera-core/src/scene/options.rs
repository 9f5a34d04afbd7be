//! What the caller asks of a map ([`MapOptions`]) and the checks on it.

use super::*;

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
    pub bbox: Option<BoundingBox>,
    /// Whether the map carries its title and subtitle (false when a page shows them).
    pub heading: bool,
    /// Units of the scale bar and the legend's distances.
    pub units: crate::route::Units,
    /// Whether to add a locator inset on maps of a small area.
    pub inset: InsetMode,
    /// Label stops in this language where the gazetteer has their names in it.
    pub label_lang: Option<LabelLang>,
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
            units: crate::route::Units::Km,
            inset: InsetMode::Auto,
            label_lang: None,
        }
    }
}

/// The longest title or subtitle, characters: a headline, not a paragraph.
pub(super) const MAX_TITLE_CHARS: usize = 300;

pub(super) fn check(o: &MapOptions) -> Result<()> {
    for (what, text) in [("title", &o.title), ("subtitle", &o.subtitle)] {
        let n = text.as_deref().map_or(0, |t| t.chars().count());
        if n > MAX_TITLE_CHARS {
            return Err(Error::invalid(
                InvalidKind::Setting,
                format!("a {what} of {n} characters; at most {MAX_TITLE_CHARS} fit a map"),
                Some(format!("shorten the {what}")),
            ));
        }
    }
    for (what, v) in [("width", o.width), ("height", o.height)] {
        if !(200..=10_000).contains(&v) {
            return Err(Error::invalid(
                InvalidKind::Setting,
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
                InvalidKind::Setting,
                "bbox is outside -180..180, -90..90",
                Some("write --bbox W,S,E,N in degrees".into()),
            ));
        }
        if b.south >= b.north {
            return Err(Error::invalid(
                InvalidKind::Setting,
                format!("bbox south `{}` is not below north `{}`", b.south, b.north),
                Some("write --bbox W,S,E,N with S < N (W > E crosses ±180°)".into()),
            ));
        }
        if b.west == b.east {
            return Err(Error::invalid(
                InvalidKind::Setting,
                "bbox has no width: west = east",
                None,
            ));
        }
    }
    Ok(())
}
