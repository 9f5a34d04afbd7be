//! A user gazetteer: places the user adds (`--gazetteer FILE`), consulted before the bundled
//! one. Two formats: a CSV with a header naming `name,lat,lon` and optionally `country`,
//! `population`, `alternatenames` (`;`- or `,`-separated in one field); or a GeoNames dump
//! (`allCountries.txt` style: 19 tab-separated columns, no header).

use std::borrow::Cow;
use std::collections::HashMap;

use super::{Candidate, MatchKind, Place, PlaceId, PlaceKind, fold, matched_name};
use crate::InvalidKind;
use crate::error::{Error, Result};
use crate::source::{SourceFile, csv_field_offset};

/// Places from a user file.
#[derive(Debug, Clone, Default)]
pub struct UserGazetteer {
    places: Vec<Place>,
    index: HashMap<String, Vec<(usize, MatchKind)>>,
}

/// Score of a user place: above any bundled match, so the user's own data wins.
const USER_SCORE: f64 = 100.0;

impl UserGazetteer {
    /// Parses a user gazetteer; its places own their names.
    ///
    /// # Errors
    /// [`Error::Syntax`] or [`Error::Invalid`] with `file:line:column` for a malformed row, a
    /// coordinate out of range or a missing column.
    pub fn parse(source: &SourceFile) -> Result<UserGazetteer> {
        let text = source.text.as_str();
        let first = text
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default();
        let mut g = UserGazetteer::default();
        if first.split('\t').count() >= 15 {
            g.parse_geonames(text, source)?;
        } else {
            g.parse_csv(text, source)?;
        }
        Ok(g)
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether there are no places.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Candidates for a name, best first (main-name matches, then alternates, then population).
    pub fn lookup(&self, query: &str) -> Vec<Candidate> {
        let key = fold(query);
        let mut out: Vec<Candidate> = self
            .index
            .get(&key)
            .into_iter()
            .flatten()
            .map(|&(i, how)| {
                let place = self.places[i].clone();
                let matched = matched_name(&place, &key, how);
                let score = USER_SCORE
                    + (1.0 + place.population as f64).ln()
                    + if how == MatchKind::Name { 8.0 } else { 0.0 };
                Candidate {
                    place,
                    matched,
                    how,
                    score,
                }
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score));
        out
    }

    fn add(&mut self, place: Place) {
        let i = self.places.len();
        let mut keys: Vec<(String, MatchKind)> = vec![(fold(&place.name), MatchKind::Name)];
        keys.extend(
            place
                .alternate_names()
                .map(|n| (fold(n), MatchKind::Alternate)),
        );
        for (k, how) in keys {
            if k.is_empty() {
                continue;
            }
            let list = self.index.entry(k).or_default();
            if !list.iter().any(|(j, _)| *j == i) {
                list.push((i, how));
            }
        }
        self.places.push(place);
    }

    fn parse_csv(&mut self, text: &str, source: &SourceFile) -> Result<()> {
        let mut rdr = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .flexible(false)
            .from_reader(text.as_bytes());
        let headers = rdr
            .headers()
            .map_err(|e| Error::Syntax {
                message: e.to_string(),
                location: Box::new(source.location(0)),
            })?
            .clone();
        let col = |n: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(n));
        let (Some(name_c), Some(lat_c), Some(lon_c)) = (col("name"), col("lat"), col("lon")) else {
            let separated = if headers.len() == 1 && headers.iter().any(|h| h.contains([';', '\t']))
            {
                "separate the columns with commas; "
            } else {
                ""
            };
            return Err(Error::Invalid {
                kind: InvalidKind::Value,
                message: "a user gazetteer needs the columns `name`, `lat` and `lon`".into(),
                location: Some(Box::new(source.location(0))),
                help: Some(format!(
                    "{separated}write a header such as: name,lat,lon,country (or give a GeoNames dump)"
                )),
            });
        };
        let (country_c, pop_c, alt_c) = (col("country"), col("population"), col("alternatenames"));
        let mut record = csv::StringRecord::new();
        loop {
            match rdr.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => {
                    let at = e.position().map_or(0, |p| p.byte() as usize);
                    return Err(Error::Syntax {
                        message: e.to_string(),
                        location: Box::new(source.location(at)),
                    });
                }
            }
            let at = record.position().map_or(0, |p| p.byte() as usize);
            let field = |c: Option<usize>| -> &str { c.and_then(|c| record.get(c)).unwrap_or("") };
            // An error points at its cell.
            let cell = |c: Option<usize>| c.map_or(at, |c| csv_field_offset(&source.text, at, c));
            let name = field(Some(name_c));
            if name.is_empty() {
                return Err(invalid("empty `name`", source, cell(Some(name_c))));
            }
            let lat = number(field(Some(lat_c)), "lat", source, cell(Some(lat_c)))?;
            let lon = number(field(Some(lon_c)), "lon", source, cell(Some(lon_c)))?;
            check_coords(lat, lon, source, (cell(Some(lat_c)), cell(Some(lon_c))))?;
            let population = population(field(pop_c), source, cell(pop_c))?;
            let country = country(field(country_c), source, cell(country_c))?;
            // Alternates may be separated by `;` (a comma would split the CSV field).
            let alternates = field(alt_c).replace(';', ",");
            let id = PlaceId(u32::MAX - self.places.len() as u32);
            let place = Place {
                id,
                geonameid: None,
                kind: PlaceKind::City,
                name: Cow::Owned(name.to_string()),
                lat,
                lon,
                country: Cow::Owned(country),
                admin1: Cow::Borrowed(""),
                population,
                alternates: Cow::Owned(alternates),
            };
            self.add(place);
        }
        Ok(())
    }

    fn parse_geonames(&mut self, text: &str, source: &SourceFile) -> Result<()> {
        let mut offset = 0usize;
        for line in text.split_inclusive('\n') {
            let at = offset;
            offset += line.len();
            let row = line.trim_end_matches(['\n', '\r']);
            if row.trim().is_empty() || row.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = row.split('\t').collect();
            if cols.len() < 15 {
                return Err(Error::Syntax {
                    message: format!(
                        "a GeoNames row has 19 tab-separated columns, this one {}",
                        cols.len()
                    ),
                    location: Box::new(source.location(at)),
                });
            }
            // An error points at its column.
            let column = |i: usize| at + cols[..i].iter().map(|c| c.len() + 1).sum::<usize>();
            let lat = number(cols[4], "latitude", source, column(4))?;
            let lon = number(cols[5], "longitude", source, column(5))?;
            check_coords(lat, lon, source, (column(4), column(5)))?;
            if cols[1].is_empty() {
                return Err(invalid("empty name", source, at));
            }
            let kind = match cols[6] {
                "A" if cols[7].starts_with("PCL") => PlaceKind::Country,
                "A" if cols[7] == "ADM1" => PlaceKind::Region,
                _ => PlaceKind::City,
            };
            let id = PlaceId(u32::MAX - self.places.len() as u32);
            self.add(Place {
                id,
                geonameid: cols[0].parse().ok().filter(|g: &i64| *g > 0),
                kind,
                name: Cow::Owned(cols[1].to_string()),
                lat,
                lon,
                country: Cow::Owned(cols[8].to_string()),
                admin1: Cow::Owned(cols[10].to_string()),
                population: population(cols[14], source, column(14))?,
                alternates: Cow::Owned(cols[3].to_string()),
            });
        }
        Ok(())
    }
}

