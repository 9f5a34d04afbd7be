//! The SVG document of a [`Scene`], written element by element so a designer can edit it:
//! one named group per layer (`<g id="sea">`, `land`, `lakes`, `rivers`, `graticule`,
//! `borders`, `routes`, `stops`, `labels`, `legend`, `scale-bar`, `frame`, `titles`,
//! `attribution`), one `<path>` per line with its dash pattern as `stroke-dasharray`, one
//! `<text>` per label with its halo as a stroke painted first (`paint-order: stroke`), and
//! coordinates rounded to 0.1 px. Text names a list of fonts, the embedded Noto Sans first.
//!
//! The PNG is drawn from the same scene by [`super::draw`]; the two agree in layout, colour
//! and line widths.

use std::fmt::Write as _;

use crate::markup::{escape, xml_char};
use crate::scene::{Color, Label, Marker, Px, Scene, Stroke};

/// Fonts in order of preference: the one the PNG embeds, common sans faces with the same
/// metrics role, the Noto faces the PNG uses for other scripts, then the viewer's default.
const FONTS: &str = "'Noto Sans', 'DejaVu Sans', 'Helvetica Neue', Arial, 'Noto Sans Arabic', \
                     'Noto Sans Hebrew', 'Noto Sans Devanagari', 'Noto Sans Thai', \
                     'Noto Sans CJK SC', sans-serif";

/// Noto Sans: ascent - descent is 1.362 em. A label's `size` is that height, as in the PNG.
const EM_PER_SIZE: f64 = 1.0 / 1.362;

/// A number rounded to 0.1, without a trailing `.0`.
struct N(f64);

impl std::fmt::Display for N {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Tenths as an integer: the digits `{:.1}` writes of the rounded value, without the
        // exact float formatting that was a fifth of an SVG's instructions.
        let tenths = (self.0 * 10.0).round();
        // Huge or not a number: the float formatting, as before.
        let small = tenths.abs() < 1e15;
        if !small {
            let r = tenths / 10.0 + 0.0;
            return write!(f, "{r:.1}");
        }
        let t = tenths as i64;
        let (whole, tenth) = ((t / 10).abs(), (t % 10).abs());
        let sign = if t < 0 { "-" } else { "" };
        if tenth == 0 {
            write!(f, "{sign}{whole}")
        } else {
            write!(f, "{sign}{whole}.{tenth}")
        }
    }
}

fn hex(c: Color) -> String {
    format!("#{:02x}{:02x}{:02x}", c.r, c.g, c.b)
}

/// ` fill="#…"` (with `fill-opacity` when translucent); the same for any paint attribute.
fn paint(attr: &str, c: Color) -> String {
    if c.a < 1.0 {
        let a = format!("{:.2}", c.a.clamp(0.0, 1.0));
        let a = a.trim_end_matches('0').trim_end_matches('.');
        format!(" {attr}=\"{}\" {attr}-opacity=\"{a}\"", hex(c))
    } else {
        format!(" {attr}=\"{}\"", hex(c))
    }
}

/// The `d` of a path through `points`, closed when `close`.
fn path_d(out: &mut String, points: &[Px], close: bool) {
    for (i, p) in points.iter().enumerate() {
        let _ = write!(
            out,
            "{}{} {}",
            if i == 0 { "M" } else { "L" },
            N(p.0),
            N(p.1)
        );
    }
    if close && !points.is_empty() {
        out.push('Z');
    }
}

/// Text as XML character data: markup escaped, characters XML forbids as U+FFFD.
fn text_data(s: &str) -> String {
    let clean: String = s
        .chars()
        .map(|c| if xml_char(c) { c } else { '\u{FFFD}' })
        .collect();
    escape(&clean).into_owned()
}

struct Writer {
    out: String,
    /// Pixels per unit of style (line widths, dashes, halo), as the scene sets it.
    u: f64,
}

impl Writer {
    fn open(&mut self, id: &str, attrs: &str) {
        let _ = write!(self.out, "<g id=\"{id}\"{attrs}>");
    }

    fn close(&mut self) {
        self.out.push_str("</g>\n");
    }

