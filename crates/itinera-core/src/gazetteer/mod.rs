//! The bundled gazetteer: ~281k places (GeoNames cities500, second- and first-level divisions,
//! countries, 7,884 airports, curated islands, seas, crossings and sites) with their names in
//! every script, compiled into the binary, looked up by folded name, by designator ("Hebei
//! province"), by airport code ("LHR") or by a clear misspelling.
//!
//! This module owns names -> ranked candidate places. It knows nothing of trips or text: the
//! callers ([`crate::trip`], later the geoparser) add context such as neighbouring stops.
//!
//! The index is built by `build.rs` from `geodata/places.tsv.gz`: three finite-state maps (folded
//! name, loosely folded name, airport code as written) point at posting lists of places, so start-up costs nothing and a
//! lookup parses only the candidate rows.

mod designators;
mod find;
mod index;
mod place;
mod query;
mod rank;
mod spelling;
mod tables;
mod user;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::OnceLock;

use fst::{IntoStreamer, Streamer};

use crate::InvalidKind;
use crate::error::{Error, Result};

pub(crate) use itinera_data::normalize::{fold, fold_char, loose};
pub(crate) use query::{COORDINATE_HELP, Query, is_coordinates};
pub use user::UserGazetteer;

use index::*;
pub use place::*;
use rank::*;
pub use tables::Area;
use tables::*;

use itinera_data::gazetteer::{
    ADMIN1, BIG, BY_LATITUDE, CODES, COUNTRIES, EXACT, LOOSE, PLACES, POSTINGS,
};

/// Posting-list flags (see `build.rs`): the key is the place's main name; the key is only a
/// romanisation (an alternate name `derive.py` marked with `~`).
const PRIMARY: u32 = 1 << 31;
const ROMANISED: u32 = 1 << 30;
const OFFSET: u32 = ROMANISED - 1;
/// Weight of a place's fame: natural-log units per e-fold of the number of names it has. A place
/// that many languages name (Köln: 88 alternate names) is the one the world means, over a
/// namesake that only its own people name (Cologne, Lombardy: 3).
const FAME_WEIGHT: f64 = 1.0;
/// Prior bonus (natural-log units) when a non-Latin query is written in a script native to the
/// place's country: a name in a country's own script is that country's name for the place, far
/// likelier than the same letters as a foreign exonym ("Хасан" is Khasan, Russia, not Hassan,
/// India, which lists it as its Russian name). Outweighs a 3000-fold population difference.
const NATIVE_SCRIPT_BONUS: f64 = 8.0;

/// Options of a lookup.
#[derive(Debug, Clone, Default)]
pub struct LookupOptions {
    /// ISO 3166-1 alpha-2 code: candidates in this country rank above all others.
    pub country: Option<String>,
}

/// The gazetteer. Get the bundled one with [`Gazetteer::bundled`].
pub struct Gazetteer {
    exact: fst::Map<&'static [u8]>,
    loose: fst::Map<&'static [u8]>,
    codes: fst::Map<&'static [u8]>,
}

impl fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("names", &self.exact.len())
            .finish()
    }
}

