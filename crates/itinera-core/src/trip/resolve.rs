//! Stop resolution: each named stop becomes a gazetteer place, chosen with the whole trip in view.
//!
//! Every stop's candidates carry the gazetteer's prior (match kind, population, country hint,
//! script). A trip picks the sequence of candidates with the best total score, where each leg
//! costs `3 · ln(1 + min(km, 2000)/100)`, and more for a leg out of scale with the trip: a stop near its neighbours beats a namesake across
//! the world unless the namesake is far more populous (Viterbi over the chain of stops).

mod ambiguity;
mod path;

use super::{PALETTE, Stop, StopSpec, Trip, TripKind, TripPlan, TripSpec};
use crate::InvalidKind;
use crate::error::{Error, Result};
use crate::gazetteer::{
    COORDINATE_HELP, Candidate, Gazetteer, LookupOptions, MatchKind, Place, PlaceKind, Query,
    UserGazetteer, fold, is_coordinates, near_label, spelling_note,
};
use ambiguity::{ambiguity, contains, how_to_choose, neighbour_points};
use path::best_path;
use std::collections::HashMap;

/// Candidates kept per stop.
const MAX_CANDIDATES: usize = 25;

/// Options of [`resolve`].
#[derive(Debug, Clone, Default)]
pub struct ResolveOptions {
    /// Country hint (ISO code or name) for stops that give none.
    pub country: Option<String>,
    /// Turn ambiguity warnings into errors.
    pub strict: bool,
    /// The user's own places, consulted first (`--gazetteer FILE`).
    pub user: Option<std::sync::Arc<UserGazetteer>>,
}

/// Something worth telling the user that does not stop the work.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// The message.
    pub message: String,
    /// Where, when from a file.
    pub location: Option<crate::source::Location>,
}

/// The outcome of [`resolve`]: trips with coordinates, and warnings.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// Title from the file.
    pub title: Option<String>,
    /// The trips.
    pub trips: Vec<Trip>,
    /// Ambiguous stops, zero-length legs.
    pub warnings: Vec<Warning>,
}

/// Resolves every stop of every trip.
///
/// # Errors
/// [`Error::UnknownPlace`] (with suggestions) for each name the gazetteer lacks, collected into
/// [`Error::Multiple`] when there are several; [`Error::Invalid`] for an unknown country hint,
/// or for an ambiguous stop with `strict`.
///
/// # Examples
///
/// ```
/// use itinera::{Error, Gazetteer, TripPlan, trip};
///
/// // Each stop is read in its trip's context: this Springfield is the one near St. Louis.
/// let plan = TripPlan::from_names(&["St. Louis", "Springfield, IL", "Chicago"]);
/// let found = trip::resolve(&plan, Gazetteer::bundled(), &Default::default())?;
/// assert_eq!(found.trips[0].stops[1].place.as_ref().unwrap().admin1, "IL");
///
/// // A name that is one clear spelling away is read as it, with a warning.
/// let typo = TripPlan::from_names(&["Khasan", "Usuriysk"]);
/// let found = trip::resolve(&typo, Gazetteer::bundled(), &Default::default())?;
/// assert_eq!(found.trips[0].stops[1].label, "Ussuriysk");
/// assert!(found.warnings[0].message.contains("read as `Ussuriysk`"));
///
/// let unknown = TripPlan::from_names(&["Khasan", "Xyzzyplace"]);
/// assert!(matches!(
///     trip::resolve(&unknown, Gazetteer::bundled(), &Default::default()),
///     Err(Error::UnknownPlace { .. })
/// ));
/// # Ok::<(), itinera::Error>(())
/// ```
pub fn resolve(
    plan: &TripPlan,
    gazetteer: &Gazetteer,
    options: &ResolveOptions,
) -> Result<Resolved> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut trips = Vec::new();
    for (t, spec) in plan.trips.iter().enumerate() {
        if let Some(trip) = resolve_trip(t, spec, gazetteer, options, &mut errors, &mut warnings) {
            trips.push(trip);
        }
    }
    // The same error at the same place is told once (`--country ZZ` is wrong for every stop).
    let mut seen = std::collections::HashSet::new();
    errors.retain(|e| seen.insert((e.to_string(), e.location().map(ToString::to_string))));
    match errors.len() {
        0 => Ok(Resolved {
            title: plan.title.clone(),
            trips,
            warnings,
        }),
        1 => Err(errors.remove(0)),
        _ => Err(Error::Multiple(errors)),
    }
}

