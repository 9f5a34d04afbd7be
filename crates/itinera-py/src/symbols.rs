//! `render(..., size_by=COLUMN)`: a places CSV (a row per place, with a numeric column) drawn
//! as proportional symbols, as `itinera render PLACES.csv --size-by COLUMN` draws it: the same
//! library steps (`trip::parse_sized_csv`, `scene::build_sized`) and so the same bytes.

use std::path::{Path, PathBuf};

use itinera::formats::MapFormat;
use itinera::scene::{self, MapOptions, SymbolScale};
use itinera::trip::{self, ResolveOptions};
use itinera::{Error, Gazetteer, SourceFile, render, route};
use pyo3::prelude::*;

use super::{TripArg, bad_input, guarded, py_err, warn_all};

/// What `render` writes for a places map: a map format, or the web page (`.html`, `.htm`,
/// when no `format` is given), as the command line chooses.
#[derive(Debug, Clone, Copy)]
enum Out {
    Map(MapFormat),
    Page,
}

fn out_of(path: &Path, format: Option<MapFormat>) -> Result<Out, Error> {
    let page = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    match format {
        Some(f) => Ok(Out::Map(f)),
        None if page => Ok(Out::Page),
        None => MapFormat::by_path(path).map(Out::Map),
    }
}

/// A request for a places map: the file, the column its symbols are sized by, the scale.
pub(crate) struct SizedRequest {
    pub(crate) column: String,
    pub(crate) flannery: bool,
    pub(crate) country: Option<String>,
    pub(crate) format: Option<MapFormat>,
}

/// Draws the places CSV `trip` sized by `req.column` into `path`, written atomically; checks
/// everything (the input is a file, the output's format, the destination) before any work.
pub(crate) fn render_sized(
    py: Python<'_>,
    trip: TripArg,
    path: PathBuf,
    req: SizedRequest,
    map: MapOptions,
) -> PyResult<()> {
    let input = match trip {
        TripArg::File(p) => p,
        TripArg::Names(_) => {
            return Err(bad_input(
                "size_by reads a places CSV file (place, or name with lat and lon, and the \
                 column to size by), not a list of place names",
            ));
        }
    };
    if !input.is_file() {
        return Err(bad_input(format!(
            "`{}` is not a file: size_by reads a places CSV file (place,lat,lon,<column>...)",
            input.display()
        )));
    }
    let kind = out_of(&path, req.format).map_err(|e| py_err(py, &e))?;
    let (mut out, at) = super::files::destinations(&TripArg::File(input.clone()), &[&path])
        .map_err(|e| py_err(py, &e))?;
    let loaded = py.detach(|| {
        guarded("reading the places", || -> Result<_, Error> {
            let source = SourceFile::read(&input)?;
            let sized = trip::parse_sized_csv(&source, &req.column)?;
            let options = ResolveOptions {
                country: req.country.clone(),
                ..ResolveOptions::default()
            };
            let resolved = trip::resolve(&sized.plan, Gazetteer::bundled(), &options)?;
            Ok((sized, resolved))
        })
    })?;
    let (sized, resolved) = loaded.map_err(|e| py_err(py, &e))?;
    warn_all(py, &resolved.warnings)?;
    let Some(places) = resolved.trips.first() else {
        return Err(bad_input(format!(
            "`{}` has no places to map",
            input.display()
        )));
    };
    let scale = match req.flannery {
        true => SymbolScale::Flannery,
        false => SymbolScale::Area,
    };
    let drawn = py.detach(|| {
        guarded("drawing the map", || -> Result<_, Error> {
            let places = route::build(places);
            let build = |o: &MapOptions| {
                scene::build_sized(&places, &sized.values, &sized.column, None, o, scale)
            };
            let scene = build(&map)?;
            let bytes = match kind {
                Out::Map(format) => format.encode(&scene)?,
                Out::Page => render::sized_page(&build, &map, &sized.column)?,
            };
            Ok((scene.warnings, bytes))
        })
    })?;
    let (warnings, bytes) = drawn.map_err(|e| py_err(py, &e))?;
    super::warn_texts(py, warnings)?;
    py.detach(|| {
        guarded("writing the map", || -> Result<(), Error> {
            out.write_bytes(at[0], &bytes)?;
            out.commit()
        })
    })?
    .map_err(|e| py_err(py, &e))
}
