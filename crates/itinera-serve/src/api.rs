//! What each endpoint of the page answers, as plain functions of their requests: the HTTP
//! layer ([`crate::server`]) only decodes, guards and encodes. Every map and file is made
//! through the same library calls as `itinera render` and `itinera export`, from the trip file
//! of the draft, so the page's downloads are the command line's bytes.

use itinera::formats::{ExportFormat, ExportOptions, MapFormat};
use itinera::geoparse::{self, Extraction, Geoparser, Mention};
use itinera::records::{CandidateRecord, RouteRecord};
use itinera::scene::{self, MapOptions};
use itinera::{Candidate, Error, Gazetteer, InvalidKind, SourceFile, Units};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

use crate::draft::{self, Draft, TRIP_FILE, TripFile};

/// A failure the page shows: the library's error, with the trip and stop of the draft it is
/// about when it came from the draft's trip file.
#[derive(Debug)]
pub struct Failure {
    /// The error.
    pub error: Error,
    /// The draft's trip file the error is in, when it is.
    pub file: Option<TripFile>,
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure { error, file: None }
    }
}

impl Failure {
    /// The JSON the page reads (`{"error": {...}}`).
    pub fn body(&self) -> Value {
        let e = &self.error;
        let at = e.location();
        let (trip, stop) = match (&self.file, at) {
            (Some(f), Some(at)) => f.at_line(at.line),
            _ => (None, None),
        };
        // A location in the draft's own trip file means nothing to the user: the stop says
        // where; a file the user gave keeps its line and column.
        let in_draft = self.file.is_some();
        let at = at.filter(|_| !in_draft);
        serde_json::json!({ "error": {
            "message": e.to_string(),
            "help": e.help(),
            "file": at.map(|a| a.file()),
            "line": at.map(|a| a.line),
            "column": at.map(|a| a.column),
            "line_text": at.map(|a| a.line_text()),
            "trip": trip,
            "stop": stop,
        }})
    }

    /// Whether the request was at fault (400) rather than the server (500).
    pub fn is_bad_input(&self) -> bool {
        self.error.is_bad_input()
    }
}

/// The answer of one endpoint.
pub type Answer<T> = Result<T, Failure>;

/// A gazetteer place as the page shows it.
fn place_json(query: &str, c: &Candidate) -> Value {
    serde_json::to_value(CandidateRecord::new(query, c)).unwrap_or(Value::Null)
}

/// `/api/candidates`: the ranked places of a name as typed (`itinera geocode --all`).
///
/// # Errors
/// The gazetteer's: an unknown name with suggestions, a bad qualifier.
pub fn candidates(query: &str) -> Answer<Value> {
    let g = Gazetteer::bundled();
    let places: Vec<Value> = match g.geocode(query, &Default::default(), None)? {
        itinera::gazetteer::Geocoded::Places(found) => found
            .iter()
            .take(20)
            .map(|c| place_json(query, c))
            .collect(),
        itinera::gazetteer::Geocoded::Point { .. } => Vec::new(),
    };
    Ok(serde_json::json!({ "query": query, "places": places }))
}

/// `/api/search`: places whose name starts with the text, as the user types.
/// (The gazetteer's completion: the whole text's places, airport codes among them, and the
/// names that start with it.)
pub fn search(query: &str) -> Value {
    let found = Gazetteer::bundled().complete(query, 10);
    let places: Vec<Value> = found.iter().map(|c| place_json(query, c)).collect();
    serde_json::json!({ "query": query, "places": places })
}

/// A request to extract.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtractRequest {
    /// The article.
    pub text: String,
}

/// UTF-16 offsets (what JavaScript indexes strings by) of sorted byte offsets into `text`.
fn utf16_offsets(text: &str, bytes: &[usize]) -> BTreeMap<usize, usize> {
    let mut wanted: Vec<usize> = bytes.to_vec();
    wanted.sort_unstable();
    wanted.dedup();
    let mut out = BTreeMap::new();
    let mut units = 0;
    let mut next = wanted.iter().peekable();
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        while let Some(&&b) = next.peek() {
            if b > at {
                break;
            }
            out.insert(b, units);
            next.next();
        }
        units += c.len_utf16();
    }
    out
}

