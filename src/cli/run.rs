//! One function per subcommand: build options, call the library, write the outputs.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use itinera::BoundingBox;
use itinera::InvalidKind;
use itinera::export::{CsvText, Format, Layer};
use itinera::gazetteer::UserGazetteer;
use itinera::output::{OutputPlan, Outputs};
use itinera::records::{LegRecord, StopRecord, micro, mm};
use itinera::render::ImageFormat;
use itinera::route::{self, Route};
use itinera::scene::{self, MapOptions, ProjectionChoice};
use itinera::trip::{self, ResolveOptions, Resolved};
use itinera::{Error, Gazetteer, SourceFile, TripPlan, Units, export};
use unicode_width::UnicodeWidthStr;

use super::{Exit, ExportArgs, RenderArgs, RouteArgs, RouteFormat, TripArgs, report};

/// Why a subcommand stopped early.
pub enum Failure {
    /// Standard output was closed (`itinera route ... | head -1`): not an error.
    BrokenPipe,
    /// An error to report.
    Error(Error),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        match &e {
            Error::Write { source, .. } if source.kind() == io::ErrorKind::BrokenPipe => {
                Failure::BrokenPipe
            }
            _ => Failure::Error(e),
        }
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Error::Write {
            path: "<stdout>".into(),
            source: e,
        }
        .into()
    }
}

pub(super) type Outcome = Result<Exit, Failure>;

pub(super) fn print(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// One set of trips and where it came from.
struct Loaded {
    /// File stem for default output names.
    stem: String,
    /// The input path, to refuse overwriting it.
    path: Option<PathBuf>,
    resolved: Resolved,
}

/// Whether the inputs are trip files (rather than place names): `-`, a name with a trip
/// file's extension, a file, or a path that exists and is not a folder (a pipe such as
/// `<(cat trip.toml)`'s `/dev/fd/63`, `/dev/stdin`).
fn are_files(inputs: &[String]) -> bool {
    inputs.iter().any(|i| {
        let lower = i.to_ascii_lowercase();
        let path = Path::new(i);
        i == "-"
            || trip::InputFormat::from_name(&lower).is_some()
            || path.is_file()
            || (i.contains('/') && path.exists() && !path.is_dir())
    })
}

/// The user gazetteer of `--gazetteer FILE`, if given.
pub(super) fn user_gazetteer(
    path: Option<&Path>,
) -> Result<Option<std::sync::Arc<UserGazetteer>>, Error> {
    path.map(|p| {
        Ok(std::sync::Arc::new(UserGazetteer::parse(
            &SourceFile::read(p)?,
        )?))
    })
    .transpose()
}

fn load(args: &TripArgs) -> Result<Vec<Loaded>, Failure> {
    let g = Gazetteer::bundled();
    let opts = ResolveOptions {
        country: args.country.clone(),
        strict: args.strict,
        user: user_gazetteer(args.gazetteer.as_deref())?,
    };
    // A path to a folder is neither a trip file nor a place ("/tmp" once found Tampere).
    if let Some(dir) = args
        .inputs
        .iter()
        .find(|i| i.contains(['/', '\\']) && Path::new(i).is_dir())
    {
        return Err(Error::invalid(
            InvalidKind::Value,
            format!("`{dir}` is a directory"),
            Some("give a trip file (.toml, .csv, .geojson, .gpx, .kml) or place names".into()),
        )
        .into());
    }
    let mut sets = Vec::new();
    if args.input_format.is_some() || are_files(&args.inputs) {
        for input in &args.inputs {
            let path = PathBuf::from(input);
            let source = SourceFile::read(&path)?;
            let plan = match args.input_format {
                Some(format) => trip::parse_as(&source, format)?,
                None => trip::parse(&source)?,
            };
            let resolved = trip::resolve(&plan, g, &opts)?;
            let stem = if input == "-" {
                "stdin".to_string()
            } else {
                path.file_stem()
                    .map_or_else(|| "trip".into(), |s| s.to_string_lossy().into_owned())
            };
            sets.push(Loaded {
                stem,
                path: (input != "-").then_some(path),
                resolved,
            });
        }
    } else {
        let plan = TripPlan::from_names(&args.inputs);
        let resolved = trip::resolve(&plan, g, &opts)?;
        sets.push(Loaded {
            stem: slug(&args.inputs),
            path: None,
            resolved,
        });
    }
    for set in &sets {
        for w in &set.resolved.warnings {
            report::warning(&w.message, w.location.as_ref());
        }
    }
    Ok(sets)
}

/// `Khasan Ulan-Ude` -> `khasan-ulan-ude` (first and last stop), for default file names.
fn slug(names: &[String]) -> String {
    let ends = match names {
        [one] => vec![one.as_str()],
        [first, .., last] => vec![first.as_str(), last.as_str()],
        [] => vec!["trip"],
    };
    let s: String = ends
        .join("-")
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                '-'
            }
        })
        .collect();
    let s = s
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if s.is_empty() { "trip".into() } else { s }
}

