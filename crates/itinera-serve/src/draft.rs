//! The page's trip draft: what the page edits, the trip file (TOML) made from it, and the
//! routes read back from that file, so the page's maps and exports are the command line's for
//! the same file.

use itinera::route::{self, Route};
use itinera::trip::{self, ResolveOptions, Resolved, Trip};
use itinera::{Error, Gazetteer, InvalidKind, SourceFile, formats};
use serde::{Deserialize, Serialize};

/// The most stops the page edits in one draft: a GPS track of thousands of points is a job for
/// `itinera render`, not for a list of rows.
pub const MAX_STOPS: usize = 2_000;

/// The name the draft's trip file is read under (in error messages).
pub const TRIP_FILE: &str = "trip.toml";

/// Trips as the page holds them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// The title of the trip file.
    #[serde(default)]
    pub title: Option<String>,
    /// The trips.
    pub trips: Vec<DraftTrip>,
}

/// One trip of a [`Draft`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftTrip {
    /// Its name.
    pub name: String,
    /// `#rrggbb`, or none for the palette's next.
    #[serde(default)]
    pub color: Option<String>,
    /// Mode of its legs (`rail`, `road`, `air`, `sea`, `unknown`).
    #[serde(default)]
    pub mode: Option<String>,
    /// Its stops, in order.
    pub stops: Vec<DraftStop>,
}

/// One stop of a [`DraftTrip`]: a gazetteer place (its name and GeoNames id: the place the
/// page resolved or the user picked) or a label at coordinates, with the fields of a trip
/// file's stop.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftStop {
    /// The label.
    pub name: String,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[serde(default)]
    pub date: Option<String>,
    /// Mode of the leg that arrives here.
    #[serde(default)]
    pub mode: Option<String>,
    /// A note.
    #[serde(default)]
    pub note: Option<String>,
    /// The gazetteer's name of the place, when the stop is one: with `geonameid`, the trip file
    /// names the place by them (`place = "Khasan", geonameid = 2022586`), so its outputs
    /// carry the place (its id and country in GeoJSON, its names in other languages).
    #[serde(default)]
    pub place: Option<String>,
    /// The gazetteer place's GeoNames id, when known.
    #[serde(default)]
    pub geonameid: Option<i64>,
    /// The place's country code, when known (shown, not written).
    #[serde(default)]
    pub country: Option<String>,
}

/// A draft's trip file, with the line each trip and stop is written on.
#[derive(Debug, Clone)]
pub struct TripFile {
    /// The TOML text.
    pub text: String,
    /// For each line (from 1), the trip and stop it holds, if any.
    lines: Vec<(Option<usize>, Option<usize>)>,
}

impl TripFile {
    /// The trip and stop written on `line` (1-based).
    pub fn at_line(&self, line: usize) -> (Option<usize>, Option<usize>) {
        self.lines
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or((None, None))
    }
}

