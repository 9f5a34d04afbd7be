//! The words around the map: its title and subtitle, the warnings a reader should know, and
//! the attribution line.

use super::*;
use crate::trip::TripKind;

/// Metres per pixel below which the bundled basemap is coarser than the map.
pub(super) const COARSE_M_PER_PX: f64 = 100.0;

/// Step of [`build_in`]: the title and subtitle in the band above the frame.
pub(super) fn titles(
    title: Option<String>,
    subtitle: Option<String>,
    sheet: &Sheet<'_>,
) -> Vec<Label> {
    let (frame, unit, palette) = (sheet.frame, sheet.unit, &sheet.palette);
    let mut titles = Vec::new();
    let mut y = 14.0 * unit;
    if let Some(t) = title {
        titles.push(Label {
            text: t,
            at: (frame.x0, y),
            size: 34.0 * unit,
            bold: true,
            color: palette.text,
            halo: None,
        });
        y += 40.0 * unit;
    }
    if let Some(s) = subtitle {
        titles.push(Label {
            text: s,
            at: (frame.x0, y),
            size: 21.0 * unit,
            bold: false,
            color: palette.muted,
            halo: None,
        });
    }
    titles
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
