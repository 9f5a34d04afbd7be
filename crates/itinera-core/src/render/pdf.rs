//! The PDF of a [`Scene`], for print: one page, vector throughout, the scene's own fonts
//! embedded (Noto Sans, regular and bold, as TrueType CID fonts with a `ToUnicode` map so
//! text can be searched and copied; a shaped label's glyph clusters each carry their text as
//! `ActualText`, since a conjunct or a mark's glyph stands for several characters). Layers are drawn in the order of the PNG and the SVG.
//!
//! A pixel of the scene is 0.75 pt (96 pixels to the inch), so the default 1600 × 1000 map
//! is a 423 × 265 mm page. Text is laid out glyph by glyph with the same advances and kerning
//! as the PNG, so labels sit where the scene placed them.

use std::collections::BTreeMap;

use ab_glyph::{Font, FontRef, GlyphId};
use pdf_writer::types::{LineCapStyle, LineJoinStyle, TextRenderingMode};
use pdf_writer::{Content, Name, Str, TextStr};

use crate::scene::text::{self, Face};
use crate::scene::{Color, Label, Marker, Px, Scene, Stroke};

mod document;
use document::document;

/// Points per scene pixel.
const PT_PER_PX: f32 = 0.75;

/// Noto Sans: ascent - descent is 1.362 em; a label's `size` is that height.
const EM_PER_SIZE: f64 = 1.0 / 1.362;

/// The bezier handle length for a quarter circle, as a fraction of the radius.
const KAPPA: f64 = 0.552_284_75;

/// One embedded font and what the page used of it.
struct FontUse {
    font: &'static FontRef<'static>,
    bytes: &'static [u8],
    name: String,
    /// Glyphs drawn, with the text each stands for (for `ToUnicode`).
    glyphs: BTreeMap<u16, char>,
}

impl FontUse {
    fn new(face: Face, bold: bool) -> FontUse {
        let mut family = face.family().replace(' ', "");
        if matches!(face, Face::More(_)) && face.family() == Face::Cjk.family() {
            // The rarer Han characters: a second subset of the same family.
            family.push_str("Rare");
        }
        FontUse {
            font: text::face_font(face, bold),
            bytes: face.bytes(bold),
            name: format!("{family}-{}", if bold { "Bold" } else { "Regular" }),
            glyphs: BTreeMap::new(),
        }
    }

    /// Thousandths of an em.
    fn units(&self, v: f32) -> f32 {
        v * 1000.0 / self.font.units_per_em().unwrap_or(1000.0)
    }
}

/// Index in [`Page::fonts`]: Noto Sans regular and bold, then the faces for other scripts.
fn font_index(face: Face, bold: bool) -> usize {
    face.index(bold && face == Face::Latin)
}

struct Page {
    content: Content,
    fonts: Vec<FontUse>,
    /// Fill and stroke opacities used, each an `ExtGState` named `A<i>`.
    alphas: Vec<(f32, f32)>,
}

impl Page {
    fn rgb_fill(&mut self, c: Color) {
        self.content.set_fill_rgb(
            f32::from(c.r) / 255.0,
            f32::from(c.g) / 255.0,
            f32::from(c.b) / 255.0,
        );
    }

    fn rgb_stroke(&mut self, c: Color) {
        self.content.set_stroke_rgb(
            f32::from(c.r) / 255.0,
            f32::from(c.g) / 255.0,
            f32::from(c.b) / 255.0,
        );
    }

    /// Sets the opacity of fills and strokes for what follows (1 is opaque).
    fn alpha(&mut self, fill: f64, stroke: f64) {
        let key = (fill.clamp(0.0, 1.0) as f32, stroke.clamp(0.0, 1.0) as f32);
        let i = match self.alphas.iter().position(|a| *a == key) {
            Some(i) => i,
            None => {
                self.alphas.push(key);
                self.alphas.len() - 1
            }
        };
        let name = format!("A{i}");
        self.content.set_parameters(Name(name.as_bytes()));
    }

