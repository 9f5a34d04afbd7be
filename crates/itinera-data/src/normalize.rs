//! Name folding: the keys under which the gazetteer files names and looks queries up.
//!
//! This file is also compiled into `build.rs` (via `#[path]`), so the index built there and the
//! queries folded at run time go through exactly the same code. It must only depend on `std`
//! and `unicode-normalization`.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds a name to its lookup key: compatibility decomposition, diacritics and vowel points
/// dropped (see `is_diacritic`; the vowel signs of Indic and Thai scripts are letters and
/// stay), lower case, a few letters without decomposition mapped to ASCII (`ß`, `ø`, `ł`…),
/// and everything that is not a letter or digit (spaces, hyphens, apostrophes, dots) removed.
///
/// `"Zabaykal’sk"`, `"Zabaykal'sk"` and `"ZABAYKALSK"` all fold to `"zabaykalsk"`;
/// `"Ulan-Ude"`, `"Ulan Ude"` to `"ulanude"`; `"Улан-Удэ"` to `"уланудэ"`.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Appends the folded form of one character to `out` (nothing for spaces, punctuation and
/// combining marks). [`fold`] is this, character by character: compatibility decomposition works
/// per character, and the combining marks it could reorder are dropped.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        }
        return;
    }
    for c in std::iter::once(c).nfkd() {
        if is_diacritic(c) || !c.is_alphanumeric() {
            continue;
        }
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'þ' | 'Þ' => out.push_str("th"),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
            'ı' => out.push('i'),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// Whether a combining mark is one that writers leave out without changing the name: accents
/// and other diacritics on Latin, Greek and Cyrillic letters ("São Paulo" = "Sao Paulo",
/// "Йошкар-Ола" = "Иошкар-Ола"), the optional vowel points and hamza of Arabic and Hebrew
/// ("أ" = "ا"), and the kana voicing marks. Other combining marks are vowel signs of Brahmic
/// scripts (Devanagari, Bengali, Thai...): part of the spelling, kept, so that "दिल्ली" and "दाल"
/// do not fold alike. Marks that are not letters at all (virama, Thai tone marks) go with the
/// punctuation.
fn is_diacritic(c: char) -> bool {
    is_combining_mark(c)
        && matches!(c as u32,
            0x0300..=0x036F // combining diacritical marks
            | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
            | 0x0483..=0x0489 // Cyrillic
            | 0x0591..=0x05C7 // Hebrew points and accents
            | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED // Arabic
            | 0x3099..=0x309A // kana voicing marks
        )
}

/// A looser key over a folded name that merges common romanisation variants of Russian and
/// other names: `j` and `y` (`Zabajkalsk`/`Zabaykalsk`), `iy`/`ii`/`ij` and `i` (`Ussuriisk`,
/// `Ussuriysk`, `Novobureyskiy`), a final `-sky` and `-ski` (`Novobureysky`), doubled `y`, and
/// the city suffixes `市` and `시` of Chinese, Japanese and Korean names.
///
/// Matches through this key rank below matches of the folded name.
pub fn loose(folded: &str) -> String {
    let mut s: String = folded
        .strip_suffix('市')
        .or_else(|| folded.strip_suffix("\u{1109}\u{1175}")) // 시 after decomposition
        .unwrap_or(folded)
        .chars()
        .map(|c| if c == 'j' { 'y' } else { c })
        .collect();
    for (from, to) in [("iy", "i"), ("ii", "i"), ("yy", "y")] {
        while s.contains(from) {
            s = s.replace(from, to);
        }
    }
    // A `y` between vowels is how English romanisation writes the Russian iotated vowel that
    // others write as a bare vowel: `Nikolayev`/`Nikolaev`, `Kiyev`/`Kiev`.
    let chars: Vec<char> = s.chars().collect();
    let vowel = |c: Option<&char>| c.is_some_and(|c| "aeiou".contains(*c));
    s = chars
        .iter()
        .enumerate()
        .filter(|&(i, c)| {
            !(*c == 'y' && i > 0 && vowel(chars.get(i - 1)) && vowel(chars.get(i + 1)))
        })
        .map(|(_, c)| c)
        .collect();
    // A `y` after a vowel and before a consonant is the Russian й, which others write `i`:
    // `Zabaykalsk`/`Zabaikalsk`, `Kuybyshev`/`Kuibyshev`.
    let chars: Vec<char> = s.chars().collect();
    s = chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if *c == 'y' && i > 0 && vowel(chars.get(i - 1)) {
                'i'
            } else {
                *c
            }
        })
        .collect();
    if s.ends_with("sky") {
        s.pop();
        s.push('i');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_punctuation() {
        assert_eq!(fold("Zabaykal’sk"), "zabaykalsk");
        assert_eq!(fold("Zabaykal'sk"), "zabaykalsk");
        assert_eq!(fold("Zabaykal`sk"), "zabaykalsk");
        assert_eq!(fold("ULAN-UDE"), "ulanude");
        assert_eq!(fold("Ulan Ude"), "ulanude");
        assert_eq!(fold("Sŏnbong"), "sonbong");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Улан-Удэ"), "уланудэ");
        assert_eq!(fold("Ёлкино"), fold("Елкино"));
        // Arabic vowel points and hamza forms are optional in writing.
        assert_eq!(fold("بَغْدَاد"), fold("بغداد"));
        assert_eq!(fold("أربيل"), fold("اربيل"));
        assert_eq!(fold("יְרוּשָׁלַיִם"), fold("ירושלים"));
    }

    #[test]
    fn brahmic_vowel_signs_are_letters() {
        assert_ne!(fold("दिल्ली"), fold("दल"));
        assert!(fold("मुंबई").chars().count() >= 4);
        assert_ne!(fold("เชียงใหม่"), fold("ชยงใหม"));
    }

    #[test]
    fn fold_is_idempotent_on_scripts() {
        for name in ["블라디보스토크", "海参崴", "Владивосток", "São Paulo"] {
            let once = fold(name);
            assert!(!once.is_empty());
            assert_eq!(fold(&once), once, "{name}");
        }
    }

    #[test]
    fn loose_merges_transliteration_variants() {
        assert_eq!(loose(&fold("Ussuriisk")), loose(&fold("Ussuriysk")));
        assert_eq!(loose(&fold("Novobureysky")), loose(&fold("Novobureyskiy")));
        assert_eq!(loose(&fold("Novoburejskij")), loose(&fold("Novobureyskiy")));
        assert_eq!(loose(&fold("Zabajkalsk")), loose(&fold("Zabaykal’sk")));
        assert_eq!(loose(&fold("Nikolayev")), loose(&fold("Nikolaev")));
        assert_eq!(loose(&fold("Zabaikalsk")), loose(&fold("Zabaykalsk")));
        assert_eq!(loose(&fold("Kuibyshev")), loose(&fold("Kuybyshev")));
        assert_eq!(loose(&fold("满洲里市")), loose(&fold("满洲里")));
        assert_eq!(loose(&fold("하얼빈 시")), loose(&fold("하얼빈")));
    }

    #[test]
    fn loose_keeps_distinct_names_apart() {
        assert_ne!(loose(&fold("Khasan")), loose(&fold("Hassan")));
        assert_ne!(loose(&fold("Moscow")), loose(&fold("Mosco")));
    }
}
