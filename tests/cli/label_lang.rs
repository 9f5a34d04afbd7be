//! `render --label-lang`: names, country labels, the legend's words and the scale bar's unit
//! in the language (issue 30, point 5), and Natural Earth's short country labels (point 9).

use crate::harness::Sandbox;

/// The SVG's texts, one per `<text>` element.
fn texts(svg: &str) -> Vec<String> {
    svg.split("</text>")
        .filter_map(|part| part.rsplit('>').next())
        .map(|t| t.replace("&apos;", "'"))
        .collect()
}

fn render(sb: &Sandbox, args: &[&str], out: &str) -> Vec<String> {
    let mut all = vec!["render"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", out]);
    sb.run(&all).ok();
    texts(&std::fs::read_to_string(sb.path(out)).unwrap())
}

fn kji_2011() -> String {
    format!("{}/geodata/trips/kji-2011.toml", env!("CARGO_MANIFEST_DIR"))
}

/// `ru` labelled Manzhouli in Mongolian ("Манжуур") and Daqing "Дачин"; the legend and the
/// country names stayed English.
#[test]
fn issue_30_russian_labels_are_russian() {
    let sb = Sandbox::new();
    let t = render(&sb, &[&kji_2011(), "--label-lang", "ru"], "ru.svg");
    let has = |s: &str| t.iter().any(|x| x == s);
    for name in [
        "Маньчжурия",
        "Дацин",
        "Хайлар",
        "Харбин",
        "Хабаровск",
        "Улан-Удэ",
    ] {
        assert!(has(name), "no {name} in {t:?}");
    }
    for wrong in ["Манжуур", "Дачин", "Улаан-Удэ"] {
        assert!(!has(wrong), "{wrong} in {t:?}");
    }
    assert!(has("РОССИЯ") && has("КИТАЙ"), "{t:?}");
    assert!(t.iter().any(|x| x.ends_with("км по прямой")), "{t:?}");
    assert!(t.iter().any(|x| x.ends_with(" км")), "scale bar: {t:?}");
    assert!(!t.iter().any(|x| x.contains("km straight-line")), "{t:?}");
    // The subtitle itinera writes from the dates is in the language too.
    assert!(has("20–27 авг. 2011"), "subtitle: {t:?}");
}

/// `zh` used traditional characters (哈巴羅夫斯克) and kept 市.
#[test]
fn issue_30_chinese_labels_are_simplified() {
    let sb = Sandbox::new();
    let t = render(&sb, &[&kji_2011(), "--label-lang", "zh"], "zh.svg");
    let has = |s: &str| t.iter().any(|x| x == s);
    for name in [
        "哈巴罗夫斯克",
        "满洲里",
        "大庆",
        "哈尔滨",
        "齐齐哈尔",
        "俄罗斯",
        "中国",
    ] {
        assert!(has(name), "no {name} in {t:?}");
    }
    assert!(!t.iter().any(|x| x.ends_with('市')), "{t:?}");
    assert!(!has("哈巴羅夫斯克"), "{t:?}");
    assert!(t.iter().any(|x| x.starts_with("2011年8月")), "{t:?}");
    assert!(t.iter().any(|x| x.ends_with("公里")), "{t:?}");
}

/// Korean across the peninsula: stops, countries and the legend.
#[test]
fn korean_labels_and_legend() {
    let sb = Sandbox::new();
    let t = render(
        &sb,
        &["Seoul", "Busan", "Pyongyang", "--label-lang", "ko"],
        "ko.svg",
    );
    let has = |s: &str| t.iter().any(|x| x == s);
    // South Korea's name point is under the Seoul-Busan leg, so only North Korea's name is
    // on the map (context labels never cover a route); it is in Korean.
    for name in ["서울", "부산", "평양", "북한"] {
        assert!(has(name), "no {name} in {t:?}");
    }
    assert!(!t.iter().any(|x| x.contains("KOREA")), "{t:?}");
    assert!(t.iter().any(|x| x.starts_with("직선거리")), "{t:?}");
}

/// "DEMOCRATIC REPUBLIC OF THE CONGO" was spelled out where Natural Earth labels the country
/// "Dem. Rep. Congo"; without --label-lang the rest stays English.
#[test]
fn issue_30_long_country_names_take_the_short_label() {
    let sb = Sandbox::new();
    let t = render(
        &sb,
        &["Kinshasa", "Mbandaka", "Kisangani", "Bangui"],
        "congo.svg",
    );
    let has = |s: &str| t.iter().any(|x| x == s);
    assert!(has("DEM. REP. CONGO"), "{t:?}");
    assert!(has("CENTRAL AFRICAN REP."), "{t:?}");
    assert!(
        !t.iter().any(|x| x.contains("DEMOCRATIC REPUBLIC")),
        "{t:?}"
    );
    assert!(t.iter().any(|x| x.ends_with("km straight-line")), "{t:?}");
}
