//! The file formats itinera reads and writes, in one registry.
//!
//! Each format is one module here behind one of three traits: a [`TripReader`] reads trips
//! (TOML, CSV, GeoJSON, GPX, KML), a [`RouteWriter`] writes routes (GeoJSON, KML, GPX, CSV, the
//! HTML map, GeoPackage), a [`MapWriter`] encodes a drawn map (PNG, SVG, PDF). Every format
//! says its name (as `--format` takes it), its file extensions, one line about it and, for
//! writers, what it leaves out. The lists [`INPUTS`], [`EXPORTS`] and [`MAPS`] are what the
//! command line's `--format` values, help and completions, the sniffing of standard input,
//! Python and the README's tables read: adding a format is a module and a line in a list.
//!
//! The encoding itself stays with the step that owns it (`trip::parse`, `export`, `render`);
//! a format module ties it to its name. The GeoPackage writer, which nothing else uses, lives
//! wholly in [`gpkg`].
//!
//! ```
//! use itinera::formats::{ExportFormat, InputFormat, MapFormat};
//!
//! assert_eq!(ExportFormat::by_path("trip.gpkg".as_ref())?.name(), "gpkg");
//! assert_eq!(InputFormat::sniff("<?xml version='1.0'?>\n<kml>").name(), "kml");
//! assert_eq!("svg".parse::<MapFormat>()?.extension(), "svg");
//! # Ok::<(), itinera::Error>(())
//! ```

use std::fmt;
use std::io::Write;
use std::path::Path;

use crate::InvalidKind;
use crate::error::{Error, Result};
use crate::export::{CsvText, Layer};
use crate::route::{Route, Units};
use crate::scene::Scene;
use crate::source::SourceFile;
use crate::trip::TripPlan;

mod csv;
mod geojson;
pub mod gpkg;
mod gpx;
mod html;
mod kml;
mod maps;
mod toml;

/// The trip formats, in the order help lists them; the first is read when nothing else fits.
pub static INPUTS: [InputFormat; 5] = [
    InputFormat(&toml::Toml),
    InputFormat(&csv::Csv),
    InputFormat(&geojson::GeoJson),
    InputFormat(&gpx::Gpx),
    InputFormat(&kml::Kml),
];

/// The export formats, in the order help lists them; the first is written when no name says.
pub static EXPORTS: [ExportFormat; 6] = [
    ExportFormat(&geojson::GeoJson),
    ExportFormat(&kml::Kml),
    ExportFormat(&gpx::Gpx),
    ExportFormat(&csv::Csv),
    ExportFormat(&html::Html),
    ExportFormat(&gpkg::GeoPackage),
];

/// The map formats, in the order help lists them; the first goes to standard output.
pub static MAPS: [MapFormat; 3] = [
    MapFormat(&maps::Png),
    MapFormat(&maps::Svg),
    MapFormat(&maps::Pdf),
];

/// What every format says about itself.
pub trait Described: Send + Sync {
    /// The name `--format` takes (lower case).
    fn name(&self) -> &'static str;
    /// File extensions, lower case without the dot; the first is the usual one.
    fn extensions(&self) -> &'static [&'static str];
    /// One line for help and the README.
    fn about(&self) -> &'static str;
}

/// A format trips are read from.
pub trait TripReader: Described {
    /// Whether text (its start: a BOM and leading space removed) looks like this format, for
    /// standard input and names without a known extension.
    fn looks_like(&self, text: &str) -> bool;
    /// Reads the trips of a file.
    ///
    /// # Errors
    /// [`Error::Syntax`] or [`Error::Invalid`] with the `file:line:column` of the problem.
    fn read(&self, source: &SourceFile) -> Result<TripPlan>;
}

/// What an export is written with, beside the routes.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct ExportOptions<'a> {
    /// The document's title (a trip file's `title`).
    pub title: Option<&'a str>,
    /// Units of distances written as numbers in a unit of choice (the CSV's).
    pub units: Units,
    /// Whether text cells of a CSV are guarded against spreadsheet formulas.
    pub csv_text: CsvText,
    /// Which features: legs and stops, or one of them (GeoJSON's `--layers`).
    pub layer: Layer,
}

impl Default for ExportOptions<'_> {
    fn default() -> Self {
        ExportOptions {
            title: None,
            units: Units::Km,
            csv_text: CsvText::Guarded,
            layer: Layer::All,
        }
    }
}

