//! The functions that write files: `render` (maps, every map option of the command line) and
//! `export` (the registry's export formats), both atomic, and `formats` (the registry).

use std::path::{Path, PathBuf};

use itinera::Error;
use itinera::export::CsvText;
use itinera::formats::{ExportFormat, ExportOptions, InputFormat, MapFormat};
use itinera::output::{Destined, Outputs};
use itinera::scene::{self, MapOptions};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyTuple};

use super::symbols::{SizedRequest, render_sized};
use super::{TripArg, bad_input, guarded, py_err};

/// A map option given from Python as text for [`MapOptions::set`], as the command line would
/// take it: strings as they are, booleans as `true`/`false`, numbers as Python writes them
/// (`800`, `1.5`: the library says what a number cannot be), a `bbox` sequence of four
/// numbers as `W,S,E,N`.
fn option_text(name: &str, value: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(text) = value.extract::<String>() {
        return Ok(text);
    }
    if value.is_instance_of::<PyBool>() {
        return Ok(value.extract::<bool>()?.to_string());
    }
    if value.is_instance_of::<PyInt>() || value.is_instance_of::<PyFloat>() {
        return Ok(value.str()?.to_string());
    }
    if name == "bbox" && (value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>()) {
        let mut parts = Vec::new();
        for item in value.try_iter()? {
            let item = item?;
            let number = !item.is_instance_of::<PyBool>()
                && (item.is_instance_of::<PyInt>() || item.is_instance_of::<PyFloat>());
            if !number {
                return Err(bad_input(format!(
                    "bbox item `{}` is not a number: give bbox as four numbers W, S, E, N \
                     or as \"W,S,E,N\"",
                    item.repr()?
                )));
            }
            parts.push(item.str()?.to_string());
        }
        return Ok(parts.join(","));
    }
    Err(bad_input(format!(
        "map option `{name}` takes text, a number or a boolean, not {}",
        value.get_type().name()?
    )))
}

/// The destinations of a call: `paths` checked before any work against each other and the
/// trip file, which is never overwritten (as on the command line).
pub(crate) fn destinations(
    trip: &TripArg,
    paths: &[&Path],
) -> Result<(Outputs, Vec<Destined>), Error> {
    let mut out = Outputs::new();
    if let TripArg::File(input) = trip {
        out.input(input);
    }
    let at = paths
        .iter()
        .map(|p| out.add(p))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((out, at))
}

/// Draws the map of a trip into `path` (.png, .svg or .pdf, or `format`), written atomically.
/// Every map option of `itinera render` is a keyword, with the same names and values
/// (`itinera.MAP_OPTIONS` lists them), parsed and checked by the library as the command line's
/// are: the same trip and options give the same bytes. With `size_by`, `trip` is a places CSV
/// drawn as proportional symbols (`flannery` for Flannery's scale), as `--size-by` draws it.
#[pyfunction]
#[pyo3(
    signature = (trip, path, *, country=None, format=None, size_by=None, flannery=false, **options),
    text_signature = "(trip, path, *, country=None, format=None, size_by=None, flannery=False, width=1600, height=1000, title=None, subtitle=None, theme='light', legend=True, labels='all', projection='auto', bbox=None, units='km', inset='auto', label_lang=None)"
)]
// One argument per Python keyword: pyo3 reads them so.
#[allow(clippy::too_many_arguments)]
pub(crate) fn render<'py>(
    py: Python<'py>,
    trip: &Bound<'py, PyAny>,
    path: PathBuf,
    country: Option<String>,
    format: Option<String>,
    size_by: Option<String>,
    flannery: bool,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    if flannery && size_by.is_none() {
        return Err(bad_input(
            "flannery=True needs size_by: Flannery's scale sizes proportional symbols",
        ));
    }
    let mut map = MapOptions::default();
    for (key, value) in options.into_iter().flatten() {
        let name: String = key.extract()?;
        // An unknown keyword is a TypeError, as for any Python function.
        if !scene::MAP_OPTIONS.iter().any(|(n, _)| *n == name) {
            return Err(PyTypeError::new_err(format!(
                "render() got an unexpected keyword argument '{name}'"
            )));
        }
        if value.is_none() {
            continue;
        }
        map.set(&name, &option_text(&name, &value)?)
            .map_err(|e| py_err(py, &e))?;
    }
    map.validate().map_err(|e| py_err(py, &e))?;
    if let Some(column) = size_by {
        let format = format
            .map(|f| f.parse::<MapFormat>())
            .transpose()
            .map_err(|e| py_err(py, &e))?;
        let req = SizedRequest {
            column,
            flannery,
            country,
            format,
        };
        return render_sized(py, TripArg::from_py(trip)?, path, req, map);
    }
    let format = match format {
        Some(f) => f.parse::<MapFormat>().map_err(|e| py_err(py, &e))?,
        None => MapFormat::by_path(&path).map_err(|e| py_err(py, &e))?,
    };
    let trip = TripArg::from_py(trip)?;
    let (mut out, at) = destinations(&trip, &[&path]).map_err(|e| py_err(py, &e))?;
    let (routes, file_title) = super::routes(py, trip, country, false)?;
    py.detach(|| {
        guarded("drawing the map", || -> Result<(), Error> {
            let scene = scene::build(&routes, file_title.as_deref(), &map)?;
            out.write_bytes(at[0], &format.encode(&scene)?)?;
            out.commit()
        })
    })?
    .map_err(|e| py_err(py, &e))
}

