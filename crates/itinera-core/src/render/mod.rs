//! Drawing a [`Scene`]: PNG through plotters onto an anti-aliasing canvas at 1x (`canvas.rs`,
//! RGBA pixels on huge pages, drawn in bands when large, then encoded), SVG written element by element (`svg.rs`), PDF
//! (`pdf.rs`) and the interactive HTML page, written as it is built (`html.rs`).
//!
//! This module owns styles that are a matter of ink: line widths, dash patterns per travel
//! mode, halos, arrows and markers. Where things go was decided by [`crate::scene`].

mod canvas;
pub(crate) mod html;
mod pdf;
mod pixels;
mod plot;
mod sprite;
mod svg;

pub use html::{sized_page, write_sized_html};

use plot::draw_band;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::{Color as _, RGBAColor};

use crate::error::{Error, Result};
use crate::scene::{Color, Label, Marker, Px, Scene, Stroke, text};

/// `ring` with its first point again at the end, to stroke it all round.
fn closed(ring: &[Px]) -> Vec<Px> {
    ring.iter().chain(ring.first()).copied().collect()
}

/// Radius of the dot at a stop's true place when its marker was moved (style units).
const LEADER_DOT: f64 = 2.2;

/// The outline of the main map's window in the locator inset.
const INSET_WINDOW: Color = Color {
    r: 0xc0,
    g: 0x1f,
    b: 0x2e,
    a: 1.0,
};

/// The white ties drawn over a rail line.
const TIES: Color = Color {
    r: 255,
    g: 255,
    b: 255,
    a: 0.9,
};

/// The most bytes of RGBA canvas drawn at once (see [`png`]).
const BAND_BYTES: usize = 96 << 20;

/// Rows drawn above and below a band and then dropped: tiny-skia draws a thin (hairline) line
/// that its clip cuts one row low in the clip's first row, so a band's own rows are never the
/// first or last of what is drawn.
pub(super) const BAND_MARGIN: usize = 2;

impl Color {
    fn with_alpha(self, a: f64) -> Color {
        Color { a, ..self }
    }
}

/// Cuts a polyline into dashes `on` long with gaps `off`, pixels.
pub(crate) fn dashes(line: &[Px], on: f64, off: f64) -> Vec<Vec<Px>> {
    let mut out = Vec::new();
    if on <= 0.0 || line.len() < 2 {
        return out;
    }
    let mut cur: Vec<Px> = vec![line[0]];
    let mut drawing = true;
    let mut left = on;
    for w in line.windows(2) {
        let (mut a, b) = (w[0], w[1]);
        let mut seg = (b.0 - a.0).hypot(b.1 - a.1);
        while seg > left {
            let t = left / seg;
            let m = (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1));
            if drawing {
                cur.push(m);
                out.push(std::mem::take(&mut cur));
            } else {
                cur = vec![m];
            }
            drawing = !drawing;
            seg -= left;
            left = if drawing { on } else { off };
            a = m;
        }
        left -= seg;
        if drawing {
            cur.push(b);
        }
    }
    if drawing && cur.len() > 1 {
        out.push(cur);
    }
    out
}

/// A route's legs as few polylines as draw alike: consecutive runs with the same stroke that
/// meet end to start, turning by less than 60°, are joined (a long track becomes a few paths,
/// not one per leg; a sharper turn starts a new path, since a thick polyline's mitred corner
/// there would shoot out a spike), and a vertex closer than a quarter pixel to the one kept
/// before it is dropped (the line's ends stay).
fn polylines(legs: &[(Stroke, Vec<Vec<Px>>)]) -> Vec<(Stroke, Vec<Px>)> {
    const MIN_STEP2: f64 = 0.25 * 0.25;
    let close = |a: Px, b: Px| (a.0 - b.0).powi(2) + (a.1 - b.1).powi(2) < MIN_STEP2;
    // cos 60°: the join of two directions at most 60° apart.
    let gentle = |line: &[Px], run: &[Px]| {
        let (Some(&[a, b]), Some(&c)) = (line.get(line.len().wrapping_sub(2)..), run.get(1)) else {
            return false;
        };
        let (u, v) = ((b.0 - a.0, b.1 - a.1), (c.0 - b.0, c.1 - b.1));
        let norms = (u.0.hypot(u.1)) * (v.0.hypot(v.1));
        norms > 0.0 && (u.0 * v.0 + u.1 * v.1) / norms > 0.5
    };
    let mut out: Vec<(Stroke, Vec<Px>)> = Vec::new();
    for (stroke, runs) in legs {
        for run in runs {
            let Some(&first) = run.first() else { continue };
            let joins = out.last().is_some_and(|(s, line)| {
                s == stroke && line.last() == Some(&first) && gentle(line, run)
            });
            if !joins {
                out.push((*stroke, vec![first]));
            }
            let Some((_, line)) = out.last_mut() else {
                continue;
            };
            line.extend_from_slice(&run[1..]);
        }
    }
    for (_, line) in &mut out {
        thin(line, close);
    }
    out
}

