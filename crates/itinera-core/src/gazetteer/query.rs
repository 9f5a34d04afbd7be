//! Place queries as people type them: a plain name, a name qualified by its region or country
//! ("Springfield, Illinois", "Paris, Tenn.", "Portland (Oregon)", "Cologne, Germany"), or a
//! coordinate pair ("51.85,107.9", "51.85 N 107.9 E", "51°51′N 107°54′E").
//!
//! Parsing is pure text work; [`super::Gazetteer::areas`] turns a qualifier into the areas it
//! may name, and [`super::Gazetteer::find`] looks a whole query up.

/// What a query asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Query<'a> {
    /// A point given by its coordinates, degrees WGS84.
    Point {
        /// Latitude.
        lat: f64,
        /// Longitude.
        lon: f64,
    },
    /// A name, with the regions or countries that qualify it, innermost first
    /// (`"Springfield, Sangamon County, Illinois"` gives two qualifiers).
    Name {
        /// The place name.
        name: &'a str,
        /// Region, country or abbreviation qualifiers.
        qualifiers: Vec<&'a str>,
    },
}

/// How to write coordinates, for error messages.
pub const COORDINATE_HELP: &str = "write latitude then longitude: `51.85,107.9`, `51.85 N 107.9 E`, \
     `51°51′N 107°54′E` or `N 51° 51.0′ E 107° 54.0′`";

/// Why a query that looks like coordinates is not a valid point.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct CoordinateError(pub String);

impl<'a> Query<'a> {
    /// Reads a query.
    ///
    /// # Errors
    /// [`CoordinateError`] when the text is made of numbers and hemisphere letters, as
    /// coordinates are, but is not a valid pair (latitude 91, three numbers, minutes of 75).
    pub fn parse(text: &'a str) -> Result<Query<'a>, CoordinateError> {
        let text = text.trim();
        if let Some(coordinates) = coordinates_text(text) {
            let (lat, lon) = parse_coordinates(&coordinates)?;
            return Ok(Query::Point { lat, lon });
        }
        let (head, paren) = match (text.rfind('('), text.ends_with(')')) {
            (Some(open), true) if open > 0 => (
                text[..open].trim_end(),
                Some(text[open + 1..text.len() - 1].trim()),
            ),
            _ => (text, None),
        };
        let mut parts = head.split(',').map(str::trim);
        let name = parts.next().unwrap_or_default();
        let mut qualifiers: Vec<&str> = parts.filter(|q| !q.is_empty()).collect();
        qualifiers.extend(paren.filter(|q| !q.is_empty()));
        Ok(Query::Name { name, qualifiers })
    }
}

/// The text of a trimmed query that is written as coordinates (a pair, or not a valid one):
/// as typed, or in capitals when its hemisphere letters were typed in lower case ("n 43 07 e
/// 131 53", read so when nothing else in the text is a letter). `None` for a name.
fn coordinates_text(text: &str) -> Option<std::borrow::Cow<'_, str>> {
    if looks_like_coordinates(text) {
        return Some(text.into());
    }
    let upper = text.to_ascii_uppercase();
    (upper != text && looks_like_coordinates(&upper)).then_some(upper.into())
}

/// Whether a query is written as coordinates (valid or not), which [`Query::parse`] reads as a
/// point or refuses, without reading them.
pub(crate) fn is_coordinates(text: &str) -> bool {
    coordinates_text(text.trim()).is_some()
}

/// Digits, and nothing but hemisphere letters (capitals), degree, minute and second signs, signs,
/// separators and spaces: `51.85,107.9`, `51°51′N 107°54′E`, `-33.86 151.21`.
fn looks_like_coordinates(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        && text.chars().all(|c| {
            c.is_ascii_digit()
                || c.is_whitespace()
                || matches!(
                    c,
                    '.' | ','
                        | ';'
                        | '+'
                        | '-'
                        | '−'
                        | '°'
                        | 'º'
                        | '\''
                        | '′'
                        | '’'
                        | '"'
                        | '″'
                        | '”'
                        | 'N'
                        | 'S'
                        | 'E'
                        | 'W'
                )
        })
}

/// One coordinate being read: up to three numbers (degrees, minutes, seconds), a sign and a
/// hemisphere letter.
#[derive(Default)]
struct Part {
    numbers: Vec<f64>,
    negative: bool,
    hemisphere: Option<char>,
}

impl Part {
    fn is_empty(&self) -> bool {
        self.numbers.is_empty()
    }

    fn value(&self, text: &str) -> Result<f64, CoordinateError> {
        let bad = |why: &str| CoordinateError(format!("`{text}` is not a coordinate pair: {why}"));
        let (deg, min, sec) = match self.numbers[..] {
            [d] => (d, 0.0, 0.0),
            [d, m] => (d, m, 0.0),
            [d, m, s] => (d, m, s),
            _ => return Err(bad("more than degrees, minutes and seconds")),
        };
        if self.numbers.len() > 1 && (deg.fract() != 0.0 || min >= 60.0 || sec >= 60.0) {
            return Err(bad(
                "minutes and seconds must be below 60, after whole degrees",
            ));
        }
        let mut v = deg + min / 60.0 + sec / 3600.0;
        if self.negative {
            v = -v;
        }
        if matches!(self.hemisphere, Some('S' | 'W')) {
            v = -v.abs();
        }
        Ok(v)
    }
}

