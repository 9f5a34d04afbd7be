//! Which names found in the text are place mentions here, judged one mention at a time by
//! the rules of [`JUDGES`] (named, with their reasons, in [`RULES`](super::rules::RULES)),
//! general rules and no list of places. Each rule reads the words around the mention and
//! passes or decides: a place, a place inside an organisation's or a facility's name (kept,
//! marked `in_name`), not a place, or a person's name (then the text's other bare mentions of
//! the name are that person too, unless their own words say place: "in Marion", "Marion,
//! Ohio"). A rule may narrow a mention's readings ("the Amur region": regions only) or widen
//! its span over a region word. Which place a name is stays shared by its mentions; whether a
//! span is a place is decided per mention.
//!
//! This file holds the judging; the rules live beside it by what they read (`word`: the
//! mention's own word; `people`: people's and organisations' names; `regions`: a name's
//! region readings), and the text helpers they share in `context`.

mod context;
mod people;
mod regions;
mod word;

use super::words::words;
use std::sync::Arc;

use crate::gazetteer::fold;

use super::hash::FastSet;
use super::rules::{Rule, RuleSet};
use super::{Sense, SenseKind};

use context::{LowerWords, in_title_case_line, neighbours, says_place, starts_sentence};
pub(crate) use context::{apposition_follows, is_dateline_name};
use people::{organisation, organisation_of, person_by_title, person_run, public_body};
use regions::{coordinated_areas, designator, region_context};
use word::{
    capitals, code, common_word, contraction, currency, eponym, hyphen_prefix, sentence_start,
    title_or_facility,
};

/// A name found in the text with all its readings, before and after filtering.
#[derive(Debug, Clone)]
pub(crate) struct Span {
    pub start: usize,
    pub end: usize,
    pub key: String,
    pub senses: Arc<[Sense]>,
    /// The mention sits inside the name of an organisation, facility or street.
    pub in_name: bool,
}

/// Whether a span's likeliest reading is one that many readers know: a country, a region, a
/// continent or a city of 100,000 people or more. Such a name heading an organisation's or a facility's name
/// ("Beijing Health Bureau") stays a place elsewhere in the document; a small place's name
/// ("Franklin Elementary", "Marburg virus") is that organisation or that germ elsewhere too.
fn is_prominent(senses: &[Sense]) -> bool {
    // The likeliest reading decides: "Franklin" is the old name of Columbus, Ohio, too, but
    // first a small town's.
    let best = senses.iter().max_by(|a, b| a.prior.total_cmp(&b.prior));
    best.is_some_and(|s| match s.kind {
        SenseKind::City => s.population >= 100_000,
        SenseKind::Country | SenseKind::Region | SenseKind::Continent => true,
        _ => false,
    })
}

/// What one rule decides about one mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// The rule says nothing here: the next rule judges.
    Pass,
    /// A place: later rules do not judge it.
    Place,
    /// A place inside the name of an organisation, facility or street: kept, marked.
    InName,
    /// Not a place here.
    Drop,
    /// Not a place here, and the name is a person's (or a germ's) in this text: its other
    /// bare mentions are that person too, unless their own words say place.
    Person,
    /// An everyday word that is also a town's name: a place only if the text establishes the
    /// town elsewhere (a dateline, "Liberty, Mo.").
    Common,
}

/// A filter rule: reads the text around one mention and decides, or passes.
type Judge = for<'t> fn(&mut Cx<'t>, &mut Judged<'t>) -> Verdict;

/// The filter's rules in the order they judge (names and reasons in [`RULES`](super::rules::RULES)).
const JUDGES: &[(Rule, Judge)] = &[
    (Rule::Currency, currency),
    (Rule::Eponym, eponym),
    (Rule::PersonByTitle, person_by_title),
    (Rule::Code, code),
    (Rule::CoordinatedAreas, coordinated_areas),
    (Rule::OrganisationOf, organisation_of),
    (Rule::Contraction, contraction),
    (Rule::SentenceStart, sentence_start),
    (Rule::Capitals, capitals),
    (Rule::CommonWord, common_word),
    (Rule::HyphenPrefix, hyphen_prefix),
    (Rule::TitleOrFacility, title_or_facility),
    (Rule::Designator, designator),
    (Rule::RegionContext, region_context),
    (Rule::PublicBody, public_body),
    (Rule::Organisation, organisation),
    (Rule::PersonRun, person_run),
];

/// What the rules read: the text, and what they learn about it as they go.
struct Cx<'t> {
    text: &'t str,
    /// The names found, (start, end, prominent), in text order: a hyphenated name's second
    /// half may be one, and a word beside a person's name is that person's only if it is no
    /// prominent place and no word of a longer name.
    found: Vec<(usize, usize, bool)>,
    lower: LowerWords<'t>,
    /// One-word names that are a person's (or a germ's) in this text.
    persons: FastSet<&'t str>,
    /// Everyday words that the text establishes as a town's name (folded keys).
    established: FastSet<String>,
    /// Readings narrowed to one kind, by name.
    narrowed: super::hash::FastMap<(String, SenseKind), Arc<[Sense]>>,
}

