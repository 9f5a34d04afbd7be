//! Which names found in the text are place mentions here, judged one mention at a time by
//! the rules of [`JUDGES`] (named, with their reasons, in [`RULES`](super::rules::RULES)),
//! general rules and no list of places. Each rule reads the words around the mention and
//! passes or decides: a place, a place inside an organisation's or a facility's name (kept,
//! marked `in_name`), not a place, or a person's name (then the text's other bare mentions of
//! the name are that person too, unless their own words say place: "in Marion", "Marion,
//! Ohio"). A rule may narrow a mention's readings ("the Amur region": regions only) or widen
//! its span over a region word. Which place a name is stays shared by its mentions; whether a
//! span is a place is decided per mention.

use super::words::words;
use std::sync::Arc;

use crate::gazetteer::fold;

use super::hash::FastSet;
use super::rules::{Rule, RuleSet};
use super::scan::is_apostrophe;
use super::{Sense, SenseKind};

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

/// The run of letters that ends `s` (empty when `s` ends in another character).
fn last_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &s[start..]
}

/// Whether the word before `start` is an abbreviated or full title ("Sen. Bell", "Mayor
/// Moore"): then the name is a person's.
fn after_title(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(' ');
    let before = before.strip_suffix('.').unwrap_or(before);
    let word = last_word(before);
    word.starts_with(char::is_uppercase) && words().titles.contains(&fold(word).as_str())
}

/// Whether a sentence starts at `start`: after a full stop, a question or exclamation mark,
/// a colon, a quotation mark or a line break, or at the start of the text.
fn starts_sentence(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '"', '“', '‘', '\'', '(']);
    before.is_empty() || before.ends_with(['.', '?', '!', ':', '\n', '—'])
}

/// The words a text writes in lower case ("samples", "aid", "media"): capitalised at a sentence
/// start, such a word is that common word, not a name. A word is a run of ASCII letters. The
/// first few lookups search the text (`memmem`; a news article needs a handful); past them the
/// text's lower-case words are gathered into a set once, so a long text with many sentences
/// costs linear time, not a search of the whole text per sentence.
#[derive(Default)]
struct LowerWords<'t> {
    searches: usize,
    words: Option<FastSet<&'t [u8]>>,
}

impl<'t> LowerWords<'t> {
    /// Lookups answered by searching the text before the set is built.
    const SEARCHES: usize = 8;

    fn contains(&mut self, text: &'t str, word: &str) -> bool {
        let lower = word.to_lowercase();
        if lower == word || !lower.bytes().all(|b| b.is_ascii_alphabetic()) {
            // Only runs of ASCII letters are words here, so no other text is one.
            return false;
        }
        let bytes = text.as_bytes();
        if self.words.is_none() && self.searches < Self::SEARCHES {
            self.searches += 1;
            let letter = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphabetic);
            return memchr::memmem::find_iter(bytes, lower.as_bytes())
                .any(|at| (at == 0 || !letter(at - 1)) && !letter(at + lower.len()));
        }
        self.words
            .get_or_insert_with(|| {
                bytes
                    .split(|b| !b.is_ascii_alphabetic())
                    .filter(|w| w.first().is_some_and(u8::is_ascii_lowercase))
                    .collect()
            })
            .contains(lower.as_bytes())
    }
}

/// Whether the span is the speaker of a verb of saying, follows "according to", or is a word
/// opening a quotation ("“Yes,” he said").
fn speaks(text: &str, start: usize, end: usize) -> bool {
    // "“Yes,” said Clifford": an answer opening a quotation.
    let quoted =
        text[..start].ends_with(['"', '“', '‘']) && text[end..].starts_with([',', '!', '?']);
    if quoted {
        return true;
    }
    let after = text[end..].trim_start_matches(' ');
    let next = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    let before = text[..start].trim_end_matches(' ');
    let prev = last_word(before);
    words().speech.contains(&next) || words().speech.contains(&prev) || {
        let tail = before.len().saturating_sub("according to".len());
        before
            .get(tail..)
            .is_some_and(|t| t.eq_ignore_ascii_case("according to"))
    }
}

/// The most words of a name that goes on after a place's ("Lake Chad Basin Commission" has
/// three). A longer run of capitalised words is a list or a heading, and reading every one of
/// them for every name in it made a run of names quadratic.
const NAME_RUN_WORDS: usize = 8;

/// The last word of the run of capitalised words that starts right after `end` ("Science
/// Magnet School" after "Buffalo"), if any; `None` when the run is longer than
/// [`NAME_RUN_WORDS`].
fn run_end(text: &str, end: usize) -> Option<&str> {
    let mut last = None;
    let mut rest = &text[end..];
    let mut words = 0;
    while let Some(r) = rest.strip_prefix(' ') {
        let w = &r[..r.find(|c: char| !c.is_alphanumeric()).unwrap_or(r.len())];
        if !w.starts_with(char::is_uppercase) {
            break;
        }
        words += 1;
        if words > NAME_RUN_WORDS {
            return None;
        }
        last = Some(w);
        rest = &r[w.len()..];
    }
    last
}

