//! How candidates rank: the same name at home and abroad, areas and their towns, priors.

use super::*;

/// An alternate name that places of the same country bear as their main name is an old or
/// local name shared with them (Columbus, Ohio was "Franklin"; dozens of American towns are
/// Franklin), not an exonym: it costs as much again. An exonym is a foreign name for the
/// place ("Cologne" beside Cologne, Lombardy), and keeps the plain alternate cost, and so
/// does a short form of the place's own name ("Newcastle" for Newcastle upon Tyne, whatever
/// village of Newcastle the country has): the name is the place's, shortened.
pub(super) fn rank_domestic_namesakes(found: &mut [Candidate], key: &str) {
    let named: Vec<(String, PlaceKind)> = found
        .iter()
        .filter(|c| c.how == MatchKind::Name)
        .map(|c| (c.place.country.to_string(), c.place.kind))
        .collect();
    for c in found.iter_mut().filter(|c| c.how == MatchKind::Alternate) {
        if !fold(&c.place.name).starts_with(key)
            && named
                .iter()
                .any(|(cc, kind)| *cc == c.place.country && *kind == c.place.kind)
        {
            c.score += MatchKind::Alternate.prior();
        }
    }
}

/// How much more important (natural-log units: population and fame) a place known by an
/// alternate name must be than the best place bearing the name as its main name, for the
/// alternate's penalty to be waived: ln 10, an order of magnitude.
const IMPORTANCE_GAP: f64 = std::f64::consts::LN_10;

/// A famous place beats an exact-name namesake when the gap is large: "Odessa" is Odesa,
/// Ukraine (a million people, named in a hundred languages), not Odessa, Texas, whose main
/// name it is; "Nikolayev" is Mykolaiv (470,000), not the town of 14,000 in Lviv oblast that
/// lists the spelling. The penalty of an alternate or loose match stands for the doubt that
/// an old spelling is meant; a place ten times more important ([`IMPORTANCE_GAP`]) than every
/// better-matched place removes that doubt, when the query is a spelling of the place's own
/// name (at most a third of its letters differ: a transliteration, not a translation; the
/// Brazilian Belém lists "Bethlehem", which is not a spelling of "Belém"). The press
/// qualifies the small namesake when it means it ("Odessa, Texas"), and a qualifier or a
/// country option decides before ranking.
pub(super) fn rank_famous_exonyms(found: &mut [Candidate], key: &str) {
    let importance = |c: &Candidate| c.score - c.how.prior();
    // The most important place of each match kind: a candidate is judged against the best
    // of the kinds better than its own, once, not against every better candidate.
    let mut best: std::collections::BTreeMap<MatchKind, f64> = std::collections::BTreeMap::new();
    for c in found.iter() {
        let slot = best.entry(c.how).or_insert(f64::NEG_INFINITY);
        *slot = slot.max(importance(c));
    }
    let waived: Vec<bool> = found
        .iter()
        .map(|c| {
            if matches!(
                c.how,
                MatchKind::Name | MatchKind::Code | MatchKind::Romanised
            ) {
                return false;
            }
            // Only a penalty relative to better-matched places is waived: among places that
            // all matched alike, the order stays as the priors give it.
            let Some(better) = best.range(..c.how).map(|(_, v)| *v).reduce(f64::max) else {
                return false;
            };
            importance(c) >= better + IMPORTANCE_GAP
                && edit_distance(&fold(&c.place.name), key) * 3 <= key.chars().count()
        })
        .collect();
    for (c, waive) in found.iter_mut().zip(waived) {
        if waive {
            c.score = importance(c);
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
/// - A country and its main city of the same name, matched alike (Singapore, Hong Kong and
///   香港, Luxembourg, Djibouti:
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
        // Only a city named at least as well as the area and holding a hundredth of its
        // people, or one holding a twentieth, outranks it: "Minnesota" is the state, whatever
        // village lists the state's name as an alternate, and "Xinjiang" the region of 26
        // million, not its hamlet of that name; "Rason" is the city of Rajin, once called so,
        // and "Bahia" in an old text is Salvador.
        let (how, people) = (c.how, c.place.population);
        let inside = cities.iter().filter(|t| {
            t.0 == c.place.country
                && ((t.4 <= how && t.3.saturating_mul(100) >= people)
                    || t.3.saturating_mul(20) >= people)
        });
        let best_city = match c.place.kind {
            PlaceKind::Region | PlaceKind::District => inside
                .filter(|t| t.1 == c.place.admin1)
                .map(|t| t.2)
                .max_by(f64::total_cmp),
            PlaceKind::Country => inside
                .filter(|t| t.4 <= how && t.3.saturating_mul(10) >= c.place.population)
                .map(|t| t.2)
                .max_by(f64::total_cmp),
            PlaceKind::City | PlaceKind::Airport | PlaceKind::Feature => None,
        };
        if let Some(s) = best_city {
            c.score = c.score.min(s - 0.01);
        }
    }
}

pub(super) fn prior(place: &Place, how: MatchKind, script: Script, options: &LookupOptions) -> f64 {
    // An airport's alternate names are its own name shortened by `derive.py` ("LaGuardia" of
    // "LaGuardia Airport", "Schiphol"), not other places' names or exonyms: no alternate cost.
    let how_prior = match (place.kind, how) {
        (PlaceKind::Airport, MatchKind::Alternate) => 0.0,
        _ => how.prior(),
    };
    let mut score = (1.0 + place.population as f64).ln() + how_prior;
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
        // An airport has no population. Asked for by its own name ("Sheremetyevo",
        // "Heathrow", "Schiphol"), it is meant over a village of that name, as a town of
        // ~400,000 would be; a famous city of the same name ("Narita", "Vladivostok") wins.
        PlaceKind::Airport => 13.0,
        // A curated feature is in the table because the press names it: "Majorca" or
        // "Crete" is the island before any small town of that name (as a town of ~160,000
        // would be), while a large city keeps its name ("Memphis" is Tennessee unless
        // qualified with Egypt).
        PlaceKind::Feature => 12.0,
    };
    if script.is_native_in(&place.country) {
        score += NATIVE_SCRIPT_BONUS;
    }
    if let Some(cc) = &options.country
        && place.country.eq_ignore_ascii_case(cc)
    {
        score += 30.0;
    }
    score
}