/// Writes a trip in an export format (by the extension of `path`, or `format`), atomically.
#[pyfunction]
#[pyo3(signature = (trip, path, *, units="km", country=None, format=None, raw_csv=false))]
pub(crate) fn export<'py>(
    py: Python<'py>,
    trip: &Bound<'py, PyAny>,
    path: PathBuf,
    units: &str,
    country: Option<String>,
    format: Option<String>,
    raw_csv: bool,
) -> PyResult<()> {
    let u = super::units(units)?;
    let format = match format {
        Some(f) => f.parse::<ExportFormat>(),
        None => ExportFormat::by_path(&path),
    }
    .map_err(|e| py_err(py, &e))?;
    let trip = TripArg::from_py(trip)?;
    // The sidecar of a format that has one (a CSV's `.csvt`), beside a regular file, as the
    // command line writes it.
    let sidecar = format.sidecar_beside(&path);
    let mut paths: Vec<&Path> = vec![&path];
    paths.extend(sidecar.as_ref().map(|(p, _)| p.as_path()));
    let (mut out, at) = destinations(&trip, &paths).map_err(|e| py_err(py, &e))?;
    let (routes, title) = super::routes(py, trip, country, false)?;
    let omitted = format.leaves_out(&routes, &path.display().to_string());
    super::warn_texts(py, omitted)?;
    let mut options = ExportOptions::titled(title.as_deref());
    options.units = u;
    options.csv_text = if raw_csv {
        CsvText::Raw
    } else {
        CsvText::Guarded
    };
    py.detach(|| {
        guarded("writing the export", || -> Result<(), Error> {
            out.write(at[0], |w| format.write(&routes, &options, w))?;
            if let (Some((side_path, side)), Some(&at)) = (&sidecar, at.get(1)) {
                out.write(at, |w| side.write(side_path, w))?;
            }
            out.commit()
        })
    })?
    .map_err(|e| py_err(py, &e))
}

/// The registry's formats as `{"inputs": [...], "exports": [...], "maps": [...]}`, each
/// `{"name", "extensions", "about"}`.
#[pyfunction]
pub(crate) fn formats_list(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let out = PyDict::new(py);
    let describe = |name: &str, exts: &[&str], about: &str| -> PyResult<Bound<'_, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("name", name)?;
        d.set_item("extensions", exts.to_vec())?;
        d.set_item("about", about)?;
        Ok(d)
    };
    let inputs: Vec<_> = InputFormat::all()
        .iter()
        .map(|f| describe(f.name(), f.extensions(), f.about()))
        .collect::<PyResult<_>>()?;
    let exports: Vec<_> = ExportFormat::all()
        .iter()
        .map(|f| describe(f.name(), f.extensions(), f.about()))
        .collect::<PyResult<_>>()?;
    let maps: Vec<_> = MapFormat::all()
        .iter()
        .map(|f| describe(f.name(), f.extensions(), f.about()))
        .collect::<PyResult<_>>()?;
    out.set_item("inputs", inputs)?;
    out.set_item("exports", exports)?;
    out.set_item("maps", maps)?;
    Ok(out)
}