    fn path(&mut self, points: &[Px], close: bool, attrs: &str) {
        if points.len() < 2 {
            return;
        }
        self.out.push_str("<path d=\"");
        path_d(&mut self.out, points, close);
        let _ = write!(self.out, "\"{attrs}/>");
    }

    /// A group `id` of rings filled in `c`.
    fn fills(&mut self, id: &str, rings: &[Vec<Px>], c: Color) {
        self.open(id, &paint("fill", c));
        for r in rings {
            self.path(r, true, "");
        }
        self.close();
    }

    /// A group `id` of lines drawn in `stroke` (attributes).
    fn lines(&mut self, id: &str, ls: &[Vec<Px>], stroke: String) {
        self.open(
            id,
            &format!(" fill=\"none\" stroke-linejoin=\"round\"{stroke}"),
        );
        for l in ls {
            self.path(l, false, "");
        }
        self.close();
    }

    /// Stroke attributes: colour, width in style units, and dashes in style units.
    fn stroke(&self, c: Color, width: f64, dash: Option<(f64, f64)>) -> String {
        let mut s = paint("stroke", c);
        let _ = write!(s, " stroke-width=\"{}\"", N(width * self.u));
        if let Some((on, off)) = dash {
            let _ = write!(
                s,
                " stroke-dasharray=\"{} {}\"",
                N(on * self.u),
                N(off * self.u)
            );
        }
        s
    }

    /// A route line in its stroke over a casing, as the PNG draws it.
    fn route_line(&mut self, line: &[Px], c: Color, stroke: &Stroke, casing: Color) {
        let w = stroke.width;
        let casing = format!(
            " class=\"casing\"{}",
            self.stroke(casing.with_alpha(0.85), w + 3.0, None)
        );
        self.path(line, false, &casing);
        let main = format!(" class=\"line\"{}", self.stroke(c, w, stroke.dash));
        self.path(line, false, &main);
        if stroke.ties {
            let white = Color {
                r: 255,
                g: 255,
                b: 255,
                a: 0.9,
            };
            let ties = format!(
                " class=\"ties\"{}",
                self.stroke(white, 1.6, Some((7.0, 7.0)))
            );
            self.path(line, false, &ties);
        }
    }

    /// One `<text>`: the baseline half the size below the label's anchor, as in the PNG; a
    /// halo is the text's own stroke, painted under its fill.
    fn label(&mut self, l: &Label) {
        if l.text.is_empty() {
            return;
        }
        // Text that runs both ways: each level run a chunk of its own, where the bidi
        // algorithm of the PNG and the PDF put it, so the browser's order cannot differ.
        let spans = crate::scene::text::shape(&l.text, l.size, l.bold)
            .map(|run| run.spans)
            .filter(|s| s.len() > 1 && s.iter().any(|s| s.rtl));
        // A label all in a right-to-left script is anchored at its right end, where such text
        // starts, at the width the scene measured.
        let rtl = crate::scene::text::Face::for_text(&l.text).rtl()
            && !l.text.chars().any(|c| c.is_ascii_alphabetic())
            && spans.is_none();
        let (x, anchor) = if rtl {
            (
                l.at.0 + crate::scene::text::width(&l.text, l.size, l.bold),
                " text-anchor=\"end\"",
            )
        } else {
            (l.at.0, "")
        };
        let _ = write!(
            self.out,
            "<text x=\"{}\"{anchor} y=\"{}\" font-size=\"{}\"{}{}",
            N(x),
            N(l.at.1 + l.size * 0.5),
            N(l.size * EM_PER_SIZE),
            if l.bold { " font-weight=\"bold\"" } else { "" },
            paint("fill", l.color),
        );
        // Scripts beyond the style sheet's list: their families on the label itself (a style
        // attribute, as the style sheet's rule would override a presentation attribute).
        let more = crate::scene::text::more_families(&l.text);
        if !more.is_empty() {
            let _ = write!(self.out, " style=\"font-family:'Noto Sans', ");
            for family in more {
                let _ = write!(self.out, "'{}', ", text_data(family));
            }
            let _ = write!(self.out, "sans-serif\"");
        }
        if let Some(h) = l.halo {
            let _ = write!(
                self.out,
                " class=\"halo\"{} stroke-width=\"{}\" stroke-linejoin=\"round\" paint-order=\"stroke\"",
                paint("stroke", h),
                N(2.0 * 1.6 * self.u)
            );
        }
        let _ = write!(self.out, ">");
        match spans {
            Some(spans) => {
                for s in &spans {
                    let part = l.text.get(s.text.clone()).unwrap_or("");
                    let (at, anchor) = if s.rtl {
                        (x + s.x.1, " text-anchor=\"end\"")
                    } else {
                        (x + s.x.0, "")
                    };
                    // Faces for other scripts have one weight, as in the PNG.
                    let face = crate::scene::text::Face::for_text(part);
                    let weight = if l.bold && face != crate::scene::text::Face::Latin {
                        " font-weight=\"normal\""
                    } else {
                        ""
                    };
                    let _ = write!(self.out, "<tspan x=\"{}\"{anchor}{weight}>", N(at));
                    let _ = write!(self.out, "{}</tspan>", text_data(part));
                }
            }
            None => {
                let _ = write!(self.out, "{}", text_data(&l.text));
            }
        }
        let _ = write!(self.out, "</text>");
    }

