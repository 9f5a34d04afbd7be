//! A TopoJSON decoder ([specification 1.0]): shared arcs, quantized and delta-encoded, and the
//! geometry objects that reference them, decoded to `geo` types in the topology's coordinates.
//!
//! Only what the basemap needs: polygons, lines, and the mesh of shared arcs that
//! topojson-client's `mesh` computes. Points decode as nothing. Longitude wrapping is left to
//! the caller.
//!
//! [specification 1.0]: https://github.com/topojson/topojson-specification

use std::collections::HashMap;

use geo::{Coord, LineString, Polygon};
use serde::Deserialize;

/// A parsed topology. Arcs stay as stored; a geometry decodes the arcs it references.
#[derive(Debug, Deserialize)]
pub(crate) struct Topology {
    /// Present when the topology is quantized; arc positions are then deltas.
    #[serde(default)]
    transform: Option<Transform>,
    objects: HashMap<String, Geometry>,
    arcs: Vec<Vec<[f64; 2]>>,
}

/// Quantization: position = translate + scale × (running sum of the arc's deltas).
#[derive(Debug, Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

/// A geometry object reduced to the arcs it references. An arc index `i < 0` stands for arc
/// `!i` (= -i - 1) traversed backwards.
#[derive(Debug, Deserialize)]
#[serde(try_from = "RawGeometry")]
enum Geometry {
    /// A Polygon (one) or MultiPolygon (several): rings of arc indices, exterior first.
    Polygons(Vec<Vec<Vec<i64>>>),
    /// A LineString (one) or MultiLineString (several): arc indices per line.
    Lines(Vec<Vec<i64>>),
    /// A GeometryCollection.
    Collection(Vec<Geometry>),
    /// A geometry whose type is null, or a Point or MultiPoint (no arcs).
    Empty,
}

/// A geometry object as written: its type says how deeply `arcs` nests.
#[derive(Deserialize)]
struct RawGeometry {
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    arcs: serde_json::Value,
    #[serde(default)]
    geometries: Vec<Geometry>,
}

impl TryFrom<RawGeometry> for Geometry {
    type Error = String;

    fn try_from(raw: RawGeometry) -> Result<Geometry, String> {
        fn nested<T: serde::de::DeserializeOwned>(
            kind: &str,
            arcs: serde_json::Value,
        ) -> Result<T, String> {
            serde_json::from_value(arcs).map_err(|e| format!("`arcs` of a {kind}: {e}"))
        }
        let Some(kind) = raw.kind else {
            return Ok(Geometry::Empty);
        };
        let no_arcs = raw.arcs.is_null() || raw.arcs.as_array().is_some_and(Vec::is_empty);
        Ok(match kind.as_str() {
            "GeometryCollection" => Geometry::Collection(raw.geometries),
            "Point" | "MultiPoint" => Geometry::Empty,
            "Polygon" | "MultiPolygon" | "LineString" | "MultiLineString" if no_arcs => {
                Geometry::Empty
            }
            "Polygon" => Geometry::Polygons(vec![nested(&kind, raw.arcs)?]),
            "MultiPolygon" => Geometry::Polygons(nested(&kind, raw.arcs)?),
            "LineString" => Geometry::Lines(vec![nested(&kind, raw.arcs)?]),
            "MultiLineString" => Geometry::Lines(nested(&kind, raw.arcs)?),
            other => return Err(format!("unknown geometry type `{other}`")),
        })
    }
}

impl Geometry {
    /// Calls `f` for each leaf geometry (not a collection), depth first.
    fn for_each_leaf<'a>(&'a self, f: &mut impl FnMut(&'a Geometry)) {
        match self {
            Geometry::Collection(children) => {
                for child in children {
                    child.for_each_leaf(f);
                }
            }
            leaf => f(leaf),
        }
    }

    /// Every arc index the geometry references, in order.
    fn arc_refs(&self) -> Vec<i64> {
        match self {
            Geometry::Polygons(polygons) => polygons.iter().flatten().flatten().copied().collect(),
            Geometry::Lines(lines) => lines.iter().flatten().copied().collect(),
            Geometry::Collection(_) | Geometry::Empty => Vec::new(),
        }
    }
}

impl Topology {
    /// Parses a topology from its JSON text.
    pub(crate) fn parse(json: &str) -> serde_json::Result<Topology> {
        serde_json::from_str(json)
    }

