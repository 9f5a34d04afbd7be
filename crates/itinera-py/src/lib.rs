//! The Python extension module `itinera._itinera`: the library's steps for Python callers,
//! with results as the command line's JSON records (`itinera::records`) turned into dicts and
//! lists, errors as Python exceptions (never a panic across the boundary), and the GIL released
//! while Rust works. The public API, its documentation and types are in
//! `python/itinera/__init__.py` and `__init__.pyi`.

use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use itinera::formats::{self, InputFormat};
use itinera::gazetteer::{Geocoded, LookupOptions};
use itinera::geoparse::{Extraction, Geoparser, to_char_offsets};
use itinera::records::{ExtractionRecord, PlacesRecord, PointRecord, RouteRecord, UnknownRecord};
use itinera::scene;
use itinera::trip::{self, ResolveOptions};
use itinera::{Error, Gazetteer, Route, SourceFile, TripPlan, Units};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use pyo3::{create_exception, intern};
use pyo3_arrow::{PyArray, PyTable};
use pythonize::pythonize;
use rayon::prelude::*;

mod files;
mod symbols;

create_exception!(
    itinera,
    BadInput,
    PyValueError,
    "Input itinera cannot use: a trip file with an error (see `file`, `line`, `column`), an unknown place or country, a bad option."
);
create_exception!(
    itinera,
    ItineraError,
    PyRuntimeError,
    "A failure that is not the input's fault: a file that cannot be written, an internal error."
);

/// The Python exception for a library error: [`BadInput`] with `file`, `line`, `column` and
/// `help` attributes for bad input, [`ItineraError`] otherwise.
fn py_err(py: Python<'_>, e: &Error) -> PyErr {
    let mut message = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        message = format!("{message}: {c}");
        cause = c.source();
    }
    if let Some(at) = e.location() {
        message = format!("{at}: {message}");
    }
    if let Some(help) = e.help() {
        message = format!("{message} (help: {help})");
    }
    if !e.is_bad_input() {
        return ItineraError::new_err(message);
    }
    let err = BadInput::new_err(message);
    let value = err.value(py);
    let at = e.location();
    // Setting attributes on a fresh exception object cannot fail but for memory; the
    // exception stands without them then.
    let _ = value.setattr("file", at.map(|l| l.file().to_string()));
    let _ = value.setattr("line", at.map(|l| l.line));
    let _ = value.setattr("column", at.map(|l| l.column));
    let _ = value.setattr("help", e.help());
    err
}

fn bad_input(message: impl Into<String>) -> PyErr {
    BadInput::new_err(message.into())
}

/// Serialises a record to Python objects.
fn to_py<'py, T: serde::Serialize>(py: Python<'py>, v: &T) -> PyResult<Bound<'py, PyAny>> {
    pythonize(py, v).map_err(|e| ItineraError::new_err(format!("encoding a result: {e}")))
}

/// Names given as one string or as a sequence of strings.
fn names(arg: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    if let Ok(s) = arg.cast::<PyString>() {
        return Ok(vec![s.extract::<String>()?]);
    }
    let wrong = || bad_input("give a place name or a list of place names");
    let items = arg.try_iter().map_err(|_| wrong())?;
    let mut names = Vec::new();
    for item in items {
        let item = item?;
        // A string that is not text (a lone surrogate) raises Python's own UnicodeEncodeError,
        // which names the character; anything else in the list is the wrong type.
        let s = item.cast::<PyString>().map_err(|_| wrong())?;
        names.push(s.extract::<String>()?);
    }
    Ok(names)
}

/// Geocodes each name: the best place as a dict, with `candidates` when `limit` > 1; a
/// coordinate pair as a point; an unknown name as `{"query", "error", "suggestions"}`.
#[pyfunction]
#[pyo3(signature = (names, country=None, limit=1))]
fn geocode<'py>(
    py: Python<'py>,
    names: &Bound<'py, PyAny>,
    country: Option<&str>,
    limit: usize,
) -> PyResult<Bound<'py, PyList>> {
    let names = self::names(names)?;
    let g = Gazetteer::bundled();
    let country = match country {
        None => None,
        Some(c) => Some(
            g.country_code(c)
                .ok_or_else(|| {
                    bad_input(format!(
                        "unknown country `{c}`: use an ISO 3166-1 alpha-2 code such as RU or a country name"
                    ))
                })?
                .to_string(),
        ),
    };
    let opts = LookupOptions { country };
    let answers: Vec<Result<Geocoded, Error>> = py.detach(|| {
        guarded("geocoding", || {
            names.iter().map(|n| g.geocode(n, &opts, None)).collect()
        })
    })?;
    let out = PyList::empty(py);
    for (query, answer) in names.iter().zip(&answers) {
        let item = match answer {
            Ok(Geocoded::Places(found)) => to_py(
                py,
                &PlacesRecord::new(query, found, (limit > 1).then_some(limit)),
            )?,
            Ok(Geocoded::Point { lat, lon, near }) => {
                to_py(py, &PointRecord::new(query, *lat, *lon, near.as_ref()))?
            }
            Err(Error::UnknownPlace { suggestions, .. }) => to_py(
                py,
                &UnknownRecord {
                    query,
                    error: "unknown place",
                    suggestions: Some(suggestions),
                },
            )?,
            Err(e) => return Err(py_err(py, e)),
        };
        out.append(item)?;
    }
    Ok(out)
}