/// The gazetteer place a mention was resolved to, with its region and country names.
fn mention_place(m: &Mention) -> Value {
    let g = Gazetteer::bundled();
    let found = g.lookup(&m.name, &Default::default());
    let same = found.iter().find(|c| {
        (m.geonameid.is_some() && c.place.geonameid == m.geonameid)
            || ((c.place.lat - m.lat).abs() < 1e-4 && (c.place.lon - m.lon).abs() < 1e-4)
    });
    match same {
        Some(c) => place_json(&m.text, c),
        None => serde_json::json!({
            "name": m.name, "matched": m.text, "country": m.country,
            "lat": m.lat, "lon": m.lon, "geonameid": m.geonameid,
        }),
    }
}

/// `/api/extract`: the article's mentions and distance claims, and a draft of the journey it
/// narrates (the point places in the order the text first names them, as `extract --trip`
/// drafts it).
///
/// # Errors
/// Only if the draft `extract --trip` writes cannot be read back (a bug).
pub fn extract(parser: &mut Geoparser, request: &ExtractRequest) -> Answer<Value> {
    let text = request.text.as_str();
    let found: Extraction = parser.extract(text);
    let mut ends: Vec<usize> = found
        .mentions
        .iter()
        .flat_map(|m| [m.start, m.end])
        .collect();
    ends.extend(found.claims.iter().flat_map(|c| [c.start, c.end]));
    let u16 = utf16_offsets(text, &ends);
    let at = |b: usize| u16.get(&b).copied().unwrap_or(0);
    // A place looked up once per name and place, however often the text names it.
    let mut places: std::collections::HashMap<(&str, Option<i64>), Value> = Default::default();
    let mentions: Vec<Value> = found
        .mentions
        .iter()
        .map(|m| {
            let place = places
                .entry((m.name.as_str(), m.geonameid))
                .or_insert_with(|| mention_place(m))
                .clone();
            serde_json::json!({
                "start": at(m.start), "end": at(m.end), "text": m.text,
                "place": place, "confidence": m.score,
                "kind": m.kind.as_str(), "point": m.kind.is_point(), "in_name": m.in_name,
            })
        })
        .collect();
    let claims: Vec<Value> = found
        .claims
        .iter()
        .map(|c| {
            serde_json::json!({
                "start": at(c.start), "end": at(c.end), "text": c.text,
                "from": c.from, "to": c.to,
                "stated_km": c.stated_m / 1000.0, "geodesic_km": c.geodesic_m / 1000.0,
                "stated_direction": c.stated_direction, "direction_agrees": c.direction_agrees,
            })
        })
        .collect();
    let draft = article_draft(&found.mentions)?;
    Ok(serde_json::json!({ "mentions": mentions, "claims": claims, "draft": draft }))
}

/// The draft `extract --trip` writes for these mentions, read back as the page's draft, with
/// each stop's place (its id and country) and no note (the command line's notes say at which
/// byte a name was read; the page shows the text itself).
fn article_draft(mentions: &[Mention]) -> Answer<Draft> {
    let mut draft = Draft {
        title: None,
        trips: Vec::new(),
    };
    let mut drafted = geoparse::TripDraft::default();
    drafted.add(mentions);
    if drafted.is_empty() {
        return Ok(draft);
    }
    let toml = drafted.finish("Journey");
    let plan = itinera::formats::read_trips(&SourceFile::new("draft.toml", toml))?;
    let Some(trip) = plan.trips.first() else {
        return Ok(draft);
    };
    let mut stops = Vec::new();
    for s in &trip.stops {
        let (Some(lat), Some(lon)) = (s.lat, s.lon) else {
            continue;
        };
        let m = mentions.iter().find(|m| {
            Some(&m.name) == s.name.as_ref()
                && (m.lat - lat).abs() < 1e-4
                && (m.lon - lon).abs() < 1e-4
        });
        stops.push(draft::DraftStop {
            name: s.name.clone().unwrap_or_default(),
            lat,
            lon,
            place: m.filter(|m| m.geonameid.is_some()).map(|m| m.name.clone()),
            geonameid: m.and_then(|m| m.geonameid),
            country: m.map(|m| m.country.clone()).filter(|c| !c.is_empty()),
            ..Default::default()
        });
    }
    if !stops.is_empty() {
        draft.trips.push(draft::DraftTrip {
            name: "Journey".into(),
            stops,
            ..Default::default()
        });
    }
    Ok(draft)
}