    fn trace(&mut self, points: &[Px], close: bool) {
        for (i, p) in points.iter().enumerate() {
            let (x, y) = (p.0 as f32, p.1 as f32);
            if i == 0 {
                self.content.move_to(x, y);
            } else {
                self.content.line_to(x, y);
            }
        }
        if close {
            self.content.close_path();
        }
    }

    fn fill(&mut self, rings: &[Vec<Px>], c: Color) {
        if rings.iter().all(|r| r.len() < 3) {
            return;
        }
        self.alpha(c.a, 1.0);
        self.rgb_fill(c);
        for r in rings.iter().filter(|r| r.len() >= 3) {
            self.trace(r, true);
        }
        // Nonzero: a ring and its hole are filled as the PNG fills them, each on its own.
        self.content.fill_nonzero();
    }

    fn stroke(&mut self, lines: &[&[Px]], c: Color, width: f64, dash: Option<(f64, f64)>) {
        let lines: Vec<&[Px]> = lines.iter().copied().filter(|l| l.len() >= 2).collect();
        if lines.is_empty() {
            return;
        }
        self.alpha(1.0, c.a);
        self.rgb_stroke(c);
        self.content.set_line_width(width as f32);
        match dash {
            Some((on, off)) => self.content.set_dash_pattern([on as f32, off as f32], 0.0),
            None => self.content.set_dash_pattern([], 0.0),
        };
        for l in lines {
            self.trace(l, false);
        }
        self.content.stroke();
    }

    /// A stop marker: a disc and its ring.
    fn marker(&mut self, m: &Marker, halo: Color, u: f64) {
        let (fill, ring) = m.fill_and_ring(halo);
        self.alpha(fill.a, ring.a);
        self.rgb_fill(fill);
        self.rgb_stroke(ring);
        self.content.set_line_width((2.2 * u) as f32);
        self.content.set_dash_pattern([], 0.0);
        self.circle(m.at, m.radius);
        self.content.fill_nonzero_and_stroke();
    }

    /// A filled and outlined circle (a proportional symbol).
    fn disc(&mut self, at: Px, r: f64, fill: Color, outline: Color, width: f64) {
        self.alpha(fill.a, outline.a);
        self.rgb_fill(fill);
        self.rgb_stroke(outline);
        self.content.set_line_width(width as f32);
        self.content.set_dash_pattern([], 0.0);
        self.circle(at, r);
        self.content.fill_nonzero_and_stroke();
    }

    fn circle(&mut self, at: Px, r: f64) {
        let (x, y, k) = (at.0, at.1, r * KAPPA);
        let c = &mut self.content;
        c.move_to((x + r) as f32, y as f32);
        c.cubic_to(
            (x + r) as f32,
            (y + k) as f32,
            (x + k) as f32,
            (y + r) as f32,
            x as f32,
            (y + r) as f32,
        );
        c.cubic_to(
            (x - k) as f32,
            (y + r) as f32,
            (x - r) as f32,
            (y + k) as f32,
            (x - r) as f32,
            y as f32,
        );
        c.cubic_to(
            (x - r) as f32,
            (y - k) as f32,
            (x - k) as f32,
            (y - r) as f32,
            x as f32,
            (y - r) as f32,
        );
        c.cubic_to(
            (x + k) as f32,
            (y - r) as f32,
            (x + r) as f32,
            (y - k) as f32,
            (x + r) as f32,
            y as f32,
        );
        c.close_path();
    }

