//! Input text with its origin, and positions in it: turns byte offsets into `file:line:column`.
//!
//! This module owns reading input files and standard input (with `output` the only modules that
//! touch the filesystem); parsers take a [`SourceFile`] and report [`Location`]s.

use std::io::{self, BufRead, Read};
use std::path::Path;

use crate::InvalidKind;
pub use crate::error::Location;
use crate::error::{Error, Result};

/// A text input: a file's contents (or standard input's) and the name to show in messages.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// How messages name the input: the path as given, or `<stdin>`.
    pub name: String,
    /// The whole text, checked to be UTF-8.
    pub text: String,
    /// Byte offsets of line starts, built on the first [`SourceFile::location`] call, so a
    /// location costs a binary search, not a scan (100,000-row trip files).
    line_starts: std::sync::OnceLock<Vec<usize>>,
    /// The name and the text as the locations in this file share them, made on the first
    /// [`SourceFile::location`] call (one copy of the text, not one of a line per location).
    shared: std::sync::OnceLock<(std::sync::Arc<str>, std::sync::Arc<str>)>,
}

/// The largest file read whole (trip files, user gazetteers, gold files): 1 GiB. Articles and
/// JSON Lines are read as streams and have no such bound.
pub const MAX_WHOLE_FILE: u64 = 1 << 30;

/// Byte offset of field `index` of the CSV record starting at `start` (quotes respected), for
/// an error at its cell; `start` when the record has fewer fields.
pub(crate) fn csv_field_offset(text: &str, start: usize, index: usize) -> usize {
    let mut field = 0;
    let mut quoted = false;
    for (i, c) in text[start.min(text.len())..].char_indices() {
        if field == index {
            return start + i;
        }
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => field += 1,
            '\n' if !quoted => break,
            _ => {}
        }
    }
    start
}

/// Reads all of `r` into `bytes`, up to `limit` bytes: at most one byte past the bound is read,
/// so an endless input (`/dev/zero`, a pipe that never ends) stops there instead of filling
/// memory.
fn read_bounded(r: &mut dyn Read, bytes: &mut Vec<u8>, limit: u64) -> io::Result<()> {
    r.take(limit + 1).read_to_end(bytes)?;
    if bytes.len() as u64 > limit {
        return Err(io::Error::other(format!(
            "it is larger than {} MiB, the most itinera reads of a trip file, gazetteer or gold \
             file (it reads articles and JSON Lines as streams, at any size)",
            limit >> 20
        )));
    }
    Ok(())
}

impl SourceFile {
    /// Wraps text that is already in memory.
    ///
    /// # Examples
    ///
    /// ```
    /// use itinera::SourceFile;
    ///
    /// let file = SourceFile::new("trip.toml", "title = \"Kim\"\n[[trips]]\nstops = [\"Khasan\"]\n");
    /// let at = file.location(file.text.find("Khasan").unwrap());
    /// assert_eq!(at.to_string(), "trip.toml:3:11");
    /// ```
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        SourceFile {
            name: name.into(),
            text: text.into(),
            line_starts: std::sync::OnceLock::new(),
            shared: std::sync::OnceLock::new(),
        }
    }

    /// The name and text the locations share.
    fn shared(&self) -> &(std::sync::Arc<str>, std::sync::Arc<str>) {
        self.shared
            .get_or_init(|| (self.name.as_str().into(), self.text.as_str().into()))
    }

    fn shared_name(&self) -> std::sync::Arc<str> {
        std::sync::Arc::clone(&self.shared().0)
    }

    fn shared_text(&self) -> std::sync::Arc<str> {
        std::sync::Arc::clone(&self.shared().1)
    }

    /// Reads a file, or standard input when `path` is `-`. The input is opened read-only.
    ///
    /// # Errors
    /// [`Error::Read`] when the file is missing, a directory, unreadable or larger than
    /// [`MAX_WHOLE_FILE`]; [`Error::NotUtf8`]
    /// when the bytes are not UTF-8 text (binary input).
    pub fn read(path: &Path) -> Result<Self> {
        let name = path.display().to_string();
        let mut bytes = Vec::new();
        let bounded =
            |r: &mut dyn Read, bytes: &mut Vec<u8>| read_bounded(r, bytes, MAX_WHOLE_FILE);
        let res = if name == "-" {
            bounded(&mut std::io::stdin().lock(), &mut bytes)
        } else if path.is_dir() {
            Err(std::io::Error::other("is a directory"))
        } else {
            std::fs::File::open(path).and_then(|mut f| bounded(&mut f, &mut bytes))
        };
        let name = if name == "-" {
            "<stdin>".to_string()
        } else {
            name
        };
        res.map_err(|source| Error::Read {
            path: name.clone(),
            source,
        })?;
        match String::from_utf8(bytes) {
            Ok(text) => Ok(SourceFile::new(name, text)),
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                let location = SourceFile::new(name.clone(), text).location(offset);
                Err(Error::NotUtf8 {
                    path: name,
                    location: Box::new(location),
                })
            }
        }
    }

    /// The location of a byte offset (clamped to the text).
    pub fn location(&self, offset: usize) -> Location {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let line = starts.partition_point(|&s| s <= offset);
        let line_start = starts[line - 1];
        let line_end = self.text[offset..]
            .find('\n')
            .map_or(self.text.len(), |i| offset + i);
        let line_end = if self.text[line_start..line_end].ends_with('\r') {
            line_end - 1
        } else {
            line_end
        };
        Location::in_text(
            self.shared_name(),
            line,
            self.text[line_start..offset].chars().count() + 1,
            self.shared_text(),
            (line_start, line_end.max(line_start)),
        )
    }

    /// The location of the start of a 1-based line.
    pub fn line_location(&self, line: usize) -> Location {
        let offset = self
            .text
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum();
        self.location(offset)
    }
}

