//! Errors and warnings for humans: message, `--> file:line:column`, the line with a caret, a
//! help line, then the chain of causes. All on stderr.

use std::borrow::Cow;
use std::error::Error as _;
use std::io::Write;

use unicode_width::UnicodeWidthStr;

use itinera::{Error, Location};

/// Prints an error (each one of an [`Error::Multiple`]).
pub fn error(e: &Error) {
    let mut out = std::io::stderr().lock();
    if let Error::Multiple(all) = e {
        for e in all {
            let _ = write_one(&mut out, "error", e);
        }
        let _ = writeln!(out, "itinera: {} errors", all.len());
    } else {
        let _ = write_one(&mut out, "error", e);
    }
}

/// Prints a warning.
pub fn warning(message: &str, location: Option<&Location>) {
    let mut out = std::io::stderr().lock();
    let _ = writeln!(out, "itinera: warning: {}", visible(message));
    if let Some(loc) = location {
        let _ = write_location(&mut out, loc);
    }
}

fn write_one(out: &mut impl Write, level: &str, e: &Error) -> std::io::Result<()> {
    writeln!(out, "itinera: {level}: {}", visible(&e.to_string()))?;
    if let Some(loc) = e.location() {
        write_location(out, loc)?;
    }
    if let Some(help) = e.help() {
        writeln!(out, "  = help: {}", visible(&help))?;
    }
    let mut cause = e.source();
    while let Some(c) = cause {
        writeln!(out, "  caused by: {}", visible(&c.to_string()))?;
        cause = c.source();
    }
    Ok(())
}

fn write_location(out: &mut impl Write, loc: &Location) -> std::io::Result<()> {
    let num = loc.line.to_string();
    let pad = " ".repeat(num.len());
    let (before, after) = snippet(loc.line_text(), loc.column);
    writeln!(out, "{pad}--> {}", visible(&loc.to_string()))?;
    writeln!(out, "{pad} |")?;
    writeln!(out, "{num} | {before}{after}")?;
    writeln!(out, "{pad} | {}^", " ".repeat(before.width()))
}

/// Characters of the line shown either side of the column.
const SNIPPET_CHARS: usize = 60;

/// The part of `line` around `column` (from 1), cut to [`SNIPPET_CHARS`] either side with `…`,
/// made [`visible`]: the text before the column and from it on.
fn snippet(line: &str, column: usize) -> (String, String) {
    let at = column.saturating_sub(1);
    let start = at.saturating_sub(SNIPPET_CHARS);
    let mut before = String::new();
    let mut after = String::new();
    if start > 0 {
        before.push('…');
    }
    let mut chars = line.chars().skip(start);
    let head: String = chars.by_ref().take(at - start).collect();
    before.push_str(&visible(&head));
    let tail: String = chars.by_ref().take(SNIPPET_CHARS).collect();
    after.push_str(&visible(&tail));
    if chars.next().is_some() {
        after.push('…');
    }
    (before, after)
}

/// Text with its control characters (and the invisible bidirectional controls) written as
/// escapes, so a name or a line of an input shows on a terminal as it is and cannot move the
/// cursor, clear the screen or reorder what follows.
pub fn visible(s: &str) -> Cow<'_, str> {
    let hidden = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(hidden) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if hidden(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Appends `v` as pretty JSON, every line indented by `by` spaces (JSON strings hold no raw
/// line breaks, so indenting lines cannot change a value).
/// An output record as a JSON tree, for [`indented`]: its keys come out in sorted order, as
/// every JSON output of the tool writes them. Records are `Serialize` structs; a struct that
/// does not serialise (none does) gives `null`.
pub(super) fn to_json<T: serde::Serialize + ?Sized>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or_default()
}

pub(super) fn indented(text: &mut String, v: &serde_json::Value, by: usize) {
    let pretty = serde_json::to_string_pretty(v).unwrap_or_default();
    for (i, line) in pretty.lines().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        text.extend(std::iter::repeat_n(' ', by));
        text.push_str(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(visible("Khasan"), "Khasan");
        assert_eq!(visible("\x1b[2JKhasan"), "\\u{1b}[2JKhasan");
        assert_eq!(visible("a\u{202e}b"), "a\\u{202e}b");
        assert_eq!(visible("two\nlines"), "two\nlines");
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let line = format!("{}X{}", "a".repeat(1000), "b".repeat(1000));
        let (before, after) = snippet(&line, 1001);
        assert!(before.starts_with('…') && after.ends_with('…'));
        assert_eq!(before.chars().count(), SNIPPET_CHARS + 1);
        assert!(after.starts_with('X'));
        assert_eq!(after.chars().count(), SNIPPET_CHARS + 1);
        let (before, after) = snippet("short line", 7);
        assert_eq!((before.as_str(), after.as_str()), ("short ", "line"));
    }
}
