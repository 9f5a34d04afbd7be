//! What the subcommands that read trips share: loading trip files or place names, the
//! failures a subcommand stops with, the inputs no output may overwrite, and text tables.
//! Each subcommand is a module of its own (`route`, `render`, `export`, ...).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use itinera::InvalidKind;
use itinera::formats::{self, ExportFormat, InputFormat, MapFormat};
use itinera::gazetteer::UserGazetteer;
use itinera::output::Outputs;
use itinera::trip::{self, ResolveOptions, Resolved};
use itinera::{Error, Gazetteer, SourceFile, TripPlan};
use unicode_width::UnicodeWidthStr;

use super::{Exit, TripArgs, report};

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
pub(super) struct Loaded {
    /// File stem for default output names.
    pub stem: String,
    /// The input path, to refuse overwriting it.
    pub path: Option<PathBuf>,
    /// The trips, resolved.
    pub resolved: Resolved,
}

/// Whether the inputs are trip files (rather than place names): `-`, a name with a trip
/// file's extension, a file, or a path that exists and is not a folder (a pipe such as
/// `<(cat trip.toml)`'s `/dev/fd/63`, `/dev/stdin`).
fn are_files(inputs: &[String]) -> bool {
    inputs.iter().any(|i| {
        let lower = i.to_ascii_lowercase();
        let path = Path::new(i);
        i == "-"
            || InputFormat::from_name(&lower).is_some()
            || path.is_file()
            || (i.contains('/') && path.exists() && !path.is_dir())
    })
}

/// What a file name says it is when its extension is one of the formats itinera only writes:
/// "a gpkg file" (exports) or "a png map" (maps).
fn written_format(path: &Path) -> Option<String> {
    let export = ExportFormat::from_extension(path).map(|f| format!("a {} file", f.name()));
    export.or_else(|| MapFormat::from_extension(path).map(|f| format!("a {} map", f.name())))
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

pub(super) fn load(args: &TripArgs) -> Result<Vec<Loaded>, Failure> {
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
            Some(format!(
                "give a trip file ({}) or place names",
                InputFormat::extension_list()
            )),
        )
        .into());
    }
    // A file of a format itinera writes but does not read (a GeoPackage, a map) is refused by
    // its name, not as "not UTF-8 text" (unless --input-format says how to read it).
    if args.input_format.is_none()
        && let Some((input, format)) = args.inputs.iter().find_map(|i| {
            let path = Path::new(i);
            let written = InputFormat::from_name(i)
                .is_none()
                .then(|| written_format(path))
                .flatten();
            written.filter(|_| path.is_file()).map(|f| (i, f))
        })
    {
        return Err(Error::invalid(
            InvalidKind::Value,
            format!("`{input}` is {format}, which itinera writes but does not read"),
            Some(format!(
                "give a trip file ({}), or place names",
                InputFormat::extension_list()
            )),
        )
        .into());
    }
    let mut sets = Vec::new();
    if args.input_format.is_some() || are_files(&args.inputs) {
        for input in &args.inputs {
            let path = PathBuf::from(input);
            let source = SourceFile::read(&path)?;
            let plan = match args.input_format {
                Some(format) => format.read(&source)?,
                None => formats::read_trips(&source)?,
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

/// The command's inputs (trip files, the user gazetteer), which no output may be.
pub(super) fn inputs_of(args: &TripArgs, sets: &[Loaded]) -> Outputs {
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
pub(super) fn wrote<'a>(targets: impl Iterator<Item = &'a PathBuf>) {
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
