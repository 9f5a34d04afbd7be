//! `itinera extract` and `itinera evaluate`.

use std::process::Command;

use crate::harness::*;

const ARTICLE: &str = "KHASAN, Russia — Kim Jong Il's armoured train crossed from Tumangang \
into Khasan on Saturday. Kim then travelled north to Ussuriysk, 112 kilometers north of \
Vladivostok, and on to Ulan-Ude in Buryatia, the Korea Times reported.\n";

#[test]
fn json_lists_mentions_with_byte_offsets_and_claims() {
    let s = Sandbox::new();
    s.write("a.txt", ARTICLE);
    let r = s.run(&["extract", "a.txt", "--format", "json"]);
    r.ok();
    let v = r.json();
    let mentions = v["mentions"].as_array().unwrap();
    let texts: Vec<&str> = mentions
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "KHASAN",
            "Russia",
            "Tumangang",
            "Khasan",
            "Ussuriysk",
            "Vladivostok",
            "Ulan-Ude",
            "Buryatia"
        ]
    );
    for m in mentions {
        let (start, end) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&ARTICLE[start..end], m["text"].as_str().unwrap());
        for key in ["name", "geonameid", "country", "lat", "lon", "score"] {
            assert!(m.get(key).is_some(), "missing {key}");
        }
    }
    assert_eq!(mentions[3]["geonameid"], 2022586);
    let claim = &v["claims"][0];
    assert_eq!(claim["from"], "Ussuriysk");
    assert_eq!(claim["stated_m"], 112000.0);
    let km = claim["geodesic_m"].as_f64().unwrap() / 1000.0;
    assert!((70.0..90.0).contains(&km), "{km}");
}

#[test]
fn char_offsets_count_characters() {
    let s = Sandbox::new();
    let text = "Über Genève nach Zürich.";
    s.write("de.txt", text);
    let v = s
        .run(&["extract", "de.txt", "-f", "json", "--offsets", "chars"])
        .ok()
        .json();
    let chars: Vec<char> = text.chars().collect();
    for m in v["mentions"].as_array().unwrap() {
        let (a, b) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[a..b].iter().collect::<String>(),
            m["text"].as_str().unwrap()
        );
    }
}

#[test]
fn table_reports_the_claim_against_the_geodesic() {
    let r = Sandbox::new().run_stdin(&["extract", "-"], ARTICLE);
    r.ok();
    assert!(r.stdout.contains("Ulan-Ude"), "{}", r.stdout);
    assert!(r.stdout.contains("stated 112.0 km north"), "{}", r.stdout);
    assert!(r.stdout.contains("likely by road or rail"), "{}", r.stdout);
}

#[test]
fn trip_draft_renders_as_a_trip() {
    let s = Sandbox::new();
    s.write("a.txt", ARTICLE);
    s.run(&[
        "extract",
        "a.txt",
        "--trip",
        "draft.toml",
        "-o",
        "mentions.txt",
    ])
    .ok();
    let draft = std::fs::read_to_string(s.path("draft.toml")).unwrap();
    let order: Vec<usize> = [
        "Tumangang",
        "Khasan",
        "Ussuriysk",
        "Vladivostok",
        "Ulan-Ude",
    ]
    .iter()
    .map(|n| draft.find(&format!("name = \"{n}\"")).unwrap_or(usize::MAX))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{draft}");
    let r = s.run(&["route", "draft.toml", "--format", "json"]);
    r.ok();
}

#[test]
fn geojson_opens_in_gdal() {
    let s = Sandbox::new();
    s.write("a.txt", ARTICLE);
    s.run(&["extract", "a.txt", "-f", "geojson", "-o", "m.geojson"])
        .ok();
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(s.path("m.geojson")).unwrap()).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    assert_eq!(v["features"].as_array().unwrap().len(), 8);
    if have("ogrinfo") {
        let out = Command::new("ogrinfo")
            .args(["-ro", "-al", "-so"])
            .arg(s.path("m.geojson"))
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{text}");
        assert!(text.contains("Feature Count: 8"), "{text}");
    }
}

#[test]
fn jsonl_batch_keeps_order_and_reports_bad_lines() {
    let s = Sandbox::new();
    let mut input = String::new();
    for i in 0..40 {
        let text = if i % 2 == 0 {
            "Talks in Vladivostok."
        } else {
            "A visit to Khabarovsk and Moscow."
        };
        input.push_str(&serde_json::json!({"id": format!("d{i}"), "text": text}).to_string());
        input.push('\n');
        if i == 7 {
            input.push_str("{not json\n");
        }
        if i == 9 {
            input.push_str("{\"id\": 5}\n");
        }
    }
    s.write("docs.jsonl", &input);
    let r = s.run(&["extract", "docs.jsonl", "--threads", "2"]);
    r.exits(2, "docs.jsonl:9: not JSON");
    r.stderr_has("docs.jsonl:12: no \"text\"");
    let lines: Vec<serde_json::Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 40);
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(l["id"], format!("d{i}"));
        let n = l["mentions"].as_array().unwrap().len();
        assert_eq!(n, if i % 2 == 0 { 1 } else { 2 });
    }
}