pub fn route(a: RouteArgs) -> Outcome {
    let mut sets = load(&a.trips)?;
    let routes: Vec<Route> = sets
        .iter_mut()
        .flat_map(|s| std::mem::take(&mut s.resolved.trips))
        .map(route::from_trip)
        .collect();
    // Written as it is made: a trip of a million stops is never held as text.
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    match a.format {
        RouteFormat::Table => route_table(&routes, a.units, a.every_point, &mut out)?,
        RouteFormat::Json => route_json(&routes, a.units, &mut out)?,
        // The same CSV as `export -o legs.csv`.
        RouteFormat::Csv => export::write_csv(&routes, a.units, CsvText::Guarded, &mut out)?,
    }
    out.flush()?;
    Ok(Exit::Success)
}

/// Table rows printed per section of a long trip (see [`table_section`]).
const ROUTE_SECTION: usize = 1024;

fn route_table(
    routes: &[Route],
    u: Units,
    every_point: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let unit = u.label();
    for r in routes {
        if r.places {
            places_table(r, out)?;
            continue;
        }
        writeln!(
            out,
            "{} ({} stops; straight-line geodesic distances, WGS84)",
            report::visible(&r.name),
            r.stops.len()
        )?;
        if r.legs.is_empty() {
            writeln!(
                out,
                "  one stop, no legs: {} ({:.5}, {:.5})",
                report::visible(&r.stops[0].label),
                r.stops[0].lat,
                r.stops[0].lon
            )?;
        }
        let mut rows = vec![
            [
                "#",
                "from",
                "to",
                &format!("distance {unit}"),
                &format!("cumulative {unit}"),
                "bearing",
                "mode",
            ]
            .map(String::from)
            .to_vec(),
        ];
        let mut widths = Vec::new();
        let mut cum = 0.0;
        // A track's vertices have no names: the table numbers them.
        let name = |k: usize| match r.stops[k].label.as_str() {
            "" => format!("point {}", k + 1),
            label => label.to_string(),
        };
        let spans = table_spans(r, every_point);
        let count = spans.len();
        for (i, legs) in spans.into_iter().enumerate() {
            let (first, last) = (&legs[0], &legs[legs.len() - 1]);
            let metres: f64 = legs.iter().map(|l| l.metres).sum();
            cum += metres;
            let to = match legs.len() {
                1 => name(last.to),
                n => format!("{} (via {} points)", name(last.to), n - 1),
            };
            // A folded row has no one bearing; its mode is the legs' one mode, if they share it.
            let bearing = match legs.len() {
                1 => format!("{:.1}°", first.bearing_deg),
                _ => "–".to_string(),
            };
            let mode = match legs.iter().all(|l| l.mode == first.mode) {
                true => first.mode.as_str(),
                false => "mixed",
            };
            rows.push(vec![
                (i + 1).to_string(),
                name(first.from),
                to,
                format!("{:.3}", u.from_metres(metres)),
                format!("{:.3}", u.from_metres(cum)),
                bearing,
                mode.to_string(),
            ]);
            if rows.len() >= ROUTE_SECTION || i + 1 == count {
                for line in table_section(&rows, &[0, 3, 4, 5], &mut widths).lines() {
                    writeln!(out, "  {line}")?;
                }
                rows.clear();
            }
        }
        writeln!(out, "  total {:.3} {unit}\n", u.from_metres(r.metres()))?;
    }
    Ok(())
}