fn units(u: &str) -> PyResult<Units> {
    u.parse::<Units>()
        .map_err(|_| bad_input(format!("unknown units `{u}`: use km, mi or nmi")))
}

/// A trip given as a path (str or os.PathLike) to a trip file, or as a list of place names.
enum TripArg {
    File(PathBuf),
    Names(Vec<String>),
}

impl TripArg {
    fn from_py(arg: &Bound<'_, PyAny>) -> PyResult<TripArg> {
        if let Ok(p) = arg.extract::<PathBuf>() {
            return Ok(TripArg::File(p));
        }
        match arg.extract::<Vec<String>>() {
            Ok(n) if !n.is_empty() => Ok(TripArg::Names(n)),
            _ => Err(bad_input(format!(
                "give a trip file path ({}) or a list of place names",
                InputFormat::extension_list()
            ))),
        }
    }
}

/// The routes of a trip and the file's title; resolution warnings go to Python's `warnings`.
fn routes(
    py: Python<'_>,
    trip: TripArg,
    country: Option<String>,
    strict: bool,
) -> PyResult<(Vec<Route>, Option<String>)> {
    let resolved = py.detach(|| {
        guarded("reading the trip", || -> Result<_, Error> {
            let plan = match &trip {
                TripArg::File(path) => formats::read_trips(&SourceFile::read(path)?)?,
                TripArg::Names(n) => TripPlan::from_names(n),
            };
            let options = ResolveOptions {
                country,
                strict,
                ..ResolveOptions::default()
            };
            trip::resolve(&plan, Gazetteer::bundled(), &options)
        })
    })?;
    let resolved = resolved.map_err(|e| py_err(py, &e))?;
    warn_all(py, &resolved.warnings)?;
    let routes = py.detach(|| {
        guarded("measuring the trip", || {
            resolved.trips.iter().map(itinera::route::build).collect()
        })
    })?;
    Ok((routes, resolved.title))
}

/// Resolution warnings as Python's `warnings`, each at its `file:line:column` when it has one.
fn warn_all(py: Python<'_>, all: &[trip::Warning]) -> PyResult<()> {
    warn_texts(
        py,
        all.iter().map(|w| match &w.location {
            Some(at) => format!("{at}: {}", w.message),
            None => w.message.clone(),
        }),
    )
}

/// Each text as one of Python's `warnings`.
fn warn_texts(py: Python<'_>, texts: impl IntoIterator<Item = String>) -> PyResult<()> {
    let mut texts = texts.into_iter().peekable();
    if texts.peek().is_none() {
        return Ok(());
    }
    let warnings = py.import("warnings")?;
    for text in texts {
        warnings.call_method1("warn", (text,))?;
    }
    Ok(())
}

/// Measures a trip: `{"trips": [{"name", "legs", "stops", "total", "total_m", "units",
/// "path"}]}`, as `itinera route --format json` prints it.
#[pyfunction]
#[pyo3(signature = (trip, units="km", country=None, strict=false))]
fn route<'py>(
    py: Python<'py>,
    trip: &Bound<'py, PyAny>,
    units: &str,
    country: Option<String>,
    strict: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let u = self::units(units)?;
    let (routes, _) = self::routes(py, TripArg::from_py(trip)?, country, strict)?;
    let records: Vec<RouteRecord<'_>> = routes.iter().map(|r| RouteRecord::new(r, u)).collect();
    let out = PyDict::new(py);
    out.set_item("trips", to_py(py, &records)?)?;
    Ok(out.into_any())
}

thread_local! {
    /// Each thread's geoparser: it caches the readings of the names it has seen.
    static GEOPARSER: RefCell<Geoparser> = RefCell::new(Geoparser::new());
}