/// The writing system of a query, for the native-script prior: "Хасан" is far likelier to
/// mean a place in a country that writes Cyrillic than an Indian town listing it as a
/// transliteration; "تهران" a place in a country that writes Arabic script than a Latin name's
/// transliteration in another country's row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Script {
    /// The countries that write the script (ISO 3166-1 alpha-2); empty for Latin and for
    /// scripts without a table row.
    natives: &'static [&'static str],
}

/// Unicode blocks of the scripts that place names are written in and the countries where each
/// is a national or regional script (the countries' official languages, as Wikipedia lists
/// them under each script). Latin is native everywhere and so favours no country.
const SCRIPTS: &[(u32, u32, &[&str])] = &[
    (0x0370, 0x03FF, &["GR", "CY"]),
    (
        0x0400,
        0x052F,
        &[
            "RU", "BY", "UA", "BG", "RS", "MK", "ME", "KZ", "KG", "TJ", "MN", "BA",
        ],
    ),
    (0x0530, 0x058F, &["AM"]),
    (0x0590, 0x05FF, &["IL", "PS"]),
    // Arabic script: the Arab League's members, and Persian, Dari, Pashto and Urdu.
    (0x0600, 0x06FF, ARABIC),
    (0x0750, 0x077F, ARABIC),
    (0x08A0, 0x08FF, ARABIC),
    (0xFB50, 0xFDFF, ARABIC),
    (0xFE70, 0xFEFF, ARABIC),
    (0x0780, 0x07BF, &["MV"]),
    (0x0900, 0x097F, &["IN", "NP"]),
    (0x0980, 0x09FF, &["BD", "IN"]),
    (0x0A00, 0x0D7F, &["IN"]), // Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam
    (0x0D80, 0x0DFF, &["LK"]),
    (0x0E00, 0x0E7F, &["TH"]),
    (0x0E80, 0x0EFF, &["LA"]),
    (0x0F00, 0x0FFF, &["CN", "BT", "NP"]),
    (0x1000, 0x109F, &["MM"]),
    (0x10A0, 0x10FF, &["GE"]),
    (0x1100, 0x11FF, KOREAN),
    (0x1200, 0x139F, &["ET", "ER"]),
    (0x1780, 0x17FF, &["KH"]),
    (0x1800, 0x18AF, &["CN", "MN"]),
    (0x3040, 0x30FF, &["JP"]),
    (0x3130, 0x318F, KOREAN),
    (0x3400, 0x4DBF, HAN),
    (0x4E00, 0x9FFF, HAN),
    (0xAC00, 0xD7AF, KOREAN),
];
const ARABIC: &[&str] = &[
    "EG", "SA", "AE", "IQ", "SY", "JO", "LB", "PS", "YE", "OM", "QA", "KW", "BH", "LY", "TN", "DZ",
    "MA", "EH", "SD", "MR", "SO", "DJ", "KM", "IR", "AF", "PK",
];
const KOREAN: &[&str] = &["KR", "KP"];
const HAN: &[&str] = &["CN", "TW", "HK", "MO", "JP", "SG"];

impl Script {
    pub(super) fn of(text: &str) -> Script {
        let natives = text
            .chars()
            .find(|c| c.is_alphabetic())
            .and_then(|c| {
                let cp = c as u32;
                SCRIPTS.iter().find(|(lo, hi, _)| (*lo..=*hi).contains(&cp))
            })
            .map_or(&[][..], |(_, _, natives)| *natives);
        Script { natives }
    }

    pub(super) fn is_native_in(self, country: &str) -> bool {
        self.natives.contains(&country)
    }
}
