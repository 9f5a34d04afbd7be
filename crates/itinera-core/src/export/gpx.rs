//! GPX 1.1 (the Topografix schema, <http://www.topografix.com/GPX/1/1/gpx.xsd>), the format of
//! GPS devices and hiking apps: `metadata` (the title, when there is one), then a `rte` per trip
//! with a `rtept` per stop, then a `trk` per trip with a `trkseg` per leg part and a `trkpt` per
//! vertex of the densified geodesic, in the element order the schema requires.
//!
//! A leg that crosses ±180° gives two `trkseg`s, so no segment spans the map. Consecutive legs
//! each start a segment, so their shared stop appears at the end of one and the start of the
//! next. Dates go in `desc`, not `time`: `time` must be a full `xsd:dateTime` and trip dates
//! are as written. The schema's longitude is in [-180, 180), so 180° is written as 179.999999
//! (0.1 m west), which keeps the part that ends on the antimeridian on its own side of the map.
//! A trip of one stop has a route but no track.

use std::io::{self, Write};

use geo::Coord;

use super::text::{WRITE_EVERY, deg, drain, escape, km, push_deg, put};
use crate::error::{Error, Result};
use crate::route::{Route, is_one_part, split_antimeridian};
use crate::trip::{Date, Mode, TripKind};

/// Writes `routes` as a GPX 1.1 document, with `title` as the metadata name.
///
/// # Units
/// Coordinates in degrees WGS84 with 6 decimals; descriptions give distances in kilometres.
///
/// # Errors
/// [`Error::Write`] (path `GPX`) when the writer fails; the I/O error keeps its kind.
pub fn write_gpx(routes: &[Route], title: Option<&str>, w: &mut dyn Write) -> Result<()> {
    document(routes, title, w).map_err(|source| Error::Write {
        path: "GPX".into(),
        source,
    })
}

fn document(routes: &[Route], title: Option<&str>, out: &mut dyn Write) -> io::Result<()> {
    // Written into a buffer, handed to `out` in large pieces.
    let mut buf = Vec::with_capacity(WRITE_EVERY + 4096);
    let w = &mut buf;
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<gpx version="1.1" creator="itinera" xmlns="http://www.topografix.com/GPX/1/1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">"#
    )?;
    if let Some(t) = title {
        writeln!(w, "  <metadata>")?;
        writeln!(w, "    <name>{}</name>", escape(t))?;
        writeln!(w, "  </metadata>")?;
    }
    // gpxType is a sequence: metadata?, wpt*, rte*, trk*, so every route before any track.
    // Places (GPS waypoints) are waypoints, as they came.
    for r in routes {
        match r.kind {
            TripKind::Places => {
                for i in 0..r.stops.len() {
                    point("wpt", "  ", r, i, w)?;
                    drain(w, out)?;
                }
            }
            TripKind::Journey | TripKind::Track => {}
        }
    }
    for r in routes {
        match r.kind {
            TripKind::Places => {}
            TripKind::Journey | TripKind::Track => route(r, w, out)?,
        }
    }
    for r in routes.iter().filter(|r| !r.legs.is_empty()) {
        track(r, w, out)?;
    }
    writeln!(w, "</gpx>")?;
    out.write_all(w)
}

fn about(r: &Route) -> String {
    format!(
        "{} km; legs are straight-line geodesics (WGS84), not the roads, rails or sea lanes \
         travelled",
        km(r.metres())
    )
}

fn route(r: &Route, w: &mut Vec<u8>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "  <rte>")?;
    writeln!(w, "    <name>{}</name>", escape(&r.name))?;
    writeln!(w, "    <desc>{}</desc>", escape(&about(r)))?;
    for i in 0..r.stops.len() {
        point("rtept", "    ", r, i, w)?;
        drain(w, out)?;
    }
    writeln!(w, "  </rte>")
}

