//! KML 2.2 (OGC 07-147r2), the format of Google Earth: a `Document` with one `Style` per trip
//! (line and icon in the trip's colour), then one `Folder` per trip holding a `Placemark` per
//! leg and a `Placemark` per stop.
//!
//! A leg is a tessellated `LineString` along the densified geodesic, or a `MultiGeometry` of
//! one `LineString` per part where it crosses ±180° (so that flat-map viewers do not draw a
//! segment from 179° to -179° the long way round). A stop is a `Point`. Coordinates are
//! `lon,lat` (`kml:coordinates`) with 6 decimals; descriptions are plain text, escaped.
//!
//! The XML is written by hand. The text and number helpers here ([`escape`], [`push_deg`],
//! [`fixed`], [`bearing`], [`km`]) are shared with the GPX and CSV exporters.

use std::io::{self, Write};

use geo::Coord;

use super::text::{WRITE_EVERY, bearing, drain, escape, km, push_deg, put};
use crate::error::{Error, Result};
use crate::route::{Leg, Route, is_one_part, split_antimeridian};
use crate::trip::{Date, Rgb, Stop, TripKind};

/// Writes `routes` as a KML 2.2 document named `title` (default "itinera").
///
/// # Units
/// Descriptions give distances in kilometres and bearings in degrees clockwise from north.
///
/// # Errors
/// [`Error::Write`] (path `KML`) when the writer fails; the I/O error keeps its kind, so a
/// broken pipe can be told apart.
pub fn write_kml(routes: &[Route], title: Option<&str>, w: &mut dyn Write) -> Result<()> {
    document(routes, title, w).map_err(|source| Error::Write {
        path: "KML".into(),
        source,
    })
}

