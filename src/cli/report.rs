//! Errors and warnings for humans: message, `--> file:line:column`, the line with a caret, a
//! help line, then the chain of causes. All on stderr.

use std::error::Error as _;
use std::io::Write;

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
    let _ = writeln!(out, "itinera: warning: {message}");
    if let Some(loc) = location {
        let _ = write_location(&mut out, loc);
    }
}

fn write_one(out: &mut impl Write, level: &str, e: &Error) -> std::io::Result<()> {
    writeln!(out, "itinera: {level}: {e}")?;
    if let Some(loc) = e.location() {
        write_location(out, loc)?;
    }
    if let Some(help) = e.help() {
        writeln!(out, "  = help: {help}")?;
    }
    let mut cause = e.source();
    while let Some(c) = cause {
        writeln!(out, "  caused by: {c}")?;
        cause = c.source();
    }
    Ok(())
}

fn write_location(out: &mut impl Write, loc: &Location) -> std::io::Result<()> {
    let num = loc.line.to_string();
    let pad = " ".repeat(num.len());
    writeln!(out, "{pad}--> {loc}")?;
    writeln!(out, "{pad} |")?;
    writeln!(out, "{num} | {}", loc.line_text)?;
    writeln!(out, "{pad} | {}^", " ".repeat(loc.column.saturating_sub(1)))
}
