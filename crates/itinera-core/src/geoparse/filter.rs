//! Which names found in the text are place mentions here. General rules, no list of places:
//! - a one-word name that is a common English word (function words, months, titles, everyday
//!   nouns: "By", "Be", "As", "The", "Add", "May", "Police") is not a mention;
//! - a name that is only part of a longer run of capitalised words belongs to a person or an
//!   organisation: "Kim" in "Kim Jong Il", "Medvedev" in "President Medvedev", "Korea" in
//!   "Korea Times", "Moscow" in "Moscow State University". A title after the name does not
//!   make a run ("Vladivostok Mayor ..." keeps Vladivostok);
//! - the words of such person names are not mentions elsewhere in the document either
//!   ("Kim said" after "Kim Jong Il");
//! - a word in capitals is a mention only as a country code ("US", "UK"), never an acronym
//!   ("KCNA", "AP"); other one- and two-letter words are never mentions.

use super::words::words;
use std::sync::Arc;

use crate::gazetteer::fold;

use super::hash::FastSet;
use super::scan::is_apostrophe;
use super::{Sense, SenseKind};

/// A name found in the text with all its readings, before and after filtering.
#[derive(Debug, Clone)]
pub(crate) struct Span {
    pub start: usize,
    pub end: usize,
    pub key: String,
    pub senses: Arc<[Sense]>,
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

/// The last word of the run of capitalised words that starts right after `end` ("Science
/// Magnet School" after "Buffalo"), if any.
fn run_end(text: &str, end: usize) -> Option<&str> {
    let mut last = None;
    let mut rest = &text[end..];
    while let Some(r) = rest.strip_prefix(' ') {
        let w = &r[..r.find(|c: char| !c.is_alphanumeric()).unwrap_or(r.len())];
        if !w.starts_with(char::is_uppercase) {
            break;
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

/// Keeps the spans that are place mentions; may narrow a span's readings (capitals: countries
/// only; "... region": regions only) and widen it over a region word.
pub(crate) fn filter(text: &str, spans: Vec<Span>) -> Vec<Span> {
    let mut kept: Vec<Span> = Vec::with_capacity(spans.len());
    let mut aliases: FastSet<String> = FastSet::default();
    let starts: FastSet<usize> = spans.iter().map(|s| s.start).collect();
    let mut lower_words = LowerWords::default();
    for mut span in spans {
        if span.senses.is_empty() {
            continue;
        }
        // "U.S." is written with its last dot, which the name automaton leaves out.
        if text[span.start..span.end].contains('.') && text[span.end..].starts_with('.') {
            span.end += 1;
        }
        let surface = &text[span.start..span.end];
        // A currency: "US$460", "$US 1.5 billion", "A$10".
        if text[span.end..].starts_with(['$', '€', '£'])
            || text[..span.start].ends_with(['$', '€', '£'])
        {
            continue;
        }
        // A germ or a disease named after a place: "Marburg virus".
        let next_word = text[span.end..]
            .strip_prefix(' ')
            .map(|a| &a[..a.find(|c: char| !c.is_alphabetic()).unwrap_or(a.len())])
            .unwrap_or_default();
        if words().eponym_heads.contains(&next_word) {
            if !is_prominent(&span.senses) {
                aliases.insert(surface.to_string());
            }
            continue;
        }
        // A person after a title ("Sen. Bell", "Gov. Moore") or speaking ("Clifford said"):
        // the name is that person elsewhere too.
        let prominent = is_prominent(&span.senses);
        // (A speaker is one word, "Clifford said"; "Kanawha County said" is the county.)
        let speaker = !surface.contains(' ') && speaks(text, span.start, span.end);
        if !prominent && (after_title(text, span.start) || speaker) {
            aliases.insert(surface.to_string());
            continue;
        }
        // A strain or a code: "A/California/7/2009".
        if text[..span.start].ends_with('/') || text[span.end..].starts_with('/') {
            continue;
        }
        // Part of an organisation's name: "University of Georgia".
        if after_org_of(text, span.start) {
            continue;
        }
        // A contraction: "I’ll", "I've", "we’re", "don't".
        if is_contraction(text, span.start, span.end) {
            continue;
        }
        let one_word = !surface.contains(' ');
        if one_word
            && starts_sentence(text, span.start)
            && !is_prominent(&span.senses)
            && (lower_words.contains(text, surface) || is_answer(text, &span, surface))
        {
            continue;
        }
        if one_word {
            let (n, caps) = letters(surface);
            if caps && n >= 2 && !is_dateline(text, span.start, span.end) {
                let countries: Vec<Sense> = span
                    .senses
                    .iter()
                    .filter(|s| s.kind == SenseKind::Country)
                    .cloned()
                    .collect();
                if countries.is_empty() {
                    continue;
                }
                span.senses = countries.into();
            } else if n <= 2
                || words().function.contains(&span.key.as_str())
                || words().titles.contains(&span.key.as_str())
                || words().common.contains(&span.key.as_str())
            {
                continue;
            }
            // "Trans-Siberian": the first half of a hyphenated word that is not itself a name.
            let after = &text[span.end..];
            if after.starts_with('-')
                && after[1..].starts_with(char::is_alphabetic)
                && !starts.contains(&(span.end + 1))
            {
                continue;
            }
        } else {
            let first = surface.split(' ').next().map(fold).unwrap_or_default();
            let last = surface.rsplit(' ').next().map(fold).unwrap_or_default();
            if words().titles.contains(&first.as_str())
                || words().facilities.contains(&last.as_str())
            {
                continue;
            }
        }
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
                && (words().common.contains(&k.as_str()) || lower_words.contains(text, w));
            !words().function.contains(&k.as_str())
                && !words().directions.contains(&k.as_str())
                && !common
        });
        let right_key = right.map(fold);
        let region_word = |w: &str| words().designators.get(w).is_some_and(|d| d.region);
        let designator = right_key.as_deref().is_some_and(region_word)
            || text[span.end..]
                .strip_prefix(' ')
                .and_then(|a| a.split(|c: char| !c.is_alphanumeric()).next())
                .is_some_and(region_word);
        if designator && span.senses.iter().any(|s| s.kind == SenseKind::Region) {
            let regions: Vec<Sense> = span
                .senses
                .iter()
                .filter(|s| s.kind == SenseKind::Region)
                .cloned()
                .collect();
            span.senses = regions.into();
            let rest = &text[span.end + 1..];
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
                span.end += 1 + word_end;
            }
            if left.is_none() {
                kept.push(span);
                continue;
            }
        }
        if left.is_none() && heads_public_body(text, span.end, &span.senses, right) {
            kept.push(span);
            continue;
        }
        // An organisation or facility: the run after the name ends in a head ("Xinhua News
        // Agency", "Buffalo Science Magnet School").
        let org = right_key
            .as_deref()
            .is_some_and(|k| words().org_heads.contains(&k))
            || !headline
                && run_end(text, span.end)
                    .is_some_and(|w| words().org_heads.contains(&fold(w).as_str()));
        let right = right.filter(|w| {
            org || right_key
                .as_deref()
                .is_some_and(|k| !words().function.contains(&k) && !words().titles.contains(&k))
                && !starts_run_elsewhere(text, w, span.end + 1)
        });
        if left.is_some() || right.is_some() {
            if org && !is_prominent(&span.senses) && left.is_none() {
                // "Franklin Elementary": "Franklin" alone is the school in this document.
                aliases.insert(surface.to_string());
            }
            if !org && !is_prominent(&span.senses) {
                // Person names: the other words of the run, and the name itself when a first
                // name or a title precedes it ("Dmitry Medvedev", "President Medvedev").
                aliases.extend(right.map(str::to_string));
                // A run of three or more words after the name is a person's full name
                // ("Kim Jong Il"): the name is that person elsewhere too.
                let second = right.and_then(|r| {
                    let after = &text[span.end + 1 + r.len()..];
                    after
                        .strip_prefix(' ')
                        .filter(|a| a.starts_with(char::is_uppercase))
                });
                if second.is_some() {
                    aliases.insert(surface.to_string());
                }
                if let Some(l) = left {
                    aliases.insert(l.to_string());
                    aliases.insert(surface.to_string());
                }
            }
            continue;
        }
        kept.push(span);
    }
    if !aliases.is_empty() {
        kept.retain(|s| {
            let t = &text[s.start..s.end];
            t.contains(' ') || !aliases.contains(t)
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
        assert!(kept("They met Kentucky Towns yesterday.").is_empty());
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
}