/// Resolves the `t`-th trip of the plan (its place in the palette), adding its errors and
/// warnings to the plan's: `None` when a named stop found no place (its error is told).
fn resolve_trip(
    t: usize,
    spec: &TripSpec,
    gazetteer: &Gazetteer,
    options: &ResolveOptions,
    errors: &mut Vec<Error>,
    warnings: &mut Vec<Warning>,
) -> Option<Trip> {
    let trip_country = spec.country.as_ref().or(options.country.as_ref());
    // Stops written as coordinates get their point; the others are used as they are
    // (borrowed: a large trip is not copied).
    let mut fixed = coordinate_stops(&spec.stops, gazetteer, errors);
    name_apart(&spec.stops, &mut fixed);
    let points = stops_with_points(&spec.stops, &fixed);
    let columns = candidate_columns(
        &points,
        trip_country,
        gazetteer,
        options.user.as_deref(),
        errors,
    );
    if columns
        .iter()
        .zip(&points)
        .any(|(c, s)| c.is_empty() && s.lat.is_none())
    {
        return None;
    }
    let choice = best_path(&points, &columns);
    let stops = chosen_stops(
        spec.kind,
        &points,
        &columns,
        &choice,
        options.strict,
        errors,
        warnings,
    );
    Some(Trip {
        name: spec.name.clone(),
        color: spec.color.unwrap_or(PALETTE[t % PALETTE.len()]),
        mode: spec.mode,
        stops,
        kind: spec.kind,
    })
}

/// The stops written as coordinates, by index, with their points ([`with_coordinates`]); a
/// stop whose coordinates are wrong is told in `errors` and gets a placeholder point.
fn coordinate_stops(
    stops: &[StopSpec],
    gazetteer: &Gazetteer,
    errors: &mut Vec<Error>,
) -> Vec<(usize, StopSpec)> {
    let mut fixed: Vec<(usize, StopSpec)> = Vec::new();
    for (i, stop) in stops.iter().enumerate() {
        match with_coordinates(stop, gazetteer) {
            Ok(None) => {}
            Ok(Some(s)) => fixed.push((i, s)),
            Err(e) => {
                errors.push(e);
                // Reported: a placeholder point keeps the text out of the name lookup.
                fixed.push((
                    i,
                    StopSpec {
                        lat: Some(0.0),
                        lon: Some(0.0),
                        ..stop.clone()
                    },
                ));
            }
        }
    }
    fixed
}

/// Every stop of the trip, taken from `fixed` where it has its point there.
fn stops_with_points<'a>(
    stops: &'a [StopSpec],
    fixed: &'a [(usize, StopSpec)],
) -> Vec<&'a StopSpec> {
    stops
        .iter()
        .enumerate()
        .map(|(i, s)| match fixed.binary_search_by_key(&i, |f| f.0) {
            Ok(at) => &fixed[at].1,
            Err(_) => s,
        })
        .collect()
}

/// Each stop's ranked candidates ([`stop_candidates`]); a stop whose lookup fails is told in
/// `errors` and has none.
fn candidate_columns(
    points: &[&StopSpec],
    trip_country: Option<&String>,
    gazetteer: &Gazetteer,
    user: Option<&UserGazetteer>,
    errors: &mut Vec<Error>,
) -> Vec<Vec<Candidate>> {
    let mut columns: Vec<Vec<Candidate>> = Vec::with_capacity(points.len());
    for stop in points {
        columns.push(match stop_candidates(stop, trip_country, gazetteer, user) {
            Ok(c) => c,
            Err(e) => {
                errors.push(e);
                Vec::new()
            }
        });
    }
    columns
}

