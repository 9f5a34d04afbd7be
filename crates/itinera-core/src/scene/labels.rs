//! Label placement: each stop label takes the first of eight positions around its marker
//! (then farther rings) that stays in the frame and overlaps no other label, marker, legend or
//! scale bar, preferring positions that cover the fewest route pixels. Greedy, most important
//! first. A label set apart from its marker (a farther ring, or nearer another stop) is tied to
//! it by a leader line. Context labels (countries, large cities) never cover a route, a marker
//! or a stop label: they move a little or are left out.

use super::clip::{Px, Rect};
use super::{Label, Palette, text};
use crate::gazetteer::{Gazetteer, PlaceKind};
use crate::route::BoundingBox;

/// A stop label to place.
#[derive(Debug, Clone)]
pub(crate) struct Wanted {
    pub text: String,
    pub anchor: Px,
    pub terminal: bool,
    pub population: u64,
}

/// Places labels against route pixels and obstacles.
pub(crate) struct Placer {
    frame: Rect,
    /// Route vertices per grid cell of [`CELL`] pixels, for counting the route under a box
    /// without scanning every vertex.
    route_cells: std::collections::HashMap<(i64, i64), usize>,
    /// The language of context labels (`--label-lang`), English without one.
    lang: Option<super::LabelLang>,
}

/// Side of the grid cells of the route index, pixels.
const CELL: f64 = 4.0;

fn cell(p: Px) -> (i64, i64) {
    ((p.0 / CELL).floor() as i64, (p.1 / CELL).floor() as i64)
}

/// Stop labels tried at most, most important first.
const MAX_STOP_LABELS: usize = 400;

/// Padding around every label box, pixels (room for the halo and backend differences).
const PAD: f64 = 2.5;

/// The rings of label positions around a stop, in multiples of the nearest ring's distance.
/// A label on any but the first gets a leader line.
const RINGS: [f64; 4] = [1.0, 2.2, 3.4, 4.8];

/// How far a context label keeps from a route line, pixels.
const ROUTE_CLEARANCE: f64 = 3.0;

impl Placer {
    pub fn new(frame: Rect, route_px: &[Px], lang: Option<super::LabelLang>) -> Placer {
        let mut route_cells = std::collections::HashMap::new();
        for p in route_px {
            *route_cells.entry(cell(*p)).or_insert(0) += 1;
        }
        Placer {
            frame,
            route_cells,
            lang,
        }
    }

    fn route_cost(&self, r: &Rect) -> usize {
        // The cells the box covers (a vertex just outside the box but in a covered cell counts:
        // a slightly pessimistic cost, which only makes labels keep a little more clear).
        let ((x0, y0), (x1, y1)) = (cell((r.x0, r.y0)), cell((r.x1, r.y1)));
        (x0..=x1)
            .flat_map(|x| (y0..=y1).map(move |y| (x, y)))
            .filter_map(|c| self.route_cells.get(&c))
            .sum()
    }