    /// The positions of arc `index`, reversed if `index` is negative.
    ///
    /// # Panics
    /// If the arc does not exist (the topology references an arc it lacks).
    pub(crate) fn arc(&self, index: i64) -> Vec<Coord> {
        let (i, reversed) = if index < 0 {
            (!index, true)
        } else {
            (index, false)
        };
        let stored = &self.arcs[usize::try_from(i).expect("arc index fits usize")];
        let mut coords: Vec<Coord> = match &self.transform {
            Some(t) => {
                let (mut x, mut y) = (0.0, 0.0);
                stored
                    .iter()
                    .map(|[dx, dy]| {
                        x += dx;
                        y += dy;
                        Coord {
                            x: t.translate[0] + t.scale[0] * x,
                            y: t.translate[1] + t.scale[1] * y,
                        }
                    })
                    .collect()
            }
            None => stored.iter().map(|&[x, y]| Coord { x, y }).collect(),
        };
        if reversed {
            coords.reverse();
        }
        coords
    }

    /// The line through the given arcs in order; each arc after the first starts where the
    /// previous one ended, so its first position is dropped.
    fn chain(&self, arcs: &[i64]) -> Vec<Coord> {
        let mut coords = Vec::new();
        for &index in arcs {
            let arc = self.arc(index);
            let skip = usize::from(!coords.is_empty());
            coords.extend(arc.into_iter().skip(skip));
        }
        coords
    }

    /// Every polygon in object `name` (Polygons and MultiPolygons, inside collections too);
    /// lines are left out. `None` if the topology has no such object.
    pub(crate) fn polygons(&self, name: &str) -> Option<Vec<Polygon>> {
        let mut out = Vec::new();
        self.objects.get(name)?.for_each_leaf(&mut |leaf| {
            if let Geometry::Polygons(polygons) = leaf {
                out.extend(polygons.iter().filter_map(|rings| {
                    let mut rings = rings.iter().map(|ring| LineString::new(self.chain(ring)));
                    let exterior = rings.next()?;
                    Some(Polygon::new(exterior, rings.collect()))
                }));
            }
        });
        Some(out)
    }

    /// Every line in object `name` (LineStrings and MultiLineStrings, inside collections too);
    /// polygons are left out. `None` if the topology has no such object.
    pub(crate) fn lines(&self, name: &str) -> Option<Vec<LineString>> {
        let mut out = Vec::new();
        self.objects.get(name)?.for_each_leaf(&mut |leaf| {
            if let Geometry::Lines(lines) = leaf {
                out.extend(lines.iter().map(|arcs| LineString::new(self.chain(arcs))));
            }
        });
        Some(out)
    }

    /// The arcs of object `name` for which `filter(a, b)` holds, joined into lines, as
    /// topojson-client's `mesh(topology, object, filter)`: `a` and `b` are the first and last
    /// leaf geometries (numbered depth first from 0) that reference the arc, equal when only
    /// one does. `|a, b| a != b` gives the boundaries shared by two features (land borders
    /// between countries). `None` if the topology has no such object.
    pub(crate) fn mesh(
        &self,
        name: &str,
        filter: impl Fn(usize, usize) -> bool,
    ) -> Option<Vec<LineString>> {
        // For each arc, the first and last leaf referencing it.
        let mut users: HashMap<i64, (usize, usize)> = HashMap::new();
        let mut leaf_id = 0;
        self.objects.get(name)?.for_each_leaf(&mut |leaf| {
            for index in leaf.arc_refs() {
                let arc = if index < 0 { !index } else { index };
                users
                    .entry(arc)
                    .and_modify(|(_, last)| *last = leaf_id)
                    .or_insert((leaf_id, leaf_id));
            }
            leaf_id += 1;
        });
        let mut arcs: Vec<i64> = users
            .into_iter()
            .filter(|&(_, (a, b))| filter(a, b))
            .map(|(arc, _)| arc)
            .collect();
        arcs.sort_unstable();
        Some(stitch(arcs.into_iter().map(|arc| self.arc(arc)).collect()))
    }
}