/// Drops the vertices of `line` that are `close` to the one kept before them; the first and
/// the last vertex stay.
fn thin(line: &mut Vec<Px>, close: impl Fn(Px, Px) -> bool) {
    let n = line.len();
    if n <= 2 {
        return;
    }
    let last = line[n - 1];
    let mut kept = 1;
    for i in 1..n - 1 {
        if !close(line[kept - 1], line[i]) {
            line[kept] = line[i];
            kept += 1;
        }
    }
    if kept > 1 && close(line[kept - 1], last) {
        kept -= 1;
    }
    line[kept] = last;
    line.truncate(kept + 1);
}

/// Renders the scene as PNG bytes (drawn with anti-aliasing at 1x).
///
/// # Errors
/// [`Error::Encode`] when drawing or encoding fails.
///
/// # Examples
///
/// ```
/// use itinera::scene::{self, MapOptions};
/// use itinera::{Gazetteer, TripPlan, render, route, trip};
///
/// let plan = TripPlan::from_names(&["Khasan", "Ussuriysk"]);
/// let trips = trip::resolve(&plan, Gazetteer::bundled(), &Default::default())?;
/// let routes: Vec<_> = trips.trips.iter().map(route::build).collect();
/// let options = MapOptions { width: 400, height: 300, ..MapOptions::default() };
/// let map = scene::build(&routes, None, &options)?;
/// let png = render::png(&map)?;
/// assert!(png.starts_with(b"\x89PNG"));
/// let svg = render::svg(&map)?;
/// assert!(svg.contains("Ussuriysk"));
/// # Ok::<(), itinera::Error>(())
/// ```
pub fn png(scene: &Scene) -> Result<Vec<u8>> {
    png_in_bands(scene, BAND_BYTES)
}

/// [`png`], drawing at most `band_bytes` of RGBA canvas at once.
fn png_in_bands(scene: &Scene, band_bytes: usize) -> Result<Vec<u8>> {
    let (w, h) = (scene.width, scene.height);
    let too_big = || Error::Encode {
        what: "PNG",
        source: format!("a {w} x {h} bitmap does not fit in memory").into(),
    };
    // An opaque paper is the canvas's first colour, so the page is painted once, not cleared
    // and then painted; a translucent one is drawn by `draw_band` over transparent black, so
    // the RGB written is the paper blended over black, as before.
    let paper = scene.palette.paper;
    let first = if paper.a >= 1.0 {
        [paper.r, paper.g, paper.b, 255]
    } else {
        [0; 4]
    };
    let (wu, hu) = (w as usize, h as usize);
    let row = wu.checked_mul(4).ok_or_else(too_big)?;
    // A map is drawn in bands of whole rows, each at most BAND_BYTES of canvas: one band up
    // to about 5000 x 5000, so a 10000 x 10000 map takes 300 MB for its RGB rows and 96 MB to
    // draw, not 700 MB.
    let band = (band_bytes / row.max(1))
        .saturating_sub(2 * BAND_MARGIN)
        .clamp(1, hu.max(1));
    let drawn = (band + 2 * BAND_MARGIN).min(hu);
    let mut canvas = pixels::Pixels::filled(drawn.checked_mul(row).ok_or_else(too_big)?, &first)
        .ok_or_else(too_big)?;
    // One band: its RGBA pixels become RGB in place. Several: each band's are copied out (into
    // zeroed memory from the system, written once).
    let mut whole = if band < hu {
        Some(vec![0u8; wu.checked_mul(hu * 3).ok_or_else(too_big)?])
    } else {
        None
    };
    for top in (0..hu).step_by(band) {
        let rows = band.min(hu - top);
        let (from, to) = (
            top.saturating_sub(BAND_MARGIN),
            (top + rows + BAND_MARGIN).min(hu),
        );
        let bytes = &mut canvas.as_mut()[..(to - from) * row];
        if top > 0 {
            for px in bytes.chunks_exact_mut(4) {
                px.copy_from_slice(&first);
            }
        }
        {
            let (from, to) = (
                i32::try_from(from).map_err(|_| too_big())?,
                i32::try_from(to).map_err(|_| too_big())?,
            );
            let pixmap = tiny_skia::PixmapMut::from_bytes(bytes, w, (to - from) as u32)
                .ok_or_else(too_big)?;
            let root = canvas::Canvas::new(pixmap, (w, h), from)
                .ok_or_else(too_big)?
                .into_drawing_area();
            draw_band(scene, &root, from..to)?;
        }
        match &mut whole {
            Some(rgb) => rgba_to_rgb(
                &bytes[(top - from) * row..(top - from + rows) * row],
                &mut rgb[top * wu * 3..(top + rows) * wu * 3],
            ),
            None => rgb_in_place(bytes),
        }
    }
    let rgb = match &whole {
        Some(rgb) => rgb,
        None => &canvas.as_ref()[..wu * hu * 3],
    };
    encode(rgb, w, h)
}