impl<'a> ExportOptions<'a> {
    /// Options with a title.
    pub fn titled(title: Option<&'a str>) -> Self {
        ExportOptions {
            title,
            ..ExportOptions::default()
        }
    }
}

/// A file written beside an export (the `.csvt` column types of a CSV).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sidecar {
    /// Its extension, replacing the export's.
    pub extension: &'static str,
    /// Its whole content.
    pub content: &'static str,
}

/// A format routes are exported to.
pub trait RouteWriter: Described {
    /// Writes the routes.
    ///
    /// # Errors
    /// [`Error::Write`] when the writer fails.
    fn write(&self, routes: &[Route], options: &ExportOptions<'_>, w: &mut dyn Write)
    -> Result<()>;
    /// What writing `routes` into `target` (a name, for the message) leaves out: one message
    /// per trip concerned, none when nothing is lost.
    fn leaves_out(&self, routes: &[Route], target: &str) -> Vec<String> {
        let _ = (routes, target);
        Vec::new()
    }
    /// What the format never holds, for the README's table.
    fn never_holds(&self) -> &'static str {
        ""
    }
    /// A file written beside each export, if the format has one.
    fn sidecar(&self) -> Option<Sidecar> {
        None
    }
    /// Whether it can be written as one file per [`Layer`] (`--layers`).
    fn has_layers(&self) -> bool {
        false
    }
}

/// A format a drawn map is encoded in.
pub trait MapWriter: Described {
    /// The scene encoded.
    ///
    /// # Errors
    /// [`Error::Encode`] when encoding fails.
    fn encode(&self, scene: &Scene) -> Result<Vec<u8>>;
}

/// The extension of `path`, lower case.
fn extension_of(path: &Path) -> Option<String> {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// "a, b or c".
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Defines a handle type over one of the lists: copy, compare by name, look up by name or
/// extension, and (with the `clap` feature) take it as a `--format` value.
macro_rules! handle {
    ($(#[$doc:meta])* $name:ident, $tr:ident, $list:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy)]
        pub struct $name(&'static dyn $tr);

        impl $name {
            /// Every format of this kind, in the registry's order.
            pub fn all() -> &'static [$name] {
                &$list
            }

            /// The name `--format` takes.
            pub fn name(self) -> &'static str {
                self.0.name()
            }

            /// The usual file extension.
            pub fn extension(self) -> &'static str {
                self.0.extensions()[0]
            }

            /// Every extension it is known by.
            pub fn extensions(self) -> &'static [&'static str] {
                self.0.extensions()
            }

            /// One line about it.
            pub fn about(self) -> &'static str {
                self.0.about()
            }

            /// The format a file's extension names (any case).
            pub fn from_extension(path: &Path) -> Option<$name> {
                let ext = extension_of(path)?;
                $list
                    .iter()
                    .copied()
                    .find(|f| f.extensions().contains(&ext.as_str()))
            }

            /// The extensions of every format, as help lists them: ".a, .b or .c".
            pub fn extension_list() -> String {
                let all: Vec<String> = $list
                    .iter()
                    .map(|f| format!(".{}", f.extension()))
                    .collect();
                or_list(&all)
            }

            /// The names of every format: "a, b or c".
            pub fn name_list() -> String {
                let all: Vec<String> = $list.iter().map(|f| f.name().to_string()).collect();
                or_list(&all)
            }
        }

        impl PartialEq for $name {
            fn eq(&self, other: &$name) -> bool {
                self.name() == other.name()
            }
        }

        impl Eq for $name {}

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.name())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }

        impl std::str::FromStr for $name {
            type Err = Error;

            fn from_str(s: &str) -> Result<$name> {
                let lower = s.to_ascii_lowercase();
                $list
                    .iter()
                    .copied()
                    .find(|f| f.name() == lower)
                    .ok_or_else(|| {
                        Error::invalid(
                            InvalidKind::Setting,
                            format!(concat!("unknown ", $what, " format `{}`"), s),
                            Some(format!("use {}", $name::name_list())),
                        )
                    })
            }
        }

        #[cfg(feature = "clap")]
        impl clap::ValueEnum for $name {
            fn value_variants<'a>() -> &'a [Self] {
                &$list
            }

            fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
                Some(clap::builder::PossibleValue::new(self.name()).help(self.about()))
            }
        }
    };
}

handle!(
    /// A trip format ([`INPUTS`]).
    InputFormat,
    TripReader,
    INPUTS,
    "trip"
);
handle!(
    /// An export format ([`EXPORTS`]).
    ExportFormat,
    RouteWriter,
    EXPORTS,
    "export"
);
handle!(
    /// A map format ([`MAPS`]).
    MapFormat,
    MapWriter,
    MAPS,
    "map"
);

