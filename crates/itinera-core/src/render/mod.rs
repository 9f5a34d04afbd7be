//! Drawing a [`Scene`]: PNG through plotters (a 2x bitmap on huge pages, drawn in bands when
//! large, averaged down and encoded), SVG written element by element (`svg.rs`), PDF
//! (`pdf.rs`) and the interactive HTML page, written as it is built (`html.rs`).
//!
//! This module owns styles that are a matter of ink: line widths, dash patterns per travel
//! mode, halos, arrows and markers. Where things go was decided by [`crate::scene`].

mod band;
pub(crate) mod html;
mod pdf;
mod pixels;
mod plot;
mod svg;

pub use html::{sized_page, write_sized_html};

use plot::draw_band;

use std::sync::Once;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::{Color as _, FontStyle, RGBAColor, register_font};

use crate::error::{Error, Result};
use crate::scene::{Color, Label, Marker, Px, Scene, Stroke, text};

/// Directions in which a label's text is repeated in the halo colour, under the text.
const HALO: [(f64, f64); 8] = [
    (1.0, 0.0),
    (-1.0, 0.0),
    (0.0, 1.0),
    (0.0, -1.0),
    (0.7, 0.7),
    (-0.7, 0.7),
    (0.7, -0.7),
    (-0.7, -0.7),
];

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

/// Supersampling factor of PNG output: drawn at 2x, averaged down, for smooth edges.
const SUPERSAMPLE: u32 = 2;

/// The most bytes of supersampled bitmap drawn at once (see [`png`]).
const BAND_BYTES: usize = 96 << 20;

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

/// The pixel runs `(y, first x, last x)` inside a closed ring of integer points, row by row
/// (even-odd rule; a row at a vertex counts the edges that start there, as scanline fills do).
fn row_spans(ring: &[(i32, i32)], rows: std::ops::Range<i32>) -> Vec<(i32, i32, i32)> {
    let Some((lo, hi)) = ring
        .iter()
        .map(|p| p.1)
        .fold(None, |r: Option<(i32, i32)>, y| {
            Some(r.map_or((y, y), |(a, b)| (a.min(y), b.max(y))))
        })
    else {
        return Vec::new();
    };
    let mut edges: Vec<((i32, i32), (i32, i32))> = ring
        .iter()
        .zip(ring.iter().cycle().skip(1))
        .filter(|(a, b)| a.1 != b.1)
        .map(|(&a, &b)| if a.1 < b.1 { (a, b) } else { (b, a) })
        .collect();
    // Edges by their top row; a row looks only at the edges that span it (an active list),
    // so a ring of many edges costs its edges plus its crossings, not edges times rows.
    edges.sort_by_key(|e| e.0.1);
    let mut next = 0;
    let mut active: Vec<((i32, i32), (i32, i32))> = Vec::new();
    let mut spans = Vec::new();
    let mut xs: Vec<f64> = Vec::new();
    for y in lo.max(rows.start)..=hi.min(rows.end.saturating_sub(1)) {
        while next < edges.len() && edges[next].0.1 <= y {
            active.push(edges[next]);
            next += 1;
        }
        active.retain(|e| y < e.1.1);
        xs.clear();
        for &((x0, y0), (x1, y1)) in &active {
            let t = f64::from(y - y0) / f64::from(y1 - y0);
            xs.push(f64::from(x0) + t * f64::from(x1 - x0));
        }
        xs.sort_by(f64::total_cmp);
        for pair in xs.chunks_exact(2) {
            let (a, b) = (pair[0].ceil() as i32, pair[1].floor() as i32);
            if a <= b {
                spans.push((y, a, b));
            }
        }
    }
    spans
}

/// Renders the scene as PNG bytes (drawn at 2x and averaged down).
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

