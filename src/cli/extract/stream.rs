//! `itinera extract` on many documents: each plain-text file (in blocks) or each line of a JSON
//! Lines input is one document, geoparsed in parallel batches and written as JSON Lines, in order.

use std::io::{self, BufReader, IsTerminal, Write};
use std::time::Instant;

use rayon::prelude::*;

use itinera::Error;
use itinera::geoparse::batch::{Batch, Document, Offsets, Parsed};
use itinera::geoparse::{Mention, PlaceTally};
use itinera::records::rounded;
use itinera::source::{Line, TextBlocks, bounded_line, parse_line};

use super::{BLOCK, ExtractArgs, MAX_LINE, is_jsonl, open, report, shown};

/// One line of JSON Lines output (serialised straight from the structs: no intermediate tree).
#[derive(serde::Serialize)]
struct DocOut<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    offset: Option<usize>,
    mentions: &'a [Mention],
    claims: &'a [itinera::geoparse::DistanceClaim],
}

/// Streams documents to JSON Lines: each plain-text file (in blocks) or each line of a JSONL
/// input is one document. Returns the number of malformed JSONL lines (reported on stderr).
pub(super) fn stream(
    a: &ExtractArgs,
    w: &mut dyn Write,
    tally: Option<&mut PlaceTally>,
) -> Result<usize, Error> {
    let chars = a.offsets == Offsets::Chars;
    let mut out = BatchWriter::new(a, tally);
    let mut bad = 0usize;
    let mut batch = Batch::new(a.offsets);
    for path in &a.inputs {
        let name = shown(path);
        if is_jsonl(path, a.jsonl) {
            bad += stream_jsonl(path, &name, &mut batch, &mut out, w)?;
        } else {
            bad += stream_text(path, &name, chars, &mut batch, &mut out, w)?;
        }
    }
    bad += out.flush(&mut batch, w)?;
    if out.progress {
        eprintln!();
    }
    Ok(bad)
}