/// The trip's stops as chosen, in order, each with what there is to tell of it: a corrected
/// spelling, an ambiguous name (errors with `strict`), a zero-length leg, dates running
/// backwards.
fn chosen_stops(
    kind: TripKind,
    points: &[&StopSpec],
    columns: &[Vec<Candidate>],
    choice: &[usize],
    strict: bool,
    errors: &mut Vec<Error>,
    warnings: &mut Vec<Warning>,
) -> Vec<Stop> {
    let mut stops = Vec::with_capacity(points.len());
    // The last date seen in the trip, and its stop's label.
    let mut last_date: Option<(super::Date, String)> = None;
    for (i, &stop) in points.iter().enumerate() {
        let resolved = match (stop.lat, stop.lon) {
            (Some(lat), Some(lon)) => stop_at(stop, lat, lon),
            _ => {
                let chosen = &columns[i][choice[i]];
                tell_spelling(stop, chosen, strict, errors, warnings);
                let neighbours = neighbour_points(points, columns, choice, i);
                tell_ambiguity(
                    stop,
                    chosen,
                    &columns[i],
                    &neighbours,
                    strict,
                    errors,
                    warnings,
                );
                placed_stop(stop, chosen)
            }
        };
        tell_leg_and_date(kind, &stops, last_date.as_ref(), &resolved, stop, warnings);
        if let Some(d) = &resolved.date {
            last_date = Some((*d, resolved.label.clone()));
        }
        stops.push(resolved);
    }
    stops
}

/// A stop written with its coordinates, at them.
fn stop_at(stop: &StopSpec, lat: f64, lon: f64) -> Stop {
    Stop {
        label: label(stop, None),
        place: None,
        lat,
        lon,
        date: stop.date,
        note: stop.note.clone(),
        mode: stop.mode,
    }
}

/// A named stop at its chosen candidate's place.
fn placed_stop(stop: &StopSpec, chosen: &Candidate) -> Stop {
    Stop {
        // A corrected spelling is labelled as the place is spelt.
        label: match chosen.how {
            MatchKind::Spelling if stop.name.is_none() => chosen.matched.clone(),
            _ => label(stop, Some(&chosen.matched)),
        },
        place: Some(Box::new(chosen.place.clone())),
        lat: chosen.place.lat,
        lon: chosen.place.lon,
        date: stop.date,
        note: stop.note.clone(),
        mode: stop.mode,
    }
}

/// A name read as a corrected spelling is told: a warning, or an error with `strict`.
fn tell_spelling(
    stop: &StopSpec,
    chosen: &Candidate,
    strict: bool,
    errors: &mut Vec<Error>,
    warnings: &mut Vec<Warning>,
) {
    if chosen.how == MatchKind::Spelling {
        let name = stop.place.as_deref().unwrap_or_default();
        let message = spelling_note(name, &chosen.matched);
        if strict {
            errors.push(Error::Invalid {
                kind: InvalidKind::Query,
                message,
                location: stop.location.clone().map(Box::new),
                help: Some(format!(
                    "write `{}` (--strict takes no corrected spelling)",
                    chosen.matched
                )),
            });
        } else {
            warnings.push(Warning {
                message,
                location: stop.location.clone(),
            });
        }
    }
}

/// An ambiguous stop ([`ambiguity`]) is told: a warning, or with `strict` an error saying how
/// to choose.
fn tell_ambiguity(
    stop: &StopSpec,
    chosen: &Candidate,
    all: &[Candidate],
    neighbours: &[(f64, f64)],
    strict: bool,
    errors: &mut Vec<Error>,
    warnings: &mut Vec<Warning>,
) {
    if let Some(w) = ambiguity(stop, chosen, all, neighbours) {
        if strict {
            errors.push(Error::Invalid {
                kind: InvalidKind::Ambiguous,
                message: w.message,
                location: w.location.map(Box::new),
                help: Some(how_to_choose(stop, &chosen.place)),
            });
        } else {
            warnings.push(w);
        }
    }
}

