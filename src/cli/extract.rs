//! `itinera extract`: geoparsing files, standard input or JSON Lines,
//! one document or many (in parallel, streaming, in order).

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

use itinera::Error;
use itinera::InvalidKind;
use itinera::geoparse::batch::{Document, Offsets, extract_at};
use itinera::geoparse::{self, Extraction, Geoparser, Mention, PlaceTally, SenseKind};
use itinera::output::Outputs;
use itinera::records::{MentionRecord, rounded};
use itinera::source::TextBlocks;

use super::run::{Outcome, table_section};
use super::{Exit, ExtractArgs, ExtractFormat, report};

mod stream;

use stream::stream;

/// Plain text is processed in blocks of about this size (cut at paragraph breaks): the unit of
/// document context, and what bounds memory on huge inputs.
const BLOCK: usize = 64 << 10;
/// The longest JSON Lines line read, bytes: one document of 64 MiB is far beyond any article.
const MAX_LINE: usize = 64 << 20;

fn open(path: &str) -> Result<Box<dyn Read>, Error> {
    if path == "-" {
        return Ok(Box::new(io::stdin().lock()));
    }
    let p = Path::new(path);
    let err = |source| Error::Read {
        path: path.to_string(),
        source,
    };
    if p.is_dir() {
        return Err(err(io::Error::other("is a directory")));
    }
    Ok(Box::new(File::open(p).map_err(err)?))
}

fn shown(path: &str) -> String {
    if path == "-" {
        "<stdin>".into()
    } else {
        path.into()
    }
}

fn is_jsonl(path: &str, forced: bool) -> bool {
    forced || path.ends_with(".jsonl") || path.ends_with(".ndjson")
}

/// A mention in `extract --format geojson`: a Point feature.
#[derive(serde::Serialize)]
struct FeatureOut<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    geometry: PointOut,
    properties: FeatureProperties<'a>,
}

#[derive(serde::Serialize)]
struct PointOut {
    #[serde(rename = "type")]
    kind: &'static str,
    coordinates: [f64; 2],
}

#[derive(serde::Serialize)]
struct FeatureProperties<'a> {
    text: &'a str,
    name: &'a str,
    geonameid: Option<i64>,
    kind: SenseKind,
    country: &'a str,
    start: usize,
    end: usize,
    score: f64,
    /// Always written in GeoJSON, so every feature has the same attributes in a GIS.
    in_name: bool,
    source: &'a str,
}

fn mention_json(m: &Mention) -> serde_json::Value {
    report::to_json(&MentionRecord::new(m))
}