    /// The best free box of size `w` x `h` around `anchor`: eight positions at distance `d`,
    /// then farther rings (a label there gets a leader line). With `clear`, a box that covers
    /// any route pixel is no candidate. Returns the box and its ring.
    fn spot(
        &self,
        anchor: Px,
        (w, h): (f64, f64),
        d: f64,
        obstacles: &[Rect],
        clear: bool,
        others: &Anchors,
    ) -> Option<(Rect, usize)> {
        let (ax, ay) = anchor;
        let inner = self.frame.grow(-2.0);
        let rings = others.rings.max(1);
        for (ring, dist) in RINGS.iter().take(rings).map(|k| k * d).enumerate() {
            let k = dist * 0.75;
            let candidates = [
                (ax + dist, ay - h / 2.0),
                (ax - dist - w, ay - h / 2.0),
                (ax + k, ay - k - h),
                (ax + k, ay + k),
                (ax - k - w, ay - k - h),
                (ax - k - w, ay + k),
                (ax - w / 2.0, ay - dist - h),
                (ax - w / 2.0, ay + dist),
            ];
            let mut best: Option<(f64, Rect)> = None;
            for (pref, (x, y)) in candidates.into_iter().enumerate() {
                let r = Rect {
                    x0: x,
                    y0: y,
                    x1: x + w,
                    y1: y + h,
                };
                let padded = r.grow(PAD);
                if !inner.contains((padded.x0, padded.y0))
                    || !inner.contains((padded.x1, padded.y1))
                    || obstacles.iter().any(|o| o.overlaps(&padded))
                {
                    continue;
                }
                let on_route = self.route_cost(&r);
                if clear && on_route > 0 {
                    continue;
                }
                // Next to the marker, a label must be nearer its own stop than any other, or
                // it would read as the other's; a farther ring gets a leader line instead.
                if ring == 0 && !others.nearest_is(anchor, &r) {
                    continue;
                }
                let cost = on_route as f64 * 2.0 + pref as f64;
                if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                    best = Some((cost, r));
                }
            }
            if let Some((_, r)) = best {
                return Some((r, ring));
            }
        }
        None
    }

    /// Places stop labels, terminals first, then by population. Returns the labels, the leader
    /// lines of labels set apart from their markers, and the texts that found no free spot.
    pub fn place_stops(
        &self,
        wanted: &[Wanted],
        obstacles: &mut Vec<Rect>,
        size: f64,
        radius: f64,
        palette: &Palette,
    ) -> StopLabels {
        let mut order: Vec<&Wanted> = wanted.iter().collect();
        order.sort_by(|a, b| {
            b.terminal
                .cmp(&a.terminal)
                .then(b.population.cmp(&a.population))
        });
        // A map has room for a few hundred labels at most; past that, trying each one against
        // all placed ones costs quadratic time for nothing.
        let tried = order.len().min(MAX_STOP_LABELS);
        let mut out = StopLabels::default();
        for wnt in order.iter().skip(tried) {
            out.unplaced.push(wnt.text.clone());
        }
        let anchors = Anchors::new(wanted.iter().map(|w| w.anchor));
        for wnt in order.into_iter().take(tried) {
            let (sz, bold) = if wnt.terminal {
                (size * 1.1, true)
            } else {
                (size, false)
            };
            let (w, h) = (text::width(&wnt.text, sz, bold), text::height(sz));
            let Some((r, ring)) =
                self.spot(wnt.anchor, (w, h), radius + 3.0, obstacles, false, &anchors)
            else {
                out.unplaced.push(wnt.text.clone());
                continue;
            };
            obstacles.push(r.grow(PAD));
            // A label beyond the first ring, or nearer another stop than its own, is tied to
            // its marker by a leader line.
            if ring > 0 {
                out.leaders.push(leader(wnt.anchor, radius, &r));
            }
            out.labels.push(Label {
                text: wnt.text.clone(),
                at: (r.x0, r.y0),
                size: sz,
                bold,
                color: palette.text,
                halo: Some(palette.halo),
            });
        }
        out
    }

    /// Country names at their label points and the largest cities, where they fit.
    #[allow(clippy::too_many_arguments)]
    pub fn place_context(
        &self,
        g: &Gazetteer,
        to_px: &dyn Fn(f64, f64) -> Option<Px>,
        on_map: &dyn Fn(&Rect) -> bool,
        window: Option<BoundingBox>,
        world: bool,
        obstacles: &mut Vec<Rect>,
        unit: f64,
        palette: &Palette,
        dots: &mut Vec<Px>,
    ) -> Vec<Label> {
        let inside = |lon: f64, lat: f64| -> Option<Px> {
            if window.is_some_and(|w| !w.contains(lon, lat)) {
                return None;
            }
            to_px(lon, lat).filter(|p| self.frame.grow(-10.0).contains(*p))
        };
        let mut out = Vec::new();
        // Countries, largest first.
        let mut countries: Vec<_> = g.places_of_kind(PlaceKind::Country).collect();
        countries.sort_by_key(|c| std::cmp::Reverse(c.population));
        // The points of first-level regions inside the frame: where a country's own label
        // point is off the map (Russia's is in Siberia), its name goes to the middle of its
        // regions that are on it.
        let regions: Vec<(String, Px)> = if world {
            Vec::new()
        } else {
            g.places_of_kind(PlaceKind::Region)
                .filter_map(|r| inside(r.lon, r.lat).map(|p| (r.country.to_string(), p)))
                .collect()
        };
        let csize = 15.0 * unit;
        for c in countries
            .iter()
            // Territories would crowd a regional map with names of specks.
            .filter(|c| c.population > if world { 20_000_000 } else { 1_000_000 })
        {
            let Some(at) = inside(c.lon, c.lat).or_else(|| middle_of_regions(&c.country, &regions))
            else {
                continue;
            };
            let t = super::names::country_label(c, self.lang);
            let (w, h) = (text::width(&t, csize, false), text::height(csize));
            // At its point, or moved a little off a route, a marker or a label; else left out.
            let free = |r: &Rect| {
                self.frame.grow(-4.0).contains((r.x0, r.y0))
                    && self.frame.grow(-4.0).contains((r.x1, r.y1))
                    && on_map(r)
                    && !obstacles.iter().any(|o| o.overlaps(&r.grow(6.0)))
                    && self.route_cost(&r.grow(ROUTE_CLEARANCE)) == 0
            };
            let Some(r) = nudges(w, h)
                .map(|(dx, dy)| Rect {
                    x0: at.0 + dx - w / 2.0,
                    y0: at.1 + dy - h / 2.0,
                    x1: at.0 + dx + w / 2.0,
                    y1: at.1 + dy + h / 2.0,
                })
                .find(free)
            else {
                continue;
            };
            obstacles.push(r.grow(6.0));
            out.push(Label {
                text: t,
                at: (r.x0, r.y0),
                size: csize,
                bold: false,
                color: palette.muted,
                halo: Some(palette.land),
            });
        }
        // Large cities, with a dot, clear of the routes.
        let size = 13.0 * unit;
        let mut shown = 0;
        for p in g.largest_cities() {
            if shown >= 12 {
                break;
            }
            let Some(at) = inside(p.lon, p.lat) else {
                continue;
            };
            let dot = Rect {
                x0: at.0 - 3.0,
                y0: at.1 - 3.0,
                x1: at.0 + 3.0,
                y1: at.1 + 3.0,
            };
            if obstacles.iter().any(|o| o.overlaps(&dot.grow(2.0)))
                || self.route_cost(&dot.grow(ROUTE_CLEARANCE)) > 0
            {
                continue;
            }
            let name = super::names::place_label(&p, self.lang);
            let (w, h) = (text::width(&name, size, false), text::height(size));
            let found = self
                .spot(at, (w, h), 5.0, obstacles, true, &Anchors::default())
                .filter(|(r, ring)| *ring == 0 && on_map(r));
            if let Some((r, _)) = found {
                obstacles.push(r.grow(PAD));
                obstacles.push(dot.grow(2.0));
                dots.push(at);
                out.push(Label {
                    text: name,
                    at: (r.x0, r.y0),
                    size,
                    bold: false,
                    color: palette.muted,
                    halo: Some(palette.halo),
                });
                shown += 1;
            }
        }
        out
    }
}