impl Gazetteer {
    /// The gazetteer compiled into the binary. Costs nothing to open.
    pub fn bundled() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer {
            exact: fst::Map::new(EXACT).expect("build.rs wrote a valid fst"),
            loose: fst::Map::new(LOOSE).expect("build.rs wrote a valid fst"),
            codes: fst::Map::new(CODES).expect("build.rs wrote a valid fst"),
        })
    }

    /// Number of distinct folded names.
    pub fn name_count(&self) -> usize {
        self.exact.len()
    }

    /// Number of places.
    pub fn place_count(&self) -> usize {
        PLACES.lines().count()
    }

    /// The place with this id.
    pub fn place(&self, id: PlaceId) -> Place {
        let start = id.0 as usize;
        let line = PLACES[start..].split('\n').next().unwrap_or_default();
        parse_row(id, line)
    }

    /// All places, in table order (cities, then regions, then countries).
    pub fn places(&self) -> impl Iterator<Item = Place> + '_ {
        let mut offset = 0usize;
        PLACES.split_inclusive('\n').map(move |line| {
            let id = PlaceId(offset as u32);
            offset += line.len();
            parse_row(id, line.trim_end_matches('\n'))
        })
    }

    /// Places of one kind. Regions and countries (a few thousand rows at the end of the table)
    /// cost nothing to list; cities mean a pass over the whole table.
    pub fn places_of_kind(&self, kind: PlaceKind) -> impl Iterator<Item = Place> + '_ {
        let start = match kind {
            PlaceKind::City => 0,
            _ => big_words().last().copied().unwrap_or(0) as usize,
        };
        let mut offset = start;
        PLACES[start..]
            .split_inclusive('\n')
            .filter_map(move |line| {
                let id = PlaceId(offset as u32);
                offset += line.len();
                let p = parse_row(id, line.trim_end_matches('\n'));
                (p.kind == kind).then_some(p)
            })
    }

    /// Cities of 300,000 people or more, largest first.
    pub fn largest_cities(&self) -> impl Iterator<Item = Place> + '_ {
        let words = big_words();
        words[..words.len().saturating_sub(1)]
            .iter()
            .map(|o| self.place(PlaceId(*o)))
    }

    /// Whether `code` is an ISO 3166-1 alpha-2 code the gazetteer knows.
    pub fn is_country_code(&self, code: &str) -> bool {
        tables().countries.contains_key(code)
    }

    /// The ISO code of a country given by code or by name ("RU", "ru", "Russia").
    pub fn country_code(&self, text: &str) -> Option<&'static str> {
        let upper = text.trim().to_ascii_uppercase();
        if let Some((code, _)) = tables().countries.get_key_value(upper.as_str()) {
            return Some(code);
        }
        let key = fold(text);
        tables()
            .countries
            .iter()
            .find(|(_, c)| fold(c.name) == key)
            .map(|(code, _)| *code)
    }

    /// Candidate places for a name, best first. Empty when nothing matches.
    ///
    /// # Examples
    ///
    /// ```
    /// use itinera::Gazetteer;
    ///
    /// let g = Gazetteer::bundled();
    /// let found = g.lookup("Cologne", &Default::default());
    /// // The English exonym of Köln, not the village in Lombardy of that name.
    /// assert_eq!(found[0].place.country, "DE");
    /// assert_eq!(found[0].place.name, "Köln");
    /// ```
    pub fn lookup(&self, query: &str, options: &LookupOptions) -> Vec<Candidate> {
        let found = self.lookup_designated_or_whole(query, options);
        // "the Kuril Islands", "the Gambia", "The Hague": the article is written or not.
        match strip_article(query) {
            Some(rest) if found.is_empty() => self.lookup_designated_or_whole(rest, options),
            _ => found,
        }
    }

    fn lookup_designated_or_whole(&self, query: &str, options: &LookupOptions) -> Vec<Candidate> {
        let mut whole = self.lookup_name(query, options);
        if let Some(city) = self.namesake_city(&whole, options) {
            whole.insert(0, city);
        }
        if whole.first().is_some_and(|c| c.place.kind.is_area()) {
            return whole;
        }
        match self.lookup_designated(query, options) {
            areas if !areas.is_empty() => areas,
            _ => whole,
        }
    }

    /// The city a region's other name stands for: when the best candidate is a region or
    /// district found by an alternate name (its name in another script, "الخرطوم"), and a
    /// city inside it bears the region's own main name with a hundredth of its people
    /// (Khartoum in Khartoum State), the city is meant, as it would be for the main name
    /// ([`rank_namesake_areas`]); the city's row may lack that alternate name.
    fn namesake_city(&self, found: &[Candidate], options: &LookupOptions) -> Option<Candidate> {
        let top = found.first()?;
        if !matches!(top.place.kind, PlaceKind::Region | PlaceKind::District)
            || top.how == MatchKind::Name
        {
            return None;
        }
        let area = &top.place;
        let city = self
            .lookup_name(&area.name, options)
            .into_iter()
            .find(|c| {
                c.place.kind == PlaceKind::City
                    && c.how == MatchKind::Name
                    && c.place.country == area.country
                    && c.place.admin1 == area.admin1
                    && c.place.population.saturating_mul(100) >= area.population
            })?;
        Some(Candidate {
            matched: top.matched.clone(),
            how: top.how,
            score: top.score + 0.01,
            ..city
        })
    }

    /// Records the places filed under a folded name, exactly or through its loose key.
    fn note_key(&self, found: &mut HashMap<u32, MatchKind>, key: &str) {
        if let Some(at) = self.exact.get(key) {
            note(found, postings(at), false);
        }
        if let Some(at) = self.loose.get(loose(key)) {
            note(found, postings(at), true);
        }
    }

    /// Candidates for the name as written, without reading designators.
    fn lookup_name(&self, query: &str, options: &LookupOptions) -> Vec<Candidate> {
        let key = fold(query);
        if key.is_empty() {
            return Vec::new();
        }
        let mut found: HashMap<u32, MatchKind> = HashMap::new();
        self.note_key(&mut found, &key);
        let code = airport_code(query).and_then(|c| self.codes.get(c));
        if let Some(at) = code {
            for e in postings(at) {
                found.insert(e & OFFSET, MatchKind::Code);
            }
        }
        let mut out = self.rank(found, &key, query, options, true);
        if code.is_some() {
            // Capitals that people write as a place's name, in capitals ("USA", "UAE"), mean
            // that place; other capitals that are an airport's code mean the airport, over
            // any name of the same letters in lower case ("SIN" is Singapore Changi, not Sīn,
            // Iran; "ORD" is O'Hare, not Ord, Nebraska).
            let trimmed = query.trim();
            let named = out.iter().any(|c| {
                matches!(c.how, MatchKind::Name | MatchKind::Alternate) && c.matched == trimmed
            });
            for c in out.iter_mut().filter(|c| c.how == MatchKind::Code) {
                c.score += if named { -CODE_WEIGHT } else { CODE_WEIGHT };
            }
            sort_candidates(&mut out);
        }
        out
    }

    /// The airport of an IATA or ICAO code ("LHR", "EGLL"), as typed in capitals.
    pub fn airport(&self, code: &str) -> Option<Place> {
        let at = self.codes.get(airport_code(code)?)?;
        postings(at)
            .first()
            .map(|e| self.place(PlaceId(e & OFFSET)))
    }

    /// The finite-state automaton of all folded names (main and alternate) of all places: the
    /// geoparser walks it over running text to find every name that starts at a position.
    /// Its outputs are posting-list handles for [`Gazetteer::candidates_at`].
    pub(crate) fn name_automaton(&self) -> &fst::raw::Fst<&'static [u8]> {
        self.exact.as_fst()
    }

    /// The ranked candidates of an automaton match: `key` is the folded name, `at` the output
    /// that [`Gazetteer::name_automaton`] gave for it, `written` the name as written (its
    /// script counts in the ranking). Exact (folded) matches only, no romanisation variants;
    /// `matched` is left empty.
    pub(crate) fn candidates_at(&self, key: &str, at: u64, written: &str) -> Vec<Candidate> {
        let mut found: HashMap<u32, MatchKind> = HashMap::new();
        note(&mut found, postings(at), false);
        self.rank(found, key, written, &LookupOptions::default(), false)
    }

    /// Candidates with their priors, best first; `matched` names are looked up only when
    /// `with_matched` (the geoparser does not show them, and they cost a fold of every name).
    fn rank(
        &self,
        found: HashMap<u32, MatchKind>,
        key: &str,
        query: &str,
        options: &LookupOptions,
        with_matched: bool,
    ) -> Vec<Candidate> {
        let script = Script::of(query);
        let mut out: Vec<Candidate> = found
            .into_iter()
            .map(|(offset, how)| {
                let place = self.place(PlaceId(offset));
                let matched = if with_matched {
                    matched_name(&place, key, how)
                } else {
                    String::new()
                };
                let score = prior(&place, how, script, options);
                Candidate {
                    place,
                    matched,
                    how,
                    score,
                }
            })
            .collect();
        rank_domestic_namesakes(&mut out, key);
        rank_famous_exonyms(&mut out, key);
        rank_namesake_areas(&mut out, key);
        sort_candidates(&mut out);
        out
    }

    /// The place to name a point by: among the cities within 25 km of the point, or within
    /// twice the distance of the nearest city if that is farther, the most populous; with its
    /// distance in km. `None` only for an empty gazetteer.
    pub fn nearest(&self, lat: f64, lon: f64) -> Option<(Place, f64)> {
        let index = by_latitude();
        // Widen a latitude band around the point until it holds every city within reach: the
        // reach is 25 km or twice the distance of the nearest city found, and a degree of
        // latitude is at least 110.5 km.
        let mut band_deg = 0.5_f64;
        loop {
            let lo = index.partition_point(|e| f64::from(e.0) < lat - band_deg);
            let hi = index.partition_point(|e| f64::from(e.0) <= lat + band_deg);
            let near: Vec<(f64, Place)> = index[lo..hi]
                .iter()
                .map(|&(_, o)| {
                    let p = self.place(PlaceId(o));
                    (haversine_km((lat, lon), (p.lat, p.lon)), p)
                })
                .collect();
            let best = near.iter().map(|n| n.0).fold(f64::INFINITY, f64::min);
            let reach = (2.0 * best).max(25.0);
            if reach <= band_deg * 110.5 || (lo == 0 && hi == index.len()) {
                return near
                    .into_iter()
                    .filter(|n| n.0 <= reach)
                    .max_by(|a, b| {
                        a.1.population
                            .cmp(&b.1.population)
                            .then(b.0.total_cmp(&a.0))
                    })
                    .map(|(d, p)| (p, d));
            }
            band_deg = (reach / 110.5).max(band_deg * 2.0);
        }
    }
}

