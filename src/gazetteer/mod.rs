//! The bundled gazetteer: ~239k places (GeoNames cities500, first-level regions, countries and a
//! curated supplement) compiled into the binary, looked up by folded name.
//!
//! This module owns names -> ranked candidate places. It knows nothing of trips or text: the
//! callers ([`crate::trip`], later the geoparser) add context such as neighbouring stops.
//!
//! The index is built by `build.rs` from `geodata/places.tsv.gz`: two finite-state maps (folded
//! name, loosely folded name) point at posting lists of places, so start-up costs nothing and a
//! lookup parses only the candidate rows.

mod normalize;
mod user;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use fst::{IntoStreamer, Streamer};

pub use normalize::{fold, fold_char, loose};
pub use user::UserGazetteer;

static PLACES: &str = include_str!(concat!(env!("OUT_DIR"), "/places.tsv"));
static EXACT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/exact.fst"));
static LOOSE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/loose.fst"));
static POSTINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/postings.bin"));
static BIG: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/big.bin"));
static ADMIN1: &str = include_str!("../../geodata/admin1.tsv");
static COUNTRIES: &str = include_str!("../../geodata/countries.tsv");

const PRIMARY: u32 = 1 << 31;
/// Prior bonus (natural-log units) when a non-Latin query is written in a script native to the
/// place's country: outweighs a 400-fold population difference.
const NATIVE_SCRIPT_BONUS: f64 = 6.0;

/// Identifies a place of the bundled gazetteer (its row); stable within one build only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceId(u32);

/// What sort of place a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A populated place (GeoNames feature class P), from a village to a capital.
    City,
    /// A first-level administrative region (oblast, state, province); its point is the member
    /// place nearest the centre of the region's places.
    Region,
    /// A country; its point is Natural Earth's label point.
    Country,
}

/// A place of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Row identifier.
    pub id: PlaceId,
    /// GeoNames id; `None` for curated rows without one and for derived regions.
    pub geonameid: Option<i64>,
    /// City, region or country.
    pub kind: PlaceKind,
    /// Main name (GeoNames `name`, usually the local name in Latin script). Borrowed from
    /// the binary for bundled places, owned for a user gazetteer's.
    pub name: Cow<'static, str>,
    /// Latitude, degrees WGS84.
    pub lat: f64,
    /// Longitude, degrees WGS84.
    pub lon: f64,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Cow<'static, str>,
    /// GeoNames first-level region code within the country (e.g. `59` for Primorye in RU).
    pub admin1: Cow<'static, str>,
    /// Population (0 where GeoNames has none).
    pub population: u64,
    alternates: Cow<'static, str>,
}

impl Place {
    /// Alternate names, in Latin, Cyrillic, Greek, Hangul, Han and Kana scripts.
    pub fn alternate_names(&self) -> impl Iterator<Item = &str> {
        self.alternates.split(',').filter(|s| !s.is_empty())
    }

    /// Name of the first-level region, e.g. "Primorye" for RU.59.
    pub fn admin1_name(&self) -> Option<&'static str> {
        tables()
            .admin1
            .get(self.country.as_ref())
            .and_then(|m| m.get(self.admin1.as_ref()))
            .copied()
    }

    /// English name of the country.
    pub fn country_name(&self) -> Option<&'static str> {
        tables()
            .countries
            .get(self.country.as_ref())
            .map(|c| c.name)
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.name)?;
        if let Some(region) = self.admin1_name().filter(|r| *r != self.name.as_ref()) {
            write!(f, ", {region}")?;
        }
        if self.kind != PlaceKind::Country {
            write!(f, ", {}", self.country)?;
        }
        Ok(())
    }
}

/// How a query matched a candidate, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchKind {
    /// The folded query equals the folded main name.
    Name,
    /// The folded query equals a folded alternate name.
    Alternate,
    /// Only the loose keys (romanisation variants) agree, with the main name.
    LooseName,
    /// Only the loose keys agree, with an alternate name.
    LooseAlternate,
}

impl MatchKind {
    /// Prior in natural-log units: a main-name match outweighs an alternate-name match
    /// unless the alternate's population is ~3000x larger (Khasan, pop 776, beats Hassan, India,
    /// pop 128k, which lists "Khasan" as an alternate name).
    fn prior(self) -> f64 {
        match self {
            MatchKind::Name => 0.0,
            MatchKind::Alternate => -8.0,
            MatchKind::LooseName => -12.0,
            MatchKind::LooseAlternate => -16.0,
        }
    }
}

/// A place that a query may mean, with how it matched and its prior score.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The place.
    pub place: Place,
    /// The name of the place that matched (main or alternate).
    pub matched: String,
    /// How it matched.
    pub how: MatchKind,
    /// Prior score, natural-log units (higher is likelier); comparable across candidates of
    /// one query.
    pub score: f64,
}

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
}

impl fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("names", &self.exact.len())
            .finish()
    }
}

struct Country {
    name: &'static str,
}

