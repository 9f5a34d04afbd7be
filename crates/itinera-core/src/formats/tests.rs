use std::path::Path;

use super::*;

#[test]
fn formats_by_extension_and_name() {
    let by = |p: &str| ExportFormat::by_path(Path::new(p)).map(ExportFormat::name);
    assert_eq!(by("a/b.KML").unwrap(), "kml");
    assert_eq!(by("x.json").unwrap(), "geojson");
    assert_eq!(by("x.htm").unwrap(), "html");
    assert_eq!(by("x.gpkg").unwrap(), "gpkg");
    let e = ExportFormat::by_path(Path::new("x.kmz")).unwrap_err();
    assert!(e.is_bad_input() && e.to_string().contains("x.kmz"));
    assert!(ExportFormat::by_path(Path::new("noext")).is_err());
    assert_eq!("GPX".parse::<ExportFormat>().unwrap().name(), "gpx");
    assert!("shp".parse::<ExportFormat>().is_err());
    assert_eq!(
        MapFormat::by_path(Path::new("m.PDF")).unwrap().name(),
        "pdf"
    );
    assert_eq!(InputFormat::from_name("t.Json").unwrap().name(), "geojson");
    assert!(InputFormat::from_name("t.gpkg").is_none());
}

#[test]
fn every_format_is_found_by_its_own_name_and_extensions() {
    for f in ExportFormat::all() {
        assert_eq!(f.name().parse::<ExportFormat>().unwrap(), *f);
        for e in f.extensions() {
            assert_eq!(
                ExportFormat::from_extension(Path::new(&format!("a.{e}"))),
                Some(*f)
            );
        }
    }
    for f in InputFormat::all() {
        assert_eq!(f.name().parse::<InputFormat>().unwrap(), *f);
        for e in f.extensions() {
            assert_eq!(InputFormat::from_name(&format!("a.{e}")), Some(*f));
        }
    }
    for f in MapFormat::all() {
        assert_eq!(
            MapFormat::from_extension(Path::new(&format!("a.{}", f.extension()))),
            Some(*f)
        );
    }
    // No two formats of a kind share a name or an extension.
    let mut seen = std::collections::HashSet::new();
    for f in ExportFormat::all() {
        for e in f.extensions() {
            assert!(seen.insert(*e), "{e} twice");
        }
    }
}

#[test]
fn sniffing_tells_the_formats_apart() {
    let cases = [
        ("{\"type\":\"FeatureCollection\"}", "geojson"),
        (
            "\u{feff}  <?xml version=\"1.0\"?>\n<gpx version=\"1.1\">",
            "gpx",
        ),
        (
            "<?xml version=\"1.0\"?>\n<!-- a <gpx note -->\n<kml>",
            "gpx",
        ),
        (
            "<?xml version=\"1.0\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">",
            "kml",
        ),
        ("<html>", "gpx"),
        ("trip,place\nA,Khasan\n", "csv"),
        ("title = \"a, b\"\n[[trips]]\n", "toml"),
        ("[[trips]]\nstops = [\"a\", \"b\"]\n", "toml"),
        ("", "toml"),
    ];
    for (text, name) in cases {
        let body = text.trim_start_matches('\u{feff}').trim_start();
        assert_eq!(InputFormat::sniff(body).name(), name, "{text:?}");
        assert_eq!(InputFormat::sniff(text).name(), name, "{text:?}");
    }
}

#[test]
fn help_lists_come_from_the_registry() {
    assert_eq!(
        ExportFormat::extension_list(),
        ".geojson, .kml, .gpx, .csv, .html or .gpkg"
    );
    assert_eq!(MapFormat::name_list(), "png, svg or pdf");
    let table = markdown_table();
    for f in InputFormat::all()
        .iter()
        .map(|f| f.name())
        .chain(ExportFormat::all().iter().map(|f| f.name()))
    {
        assert!(table.contains(&format!("| {f} |")), "{f}");
    }
}
