//! Geoparsing: finds the places that English news text mentions and resolves each to a
//! gazetteer place with coordinates.
//!
//! This module owns text -> mentions -> places. The steps, one file each:
//! - [`scan`](self): every capitalised word start is walked through the gazetteer's compiled name
//!   automaton and the feature table, longest match first;
//! - `filter`: judges each name found, one mention at a time, by a table of named rules
//!   ([`RULES`]): common words, person names and organisations ("Kim Jong Il", "President
//!   Medvedev"), acronyms are dropped; places inside the names of organisations and facilities
//!   ("University of Iowa") are kept and marked `in_name`; words around a name may narrow its
//!   readings ("the Amur region", "the Quebec government", "Shelby and Madison counties");
//! - `resolve`: picks one place per name with the whole document as context (the countries and
//!   regions it names, its dateline and appositions, places near each other, population) and
//!   gives a confidence;
//! - `venues`: streets and venues found by their shape ("Elm Street", "Coffman Park") and
//!   placed at the town the text puts them in;
//! - `claims`: distance claims ("Ussuriysk, 112 kilometers north of Vladivostok") checked
//!   against the geodesic;
//! - [`rules`]: the rule table and [`RuleSet`], to switch rules off and measure them;
//! - [`eval`]: span precision/recall/F1 and accuracy within 161 km against an annotated set.
//!
//! ```
//! use itinera::geoparse::Geoparser;
//!
//! let mut parser = Geoparser::new();
//! let found = parser.extract("The train crossed from Tumangang to Khasan, then went on to Ussuriysk.");
//! let names: Vec<_> = found.mentions.iter().map(|m| m.name.as_str()).collect();
//! assert_eq!(names, ["Tumangang", "Khasan", "Ussuriysk"]);
//! assert_eq!(found.mentions[1].country, "RU");
//! ```

pub mod batch;
mod claims;
pub mod eval;
mod features;
mod filter;
mod hash;
mod resolve;
pub mod rules;
mod scan;
mod venues;
mod words;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use crate::gazetteer::{Gazetteer, MatchKind, PlaceKind, fold, loose};
use crate::trip::Mode;

pub use claims::DistanceClaim;
pub use rules::{RULES, Rule, RuleInfo, RuleSet, Step};

/// What kind of place a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SenseKind {
    /// A populated place.
    City,
    /// A first-level region (state, province, oblast).
    Region,
    /// A second-level division (county, parish, district).
    District,
    /// A country.
    Country,
    /// A continent.
    Continent,
    /// A larger named region ("Siberia", "the Far East", "the Middle East").
    Area,
    /// A sea, ocean, gulf, strait or canal.
    Sea,
    /// A lake.
    Lake,
    /// A river.
    River,
    /// A mountain, range or desert.
    Mountain,
    /// A building, venue or airport ("Heathrow", "the Staples Center"), at its own point or
    /// at the town the text places it in.
    Facility,
    /// A street, road or square ("Elm Street"), at the town the text places it in.
    Street,
}

impl SenseKind {
    /// The kind's name as written in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            SenseKind::City => "city",
            SenseKind::Region => "region",
            SenseKind::District => "district",
            SenseKind::Country => "country",
            SenseKind::Continent => "continent",
            SenseKind::Area => "area",
            SenseKind::Sea => "sea",
            SenseKind::Lake => "lake",
            SenseKind::River => "river",
            SenseKind::Mountain => "mountain",
            SenseKind::Facility => "facility",
            SenseKind::Street => "street",
        }
    }

    /// Whether the place is small enough that its point says where things happen (a city):
    /// only these anchor the spatial context and make stops of a drafted trip.
    pub fn is_point(self) -> bool {
        self == SenseKind::City
    }

    /// Prior of a curated feature, in the gazetteer's units (ln population + kind bonus):
    /// about that of a city of a million, so a well-known feature outranks villages sharing
    /// its name and loses to a country.
    fn feature_prior(self) -> f64 {
        match self {
            SenseKind::Continent => 20.0,
            _ => 14.5,
        }
    }
}

/// One reading of a name: a place and its prior.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sense {
    pub name: Cow<'static, str>,
    pub geonameid: Option<i64>,
    pub kind: SenseKind,
    pub lat: f64,
    pub lon: f64,
    pub country: Cow<'static, str>,
    pub admin1: Cow<'static, str>,
    pub population: u64,
    /// Natural-log units, comparable across the senses of one name.
    pub prior: f64,
}

