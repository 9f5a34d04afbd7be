//! Stop resolution: each named stop becomes a gazetteer place, chosen with the whole trip in view.
//!
//! Every stop's candidates carry the gazetteer's prior (match kind, population, country hint,
//! script). A trip picks the sequence of candidates with the best total score, where each leg
//! costs `3 · ln(1 + min(km, 2000)/100)`, and more for a leg out of scale with the trip: a stop near its neighbours beats a namesake across
//! the world unless the namesake is far more populous (Viterbi over the chain of stops).

use super::{PALETTE, Stop, StopSpec, Trip, TripPlan};
use crate::InvalidKind;
use crate::error::{Error, Result};
use crate::gazetteer::{
    COORDINATE_HELP, Candidate, Gazetteer, LookupOptions, MatchKind, Place, PlaceKind, Query,
    UserGazetteer, fold, haversine_km, near_label, spelling_note,
};
use std::collections::HashMap;

/// Candidates kept per stop.
const MAX_CANDIDATES: usize = 25;
/// Weight of the distance to the neighbouring stops, per natural-log unit.
const DISTANCE_WEIGHT: f64 = 3.0;
/// A losing candidate at least this far from the chosen one, with a prior within
/// [`AMBIGUITY_MARGIN`] of it, makes the stop ambiguous.
const AMBIGUITY_KM: f64 = 50.0;
/// ln(20): the runner-up has at least a twentieth of the evidence (Springfield, Illinois
/// against Springfield, Missouri is ambiguous; London, England against London, Ontario is not).
const AMBIGUITY_MARGIN: f64 = 2.996;
/// Beyond this distance a neighbour says nothing more about which namesake is meant: a stop
/// 8,000 km away does not favour the namesake 6,000 km away.
const DISTANCE_CAP_KM: f64 = 2000.0;
/// A leg more than this many times longer than the trip's typical leg ([`typical_leg`]) is
/// out of scale with the rest of the trip, and costs
/// [`DISTANCE_WEIGHT`] more per e-fold beyond, without the cap: Lagos beside Faro and Lisbon
/// (legs of 70 and 220 km) is the Portuguese town, not Lagos, Nigeria 3,900 km off, while
/// Washington before Brussels and Kyiv (1,800 km) stays the capital 6,000 km away.
const OUT_OF_SCALE: f64 = 5.0;

/// Cost of a leg of `d` km between chosen candidates, in a trip whose typical leg is
/// `scale` km.
fn leg_cost(d: f64, scale: f64) -> f64 {
    let beyond = (d / (OUT_OF_SCALE * scale.max(1.0))).max(1.0);
    DISTANCE_WEIGHT * ((1.0 + d.min(DISTANCE_CAP_KM) / 100.0).ln() + beyond.ln())
}

