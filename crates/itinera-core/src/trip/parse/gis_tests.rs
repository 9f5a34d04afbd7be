//! The GeoJSON, GPX and KML readers, on small files written here in the shapes other software
//! gives (namespaces, extensions, CDATA, multi-part lines). The fixtures that mimic whole files
//! of Garmin, Strava and Google Earth are read by the command-line tests.

use super::*;
use crate::error::Error;
use crate::export::testdata::{places, route, stop};

fn read(name: &str, text: &str) -> Result<TripPlan> {
    crate::formats::read_trips(&SourceFile::new(name, text))
}

fn location(e: &Error) -> (usize, usize) {
    let l = e.location().unwrap_or_else(|| panic!("no location: {e:?}"));
    (l.line, l.column)
}

fn names(t: &TripSpec) -> Vec<&str> {
    t.stops
        .iter()
        .map(|s| s.name.as_deref().unwrap_or(""))
        .collect()
}

fn coords(t: &TripSpec) -> Vec<(f64, f64)> {
    t.stops
        .iter()
        .map(|s| (s.lat.unwrap_or(f64::NAN), s.lon.unwrap_or(f64::NAN)))
        .collect()
}

/// Each trip of `plan` as its name and its stops' names.
fn named(plan: &TripPlan) -> Vec<(&str, Vec<&str>)> {
    plan.trips
        .iter()
        .map(|t| (t.name.as_str(), names(t)))
        .collect()
}

/// Each trip of `plan` as its name, its kind, and its number of stops.
fn kinds(plan: &TripPlan) -> Vec<(&str, TripKind, usize)> {
    plan.trips
        .iter()
        .map(|t| (t.name.as_str(), t.kind, t.stops.len()))
        .collect()
}

