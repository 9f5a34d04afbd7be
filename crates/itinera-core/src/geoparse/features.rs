//! Named areas and natural features that the city gazetteer lacks but news names: continents,
//! large regions ("Siberia", "the Far East"), seas, lakes, rivers, mountains.
//!
//! The table is `geodata/features.tsv` (curated, one source per row), compiled in. Its names are
//! folded into a small finite-state map when the geoparser is first used (about 250 keys,
//! microseconds), so the scanner walks it beside the gazetteer's automaton.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::gazetteer::fold;

use super::{Sense, SenseKind};

static TABLE: &str = itinera_data::FEATURES;

/// The compiled feature table: its senses and a map from folded names to a range of `lists`.
pub(crate) struct Features {
    pub senses: Vec<Sense>,
    /// Folded name -> index into `lists`.
    pub map: fst::Map<Vec<u8>>,
    pub lists: Vec<Vec<usize>>,
}

/// The bundled feature table, parsed once.
pub(crate) fn features() -> &'static Features {
    static F: OnceLock<Features> = OnceLock::new();
    F.get_or_init(|| parse(TABLE))
}

fn parse(table: &'static str) -> Features {
    let mut senses = Vec::new();
    let mut keys: Vec<(String, usize)> = Vec::new();
    for line in table.lines() {
        if line.starts_with('#') || line.starts_with("id\t") || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&'static str> = line.split('\t').collect();
        let (Some(id), Some(name), Some(kind), Some(lat), Some(lon), Some(alts)) =
            (c.first(), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5))
        else {
            continue;
        };
        let (Ok(lat), Ok(lon), Ok(id)) = (lat.parse(), lon.parse(), id.parse::<i64>()) else {
            continue;
        };
        let written = *kind;
        let kind = match written {
            "continent" => SenseKind::Continent,
            "sea" => SenseKind::Sea,
            "lake" => SenseKind::Lake,
            "river" => SenseKind::River,
            "mountain" | "desert" => SenseKind::Mountain,
            _ => SenseKind::Area,
        };
        let index = senses.len();
        senses.push(Sense {
            name: Cow::Borrowed(name),
            geonameid: (id > 0).then_some(id),
            kind,
            lat,
            lon,
            country: Cow::Borrowed(""),
            admin1: Cow::Borrowed(""),
            population: 0,
            // A historic site or a border crossing is named far less often than a town that
            // shares its name ("Troy", "Memphis", "Rafah"): it gets the prior of a town of
            // ~60,000, so a larger namesake keeps the name.
            prior: if matches!(written, "site" | "crossing") {
                11.0
            } else {
                kind.feature_prior()
            },
        });
        for n in std::iter::once(*name).chain(alts.split(',').filter(|a| !a.is_empty())) {
            keys.push((fold(n), index));
        }
    }
    keys.sort();
    keys.dedup();
    let mut lists: Vec<Vec<usize>> = Vec::new();
    let mut builder = fst::MapBuilder::memory();
    let mut i = 0;
    while i < keys.len() {
        let key = &keys[i].0;
        let mut list = Vec::new();
        while i < keys.len() && &keys[i].0 == key {
            list.push(keys[i].1);
            i += 1;
        }
        // Keys arrive sorted and distinct, so insert cannot fail; skip defensively if it does.
        if builder.insert(key, lists.len() as u64).is_ok() {
            lists.push(list);
        }
    }
    let bytes = builder.into_inner().unwrap_or_default();
    let map = fst::Map::new(bytes).unwrap_or_default();
    Features { senses, map, lists }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_every_row() {
        let f = features();
        let rows = TABLE
            .lines()
            .filter(|l| l.starts_with('-') || l.chars().next().is_some_and(|c| c.is_ascii_digit()))
            .count();
        assert_eq!(f.senses.len(), rows);
        assert!(rows > 90);
        let baikal = f.map.get("lakebaikal").map(|i| &f.lists[i as usize]);
        let baikal = baikal.and_then(|l| l.first()).map(|&i| &f.senses[i]);
        assert_eq!(baikal.map(|s| s.name.as_ref()), Some("Lake Baikal"));
        assert_eq!(baikal.map(|s| s.kind), Some(SenseKind::Lake));
    }
}