/// Whether the name follows "<organisation head> of" ("University of Georgia", "Bank of
/// America"): it is part of the organisation's name.
fn after_org_of(text: &str, start: usize) -> bool {
    let Some(before) = text[..start].strip_suffix("of ") else {
        return false;
    };
    let before = before.trim_end_matches(' ');
    let word = last_word(before);
    word.starts_with(char::is_uppercase) && words().org_heads.contains(&fold(word).as_str())
}

/// Whether the span, or the span and what follows it, is an English contraction: "I’ll",
/// "I've", "we’re", "she’d", "I’m", "don’t" (folding drops the apostrophe, so the automaton may
/// read "I’ll" as "Ill").
fn is_contraction(text: &str, start: usize, end: usize) -> bool {
    let word_end = end
        + text[end..]
            .find(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
            .unwrap_or(text.len() - end);
    let word = &text[start..word_end];
    let Some(at) = word.rfind(['\'', '’']) else {
        return false;
    };
    let tail = &word[at + word[at..].chars().next().map_or(1, char::len_utf8)..];
    matches!(
        tail.to_lowercase().as_str(),
        "ll" | "ve" | "re" | "d" | "m" | "t"
    )
}

/// Whether a sentence-initial word is an answer or an interjection ("A: Yes. They met",
/// "Yes, for the moment"): followed by punctuation, and a place's name only as an alternate name
/// ("Yes" for Yasuj), not as its own name.
fn is_answer(text: &str, span: &Span, surface: &str) -> bool {
    let best = span
        .senses
        .iter()
        .max_by(|a, b| a.prior.total_cmp(&b.prior));
    let capitals = surface.chars().all(|c| !c.is_lowercase());
    !capitals // a dateline ("BARILOCHE, Argentina —")
        && text[span.end..].starts_with([',', '.', '!', '?'])
        && best.is_some_and(|s| fold(&s.name) != fold(surface))
}

/// Whether a country or region heads the name of one of its public bodies (see
/// [`PUBLIC_BODIES`]): the first word after it is such a head, and the run does not end in the
/// head of a newspaper's, a school's or a company's name.
fn heads_public_body(text: &str, end: usize, senses: &[Sense], next: Option<&str>) -> bool {
    let area = senses
        .iter()
        .any(|s| matches!(s.kind, SenseKind::Country | SenseKind::Region));
    let next = next.map(fold).unwrap_or_default();
    let last = run_end(text, end).map(fold).unwrap_or_default();
    area && words().public_bodies.contains(&next.as_str())
        && (!words().org_heads.contains(&last.as_str())
            || words().public_bodies.contains(&last.as_str()))
}

/// The first word of the run that `start..end` sits in, and its last word, when the name is
/// only part of a longer run of capitalised words.
fn neighbours(text: &str, start: usize, end: usize) -> (Option<&str>, Option<&str>) {
    let before = &text[..start];
    let left = before
        .strip_suffix(' ')
        .and_then(|b| {
            let w = b.rfind(|c: char| !c.is_alphanumeric()).map_or(b, |i| {
                &b[i + b[i..].chars().next().map_or(1, char::len_utf8)..]
            });
            (!w.is_empty()).then_some(w)
        })
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase));
    let after = &text[end..];
    let right = after
        .strip_prefix(' ')
        .map(|a| &a[..a.find(|c: char| !c.is_alphanumeric()).unwrap_or(a.len())])
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase));
    (left, right)
}

/// Whether the line holding `at` is a headline or a title in title case: a short line of at
/// least three words of four letters or more, all capitalised, that ends without a full stop.
fn in_title_case_line(text: &str, at: usize) -> bool {
    // Only a window of MAX_HEADLINE bytes around `at` is searched for the line's ends, so a
    // long line costs no more than a short one: a line that runs past it is no headline.
    let mut back = at.saturating_sub(MAX_HEADLINE + 1);
    while !text.is_char_boundary(back) {
        back -= 1;
    }
    let from = match text[back..at].rfind('\n') {
        Some(i) => back + i + 1,
        None if back == 0 => 0,
        None => return false,
    };
    let mut limit = (from + MAX_HEADLINE + 1).min(text.len()).max(at);
    while !text.is_char_boundary(limit) {
        limit += 1;
    }
    let to = match text[at..limit].find('\n') {
        Some(i) => at + i,
        None => {
            // The line runs on past the window: only white space may end it.
            let rest = &text[limit..];
            match rest.find(|c: char| c == '\n' || !c.is_whitespace()) {
                None => text.len(),
                Some(i) if rest[i..].starts_with('\n') => limit + i,
                Some(_) => return false,
            }
        }
    };
    let line = text[from..to].trim_end();
    if line.len() > MAX_HEADLINE || line.ends_with('.') {
        return false;
    }
    let mut long = 0;
    for word in line.split(|c: char| !c.is_alphanumeric() && !is_apostrophe(c)) {
        if word.chars().count() >= 4 {
            if !word.starts_with(char::is_uppercase) {
                return false;
            }
            long += 1;
        }
    }
    long >= 3
}