impl Sense {
    /// The reading of a gazetteer place, with its prior.
    fn of_place(p: &crate::gazetteer::Place, prior: f64) -> Sense {
        Sense {
            kind: match p.kind {
                PlaceKind::City => SenseKind::City,
                PlaceKind::Region => SenseKind::Region,
                PlaceKind::District => SenseKind::District,
                PlaceKind::Country => SenseKind::Country,
                // Features keep their own kinds in the geoparser's feature table (`senses`
                // leaves their gazetteer rows out).
                PlaceKind::Airport => SenseKind::Facility,
                PlaceKind::Feature => SenseKind::Area,
            },
            name: p.name.clone(),
            geonameid: p.geonameid,
            lat: p.lat,
            lon: p.lon,
            country: p.country.clone(),
            admin1: p.admin1.clone(),
            population: p.population,
            prior,
        }
    }
}

/// A place mention found in a text and resolved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Byte offset of the first byte of the mention in the UTF-8 text.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// The gazetteer's name of the place.
    pub name: String,
    /// GeoNames id; none for curated places without one.
    pub geonameid: Option<i64>,
    /// What kind of place.
    pub kind: SenseKind,
    /// ISO 3166-1 alpha-2 country code; empty for seas, continents and other features.
    pub country: String,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Confidence in the chosen place, 0 to 1: its share of the probability over the readings
    /// of the name in this document.
    pub score: f64,
    /// The place is named inside the name of an organisation, facility or street ("Iowa" in
    /// "University of Iowa researchers", "Pike County" in "the Pike County Jail"). Written
    /// only when true.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub in_name: bool,
}

/// What [`Geoparser::extract`] found in one text.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extraction {
    /// Place mentions in text order.
    pub mentions: Vec<Mention>,
    /// Distance claims between two mentioned places.
    pub claims: Vec<DistanceClaim>,
}

/// Words of airports' names that name no airport alone ("Metro" of "Stockton Metro Airport",
/// "Business" of "Elk City Regional Business Airport").
const GENERIC_AIRPORT_WORDS: &[&str] = &[
    "metro",
    "metropolitan",
    "regional",
    "municipal",
    "international",
    "business",
    "executive",
    "county",
    "city",
    "memorial",
    "field",
    "airpark",
    "national",
    "general",
    "lakefront",
    "downtown",
    "intercontinental",
    "central",
    "air",
    "base",
];

/// Raises the gazetteer's alternate-name prior (-4) to -3 for names found in running text.
const ALTERNATE_IN_TEXT: f64 = 1.0;

/// The most readings kept per name (the most likely by prior).
const MAX_SENSES: usize = 20;
/// The cache of readings per name is emptied when it holds more names than this, so memory
/// stays bounded over any amount of text.
const CACHE_LIMIT: usize = 200_000;

/// Finds and resolves place mentions. Holds a cache of the readings of names it has seen, so
/// keep one per thread and reuse it across texts.
#[derive(Debug, Default)]
pub struct Geoparser {
    /// Readings by folded name, apart for names written as one word and as several (a
    /// one-word name is judged more strictly: "Chiesanuova" and "Chiesa Nuova" fold alike).
    /// Without the split, what a name meant depended on how the parser first met it, and
    /// so on the order documents came in.
    cache: [hash::FastMap<String, Arc<[Sense]>>; 2],
    /// The rules in force.
    rules: RuleSet,
}

impl Geoparser {
    /// A geoparser over the bundled gazetteer and feature table.
    pub fn new() -> Self {
        Geoparser::default()
    }

    /// A geoparser with only the rules of `rules` in force (to measure what each is worth).
    pub fn with_rules(rules: RuleSet) -> Self {
        Geoparser {
            rules,
            ..Geoparser::default()
        }
    }

    /// Every place mention in `text`, resolved, and the distance claims between them.
    pub fn extract(&mut self, text: &str) -> Extraction {
        let gazetteer = Gazetteer::bundled();
        let feats = features::features();
        let mut found = Vec::new();
        scan::scan(
            text,
            gazetteer.name_automaton(),
            feats.map.as_fst(),
            &mut found,
        );
        let mut spans: Vec<filter::Span> = Vec::with_capacity(found.len());
        for f in found {
            let senses = self.senses(&f);
            spans.push(filter::Span {
                start: f.start,
                end: f.end,
                key: f.key,
                senses,
                in_name: false,
            });
        }
        let mut spans = filter::filter(text, spans, self.rules);
        if self.rules.has(Rule::StateAbbreviation) {
            abbreviated_regions(text, &mut spans);
        }
        if self.rules.has(Rule::Apposition) {
            apposed_readings(text, &mut spans);
        }
        // Spans never overlap, whatever a rule widened: the first of two overlapping stays.
        let mut end = 0;
        spans.retain(|s| {
            let apart = s.start >= end;
            if apart {
                end = s.end;
            }
            apart
        });
        let mut mentions = resolve::resolve(text, spans, self.rules);
        if self.rules.has(Rule::Venues) {
            venues::add(text, &mut mentions);
        }
        let claims = claims::find(text, &mentions);
        Extraction { mentions, claims }
    }

