//! What appositions add to the filtered spans before resolution: the regions that news
//! abbreviates after a place name ("Dublin, Ga.", "Paris, TN") as mentions of their own, and
//! a name's places inside the area named after its comma ("Lebanon, Ohio") as readings.

use crate::gazetteer::{Gazetteer, fold};

use super::filter;
use super::lookups::{self, Keep};
use super::{Sense, SenseKind};

/// Bytes of the longest region abbreviation read after a place name.
const MAX_ABBREVIATION: usize = 7;

/// Adds the regions that news abbreviates after a place name as mentions: "Dublin, Ga.",
/// "Charleston, W.Va.", "Paris, TN", "Richmond, B.C.". As appositions they settle the place
/// before them, and as regions of the document they steer its later mentions.
pub(super) fn abbreviated_regions(text: &str, spans: &mut Vec<filter::Span>) {
    let gazetteer = Gazetteer::bundled();
    let mut added = Vec::new();
    let mut replaced = Vec::new();
    for (i, s) in spans.iter().enumerate() {
        let Some(rest) = text[s.end..].strip_prefix(", ") else {
            continue;
        };
        let start = s.end + 2;
        // A name there ("Paris, Texas") stays, unless the abbreviation covers it ("Kan." read
        // as a town "Kan").
        let next = spans.get(i + 1).filter(|n| n.start == start);
        if !rest.starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        // The longest abbreviations are six bytes ("N.W.T.", "W. Va.", "N.Dak.").
        let len = rest
            .find(|c: char| !(c.is_ascii_alphabetic() || c == '.' || c == ' '))
            .unwrap_or(rest.len())
            .min(MAX_ABBREVIATION);
        // "W. Va." may hold a space; take the longest prefix that is a code.
        let candidates = (1..=len).rev().filter(|&n| {
            rest.is_char_boundary(n)
                && rest[n..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
                && !rest[..n].ends_with(' ')
        });
        for n in candidates {
            let token = &rest[..n];
            let letters = token.chars().filter(char::is_ascii_alphabetic).count();
            // A bare code only in capitals ("TN"), an abbreviation only with its dot ("Ga.").
            let code = (letters == token.len() && token.chars().all(|c| c.is_ascii_uppercase()))
                || token.contains('.');
            if !code || letters < 2 {
                continue;
            }
            let senses: Vec<Sense> = gazetteer
                .region_abbreviation_areas(token)
                .into_iter()
                .filter_map(|a| gazetteer.region(a))
                .map(|p| Sense::of_place(&p, 0.0))
                .collect();
            if next.is_some_and(|n| n.end > start + n_letters_end(token)) {
                break;
            }
            // Never over another name: spans stay apart ("U.S.Mt." is not Montana's code).
            // Spans are in order: the first that starts after `start` is the one to check (a
            // scan of them all, for every name followed by a comma, was quadratic).
            let end = start + n;
            let after = spans.partition_point(|o| o.start <= start);
            if spans.get(after).is_some_and(|o| o.start < end) {
                continue;
            }
            if !senses.is_empty() {
                if next.is_some() {
                    replaced.push(start);
                }
                added.push(filter::Span {
                    start,
                    end: start + n,
                    key: fold(token),
                    senses: senses.into(),
                    in_name: false,
                });
                break;
            }
        }
    }
    if !added.is_empty() {
        let replaced: std::collections::HashSet<usize> = replaced.into_iter().collect();
        spans.retain(|s| !replaced.contains(&s.start));
        spans.extend(added);
        spans.sort_by_key(|s| s.start);
    }
}

/// "MOSCOW, Idaho", "Lebanon, Ohio": when no reading of a name lies in the region or country
/// named after its comma (the name has more namesakes than the readings kept), the
/// gazetteer's places of that name inside the area are added to its readings, so the
/// apposition can settle it.
pub(super) fn apposed_readings(text: &str, spans: &mut [filter::Span]) {
    for i in 1..spans.len() {
        let (before, after) = spans.split_at_mut(i);
        let (a, b) = (&mut before[i - 1], &after[0]);
        if !matches!(text.get(a.end..b.start), Some(", " | ",")) {
            continue;
        }
        let areas: Vec<&Sense> = b
            .senses
            .iter()
            .filter(|s| matches!(s.kind, SenseKind::Region | SenseKind::Country))
            .collect();
        let inside = |s: &Sense| {
            s.kind == SenseKind::City
                && areas.iter().any(|r| {
                    r.country == s.country && (r.kind == SenseKind::Country || r.admin1 == s.admin1)
                })
        };
        if areas.is_empty() || a.senses.iter().any(inside) {
            continue;
        }
        let more: Vec<Sense> = lookups::readings(&text[a.start..a.end], Keep::Cities)
            .iter()
            .filter(|s| inside(s))
            .cloned()
            .collect();
        if !more.is_empty() {
            a.senses = a
                .senses
                .iter()
                .cloned()
                .chain(more)
                .collect::<Vec<_>>()
                .into();
        }
    }
}

/// Bytes of an abbreviation up to its last letter ("Kan." -> 3): a name found there may end
/// before the dot.
fn n_letters_end(token: &str) -> usize {
    token.trim_end_matches('.').len()
}