/// The longest line, bytes, that can be a headline.
const MAX_HEADLINE: usize = 160;

fn letters(s: &str) -> (usize, bool) {
    let n = s.chars().filter(|c| c.is_alphabetic()).count();
    let caps = s
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    (n, caps)
}

/// Whether a word in capitals at `start` is a dateline ("KHASAN, Russia —"): at the start of
/// a line and followed by a comma, a dash or a parenthesis.
fn is_dateline(text: &str, start: usize, end: usize) -> bool {
    let line_start = start == 0 || text[..start].ends_with('\n');
    let after = text[end..].trim_start_matches(' ');
    line_start
        && (after.starts_with(',')
            || after.starts_with('—')
            || after.starts_with('–')
            || after.starts_with('-')
            || after.starts_with('('))
}

/// Whether the span is a story's dateline: a name in capitals at the start of a line, before
/// a comma, a dash or a parenthesis ("RICHMOND, Ind. —", "WASHINGTON (Reuters) —").
pub(crate) fn is_dateline_name(text: &str, start: usize, end: usize) -> bool {
    let (n, caps) = letters(&text[start..end]);
    n > 1 && caps && is_dateline(text, start, end)
}

/// Whether `word` starts a run of capitalised words somewhere in `text` ("Kim" in "Kim Jong
/// Il"): then "In Novosibirsk Kim stayed" is a place followed by a person.
fn starts_run_elsewhere(text: &str, word: &str, not_at: usize) -> bool {
    // Look a few thousand bytes either side: an article, not a whole book.
    let mut lo = not_at.saturating_sub(RUN_CONTEXT);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (not_at + RUN_CONTEXT).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let window = &text.as_bytes()[lo..hi];
    memchr::memmem::find_iter(window, word.as_bytes())
        .map(|i| i + lo)
        .any(|i| {
            let before_ok = text[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let rest = &text[i + word.len()..];
            let mut rest_chars = rest.chars();
            i != not_at
                && before_ok
                && rest_chars.next() == Some(' ')
                && rest_chars.next().is_some_and(char::is_uppercase)
        })
}

/// How far either side `starts_run_elsewhere` looks, bytes.
const RUN_CONTEXT: usize = 8192;

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

/// A currency: "US$460", "$US 1.5 billion", "A$10".
fn currency<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
    let (text, s) = (cx.text, &j.span);
    if text[s.end..].starts_with(['$', '€', '£']) || text[..s.start].ends_with(['$', '€', '£'])
    {
        Verdict::Drop
    } else {
        Verdict::Pass
    }
}

/// A germ or a disease named after a place: "Marburg virus".
fn eponym<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
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

/// A person after a title ("Sen. Bell", "Gov. Moore") or speaking ("Clifford said"); a
/// speaker is one word ("Kanawha County said" is the county).
fn person_by_title<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
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

/// A strain or a code: "A/California/7/2009".
fn code<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
    let (text, s) = (cx.text, &j.span);
    if text[..s.start].ends_with('/') || text[s.end..].starts_with('/') {
        Verdict::Drop
    } else {
        Verdict::Pass
    }
}

/// Part of an organisation's name: "University of Georgia".
fn organisation_of<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
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

/// A contraction: "I’ll", "I've", "we’re", "don't".
fn contraction<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
    if is_contraction(cx.text, j.span.start, j.span.end) {
        Verdict::Drop
    } else {
        Verdict::Pass
    }
}

/// A sentence's first word that the text writes in lower case elsewhere, or an answer.
fn sentence_start<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
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
fn capitals<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
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
fn common_word<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
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
fn hyphen_prefix<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
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
fn title_or_facility<'t>(_: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
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

/// "Shelby and Madison counties", "Orleans, Jefferson and St. Bernard parishes": names
/// coordinated before a plural designator are areas of that kind.
fn coordinated_areas<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
    let Some(designator) = coordination_designator(cx.text, j.span.start, j.span.end) else {
        return Verdict::Pass;
    };
    let gazetteer = crate::gazetteer::Gazetteer::bundled();
    let query = format!("{} {designator}", cx.text[j.span.start..j.span.end].trim());
    let senses: Vec<Sense> = gazetteer
        .lookup(&query, &Default::default())
        .iter()
        .filter(|c| {
            matches!(
                c.place.kind,
                crate::gazetteer::PlaceKind::Region | crate::gazetteer::PlaceKind::District
            )
        })
        .map(|c| Sense::of_place(&c.place, c.score))
        .collect();
    if senses.is_empty() {
        return Verdict::Pass;
    }
    j.span.senses = senses.into();
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
fn designator<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
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
fn region_context<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
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