/// Mentions and claims of one text, offsets in characters (Python string indices); `None`
/// if the geoparser failed on it (a bug, reported as ItineraError by the caller).
fn extract_one(text: &str) -> Option<Extraction> {
    catch_unwind(AssertUnwindSafe(|| {
        GEOPARSER.with(|g| {
            let mut e = g.borrow_mut().extract(text);
            to_char_offsets(text, &mut e);
            e
        })
    }))
    .ok()
}

/// Runs library work so that a panic (a bug) comes back as [`ItineraError`], never across
/// into Python.
fn guarded<T>(what: &str, work: impl FnOnce() -> T) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(work)).map_err(|_| {
        ItineraError::new_err(format!(
            "internal error while {what}; please report it with the input"
        ))
    })
}

fn internal(doc: usize) -> PyErr {
    ItineraError::new_err(format!(
        "internal error in the geoparser on document {doc}; please report it with the text"
    ))
}

/// Geoparses one text: `{"mentions": [...], "claims": [...]}` as `itinera extract --format
/// json --offsets chars` gives them.
#[pyfunction]
fn extract<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let e = py.detach(|| extract_one(text)).ok_or_else(|| internal(0))?;
    to_py(py, &ExtractionRecord::new(&e))
}

/// A pool of `threads` threads (all cores when `None`), or the global one.
fn run_in<T: Send>(threads: Option<usize>, work: impl FnOnce() -> T + Send) -> PyResult<T> {
    match threads {
        None => Ok(work()),
        Some(n) => {
            // Without the GIL here: the message as `py_err` writes it, without its attributes.
            let n = itinera::geoparse::batch::check_threads(n, "threads").map_err(|e| {
                bad_input(match e.help() {
                    Some(h) => format!("{e} (help: {h})"),
                    None => e.to_string(),
                })
            })?;
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map(|pool| pool.install(work))
                .map_err(|e| ItineraError::new_err(format!("starting {n} threads: {e}")))
        }
    }
}

/// Geoparses many texts on all cores (or `threads`), the GIL released: a list of what
/// [`extract`] gives, in order.
#[pyfunction]
#[pyo3(signature = (texts, threads=None))]
fn extract_batch<'py>(
    py: Python<'py>,
    texts: Vec<String>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    let done: Vec<Option<Extraction>> = py.detach(|| {
        run_in(threads, || {
            texts.par_iter().map(|t| extract_one(t)).collect()
        })
    })?;
    let out = PyList::empty(py);
    for (i, e) in done.iter().enumerate() {
        let e = e.as_ref().ok_or_else(|| internal(i))?;
        out.append(extraction_dict(py, e)?)?;
    }
    Ok(out)
}

/// What [`ExtractionRecord`] serialises to, built directly: a batch of thousands of documents
/// spends a quarter of its time making dicts through serde otherwise. A test checks both agree.
fn extraction_dict<'py>(py: Python<'py>, e: &Extraction) -> PyResult<Bound<'py, PyDict>> {
    let mentions = PyList::empty(py);
    for m in &e.mentions {
        let (lat, lon, score) = itinera::records::rounded(m);
        let d = PyDict::new(py);
        d.set_item(intern!(py, "start"), m.start)?;
        d.set_item(intern!(py, "end"), m.end)?;
        d.set_item(intern!(py, "text"), &m.text)?;
        d.set_item(intern!(py, "name"), &m.name)?;
        d.set_item(intern!(py, "geonameid"), m.geonameid)?;
        d.set_item(intern!(py, "kind"), m.kind.as_str())?;
        d.set_item(intern!(py, "country"), &m.country)?;
        d.set_item(intern!(py, "lat"), lat)?;
        d.set_item(intern!(py, "lon"), lon)?;
        d.set_item(intern!(py, "score"), score)?;
        if m.in_name {
            d.set_item(intern!(py, "in_name"), true)?;
        }
        mentions.append(d)?;
    }
    let out = PyDict::new(py);
    out.set_item(intern!(py, "mentions"), mentions)?;
    out.set_item(intern!(py, "claims"), to_py(py, &e.claims)?)?;
    Ok(out)
}

/// The texts of an Arrow string array (utf8, large_utf8 or utf8_view); nulls as `None`.
fn texts_of(array: &ArrayRef) -> PyResult<Vec<Option<&str>>> {
    if let Some(a) = array.as_string_opt::<i32>() {
        Ok(a.iter().collect())
    } else if let Some(a) = array.as_string_opt::<i64>() {
        Ok(a.iter().collect())
    } else if let Some(a) = array.as_string_view_opt() {
        Ok(a.iter().collect())
    } else {
        Err(bad_input(format!(
            "extract_arrow needs an array of strings, not {}",
            array.data_type()
        )))
    }
}