/// The routes as itinera's GPX.
fn as_gpx(routes: &[crate::route::Route]) -> String {
    let mut out = Vec::new();
    crate::export::write_gpx(routes, None, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("UTF-8")
}

const GPX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="Test" xmlns="http://www.topografix.com/GPX/1/1"
     xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
  <metadata><name>Far East</name></metadata>
  <wpt lat="42.42387" lon="130.65156"><name>Khasan</name><time>2011-08-20T08:00:00Z</time></wpt>
  <rte><name>Train</name><type>train</type>
    <rtept lat="43.80467" lon="131.95734"><name>Ussuriysk</name><desc><![CDATA[passed <through>]]></desc></rtept>
    <rtept lat="48.46204" lon="135.0971"><name>Khabarovsk</name></rtept>
  </rte>
  <trk><name>Walk</name>
    <trkseg>
      <trkpt lat="43.1" lon="131.9"><time>2019-04-25T10:00:00Z</time>
        <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>90</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>
      <trkpt lat="43.11" lon="131.91"/>
    </trkseg>
    <trkseg><trkpt lat="43.11" lon="131.91"/><trkpt lat="43.12" lon="131.92"/></trkseg>
  </trk>
</gpx>
"#;

#[test]
fn gpx_waypoints_routes_and_tracks() {
    let plan = read("x.gpx", GPX).unwrap();
    assert_eq!(plan.title.as_deref(), Some("Far East"));
    let [wpt, rte, trk] = plan.trips.as_slice() else {
        panic!("three trips: {plan:?}")
    };
    assert_eq!(
        (wpt.name.as_str(), names(wpt)),
        ("Waypoints", vec!["Khasan"])
    );
    assert_eq!(
        wpt.stops[0].date.map(|d| d.to_string()).as_deref(),
        Some("2011-08-20T08:00:00Z")
    );
    // `<type>train</type>` is rail, in everyday words; CDATA is text.
    assert_eq!((rte.name.as_str(), rte.mode), ("Train", Mode::Rail));
    assert_eq!(names(rte), ["Ussuriysk", "Khabarovsk"]);
    assert_eq!(rte.stops[0].note.as_deref(), Some("passed <through>"));
    // Segments join; the point repeated where they meet is kept once; vertices are unnamed.
    assert_eq!(trk.name, "Walk");
    assert_eq!(
        coords(trk),
        [(43.1, 131.9), (43.11, 131.91), (43.12, 131.92)]
    );
    assert_eq!(names(trk), ["", "", ""]);
    assert!(trk.stops[0].date.is_some() && trk.stops[1].date.is_none());
    // Waypoints are places, a route a journey, a track a track.
    let kinds = [wpt.kind, rte.kind, trk.kind];
    assert_eq!(
        kinds,
        [TripKind::Places, TripKind::Journey, TripKind::Track]
    );
}

#[test]
fn gpx_1_0_and_itinera_days_in_desc() {
    let text = r#"<gpx version="1.0" creator="itinera" xmlns="http://www.topografix.com/GPX/1/0">
<name>Old</name>
<rte><rtept lat="42.42387" lon="130.65156"><name>Khasan</name><desc>2011-08-20; crossed</desc></rtept>
<rtept lat="43.80467" lon="131.95734"><name>Ussuriysk</name><desc>no date here</desc><type>rail</type></rtept></rte>
</gpx>"#;
    let plan = read("x.gpx", text).unwrap();
    assert_eq!(plan.title.as_deref(), Some("Old"));
    let t = &plan.trips[0];
    assert_eq!(t.name, "Route 1");
    assert_eq!(
        t.stops[0].date.map(|d| d.to_string()).as_deref(),
        Some("2011-08-20")
    );
    assert_eq!(t.stops[0].note.as_deref(), Some("crossed"));
    assert_eq!(t.stops[1].note.as_deref(), Some("no date here"));
    assert_eq!(t.mode, Mode::Rail);
}

#[test]
fn gpx_errors_point_at_the_problem() {
    // An XML error at its line and column.
    let e = read("x.gpx", "<gpx>\n  <wpt lat=\"1\" lon=\"2\">\n</gpx>\n").unwrap_err();
    assert!(matches!(e, Error::Syntax { .. }), "{e:?}");
    assert_eq!(location(&e).0, 3);
    // A coordinate that is not a number, at its attribute value.
    let e = read("x.gpx", "<gpx>\n<wpt lat=\"4x\" lon=\"2\"/></gpx>").unwrap_err();
    assert_eq!(location(&e), (2, 11));
    assert!(e.to_string().contains("`lat` must be a number"), "{e}");
    // Out of range, at the point.
    let e = read("x.gpx", "<gpx>\n <wpt lat=\"91\" lon=\"2\"/></gpx>").unwrap_err();
    assert_eq!(location(&e), (2, 2));
    // A bad time, at its element.
    let e = read(
        "x.gpx",
        "<gpx><wpt lat=\"1\" lon=\"2\">\n<time>yesterday</time></wpt></gpx>",
    )
    .unwrap_err();
    assert_eq!(location(&e), (2, 1));
    // A KML file named .gpx says what it is.
    let e = read("x.gpx", "<kml><Document/></kml>").unwrap_err();
    assert!(e.help().unwrap_or_default().contains("KML"), "{e:?}");
    // Nothing to draw.
    let e = read("x.gpx", "<gpx><metadata/></gpx>").unwrap_err();
    assert!(e.to_string().contains("no points or lines"), "{e}");
}

const KML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">
<Document><name>Doc</name>
  <Style id="red"><LineStyle><color>ff0000ff</color></LineStyle></Style>
  <StyleMap id="m"><Pair><key>normal</key><styleUrl>#red</styleUrl></Pair></StyleMap>
  <Folder><name>2019 visit</name>
    <Placemark><name>Khasan</name><styleUrl>#m</styleUrl>
      <description><![CDATA[<b>crossed</b> at dawn]]></description>
      <TimeStamp><when>2019-04-24</when></TimeStamp>
      <Point><coordinates>130.65156,42.42387,0</coordinates></Point></Placemark>
    <Placemark><name>Vladivostok</name>
      <ExtendedData><Data name="note"><value>summit</value></Data></ExtendedData>
      <Point><coordinates> 131.87353, 43.10562 </coordinates></Point></Placemark>
    <Placemark><name>leg</name><ExtendedData><Data name="mode"><value>rail</value></Data></ExtendedData>
      <LineString><coordinates>130.65156,42.42387 131.2,42.8
        131.87353,43.10562</coordinates></LineString></Placemark>
  </Folder>
  <Placemark><name>Drive</name>
    <gx:Track><when>2019-04-25T10:00:00Z</when><gx:coord>131.9 43.1 0</gx:coord>
      <when>2019-04-25T10:30:00Z</when><gx:coord>132.0 43.2 0</gx:coord></gx:Track></Placemark>
  <Placemark><name>Parts</name><MultiGeometry>
    <LineString><coordinates>1,2 3,4</coordinates></LineString>
    <LineString><coordinates>3,4 5,6</coordinates></LineString></MultiGeometry></Placemark>
</Document></kml>"#;

#[test]
fn kml_folders_legs_tracks_and_styles() {
    let plan = read("x.kml", KML).unwrap();
    assert_eq!(plan.title.as_deref(), Some("Doc"));
    let [visit, drive, parts] = plan.trips.as_slice() else {
        panic!("three trips: {plan:?}")
    };
    // The drawn leg joins two pins of its folder: left out, its mode on the arrival.
    assert_eq!(visit.name, "2019 visit");
    assert_eq!(names(visit), ["Khasan", "Vladivostok"]);
    assert_eq!(visit.mode, Mode::Rail);
    assert_eq!(
        visit.color.map(|c| c.to_string()).as_deref(),
        Some("#ff0000")
    );
    assert_eq!(visit.stops[0].note.as_deref(), Some("crossed at dawn"));
    assert_eq!(visit.stops[1].note.as_deref(), Some("summit"));
    assert_eq!(
        visit.stops[0].date.map(|d| d.to_string()).as_deref(),
        Some("2019-04-24")
    );
    // A space after a comma (Google Earth writes it) is still one tuple.
    assert_eq!(coords(visit)[1], (43.10562, 131.87353));
    // gx:Track: a time per vertex.
    assert_eq!(drive.name, "Drive");
    assert_eq!(coords(drive), [(43.1, 131.9), (43.2, 132.0)]);
    assert_eq!(
        drive.stops[1].date.map(|d| d.to_string()).as_deref(),
        Some("2019-04-25T10:30:00Z")
    );
    // A MultiGeometry's lines are one trip; the shared vertex is kept once.
    assert_eq!(coords(parts), [(2.0, 1.0), (4.0, 3.0), (6.0, 5.0)]);
    // Pins are a journey; a gx:Track and lines are tracks.
    let kinds = [visit.kind, drive.kind, parts.kind];
    assert_eq!(kinds, [TripKind::Journey, TripKind::Track, TripKind::Track]);
}

#[test]
fn kml_errors_point_at_the_problem() {
    let e = read(
        "x.kml",
        "<kml><Placemark>\n<Point><coordinates>1,2 x,4</coordinates></Point></Placemark></kml>",
    )
    .unwrap_err();
    assert_eq!(location(&e), (2, 25));
    assert!(e.to_string().contains("`x,4`"), "{e}");
    let e = read("x.kml", "<kml>\n<Placemark></Document></kml>").unwrap_err();
    assert!(matches!(e, Error::Syntax { .. }), "{e:?}");
    assert_eq!(location(&e).0, 2);
    let e = read("x.kml", "<gpx/>").unwrap_err();
    assert!(e.help().unwrap_or_default().contains("GPX"), "{e:?}");
}

const GEOJSON: &str = r##"{"type": "FeatureCollection", "name": "Kim 2019",
 "features": [
  {"type": "Feature", "id": 1, "geometry": {"type": "Point", "coordinates": [130.65156, 42.42387]},
   "properties": {"name": "Khasan", "date": "2019-04-24", "marker-color": "#c0392b", "trip": "Train"}},
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [131.87353, 43.10562, 12]},
   "properties": {"name": "Vladivostok", "mode": "rail", "trip": "Train"}},
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [131.9, 43.0]},
   "properties": {}},
  {"type": "Feature", "geometry": {"type": "MultiLineString",
     "coordinates": [[[131.9, 43.1], [132.0, 43.2]], [[132.0, 43.2], [132.1, 43.3]]]},
   "properties": {"name": "Walk", "coordTimes": [["2019-04-25T10:00:00Z", "2019-04-25T10:10:00Z"],
     ["2019-04-25T10:10:00Z", "2019-04-25T10:20:00Z"]]}},
  {"type": "Feature", "geometry": null, "properties": {"name": "nothing"}}
 ]}"##;

