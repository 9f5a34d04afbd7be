//! The library's error type: one enum, each variant carrying what its message needs.
//!
//! Messages are lower case and name the offending value in backticks; the binary adds the
//! location, a caret, the help line and the exit code (see [`Error::is_bad_input`]).

use std::fmt;
use std::io;
use std::sync::Arc;

/// Result with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A position in a [`SourceFile`](crate::SourceFile), 1-based, column counted in characters.
///
/// It shares its file's name and text rather than copying its line: every stop of a trip file
/// carries one, and a million-stop file would otherwise hold each line twice.
#[derive(Clone)]
pub struct Location {
    /// The source's name.
    file: Arc<str>,
    /// Line number, from 1.
    pub line: usize,
    /// Column number in characters, from 1.
    pub column: usize,
    /// The text the line is in (the whole source, shared), and the line's byte range in it.
    text: Arc<str>,
    line_range: (usize, usize),
}

impl Location {
    /// A location in a text of its own: `line_text` is the line, without its line break.
    pub fn new(file: impl Into<Arc<str>>, line: usize, column: usize, line_text: &str) -> Self {
        Location::in_text(
            file.into(),
            line,
            column,
            Arc::from(line_text),
            (0, line_text.len()),
        )
    }

    /// A location in a shared text, whose line is `text[range.0..range.1]` (char boundaries).
    pub(crate) fn in_text(
        file: Arc<str>,
        line: usize,
        column: usize,
        text: Arc<str>,
        line_range: (usize, usize),
    ) -> Self {
        Location {
            file,
            line,
            column,
            text,
            line_range,
        }
    }

    /// The source's name.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The text of the line, without its line break, for a caret under the column.
    pub fn line_text(&self) -> &str {
        self.text
            .get(self.line_range.0..self.line_range.1)
            .unwrap_or("")
    }
}

impl PartialEq for Location {
    fn eq(&self, other: &Location) -> bool {
        (self.file(), self.line, self.column, self.line_text())
            == (other.file(), other.line, other.column, other.line_text())
    }
}

impl Eq for Location {}

impl fmt::Debug for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Location")
            .field("file", &self.file())
            .field("line", &self.line)
            .field("column", &self.column)
            .field("line_text", &self.line_text())
            .finish()
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// What an [`Error::Invalid`] is about, for callers that react to some kinds (a service that
/// retries a query, a batch job that skips documents with nothing to draw).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum InvalidKind {
    /// A place query: empty, too long, coordinates out of range, a region or country that
    /// names nothing.
    Query,
    /// A stop whose name reads as several places and strict resolution was asked for.
    Ambiguous,
    /// A value in an input: a trip file's field, a user gazetteer's row, a binary file given
    /// as text, a directory given as a trip.
    Value,
    /// An option or flag: an unknown theme, projection or format, a bbox or title out of
    /// range, flags that do not go together.
    Setting,
    /// Outputs that collide with each other or with an input.
    Output,
    /// Nothing to work on: no stops to draw, no places to draft a trip from.
    Empty,
}

