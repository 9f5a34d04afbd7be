//! KML 2.2 (Google Earth, My Maps, GDAL and itinera write it): the Point Placemarks of a
//! Folder (or of the Document) are the stops of one trip named after it; a Placemark with a
//! LineString, a MultiGeometry of them or a `gx:Track` is a trip through its vertices.
//! `TimeStamp`/`TimeSpan` give dates, `gx:Track` a time per vertex, `ExtendedData` fields
//! `mode` and `note`, styles the colour.

use std::collections::HashMap;

use roxmltree::{Document, Node};

use super::features::{self, Feature, Shape, Vertex};

use super::xml::{self, child, child_text, children, date, document, text};
use super::{Rgb, TripPlan, invalid, loose_mode};
use crate::error::Result;
use crate::source::SourceFile;

/// Parses a KML file.
pub fn parse_kml(source: &SourceFile) -> Result<TripPlan> {
    let doc = document(source)?;
    let root = xml::root(&doc, "kml", source)?;
    let styles = styles(&doc);
    let title = child(root, "Document").and_then(|d| child_text(d, "name"));
    let group = title.clone().unwrap_or_else(|| "Placemarks".into());
    let mut features = Vec::new();
    let reader = Reader {
        source,
        styles: &styles,
    };
    reader.walk(root, (&group, "kml"), &mut features)?;
    features::assemble(features, title, source, "KML")
}

struct Reader<'s> {
    source: &'s SourceFile,
    /// Line (or icon) colour of each style id; style maps resolved to their normal style.
    styles: &'s HashMap<String, Rgb>,
}

