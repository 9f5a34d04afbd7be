//! Whole-gazetteer lookups that the filter and the appositions make from inside a document
//! ("Dublin" of "Dublin, Ga.", "Shelby County" of "Shelby and Madison counties"), remembered per
//! thread: the same query always finds the same places, and news repeats its names from one
//! document to the next, so a batch of documents asks the gazetteer once per name and kind.

use std::cell::RefCell;
use std::sync::Arc;

use crate::gazetteer::{Gazetteer, PlaceKind};

use super::Sense;
use super::hash::FastMap;

/// Which places of a lookup are kept as readings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Keep {
    /// Populated places.
    Cities,
    /// First- and second-level divisions.
    Divisions,
}

impl Keep {
    fn keeps(self, kind: PlaceKind) -> bool {
        match self {
            Keep::Cities => kind == PlaceKind::City,
            Keep::Divisions => matches!(kind, PlaceKind::Region | PlaceKind::District),
        }
    }
}

/// Queries remembered per thread before the memo is emptied, so memory stays bounded over any
/// amount of text.
const LIMIT: usize = 50_000;

/// Readings by query and what is kept.
type Memo = FastMap<(Box<str>, Keep), Arc<[Sense]>>;

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::default();
}

/// The readings of the places the gazetteer finds for `query` that `keep` keeps, each with its
/// lookup score as prior, best first.
pub(super) fn readings(query: &str, keep: Keep) -> Arc<[Sense]> {
    MEMO.with(|memo| {
        let key = (Box::<str>::from(query), keep);
        if let Some(found) = memo.borrow().get(&key) {
            return found.clone();
        }
        let found: Arc<[Sense]> = Gazetteer::bundled()
            .lookup(query, &Default::default())
            .iter()
            .filter(|c| keep.keeps(c.place.kind))
            .map(|c| Sense::of_place(&c.place, c.score))
            .collect();
        let mut memo = memo.borrow_mut();
        if memo.len() >= LIMIT {
            memo.clear();
        }
        memo.insert(key, found.clone());
        found
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_readings_are_the_lookups_own() {
        let direct: Vec<i64> = Gazetteer::bundled()
            .lookup("Dublin", &Default::default())
            .iter()
            .filter(|c| c.place.kind == PlaceKind::City)
            .filter_map(|c| c.place.geonameid)
            .collect();
        assert!(direct.len() > 1, "Dublin has namesakes");
        for _ in 0..2 {
            let ids: Vec<i64> = readings("Dublin", Keep::Cities)
                .iter()
                .filter_map(|s| s.geonameid)
                .collect();
            assert_eq!(ids, direct);
        }
        assert!(readings("Dublin", Keep::Divisions).iter().all(|s| matches!(
            s.kind,
            super::super::SenseKind::Region | super::super::SenseKind::District
        )));
    }
}