/// A trip file given to the page.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TripRequest {
    /// Its file name (its extension says its format; sniffed otherwise).
    pub name: String,
    /// Its text.
    pub text: String,
}

/// The file name of a trip file the page was given, without any folder: only its extension
/// matters, and it is never opened.
fn bare_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = base.chars().filter(|c| !c.is_control()).take(100).collect();
    if clean.trim().is_empty() {
        "trip".into()
    } else {
        clean
    }
}

/// `/api/trip`: a trip file read and resolved, as the page's draft.
///
/// # Errors
/// The reader's and the resolver's, at the file's line and column.
pub fn trip(request: &TripRequest) -> Answer<Value> {
    let source = SourceFile::new(bare_name(&request.name), request.text.clone());
    let resolved = draft::resolve(&source)?;
    let draft = Draft::of_trips(&resolved);
    draft.check()?;
    let warnings: Vec<String> = resolved
        .warnings
        .iter()
        .map(|w| w.message.clone())
        .collect();
    Ok(serde_json::json!({ "draft": draft, "warnings": warnings }))
}

/// A draft with map options.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapRequest {
    /// The trips.
    pub draft: Draft,
    /// Map options by name, as text (`MapOptions::set`); empty values are not set.
    #[serde(default)]
    pub options: BTreeMap<String, String>,
    /// The file to make (downloads only).
    #[serde(default)]
    pub format: Option<String>,
}

/// The map options of a request, parsed and checked by the library's one parser.
fn map_options(options: &BTreeMap<String, String>) -> Answer<MapOptions> {
    let mut map = MapOptions::default();
    for (name, value) in options {
        if !value.trim().is_empty() {
            map.set(name, value)?;
        }
    }
    map.validate()?;
    Ok(map)
}

/// A draft's trip file, read and resolved; errors name the draft's trip and stop.
struct Made {
    file: TripFile,
    resolved: itinera::trip::Resolved,
    routes: Vec<itinera::Route>,
}

fn made(draft: &Draft) -> Answer<Made> {
    draft.check()?;
    let file = draft.trip_file();
    let source = SourceFile::new(TRIP_FILE, file.text.clone());
    match draft::resolve(&source) {
        Ok(resolved) => {
            let routes = draft::routes(&resolved);
            Ok(Made {
                file,
                resolved,
                routes,
            })
        }
        Err(error) => Err(Failure {
            error,
            file: Some(file),
        }),
    }
}

/// `/api/preview`: the map as SVG (the scene `render` draws), the distances, the trip file.
///
/// # Errors
/// Bad map options; a draft whose trip file does not read (a bad date, colour, mode).
pub fn preview(request: &MapRequest) -> Answer<Value> {
    let options = map_options(&request.options)?;
    let m = made(&request.draft)?;
    let scene = scene::build(&m.routes, m.resolved.title.as_deref(), &options)?;
    let svg = MapFormat::SVG.encode(&scene)?;
    let units: Units = options.units;
    let routes: Vec<RouteRecord> = m
        .routes
        .iter()
        .map(|r| RouteRecord::new(r, units))
        .collect();
    let mut warnings: Vec<String> = Vec::new();
    let all = m.resolved.warnings.iter().map(|w| &w.message);
    for w in all.chain(scene.warnings.iter()) {
        if !warnings.contains(w) {
            warnings.push(w.clone());
        }
    }
    Ok(serde_json::json!({
        "svg": String::from_utf8_lossy(&svg),
        "warnings": warnings,
        "trip_file": m.file.text,
        "units": units.label(),
        "routes": routes,
    }))
}

