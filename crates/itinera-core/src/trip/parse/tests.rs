use super::*;
use crate::error::Error;

fn toml(text: &str) -> Result<TripPlan> {
    crate::formats::read_trips(&SourceFile::new("t.toml", text))
}

fn csv(text: &str) -> Result<TripPlan> {
    crate::formats::read_trips(&SourceFile::new("t.csv", text))
}

fn location(e: &Error) -> (usize, usize) {
    let l = e.location().unwrap_or_else(|| panic!("no location: {e:?}"));
    (l.line, l.column)
}

const FULL: &str = r##"title = "Kim Jong Il in Russia"
[[trips]]
name = "August 2011 visit"
color = "#C0392B"
mode = "rail"
stops = [
  { place = "Khasan", country = "RU", date = "2011-08-20", note = "crossed the border" },
  { place = "Novobureysky", date = 2011-08-21 },
  { name = "Sosnovy Bor garrison", lat = 51.87, lon = 107.73, mode = "road" },
]
[[trips]]
name = "2002 Far East visit"
stops = ["Khasan", "Khabarovsk"]
"##;

#[test]
fn long_and_short_stop_forms() {
    let plan = toml(FULL).unwrap();
    assert_eq!(plan.title.as_deref(), Some("Kim Jong Il in Russia"));
    assert_eq!(plan.trips.len(), 2);
    let t = &plan.trips[0];
    assert_eq!(
        (t.name.as_str(), t.color.map(|c| c.to_string()), t.mode),
        ("August 2011 visit", Some("#c0392b".into()), Mode::Rail)
    );
    assert_eq!(t.stops[0].place.as_deref(), Some("Khasan"));
    assert_eq!(t.stops[0].country.as_deref(), Some("RU"));
    assert_eq!(
        t.stops[1].date.map(|d| d.to_string()).as_deref(),
        Some("2011-08-21"),
        "bare TOML dates are read as dates"
    );
    assert_eq!(
        (t.stops[2].lat, t.stops[2].lon, t.stops[2].mode),
        (Some(51.87), Some(107.73), Some(Mode::Road))
    );
    assert_eq!(location_of(&t.stops[1]), (8, 3));
    let short = &plan.trips[1];
    assert_eq!(
        short
            .stops
            .iter()
            .map(|s| s.place.clone().unwrap())
            .collect::<Vec<_>>(),
        ["Khasan", "Khabarovsk"]
    );
    assert_eq!(short.mode, Mode::Unknown);
}

fn location_of(s: &StopSpec) -> (usize, usize) {
    let l = s.location.as_ref().unwrap();
    (l.line, l.column)
}

#[test]
fn syntax_error_points_at_line_and_column() {
    let e = toml("[[trips]]\nname = \"x\"\nstops = [\"Khasan\", \"Ussuriysk\"\n").unwrap_err();
    assert!(matches!(e, Error::Syntax { .. }), "{e:?}");
    assert_eq!(location(&e).0, 3, "{e}");
    let e = toml("[[trips]]\nname = \"x\nstops = []\n").unwrap_err();
    assert_eq!(location(&e), (2, 10), "{e}");
}

#[test]
fn wrong_type_points_at_the_value() {
    let e = toml("[[trips]]\nstops = [\n  { name = \"a\", lat = \"north\", lon = 1.0 },\n]\n")
        .unwrap_err();
    assert_eq!(location(&e), (3, 23), "{e}");
    assert!(
        e.to_string().contains("float") || e.to_string().contains("f64"),
        "{e}"
    );
}

#[test]
fn unknown_keys_and_modes_are_refused() {
    let e = toml("[[trips]]\nstops = [{ plce = \"Khasan\" }]\n").unwrap_err();
    assert!(e.to_string().contains("plce"), "{e}");
    assert_eq!(location(&e).0, 2);
    let e = toml("[[trips]]\nmode = \"bus\"\nstops = [\"Khasan\"]\n").unwrap_err();
    assert!(e.to_string().contains("bus"), "{e}");
    assert_eq!(location(&e), (2, 8));
}