/// [`png`], drawing at most `band_bytes` of supersampled bitmap at once.
fn png_in_bands(scene: &Scene, band_bytes: usize) -> Result<Vec<u8>> {
    let (w, h) = (scene.width, scene.height);
    let (bw, bh) = (w * SUPERSAMPLE, h * SUPERSAMPLE);
    // An opaque paper is the buffer's first colour, so the page is painted once, not cleared
    // and then painted; a translucent one is blended over black by `draw`, as before.
    let paper = scene.palette.paper;
    let first = if paper.a >= 1.0 {
        [paper.r, paper.g, paper.b]
    } else {
        [0, 0, 0]
    };
    let too_big = || Error::Encode {
        what: "PNG",
        source: format!("a {bw} x {bh} bitmap does not fit in memory").into(),
    };
    // A map is drawn in bands of whole output rows, each band's bitmap at most BAND_BYTES:
    // one band up to about 5000 x 5000, so a 10000 x 10000 map takes 300 MB for its output
    // rows and 96 MB to draw, not 1.5 GB.
    let big_row = (bw as usize).checked_mul(3).ok_or_else(too_big)?;
    let k = SUPERSAMPLE as usize;
    let band = (band_bytes / (big_row * k)).clamp(1, h as usize);
    let mut small = pixels::Pixels::filled(
        (w as usize * h as usize)
            .checked_mul(3)
            .ok_or_else(too_big)?,
        &[],
    )
    .ok_or_else(too_big)?;
    let mut pixels = pixels::Pixels::filled(band * k * big_row, &first).ok_or_else(too_big)?;
    for top in (0..h as usize).step_by(band) {
        let rows = band.min(h as usize - top);
        let big = &mut pixels.as_mut()[..rows * k * big_row];
        if top > 0 {
            for px in big.chunks_exact_mut(3) {
                px.copy_from_slice(&first);
            }
        }
        {
            let top = i32::try_from(top * k).map_err(|_| too_big())?;
            let end = i32::try_from(rows * k).map_err(|_| too_big())? + top;
            let band = band::Band::new(big, (bw, bh), top..end);
            let root = band.into_drawing_area();
            draw_band(scene, &root, f64::from(SUPERSAMPLE), true, top..end)?;
            root.present().map_err(|e| Error::Encode {
                what: "PNG",
                source: e.to_string().into(),
            })?;
        }
        let out_rows = w as usize * 3;
        box_filter(
            &pixels.as_ref()[..rows * k * big_row],
            &mut small.as_mut()[top * out_rows..(top + rows) * out_rows],
            w as usize,
        );
    }
    drop(pixels);
    let mut out = Vec::new();
    use image::ImageEncoder;
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(small.as_ref(), w, h, image::ColorType::Rgb8)
        .map_err(|e| Error::Encode {
            what: "PNG",
            source: e.into(),
        })?;
    Ok(out)
}

/// Each pixel of `small` (rows of `w` RGB pixels) is the mean of its SUPERSAMPLE × SUPERSAMPLE
/// block of `big`, row by row. A function of its own with a constant block size, so the
/// compiler unrolls and vectorises it the same way in every build (inlined into `png`, its
/// speed had come to depend on how the rest of the crate was split into codegen units).
#[inline(never)]
fn box_filter(big: &[u8], small: &mut [u8], w: usize) {
    const K: usize = SUPERSAMPLE as usize;
    // The sum of a block fits the u16 accumulators.
    const _: () = assert!(K * K * 255 <= u16::MAX as usize);
    let big_row = w * K * 3;
    let mut sums = vec![0u16; w * 3];
    for (out, block) in small
        .chunks_exact_mut(w * 3)
        .zip(big.chunks_exact(big_row * K))
    {
        sums.fill(0);
        for row in block.chunks_exact(big_row) {
            for (sum, px) in sums.chunks_exact_mut(3).zip(row.chunks_exact(3 * K)) {
                for sub in px.chunks_exact(3) {
                    sum[0] += u16::from(sub[0]);
                    sum[1] += u16::from(sub[1]);
                    sum[2] += u16::from(sub[2]);
                }
            }
        }
        for (o, s) in out.iter_mut().zip(&sums) {
            *o = (s / (K * K) as u16) as u8;
        }
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
