//! The region and country tables (`admin1.tsv`, `countries.tsv`) and the areas they name.

use super::*;

pub(super) struct Country {
    pub(super) name: &'static str,
}

pub(super) struct Tables {
    /// Country code -> region code -> region name.
    pub(super) admin1: HashMap<&'static str, HashMap<&'static str, &'static str>>,
    pub(super) countries: HashMap<&'static str, Country>,
}

/// The first-level regions of `admin1.tsv` with their ISO 3166-2 code and the abbreviations the
/// press writes for them (columns: code, name, geonameid, ISO 3166-2 code, abbreviations).
pub(super) fn region_code_rows() -> impl Iterator<Item = (Area, &'static str, &'static str)> {
    ADMIN1.lines().skip(1).filter_map(|l| {
        let mut cols = l.split('\t');
        let (country, a1) = cols.next()?.split_once('.')?;
        let area = Area {
            country,
            admin1: Some(a1),
        };
        let iso = cols.nth(2).unwrap_or_default();
        Some((area, iso, cols.next().unwrap_or_default()))
    })
}

/// Adds `area` under `key` once (an abbreviation and a code may fold alike: "GA", "Ga.").
pub(super) fn add_area(table: &mut HashMap<String, Vec<Area>>, key: String, area: Area) {
    if key.is_empty() {
        return;
    }
    let areas = table.entry(key).or_default();
    if !areas.contains(&area) {
        areas.push(area);
    }
}

/// Folded region abbreviation or ISO 3166-2 code ("tenn", "wva", "uswv", "rupri") -> the
/// regions it may stand for; built on the first qualified query only.
pub(super) fn region_codes() -> &'static HashMap<String, Vec<Area>> {
    static CODES: OnceLock<HashMap<String, Vec<Area>>> = OnceLock::new();
    CODES.get_or_init(|| {
        let mut codes = HashMap::new();
        for (area, iso, abbreviations) in region_code_rows() {
            for key in std::iter::once(iso).chain(abbreviations.split(',')) {
                add_area(&mut codes, fold(key), area);
            }
        }
        codes
    })
}

pub(super) fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut admin1: HashMap<&'static str, HashMap<&'static str, &'static str>> = HashMap::new();
        for l in ADMIN1.lines().skip(1) {
            // code, name, then columns that only `region_codes` reads
            let mut cols = l.split('\t');
            let (Some(code), Some(name)) = (cols.next(), cols.next()) else {
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

/// An area a qualifier names: a country, or a first-level region of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Area {
    /// ISO 3166-1 alpha-2 code.
    pub country: &'static str,
    /// GeoNames first-level region code within the country; `None` for the whole country.
    pub admin1: Option<&'static str>,
}

impl Area {
    /// Whether `place` lies in the area.
    pub fn contains(&self, place: &Place) -> bool {
        place.country == self.country && self.admin1.is_none_or(|a1| place.admin1 == a1)
    }
}

/// Words that, ending a query, say it names an area: "Kanawha County", "Orleans Parish",
/// "Amur Oblast", "Washington State" (folded).
pub(super) const AREA_WORDS: &[&str] = &[
    "county",
    "parish",
    "borough",
    "district",
    "oblast",
    "krai",
    "kray",
    "province",
    "prefecture",
    "region",
    "governorate",
    "rayon",
    "raion",
    "municipality",
    "state",
    "territory",
    "okrug",
    "voivodeship",
    "department",
    "shire",
];
