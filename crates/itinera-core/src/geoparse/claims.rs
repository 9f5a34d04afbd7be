//! Distance claims: "Ussuriysk, 112 kilometers north of Vladivostok", "Khasan lies about 30 km
//! from the border town of Tumangang". Each claim between two resolved mentions is reported
//! with the stated distance and direction beside the geodesic distance and bearing, so a
//! reader sees at once whether the figure is a road distance, a typo, or a wrong place.

use serde::Serialize;

use super::{Mention, SenseKind};
use crate::route;

/// A stated distance between two mentioned places, and what the geodesic says.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DistanceClaim {
    /// Byte offset where the claim starts (the first place).
    pub start: usize,
    /// Byte offset just past the claim (the second place).
    pub end: usize,
    /// The claim as written.
    pub text: String,
    /// The place the distance is stated for.
    pub from: String,
    /// The reference place.
    pub to: String,
    /// Stated distance, metres.
    pub stated_m: f64,
    /// Stated direction from the reference place ("north"), if any.
    pub stated_direction: Option<String>,
    /// Geodesic distance between the two places, metres.
    pub geodesic_m: f64,
    /// Bearing from the reference place to the first place, degrees clockwise from north.
    pub bearing_deg: f64,
    /// Whether the stated direction is within 45° of the bearing (none if no direction).
    pub direction_agrees: Option<bool>,
}

/// Words that may stand between the first place and the figure.
const FILLERS: &[&str] = &[
    "is",
    "lies",
    "sits",
    "located",
    "situated",
    "about",
    "some",
    "around",
    "roughly",
    "nearly",
    "approximately",
    "almost",
    "just",
    "only",
    "barely",
    "more",
    "less",
    "than",
    "over",
    "under",
    "a",
    "an",
    "the",
    "which",
    "town",
    "city",
    "village",
    "port",
    "station",
    "and",
    "roughly",
    "located",
    "lying",
    "which",
    "is",
    "was",
    "stands",
    "that",
    "border",
    "of",
];

const UNITS: &[(&str, f64)] = &[
    ("km", 1000.0),
    ("kms", 1000.0),
    ("kilometers", 1000.0),
    ("kilometres", 1000.0),
    ("kilometer", 1000.0),
    ("kilometre", 1000.0),
    ("miles", 1609.344),
    ("mile", 1609.344),
    ("mi", 1609.344),
    ("m", 1.0),
    ("meters", 1.0),
    ("metres", 1.0),
];

const DIRECTIONS: &[(&str, f64)] = &[
    ("north", 0.0),
    ("northeast", 45.0),
    ("east", 90.0),
    ("southeast", 135.0),
    ("south", 180.0),
    ("southwest", 225.0),
    ("west", 270.0),
    ("northwest", 315.0),
];

/// Splits the text between two mentions into lower-case words and numbers.
fn words(between: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in between.chars() {
        if c.is_alphanumeric()
            || ((c == '.' || c == ',')
                && cur
                    .chars()
                    .all(|d| d.is_ascii_digit() || d == '.' || d == ',')
                && !cur.is_empty())
        {
            cur.extend(c.to_lowercase());
        } else {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            if c == '(' || c == ')' || c == ';' || c == '.' {
                out.push(c.to_string());
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    // "112,", "30." at the end of a number are punctuation.
    for w in &mut out {
        while w.len() > 1 && (w.ends_with(',') || w.ends_with('.')) {
            w.pop();
        }
    }
    out
}

/// Parses "[fillers] NUMBER UNIT [(...)] [DIRECTION] (of|from) [the]" and returns metres and
/// direction.
fn parse(between: &str) -> Option<(f64, Option<&'static str>)> {
    let w = words(between);
    let mut i = 0;
    while i < w.len() && FILLERS.contains(&w[i].as_str()) {
        i += 1;
    }
    let number: f64 = w.get(i)?.replace(',', "").parse().ok()?;
    i += 1;
    let mut unit = w.get(i)?.as_str();
    if unit.is_empty() {
        return None;
    }
    // "112-kilometer" arrives as one word only with the hyphen dropped; accept "112 km".
    let factor = UNITS.iter().find(|(u, _)| *u == unit).map(|(_, f)| *f)?;
    i += 1;
    if w.get(i).map(String::as_str) == Some("(") {
        while i < w.len() && w[i] != ")" {
            i += 1;
        }
        i += 1;
    }
    let mut direction = None;
    if let Some(d) = w.get(i) {
        let joined = if w.get(i + 1).is_some_and(|n| n == "east" || n == "west")
            && (d == "north" || d == "south")
        {
            i += 1;
            format!("{d}{}", w[i])
        } else {
            d.clone()
        };
        if let Some((name, _)) = DIRECTIONS.iter().find(|(n, _)| *n == joined) {
            direction = Some(*name);
            i += 1;
        }
    }
    unit = w.get(i)?.as_str();
    if unit != "of" && unit != "from" {
        return None;
    }
    i += 1;
    if w.get(i).is_some_and(|x| x == "the") {
        i += 1;
    }
    (i == w.len()).then_some((number * factor, direction))
}

/// The distance claims between consecutive mentions of `text`.
pub(crate) fn find(text: &str, mentions: &[Mention]) -> Vec<DistanceClaim> {
    let mut out = Vec::new();
    for pair in mentions.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let Some(between) = text.get(a.end..b.start) else {
            continue;
        };
        if between.len() > 120 || !between.bytes().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let Some((stated_m, direction)) = parse(between) else {
            continue;
        };
        if a.kind == SenseKind::Continent || b.kind == SenseKind::Continent {
            continue;
        }
        let from = geo::Coord { x: b.lon, y: b.lat };
        let to = geo::Coord { x: a.lon, y: a.lat };
        let geodesic_m = route::distance(from, to);
        let bearing_deg = route::bearing(from, to);
        let direction_agrees = direction.and_then(|d| {
            let want = DIRECTIONS.iter().find(|(n, _)| *n == d)?.1;
            let diff = (bearing_deg - want).rem_euclid(360.0);
            Some(diff.min(360.0 - diff) <= 45.0)
        });
        out.push(DistanceClaim {
            start: a.start,
            end: b.end,
            text: text[a.start..b.end].to_string(),
            from: a.name.clone(),
            to: b.name.clone(),
            stated_m,
            stated_direction: direction.map(str::to_string),
            geodesic_m,
            bearing_deg,
            direction_agrees,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_stated_distances() {
        assert_eq!(
            parse(", 112 kilometers north of "),
            Some((112_000.0, Some("north")))
        );
        assert_eq!(parse(" lies about 30 km from "), Some((30_000.0, None)));
        assert_eq!(
            parse(", some 1,200 miles (1,930 km) south-east of the "),
            Some((1200.0 * 1609.344, Some("southeast")))
        );
        assert_eq!(parse(" and "), None);
        assert_eq!(parse(", 112 kilometers north of the city of "), None);
    }
}
