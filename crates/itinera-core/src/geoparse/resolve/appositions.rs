//! Appositions that settle a name: a region or country after it that contains one of its
//! readings ("Paris, Texas", "Córdoba in southern Spain"), or a country's adjective in a
//! description after it ("Dublin, the Irish capital").

use crate::gazetteer::fold;
use crate::geoparse::filter::Span;
use crate::geoparse::{Sense, SenseKind};

/// Whether `outer` (a region or country) contains `inner`.
fn contains(outer: &Sense, inner: &Sense) -> bool {
    match outer.kind {
        SenseKind::Country => inner.kind != SenseKind::Country && inner.country == outer.country,
        SenseKind::Region => {
            matches!(inner.kind, SenseKind::City | SenseKind::Facility)
                && inner.country == outer.country
                && inner.admin1 == outer.admin1
        }
        _ => false,
    }
}

/// An apposition: the span at `place` is settled by the region or country at `area`.
pub(super) struct Apposed {
    pub(super) place: usize,
    /// The span of the area, when the area is named ("Paris, Texas"), not described ("Dublin,
    /// the Irish capital").
    pub(super) area: Option<usize>,
    /// (reading of the area, reading of the place) pairs where the area contains the place.
    pub(super) hits: Vec<(usize, usize)>,
}

/// Whether the words between a name and an area place the name in the area: a comma
/// ("Paris, Texas") or a short description ending in "in" ("Athens in Greece", "Birmingham,
/// the industrial city in England"), within one clause.
fn apposition_words(between: &str) -> bool {
    if between.len() <= 3 {
        return between.trim() == ",";
    }
    // A description is a few words: longer gaps are no apposition.
    if between.len() > MAX_DESCRIPTION_BYTES {
        return false;
    }
    // "in southern Spain": a direction may qualify the area.
    let between = match between.strip_suffix(' ').and_then(|b| b.rsplit_once(' ')) {
        Some((b, word))
            if crate::geoparse::words::words()
                .directions
                .contains(&word.to_lowercase().as_str()) =>
        {
            &between[..b.len() + 1]
        }
        _ => between,
    };
    // "Perth, the capital of Western Australia".
    if let Some(head) = between.strip_suffix(" of ")
        && head.starts_with(", the ")
        && !head.contains(['.', ';', ':', '!', '?', '(', ')', '\n', '—', '“', '”', '"'])
        && head.split_whitespace().count() <= MAX_DESCRIPTION_WORDS
    {
        return true;
    }
    let Some(head) = between.strip_suffix(" in ") else {
        return false;
    };
    let clause = !head.contains(['.', ';', ':', '!', '?', '(', ')', '\n', '—', '“', '”', '"']);
    let words = head.split_whitespace().count();
    (head.is_empty() || head.starts_with(',')) && clause && words <= MAX_DESCRIPTION_WORDS
}

/// The most words a description between a name and "in <area>" may have.
const MAX_DESCRIPTION_WORDS: usize = 7;
/// The most bytes such a description may have.
const MAX_DESCRIPTION_BYTES: usize = 80;

/// "Paris, Texas", "Alexandria, Egypt", "Córdoba in southern Spain": a name followed by a
/// region or country that contains one of its readings.
pub(super) fn find_appositions(text: &str, spans: &[Span]) -> Vec<Apposed> {
    let mut out = Vec::new();
    for i in 1..spans.len() {
        let (a, b) = (&spans[i - 1], &spans[i]);
        let Some(between) = text.get(a.end..b.start) else {
            continue;
        };
        if a.key == b.key || !apposition_words(between) {
            continue;
        }
        let comma = between.trim() == ",";
        // A name read first as a country is, in "X, Y", a list of countries ("Georgia, Iraq,
        // Iran"), unless Y holds a region of its name ("Georgia, U.S."): then a town of Y
        // that is spelt like it ("Arāk" for Iraq) gains nothing.
        let listed_country = a
            .senses
            .first()
            .is_some_and(|s| s.kind == SenseKind::Country);
        let mut hits: Vec<(usize, usize)> = Vec::new();
        for (oi, outer) in b.senses.iter().enumerate() {
            for (ii, inner) in a.senses.iter().enumerate() {
                if listed_country && inner.kind != SenseKind::Region {
                    continue;
                }
                // "in <area>" places a town, never a region in a country ("Georgia in the U.S.").
                if !comma && inner.kind != SenseKind::City {
                    continue;
                }
                if contains(outer, inner) {
                    hits.push((oi, ii));
                }
            }
        }
        if !hits.is_empty() {
            out.push(Apposed {
                place: i - 1,
                area: Some(i),
                hits,
            });
        }
    }
    // "Dublin, the Irish capital", "Moscow, the Russian capital": a country's adjective in
    // a description right after the name.
    for (i, a) in spans.iter().enumerate() {
        let Some(rest) = text[a.end..].strip_prefix(", the ") else {
            continue;
        };
        let word = &rest[..rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len())];
        if !word.starts_with(char::is_uppercase) {
            continue;
        }
        let Some(code) = crate::geoparse::words::words()
            .demonyms
            .get(fold(word).as_str())
        else {
            continue;
        };
        let hits: Vec<(usize, usize)> = a
            .senses
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind == SenseKind::City && s.country == *code)
            .map(|(ii, _)| (0, ii))
            .collect();
        if !hits.is_empty() {
            out.push(Apposed {
                place: i,
                area: None,
                hits,
            });
        }
    }
    out.sort_by_key(|a| a.place);
    out
}
