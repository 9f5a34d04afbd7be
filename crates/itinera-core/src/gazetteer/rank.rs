//! How candidates rank: the same name at home and abroad, areas and their towns, priors.

use super::*;

/// An alternate name that places of the same country bear as their main name is an old or
/// local name shared with them (Columbus, Ohio was "Franklin"; dozens of American towns are
/// Franklin), not an exonym: it costs as much again. An exonym is a foreign name for the
/// place ("Cologne" beside Cologne, Lombardy), and keeps the plain alternate cost.
pub(super) fn rank_domestic_namesakes(found: &mut [Candidate]) {
    let named: Vec<(String, PlaceKind)> = found
        .iter()
        .filter(|c| c.how == MatchKind::Name)
        .map(|c| (c.place.country.to_string(), c.place.kind))
        .collect();
    for c in found.iter_mut().filter(|c| c.how == MatchKind::Alternate) {
        if named
            .iter()
            .any(|(cc, kind)| *cc == c.place.country && *kind == c.place.kind)
        {
            c.score += MatchKind::Alternate.prior();
        }
    }
}

/// Ranks areas against the places inside them that share their name.
///
/// - A region or district and a place inside it with the same name (Moscow and Moscow Oblast,
///   Rason and the Rason special city, São Paulo and its municipality): the place is meant far
///   more often, so the area ranks just below it, unless the query itself says it names an area
///   ("Orleans Parish", which New Orleans also lists as an alternate name): then areas rank
///   above every city.
/// - A country and its main city of the same name (Singapore, Hong Kong, Luxembourg, Djibouti:
///   a city with a tenth of the country's people or more): a stop there is the city.
pub(super) fn rank_namesake_areas(found: &mut [Candidate], key: &str) {
    if AREA_WORDS.iter().any(|w| key.ends_with(w)) {
        for c in found.iter_mut() {
            if c.place.kind == PlaceKind::City {
                c.score -= 20.0;
            }
        }
        return;
    }
    let cities: Vec<(String, String, f64, u64, MatchKind)> = found
        .iter()
        .filter(|c| c.place.kind == PlaceKind::City)
        .map(|c| {
            (
                c.place.country.to_string(),
                c.place.admin1.to_string(),
                c.score,
                c.place.population,
                c.how,
            )
        })
        .collect();
    for c in found.iter_mut() {
        // Only a city named at least as well as the area, or one holding a twentieth of the
        // area's people, outranks it: "Minnesota" is the state, whatever village lists the
        // state's name as an alternate; "Rason" is the city of Rajin, once called so, and
        // "Bahia" in an old text is Salvador.
        let (how, people) = (c.how, c.place.population);
        let inside = cities
            .iter()
            .filter(|t| t.0 == c.place.country && (t.4 <= how || t.3.saturating_mul(20) >= people));
        let best_city = match c.place.kind {
            PlaceKind::Region | PlaceKind::District => inside
                .filter(|t| t.1 == c.place.admin1)
                .map(|t| t.2)
                .max_by(f64::total_cmp),
            PlaceKind::Country => inside
                .filter(|t| t.4 == MatchKind::Name && t.3.saturating_mul(10) >= c.place.population)
                .map(|t| t.2)
                .max_by(f64::total_cmp),
            PlaceKind::City => None,
        };
        if let Some(s) = best_city {
            c.score = c.score.min(s - 0.01);
        }
    }
}

pub(super) fn prior(place: &Place, how: MatchKind, script: Script, options: &LookupOptions) -> f64 {
    let mut score = (1.0 + place.population as f64).ln() + how.prior();
    score += match place.kind {
        // Only GeoNames' city rows carry every language's names, so fame is read there alone.
        PlaceKind::City => FAME_WEIGHT * (place.name_count() as f64).ln(),
        // An area's population is the sum over its places, and a city the area holds under the
        // same name ranks above it anyway (`rank_namesake_areas`); the small bonus stands for
        // fame, as for countries, so Ontario is the province, not the Californian city.
        PlaceKind::Region | PlaceKind::District => 1.0,
        // Countries are named far more often than towns sharing their name; the bonus also
        // stands for the fame that city rows earn from their many names (ln 50 ≈ 4).
        PlaceKind::Country => 7.0,
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
pub(super) enum Script {
    Latin,
    Cyrillic,
    Greek,
    Hangul,
    Han,
    Kana,
    Other,
}

impl Script {
    pub(super) fn of(text: &str) -> Script {
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

    pub(super) fn is_native_in(self, country: &str) -> bool {
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
