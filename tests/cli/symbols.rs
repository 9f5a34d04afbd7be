//! Maps of mentions (issue 30, point 8): `extract --places` counts the places of a corpus,
//! `render --size-by` draws them as proportional symbols.

use crate::harness::*;

/// A places CSV as `extract --places` writes it.
const PLACES: &str = "place,geonameid,lat,lon,country,mentions,documents
Moscow,524901,55.75204,37.61781,RU,400,40
Beijing,1816670,39.9075,116.39723,CN,100,31
Kyiv,703448,50.45466,30.5238,UA,64,22
Tokyo,1850147,35.6895,139.69171,JP,25,8
";

/// The `<circle>` elements of an SVG with a `class`: (radius, data-value).
fn circles(svg: &str, class: &str) -> Vec<(f64, f64)> {
    let attr = |el: &str, name: &str| -> f64 {
        let start = el.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
        let end = el[start..].find('"').unwrap() + start;
        el[start..end].parse().unwrap()
    };
    svg.split("<circle")
        .skip(1)
        .filter(|el| el.contains(&format!("class=\"{class}\"")))
        .map(|el| (attr(el, "r"), attr(el, "data-value")))
        .collect()
}

#[test]
fn extract_counts_mentions_and_documents_per_place() {
    let sb = Sandbox::new();
    sb.write(
        "corpus.jsonl",
        concat!(
            r#"{"id":"a","text":"The train left Vladivostok for Khabarovsk. Vladivostok was quiet."}"#,
            "\n",
            r#"{"id":"b","text":"In Khabarovsk, officials met. Later, Vladivostok."}"#,
            "\n",
        ),
    );
    sb.run(&[
        "extract",
        "corpus.jsonl",
        "--places",
        "places.csv",
        "-o",
        "m.jsonl",
    ])
    .ok();
    let csv = std::fs::read_to_string(sb.path("places.csv")).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("place,geonameid,lat,lon,country,mentions,documents")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows[0][0], "Vladivostok");
    assert_eq!((rows[0][5], rows[0][6]), ("3", "2"), "{csv}");
    assert_eq!(rows[1][0], "Khabarovsk");
    assert_eq!((rows[1][5], rows[1][6]), ("2", "2"), "{csv}");
    assert_eq!(rows[0][4], "RU");

    // One text file is one document, however many mentions.
    sb.write("one.txt", "Moscow, then Kazan, then Moscow again.");
    sb.run(&["extract", "one.txt", "--places", "one.csv"]).ok();
    let one = std::fs::read_to_string(sb.path("one.csv")).unwrap();
    assert!(
        one.lines().nth(1).unwrap().starts_with("Moscow,524901,"),
        "{one}"
    );
    assert!(one.lines().nth(1).unwrap().ends_with(",RU,2,1"), "{one}");

    // What extract writes, render reads.
    sb.run(&[
        "render",
        "places.csv",
        "--size-by",
        "mentions",
        "-o",
        "m.svg",
    ])
    .ok();
    let svg = std::fs::read_to_string(sb.path("m.svg")).unwrap();
    assert_eq!(circles(&svg, "symbol").len(), 2);
}