/// Stop `i` of `r` as a `wpt` or `rtept` (both GPX's `wptType`), indented by `indent`.
fn point(tag: &str, indent: &str, r: &Route, i: usize, w: &mut Vec<u8>) -> io::Result<()> {
    let s = &r.stops[i];
    put(w, &[indent, "<", tag, " "]);
    lat_lon(w, s.lat, s.lon);
    w.extend_from_slice(b">\n");
    // GPX times are date-times: a stop dated to the minute gets one; a day alone stays in the
    // description.
    if let Some(d) = s
        .date
        .filter(|d| matches!(d, Date::Time(_) | Date::Offset(..)))
    {
        writeln!(w, "{indent}  <time>{d}</time>")?;
    }
    put(w, &[indent, "  <name>", &escape(&s.label), "</name>\n"]);
    if s.date.is_some() || s.note.is_some() {
        let desc: Vec<String> = [s.date.map(|d| d.to_string()), s.note.clone()]
            .into_iter()
            .flatten()
            .collect();
        writeln!(w, "{indent}  <desc>{}</desc>", escape(&desc.join("; ")))?;
    }
    // The mode of the leg arriving here, which reads back as the stop's.
    let arrival = i.checked_sub(1).and_then(|l| r.legs.get(l)).map(|l| l.mode);
    if let Some(mode) = arrival.filter(|m| *m != Mode::Unknown) {
        put(w, &[indent, "  <type>", mode.as_str(), "</type>\n"]);
    }
    put(w, &[indent, "</", tag, ">\n"]);
    Ok(())
}

fn track(r: &Route, w: &mut Vec<u8>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "  <trk>")?;
    writeln!(w, "    <name>{}</name>", escape(&r.name))?;
    writeln!(w, "    <desc>{}</desc>", escape(&about(r)))?;
    for leg in &r.legs {
        let line = leg.line();
        if is_one_part(&line) {
            trkseg(&line, w);
        } else {
            for part in split_antimeridian(&line) {
                trkseg(&part, w);
            }
        }
        drain(w, out)?;
    }
    writeln!(w, "  </trk>")
}

fn trkseg(part: &[Coord], w: &mut Vec<u8>) {
    w.extend_from_slice(b"    <trkseg>\n");
    for c in part {
        w.extend_from_slice(b"      <trkpt ");
        lat_lon(w, c.y, c.x);
        w.extend_from_slice(b"/>\n");
    }
    w.extend_from_slice(b"    </trkseg>\n");
}

/// Appends the attributes `lat=".." lon=".."` of a point.
fn lat_lon(w: &mut Vec<u8>, lat: f64, x: f64) {
    w.extend_from_slice(b"lat=\"");
    push_deg(w, lat);
    w.extend_from_slice(b"\" lon=\"");
    push_deg(w, lon(x));
    w.push(b'"');
}