impl Reader<'_> {
    /// The Placemarks under `node`, a Folder's (or Document's) in a group named after it and
    /// keyed by its position, so that Folders of the same name stay apart; an unnamed Folder's
    /// in the group of the Folder it is in.
    fn walk(&self, node: Node<'_, '_>, group: (&str, &str), out: &mut Vec<Feature>) -> Result<()> {
        for c in node.children().filter(Node::is_element) {
            match c.tag_name().name() {
                "Document" | "Folder" => match child_text(c, "name") {
                    Some(name) => self.walk(c, (&name, &c.range().start.to_string()), out)?,
                    // An unnamed folder is part of the one it is in.
                    None => self.walk(c, group, out)?,
                },
                "Placemark" => {
                    if let Some(f) = self.placemark(c, group)? {
                        out.push(f);
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// A Placemark with a point or a line; `None` for other geometries (polygons, models).
    fn placemark(&self, n: Node<'_, '_>, group: (&str, &str)) -> Result<Option<Feature>> {
        let Some(shape) = self.shape(n)? else {
            return Ok(None);
        };
        let data = extended_data(n);
        let when = child(n, "TimeStamp")
            .and_then(|t| child(t, "when"))
            .or_else(|| child(n, "TimeSpan").and_then(|t| child(t, "begin")));
        let color = child(n, "styleUrl")
            .and_then(text)
            .and_then(|u| self.styles.get(u.trim_start_matches('#')).copied())
            .or_else(|| child(n, "Style").and_then(style_color));
        Ok(Some(Feature {
            group: group.0.to_string(),
            key: group.1.to_string(),
            name: child_text(n, "name"),
            date: when.map(|w| date(w, self.source)).transpose()?.flatten(),
            // An empty `note` field (itinera writes one for every stop) means no note, not
            // "read the description".
            note: match data.get("note") {
                Some(n) => (!n.is_empty()).then(|| n.clone()),
                None => child_text(n, "description").map(|d| plain(&d)),
            },
            mode: data.get("mode").and_then(|m| loose_mode(m)),
            color,
            // itinera marks the stops of a group of places (`ExtendedData` `places` = `true`).
            places: data.get("places").is_some_and(|p| p == "true"),
            shape,
            at: n.range().start,
        }))
    }

    /// The Placemark's point or line.
    fn shape(&self, n: Node<'_, '_>) -> Result<Option<Shape>> {
        let mut lines: Vec<Vertex> = Vec::new();
        let mut point = None;
        let mut line = false;
        for g in n.descendants().filter(Node::is_element) {
            match g.tag_name().name() {
                "Point" if point.is_none() => {
                    point = self.coordinates(g)?.into_iter().next();
                }
                "LineString" => {
                    line = true;
                    lines.extend(self.coordinates(g)?);
                }
                "Track" => {
                    line = true;
                    lines.extend(self.track(g)?);
                }
                _ => {}
            }
        }
        Ok(if line {
            Some(Shape::Line(lines))
        } else {
            point.map(Shape::Point)
        })
    }

    /// The positions of a `<coordinates>` child: `lon,lat[,alt]` tuples apart by white space
    /// (Google Earth also writes a space after a comma).
    fn coordinates(&self, g: Node<'_, '_>) -> Result<Vec<Vertex>> {
        let Some(c) = child(g, "coordinates") else {
            return Ok(Vec::new());
        };
        let Some(t) = c.first_child().filter(Node::is_text) else {
            return Ok(Vec::new());
        };
        let raw = t.text().unwrap_or_default();
        let base = t.range().start;
        let mut out = Vec::new();
        for (at, tuple) in tuples(raw) {
            let at = base + at;
            let mut parts = tuple.split(',').map(str::trim);
            let mut number = |what: &str| -> Result<f64> {
                let p = parts.next().unwrap_or_default();
                p.parse::<f64>().map_err(|_| {
                    invalid(
                        format!("{what} must be a number, found `{tuple}`"),
                        self.source,
                        at,
                        Some("KML coordinates are lon,lat[,alt] tuples apart by spaces".into()),
                    )
                })
            };
            let lon = number("the longitude")?;
            let lat = number("the latitude")?;
            out.push(Vertex {
                lat,
                lon,
                date: None,
                at,
            });
        }
        Ok(out)
    }

    /// The positions of a `gx:Track`: `<when>` times paired in order with `<gx:coord>` positions
    /// (`lon lat alt`).
    fn track(&self, g: Node<'_, '_>) -> Result<Vec<Vertex>> {
        let mut whens = children(g, "when");
        let mut out = Vec::new();
        for c in children(g, "coord") {
            let at = c.range().start;
            let t = text(c).unwrap_or_default();
            let mut parts = t.split_whitespace().map(str::parse::<f64>);
            let (Some(Ok(lon)), Some(Ok(lat))) = (parts.next(), parts.next()) else {
                return Err(invalid(
                    format!("a gx:coord is `lon lat alt`, found `{t}`"),
                    self.source,
                    at,
                    None,
                ));
            };
            let date = match whens.next() {
                Some(w) => date(w, self.source)?,
                None => None,
            };
            out.push(Vertex { lat, lon, date, at });
        }
        Ok(out)
    }
}

/// The tuples of a coordinates text with their byte offsets: white space separates tuples
/// except next to a comma.
fn tuples(raw: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut glue = false;
    for (at, word) in words(raw) {
        match out.last_mut() {
            Some((_, last)) if glue || last.ends_with(',') || word.starts_with(',') => {
                last.push_str(word);
            }
            _ => out.push((at, word.to_string())),
        }
        glue = word.ends_with(',');
    }
    out
}

/// The white-space-separated words of `s` with their byte offsets.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_ascii_whitespace()
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

/// `ExtendedData` as name -> value: `<Data name=".."><value>` (Google Earth, itinera) and
/// `<SchemaData><SimpleData name="..">` (GDAL).
fn extended_data(n: Node<'_, '_>) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let Some(e) = child(n, "ExtendedData") else {
        return out;
    };
    for d in children(e, "Data") {
        if let Some(k) = d.attribute("name") {
            let v = child_text(d, "value").unwrap_or_default();
            out.insert(k.to_ascii_lowercase(), v);
        }
    }
    for d in children(e, "SchemaData").flat_map(|s| children(s, "SimpleData")) {
        if let Some(k) = d.attribute("name") {
            out.insert(k.to_ascii_lowercase(), text(d).unwrap_or_default());
        }
    }
    out
}

/// Colours of the document's styles by id, style maps (`normal` pair) included.
fn styles(doc: &Document<'_>) -> HashMap<String, Rgb> {
    let mut out = HashMap::new();
    for s in doc.descendants().filter(|n| n.has_tag_name("Style")) {
        if let (Some(id), Some(c)) = (s.attribute("id"), style_color(s)) {
            out.insert(id.to_string(), c);
        }
    }
    for m in doc.descendants().filter(|n| n.has_tag_name("StyleMap")) {
        let normal = children(m, "Pair")
            .find(|p| child_text(*p, "key").as_deref() == Some("normal"))
            .and_then(|p| child_text(p, "styleUrl"));
        if let (Some(id), Some(url)) = (m.attribute("id"), normal)
            && let Some(&c) = out.get(url.trim_start_matches('#'))
        {
            out.insert(id.to_string(), c);
        }
    }
    out
}

/// A style's line colour, else its icon colour: KML's `aabbggrr` (alpha left out).
fn style_color(style: Node<'_, '_>) -> Option<Rgb> {
    let color = |kind: &'static str| child(style, kind).and_then(|s| child_text(s, "color"));
    let c = color("LineStyle").or_else(|| color("IconStyle"))?;
    let c = c.trim();
    if c.len() != 8 || !c.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |at: usize| u8::from_str_radix(&c[at..at + 2], 16).ok();
    Some(Rgb::new(byte(6)?, byte(4)?, byte(2)?))
}

/// A description as plain text: HTML tags (Google Earth puts HTML in CDATA) dropped, white
/// space collapsed.
fn plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