/// "Ohio Department of Health": a region heading its public body is the region acting,
/// named inside the body's name.
fn public_body<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
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
fn organisation<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
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
fn person_run<'t>(cx: &mut Cx<'t>, j: &mut Judged<'t>) -> Verdict {
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

/// Whether the words right around a mention say it is a place, whatever else the name is in
/// the text: a preposition of place before it ("in Marion"), or a region after a comma
/// ("Marion, Ohio").
fn says_place(text: &str, span: &Span) -> bool {
    let before = text[..span.start].trim_end_matches(' ');
    let prev = last_word(before).to_lowercase();
    super::resolve::LOCATIVE.contains(&prev.as_str()) || apposition_follows(text, span.end)
}

/// Whether a capitalised word follows `end` after a comma: the region or country of an
/// apposition ("Marion, Ohio", "RICHMOND, Ind. —").
pub(crate) fn apposition_follows(text: &str, end: usize) -> bool {
    text[end..]
        .strip_prefix(", ")
        .is_some_and(|r| r.starts_with(char::is_uppercase))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The first lookups search the text, the later ones a set of its words: both must give
    /// the same answers.
    #[test]
    fn lower_words_answer_alike_by_search_and_by_set() {
        let text = "Total crops fell. Aid arrived; samples, aidE and Media-media went \
                    to the totality of Samples-x. Mediaeval aid.";
        let asked = [
            "Total",
            "Aid",
            "Samples",
            "Media",
            "Crops",
            "Mediaeval",
            "Totality",
            "Élan",
        ];
        let expected = [false, true, true, true, true, false, true, false];
        let mut lower = LowerWords::default();
        // Three rounds: the first lookups search, the rest use the set.
        for round in 0..3 {
            for (word, want) in asked.iter().zip(expected) {
                assert_eq!(lower.contains(text, word), want, "{word}, round {round}");
            }
        }
        assert!(lower.words.is_some());
    }

    #[test]
    fn headlines_are_lines_of_capitalised_words() {
        let t = "Flooding Hits Northern Kentucky Towns\nBy Staff\nSeveral towns were flooded.";
        assert!(in_title_case_line(t, t.find("Kentucky").unwrap_or(0)));
        // A sentence is no headline, nor is a line with a lower-case long word.
        assert!(!in_title_case_line(t, t.find("towns").unwrap_or(0)));
        let t = "Floods hit northern Kentucky towns";
        assert!(!in_title_case_line(t, 20));
        let t = "Governor Visits Frankfort Schools.";
        assert!(!in_title_case_line(t, 16));
        let kept = |t: &str| {
            let mut p = crate::geoparse::Geoparser::new();
            p.extract(t)
                .mentions
                .into_iter()
                .map(|m| m.text)
                .collect::<Vec<_>>()
        };
        // Beside a capitalised word a name is part of a run, except in a headline.
        assert_eq!(
            kept("Flooding Hits Northern Kentucky Towns\nBy Staff"),
            ["Kentucky"]
        );
        // Outside a headline, a prominent place in a run is inside a name.
        let marked = crate::geoparse::Geoparser::new()
            .extract("They met Kentucky Towns yesterday.")
            .mentions;
        assert!(marked.iter().all(|m| m.in_name));
    }

    #[test]
    fn finds_the_run_around_a_name() {
        let t = "said President Medvedev in Moscow";
        let s = t.find("Medvedev").unwrap_or(0);
        assert_eq!(neighbours(t, s, s + 8), (Some("President"), None));
        let t = "the Korea Times reported";
        assert_eq!(neighbours(t, 4, 9), (None, Some("Times")));
        let t = "from Khasan, then";
        assert_eq!(neighbours(t, 5, 11), (None, None));
    }

    /// Issue 28, defect 3: each name in a run of names read the whole rest of the run, so a
    /// document of "Paris Paris Paris ..." took time quadratic in its length. The walk stops
    /// after a name's worth of words.
    #[test]
    fn run_end_reads_at_most_a_name_of_words() {
        assert_eq!(
            run_end("Buffalo Science Magnet School opened", 7),
            Some("School")
        );
        let run = "Paris ".repeat(9);
        assert_eq!(run_end(&run, 5), Some("Paris"), "eight words after");
        let run = "Paris ".repeat(10);
        assert_eq!(run_end(&run, 5), None, "nine words after: a list");
    }
}