/// Everything that can go wrong in itinera.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An input file could not be read: missing, a directory, no permission.
    /// Remedy: check the path.
    #[error("cannot read `{path}`")]
    Read {
        /// The path as given.
        path: String,
        /// Why.
        #[source]
        source: io::Error,
    },

    /// The input is not UTF-8 text (a binary file, or another encoding).
    /// Remedy: convert it to UTF-8 (e.g. `iconv -t UTF-8`).
    #[error("`{path}` is not UTF-8 text")]
    NotUtf8 {
        /// The path as given.
        path: String,
        /// Where the first invalid byte is.
        location: Box<Location>,
    },

    /// A trip file does not parse (TOML or CSV syntax, wrong value types).
    #[error("{message}")]
    Syntax {
        /// What the parser said, lower case.
        message: String,
        /// Where.
        location: Box<Location>,
    },

    /// Something the user gave cannot be used: a value out of range or inconsistent (latitude
    /// 91, both `place` and `lat`), an unknown option, colliding outputs... `kind` says which.
    #[error("{message}")]
    Invalid {
        /// What kind of input is wrong.
        kind: InvalidKind,
        /// What is wrong.
        message: String,
        /// Where, when the value came from a file.
        location: Option<Box<Location>>,
        /// How to fix it.
        help: Option<String>,
    },

    /// No gazetteer place has this name. Remedy: check the spelling, give coordinates.
    #[error("unknown place `{name}`")]
    UnknownPlace {
        /// The name as written.
        name: String,
        /// Where, when the name came from a file.
        location: Option<Box<Location>>,
        /// Close names that do exist, best first.
        suggestions: Vec<String>,
    },

    /// Several independent errors (e.g. three unknown places in one trip file).
    #[error("{} errors", .0.len())]
    Multiple(Vec<Error>),

    /// An output could not be written. Nothing partial is left behind.
    #[error("cannot write `{path}`")]
    Write {
        /// The output path.
        path: String,
        /// Why.
        #[source]
        source: io::Error,
    },

    /// A signal (SIGINT, SIGTERM, SIGHUP) asked the process to stop before its outputs were
    /// renamed into place: none was, every target keeps its previous content.
    #[error("stopped by signal {signal}")]
    Interrupted {
        /// The signal's number.
        signal: i32,
    },

    /// Serialising an output failed.
    #[error("cannot encode {what}")]
    Encode {
        /// What was being encoded.
        what: &'static str,
        /// Why.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

impl Error {
    /// Whether the user can fix this by changing the input or the flags (exit code 2), as
    /// opposed to a failure of the machine (exit code 1).
    pub fn is_bad_input(&self) -> bool {
        match self {
            Error::Read { .. }
            | Error::NotUtf8 { .. }
            | Error::Syntax { .. }
            | Error::Invalid { .. }
            | Error::UnknownPlace { .. } => true,
            Error::Multiple(errors) => errors.iter().any(Error::is_bad_input),
            // A path that cannot exist or be written is the user's to fix; a full disk is not.
            Error::Write { source, .. } => matches!(
                source.kind(),
                io::ErrorKind::NotFound
                    | io::ErrorKind::PermissionDenied
                    | io::ErrorKind::IsADirectory
                    | io::ErrorKind::NotADirectory
                    | io::ErrorKind::InvalidInput
                    | io::ErrorKind::AlreadyExists
                    | io::ErrorKind::ReadOnlyFilesystem
            ),
            Error::Encode { .. } | Error::Interrupted { .. } => false,
        }
    }

    /// The location in an input file, where the error has one.
    pub fn location(&self) -> Option<&Location> {
        match self {
            Error::NotUtf8 { location, .. } | Error::Syntax { location, .. } => Some(location),
            Error::Invalid { location, .. } | Error::UnknownPlace { location, .. } => {
                location.as_deref()
            }
            _ => None,
        }
    }

    /// A line telling the user how to fix the error, where there is one.
    pub fn help(&self) -> Option<String> {
        match self {
            Error::Invalid { help, .. } => help.clone(),
            Error::UnknownPlace { suggestions, .. } if !suggestions.is_empty() => {
                let list: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
                Some(format!("did you mean {}?", list.join(" or ")))
            }
            Error::UnknownPlace { .. } => Some(
                "check the spelling, or give the stop a `name` with its coordinates, `lat` and `lon`"
                    .to_string(),
            ),
            Error::NotUtf8 { .. } => Some("convert the file to UTF-8, e.g. with `iconv -t UTF-8`".into()),
            _ => None,
        }
    }

    /// The error with `location` where it has none yet (a lookup error raised for a stop of a
    /// trip file).
    pub fn at(mut self, location: Option<&Location>) -> Self {
        if let (
            Error::Invalid { location: slot, .. } | Error::UnknownPlace { location: slot, .. },
            Some(at),
        ) = (&mut self, location)
        {
            slot.get_or_insert_with(|| Box::new(at.clone()));
        }
        self
    }

    /// An [`Error::Invalid`] of `kind`, without location.
    pub fn invalid(kind: InvalidKind, message: impl Into<String>, help: Option<String>) -> Self {
        Error::Invalid {
            kind,
            message: message.into(),
            location: None,
            help,
        }
    }

    /// The kind of an [`Error::Invalid`]; `None` for other errors.
    pub fn invalid_kind(&self) -> Option<InvalidKind> {
        match self {
            Error::Invalid { kind, .. } => Some(*kind),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_input_and_runtime_failures_are_told_apart() {
        let unknown = Error::UnknownPlace {
            name: "X".into(),
            location: None,
            suggestions: vec![],
        };
        assert!(unknown.is_bad_input());
        let full = Error::Write {
            path: "o".into(),
            source: io::Error::other("disk full"),
        };
        assert!(!full.is_bad_input());
        let missing_dir = Error::Write {
            path: "o".into(),
            source: io::Error::from(io::ErrorKind::NotFound),
        };
        assert!(missing_dir.is_bad_input());
    }

    #[test]
    fn unknown_place_suggests() {
        let e = Error::UnknownPlace {
            name: "Usuriysk".into(),
            location: None,
            suggestions: vec!["Ussuriysk".into()],
        };
        assert_eq!(e.to_string(), "unknown place `Usuriysk`");
        assert_eq!(e.help().as_deref(), Some("did you mean `Ussuriysk`?"));
    }
}

#[cfg(test)]
mod kinds {
    use crate::gazetteer::LookupOptions;
    use crate::scene::{self, MapOptions};
    use crate::trip::{self, ResolveOptions};
    use crate::{Gazetteer, InvalidKind, SourceFile, TripPlan};

    /// The kind each part of the library gives its errors, as a caller would meet them.
    #[test]
    fn each_step_reports_its_kind() {
        let g = Gazetteer::bundled();
        let query = g.geocode("", &LookupOptions::default(), None).unwrap_err();
        assert_eq!(query.invalid_kind(), Some(InvalidKind::Query));

        let file = SourceFile::new(
            "t.toml",
            "[[trips]]\nname = \"T\"\nstops = [{ name = \"X\", lat = 91.0, lon = 0.0 }]\n",
        );
        let value = crate::formats::read_trips(&file)
            .and_then(|plan| trip::resolve(&plan, g, &ResolveOptions::default()).map(|_| ()));
        assert_eq!(value.unwrap_err().invalid_kind(), Some(InvalidKind::Value));

        let strict = ResolveOptions {
            strict: true,
            ..ResolveOptions::default()
        };
        let plan = TripPlan::from_names(&["Springfield", "Paris"]);
        let ambiguous = trip::resolve(&plan, g, &strict).unwrap_err();
        let first = match &ambiguous {
            crate::Error::Multiple(all) => &all[0],
            e => e,
        };
        assert_eq!(
            first.invalid_kind(),
            Some(InvalidKind::Ambiguous),
            "{ambiguous:?}"
        );

        assert_eq!(
            "sepia".parse::<scene::Theme>().unwrap_err().invalid_kind(),
            Some(InvalidKind::Setting)
        );
        let empty = scene::build(&[], None, &MapOptions::default()).unwrap_err();
        assert_eq!(empty.invalid_kind(), Some(InvalidKind::Empty));
    }
}