/// Longitude for `gpx:longitudeType`, which excludes 180: 180 becomes 179.999999.
fn lon(x: f64) -> f64 {
    let l = deg(x);
    if l >= 180.0 { 179.999_999 } else { l }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testdata::{BrokenPipe, bering, kim, route as trip_route, stop};

    fn gpx(routes: &[Route], title: Option<&str>) -> String {
        let mut out = Vec::new();
        write_gpx(routes, title, &mut out).expect("writing to a Vec cannot fail");
        String::from_utf8(out).expect("the writer emits UTF-8")
    }

    fn count(doc: &roxmltree::Document<'_>, name: &str) -> usize {
        doc.descendants().filter(|n| n.has_tag_name(name)).count()
    }

    mod structure {
        use super::*;

        #[test]
        fn routes_then_tracks_with_a_point_per_stop_and_vertex() {
            let routes = [kim(), bering()];
            let text = gpx(&routes, Some("Journeys"));
            let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
            let root = doc.root_element();
            assert_eq!(
                root.tag_name().namespace(),
                Some("http://www.topografix.com/GPX/1/1")
            );
            assert_eq!(root.attribute("version"), Some("1.1"));
            assert_eq!(root.attribute("creator"), Some("itinera"));
            let order: Vec<&str> = root
                .children()
                .filter(|n| n.is_element())
                .map(|n| n.tag_name().name())
                .collect();
            assert_eq!(order, ["metadata", "rte", "rte", "trk", "trk"]);
            assert_eq!(count(&doc, "rtept"), 5);
            let vertices: usize = routes
                .iter()
                .flat_map(|r| &r.legs)
                .flat_map(|l| l.parts())
                .map(|p| p.len())
                .sum();
            assert_eq!(count(&doc, "trkpt"), vertices);
            assert_eq!(count(&doc, "trkseg"), 2 + 2);
            assert!(text.contains("<desc>2204.068 km; legs are straight-line geodesics"));
            assert!(!text.contains("<time>"));
        }

        #[test]
        fn rtept_has_name_then_desc_with_date_and_note_then_arrival_mode() {
            let mut r = kim();
            r.stops[1].note = Some("met Medvedev".into());
            let text = gpx(&[r], None);
            assert!(
                text.contains(
                    "    <rtept lat=\"43.80467\" lon=\"131.95734\">\n      <name>Ussuriysk</name>\n      \
                     <desc>2011-08-21; met Medvedev</desc>\n      <type>rail</type>\n    </rtept>"
                ),
                "{text}"
            );
            // The first stop is reached by no leg.
            assert!(!text.contains("<type>rail</type>\n    </rtept>\n    <rtept lat=\"43.80467"));
        }

        #[test]
        fn no_title_no_metadata() {
            let text = gpx(&[kim()], None);
            assert!(!text.contains("<metadata>"));
            roxmltree::Document::parse(&text).expect("well-formed XML");
        }

        #[test]
        fn one_stop_trip_has_a_route_but_no_track() {
            let r = trip_route(
                "Alone",
                "#000000",
                vec![stop("Pyongyang", 39.03, 125.75, None)],
            );
            let text = gpx(&[r], None);
            let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
            assert_eq!(count(&doc, "rtept"), 1);
            assert_eq!(count(&doc, "trk"), 0);
            assert!(text.contains("<desc>0.000 km;"), "{text}");
        }
    }

    mod escaping {
        use super::*;

        #[test]
        fn markup_in_names_is_escaped_and_round_trips() {
            let mut r = kim();
            r.name = r#"Kim <& "Putin">"#.into();
            let text = gpx(&[r], Some("it's"));
            assert!(text.contains("<name>Kim &lt;&amp; &quot;Putin&quot;&gt;</name>"));
            assert!(text.contains("<name>it&apos;s</name>"));
            let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
            let name = doc
                .descendants()
                .find(|n| n.has_tag_name("rte"))
                .and_then(|r| r.first_element_child())
                .and_then(|n| n.text());
            assert_eq!(name, Some(r#"Kim <& "Putin">"#));
        }
    }

    mod antimeridian {
        use super::*;

        #[test]
        fn crossing_leg_is_two_segments_and_longitude_stays_below_180() {
            let text = gpx(&[bering()], None);
            let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
            let segs: Vec<_> = doc
                .descendants()
                .filter(|n| n.has_tag_name("trkseg"))
                .collect();
            assert_eq!(segs.len(), 2);
            let lons = |seg: roxmltree::Node<'_, '_>| -> Vec<f64> {
                seg.children()
                    .filter_map(|p| p.attribute("lon"))
                    .map(|l| l.parse().expect("a number"))
                    .collect()
            };
            let (west, east) = (lons(segs[0]), lons(segs[1]));
            assert_eq!(west.first(), Some(&177.5103));
            assert_eq!(west.last(), Some(&179.999999));
            assert_eq!(east.first(), Some(&-180.0));
            assert_eq!(east.last(), Some(&-165.40637));
            assert!(
                west.iter()
                    .chain(&east)
                    .all(|l| (-180.0..180.0).contains(l))
            );
        }
    }

    mod errors {
        use super::*;

        #[test]
        fn write_failure_keeps_the_io_error_kind() {
            let err = write_gpx(&[kim()], None, &mut BrokenPipe).expect_err("the pipe is broken");
            match err {
                Error::Write { path, source } => {
                    assert_eq!(path, "GPX");
                    assert_eq!(source.kind(), io::ErrorKind::BrokenPipe);
                }
                other => panic!("unexpected error {other:?}"),
            }
        }
    }
}
