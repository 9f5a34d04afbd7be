//! The filter's rules that judge a mention by its own word and the characters touching it:
//! currencies, germs named after places, codes, contractions, sentence starts, capitals,
//! everyday words, hyphenated prefixes, titles and buildings.

use crate::gazetteer::fold;
use crate::geoparse::SenseKind;
use crate::geoparse::words::words;

use super::context::{
    apposition_follows, is_answer, is_contraction, is_dateline, is_dateline_name, letters,
    starts_sentence,
};
use super::{Cx, Judged, Verdict};

/// A currency: "US$460", "$US 1.5 billion", "A$10".
pub(super) fn currency<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
    let (text, s) = (cx.text, &j.span);
    if text[s.end..].starts_with(['$', '€', '£']) || text[..s.start].ends_with(['$', '€', '£'])
    {
        Verdict::Drop
    } else {
        Verdict::Pass
    }
}

/// A germ or a disease named after a place: "Marburg virus".
pub(super) fn eponym<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
    let next_word = cx.text[j.span.end..]
        .strip_prefix(' ')
        .map(|a| &a[..a.find(|c: char| !c.is_alphabetic()).unwrap_or(a.len())])
        .unwrap_or_default();
    match words().eponym_heads.contains(&next_word) {
        false => Verdict::Pass,
        true if j.prominent => Verdict::Drop,
        true => Verdict::Person,
    }
}

/// A strain or a code: "A/California/7/2009".
pub(super) fn code<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
    let (text, s) = (cx.text, &j.span);
    if text[..s.start].ends_with('/') || text[s.end..].starts_with('/') {
        Verdict::Drop
    } else {
        Verdict::Pass
    }
}

/// A contraction: "I’ll", "I've", "we’re", "don't".
pub(super) fn contraction<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
    if is_contraction(cx.text, j.span.start, j.span.end) {
        Verdict::Drop
    } else {
        Verdict::Pass
    }
}

/// A sentence's first word that the text writes in lower case elsewhere, or an answer.
pub(super) fn sentence_start<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
    let text = cx.text;
    if j.one_word
        && starts_sentence(text, j.span.start)
        && !j.prominent
        && (cx.lower.contains(text, j.surface) || is_answer(text, &j.span, j.surface))
    {
        Verdict::Drop
    } else {
        Verdict::Pass
    }
}

/// A word in capitals: a country code ("US") or a dateline; an acronym otherwise.
pub(super) fn capitals<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
    if !j.one_word {
        return Verdict::Pass;
    }
    let (n, caps) = letters(j.surface);
    if !caps || n < 2 || is_dateline(cx.text, j.span.start, j.span.end) {
        return Verdict::Pass;
    }
    let countries = cx.narrow(&j.span, SenseKind::Country);
    if countries.is_empty() {
        return Verdict::Drop;
    }
    j.span.senses = countries;
    Verdict::Place
}

/// Two letters, a function word, a title or an everyday noun. A town named by an everyday
/// word ("Liberty", "Commerce", "Union") stays only where its own words say place: a dateline
/// ("COMMERCE, Texas —") or a region after a comma ("Liberty, Mo."); resolution then asks it
/// for support from places near it ("in Spring" is a season).
pub(super) fn common_word<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
    let key = j.span.key.as_str();
    let w = words();
    if !j.one_word {
        return Verdict::Pass;
    }
    if letters(j.surface).0 <= 2 || w.function.contains(&key) || w.titles.contains(&key) {
        return Verdict::Drop;
    }
    if !w.common.contains(&key) {
        return Verdict::Pass;
    }
    let (text, s) = (cx.text, &j.span);
    if is_dateline_name(text, s.start, s.end) || apposition_follows(text, s.end) {
        cx.established.insert(s.key.clone());
        Verdict::Pass
    } else {
        Verdict::Common
    }
}

/// "Trans-Siberian": the first half of a hyphenated word that is not itself a name; "Austin-based",
/// "Paris-born" keep the place.
pub(super) fn hyphen_prefix<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
    let after = &cx.text[j.span.end..];
    let joined = after.starts_with('-') && after[1..].starts_with(char::is_alphabetic);
    let next_is_name = cx
        .found
        .binary_search_by_key(&(j.span.end + 1), |f| f.0)
        .is_ok();
    if !j.one_word || !joined || next_is_name {
        return Verdict::Pass;
    }
    if after[1..].starts_with(char::is_lowercase) {
        Verdict::Place
    } else {
        Verdict::Drop
    }
}

/// A name of several words that starts with a title or ends in a building's word.
pub(super) fn title_or_facility<'t>(_: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
    if j.one_word {
        return Verdict::Pass;
    }
    let first = j.surface.split(' ').next().map(fold).unwrap_or_default();
    let last = j.surface.rsplit(' ').next().map(fold).unwrap_or_default();
    if words().titles.contains(&first.as_str()) {
        Verdict::Drop
    } else if words().facilities.contains(&last.as_str()) {
        Verdict::InName
    } else {
        Verdict::Pass
    }
}