    fn senses(&mut self, found: &scan::Found) -> Arc<[Sense]> {
        let cache = usize::from(found.words == 1);
        if let Some(s) = self.cache[cache].get(&found.key) {
            return s.clone();
        }
        if self.cache[cache].len() >= CACHE_LIMIT {
            self.cache[cache].clear();
        }
        let mut senses: Vec<Sense> = Vec::new();
        if let Some(at) = found.places {
            let gazetteer = Gazetteer::bundled();
            let candidates = gazetteer.candidates_at(&found.key, at, &found.key);
            // Countries where a place bears this as its main name: there, a place that merely
            // lists it as an alternate (Kazan lists "Khasan") keeps the full penalty.
            let named: Vec<&str> = candidates
                .iter()
                .filter(|c| c.how == MatchKind::Name)
                .map(|c| c.place.country.as_ref())
                .collect();
            for c in &candidates {
                let p = &c.place;
                // Features reach the text through the geoparser's own table, with their kinds
                // (sea, river...). An airport is read from text by a name that says "Airport"
                // or by a one-word name ("Heathrow", "Schiphol", "Sheremetyevo"); its
                // several-word short names are people far more often ("Indira Gandhi",
                // "Ben Gurion", "Charles de Gaulle").
                let airport_name = (found.words == 1
                    && !GENERIC_AIRPORT_WORDS.contains(&found.key.as_str()))
                    || found.key.contains("airport");
                if p.kind == PlaceKind::Feature || (p.kind == PlaceKind::Airport && !airport_name) {
                    continue;
                }
                // A small town is written by its own name, or a spelling or a short form of it
                // ("Tsiolkovsky", "Ramstein"): one word that is an unrelated alternate name of a
                // town under 10,000 people is something else ("Passover" is listed for
                // Mountain City, Georgia).
                if found.words == 1
                    && c.how == MatchKind::Alternate
                    && p.kind == PlaceKind::City
                    && p.population < 10_000
                {
                    let main = fold(&p.name);
                    let variant = main.starts_with(&found.key) || loose(&main) == loose(&found.key);
                    if !variant {
                        continue;
                    }
                }
                let bump = c.how == MatchKind::Alternate && !named.contains(&p.country.as_ref());
                // Text names places by their alternate names far more often than trip files
                // do ("St Petersburg", "Mecca", "Peking"): a smaller penalty.
                senses.push(Sense::of_place(
                    p,
                    c.score + if bump { ALTERNATE_IN_TEXT } else { 0.0 },
                ));
            }
        }
        if let Some(at) = found.features {
            let feats = features::features();
            if let Some(list) = feats.lists.get(at as usize) {
                senses.extend(list.iter().filter_map(|&i| feats.senses.get(i).cloned()));
            }
        }
        senses.sort_by(|a, b| b.prior.total_cmp(&a.prior));
        senses.truncate(MAX_SENSES);
        let senses: Arc<[Sense]> = senses.into();
        self.cache[cache].insert(found.key.clone(), senses.clone());
        senses
    }
}

/// Bytes of the longest region abbreviation read after a place name.
const MAX_ABBREVIATION: usize = 7;