#[test]
fn render_size_by_writes_every_map_format_and_a_page() {
    let sb = Sandbox::new();
    sb.write("places.csv", PLACES);
    let r = sb.run(&[
        "render",
        "places.csv",
        "--size-by",
        "mentions",
        "-o",
        "m.png",
        "-o",
        "m.svg",
        "-o",
        "m.pdf",
        "-o",
        "m.html",
        "--width",
        "900",
        "--height",
        "560",
    ]);
    r.ok();
    for f in ["m.png", "m.svg", "m.pdf", "m.html"] {
        r.stderr_has(&format!("wrote {f}"));
    }
    let png = std::fs::read(sb.path("m.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 900);
    let pdf = std::fs::read(sb.path("m.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let svg = std::fs::read_to_string(sb.path("m.svg")).unwrap();
    assert!(svg.contains("<g id=\"symbols\"") && svg.contains("<g id=\"size-legend\">"));
    assert!(svg.contains("<title>Moscow: 400 mentions</title>"));
    // The biggest are labelled; no stop markers under the symbols.
    assert!(svg.contains(">Moscow</text>"));
    assert!(!svg.contains("class=\"terminal\""));
    let html = std::fs::read_to_string(sb.path("m.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<title>Places by mentions</title>"));
    assert!(html.contains("<td>Beijing</td><td class=\"n\">100</td>"));
    assert_eq!(circles(&html, "symbol").len(), 4);
}

#[test]
fn circle_areas_are_proportional_to_the_values() {
    let sb = Sandbox::new();
    sb.write("places.csv", PLACES);
    sb.run(&[
        "render",
        "places.csv",
        "--size-by",
        "mentions",
        "-o",
        "m.svg",
    ])
    .ok();
    let svg = std::fs::read_to_string(sb.path("m.svg")).unwrap();
    let symbols = circles(&svg, "symbol");
    assert_eq!(symbols.len(), 4);
    // Largest first, so the small ones are drawn over them.
    assert!(symbols.windows(2).all(|w| w[0].1 >= w[1].1), "{symbols:?}");
    // Area / value is one constant, symbols and legend alike (radii are written to 0.1 px).
    let k = symbols[0].0.powi(2) / symbols[0].1;
    for (r, v) in symbols.iter().chain(&circles(&svg, "ring")) {
        let expected = (k * v).sqrt();
        assert!(
            (r - expected).abs() <= 0.06,
            "r {r} for {v}, expected {expected}"
        );
    }
    // Flannery's compensation shrinks the smaller ones.
    sb.run(&[
        "render",
        "places.csv",
        "--size-by",
        "mentions",
        "--flannery",
        "-o",
        "f.svg",
    ])
    .ok();
    let flannery = circles(
        &std::fs::read_to_string(sb.path("f.svg")).unwrap(),
        "symbol",
    );
    assert!((flannery[0].0 - symbols[0].0).abs() < 0.06);
    assert!(
        flannery[3].0 < symbols[3].0 - 1.0,
        "{flannery:?} {symbols:?}"
    );
}

#[test]
fn the_legend_shows_round_values_at_most_the_largest() {
    let sb = Sandbox::new();
    sb.write("places.csv", PLACES);
    sb.run(&[
        "render",
        "places.csv",
        "--size-by",
        "mentions",
        "-o",
        "m.svg",
    ])
    .ok();
    let svg = std::fs::read_to_string(sb.path("m.svg")).unwrap();
    let values: Vec<f64> = circles(&svg, "ring").iter().map(|c| c.1).collect();
    assert_eq!(values, [400.0, 100.0, 25.0]);
    assert!(svg.contains(">mentions</text>"));
}

#[test]
fn bad_places_files_point_at_the_problem() {
    let sb = Sandbox::new();
    sb.write("places.csv", PLACES);
    let wrong = sb.run(&[
        "render",
        "places.csv",
        "--size-by",
        "mention",
        "-o",
        "m.png",
    ]);
    wrong
        .bad_input("no column `mention` to size the places by")
        .stderr_has("places.csv:1:1")
        .stderr_has("did you mean `mentions`?")
        .stderr_has("`place`, `geonameid`, `lat`, `lon`, `country`, `mentions`, `documents`");
    let text = "place,lat,lon,mentions\nMoscow,55.75,37.62,12\nKazan,55.79,49.12,many\n";
    sb.write("words.csv", text);
    sb.run(&[
        "render",
        "words.csv",
        "--size-by",
        "mentions",
        "-o",
        "m.png",
    ])
    .bad_input("`mentions` must be a number, found `many`")
    .stderr_has("words.csv:3:19");
    sb.write("negative.csv", "place,mentions\nMoscow,-4\n");
    sb.run(&[
        "render",
        "negative.csv",
        "--size-by",
        "mentions",
        "-o",
        "m.png",
    ])
    .bad_input("`mentions` must be at least 0, found `-4`")
    .stderr_has("negative.csv:2:8");
    sb.run(&["render", "places.csv", "--flannery", "-o", "m.png"])
        .exits(2, "--size-by");
    assert!(!sb.path("m.png").exists());
    assert_eq!(
        std::fs::read_to_string(sb.path("places.csv")).unwrap(),
        PLACES
    );
    assert_eq!(std::fs::read_to_string(sb.path("words.csv")).unwrap(), text);
}

/// A table of places with counts given without `--size-by` is not a trip: the error says which
/// flag draws it.
#[test]
fn a_places_table_without_size_by_points_to_the_flag() {
    let sb = Sandbox::new();
    sb.write("places.csv", PLACES);
    let run = sb.run(&["render", "places.csv", "-o", "map.png"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.stderr_has("places.csv:1:7")
        .stderr_has("--size-by mentions");
    assert!(!sb.path("map.png").exists());
}
