//! Ambiguity: whether a losing candidate far from the chosen one is nearly as likely given the
//! neighbouring stops, and how the user can say which place is meant.

use super::Warning;
use super::path::leg_cost;
use crate::gazetteer::{Candidate, Place, PlaceKind, haversine_km as km};
use crate::trip::StopSpec;

/// A losing candidate at least this far from the chosen one, with a prior within
/// [`AMBIGUITY_MARGIN`] of it, makes the stop ambiguous.
const AMBIGUITY_KM: f64 = 50.0;
/// ln(20): the runner-up has at least a twentieth of the evidence (Springfield, Illinois
/// against Springfield, Missouri is ambiguous; London, England against London, Ontario is not).
const AMBIGUITY_MARGIN: f64 = 2.996;

/// How to say which place is meant: `"Portland, Oregon"`, or `region = "Oregon"` in a trip file.
pub(super) fn how_to_choose(stop: &StopSpec, chosen: &Place) -> String {
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

/// Whether `area` is the region or country that `place` lies in (Khabarovsk Krai for the city
/// of Khabarovsk): choosing the city over its namesake region is not an ambiguity.
pub(super) fn contains(area: &Place, place: &Place) -> bool {
    match area.kind {
        PlaceKind::Country => area.country == place.country,
        PlaceKind::Region | PlaceKind::District => {
            area.country == place.country && area.admin1 == place.admin1
        }
        PlaceKind::City | PlaceKind::Airport | PlaceKind::Feature => false,
    }
}

/// The chosen positions of the stops before and after stop `i`.
pub(super) fn neighbour_points(
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
pub(super) fn ambiguity(
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