/// Warnings of the leg into `resolved` from the last of `stops` (a zero-length leg) and of its
/// date against `last_date`, the last date seen in the trip (dates running backwards).
fn tell_leg_and_date(
    kind: TripKind,
    stops: &[Stop],
    last_date: Option<&(super::Date, String)>,
    resolved: &Stop,
    stop: &StopSpec,
    warnings: &mut Vec<Warning>,
) {
    match kind {
        // Places (GPS waypoints) have no legs and no order in time: nothing to warn of.
        TripKind::Places => return,
        TripKind::Journey | TripKind::Track => {}
    }
    if let Some(prev) = stops
        .last()
        .filter(|p: &&Stop| p.lat == resolved.lat && p.lon == resolved.lon)
    {
        warnings.push(Warning {
            message: format!(
                "`{}` and `{}` are the same point: a zero-length leg",
                prev.label, resolved.label
            ),
            location: stop.location.clone(),
        });
    }
    if let Some((prev, at)) = last_date.zip(resolved.date)
        && at.before(&prev.0)
    {
        warnings.push(Warning {
            message: format!(
                "`{}` is dated {at}, before `{}` ({}): dates run backwards",
                resolved.label, prev.1, prev.0
            ),
            location: stop.location.clone(),
        });
    }
}

/// The stop with coordinates when its place is written as coordinates ("51.85,107.9"), labelled
/// with a notable place within [`NEAR_KM`](crate::gazetteer::NEAR_KM) ("near Ulan-Ude") unless it has a name; `None` (the
/// stop as it is) otherwise.
fn with_coordinates(stop: &StopSpec, g: &Gazetteer) -> Result<Option<StopSpec>> {
    let Some(text) = stop.place.as_deref().filter(|_| stop.lat.is_none()) else {
        return Ok(None);
    };
    match Query::parse(text) {
        Ok(Query::Point { lat, lon }) => Ok(Some(StopSpec {
            place: None,
            name: stop.name.clone().or_else(|| {
                Some(
                    g.nearest(lat, lon)
                        .and_then(|n| near_label(&n))
                        .unwrap_or_else(|| text.trim().to_string()),
                )
            }),
            lat: Some(lat),
            lon: Some(lon),
            ..stop.clone()
        })),
        Ok(Query::Name { .. }) => Ok(None),
        Err(e) => Err(Error::Invalid {
            kind: InvalidKind::Query,
            message: e.0,
            location: stop.location.clone().map(Box::new),
            help: Some(COORDINATE_HELP.into()),
        }),
    }
}

/// Unnamed points of one trip that [`with_coordinates`] labelled after the same nearby place
/// ("near New York City" twice, on a walk across Manhattan) would read alike on the map: they
/// are labelled with their coordinates as written instead.
fn name_apart(stops: &[StopSpec], fixed: &mut [(usize, StopSpec)]) {
    let generated = |i: usize, s: &StopSpec| stops[i].name.is_none() && s.lat.is_some();
    let mut count: HashMap<String, usize> = HashMap::new();
    for (i, s) in fixed.iter() {
        if let Some(n) = s.name.as_ref().filter(|_| generated(*i, s)) {
            *count.entry(n.clone()).or_default() += 1;
        }
    }
    for (i, s) in fixed.iter_mut() {
        let shared = s
            .name
            .as_ref()
            .is_some_and(|n| count.get(n).is_some_and(|&c| c > 1));
        if shared
            && generated(*i, s)
            && let Some(text) = stops[*i].place.as_deref()
        {
            s.name = Some(text.trim().to_string());
        }
    }
}

/// A stop's label: its `name`, or its place without qualifiers ("Springfield" for
/// "Springfield, Mass."), unless the gazetteer name `matched` is the whole text
/// ("Frankfurt (Oder)").
fn label(stop: &StopSpec, matched: Option<&str>) -> String {
    if let Some(name) = &stop.name {
        return name.clone();
    }
    let place = stop.place.as_deref().unwrap_or_default();
    if matched.is_some_and(|m| fold(m) == fold(place)) {
        return place.to_string();
    }
    // Text written as coordinates is its own label (told without reading the numbers: a
    // track's "S12" is checked for a southern latitude once a point).
    if is_coordinates(place) {
        return place.to_string();
    }
    match Query::parse(place) {
        Ok(Query::Name { name, .. }) if !name.is_empty() => name.to_string(),
        _ => place.to_string(),
    }
}

