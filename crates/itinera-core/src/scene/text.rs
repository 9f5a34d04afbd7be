//! The embedded fonts and text layout.
//!
//! Noto Sans (Latin, Greek, Cyrillic, regular and bold) sets most labels. A label in another
//! script is set in the Noto face for it (Arabic, Hebrew, Devanagari, Thai, and a CJK face
//! for Hangul, kana and common Han), and every other script the gazetteer's names use in a Noto
//! face subset to the characters they need (Georgian, Armenian, Ethiopic, Tamil, Bengali...,
//! [`itinera_data::fonts::SCRIPTS`]), shaped with `rustybuzz` (joining forms, conjuncts, marks)
//! and put in visual order by the Unicode bidirectional algorithm (`unicode-bidi`), once for
//! every renderer. Renderers draw with these bytes (no system font is ever looked up)
//! and the scene measures labels with the same layout, so placement done here holds.

use ab_glyph::{Font, FontRef, ScaleFont};
use std::ops::Range;
use std::sync::OnceLock;

/// Noto Sans Regular, OFL-1.1 (`geodata/fonts/OFL.txt`).
pub static REGULAR: &[u8] = itinera_data::fonts::REGULAR;
/// Noto Sans Bold, OFL-1.1.
pub static BOLD: &[u8] = itinera_data::fonts::BOLD;

/// The embedded font, regular or bold.
pub fn font(bold: bool) -> &'static FontRef<'static> {
    static R: OnceLock<FontRef<'static>> = OnceLock::new();
    static B: OnceLock<FontRef<'static>> = OnceLock::new();
    let (cell, bytes) = if bold { (&B, BOLD) } else { (&R, REGULAR) };
    cell.get_or_init(|| FontRef::try_from_slice(bytes).expect("the embedded font parses"))
}

/// The face a label is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    /// Noto Sans: Latin, Greek, Cyrillic.
    Latin,
    /// Noto Sans Arabic.
    Arabic,
    /// Noto Sans Hebrew.
    Hebrew,
    /// Noto Sans Devanagari.
    Devanagari,
    /// Noto Sans Thai.
    Thai,
    /// Noto Sans CJK SC (subset): Hangul, kana, common Han.
    Cjk,
    /// The face at this index of [`itinera_data::fonts::SCRIPTS`] (Georgian, Armenian,
    /// Ethiopic... and the rarer Han): for characters none of the faces above has.
    More(u8),
}

impl Face {
    /// The first faces besides Noto Sans, each for the Unicode ranges of its script;
    /// [`Face::more`] lists the rest.
    pub const SCRIPTS: [Face; 5] = [
        Face::Arabic,
        Face::Hebrew,
        Face::Devanagari,
        Face::Thai,
        Face::Cjk,
    ];

    /// The face for `text`: that of its first character in a script Noto Sans lacks.
    pub fn for_text(text: &str) -> Face {
        text.chars().find_map(Face::of_char).unwrap_or(Face::Latin)
    }

    /// The faces of [`itinera_data::fonts::SCRIPTS`], in order.
    pub fn more() -> impl Iterator<Item = Face> {
        (0..itinera_data::fonts::SCRIPTS.len()).map(|i| Face::More(i as u8))
    }

    /// Whether the face's font has a glyph for `c`.
    pub fn has(self, c: char) -> bool {
        face_font(self, false).glyph_id(c).0 != 0
    }

    /// The face a character is set in (`None`: Noto Sans). A character in the range of one of
    /// the first faces takes it (unless only a later face has the glyph, as for a rarer hanzi);
    /// another that Noto Sans lacks takes the first face of [`Face::more`] that has it.
    fn of_char(c: char) -> Option<Face> {
        match Face::of_range(c) {
            Some(f) if f.has(c) => Some(f),
            Some(f) => Some(Face::more().find(|m| m.has(c)).unwrap_or(f)),
            None if c.is_ascii() || Face::Latin.has(c) => None,
            None => Face::more().find(|m| m.has(c)),
        }
    }

