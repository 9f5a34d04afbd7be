//! The text of place labels: a country's short English label or its name in the label
//! language, a city's name in that language (see [`LabelLang`]), and the tables behind them
//! (`geodata/label_names.tsv` and `geodata/simplified.tsv`, made by `geodata/derive_lang.py`).
//! Where a label goes is `labels`' business; this module only says what it reads.

use super::LabelLang;
use super::text;
use crate::gazetteer::Place;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The bundled tables, parsed once.
struct Tables {
    /// ISO code -> Natural Earth's short English label (or "") and the names in ru, ko, zh, ja.
    countries: HashMap<&'static str, [&'static str; 5]>,
    /// GeoNames id -> CLDR's exemplar city names in ru, ko, zh, ja ("" where CLDR has none).
    cities: HashMap<i64, [&'static str; 4]>,
    /// Traditional Han character -> simplified; `None` for a Japanese form.
    simplified: HashMap<char, Option<char>>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut countries = HashMap::new();
    let mut cities = HashMap::new();
    for line in itinera_data::gazetteer::LABEL_NAMES.lines() {
        let c: Vec<&str> = line.split('\t').collect();
        let [kind, key, en, ru, ko, zh, ja] = c[..] else {
            continue; // comments and the header
        };
        match kind {
            "country" => {
                countries.insert(key, [en, ru, ko, zh, ja]);
            }
            "city" => {
                if let Ok(id) = key.parse() {
                    cities.insert(id, [ru, ko, zh, ja]);
                }
            }
            _ => {}
        }
    }
    let simplified = itinera_data::gazetteer::SIMPLIFIED
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (t, s) = l.split_once('\t')?;
            Some((t.chars().next()?, s.chars().next()))
        })
        .collect();
    Tables {
        countries,
        cities,
        simplified,
    }
});

/// Column of a language in the tables' name columns.
fn column(lang: LabelLang) -> usize {
    match lang {
        LabelLang::Ru => 0,
        LabelLang::Ko => 1,
        LabelLang::Zh => 2,
        LabelLang::Ja => 3,
    }
}

/// A country's label, upper case: its CLDR name in the label language, else its English
/// name, shortened to Natural Earth's map label where that is shorter ("DEM. REP. CONGO").
pub(crate) fn country_label(country: &Place, lang: Option<LabelLang>) -> String {
    let row = TABLES.countries.get(country.country.as_ref());
    let local = lang
        .zip(row)
        .map(|(l, r)| r[1 + column(l)])
        .filter(|n| !n.is_empty() && text::covers(n));
    let english = row
        .map(|r| r[0])
        .filter(|n| !n.is_empty())
        .unwrap_or(&country.name);
    local.unwrap_or(english).to_uppercase()
}

/// A context city's label: its name in the label language where one is known and drawable,
/// else its gazetteer name.
pub(crate) fn place_label(place: &Place, lang: Option<LabelLang>) -> String {
    lang.and_then(|l| l.name(place))
        .filter(|t| text::covers(t))
        .unwrap_or_else(|| place.name.to_string())
}

/// CLDR's name of the city in `lang`, for the cities CLDR names (its time-zone cities).
pub(crate) fn cldr_city(place: &Place, lang: LabelLang) -> Option<&'static str> {
    let row = TABLES.cities.get(&place.geonameid?)?;
    Some(row[column(lang)]).filter(|n| !n.is_empty())
}

/// A Han name in simplified characters (哈巴羅夫斯克 -> 哈巴罗夫斯克); `None` for a name with a
/// Japanese form Chinese does not write (満州里).
pub(crate) fn simplify(name: &str) -> Option<String> {
    name.chars()
        .map(|c| match TABLES.simplified.get(&c) {
            Some(s) => *s,
            None => Some(c),
        })
        .collect()
}

/// Whether the name is written in simplified characters already.
pub(crate) fn is_simplified(name: &str) -> bool {
    !name.chars().any(|c| TABLES.simplified.contains_key(&c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{Gazetteer, PlaceKind};

    fn country(code: &str) -> Place {
        Gazetteer::bundled()
            .places_of_kind(PlaceKind::Country)
            .find(|c| c.country == code)
            .unwrap_or_else(|| panic!("{code} is bundled"))
    }

    #[test]
    fn long_country_names_take_natural_earths_short_label() {
        assert_eq!(country_label(&country("CD"), None), "DEM. REP. CONGO");
        assert_eq!(country_label(&country("CF"), None), "CENTRAL AFRICAN REP.");
        assert_eq!(country_label(&country("BA"), None), "BOSNIA AND HERZ.");
        // Already short: kept ("United States", not NE's "United States of America").
        assert_eq!(country_label(&country("US"), None), "UNITED STATES");
        assert_eq!(country_label(&country("RU"), None), "RUSSIA");
        // Renamed after Natural Earth 4.1.0 ("Macedonia"): the current name stays.
        assert_eq!(country_label(&country("MK"), None), "NORTH MACEDONIA");
    }

    #[test]
    fn country_names_in_the_label_language() {
        assert_eq!(country_label(&country("RU"), Some(LabelLang::Ru)), "РОССИЯ");
        assert_eq!(country_label(&country("CN"), Some(LabelLang::Zh)), "中国");
        assert_eq!(country_label(&country("KP"), Some(LabelLang::Ko)), "북한");
        assert_eq!(
            country_label(&country("MN"), Some(LabelLang::Ja)),
            "モンゴル"
        );
        assert_eq!(
            country_label(&country("DE"), Some(LabelLang::Ru)),
            "ГЕРМАНИЯ"
        );
    }

    #[test]
    fn simplified_characters() {
        assert_eq!(simplify("哈巴羅夫斯克").as_deref(), Some("哈巴罗夫斯克"));
        assert_eq!(simplify("齊齊哈爾").as_deref(), Some("齐齐哈尔"));
        assert_eq!(simplify("満州里"), None);
        assert!(is_simplified("大庆"));
        assert!(!is_simplified("大慶"));
    }
}
