//! Stop labels in another language (`--label-lang`).
//!
//! First, a language-tagged source: Unicode CLDR names about 300 cities in every language (its
//! time-zone cities: Владивосток, 乌兰巴托, 울란바토르), and those names win. Otherwise GeoNames'
//! alternate names, which carry no language tags, are chosen by rules:
//!
//! - Russian: the alternates written only in the Russian alphabet (the letters of Ukrainian,
//!   Belarusian, Kazakh, Kyrgyz, Buryat, Yakut and Mongolian (і, ў, қ, ң, ө, ү, һ...) rule a
//!   name out), without a doubled а, о, у or э, which is how Mongolian (and Buryat, Kalmyk)
//!   writes long vowels and Russian place names do not: Манжуур, Улаан-Удэ are out unless the
//!   English name has the same doubled vowel (Саарбрюккен for Saarbrücken), and in Mongolia
//!   always. Of those, for a place in China or Taiwan the one closest to the Palladius
//!   transcription of its pinyin name (the Russian convention: Дацин, not Дачин, for Daqing);
//!   elsewhere the one whose romanisation is closest to the English name ("Хабаровск", not the
//!   Yakut "Хабаровскай"; "Улан-Удэ", not the old "Верхнеудинск").
//! - Chinese: the names in Han characters alone, in simplified characters (OpenCC's table:
//!   哈巴羅夫斯克 -> 哈巴罗夫斯克), without a trailing 市 ("city", which Chinese maps leave off:
//!   大庆市 -> 大庆; also 广域市, a Korean metropolitan city) where two characters or more
//!   remain; a name with a Japanese form Chinese does not write (満州里) is out. The longest
//!   wins (a transliteration over a short historic name: 哈巴罗夫斯克, not 伯力); of two as
//!   long, one written in simplified characters already, then one that had the suffix (the
//!   official name: 铜川 from 铜川市, not the old 铜官). 区 (district) and 县
//!   (county) stay: they tell a district from the city of the same name (海拉尔区).
//! - Korean: the longest in Hangul, without 시, 광역시 or 특별시 ("city"); Japanese: the
//!   longest with kana, without 市; the same rule as Chinese's 市 (하얼빈 시 -> 하얼빈). A place
//!   in Japan is named in kanji, its kana names being readings ("おおさかし"): the official
//!   form ending in 市 (or Tokyo's 都) without it, in Japan's own character forms (広島, not
//!   廣島), else the longest in kanji and kana.
//!
//! A place without such a name keeps its label.

use super::names;
use super::palladius::palladius;
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

impl LabelLang {
    /// The place's name in this language, if CLDR or the gazetteer has one.
    pub fn name(self, place: &Place) -> Option<String> {
        if let Some(n) = names::cldr_city(place, self) {
            return Some(n.to_string());
        }
        let alternates = place.alternate_names();
        match self {
            LabelLang::Ru => russian_name(place),
            LabelLang::Zh => chinese_name(place),
            LabelLang::Ko => longest_city_name(
                alternates.filter(|n| n.chars().all(hangul) && n.chars().any(|c| c != ' ')),
                &[" 시", "광역시", "특별시", "시"],
            ),
            // A place in Japan is written in kanji; its kana names are readings of them.
            LabelLang::Ja if place.country == "JP" => {
                kanji_name(place).or_else(|| kana_name(place))
            }
            LabelLang::Ja => kana_name(place),
        }
    }
}

/// The Japanese name of a place in Japan, in kanji: GeoNames' official form ends in 市 (or 都,
/// Tokyo's), which a map leaves out ("広島市" -> 広島, over the older 廣島 and the Chinese
/// forms of the same characters); without one, the longest name in kanji and kana.
fn kanji_name(place: &Place) -> Option<String> {
    let written =
        |n: &&str| n.chars().any(han) && n.chars().all(|c| kana(c) || han(c) || c == 'ー');
    let official = place
        .alternate_names()
        .filter(written)
        .filter(|n| n.ends_with('市') || n.ends_with('都'))
        // Of two as long, one in a form only Japanese writes (広島 over 廣島), then the first
        // GeoNames lists (横浜 before the Chinese 横滨).
        .map(|n| without_suffix(n, &["市", "都"]))
        .fold(None, |best: Option<((usize, bool), String)>, n| {
            let key = (n.chars().count(), names::simplify(&n).is_none());
            match best {
                Some((k, b)) if k >= key => Some((k, b)),
                _ => Some((key, n)),
            }
        })
        .map(|(_, n)| n);
    official.or_else(|| longest_city_name(place.alternate_names().filter(written), &[]))
}

