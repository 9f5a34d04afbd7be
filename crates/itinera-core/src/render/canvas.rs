//! The PNG's rasteriser: a plotters [`DrawingBackend`] over tiny-skia, drawing at 1x with
//! analytic anti-aliasing, so `plot.rs` draws the map through plotters' elements.
//!
//! plotters hands a backend integer coordinates, widths and radii. The canvas therefore tells
//! plotters it is [`SUB`] times the bitmap's size and divides every number back, so shapes keep
//! their place to 1/16 px (the SVG's is 1/10). Paths are filled with the non-zero rule and
//! stroked with the SVG's geometry: round joins and butt caps on open lines, a closed outline
//! (its last point on its first) closed with mitred corners, circles as curves. Two elements
//! of plotters' kind are the canvas's own: [`Dashes`], a dashed line stroked as one path, and
//! [`TextRun`], glyphs whose coverage from ab_glyph's exact-area rasteriser is blended into
//! the pixels over their halo, the coverage grown by the halo's radius (the SVG's halo is a
//! round-joined stroke painted under the text).
//!
//! A canvas may hold only a band of rows of the map (a huge map is drawn a band at a time): it
//! still tells plotters the whole map's size, so nothing is clipped or moved by plotters, and
//! shifts what it draws up by the band's top; tiny-skia clips to the band's rows.

use std::convert::Infallible;

use ab_glyph::{Font as _, FontRef, Glyph, OutlinedGlyph};
use plotters::element::{Drawable, PointCollection};
use plotters::style::Color as _;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, DrawingBackend, DrawingErrorKind,
};
use tiny_skia::{
    FillRule, LineCap, LineJoin, Paint, Path, PathBuilder, PixmapMut, Rect, Stroke, Transform,
};

use crate::scene::Color;

/// Backend units per pixel: what plotters is told is SUB times the bitmap.
pub(super) const SUB: f64 = 16.0;

/// `u` backend units as pixels.
fn px(u: i32) -> f32 {
    (f64::from(u) / SUB) as f32
}

/// Rows of a `size` map (in pixels), drawn into the RGBA pixels of those rows.
pub(super) struct Canvas<'a> {
    pixmap: PixmapMut<'a>,
    size: (u32, u32),
    /// The first row held, in pixels of the map.
    top: i32,
    /// Small circles drawn so far, stamped again where they recur.
    sprites: super::sprite::Sprites,
}

impl<'a> Canvas<'a> {
    /// A canvas over `pixmap`, which holds the rows from `top` of a map of `size` pixels; `None`
    /// when the map is too large for plotters' integer units.
    pub(super) fn new(pixmap: PixmapMut<'a>, size: (u32, u32), top: i32) -> Option<Self> {
        let most = (i32::MAX as f64 / SUB) as u32;
        (size.0 <= most && size.1 <= most).then_some(Canvas {
            pixmap,
            size,
            top,
            sprites: super::sprite::Sprites::default(),
        })
    }

    /// A point in backend units as a point of the pixmap.
    fn at(&self, p: BackendCoord) -> (f32, f32) {
        (px(p.0), px(p.1 - self.top * SUB as i32))
    }

    fn path(&self, points: impl IntoIterator<Item = BackendCoord>) -> (Option<Path>, bool) {
        let mut pb = PathBuilder::new();
        let mut first = None;
        let mut last = None;
        let mut n = 0usize;
        for p in points {
            let (x, y) = self.at(p);
            if first.is_none() {
                first = Some(p);
                pb.move_to(x, y);
            } else if last != Some(p) {
                pb.line_to(x, y);
            }
            last = Some(p);
            n += 1;
        }
        // A line that comes back to its start is an outline: closed, with a corner there.
        let closed = n > 3 && first == last;
        if closed {
            pb.close();
        }
        (pb.finish(), closed)
    }

