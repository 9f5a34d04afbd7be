//! The words around the map: its title and subtitle, the warnings a reader should know, and
//! the attribution line.

use super::*;
use crate::trip::TripKind;

/// Metres per pixel below which the bundled basemap is coarser than the map.
pub(super) const COARSE_M_PER_PX: f64 = 100.0;

/// The title and subtitle set in the room across the page: shrunk, then wrapped, so that no
/// line runs off a narrow map.
pub(super) struct Heading {
    /// Each line: its text, its size, and whether it is the title's.
    lines: Vec<(String, f64, bool)>,
}

impl Heading {
    const TITLE: f64 = 34.0;
    const SUBTITLE: f64 = 21.0;

    /// The heading of a page `w` pixels wide.
    pub(super) fn set(title: Option<String>, subtitle: Option<String>, w: f64, unit: f64) -> Self {
        // The heading starts at the frame's left edge and keeps a margin on the right.
        let room = (w - (LEFT_MARGIN + 8.0) * unit).max(40.0);
        let mut lines = Vec::new();
        for (text, size, title) in [
            (title, Heading::TITLE, true),
            (subtitle, Heading::SUBTITLE, false),
        ] {
            if let Some(t) = text {
                lines.extend(
                    fit_lines(&t, size * unit, room, title)
                        .into_iter()
                        .map(|(l, sz)| (l, sz, title)),
                );
            }
        }
        Heading { lines }
    }

    fn advance((_, size, title): &(String, f64, bool)) -> f64 {
        // 40 px a line for the 34 px title, 30 for the 21 px subtitle.
        size * if *title { 40.0 / 34.0 } else { 30.0 / 21.0 }
    }

    /// The height of the band above the frame.
    pub(super) fn band(&self, unit: f64) -> f64 {
        if self.lines.is_empty() {
            return 14.0 * unit;
        }
        let text: f64 = self.lines.iter().map(Heading::advance).sum();
        (22.0 * unit + text).max(62.0 * unit)
    }

    /// Step of [`build_in`]: the lines as labels, from the frame's left edge down.
    pub(super) fn labels(self, sheet: &Sheet<'_>) -> Vec<Label> {
        let (frame, unit, palette) = (sheet.frame, sheet.unit, &sheet.palette);
        let mut y = 14.0 * unit;
        let mut out = Vec::new();
        for line in self.lines {
            let next = y + Heading::advance(&line);
            let (text, size, title) = line;
            out.push(Label {
                text,
                at: (frame.x0, y),
                size,
                bold: title,
                color: if title { palette.text } else { palette.muted },
                halo: None,
            });
            y = next;
        }
        out
    }
}

/// The left margin of the frame, in units (room for the degree labels).
pub(super) const LEFT_MARGIN: f64 = 58.0;

/// `text` in lines no wider than `room`: one line at `size`, or at a smaller size down to two
/// thirds of it, or wrapped at spaces at that size (a word still too wide is set smaller).
fn fit_lines(text: &str, size: f64, room: f64, bold: bool) -> Vec<(String, f64)> {
    let width = text::width(text, size, bold);
    if width <= room {
        return vec![(text.to_string(), size)];
    }
    let smallest = size * 2.0 / 3.0;
    let shrunk = size * room / width;
    if shrunk >= smallest {
        return vec![(text.to_string(), shrunk)];
    }
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if text::width(&format!("{line} {word}"), smallest, bold) <= room => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
        .into_iter()
        .map(|l| {
            let w = text::width(&l, smallest, bold);
            let sz = if w > room {
                smallest * room / w
            } else {
                smallest
            };
            (l, sz)
        })
        .collect()
}