/// The name after a leading English article ("the Black Sea"), `None` without one.
fn strip_article(query: &str) -> Option<&str> {
    let q = query.trim_start();
    let head = q.get(..4)?;
    head.eq_ignore_ascii_case("the ")
        .then(|| q[4..].trim_start())
        .filter(|r| !r.is_empty())
}

/// Best first: score, then how the name matched, then table order.
fn sort_candidates(out: &mut [Candidate]) {
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.how.cmp(&b.how))
            .then_with(|| a.place.id.cmp(&b.place.id))
    });
}

/// How much an airport code as typed weighs (natural-log units): more than any population,
/// so `LHR` is Heathrow over every romanised or loosely spelled name; taken away instead when
/// the letters are a name that people write for a place (`USA`).
const CODE_WEIGHT: f64 = 30.0;

/// The query as an airport code: three capital letters (IATA) or four capitals and digits
/// starting with a letter (ICAO), exactly as typed. Lower case is a word, never a code, so
/// codes cannot fire on running text or on a name typed in lower case ("lhr", "Oslo").
pub(crate) fn airport_code(query: &str) -> Option<&str> {
    let q = query.trim();
    let upper = |c: char| c.is_ascii_uppercase();
    let ok = match q.len() {
        3 => q.chars().all(upper),
        4 => q.starts_with(upper) && q.chars().all(|c| upper(c) || c.is_ascii_digit()),
        _ => false,
    };
    ok.then_some(q)
}