/// The columns of `extract_arrow`'s table.
fn mention_schema() -> Arc<Schema> {
    let f = |name: &str, t: DataType, nullable: bool| Field::new(name, t, nullable);
    Arc::new(Schema::new(vec![
        f("doc", DataType::Int64, false),
        f("start", DataType::Int64, false),
        f("end", DataType::Int64, false),
        f("text", DataType::Utf8, false),
        f("name", DataType::Utf8, false),
        f("geonameid", DataType::Int64, true),
        f("kind", DataType::Utf8, false),
        f("country", DataType::Utf8, false),
        f("lat", DataType::Float64, false),
        f("lon", DataType::Float64, false),
        f("score", DataType::Float64, false),
        f("in_name", DataType::Boolean, false),
    ]))
}

/// One row per mention of the documents of `done` (row `doc` of the input).
fn mention_batch(done: &[Option<Extraction>]) -> Result<RecordBatch, arrow_schema::ArrowError> {
    let rows: usize = done.iter().flatten().map(|e| e.mentions.len()).sum();
    let mut doc = Int64Builder::with_capacity(rows);
    let mut start = Int64Builder::with_capacity(rows);
    let mut end = Int64Builder::with_capacity(rows);
    let mut text = StringBuilder::new();
    let mut name = StringBuilder::new();
    let mut geonameid = Int64Builder::with_capacity(rows);
    let mut kind = StringBuilder::new();
    let mut country = StringBuilder::new();
    let mut lat = Float64Builder::with_capacity(rows);
    let mut lon = Float64Builder::with_capacity(rows);
    let mut score = Float64Builder::with_capacity(rows);
    let mut in_name = BooleanBuilder::with_capacity(rows);
    for (i, e) in done.iter().enumerate() {
        for m in e.iter().flat_map(|e| &e.mentions) {
            let (la, lo, sc) = itinera::records::rounded(m);
            doc.append_value(i as i64);
            start.append_value(m.start as i64);
            end.append_value(m.end as i64);
            text.append_value(&m.text);
            name.append_value(&m.name);
            geonameid.append_option(m.geonameid);
            kind.append_value(m.kind.as_str());
            country.append_value(&m.country);
            lat.append_value(la);
            lon.append_value(lo);
            score.append_value(sc);
            in_name.append_value(m.in_name);
        }
    }
    let columns: Vec<ArrayRef> = vec![
        Arc::new(doc.finish()),
        Arc::new(start.finish()),
        Arc::new(end.finish()),
        Arc::new(text.finish()),
        Arc::new(name.finish()),
        Arc::new(geonameid.finish()),
        Arc::new(kind.finish()),
        Arc::new(country.finish()),
        Arc::new(lat.finish()),
        Arc::new(lon.finish()),
        Arc::new(score.finish()),
        Arc::new(in_name.finish()),
    ];
    RecordBatch::try_new(mention_schema(), columns)
}

/// Geoparses an Arrow array of strings (pyarrow, polars, DuckDB: anything with
/// `__arrow_c_array__`) on all cores, the GIL released, reading the strings in place: a
/// pyarrow Table with a row per mention (`doc` is the row of the input).
#[pyfunction]
#[pyo3(signature = (texts, threads=None))]
fn extract_arrow<'py>(
    py: Python<'py>,
    texts: PyArray,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let (array, _) = texts.into_inner();
    let batch = py.detach(|| -> PyResult<RecordBatch> {
        let texts = texts_of(&array)?;
        let done: Vec<Option<Extraction>> = run_in(threads, || {
            texts
                .par_iter()
                .map(|t| match t {
                    Some(t) => extract_one(t),
                    None => Some(Extraction::default()),
                })
                .collect()
        })?;
        if let Some(i) = done.iter().position(Option::is_none) {
            return Err(internal(i));
        }
        mention_batch(&done).map_err(|e| ItineraError::new_err(format!("building the table: {e}")))
    })?;
    PyTable::try_new(vec![batch], mention_schema())?.into_pyarrow(py)
}

#[pymodule]
fn _itinera(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("BadInput", py.get_type::<BadInput>())?;
    m.add("ItineraError", py.get_type::<ItineraError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(geocode, m)?)?;
    m.add_function(wrap_pyfunction!(route, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_batch, m)?)?;
    m.add_function(wrap_pyfunction!(extract_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(files::render, m)?)?;
    m.add_function(wrap_pyfunction!(files::export, m)?)?;
    m.add_function(wrap_pyfunction!(files::formats_list, m)?)?;
    let options: Vec<(&str, &str)> = scene::MAP_OPTIONS.to_vec();
    m.add("MAP_OPTIONS", options)?;
    Ok(())
}