/// The trip's typical leg, km: for each pair of neighbouring stops the shortest leg any of
/// their readings allow, and the median of those (the upper one of two). A reading in doubt
/// does not set the scale it is judged by: Memphis, Cairo and St. Louis are 200 km apart
/// when Cairo is the one in Illinois.
fn typical_leg(options: &[Vec<((f64, f64), f64)>]) -> f64 {
    let mut legs: Vec<f64> = options
        .windows(2)
        .filter_map(|w| {
            w[0].iter()
                .flat_map(|a| w[1].iter().map(move |b| km(a.0, b.0)))
                .min_by(f64::total_cmp)
        })
        .collect();
    legs.sort_by(f64::total_cmp);
    legs.get(legs.len() / 2).copied().unwrap_or(0.0)
}

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
        let trip_country = spec.country.as_ref().or(options.country.as_ref());
        // Stops written as coordinates get their point; the others are used as they are
        // (borrowed: a large trip is not copied).
        let mut fixed: Vec<(usize, StopSpec)> = Vec::new();
        for (i, stop) in spec.stops.iter().enumerate() {
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
        name_apart(&spec.stops, &mut fixed);
        let points: Vec<&StopSpec> = spec
            .stops
            .iter()
            .enumerate()
            .map(|(i, s)| match fixed.binary_search_by_key(&i, |f| f.0) {
                Ok(at) => &fixed[at].1,
                Err(_) => s,
            })
            .collect();
        let mut columns: Vec<Vec<Candidate>> = Vec::with_capacity(points.len());
        for stop in &points {
            columns.push(
                match stop_candidates(stop, trip_country, gazetteer, options.user.as_deref()) {
                    Ok(c) => c,
                    Err(e) => {
                        errors.push(e);
                        Vec::new()
                    }
                },
            );
        }
        if columns
            .iter()
            .zip(&points)
            .any(|(c, s)| c.is_empty() && s.lat.is_none())
        {
            continue;
        }
        let choice = best_path(&points, &columns);
        let mut stops = Vec::with_capacity(points.len());
        // The last date seen in the trip, and its stop's label.
        let mut last_date: Option<(super::Date, String)> = None;
        for (i, &stop) in points.iter().enumerate() {
            let resolved = match (stop.lat, stop.lon) {
                (Some(lat), Some(lon)) => Stop {
                    label: label(stop, None),
                    place: None,
                    lat,
                    lon,
                    date: stop.date,
                    note: stop.note.clone(),
                    mode: stop.mode,
                },
                _ => {
                    let chosen = &columns[i][choice[i]];
                    if chosen.how == MatchKind::Spelling {
                        let name = stop.place.as_deref().unwrap_or_default();
                        let message = spelling_note(name, &chosen.matched);
                        if options.strict {
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
                    let neighbours = neighbour_points(&points, &columns, &choice, i);
                    if let Some(w) = ambiguity(stop, chosen, &columns[i], &neighbours) {
                        if options.strict {
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
                    Stop {
                        // A corrected spelling is labelled as the place is spelt.
                        label: match chosen.how {
                            MatchKind::Spelling if stop.name.is_none() => chosen.matched.clone(),
                            _ => label(stop, Some(&chosen.matched)),
                        },
                        place: Some(chosen.place.clone()),
                        lat: chosen.place.lat,
                        lon: chosen.place.lon,
                        date: stop.date,
                        note: stop.note.clone(),
                        mode: stop.mode,
                    }
                }
            };
            // Places (GPS waypoints) have no legs and no order in time: nothing to warn of.
            if let Some(prev) = stops
                .last()
                .filter(|_| !spec.places)
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
            if let Some((prev, at)) = last_date.as_ref().zip(resolved.date)
                && at.before(&prev.0)
                && !spec.places
            {
                warnings.push(Warning {
                    message: format!(
                        "`{}` is dated {at}, before `{}` ({}): dates run backwards",
                        resolved.label, prev.1, prev.0
                    ),
                    location: stop.location.clone(),
                });
            }
            if let Some(d) = &resolved.date {
                last_date = Some((*d, resolved.label.clone()));
            }
            stops.push(resolved);
        }
        trips.push(Trip {
            name: spec.name.clone(),
            color: spec
                .color
                .clone()
                .unwrap_or_else(|| PALETTE[t % PALETTE.len()].to_string()),
            mode: spec.mode,
            stops,
            places: spec.places,
        });
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
        if shared && generated(*i, s) {
            if let Some(text) = stops[*i].place.as_deref() {
                s.name = Some(text.trim().to_string());
            }
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
    match Query::parse(place) {
        Ok(Query::Name { name, .. }) if !name.is_empty() => name.to_string(),
        _ => place.to_string(),
    }
}

/// How to say which place is meant: `"Portland, Oregon"`, or `region = "Oregon"` in a trip file.
fn how_to_choose(stop: &StopSpec, chosen: &Place) -> String {
    let name = stop.place.as_deref().unwrap_or_default();
    match chosen.admin1_name() {
        Some(region) => format!(
            "write the place with its region, `{name}, {region}`, or in a trip file add \
             region = \"{region}\" (or country = \"CC\") to the stop"
        ),
        None => format!(
            "write the place with its country, `{}`, or give the stop's lat and lon",
            qualified(name, chosen)
        ),
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

use haversine_km as km;

/// Index of the chosen candidate per stop (0 for stops with coordinates): Viterbi, maximising
/// the sum of priors minus the distance cost of each leg.
fn best_path(stops: &[&StopSpec], columns: &[Vec<Candidate>]) -> Vec<usize> {
    // Each stop's options as (position, prior).
    let options: Vec<Vec<((f64, f64), f64)>> = stops
        .iter()
        .zip(columns)
        .map(|(s, c)| match (s.lat, s.lon) {
            (Some(lat), Some(lon)) => vec![((lat, lon), 0.0)],
            _ => c
                .iter()
                .map(|c| ((c.place.lat, c.place.lon), c.score))
                .collect(),
        })
        .collect();
    let scale = typical_leg(&options);
    let mut score: Vec<f64> = options
        .first()
        .map_or_else(Vec::new, |o| o.iter().map(|x| x.1).collect());
    let mut back: Vec<Vec<usize>> = vec![vec![0; score.len()]];
    for w in options.windows(2) {
        let (prev, cur) = (&w[0], &w[1]);
        let mut next = Vec::with_capacity(cur.len());
        let mut from = Vec::with_capacity(cur.len());
        for (pos, prior) in cur {
            let (j, best) = prev
                .iter()
                .enumerate()
                .map(|(j, (ppos, _))| (j, score[j] - leg_cost(km(*ppos, *pos), scale)))
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .unwrap_or((0, 0.0));
            next.push(best + prior);
            from.push(j);
        }
        score = next;
        back.push(from);
    }
    let mut path = vec![0; options.len()];
    let Some((mut k, _)) = score.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)) else {
        return path;
    };
    for i in (0..options.len()).rev() {
        path[i] = k;
        k = back[i].get(k).copied().unwrap_or(0);
    }
    path
}

/// Whether `area` is the region or country that `place` lies in (Khabarovsk Krai for the city
/// of Khabarovsk): choosing the city over its namesake region is not an ambiguity.
fn contains(area: &Place, place: &Place) -> bool {
    match area.kind {
        PlaceKind::Country => area.country == place.country,
        PlaceKind::Region | PlaceKind::District => {
            area.country == place.country && area.admin1 == place.admin1
        }
        PlaceKind::City | PlaceKind::Airport | PlaceKind::Feature => false,
    }
}

/// The chosen positions of the stops before and after stop `i`.
fn neighbour_points(
    stops: &[&StopSpec],
    columns: &[Vec<Candidate>],
    choice: &[usize],
    i: usize,
) -> Vec<(f64, f64)> {
    [i.checked_sub(1), Some(i + 1)]
        .into_iter()
        .flatten()
        .filter_map(|j| {
            let s = stops.get(j)?;
            match (s.lat, s.lon) {
                (Some(lat), Some(lon)) => Some((lat, lon)),
                _ => columns[j]
                    .get(choice[j])
                    .map(|c| (c.place.lat, c.place.lon)),
            }
        })
        .collect()
}

/// A warning when another far-away candidate, matched as well (same kind of match), is nearly
/// as likely as the chosen one given the neighbouring stops as chosen.
fn ambiguity(
    stop: &StopSpec,
    chosen: &Candidate,
    all: &[Candidate],
    neighbours: &[(f64, f64)],
) -> Option<Warning> {
    let in_context = |c: &Candidate| {
        let p = (c.place.lat, c.place.lon);
        c.score
            - neighbours
                .iter()
                .map(|n| leg_cost(km(*n, p), f64::INFINITY))
                .sum::<f64>()
    };
    let here = (chosen.place.lat, chosen.place.lon);
    let bar = in_context(chosen) - AMBIGUITY_MARGIN;
    let rivals: Vec<&Candidate> = all
        .iter()
        .filter(|c| c.how <= chosen.how && in_context(c) >= bar)
        .filter(|c| !contains(&c.place, &chosen.place))
        .filter(|c| km(here, (c.place.lat, c.place.lon)) > AMBIGUITY_KM)
        .take(3)
        .collect();
    let first = rivals.first()?;
    let name = stop.place.as_deref().unwrap_or_default();
    let listed: Vec<String> = rivals.iter().map(|c| c.place.to_string()).collect();
    let (mine, theirs) = (
        qualified(name, &chosen.place),
        qualified(name, &first.place),
    );
    let how = if mine == theirs {
        // Same country and region (a user's two depots): only coordinates tell them apart.
        "give the stop its lat and lon".to_string()
    } else {
        format!("write `{mine}` or `{theirs}`")
    };
    Some(Warning {
        message: format!(
            "`{name}` is ambiguous: chose {}; also {}; to choose, {how}",
            chosen.place,
            listed.join("; "),
        ),
        location: stop.location.clone(),
    })
}

/// The name qualified by the place's region ("Portland, Maine"), or by its country.
fn qualified(name: &str, place: &Place) -> String {
    match place.admin1_name() {
        Some(region) if place.kind != PlaceKind::Country => format!("{name}, {region}"),
        _ => format!("{name}, {}", place.country),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trip::TripPlan;

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