    fn stroke_path(&mut self, path: &Path, color: BackendColor, width: u32, closed: bool) {
        let stroke = Stroke {
            width: (f64::from(width) / SUB) as f32,
            line_cap: LineCap::Butt,
            line_join: if closed {
                LineJoin::Miter
            } else {
                LineJoin::Round
            },
            ..Stroke::default()
        };
        self.pixmap
            .stroke_path(path, &paint(color), &stroke, Transform::identity(), None);
    }

    fn fill_path(&mut self, path: &Path, color: BackendColor) {
        self.pixmap.fill_path(
            path,
            &paint(color),
            FillRule::Winding,
            Transform::identity(),
            None,
        );
    }

    /// Draws a run of glyphs whose origin is at `anchor`: their coverage, summed into one mask
    /// for the run, is blended in the run's colour over the halo's, the mask dilated.
    fn text(&mut self, anchor: BackendCoord, run: &TextRun) {
        // Glyphs are set from the anchor's fraction of a pixel and the run moved by its whole
        // pixels, so a label has the same coverage wherever it is, in every band.
        let (ax, ay) = self.at(anchor);
        let (ix, iy) = (ax.floor(), ay.floor());
        let glyphs: Vec<OutlinedGlyph> = run
            .glyphs
            .iter()
            .filter_map(|&(font, ref g)| {
                let mut g = g.clone();
                g.position.x += ax - ix;
                g.position.y += ay - iy;
                font.outline_glyph(g)
            })
            .collect();
        let Some(first) = glyphs.first() else {
            return;
        };
        let radius = run.halo.map_or(0.0, |(_, width)| width / 2.0);
        let pad = (radius + 1.0).ceil() as i64;
        let b = glyphs.iter().fold(first.px_bounds(), |mut b, g| {
            let g = g.px_bounds();
            b.min.x = b.min.x.min(g.min.x);
            b.min.y = b.min.y.min(g.min.y);
            b.max.x = b.max.x.max(g.max.x);
            b.max.y = b.max.y.max(g.max.y);
            b
        });
        let (x0, y0) = (b.min.x as i64 - pad, b.min.y as i64 - pad);
        let mask = Mask {
            x0: x0 + ix as i64,
            y0: y0 + iy as i64,
            w: (b.max.x as i64 - x0 + pad).max(0) as usize,
            h: (b.max.y as i64 - y0 + pad).max(0) as usize,
        };
        // Outside the pixmap (above or below a band): nothing to draw.
        if mask.y0 >= i64::from(self.pixmap.height()) || mask.y0 + mask.h as i64 <= 0 {
            return;
        }
        let mut cover = vec![0f32; mask.w * mask.h];
        for g in &glyphs {
            let gb = g.px_bounds();
            let (ox, oy) = (
                (gb.min.x as i64 - x0) as usize,
                (gb.min.y as i64 - y0) as usize,
            );
            g.draw(|x, y, c| {
                let i = (oy + y as usize) * mask.w + ox + x as usize;
                if let Some(v) = cover.get_mut(i) {
                    *v = (*v + c).min(1.0);
                }
            });
        }
        if let Some((c, _)) = run.halo {
            let halo = dilate(&cover, &mask, radius);
            self.blend(&mask, &halo, c);
        }
        self.blend(&mask, &cover, run.color);
    }

    /// Blends `c`, each pixel of `mask` at its coverage in `cover`, into the pixels
    /// (premultiplied RGBA, source over).
    fn blend(&mut self, mask: &Mask, cover: &[f32], c: Color) {
        let (w, h) = (
            i64::from(self.pixmap.width()),
            i64::from(self.pixmap.height()),
        );
        let data = self.pixmap.data_mut();
        let rgb = [f32::from(c.r), f32::from(c.g), f32::from(c.b), 255.0];
        let alpha = c.a.clamp(0.0, 1.0) as f32;
        for (my, row) in cover.chunks_exact(mask.w.max(1)).enumerate() {
            let y = mask.y0 + my as i64;
            if y < 0 || y >= h {
                continue;
            }
            for (mx, &cov) in row.iter().enumerate() {
                let x = mask.x0 + mx as i64;
                if cov <= 0.0 || x < 0 || x >= w {
                    continue;
                }
                let a = alpha * cov;
                let i = ((y * w + x) * 4) as usize;
                for (d, s) in data[i..i + 4].iter_mut().zip(rgb) {
                    *d = (s * a + f32::from(*d) * (1.0 - a) + 0.5) as u8;
                }
            }
        }
    }
}

