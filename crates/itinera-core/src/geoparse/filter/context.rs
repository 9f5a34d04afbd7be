//! The words around a mention, read from the text for the filter's rules: titles and
//! speakers, sentence starts and the words a text writes in lower case, runs of capitalised
//! words, headlines, datelines, contractions and appositions.

use crate::gazetteer::fold;
use crate::geoparse::hash::FastSet;
use crate::geoparse::scan::is_apostrophe;
use crate::geoparse::words::words;
use crate::geoparse::{Sense, SenseKind};

use super::Span;

/// The run of letters that ends `s` (empty when `s` ends in another character).
pub(super) fn last_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &s[start..]
}

/// Whether the word before `start` is an abbreviated or full title ("Sen. Bell", "Mayor
/// Moore"): then the name is a person's.
pub(super) fn after_title(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(' ');
    let before = before.strip_suffix('.').unwrap_or(before);
    let word = last_word(before);
    word.starts_with(char::is_uppercase) && words().titles.contains(&fold(word).as_str())
}

/// Whether a sentence starts at `start`: after a full stop, a question or exclamation mark,
/// a colon, a quotation mark or a line break, or at the start of the text.
pub(super) fn starts_sentence(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '"', '“', '‘', '\'', '(']);
    before.is_empty() || before.ends_with(['.', '?', '!', ':', '\n', '—'])
}

/// The words a text writes in lower case ("samples", "aid", "media"): capitalised at a sentence
/// start, such a word is that common word, not a name. A word is a run of ASCII letters. The
/// first few lookups search the text (`memmem`; a news article needs a handful); past them the
/// text's lower-case words are gathered into a set once, so a long text with many sentences
/// costs linear time, not a search of the whole text per sentence.
#[derive(Default)]
pub(super) struct LowerWords<'t> {
    searches: usize,
    words: Option<FastSet<&'t [u8]>>,
}

impl<'t> LowerWords<'t> {
    /// Lookups answered by searching the text before the set is built.
    const SEARCHES: usize = 8;

    pub(super) fn contains(&mut self, text: &'t str, word: &str) -> bool {
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
pub(super) fn speaks(text: &str, start: usize, end: usize) -> bool {
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
pub(super) fn run_end(text: &str, end: usize) -> Option<&str> {
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
pub(super) fn after_org_of(text: &str, start: usize) -> bool {
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
pub(super) fn is_contraction(text: &str, start: usize, end: usize) -> bool {
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
pub(super) fn is_answer(text: &str, span: &Span, surface: &str) -> bool {
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
pub(super) fn heads_public_body(
    text: &str,
    end: usize,
    senses: &[Sense],
    next: Option<&str>,
) -> bool {
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
pub(super) fn neighbours(text: &str, start: usize, end: usize) -> (Option<&str>, Option<&str>) {
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
pub(super) fn in_title_case_line(text: &str, at: usize) -> bool {
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

pub(super) fn letters(s: &str) -> (usize, bool) {
    let n = s.chars().filter(|c| c.is_alphabetic()).count();
    let caps = s
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    (n, caps)
}

/// Whether a word in capitals at `start` is a dateline ("KHASAN, Russia —"): at the start of
/// a line and followed by a comma, a dash or a parenthesis.
pub(super) fn is_dateline(text: &str, start: usize, end: usize) -> bool {
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
pub(super) fn starts_run_elsewhere(text: &str, word: &str, not_at: usize) -> bool {
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

/// Whether the words right around a mention say it is a place, whatever else the name is in
/// the text: a preposition of place before it ("in Marion"), or a region after a comma
/// ("Marion, Ohio").
pub(super) fn says_place(text: &str, span: &Span) -> bool {
    let before = text[..span.start].trim_end_matches(' ');
    let prev = last_word(before).to_lowercase();
    crate::geoparse::resolve::LOCATIVE.contains(&prev.as_str())
        || apposition_follows(text, span.end)
}

/// Whether a capitalised word follows `end` after a comma: the region or country of an
/// apposition ("Marion, Ohio", "RICHMOND, Ind. —").
pub(crate) fn apposition_follows(text: &str, end: usize) -> bool {
    text[end..]
        .strip_prefix(", ")
        .is_some_and(|r| r.starts_with(char::is_uppercase))
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