    /// The text of `l` as glyph ids: Noto Sans with its kerning, other scripts as shaped,
    /// each glyph where the shaper put it.
    fn show(&mut self, l: &Label, mode: TextRenderingMode) {
        let em = (l.size * EM_PER_SIZE) as f32;
        // The scene's y axis points down; text is drawn upright by flipping it back.
        let baseline = (l.at.1 + l.size * 0.5) as f32;
        self.content.begin_text();
        self.content.set_text_rendering_mode(mode);
        if let Some(run) = text::shape(&l.text, l.size, l.bold) {
            let mut current = usize::MAX;
            for (i, g) in run.glyphs.iter().enumerate() {
                let f = font_index(g.face, l.bold);
                if f != current {
                    self.content.set_font(Name(format!("F{f}").as_bytes()), em);
                    current = f;
                }
                // A cluster's glyphs (a conjunct, a base with its marks, a ligature) copy
                // and search as the characters they stand for, whatever their `ToUnicode`.
                let cluster = l.text.get(g.cluster.0..g.cluster.1).unwrap_or("");
                let first = i == 0 || run.glyphs[i - 1].cluster != g.cluster;
                let last = run.glyphs.get(i + 1).is_none_or(|n| n.cluster != g.cluster);
                if first {
                    self.content
                        .begin_marked_content_with_properties(Name(b"Span"))
                        .properties()
                        .actual_text(TextStr(cluster));
                }
                self.fonts[f].glyphs.entry(g.id.0).or_insert(g.ch);
                let (x, y) = ((l.at.0 + g.x) as f32, baseline + g.y as f32);
                self.content.set_text_matrix([1.0, 0.0, 0.0, -1.0, x, y]);
                self.content.show(Str(&g.id.0.to_be_bytes()));
                if last {
                    self.content.end_marked_content();
                }
            }
            self.content.end_text();
            return;
        }
        let f = usize::from(l.bold);
        self.content.set_font(Name(format!("F{f}").as_bytes()), em);
        self.content
            .set_text_matrix([1.0, 0.0, 0.0, -1.0, l.at.0 as f32, baseline]);
        let mut items: Vec<(Vec<u8>, f32)> = Vec::new();
        let mut prev: Option<GlyphId> = None;
        for ch in l.text.chars() {
            let fu = &mut self.fonts[f];
            let id = fu.font.glyph_id(ch);
            fu.glyphs.entry(id.0).or_insert(ch);
            // A positive kern moves the next glyph right; TJ adjustments move it left.
            let kern = prev.map_or(0.0, |p| fu.units(fu.font.kern_unscaled(p, id)));
            items.push((id.0.to_be_bytes().to_vec(), -kern));
            prev = Some(id);
        }
        {
            let mut tj = self.content.show_positioned();
            let mut it = tj.items();
            for (bytes, adjust) in &items {
                if *adjust != 0.0 {
                    it.adjust(*adjust);
                }
                it.show(Str(bytes));
            }
        }
        self.content.end_text();
    }

    /// A label: its halo as a stroke of the text under the text's fill, as in the SVG.
    fn label(&mut self, l: &Label, unit: f64) {
        if l.text.is_empty() {
            return;
        }
        if let Some(h) = l.halo {
            self.alpha(1.0, h.a);
            self.rgb_stroke(h);
            self.content.set_line_width((2.0 * 1.6 * unit) as f32);
            self.content.set_line_join(LineJoinStyle::RoundJoin);
            self.show(l, TextRenderingMode::Stroke);
        }
        self.alpha(l.color.a, 1.0);
        self.rgb_fill(l.color);
        self.show(l, TextRenderingMode::Fill);
    }

    fn route_line(&mut self, line: &[Px], c: Color, stroke: &Stroke, casing: Color, u: f64) {
        let w = stroke.width;
        self.stroke(&[line], casing.with_alpha(0.85), (w + 3.0) * u, None);
        let dash = stroke.dash.map(|(on, off)| (on * u, off * u));
        self.stroke(&[line], c, w * u, dash);
        if stroke.ties {
            self.stroke(&[line], super::TIES, 1.6 * u, Some((7.0 * u, 7.0 * u)));
        }
    }
}