/// The Japanese name of a place written with kana: the longest, without 市.
fn kana_name(place: &Place) -> Option<String> {
    longest_city_name(
        place
            .alternate_names()
            .filter(|n| n.chars().any(kana) && n.chars().all(|c| kana(c) || han(c) || c == 'ー')),
        &["市"],
    )
}

/// The longest of the names without their city suffix; of two as long, one that had the
/// suffix (GeoNames' form with it is the official name: 선전 from "선전 시" over the older
/// reading 심천).
fn longest_city_name<'a>(
    names: impl Iterator<Item = &'a str>,
    suffixes: &[&str],
) -> Option<String> {
    names
        .map(|n| {
            let short = without_suffix(n, suffixes);
            (short.chars().count(), short.len() != n.len(), short)
        })
        .max_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)))
        .map(|(_, _, n)| n)
}

/// The name without the first of `suffixes` it ends with ("city": 市, 시, 광역시 for a
/// metropolitan city), where two characters or more remain: maps name a city without it.
fn without_suffix(name: &str, suffixes: &[&str]) -> String {
    suffixes
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .filter(|rest| rest.chars().count() >= 2)
        .unwrap_or(name)
        .to_string()
}

/// Whether a name in Cyrillic reads as Mongolian: a doubled а, о, у or э (a long vowel) that
/// the English name does not have, or any in Mongolia.
fn mongolian(name: &str, place: &Place) -> bool {
    let english = place.name.to_lowercase();
    let lower = name.to_lowercase();
    [("аа", "aa"), ("оо", "oo"), ("уу", "uu"), ("ээ", "ee")]
        .iter()
        .any(|(c, l)| lower.contains(c) && (place.country == "MN" || !english.contains(l)))
}

/// The Russian name among the alternates (see the module's rule).
fn russian_name(place: &Place) -> Option<String> {
    let names = place.alternate_names().filter(|n| {
        n.chars().all(russian) && n.chars().any(char::is_alphabetic) && !mongolian(n, place)
    });
    let score: Box<dyn Fn(&str) -> f64> = if matches!(place.country.as_ref(), "CN" | "TW") {
        let expected = palladius(&place.name);
        Box::new(move |n| strsim::normalized_levenshtein(&n.to_lowercase(), &expected))
    } else {
        let english = place.name.to_lowercase();
        Box::new(move |n| strsim::normalized_levenshtein(&romanise(n), &english))
    };
    names
        .max_by(|a, b| score(a).total_cmp(&score(b)).then(a.len().cmp(&b.len())))
        .map(str::to_string)
}