/// Stop labels as placed.
#[derive(Debug, Default)]
pub(crate) struct StopLabels {
    /// The labels placed, most important first.
    pub labels: Vec<Label>,
    /// Leader lines, marker edge to label box, of labels set apart from their markers.
    pub leaders: Vec<[Px; 2]>,
    /// The texts that found no free spot.
    pub unplaced: Vec<String>,
}

/// Where a country name may go, as offsets from its label point, nearest first: up to two and
/// a half lines up or down and a quarter of its width aside.
fn nudges(w: f64, h: f64) -> impl Iterator<Item = (f64, f64)> {
    let mut out = vec![(0.0, 0.0)];
    for step in 1..=5 {
        let dy = f64::from(step) * 0.5 * h;
        out.extend([(0.0, -dy), (0.0, dy)]);
        out.extend([
            (-0.25 * w, -dy),
            (0.25 * w, -dy),
            (-0.25 * w, dy),
            (0.25 * w, dy),
        ]);
    }
    out.extend([(-0.25 * w, 0.0), (0.25 * w, 0.0)]);
    out.into_iter()
}

/// The stops' points, by grid cell, to tell which is nearest a label box without looking at
/// every stop.
#[derive(Default)]
pub(crate) struct Anchors {
    cells: std::collections::HashMap<(i64, i64), Vec<Px>>,
    /// How many of [`RINGS`] a label may try: all of them on a map of a few hundred stops;
    /// the first two on a dense track, where a label that far would point at a crowd.
    rings: usize,
}