/// The scene as a one-page PDF document.
pub(super) fn write(s: &Scene) -> Vec<u8> {
    let u = s.unit;
    let mut p = Page {
        content: Content::new(),
        fonts: std::iter::once(FontUse::new(Face::Latin, false))
            .chain(std::iter::once(FontUse::new(Face::Latin, true)))
            .chain(
                text::all_faces()
                    .skip(2)
                    .map(|(f, _)| FontUse::new(f, false)),
            )
            .collect(),
        alphas: Vec::new(),
    };
    let (w_pt, h_pt) = (s.width as f32 * PT_PER_PX, s.height as f32 * PT_PER_PX);
    // Scene pixels, y down, onto the page's points, y up.
    p.content
        .transform([PT_PER_PX, 0.0, 0.0, -PT_PER_PX, 0.0, h_pt]);
    p.content.set_line_join(LineJoinStyle::RoundJoin);
    p.content.set_line_cap(LineCapStyle::ButtCap);

    basemap(&mut p, s);
    routes(&mut p, s);
    stops(&mut p, s);
    symbols(&mut p, s);
    inset(&mut p, s);
    for l in &s.labels {
        p.label(l, u);
    }
    // The outline (the frame, or the globe's edge) under the legend and the scale bar.
    p.stroke(&[&super::closed(&s.sea)], s.palette.text, 1.2 * u, None);
    legend(&mut p, s);
    size_legend(&mut p, s);
    scale_bar(&mut p, s);
    captions(&mut p, s);
    document(p, w_pt, h_pt)
}

/// Step of [`write`]: the paper, sea, land, lakes, rivers, graticule, regions and borders.
fn basemap(p: &mut Page, s: &Scene) {
    let pal = &s.palette;
    let u = s.unit;
    let page_ring = vec![
        (0.0, 0.0),
        (f64::from(s.width), 0.0),
        (f64::from(s.width), f64::from(s.height)),
        (0.0, f64::from(s.height)),
    ];
    p.fill(&[page_ring], pal.paper);
    p.fill(std::slice::from_ref(&s.sea), pal.water);
    p.fill(&s.land, pal.land);
    p.fill(&s.lakes, pal.water);
    p.fill(&s.islands, pal.land);
    p.stroke(&refs(&s.rivers), pal.river, u, None);
    p.stroke(&refs(&s.graticule), pal.graticule, u, None);
    p.stroke(
        &refs(&s.regions),
        pal.border.with_alpha(0.7),
        0.7 * u,
        Some((2.0 * u, 2.5 * u)),
    );
    p.stroke(
        &refs(&s.borders),
        pal.border,
        1.2 * u,
        Some((6.0 * u, 3.5 * u)),
    );
}

/// Step of [`write`]: each trip's legs and direction arrows.
fn routes(p: &mut Page, s: &Scene) {
    let pal = &s.palette;
    let u = s.unit;
    for r in &s.routes {
        for (stroke, line) in super::polylines(&r.legs) {
            p.route_line(&line, r.color, &stroke, pal.halo, u);
        }
        for tri in &r.arrows {
            p.fill(&[tri.to_vec()], r.color);
            p.stroke(
                &[&[tri[0], tri[1], tri[2], tri[0]]],
                pal.halo,
                1.2 * u,
                None,
            );
        }
    }
}

/// Step of [`write`]: the leaders of moved markers, the stop markers and the dots of context
/// places.
fn stops(p: &mut Page, s: &Scene) {
    let pal = &s.palette;
    let u = s.unit;
    for m in &s.markers {
        if let Some(from) = m.leader {
            p.stroke(&[&[from, m.at]], pal.muted, u, None);
            p.alpha(m.color.a, 1.0);
            p.rgb_fill(m.color);
            p.circle(from, super::LEADER_DOT * u);
            p.content.fill_nonzero();
        }
    }
    if !s.label_leaders.is_empty() {
        let leaders: Vec<&[Px]> = s.label_leaders.iter().map(|l| &l[..]).collect();
        p.stroke(&leaders, pal.muted, 0.8 * u, None);
    }
    for m in &s.markers {
        p.marker(m, pal.halo, u);
    }
    if !s.context_dots.is_empty() {
        p.alpha(pal.muted.a, 1.0);
        p.rgb_fill(pal.muted);
        for d in &s.context_dots {
            p.circle(*d, 2.5 * u);
        }
        p.content.fill_nonzero();
    }
}

