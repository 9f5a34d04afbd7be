//! The functions that write files: `render` (maps, every map option of the command line) and
//! `export` (the registry's export formats), both atomic, and `formats` (the registry).

use std::path::PathBuf;

use itinera::export::CsvText;
use itinera::formats::{ExportFormat, ExportOptions, InputFormat, MapFormat};
use itinera::scene::{self, MapOptions};
use itinera::{Error, output};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::{TripArg, bad_input, guarded, py_err};

/// A map option given from Python as text for [`MapOptions::set`]: strings as they are,
/// booleans as `true`/`false`, numbers as Python prints them, a `bbox` sequence of four
/// numbers as `W,S,E,N`.
fn option_text(name: &str, value: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(text) = value.extract::<String>() {
        return Ok(text);
    }
    if let Ok(b) = value.extract::<bool>() {
        return Ok(b.to_string());
    }
    if let Ok(n) = value.extract::<i64>() {
        return Ok(n.to_string());
    }
    if name == "bbox"
        && let Ok(v) = value.extract::<Vec<f64>>()
    {
        let parts: Vec<String> = v.iter().map(f64::to_string).collect();
        return Ok(parts.join(","));
    }
    Err(bad_input(format!(
        "map option `{name}` takes text, a number or a boolean, not {}",
        value.get_type().name()?
    )))
}

/// Draws the map of a trip into `path` (.png, .svg or .pdf, or `format`), written atomically.
/// Every map option of `itinera render` is a keyword, with the same names and values
/// (`itinera.MAP_OPTIONS` lists them), parsed and checked by the library as the command line's
/// are: the same trip and options give the same bytes.
#[pyfunction]
#[pyo3(signature = (trip, path, *, country=None, format=None, **options))]
pub(crate) fn render<'py>(
    py: Python<'py>,
    trip: &Bound<'py, PyAny>,
    path: PathBuf,
    country: Option<String>,
    format: Option<String>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
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
    let format = match format {
        Some(f) => f.parse::<MapFormat>().map_err(|e| py_err(py, &e))?,
        None => MapFormat::from_path(&path).ok_or_else(|| {
            bad_input(format!(
                "unknown map format for `{}`: use {}",
                path.display(),
                MapFormat::extension_list()
            ))
        })?,
    };
    let (routes, file_title) = super::routes(py, TripArg::from_py(trip)?, country, false)?;
    py.detach(|| {
        guarded("drawing the map", || -> Result<(), Error> {
            let scene = scene::build(&routes, file_title.as_deref(), &map)?;
            let bytes = format.encode(&scene)?;
            output::write_atomic(&path, |w| {
                w.write_all(&bytes).map_err(|e| Error::Write {
                    path: path.display().to_string(),
                    source: e,
                })
            })
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
    let (routes, title) = super::routes(py, TripArg::from_py(trip)?, country, false)?;
    let omitted = format.leaves_out(&routes, &path.display().to_string());
    if !omitted.is_empty() {
        let warnings = py.import("warnings")?;
        for message in omitted {
            warnings.call_method1("warn", (message,))?;
        }
    }
    let mut options = ExportOptions::titled(title.as_deref());
    options.units = u;
    options.csv_text = if raw_csv {
        CsvText::Raw
    } else {
        CsvText::Guarded
    };
    py.detach(|| {
        guarded("writing the export", || {
            output::write_atomic(&path, |w| format.write(&routes, &options, w))
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