struct Tables {
    /// Country code -> region code -> region name.
    admin1: HashMap<&'static str, HashMap<&'static str, &'static str>>,
    countries: HashMap<&'static str, Country>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut admin1: HashMap<&'static str, HashMap<&'static str, &'static str>> = HashMap::new();
        for l in ADMIN1.lines().skip(1) {
            let Some((code, name)) = l.split_once('\t') else {
                continue;
            };
            let Some((cc, a1)) = code.split_once('.') else {
                continue;
            };
            admin1.entry(cc).or_default().insert(a1, name);
        }
        let countries = COUNTRIES
            .lines()
            .skip(1)
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let iso = cols.next()?;
                let name = cols.nth(2)?;
                Some((iso, Country { name }))
            })
            .collect();
        Tables { admin1, countries }
    })
}

impl Gazetteer {
    /// The gazetteer compiled into the binary. Costs nothing to open.
    pub fn bundled() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer {
            exact: fst::Map::new(EXACT).expect("build.rs wrote a valid fst"),
            loose: fst::Map::new(LOOSE).expect("build.rs wrote a valid fst"),
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
    pub fn lookup(&self, query: &str, options: &LookupOptions) -> Vec<Candidate> {
        let key = fold(query);
        if key.is_empty() {
            return Vec::new();
        }
        let mut found: HashMap<u32, MatchKind> = HashMap::new();
        if let Some(at) = self.exact.get(&key) {
            note(
                &mut found,
                postings(at),
                MatchKind::Name,
                MatchKind::Alternate,
            );
        }
        if let Some(at) = self.loose.get(loose(&key)) {
            note(
                &mut found,
                postings(at),
                MatchKind::LooseName,
                MatchKind::LooseAlternate,
            );
        }
        self.rank(found, &key, query, options)
    }

    /// The finite-state automaton of all folded names (main and alternate) of all places: the
    /// geoparser walks it over running text to find every name that starts at a position.
    /// Its outputs are posting-list handles for [`Gazetteer::candidates_at`].
    pub(crate) fn name_automaton(&self) -> &fst::raw::Fst<&'static [u8]> {
        self.exact.as_fst()
    }

    /// The ranked candidates of an automaton match: `key` is the folded name, `at` the output
    /// that [`Gazetteer::name_automaton`] gave for it, `written` the name as written (its
    /// script counts in the ranking). Exact (folded) matches only, no romanisation variants.
    pub(crate) fn candidates_at(&self, key: &str, at: u64, written: &str) -> Vec<Candidate> {
        let mut found: HashMap<u32, MatchKind> = HashMap::new();
        note(
            &mut found,
            postings(at),
            MatchKind::Name,
            MatchKind::Alternate,
        );
        self.rank(found, key, written, &LookupOptions::default())
    }

    fn rank(
        &self,
        found: HashMap<u32, MatchKind>,
        key: &str,
        query: &str,
        options: &LookupOptions,
    ) -> Vec<Candidate> {
        let script = Script::of(query);
        let mut out: Vec<Candidate> = found
            .into_iter()
            .map(|(offset, how)| {
                let place = self.place(PlaceId(offset));
                let matched = matched_name(&place, key, how);
                let score = prior(&place, how, script, options);
                Candidate {
                    place,
                    matched,
                    how,
                    score,
                }
            })
            .collect();
        demote_namesake_regions(&mut out);
        out.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.how.cmp(&b.how))
                .then_with(|| a.place.id.cmp(&b.place.id))
        });
        out
    }

    /// Names close to `query` (edit distance 1, or 2 for names of 5+ letters), best first:
    /// fewer edits, then larger population. Used for "did you mean" hints.
    pub fn suggest(&self, query: &str, limit: usize) -> Vec<String> {
        let key = fold(query);
        if key.is_empty() {
            return Vec::new();
        }
        let max = if key.chars().count() >= 5 { 2 } else { 1 };
        let mut scored: Vec<(usize, u64, String)> = Vec::new();
        for d in 1..=max {
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
                let k = String::from_utf8_lossy(k).into_owned();
                let dist = edit_distance(&k, &key);
                if let Some(best) = postings(at)
                    .into_iter()
                    .map(|e| self.place(PlaceId(e & !PRIMARY)))
                    .max_by_key(|p| p.population)
                {
                    let name = matched_name(&best, &k, MatchKind::Alternate);
                    scored.push((dist, best.population, name));
                }
            }
            if !scored.is_empty() {
                break;
            }
        }
        scored.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut names: Vec<String> = Vec::new();
        for (_, _, name) in scored {
            if !names.contains(&name) {
                names.push(name.to_string());
            }
            if names.len() == limit {
                break;
            }
        }
        names
    }
}

