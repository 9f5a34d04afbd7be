//! itinera's trip file, TOML: read only (a draft is written by `extract --draft`).

use super::{Described, TripReader};
use crate::error::Result;
use crate::source::SourceFile;
use crate::trip::{self, TripPlan};

/// The TOML trip file.
pub(super) struct Toml;

impl Described for Toml {
    fn name(&self) -> &'static str {
        "toml"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["toml"]
    }
    fn about(&self) -> &'static str {
        "itinera's trip file: trips with their stops (see the README)"
    }
}

impl TripReader for Toml {
    /// Never by its looks: TOML is what text is read as when nothing else fits.
    fn looks_like(&self, _: &str) -> bool {
        false
    }
    fn read(&self, source: &SourceFile) -> Result<TripPlan> {
        trip::parse_toml(source)
    }
}