/// A group of places (GPS waypoints): where each is, with no legs between them.
fn places_table(r: &Route, out: &mut dyn Write) -> io::Result<()> {
    let count = match r.stops.len() {
        1 => "1 place".to_string(),
        n => format!("{n} places"),
    };
    writeln!(
        out,
        "{} ({count}; no journey between them, so no legs)",
        report::visible(&r.name)
    )?;
    let mut rows = vec![
        ["#", "place", "lat", "lon", "date"]
            .map(String::from)
            .to_vec(),
    ];
    for (i, s) in r.stops.iter().enumerate() {
        rows.push(vec![
            (i + 1).to_string(),
            s.label.clone(),
            format!("{:.5}", s.lat),
            format!("{:.5}", s.lon),
            s.date.map(|d| d.to_string()).unwrap_or_default(),
        ]);
    }
    for line in table_section(&rows, &[0, 2, 3], &mut Vec::new()).lines() {
        writeln!(out, "  {}", line.trim_end())?;
    }
    writeln!(out)
}

/// The legs of a route as the table's rows: one leg a row, or (unless `every_point`) the legs
/// through a track's unnamed points folded into one row that ends at the next stop with a
/// marker (a named stop, or the route's last). The last leg ends at the last stop, so every
/// leg is in a row.
fn table_spans(r: &Route, every_point: bool) -> Vec<&[route::Leg]> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, l) in r.legs.iter().enumerate() {
        if every_point || r.has_marker(l.to) {
            spans.push(&r.legs[start..=i]);
            start = i + 1;
        }
    }
    spans
}

/// The routes as pretty JSON, written a leg and a stop at a time (keys in the order
/// `serde_json` sorts them, as the whole document would be).
fn route_json(routes: &[Route], u: Units, out: &mut dyn Write) -> io::Result<()> {
    // Items of an array: opened, separated and closed with the indentation of their level.
    fn items<T>(
        out: &mut dyn Write,
        key: &str,
        list: impl ExactSizeIterator<Item = T>,
        indent: usize,
        mut item: impl FnMut(T) -> serde_json::Value,
    ) -> io::Result<()> {
        let pad = " ".repeat(indent);
        if list.len() == 0 {
            return write!(out, "{pad}\"{key}\": []");
        }
        writeln!(out, "{pad}\"{key}\": [")?;
        for (i, x) in list.enumerate() {
            if i > 0 {
                out.write_all(b",\n")?;
            }
            let mut text = String::new();
            report::indented(&mut text, &item(x), indent + 2);
            out.write_all(text.as_bytes())?;
        }
        write!(out, "\n{pad}]")
    }
    let field = |out: &mut dyn Write, key: &str, v: serde_json::Value| {
        write!(out, ",\n      \"{key}\": {v}")
    };
    if routes.is_empty() {
        return out.write_all(b"{\n  \"trips\": []\n}\n");
    }
    out.write_all(b"{\n  \"trips\": [\n")?;
    for (t, r) in routes.iter().enumerate() {
        out.write_all(if t == 0 { b"    {\n" } else { b",\n    {\n" })?;
        let mut cum = 0.0;
        items(out, "legs", r.legs.iter(), 6, |l| {
            cum += l.metres;
            report::to_json(&LegRecord::new(r, l, cum, u))
        })?;
        field(out, "name", report::to_json(&r.name))?;
        field(out, "path", report::to_json("geodesic"))?;
        if r.places {
            field(out, "places", report::to_json(&true))?;
        }
        out.write_all(b",\n")?;
        items(out, "stops", r.stops.iter(), 6, |s| {
            report::to_json(&StopRecord::new(s))
        })?;
        field(
            out,
            "total",
            report::to_json(&micro(u.from_metres(r.metres()))),
        )?;
        field(out, "total_m", report::to_json(&mm(r.metres())))?;
        field(out, "units", report::to_json(u.label()))?;
        out.write_all(b"\n    }")?;
    }
    out.write_all(b"\n  ]\n}\n")
}