/// Step of [`build_in`]: the warnings, after the `notes` of earlier steps: stops off the map,
/// a basemap coarser than the map (`coarse`, at `metres_per_px`), labels left out.
pub(super) fn warnings(
    sheet: &Sheet<'_>,
    notes: Vec<String>,
    off_map: &[String],
    unplaced: &[String],
    coarse: bool,
    metres_per_px: f64,
) -> Vec<String> {
    let (options, frame) = (sheet.options, sheet.frame);
    let mut warnings = notes;
    if !off_map.is_empty() {
        let n = off_map.len();
        let why = if options.bbox.is_some() {
            "outside the --bbox window"
        } else {
            "on the side of the globe the projection does not show"
        };
        let (stops, are) = if n == 1 {
            ("stop", "is")
        } else {
            ("stops", "are")
        };
        warnings.push(format!(
            "{n} {stops} {are} not on the map, {why}: {}",
            quoted_list(off_map, 5)
        ));
    }
    if coarse {
        let u = options.units;
        let across = readable_distance(frame.width() * metres_per_px / u.metres());
        warnings.push(format!(
            "the map is {across} {} across, finer than the bundled basemap (Natural Earth \
             1:10m): coastlines, rivers and borders are approximate",
            u.label()
        ));
    }
    if !unplaced.is_empty() {
        let n = unplaced.len();
        let what = if n == 1 { "label" } else { "labels" };
        warnings.push(format!(
            "no room for {n} {what}, left out: {}",
            quoted_list(unplaced, 5)
        ));
    }
    warnings
}

/// Step of [`build_in`]: a warning for each label with characters no embedded face has, naming
/// them (`U+16A0 ᚠ`) and what was drawn instead: a stop's label falls back to the gazetteer's
/// name of its place; a title, or a stop without a place, is drawn with empty boxes.
pub(super) fn glyph_warnings(stops: &[Unglyphed], titles: &[Label]) -> Vec<String> {
    let named = |missing: &[char]| {
        let all: Vec<String> = missing
            .iter()
            .map(|c| format!("U+{:04X} {c}", u32::from(*c)))
            .collect();
        all.join(", ")
    };
    let mut out: Vec<String> = stops
        .iter()
        .filter(|u| !u.missing.is_empty())
        .map(|u| {
            let instead = match &u.drawn {
                Some(name) => format!("labelled `{name}` instead"),
                None => "drawn with empty boxes".to_string(),
            };
            format!(
                "no glyph for {} in the label `{}`: {instead}",
                named(&u.missing),
                u.written
            )
        })
        .collect();
    for t in titles {
        let missing = text::missing(&t.text);
        if !missing.is_empty() {
            out.push(format!(
                "no glyph for {} in the title `{}`: drawn with empty boxes",
                named(&missing),
                t.text
            ));
        }
    }
    out
}

/// What the attribution says of the lines: journeys' legs are drawn as straight-line
/// geodesics, recorded tracks as they were recorded.
fn lines_note(routes: &[Route]) -> &'static str {
    let has = |kind: TripKind| routes.iter().any(|r| r.kind == kind && !r.legs.is_empty());
    match (has(TripKind::Journey), has(TripKind::Track)) {
        (false, true) => "Tracks are drawn as recorded.",
        (true, true) => "Legs are straight-line geodesics; tracks as recorded.",
        (true, false) | (false, false) => "Legs are straight-line geodesics.",
    }
}

/// Step of [`build_in`]: the attribution line at the foot of the page, saying so when the
/// basemap is `coarse`r than the map.
pub(super) fn attribution(sheet: &Sheet<'_>, coarse: bool, routes: &[Route]) -> Label {
    let options = sheet.options;
    let (frame, unit, palette) = (sheet.frame, sheet.unit, &sheet.palette);
    let (w, h) = (f64::from(options.width), f64::from(options.height));
    let lines = lines_note(routes);
    let full_text = if coarse {
        format!(
            "Basemap: Natural Earth 1:10m, coarser than this map. Places: GeoNames (CC BY 4.0). \
             {lines}"
        )
    } else {
        format!("Basemap: Natural Earth. Places: GeoNames (CC BY 4.0). {lines}")
    };
    // The attribution fits the page: shortened, then set smaller, on a narrow map.
    let room = w - 2.0 * 8.0 * unit;
    let mut asize = 14.0 * unit;
    let mut attribution_text = full_text.as_str();
    if text::width(attribution_text, asize, false) > room {
        attribution_text = "Natural Earth; GeoNames (CC BY 4.0)";
    }
    let full = text::width(attribution_text, asize, false);
    if full > room {
        asize = (asize * room / full).max(6.0);
    }
    let aw = text::width(attribution_text, asize, false);
    Label {
        text: attribution_text.into(),
        at: ((frame.x1 - aw).max(4.0), h - 20.0 * unit),
        size: asize,
        bold: false,
        color: palette.muted,
        halo: None,
    }
}