#[test]
fn geojson_points_by_trip_and_lines() {
    let plan = read("x.geojson", GEOJSON).unwrap();
    assert_eq!(plan.title.as_deref(), Some("Kim 2019"));
    let [train, points, walk] = plan.trips.as_slice() else {
        panic!("three trips: {plan:?}")
    };
    assert_eq!(train.name, "Train");
    assert_eq!(names(train), ["Khasan", "Vladivostok"]);
    assert_eq!(
        train.color.map(|c| c.to_string()).as_deref(),
        Some("#c0392b")
    );
    assert_eq!(train.mode, Mode::Rail);
    // An unnamed point is its coordinates, which resolution labels "near ...".
    assert_eq!(points.name, "Kim 2019");
    assert_eq!(
        points.stops[0].place.as_deref(),
        Some("43.000000,131.900000")
    );
    assert_eq!(walk.stops.len(), 3);
    assert_eq!(
        walk.stops[2].date.map(|d| d.to_string()).as_deref(),
        Some("2019-04-25T10:20:00Z")
    );
}

#[test]
fn geojson_bare_geometry_and_feature() {
    let plan = read(
        "x.json",
        r#"{"type": "LineString", "coordinates": [[1, 2], [3, 4]]}"#,
    )
    .unwrap();
    assert_eq!(coords(&plan.trips[0]), [(2.0, 1.0), (4.0, 3.0)]);
    let plan = read(
        "x.geojson",
        r#"{"type": "Feature", "properties": {"name": "Khasan"},
            "geometry": {"type": "Point", "coordinates": [130.65156, 42.42387]}}"#,
    )
    .unwrap();
    assert_eq!(names(&plan.trips[0]), ["Khasan"]);
}