/// Ranked candidates of a named stop (empty for a stop with coordinates).
fn stop_candidates(
    stop: &StopSpec,
    trip_country: Option<&String>,
    g: &Gazetteer,
    user: Option<&UserGazetteer>,
) -> Result<Vec<Candidate>> {
    if stop.lat.is_some() {
        return Ok(Vec::new());
    }
    let name = stop.place.as_deref().unwrap_or_default();
    let country = match stop.country.as_ref().or(trip_country) {
        None => None,
        Some(c) => Some(g.country_code(c).ok_or_else(|| {
            Error::Invalid {
                kind: InvalidKind::Value,
                message: format!("unknown country `{c}`"),
                location: stop.location.clone().map(Box::new),
                help: Some(
                    "use an ISO 3166-1 alpha-2 code such as RU, KP, CN, or an English country name"
                        .into(),
                ),
            }
        })?),
    };
    let options = LookupOptions {
        country: country.map(String::from),
    };
    // The user's places first: their scores are above any bundled match.
    let region: Vec<&str> = stop.region.as_deref().into_iter().collect();
    let mut found = g
        .find_text(name, &region, &options, user)
        .map_err(|e| e.at(stop.location.as_ref()))?;
    if let Some(id) = stop.geonameid {
        the_place_of_id(&mut found, id, name, stop)?;
    }
    // A stop named like a region and like a city inside it is the city (Khabarovsk): drop the
    // areas the gazetteer ranked just below a city they hold, so nearness cannot pick them.
    let cities: Vec<(Place, f64)> = found
        .iter()
        .filter(|c| c.place.kind == PlaceKind::City)
        .map(|c| (c.place.clone(), c.score))
        .collect();
    found.retain(|a| {
        !cities
            .iter()
            .any(|(p, score)| a.score < *score && contains(&a.place, p))
    });
    found.truncate(MAX_CANDIDATES);
    Ok(found)
}