/// More people than live on Earth is a mistake in the file.
const MAX_POPULATION: u64 = 10_000_000_000;

/// A population: empty is unknown (0), otherwise a whole number of people.
fn population(v: &str, source: &SourceFile, at: usize) -> Result<u64> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(0);
    }
    match v.parse::<u64>() {
        Ok(n) if n <= MAX_POPULATION => Ok(n),
        _ => Err(Error::Invalid {
            kind: InvalidKind::Value,
            message: format!("`population` must be a whole number of people, found `{v}`"),
            location: Some(Box::new(source.location(at))),
            help: Some(format!(
                "write a number from 0 to {MAX_POPULATION}, or leave it empty"
            )),
        }),
    }
}

/// A country: empty, an ISO 3166-1 alpha-2 code or an English country name, as its code.
fn country(v: &str, source: &SourceFile, at: usize) -> Result<String> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(String::new());
    }
    let g = super::Gazetteer::bundled();
    match g.country_code(v) {
        Some(code) => Ok(code.to_string()),
        None => Err(Error::Invalid {
            kind: InvalidKind::Value,
            message: format!("unknown country `{v}`"),
            location: Some(Box::new(source.location(at))),
            help: Some("use an ISO 3166-1 alpha-2 code such as RU, KP, CN".into()),
        }),
    }
}