pub fn export(a: ExportArgs) -> Outcome {
    // Formats first: a bad name or extension fails before any work.
    let forced = a.format;
    let mut targets: Vec<(PathBuf, Format)> = Vec::new();
    for o in &a.output {
        let f = match forced {
            Some(f) => {
                if let Ok(by_name) = Format::from_path(o)
                    && by_name != f
                {
                    report::warning(
                        &format!(
                            "writing {} into `{}`, whose name says {}",
                            f.extension(),
                            o.display(),
                            by_name.extension()
                        ),
                        None,
                    );
                }
                f
            }
            None if o.as_os_str() == "-" => Format::GeoJson,
            None => Format::from_path(o)?,
        };
        targets.push((o.clone(), f));
    }
    let mut sets = load(&a.trips)?;
    // Every destination is checked before anything is written, and all are renamed into
    // place together at the end.
    let mut plan = OutputPlan::new(inputs_of(&a.trips, &sets));
    let stems: Vec<String> = sets.iter().map(|s| s.stem.clone()).collect();
    let default = forced.unwrap_or(Format::GeoJson);
    // With --layers a GeoJSON output is two files, `x.legs.geojson` and `x.stops.geojson`.
    let mut pieces: Vec<(PathBuf, Piece)> = Vec::new();
    for (path, f) in targets {
        if a.layers && f == Format::GeoJson {
            if path.as_os_str() == "-" {
                return Err(Error::invalid(
                    InvalidKind::Output,
                    "--layers writes two GeoJSON files, not one to standard output".to_string(),
                    Some("name the output, e.g. -o trip.geojson".into()),
                )
                .into());
            }
            for (layer, name) in [(Layer::Legs, "legs"), (Layer::Stops, "stops")] {
                pieces.push((
                    path.with_extension(format!("{name}.geojson")),
                    Piece::Layer(layer),
                ));
            }
        } else {
            pieces.push((path, Piece::Export(f)));
        }
    }
    let defaults: Vec<(&str, Piece)> = if a.layers && default == Format::GeoJson {
        vec![
            ("legs.geojson", Piece::Layer(Layer::Legs)),
            ("stops.geojson", Piece::Layer(Layer::Stops)),
        ]
    } else {
        vec![(default.extension(), Piece::Export(default))]
    };
    plan.plan(&stems, &pieces, &defaults, &a.out_dir)?;
    let csvs: Vec<(usize, PathBuf)> = plan
        .items()
        .iter()
        // A sidecar only beside a regular file (or one about to be made): never beside
        // `/dev/null` or `/dev/stdout`.
        .filter(|p| {
            p.format == Piece::Export(Format::Csv)
                && p.path.as_os_str() != "-"
                && std::fs::metadata(&p.path).map_or(true, |m| m.is_file())
        })
        .map(|p| (p.input, p.path.with_extension("csvt")))
        .collect();
    for (input, sidecar) in csvs {
        plan.add(input, sidecar, Piece::Csvt)?;
    }
    let routes: Vec<Vec<Route>> = sets
        .iter_mut()
        .map(|set| {
            std::mem::take(&mut set.resolved.trips)
                .into_iter()
                .map(route::from_trip)
                .collect()
        })
        .collect();
    for p in plan.items().to_vec() {
        let title = sets[p.input].resolved.title.as_deref();
        let format = match p.format {
            Piece::Export(f) => f,
            Piece::Csvt => {
                plan.write(p.at, |w| {
                    w.write_all(export::CSVT.as_bytes())
                        .map_err(|e| Error::Write {
                            path: p.path.display().to_string(),
                            source: e,
                        })
                })?;
                continue;
            }
            Piece::Layer(layer) => {
                plan.write(p.at, |w| {
                    export::write_geojson_layer(&routes[p.input], title, layer, w)
                })?;
                continue;
            }
        };
        for message in export::omissions(format, &routes[p.input], &p.path.display().to_string()) {
            report::warning(&message, None);
        }
        plan.write(p.at, |w| {
            export::write(
                format,
                &routes[p.input],
                title,
                a.units,
                if a.raw_csv {
                    CsvText::Raw
                } else {
                    CsvText::Guarded
                },
                w,
            )
        })?;
    }
    wrote(plan.commit()?.iter());
    Ok(Exit::Success)
}

