//! `itinera geocode`: names and coordinates to ranked places, as a table or JSON.

use itinera::InvalidKind;
use itinera::gazetteer::{
    Geocoded, LookupOptions, MatchKind, UserGazetteer, near_label, spelling_note,
};
use itinera::records::{PlacesRecord, PointRecord, UnknownRecord};
use itinera::{Error, Gazetteer};

use super::run::{Outcome, print, table, user_gazetteer};
use super::{DataFormat, Exit, GeocodeArgs, report};

pub fn geocode(a: GeocodeArgs) -> Outcome {
    let g = Gazetteer::bundled();
    let opts = lookup_options(g, a.country.as_deref())?;
    let user = user_gazetteer(a.gazetteer.as_deref())?;
    let (results, errors) = look_up(&a, g, &opts, user.as_deref());
    let text = match a.format {
        DataFormat::Json => json_text(a.all, &results, &errors)?,
        DataFormat::Table => table_text(&results),
    };
    print(&text)?;
    if errors.is_empty() {
        Ok(Exit::Success)
    } else {
        for e in &errors {
            report::error(e);
        }
        Ok(Exit::BadInput)
    }
}

/// The lookup options: `--country` as its code.
fn lookup_options(g: &Gazetteer, country: Option<&str>) -> Result<LookupOptions, Error> {
    let country = match country {
        None => None,
        Some(c) => Some(
            g.country_code(c)
                .ok_or_else(|| unknown_country(c))?
                .to_string(),
        ),
    };
    Ok(LookupOptions { country })
}

/// Each query with its answer, or its error's message.
type Answers<'a> = Vec<(&'a str, Result<Geocoded, String>)>;

/// Each name looked up, in order, with its places (the best, or up to `--limit` with `--all`),
/// its point, or its error's message; and the errors, reported after the output. A name read
/// as a corrected spelling is warned of at once.
fn look_up<'a>(
    a: &'a GeocodeArgs,
    g: &Gazetteer,
    opts: &LookupOptions,
    user: Option<&UserGazetteer>,
) -> (Answers<'a>, Vec<Error>) {
    let mut results: Answers = Vec::new();
    let mut errors = Vec::new();
    for name in &a.names {
        match g.geocode(name, opts, user) {
            Ok(Geocoded::Places(mut found)) => {
                if let Some(c) = found.first().filter(|c| c.how == MatchKind::Spelling) {
                    report::warning(&spelling_note(name, &c.matched), None);
                }
                found.truncate(if a.all { a.limit.max(1) } else { 1 });
                results.push((name, Ok(Geocoded::Places(found))));
            }
            Ok(point) => results.push((name, Ok(point))),
            Err(e) => {
                let message = match &e {
                    Error::UnknownPlace { .. } => "unknown place".to_string(),
                    other => other.to_string(),
                };
                results.push((name, Err(message)));
                errors.push(e);
            }
        }
    }
    (results, errors)
}

/// `--format json`: an array, one object per query.
fn json_text(
    all: bool,
    results: &[(&str, Result<Geocoded, String>)],
    errors: &[Error],
) -> Result<String, Error> {
    let items: Vec<_> = results
        .iter()
        .map(|(query, answer)| match answer {
            Err(message) => {
                // The suggestions already computed for the error report.
                let suggestions = errors.iter().find_map(|e| match e {
                    Error::UnknownPlace {
                        name, suggestions, ..
                    } if name == query => Some(suggestions),
                    _ => None,
                });
                report::to_json(&UnknownRecord {
                    query,
                    error: message,
                    suggestions: suggestions.map(Vec::as_slice),
                })
            }
            Ok(Geocoded::Point { lat, lon, near }) => {
                report::to_json(&PointRecord::new(query, *lat, *lon, near.as_ref()))
            }
            Ok(Geocoded::Places(found)) => {
                // `found` is cut to --limit with --all.
                let candidates = all.then_some(found.len());
                PlacesRecord::new(query, found, candidates)
                    .map_or(serde_json::Value::Null, |r| report::to_json(&r))
            }
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&items).map_err(|e| Error::Encode {
        what: "JSON",
        source: e.into(),
    })?;
    s.push('\n');
    Ok(s)
}

/// `--format table`: a row per place found (a query that found nothing has none).
fn table_text(results: &[(&str, Result<Geocoded, String>)]) -> String {
    let mut rows = vec![
        vec![
            "query",
            "rank",
            "name",
            "matched as",
            "country",
            "region",
            "lat",
            "lon",
            "population",
            "geonameid",
        ]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>(),
    ];
    for (query, answer) in results {
        match answer {
            Err(_) => {}
            Ok(Geocoded::Point { lat, lon, near }) => {
                let (name, country, region) = match near {
                    Some(n @ (p, km)) => (
                        near_label(n).unwrap_or_else(|| format!("{km:.0} km from {}", p.name)),
                        p.country.to_string(),
                        p.admin1_name().unwrap_or_default().to_string(),
                    ),
                    None => ("-".into(), "-".into(), "-".into()),
                };
                rows.push(vec![
                    query.to_string(),
                    "1".into(),
                    name,
                    "coordinates".into(),
                    country,
                    region,
                    format!("{lat:.5}"),
                    format!("{lon:.5}"),
                    "-".into(),
                    "-".into(),
                ]);
            }
            Ok(Geocoded::Places(found)) => {
                for (i, c) in found.iter().enumerate() {
                    let p = &c.place;
                    rows.push(vec![
                        query.to_string(),
                        (i + 1).to_string(),
                        p.name.to_string(),
                        c.matched.to_string(),
                        p.country.to_string(),
                        p.admin1_name().unwrap_or_default().to_string(),
                        format!("{:.5}", p.lat),
                        format!("{:.5}", p.lon),
                        p.population.to_string(),
                        p.geonameid.map_or_else(|| "-".into(), |id| id.to_string()),
                    ]);
                }
            }
        }
    }
    // Nothing found: no table at all, not a header alone (the errors say why).
    if rows.len() == 1 {
        String::new()
    } else {
        table(&rows, &[1, 6, 7, 8, 9])
    }
}

/// A name that found nothing, in `geocode --format json`.
fn unknown_country(c: &str) -> Error {
    Error::invalid(
        InvalidKind::Setting,
        format!("unknown country `{c}`"),
        Some(
            "use an ISO 3166-1 alpha-2 code such as RU, KP, CN, or an English country name".into(),
        ),
    )
}