/// Keeps the candidate with GeoNames id `id`; an error naming the ids of the place's namesakes
/// when none has it.
fn the_place_of_id(found: &mut Vec<Candidate>, id: i64, name: &str, stop: &StopSpec) -> Result<()> {
    let ids: Vec<String> = found
        .iter()
        .filter_map(|c| c.place.geonameid)
        .take(8)
        .map(|g| g.to_string())
        .collect();
    found.retain(|c| c.place.geonameid == Some(id));
    if found.is_empty() {
        let help = match ids.is_empty() {
            true => "leave out `geonameid`, or give `lat` and `lon`".to_string(),
            false => format!("the places named `{name}` have ids {}", ids.join(", ")),
        };
        return Err(Error::Invalid {
            kind: InvalidKind::Value,
            message: format!("no place named `{name}` has geonameid {id}"),
            location: stop.location.clone().map(Box::new),
            help: Some(help),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trip::TripPlan;

    #[test]
    fn a_geonameid_picks_the_namesake_nearness_would_not() {
        let read = |stop: &str| {
            let text = format!("[[trips]]\nname = \"t\"\nstops = [\"Lyon\", {stop}, \"Lille\"]\n");
            let plan = crate::formats::read_trips(&crate::SourceFile::new("t.toml", text))?;
            resolve(&plan, Gazetteer::bundled(), &ResolveOptions::default())
        };
        let country = |r: &Resolved| r.trips[0].stops[1].place.as_ref().unwrap().country.clone();
        assert_eq!(country(&read(r#"{ place = "Paris" }"#).unwrap()), "FR");
        let texas = read(r#"{ place = "Paris", geonameid = 4717560 }"#).unwrap();
        assert_eq!(country(&texas), "US");
        let e = read(r#"{ place = "Paris", geonameid = 5 }"#).unwrap_err();
        assert_eq!(e.location().map(|l| l.line), Some(3));
        assert!(e.to_string().contains("geonameid 5"), "{e}");
    }

    fn resolve_names(names: &[&str]) -> Resolved {
        resolve(
            &TripPlan::from_names(names),
            Gazetteer::bundled(),
            &ResolveOptions::default(),
        )
        .unwrap()
    }

    #[test]
    fn neighbours_pick_paris_texas() {
        let r = resolve_names(&["Dallas", "Paris", "Texarkana"]);
        let paris = r.trips[0].stops[1].place.as_ref().unwrap();
        assert_eq!(paris.country, "US");
    }

    #[test]
    fn a_far_neighbour_does_not_drag_a_capital_away() {
        let r = resolve_names(&["New York", "Paris", "Berlin"]);
        assert_eq!(r.trips[0].stops[1].place.as_ref().unwrap().country, "FR");
    }

    #[test]
    fn chita_next_to_ulan_ude_is_russian() {
        let r = resolve_names(&["Ulan-Ude", "Chita"]);
        assert_eq!(r.trips[0].stops[1].place.as_ref().unwrap().country, "RU");
    }

    #[test]
    fn cyrillic_khasan_in_a_russian_trip() {
        let r = resolve_names(&["Хасан", "Уссурийск"]);
        let s = &r.trips[0].stops;
        assert_eq!(s[0].place.as_ref().unwrap().name, "Khasan");
        assert_eq!(s[1].place.as_ref().unwrap().name, "Ussuriysk");
    }

    #[test]
    fn khasan_stays_khasan_whatever_its_neighbours() {
        for trip in [
            &["Khasan"][..],
            &["Khasan", "Moscow"],
            &["Moscow", "Khasan"],
            &["Khasan", "Vladivostok"],
        ] {
            let r = resolve_names(trip);
            let k = r.trips[0]
                .stops
                .iter()
                .find(|s| s.label == "Khasan")
                .and_then(|s| s.place.clone())
                .unwrap();
            assert_eq!(
                (k.name.as_ref(), k.admin1.as_ref()),
                ("Khasan", "59"),
                "{trip:?}"
            );
        }
    }

    #[test]
    fn cologne_between_brussels_and_berlin_is_koeln() {
        let r = resolve_names(&["London", "Brussels", "Cologne", "Berlin"]);
        assert_eq!(r.trips[0].stops[2].place.as_ref().unwrap().name, "Köln");
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    #[test]
    fn clear_names_do_not_warn_and_unclear_ones_say_how_to_choose() {
        for name in ["Moscow", "Cologne", "Ussuriysk"] {
            assert!(resolve_names(&[name]).warnings.is_empty(), "{name}");
        }
        let r = resolve_names(&["Portland"]);
        let w = &r.warnings[0].message;
        assert!(
            w.contains("Portland, Maine") && w.contains("Portland, Oregon"),
            "{w}"
        );
    }

    #[test]
    fn coordinates_and_regions_in_stops() {
        let r = resolve_names(&["51.85,107.9", "Ulan-Ude"]);
        let s = &r.trips[0].stops[0];
        assert_eq!(
            (s.lat, s.lon, s.label.as_str()),
            (51.85, 107.9, "near Ulan-Ude")
        );
        assert!(s.place.is_none());
        let mut plan = TripPlan::from_names(&["Springfield"]);
        plan.trips[0].stops[0].region = Some("MO".into());
        let r = resolve(&plan, Gazetteer::bundled(), &ResolveOptions::default()).unwrap();
        assert_eq!(r.trips[0].stops[0].place.as_ref().unwrap().admin1, "MO");
        let bad = TripPlan::from_names(&["95 N 10 E"]);
        let e = resolve(&bad, Gazetteer::bundled(), &ResolveOptions::default()).unwrap_err();
        assert!(e.to_string().contains("latitude"), "{e}");
    }

    #[test]
    fn neighbours_beat_a_famous_far_namesake() {
        let country = |names: &[&str], i: usize| {
            resolve_names(names).trips[0].stops[i]
                .place
                .as_ref()
                .map(|p| p.country.to_string())
        };
        assert_eq!(
            country(&["Newcastle", "Leeds", "Edinburgh"], 0).as_deref(),
            Some("GB")
        );
        assert_eq!(
            country(&["Lagos", "Faro", "Lisbon"], 0).as_deref(),
            Some("PT")
        );
        assert_eq!(
            country(&["Paris", "Nashville", "Memphis"], 0).as_deref(),
            Some("US")
        );
        // The famous place stays when it is plainly meant.
        assert_eq!(
            country(&["Houston", "Paris", "London"], 1).as_deref(),
            Some("FR")
        );
    }

    #[test]
    fn a_flight_of_airport_codes() {
        let r = resolve_names(&["LHR-JFK-NRT"]);
        let kinds: Vec<_> = r.trips[0]
            .stops
            .iter()
            .map(|s| s.place.as_ref().map(|p| p.kind))
            .collect();
        assert_eq!(kinds, vec![Some(PlaceKind::Airport); 3]);
    }

    #[test]
    fn unknown_places_are_all_reported_with_suggestions() {
        let plan = TripPlan::from_names(&["Depot", "Vladivostok", "Xyzzyplace"]);
        match resolve(&plan, Gazetteer::bundled(), &ResolveOptions::default()) {
            Err(Error::Multiple(errs)) => {
                assert_eq!(errs.len(), 2);
                assert!(
                    matches!(&errs[0], Error::UnknownPlace { suggestions, .. } if suggestions[0] == "Depok")
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn ambiguous_stops_warn_and_strict_refuses() {
        let plan = TripPlan::from_names(&["Springfield"]);
        let r = resolve(&plan, Gazetteer::bundled(), &ResolveOptions::default()).unwrap();
        assert!(
            r.warnings.iter().any(|w| w.message.contains("ambiguous")),
            "{:?}",
            r.warnings
        );
        let strict = ResolveOptions {
            strict: true,
            ..ResolveOptions::default()
        };
        assert!(resolve(&plan, Gazetteer::bundled(), &strict).is_err());
    }

    #[test]
    fn a_city_and_its_namesake_region_are_not_ambiguous() {
        let r = resolve_names(&["Khabarovsk", "Komsomolsk-on-Amur"]);
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        assert_eq!(
            r.trips[0].stops[0].place.as_ref().unwrap().kind,
            PlaceKind::City
        );
    }

    #[test]
    fn far_neighbours_do_not_make_famous_places_ambiguous() {
        let r = resolve_names(&["Tokyo", "Los Angeles", "London", "Moscow"]);
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        let countries: Vec<&str> = r.trips[0]
            .stops
            .iter()
            .map(|s| s.place.as_ref().unwrap().country.as_ref())
            .collect();
        assert_eq!(countries, ["JP", "US", "GB", "RU"]);
    }

    #[test]
    fn user_places_come_first() {
        let src = crate::source::SourceFile::new(
            "g.csv",
            "name,lat,lon,country\nKhasan,42.43,130.64,RU\nDepot 7,42.1,130.2,RU\n",
        );
        let user = std::sync::Arc::new(UserGazetteer::parse(&src).unwrap());
        let opts = ResolveOptions {
            user: Some(user),
            ..ResolveOptions::default()
        };
        let r = resolve(
            &TripPlan::from_names(&["Khasan", "Depot 7", "Vladivostok"]),
            Gazetteer::bundled(),
            &opts,
        )
        .unwrap();
        let s = &r.trips[0].stops;
        assert_eq!((s[0].lat, s[1].lon), (42.43, 130.2));
        assert_eq!(s[2].place.as_ref().unwrap().name, "Vladivostok");
    }

    #[test]
    fn repeated_stop_is_a_zero_length_leg_with_a_warning() {
        let r = resolve_names(&["Vladivostok", "Vladivostok"]);
        assert_eq!(r.trips[0].stops.len(), 2);
        assert!(r.warnings.iter().any(|w| w.message.contains("zero-length")));
    }

    #[test]
    fn unknown_country_hint_is_an_error() {
        let opts = ResolveOptions {
            country: Some("Narnia".into()),
            ..ResolveOptions::default()
        };
        let e = resolve(
            &TripPlan::from_names(&["Paris"]),
            Gazetteer::bundled(),
            &opts,
        )
        .unwrap_err();
        assert!(e.to_string().contains("unknown country `Narnia`"));
        // Told once, not once per stop (issue 28's probe).
        let e = resolve(
            &TripPlan::from_names(&["Paris", "Lyon", "Nice"]),
            Gazetteer::bundled(),
            &opts,
        )
        .unwrap_err();
        assert!(matches!(e, Error::Invalid { .. }), "{e:?}");
    }
}