#[test]
fn geojson_errors_point_at_the_problem() {
    // JSON syntax, at its line and column.
    let e = read(
        "x.geojson",
        "{\"type\": \"FeatureCollection\",\n \"features\": [,]}",
    )
    .unwrap_err();
    assert!(matches!(e, Error::Syntax { .. }), "{e:?}");
    assert_eq!(location(&e), (2, 15));
    // Latitude first (a common slip): out of range, at the feature's coordinates.
    let text = "{\"type\": \"FeatureCollection\", \"features\": [\n  {\"type\": \"Feature\", \"properties\": {},\n   \"geometry\": {\"type\": \"Point\", \"coordinates\": [42.4, 130.6]}}]}";
    let e = read("x.geojson", text).unwrap_err();
    assert_eq!(location(&e), (3, 34));
    assert!(e.to_string().contains("latitude `130.6`"), "{e}");
    // A position that is not numbers.
    let text = r#"{"type": "Point", "coordinates": ["130", 42]}"#;
    let e = read("x.geojson", text).unwrap_err();
    assert!(e.to_string().contains("[longitude, latitude]"), "{e}");
    // A bad date, at its property.
    let text = "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [1, 2]},\n \"properties\": {\"date\": \"spring\"}}";
    let e = read("x.geojson", text).unwrap_err();
    assert_eq!(location(&e), (2, 17));
    // Other JSON.
    let e = read("x.json", r#"{"places": []}"#).unwrap_err();
    assert!(e.to_string().contains("not GeoJSON"), "{e}");
}

#[test]
fn standard_input_is_read_by_its_content() {
    let plan = read("<stdin>", GPX).unwrap();
    assert_eq!(plan.trips.len(), 3);
}

/// Every exporter's output reads back as the trips written: names with the characters real
/// place names and notes have (curly quotes, dashes, no-break spaces, markup characters,
/// Cyrillic, Han, combining marks, letters beyond the BMP), coordinates anywhere on Earth
/// (the antimeridian and the poles included), dates at every precision.
mod round_trip {
    use super::*;
    use crate::formats::{ExportFormat, ExportOptions, InputFormat};
    use crate::route;
    use crate::trip::{Stop, Trip};
    use proptest::prelude::*;

    fn name() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            "[A-Z][a-z]{0,6}|[’‘“”\"'—–-]|\u{a0}|[<>&;,]|Хабаровск|平壤|Ulan-Ude|e\u{301}|𝕆|[0-9]{1,3}",
            1..6,
        )
        .prop_map(|w| w.join(" "))
        .prop_filter("a name is not blank", |n| !n.trim().is_empty())
    }

    fn date() -> impl Strategy<Value = Option<Date>> {
        proptest::option::of(prop_oneof![
            "20[0-2][0-9]-0[1-9]-[12][0-8]",
            "20[0-2][0-9]-1[0-2]",
            "20[0-2][0-9]-0[1-9]-1[0-9]T[01][0-9]:[0-5][0-9]:00Z",
        ])
        .prop_map(|d| d.map(|d| d.parse().expect("a valid date")))
    }

    prop_compose! {
        fn stop()(label in name(), lat in -90.0f64..=90.0, lon in -180.0f64..=180.0,
                   date in date(), note in proptest::option::of(name())) -> Stop {
            // Six decimals, as every format writes them.
            let six = |x: f64| (x * 1e6).round() / 1e6;
            Stop { label, place: None, lat: six(lat), lon: six(lon), date, note, mode: None }
        }
    }

    prop_compose! {
        fn trip()(name in name(), stops in proptest::collection::vec(stop(), 1..6),
                  mode in prop_oneof![Just(Mode::Rail), Just(Mode::Air), Just(Mode::Unknown)],
                  places in proptest::bool::weighted(0.25))
                  -> Trip {
            let kind = if places { TripKind::Places } else { TripKind::Journey };
            Trip { name, color: crate::trip::Rgb::new(0xd5, 0x5e, 0x00), mode, stops, kind }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn exports_read_back(trips in proptest::collection::vec(trip(), 1..4)) {
            // Trip names are unique in a file: points are grouped by them.
            let mut trips = trips;
            for (i, t) in trips.iter_mut().enumerate() {
                t.name = format!("{} {i}", t.name);
            }
            let routes: Vec<_> = trips.iter().map(route::build).collect();
            for name in ["geojson", "gpx", "kml"] {
                let (format, input): (ExportFormat, InputFormat) =
                    (name.parse().expect("a format"), name.parse().expect("a format"));
                // GPX keeps places as its nameless waypoints (see `gpx_waypoints_are_places`).
                if format.name() == "gpx" && trips.iter().any(|t| matches!(t.kind, TripKind::Places)) {
                    continue;
                }
                let mut out = Vec::new();
                format.write(&routes, &ExportOptions::titled(Some("Title")), &mut out)
                    .expect("writing to memory");
                let text = String::from_utf8(out).expect("UTF-8");
                let plan = input.read(&SourceFile::new("x", text.as_str()))
                    .map_err(|e| TestCaseError::fail(format!("{format:?}: {e}\n{text}")))?;
                prop_assert_eq!(plan.trips.len(), trips.len(), "{:?}", format);
                for (t, back) in trips.iter().zip(&plan.trips) {
                    prop_assert_eq!(&back.name, &t.name, "{:?}", format);
                    prop_assert_eq!(back.kind, t.kind, "{:?}", format);
                    prop_assert_eq!(back.stops.len(), t.stops.len(), "{:?}", format);
                    for (s, b) in t.stops.iter().zip(&back.stops) {
                        prop_assert_eq!(b.name.as_deref(), Some(s.label.as_str()), "{:?}", format);
                        prop_assert!((b.lat.unwrap_or(f64::NAN) - s.lat).abs() <= 1e-6);
                        // GPX writes the antimeridian as 179.999999.
                        let dlon = (b.lon.unwrap_or(f64::NAN) - s.lon).abs();
                        prop_assert!(dlon <= 1e-6 || (dlon - 360.0).abs() <= 2e-6, "{:?} {} {:?}", format, s.lon, b.lon);
                        prop_assert_eq!(b.date, s.date, "{:?}", format);
                        prop_assert_eq!(&b.note, &s.note, "{:?}", format);
                    }
                }
            }
        }
    }
}