fn number(v: &str, what: &str, source: &SourceFile, at: usize) -> Result<f64> {
    v.trim().parse::<f64>().map_err(|_| {
        invalid(
            &format!("`{what}` must be a number, found `{v}`"),
            source,
            at,
        )
    })
}

/// Checks the coordinates; `at` holds where the latitude and the longitude are written.
fn check_coords(lat: f64, lon: f64, source: &SourceFile, at: (usize, usize)) -> Result<()> {
    if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
        return Err(invalid(
            &format!("latitude `{lat}` is out of range"),
            source,
            at.0,
        ));
    }
    if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
        return Err(invalid(
            &format!("longitude `{lon}` is out of range"),
            source,
            at.1,
        ));
    }
    Ok(())
}

fn invalid(message: &str, source: &SourceFile, at: usize) -> Error {
    Error::Invalid {
        kind: InvalidKind::Value,
        message: message.to_string(),
        location: Some(Box::new(source.location(at))),
        help: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_places_are_found_by_name_and_alternate() {
        let src = SourceFile::new(
            "g.csv",
            "name,lat,lon,country,alternatenames\nSosnovy Bor garrison,51.849,107.896,RU,Sosnovy Bor;Сосновый Бор\n\"Depot, east\",42.1,130.2,RU,\n",
        );
        let g = UserGazetteer::parse(&src).unwrap();
        assert_eq!(g.len(), 2);
        let c = &g.lookup("sosnovy bor garrison")[0];
        assert_eq!(
            (c.place.name.as_ref(), c.place.country.as_ref(), c.how),
            ("Sosnovy Bor garrison", "RU", MatchKind::Name)
        );
        assert!(c.score > USER_SCORE);
        assert_eq!(g.lookup("Depot, east")[0].place.lat, 42.1);
        assert!(g.lookup("Nowhere").is_empty());
    }

    /// Regression (fuzz/seeds/user_gazetteer/regression-leak-per-parse): every parse leaked
    /// the file's text (`Box::leak`), found by LeakSanitizer under cargo fuzz. Places now own
    /// their names; parsing the input many times keeps working on owned data.
    #[test]
    fn fuzz_leak_input_parses_into_owned_places() {
        let input = include_str!("../../../../fuzz/seeds/user_gazetteer/regression-leak-per-parse");
        for _ in 0..1000 {
            let g = UserGazetteer::parse(&SourceFile::new("g.csv", input)).unwrap();
            assert!(matches!(g.places[0].name, Cow::Owned(_)));
        }
    }

    #[test]
    fn geonames_rows() {
        let row = "2022586\tKhasan\tKhasan\tKhasan,Хасан\t42.42387\t130.65156\tP\tPPL\tRU\t\t59\t\t\t\t776\t\t10\tAsia/Vladivostok\t2013-02-08\n";
        let g = UserGazetteer::parse(&SourceFile::new("g.txt", row)).unwrap();
        let c = &g.lookup("Хасан")[0];
        assert_eq!(
            (c.place.geonameid, c.place.population, c.how),
            (Some(2022586), 776, MatchKind::Alternate)
        );
    }

    #[test]
    fn bad_rows_name_the_line() {
        let cases = [
            (
                "name,lat,lon\nA,95,10\n",
                "latitude `95` is out of range",
                2,
            ),
            (
                "name,lat,lon\nA,1,north\n",
                "`lon` must be a number, found `north`",
                2,
            ),
            ("name,lat,lon\nA,1,2\nB,3\n", "", 3),
            ("name,lon\nA,1\n", "needs the columns", 1),
            (
                "1\tX\tX\t\t1\t2\tP\tPPL\tRU\t\t\t\t\t\t0\t\t\t\t\n2\tY\n",
                "",
                2,
            ),
        ];
        for (text, message, line) in cases {
            let e = UserGazetteer::parse(&SourceFile::new("g", text)).unwrap_err();
            assert!(e.to_string().contains(message), "{text:?}: {e}");
            assert_eq!(e.location().map(|l| l.line), Some(line), "{text:?}: {e}");
            assert!(e.is_bad_input());
        }
    }
}
