//! The filter's rules that choose a name's region readings from the words around it:
//! coordinated areas ("Shelby and Madison counties"), designators ("the Amur region") and
//! the region's own words ("the Quebec government", "upstate New York").

use crate::gazetteer::fold;
use crate::geoparse::SenseKind;
use crate::geoparse::lookups::{self, Keep};
use crate::geoparse::scan::is_apostrophe;
use crate::geoparse::words::words;

use super::context::last_word;
use super::{Cx, Judged, Verdict};

/// "Shelby and Madison counties", "Orleans, Jefferson and St. Bernard parishes": names
/// coordinated before a plural designator are areas of that kind.
pub(super) fn coordinated_areas<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
    let Some(designator) = coordination_designator(cx.text, j.span.start, j.span.end) else {
        return Verdict::Pass;
    };
    let query = format!("{} {designator}", cx.text[j.span.start..j.span.end].trim());
    let senses = lookups::readings(&query, Keep::Divisions);
    if senses.is_empty() {
        return Verdict::Pass;
    }
    j.span.senses = senses;
    Verdict::Place
}

/// The singular designator that ends a coordination holding the name at `start..end`
/// ("Shelby| and Madison counties" and "Shelby and Madison| counties" -> "county").
fn coordination_designator(text: &str, start: usize, end: usize) -> Option<&'static str> {
    let before = &text[..start];
    // Named after another name: "Shelby and |Madison".
    let mut coordinated = [", and ", ", or ", " and ", " or ", ", "]
        .iter()
        .any(|sep| {
            before
                .strip_suffix(sep)
                .is_some_and(|b| last_word(b).starts_with(char::is_uppercase))
        });
    let mut rest = &text[end..];
    for _ in 0..MAX_COORDINATED_WORDS {
        if let Some(r) = [", and ", ", or ", " and ", " or "]
            .iter()
            .find_map(|sep| rest.strip_prefix(sep))
        {
            coordinated = true;
            rest = r;
        } else if let Some(r) = rest.strip_prefix(", ").or_else(|| rest.strip_prefix(' ')) {
            rest = r;
        } else {
            return None;
        }
        let word_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '.' || is_apostrophe(c)))
            .unwrap_or(rest.len());
        let word = &rest[..word_len];
        if word.starts_with(char::is_uppercase) {
            rest = &rest[word_len..];
            continue;
        }
        if !coordinated {
            return None;
        }
        return PLURAL_DESIGNATORS
            .iter()
            .find(|(plural, _)| word.eq_ignore_ascii_case(plural))
            .map(|(_, singular)| *singular);
    }
    None
}

/// The most words a coordination of areas is read over.
const MAX_COORDINATED_WORDS: usize = 12;

/// Plural designators that end a coordination of areas, with their singular.
const PLURAL_DESIGNATORS: &[(&str, &str)] = &[
    ("counties", "county"),
    ("parishes", "parish"),
    ("provinces", "province"),
    ("regions", "region"),
    ("districts", "district"),
    ("states", "state"),
    ("oblasts", "oblast"),
    ("prefectures", "prefecture"),
    ("governorates", "governorate"),
    ("territories", "territory"),
];

/// "the Amur region", "Jilin province": the region of that name; "region" is part of the
/// English name and widens the span.
pub(super) fn designator<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
    let text = cx.text;
    let around = j.around(cx);
    let region_word = |w: &str| words().designators.get(w).is_some_and(|d| d.region);
    let s = &j.span;
    let designated = around.right_key.as_deref().is_some_and(region_word)
        || text[s.end..]
            .strip_prefix(' ')
            .and_then(|a| a.split(|c: char| !c.is_alphanumeric()).next())
            .is_some_and(region_word);
    if !designated || !s.senses.iter().any(|s| s.kind == SenseKind::Region) {
        return Verdict::Pass;
    }
    j.span.senses = cx.narrow(&j.span, SenseKind::Region);
    let rest = &text[j.span.end + 1..];
    let word_end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    // "the Amur region" is the region's English name; "Jilin province" describes it.
    let word = fold(&rest[..word_end]);
    if words()
        .designators
        .get(word.as_str())
        .is_some_and(|d| d.part_of_name)
    {
        j.span.end += 1 + word_end;
    }
    if around.left.is_none() {
        Verdict::Place
    } else {
        Verdict::Pass
    }
}

/// Words after a name that say it is the region, not its city: "the Quebec government",
/// "the New York border", "the Ohio state line".
const REGION_AFTER: &[&str] = &[
    "government",
    "governor",
    "governors",
    "legislature",
    "legislators",
    "lawmakers",
    "border",
    "borders",
    "line",
    "premier",
    "voters",
    "statehouse",
    "countryside",
];

/// "the Quebec government", "the New York border", "upstate New York", "the state of
/// Washington": the words around a name that reads as a region and as a city choose the
/// region. A direction before the name ("northern Quebec") chooses it only when the region
/// holds more people than the city ("southern Moscow" stays the city).
pub(super) fn region_context<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
    let text = cx.text;
    let senses = &j.span.senses;
    let region = senses
        .iter()
        .filter(|s| s.kind == SenseKind::Region)
        .max_by(|a, b| a.prior.total_cmp(&b.prior));
    let city = senses
        .iter()
        .filter(|s| s.kind == SenseKind::City)
        .max_by(|a, b| a.prior.total_cmp(&b.prior));
    let (Some(region), Some(city)) = (region, city) else {
        return Verdict::Pass;
    };
    let after = text[j.span.end..].strip_prefix(' ').unwrap_or_default();
    let next = &after[..after
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after.len())];
    let next_next = after[next.len()..]
        .strip_prefix(' ')
        .and_then(|a| a.split(|c: char| !c.is_alphabetic()).next())
        .unwrap_or_default();
    let before = text[..j.span.start].trim_end_matches(' ');
    let prev = last_word(before).to_lowercase();
    let of_state = ["state of", "province of"].iter().any(|p| {
        before
            .len()
            .checked_sub(p.len())
            .and_then(|i| before.get(i..))
            .is_some_and(|t| t.eq_ignore_ascii_case(p))
    });
    let by_words = REGION_AFTER.contains(&next)
        || (next == "state" && REGION_AFTER.contains(&next_next))
        || of_state;
    let by_direction =
        words().directions.contains(&prev.as_str()) && region.population >= city.population;
    if !(by_words || by_direction) {
        return Verdict::Pass;
    }
    j.span.senses = cx.narrow(&j.span, SenseKind::Region);
    Verdict::Place
}