impl InputFormat {
    /// TOML, itinera's own trip file.
    pub const TOML: InputFormat = InputFormat(&toml::Toml);

    /// The format a file name says by its extension (`.geojson` and `.json` are GeoJSON).
    pub fn from_name(name: &str) -> Option<InputFormat> {
        InputFormat::from_extension(Path::new(name))
    }

    /// The format text looks like, for standard input and names without a known extension:
    /// the first format that says the text looks like it, else TOML.
    pub fn sniff(text: &str) -> InputFormat {
        let body = text.trim_start_matches('\u{feff}').trim_start();
        INPUTS
            .iter()
            .copied()
            .find(|f| f.0.looks_like(body))
            .unwrap_or(InputFormat::TOML)
    }

    /// Reads trips in this format.
    ///
    /// # Errors
    /// As [`TripReader::read`].
    pub fn read(self, source: &SourceFile) -> Result<TripPlan> {
        self.0.read(source)
    }
}

/// Reads a trip file in the format its name says ([`InputFormat::from_name`]), or the format
/// its text looks like ([`InputFormat::sniff`]) for standard input and other names.
///
/// # Errors
/// [`Error::Syntax`] or [`Error::Invalid`] with the `file:line:column` of the problem.
///
/// # Examples
///
/// ```
/// use itinera::{SourceFile, formats};
///
/// let toml = r#"
/// title = "August 2011"
/// [[trips]]
/// name = "Kim Jong Il in Russia"
/// mode = "rail"
/// stops = [
///   { place = "Khasan", date = "2011-08-20" },
///   { place = "Ulan-Ude", date = 2011-08-23 },
/// ]
/// "#;
/// let plan = formats::read_trips(&SourceFile::new("kim.toml", toml))?;
/// assert_eq!(plan.trips[0].stops.len(), 2);
/// assert_eq!(plan.trips[0].stops[1].date.unwrap().to_string(), "2011-08-23");
///
/// let bad = SourceFile::new("bad.csv", "trip,place,lat\nA,Khasan,91\n");
/// let e = formats::read_trips(&bad).unwrap_err();
/// assert_eq!(e.location().unwrap().to_string(), "bad.csv:2:1");
/// # Ok::<(), itinera::Error>(())
/// ```
pub fn read_trips(source: &SourceFile) -> Result<TripPlan> {
    let format = match source.name.as_str() {
        "<stdin>" => None,
        name => InputFormat::from_name(name),
    };
    format
        .unwrap_or_else(|| InputFormat::sniff(&source.text))
        .read(source)
}

impl ExportFormat {
    /// GeoJSON, written when no name or flag says another format.
    pub const GEOJSON: ExportFormat = ExportFormat(&geojson::GeoJson);

    /// The format a file name asks for, by extension (`.json` is GeoJSON, `.htm` HTML).
    ///
    /// # Errors
    /// [`Error::Invalid`] for an extension itinera does not write.
    pub fn by_path(path: &Path) -> Result<ExportFormat> {
        ExportFormat::from_extension(path).ok_or_else(|| {
            Error::invalid(
                InvalidKind::Setting,
                format!("unknown output format for `{}`", path.display()),
                Some(format!(
                    "name the output {}, or pass --format",
                    ExportFormat::extension_list()
                )),
            )
        })
    }

    /// Writes `routes` in this format.
    ///
    /// # Errors
    /// As [`RouteWriter::write`].
    ///
    /// # Examples
    ///
    /// ```
    /// use itinera::formats::{ExportFormat, ExportOptions};
    /// use itinera::{Gazetteer, TripPlan, route, trip};
    ///
    /// let plan = TripPlan::from_names(&["Anadyr", "Nome"]);
    /// let trips = trip::resolve(&plan, Gazetteer::bundled(), &Default::default())?;
    /// let routes: Vec<_> = trips.trips.iter().map(route::build).collect();
    /// let mut geojson = Vec::new();
    /// ExportFormat::GEOJSON.write(&routes, &ExportOptions::default(), &mut geojson)?;
    /// // The leg crosses ±180°: a MultiLineString.
    /// assert!(String::from_utf8(geojson).unwrap().contains("MultiLineString"));
    /// let mut gpx = Vec::new();
    /// "gpx".parse::<ExportFormat>()?.write(&routes, &ExportOptions::default(), &mut gpx)?;
    /// assert!(String::from_utf8(gpx).unwrap().contains("<rtept"));
    /// # Ok::<(), itinera::Error>(())
    /// ```
    pub fn write(
        self,
        routes: &[Route],
        options: &ExportOptions<'_>,
        w: &mut dyn Write,
    ) -> Result<()> {
        self.0.write(routes, options, w)
    }

