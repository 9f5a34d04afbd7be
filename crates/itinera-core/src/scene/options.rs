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

/// Every map option by the name [`MapOptions::set`] takes, with what its value is: the
/// command line's `render` flags and Python's `render` keywords are these.
pub const MAP_OPTIONS: [(&str, &str); 12] = [
    ("width", "width in pixels, 200 to 10000"),
    ("height", "height in pixels, 200 to 10000"),
    ("title", "title (default: the trip file's `title`)"),
    ("subtitle", "subtitle (default: the dates of the trips)"),
    ("theme", "light or dark"),
    ("legend", "true or false"),
    ("labels", "all or stops"),
    (
        "projection",
        "auto, conic, equal-earth, robinson, mercator, polar, azimuthal or a PROJ string",
    ),
    (
        "bbox",
        "map window W,S,E,N in degrees (W > E crosses ±180°)",
    ),
    ("units", "km, mi or nmi (the scale bar and the legend)"),
    (
        "inset",
        "auto or none (a locator inset on maps of small areas)",
    ),
    (
        "label_lang",
        "ru, ko, zh or ja (stop labels in that language where known)",
    ),
];

impl MapOptions {
    /// Sets one option from text, by its name in [`MAP_OPTIONS`] (`label-lang` and
    /// `label_lang` alike): the one parser of map options every front end shares.
    ///
    /// # Errors
    /// [`Error::Invalid`] for an unknown option or a value it does not take.
    ///
    /// ```
    /// use itinera::scene::MapOptions;
    ///
    /// let o = MapOptions::default()
    ///     .with("width", "800")?
    ///     .with("projection", "robinson")?
    ///     .with("bbox", "100,-50,-100,60")?;
    /// o.validate()?;
    /// assert_eq!(o.width, 800);
    /// assert!(MapOptions::default().with("width", "12").and_then(|o| o.validate()).is_err());
    /// assert!(MapOptions::default().with("colour", "red").is_err());
    /// # Ok::<(), itinera::Error>(())
    /// ```
    pub fn set(&mut self, name: &str, value: &str) -> Result<()> {
        match name.replace('-', "_").as_str() {
            "width" => self.width = pixels(name, value)?,
            "height" => self.height = pixels(name, value)?,
            "title" => self.title = Some(value.to_string()),
            "subtitle" => self.subtitle = Some(value.to_string()),
            "theme" => self.theme = value.parse()?,
            "legend" => self.legend = switch(name, value)?,
            "labels" => self.labels = value.parse()?,
            "projection" => self.projection = value.parse()?,
            "bbox" => self.bbox = Some(value.parse()?),
            "units" => self.units = value.parse()?,
            "inset" => self.inset = value.parse()?,
            "label_lang" => self.label_lang = Some(value.parse()?),
            _ => {
                let names: Vec<&str> = MAP_OPTIONS.iter().map(|o| o.0).collect();
                return Err(Error::invalid(
                    InvalidKind::Setting,
                    format!("no map option `{name}`"),
                    Some(format!("the options are {}", names.join(", "))),
                ));
            }
        }
        Ok(())
    }

    /// [`MapOptions::set`], as a builder.
    ///
    /// # Errors
    /// As [`MapOptions::set`].
    pub fn with(mut self, name: &str, value: &str) -> Result<MapOptions> {
        self.set(name, value)?;
        Ok(self)
    }

    /// Checks the options together (sizes, title lengths, the window's range), as
    /// [`crate::scene::build`] does before any work.
    ///
    /// # Errors
    /// [`Error::Invalid`] naming the option.
    pub fn validate(&self) -> Result<()> {
        check(self)
    }
}

/// A size in pixels (its range is checked with the other options).
fn pixels(name: &str, value: &str) -> Result<u32> {
    let text = value.trim();
    text.parse().map_err(|_| {
        // A whole number too large or negative is out of range, not malformed.
        let whole = text.trim_start_matches(['-', '+']);
        let message = if !whole.is_empty() && whole.bytes().all(|b| b.is_ascii_digit()) {
            format!("{name} `{value}` is out of range")
        } else {
            format!("{name} `{value}` is not a whole number of pixels")
        };
        Error::invalid(
            InvalidKind::Setting,
            message,
            Some("maps are 200 to 10000 pixels wide and high".into()),
        )
    })
}

/// `true` or `false` (also `yes`/`no`, `1`/`0`).
fn switch(name: &str, value: &str) -> Result<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "1" => Ok(true),
        "false" | "no" | "0" => Ok(false),
        _ => Err(Error::invalid(
            InvalidKind::Setting,
            format!("{name} `{value}` is not true or false"),
            None,
        )),
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