/// Where a run's coverage mask lies in the pixmap, and its size.
struct Mask {
    x0: i64,
    y0: i64,
    w: usize,
    h: usize,
}

/// The coverage of the shape whose coverage is `cover`, grown by `radius` pixels all round
/// (the SVG's halo: a stroke of twice the radius, round-joined, under the fill).
///
/// A pixel's distance to the shape is taken from its neighbours: a neighbour `d` away whose
/// coverage is `c` has the shape's edge about `0.5 - c` beyond its centre (through its centre
/// at half coverage, half a pixel before it when full). The grown shape covers a pixel fully
/// `radius - 0.5` from the shape and not at all `radius + 0.5` away, linearly between.
fn dilate(cover: &[f32], mask: &Mask, radius: f32) -> Vec<f32> {
    let reach = radius + 1.0;
    let n = reach.ceil() as i64;
    let offsets: Vec<(i64, f32)> = (-n..=n)
        .flat_map(|dy| (-n..=n).map(move |dx| (dx, dy)))
        .filter_map(|(dx, dy)| {
            let d = ((dx * dx + dy * dy) as f32).sqrt();
            (d < reach).then_some((dy * mask.w as i64 + dx, d))
        })
        .collect();
    let mut dist = vec![f32::MAX; cover.len()];
    let len = cover.len() as i64;
    for (q, &c) in cover.iter().enumerate() {
        // Less than a level of 255 is the rasteriser's rounding, not ink.
        if c < 1.0 / 255.0 {
            continue;
        }
        let base = 0.5 - c;
        for &(o, d) in &offsets {
            let p = q as i64 + o;
            if (0..len).contains(&p) {
                let slot = &mut dist[p as usize];
                *slot = slot.min(d + base);
            }
        }
    }
    dist.iter()
        .map(|&d| (radius + 0.5 - d).clamp(0.0, 1.0))
        .collect()
}

/// A line of upright and level segments only (a frame, a box, the scale bar's outline) is
/// moved by less than half a pixel so that its stroke's edges fall on pixel edges: a 1 px
/// outline is one dark row, as the 2x bitmap drew it, not two half-grey rows. Other lines keep
/// their place.
fn snap_upright(points: &mut [BackendCoord], width: f64) {
    let upright = points.len() > 1
        && points
            .windows(2)
            .all(|w| w[0].0 == w[1].0 || w[0].1 == w[1].1)
        && points.windows(2).any(|w| w[0] != w[1]);
    if !upright {
        return;
    }
    let half = width / 2.0;
    let snap = |u: i32| {
        let edge = (f64::from(u) / SUB - half).round() + half;
        (edge * SUB).round() as i32
    };
    for p in points {
        *p = (snap(p.0), snap(p.1));
    }
}

fn paint(c: BackendColor) -> Paint<'static> {
    let mut paint = Paint::default();
    let (r, g, b) = c.rgb;
    let mut color = tiny_skia::Color::from_rgba8(r, g, b, 255);
    color.apply_opacity(c.alpha.clamp(0.0, 1.0) as f32);
    paint.set_color(color);
    paint.anti_alias = true;
    paint
}

/// Glyphs placed from an origin (a label's anchor, its baseline half a size below), with the
/// colour of their fill and, for a halo, its colour and stroke width in pixels.
pub(super) struct TextRun {
    pub(super) origin: BackendCoord,
    pub(super) glyphs: Vec<(&'static FontRef<'static>, Glyph)>,
    pub(super) color: Color,
    pub(super) halo: Option<(Color, f32)>,
}