/// Side of the cells of [`Anchors`], pixels.
const ANCHOR_CELL: f64 = 32.0;

impl Anchors {
    fn new(points: impl Iterator<Item = Px>) -> Anchors {
        let mut cells: std::collections::HashMap<(i64, i64), Vec<Px>> = Default::default();
        for p in points {
            let key = (
                (p.0 / ANCHOR_CELL).floor() as i64,
                (p.1 / ANCHOR_CELL).floor() as i64,
            );
            cells.entry(key).or_default().push(p);
        }
        let n: usize = cells.values().map(Vec::len).sum();
        let rings = if n <= MAX_STOP_LABELS { RINGS.len() } else { 2 };
        Anchors { cells, rings }
    }

    /// Whether, of the stops, `own` is the one nearest the box `r` (ties count as its own).
    fn nearest_is(&self, own: Px, r: &Rect) -> bool {
        let d = |p: Px| {
            let dx = (r.x0 - p.0).max(0.0).max(p.0 - r.x1);
            let dy = (r.y0 - p.1).max(0.0).max(p.1 - r.y1);
            dx.hypot(dy)
        };
        let mine = d(own);
        // Only stops within `mine` of the box can be nearer: those in the cells it reaches.
        let reach = r.grow(mine + 1.0);
        let cell = |v: f64| (v / ANCHOR_CELL).floor() as i64;
        (cell(reach.x0)..=cell(reach.x1))
            .flat_map(|x| (cell(reach.y0)..=cell(reach.y1)).map(move |y| (x, y)))
            .filter_map(|k| self.cells.get(&k))
            .flatten()
            .all(|&a| d(a) >= mine - 0.5)
    }
}

/// The leader line of a label in `r` for a marker of `radius` at `anchor`: from the marker's
/// edge to a point just short of the box.
fn leader(anchor: Px, radius: f64, r: &Rect) -> [Px; 2] {
    let to = (anchor.0.clamp(r.x0, r.x1), anchor.1.clamp(r.y0, r.y1));
    let (dx, dy) = (to.0 - anchor.0, to.1 - anchor.1);
    let len = dx.hypot(dy).max(1e-9);
    let (ux, uy) = (dx / len, dy / len);
    let start = (anchor.0 + ux * radius, anchor.1 + uy * radius);
    let gap = 1.5_f64.min(len - radius).max(0.0);
    [start, (to.0 - ux * gap, to.1 - uy * gap)]
}