/// A TOML basic string on one line: quotes, backslashes and control characters escaped (the
/// trip file's reader then refuses the control characters at the stop's own line).
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML float: always with a decimal point, to five decimals (about a metre, as the
/// gazetteer and `extract --trip` write them).
fn float(v: f64) -> String {
    toml::Value::Float((v * 1e5).round() / 1e5).to_string()
}

/// Text that is not blank, trimmed.
fn given(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

impl Draft {
    /// Checks what the trip file cannot say: the number of stops, and coordinates that are
    /// numbers.
    ///
    /// # Errors
    /// [`Error::Invalid`] naming the trip or stop.
    pub fn check(&self) -> Result<(), Error> {
        let stops: usize = self.trips.iter().map(|t| t.stops.len()).sum();
        if stops > MAX_STOPS {
            return Err(Error::invalid(
                InvalidKind::Value,
                format!("a draft of {stops} stops; the page edits up to {MAX_STOPS}"),
                Some("draw long tracks with `itinera render FILE`".into()),
            ));
        }
        if self.trips.iter().all(|t| t.stops.is_empty()) {
            return Err(Error::invalid(
                InvalidKind::Value,
                "the draft has no stops".to_string(),
                Some("paste an article or a trip file, or add a place with the search box".into()),
            ));
        }
        Ok(())
    }

    /// The trip file of the draft, as `itinera render` reads it: one line per stop.
    pub fn trip_file(&self) -> TripFile {
        let mut text = String::from(
            "# Trip file written by `itinera serve`; `itinera render` and `itinera export` read it.\n",
        );
        let mut lines = vec![(None, None)];
        let mut line = |text: &mut String, s: String, at: (Option<usize>, Option<usize>)| {
            text.push_str(&s);
            text.push('\n');
            lines.push(at);
        };
        if let Some(title) = given(&self.title) {
            line(
                &mut text,
                format!("title = {}", quoted(title)),
                (None, None),
            );
        }
        for (i, t) in self.trips.iter().enumerate() {
            let trip = (Some(i), None);
            line(&mut text, String::new(), trip);
            line(&mut text, "[[trips]]".into(), trip);
            line(&mut text, format!("name = {}", quoted(t.name.trim())), trip);
            if let Some(color) = given(&t.color) {
                line(&mut text, format!("color = {}", quoted(color)), trip);
            }
            if let Some(mode) = given(&t.mode) {
                line(&mut text, format!("mode = {}", quoted(mode)), trip);
            }
            line(&mut text, "stops = [".into(), trip);
            for (j, s) in t.stops.iter().enumerate() {
                let mut fields = Vec::new();
                match (given(&s.place), s.geonameid) {
                    (Some(place), Some(id)) => {
                        fields.push(format!("place = {}", quoted(place)));
                        fields.push(format!("geonameid = {id}"));
                        if s.name.trim() != place {
                            fields.push(format!("name = {}", quoted(s.name.trim())));
                        }
                    }
                    _ => fields.extend([
                        format!("name = {}", quoted(s.name.trim())),
                        format!("lat = {}", float(s.lat)),
                        format!("lon = {}", float(s.lon)),
                    ]),
                }
                for (key, value) in [("date", &s.date), ("mode", &s.mode), ("note", &s.note)] {
                    if let Some(v) = given(value) {
                        fields.push(format!("{key} = {}", quoted(v)));
                    }
                }
                line(
                    &mut text,
                    format!("  {{ {} }},", fields.join(", ")),
                    (Some(i), Some(j)),
                );
            }
            line(&mut text, "]".into(), trip);
        }
        TripFile { text, lines }
    }

    /// A draft of resolved trips (a trip file the page was given).
    pub fn of_trips(resolved: &Resolved) -> Draft {
        Draft {
            title: resolved.title.clone(),
            trips: resolved.trips.iter().map(DraftTrip::of_trip).collect(),
        }
    }
}

impl DraftTrip {
    fn of_trip(t: &Trip) -> DraftTrip {
        DraftTrip {
            name: t.name.clone(),
            color: Some(t.color.to_string()),
            mode: Some(t.mode.as_str().to_string()),
            stops: t
                .stops
                .iter()
                .map(|s| DraftStop {
                    name: s.label.clone(),
                    lat: s.lat,
                    lon: s.lon,
                    date: s.date.as_ref().map(ToString::to_string),
                    mode: s.mode.map(|m| m.as_str().to_string()),
                    note: s.note.clone(),
                    place: s
                        .place
                        .as_ref()
                        .filter(|p| p.geonameid.is_some())
                        .map(|p| p.name.to_string()),
                    geonameid: s.place.as_ref().and_then(|p| p.geonameid),
                    country: s.place.as_ref().map(|p| p.country.to_string()),
                })
                .collect(),
        }
    }
}

/// A trip file read and resolved (the bundled gazetteer, no country hint), as `itinera
/// render FILE` reads it.
///
/// # Errors
/// The reader's and the resolver's errors, at their line and column in `source`.
pub fn resolve(source: &SourceFile) -> Result<Resolved, Error> {
    let plan = formats::read_trips(source)?;
    trip::resolve(&plan, Gazetteer::bundled(), &ResolveOptions::default())
}

/// The routes of resolved trips, as `render` and `export` build them.
pub fn routes(resolved: &Resolved) -> Vec<Route> {
    resolved.trips.iter().map(route::build).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn khasan() -> Draft {
        Draft {
            title: Some("A \"quoted\" title".into()),
            trips: vec![DraftTrip {
                name: "Into Russia".into(),
                color: Some("#d55e00".into()),
                mode: Some("rail".into()),
                stops: vec![
                    DraftStop {
                        name: "Khasan".into(),
                        lat: 42.43056,
                        lon: 130.64472,
                        date: Some("2011-08-20".into()),
                        ..DraftStop::default()
                    },
                    DraftStop {
                        name: "Ussuriysk".into(),
                        lat: 43.80291,
                        lon: 131.94578,
                        note: Some("say \"hi\" \\ there".into()),
                        ..DraftStop::default()
                    },
                ],
            }],
        }
    }

    #[test]
    fn trip_file_reads_back_as_the_draft() {
        let draft = khasan();
        let file = draft.trip_file();
        let resolved = resolve(&SourceFile::new(TRIP_FILE, file.text.clone())).unwrap();
        let back = Draft::of_trips(&resolved);
        assert_eq!(back.title, draft.title);
        let stops = &back.trips[0].stops;
        assert_eq!(stops.len(), 2);
        assert_eq!((stops[0].lat, stops[0].lon), (42.43056, 130.64472));
        assert_eq!(stops[0].date.as_deref(), Some("2011-08-20"));
        assert_eq!(stops[1].note.as_deref(), Some("say \"hi\" \\ there"));
        // Each stop on a line of its own, found again by line.
        let line = file
            .text
            .lines()
            .position(|l| l.contains("Ussuriysk"))
            .unwrap()
            + 1;
        assert_eq!(file.at_line(line), (Some(0), Some(1)));
    }

    #[test]
    fn a_picked_namesake_is_named_by_its_id_and_stays_picked() {
        // Paris, Texas, between two French cities: nearness alone would pick Paris, France.
        let stop =
            |name: &str, place: Option<&str>, id: Option<i64>, lat: f64, lon: f64| DraftStop {
                name: name.into(),
                place: place.map(String::from),
                geonameid: id,
                lat,
                lon,
                ..DraftStop::default()
            };
        let draft = Draft {
            title: None,
            trips: vec![DraftTrip {
                name: "T".into(),
                stops: vec![
                    stop("Lyon", Some("Lyon"), Some(2996944), 45.74846, 4.84671),
                    stop("Paris (Texas)", Some("Paris"), Some(4717560), 0.0, 0.0),
                    stop("Lille", None, None, 50.63297, 3.05858),
                ],
                ..DraftTrip::default()
            }],
        };
        let file = draft.trip_file();
        assert!(
            file.text
                .contains(r#"{ place = "Paris", geonameid = 4717560, name = "Paris (Texas)" }"#),
            "{}",
            file.text
        );
        let resolved = resolve(&SourceFile::new(TRIP_FILE, file.text.clone())).unwrap();
        let paris = &resolved.trips[0].stops[1];
        assert_eq!(paris.label, "Paris (Texas)");
        assert_eq!(
            paris
                .place
                .as_ref()
                .map(|p| p.country.to_string())
                .as_deref(),
            Some("US")
        );
        let back = Draft::of_trips(&resolved);
        assert_eq!(back.trips[0].stops[1].geonameid, Some(4717560));
        assert_eq!(
            back.trips[0].stops[2].place, None,
            "a stop at coordinates stays so"
        );
        // An id that is none of the name's places: an error at that stop, naming the ids.
        let mut wrong = draft.clone();
        wrong.trips[0].stops[1].geonameid = Some(1);
        let file = wrong.trip_file();
        let e = resolve(&SourceFile::new(TRIP_FILE, file.text.clone())).unwrap_err();
        assert_eq!(file.at_line(e.location().unwrap().line), (Some(0), Some(1)));
        assert!(e.help().unwrap_or_default().contains("4717560"), "{e}");
    }

    #[test]
    fn a_bad_date_is_reported_on_its_stops_line() {
        let mut draft = khasan();
        draft.trips[0].stops[1].date = Some("2011-13-45".into());
        let file = draft.trip_file();
        let e = resolve(&SourceFile::new(TRIP_FILE, file.text.clone())).unwrap_err();
        let at = e.location().expect("a location");
        assert_eq!(file.at_line(at.line), (Some(0), Some(1)), "{e}");
    }

    #[test]
    fn a_line_break_in_a_note_is_refused_at_its_stop() {
        let mut draft = khasan();
        draft.trips[0].stops[1].note = Some("line one\nline two".into());
        let file = draft.trip_file();
        assert_eq!(file.text.lines().count(), file.lines.len());
        let e = resolve(&SourceFile::new(TRIP_FILE, file.text.clone())).unwrap_err();
        let at = e.location().expect("a location");
        assert_eq!(file.at_line(at.line), (Some(0), Some(1)), "{e}");
    }

    #[test]
    fn empty_and_huge_drafts_are_refused() {
        assert!(Draft::default().check().is_err());
        let mut big = khasan();
        big.trips[0].stops = vec![big.trips[0].stops[0].clone(); MAX_STOPS + 1];
        assert!(big.check().is_err());
        assert!(khasan().check().is_ok());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Words as news text and trip files hold them: several scripts, curly quotes and
        /// dashes, markup, backslashes, combining marks, astral letters, and now and then a
        /// control character.
        fn words() -> impl Strategy<Value = String> {
            proptest::collection::vec(
                "[A-Z][a-z]{0,6}|[’‘“”\"'—–\\-]|\u{a0}|[<>&;,={}#\\[\\]]|Хабаровск|平壤|서울|القاهرة|e\u{301}|𝕆|[0-9]{1,3}|[\t\n\u{7}]",
                1..6,
            )
            .prop_map(|w| w.join(" "))
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(96))]
            /// Whatever a user types as a stop's label or note, the trip file either reads back
            /// with the same text, or fails at that stop's own line.
            #[test]
            fn any_label_or_note_reads_back_or_fails_at_its_stop(
                label in words(), note in proptest::option::of(words()), title in words(),
            ) {
                let mut draft = khasan();
                draft.title = Some(title.clone());
                draft.trips[0].stops[1].name = label.clone();
                draft.trips[0].stops[1].note = note.clone();
                let file = draft.trip_file();
                prop_assert_eq!(file.text.lines().count(), file.lines.len());
                match resolve(&SourceFile::new(TRIP_FILE, file.text.clone())) {
                    Ok(resolved) => {
                        let back = Draft::of_trips(&resolved);
                        let stop = &back.trips[0].stops[1];
                        prop_assert_eq!(&stop.name, label.trim());
                        prop_assert_eq!(stop.note.as_deref(), note.as_deref().map(str::trim).filter(|n| !n.is_empty()));
                    }
                    Err(e) => {
                        let blank = label.trim().is_empty();
                        let control = |t: &str| t.chars().any(char::is_control);
                        prop_assert!(
                            blank || control(&label) || note.as_deref().is_some_and(control)
                                || control(&title),
                            "{e}"
                        );
                        if let Some(at) = e.location().filter(|_| !control(&title)) {
                            prop_assert_eq!(file.at_line(at.line), (Some(0), Some(1)), "{}", e);
                        }
                    }
                }
            }
        }
    }
}
