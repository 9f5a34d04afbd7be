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
//! - `apposed`: region abbreviations after a comma ("Dublin, Ga.") added as mentions, and a
//!   name's places inside the area after its comma added to its readings;
//! - `claims`: distance claims ("Ussuriysk, 112 kilometers north of Vladivostok") checked
//!   against the geodesic;
//! - [`rules`]: the rule table and [`RuleSet`], to switch rules off and measure them;
//! - [`eval`]: span precision/recall/F1 and accuracy within 161 km against an annotated set;
//! - `draft`: [`draft_trip`] and [`TripDraft`], a trip file drafted from the mentions.
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

mod apposed;
pub mod batch;
mod claims;
mod draft;
pub mod eval;
mod features;
mod filter;
mod hash;
mod lookups;
mod resolve;
pub mod rules;
mod scan;
mod tally;
mod venues;
mod words;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use crate::gazetteer::{Gazetteer, MatchKind, PlaceKind, fold, loose};

use apposed::{abbreviated_regions, apposed_readings};
pub use claims::DistanceClaim;
pub use draft::{TripDraft, draft_trip};
pub use rules::{RULES, Rule, RuleInfo, RuleSet, Step};
pub use tally::{PlaceCount, PlaceTally};

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
    /// The automata's states after capitalised words already met.
    words: scan::WordMemo,
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
            &mut self.words,
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

#[cfg(test)]
mod tests;