    fn of_range(c: char) -> Option<Face> {
        Some(match u32::from(c) {
            0x0590..=0x05FF | 0xFB1D..=0xFB4F => Face::Hebrew,
            0x0600..=0x06FF
            | 0x0750..=0x077F
            | 0x08A0..=0x08FF
            | 0xFB50..=0xFDFF
            | 0xFE70..=0xFEFF => Face::Arabic,
            0x0900..=0x097F | 0xA8E0..=0xA8FF => Face::Devanagari,
            0x0E00..=0x0E7F => Face::Thai,
            0x1100..=0x11FF
            | 0x3000..=0x30FF
            | 0x3130..=0x318F
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xAC00..=0xD7AF
            | 0xFF00..=0xFFEF => Face::Cjk,
            _ => return None,
        })
    }

    /// Whether the face's script runs right to left.
    pub fn rtl(self) -> bool {
        match self {
            Face::Arabic | Face::Hebrew => true,
            Face::More(_) => matches!(
                self.family(),
                "Noto Sans Syriac" | "Noto Sans Thaana" | "Noto Sans NKo"
            ),
            _ => false,
        }
    }

    /// The font program (regular and bold for Latin; the other faces have one weight).
    pub fn bytes(self, bold: bool) -> &'static [u8] {
        match self {
            Face::Latin if bold => BOLD,
            Face::Latin => REGULAR,
            Face::Arabic => itinera_data::fonts::ARABIC,
            Face::Hebrew => itinera_data::fonts::HEBREW,
            Face::Devanagari => itinera_data::fonts::DEVANAGARI,
            Face::Thai => itinera_data::fonts::THAI,
            Face::Cjk => itinera_data::fonts::CJK,
            Face::More(i) => itinera_data::fonts::SCRIPTS
                .get(usize::from(i))
                .map_or(REGULAR, |f| f.1),
        }
    }

    /// The family name, as an SVG or PDF names it.
    pub fn family(self) -> &'static str {
        match self {
            Face::Latin => "Noto Sans",
            Face::Arabic => "Noto Sans Arabic",
            Face::Hebrew => "Noto Sans Hebrew",
            Face::Devanagari => "Noto Sans Devanagari",
            Face::Thai => "Noto Sans Thai",
            Face::Cjk => "Noto Sans CJK SC",
            Face::More(i) => itinera_data::fonts::SCRIPTS
                .get(usize::from(i))
                .map_or("Noto Sans", |f| f.0),
        }
    }
}

/// Every face, in the order of [`Face::index`]: Noto Sans regular and bold, the first script
/// faces, then [`Face::more`].
pub fn all_faces() -> impl Iterator<Item = (Face, bool)> {
    [(Face::Latin, false), (Face::Latin, true)]
        .into_iter()
        .chain(Face::SCRIPTS.iter().map(|f| (*f, false)))
        .chain(Face::more().map(|f| (f, false)))
}

impl Face {
    /// The position of the face (bold only for Latin) in [`all_faces`].
    pub fn index(self, bold: bool) -> usize {
        match self {
            Face::Latin => usize::from(bold),
            Face::More(i) => 2 + Face::SCRIPTS.len() + usize::from(i),
            other => 2 + Face::SCRIPTS.iter().position(|f| *f == other).unwrap_or(0),
        }
    }
}

/// A lazily parsed value for each face of [`all_faces`].
fn per_face<T>(cells: &'static OnceLock<Vec<OnceLock<T>>>) -> &'static [OnceLock<T>] {
    cells.get_or_init(|| all_faces().map(|_| OnceLock::new()).collect())
}

/// The `ab_glyph` font of a face (bold only for Latin).
pub fn face_font(face: Face, bold: bool) -> &'static FontRef<'static> {
    static FONTS: OnceLock<Vec<OnceLock<FontRef<'static>>>> = OnceLock::new();
    if face == Face::Latin {
        return font(bold);
    }
    let cells = per_face(&FONTS);
    let i = face.index(false).min(cells.len() - 1);
    cells[i].get_or_init(|| {
        FontRef::try_from_slice(face.bytes(false)).expect("the embedded font parses")
    })
}

fn shaper(face: Face, bold: bool) -> Option<&'static rustybuzz::Face<'static>> {
    static FACES: OnceLock<Vec<OnceLock<Option<rustybuzz::Face<'static>>>>> = OnceLock::new();
    let bold = bold && face == Face::Latin;
    per_face(&FACES)
        .get(face.index(bold))?
        .get_or_init(|| rustybuzz::Face::from_slice(face.bytes(bold), 0))
        .as_ref()
}

/// A glyph placed along a line: pixels from the label's left end, and down from its baseline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// The face the glyph is in.
    pub face: Face,
    /// The glyph in the face's font ([`face_font`]; bold only for Latin in a bold label).
    pub id: ab_glyph::GlyphId,
    /// Right of the label's left end, pixels.
    pub x: f64,
    /// Below the baseline, pixels.
    pub y: f64,
    /// The character the glyph starts (for text extraction).
    pub ch: char,
    /// The byte range of the label's text that the glyph's cluster stands for (a conjunct's
    /// letters and signs, a mark with its base): for text extraction.
    pub cluster: (usize, usize),
    /// The `ab_glyph` scale that draws this face's em at the label's size.
    pub scale: f32,
}

