//! The filter's rules about people's and organisations' names: titles, speakers and kin,
//! "University of …" and the like, public bodies, organisations and facilities, and the runs of
//! capitalised words that are a person's name.

use crate::gazetteer::fold;
use crate::geoparse::words::words;

use super::context::{
    after_org_of, after_title, heads_public_body, last_word, run_end, speaks, starts_run_elsewhere,
    starts_sentence,
};
use super::{Cx, Judged, Verdict};

/// A person after a title ("Sen. Bell", "Gov. Moore") or speaking ("Clifford said"); a
/// speaker is one word ("Kanawha County said" is the county).
pub(super) fn person_by_title<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
    let (text, s) = (cx.text, &j.span);
    let speaker = j.one_word && speaks(text, s.start, s.end);
    // "his wife, Florence", "her son Marion": a relative named after a word of kinship; "Smith,
    // who moved": a relative pronoun after a name makes it a person's, whatever else it names.
    let kin = {
        let before = text[..s.start].trim_end_matches([' ', ',']);
        KIN.contains(&last_word(before).to_lowercase().as_str())
    };
    // Only a sentence's subject: in "people in Chad, Niger and Nigeria, who rely on it" and
    // "Scott Moir of nearby Ilderton, who" the clause is about the people.
    let who = j.one_word && text[s.end..].starts_with(", who ") && starts_sentence(text, s.start);
    if kin || who {
        return Verdict::Person;
    }
    if !j.prominent && (after_title(text, s.start) || speaker) {
        Verdict::Person
    } else {
        Verdict::Pass
    }
}

/// Words of kinship and company after which a name is a person's ("his wife, Florence").
const KIN: &[&str] = &[
    "wife",
    "husband",
    "son",
    "daughter",
    "mother",
    "father",
    "brother",
    "sister",
    "friend",
    "partner",
    "fiancee",
    "fiancé",
    "fiancée",
    "widow",
    "widower",
    "grandson",
    "granddaughter",
    "cousin",
    "nephew",
    "niece",
    "aunt",
    "uncle",
    "girlfriend",
    "boyfriend",
    "stepson",
    "stepdaughter",
    "children",
    "sons",
    "daughters",
];

/// Part of an organisation's name: "University of Georgia".
pub(super) fn organisation_of<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
    if after_org_of(cx.text, j.span.start) {
        // "Chamber of Commerce", "Bank of Hope": an everyday word there is the word.
        if j.one_word && words().common.contains(&j.span.key.as_str()) {
            return Verdict::Drop;
        }
        Verdict::InName
    } else {
        Verdict::Pass
    }
}

/// "Ohio Department of Health": a region heading its public body is the region acting,
/// named inside the body's name.
pub(super) fn public_body<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
    let around = j.around(cx);
    if around.left.is_none() && heads_public_body(cx.text, j.span.end, &j.span.senses, around.right)
    {
        Verdict::InName
    } else {
        Verdict::Pass
    }
}

/// Whether the run of capitalised words after the mention ends in the head of an
/// organisation's or a facility's name ("Xinhua News Agency", "Pike County Jail").
fn heads_organisation<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> bool {
    let around = j.around(cx);
    around
        .right_key
        .as_deref()
        .is_some_and(|k| words().org_heads.contains(&k))
        || !around.headline
            && run_end(cx.text, j.span.end)
                .is_some_and(|w| words().org_heads.contains(&fold(w).as_str()))
}

/// A name heading an organisation or a facility: "Korea Times", "Buffalo Science Magnet
/// School". A name inside the run ("Lake Chad Basin Commission") is not the place.
pub(super) fn organisation<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
    if !heads_organisation(cx, j) {
        return Verdict::Pass;
    }
    if j.around(cx).left.is_none() {
        Verdict::InName
    } else {
        Verdict::Drop
    }
}

/// A name in a longer run of capitalised words: a person ("Kim Jong Il", "President
/// Medvedev", "Dmitry Medvedev").
pub(super) fn person_run<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
    let text = cx.text;
    let around = j.around(cx);
    let span_end = j.span.end;
    let right = around.right.filter(|w| {
        around
            .right_key
            .as_deref()
            .is_some_and(|k| !words().function.contains(&k) && !words().titles.contains(&k))
            && !starts_run_elsewhere(text, w, span_end + 1)
    });
    if around.left.is_none() && right.is_none() {
        return Verdict::Pass;
    }
    // A prominent place in a run of capitalised words heads or ends an organisation's name far
    // more often than a person's ("Denver Broncos", "Boston Scientific", "Real Madrid").
    if j.prominent {
        return Verdict::InName;
    }
    // The other words of the run are the person's names elsewhere too, unless they are
    // prominent places ("Chad" before "Basin Commission").
    if let Some(r) = right
        && !cx.place_word(span_end + 1, r.len())
    {
        cx.persons.insert(r);
    }
    // A run of three or more words after the name is a person's full name ("Kim Jong Il"):
    // the name is that person elsewhere too; so is a name after a first name.
    let second = right.is_some_and(|r| {
        text[span_end + 1 + r.len()..]
            .strip_prefix(' ')
            .is_some_and(|a| a.starts_with(char::is_uppercase))
    });
    if let Some(l) = around.left {
        if !cx.place_word(j.span.start - l.len() - 1, l.len()) {
            cx.persons.insert(l);
        }
        return Verdict::Person;
    }
    if second {
        Verdict::Person
    } else {
        Verdict::Drop
    }
}