/// What [`bounded_line`] read.
pub enum Line {
    /// A line, in the buffer, without its line break.
    Read,
    /// A line longer than the limit, read through and dropped.
    TooLong,
    /// Nothing: the input has ended.
    End,
}

/// Reads one line into `buf` (cleared first), holding at most `max` bytes of it in memory.
pub fn bounded_line(reader: &mut impl BufRead, buf: &mut Vec<u8>, max: usize) -> io::Result<Line> {
    buf.clear();
    let n = reader
        .by_ref()
        .take(max as u64 + 1)
        .read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(Line::End);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        return Ok(Line::Read);
    }
    if buf.len() <= max {
        return Ok(Line::Read); // the last line, without a line break
    }
    // Too long: skip to the next line break, a buffer at a time.
    buf.clear();
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(Line::TooLong);
        }
        match chunk.iter().position(|&b| b == b'\n') {
            Some(at) => {
                reader.consume(at + 1);
                return Ok(Line::TooLong);
            }
            None => {
                let len = chunk.len();
                reader.consume(len);
            }
        }
    }
}

/// One JSON Lines document, `{"id": ..., "text": ...}`: its id (a string or a number, or
/// missing) and text.
///
/// # Errors
/// Why the line is no such document, for a message.
pub fn parse_line(line: &[u8]) -> Result<(Option<String>, String), String> {
    // A byte-order mark (Windows tools write one at the start of a file) is no JSON.
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    let v: serde_json::Value =
        serde_json::from_slice(line).map_err(|e| format!("not JSON ({e})"))?;
    let text = v
        .get("text")
        .and_then(|t| t.as_str())
        .ok_or("no \"text\" string")?
        .to_string();
    let id = match v.get("id") {
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    Ok((id, text))
}

#[cfg(test)]
mod tests {

    /// Issue 28's probe: `--gazetteer /dev/zero` and `evaluate /dev/zero` read without end.
    #[test]
    fn a_whole_file_read_stops_past_its_bound() {
        let mut bytes = Vec::new();
        let err = read_bounded(&mut std::io::repeat(0), &mut bytes, 3 << 20).unwrap_err();
        assert!(err.to_string().contains("larger than 3 MiB"), "{err}");
        assert_eq!(bytes.len(), (3 << 20) + 1);
        let mut bytes = Vec::new();
        read_bounded(&mut &b"[[trips]]"[..], &mut bytes, 3 << 20).unwrap();
        assert_eq!(bytes, b"[[trips]]");
    }
    use super::*;

    #[test]
    fn lines_longer_than_the_limit_are_skipped_whole() {
        let input = b"short\n0123456789abcdef\nnext\nlast";
        let mut r = io::BufReader::with_capacity(4, &input[..]);
        let mut buf = Vec::new();
        let mut got = Vec::new();
        loop {
            match bounded_line(&mut r, &mut buf, 8).unwrap() {
                Line::End => break,
                Line::TooLong => got.push("<too long>".to_string()),
                Line::Read => got.push(String::from_utf8_lossy(&buf).into_owned()),
            }
        }
        assert_eq!(got, ["short", "<too long>", "next", "last"]);
        // Memory stays within the limit (plus one byte to tell).
        assert!(buf.capacity() < 64);
    }

    #[test]
    fn offsets_become_line_and_column() {
        let src = SourceFile::new("t.toml", "a = 1\nbé = 2\n");
        let loc = src.location(10); // the `=` on line 2, after a 2-byte é
        assert_eq!((loc.line, loc.column), (2, 4));
        assert_eq!(loc.line_text(), "bé = 2");
        assert_eq!(loc.to_string(), "t.toml:2:4");
    }

    #[test]
    fn offset_inside_a_character_snaps_back() {
        let src = SourceFile::new("t", "é");
        assert_eq!(src.location(1).column, 1);
        assert_eq!(src.location(99).column, 2);
    }

    #[test]
    fn line_location_points_at_line_start() {
        let src = SourceFile::new("t", "x\ny\nz");
        let loc = src.line_location(3);
        assert_eq!((loc.line, loc.column, loc.line_text()), (3, 1, "z"));
    }
}

/// Reads UTF-8 text in blocks of about `block` bytes cut at paragraph (or else line) breaks,
/// so any amount of text is processed in constant memory. Each block knows its byte offset and
/// first line number in the whole input.
pub struct TextBlocks<R> {
    name: String,
    reader: R,
    buffer: Vec<u8>,
    block: usize,
    offset: usize,
    line: usize,
    done: bool,
    first: bool,
}

/// One block of a [`TextBlocks`] stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBlock {
    /// Byte offset of the block in the whole input.
    pub offset: usize,
    /// 1-based line number of the block's first line.
    pub line: usize,
    /// The text.
    pub text: String,
}

