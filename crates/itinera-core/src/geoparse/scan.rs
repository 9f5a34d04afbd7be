//! Finding names in running text: every capitalised word start is walked through the
//! gazetteer's name automaton (all ~1.1 M folded names and alternate names, built at compile
//! time) and the feature map at once, keeping the longest name that ends at a word boundary.
//!
//! The automaton is the multi-pattern matcher: a walk from a word start follows the folded
//! characters of the text until no name continues, so "Komsomolsk-on-Amur", "Ulan-Ude",
//! "North Korea" and "Lake Baikal" are found whole. Lower-case words never start a name, and
//! inside a name only capitalised words or connectors ("on", "of", "de", ...) may follow.

use fst::raw::{Fst, Output};

use crate::gazetteer::fold_char;

/// Lower-case words that may join the capitalised words of one name.
const CONNECTORS: &[&str] = &[
    "on", "upon", "of", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la",
    "le", "les", "los", "las", "el", "al", "am", "an", "der", "den", "im", "sur", "en", "y", "e",
    "and", "d", "l", "ad", "es", "bin", "ibn", "van", "von", "aan", "op", "under", "in", "the",
];

/// Abbreviations that a dot may follow inside a name (folded).
const ABBREVIATIONS: &[&str] = &["st", "ste", "mt", "ft", "pt", "sta", "sto", "fr"];

/// Longest names a walk may cover, in bytes (the longest names of the gazetteer are shorter).
const MAX_NAME_BYTES: usize = 96;

/// A name found in the text: its byte span, its folded key, and where the automata ended.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub key: String,
    /// Output of the gazetteer automaton for `key`, if the gazetteer knows it.
    pub places: Option<u64>,
    /// Output of the feature map for `key`, if the feature table knows it.
    pub features: Option<u64>,
    /// Number of words in the span.
    pub words: usize,
}

/// One automaton's position during a walk.
struct Walker<'f, D: AsRef<[u8]>> {
    fst: &'f Fst<D>,
    addr: Option<fst::raw::CompiledAddr>,
    out: Output,
}

impl<'f, D: AsRef<[u8]>> Walker<'f, D> {
    fn new(fst: &'f Fst<D>) -> Self {
        Walker {
            fst,
            addr: Some(fst.root().addr()),
            out: Output::zero(),
        }
    }

    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            let Some(addr) = self.addr else { return };
            let node = self.fst.node(addr);
            match node.find_input(b) {
                Some(i) => {
                    let t = node.transition(i);
                    self.out = self.out.cat(t.out);
                    self.addr = Some(t.addr);
                }
                None => self.addr = None,
            }
        }
    }

    fn alive(&self) -> bool {
        self.addr.is_some()
    }

    /// Whether the automaton would still be alive after `bytes`, without moving.
    fn goes_on_with(&self, bytes: &[u8]) -> bool {
        let mut probe = Walker {
            fst: self.fst,
            addr: self.addr,
            out: self.out,
        };
        probe.feed(bytes);
        probe.alive()
    }

    fn value(&self) -> Option<u64> {
        let node = self.fst.node(self.addr?);
        node.is_final()
            .then(|| self.out.cat(node.final_output()).value())
    }
}

/// Both automata's states after the first word of a walk, and that word folded.
struct AfterWord {
    places: (Option<fst::raw::CompiledAddr>, Output),
    features: (Option<fst::raw::CompiledAddr>, Output),
    key: Box<str>,
}

/// Capitalised words met so far and where the automata stood after each: most words that
/// start a walk are a handful of names, weekdays and people repeated through a batch of
/// documents, so a word is walked through the automata once, then found by its bytes.
#[derive(Debug, Default)]
pub(crate) struct WordMemo {
    after: super::hash::FastMap<Box<str>, AfterWord>,
}

impl std::fmt::Debug for AfterWord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.key)
    }
}

/// Words remembered before the memo is emptied, so memory stays bounded over any text.
const MEMO_LIMIT: usize = 100_000;
/// Longer words are walked each time (and are rare).
const MEMO_WORD_BYTES: usize = 48;

impl WordMemo {
    /// The automata after `word` (letters and digits only) from their roots.
    fn after<D: AsRef<[u8]>, E: AsRef<[u8]>>(
        &mut self,
        word: &str,
        places: &Fst<D>,
        features: &Fst<E>,
    ) -> &AfterWord {
        if !self.after.contains_key(word) {
            if self.after.len() >= MEMO_LIMIT {
                self.after.clear();
            }
            let mut p = Walker::new(places);
            let mut f = Walker::new(features);
            let mut key = String::with_capacity(word.len());
            for c in word.chars() {
                fold_char(c, &mut key);
            }
            p.feed(key.as_bytes());
            f.feed(key.as_bytes());
            let state = AfterWord {
                places: (p.addr, p.out),
                features: (f.addr, f.out),
                key: key.into(),
            };
            self.after.insert(word.into(), state);
        }
        &self.after[word]
    }
}