#[test]
fn stop_checks() {
    let cases = [
        ("{ name = \"x\" }", "needs `place` or `lat` and `lon`"),
        (
            "{ name = \"x\", lat = 91.0, lon = 0.0 }",
            "latitude `91` is out of range",
        ),
        (
            "{ name = \"x\", lat = 0.0, lon = 200.0 }",
            "longitude `200` is out of range",
        ),
        (
            "{ name = \"x\", lat = nan, lon = 0.0 }",
            "latitude `NaN` is out of range",
        ),
        (
            "{ name = \"x\", lat = 0.0, lon = inf }",
            "longitude `inf` is out of range",
        ),
        ("{ name = \"x\", lat = 1.0 }", "has `lat` but no `lon`"),
        ("{ lat = 1.0, lon = 2.0 }", "needs a `name`"),
        (
            "{ place = \"Khasan\", date = \"20 August\" }",
            "invalid date `20 August`",
        ),
        (
            "{ place = \"Khasan\", date = \"2011-13-01\" }",
            "invalid date",
        ),
        ("{ place = \"  \" }", "empty place name"),
    ];
    for (stop, message) in cases {
        let text = format!("[[trips]]\nstops = [\n  {stop},\n]\n");
        let e = toml(&text).unwrap_err();
        assert!(e.to_string().contains(message), "{stop}: {e}");
        assert_eq!(location(&e), (3, 3), "{stop}");
        assert!(e.is_bad_input());
    }
}

#[test]
fn place_with_coordinates_is_an_override() {
    let plan =
        toml("[[trips]]\nstops = [{ place = \"Khasan\", lat = 42.43, lon = 130.64 }]\n").unwrap();
    assert_eq!(plan.trips[0].stops[0].lat, Some(42.43));
}

#[test]
fn empty_files_and_trips_are_refused() {
    assert!(toml("").unwrap_err().to_string().contains("no trips"));
    assert!(
        toml("title = \"x\"\n")
            .unwrap_err()
            .to_string()
            .contains("no trips")
    );
    let e = toml("[[trips]]\nname = \"a\"\nstops = []\n").unwrap_err();
    assert!(e.to_string().contains("trip `a` has no stops"), "{e}");
    let e = toml("[[trips]]\ncolor = \"red\"\nstops = [\"Khasan\"]\n").unwrap_err();
    assert!(e.to_string().contains("invalid colour `red`"), "{e}");
}

#[test]
fn csv_rows_group_into_trips() {
    let plan = csv("trip,place,country,lat,lon,date,note,mode\n\
        A,Khasan,RU,,,2011-08-20,border,rail\n\
        A,Ussuriysk,,,,,,\n\
        B,Depot,,42.1,130.2,,,road\n\
        A,Ulan-Ude,,,,2011-08-23,\"summit, with Medvedev\",\n")
    .unwrap();
    assert_eq!(plan.trips.len(), 2);
    assert_eq!(plan.trips[0].stops.len(), 3);
    assert_eq!(
        plan.trips[0].stops[2].note.as_deref(),
        Some("summit, with Medvedev")
    );
    assert_eq!(plan.trips[0].stops[0].mode, Some(Mode::Rail));
    assert_eq!(
        (plan.trips[1].stops[0].lat, plan.trips[1].stops[0].lon),
        (Some(42.1), Some(130.2))
    );
    assert_eq!(
        location_of(&plan.trips[0].stops[2]),
        (5, 3),
        "at the place cell"
    );
}

#[test]
fn csv_errors_name_line_and_column() {
    let e = csv("trip,place,lat,lon\nA,Khasan,,\nA,X,north,1\n").unwrap_err();
    assert_eq!(location(&e), (3, 5), "{e}");
    assert!(
        e.to_string()
            .contains("`lat` must be a number, found `north`"),
        "{e}"
    );
    let e = csv("trip,country\nA,RU\n").unwrap_err();
    assert!(e.to_string().contains("missing column `place`"), "{e}");
    let e = csv("trip,place,colour\nA,Khasan,red\n").unwrap_err();
    assert!(e.to_string().contains("unknown column `colour`"), "{e}");
    assert_eq!(location(&e), (1, 12));
    let e = csv("trip,place\nA,Khasan,extra\n").unwrap_err();
    assert_eq!(location(&e).0, 2, "{e}");
    let e = csv("trip,place\n").unwrap_err();
    assert!(e.to_string().contains("no stops"), "{e}");
}

#[test]
fn stdin_is_sniffed() {
    let p =
        crate::formats::read_trips(&SourceFile::new("<stdin>", "trip,place\nA,Khasan\n")).unwrap();
    assert_eq!(p.trips[0].stops.len(), 1);
    let p = crate::formats::read_trips(&SourceFile::new(
        "<stdin>",
        "[[trips]]\nstops = [\"Khasan\"]\n",
    ))
    .unwrap();
    assert_eq!(p.trips[0].name, "Trip 1");
}

#[test]
fn iso_dates() {
    for ok in [
        "2011",
        "2011-08",
        "2011-08-20",
        "2011-08-20T10:00:00+10:00",
        "2011-08-20 10:00",
    ] {
        assert!(ok.parse::<Date>().is_ok(), "{ok}");
    }
    for bad in ["", "11-08-20", "2011-8-20", "2011-08-32", "August 2011"] {
        assert!(bad.parse::<Date>().is_err(), "{bad}");
    }
}
