//! `itinera render --size-by COLUMN`: each input is a places CSV (a row per place, with a
//! numeric column), drawn as proportional symbols in the map formats and as a web page
//! (`-o map.html`).

use std::path::{Path, PathBuf};

use itinera::formats::MapFormat;
use itinera::output::OutputPlan;
use itinera::route::{self, Route};
use itinera::scene::{self, MapOptions, SymbolScale};
use itinera::trip::{self, ResolveOptions};
use itinera::{Error, Gazetteer, InvalidKind, SourceFile, export, render};

use super::run::{Outcome, user_gazetteer, wrote};
use super::{Exit, RenderArgs, report};

/// What one output of a symbols map is.
#[derive(Debug, Clone, Copy)]
enum Out {
    /// A map format of the registry.
    Map(MapFormat),
    /// The web page (`.html`, `.htm`).
    Page,
    /// The places as GeoJSON (`--geojson`).
    GeoJson,
}

/// A places file read and resolved: its stem, its path, the places and their values.
struct Sized {
    stem: String,
    path: Option<PathBuf>,
    route: Route,
    values: Vec<f64>,
    column: String,
}

/// Whether `path` names a web page.
fn is_page(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// The kind of output `-o path` asks for: a web page by its extension, else as `render`.
fn out_of(path: &Path, format: Option<MapFormat>) -> Result<Out, Error> {
    match format {
        Some(f) => Ok(Out::Map(f)),
        None if is_page(path) => Ok(Out::Page),
        None if path.as_os_str() == "-" => Ok(Out::Map(MapFormat::PNG)),
        None => MapFormat::by_path(path).map(Out::Map),
    }
}

/// Reads and resolves each places file, sized by `column`.
fn load_sized(a: &RenderArgs, column: &str) -> Result<Vec<Sized>, Error> {
    let args = &a.trips;
    let opts = ResolveOptions {
        country: args.country.clone(),
        strict: args.strict,
        user: user_gazetteer(args.gazetteer.as_deref())?,
    };
    let mut out = Vec::new();
    for input in &args.inputs {
        let path = PathBuf::from(input);
        if input != "-" && !path.is_file() {
            return Err(Error::invalid(
                InvalidKind::Value,
                format!("`{input}` is not a file"),
                Some("--size-by reads places CSV files (place,lat,lon,<column>...)".into()),
            ));
        }
        let source = SourceFile::read(&path)?;
        let sized = trip::parse_sized_csv(&source, column)?;
        let resolved = trip::resolve(&sized.plan, Gazetteer::bundled(), &opts)?;
        for w in &resolved.warnings {
            report::warning(&w.message, w.location.as_ref());
        }
        let Some(places) = resolved.trips.first() else {
            continue;
        };
        let stem = match input.as_str() {
            "-" => "stdin".to_string(),
            _ => path
                .file_stem()
                .map_or_else(|| "places".into(), |s| s.to_string_lossy().into_owned()),
        };
        out.push(Sized {
            stem,
            path: (input != "-").then_some(path),
            route: route::build(places),
            values: sized.values,
            column: sized.column,
        });
    }
    Ok(out)
}

/// `render --size-by`: each places file drawn as proportional symbols.
pub fn render_sized(a: &RenderArgs, options: MapOptions, column: &str) -> Outcome {
    let kinds: Vec<Out> = a
        .output
        .iter()
        .map(|o| out_of(o, a.format))
        .collect::<Result<_, _>>()?;
    let sets = load_sized(a, column)?;
    let mut inputs = itinera::output::Outputs::new();
    for p in sets.iter().filter_map(|s| s.path.as_ref()) {
        inputs.input(p);
    }
    if let Some(g) = &a.trips.gazetteer {
        inputs.input(g);
    }
    let mut plan = OutputPlan::new(inputs);
    let explicit: Vec<(PathBuf, Out)> = a.output.iter().cloned().zip(kinds).collect();
    let stems: Vec<String> = sets.iter().map(|s| s.stem.clone()).collect();
    let defaults = [
        ("png", Out::Map(MapFormat::PNG)),
        ("svg", Out::Map(MapFormat::SVG)),
    ];
    plan.plan(&stems, &explicit, &defaults, &a.out_dir)?;
    if a.geojson {
        for (i, stem) in stems.iter().enumerate() {
            plan.add_in(i, &a.out_dir, &format!("{stem}.geojson"), Out::GeoJson)?;
        }
    }
    let scale = match a.flannery {
        true => SymbolScale::Flannery,
        false => SymbolScale::Area,
    };
    for (i, set) in sets.iter().enumerate() {
        let build = |o: &MapOptions| {
            scene::build_sized(&set.route, &set.values, &set.column, None, o, scale)
        };
        let scene = build(&options)?;
        for w in &scene.warnings {
            report::warning(w, None);
        }
        for p in plan.of(i) {
            let bytes = match p.format {
                Out::Map(format) => format.encode(&scene)?,
                Out::Page => render::sized_page(&build, &options, &set.column)?,
                Out::GeoJson => {
                    let routes = std::slice::from_ref(&set.route);
                    plan.write(p.at, |w| export::write_geojson(routes, None, w))?;
                    continue;
                }
            };
            plan.write_bytes(p.at, &bytes)?;
        }
    }
    wrote(plan.commit()?.iter());
    Ok(Exit::Success)
}