/// One file `export` writes: a format, the `.csvt` sidecar of a CSV, or one GeoJSON layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Export(Format),
    Csvt,
    Layer(Layer),
}

/// The format of an output: `--format` when given, else the extension; `-` (standard output)
/// is a PNG unless `--format` says otherwise.
fn image_format(path: &Path, format: Option<ImageFormat>) -> Result<ImageFormat, Error> {
    if let Some(f) = format {
        return Ok(f);
    }
    if path.as_os_str() == "-" {
        return Ok(ImageFormat::Png);
    }
    ImageFormat::from_path(path).ok_or_else(|| {
        Error::invalid(
            InvalidKind::Setting,
            format!("unknown map format for `{}`", path.display()),
            Some("name the output *.png, *.svg or *.pdf, or give --format".into()),
        )
    })
}

/// The smallest side of a `--bbox`, degrees (about a metre): a smaller box collapses the map.
const MIN_BBOX_DEGREES: f64 = 1e-5;

fn parse_bbox(text: &str) -> Result<BoundingBox, Error> {
    let v: Vec<f64> = text
        .split(',')
        .map(|p| p.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| {
            Error::invalid(
                InvalidKind::Setting,
                format!("invalid bbox `{text}`"),
                Some("write --bbox W,S,E,N in degrees, e.g. 100,35,140,56".into()),
            )
        })?;
    match v.as_slice() {
        [west, south, east, north] => {
            // East may be less than west across the antimeridian (170,-20,-170,20).
            let wide = if east >= west {
                east - west
            } else {
                east + 360.0 - west
            };
            let tall = (north - south).abs();
            // (A side of nought has its own message, from the box's own checks.)
            let tiny = |d: f64| d > 0.0 && d < MIN_BBOX_DEGREES;
            if tiny(wide) || tiny(tall) {
                return Err(Error::invalid(
                    InvalidKind::Setting,
                    format!("bbox `{text}` is too small to draw"),
                    Some(format!(
                        "give each side at least {MIN_BBOX_DEGREES}° (about a metre), e.g. \
                         --bbox {west},{south},{},{}",
                        west + 0.01,
                        south + 0.01
                    )),
                ));
            }
            Ok(BoundingBox {
                west: *west,
                south: *south,
                east: *east,
                north: *north,
            })
        }
        _ => Err(Error::invalid(
            InvalidKind::Setting,
            format!("bbox `{text}` needs four numbers"),
            Some("write --bbox W,S,E,N".into()),
        )),
    }
}