/// The PNG of `rgb` pixels: fdeflate's fast compression of Paeth-filtered rows.
fn encode(rgb: &[u8], w: u32, h: u32) -> Result<Vec<u8>> {
    use image::ImageEncoder;
    use image::codecs::png::{CompressionType, FilterType, PngEncoder};
    let mut out = Vec::new();
    // Paeth on every row: on the example map 6% larger than the adaptive choice per row
    // with zlib's default level, at a tenth of the time (fdeflate's fast mode is made for
    // filtered image rows); adaptive filtering would cost 8% of a map's whole run for 2%.
    PngEncoder::new_with_quality(&mut out, CompressionType::Fast, FilterType::Paeth)
        .write_image(rgb, w, h, image::ColorType::Rgb8)
        .map_err(|e| Error::Encode {
            what: "PNG",
            source: e.into(),
        })?;
    Ok(out)
}

/// Copies RGBA pixels (premultiplied, so a translucent one is its colour over black) as RGB.
fn rgba_to_rgb(rgba: &[u8], rgb: &mut [u8]) {
    for (o, i) in rgb.chunks_exact_mut(3).zip(rgba.chunks_exact(4)) {
        o.copy_from_slice(&i[..3]);
    }
}

/// [`rgba_to_rgb`] within one buffer: the RGB pixels end up at its start.
fn rgb_in_place(px: &mut [u8]) {
    // Four pixels at a time, read whole before they are written: block `i` is written to
    // bytes 12i.. and read from 16i.., so no block is overwritten before it is read.
    let blocks = px.len() / 16;
    for i in 0..blocks {
        let mut block = [0u8; 16];
        block.copy_from_slice(&px[16 * i..16 * i + 16]);
        let out = &mut px[12 * i..12 * i + 12];
        for k in 0..4 {
            out[3 * k..3 * k + 3].copy_from_slice(&block[4 * k..4 * k + 3]);
        }
    }
    for i in blocks * 4..px.len() / 4 {
        let (r, g, b) = (px[4 * i], px[4 * i + 1], px[4 * i + 2]);
        px[3 * i..3 * i + 3].copy_from_slice(&[r, g, b]);
    }
}

/// Renders the scene as an SVG document: a group per layer, a `<text>` per label with its halo
/// as a stroke painted first, coordinates to 0.1 px.
///
/// # Errors
/// None today; the `Result` keeps the signature of [`png`].
pub fn svg(scene: &Scene) -> Result<String> {
    Ok(svg::write(scene))
}

/// Renders the scene as a one-page vector PDF for print, its fonts embedded (1 px = 0.75 pt).
///
/// # Errors
/// None today; the `Result` keeps the signature of [`png`].
pub fn pdf(scene: &Scene) -> Result<Vec<u8>> {
    Ok(pdf::write(scene))
}

#[cfg(test)]
mod tests;