/// Whether a character can start a name: an upper-case letter, or a letter of a script
/// without case (Han, Hangul, Arabic...).
fn starts_name(c: char) -> bool {
    c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase())
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '`')
}

/// All names in `text`, leftmost-longest, not overlapping.
pub(crate) fn scan<D: AsRef<[u8]>, E: AsRef<[u8]>>(
    text: &str,
    places: &Fst<D>,
    features: &Fst<E>,
    memo: &mut WordMemo,
    out: &mut Vec<Found>,
) {
    let bytes = text.as_bytes();
    let mut key = String::new();
    let mut folded = String::new();
    // Where the last name found ends: the word state starts afresh there.
    let mut fresh = 0;
    let mut i = 0;
    while let Some(at) = next_capital(bytes, i) {
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        i = at + c.len_utf8();
        if is_word(c)
            && starts_name(c)
            && !in_word(text, fresh, at)
            && let Some(found) = walk(text, at, places, features, memo, &mut key, &mut folded)
        {
            i = found.end;
            fresh = found.end;
            out.push(found);
        }
    }
}

/// The next byte at or after `from` that may start a name: an ASCII capital or the first
/// byte of a character beyond ASCII. Blocks of 32 bytes are classified at once (the compiler
/// vectorises the loop), so the text between names is skipped at memory speed.
fn next_capital(bytes: &[u8], from: usize) -> Option<usize> {
    let may_start = |b: u8| b.wrapping_sub(b'A') < 26 || b >= 0xC0;
    let rest = bytes.get(from..)?;
    let mut blocks = rest.chunks_exact(32);
    let mut base = from;
    for block in blocks.by_ref() {
        let mut mask = 0u32;
        for (k, &b) in block.iter().enumerate() {
            mask |= u32::from(may_start(b)) << k;
        }
        if mask != 0 {
            return Some(base + mask.trailing_zeros() as usize);
        }
        base += 32;
    }
    blocks
        .remainder()
        .iter()
        .position(|&b| may_start(b))
        .map(|k| base + k)
}

/// Whether the character before `at` belongs to a word (a letter or digit, or an apostrophe
/// after one: "Russia's"), reading back no further than `fresh` (where a name ended).
fn in_word(text: &str, fresh: usize, at: usize) -> bool {
    let mut before = text[fresh..at].chars();
    while let Some(c) = before.next_back() {
        if is_word(c) {
            return true;
        }
        if !matches!(c, '\'' | '’') {
            return false;
        }
    }
    false
}