pub fn extract(a: ExtractArgs) -> Outcome {
    let (batch, format) = batch_and_format(&a)?;
    use_threads(a.threads)?;
    let out = a.output.clone().unwrap_or_else(|| PathBuf::from("-"));
    // Both destinations are checked before any reading: neither may be an input or the other.
    let mut outputs = Outputs::new();
    for p in &a.inputs {
        outputs.input(Path::new(p));
    }
    let main_out = outputs.add(&out)?;
    let trip_out = a.trip.as_deref().map(|t| outputs.add(t)).transpose()?;
    let places_out = a.places.as_deref().map(|p| outputs.add(p)).transpose()?;
    let mut tally = a.places.as_ref().map(|_| PlaceTally::default());
    let mut bad_lines = 0usize;
    // Only the distinct stops are kept for a draft, not every mention.
    let mut draft = a.trip.as_ref().map(|_| geoparse::TripDraft::default());
    outputs.write(main_out, |w| {
        if batch || format == ExtractFormat::Jsonl {
            bad_lines = stream(&a, w, tally.as_mut())?;
            return Ok(());
        }
        extract_one(&a, format, &out, &mut draft, tally.as_mut(), w)
    })?;
    if let (Some(path), Some(at), Some(tally)) = (&a.places, places_out, &tally) {
        if tally.is_empty() {
            report::warning(
                "no places mentioned; the places summary has its header only",
                None,
            );
        }
        outputs.write(at, |w| tally.write_csv(&path.display().to_string(), w))?;
    }
    if let (Some(trip), Some(at), Some(draft)) = (&a.trip, trip_out, draft) {
        let title = Path::new(&a.inputs[0]).file_stem().map_or_else(
            || "extracted".to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
        if draft.is_empty() {
            // Nothing is written: a draft without stops is no trip.
            return Err(Error::invalid(
                InvalidKind::Empty,
                format!("no places found in `{}` to draft a trip from", a.inputs[0]),
                Some("leave out --trip, or give a text that names places".into()),
            )
            .into());
        }
        let toml = draft.finish(&title);
        outputs.write(at, |w| {
            w.write_all(toml.as_bytes()).map_err(|source| Error::Write {
                path: trip.display().to_string(),
                source,
            })
        })?;
    }
    outputs.commit()?;
    if bad_lines > 0 {
        report::warning(
            &format!(
                "{bad_lines} input line(s) were not JSON objects with \"id\" and \"text\"; the other lines were processed"
            ),
            None,
        );
        return Ok(Exit::BadInput);
    }
    Ok(Exit::Success)
}

/// Whether the input is several documents (several files, or JSON Lines), and the output
/// format: JSON Lines for several, which take no other format and no `--trip`; else a table.
fn batch_and_format(a: &ExtractArgs) -> Result<(bool, ExtractFormat), Error> {
    let batch = a.inputs.len() > 1 || a.inputs.iter().any(|p| is_jsonl(p, a.jsonl));
    let format = match a.format {
        Some(f) => f,
        None if batch => ExtractFormat::Jsonl,
        None => ExtractFormat::Table,
    };
    if batch && format != ExtractFormat::Jsonl {
        return Err(Error::Invalid {
            kind: InvalidKind::Setting,
            message:
                "several documents (several files or JSON Lines input) are written as JSON Lines"
                    .into(),
            location: None,
            help: Some("use --format jsonl, or give one text file".into()),
        });
    }
    if batch && a.trip.is_some() {
        return Err(Error::Invalid {
            kind: InvalidKind::Setting,
            message: "--trip drafts one trip from one document".into(),
            location: None,
            help: Some("give one text file".into()),
        });
    }
    Ok((batch, format))
}

/// `--threads`: the geoparser's thread pool of that many threads.
fn use_threads(threads: Option<usize>) -> Result<(), Error> {
    if let Some(n) = threads {
        itinera::geoparse::batch::check_threads(n, "--threads")?;
        // Only fails if a pool already exists, which cannot happen here.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
    Ok(())
}

/// Geoparses one text file block by block, writing its mentions (and claims) in `format` to
/// `w` as they come (`out` names the output in errors), and adding them to the trip `draft`.
fn extract_one(
    a: &ExtractArgs,
    format: ExtractFormat,
    out: &Path,
    draft: &mut Option<geoparse::TripDraft>,
    mut tally: Option<&mut PlaceTally>,
    w: &mut dyn Write,
) -> Result<(), Error> {
    let chars = a.offsets == Offsets::Chars;
    let path = &a.inputs[0];
    let name = shown(path);
    let mut parser = Geoparser::new();
    let mut sink = Single::new(format, name.clone(), out.display().to_string());
    let mut chars_before = 0usize;
    for block in TextBlocks::new(name.clone(), open(path)?, BLOCK) {
        let block = block?;
        let doc = Document {
            id: name.clone(),
            offset: block.offset,
            chars_before,
            text: block.text,
        };
        let e = extract_at(&mut parser, &doc, a.offsets);
        if chars {
            chars_before += doc.text.chars().count();
        }
        if let Some(d) = draft.as_mut() {
            d.add(&e.mentions);
        }
        if let Some(t) = tally.as_deref_mut() {
            t.add(&doc.id, &e.mentions);
        }
        sink.add(&e, w)?;
    }
    sink.finish(w)
}

/// Mention rows printed per table section: the table's memory, however long the text.
const TABLE_SECTION: usize = 1024;
/// Held-back text (the claims, printed after the mentions) kept in memory up to this size.
const SPOOL_MEMORY: usize = 1 << 20;

/// Text held back until the end of an output: in memory while small, then in an anonymous
/// temporary file, which the system removes however the process ends.
#[derive(Default)]
struct Spool {
    memory: Vec<u8>,
    file: Option<File>,
}

impl Spool {
    fn push(&mut self, text: &str) -> io::Result<()> {
        if let Some(f) = &mut self.file {
            return f.write_all(text.as_bytes());
        }
        self.memory.extend_from_slice(text.as_bytes());
        if self.memory.len() > SPOOL_MEMORY {
            let mut f = tempfile::tempfile()?;
            f.write_all(&self.memory)?;
            self.memory = Vec::new();
            self.file = Some(f);
        }
        Ok(())
    }

    fn copy_to(self, w: &mut dyn Write) -> io::Result<()> {
        match self.file {
            Some(mut f) => {
                f.seek(io::SeekFrom::Start(0))?;
                io::copy(&mut f, w).map(drop)
            }
            None => w.write_all(&self.memory),
        }
    }
}

/// The output of one document in a single-document format (table, JSON, GeoJSON), written as
/// the blocks of the text are geoparsed: memory stays that of a block, not of the text.
struct Single {
    format: ExtractFormat,
    /// The input's name (GeoJSON `source`) and the output's (in errors).
    source: String,
    path: String,
    mentions: usize,
    /// Table rows not printed yet, and the widths of the table so far.
    rows: Vec<Vec<String>>,
    widths: Vec<usize>,
    claims: Spool,
    claim_count: usize,
}

impl Single {
    fn new(format: ExtractFormat, source: String, path: String) -> Self {
        Single {
            format,
            source,
            path,
            mentions: 0,
            rows: Vec::new(),
            widths: Vec::new(),
            claims: Spool::default(),
            claim_count: 0,
        }
    }

    fn werr(&self, source: io::Error) -> Error {
        Error::Write {
            path: self.path.clone(),
            source,
        }
    }

    /// Writes (or queues) one block's mentions and holds back its claims.
    fn add(&mut self, e: &Extraction, w: &mut dyn Write) -> Result<(), Error> {
        let mut text = String::new();
        for m in &e.mentions {
            let first = self.mentions == 0;
            self.mentions += 1;
            match self.format {
                ExtractFormat::Table => {
                    self.rows.push(vec![
                        m.start.to_string(),
                        m.text.clone(),
                        m.name.clone(),
                        if m.in_name {
                            format!("{} in name", m.kind.as_str())
                        } else {
                            m.kind.as_str().into()
                        },
                        m.country.clone(),
                        format!("{:.5}", m.lat),
                        format!("{:.5}", m.lon),
                        format!("{:.2}", m.score),
                    ]);
                }
                ExtractFormat::Json => {
                    text.push_str(if first {
                        "{\n  \"mentions\": [\n"
                    } else {
                        ",\n"
                    });
                    report::indented(&mut text, &mention_json(m), 4);
                }
                ExtractFormat::Geojson => {
                    text.push_str(if first {
                        "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n"
                    } else {
                        ",\n"
                    });
                    report::indented(&mut text, &feature_json(m, &self.source), 4);
                }
                ExtractFormat::Jsonl => {}
            }
        }
        for c in &e.claims {
            let held = match self.format {
                ExtractFormat::Table => claim_text(c),
                ExtractFormat::Json => {
                    let mut t = String::from(if self.claim_count == 0 { "" } else { ",\n" });
                    report::indented(&mut t, &serde_json::to_value(c).unwrap_or_default(), 4);
                    t
                }
                _ => String::new(),
            };
            self.claim_count += 1;
            self.claims.push(&held).map_err(|e| self.werr(e))?;
        }
        if self.rows.len() >= TABLE_SECTION {
            self.flush_rows(&mut text);
        }
        w.write_all(text.as_bytes()).map_err(|e| self.werr(e))
    }

    fn flush_rows(&mut self, text: &mut String) {
        if self.rows.is_empty() {
            return;
        }
        let mut rows = Vec::with_capacity(self.rows.len() + 1);
        if self.widths.is_empty() {
            rows.push(
                [
                    "at", "text", "place", "kind", "country", "lat", "lon", "score",
                ]
                .map(String::from)
                .to_vec(),
            );
        }
        rows.append(&mut self.rows);
        text.push_str(&table_section(&rows, &[0, 5, 6, 7], &mut self.widths));
    }

    /// Ends the output: the last rows, then the claims held back.
    fn finish(mut self, w: &mut dyn Write) -> Result<(), Error> {
        let mut text = String::new();
        match self.format {
            ExtractFormat::Table => {
                self.flush_rows(&mut text);
                if self.mentions == 0 {
                    text.push_str("no places found\n");
                }
            }
            ExtractFormat::Json => {
                text.push_str(if self.mentions == 0 {
                    "{\n  \"mentions\": [],\n  \"claims\": ["
                } else {
                    "\n  ],\n  \"claims\": ["
                });
                if self.claim_count > 0 {
                    text.push('\n');
                }
            }
            ExtractFormat::Geojson => text.push_str(if self.mentions == 0 {
                "{\n  \"type\": \"FeatureCollection\",\n  \"features\": []\n}\n"
            } else {
                "\n  ]\n}\n"
            }),
            ExtractFormat::Jsonl => {}
        }
        w.write_all(text.as_bytes()).map_err(|e| self.werr(e))?;
        let (path, claims, format, count) = (self.path, self.claims, self.format, self.claim_count);
        let werr = |source| Error::Write {
            path: path.clone(),
            source,
        };
        claims.copy_to(w).map_err(werr)?;
        if format == ExtractFormat::Json {
            let end = if count > 0 { "\n  ]\n}\n" } else { "]\n}\n" };
            w.write_all(end.as_bytes()).map_err(werr)?;
        }
        Ok(())
    }
}

/// A distance claim as the table prints it, after the mentions.
fn claim_text(c: &itinera::geoparse::DistanceClaim) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "\nclaim: \"{}\"\n  stated {:.1} km{}; geodesic {:.1} km, bearing {:.0}° from {} to {}",
        report::visible(&c.text),
        c.stated_m / 1000.0,
        c.stated_direction
            .as_ref()
            .map(|d| format!(" {d}"))
            .unwrap_or_default(),
        c.geodesic_m / 1000.0,
        c.bearing_deg,
        report::visible(&c.to),
        report::visible(&c.from),
    );
    let ratio = c.stated_m / c.geodesic_m.max(1.0);
    if ratio > 1.15 {
        let _ = write!(
            s,
            " (stated is {ratio:.2}x the straight line: likely by road or rail)"
        );
    } else if ratio < 0.85 {
        let _ = write!(
            s,
            " (stated is shorter than the straight line: check the figure or the places)"
        );
    }
    if c.direction_agrees == Some(false) {
        let _ = write!(s, "; the stated direction disagrees with the bearing");
    }
    s.push('\n');
    s
}

fn feature_json(m: &Mention, source: &str) -> serde_json::Value {
    let (lat, lon, score) = rounded(m);
    report::to_json(&FeatureOut {
        kind: "Feature",
        geometry: PointOut {
            kind: "Point",
            coordinates: [lon, lat],
        },
        properties: FeatureProperties {
            text: &m.text,
            name: &m.name,
            geonameid: m.geonameid,
            kind: m.kind,
            country: &m.country,
            start: m.start,
            end: m.end,
            score,
            in_name: m.in_name,
            source,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spool_moves_to_a_file_past_its_memory_and_gives_back_every_byte() {
        let mut spool = Spool::default();
        let piece = "claim: \u{201c}about 1,150 km\u{201d} south of Komsomolsk-on-Amur\n";
        let mut expected = String::new();
        while expected.len() <= 3 * SPOOL_MEMORY {
            spool.push(piece).unwrap();
            expected.push_str(piece);
        }
        assert!(spool.file.is_some() && spool.memory.is_empty());
        let mut out = Vec::new();
        spool.copy_to(&mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }
}
