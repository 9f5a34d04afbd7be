//! The map formats `render` writes: PNG, SVG and PDF, each an encoding of one scene.

use super::{Described, MapWriter};
use crate::error::Result;
use crate::render;
use crate::scene::Scene;

/// PNG bitmap.
pub(super) struct Png;
/// Layered SVG.
pub(super) struct Svg;
/// Vector PDF for print.
pub(super) struct Pdf;

impl Described for Png {
    fn name(&self) -> &'static str {
        "png"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["png"]
    }
    fn about(&self) -> &'static str {
        "PNG bitmap"
    }
}

impl MapWriter for Png {
    fn encode(&self, scene: &Scene) -> Result<Vec<u8>> {
        render::png(scene)
    }
}

impl Described for Svg {
    fn name(&self) -> &'static str {
        "svg"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["svg"]
    }
    fn about(&self) -> &'static str {
        "layered SVG"
    }
}

impl MapWriter for Svg {
    fn encode(&self, scene: &Scene) -> Result<Vec<u8>> {
        render::svg(scene).map(String::into_bytes)
    }
}

impl Described for Pdf {
    fn name(&self) -> &'static str {
        "pdf"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["pdf"]
    }
    fn about(&self) -> &'static str {
        "vector PDF for print"
    }
}

impl MapWriter for Pdf {
    fn encode(&self, scene: &Scene) -> Result<Vec<u8>> {
        render::pdf(scene)
    }
}