#[test]
fn an_untitled_file_of_one_named_line_takes_its_name() {
    let gpx = |tracks: &str| {
        format!("<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\">{tracks}</gpx>")
    };
    let track = |name: &str| {
        format!(
            "<trk>{name}<trkseg><trkpt lat=\"45.1\" lon=\"14.1\"/><trkpt lat=\"45.2\" lon=\"14.2\"/></trkseg></trk>"
        )
    };
    let ride = track("<name>Morning Ride</name>");
    let title = |text: String| {
        read(
            if text.starts_with('{') {
                "a.geojson"
            } else {
                "a.gpx"
            },
            &text,
        )
        .unwrap()
        .title
    };
    assert_eq!(title(gpx(&ride)).as_deref(), Some("Morning Ride"));
    // Not from a name the reader made up, nor from one of several lines.
    assert_eq!(title(gpx(&track(""))), None);
    assert_eq!(
        read("a.gpx", &gpx(&track(""))).unwrap().trips[0].name,
        "Track 1"
    );
    assert_eq!(
        title(gpx(&format!("{ride}{}", track("<name>Evening</name>")))),
        None
    );
    // The file's own title wins.
    let titled = gpx(&format!("<metadata><name>Istria</name></metadata>{ride}"));
    assert_eq!(title(titled).as_deref(), Some("Istria"));
    let geojson = r#"{"type":"Feature","properties":{"name":"Walk"},
        "geometry":{"type":"LineString","coordinates":[[14.1,45.1],[14.2,45.2]]}}"#;
    assert_eq!(title(geojson.to_string()).as_deref(), Some("Walk"));
}