/// A label with characters outside Noto Sans, laid out: glyphs in drawing order, left to
/// right, each in the face of its script.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The glyphs.
    pub glyphs: Vec<Placed>,
    /// Width, pixels.
    pub width: f64,
    /// The label's level runs in visual order, left to right (one when it runs one way).
    pub spans: Vec<Span>,
}

/// A level run of a label: text of one direction, as the bidirectional algorithm orders it.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// Its bytes of the label's text.
    pub text: Range<usize>,
    /// Whether it runs right to left.
    pub rtl: bool,
    /// Its left and right ends, pixels right of the label's left end.
    pub x: (f64, f64),
}

#[cfg(test)]
impl Run {
    /// The faces the run uses.
    pub fn faces(&self) -> Vec<Face> {
        let mut f: Vec<Face> = self.glyphs.iter().map(|g| g.face).collect();
        f.sort();
        f.dedup();
        f
    }
}

/// Splits `text` into runs of one face each: a character in a script Noto Sans lacks takes its
/// script's face; spaces, digits and punctuation stay in the run they are in when its face has
/// them, and letters Noto Sans has start a Noto Sans run.
fn runs(text: &str) -> Vec<(Face, Range<usize>)> {
    let mut out: Vec<(Face, usize, usize)> = Vec::new();
    for (i, c) in text.char_indices() {
        let face = match Face::of_char(c) {
            Some(f) => f,
            None if !c.is_alphabetic() => match out.last() {
                Some(&(f, _, _)) if face_font(f, false).glyph_id(c).0 != 0 => f,
                _ => Face::Latin,
            },
            None => Face::Latin,
        };
        match out.last_mut() {
            Some(last) if last.0 == face => last.2 = i + c.len_utf8(),
            _ => out.push((face, i, i + c.len_utf8())),
        }
    }
    // Spaces and punctuation after the last letter of a right-to-left run are set in Noto
    // Sans, as the line around it, when it has them (not the script's own digits, marks and
    // signs: "٢" and the NKo tone marks stay in their face).
    let mut fixed: Vec<(Face, usize, usize)> = Vec::with_capacity(out.len());
    for (face, a, b) in out {
        if face.rtl() {
            let keep = text[a..b]
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_alphabetic() || !Face::Latin.has(*c))
                .map_or(a, |(i, c)| a + i + c.len_utf8());
            fixed.push((face, a, keep));
            if keep < b {
                fixed.push((Face::Latin, keep, b));
            }
        } else {
            match fixed.last_mut() {
                Some(last) if last.0 == face && last.2 == a => last.2 = b,
                _ => fixed.push((face, a, b)),
            }
        }
    }
    fixed
        .into_iter()
        .filter(|(_, a, b)| a < b)
        .map(|(f, a, b)| (f, a..b))
        .collect()
}

/// The level runs of `text` in visual order, left to right, each with whether it runs right
/// to left: the Unicode bidirectional algorithm, each paragraph's direction that of its first
/// strong character.
fn visual_runs(text: &str) -> Vec<(Range<usize>, bool)> {
    let bidi = unicode_bidi::BidiInfo::new(text, None);
    let mut out = Vec::new();
    for para in &bidi.paragraphs {
        let (levels, runs) = bidi.visual_runs(para, para.range.clone());
        for r in runs {
            let rtl = levels.get(r.start).is_some_and(|l| l.is_rtl());
            out.push((r, rtl));
        }
    }
    out
}