/// Reads two coordinates; with hemisphere letters in either order, after the numbers or
/// before them (`N 43° 07.0' E 131° 53.0'`, as GPS units and nautical charts write them),
/// without them latitude first. With letters, numbers between them are degrees, minutes and
/// seconds even without signs (`40 42 46 N 74 00 22 W`).
fn parse_coordinates(text: &str) -> Result<(f64, f64), CoordinateError> {
    let bad = |why: &str| CoordinateError(format!("`{text}` is not a coordinate pair: {why}"));
    let lettered = text.contains(['N', 'S', 'E', 'W']);
    let prefixed = text.trim_start().starts_with(['N', 'S', 'E', 'W']);
    let mut parts: Vec<Part> = vec![Part::default()];
    let mut number = String::new();
    let flush = |number: &mut String, parts: &mut Vec<Part>| -> Result<(), CoordinateError> {
        if number.is_empty() {
            return Ok(());
        }
        let v: f64 = number
            .parse()
            .map_err(|_| bad(&format!("`{number}` is not a number")))?;
        number.clear();
        if let Some(last) = parts.last_mut() {
            last.numbers.push(v);
        }
        Ok(())
    };
    let mut unit_seen = false; // a degree/minute/second sign since the last number
    for c in text.chars() {
        match c {
            '0'..='9' | '.' => {
                // A new number after a complete bare number starts the second coordinate
                // ("51.85 107.9"), unless signs say it is minutes or seconds ("51° 51′").
                if number.is_empty() {
                    let cur = parts.last();
                    let n = cur.map_or(0, |p| p.numbers.len());
                    // Between hemisphere letters, whole degrees (and minutes) are followed by
                    // minutes (and seconds), signs or not.
                    let continues = lettered
                        && n < 3
                        && cur.is_some_and(|p| {
                            (prefixed || p.hemisphere.is_none())
                                && p.numbers.iter().all(|v| v.fract() == 0.0)
                        });
                    if n > 0 && !unit_seen && !continues {
                        parts.push(Part::default());
                    }
                }
                number.push(c);
                unit_seen = false;
            }
            '°' | 'º' | '\'' | '′' | '’' | '"' | '″' | '”' => {
                flush(&mut number, &mut parts)?;
                unit_seen = true;
            }
            '-' | '−' | '+' => {
                flush(&mut number, &mut parts)?;
                if parts.last().is_some_and(|p| !p.is_empty()) {
                    parts.push(Part::default());
                }
                if let Some(p) = parts.last_mut() {
                    p.negative = c != '+';
                }
                unit_seen = false;
            }
            'N' | 'S' | 'E' | 'W' if prefixed => {
                flush(&mut number, &mut parts)?;
                if parts.last().is_some_and(|p| !p.is_empty()) {
                    parts.push(Part::default());
                }
                let Some(p) = parts.last_mut().filter(|p| p.hemisphere.is_none()) else {
                    return Err(bad("two hemisphere letters with no number between"));
                };
                p.hemisphere = Some(c);
                unit_seen = false;
            }
            'N' | 'S' | 'E' | 'W' => {
                flush(&mut number, &mut parts)?;
                let Some(p) = parts.last_mut() else {
                    return Err(bad("a hemisphere letter with no number"));
                };
                if p.is_empty() || p.hemisphere.is_some() {
                    return Err(bad("a hemisphere letter with no number"));
                }
                p.hemisphere = Some(c);
                parts.push(Part::default());
                unit_seen = false;
            }
            ',' | ';' => {
                flush(&mut number, &mut parts)?;
                if parts.last().is_some_and(|p| !p.is_empty()) {
                    parts.push(Part::default());
                }
                unit_seen = false;
            }
            _ => {
                // Whitespace ends a number but not a coordinate: "51 51 N".
                flush(&mut number, &mut parts)?;
            }
        }
    }
    flush(&mut number, &mut parts)?;
    parts.retain(|p| !p.is_empty());
    let [a, b] = &parts[..] else {
        return Err(bad("expected two coordinates, latitude and longitude"));
    };
    let is_lat = |p: &Part| matches!(p.hemisphere, Some('N' | 'S'));
    let is_lon = |p: &Part| matches!(p.hemisphere, Some('E' | 'W'));
    let (lat, lon) = if is_lon(a) || is_lat(b) {
        (b, a)
    } else {
        (a, b)
    };
    if is_lon(lat) || is_lat(lon) {
        return Err(bad("both coordinates are in the same direction"));
    }
    let (lat, lon) = (lat.value(text)?, lon.value(text)?);
    if !(-90.0..=90.0).contains(&lat) {
        return Err(bad(&format!("latitude {lat} is outside -90..90")));
    }
    if !(-180.0..=180.0).contains(&lon) {
        return Err(bad(&format!("longitude {lon} is outside -180..180")));
    }
    Ok((lat, lon))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(text: &str) -> (f64, f64) {
        match Query::parse(text) {
            Ok(Query::Point { lat, lon }) => (lat, lon),
            other => panic!("{text}: {other:?}"),
        }
    }

    fn close(a: (f64, f64), b: (f64, f64)) -> bool {
        (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9
    }

    #[test]
    fn decimal_pairs() {
        assert!(close(point("51.85,107.9"), (51.85, 107.9)));
        assert!(close(point(" 51.85, 107.9 "), (51.85, 107.9)));
        assert!(close(point("-33.86 151.21"), (-33.86, 151.21)));
        assert!(close(point("40.7,-74"), (40.7, -74.0)));
        assert!(close(point("−33.86, −70.5"), (-33.86, -70.5)));
    }

    #[test]
    fn hemisphere_letters_before_the_numbers() {
        let near =
            |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).abs() < 1e-6 && (a.1 - b.1).abs() < 1e-6;
        assert!(near(
            point("N 43° 07.0' E 131° 53.0'"),
            (43.0 + 7.0 / 60.0, 131.0 + 53.0 / 60.0)
        ));
        assert!(near(
            point("S 34° 36' W 58° 22'"),
            (-(34.0 + 36.0 / 60.0), -(58.0 + 22.0 / 60.0))
        ));
        assert!(near(
            point("N40°42.767' W074°00.367'"),
            (40.0 + 42.767 / 60.0, -(74.0 + 0.367 / 60.0))
        ));
        assert!(near(point("E 131.9 N 43.1"), (43.1, 131.9)));
        assert!(near(
            point("40 42 46 N 74 00 22 W"),
            (40.0 + 42.0 / 60.0 + 46.0 / 3600.0, -(74.0 + 22.0 / 3600.0))
        ));
        assert!(Query::parse("N N 43 131").is_err());
        assert!(near(
            point("n 43 07 e 131 53"),
            (43.0 + 7.0 / 60.0, 131.0 + 53.0 / 60.0)
        ));
    }

    #[test]
    fn hemisphere_letters_in_either_order() {
        assert!(close(point("51.85 N 107.9 E"), (51.85, 107.9)));
        assert!(close(point("51.85N, 107.9E"), (51.85, 107.9)));
        assert!(close(point("107.9 E 51.85 N"), (51.85, 107.9)));
        assert!(close(point("33.9 S 18.4 E"), (-33.9, 18.4)));
        assert!(close(point("40.7°N 74.0°W"), (40.7, -74.0)));
    }

    #[test]
    fn degrees_minutes_seconds() {
        let (lat, lon) = point("51°51′N 107°54′E");
        assert!((lat - 51.85).abs() < 1e-9 && (lon - 107.9).abs() < 1e-9);
        let (lat, lon) = point("42°25′18″N 130°36′09″E");
        assert!((lat - 42.421_666_7).abs() < 1e-6 && (lon - 130.6025).abs() < 1e-6);
        let (lat, lon) = point("42°25'18\"N, 130°36'09\"E");
        assert!((lat - 42.421_666_7).abs() < 1e-6 && (lon - 130.6025).abs() < 1e-6);
    }

    #[test]
    fn bad_pairs_are_errors_not_names() {
        for text in [
            "91,10",
            "10,181",
            "51°75′N 107°E",
            "1,2,3",
            "51.85",
            "51 N 52 N",
            "N 51",
        ] {
            assert!(Query::parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn qualified_names() {
        assert_eq!(
            Query::parse("Springfield, Illinois"),
            Ok(Query::Name {
                name: "Springfield",
                qualifiers: vec!["Illinois"]
            })
        );
        assert_eq!(
            Query::parse("Portland (Oregon)"),
            Ok(Query::Name {
                name: "Portland",
                qualifiers: vec!["Oregon"]
            })
        );
        assert_eq!(
            Query::parse("Charleston, W.Va."),
            Ok(Query::Name {
                name: "Charleston",
                qualifiers: vec!["W.Va."]
            })
        );
        assert_eq!(
            Query::parse("Springfield, Sangamon County, Ill."),
            Ok(Query::Name {
                name: "Springfield",
                qualifiers: vec!["Sangamon County", "Ill."]
            })
        );
        assert_eq!(
            Query::parse("Ulan-Ude"),
            Ok(Query::Name {
                name: "Ulan-Ude",
                qualifiers: vec![]
            })
        );
    }

    #[test]
    fn names_with_letters_are_not_coordinates() {
        assert!(matches!(Query::parse("Sennes"), Ok(Query::Name { .. })));
        assert!(matches!(Query::parse("Route 66"), Ok(Query::Name { .. })));
    }
}