#[test]
fn folders_and_routes_of_the_same_name_stay_apart() {
    // Google Earth names every new folder "Untitled Folder"; a GPS may repeat a route's name.
    let placemark = |name: &str, lon: f64| {
        format!(
            "<Placemark><name>{name}</name><Point><coordinates>{lon},45</coordinates></Point></Placemark>"
        )
    };
    let kml = format!(
        "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>\
         <Folder><name>Untitled Folder</name>{}{}</Folder>\
         <Folder><name>Untitled Folder</name>{}{}</Folder></Document></kml>",
        placemark("A", 14.0),
        placemark("B", 14.1),
        placemark("C", 15.0),
        placemark("D", 15.1)
    );
    let plan = read("a.kml", &kml).unwrap();
    let trips = named(&plan);
    assert_eq!(
        trips,
        [
            ("Untitled Folder", vec!["A", "B"]),
            ("Untitled Folder", vec!["C", "D"])
        ]
    );
    let rte = |lat: f64| {
        format!(
            "<rte><name>Day</name><rtept lat=\"{lat}\" lon=\"14\"/><rtept lat=\"{lat}.5\" lon=\"14\"/></rte>"
        )
    };
    let gpx = format!(
        "<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\">{}{}</gpx>",
        rte(45.0),
        rte(46.0)
    );
    let plan = read("a.gpx", &gpx).unwrap();
    assert_eq!(plan.trips.len(), 2);
    assert!(plan.trips.iter().all(|t| t.stops.len() == 2));
}