fn document(routes: &[Route], title: Option<&str>, out: &mut dyn Write) -> io::Result<()> {
    // Written into a buffer, handed to `out` in large pieces.
    let mut buf = Vec::with_capacity(WRITE_EVERY + 4096);
    let w = &mut buf;
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(w, r#"<kml xmlns="http://www.opengis.net/kml/2.2">"#)?;
    writeln!(w, "<Document>")?;
    writeln!(w, "  <name>{}</name>", escape(title.unwrap_or("itinera")))?;
    // Feature order of the schema: shared styles first, then the folders.
    for (i, r) in routes.iter().enumerate() {
        let color = kml_color(r.color);
        writeln!(w, r#"  <Style id="{}">"#, style_id(i))?;
        writeln!(w, "    <IconStyle><color>{color}</color></IconStyle>")?;
        writeln!(
            w,
            "    <LineStyle><color>{color}</color><width>3</width></LineStyle>"
        )?;
        writeln!(w, "  </Style>")?;
    }
    for (i, r) in routes.iter().enumerate() {
        folder(r, &style_id(i), w, out)?;
    }
    writeln!(w, "</Document>")?;
    writeln!(w, "</kml>")?;
    out.write_all(w)
}

fn folder(r: &Route, style: &str, w: &mut Vec<u8>, out: &mut dyn Write) -> io::Result<()> {
    let legs = match r.legs.len() {
        1 => "1 leg".to_string(),
        n => format!("{n} legs"),
    };
    let about = match r.kind {
        TripKind::Places => format!("{} places, no journey between them", r.stops.len()),
        TripKind::Journey | TripKind::Track => format!(
            "{} km in {legs}; legs are straight-line geodesics (WGS84), not the roads, rails or \
             sea lanes travelled",
            km(r.metres())
        ),
    };
    writeln!(w, "  <Folder>")?;
    writeln!(w, "    <name>{}</name>", escape(&r.name))?;
    writeln!(w, "    <description>{}</description>", escape(&about))?;
    for leg in &r.legs {
        leg_placemark(r, leg, style, w)?;
        drain(w, out)?;
    }
    for s in &r.stops {
        stop_placemark(s, style, r.kind, w)?;
        drain(w, out)?;
    }
    writeln!(w, "  </Folder>")
}

fn leg_placemark(r: &Route, leg: &Leg, style: &str, w: &mut Vec<u8>) -> io::Result<()> {
    let (from, to) = (&r.stops[leg.from], &r.stops[leg.to]);
    let mut about = format!(
        "{} km along the geodesic; initial bearing {}°; mode {}",
        km(leg.metres),
        bearing(leg.bearing_deg),
        leg.mode.as_str()
    );
    if from.date.is_some() || to.date.is_some() {
        let when = |d: Option<Date>| d.map_or_else(|| "?".to_string(), |d| d.to_string());
        about.push_str(&format!("; dates {} → {}", when(from.date), when(to.date)));
    }
    let name = format!("{} → {}", from.label, to.label);
    put(
        w,
        &["    <Placemark>\n      <name>", &escape(&name), "</name>\n"],
    );
    put(
        w,
        &["      <description>", &escape(&about), "</description>\n"],
    );
    // The leg's time span, for Google Earth's time slider: from the first stop's date to the
    // next one's (either end may be open).
    if from.date.is_some() || to.date.is_some() {
        writeln!(w, "      <TimeSpan>")?;
        if let Some(d) = from.date {
            writeln!(w, "        <begin>{d}</begin>")?;
        }
        if let Some(d) = to.date {
            writeln!(w, "        <end>{d}</end>")?;
        }
        writeln!(w, "      </TimeSpan>")?;
    }
    put(w, &["      <styleUrl>#", style, "</styleUrl>\n"]);
    extended_data(&[("mode", leg.mode.as_str())], w);
    let line = leg.line();
    if is_one_part(&line) {
        line_string(&line, "      ", w);
    } else {
        let parts = split_antimeridian(&line);
        if let [part] = &parts[..] {
            line_string(part, "      ", w);
        } else {
            writeln!(w, "      <MultiGeometry>")?;
            for p in &parts {
                line_string(p, "        ", w);
            }
            writeln!(w, "      </MultiGeometry>")?;
        }
    }
    w.extend_from_slice(b"    </Placemark>\n");
    Ok(())
}

fn line_string(part: &[Coord], indent: &str, w: &mut Vec<u8>) {
    put(
        w,
        &[
            indent,
            "<LineString>\n",
            indent,
            "  <tessellate>1</tessellate>\n",
        ],
    );
    put(w, &[indent, "  <coordinates>"]);
    for (i, c) in part.iter().enumerate() {
        if i > 0 {
            w.push(b' ');
        }
        push_deg(w, c.x);
        w.push(b',');
        push_deg(w, c.y);
    }
    put(w, &["</coordinates>\n", indent, "</LineString>\n"]);
}

/// A stop's Placemark of a trip of `kind`; one of a group of places (GPS waypoints) is marked
/// so in `ExtendedData` for reading back.
fn stop_placemark(s: &Stop, style: &str, kind: TripKind, w: &mut Vec<u8>) -> io::Result<()> {
    let mut about = Vec::new();
    if let Some(d) = &s.date {
        about.push(format!("date {d}"));
    }
    if let Some(n) = &s.note {
        about.push(n.clone());
    }
    about.push(match &s.place {
        Some(p) => match p.geonameid {
            Some(id) => format!("gazetteer: {p} (GeoNames {id})"),
            None => format!("gazetteer: {p}"),
        },
        None => "coordinates as given".to_string(),
    });
    put(
        w,
        &[
            "    <Placemark>\n      <name>",
            &escape(&s.label),
            "</name>\n",
        ],
    );
    let about = about.join("; ");
    put(
        w,
        &["      <description>", &escape(&about), "</description>\n"],
    );
    if let Some(d) = s.date {
        writeln!(w, "      <TimeStamp><when>{d}</when></TimeStamp>")?;
    }
    put(w, &["      <styleUrl>#", style, "</styleUrl>\n"]);
    // Always a `note` field, empty without a note: one schema for GIS tools, and a reader
    // knows the description is not a note.
    let note = ("note", s.note.as_deref().unwrap_or_default());
    match kind {
        TripKind::Places => extended_data(&[note, ("places", "true")], w),
        TripKind::Journey | TripKind::Track => extended_data(&[note], w),
    }
    w.extend_from_slice(b"      <Point><coordinates>");
    push_deg(w, s.lon);
    w.push(b',');
    push_deg(w, s.lat);
    w.extend_from_slice(b"</coordinates></Point>\n    </Placemark>\n");
    Ok(())
}

/// Fields GIS tools read as attributes (and itinera reads back): `<Data name=".."><value>`.
fn extended_data(fields: &[(&str, &str)], w: &mut Vec<u8>) {
    w.extend_from_slice(b"      <ExtendedData>\n");
    for (name, value) in fields {
        put(
            w,
            &["        <Data name=\"", name, "\"><value>", &escape(value)],
        );
        w.extend_from_slice(b"</value></Data>\n");
    }
    w.extend_from_slice(b"      </ExtendedData>\n");
}

fn style_id(trip_index: usize) -> String {
    format!("trip-{}", trip_index + 1)
}

/// KML colour (`kml:colorType`, hex `aabbggrr`) of a trip colour, opaque.
fn kml_color(c: Rgb) -> String {
    format!("ff{:02x}{:02x}{:02x}", c.b, c.g, c.r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testdata::*;
    use std::borrow::Cow;

    fn kml(routes: &[Route], title: Option<&str>) -> String {
        let mut out = Vec::new();
        write_kml(routes, title, &mut out).expect("writing to a Vec cannot fail");
        String::from_utf8(out).expect("the writer emits UTF-8")
    }

    fn parse(text: &str) -> roxmltree::Document<'_> {
        roxmltree::Document::parse(text).expect("well-formed XML")
    }

    fn elements<'a>(
        doc: &'a roxmltree::Document<'a>,
        name: &'a str,
    ) -> impl Iterator<Item = roxmltree::Node<'a, 'a>> + 'a {
        doc.descendants().filter(move |n| n.has_tag_name(name))
    }

    fn child_text<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Option<&'a str> {
        node.children()
            .find(|n| n.has_tag_name(name))
            .and_then(|n| n.text())
    }

    mod structure {
        use super::*;

        #[test]
        fn a_folder_per_trip_with_a_placemark_per_leg_then_per_stop() {
            let text = kml(&[kim(), bering()], Some("Journeys"));
            assert!(text.starts_with(r#"<?xml version="1.0" encoding="UTF-8"?>"#));
            let doc = parse(&text);
            let root = doc.root_element();
            assert_eq!(
                root.tag_name().namespace(),
                Some("http://www.opengis.net/kml/2.2")
            );
            let document = root.first_element_child().expect("a Document");
            assert_eq!(child_text(document, "name"), Some("Journeys"));
            assert_eq!(elements(&doc, "Style").count(), 2);
            let folders: Vec<_> = elements(&doc, "Folder").collect();
            assert_eq!(folders.len(), 2);
            let names: Vec<_> = folders[0]
                .children()
                .filter(|n| n.has_tag_name("Placemark"))
                .map(|p| child_text(p, "name").unwrap_or_default())
                .collect();
            assert_eq!(
                names,
                [
                    "Khasan → Ussuriysk",
                    "Ussuriysk → Ulan-Ude",
                    "Khasan",
                    "Ussuriysk",
                    "Ulan-Ude"
                ]
            );
            assert_eq!(elements(&doc, "Placemark").count(), 5 + 3);
            assert_eq!(elements(&doc, "Point").count(), 5);
            let about = child_text(folders[0], "description").unwrap_or_default();
            assert!(about.starts_with("2204.068 km in 2 legs"), "{about}");
            assert!(about.contains("straight-line geodesics"), "{about}");
        }

        #[test]
        fn default_title_is_itinera() {
            let text = kml(&[kim()], None);
            assert!(text.contains("<Document>\n  <name>itinera</name>"));
        }

        #[test]
        fn leg_describes_distance_bearing_mode_and_dates() {
            let text = kml(&[kim()], None);
            assert!(text.contains(
                "<description>186.612 km along the geodesic; initial bearing 34.3°; mode rail; \
                 dates 2011-08-20 → 2011-08-21</description>"
            ));
        }

        #[test]
        fn line_is_the_densified_geodesic_with_6_decimals() {
            let r = kim();
            let text = kml(std::slice::from_ref(&r), None);
            let doc = parse(&text);
            let first = elements(&doc, "LineString")
                .next()
                .and_then(|l| child_text(l, "coordinates"))
                .expect("a LineString with coordinates");
            let pairs: Vec<&str> = first.split(' ').collect();
            assert_eq!(pairs.len(), r.legs[0].line().len());
            assert!(pairs.len() > 2, "densified every 10 km");
            assert_eq!(pairs[0], "130.65156,42.42387");
            assert_eq!(pairs[pairs.len() - 1], "131.95734,43.80467");
            for p in pairs {
                let (lon, lat) = p.split_once(',').expect("lon,lat");
                for v in [lon, lat] {
                    let decimals = v.split_once('.').map_or(0, |(_, d)| d.len());
                    assert!(decimals <= 6, "{v}");
                }
            }
            assert!(text.contains("<tessellate>1</tessellate>"));
        }

        #[test]
        fn stop_describes_date_note_and_gazetteer_match() {
            use crate::gazetteer::{Gazetteer, LookupOptions};
            let place = Gazetteer::bundled()
                .lookup("Ussuriysk", &LookupOptions::default())
                .into_iter()
                .next()
                .expect("Ussuriysk is in the gazetteer")
                .place;
            let mut r = kim();
            r.stops[1].note = Some("met Medvedev".into());
            r.stops[1].place = Some(Box::new(place.clone()));
            let text = kml(&[r], None);
            let doc = parse(&text);
            let stop = elements(&doc, "Placemark")
                .find(|p| child_text(*p, "name") == Some("Ussuriysk"))
                .expect("the Ussuriysk placemark");
            let about = child_text(stop, "description").unwrap_or_default();
            assert!(about.starts_with("date 2011-08-21; met Medvedev; gazetteer: "));
            assert!(about.contains(place.name.as_ref()), "{about}");
            assert!(about.contains(", RU"), "{about}");
            let point = elements(&doc, "Point")
                .nth(1)
                .and_then(|p| child_text(p, "coordinates"));
            assert_eq!(point, Some("131.95734,43.80467"));
        }

        #[test]
        fn one_stop_trip_has_only_a_point() {
            let r = route(
                "Alone",
                "#000000",
                vec![stop("Pyongyang", 39.03, 125.75, None)],
            );
            let text = kml(&[r], None);
            let doc = parse(&text);
            assert_eq!(elements(&doc, "Placemark").count(), 1);
            assert_eq!(elements(&doc, "LineString").count(), 0);
            assert!(text.contains("<description>0.000 km in 0 legs"), "{text}");
        }
    }

    mod escaping {
        use super::*;

        #[test]
        fn markup_in_names_is_escaped_and_round_trips() {
            let mut r = kim();
            r.name = r#"Kim <& "Putin">"#.into();
            r.stops[0].label = "Xa'san".into();
            let text = kml(&[r], Some("a < b"));
            assert!(text.contains("<name>Kim &lt;&amp; &quot;Putin&quot;&gt;</name>"));
            assert!(text.contains("<name>Xa&apos;san → Ussuriysk</name>"));
            let doc = parse(&text);
            let folder = elements(&doc, "Folder").next().expect("a Folder");
            assert_eq!(child_text(folder, "name"), Some(r#"Kim <& "Putin">"#));
            assert_eq!(
                child_text(
                    doc.root_element().first_element_child().expect("Document"),
                    "name"
                ),
                Some("a < b")
            );
        }

        #[test]
        fn forbidden_control_characters_are_replaced() {
            assert_eq!(escape("a\u{1}b\tc\u{FFFF}"), "a\u{FFFD}b\tc\u{FFFD}");
            assert!(matches!(escape("Улан-Удэ"), Cow::Borrowed(_)));
            let mut r = kim();
            r.stops[0].note = Some("bell\u{7}".into());
            parse(&kml(&[r], None));
        }
    }

    mod colour {
        use super::*;

        #[test]
        fn rrggbb_becomes_aabbggrr() {
            assert_eq!(kml_color(Rgb::new(0xc0, 0x39, 0x2b)), "ff2b39c0");
            assert_eq!(kml_color(Rgb::new(0, 0x0a, 0xff)), "ffff0a00");
            let text = kml(&[kim()], None);
            assert!(text.contains(
                "<Style id=\"trip-1\">\n    <IconStyle><color>ff2b39c0</color></IconStyle>\n    \
                 <LineStyle><color>ff2b39c0</color><width>3</width></LineStyle>"
            ));
            assert!(text.contains("<styleUrl>#trip-1</styleUrl>"));
        }
    }

    mod antimeridian {
        use super::*;

        #[test]
        fn crossing_leg_is_a_multigeometry_of_two_lines() {
            let text = kml(&[kim(), bering()], None);
            let doc = parse(&text);
            let multi: Vec<_> = elements(&doc, "MultiGeometry").collect();
            assert_eq!(multi.len(), 1);
            let lines: Vec<_> = multi[0]
                .children()
                .filter(|n| n.has_tag_name("LineString"))
                .filter_map(|l| child_text(l, "coordinates"))
                .collect();
            assert_eq!(lines.len(), 2);
            assert!(lines[0].starts_with("177.5103,64.73424 "));
            assert!(
                lines[0]
                    .rsplit(' ')
                    .next()
                    .is_some_and(|p| p.starts_with("180,"))
            );
            assert!(lines[1].starts_with("-180,"));
            assert!(lines[1].ends_with(" -165.40637,64.5011"));
        }
    }

    mod errors {
        use super::*;

        #[test]
        fn write_failure_keeps_the_io_error_kind() {
            let err = write_kml(&[kim()], None, &mut BrokenPipe).expect_err("the pipe is broken");
            match err {
                Error::Write { path, source } => {
                    assert_eq!(path, "KML");
                    assert_eq!(source.kind(), io::ErrorKind::BrokenPipe);
                }
                other => panic!("unexpected error {other:?}"),
            }
        }
    }
}
