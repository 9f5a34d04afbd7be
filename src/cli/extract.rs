//! `itinera extract`: geoparsing files, standard input or JSON Lines,
//! one document or many (in parallel, streaming, in order).

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufReader, IsTerminal, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use itinera::Error;
use itinera::InvalidKind;
use itinera::geoparse::batch::{Batch, Document, Offsets, Parsed, extract_at};
use itinera::geoparse::{self, Extraction, Geoparser, Mention, SenseKind};
use itinera::output::Outputs;
use itinera::records::{MentionRecord, rounded};
use itinera::source::{Line, TextBlocks, bounded_line, parse_line};

use super::run::{Outcome, table_section};
use super::{Exit, ExtractArgs, ExtractFormat, report};

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

/// One line of JSON Lines output (serialised straight from the structs: no intermediate tree).
#[derive(serde::Serialize)]
struct DocOut<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    offset: Option<usize>,
    mentions: &'a [Mention],
    claims: &'a [itinera::geoparse::DistanceClaim],
}

pub fn extract(a: ExtractArgs) -> Outcome {
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
        }
        .into());
    }
    if batch && a.trip.is_some() {
        return Err(Error::Invalid {
            kind: InvalidKind::Setting,
            message: "--trip drafts one trip from one document".into(),
            location: None,
            help: Some("give one text file".into()),
        }
        .into());
    }
    if let Some(n) = a.threads {
        itinera::geoparse::batch::check_threads(n, "--threads")?;
        // Only fails if a pool already exists, which cannot happen here.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
    let out = a.output.clone().unwrap_or_else(|| PathBuf::from("-"));
    // Both destinations are checked before any reading: neither may be an input or the other.
    let mut outputs = Outputs::new();
    for p in &a.inputs {
        outputs.input(Path::new(p));
    }
    let main_out = outputs.add(&out)?;
    let trip_out = a.trip.as_deref().map(|t| outputs.add(t)).transpose()?;
    let chars = a.offsets == Offsets::Chars;
    let mut bad_lines = 0usize;
    // Only the distinct stops are kept for a draft, not every mention.
    let mut draft = a.trip.as_ref().map(|_| geoparse::TripDraft::default());
    outputs.write(main_out, |w| {
        if batch || format == ExtractFormat::Jsonl {
            bad_lines = stream(&a, w)?;
            return Ok(());
        }
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
            if let Some(d) = &mut draft {
                d.add(&e.mentions);
            }
            sink.add(&e, w)?;
        }
        sink.finish(w)
    })?;
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

/// Streams documents to JSON Lines: each plain-text file (in blocks) or each line of a JSONL
/// input is one document. Returns the number of malformed JSONL lines (reported on stderr).
fn stream(a: &ExtractArgs, w: &mut dyn Write) -> Result<usize, Error> {
    let chars = a.offsets == Offsets::Chars;
    let werr = |source| Error::Write {
        path: a
            .output
            .as_ref()
            .map_or("<stdout>".into(), |p| p.display().to_string()),
        source,
    };
    let progress = io::stderr().is_terminal() && !a.quiet;
    let started = Instant::now();
    let mut done_bytes = 0usize;
    let mut done_docs = 0usize;
    let mut bad = 0usize;
    let mut batch = Batch::new(a.offsets);
    // Writes a batch's results in order; returns how many documents failed (a bug in the
    // geoparser costs that document alone, reported, and the batch goes on).
    let mut flush = |batch: &mut Batch, w: &mut dyn Write| -> Result<usize, Error> {
        let mut failed = 0;
        for done in batch.run() {
            done_docs += 1;
            done_bytes += done.bytes;
            let id = done.id;
            let Parsed::Done(mut e) = done.parsed else {
                failed += 1;
                report::warning(
                    &format!("document `{id}`: internal error in the geoparser; skipped"),
                    None,
                );
                continue;
            };
            for m in &mut e.mentions {
                (m.lat, m.lon, m.score) = rounded(m);
            }
            let line = DocOut {
                id: &id,
                offset: (done.offset > 0).then_some(done.offset),
                mentions: &e.mentions,
                claims: &e.claims,
            };
            let line = serde_json::to_string(&line).unwrap_or_default();
            w.write_all(line.as_bytes()).map_err(werr)?;
            w.write_all(b"\n").map_err(werr)?;
        }
        if progress {
            let secs = started.elapsed().as_secs_f64().max(1e-3);
            let mib = done_bytes as f64 / 1048576.0;
            eprint!(
                "\ritinera: {done_docs} documents, {mib:.1} MiB, {:.1} MiB/s   ",
                mib / secs
            );
        }
        Ok(failed)
    };
    for path in &a.inputs {
        let name = shown(path);
        if is_jsonl(path, a.jsonl) {
            let mut reader = BufReader::new(open(path)?);
            let mut line = Vec::new();
            for i in 0.. {
                let read = bounded_line(&mut reader, &mut line, MAX_LINE).map_err(|source| {
                    Error::Read {
                        path: name.clone(),
                        source,
                    }
                })?;
                match read {
                    Line::End => break,
                    Line::TooLong => {
                        bad += 1;
                        report::warning(
                            &format!(
                                "{name}:{}: a line longer than {} MiB; line skipped",
                                i + 1,
                                MAX_LINE >> 20
                            ),
                            None,
                        );
                        continue;
                    }
                    Line::Read => {}
                }
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                match parse_line(&line) {
                    Ok((id, text)) => {
                        if batch.push(Document {
                            id: id.unwrap_or_else(|| format!("{name}:{}", i + 1)),
                            text,
                            ..Document::default()
                        }) {
                            bad += flush(&mut batch, w)?;
                        }
                    }
                    Err(why) => {
                        bad += 1;
                        report::warning(&format!("{name}:{}: {why}; line skipped", i + 1), None);
                    }
                }
            }
        } else {
            let mut chars_before = 0;
            for block in TextBlocks::new(name.clone(), open(path)?, BLOCK) {
                let block = block?;
                let chars_here = if chars { block.text.chars().count() } else { 0 };
                let full = batch.push(Document {
                    id: name.clone(),
                    offset: block.offset,
                    chars_before,
                    text: block.text,
                });
                chars_before += chars_here;
                if full {
                    bad += flush(&mut batch, w)?;
                }
            }
        }
    }
    bad += flush(&mut batch, w)?;
    if progress {
        eprintln!();
    }
    Ok(bad)
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