/// A region and a place inside it with the same name (Moscow and Moscow Oblast, Rason and the
/// Rason special city): the place is meant far more often, so the region ranks just below it.
fn demote_namesake_regions(found: &mut [Candidate]) {
    let cities: Vec<(String, String, f64)> = found
        .iter()
        .filter(|c| c.place.kind == PlaceKind::City)
        .map(|c| {
            (
                c.place.country.to_string(),
                c.place.admin1.to_string(),
                c.score,
            )
        })
        .collect();
    for c in found
        .iter_mut()
        .filter(|c| c.place.kind == PlaceKind::Region)
    {
        let best_city = cities
            .iter()
            .filter(|(cc, a1, _)| *cc == c.place.country && *a1 == c.place.admin1)
            .map(|t| t.2)
            .max_by(f64::total_cmp);
        if let Some(s) = best_city {
            c.score = c.score.min(s - 0.01);
        }
    }
}

fn big_words() -> &'static [u32] {
    static W: OnceLock<Vec<u32>> = OnceLock::new();
    W.get_or_init(|| {
        BIG.chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect()
    })
}

/// Records the places of a posting list with how they matched: `main` for entries flagged as
/// the place's main name, `alt` otherwise; a place seen twice keeps its best match.
fn note(found: &mut HashMap<u32, MatchKind>, entries: Vec<u32>, main: MatchKind, alt: MatchKind) {
    for e in entries {
        let how = if e & PRIMARY != 0 { main } else { alt };
        let slot = found.entry(e & !PRIMARY).or_insert(how);
        *slot = (*slot).min(how);
    }
}

fn postings(at: u64) -> Vec<u32> {
    let word = |i: usize| {
        let b = &POSTINGS[i * 4..i * 4 + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    };
    let at = at as usize;
    let n = word(at) as usize;
    (at + 1..at + 1 + n).map(word).collect()
}

fn parse_row(id: PlaceId, line: &'static str) -> Place {
    let mut c = line.split('\t');
    let mut next = || c.next().unwrap_or_default();
    let gid: i64 = next().parse().unwrap_or(0);
    let kind = match next() {
        "region" => PlaceKind::Region,
        "country" => PlaceKind::Country,
        _ => PlaceKind::City,
    };
    Place {
        id,
        geonameid: (gid > 0).then_some(gid),
        kind,
        name: Cow::Borrowed(next()),
        lat: next().parse().unwrap_or(f64::NAN),
        lon: next().parse().unwrap_or(f64::NAN),
        country: Cow::Borrowed(next()),
        admin1: Cow::Borrowed(next()),
        population: next().parse().unwrap_or(0),
        alternates: Cow::Borrowed(next()),
    }
}

/// The name of `place` whose folded (or loose) key is `key`.
fn matched_name(place: &Place, key: &str, how: MatchKind) -> String {
    let loose_key = loose(key);
    std::iter::once(place.name.as_ref())
        .chain(place.alternate_names())
        .find(|n| match how {
            MatchKind::Name | MatchKind::Alternate => fold(n) == key,
            _ => loose(&fold(n)) == loose_key,
        })
        .unwrap_or(&place.name)
        .to_string()
}

fn prior(place: &Place, how: MatchKind, script: Script, options: &LookupOptions) -> f64 {
    let mut score = (1.0 + place.population as f64).ln() + how.prior();
    score += match place.kind {
        PlaceKind::City => 0.0,
        // Region populations are sums over their cities: damp them so "Moscow" is the city.
        PlaceKind::Region => -3.0,
        // Countries are named far more often than towns sharing their name.
        PlaceKind::Country => 3.0,
    };
    if script.is_native_in(&place.country) {
        score += NATIVE_SCRIPT_BONUS;
    }
    if let Some(cc) = &options.country {
        if place.country.eq_ignore_ascii_case(cc) {
            score += 30.0;
        }
    }
    score
}

/// The writing system of a query, for the native-script prior: "Хасан" is far likelier to
/// mean a place in a country that writes Cyrillic than an Indian town listing it as a
/// transliteration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Hangul,
    Han,
    Kana,
    Other,
}

impl Script {
    fn of(text: &str) -> Script {
        let Some(c) = text.chars().find(|c| c.is_alphabetic()) else {
            return Script::Other;
        };
        match c as u32 {
            0x0041..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
            0x0370..=0x03FF => Script::Greek,
            0x0400..=0x052F => Script::Cyrillic,
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
            0x3040..=0x30FF => Script::Kana,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF => Script::Han,
            _ => Script::Other,
        }
    }

    fn is_native_in(self, country: &str) -> bool {
        let natives: &[&str] = match self {
            Script::Cyrillic => &[
                "RU", "BY", "UA", "BG", "RS", "MK", "ME", "KZ", "KG", "TJ", "MN",
            ],
            Script::Greek => &["GR", "CY"],
            Script::Hangul => &["KR", "KP"],
            Script::Han => &["CN", "TW", "HK", "MO", "JP", "SG"],
            Script::Kana => &["JP"],
            Script::Latin | Script::Other => &[],
        };
        natives.contains(&country)
    }
}

/// Levenshtein distance over characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests;