/// A file to download: its bytes, media type and name.
#[derive(Debug)]
pub struct Download {
    /// The bytes.
    pub bytes: Vec<u8>,
    /// Its media type.
    pub media_type: &'static str,
    /// Its file name.
    pub file_name: String,
}

/// The media type of each downloadable extension.
const MEDIA_TYPES: [(&str, &str); 9] = [
    ("png", "image/png"),
    ("svg", "image/svg+xml"),
    ("pdf", "application/pdf"),
    ("geojson", "application/geo+json"),
    ("kml", "application/vnd.google-earth.kml+xml"),
    ("gpx", "application/gpx+xml"),
    ("csv", "text/csv; charset=utf-8"),
    ("html", "text/html; charset=utf-8"),
    ("toml", "application/toml"),
];

/// A file name from the draft's title: its letters and digits, dashes between.
fn slug(title: Option<&str>) -> String {
    let mut out = String::new();
    for c in title.unwrap_or("").chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "trip".into()
    } else {
        out.to_string()
    }
}

/// A `Content-Disposition` for `name`: an ASCII `filename` (its other characters left out;
/// `trip` when none is left) and the name itself in `filename*` (RFC 6266, RFC 8187), which
/// browsers prefer.
pub fn disposition(name: &str) -> String {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let mut ascii: String = stem
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    ascii = ascii.trim_matches('-').to_string();
    if ascii.is_empty() {
        ascii = "trip".into();
    }
    let encoded: String = name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("attachment; filename=\"{ascii}.{ext}\"; filename*=UTF-8''{encoded}")
}