#[test]
fn several_text_files_are_documents() {
    let s = Sandbox::new();
    s.write("one.txt", "Snow in Irkutsk.");
    s.write("two.txt", "Rain in Harbin and Dalian.");
    let r = s.run(&["extract", "one.txt", "two.txt"]);
    r.ok();
    let ids: Vec<String> = r
        .stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["one.txt", "two.txt"]);
    s.run(&["extract", "one.txt", "two.txt", "-f", "table"])
        .bad_input("JSON Lines");
}

#[test]
fn bad_input_is_reported_and_inputs_untouched() {
    let s = Sandbox::new();
    s.write("empty.txt", "");
    let r = s.run(&["extract", "empty.txt", "-f", "json"]);
    r.ok();
    assert_eq!(r.json()["mentions"].as_array().unwrap().len(), 0);
    s.write("latin1.txt", b"Caf\xe9 in Moscow\n".as_slice());
    s.run(&["extract", "latin1.txt"])
        .bad_input("is not UTF-8")
        .stderr_has("latin1.txt:1:4");
    s.write("bin.dat", b"\x7fELF\x00\x00\x01".as_slice());
    s.run(&["extract", "bin.dat"]).bad_input("binary");
    s.run(&["extract", "missing.txt"])
        .bad_input("cannot read `missing.txt`");
    assert_eq!(
        std::fs::read(s.path("latin1.txt")).unwrap(),
        b"Caf\xe9 in Moscow\n"
    );
}

#[test]
fn large_input_streams_in_blocks_with_global_offsets() {
    let s = Sandbox::new();
    let para = "The convoy passed Ussuriysk and reached Vladivostok by night.\n\n";
    let text = para.repeat(40_000); // ~2.5 MB, several blocks
    s.write("big.txt", &text);
    let r = s.run(&["extract", "big.txt", "-f", "jsonl", "-q"]);
    r.ok();
    let mut n = 0;
    for line in r.stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        for m in v["mentions"].as_array().unwrap() {
            // Offsets are into the whole file; "offset" says where the block starts.
            let start = m["start"].as_u64().unwrap() as usize;
            let end = m["end"].as_u64().unwrap() as usize;
            assert!(start >= v["offset"].as_u64().unwrap_or(0) as usize);
            assert_eq!(&text[start..end], m["text"].as_str().unwrap());
            n += 1;
        }
    }
    assert_eq!(n, 80_000);
}

/// The evaluation the README reports: the annotated articles in tests/geoparse.
#[test]
fn evaluation_meets_the_targets() {
    let r = run_repo(&["evaluate", "tests/geoparse/gold.jsonl", "--json"]);
    r.ok();
    let v = r.json();
    assert!(v["documents"].as_u64().unwrap() >= 25);
    assert!(v["gold"].as_u64().unwrap() >= 300);
    let f1 = v["f1"].as_f64().unwrap();
    let acc = v["accuracy_161km"].as_f64().unwrap();
    eprintln!("F1 {f1:.3}, accuracy@161km {acc:.3}");
    assert!(f1 >= 0.95, "F1 {f1}");
    assert!(acc >= 0.90, "accuracy@161km {acc}");
}

/// The development set written by others (`../shared/geoparse-dev/`, GeoVirus; not part of the
/// project, so the test says so and passes when it is absent): span F1 at least 0.92 and, with
/// areas judged by the place chosen, accuracy at least 0.96 (issue 27's targets).
#[test]
fn development_set_written_by_others_meets_the_targets() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/geoparse-dev/geovirus.jsonl"
    );
    if !std::path::Path::new(path).exists() {
        eprintln!("skipped: {path} is absent (it lives beside the repository, in ../shared)");
        return;
    }
    let r = run_repo(&["evaluate", path, "--json"]);
    let v = r.ok().json();
    let f1 = v["f1"].as_f64().unwrap();
    let acc = v["accuracy"].as_f64().unwrap();
    let within = v["accuracy_161km"].as_f64().unwrap();
    eprintln!("GeoVirus: F1 {f1:.3}, accuracy {acc:.3} (within 161 km: {within:.3})");
    assert!(v["documents"].as_u64().unwrap() >= 200);
    assert!(f1 >= 0.92, "F1 {f1}");
    assert!(acc >= 0.96, "accuracy {acc}");
}

