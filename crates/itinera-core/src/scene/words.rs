//! The legend's and the scale bar's words in the label language (`--label-lang`): a trip's
//! extent ("1,234 km straight-line"), its dates and the unit of length. Our own table, not a
//! translation service; the short unit names of Russian, Korean and Chinese are CLDR's
//! (`unit_patterns`, short width, in PyPI `babel` 2.18.0), Japanese maps write km. English,
//! without a language, is the legend's own wording (`legend::extent`, `format::pretty_range`).

use super::LabelLang;
use super::format::ymd;
use crate::route::Units;
use crate::trip::Date;

/// A trip's extent in words: `count` places, one stop, or `distance` (already formatted, in
/// `units`) straight-line or as recorded.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Extent<'a> {
    /// A list of places.
    Places(usize),
    /// A journey of one stop.
    OneStop,
    /// A journey's length, its legs drawn straight.
    StraightLine(&'a str),
    /// A recorded track's length.
    Recorded(&'a str),
}

/// The unit's short name ("km"; "км", "公里").
pub(crate) fn unit(units: Units, lang: Option<LabelLang>) -> &'static str {
    unit_named(units.label(), lang)
}

/// A short unit name ("km", "mi", "nmi", "m") in the language.
pub(crate) fn unit_named(english: &'static str, lang: Option<LabelLang>) -> &'static str {
    let row = match english {
        "km" => ["км", "km", "公里", "km"],
        "mi" => ["ми", "mi", "英里", "マイル"],
        "nmi" => ["мор. ми", "nmi", "海里", "海里"],
        "m" => ["м", "m", "米", "m"],
        _ => return english,
    };
    lang.map_or(english, |l| match l {
        LabelLang::Ru => row[0],
        LabelLang::Ko => row[1],
        LabelLang::Zh => row[2],
        LabelLang::Ja => row[3],
    })
}

/// The extent in the language (English is `legend::extent`'s own wording).
pub(crate) fn extent(e: Extent<'_>, units: Units, lang: LabelLang) -> String {
    let u = unit(units, Some(lang));
    match (lang, e) {
        (LabelLang::Ru, Extent::Places(1)) => "одно место".into(),
        (LabelLang::Ru, Extent::Places(n)) => format!("{n} {}", russian_places(n)),
        (LabelLang::Ru, Extent::OneStop) => "одна остановка".into(),
        (LabelLang::Ru, Extent::StraightLine(d)) => format!("{d} {u} по прямой"),
        (LabelLang::Ru, Extent::Recorded(d)) => format!("{d} {u} по треку"),
        (LabelLang::Ko, Extent::Places(n)) => format!("{n}곳"),
        (LabelLang::Ko, Extent::OneStop) => "정류장 1곳".into(),
        (LabelLang::Ko, Extent::StraightLine(d)) => format!("직선거리 {d}{u}"),
        (LabelLang::Ko, Extent::Recorded(d)) => format!("기록 경로 {d}{u}"),
        (LabelLang::Zh, Extent::Places(n)) => format!("{n}个地点"),
        (LabelLang::Zh, Extent::OneStop) => "1个站点".into(),
        (LabelLang::Zh, Extent::StraightLine(d)) => format!("直线距离{d}{u}"),
        (LabelLang::Zh, Extent::Recorded(d)) => format!("记录轨迹{d}{u}"),
        (LabelLang::Ja, Extent::Places(n)) => format!("{n}か所"),
        (LabelLang::Ja, Extent::OneStop) => "1地点".into(),
        (LabelLang::Ja, Extent::StraightLine(d)) => format!("直線距離{d}{u}"),
        (LabelLang::Ja, Extent::Recorded(d)) => format!("記録経路{d}{u}"),
    }
}

/// "место", "места" or "мест" after a number (CLDR's Russian plural rules: one, few, many).
fn russian_places(n: usize) -> &'static str {
    match (n % 10, n % 100) {
        (1, r) if r != 11 => "место",
        (2..=4, r) if !(12..=14).contains(&r) => "места",
        _ => "мест",
    }
}

/// Russian months, abbreviated, in the genitive that follows a day (CLDR's `format`
/// abbreviated months for `ru`).
const RU_MONTHS: [&str; 12] = [
    "янв.",
    "февр.",
    "мар.",
    "апр.",
    "мая",
    "июн.",
    "июл.",
    "авг.",
    "сент.",
    "окт.",
    "нояб.",
    "дек.",
];