/// `/api/download`: a map, an export or the trip file, as the command line writes it for the
/// trip file and the options.
///
/// # Errors
/// An unknown format; as [`preview`].
pub fn download(request: &MapRequest) -> Answer<Download> {
    let name = request
        .format
        .as_deref()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let Some(&(ext, media_type)) = MEDIA_TYPES.iter().find(|(e, _)| *e == name) else {
        let names: Vec<&str> = MEDIA_TYPES.iter().map(|m| m.0).collect();
        return Err(Error::invalid(
            InvalidKind::Value,
            format!("no download format `{name}`"),
            Some(format!("the formats are {}", names.join(", "))),
        )
        .into());
    };
    let options = map_options(&request.options)?;
    let m = made(&request.draft)?;
    let title = m.resolved.title.as_deref();
    let bytes = if ext == "toml" {
        m.file.text.clone().into_bytes()
    } else if let Ok(map) = ext.parse::<MapFormat>() {
        map.encode(&scene::build(&m.routes, title, &options)?)?
    } else {
        let export: ExportFormat = ext.parse()?;
        let mut o = ExportOptions::titled(title);
        o.units = options.units;
        let mut bytes = Vec::new();
        export.write(&m.routes, &o, &mut bytes)?;
        bytes
    };
    let base = slug(request.draft.title.as_deref().or(options.title.as_deref()));
    Ok(Download {
        bytes,
        media_type,
        file_name: format!("{base}.{ext}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let text = "a😀Хасан b";
        let start = text.find('Х').unwrap();
        let map = utf16_offsets(text, &[0, start, text.len()]);
        assert_eq!(map[&0], 0);
        assert_eq!(map[&start], 3, "😀 is two UTF-16 units");
        assert_eq!(map[&text.len()], text.encode_utf16().count());
    }

    #[test]
    fn file_names_in_any_script_are_offered() {
        let d = disposition(&format!("{}.png", slug(Some("Визит в Москву, 2024"))));
        assert!(d.starts_with("attachment; filename=\"2024.png\""), "{d}");
        assert!(
            d.contains("filename*=UTF-8''%D0%B2%D0%B8%D0%B7%D0%B8%D1%82-"),
            "{d}"
        );
        let d = disposition("zürich-genève.pdf");
        assert!(d.contains("filename=\"zrich-genve.pdf\""), "{d}");
        assert!(axum::http::HeaderValue::from_str(&d).is_ok());
        assert_eq!(
            disposition("ж.kml"),
            "attachment; filename=\"trip.kml\"; filename*=UTF-8''%D0%B6.kml"
        );
    }

    #[test]
    fn a_search_finds_codes_and_whole_names_first() {
        let found = search("LHR");
        let first = found["places"][0]["name"].as_str().unwrap_or("");
        assert!(first.contains("Heathrow"), "{found}");
        let found = search("Khabar");
        assert_eq!(found["places"][0]["name"], "Khabarovsk", "{found}");
        assert!(search("k")["places"].as_array().unwrap().is_empty());
    }

    #[test]
    fn slugs_and_bare_names() {
        assert_eq!(
            slug(Some("Kim Jong Il in Russia, 2011")),
            "kim-jong-il-in-russia-2011"
        );
        assert_eq!(slug(Some("«»")), "trip");
        assert_eq!(bare_name("../../etc/passwd"), "passwd");
        assert_eq!(bare_name("C:\\x\\trip.gpx"), "trip.gpx");
        assert_eq!(bare_name("/"), "trip");
    }

    #[test]
    fn an_article_gives_mentions_and_a_draft_in_narrated_order() {
        let text = "The train left Khasan for Ussuriysk, then went on to Khabarovsk.";
        let out = extract(
            &mut Geoparser::new(),
            &ExtractRequest {
                text: text.to_string(),
            },
        )
        .unwrap();
        let names: Vec<&str> = out["draft"]["trips"][0]["stops"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["Khasan", "Ussuriysk", "Khabarovsk"]);
        let first = &out["mentions"][0];
        assert_eq!(first["start"], 15);
        assert_eq!(first["place"]["country"], "RU");
        assert!(first["place"]["admin1"].is_string(), "{first}");
    }

    #[test]
    fn a_bad_stop_is_named_not_located_in_the_hidden_file() {
        let request: MapRequest = serde_json::from_value(serde_json::json!({
            "draft": {"title": null, "trips": [{"name": "T", "stops": [
                {"name": "A", "lat": 42.4, "lon": 130.6},
                {"name": "B", "lat": 43.8, "lon": 131.9, "date": "2011-02-31"}]}]},
            "options": {"width": "800", "height": "500"}
        }))
        .unwrap();
        let e = preview(&request).unwrap_err();
        let body = e.body();
        assert_eq!(body["error"]["stop"], 1, "{body}");
        assert_eq!(body["error"]["trip"], 0);
        assert!(body["error"]["line"].is_null());
        assert!(e.is_bad_input());
    }

    #[test]
    fn downloads_are_the_formats_bytes() {
        let request: MapRequest = serde_json::from_value(serde_json::json!({
            "draft": {"title": "Into Russia", "trips": [{"name": "T", "stops": [
                {"name": "Khasan", "lat": 42.43056, "lon": 130.64472},
                {"name": "Ussuriysk", "lat": 43.80291, "lon": 131.94578}]}]},
            "options": {"width": "600", "height": "400", "title": ""},
            "format": "png"
        }))
        .unwrap();
        let d = download(&request).unwrap();
        assert!(d.bytes.starts_with(b"\x89PNG"));
        assert_eq!(d.file_name, "into-russia.png");
        let mut gj = request;
        gj.format = Some("GeoJSON".into());
        let d = download(&gj).unwrap();
        let v: Value = serde_json::from_slice(&d.bytes).unwrap();
        assert_eq!(v["type"], "FeatureCollection");
        gj.format = Some("exe".into());
        assert!(download(&gj).is_err());
    }
}