/// Joins lines that meet end to end where exactly two line ends meet, so a border runs
/// unbroken from junction to junction (or around a loop). Lines keep their vertices.
fn stitch(parts: Vec<Vec<Coord>>) -> Vec<LineString> {
    let key = |c: &Coord| (c.x.to_bits(), c.y.to_bits());
    let ends = |part: &Vec<Coord>| (part.first().map(key), part.last().map(key));
    let mut at: HashMap<(u64, u64), Vec<usize>> = HashMap::new();
    for (i, part) in parts.iter().enumerate() {
        if let (Some(first), Some(last)) = ends(part) {
            at.entry(first).or_default().push(i);
            at.entry(last).or_default().push(i);
        }
    }
    let through = |k: &(u64, u64)| at.get(k).is_some_and(|ids| ids.len() == 2);
    // Start from parts with an end that is not a pass-through point, so open chains are walked
    // from one end; what remains afterwards are closed loops.
    let (mut order, loops): (Vec<usize>, Vec<usize>) = (0..parts.len()).partition(|&i| {
        let (first, last) = ends(&parts[i]);
        !(first.is_some_and(|k| through(&k)) && last.is_some_and(|k| through(&k)))
    });
    order.extend(loops);
    let mut used = vec![false; parts.len()];
    let mut out = Vec::new();
    for start in order {
        if used[start] || parts[start].is_empty() {
            continue;
        }
        used[start] = true;
        let mut line = parts[start].clone();
        if line.first().is_some_and(|c| through(&key(c)))
            && line.last().is_some_and(|c| !through(&key(c)))
        {
            line.reverse();
        }
        while let Some(end) = line.last().map(key) {
            let next = at
                .get(&end)
                .filter(|ids| ids.len() == 2)
                .and_then(|ids| ids.iter().copied().find(|&j| !used[j]));
            let Some(next) = next else { break };
            used[next] = true;
            let mut part = parts[next].clone();
            if part.first().map(key) != Some(end) {
                part.reverse();
            }
            line.extend(part.into_iter().skip(1));
        }
        out.push(LineString::new(line));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(x: f64, y: f64) -> Coord {
        Coord { x, y }
    }

    /// Two unit squares side by side, quantized (scale 0.5, translate (10, 20)):
    /// arc 0 is the shared edge (1,0)->(1,1); arc 1 the rest of the west square, arc 2 the
    /// rest of the east one, which uses arc 0 backwards. Also a null geometry, an empty
    /// polygon, a point, and lines over the same arcs.
    const SQUARES: &str = r#"{
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
        "arcs": [
            [[1, 0], [0, 1]],
            [[1, 1], [-1, 0], [0, -1], [1, 0]],
            [[1, 0], [1, 0], [0, 1], [-1, 0]]
        ],
        "objects": {
            "squares": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]], "id": "W", "properties": {"name": "west"}},
                {"type": "MultiPolygon", "arcs": [[[2, -1]]], "id": "E"},
                {"type": null},
                {"type": "Polygon", "arcs": []},
                {"type": "Point", "coordinates": [0, 0]}
            ]},
            "lines": {"type": "GeometryCollection", "geometries": [
                {"type": "LineString", "arcs": [-2]},
                {"type": "MultiLineString", "arcs": [[0], [1, 0]]}
            ]}
        }
    }"#;

    fn squares() -> Topology {
        Topology::parse(SQUARES).unwrap()
    }

    mod arcs {
        use super::*;

        #[test]
        fn are_delta_decoded_through_the_transform() {
            assert_eq!(squares().arc(0), vec![c(10.5, 20.0), c(10.5, 20.5)]);
        }

        #[test]
        fn a_negative_index_is_the_ones_complement_reversed() {
            assert_eq!(squares().arc(-1), vec![c(10.5, 20.5), c(10.5, 20.0)]);
            let mut rest = squares().arc(1);
            rest.reverse();
            assert_eq!(squares().arc(-2), rest);
        }

        #[test]
        fn without_a_transform_positions_are_absolute() {
            let t = Topology::parse(
                r#"{"type": "Topology", "arcs": [[[1.5, 2.5], [3.0, 4.0]]],
                    "objects": {"l": {"type": "LineString", "arcs": [0]}}}"#,
            )
            .unwrap();
            assert_eq!(t.arc(0), vec![c(1.5, 2.5), c(3.0, 4.0)]);
        }
    }

    mod polygons {
        use super::*;

        #[test]
        fn rings_join_arcs_without_repeating_shared_vertices() {
            let polygons = squares().polygons("squares").unwrap();
            assert_eq!(
                polygons.len(),
                2,
                "null, empty and point geometries add nothing"
            );
            let west = [
                (10.5, 20.0),
                (10.5, 20.5),
                (10.0, 20.5),
                (10.0, 20.0),
                (10.5, 20.0),
            ];
            assert_eq!(polygons[0].exterior(), &LineString::from(west.to_vec()));
            // Arc 2, then arc 0 backwards without its first vertex (where arc 2 ended).
            let east = [
                (10.5, 20.0),
                (11.0, 20.0),
                (11.0, 20.5),
                (10.5, 20.5),
                (10.5, 20.0),
            ];
            assert_eq!(polygons[1].exterior(), &LineString::from(east.to_vec()));
            assert!(polygons.iter().all(|p| p.interiors().is_empty()));
        }

        #[test]
        fn lines_are_not_polygons() {
            assert!(squares().polygons("lines").unwrap().is_empty());
        }

        #[test]
        fn a_missing_object_is_none() {
            assert!(squares().polygons("lakes").is_none());
            assert!(squares().lines("lakes").is_none());
            assert!(squares().mesh("lakes", |_, _| true).is_none());
        }
    }

    mod lines {
        use super::*;

        #[test]
        fn line_strings_and_multi_line_strings() {
            let lines = squares().lines("lines").unwrap();
            let backwards = [(10.5, 20.0), (10.0, 20.0), (10.0, 20.5), (10.5, 20.5)];
            let shared = [(10.5, 20.0), (10.5, 20.5)];
            let around = [
                (10.5, 20.5),
                (10.0, 20.5),
                (10.0, 20.0),
                (10.5, 20.0),
                (10.5, 20.5),
            ];
            assert_eq!(
                lines,
                vec![
                    LineString::from(backwards.to_vec()),
                    LineString::from(shared.to_vec()),
                    LineString::from(around.to_vec()),
                ]
            );
        }

        #[test]
        fn polygons_are_not_lines() {
            assert!(squares().lines("squares").unwrap().is_empty());
        }
    }

    mod mesh {
        use super::*;

        #[test]
        fn between_different_features_is_exactly_the_shared_arc() {
            let border = squares().mesh("squares", |a, b| a != b).unwrap();
            assert_eq!(
                border,
                vec![LineString::from(vec![(10.5, 20.0), (10.5, 20.5)])]
            );
        }

        #[test]
        fn of_one_feature_only_is_the_outline_stitched_into_a_loop() {
            // Arcs 1 and 2, each used by one square, meet end to end at both ends.
            let coast = squares().mesh("squares", |a, b| a == b).unwrap();
            let outline = [
                (10.5, 20.5),
                (10.0, 20.5),
                (10.0, 20.0),
                (10.5, 20.0),
                (11.0, 20.0),
                (11.0, 20.5),
                (10.5, 20.5),
            ];
            assert_eq!(coast, vec![LineString::from(outline.to_vec())]);
        }

        #[test]
        fn arcs_meeting_end_to_end_are_stitched_into_one_line() {
            // In `lines`, arcs 0 and 1 form a loop; both ends meet just one other arc.
            let all = squares().mesh("lines", |_, _| true).unwrap();
            assert_eq!(all.len(), 1);
            assert_eq!(all[0].0.len(), 5);
            assert!(all[0].is_closed());
        }

        #[test]
        fn three_arcs_meeting_at_a_point_stay_apart() {
            let all = squares().mesh("squares", |_, _| true).unwrap();
            assert_eq!(all.len(), 3);
        }
    }

    mod errors {
        use super::*;

        #[test]
        fn an_unknown_geometry_type_is_an_error() {
            let err = Topology::parse(
                r#"{"type": "Topology", "arcs": [],
                    "objects": {"x": {"type": "Circle", "arcs": [0]}}}"#,
            )
            .unwrap_err();
            assert!(
                err.to_string().contains("unknown geometry type `Circle`"),
                "{err}"
            );
        }

        #[test]
        fn arcs_nested_wrongly_for_the_type_are_an_error() {
            let err = Topology::parse(
                r#"{"type": "Topology", "arcs": [[[0, 0], [1, 1]]],
                    "objects": {"x": {"type": "Polygon", "arcs": [0]}}}"#,
            )
            .unwrap_err();
            assert!(err.to_string().contains("`arcs` of a Polygon"), "{err}");
        }
    }
}