/// Adds the regions that news abbreviates after a place name as mentions: "Dublin, Ga.",
/// "Charleston, W.Va.", "Paris, TN", "Richmond, B.C.". As appositions they settle the place
/// before them, and as regions of the document they steer its later mentions.
fn abbreviated_regions(text: &str, spans: &mut Vec<filter::Span>) {
    let gazetteer = Gazetteer::bundled();
    let mut added = Vec::new();
    let mut replaced = Vec::new();
    for (i, s) in spans.iter().enumerate() {
        let Some(rest) = text[s.end..].strip_prefix(", ") else {
            continue;
        };
        let start = s.end + 2;
        // A name there ("Paris, Texas") stays, unless the abbreviation covers it ("Kan." read
        // as a town "Kan").
        let next = spans.get(i + 1).filter(|n| n.start == start);
        if !rest.starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        // The longest abbreviations are six bytes ("N.W.T.", "W. Va.", "N.Dak.").
        let len = rest
            .find(|c: char| !(c.is_ascii_alphabetic() || c == '.' || c == ' '))
            .unwrap_or(rest.len())
            .min(MAX_ABBREVIATION);
        // "W. Va." may hold a space; take the longest prefix that is a code.
        let candidates = (1..=len).rev().filter(|&n| {
            rest.is_char_boundary(n)
                && rest[n..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
                && !rest[..n].ends_with(' ')
        });
        for n in candidates {
            let token = &rest[..n];
            let letters = token.chars().filter(char::is_ascii_alphabetic).count();
            // A bare code only in capitals ("TN"), an abbreviation only with its dot ("Ga.").
            let code = (letters == token.len() && token.chars().all(|c| c.is_ascii_uppercase()))
                || token.contains('.');
            if !code || letters < 2 {
                continue;
            }
            let senses: Vec<Sense> = gazetteer
                .region_abbreviation_areas(token)
                .into_iter()
                .filter_map(|a| gazetteer.region(a))
                .map(|p| Sense::of_place(&p, 0.0))
                .collect();
            if next.is_some_and(|n| n.end > start + n_letters_end(token)) {
                break;
            }
            // Never over another name: spans stay apart ("U.S.Mt." is not Montana's code).
            // Spans are in order: the first that starts after `start` is the one to check (a
            // scan of them all, for every name followed by a comma, was quadratic).
            let end = start + n;
            let after = spans.partition_point(|o| o.start <= start);
            if spans.get(after).is_some_and(|o| o.start < end) {
                continue;
            }
            if !senses.is_empty() {
                if next.is_some() {
                    replaced.push(start);
                }
                added.push(filter::Span {
                    start,
                    end: start + n,
                    key: fold(token),
                    senses: senses.into(),
                    in_name: false,
                });
                break;
            }
        }
    }
    if !added.is_empty() {
        let replaced: std::collections::HashSet<usize> = replaced.into_iter().collect();
        spans.retain(|s| !replaced.contains(&s.start));
        spans.extend(added);
        spans.sort_by_key(|s| s.start);
    }
}

/// "MOSCOW, Idaho", "Lebanon, Ohio": when no reading of a name lies in the region or country
/// named after its comma (the name has more namesakes than the readings kept), the
/// gazetteer's places of that name inside the area are added to its readings, so the
/// apposition can settle it.
fn apposed_readings(text: &str, spans: &mut [filter::Span]) {
    let gazetteer = Gazetteer::bundled();
    for i in 1..spans.len() {
        let (before, after) = spans.split_at_mut(i);
        let (a, b) = (&mut before[i - 1], &after[0]);
        if !matches!(text.get(a.end..b.start), Some(", " | ",")) {
            continue;
        }
        let areas: Vec<&Sense> = b
            .senses
            .iter()
            .filter(|s| matches!(s.kind, SenseKind::Region | SenseKind::Country))
            .collect();
        let inside = |s: &Sense| {
            s.kind == SenseKind::City
                && areas.iter().any(|r| {
                    r.country == s.country && (r.kind == SenseKind::Country || r.admin1 == s.admin1)
                })
        };
        if areas.is_empty() || a.senses.iter().any(inside) {
            continue;
        }
        let more: Vec<Sense> = gazetteer
            .lookup(&text[a.start..a.end], &Default::default())
            .iter()
            .filter(|c| c.place.kind == PlaceKind::City)
            .map(|c| Sense::of_place(&c.place, c.score))
            .filter(inside)
            .collect();
        if !more.is_empty() {
            a.senses = a
                .senses
                .iter()
                .cloned()
                .chain(more)
                .collect::<Vec<_>>()
                .into();
        }
    }
}

/// Bytes of an abbreviation up to its last letter ("Kan." -> 3): a name found there may end
/// before the dot.
fn n_letters_end(token: &str) -> usize {
    token.trim_end_matches('.').len()
}

/// Converts the byte offsets of mentions and claims to character offsets (Unicode scalar
/// values), for tools that count characters.
pub fn to_char_offsets(text: &str, extraction: &mut Extraction) {
    let mut points: Vec<usize> = Vec::new();
    for m in &extraction.mentions {
        points.extend([m.start, m.end]);
    }
    for c in &extraction.claims {
        points.extend([c.start, c.end]);
    }
    points.sort_unstable();
    points.dedup();
    let mut map: HashMap<usize, usize> = HashMap::with_capacity(points.len());
    let mut chars = 0;
    let mut last = 0;
    for p in points {
        let p = p.min(text.len());
        chars += text.get(last..p).map_or(0, |s| s.chars().count());
        last = p;
        map.insert(p, chars);
    }
    let at = |b: usize| map.get(&b).copied().unwrap_or(b);
    for m in &mut extraction.mentions {
        (m.start, m.end) = (at(m.start), at(m.end));
    }
    for c in &mut extraction.claims {
        (c.start, c.end) = (at(c.start), at(c.end));
    }
}

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

#[cfg(test)]
mod tests;