/// A date range in the language: "20–27 авг. 2011", "2011年8月20–27日", "2011년 8월 20–27일";
/// dates without a day as ISO text.
pub(crate) fn date_range(a: &Date, b: &Date, lang: LabelLang) -> String {
    let (Some((y1, m1, d1)), Some((y2, m2, d2))) = (ymd(a), ymd(b)) else {
        return if a == b {
            a.to_string()
        } else {
            format!("{a} – {b}")
        };
    };
    let (m1n, m2n) = (m1 + 1, m2 + 1);
    match lang {
        LabelLang::Ru => {
            let (ma, mb) = (RU_MONTHS[m1], RU_MONTHS[m2]);
            if (y1, m1, d1) == (y2, m2, d2) {
                format!("{d1} {ma} {y1}")
            } else if (y1, m1) == (y2, m2) {
                format!("{d1}–{d2} {ma} {y1}")
            } else if y1 == y2 {
                format!("{d1} {ma} – {d2} {mb} {y1}")
            } else {
                format!("{d1} {ma} {y1} – {d2} {mb} {y2}")
            }
        }
        LabelLang::Zh | LabelLang::Ja => {
            if (y1, m1, d1) == (y2, m2, d2) {
                format!("{y1}年{m1n}月{d1}日")
            } else if (y1, m1) == (y2, m2) {
                format!("{y1}年{m1n}月{d1}–{d2}日")
            } else if y1 == y2 {
                format!("{y1}年{m1n}月{d1}日–{m2n}月{d2}日")
            } else {
                format!("{y1}年{m1n}月{d1}日–{y2}年{m2n}月{d2}日")
            }
        }
        LabelLang::Ko => {
            if (y1, m1, d1) == (y2, m2, d2) {
                format!("{y1}년 {m1n}월 {d1}일")
            } else if (y1, m1) == (y2, m2) {
                format!("{y1}년 {m1n}월 {d1}–{d2}일")
            } else if y1 == y2 {
                format!("{y1}년 {m1n}월 {d1}일 – {m2n}월 {d2}일")
            } else {
                format!("{y1}년 {m1n}월 {d1}일 – {y2}년 {m2n}월 {d2}일")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [LabelLang; 4] = [LabelLang::Ru, LabelLang::Ko, LabelLang::Zh, LabelLang::Ja];

    fn date(s: &str) -> Date {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn russian_counts_agree_with_their_number() {
        let places = |n| extent(Extent::Places(n), Units::Km, LabelLang::Ru);
        assert_eq!(places(1), "одно место");
        assert_eq!(places(3), "3 места");
        assert_eq!(places(5), "5 мест");
        assert_eq!(places(12), "12 мест");
        assert_eq!(places(21), "21 место");
        assert_eq!(places(24), "24 места");
    }

    #[test]
    fn lengths_name_the_unit_in_the_language() {
        let d = Extent::StraightLine("1,234");
        assert_eq!(extent(d, Units::Km, LabelLang::Ru), "1,234 км по прямой");
        assert_eq!(extent(d, Units::Km, LabelLang::Zh), "直线距离1,234公里");
        assert_eq!(extent(d, Units::Mi, LabelLang::Ko), "직선거리 1,234mi");
        assert_eq!(unit_named("m", Some(LabelLang::Ru)), "м");
        assert_eq!(unit_named("km", None), "km");
    }

    #[test]
    fn date_ranges_in_each_language() {
        let (a, b, c) = (date("2011-08-20"), date("2011-08-27"), date("2012-01-02"));
        assert_eq!(date_range(&a, &b, LabelLang::Ru), "20–27 авг. 2011");
        assert_eq!(date_range(&a, &b, LabelLang::Zh), "2011年8月20–27日");
        assert_eq!(date_range(&a, &a, LabelLang::Ko), "2011년 8월 20일");
        assert_eq!(
            date_range(&a, &c, LabelLang::Ja),
            "2011年8月20日–2012年1月2日"
        );
    }

    #[test]
    fn every_word_can_be_drawn() {
        let a = date("2011-07-26");
        for lang in ALL {
            for e in [
                Extent::Places(1),
                Extent::Places(7),
                Extent::OneStop,
                Extent::StraightLine("9"),
                Extent::Recorded("9"),
            ] {
                for u in [Units::Km, Units::Mi, Units::Nmi] {
                    let t = extent(e, u, lang);
                    assert!(super::super::text::covers(&t), "{t}");
                }
            }
            for m in 1..=12 {
                let b = date(&format!("2012-{m:02}-03"));
                let t = date_range(&a, &b, lang);
                assert!(super::super::text::covers(&t), "{t}");
            }
        }
    }
}
