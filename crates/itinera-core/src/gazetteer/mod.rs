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

mod index;
mod place;
mod query;
mod rank;
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
pub(crate) use query::{COORDINATE_HELP, Query};
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

    /// The areas a query with a designator names: "Hebei province", "Donetsk region",
    /// "County Cork", "Idlib governorate", "Province of Buenos Aires", "Aichi-ken". The press
    /// writes the generic word beside the name in every language's way, before or after it,
    /// while the gazetteer names the area "Hebei", "Donetsk", "County Cork" or "Cork": the
    /// stem is looked up alone and with each designator, and only regions and second-level
    /// divisions are kept, because the designator says the query names an area. Empty when
    /// the query has no designator or no area answers.
    fn lookup_designated(&self, query: &str, options: &LookupOptions) -> Vec<Candidate> {
        let Some(stem) = designated_stem(query) else {
            return Vec::new();
        };
        let mut found: HashMap<u32, MatchKind> = HashMap::new();
        let forms = std::iter::once(stem.to_string())
            .chain(DESIGNATORS.iter().map(|w| format!("{stem} {w}")))
            .chain(DESIGNATORS_BEFORE.iter().map(|w| format!("{w} {stem}")));
        for form in forms {
            self.note_key(&mut found, &fold(&form));
        }
        let mut out = self.rank(found, &fold(stem), query, options, true);
        out.retain(|c| {
            matches!(c.place.kind, PlaceKind::Region | PlaceKind::District)
                && c.how != MatchKind::Romanised
        });
        out
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

    /// What a query as typed means: coordinates, with the place to name the point by, or the
    /// ranked candidates of a (qualified) name, as [`Gazetteer::find`] gives them.
    ///
    /// # Errors
    /// As [`Gazetteer::find`], and [`Error::Invalid`] for text that is written like coordinates
    /// but is not a valid pair.
    pub fn geocode(
        &self,
        text: &str,
        options: &LookupOptions,
        user: Option<&UserGazetteer>,
    ) -> Result<Geocoded> {
        match Query::parse(text) {
            Ok(Query::Point { lat, lon }) => Ok(Geocoded::Point {
                lat,
                lon,
                near: self.nearest(lat, lon),
            }),
            Ok(Query::Name { .. }) => self
                .find_text(text, &[], options, user)
                .map(Geocoded::Places),
            Err(e) => Err(Error::invalid(
                InvalidKind::Query,
                e.0,
                Some(query::COORDINATE_HELP.into()),
            )),
        }
    }

    /// Candidate places for a name as typed, qualified or not ("Paris, Tenn."), with `extra`
    /// qualifiers (a trip stop's `region`). A name that itself holds a comma or parentheses
    /// ("Frankfurt (Oder)") is found whole when its parts find nothing.
    ///
    /// # Errors
    /// As [`Gazetteer::find`], for the name read with its qualifiers.
    pub fn find_text(
        &self,
        text: &str,
        extra: &[&str],
        options: &LookupOptions,
        user: Option<&UserGazetteer>,
    ) -> Result<Vec<Candidate>> {
        let whole = text.trim();
        let (name, mut qualifiers) = match Query::parse(whole) {
            Ok(Query::Name { name, qualifiers }) => (name, qualifiers),
            _ => (whole, Vec::new()),
        };
        qualifiers.extend_from_slice(extra);
        match self.find(name, &qualifiers, options, user) {
            Err(e) if name != whole => self.find(whole, extra, options, user).map_err(|_| e),
            found => found,
        }
    }

    /// Candidate places for a name qualified by regions or countries (as [`Gazetteer::geocode`] reads them from `Name, Region, Country`), best
    /// first; places from the user's gazetteer come before the bundled ones. Each qualifier
    /// keeps the candidates that lie in one of the areas it names.
    ///
    /// # Errors
    /// [`Error::UnknownPlace`] (with suggestions) when no place has the name;
    /// [`Error::Invalid`] when a qualifier names no known region or country, or when no place
    /// of that name lies there (the help line says where places of that name are).
    pub fn find(
        &self,
        name: &str,
        qualifiers: &[&str],
        options: &LookupOptions,
        user: Option<&UserGazetteer>,
    ) -> Result<Vec<Candidate>> {
        if name.trim().is_empty() {
            return Err(Error::invalid(
                InvalidKind::Query,
                "empty place name".to_string(),
                Some("give a place name, or coordinates such as 42.42,130.65".into()),
            ));
        }
        let chars = name.chars().count();
        if chars > MAX_NAME_CHARS {
            return Err(Error::invalid(
                InvalidKind::Query,
                format!("a place name of {chars} characters; names are at most {MAX_NAME_CHARS}"),
                Some("a whole text goes to `itinera extract`".into()),
            ));
        }
        let mut found = user.map(|u| u.lookup(name)).unwrap_or_default();
        found.extend(self.lookup(name, options));
        if found.is_empty() {
            found.extend(self.correction(name));
        }
        if found.is_empty() {
            return Err(Error::UnknownPlace {
                name: name.to_string(),
                location: None,
                suggestions: self.suggest(name, 3),
            });
        }
        for q in qualifiers {
            let areas = self.areas(q);
            if areas.is_empty() {
                let suggestions: Vec<String> = self
                    .suggest(q, 3)
                    .into_iter()
                    .map(|s| format!("`{s}`"))
                    .collect();
                let help = if suggestions.is_empty() {
                    "after the comma, write a region or country (`Springfield, Illinois`), a US \
                     state code (`Paris, TN`), an AP abbreviation (`Paris, Tenn.`) or an ISO \
                     3166-2 code (`Khasan, RU-PRI`)"
                        .to_string()
                } else {
                    format!("did you mean {}?", suggestions.join(" or "))
                };
                return Err(Error::invalid(
                    InvalidKind::Query,
                    format!("unknown region or country `{q}` in `{name}, {q}`"),
                    Some(help),
                ));
            }
            let all = std::mem::take(&mut found);
            let (inside, outside): (Vec<Candidate>, Vec<Candidate>) = all
                .into_iter()
                .partition(|c| areas.iter().any(|a| a.contains(&c.place)));
            if inside.is_empty() {
                let mut elsewhere: Vec<String> = Vec::new();
                for c in &outside {
                    let at = area_label(&c.place);
                    if !elsewhere.contains(&at) {
                        elsewhere.push(at);
                    }
                    if elsewhere.len() == 4 {
                        break;
                    }
                }
                return Err(Error::invalid(
                    InvalidKind::Query,
                    format!("no place `{name}` in `{q}`"),
                    Some(format!(
                        "places named `{name}` are in {}",
                        elsewhere.join("; ")
                    )),
                ));
            }
            found = inside;
        }
        Ok(found)
    }

    /// The areas a qualifier may name: countries (by ISO code, name or alias), first-level
    /// regions (by name, ISO 3166-2 code such as `RU-PRI`, US, Canadian and Australian codes
    /// such as `TN`, AP abbreviations such as `Tenn.` or `W.Va.`), and the region of a
    /// second-level division ("Sangamon County"). Empty when it names none.
    pub fn areas(&self, qualifier: &str) -> Vec<Area> {
        let mut out: Vec<Area> = Vec::new();
        let t = tables();
        if let Some(regions) = region_codes().get(&fold(qualifier)) {
            out.extend(regions);
        }
        let upper = qualifier.trim().to_ascii_uppercase();
        if let Some((code, _)) = t.countries.get_key_value(upper.as_str()) {
            out.push(Area {
                country: code,
                admin1: None,
            });
        }
        for c in self.lookup(qualifier, &LookupOptions::default()) {
            if c.how == MatchKind::Romanised {
                continue;
            }
            let (Cow::Borrowed(country), Cow::Borrowed(admin1)) =
                (&c.place.country, &c.place.admin1)
            else {
                continue;
            };
            let area = match c.place.kind {
                PlaceKind::City | PlaceKind::Airport | PlaceKind::Feature => continue,
                PlaceKind::Country => Area {
                    country,
                    admin1: None,
                },
                PlaceKind::Region | PlaceKind::District => Area {
                    country,
                    admin1: Some(admin1),
                },
            };
            if !out.contains(&area) {
                out.push(area);
            }
        }
        out
    }

    /// The regions an abbreviation stands for, as written after a city ("TN", "Tenn.",
    /// "W.Va.", "W. Va.", "B.C."; case and spaces aside, dots as written), without reading it
    /// as a name and without ISO 3166-2 codes, whose hyphen folding would lose ("U.S.Mt" is
    /// not "US-MT").
    pub fn region_abbreviation_areas(&self, written: &str) -> Vec<Area> {
        static ABBREVIATIONS: OnceLock<HashMap<String, Vec<Area>>> = OnceLock::new();
        let key = |s: &str| s.replace(' ', "").to_ascii_lowercase();
        let table = ABBREVIATIONS.get_or_init(|| {
            let mut out = HashMap::new();
            for (area, _, abbreviations) in region_code_rows() {
                for abbreviation in abbreviations.split(',') {
                    add_area(&mut out, key(abbreviation), area);
                }
            }
            out
        });
        table.get(&key(written)).cloned().unwrap_or_default()
    }

    /// The first-level region of an area that names one.
    pub fn region(&self, area: Area) -> Option<Place> {
        static REGIONS: OnceLock<HashMap<(&'static str, &'static str), u32>> = OnceLock::new();
        let index = REGIONS.get_or_init(|| {
            let g = Gazetteer::bundled();
            g.places_of_kind(PlaceKind::Region)
                .filter_map(|p| match (&p.country, &p.admin1) {
                    (Cow::Borrowed(cc), Cow::Borrowed(a1)) => Some(((*cc, *a1), p.id.0)),
                    _ => None,
                })
                .collect()
        });
        let at = index.get(&(area.country, area.admin1?))?;
        Some(self.place(PlaceId(*at)))
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

    /// Names close to `query` (edit distance 1, or 2 for names of 5+ letters), best first by
    /// [`Gazetteer::spellings`]. Used for "did you mean" hints.
    pub fn suggest(&self, query: &str, limit: usize) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for (_, c) in self.spellings(query) {
            if !names.contains(&c.matched) {
                names.push(c.matched);
            }
            if names.len() == limit {
                break;
            }
        }
        names
    }

    /// The places a misspelt name may mean, best first, each with its weighted score: the
    /// place's prior (population, fame, kind) less `EDIT_COST` (3) per edit of the folded name.
    /// People misspell famous places more often than obscure ones ("Albequerque", "Kuala
    /// Lumpar"), so one edit away from a city of half a million beats one edit away from a
    /// hamlet. Names that are only romanisations (`kha san`) are not offered.
    pub fn spellings(&self, query: &str) -> Vec<(f64, Candidate)> {
        let key = fold(query);
        // The edit-distance automaton grows with the name: long ones get no suggestion.
        if key.is_empty() || key.len() > MAX_SUGGESTED_BYTES {
            return Vec::new();
        }
        let chars = key.chars().count();
        let max = match chars {
            0..=3 => 0,
            4 => 1,
            _ => 2,
        };
        let script = Script::of(query);
        let mut scored: Vec<(f64, Candidate)> = Vec::new();
        // Each name once, whether a swap or the edit-distance search found it.
        let mut tried: HashSet<String> = HashSet::new();
        let mut consider = |k: String, at: u64, scored: &mut Vec<(f64, Candidate)>| {
            // Two letters swapped is one slip of the hand ("Tuscon" for "Tucson").
            let dist = strsim::osa_distance(&k, &key);
            if dist == 0 || !tried.insert(k.clone()) {
                return;
            }
            // The name's most populous bearer stands for it (a full prior counts every
            // alternate name of every namesake: too slow for thousands of names).
            let best = postings(at)
                .into_iter()
                .filter(|e| e & ROMANISED == 0 || e & PRIMARY != 0)
                .map(|e| (e, self.place(PlaceId(e & OFFSET))))
                .max_by_key(|(_, p)| p.population);
            if let Some((e, place)) = best {
                let how = if e & PRIMARY != 0 {
                    MatchKind::Name
                } else {
                    MatchKind::Alternate
                };
                let score = prior(&place, how, script, &LookupOptions::default());
                let matched = matched_name(&place, &k, how);
                let weighted = score - EDIT_COST * dist as f64;
                scored.push((
                    weighted,
                    Candidate {
                        place,
                        matched,
                        how: MatchKind::Spelling,
                        score: weighted + MatchKind::Spelling.prior(),
                    },
                ));
            }
        };
        // One edit first, and every pair of neighbouring letters swapped (looked up whole:
        // cheap); the search at two edits walks much more of the index and is made only
        // when nothing closer is known enough to be read.
        let letters: Vec<char> = key.chars().collect();
        for i in 0..letters.len().saturating_sub(1) {
            let mut swapped = letters.clone();
            swapped.swap(i, i + 1);
            let k: String = swapped.into_iter().collect();
            if let Some(at) = self.exact.get(&k) {
                consider(k, at, &mut scored);
            }
        }
        for d in 1..=max {
            if scored.iter().any(|(w, _)| *w >= MIN_CORRECTED_SCORE) {
                break;
            }
            let Ok(aut) = fst::automaton::Levenshtein::new(&key, d) else {
                break;
            };
            let mut stream = self.exact.search(aut).into_stream();
            let mut seen = 0;
            while let Some((k, at)) = stream.next() {
                seen += 1;
                if seen > 2000 {
                    break;
                }
                consider(String::from_utf8_lossy(k).into_owned(), at, &mut scored);
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored
    }

    /// The one place a misspelt name clearly means: the best of [`Gazetteer::spellings`] when
    /// it leads the next different name by `CLEAR_SPELLING` (ln 20), is known enough
    /// (`MIN_CORRECTED_SCORE`) and the name has at least six letters (shorter names are a few
    /// edits from too many others); then every place of that name, ranked. Their match kind is
    /// [`MatchKind::Spelling`]: callers warn, and refuse it under `--strict`.
    pub fn correction(&self, query: &str) -> Vec<Candidate> {
        if fold(query).chars().count() < MIN_CORRECTED_CHARS {
            return Vec::new();
        }
        let mut all = self.spellings(query).into_iter();
        let Some((best, c)) = all
            .next()
            .filter(|(weighted, _)| *weighted >= MIN_CORRECTED_SCORE)
        else {
            return Vec::new();
        };
        let runner_up = all
            .find(|(_, o)| o.place.id != c.place.id && fold(&o.place.name) != fold(&c.place.name))
            .map_or(f64::NEG_INFINITY, |(s, _)| s);
        if best - runner_up < CLEAR_SPELLING {
            return Vec::new();
        }
        // Every place of the corrected name, so that a trip's neighbours still choose among
        // its namesakes ("Springfeild" beside St. Louis).
        let mut out = self.lookup_name(&c.matched, &LookupOptions::default());
        for o in &mut out {
            o.how = MatchKind::Spelling;
            o.score += MatchKind::Spelling.prior();
        }
        out
    }
}

/// Names shorter than this (folded) are never corrected: a common five-letter word is an edit
/// or two from too many places ("Depot", "Khasn").
const MIN_CORRECTED_CHARS: usize = 6;

/// A misspelling is read as a place only if the place is known enough: its weighted score
/// (prior less [`EDIT_COST`] an edit) must reach that of a town of ~10,000 people (prior
/// ln 10,000) two edits away. A slip is far likelier on a name people often write than on a
/// hamlet's ("Schiphol" is not the Kosovan village of Shipol, two edits away).
const MIN_CORRECTED_SCORE: f64 = 9.2 - 2.0 * EDIT_COST;

/// What an edit costs when ranking spellings, natural-log units: an edit is worth a 20-fold
/// population (one edit from Albuquerque, 545,000 people, beats none from a name of 27,000).
const EDIT_COST: f64 = 3.0;

/// How far the best spelling must lead the next place for a misspelt name to be read as it:
/// ln 20, the margin the trip resolver asks of a clear choice.
const CLEAR_SPELLING: f64 = 2.996;

/// Generic words for an area, folded, as the press writes them after a name ("Hebei
/// province", "Kherson oblast"), in English and in the romanised local forms that
/// English-language text keeps (oblast, krai, governorate's muhafazah, voivodeship's
/// województwo, prefecture's ken...). Longest first, so "autonomous region" goes before
/// "region".
const DESIGNATORS: &[&str] = &[
    "special administrative region",
    "uyghur autonomous region",
    "autonomous region",
    "autonomous republic",
    "autonomous okrug",
    "autonomous oblast",
    "autonomous province",
    "administrative region",
    "metropolitan city",
    "zizhiqu",
    "province",
    "provincia",
    "provincie",
    "provinz",
    "prefecture",
    "region",
    "regione",
    "region",
    "oblast",
    "oblys",
    "krai",
    "kray",
    "okrug",
    "raion",
    "rayon",
    "county",
    "parish",
    "borough",
    "governorate",
    "muhafazah",
    "wilayah",
    "wilaya",
    "vilayet",
    "state",
    "estado",
    "district",
    "territory",
    "department",
    "departement",
    "departamento",
    "canton",
    "kanton",
    "voivodeship",
    "wojewodztwo",
    "municipality",
    "municipio",
    "republic",
    "sheng",
    "ken",
    "do",
];

/// Designators written before the name ("County Cork", "Province of Buenos Aires",
/// "Departamento de Antioquia"), with their linking word.
const DESIGNATORS_BEFORE: &[&str] = &[
    "county",
    "land",
    "bundesland",
    "province of",
    "state of",
    "region of",
    "canton of",
    "department of",
    "governorate of",
    "republic of",
    "municipality of",
    "provincia de",
    "provincia di",
    "estado de",
    "departamento de",
    "departamento del",
    "region de",
    "canton de",
];

/// The name after a leading English article ("the Black Sea"), `None` without one.
fn strip_article(query: &str) -> Option<&str> {
    let q = query.trim_start();
    let head = q.get(..4)?;
    head.eq_ignore_ascii_case("the ")
        .then(|| q[4..].trim_start())
        .filter(|r| !r.is_empty())
}

/// The name inside a query that carries a designator before or after it ("Hebei" of
/// "Hebei province", "Cork" of "County Cork"), as written; `None` without one.
fn designated_stem(query: &str) -> Option<&str> {
    let q = query.trim();
    let lower = q.to_ascii_lowercase();
    for w in DESIGNATORS {
        // Whole words only, after a space or a hyphen ("Gyeonggi-do", "Aichi-ken").
        let Some(head) = lower.strip_suffix(w) else {
            continue;
        };
        if head.ends_with([' ', '-']) && head.trim_end_matches([' ', '-']).len() >= 2 {
            let cut = head.trim_end_matches([' ', '-']).len();
            return q.get(..cut);
        }
    }
    for w in DESIGNATORS_BEFORE {
        let Some(tail) = lower.strip_prefix(w) else {
            continue;
        };
        if tail.starts_with(' ') && tail.trim().len() >= 2 {
            return q.get(q.len() - tail.trim_start().len()..);
        }
    }
    None
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

/// "Illinois, US" or "Germany": where a place is, for messages that list namesakes.
fn area_label(place: &Place) -> String {
    match (place.kind, place.admin1_name()) {
        (PlaceKind::Country, _) => place.name.to_string(),
        (_, Some(region)) => format!("{region}, {}", place.country),
        (_, None) => place.country.to_string(),
    }
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

/// The longest folded name that gets "did you mean" suggestions, bytes.
const MAX_SUGGESTED_BYTES: usize = 64;

/// Levenshtein distance over characters (`strsim`, which clap already brings in).
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

#[cfg(test)]
mod tests;
