//! Reading the compiled-in index: posting lists, place rows, latitude bands, big cities.

use super::*;

/// The cities sorted by latitude (latitude, row offset), from `bylat.bin`.
pub(super) fn by_latitude() -> &'static [(f32, u32)] {
    static L: OnceLock<Vec<(f32, u32)>> = OnceLock::new();
    L.get_or_init(|| {
        BY_LATITUDE
            .chunks_exact(8)
            .map(|b| {
                (
                    f32::from_le_bytes([b[0], b[1], b[2], b[3]]),
                    u32::from_le_bytes([b[4], b[5], b[6], b[7]]),
                )
            })
            .collect()
    })
}

pub(super) fn big_words() -> &'static [u32] {
    static W: OnceLock<Vec<u32>> = OnceLock::new();
    W.get_or_init(|| {
        BIG.chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect()
    })
}

/// Records the places of a posting list with how they matched (through the loose keys or not);
/// a place seen twice keeps its best match.
pub(super) fn note(found: &mut HashMap<u32, MatchKind>, entries: Vec<u32>, loose: bool) {
    for e in entries {
        let how = match (e & PRIMARY != 0, e & ROMANISED != 0, loose) {
            (true, _, false) => MatchKind::Name,
            (true, _, true) => MatchKind::LooseName,
            (false, true, _) => MatchKind::Romanised,
            (false, false, false) => MatchKind::Alternate,
            (false, false, true) => MatchKind::LooseAlternate,
        };
        let slot = found.entry(e & OFFSET).or_insert(how);
        *slot = (*slot).min(how);
    }
}

pub(super) fn postings(at: u64) -> Vec<u32> {
    let word = |i: usize| {
        let b = &POSTINGS[i * 4..i * 4 + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    };
    let at = at as usize;
    let n = word(at) as usize;
    (at + 1..at + 1 + n).map(word).collect()
}

pub(super) fn parse_row(id: PlaceId, line: &'static str) -> Place {
    // Nine columns; the last (alternate names, thousands of bytes for a large city) is taken
    // whole, never searched for a tab.
    let mut c = line.splitn(9, '\t');
    let mut next = || c.next().unwrap_or_default();
    let gid: i64 = next().parse().unwrap_or(0);
    let kind = match next() {
        "airport" => PlaceKind::Airport,
        "feature" => PlaceKind::Feature,
        "region" => PlaceKind::Region,
        "district" => PlaceKind::District,
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
pub(super) fn matched_name(place: &Place, key: &str, how: MatchKind) -> String {
    let loose_key = loose(key);
    first_name(place, |n| match how {
        MatchKind::Name | MatchKind::Alternate => fold(n) == key,
        _ => loose(&fold(n)) == loose_key,
    })
}

/// The first of `place`'s names (its own, then the others) that `matches`; its own otherwise.
pub(super) fn first_name(place: &Place, matches: impl Fn(&str) -> bool) -> String {
    std::iter::once(place.name.as_ref())
        .chain(place.alternate_names())
        .find(|n| matches(n))
        .unwrap_or(&place.name)
        .to_string()
}