/// One mention under judgement, with the facts several rules read.
struct Judged<'t> {
    span: Span,
    surface: &'t str,
    one_word: bool,
    prominent: bool,
    around: Option<Around<'t>>,
}

/// The capitalised words beside a mention, read once for the rules that need them.
#[derive(Clone)]
struct Around<'t> {
    /// The line is a headline: every word in it is capitalised.
    headline: bool,
    left: Option<&'t str>,
    right: Option<&'t str>,
    /// `right`, folded (shared: the rules take copies of `Around`).
    right_key: Option<std::rc::Rc<str>>,
}

impl Cx<'_> {
    /// The span's readings of one kind. Narrowed alike, mentions of one name share one list,
    /// and so one group in resolution.
    fn narrow(&mut self, span: &Span, kind: SenseKind) -> Arc<[Sense]> {
        self.narrowed
            .entry((span.key.clone(), kind))
            .or_insert_with(|| {
                span.senses
                    .iter()
                    .filter(|s| s.kind == kind)
                    .cloned()
                    .collect::<Vec<_>>()
                    .into()
            })
            .clone()
    }

    /// Whether the word at `at..at + len` is a prominent place's name or a word of a longer
    /// name found in the text ("Chad" of "Lake Chad Basin Commission").
    fn place_word(&self, at: usize, len: usize) -> bool {
        let i = self.found.partition_point(|&(start, _, _)| start <= at);
        i > 0 && {
            let (start, end, prominent) = self.found[i - 1];
            at < end && (prominent || end - start > len)
        }
    }
}

impl<'t> Judged<'t> {
    fn around(&mut self, cx: &mut Cx<'t>) -> Around<'t> {
        if let Some(a) = &self.around {
            return a.clone();
        }
        let text = cx.text;
        let span = &self.span;
        // In a headline every word is capitalised, so the words around a name say nothing
        // about it ("Flooding Hits Northern Kentucky Towns"), unless they make it a body's name.
        let headline = in_title_case_line(text, span.start);
        let (left, right) = neighbours(text, span.start, span.end);
        let (left, right) = if headline {
            (
                None,
                right.filter(|w| words().org_heads.contains(&fold(w).as_str())),
            )
        } else {
            (left, right)
        };
        let left = left.filter(|w| {
            let k = fold(w);
            let at = span.start - w.len() - 1;
            // A sentence's first word written in lower case elsewhere is a common word
            // ("Total U.S. crops").
            let common = starts_sentence(text, at)
                && (words().common.contains(&k.as_str()) || cx.lower.contains(text, w));
            !words().function.contains(&k.as_str())
                && !words().directions.contains(&k.as_str())
                && !common
        });
        let around = Around {
            headline,
            left,
            right,
            right_key: right.map(|w| fold(w).into()),
        };
        self.around = Some(around.clone());
        around
    }
}

/// Keeps the spans that are place mentions; may narrow a span's readings (capitals: countries
/// only; "... region": regions only), widen it over a region word and mark it as inside a
/// name. Each mention is judged on its own: a name that is a person's elsewhere in the text
/// stays a place where its own words say so ("in Marion").
pub(crate) fn filter(text: &str, spans: Vec<Span>, rules: RuleSet) -> Vec<Span> {
    let mut cx = Cx {
        text,
        found: spans
            .iter()
            .map(|s| (s.start, s.end, is_prominent(&s.senses)))
            .collect(),
        lower: LowerWords::default(),
        persons: FastSet::default(),
        established: FastSet::default(),
        narrowed: Default::default(),
    };
    let mut common: Vec<Span> = Vec::new();
    let mut kept: Vec<Span> = Vec::with_capacity(spans.len());
    for (i, mut span) in spans.into_iter().enumerate() {
        if span.senses.is_empty() {
            continue;
        }
        // "U.S." is written with its last dot, which the name automaton leaves out.
        if text[span.start..span.end].contains('.') && text[span.end..].starts_with('.') {
            span.end += 1;
        }
        let surface = &text[span.start..span.end];
        let mut j = Judged {
            prominent: cx.found.get(i).is_some_and(|f| f.2),
            one_word: !surface.contains(' '),
            surface,
            span,
            around: None,
        };
        let mut verdict = Verdict::Pass;
        for &(rule, judge) in JUDGES {
            if !rules.has(rule) {
                continue;
            }
            verdict = judge(&mut cx, &mut j);
            if verdict != Verdict::Pass {
                break;
            }
        }
        match verdict {
            Verdict::Pass | Verdict::Place => kept.push(j.span),
            Verdict::InName => {
                j.span.in_name = true;
                kept.push(j.span);
            }
            Verdict::Drop => {}
            Verdict::Person => {
                cx.persons.insert(j.surface);
            }
            Verdict::Common => common.push(j.span),
        }
    }
    common.retain(|s| cx.established.contains(&s.key));
    if !common.is_empty() {
        kept.extend(common);
        kept.sort_by_key(|s| s.start);
    }
    if !cx.persons.is_empty() {
        kept.retain(|s| {
            let t = &text[s.start..s.end];
            t.contains(' ') || !cx.persons.contains(t) || says_place(text, s)
        });
    }
    kept
}
