//! Weak towns: a one-word name read as a small town that nothing in the document supports is
//! more likely a person or a common word, and is left out.

use crate::gazetteer::fold;
use crate::geoparse::SenseKind;
use crate::geoparse::filter::Span;

use super::{APPOSITION, Group};

/// A one-word name whose reading is a small town that nothing else in the document supports
/// (no other place in its country, none near it, no preposition of place before it) is more
/// likely a person or a common word ("Camilla", "Abraham", "Mercedes"); so is an
/// adjective-looking word ("Argentine", "Olympic") read as a small town.
pub(super) fn weak(text: &str, span: &Span, g: &Group) -> bool {
    let surface = &text[span.start..span.end];
    let c = &g.senses[g.choice];
    // Read through an alternate name ("Passover" for Mountain City, "Hamas" for Hamm), a city
    // short of a million people needs the same support as a small town.
    let alternate = fold(surface) != fold(&c.name);
    let small = c.population
        < if alternate {
            ALTERNATE_TOWN
        } else {
            SMALL_TOWN
        };
    let town = matches!(c.kind, SenseKind::City | SenseKind::Facility);
    if surface.contains(' ') || !town || !small {
        return false;
    }
    let lower = surface.to_lowercase();
    let adjective = ["ian", "ish", "ese", "ic", "ine"]
        .iter()
        .any(|s| lower.ends_with(s));
    if adjective {
        return true;
    }
    let common = crate::geoparse::words::words()
        .common
        .contains(fold(surface).as_str());
    // "arrived in Khasan", "the road to Kraskino": a preposition of place says it is one
    // (for a town named by an everyday word, only with support from places near it).
    let before = text[..span.start].trim_end_matches(' ');
    let prev = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    if LOCATIVE.contains(&prev.as_str()) && !common {
        return false;
    }
    // "Liberty, Mo.": an apposition settles it.
    if g.bonus[g.choice] >= APPOSITION {
        return false;
    }
    let support = g.scores[g.choice] - c.prior - g.bonus[g.choice];
    // A town named by an everyday word ("Commerce", "Enterprise", "Liberty") is that word far
    // more often: it needs the support of places near it, not only of its country.
    support
        < if common {
            COMMON_WORD_SUPPORT
        } else {
            MIN_SUPPORT
        }
}

/// Support that a small town named by an everyday word needs.
const COMMON_WORD_SUPPORT: f64 = 3.0;

/// Prepositions of place and movement, and verbs of arriving and leaving: a name right after
/// one is a place ("the train reached Khasan").
pub(crate) const LOCATIVE: &[&str] = &[
    "in", "at", "to", "from", "near", "via", "outside", "into", "towards", "toward", "through",
    "reached", "reaching", "visited", "visiting", "entered", "entering", "leaving", "toured",
];

/// Population below which a one-word reading needs support from the document.
const SMALL_TOWN: u64 = 50_000;
/// The same for a one-word reading through an alternate name of the place.
pub(super) const ALTERNATE_TOWN: u64 = 1_000_000;
/// Support (score above prior) that a small town needs.
const MIN_SUPPORT: f64 = 1.0;