#[test]
fn gpx_waypoints_are_places() {
    // A GPS's waypoints are places it saved, not a journey: one group, no legs.
    let gpx = r#"<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">
      <wpt lat="45.38" lon="14.14"><name>001</name></wpt>
      <wpt lat="45.45" lon="14.02"><name>002</name></wpt>
      <trk><name>Walk</name><trkseg><trkpt lat="45.1" lon="14.1"/><trkpt lat="45.2" lon="14.2"/></trkseg></trk>
    </gpx>"#;
    let plan = read("a.gpx", gpx).unwrap();
    assert_eq!(
        kinds(&plan),
        [
            ("Waypoints", TripKind::Places, 2),
            ("Walk", TripKind::Track, 2)
        ]
    );
    // Written back, places are waypoints again, and a journey a route.
    let two = || vec![stop("A", 45.0, 14.0, None), stop("B", 45.5, 14.5, None)];
    let routes = [places("Saved", two()), route("Day", "#d55e00", two())];
    assert!(routes[0].legs.is_empty() && routes[0].metres() == 0.0);
    assert_eq!(routes[1].legs.len(), 1);
    let text = as_gpx(&routes);
    assert_eq!(text.matches("<wpt ").count(), 2, "{text}");
    assert_eq!(text.matches("<rte>").count(), 1, "{text}");
    let back = read("b.gpx", &text).unwrap();
    assert_eq!(
        kinds(&back),
        [
            ("Waypoints", TripKind::Places, 2),
            ("Day", TripKind::Journey, 2)
        ]
    );
}

#[test]
fn trips_of_one_name_read_back_from_gpx_as_written() {
    // itinera writes every route, then a track per route: two trips named "Day" must each
    // get their own track back as drawn legs, not a third trip of densified points.
    let routes = [
        route(
            "Day",
            "#d55e00",
            vec![stop("A", 45.0, 14.0, None), stop("B", 46.0, 15.0, None)],
        ),
        route(
            "Day",
            "#d55e00",
            vec![stop("C", 50.0, 20.0, None), stop("D", 51.0, 21.0, None)],
        ),
    ];
    let back = read("a.gpx", &as_gpx(&routes)).unwrap();
    let trips = named(&back);
    assert_eq!(trips, [("Day", vec!["A", "B"]), ("Day", vec!["C", "D"])]);
    assert!(back.trips.iter().all(|t| t.mode == Mode::Rail));
}

#[test]
fn an_unnamed_kml_folder_is_part_of_the_one_it_is_in() {
    // Pins in a named folder, the path joining them in an unnamed sub-folder: one trip.
    let kml = r#"<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder><name>Day 1</name>
      <Placemark><name>A</name><Point><coordinates>14,45</coordinates></Point></Placemark>
      <Placemark><name>B</name><Point><coordinates>15,46</coordinates></Point></Placemark>
      <Folder><Placemark><LineString><coordinates>14,45 14.5,45.5 15,46</coordinates></LineString>
        <ExtendedData><Data name="mode"><value>rail</value></Data></ExtendedData></Placemark></Folder>
    </Folder></Document></kml>"#;
    let plan = read("a.kml", kml).unwrap();
    let trips = named(&plan);
    assert_eq!(trips, [("Day 1", vec!["A", "B"])]);
    assert_eq!(plan.trips[0].mode, Mode::Rail);
}

#[test]
fn a_line_among_places_is_a_trip_of_its_own() {
    // Places have no legs: a path drawn between two of them is kept, not taken for a leg.
    let geojson = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"name":"A","trip":"Saved","places":true},
       "geometry":{"type":"Point","coordinates":[14,45]}},
      {"type":"Feature","properties":{"name":"B","trip":"Saved","places":true},
       "geometry":{"type":"Point","coordinates":[15,46]}},
      {"type":"Feature","properties":{"trip":"Saved","name":"Walk"},
       "geometry":{"type":"LineString","coordinates":[[14,45],[15,46]]}}]}"#;
    let plan = read("a.geojson", geojson).unwrap();
    assert_eq!(
        kinds(&plan),
        [("Saved", TripKind::Places, 2), ("Walk", TripKind::Track, 2)]
    );
}
