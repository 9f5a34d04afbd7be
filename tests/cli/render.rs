use crate::harness::*;

#[test]
fn renders_png_and_svg_of_an_example() {
    let sb = Sandbox::new();
    let trip = format!("{}/geodata/trips/kji-2011.toml", env!("CARGO_MANIFEST_DIR"));
    let r = sb.run(&[
        "render", &trip, "-o", "m.png", "-o", "m.svg", "--width", "800", "--height", "500",
    ]);
    r.ok().stderr_has("wrote m.png").stderr_has("wrote m.svg");
    let png = std::fs::read(sb.path("m.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // IHDR: width and height, big-endian, at bytes 16..24.
    assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 800);
    assert_eq!(u32::from_be_bytes(png[20..24].try_into().unwrap()), 500);
    let svg = std::fs::read_to_string(sb.path("m.svg")).unwrap();
    assert!(
        svg.contains("<svg")
            && svg.contains("Ulan-Ude")
            && svg.contains("Kim Jong Il in Russia, August 2011")
    );
}

#[test]
fn a_pdf_for_print_is_vector_with_its_fonts_and_text() {
    let sb = Sandbox::new();
    let trip = format!("{}/geodata/trips/kji-2011.toml", env!("CARGO_MANIFEST_DIR"));
    sb.run(&[
        "render", &trip, "-o", "m.pdf", "--width", "800", "--height", "500",
    ])
    .ok()
    .stderr_has("wrote m.pdf");
    let pdf = std::fs::read(sb.path("m.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-") && pdf.trim_ascii_end().ends_with(b"%%EOF"));
    let text = String::from_utf8_lossy(&pdf);
    // Vector: no raster image anywhere; both faces embedded as TrueType programs.
    assert!(!text.contains("/Image"));
    assert_eq!(text.matches("/FontFile2").count(), 2);
    // 800 x 500 px at 0.75 pt a pixel.
    assert!(text.contains("/MediaBox [0 0 600 375]"), "media box");
    if have("pdftotext") {
        let out = std::process::Command::new("pdftotext")
            .args([sb.path("m.pdf").to_str().unwrap(), "-"])
            .output()
            .unwrap();
        assert!(out.status.success());
        let words = String::from_utf8_lossy(&out.stdout);
        for w in [
            "Kim Jong Il in Russia, August 2011",
            "Ulan-Ude",
            "Khabarovsk",
            "Natural Earth",
        ] {
            assert!(words.contains(w), "pdftotext lacks {w}: {words}");
        }
    }
    if have("pdffonts") {
        let out = std::process::Command::new("pdffonts")
            .arg(sb.path("m.pdf"))
            .output()
            .unwrap();
        let table = String::from_utf8_lossy(&out.stdout);
        // Embedded ("yes") with a Unicode map ("yes"), for both faces.
        let embedded = table
            .lines()
            .filter(|l| l.starts_with("NotoSans") && l.contains("yes no  yes"))
            .count();
        assert_eq!(embedded, 2, "{table}");
    }
}

#[test]
fn labels_in_other_scripts_are_drawn_in_their_faces_in_every_format() {
    let sb = Sandbox::new();
    sb.write(
        "s.toml",
        "[[trips]]\nname = \"Scripts\"\nstops = [\n\
         { name = \"القاهرة\", lat = 30.0444, lon = 31.2357 },\n\
         { name = \"ירושלים\", lat = 31.7683, lon = 35.2137 },\n\
         { name = \"नई दिल्ली\", lat = 28.6139, lon = 77.2090 },\n\
         { name = \"กรุงเทพมหานคร\", lat = 13.7563, lon = 100.5018 },\n\
         { name = \"서울\", lat = 37.5665, lon = 126.9780 },\n\
         { name = \"東京\", lat = 35.6762, lon = 139.6503 },\n]\n",
    );
    sb.run(&[
        "render", "s.toml", "-o", "s.png", "-o", "s.svg", "-o", "s.pdf",
    ])
    .ok();
    // The SVG keeps the text, right-to-left labels anchored at their right end.
    let svg = std::fs::read_to_string(sb.path("s.svg")).unwrap();
    for name in [
        "القاهرة",
        "ירושלים",
        "नई दिल्ली",
        "กรุงเทพมหานคร",
        "서울",
        "東京",
    ] {
        assert!(svg.contains(&format!(">{name}</text>")), "SVG lacks {name}");
    }
    assert!(svg.contains("text-anchor=\"end\""));
    if have("pdffonts") {
        let out = std::process::Command::new("pdffonts")
            .arg(sb.path("s.pdf"))
            .output()
            .unwrap();
        let table = String::from_utf8_lossy(&out.stdout);
        for face in [
            "NotoSansArabic",
            "NotoSansHebrew",
            "NotoSansDevanagari",
            "NotoSansThai",
            "NotoSansCJKSC",
        ] {
            assert!(table.contains(face), "{face} not embedded: {table}");
        }
    }
    if have("pdftotext") {
        let out = std::process::Command::new("pdftotext")
            .args([sb.path("s.pdf").to_str().unwrap(), "-"])
            .output()
            .unwrap();
        let words = String::from_utf8_lossy(&out.stdout);
        for name in ["서울", "東京"] {
            assert!(words.contains(name), "pdftotext lacks {name}: {words}");
        }
    }
}

#[test]
fn default_outputs_and_geojson() {
    let sb = Sandbox::new();
    sb.write(
        "k.toml",
        "title = \"T\"\n[[trips]]\nstops = [\"Khasan\", \"Ussuriysk\", \"Vladivostok\"]\n",
    );
    sb.run(&["render", "k.toml", "--geojson"]).ok();
    assert_eq!(
        sb.files(),
        ["k.toml", "output/k.geojson", "output/k.png", "output/k.svg"]
    );
}

#[test]
fn ad_hoc_world_and_antimeridian_maps() {
    let sb = Sandbox::new();
    sb.run(&[
        "render",
        "Tokyo",
        "Los Angeles",
        "London",
        "-o",
        "w.png",
        "--labels",
        "stops",
    ])
    .ok();
    sb.run(&[
        "render",
        "Anadyr",
        "Nome",
        "-o",
        "a.svg",
        "--theme",
        "dark",
        "--no-legend",
    ])
    .ok();
    let svg = std::fs::read_to_string(sb.path("a.svg")).unwrap();
    assert!(
        svg.contains(">Anadyr</text>") && !svg.contains("id=\"legend\""),
        "no legend"
    );
}

#[test]
fn bad_render_input_exits_2_and_writes_nothing() {
    let sb = Sandbox::new();
    let base = ["render", "Khasan", "Ussuriysk"];
    let cases: &[(&[&str], &str)] = &[
        (
            &["-o", "m.png", "--projection", "gnomonical"],
            "unknown projection `gnomonical`",
        ),
        (
            &["-o", "m.png", "--theme", "sepia"],
            "invalid value 'sepia' for '--theme <THEME>'",
        ),
        (
            &["-o", "m.png", "--width", "0"],
            "width `0` is out of range",
        ),
        (&["-o", "m.png", "--height", "-5"], "-5"),
        (
            &["-o", "m.png", "--bbox", "100,50,140,40"],
            "bbox south `50` is not below north `40`",
        ),
        (&["-o", "m.png", "--bbox", "100,50"], "needs four numbers"),
        (
            &["-o", "m.png", "--labels", "some"],
            "invalid value 'some' for '--labels <LABELS>'",
        ),
        (&["-o", "m.gif"], "unknown map format"),
        (&["-o", "missing/m.png"], "cannot write"),
    ];
    for (extra, message) in cases {
        let mut args: Vec<&str> = base.to_vec();
        args.extend_from_slice(extra);
        let r = sb.run(&args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(message), "{args:?}: {}", r.stderr);
        assert!(sb.files().is_empty(), "{args:?} left {:?}", sb.files());
    }
}

#[test]
fn a_failed_render_keeps_the_previous_map() {
    let sb = Sandbox::new();
    sb.run(&[
        "render",
        "Khasan",
        "Ussuriysk",
        "-o",
        "m.png",
        "--width",
        "400",
        "--height",
        "300",
    ])
    .ok();
    let before = std::fs::read(sb.path("m.png")).unwrap();
    sb.run(&["render", "Khasan", "Xyzzyplace", "-o", "m.png"])
        .bad_input("unknown place");
    assert_eq!(std::fs::read(sb.path("m.png")).unwrap(), before);
    assert_eq!(sb.files(), ["m.png"]);
}

#[test]
fn a_map_goes_to_standard_output_with_dash() {
    let sb = Sandbox::new();
    let r = sb.run(&["render", "Khasan", "Ussuriysk", "-o", "-"]);
    r.ok();
    // PNG by default (the first byte, 0x89, is not UTF-8 and reads as U+FFFD here).
    assert!(
        r.stdout.starts_with("\u{FFFD}PNG"),
        "{:?}",
        &r.stdout[..8.min(r.stdout.len())]
    );
    assert!(!r.stderr.contains("wrote"));
    let r = sb.run(&[
        "render",
        "Khasan",
        "Ussuriysk",
        "-o",
        "-",
        "--format",
        "svg",
    ]);
    r.ok();
    assert!(r.stdout.starts_with("<svg"));
    // --format names the format whatever the file is called.
    sb.run(&[
        "render",
        "Khasan",
        "Ussuriysk",
        "-o",
        "map.out",
        "--format",
        "pdf",
    ])
    .ok();
    assert!(
        std::fs::read(sb.path("map.out"))
            .unwrap()
            .starts_with(b"%PDF-")
    );
    sb.run(&["render", "Khasan", "Ussuriysk", "-o", "-", "-o", "-"])
        .bad_input("standard output (`-`) is named as two outputs");
}

#[test]
fn a_walk_across_a_city_gets_a_map_of_the_city_and_says_the_basemap_is_coarser() {
    let sb = Sandbox::new();
    let r = sb.run(&[
        "render",
        "40.7128,-74.0060",
        "40.7306,-73.9866",
        "-o",
        "walk.svg",
        "--width",
        "800",
        "--height",
        "500",
    ]);
    r.ok()
        .stderr_has("wrote walk.svg")
        .stderr_has("finer than the bundled basemap");
    let svg = std::fs::read_to_string(sb.path("walk.svg")).unwrap();
    // A scale bar in metres, both points labelled apart, the attribution says so.
    assert!(svg.contains(" m</text>"), "no metre scale");
    assert!(svg.contains("40.7128,-74.0060") && svg.contains("40.7306,-73.9866"));
    assert!(svg.contains("coarser than this map"));
}

#[test]
fn a_world_map_centred_on_the_pacific_is_drawn_from_a_proj_string() {
    let sb = Sandbox::new();
    sb.run(&[
        "render",
        "Tokyo",
        "Los Angeles",
        "London, England",
        "--projection",
        "+proj=robin +lon_0=180",
        "-o",
        "pacific.svg",
    ])
    .ok();
    let svg = std::fs::read_to_string(sb.path("pacific.svg")).unwrap();
    // Each parallel's label stands once on each side of the globe, not in its middle.
    assert_eq!(svg.matches(">60°N</text>").count(), 2, "{svg}");
    assert!(svg.contains(">London</text>") && svg.contains(">Tokyo</text>"));
}

/// Values of the map options in any case, as the library and Python take them (the probe
/// found the CLI refusing `--theme Dark` that Python drew).
#[test]
fn option_values_are_read_in_any_case() {
    let sb = Sandbox::new();
    sb.run(&[
        "render",
        "Khasan",
        "Ussuriysk",
        "-o",
        "upper.svg",
        "--format",
        "SVG",
        "--theme",
        "Dark",
        "--units",
        "MI",
        "--labels",
        "STOPS",
        "--inset",
        "NONE",
        "--label-lang",
        "KO",
    ])
    .ok();
    sb.run(&[
        "render",
        "Khasan",
        "Ussuriysk",
        "-o",
        "lower.svg",
        "--theme",
        "dark",
        "--units",
        "mi",
        "--labels",
        "stops",
        "--inset",
        "none",
        "--label-lang",
        "ko",
    ])
    .ok();
    assert_eq!(
        std::fs::read(sb.path("upper.svg")).unwrap(),
        std::fs::read(sb.path("lower.svg")).unwrap()
    );
}

/// A recorded track's legend gives its length as recorded, a journey's as straight-line
/// geodesics (issue 30, point 9: a GPS track's legend said "straight-line").
#[test]
fn a_tracks_legend_says_its_length_is_as_recorded() {
    let sb = Sandbox::new();
    let track = format!(
        "{}/tests/fixtures/interchange/strava.gpx",
        env!("CARGO_MANIFEST_DIR")
    );
    sb.run(&["render", &track, "-o", "track.svg"]).ok();
    let svg = std::fs::read_to_string(sb.path("track.svg")).unwrap();
    assert!(
        svg.contains("as recorded"),
        "no 'as recorded' in the legend"
    );
    assert!(
        !svg.contains("km straight-line"),
        "a track called straight-line"
    );
    sb.run(&["render", "Khasan", "Vladivostok", "-o", "trip.svg"])
        .ok();
    let svg = std::fs::read_to_string(sb.path("trip.svg")).unwrap();
    assert!(svg.contains("km straight-line"));
    assert!(svg.contains("Legs are straight-line geodesics."));
}

/// Place names in the scripts issue 30 lists, as their countries write them: the shaped ones
/// came out of the PDF as "ददललल" (दिल्ली) and "เชชยงใหมม" (เชียงใหม่), the new ones as boxes.
const SCRIPT_NAMES: [&str; 15] = [
    "القاهرة",
    "ירושלים",
    "თბილისი",
    "Երևան",
    "አዲስ አበባ",
    "दिल्ली",
    "சென்னை",
    "ঢাকা",
    "කොළඹ",
    "เชียงใหม่",
    "ភ្នំពេញ",
    "ວຽງຈັນ",
    "ရန်ကုန်",
    "ལྷ་ས",
    "ᠬᠥᠬᠡᠬᠣᠲᠠ",
];

// Issue 30 point 4: labels in shaped scripts copied out of the PDF as one letter per glyph.
#[test]
fn issue_30_every_script_copies_and_searches_as_text_in_the_pdf() {
    let sb = Sandbox::new();
    let stops: Vec<String> = SCRIPT_NAMES.iter().map(|n| format!("\"{n}\"")).collect();
    sb.write(
        "s.toml",
        format!("[[trips]]\nstops = [{}]\n", stops.join(", ")),
    );
    let r = sb.run(&["render", "s.toml", "-o", "s.pdf", "-o", "s.svg"]);
    // Every name has its glyphs: no warning, and no label falls back to its Latin name.
    r.ok();
    assert!(!r.stderr.contains("warning"), "{}", r.stderr);
    let svg = std::fs::read_to_string(sb.path("s.svg")).unwrap();
    for name in SCRIPT_NAMES {
        assert!(svg.contains(&format!(">{name}</text>")), "SVG lacks {name}");
    }
    assert!(
        svg.contains("'Noto Sans Georgian'"),
        "the SVG names the face"
    );
    if have("pdftotext") {
        let out = std::process::Command::new("pdftotext")
            .args([sb.path("s.pdf").to_str().unwrap(), "-"])
            .output()
            .unwrap();
        // pdftotext marks right-to-left lines with U+202B ... U+202C.
        let words: String = String::from_utf8_lossy(&out.stdout)
            .chars()
            .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}'))
            .collect();
        for name in SCRIPT_NAMES {
            assert!(words.contains(name), "pdftotext lacks {name}: {words}");
        }
    }
}

// Issue 30 point 4: a label with characters no embedded face has was drawn without a word.
#[test]
fn issue_30_a_character_without_a_glyph_is_named_in_a_warning() {
    let sb = Sandbox::new();
    sb.write(
        "r.toml",
        "[[trips]]\nstops = [{ name = \"ᚠᚢᚦ\", lat = 30.0, lon = 31.0 }, \"Alexandria\"]\n",
    );
    sb.run(&["render", "r.toml", "-o", "r.png"])
        .ok()
        .stderr_has("no glyph for U+16A0 ᚠ, U+16A2 ᚢ, U+16A6 ᚦ in the label `ᚠᚢᚦ`");
}