/// Queues each line of a JSON Lines input as a document (its `id`, or `name:line`), writing the
/// batch whenever it is full. Returns the number of lines skipped (too long, or no document),
/// each reported, and of documents the geoparser failed on.
fn stream_jsonl(
    path: &str,
    name: &str,
    batch: &mut Batch,
    out: &mut BatchWriter,
    w: &mut dyn Write,
) -> Result<usize, Error> {
    let mut bad = 0usize;
    let mut reader = BufReader::new(open(path)?);
    let mut line = Vec::new();
    // Lines read but not yet parsed, with their numbers: parsed a batch at a time on every
    // core, so reading JSON does not hold the workers up.
    let mut lines: Vec<(usize, Vec<u8>)> = Vec::new();
    let mut bytes = 0;
    for i in 1.. {
        let read =
            bounded_line(&mut reader, &mut line, MAX_LINE).map_err(|source| Error::Read {
                path: name.to_string(),
                source,
            })?;
        match read {
            Line::End => break,
            Line::TooLong => {
                bad += 1;
                report::warning(
                    &format!(
                        "{name}:{i}: a line longer than {} MiB; line skipped",
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
        bytes += line.len();
        lines.push((i, std::mem::take(&mut line)));
        if lines.len() >= Batch::MAX_DOCS || bytes >= Batch::MAX_BYTES {
            bad += queue_lines(name, &mut lines, batch, out, w)?;
            bytes = 0;
        }
    }
    bad += queue_lines(name, &mut lines, batch, out, w)?;
    Ok(bad)
}

/// Parses `lines` in parallel and queues their documents in order, writing the batch whenever
/// it is full; a line that is no document is reported and skipped. Returns the number skipped
/// and of documents the geoparser failed on.
fn queue_lines(
    name: &str,
    lines: &mut Vec<(usize, Vec<u8>)>,
    batch: &mut Batch,
    out: &mut BatchWriter,
    w: &mut dyn Write,
) -> Result<usize, Error> {
    let parsed: Vec<_> = lines
        .par_drain(..)
        .map(|(i, line)| (i, parse_line(&line)))
        .collect();
    let mut bad = 0;
    for (i, doc) in parsed {
        match doc {
            Ok((id, text)) => {
                if batch.push(Document {
                    id: id.unwrap_or_else(|| format!("{name}:{i}")),
                    text,
                    ..Document::default()
                }) {
                    bad += out.flush(batch, w)?;
                }
            }
            Err(why) => {
                bad += 1;
                report::warning(&format!("{name}:{i}: {why}; line skipped"), None);
            }
        }
    }
    Ok(bad)
}

/// Queues a plain-text file as documents of about [`BLOCK`] bytes, writing the batch whenever
/// it is full. Returns the number of documents the geoparser failed on.
fn stream_text(
    path: &str,
    name: &str,
    chars: bool,
    batch: &mut Batch,
    out: &mut BatchWriter,
    w: &mut dyn Write,
) -> Result<usize, Error> {
    let mut bad = 0usize;
    let mut chars_before = 0;
    for block in TextBlocks::new(name, open(path)?, BLOCK) {
        let block = block?;
        let chars_here = if chars { block.text.chars().count() } else { 0 };
        let full = batch.push(Document {
            id: name.to_string(),
            offset: block.offset,
            chars_before,
            text: block.text,
        });
        chars_before += chars_here;
        if full {
            bad += out.flush(batch, w)?;
        }
    }
    Ok(bad)
}

/// Documents whose JSON lines are written in parallel before they are passed on: 16 blocks of
/// a text file are 1 MiB of text.
const WRITE_GROUP: usize = 16;

/// A geoparsed document's line of JSON Lines output, its coordinates and scores rounded; None
/// for a document the geoparser failed on.
fn json_line(d: &mut itinera::geoparse::batch::Outcome) -> Option<Vec<u8>> {
    let Parsed::Done(e) = &mut d.parsed else {
        return None;
    };
    for m in &mut e.mentions {
        (m.lat, m.lon, m.score) = rounded(m);
    }
    let doc = DocOut {
        id: &d.id,
        offset: (d.offset > 0).then_some(d.offset),
        mentions: &e.mentions,
        claims: &e.claims,
    };
    let mut text = serde_json::to_vec(&doc).unwrap_or_default();
    text.push(b'\n');
    Some(text)
}

/// Writes the batches' results as JSON Lines, and shows the progress on a terminal.
struct BatchWriter<'a> {
    a: &'a ExtractArgs,
    /// The places summary, counted as documents are written (`--places`).
    tally: Option<&'a mut PlaceTally>,
    progress: bool,
    started: Instant,
    done_bytes: usize,
    done_docs: usize,
}

impl<'a> BatchWriter<'a> {
    /// Nothing written yet; progress shown when stderr is a terminal and not `--quiet`.
    fn new(a: &'a ExtractArgs, tally: Option<&'a mut PlaceTally>) -> Self {
        BatchWriter {
            a,
            tally,
            progress: io::stderr().is_terminal() && !a.quiet,
            started: Instant::now(),
            done_bytes: 0,
            done_docs: 0,
        }
    }

    /// Writes a batch's results in order; returns how many documents failed (a bug in the
    /// geoparser costs that document alone, reported, and the batch goes on).
    fn flush(&mut self, batch: &mut Batch, w: &mut dyn Write) -> Result<usize, Error> {
        let a = self.a;
        let werr = |source| Error::Write {
            path: a
                .output
                .as_ref()
                .map_or("<stdout>".into(), |p| p.display().to_string()),
            source,
        };
        // The documents' lines are written on the worker threads, a group at a time (so a
        // batch's JSON is never all held at once), then counted, tallied and written here in
        // order.
        let mut done: Vec<_> = batch.run().into_iter().map(|d| (d, None)).collect();
        let mut failed = 0;
        for group in done.chunks_mut(WRITE_GROUP) {
            group
                .par_iter_mut()
                .for_each(|(d, line)| *line = json_line(d));
            for (done, line) in group {
                self.done_docs += 1;
                self.done_bytes += done.bytes;
                let (Parsed::Done(e), Some(line)) = (&done.parsed, line.take()) else {
                    failed += 1;
                    report::warning(
                        &format!(
                            "document `{}`: internal error in the geoparser; skipped",
                            done.id
                        ),
                        None,
                    );
                    continue;
                };
                if let Some(t) = self.tally.as_deref_mut() {
                    t.add(&done.id, &e.mentions);
                }
                w.write_all(&line).map_err(werr)?;
            }
        }
        if self.progress {
            let (done_docs, done_bytes) = (self.done_docs, self.done_bytes);
            let secs = self.started.elapsed().as_secs_f64().max(1e-3);
            let mib = done_bytes as f64 / 1048576.0;
            eprint!(
                "\ritinera: {done_docs} documents, {mib:.1} MiB, {:.1} MiB/s   ",
                mib / secs
            );
        }
        Ok(failed)
    }
}