    /// A stop marker, classed `terminal` (filled) or `stop` (ringed).
    fn marker(&mut self, m: &Marker, halo: Color) {
        let (fill, ring) = m.fill_and_ring(halo);
        let attrs = format!(
            " class=\"{}\"{}{}",
            if m.terminal { "terminal" } else { "stop" },
            paint("fill", fill),
            self.stroke(ring, 2.2, None)
        );
        self.circle(m.at, m.radius, &attrs);
    }

    fn circle(&mut self, at: Px, r: f64, attrs: &str) {
        let _ = write!(
            self.out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"{attrs}/>",
            N(at.0),
            N(at.1),
            N(r)
        );
    }
}

/// The scene as an SVG document.
pub(super) fn write(s: &Scene) -> String {
    let mut w = Writer {
        out: String::with_capacity(256 * 1024),
        u: s.unit,
    };
    header(&mut w, s);
    basemap(&mut w, s);
    routes(&mut w, s);
    stops(&mut w, s);
    symbols(&mut w, s);
    inset(&mut w, s);

    w.open("labels", "");
    for l in &s.labels {
        w.label(l);
    }
    w.close();

    outline(&mut w, s);
    legend(&mut w, s);
    size_legend(&mut w, s);
    scale_bar(&mut w, s);
    captions(&mut w, s);
    w.out.push_str("</svg>\n");
    w.out
}

/// Step of [`write`]: the `<svg>` element, the fonts of its text and the paper.
fn header(w: &mut Writer, s: &Scene) {
    let pal = &s.palette;
    let _ = write!(
        w.out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\">\n\
         <style>text{{font-family:{FONTS}}}</style>\n",
        s.width, s.height
    );
    let _ = writeln!(
        w.out,
        "<rect id=\"paper\" width=\"{}\" height=\"{}\"{}/>",
        s.width,
        s.height,
        paint("fill", pal.paper)
    );
}

/// Step of [`write`]: the sea, land, lakes, rivers, graticule, regions and borders.
fn basemap(w: &mut Writer, s: &Scene) {
    let pal = &s.palette;
    w.fills("sea", std::slice::from_ref(&s.sea), pal.water);
    w.fills("land", &s.land, pal.land);
    w.fills("lakes", &s.lakes, pal.water);
    w.fills("islands", &s.islands, pal.land);

    let river = w.stroke(pal.river, 1.0, None);
    w.lines("rivers", &s.rivers, river);
    let grat = w.stroke(pal.graticule, 1.0, None);
    w.open("graticule", "");
    w.lines("graticule-lines", &s.graticule, grat);
    w.open("graticule-labels", "");
    for l in &s.graticule_labels {
        w.label(l);
    }
    w.close();
    w.close();
    let region = w.stroke(pal.border.with_alpha(0.7), 0.7, Some((2.0, 2.5)));
    w.lines("regions", &s.regions, region);
    let border = w.stroke(pal.border, 1.2, Some((6.0, 3.5)));
    w.lines("borders", &s.borders, border);
}