/// The longest name starting at `start`, if any. `key` gathers the folded words walked;
/// `word_key` is where the current word starts in it ("sk" after the apostrophe of
/// "Zabaykal'sk").
fn walk<D: AsRef<[u8]>, E: AsRef<[u8]>>(
    text: &str,
    start: usize,
    places: &Fst<D>,
    features: &Fst<E>,
    memo: &mut WordMemo,
    key: &mut String,
    folded: &mut String,
) -> Option<Found> {
    key.clear();
    let mut p = Walker::new(places);
    let mut f = Walker::new(features);
    let mut best: Option<Found> = None;
    let mut pos = start;
    let (mut words, mut connector) = (1, false);
    let mut word_key = 0;
    let mut chars = text[start..].char_indices().peekable();
    if let Some(word_len) = past_first_word(&text[start..], memo, &mut p, &mut f, key) {
        if !p.alive() && !f.alive() {
            return None;
        }
        while chars.next_if(|&(o, _)| o < word_len).is_some() {}
        pos = start + word_len;
    }
    loop {
        // One word: letters and digits, and apostrophes between them ("Zabaykal'sk").
        let mut through_possessive = false;
        while let Some(&(o, c)) = chars.peek() {
            if is_word(c) {
                if c.is_ascii() {
                    // Folding an ASCII letter or digit is lower-casing it.
                    let b = c.to_ascii_lowercase();
                    p.feed(&[b as u8]);
                    f.feed(&[b as u8]);
                    key.push(b);
                } else {
                    folded.clear();
                    fold_char(c, folded);
                    p.feed(folded.as_bytes());
                    f.feed(folded.as_bytes());
                    key.push_str(folded);
                }
                chars.next();
                pos = start + o + c.len_utf8();
                if !p.alive() && !f.alive() {
                    return best;
                }
            } else if is_apostrophe(c) {
                // A possible end ("Russia's"), then possibly more of the same word.
                record(&p, &f, start, pos, key, words, connector, &mut best);
                let mut ahead = chars.clone();
                ahead.next();
                let next = ahead.next().map(|x| x.1);
                let after = ahead.next().map(|x| x.1);
                // A possessive ("Canada's") ends the name; "Zabaykal'sk" goes on.
                // ... unless a name goes on through it and on to a next word ("People's
                // Republic of China", "Martha's Vineyard"; "Canada's" is not "Cañadas").
                let ends_word = matches!(next, Some('s' | 'S')) && !after.is_some_and(is_word);
                through_possessive = ends_word && (p.goes_on_with(b"s") || f.goes_on_with(b"s"));
                let possessive = ends_word && !through_possessive;
                match next {
                    Some(n) if is_word(n) && !possessive => {
                        // An elided connector before a capital ("Côte d’Ivoire", "Val
                        // d’Isère") is part of the next word of the name, not a word of its own.
                        connector = connector && !starts_name(n);
                        chars.next();
                        word_key = key.len();
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        if !through_possessive {
            record(&p, &f, start, pos, key, words, connector, &mut best);
        }
        if pos - start > MAX_NAME_BYTES {
            return best;
        }
        // Between words: one space or hyphen, or a dot and a space ("St. Petersburg").
        let mut seps = 0;
        // A dot joins words only after an abbreviation or an initial ("St. Petersburg",
        // "U.S."); otherwise it ends the sentence.
        let last = &key[word_key..];
        let abbreviation = last.chars().count() == 1 || ABBREVIATIONS.contains(&last);
        while let Some(&(_, c)) = chars.peek() {
            let ok = match c {
                ' ' | '-' | '‐' => seps < 2,
                '.' => seps == 0 && abbreviation,
                _ => false,
            };
            if !ok {
                break;
            }
            chars.next();
            seps += 1;
        }
        if seps == 0 {
            return best;
        }
        let Some(&(o, c)) = chars.peek() else {
            return best;
        };
        if !is_word(c) {
            return best;
        }
        connector = false;
        if !starts_name(c) {
            let rest = &text[start + o..];
            let word = &rest[..rest.find(|c: char| !is_word(c)).unwrap_or(rest.len())];
            connector = CONNECTORS.contains(&word);
            if !connector && !super::words::words().designators.contains_key(word) {
                return best;
            }
        }
        words += 1;
        word_key = key.len();
    }
}

/// A first word of letters and digits alone, not followed by an apostrophe, takes the automata
/// to the same states wherever it stands: `p` and `f` are moved past it from the memo, its
/// folded letters pushed onto `key`, and its length in bytes returned. None for other words
/// (walked as they come).
fn past_first_word<D: AsRef<[u8]>, E: AsRef<[u8]>>(
    rest: &str,
    memo: &mut WordMemo,
    p: &mut Walker<'_, D>,
    f: &mut Walker<'_, E>,
    key: &mut String,
) -> Option<usize> {
    let word_len = rest.find(|c: char| !is_word(c)).unwrap_or(rest.len());
    if word_len > MEMO_WORD_BYTES || rest[word_len..].starts_with(is_apostrophe) {
        return None;
    }
    let after = memo.after(&rest[..word_len], p.fst, f.fst);
    (p.addr, p.out) = after.places;
    (f.addr, f.out) = after.features;
    key.push_str(&after.key);
    Some(word_len)
}

#[allow(clippy::too_many_arguments)]
fn record<D: AsRef<[u8]>, E: AsRef<[u8]>>(
    p: &Walker<'_, D>,
    f: &Walker<'_, E>,
    start: usize,
    end: usize,
    key: &str,
    words: usize,
    connector: bool,
    best: &mut Option<Found>,
) {
    if connector || end == start {
        return;
    }
    let places = p.value();
    let features = f.value();
    if places.is_some() || features.is_some() {
        *best = Some(Found {
            start,
            end,
            key: key.to_string(),
            places,
            features,
            words,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Gazetteer;
    use crate::geoparse::features::features;

    fn names(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        scan(
            text,
            Gazetteer::bundled().name_automaton(),
            features().map.as_fst(),
            &mut WordMemo::default(),
            &mut out,
        );
        out.iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn finds_whole_multiword_and_hyphenated_names() {
        assert_eq!(
            names("Komsomolsk-on-Amur to Ulan-Ude, past Lake Baikal and North Korea."),
            [
                "Komsomolsk-on-Amur",
                "Ulan-Ude",
                "Lake Baikal",
                "North Korea"
            ]
        );
    }

    #[test]
    fn lower_case_words_never_start_a_name() {
        assert!(names("it was by the sea, as they say; add one").is_empty());
    }

    #[test]
    fn possessives_and_word_boundaries() {
        assert_eq!(names("Russia's Far East"), ["Russia", "Far East"]);
        assert_eq!(names("Canada's"), ["Canada"]);
        // A name that goes on through a possessive is read whole: the People's Republic is
        // China, the Republic alone is Taiwan.
        assert_eq!(
            names("the People’s Republic of China's economy"),
            ["People’s Republic of China"]
        );
        assert!(names("Parisian").is_empty());
        assert_eq!(names("(Vladivostok)"), ["Vladivostok"]);
    }

    #[test]
    fn names_in_other_scripts_and_with_diacritics() {
        assert_eq!(names("поезд прибыл в Хасан"), ["Хасан"]);
        assert_eq!(names("à Montréal et Genève"), ["Montréal", "Genève"]);
    }

    #[test]
    fn a_lower_case_word_ends_a_name_unless_it_is_a_connector() {
        assert_eq!(names("Paris is big"), ["Paris"]);
        assert_eq!(names("Rostov-on-Don"), ["Rostov-on-Don"]);
        assert_eq!(names("the Amur region"), ["Amur region"]);
    }

    /// The scan as it was before the skipping and the memo: every character in turn, a state
    /// that says whether it is inside a word, and each walk from fresh automata.
    fn scan_char_by_char(text: &str) -> Vec<(usize, usize, String)> {
        let (places, feats) = (
            Gazetteer::bundled().name_automaton(),
            features().map.as_fst(),
        );
        let (mut key, mut folded) = (String::new(), String::new());
        let mut out = Vec::new();
        let mut in_word = false;
        let mut i = 0;
        while let Some(c) = text[i..].chars().next() {
            if is_word(c) {
                if !in_word
                    && starts_name(c)
                    && let Some(found) = walk(
                        text,
                        i,
                        places,
                        feats,
                        &mut WordMemo::default(),
                        &mut key,
                        &mut folded,
                    )
                {
                    i = found.end;
                    out.push((found.start, found.end, found.key));
                    in_word = false;
                    continue;
                }
                in_word = true;
            } else {
                in_word = in_word && matches!(c, '\'' | '’');
            }
            i += c.len_utf8();
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(300))]
        /// Skipping to the next capital, reading back for the word state and remembering
        /// first words across texts find what reading every character finds.
        #[test]
        fn skipping_finds_what_reading_every_character_finds(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "Khasan", "Ulan-Ude", "St.", "Petersburg", "Russia's", "Russia’s", "Zabaykal'sk",
                "O'Brien", "the", "of", "New", "York", "Rostov-on-Don", "Côte", "d’Ivoire",
                "Хасан", "поезд", "東京", "Tōkyō", "MOSCOW", "said", "US", "U.S.", "`Paris",
                "(Lima)", "“Quito”", "2024", "51.85,107.9", "ÉCOLE", "x'Sochi", "People’s",
                "Republic", "China", "\u{a0}", "—", "Ⅻ", "İzmir",
            ]), 0..40),
            seps in proptest::collection::vec(proptest::sample::select(vec![
                " ", " ", " ", ", ", ". ", "-", "\n", "", "'", "’",
            ]), 40),
        ) {
            let mut text = String::new();
            for (w, sep) in words.iter().zip(&seps) {
                text.push_str(w);
                text.push_str(sep);
            }
            let mut memo = WordMemo::default();
            for _ in 0..2 {
                let mut out = Vec::new();
                scan(
                    &text,
                    Gazetteer::bundled().name_automaton(),
                    features().map.as_fst(),
                    &mut memo,
                    &mut out,
                );
                let got: Vec<_> = out.into_iter().map(|f| (f.start, f.end, f.key)).collect();
                proptest::prop_assert_eq!(got, scan_char_by_char(&text), "{:?}", text);
            }
        }
    }

    #[test]
    fn the_next_capital_is_found_in_any_block() {
        let text = format!("{}Khasan and {}Хасан", "a".repeat(45), "b".repeat(70));
        let bytes = text.as_bytes();
        assert_eq!(next_capital(bytes, 0), Some(45));
        assert_eq!(next_capital(bytes, 46), Some(text.find('Х').unwrap_or(0)));
        assert_eq!(next_capital(b"all lower case", 0), None);
        assert_eq!(next_capital(b"A", 1), None);
    }
}
