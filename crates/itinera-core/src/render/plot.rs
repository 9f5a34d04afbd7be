//! The PNG's drawing: the scene's layers drawn through plotters onto a [`Canvas`] (a whole
//! map, or one band of a large one), with text set from the embedded fonts.

use super::canvas::{Canvas, Dashes, SUB, TextRun};
use super::*;

fn rgba(c: Color) -> RGBAColor {
    RGBAColor(c.r, c.g, c.b, c.a)
}

/// Draws the scene onto `area`, a canvas in its units of 1/[`SUB`] px, keeping only the map's
/// pixel rows `rows` (a band of a map too large to draw at once): lines and labels far from
/// them are skipped.
///
/// # Errors
/// Whatever the backend reports.
pub(super) fn draw_band(
    scene: &Scene,
    area: &DrawingArea<Canvas<'_>, Shift>,
    rows: std::ops::Range<i32>,
) -> Result<()> {
    let sub = SUB as i32;
    let mut d = Drawer {
        area,
        zoom: SUB,
        u: scene.unit,
        rows: rows.start.saturating_mul(sub)..rows.end.saturating_mul(sub),
    };
    d.all(scene).map_err(|e| Error::Encode {
        what: "map",
        source: e.to_string().into(),
    })
}

struct Drawer<'a, 'c> {
    area: &'a DrawingArea<Canvas<'c>, Shift>,
    /// Backend units per pixel of the scene.
    zoom: f64,
    u: f64,
    /// The rows of the area that are kept (all but for a band of a bitmap), in its units.
    rows: std::ops::Range<i32>,
}

type DResult = std::result::Result<(), DrawingAreaErrorKind<std::convert::Infallible>>;

impl Drawer<'_, '_> {
    fn p(&self, p: Px) -> (i32, i32) {
        (
            (p.0 * self.zoom).round() as i32,
            (p.1 * self.zoom).round() as i32,
        )
    }

    fn w(&self, width: f64) -> u32 {
        (width * self.u * self.zoom).round().max(1.0) as u32
    }

