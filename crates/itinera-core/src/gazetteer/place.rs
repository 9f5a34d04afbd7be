//! What a lookup gives: places, how a name matched them, candidates and answers.

use super::*;

/// Identifies a place of the bundled gazetteer (its row); stable within one build only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceId(pub(super) u32);

/// What sort of place a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum PlaceKind {
    /// A populated place (GeoNames feature class P), from a village to a capital.
    City,
    /// A first-level administrative region (oblast, state, province); its point is the member
    /// place nearest the centre of the region's places.
    Region,
    /// A second-level administrative division (US county or parish, French département, English
    /// county, Russian district); its point is the member place nearest the centre of its places.
    District,
    /// A country; its point is Natural Earth's label point.
    Country,
    /// An airport with an IATA code (PyPI `airportsdata`), found by its name ("Heathrow",
    /// "Sheremetyevo Airport") or by its code as typed ("LHR", "EGLL").
    Airport,
    /// A curated named feature (`geodata/features.tsv`): an island or island group, a sea or
    /// strait, a lake, river or mountain range, a border crossing, a historic site, a large
    /// named region. Its point is a representative one, cited per row.
    Feature,
}

impl PlaceKind {
    /// Whether the kind is an administrative area (a country, a first- or second-level
    /// division).
    pub fn is_area(self) -> bool {
        matches!(
            self,
            PlaceKind::Country | PlaceKind::Region | PlaceKind::District
        )
    }
}

/// A place of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Row identifier.
    pub id: PlaceId,
    /// GeoNames id; `None` for curated rows without one.
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
    pub(super) alternates: Cow<'static, str>,
}

impl Place {
    /// Alternate names, in every script. Romanisations of names in other scripts are included;
    /// airport codes (`#LHR` in the table) are not.
    pub fn alternate_names(&self) -> impl Iterator<Item = &str> {
        self.alternates
            .split(',')
            .filter(|s| !s.is_empty() && !s.starts_with('#'))
            .map(|s| s.strip_prefix('~').unwrap_or(s))
    }

    /// How many names the place has (main and alternate): how widely it is known.
    pub fn name_count(&self) -> usize {
        1 + self.alternates.split(',').filter(|s| !s.is_empty()).count()
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
        if self.kind != PlaceKind::Country && !self.country.is_empty() {
            write!(f, ", {}", self.country)?;
        }
        // A user's place without a country is told apart by where it is.
        if self.country.is_empty() && self.geonameid.is_none() {
            write!(f, " ({:.5}, {:.5})", self.lat, self.lon)?;
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
    /// The folded query equals a folded alternate name that people write: an exonym
    /// ("Cologne" for Köln), a former name ("Madras"), a name in another script ("Москва").
    Alternate,
    /// The query, as typed in capitals, is the place's airport code (`LHR`, `EGLL`).
    Code,
    /// Only the loose keys (romanisation variants) agree, with the main name.
    LooseName,
    /// Only the loose keys agree, with an alternate name.
    LooseAlternate,
    /// The query equals only a romanisation: a machine transliteration of a name in another
    /// script (`kha san` for Kazan), an airport code, or a Latin spelling of a foreign Cyrillic
    /// exonym (`Khasan` for Hassan, India). Ranked below every other kind of match.
    Romanised,
    /// No name matched; the query is a clear misspelling of this place's name ("Albequerque"),
    /// the only candidate then. Callers say so in a warning.
    Spelling,
}

impl MatchKind {
    /// Prior in natural-log units. An exonym costs as much as a 55-fold population: Köln
    /// (1,024,621 people, 89 names) beats the main name of Cologne, Lombardy (7,032, 4 names),
    /// while a town's own name beats a larger namesake's exonym unless that namesake is far
    /// larger and better known. A romanisation costs more than any population and context can
    /// make up, so it never beats a real name.
    pub(super) fn prior(self) -> f64 {
        match self {
            MatchKind::Name => 0.0,
            MatchKind::Alternate => -4.0,
            // An airport's code is as good as its name; `Gazetteer::lookup` decides between a
            // code and a place that people name with the same letters.
            MatchKind::Code => 0.0,
            MatchKind::LooseName => -6.0,
            MatchKind::LooseAlternate => -10.0,
            MatchKind::Romanised => -40.0,
            MatchKind::Spelling => -50.0,
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

/// The answer to [`Gazetteer::geocode`].
#[derive(Debug, Clone, PartialEq)]
pub enum Geocoded {
    /// The query was a name: its candidates, best first (never empty).
    Places(Vec<Candidate>),
    /// The query was a coordinate pair.
    Point {
        /// Latitude, degrees.
        lat: f64,
        /// Longitude, degrees.
        lon: f64,
        /// The place to name it by ("near Ulan-Ude") and its distance in km.
        near: Option<(Place, f64)>,
    },
}