/// Step of [`write`]: a group per trip, its legs and its direction arrows.
fn routes(w: &mut Writer, s: &Scene) {
    let pal = &s.palette;
    w.open("routes", " fill=\"none\" stroke-linejoin=\"round\"");
    for r in &s.routes {
        let _ = write!(
            w.out,
            "<g class=\"trip\" data-name=\"{}\">",
            text_data(&r.name)
        );
        for (stroke, line) in super::polylines(&r.legs) {
            w.route_line(&line, r.color, &stroke, pal.halo);
        }
        for tri in &r.arrows {
            let attrs = format!(" class=\"arrow\"{}", paint("fill", r.color));
            w.path(tri, true, &attrs);
            let edge = w.stroke(pal.halo, 1.2, None);
            w.path(&[tri[0], tri[1], tri[2], tri[0]], false, &edge);
        }
        w.out.push_str("</g>");
    }
    w.close();
}

/// Step of [`write`]: the leaders of moved markers, the stop markers and the dots of context
/// places.
fn stops(w: &mut Writer, s: &Scene) {
    let pal = &s.palette;
    w.open("stops", "");
    for m in &s.markers {
        if let Some(from) = m.leader {
            let line = format!(" class=\"leader\"{}", w.stroke(pal.muted, 1.0, None));
            w.path(&[from, m.at], false, &line);
            let dot = format!(" class=\"true-place\"{}", paint("fill", m.color));
            w.circle(from, super::LEADER_DOT * s.unit, &dot);
        }
    }
    if !s.label_leaders.is_empty() {
        let line = format!(" class=\"label-leader\"{}", w.stroke(pal.muted, 0.8, None));
        for l in &s.label_leaders {
            w.path(l, false, &line);
        }
    }
    for m in &s.markers {
        w.marker(m, pal.halo);
    }
    let dot = format!(" class=\"place\"{}", paint("fill", pal.muted));
    for d in &s.context_dots {
        w.circle(*d, 2.5 * s.unit, &dot);
    }
    w.close();
}

/// Step of [`write`]: the locator inset, if the map has one.
fn inset(w: &mut Writer, s: &Scene) {
    let pal = &s.palette;
    if let Some(inset) = &s.inset {
        let boxed = inset.rect.corners();
        w.open("inset", "");
        w.path(&boxed, true, &paint("fill", pal.water));
        let land = paint("fill", pal.land);
        for ring in &inset.land {
            w.path(ring, true, &land);
        }
        let water = paint("fill", pal.water);
        for ring in &inset.lakes {
            w.path(ring, true, &water);
        }
        let border = format!(" fill=\"none\"{}", w.stroke(pal.border, 0.8, None));
        for l in &inset.borders {
            w.path(l, false, &border);
        }
        let window = format!(" fill=\"none\"{}", w.stroke(super::INSET_WINDOW, 1.6, None));
        w.path(&inset.window, true, &window);
        let edge = format!(" fill=\"none\"{}", w.stroke(pal.text, 1.0, None));
        w.path(&boxed, true, &edge);
        w.close();
    }
}

/// Step of [`write`]: the legend, if the map has one.
fn legend(w: &mut Writer, s: &Scene) {
    let pal = &s.palette;
    if let Some(lg) = &s.legend {
        w.open("legend", " fill=\"none\" stroke-linejoin=\"round\"");
        let boxed = lg.rect.corners();
        let attrs = format!(
            " class=\"box\"{}",
            paint("fill", pal.paper.with_alpha(0.92))
        );
        w.path(&boxed, true, &attrs);
        let edge = w.stroke(pal.muted.with_alpha(0.6), 1.0, None);
        w.path(&boxed, true, &edge);
        for row in &lg.rows {
            match &row.dot {
                Some(m) => w.marker(m, pal.halo),
                None => w.route_line(
                    &[row.swatch.0, row.swatch.1],
                    row.color,
                    &row.stroke,
                    pal.paper,
                ),
            }
            w.label(&row.name);
            w.label(&row.detail);
        }
        w.close();
    }
}