impl<R: Read> TextBlocks<R> {
    /// Blocks of `reader`, named `name` in errors.
    pub fn new(name: impl Into<String>, reader: R, block: usize) -> Self {
        TextBlocks {
            name: name.into(),
            reader,
            buffer: Vec::new(),
            block: block.max(4096),
            offset: 0,
            line: 1,
            done: false,
            first: true,
        }
    }

    fn fill(&mut self) -> std::io::Result<()> {
        let mut chunk = [0u8; 64 * 1024];
        while !self.done && self.buffer.len() < self.block {
            match self.reader.read(&mut chunk) {
                Ok(0) => self.done = true,
                Ok(n) => self.buffer.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    fn location(&self, bytes: &[u8], at: usize) -> Location {
        let before = &bytes[..at];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line_end = bytes[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| at + i);
        Location::new(
            self.name.clone(),
            self.line + before.iter().filter(|&&b| b == b'\n').count(),
            String::from_utf8_lossy(&before[line_start..])
                .chars()
                .count()
                + 1,
            String::from_utf8_lossy(&bytes[line_start..line_end]).trim_end_matches('\r'),
        )
    }

    fn next_block(&mut self) -> Result<Option<TextBlock>> {
        self.fill().map_err(|source| Error::Read {
            path: self.name.clone(),
            source,
        })?;
        if self.buffer.is_empty() {
            return Ok(None);
        }
        if self.first {
            self.first = false;
            let head = &self.buffer[..self.buffer.len().min(8192)];
            if let Some(at) = head.iter().position(|&b| b == 0) {
                return Err(Error::Invalid {
                    kind: InvalidKind::Value,
                    message: format!("`{}` looks like a binary file (a NUL byte)", self.name),
                    location: Some(Box::new(self.location(&self.buffer, at))),
                    help: Some("give a UTF-8 text file".into()),
                });
            }
        }
        let cut = if self.done {
            self.buffer.len()
        } else {
            let half = self.buffer.len() / 2;
            let tail = &self.buffer[half..];
            let para = tail
                .windows(2)
                .rposition(|w| w == b"\n\n")
                .map(|i| half + i + 2);
            let line = || tail.iter().rposition(|&b| b == b'\n').map(|i| half + i + 1);
            // No break at all: cut before the last (possibly incomplete) character.
            let any = || {
                (1..=4)
                    .map(|k| self.buffer.len().saturating_sub(k))
                    .find(|&i| i > 0 && (self.buffer[i] & 0xC0) != 0x80)
                    .unwrap_or(self.buffer.len())
            };
            para.or_else(line).unwrap_or_else(any)
        };
        let rest = self.buffer.split_off(cut);
        let bytes = std::mem::replace(&mut self.buffer, rest);
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                return Err(Error::NotUtf8 {
                    path: self.name.clone(),
                    location: Box::new(self.location(e.as_bytes(), at)),
                });
            }
        };
        let block = TextBlock {
            offset: self.offset,
            line: self.line,
            text,
        };
        self.offset += block.text.len();
        self.line += block.text.bytes().filter(|&b| b == b'\n').count();
        Ok(Some(block))
    }
}

impl<R: Read> Iterator for TextBlocks<R> {
    type Item = Result<TextBlock>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done && self.buffer.is_empty() {
            return None;
        }
        match self.next_block() {
            Ok(Some(b)) => Some(Ok(b)),
            Ok(None) => None,
            Err(e) => {
                // Stop after the first error.
                self.done = true;
                self.buffer.clear();
                Some(Err(e))
            }
        }
    }
}