    fn fill(&self, ring: &[Px], c: Color) -> DResult {
        let pts: Vec<(i32, i32)> = ring.iter().map(|p| self.p(*p)).collect();
        // A band skips what lies wholly above or below its rows.
        let (lo, hi) = pts
            .iter()
            .fold((i32::MAX, i32::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
        if !self.shows(f64::from(lo), f64::from(hi)) {
            return Ok(());
        }
        self.area.draw(&Polygon::new(pts, rgba(c).filled()))
    }

    fn line(&self, line: &[Px], c: Color, width: f64) -> DResult {
        let pts: Vec<(i32, i32)> = line.iter().map(|p| self.p(*p)).collect();
        let style = ShapeStyle {
            color: rgba(c),
            filled: false,
            stroke_width: self.w(width),
        };
        let margin = i32::try_from(style.stroke_width).unwrap_or(i32::MAX / 4) + 2 * SUB as i32;
        for run in self.runs_in_band(&pts, margin) {
            self.area.draw(&PathElement::new(run.to_vec(), style))?;
        }
        Ok(())
    }

    /// The parts of a polyline to draw in the rows kept: all of it when they are the whole
    /// area; in a band, the runs of segments that come within `margin` rows of it, each with
    /// one more segment at either end so that the joins inside the band are the same as in
    /// the whole line.
    fn runs_in_band<'p>(&self, pts: &'p [(i32, i32)], margin: i32) -> Vec<&'p [(i32, i32)]> {
        let (lo, hi) = (self.rows.start - margin, self.rows.end + margin);
        let near = |a: (i32, i32), b: (i32, i32)| a.1.max(b.1) >= lo && a.1.min(b.1) < hi;
        if pts.len() < 2 || pts.windows(2).all(|w| near(w[0], w[1])) {
            return vec![pts];
        }
        let mut runs = Vec::new();
        let mut start = None;
        for i in 0..pts.len() - 1 {
            match (start, near(pts[i], pts[i + 1])) {
                (None, true) => start = Some(i.saturating_sub(1)),
                (Some(s), false) => {
                    runs.push(&pts[s..(i + 2).min(pts.len())]);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            runs.push(&pts[s..]);
        }
        runs
    }

    /// Whether rows `y0..=y1` of the area (in its pixels) meet the rows kept.
    fn shows(&self, y0: f64, y1: f64) -> bool {
        y1 >= f64::from(self.rows.start) && y0 < f64::from(self.rows.end)
    }

    /// A dashed line: its dashes, those near the rows kept, as one element.
    fn dashed(&self, line: &[Px], c: Color, width: f64, on: f64, off: f64) -> DResult {
        let style = ShapeStyle {
            color: rgba(c),
            filled: false,
            stroke_width: self.w(width),
        };
        let margin = f64::from(style.stroke_width) + 2.0 * self.zoom;
        let mut d = Dashes {
            points: Vec::new(),
            ends: Vec::new(),
            style,
        };
        for piece in dashes(line, on * self.u, off * self.u) {
            let (lo, hi) = piece
                .iter()
                .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
            if self.shows(lo * self.zoom - margin, hi * self.zoom + margin) {
                d.points.extend(piece.iter().map(|p| self.p(*p)));
                d.ends.push(d.points.len());
            }
        }
        if d.ends.is_empty() {
            return Ok(());
        }
        self.area.draw(&d)
    }

    /// The glyphs of `text` set with the embedded fonts from an origin on the baseline, half
    /// the size below the label's anchor (as plotters and the SVG put it).
    fn glyphs(
        text: &str,
        size: f64,
        bold: bool,
    ) -> Vec<(&'static ab_glyph::FontRef<'static>, ab_glyph::Glyph)> {
        use ab_glyph::{Font, ScaleFont, point};
        let baseline = (size * 0.5) as f32;
        if let Some(run) = text::shape(text, size, bold) {
            // Other scripts: the shaped glyphs of their faces, where the shaper put them.
            return run
                .glyphs
                .iter()
                .map(|g| {
                    let pos = point(g.x as f32, baseline + g.y as f32);
                    let font = text::face_font(g.face, bold);
                    (font, g.id.with_scale_and_position(g.scale, pos))
                })
                .collect();
        }
        let font = text::font(bold);
        let scaled = font.as_scaled(size as f32);
        let mut x = 0f32;
        let mut prev = None;
        let mut out = Vec::with_capacity(text.len());
        for ch in text.chars() {
            let id = scaled.glyph_id(ch);
            if let Some(p) = prev {
                x += scaled.kern(p, id);
            }
            out.push((
                font,
                id.with_scale_and_position(scaled.scale(), point(x, baseline)),
            ));
            x += scaled.h_advance(id);
            prev = Some(id);
        }
        out
    }

    fn label(&self, l: &Label) -> DResult {
        let at = (l.at.0 * self.zoom, l.at.1 * self.zoom);
        // Glyphs (and their halo) stay within a size and a half of the label's middle.
        let reach = 1.5 * l.size * self.zoom;
        if l.text.is_empty() || !self.shows(at.1 - reach, at.1 + reach) {
            return Ok(());
        }
        self.area.draw(&TextRun {
            origin: self.p(l.at),
            glyphs: Self::glyphs(&l.text, l.size, l.bold),
            color: l.color,
            // As the SVG's: a stroke round the glyphs' outlines, 1.6 units either side.
            halo: l.halo.map(|h| (h, (2.0 * 1.6 * self.u) as f32)),
        })
    }

    /// A stop marker: a disc and its ring.
    fn marker(&self, m: &Marker, halo: Color) -> DResult {
        let (fill, ring) = m.fill_and_ring(halo);
        let (c, r) = (self.p(m.at), (m.radius * self.zoom).round() as i32);
        let reach = f64::from(r) + f64::from(self.w(2.2)) + 2.0 * self.zoom;
        if !self.shows(f64::from(c.1) - reach, f64::from(c.1) + reach) {
            return Ok(());
        }
        self.area.draw(&Circle::new(c, r, rgba(fill).filled()))?;
        self.area.draw(&Circle::new(
            c,
            r,
            ShapeStyle {
                color: rgba(ring),
                filled: false,
                stroke_width: self.w(2.2),
            },
        ))
    }

    /// A route line in its stroke, over a casing.
    fn stroke_line(&self, line: &[Px], c: Color, stroke: &Stroke, casing: Color) -> DResult {
        let width = stroke.width;
        self.line(line, casing.with_alpha(0.85), width + 3.0)?;
        match stroke.dash {
            Some((on, off)) => self.dashed(line, c, width, on, off)?,
            None => self.line(line, c, width)?,
        }
        if stroke.ties {
            self.dashed(line, TIES, 1.6, 7.0, 7.0)?;
        }
        Ok(())
    }

    fn all(&mut self, s: &Scene) -> DResult {
        let pal = &s.palette;
        if pal.paper.a < 1.0 {
            // The canvas comes already painted with an opaque paper colour (see `png`).
            self.area.fill(&rgba(pal.paper))?;
        }
        self.fill(&s.sea, pal.water)?;
        for r in &s.land {
            self.fill(r, pal.land)?;
        }
        for r in &s.lakes {
            self.fill(r, pal.water)?;
        }
        for r in &s.islands {
            self.fill(r, pal.land)?;
        }
        for l in &s.rivers {
            self.line(l, pal.river, 1.0)?;
        }
        for l in &s.graticule {
            self.line(l, pal.graticule, 1.0)?;
        }
        for l in &s.regions {
            self.dashed(l, pal.border.with_alpha(0.7), 0.7, 2.0, 2.5)?;
        }
        for l in &s.borders {
            self.dashed(l, pal.border, 1.2, 6.0, 3.5)?;
        }
        for r in &s.routes {
            for (stroke, line) in polylines(&r.legs) {
                self.stroke_line(&line, r.color, &stroke, pal.halo)?;
            }
            for tri in &r.arrows {
                self.arrow(tri, r.color, pal.halo)?;
            }
        }
        // Leader lines from a moved marker back to its stop's true place, marked by a dot.
        for m in &s.markers {
            if let Some(from) = m.leader {
                self.line(&[from, m.at], pal.muted, 1.0)?;
                self.area.draw(&Circle::new(
                    self.p(from),
                    (LEADER_DOT * self.u * self.zoom).round() as i32,
                    rgba(m.color).filled(),
                ))?;
            }
        }
        // Leader lines from a marker to its label set apart.
        for l in &s.label_leaders {
            self.line(l, pal.muted, 0.8)?;
        }
        for m in &s.markers {
            self.marker(m, pal.halo)?;
        }
        self.symbols(s)?;
        for d in &s.context_dots {
            self.area.draw(&Circle::new(
                self.p(*d),
                (2.5 * self.u * self.zoom).round() as i32,
                rgba(pal.muted).filled(),
            ))?;
        }
        if let Some(inset) = &s.inset {
            let boxed = inset.rect.corners();
            self.fill(&boxed, pal.water)?;
            for ring in &inset.land {
                self.fill(ring, pal.land)?;
            }
            for ring in &inset.lakes {
                self.fill(ring, pal.water)?;
            }
            for l in &inset.borders {
                self.line(l, pal.border, 0.8)?;
            }
            self.line(&closed(&inset.window), INSET_WINDOW, 1.6)?;
            self.line(&closed(&boxed), pal.text, 1.0)?;
        }
        for l in &s.labels {
            self.label(l)?;
        }
        // The outline (the frame, or the globe's edge on a world map), under the legend and
        // the scale bar, which stand on their own boxes.
        self.line(&closed(&s.sea), pal.text, 1.2)?;
        self.furniture(s)
    }

    /// Step of [`Drawer::all`]: the legend, the size legend, the scale bar, then the degree
    /// labels, titles and attribution.
    fn furniture(&mut self, s: &Scene) -> DResult {
        let pal = &s.palette;
        if let Some(lg) = &s.legend {
            let boxed = lg.rect.corners();
            self.fill(&boxed, pal.paper.with_alpha(0.92))?;
            self.line(&closed(&boxed), pal.muted.with_alpha(0.6), 1.0)?;
            for row in &lg.rows {
                match &row.dot {
                    Some(m) => self.marker(m, pal.halo)?,
                    None => self.stroke_line(
                        &[row.swatch.0, row.swatch.1],
                        row.color,
                        &row.stroke,
                        pal.paper,
                    )?,
                }
                self.label(&row.name)?;
                self.label(&row.detail)?;
            }
        }
        self.size_legend(s)?;
        if let Some(sb) = &s.scale_bar {
            self.fill(&sb.backdrop().corners(), pal.paper.with_alpha(0.85))?;
            for (ring, dark) in sb.cells() {
                self.fill(&ring, if dark { pal.text } else { pal.paper })?;
            }
            self.line(&sb.outline(), pal.text, 1.0)?;
            for l in &sb.labels {
                self.label(l)?;
            }
        }
        for l in s
            .graticule_labels
            .iter()
            .chain(&s.titles)
            .chain(std::iter::once(&s.attribution))
        {
            self.label(l)?;
        }
        Ok(())
    }

    fn arrow(&self, tri: &[Px; 3], c: Color, halo: Color) -> DResult {
        self.fill(tri, c)?;
        self.line(&[tri[0], tri[1], tri[2], tri[0]], halo, 1.2)
    }
}

/// The proportional symbols and their size legend.
impl Drawer<'_, '_> {
    /// A filled and outlined circle of `r` pixels (a proportional symbol).
    fn disc(&self, at: Px, r: f64, fill: Color, outline: Color) -> DResult {
        let (c, r) = (self.p(at), (r * self.zoom).round() as i32);
        let reach = f64::from(r) + f64::from(self.w(1.2)) + 2.0 * self.zoom;
        if !self.shows(f64::from(c.1) - reach, f64::from(c.1) + reach) {
            return Ok(());
        }
        self.area.draw(&Circle::new(c, r, rgba(fill).filled()))?;
        self.area.draw(&Circle::new(
            c,
            r,
            ShapeStyle {
                color: rgba(outline),
                filled: false,
                stroke_width: self.w(1.2),
            },
        ))
    }

    /// The symbols, largest first.
    fn symbols(&self, s: &Scene) -> DResult {
        if let Some(sy) = &s.symbols {
            for p in &sy.symbols {
                self.disc(p.at, p.radius, sy.fill, sy.outline)?;
            }
        }
        Ok(())
    }

    /// The size legend: its box, title, nested circles, ticks and values.
    fn size_legend(&self, s: &Scene) -> DResult {
        let Some((sy, lg)) = s
            .symbols
            .as_ref()
            .and_then(|sy| Some((sy, sy.legend.as_ref()?)))
        else {
            return Ok(());
        };
        let pal = &s.palette;
        let boxed = lg.rect.corners();
        self.fill(&boxed, pal.paper.with_alpha(0.92))?;
        self.line(&closed(&boxed), pal.muted.with_alpha(0.6), 1.0)?;
        self.label(&lg.title)?;
        for r in &lg.rings {
            self.disc(r.at, r.radius, sy.fill, sy.outline)?;
        }
        for r in &lg.rings {
            self.line(&[r.tick.0, r.tick.1], pal.text, 0.8)?;
            self.label(&r.label)?;
        }
        Ok(())
    }
}