/// The Chinese name among the alternates, simplified (see the module's rule).
fn chinese_name(place: &Place) -> Option<String> {
    let mut best: Option<((usize, bool, bool), String)> = None;
    for n in place.alternate_names().filter(|n| n.chars().all(han)) {
        let Some(simple) = names::simplify(n) else {
            continue;
        };
        let short = without_suffix(&simple, &["广域市", "市"]);
        let had_suffix = short.len() != simple.len();
        let key = (short.chars().count(), names::is_simplified(n), had_suffix);
        let simple = short;
        if best.as_ref().is_none_or(|(k, _)| key > *k) {
            best = Some((key, simple));
        }
    }
    best.map(|(_, n)| n)
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

    /// Expected names: the cities' article titles in Russian, Chinese and Korean Wikipedia
    /// (checked by hand; Qiqihar's Russian title is the older Цицикар, the Palladius form
    /// Цицихар is also in use).
    #[test]
    fn names_by_language_across_countries() {
        let cases = [
            ("Manzhouli", LabelLang::Ru, "Маньчжурия"),
            ("Daqing", LabelLang::Ru, "Дацин"),
            ("Hailar", LabelLang::Ru, "Хайлар"),
            ("Harbin", LabelLang::Ru, "Харбин"),
            ("Khabarovsk", LabelLang::Ru, "Хабаровск"),
            ("Ulan-Ude", LabelLang::Ru, "Улан-Удэ"),
            ("Ulaanbaatar", LabelLang::Ru, "Улан-Батор"),
            ("Erdenet", LabelLang::Ru, "Эрдэнэт"),
            ("Qiqihar", LabelLang::Ru, "Цицихар"),
            ("Mudanjiang", LabelLang::Ru, "Муданьцзян"),
            ("Heihe", LabelLang::Ru, "Хэйхэ"),
            ("Hunchun", LabelLang::Ru, "Хуньчунь"),
            ("Yanji", LabelLang::Ru, "Яньцзи"),
            ("Beijing", LabelLang::Ru, "Пекин"),
            ("Almaty", LabelLang::Ru, "Алматы"),
            ("Bishkek", LabelLang::Ru, "Бишкек"),
            ("Irkutsk", LabelLang::Ru, "Иркутск"),
            ("Pyongyang", LabelLang::Ru, "Пхеньян"),
            ("Paris", LabelLang::Ru, "Париж"),
            ("Manzhouli", LabelLang::Zh, "满洲里"),
            ("Daqing", LabelLang::Zh, "大庆"),
            ("Khabarovsk", LabelLang::Zh, "哈巴罗夫斯克"),
            ("Qiqihar", LabelLang::Zh, "齐齐哈尔"),
            ("Ulan-Ude", LabelLang::Zh, "乌兰乌德"),
            ("Busan", LabelLang::Zh, "釜山"),
            ("Hailar", LabelLang::Zh, "海拉尔区"),
            ("Ulaanbaatar", LabelLang::Zh, "乌兰巴托"),
            ("Harbin", LabelLang::Ko, "하얼빈"),
            ("Daqing", LabelLang::Ko, "다칭"),
            ("Busan", LabelLang::Ko, "부산"),
            ("Harbin", LabelLang::Ja, "ハルビン"),
            ("Khabarovsk", LabelLang::Ja, "ハバロフスク"),
            // In Japan, kanji, not the kana reading ("おおさかし"), in Japan's own forms.
            ("Osaka", LabelLang::Ja, "大阪"),
            ("Hiroshima", LabelLang::Ja, "広島"),
            ("Yokohama", LabelLang::Ja, "横浜"),
            ("Sapporo", LabelLang::Ja, "札幌"),
            ("Nagoya", LabelLang::Ja, "名古屋"),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter_map(|&(place, lang, want)| {
                let got = named(lang, place);
                (got.as_deref() != Some(want)).then(|| format!("{place} {lang:?}: {got:?}"))
            })
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn mongolian_long_vowels_are_not_russian() {
        let g = Gazetteer::bundled();
        let find = |n: &str| {
            g.lookup(n, &crate::gazetteer::LookupOptions::default())
                .into_iter()
                .next()
                .map(|r| r.place)
        };
        let (Some(manzhouli), Some(saarbruecken), Some(darkhan)) =
            (find("Manzhouli"), find("Saarbrücken"), find("Darkhan"))
        else {
            panic!("bundled places");
        };
        assert!(mongolian("Манжуур", &manzhouli));
        assert!(!mongolian("Маньчжурия", &manzhouli));
        // A doubled vowel the English name has too is a spelling, not Mongolian.
        assert!(!mongolian("Саарбрюккен", &saarbruecken));
        // In Mongolia, always.
        assert!(mongolian("Даархан", &darkhan));
    }

    #[test]
    fn city_suffixes_go_where_a_name_remains() {
        assert_eq!(without_suffix("大庆市", &["市"]), "大庆");
        assert_eq!(without_suffix("沙市", &["市"]), "沙市");
        assert_eq!(without_suffix("부산광역시", &["광역시", "시"]), "부산");
    }
}
