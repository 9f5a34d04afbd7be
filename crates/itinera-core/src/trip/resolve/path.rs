//! The choice of one candidate per stop: the cost of a leg, the trip's typical leg, and the
//! sequence of candidates with the best total score (Viterbi over the chain of stops).

use crate::gazetteer::{Candidate, haversine_km as km};
use crate::trip::StopSpec;

/// Weight of the distance to the neighbouring stops, per natural-log unit.
const DISTANCE_WEIGHT: f64 = 3.0;
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
pub(super) fn leg_cost(d: f64, scale: f64) -> f64 {
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

/// Index of the chosen candidate per stop (0 for stops with coordinates): Viterbi, maximising
/// the sum of priors minus the distance cost of each leg.
pub(super) fn best_path(stops: &[&StopSpec], columns: &[Vec<Candidate>]) -> Vec<usize> {
    // Nothing to choose (every stop has its coordinates, or one candidate at most, as in a
    // GPS track of a million points): the first of each, without scoring a path.
    let one = |(s, c): (&&StopSpec, &Vec<Candidate>)| {
        matches!((s.lat, s.lon), (Some(_), Some(_))) || c.len() <= 1
    };
    if stops.iter().zip(columns).all(one) {
        return vec![0; stops.len().min(columns.len())];
    }
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
