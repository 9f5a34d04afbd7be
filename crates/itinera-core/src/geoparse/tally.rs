//! The places a corpus mentions, counted: how often each is mentioned and in how many
//! documents, the summary a map of mentions is drawn from (`extract --places`, then
//! `render --size-by mentions`).

use std::collections::HashMap;
use std::io::Write;

use serde::Serialize;

use super::Mention;
use crate::error::{Error, Result};

/// One place of a [`PlaceTally`]: a row of its CSV.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceCount {
    /// The gazetteer's name of the place.
    pub place: String,
    /// GeoNames id; empty for curated places without one.
    pub geonameid: Option<i64>,
    /// Latitude, degrees (six decimals).
    pub lat: f64,
    /// Longitude, degrees (six decimals).
    pub lon: f64,
    /// ISO 3166-1 alpha-2 country code; empty for seas, continents and other features.
    pub country: String,
    /// How many times the texts mention it.
    pub mentions: u64,
    /// How many documents mention it at least once.
    pub documents: u64,
    /// The serial number of the last document that mentioned it.
    #[serde(skip)]
    last_doc: u64,
}

/// Mentions per place over documents, fed a document's mentions at a time (a document may
/// come in several blocks, one after another, under the same id).
///
/// ```
/// use itinera::geoparse::{Geoparser, PlaceTally};
///
/// let mut parser = Geoparser::new();
/// let mut tally = PlaceTally::default();
/// for (id, text) in [("a", "From Moscow to Kazan, then back to Moscow."), ("b", "Kazan in July.")] {
///     tally.add(id, &parser.extract(text).mentions);
/// }
/// // As many mentions: the place named in more documents first.
/// let rows = tally.rows();
/// assert_eq!((rows[0].place.as_str(), rows[0].mentions, rows[0].documents), ("Kazan", 2, 2));
/// assert_eq!((rows[1].place.as_str(), rows[1].mentions, rows[1].documents), ("Moscow", 2, 1));
/// ```
#[derive(Debug, Default)]
pub struct PlaceTally {
    /// Places by GeoNames id, or by name and position for those without one.
    index: HashMap<(Option<i64>, String), usize>,
    places: Vec<PlaceCount>,
    /// The id of the document being added, and its serial number (from 1).
    doc: Option<String>,
    serial: u64,
}

impl PlaceTally {
    /// Counts the mentions of document `id`: a document that goes on under the id just given
    /// (its next block) is the same document.
    pub fn add(&mut self, id: &str, mentions: &[Mention]) {
        if self.doc.as_deref() != Some(id) {
            self.doc = Some(id.to_string());
            self.serial += 1;
        }
        for m in mentions {
            let key = match m.geonameid {
                Some(g) => (Some(g), String::new()),
                None => (None, format!("{}@{:.4},{:.4}", m.name, m.lat, m.lon)),
            };
            let i = *self.index.entry(key).or_insert_with(|| {
                self.places.push(PlaceCount {
                    place: m.name.clone(),
                    geonameid: m.geonameid,
                    lat: round6(m.lat),
                    lon: round6(m.lon),
                    country: m.country.clone(),
                    mentions: 0,
                    documents: 0,
                    last_doc: 0,
                });
                self.places.len() - 1
            });
            let p = &mut self.places[i];
            p.mentions += 1;
            if p.last_doc != self.serial {
                p.last_doc = self.serial;
                p.documents += 1;
            }
        }
    }

    /// The places, most mentioned first (then in more documents, then by name).
    pub fn rows(&self) -> Vec<PlaceCount> {
        let mut rows = self.places.clone();
        rows.sort_by(|a, b| {
            b.mentions
                .cmp(&a.mentions)
                .then(b.documents.cmp(&a.documents))
                .then_with(|| a.place.cmp(&b.place))
        });
        rows
    }

    /// Whether no place was mentioned.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Writes the CSV `render --size-by mentions` reads: a header
    /// `place,geonameid,lat,lon,country,mentions,documents`, then a row per place, most
    /// mentioned first.
    ///
    /// # Errors
    /// [`Error::Write`] when writing fails (`name` is the output's name).
    pub fn write_csv(&self, name: &str, w: &mut dyn Write) -> Result<()> {
        let werr = |e: ::csv::Error| Error::Write {
            path: name.to_string(),
            source: std::io::Error::other(e.to_string()),
        };
        let mut out = ::csv::Writer::from_writer(w);
        // With no rows, serde writes no header: it is written here, once.
        out.write_record([
            "place",
            "geonameid",
            "lat",
            "lon",
            "country",
            "mentions",
            "documents",
        ])
        .map_err(werr)?;
        for p in self.rows() {
            out.write_record([
                p.place.clone(),
                p.geonameid.map(|g| g.to_string()).unwrap_or_default(),
                p.lat.to_string(),
                p.lon.to_string(),
                p.country.clone(),
                p.mentions.to_string(),
                p.documents.to_string(),
            ])
            .map_err(werr)?;
        }
        out.flush().map_err(|source| Error::Write {
            path: name.to_string(),
            source,
        })
    }
}

fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6 + 0.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoparse::Geoparser;

    fn tally(docs: &[(&str, &str)]) -> PlaceTally {
        let mut parser = Geoparser::new();
        let mut t = PlaceTally::default();
        for (id, text) in docs {
            t.add(id, &parser.extract(text).mentions);
        }
        t
    }

    #[test]
    fn blocks_of_one_document_count_it_once() {
        let t = tally(&[
            ("a", "Vladivostok is far."),
            ("a", "Vladivostok again."),
            ("b", "Vladivostok."),
        ]);
        let rows = t.rows();
        assert_eq!((rows[0].mentions, rows[0].documents), (3, 2));
    }

    #[test]
    fn the_csv_has_its_header_even_without_places() {
        let mut out = Vec::new();
        tally(&[("a", "nothing here")])
            .write_csv("t", &mut out)
            .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "place,geonameid,lat,lon,country,mentions,documents\n"
        );
    }

    #[test]
    fn the_csv_reads_back_sized_by_mentions() {
        let t = tally(&[("a", "Moscow and Kazan, and Moscow.")]);
        let mut out = Vec::new();
        t.write_csv("t", &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let source = crate::SourceFile::new("places.csv", text);
        let sized = crate::trip::parse_sized_csv(&source, "mentions").unwrap();
        assert_eq!(sized.values, [2.0, 1.0]);
    }
}
