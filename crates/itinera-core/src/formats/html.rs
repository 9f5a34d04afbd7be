//! The interactive HTML map: one self-contained page (no network), written by `export`.

use std::io::Write;

use super::{Described, ExportOptions, RouteWriter};
use crate::error::Result;
use crate::export;
use crate::route::Route;
use crate::scene::MapOptions;

/// A web page with the map.
pub(super) struct Html;

impl Described for Html {
    fn name(&self) -> &'static str {
        "html"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["html", "htm"]
    }
    fn about(&self) -> &'static str {
        "an interactive map in one self-contained web page"
    }
}

impl RouteWriter for Html {
    fn write(&self, routes: &[Route], o: &ExportOptions<'_>, w: &mut dyn Write) -> Result<()> {
        export::write_html(routes, o.title, &MapOptions::default(), w)
    }
}
