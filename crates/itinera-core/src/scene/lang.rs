//! Stop labels in another language the gazetteer has (`--label-lang`).
//!
//! GeoNames' alternate names carry no language tags, so the language is read off the script.
//! Russian: of the alternates written only in the Russian alphabet (Ukrainian and Belarusian
//! letters rule a name out), the one whose romanisation is closest to the place's English name,
//! so "Хабаровск" and not the Yakut "Хабаровскай", "Улан-Удэ" and not the old "Верхнеудинск".
//! Korean: the longest in Hangul; Japanese: the longest with kana; Chinese: the longest in Han
//! alone without the traditional forms place names use most (so the official transliteration
//! "符拉迪沃斯托克" rather than the historic "海参崴": a matter of length, not of knowledge). A
//! place without such a name keeps its label.

use crate::gazetteer::Place;

/// A language to label stops in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[non_exhaustive]
pub enum LabelLang {
    /// Russian, in Cyrillic.
    Ru,
    /// Korean, in Hangul.
    Ko,
    /// Chinese, in Han characters.
    Zh,
    /// Japanese, with kana.
    Ja,
}

impl std::str::FromStr for LabelLang {
    type Err = crate::Error;

    /// `ru`, `ko`, `zh` or `ja`, any case.
    fn from_str(s: &str) -> Result<LabelLang, crate::Error> {
        match s.to_ascii_lowercase().as_str() {
            "ru" => Ok(LabelLang::Ru),
            "ko" => Ok(LabelLang::Ko),
            "zh" => Ok(LabelLang::Zh),
            "ja" => Ok(LabelLang::Ja),
            _ => Err(crate::Error::invalid(
                crate::InvalidKind::Setting,
                format!("unknown label language `{s}`"),
                Some("use ru, ko, zh or ja".into()),
            )),
        }
    }
}

fn russian(c: char) -> bool {
    matches!(c, 'А'..='я' | 'Ё' | 'ё' | ' ' | '-')
}

fn hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | ' ')
}

fn han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

fn kana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}')
}

/// Traditional forms that Simplified Chinese writes otherwise (a short list of the characters
/// place names use most): a name with one of them is taken for Traditional Chinese or Japanese.
const TRADITIONAL: &str = "參滿灣廣東關陽縣門島濱鎮蘭龍華寧遼黑貴臺臺";

impl LabelLang {
    /// The place's name in this language, if the gazetteer has one.
    pub fn name(self, place: &Place) -> Option<String> {
        let fits = |n: &str| match self {
            LabelLang::Ru => n.chars().all(russian) && n.chars().any(char::is_alphabetic),
            LabelLang::Ko => n.chars().all(hangul) && n.chars().any(|c| c != ' '),
            LabelLang::Ja => {
                n.chars().any(kana) && n.chars().all(|c| kana(c) || han(c) || c == 'ー')
            }
            LabelLang::Zh => n.chars().all(han) && !n.chars().any(|c| TRADITIONAL.contains(c)),
        };
        let names = place.alternate_names().filter(|n| fits(n));
        if self == LabelLang::Ru {
            let english = place.name.to_lowercase();
            let score = |n: &str| strsim::normalized_levenshtein(&romanise(n), &english);
            return names
                .max_by(|a, b| score(a).total_cmp(&score(b)).then(a.len().cmp(&b.len())))
                .map(str::to_string);
        }
        names.max_by_key(|n| n.chars().count()).map(str::to_string)
    }
}

/// Russian Cyrillic in Latin letters, BGN/PCGN style, lower case (for comparing names).
fn romanise(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        out.push_str(match c {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' => "d",
            'е' | 'ё' | 'э' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' => "i",
            'й' | 'ы' => "y",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            // The signs as BGN/PCGN marks them, so a name with one more sign (Ukrainian
            // "Хабаровськ") is farther from the English name than the Russian one.
            'ъ' => "\"",
            'ь' => "'",
            'ю' => "yu",
            'я' => "ya",
            ' ' => " ",
            '-' => "-",
            _ => "?",
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;

    fn named(lang: LabelLang, place: &str) -> Option<String> {
        let g = Gazetteer::bundled();
        let p = g
            .lookup(place, &crate::gazetteer::LookupOptions::default())
            .into_iter()
            .next()?
            .place;
        lang.name(&p)
    }

    #[test]
    fn vladivostok_in_four_languages() {
        assert_eq!(
            named(LabelLang::Ru, "Vladivostok").as_deref(),
            Some("Владивосток")
        );
        assert_eq!(
            named(LabelLang::Ko, "Vladivostok").as_deref(),
            Some("블라디보스토크")
        );
        assert_eq!(
            named(LabelLang::Ja, "Vladivostok").as_deref(),
            Some("ウラジオストク")
        );
        assert_eq!(
            named(LabelLang::Zh, "Vladivostok").as_deref(),
            Some("符拉迪沃斯托克")
        );
    }

    #[test]
    fn russian_is_the_name_closest_to_the_english_one() {
        assert_eq!(
            named(LabelLang::Ru, "Khabarovsk").as_deref(),
            Some("Хабаровск")
        );
        assert_eq!(
            named(LabelLang::Ru, "Ulan-Ude").as_deref(),
            Some("Улан-Удэ")
        );
        assert_eq!(romanise("Уссурийск"), "ussuriysk");
    }

    #[test]
    fn a_place_without_the_language_keeps_none() {
        // Russian names in Ukrainian or Belarusian letters are not taken for Russian.
        assert!(
            !named(LabelLang::Ru, "Vladivostok")
                .unwrap_or_default()
                .contains('і')
        );
        assert_eq!(named(LabelLang::Ko, "Sosnovy Bor"), None);
    }
}
