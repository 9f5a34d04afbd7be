//! Stops too close to tell apart (Tumangang and Khasan, either side of the Tumen; Ji'an and
//! Manpo, either side of the Yalu): their markers are spread around the group's centre, each
//! tied to its true place by a leader line, and their labels follow the markers.

use super::*;

/// Markers closer than this many radii (centre to centre) overlap or touch.
const TOUCH: f64 = 2.3;
/// A group is spread only up to this size: a dense track (thousands of stops along a line) is
/// a line of markers, not a cluster to fan out.
const MAX_GROUP: usize = 6;
/// And only on maps with up to this many markers.
const MAX_MARKERS: usize = 300;

/// Moves overlapping markers apart, setting each moved marker's `leader` to its true place,
/// and returns where each true place's marker went (keyed by the true place, rounded).
pub(super) fn spread(markers: &mut [Marker]) -> HashMap<(i64, i64), Px> {
    let mut moved = HashMap::new();
    let n = markers.len();
    if n > MAX_MARKERS {
        return moved;
    }
    // Groups: the connected parts of the "touches" relation (a small union-find).
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (markers[i].at, markers[j].at);
            let reach = TOUCH * markers[i].radius.max(markers[j].radius);
            if (a.0 - b.0).hypot(a.1 - b.1) < reach {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                parent[ri] = rj;
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..n {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    groups.sort();
    for g in groups.into_iter().filter(|g| g.len() <= MAX_GROUP) {
        let k = g.len() as f64;
        let (cx, cy) = g.iter().fold((0.0, 0.0), |(x, y), &i| {
            (x + markers[i].at.0 / k, y + markers[i].at.1 / k)
        });
        let r = g.iter().map(|&i| markers[i].radius).fold(0.0, f64::max);
        // Around a circle wide enough that neighbours clear each other by half a radius.
        let ring = (1.25 * r / (std::f64::consts::PI / k).sin()).max(2.2 * r);
        // Each keeps its side of the centre: members in the order of their angles, spaced
        // evenly from the first one's.
        let angle = |i: usize| (markers[i].at.1 - cy).atan2(markers[i].at.0 - cx);
        let mut order = g.clone();
        order.sort_by(|&a, &b| angle(a).total_cmp(&angle(b)));
        let start = angle(order[0]);
        for (step, &i) in order.iter().enumerate() {
            let t = start + std::f64::consts::TAU * step as f64 / k;
            let to = (cx + ring * t.cos(), cy + ring * t.sin());
            let from = markers[i].at;
            moved.insert((from.0.round() as i64, from.1.round() as i64), to);
            markers[i].leader = Some(from);
            markers[i].at = to;
        }
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(x: f64, y: f64) -> Marker {
        Marker {
            at: (x, y),
            radius: 5.5,
            color: Color::rgb(0xd55e00),
            terminal: false,
            leader: None,
        }
    }

    #[test]
    fn touching_markers_part_and_keep_their_sides() {
        let mut m = vec![
            marker(100.0, 100.0),
            marker(101.0, 100.5),
            marker(300.0, 300.0),
        ];
        let moved = spread(&mut m);
        assert_eq!(moved.len(), 2);
        let (a, b) = (m[0].at, m[1].at);
        assert!((a.0 - b.0).hypot(a.1 - b.1) >= 2.0 * 5.5, "{a:?} {b:?}");
        // The left one stays left, and each is tied to where it was.
        assert!(a.0 < b.0);
        assert_eq!(m[0].leader, Some((100.0, 100.0)));
        assert_eq!(m[1].leader, Some((101.0, 100.5)));
        // The lone marker is untouched.
        assert_eq!(m[2].at, (300.0, 300.0));
        assert_eq!(m[2].leader, None);
    }

    #[test]
    fn a_group_of_six_clears_itself_and_a_dense_track_is_left_alone() {
        let mut m: Vec<Marker> = (0..6)
            .map(|i| marker(200.0 + f64::from(i), 200.0))
            .collect();
        spread(&mut m);
        for (i, a) in m.iter().enumerate() {
            for b in &m[i + 1..] {
                let d = (a.at.0 - b.at.0).hypot(a.at.1 - b.at.1);
                assert!(d >= 2.0 * 5.5, "{d}");
            }
        }
        // A track: a chain of touching markers, one group far bigger than a cluster.
        let mut track: Vec<Marker> = (0..50).map(|i| marker(f64::from(i) * 3.0, 0.0)).collect();
        assert!(spread(&mut track).is_empty());
        assert!(track.iter().all(|t| t.leader.is_none()));
    }
}