/// The blind sets of issue 27, written and annotated by testers who read neither the geoparser
/// nor its tests: `blind27` (tuned on after its first measurement), `heldout27` (measured,
/// never tuned on) and `probe27` (a user probe with only the README; its failures' classes were
/// fixed after it was reported). Their places inside names are scored apart.
#[test]
fn blind_sets_meet_their_floors() {
    for (path, min_f1, min_acc) in [
        ("tests/geoparse/blind27/blind.jsonl", 0.94, 0.97),
        ("tests/geoparse/heldout27/heldout.jsonl", 0.90, 0.94),
        ("tests/geoparse/probe27/probe.jsonl", 0.90, 0.92),
    ] {
        let v = run_repo(&["evaluate", path, "--json"]).ok().json();
        let f1 = v["f1"].as_f64().unwrap();
        let acc = v["accuracy"].as_f64().unwrap();
        let inside = v["inside_found"].as_u64().unwrap();
        eprintln!("{path}: F1 {f1:.3}, accuracy {acc:.3}, places inside names found {inside}");
        assert!(v["documents"].as_u64().unwrap() >= 40);
        assert!(f1 >= min_f1, "{path}: F1 {f1}");
        assert!(acc >= min_acc, "{path}: accuracy {acc}");
        assert!(inside > 0);
    }
}

/// `--by rule` lists every rule with the scores without it; `--without` switches rules off
/// and names the rules when one is unknown.
#[test]
fn evaluate_measures_each_rule() {
    let s = Sandbox::new();
    let text =
        "The Chicago Tribune reported that Shelby and Madison counties flooded near Memphis.";
    let gold = serde_json::json!({
        "id": "d", "text": text,
        "toponyms": [
            {"start": 34, "end": 40, "name": "Shelby", "lat": 35.18, "lon": -89.9},
            {"start": 45, "end": 52, "name": "Madison", "lat": 35.6, "lon": -88.8},
            {"start": 75, "end": 82, "name": "Memphis", "lat": 35.15, "lon": -90.05}
        ]
    });
    s.write("g.jsonl", format!("{gold}\n"));
    let r = s.run(&["evaluate", "g.jsonl", "--by", "rule"]);
    let out = &r.ok().stdout;
    for rule in [
        "coordinated-areas",
        "organisation",
        "person-run",
        "story-geography",
        "venues",
    ] {
        assert!(
            out.contains(&format!("  {rule} ")),
            "{rule} missing:\n{out}"
        );
    }
    let all = s.run(&["evaluate", "g.jsonl", "--json"]).ok().json();
    let without = s
        .run(&[
            "evaluate",
            "g.jsonl",
            "--json",
            "--without",
            "coordinated-areas",
        ])
        .ok()
        .json();
    assert!(all["accuracy"].as_f64() > without["accuracy"].as_f64());
    s.run(&["evaluate", "g.jsonl", "--without", "no-such-rule"])
        .bad_input("coordinated-areas");
}

#[test]
fn gold_file_is_built_from_the_articles() {
    let out = Command::new("python3")
        .args(["tests/geoparse/build_gold.py", "--check"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The two seed-like articles (a leadership-watch post on the Khasan arrival and a Q&A on the
/// 2011 Russia visit, written for this project with the press's punctuation: curly quotes and
/// apostrophes, dashes, a dateline in capitals): the journey's places are found, the people,
/// the company and the answers are not.
#[test]
fn seed_articles_find_the_journey_and_no_people() {
    let mut places = Vec::new();
    for file in [
        "tests/geoparse/seed/khasan-arrival-blog.txt",
        "tests/geoparse/seed/russia-visit-qa.txt",
    ] {
        let r = run_repo(&["extract", file, "--format", "json"]);
        let v = r.ok().json();
        for m in v["mentions"].as_array().unwrap() {
            places.push((
                m["text"].as_str().unwrap().to_string(),
                m["name"].as_str().unwrap().to_string(),
                m["country"].as_str().unwrap().to_string(),
            ));
        }
    }
    for (want, country) in [
        ("Khasan", "RU"),
        ("Ussuriysk", "RU"),
        ("Ulan-Ude", "RU"),
        ("Vladivostok", "RU"),
        ("Moscow", "RU"),
        ("Pyongyang", "KP"),
    ] {
        assert!(
            places
                .iter()
                .any(|(t, n, c)| t == want && n == want && c == country),
            "{want} not found: {places:?}"
        );
    }
    for never in [
        "Kim",
        "Jong",
        "Il",
        "Medvedev",
        "Gazprom",
        "Yes",
        "Cho’ng-il",
    ] {
        assert!(
            !places.iter().any(|(t, _, _)| t == never),
            "{never} read as a place: {places:?}"
        );
    }
}
