//! `itinera render`: trips drawn as maps in the map formats of the registry
//! (`itinera::formats::MAPS`), with the library's [`MapOptions`] built from the flags.

use std::path::{Path, PathBuf};

use itinera::Error;
use itinera::export;
use itinera::formats::MapFormat;
use itinera::output::OutputPlan;
use itinera::route::{self, Route};
use itinera::scene::{self, MapOptions};

use super::run::{Outcome, inputs_of, load, wrote};
use super::{Exit, RenderArgs, report};

/// The map options the flags ask for, checked: the same [`MapOptions`] Python's `render`
/// builds from its keywords.
fn map_options(a: &RenderArgs) -> Result<MapOptions, Error> {
    let options = MapOptions {
        width: a.width,
        height: a.height,
        title: a.title.clone(),
        subtitle: a.subtitle.clone(),
        theme: a.theme,
        legend: !a.no_legend,
        labels: a.labels,
        projection: a.projection.parse()?,
        bbox: a.bbox.as_deref().map(str::parse).transpose()?,
        units: a.units,
        inset: a.inset,
        label_lang: a.label_lang,
        ..MapOptions::default()
    };
    options.validate()?;
    Ok(options)
}

/// The format of an output: `--format` when given, else the extension; `-` (standard output)
/// is a PNG unless `--format` says otherwise.
fn map_format(path: &Path, format: Option<MapFormat>) -> Result<MapFormat, Error> {
    if let Some(f) = format {
        return Ok(f);
    }
    if path.as_os_str() == "-" {
        return Ok(MapFormat::PNG);
    }
    MapFormat::by_path(path)
}

pub fn render(a: RenderArgs) -> Outcome {
    // Check every flag before any work, so bad input fails fast and writes nothing.
    let options = map_options(&a)?;
    if let Some(column) = &a.size_by {
        return super::symbols::render_sized(&a, options, column);
    }
    let formats: Vec<MapFormat> = a
        .output
        .iter()
        .map(|o| map_format(o, a.format))
        .collect::<Result<_, _>>()?;
    let sets = load(&a.trips)?;
    // Every destination is checked before any map is drawn, and all are renamed into place
    // together at the end. `None` is the GeoJSON of --geojson.
    let mut plan = OutputPlan::new(inputs_of(&a.trips, &sets));
    let explicit: Vec<(PathBuf, Option<MapFormat>)> = a
        .output
        .iter()
        .cloned()
        .zip(formats.iter().map(|f| Some(*f)))
        .collect();
    let stems: Vec<String> = sets.iter().map(|s| s.stem.clone()).collect();
    // Without -o: a PNG and an SVG of each input.
    let defaults: Vec<(&str, Option<MapFormat>)> = [MapFormat::PNG, MapFormat::SVG]
        .iter()
        .map(|f| (f.extension(), Some(*f)))
        .collect();
    plan.plan(&stems, &explicit, &defaults, &a.out_dir)?;
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
            plan.write_bytes(p.at, &format.encode(&scene)?)?;
        }
    }
    wrote(plan.commit()?.iter());
    Ok(Exit::Success)
}