/// The warning for a name read as the one clear spelling of a place ([`MatchKind::Spelling`]).
pub fn spelling_note(written: &str, read_as: &str) -> String {
    format!("no place is named `{written}`; read as `{read_as}`, the one close spelling")
}

/// A point is called "near X" when the place X that [`Gazetteer::nearest`] gives lies within
/// this many km; farther (open sea, desert, the poles) it is known by its coordinates.
pub const NEAR_KM: f64 = 100.0;

/// "near Ulan-Ude" for a place [`Gazetteer::nearest`] found within [`NEAR_KM`].
pub fn near_label((place, km): &(Place, f64)) -> Option<String> {
    (*km <= NEAR_KM).then(|| format!("near {}", place.name))
}

/// Great-circle distance in km on the mean sphere (enough to rank nearness).
pub(crate) fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, la2) = (a.0.to_radians(), b.0.to_radians());
    let dla = la2 - la1;
    let dlo = (b.1 - a.1).to_radians();
    let h = (dla / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlo / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().min(1.0).asin()
}

/// The longest place name looked up, characters: the bundled names reach 193 (Bangkok's
/// ceremonial name), with a qualifier ("…, Thailand") a little more.
pub const MAX_NAME_CHARS: usize = 256;

/// Levenshtein distance over characters (`strsim`, which clap already brings in).
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

#[cfg(test)]
mod tests;