/// Lays out `text` when any of it is in a script Noto Sans lacks (`None` otherwise: renderers
/// set Noto Sans glyph by glyph with its kerning). The bidirectional algorithm orders its
/// level runs; each is cut into runs of one face, shaped in that face in the run's direction.
/// Sizes are the scene's label sizes: an em is `size / 1.362`, as for Noto Sans.
pub fn shape(text: &str, size: f64, bold: bool) -> Option<Run> {
    if text.chars().all(|c| Face::of_char(c).is_none()) {
        return None;
    }
    let mut glyphs = Vec::new();
    let mut spans = Vec::new();
    let mut pen = 0.0;
    for (level_run, rtl) in visual_runs(text) {
        let mut parts = runs(&text[level_run.clone()]);
        if rtl {
            parts.reverse();
        }
        let left = pen;
        for (face, part) in parts {
            let part = level_run.start + part.start..level_run.start + part.end;
            pen = shape_part(text, part, face, rtl, (size, bold, pen), &mut glyphs)?;
        }
        spans.push(Span {
            text: level_run,
            rtl,
            x: (left, pen),
        });
    }
    Some(Run {
        glyphs,
        width: pen,
        spans,
    })
}

/// Step of [`shape`]: the glyphs of `text[part]`, all in `face`, from `pen` on; returns the
/// pen after them.
fn shape_part(
    text: &str,
    part: Range<usize>,
    face: Face,
    rtl: bool,
    (size, bold, mut pen): (f64, bool, f64),
    glyphs: &mut Vec<Placed>,
) -> Option<f64> {
    let bold = bold && face == Face::Latin;
    let rb = shaper(face, bold)?;
    let s = text.get(part.clone())?;
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(s);
    buffer.guess_segment_properties();
    buffer.set_direction(if rtl {
        rustybuzz::Direction::RightToLeft
    } else {
        rustybuzz::Direction::LeftToRight
    });
    let shaped = rustybuzz::shape(rb, &[], buffer);
    let px = size / 1.362 / f64::from(rb.units_per_em());
    let scale = (px * f64::from(face_font(face, bold).height_unscaled())) as f32;
    // A cluster runs from its start to the next cluster's start in the text (or the end).
    let mut starts: Vec<usize> = shaped
        .glyph_infos()
        .iter()
        .map(|i| i.cluster as usize)
        .collect();
    starts.sort_unstable();
    starts.dedup();
    for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
        let at = info.cluster as usize;
        let end = starts.iter().find(|&&b| b > at).map_or(s.len(), |&b| b);
        let ch = s.get(at..).and_then(|t| t.chars().next()).unwrap_or(' ');
        glyphs.push(Placed {
            face,
            id: ab_glyph::GlyphId(info.glyph_id as u16),
            x: pen + f64::from(pos.x_offset) * px,
            y: -f64::from(pos.y_offset) * px,
            ch,
            cluster: (part.start + at, part.start + end),
            scale,
        });
        pen += f64::from(pos.x_advance) * px;
    }
    Some(pen)
}

/// Width in pixels of `text` at `size` (plotters' size units: ab_glyph pixel scale).
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    if let Some(run) = shape(text, size, bold) {
        return run.width;
    }
    let f = font(bold).as_scaled(size as f32);
    let mut w = 0.0f32;
    let mut prev = None;
    for c in text.chars() {
        let g = f.glyph_id(c);
        if let Some(p) = prev {
            w += f.kern(p, g);
        }
        w += f.h_advance(g);
        prev = Some(g);
    }
    f64::from(w)
}

/// Height of the drawn glyph box, from the position a label is drawn at to below descenders.
pub fn height(size: f64) -> f64 {
    size * 0.74
}

/// Whether every character of `text` has a glyph in the face it is set in.
pub fn covers(text: &str) -> bool {
    // Printable ASCII, the text of most labels, needs no look-up when the Latin face has it
    // all (checked once).
    static ASCII: std::sync::LazyLock<bool> = std::sync::LazyLock::new(|| {
        let printable: String = (0x20u8..0x7f).map(char::from).collect();
        missing(&printable).is_empty()
    });
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) && *ASCII {
        return true;
    }
    missing(text).is_empty()
}

/// The families of the faces of [`Face::more`] that `text` is set in, each once: the SVG
/// names them for the labels that need them (its style sheet names the first faces).
pub fn more_families(text: &str) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for face in text.chars().filter_map(Face::of_char) {
        if matches!(face, Face::More(_)) && !out.contains(&face.family()) {
            out.push(face.family());
        }
    }
    out
}