/// Step of [`write`]: the proportional symbols, largest first.
fn symbols(p: &mut Page, s: &Scene) {
    let Some(sy) = &s.symbols else {
        return;
    };
    for m in &sy.symbols {
        p.disc(m.at, m.radius, sy.fill, sy.outline, 1.2 * s.unit);
    }
}

/// Step of [`write`]: the size legend of the proportional symbols, if the map has one.
fn size_legend(p: &mut Page, s: &Scene) {
    let Some((sy, lg)) = s
        .symbols
        .as_ref()
        .and_then(|sy| Some((sy, sy.legend.as_ref()?)))
    else {
        return;
    };
    let (pal, u) = (&s.palette, s.unit);
    let boxed = super::closed(&lg.rect.corners());
    p.fill(std::slice::from_ref(&boxed), pal.paper.with_alpha(0.92));
    p.stroke(&[&boxed], pal.muted.with_alpha(0.6), u, None);
    p.label(&lg.title, u);
    for r in &lg.rings {
        p.disc(r.at, r.radius, sy.fill, sy.outline, 1.2 * u);
    }
    for r in &lg.rings {
        p.stroke(&[&[r.tick.0, r.tick.1]], pal.text, 0.8 * u, None);
        p.label(&r.label, u);
    }
}

/// Step of [`write`]: the locator inset, if the map has one.
fn inset(p: &mut Page, s: &Scene) {
    let pal = &s.palette;
    let u = s.unit;
    if let Some(inset) = &s.inset {
        let boxed = super::closed(&inset.rect.corners());
        p.fill(std::slice::from_ref(&boxed), pal.water);
        p.fill(&inset.land, pal.land);
        p.fill(&inset.lakes, pal.water);
        p.stroke(&refs(&inset.borders), pal.border, 0.8 * u, None);
        p.stroke(
            &[&super::closed(&inset.window)],
            super::INSET_WINDOW,
            1.6 * u,
            None,
        );
        p.stroke(&[&boxed], pal.text, u, None);
    }
}

/// Step of [`write`]: the legend, if the map has one.
fn legend(p: &mut Page, s: &Scene) {
    let pal = &s.palette;
    let u = s.unit;
    if let Some(lg) = &s.legend {
        let boxed = super::closed(&lg.rect.corners());
        p.fill(std::slice::from_ref(&boxed), pal.paper.with_alpha(0.92));
        p.stroke(&[&boxed], pal.muted.with_alpha(0.6), u, None);
        for row in &lg.rows {
            match &row.dot {
                Some(m) => p.marker(m, pal.halo, u),
                None => p.route_line(
                    &[row.swatch.0, row.swatch.1],
                    row.color,
                    &row.stroke,
                    pal.paper,
                    u,
                ),
            }
            p.label(&row.name, u);
            p.label(&row.detail, u);
        }
    }
}

/// Step of [`write`]: the scale bar, if the map has one.
fn scale_bar(p: &mut Page, s: &Scene) {
    let pal = &s.palette;
    let u = s.unit;
    if let Some(sb) = &s.scale_bar {
        let backdrop = super::closed(&sb.backdrop().corners());
        p.fill(std::slice::from_ref(&backdrop), pal.paper.with_alpha(0.85));
        for (ring, dark) in sb.cells() {
            p.fill(&[ring.to_vec()], if dark { pal.text } else { pal.paper });
        }
        p.stroke(&[&sb.outline()], pal.text, u, None);
        for l in &sb.labels {
            p.label(l, u);
        }
    }
}

/// Step of [`write`]: the degree labels, titles and attribution.
fn captions(p: &mut Page, s: &Scene) {
    let u = s.unit;
    for l in s
        .graticule_labels
        .iter()
        .chain(&s.titles)
        .chain(std::iter::once(&s.attribution))
    {
        p.label(l, u);
    }
}

/// The lines of a layer as slices.
fn refs(ls: &[Vec<Px>]) -> Vec<&[Px]> {
    ls.iter().map(Vec::as_slice).collect()
}
