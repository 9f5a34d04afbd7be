//! `itinera export`: trips written in the formats of the registry (`itinera::formats`), by
//! `--format` or by each output's extension, all renamed into place together.

use std::path::{Path, PathBuf};

use itinera::export::{CsvText, Layer};
use itinera::formats::{ExportFormat, ExportOptions, Sidecar};
use itinera::output::OutputPlan;
use itinera::route::{self, Route};
use itinera::{Error, InvalidKind};

use super::run::{Outcome, inputs_of, load, wrote};
use super::{Exit, ExportArgs, report};

/// One file `export` writes: a format (one layer of it with `--layers`), or the sidecar of
/// one (the `.csvt` of a CSV).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Export(ExportFormat, Layer),
    Sidecar(Sidecar),
}

/// The layers a `--layers` export is cut into, with the name each file gets before its
/// extension (`trip.legs.geojson`).
const LAYERS: [(Layer, &str); 2] = [(Layer::Legs, "legs"), (Layer::Stops, "stops")];

pub fn export(a: ExportArgs) -> Outcome {
    // Formats first: a bad name or extension fails before any work.
    let targets: Vec<(PathBuf, ExportFormat)> = a
        .output
        .iter()
        .map(|o| Ok((o.clone(), format_of(o, a.format)?)))
        .collect::<Result<_, Error>>()?;
    let mut sets = load(&a.trips)?;
    // Every destination is checked before anything is written, and all are renamed into
    // place together at the end.
    let mut plan = OutputPlan::new(inputs_of(&a.trips, &sets));
    let stems: Vec<String> = sets.iter().map(|s| s.stem.clone()).collect();
    let mut pieces: Vec<(PathBuf, Piece)> = Vec::new();
    for (path, f) in targets {
        pieces.extend(pieces_of(&path, f, a.layers)?);
    }
    let default = a.format.unwrap_or(ExportFormat::GEOJSON);
    let default_names: Vec<(String, Piece)> = match a.layers && default.has_layers() {
        true => LAYERS
            .iter()
            .map(|(layer, name)| {
                let ext = format!("{name}.{}", default.extension());
                (ext, Piece::Export(default, *layer))
            })
            .collect(),
        false => vec![(
            default.extension().to_string(),
            Piece::Export(default, Layer::All),
        )],
    };
    let defaults: Vec<(&str, Piece)> = default_names
        .iter()
        .map(|(e, p)| (e.as_str(), *p))
        .collect();
    plan.plan(&stems, &pieces, &defaults, &a.out_dir)?;
    add_sidecars(&mut plan)?;
    let routes: Vec<Vec<Route>> = sets
        .iter_mut()
        .map(|set| {
            std::mem::take(&mut set.resolved.trips)
                .into_iter()
                .map(route::from_trip)
                .collect()
        })
        .collect();
    let csv_text = if a.raw_csv {
        CsvText::Raw
    } else {
        CsvText::Guarded
    };
    for p in plan.items().to_vec() {
        let (format, layer) = match p.format {
            Piece::Export(f, layer) => (f, layer),
            Piece::Sidecar(side) => {
                plan.write(p.at, |w| side.write(&p.path, w))?;
                continue;
            }
        };
        let routes = &routes[p.input];
        if layer == Layer::All {
            for message in format.leaves_out(routes, &p.path.display().to_string()) {
                report::warning(&message, None);
            }
        }
        let mut options = ExportOptions::titled(sets[p.input].resolved.title.as_deref());
        options.units = a.units;
        options.csv_text = csv_text;
        options.layer = layer;
        plan.write(p.at, |w| format.write(routes, &options, w))?;
    }
    wrote(plan.commit()?.iter());
    // The process ends here: the system takes back the memory of a million stops at once,
    // faster than freeing each one's strings first.
    std::mem::forget(routes);
    std::mem::forget(sets);
    Ok(Exit::Success)
}

/// The format of `-o path`: `--format` when given (with a warning when the name says
/// another), else the extension; standard output is the default format, GeoJSON.
fn format_of(path: &Path, forced: Option<ExportFormat>) -> Result<ExportFormat, Error> {
    match forced {
        Some(f) => {
            if let Some(by_name) = ExportFormat::from_extension(path)
                && by_name != f
            {
                report::warning(
                    &format!(
                        "writing {} into `{}`, whose name says {}",
                        f.extension(),
                        path.display(),
                        by_name.extension()
                    ),
                    None,
                );
            } else if let Some(ext) = path.extension().map(|e| e.to_string_lossy())
                && ExportFormat::from_extension(path).is_none()
            {
                // Readers find a file by its extension (GDAL wants a GeoPackage named .gpkg).
                report::warning(
                    &format!(
                        "writing {} into `{}`: other tools will not know a .{ext} file as {}",
                        f.name(),
                        path.display(),
                        f.name()
                    ),
                    None,
                );
            }
            Ok(f)
        }
        None if path.as_os_str() == "-" => Ok(ExportFormat::GEOJSON),
        None => ExportFormat::by_path(path),
    }
}

/// The files one `-o` makes: itself, or with `--layers` one per layer of a format that has
/// them (`x.legs.geojson` and `x.stops.geojson`).
fn pieces_of(path: &Path, f: ExportFormat, layers: bool) -> Result<Vec<(PathBuf, Piece)>, Error> {
    if !(layers && f.has_layers()) {
        if layers {
            report::warning(
                &format!(
                    "--layers splits GeoJSON into a file per layer; `{}` ({}) is written whole",
                    path.display(),
                    f.name()
                ),
                None,
            );
        }
        return Ok(vec![(path.to_path_buf(), Piece::Export(f, Layer::All))]);
    }
    if path.as_os_str() == "-" {
        return Err(Error::invalid(
            InvalidKind::Output,
            format!(
                "--layers writes two {} files, not one to standard output",
                f.about().split_whitespace().next().unwrap_or("")
            ),
            Some(format!("name the output, e.g. -o trip.{}", f.extension())),
        ));
    }
    Ok(LAYERS
        .iter()
        .map(|(layer, name)| {
            (
                path.with_extension(format!("{name}.{}", f.extension())),
                Piece::Export(f, *layer),
            )
        })
        .collect())
}

/// Plans the sidecar of every planned export whose format has one, beside a regular file (or
/// one about to be made): never beside `/dev/null` or `/dev/stdout`.
fn add_sidecars(plan: &mut OutputPlan<Piece>) -> Result<(), Error> {
    let sidecars: Vec<(usize, PathBuf, Sidecar)> = plan
        .items()
        .iter()
        .filter_map(|p| match p.format {
            Piece::Export(f, Layer::All) => f
                .sidecar_beside(&p.path)
                .map(|(path, s)| (p.input, path, s)),
            _ => None,
        })
        .collect();
    for (input, path, side) in sidecars {
        plan.add(input, path, Piece::Sidecar(side))?;
    }
    Ok(())
}