pub fn render(a: RenderArgs) -> Outcome {
    // Check every flag before any work, so bad input fails fast and writes nothing.
    let options = MapOptions {
        width: a.width,
        height: a.height,
        title: a.title.clone(),
        subtitle: a.subtitle.clone(),
        theme: a.theme,
        legend: !a.no_legend,
        labels: a.labels,
        projection: a.projection.parse::<ProjectionChoice>()?,
        bbox: a.bbox.as_deref().map(parse_bbox).transpose()?,
        heading: true,
        units: a.units,
        inset: a.inset,
        label_lang: a.label_lang,
    };
    let formats: Vec<ImageFormat> = a
        .output
        .iter()
        .map(|o| image_format(o, a.format))
        .collect::<Result<_, _>>()?;
    let sets = load(&a.trips)?;
    // Every destination is checked before any map is drawn, and all are renamed into place
    // together at the end. `None` is the GeoJSON of --geojson.
    let mut plan = OutputPlan::new(inputs_of(&a.trips, &sets));
    let explicit: Vec<(PathBuf, Option<ImageFormat>)> = a
        .output
        .iter()
        .cloned()
        .zip(formats.iter().map(|f| Some(*f)))
        .collect();
    let stems: Vec<String> = sets.iter().map(|s| s.stem.clone()).collect();
    plan.plan(
        &stems,
        &explicit,
        &[
            ("png", Some(ImageFormat::Png)),
            ("svg", Some(ImageFormat::Svg)),
        ],
        &a.out_dir,
    )?;
    if a.geojson {
        for (i, stem) in stems.iter().enumerate() {
            plan.add_in(i, &a.out_dir, &format!("{stem}.geojson"), None)?;
        }
    }
    for (i, set) in sets.iter().enumerate() {
        let routes: Vec<Route> = set.resolved.trips.iter().map(route::build).collect();
        let scene = scene::build(&routes, set.resolved.title.as_deref(), &options)?;
        for w in &scene.warnings {
            report::warning(w, None);
        }
        for p in plan.of(i) {
            // The GeoJSON streams into its destination, as `export` writes it; maps are
            // encoded whole first.
            let Some(format) = p.format else {
                plan.write(p.at, |w| {
                    export::write_geojson(&routes, set.resolved.title.as_deref(), w)
                })?;
                continue;
            };
            let bytes = format.encode(&scene)?;
            plan.write(p.at, |w| {
                w.write_all(&bytes).map_err(|e| Error::Write {
                    path: p.path.display().to_string(),
                    source: e,
                })
            })?;
        }
    }
    wrote(plan.commit()?.iter());
    Ok(Exit::Success)
}

/// The command's inputs (trip files, the user gazetteer), which no output may be.
fn inputs_of(args: &TripArgs, sets: &[Loaded]) -> Outputs {
    let mut out = Outputs::new();
    for p in sets.iter().filter_map(|s| s.path.as_ref()) {
        out.input(p);
    }
    if let Some(g) = &args.gazetteer {
        out.input(g);
    }
    out
}

/// Tells which files were written (standard output goes unmentioned).
fn wrote<'a>(targets: impl Iterator<Item = &'a PathBuf>) {
    for t in targets.filter(|t| t.as_os_str() != "-") {
        eprintln!("wrote {}", report::visible(&t.display().to_string()));
    }
}

/// Left-aligned text columns, right-aligned numeric ones; widths in terminal columns (Hangul and
/// Han characters take two).
pub(super) fn table(rows: &[Vec<String>], numeric: &[usize]) -> String {
    table_section(rows, numeric, &mut Vec::new())
}

/// One section of a table printed in parts: `widths` holds the widths of the sections before
/// (grown by this one's), so a long table stays aligned as far as its rows so far allow.
pub(super) fn table_section(
    rows: &[Vec<String>],
    numeric: &[usize],
    widths: &mut Vec<usize>,
) -> String {
    // Cells come from inputs: their control characters are shown, not obeyed.
    let rows: Vec<Vec<std::borrow::Cow<'_, str>>> = rows
        .iter()
        .map(|r| r.iter().map(|c| report::visible(c)).collect())
        .collect();
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    if widths.len() < cols {
        widths.resize(cols, 0);
    }
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.width());
        }
    }
    let mut s = String::new();
    for r in rows {
        let mut line = String::new();
        for (c, cell) in r.iter().enumerate() {
            let pad = widths[c] - cell.width();
            if c > 0 {
                line.push_str("  ");
            }
            if numeric.contains(&c) {
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            }
        }
        s.push_str(line.trim_end());
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_name_first_and_last_stop() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            slug(&names(&["Khasan", "Ussuriysk", "Ulan-Ude"])),
            "khasan-ulan-ude"
        );
        assert_eq!(slug(&names(&["Улан-Удэ"])), "улан-удэ");
        assert_eq!(slug(&names(&["--"])), "trip");
    }

    #[test]
    fn tables_align_by_characters() {
        let rows = vec![
            vec!["a".to_string(), "1".into()],
            vec!["Хасан".into(), "10".into()],
        ];
        assert_eq!(table(&rows, &[1]), "a       1\nХасан  10\n");
    }
}