    /// What writing `routes` into `target` leaves out ([`RouteWriter::leaves_out`]).
    pub fn leaves_out(self, routes: &[Route], target: &str) -> Vec<String> {
        self.0.leaves_out(routes, target)
    }

    /// What the format never holds, for docs.
    pub fn never_holds(self) -> &'static str {
        self.0.never_holds()
    }

    /// The file written beside each export, if any.
    pub fn sidecar(self) -> Option<Sidecar> {
        self.0.sidecar()
    }

    /// Whether it can be written one file per layer.
    pub fn has_layers(self) -> bool {
        self.0.has_layers()
    }

    /// The sidecar an export to `path` gets, and where: beside a regular file (or one about to
    /// be made), never beside standard output (`-`) or a device such as `/dev/null`.
    pub fn sidecar_beside(self, path: &Path) -> Option<(std::path::PathBuf, Sidecar)> {
        let regular =
            path.as_os_str() != "-" && std::fs::metadata(path).map_or(true, |m| m.is_file());
        self.sidecar()
            .filter(|_| regular)
            .map(|s| (path.with_extension(s.extension), s))
    }
}

impl Sidecar {
    /// Writes its content to `w`; `path` names it in the error.
    ///
    /// # Errors
    /// [`Error::Write`] when the writer fails.
    pub fn write(self, path: &Path, w: &mut dyn Write) -> Result<()> {
        w.write_all(self.content.as_bytes())
            .map_err(|e| Error::Write {
                path: path.display().to_string(),
                source: e,
            })
    }
}

impl MapFormat {
    /// PNG, written to standard output unless `--format` says otherwise.
    pub const PNG: MapFormat = MapFormat(&maps::Png);
    /// SVG.
    pub const SVG: MapFormat = MapFormat(&maps::Svg);

    /// The format a file name asks for, by extension (`.png`, `.svg`, `.pdf`, any case).
    ///
    /// # Errors
    /// [`Error::Invalid`] for an extension that is no map format.
    pub fn by_path(path: &Path) -> Result<MapFormat> {
        MapFormat::from_extension(path).ok_or_else(|| {
            Error::invalid(
                InvalidKind::Setting,
                format!("unknown map format for `{}`", path.display()),
                Some(format!(
                    "name the output {}, or give --format",
                    MapFormat::extension_list()
                )),
            )
        })
    }

    /// The scene encoded in this format.
    ///
    /// # Errors
    /// As [`MapWriter::encode`].
    pub fn encode(self, scene: &Scene) -> Result<Vec<u8>> {
        self.0.encode(scene)
    }
}

/// A Markdown table of every format: name, extensions, read, written, what it is.
pub fn markdown_table() -> String {
    let mut rows = vec![
        "| format | extensions | read | written by | what it is |".to_string(),
        "|---|---|---|---|---|".to_string(),
    ];
    let mut names: Vec<&'static str> = Vec::new();
    let all = INPUTS
        .iter()
        .map(|f| f.name())
        .chain(EXPORTS.iter().map(|f| f.name()))
        .chain(MAPS.iter().map(|f| f.name()));
    for n in all {
        if !names.contains(&n) {
            names.push(n);
        }
    }
    for n in names {
        let input = INPUTS.iter().find(|f| f.name() == n);
        let export = EXPORTS.iter().find(|f| f.name() == n);
        let map = MAPS.iter().find(|f| f.name() == n);
        let (exts, about) = match (input, export, map) {
            (_, Some(e), _) => (e.extensions(), e.about()),
            (Some(i), _, _) => (i.extensions(), i.about()),
            (_, _, Some(m)) => (m.extensions(), m.about()),
            _ => continue,
        };
        let exts: Vec<String> = exts.iter().map(|e| format!("`.{e}`")).collect();
        let written = match (export, map) {
            (Some(_), _) => "`export`",
            (_, Some(_)) => "`render`",
            _ => "",
        };
        rows.push(format!(
            "| {n} | {} | {} | {written} | {about} |",
            exts.join(" "),
            if input.is_some() { "yes" } else { "" },
        ));
    }
    rows.join("\n") + "\n"
}

#[cfg(test)]
mod tests;
