//! Draft trip files from the mentions of a text: the cities in the order the text first
//! names them, a far stop named once marked in its note or, weakly read, left out.

use std::collections::HashMap;

use serde::Serialize;

use crate::trip::Mode;

use super::Mention;

/// A draft trip file (TOML) from the mentions of one text: the cities in the order the text
/// first names them, with their coordinates (so the draft resolves exactly as extracted) and a
/// note of the words that named them. Countries, regions and features are left out.
pub fn draft_trip(title: &str, mentions: &[Mention]) -> String {
    let mut draft = TripDraft::default();
    draft.add(mentions);
    draft.finish(title)
}

/// A [`draft_trip`] built from a text's mentions as they come, block by block: it keeps only
/// the distinct stops, so a long text costs memory for the places it names, not its mentions.
#[derive(Debug, Default)]
pub struct TripDraft {
    /// Stops by name and id: their index in `stops`.
    seen: HashMap<(String, Option<i64>), usize>,
    stops: Vec<DraftStop>,
}

/// A drafted trip file, as `trip::parse_toml` reads it.
#[derive(Serialize)]
struct DraftFile<'a> {
    title: &'a str,
    trips: [DraftTrip<'a>; 1],
}

#[derive(Serialize)]
struct DraftTrip<'a> {
    name: &'a str,
    mode: Mode,
    stops: &'a [DraftStop],
}

#[derive(Debug, Clone, Serialize)]
struct DraftStop {
    name: String,
    lat: f64,
    lon: f64,
    note: String,
    /// Mentions of the stop in the text.
    #[serde(skip)]
    mentions: usize,
    /// The best confidence of its mentions.
    #[serde(skip)]
    score: f64,
}

/// A stop farther than this from every other stop of a draft, km, and named once is marked
/// in its note; with a confidence below [`OUTLIER_SCORE`] it is left out of the draft (and
/// named in its header).
const OUTLIER_KM: f64 = 2000.0;
/// See [`OUTLIER_KM`].
const OUTLIER_SCORE: f64 = 0.75;
/// Stops a draft needs before one can be called far from the others.
const OUTLIER_MIN_STOPS: usize = 3;

impl TripDraft {
    /// Adds the stops among `mentions` that are not in the draft yet.
    pub fn add(&mut self, mentions: &[Mention]) {
        // A dateline ("KHASAN, Russia —", in capitals) says where the story was filed, not a stop.
        let dateline = |m: &Mention| {
            m.text.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !m.text.chars().any(char::is_lowercase)
        };
        for m in mentions
            .iter()
            .filter(|m| m.kind.is_point() && !m.in_name && !dateline(m))
        {
            let key = (m.name.clone(), m.geonameid);
            if let Some(&i) = self.seen.get(&key) {
                if let Some(stop) = self.stops.get_mut(i) {
                    stop.mentions += 1;
                    stop.score = stop.score.max(m.score);
                }
                continue;
            }
            self.seen.insert(key, self.stops.len());
            let note = format!(
                "\"{}\" at byte {}; geonameid {}; confidence {:.2}",
                m.text,
                m.start,
                m.geonameid.map_or("none".into(), |g| g.to_string()),
                m.score
            );
            // Five decimals (about a metre), as the gazetteer has them.
            let round5 = |v: f64| (v * 1e5).round() / 1e5;
            self.stops.push(DraftStop {
                name: m.name.clone(),
                lat: round5(m.lat),
                lon: round5(m.lon),
                note,
                mentions: 1,
                score: m.score,
            });
        }
    }

    /// True while no stop has been added.
    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }

    /// For each stop, the distance to the nearest other stop, km, when it is farther than
    /// [`OUTLIER_KM`] from all of them and named once: more likely a misread name than a
    /// stop ("Paris" in a story set in Kentucky read as France).
    fn far_once(&self) -> Vec<Option<f64>> {
        (0..self.stops.len())
            .map(|i| {
                let a = &self.stops[i];
                let nearest = self
                    .stops
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, b)| crate::gazetteer::haversine_km((a.lat, a.lon), (b.lat, b.lon)))
                    .fold(f64::INFINITY, f64::min);
                (self.stops.len() >= OUTLIER_MIN_STOPS && a.mentions == 1 && nearest > OUTLIER_KM)
                    .then_some(nearest)
            })
            .collect()
    }

    /// The trip file, titled `title`.
    pub fn finish(&self, title: &str) -> String {
        let far = self.far_once();
        // Far and weakly read: left out, and named in the header. Far but confidently read:
        // kept, with a warning in its note.
        let out = |i: usize| far[i].is_some() && self.stops[i].score < OUTLIER_SCORE;
        let mut stops: Vec<DraftStop> = Vec::with_capacity(self.stops.len());
        let mut left_out = String::new();
        for (i, s) in self.stops.iter().enumerate() {
            match far[i] {
                Some(km) if out(i) => {
                    left_out.push_str(&format!(
                        "# Left out: {} ({:.5}, {:.5}), named once, confidence {:.2}, {km:.0} km from \
                         the nearest other stop.\n",
                        s.name, s.lat, s.lon, s.score
                    ));
                }
                Some(km) => {
                    let mut s = s.clone();
                    s.note.push_str(&format!(
                        "; check: named once and {km:.0} km from the nearest other stop"
                    ));
                    stops.push(s);
                }
                None => stops.push(s.clone()),
            }
        }
        let file = DraftFile {
            title,
            trips: [DraftTrip {
                name: title,
                mode: Mode::Unknown,
                stops: &stops,
            }],
        };
        let body = toml::to_string(&file).unwrap_or_else(|e| {
            // Strings, finite numbers and tables always serialise; say so if not.
            format!("# itinera could not write this draft: {e}\n")
        });
        format!(
            "# Drafted by `itinera extract` from the places the text names, in the order it first names\n\
             # them. Check the order and remove places that are not stops of the journey.\n{left_out}{body}"
        )
    }
}