/// Whether `c` is drawn as nothing whatever the font: a control or a default-ignorable
/// character (joiners, direction marks, the soft hyphen, variation selectors; Unicode's
/// `Default_Ignorable_Code_Point`), which shapers hide.
fn ignorable(c: char) -> bool {
    c.is_control()
        || matches!(u32::from(c),
            0xAD | 0x34F | 0x61C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F
            | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
            | 0xFEFF | 0xFFA0 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A | 0xE0000..=0xE0FFF)
}

/// The characters of `text` without a glyph in the face they are set in, each once, in the
/// order written.
pub fn missing(text: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    for (face, part) in runs(text) {
        let f = face_font(face, false);
        for c in text[part].chars() {
            let drawn = c.is_whitespace() || ignorable(c) || f.glyph_id(c).0 != 0;
            if !drawn && !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_size() {
        let a = width("Khasan", 20.0, false);
        assert!(a > 40.0 && a < 90.0, "{a}");
        assert!(width("Khasan", 40.0, false) > 1.9 * a);
        assert!(width("Khasan", 20.0, true) > a);
        assert_eq!(width("", 20.0, false), 0.0);
    }

    /// Place names in each script, as the press and the gazetteers write them.
    const SCRIPTS: [(&str, Face); 10] = [
        ("Улан-Удэ", Face::Latin),
        ("Zabaykal’sk", Face::Latin),
        ("블라디보스토크", Face::Cjk),
        ("平壤", Face::Cjk),
        ("ウラジオストク", Face::Cjk),
        ("القاهرة", Face::Arabic),
        ("ירושלים", Face::Hebrew),
        ("नई दिल्ली", Face::Devanagari),
        ("กรุงเทพมหานคร", Face::Thai),
        ("鄂尔多斯", Face::Cjk),
    ];

    /// Names in the scripts issue 30 found drawn as boxes, with the family that now sets them.
    const MORE: [(&str, &str); 11] = [
        ("თბილისი", "Noto Sans Georgian"),
        ("Երևան", "Noto Sans Armenian"),
        ("አዲስ አበባ", "Noto Sans Ethiopic"),
        ("சென்னை", "Noto Sans Tamil"),
        ("ঢাকা", "Noto Sans Bengali"),
        ("කොළඹ", "Noto Sans Sinhala"),
        ("ភ្នំពេញ", "Noto Sans Khmer"),
        ("ວຽງຈັນ", "Noto Sans Lao"),
        ("ရန်ကုန်", "Noto Sans Myanmar"),
        ("ལྷ་ས", "Noto Serif Tibetan"),
        ("ᠬᠥᠬᠡᠬᠣᠲᠠ", "Noto Sans Mongolian"),
    ];

    #[test]
    fn the_scripts_issue_30_lists_are_set_in_their_faces() {
        for (name, family) in MORE {
            assert_eq!(Face::for_text(name).family(), family, "{name}");
            assert_eq!(missing(name), [] as [char; 0], "{name}");
            let run = shape(name, 20.0, false).unwrap();
            assert!(run.glyphs.iter().all(|g| g.id.0 != 0), "{name}: .notdef");
            assert!(run.width > 10.0, "{name}: {}", run.width);
            // Each glyph's cluster is text of the name, and the clusters cover it all.
            let mut clusters: Vec<(usize, usize)> = run.glyphs.iter().map(|g| g.cluster).collect();
            clusters.sort_unstable();
            clusters.dedup();
            let joined: String = clusters.iter().map(|&(a, b)| &name[a..b]).collect();
            assert_eq!(joined, name);
        }
        // A rarer hanzi than the first CJK subset has comes from the second.
        let rare = shape("尕", 20.0, false).unwrap();
        assert!(matches!(rare.glyphs[0].face, Face::More(_)));
        assert_eq!(rare.glyphs[0].face.family(), "Noto Sans CJK SC");
    }

    /// Characters in the table that are not letters a font could have: unassigned in Unicode
    /// 15 (a stray code point in one GeoNames alternate name).
    const NOT_CHARACTERS: [char; 1] = ['\u{1316}'];

    #[test]
    fn every_character_of_every_gazetteer_name_has_a_glyph() {
        let mut chars = std::collections::BTreeSet::new();
        for place in crate::Gazetteer::bundled().places() {
            chars.extend(place.name.chars());
            for name in place.alternate_names() {
                chars.extend(name.chars());
            }
        }
        let private = |c: char| matches!(u32::from(c), 0xE000..=0xF8FF | 0xF0000..);
        let lacking: Vec<String> = chars
            .iter()
            .filter(|c| !private(**c) && !NOT_CHARACTERS.contains(c))
            .filter(|c| !missing(&c.to_string()).is_empty())
            .map(|c| format!("U+{:04X} {c}", u32::from(*c)))
            .collect();
        assert!(chars.len() > 7000, "{} characters", chars.len());
        assert_eq!(lacking, [] as [String; 0]);
    }

    #[test]
    fn one_visual_order_for_text_that_runs_both_ways() {
        // The paragraph runs right to left (its first letter is Hebrew): the Latin words
        // stand at the left end, then the Arabic, then the Hebrew at the right.
        let text = "ירושלים · القاهرة and Cairo";
        let run = shape(text, 20.0, false).unwrap();
        let order: Vec<bool> = run.spans.iter().map(|s| s.rtl).collect();
        assert_eq!(order, [false, true]);
        assert_eq!(&text[run.spans[0].text.clone()], "and Cairo");
        let x_of = |c: char| run.glyphs.iter().find(|g| g.ch == c).map(|g| g.x).unwrap();
        assert!(x_of('C') < x_of('ق') && x_of('ق') < x_of('י'));
        // The same order as the bidirectional algorithm's reordered line.
        let bidi = unicode_bidi::BidiInfo::new(text, None);
        let para = &bidi.paragraphs[0];
        let line = bidi.reorder_line(para, para.range.clone());
        assert!(line.starts_with("and Cairo"), "{line}");
        // Spans tile the line from 0 to the width.
        assert_eq!(run.spans[0].x.0, 0.0);
        assert!((run.spans[1].x.1 - run.width).abs() < 1e-9);
    }

    #[test]
    fn every_listed_script_has_a_face_that_covers_it() {
        for (name, face) in SCRIPTS {
            assert_eq!(Face::for_text(name), face, "{name}");
            assert!(covers(name), "{name}: a character without a glyph");
            // No glyph is the missing-glyph box (id 0) after shaping either.
            if let Some(run) = shape(name, 20.0, false) {
                assert!(run.glyphs.iter().all(|g| g.id.0 != 0), "{name}: .notdef");
                assert!(run.width > 20.0, "{name}: {}", run.width);
            }
        }
        // A character no embedded face has is reported, not drawn as a box.
        assert!(!covers("ᚠᚢᚦ"));
    }

    #[test]
    fn arabic_is_joined_and_runs_right_to_left() {
        let text = "القاهرة";
        let run = shape(text, 20.0, false).unwrap();
        let font = face_font(Face::Arabic, false);
        // Shaping picks joining forms: not the glyphs of the characters one by one.
        let isolated: Vec<u16> = text.chars().map(|c| font.glyph_id(c).0).collect();
        let shaped: Vec<u16> = run.glyphs.iter().map(|g| g.id.0).collect();
        assert_ne!(shaped, isolated);
        // Right to left: the first character (alef of al-) is drawn last, at the right end.
        assert_eq!(run.glyphs.last().map(|g| g.ch), Some('ا'));
        // Positions run left to right along the line.
        assert!(run.glyphs.windows(2).all(|w| w[0].x <= w[1].x + 1e-9));
    }

    #[test]
    fn a_label_in_several_scripts_sets_each_in_its_face() {
        let text = "Seoul (서울) · القاهرة";
        assert!(covers(text));
        let run = shape(text, 20.0, false).unwrap();
        assert_eq!(run.faces(), [Face::Latin, Face::Arabic, Face::Cjk]);
        assert!(run.glyphs.iter().all(|g| g.id.0 != 0));
        // Written order, left to right: the Latin run first.
        assert_eq!(run.glyphs[0].ch, 'S');
        assert_eq!(run.glyphs[0].face, Face::Latin);
    }

    #[test]
    fn devanagari_forms_conjuncts() {
        // "दिल्ली": the vowel sign i is drawn before its consonant, and l+l joins.
        let run = shape("दिल्ली", 20.0, false).unwrap();
        assert!(
            run.glyphs.len() < "दिल्ली".chars().count(),
            "{:?}",
            run.glyphs
        );
    }
}
