//! Many documents geoparsed at once: in parallel on all cores, results in input order, offsets
//! relative to each document's whole file, and a failure of the geoparser on one document
//! costing that document alone.

use std::cell::RefCell;

use rayon::prelude::*;

use super::{Extraction, Geoparser, to_char_offsets};
use crate::InvalidKind;
use crate::error::{Error, Result};

/// Checks a thread count asked for a batch through `setting` (`--threads`, Python's
/// `threads`): 1 to four per core (more only costs memory and switches; a million once spent
/// 16 s starting threads before failing).
///
/// # Errors
/// [`Error::Invalid`] of kind [`InvalidKind::Setting`] for 0 or more than four per core, with
/// the range allowed.
pub fn check_threads(n: usize, setting: &str) -> Result<usize> {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if n == 0 || n > cores * 4 {
        return Err(Error::invalid(
            InvalidKind::Setting,
            format!("{setting}: {n} threads on a machine of {cores} cores"),
            Some(format!(
                "use 1 to {} threads, or leave {setting} out for one per core",
                cores * 4
            )),
        ));
    }
    Ok(n)
}

/// One document of a batch: a JSON Lines line, or a block of a large text file.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The document's id, reported with its result.
    pub id: String,
    /// The text.
    pub text: String,
    /// Where the text starts in its file: bytes, and characters before it (blocks of a large
    /// file are reported at their place in the whole file).
    pub offset: usize,
    /// Characters of the file before this text (used with [`Offsets::Chars`]).
    pub chars_before: usize,
}

/// How offsets are counted in the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Offsets {
    /// UTF-8 bytes (Rust strings, most tools).
    #[default]
    Bytes,
    /// Unicode characters (Python and JavaScript strings).
    Chars,
}

/// One document's result, as [`Batch::run`] gives it.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The document's id.
    pub id: String,
    /// Where its text starts in its file, bytes.
    pub offset: usize,
    /// The length of its text, bytes.
    pub bytes: usize,
    /// Its mentions, or the failure.
    pub parsed: Parsed,
}

/// What became of one document.
#[derive(Debug, Clone)]
pub enum Parsed {
    /// Its mentions and claims, offsets shifted to the whole file.
    Done(Extraction),
    /// The geoparser failed on it (a bug: reported, and the batch goes on).
    Failed,
}

/// Documents gathered until the batch is worth running: at most [`Batch::MAX_DOCS`] documents
/// or [`Batch::MAX_BYTES`] of text, so memory stays bounded however long the input.
///
/// ```
/// use itinera::geoparse::batch::{Batch, Document, Offsets, Parsed};
///
/// let mut batch = Batch::new(Offsets::Bytes);
/// batch.push(Document { id: "a".into(), text: "The train reached Khasan.".into(), ..Document::default() });
/// let results = batch.run();
/// let Parsed::Done(e) = &results[0].parsed else { panic!() };
/// assert_eq!(e.mentions[0].name, "Khasan");
/// assert!(batch.is_empty());
/// ```
#[derive(Debug, Default)]
pub struct Batch {
    docs: Vec<Document>,
    bytes: usize,
    offsets: Offsets,
}

impl Batch {
    /// Documents per batch.
    pub const MAX_DOCS: usize = 512;
    /// Text per batch, bytes.
    pub const MAX_BYTES: usize = 16 << 20;

    /// An empty batch reporting offsets as `offsets` says.
    pub fn new(offsets: Offsets) -> Self {
        Batch {
            offsets,
            ..Batch::default()
        }
    }

    /// Adds a document; true when the batch is full and should be [run](Batch::run).
    pub fn push(&mut self, doc: Document) -> bool {
        self.bytes += doc.text.len();
        self.docs.push(doc);
        self.docs.len() >= Self::MAX_DOCS || self.bytes >= Self::MAX_BYTES
    }

    /// Whether no document waits.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Geoparses the waiting documents on all cores (rayon's pool) and empties the batch.
    /// Returns each document's outcome, in the order they were pushed.
    ///
    /// Each worker thread keeps one geoparser, and so its cache of the readings of the names
    /// it met, from batch to batch: rayon's `map_init` would make a fresh one for every piece
    /// it splits the batch into, looking the same names up in the gazetteer again and again.
    pub fn run(&mut self) -> Vec<Outcome> {
        thread_local! {
            static PARSER: RefCell<Geoparser> = RefCell::new(Geoparser::new());
        }
        let offsets = self.offsets;
        let out = self
            .docs
            .par_iter()
            .map(|d| {
                let parsed = PARSER.with(|cell| {
                    let mut parser = cell.borrow_mut();
                    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        extract_at(&mut parser, d, offsets)
                    }));
                    match run {
                        Ok(e) => Parsed::Done(e),
                        Err(_) => {
                            // The parser's state may be half-updated: start afresh.
                            *parser = Geoparser::new();
                            Parsed::Failed
                        }
                    }
                });
                Outcome {
                    id: d.id.clone(),
                    offset: d.offset,
                    bytes: d.text.len(),
                    parsed,
                }
            })
            .collect();
        self.docs.clear();
        self.bytes = 0;
        out
    }
}

/// Geoparses one document, its offsets shifted to its place in the file.
pub fn extract_at(parser: &mut Geoparser, doc: &Document, offsets: Offsets) -> Extraction {
    let mut e = parser.extract(&doc.text);
    let shift = match offsets {
        Offsets::Bytes => doc.offset,
        Offsets::Chars => {
            to_char_offsets(&doc.text, &mut e);
            doc.chars_before
        }
    };
    for m in &mut e.mentions {
        m.start += shift;
        m.end += shift;
    }
    for c in &mut e.claims {
        c.start += shift;
        c.end += shift;
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_input_order_and_file_offsets() {
        let mut batch = Batch::new(Offsets::Chars);
        for (i, text) in ["Kim\u{2019}s train reached Khasan.", "Then Ussuriysk."]
            .iter()
            .enumerate()
        {
            batch.push(Document {
                id: format!("d{i}"),
                text: (*text).into(),
                offset: 100 * i,
                chars_before: 10 * i,
            });
        }
        let got = batch.run();
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].id.as_str(), got[1].id.as_str()), ("d0", "d1"));
        assert_eq!(got[1].offset, 100);
        let Parsed::Done(first) = &got[0].parsed else {
            panic!("failed")
        };
        // Characters, not bytes: the curly apostrophe is one.
        assert_eq!(first.mentions[0].start, 20);
        let Parsed::Done(second) = &got[1].parsed else {
            panic!("failed")
        };
        assert_eq!(second.mentions[0].start, 10 + 5);
        assert!(batch.is_empty());
    }

    #[test]
    fn a_batch_is_full_at_its_document_limit() {
        let mut batch = Batch::new(Offsets::Bytes);
        for i in 1..=Batch::MAX_DOCS {
            let full = batch.push(Document::default());
            assert_eq!(full, i == Batch::MAX_DOCS);
        }
    }
}