impl<'a> PointCollection<'a, BackendCoord> for &'a TextRun {
    type Point = &'a BackendCoord;
    type IntoIter = std::iter::Once<&'a BackendCoord>;
    fn point_iter(self) -> Self::IntoIter {
        std::iter::once(&self.origin)
    }
}

impl Drawable<Canvas<'_>> for TextRun {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut points: I,
        backend: &mut Canvas<'_>,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if let Some(anchor) = points.next() {
            backend.text(anchor, self);
        }
        Ok(())
    }
}

/// The dashes of one dashed line, each a polyline: its points, and where each dash ends in
/// them. Stroked as one path, as the SVG's dashed `<path>`, so a translucent colour is laid
/// once where dashes meet, and in one pass of the rasteriser rather than one per dash.
pub(super) struct Dashes {
    pub(super) points: Vec<BackendCoord>,
    pub(super) ends: Vec<usize>,
    pub(super) style: plotters::style::ShapeStyle,
}

impl<'a> PointCollection<'a, BackendCoord> for &'a Dashes {
    type Point = &'a BackendCoord;
    type IntoIter = &'a [BackendCoord];
    fn point_iter(self) -> Self::IntoIter {
        &self.points
    }
}

impl Drawable<Canvas<'_>> for Dashes {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        points: I,
        backend: &mut Canvas<'_>,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let mut pb = PathBuilder::new();
        let mut ends = self.ends.iter().peekable();
        let mut start = true;
        for (i, p) in points.enumerate() {
            let (x, y) = backend.at(p);
            if start {
                pb.move_to(x, y);
            } else {
                pb.line_to(x, y);
            }
            start = ends.next_if(|&&e| e == i + 1).is_some();
        }
        if let Some(path) = pb.finish() {
            let (color, width) = (self.style.color.to_backend_color(), self.style.stroke_width);
            backend.stroke_path(&path, color, width, false);
        }
        Ok(())
    }
}

