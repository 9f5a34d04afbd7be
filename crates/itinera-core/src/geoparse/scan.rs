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

/// Byte length of the folded form of the last word before `pos` (ASCII fast path: the word's
/// own length; otherwise folded character by character).
fn last_word_len(text: &str, start: usize, pos: usize) -> usize {
    // The character that ends the previous word may be wider than a byte (’, a no-break space).
    let word_start = text[start..pos]
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_word(c))
        .map_or(start, |(i, c)| start + i + c.len_utf8());
    let mut folded = String::new();
    for c in text[word_start..pos].chars() {
        fold_char(c, &mut folded);
    }
    folded.len()
}

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
    out: &mut Vec<Found>,
) {
    let bytes = text.as_bytes();
    let mut i = 0;
    // Whether the previous character belongs to a word (a letter, digit, or an apostrophe
    // inside a word): a name starts only at a word start.
    let mut in_word = false;
    let mut key = String::new();
    let mut folded = String::new();
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                if !in_word
                    && b.is_ascii_uppercase()
                    && let Some(found) = walk(text, i, places, features, &mut key, &mut folded)
                {
                    i = found.end;
                    out.push(found);
                    in_word = false;
                    continue;
                }
                in_word = true;
            } else {
                in_word = in_word && b == b'\'';
            }
            i += 1;
        } else {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if is_word(c) {
                if !in_word
                    && starts_name(c)
                    && let Some(found) = walk(text, i, places, features, &mut key, &mut folded)
                {
                    i = found.end;
                    out.push(found);
                    in_word = false;
                    continue;
                }
                in_word = true;
            } else {
                in_word = in_word && is_apostrophe(c);
            }
            i += c.len_utf8();
        }
    }
}

/// The longest name starting at `start`, if any.
fn walk<D: AsRef<[u8]>, E: AsRef<[u8]>>(
    text: &str,
    start: usize,
    places: &Fst<D>,
    features: &Fst<E>,
    key: &mut String,
    folded: &mut String,
) -> Option<Found> {
    key.clear();
    let mut p = Walker::new(places);
    let mut f = Walker::new(features);
    let mut best: Option<Found> = None;
    let mut pos = start;
    let mut words = 1;
    let mut connector = false;
    let mut chars = text[start..].char_indices().peekable();
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
        let abbreviation = {
            let last = key.len() - last_word_len(text, start, pos);
            let w = &key[last.min(key.len())..];
            w.chars().count() == 1 || ABBREVIATIONS.contains(&w)
        };
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
    }
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
}
