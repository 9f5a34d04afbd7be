//! Names with a designator ("Hebei province", "County Cork", "Aichi-ken"): the generic words
//! for an area that the press writes beside a name, and the lookup of the areas they name.

use super::*;

impl Gazetteer {
    /// The areas a query with a designator names: "Hebei province", "Donetsk region",
    /// "County Cork", "Idlib governorate", "Province of Buenos Aires", "Aichi-ken". The press
    /// writes the generic word beside the name in every language's way, before or after it,
    /// while the gazetteer names the area "Hebei", "Donetsk", "County Cork" or "Cork": the
    /// stem is looked up alone and with each designator, and only regions and second-level
    /// divisions are kept, because the designator says the query names an area. Empty when
    /// the query has no designator or no area answers.
    pub(super) fn lookup_designated(&self, query: &str, options: &LookupOptions) -> Vec<Candidate> {
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
}

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