/// The mean of the region points of `country`, if it has two or more on the map and the
/// region point nearest that mean is its own (so the name does not land in a neighbour).
fn middle_of_regions(country: &str, regions: &[(String, Px)]) -> Option<Px> {
    let own: Vec<Px> = regions
        .iter()
        .filter(|(cc, _)| cc == country)
        .map(|(_, p)| *p)
        .collect();
    if own.len() < 2 {
        return None;
    }
    let n = own.len() as f64;
    let mid = (
        own.iter().map(|p| p.0).sum::<f64>() / n,
        own.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let nearest = regions.iter().min_by(|a, b| {
        let d = |p: Px| (p.0 - mid.0).hypot(p.1 - mid.1);
        d(a.1).total_cmp(&d(b.1))
    })?;
    (nearest.0 == country).then_some(mid)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::Theme;

    fn frame() -> Rect {
        Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 400.0,
            y1: 300.0,
        }
    }

    fn wanted(text: &str, at: Px) -> Wanted {
        Wanted {
            text: text.into(),
            anchor: at,
            terminal: false,
            population: 0,
        }
    }

    #[test]
    fn close_stops_get_labels_that_do_not_overlap() {
        // Ussuriysk and Vladivostok, 78 km apart, are a few pixels apart on a regional map.
        let p = Placer::new(frame(), &[], None);
        let mut obstacles = vec![];
        let w = [
            wanted("Ussuriysk", (200.0, 140.0)),
            wanted("Vladivostok", (199.0, 152.0)),
        ];
        let StopLabels {
            labels, unplaced, ..
        } = p.place_stops(&w, &mut obstacles, 14.0, 5.0, &Theme::Light.palette());
        assert!(unplaced.is_empty());
        assert_eq!(labels.len(), 2);
        assert!(!labels[0].bounds().overlaps(&labels[1].bounds()));
    }

    #[test]
    fn labels_stay_in_the_frame_and_off_markers() {
        let p = Placer::new(frame(), &[], None);
        let marker = Rect {
            x0: 385.0,
            y0: 145.0,
            x1: 395.0,
            y1: 155.0,
        };
        let mut obstacles = vec![marker];
        let StopLabels { labels, .. } = p.place_stops(
            &[wanted("Eastern edge", (390.0, 150.0))],
            &mut obstacles,
            14.0,
            5.0,
            &Theme::Light.palette(),
        );
        let b = labels[0].bounds();
        assert!(b.x1 <= 400.0 && b.x0 >= 0.0, "{b:?}");
        assert!(!b.overlaps(&marker));
    }

    #[test]
    fn labels_avoid_route_lines_when_they_can() {
        // A route running east from the stop: the label goes elsewhere.
        let route: Vec<Px> = (0..60)
            .map(|i| (200.0 + f64::from(i) * 2.0, 150.0))
            .collect();
        let p = Placer::new(frame(), &route, None);
        let StopLabels { labels, .. } = p.place_stops(
            &[wanted("Khasan", (200.0, 150.0))],
            &mut vec![],
            14.0,
            5.0,
            &Theme::Light.palette(),
        );
        assert_eq!(p.route_cost(&labels[0].bounds()), 0);
    }

    #[test]
    fn a_country_label_goes_to_the_middle_of_its_regions_on_the_map() {
        let regions = vec![
            ("RU".to_string(), (100.0, 100.0)),
            ("RU".to_string(), (200.0, 120.0)),
            ("CN".to_string(), (150.0, 250.0)),
        ];
        assert_eq!(middle_of_regions("RU", &regions), Some((150.0, 110.0)));
        assert_eq!(
            middle_of_regions("CN", &regions),
            None,
            "one region is not enough"
        );
        // The middle of these two is nearer a neighbour's region: no label.
        let c_shaped = vec![
            ("XX".to_string(), (0.0, 0.0)),
            ("XX".to_string(), (200.0, 0.0)),
            ("YY".to_string(), (100.0, 5.0)),
        ];
        assert_eq!(middle_of_regions("XX", &c_shaped), None);
    }

    #[test]
    fn no_room_means_unplaced() {
        let p = Placer::new(frame(), &[], None);
        let mut obstacles = vec![frame()];
        let StopLabels {
            labels, unplaced, ..
        } = p.place_stops(
            &[wanted("Nowhere", (200.0, 150.0))],
            &mut obstacles,
            14.0,
            5.0,
            &Theme::Light.palette(),
        );
        assert!(labels.is_empty());
        assert_eq!(unplaced, ["Nowhere"]);
    }
}