/// Step of [`write`]: the scale bar, if the map has one.
fn scale_bar(w: &mut Writer, s: &Scene) {
    let pal = &s.palette;
    if let Some(sb) = &s.scale_bar {
        w.open("scale-bar", " fill=\"none\"");
        let backdrop = format!(
            " class=\"box\"{}",
            paint("fill", pal.paper.with_alpha(0.85))
        );
        w.path(&sb.backdrop().corners(), true, &backdrop);
        for (ring, dark) in sb.cells() {
            let c = if dark { pal.text } else { pal.paper };
            w.path(&ring, true, &paint("fill", c));
        }
        let edge = w.stroke(pal.text, 1.0, None);
        w.path(&sb.outline()[..4], true, &edge);
        for l in &sb.labels {
            w.label(l);
        }
        w.close();
    }
}

/// Step of [`write`]: the map's outline (the frame, or the globe's edge), under the legend and
/// the scale bar.
fn outline(w: &mut Writer, s: &Scene) {
    w.open("frame", " fill=\"none\"");
    let edge = w.stroke(s.palette.text, 1.2, None);
    w.path(&s.sea, true, &edge);
    w.close();
}

/// Step of [`write`]: the map's titles and the attribution line.
fn captions(w: &mut Writer, s: &Scene) {
    w.open("titles", "");
    for l in &s.titles {
        w.label(l);
    }
    w.close();
    w.open("attribution", "");
    w.label(&s.attribution);
    w.close();
}

/// Step of [`write`]: the proportional symbols, largest first, each with its value
/// (`data-value`) and a tooltip (`<title>`).
fn symbols(w: &mut Writer, s: &Scene) {
    let Some(sy) = &s.symbols else {
        return;
    };
    let style = format!(
        "{}{}",
        paint("fill", sy.fill),
        w.stroke(sy.outline, 1.2, None)
    );
    w.open("symbols", &style);
    for p in &sy.symbols {
        let _ = write!(
            w.out,
            "<circle class=\"symbol\" cx=\"{}\" cy=\"{}\" r=\"{}\" data-value=\"{}\"><title>{}: {} {}</title></circle>",
            N(p.at.0),
            N(p.at.1),
            N(p.radius),
            p.value,
            text_data(&p.name),
            p.value,
            text_data(&sy.column)
        );
    }
    w.close();
}

/// Step of [`write`]: the size legend of the proportional symbols, if the map has one.
fn size_legend(w: &mut Writer, s: &Scene) {
    let Some((sy, lg)) = s
        .symbols
        .as_ref()
        .and_then(|sy| Some((sy, sy.legend.as_ref()?)))
    else {
        return;
    };
    let pal = &s.palette;
    w.open("size-legend", "");
    let boxed = format!(
        " class=\"box\"{}{}",
        paint("fill", pal.paper.with_alpha(0.92)),
        w.stroke(pal.muted.with_alpha(0.6), 1.0, None)
    );
    w.path(&lg.rect.corners(), true, &boxed);
    w.label(&lg.title);
    let ring = format!(
        "{}{}",
        paint("fill", sy.fill),
        w.stroke(sy.outline, 1.2, None)
    );
    for r in &lg.rings {
        let attrs = format!(" class=\"ring\" data-value=\"{}\"{ring}", r.value);
        w.circle(r.at, r.radius, &attrs);
    }
    let tick = format!(" class=\"tick\"{}", w.stroke(pal.text, 0.8, None));
    for r in &lg.rings {
        w.path(&[r.tick.0, r.tick.1], false, &tick);
        w.label(&r.label);
    }
    w.close();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_to_a_tenth_without_trailing_zeros() {
        let s = |v: f64| N(v).to_string();
        assert_eq!(s(12.0), "12");
        assert_eq!(s(12.04), "12");
        assert_eq!(s(12.06), "12.1");
        assert_eq!(s(-0.04), "0");
        assert_eq!(s(-3.26), "-3.3");
        assert_eq!(s(1599.96), "1600");
        assert_eq!(s(-0.26), "-0.3");
        assert_eq!(s(-12.0), "-12");
        assert_eq!(s(0.05), "0.1");
        // The same text as rounding, then formatting to one decimal and trimming `.0`.
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..100_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = (x >> 11) as f64 / (1u64 << 53) as f64 * 8000.0 - 4000.0;
            let r = (v * 10.0).round() / 10.0 + 0.0;
            let expected = if r.fract() == 0.0 {
                format!("{r:.0}")
            } else {
                format!("{r:.1}")
            };
            assert_eq!(s(v), expected, "{v}");
        }
    }
}