impl DrawingBackend for Canvas<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        let sub = SUB as u32;
        (self.size.0 * sub, self.size.1 * sub)
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    /// Paints the pixel that holds `point`.
    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let (x, y) = self.at(point);
        if let Some(r) = Rect::from_xywh(x.floor(), y.floor(), 1.0, 1.0) {
            self.pixmap
                .fill_rect(r, &paint(color), Transform::identity(), None);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let (a, b) = (upper_left, bottom_right);
        if fill {
            let ((x0, y0), (x1, y1)) = (self.at(a), self.at(b));
            if let Some(r) = Rect::from_ltrb(x0, y0, x1, y1) {
                self.pixmap
                    .fill_rect(r, &paint(style.color()), Transform::identity(), None);
            }
            return Ok(());
        }
        self.draw_path([a, (b.0, a.1), b, (a.0, b.1), a], style)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let mut points: Vec<BackendCoord> = path.into_iter().collect();
        snap_upright(&mut points, f64::from(style.stroke_width()) / SUB);
        if let (Some(p), closed) = self.path(points) {
            self.stroke_path(&p, style.color(), style.stroke_width(), closed);
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let (x, y) = self.at(center);
        let r = (f64::from(radius) / SUB) as f32;
        let ring = if fill {
            0.0
        } else {
            (f64::from(style.stroke_width()) / SUB) as f32
        };
        let color = style.color();
        let circle = super::sprite::Circle {
            x,
            y,
            radius: r,
            ring,
            paint: &paint(color),
            key: (color.rgb, color.alpha),
        };
        if self.sprites.stamp(&mut self.pixmap, &circle) {
            return Ok(());
        }
        if let Some(circle) = PathBuilder::from_circle(x, y, r) {
            if fill {
                self.fill_path(&circle, style.color());
            } else {
                self.stroke_path(&circle, style.color(), style.stroke_width(), true);
            }
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if let (Some(p), _) = self.path(vert) {
            self.fill_path(&p, style.color());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::prelude::*;

    /// Draws shape `which` (a disc, a thick line, a translucent triangle), each crossing the
    /// bands' edges, into rows `top..end` of a 40 x 40 map.
    fn draw(top: i32, end: i32, which: u8) -> Vec<u8> {
        let (w, h) = (40u32, 40u32);
        let mut px = vec![255u8; (w * 4) as usize * (end - top) as usize];
        {
            let pixmap = PixmapMut::from_bytes(&mut px, w, (end - top) as u32).unwrap();
            let area = Canvas::new(pixmap, (w, h), top)
                .unwrap()
                .into_drawing_area();
            let s = SUB as i32;
            let blue = ShapeStyle {
                color: BLUE.to_rgba(),
                filled: false,
                stroke_width: 3 * s as u32,
            };
            let done = match which {
                0 => area.draw(&Circle::new((20 * s, 18 * s), 6 * s, RED.filled())),
                1 => area.draw(&PathElement::new(
                    vec![(0, 5 * s), (39 * s, 35 * s + 5)],
                    blue,
                )),
                _ => area.draw(&Polygon::new(
                    vec![
                        (2 * s + 3, 10 * s + 7),
                        (30 * s, 12 * s),
                        (25 * s, 30 * s + 9),
                    ],
                    GREEN.mix(0.5).filled(),
                )),
            };
            done.unwrap();
        }
        px
    }

    /// A band, drawn with the margin rows that `png` draws around it, has the pixels of the
    /// same rows of the whole map: shapes that begin above it or end below it are cut, not
    /// moved.
    #[test]
    fn a_band_holds_the_rows_of_the_whole_map() {
        let row = 40 * 4;
        for which in 0..3 {
            let whole = draw(0, 40, which);
            for (top, end) in [(0, 16), (16, 22), (22, 40)] {
                let m = crate::render::BAND_MARGIN as i32;
                let (from, to) = ((top - m).max(0), (end + m).min(40));
                let drawn = draw(from, to, which);
                let band = &drawn[row * (top - from) as usize..row * (end - from) as usize];
                let expected = &whole[row * top as usize..row * end as usize];
                let most = band.iter().zip(expected).map(|(a, b)| a.abs_diff(*b)).max();
                assert!(
                    most <= Some(1),
                    "shape {which}: rows {top}..{end} differ by {most:?}"
                );
            }
        }
    }

    #[test]
    fn a_translucent_colour_is_blended_once_over_the_paper() {
        let mut px = vec![0u8; 4 * 4 * 4];
        for p in px.chunks_exact_mut(4) {
            p.copy_from_slice(&[255, 255, 255, 255]);
        }
        {
            let pixmap = PixmapMut::from_bytes(&mut px, 4, 4).unwrap();
            let area = Canvas::new(pixmap, (4, 4), 0).unwrap().into_drawing_area();
            let s = SUB as i32;
            let half = RGBAColor(0, 0, 0, 0.5);
            area.draw(&Polygon::new(
                vec![(0, 0), (4 * s, 0), (4 * s, 4 * s), (0, 4 * s)],
                half.filled(),
            ))
            .unwrap();
        }
        assert!(
            px.chunks_exact(4)
                .all(|p| (127..=128).contains(&p[0]) && p[3] == 255),
            "{px:?}"
        );
    }

    #[test]
    fn upright_outlines_are_moved_onto_pixel_edges_and_other_lines_are_not() {
        let u = |px: f64| (px * SUB) as i32;
        let mut frame = [(u(10.0), u(20.0)), (u(30.0), u(20.0)), (u(30.0), u(40.0))];
        snap_upright(&mut frame, 1.0);
        assert_eq!(
            frame,
            [(u(10.5), u(20.5)), (u(30.5), u(20.5)), (u(30.5), u(40.5))]
        );
        let mut even = [(u(10.0), u(20.0)), (u(30.0), u(20.0))];
        snap_upright(&mut even, 2.0);
        assert_eq!(even, [(u(10.0), u(20.0)), (u(30.0), u(20.0))]);
        let slanted = [(u(10.0), u(20.0)), (u(30.0), u(25.0))];
        let mut kept = slanted;
        snap_upright(&mut kept, 1.0);
        assert_eq!(kept, slanted);
    }
}
