//! The scale bar: a round distance, true at the centre of the frame.

use super::*;

impl ScaleBar {
    /// The bar's segments as rings, each with whether it is dark (the first is).
    pub fn cells(&self) -> Vec<([Px; 4], bool)> {
        (0..self.segments)
            .map(|i| {
                let x0 = self.at.0 + self.segment_px * i as f64;
                let (x1, y1) = (x0 + self.segment_px, self.at.1 + self.height);
                (
                    [(x0, self.at.1), (x1, self.at.1), (x1, y1), (x0, y1)],
                    i % 2 == 0,
                )
            })
            .collect()
    }

    /// The outline of the whole bar, closed.
    pub fn outline(&self) -> [Px; 5] {
        let x1 = self.at.0 + self.segment_px * self.segments as f64;
        let y1 = self.at.1 + self.height;
        [self.at, (x1, self.at.1), (x1, y1), (self.at.0, y1), self.at]
    }

    /// The backdrop drawn under the bar and its labels, so that no graticule line or globe
    /// outline crosses them.
    pub fn backdrop(&self) -> Rect {
        self.bounds().grow(0.8 * self.height)
    }

    /// The box of the bar and its labels.
    pub fn bounds(&self) -> Rect {
        let mut r = Rect {
            x0: self.at.0,
            y0: self.at.1,
            x1: self.at.0 + self.segment_px * self.segments as f64,
            y1: self.at.1 + self.height,
        };
        for l in &self.labels {
            let b = l.bounds();
            r = Rect {
                x0: r.x0.min(b.x0),
                y0: r.y0.min(b.y0),
                x1: r.x1.max(b.x1),
                y1: r.y1.max(b.y1),
            };
        }
        r.grow(4.0)
    }
}

/// A scale bar true at the centre of the frame, about a fifth of its width, where `place` puts
/// a bar of the length it is given (the top-left corner of the bar).
pub(super) fn scale_bar(
    p: &Projector,
    options: &MapOptions,
    view: &View,
    frame: &Rect,
    unit: f64,
    palette: &Palette,
    place: &dyn Fn(f64) -> Px,
) -> Option<ScaleBar> {
    let (units, lang) = (options.units, options.label_lang);
    let centre = ((frame.x0 + frame.x1) / 2.0, (frame.y0 + frame.y1) / 2.0);
    let (lon, lat) = p.unproject(view.metres(centre))?;
    let probe = 10_000.0;
    let east = crate::route::destination(geo::Coord { x: lon, y: lat }, 90.0, probe);
    let a = view.px(p.project(lon, lat)?);
    let b = view.px(p.project(east.x, east.y)?);
    let px_per_m = (b.0 - a.0).hypot(b.1 - a.1) / probe;
    if !(px_per_m.is_finite() && px_per_m > 0.0) {
        return None;
    }
    // Below one kilometre a metric bar counts metres; miles count fractions of a mile.
    let (unit_m, unit_name) = match units {
        crate::route::Units::Km if frame.width() * 0.2 / px_per_m < 1000.0 => {
            (1.0, words::unit_named("m", lang))
        }
        u => (u.metres(), words::unit(u, lang)),
    };
    // The bar's length in its unit, rounded to 1, 2 or 5 times a power of ten.
    let target_m = frame.width() * 0.2 / px_per_m / unit_m;
    let mag = 10f64.powf(target_m.log10().floor());
    // The round length nearest the target, in ratio.
    let nice = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|f| f * mag)
        .min_by(|a, b| {
            (a / target_m)
                .ln()
                .abs()
                .total_cmp(&(b / target_m).ln().abs())
        })
        .unwrap_or(mag);
    let segments = 4;
    let segment_px = nice * unit_m * px_per_m / segments as f64;
    let height = 7.0 * unit;
    let size = 14.0 * unit;
    let (x, y) = place(segment_px * segments as f64);
    let mut labels = Vec::new();
    for (i, v) in [0.0, nice / 2.0, nice].into_iter().enumerate() {
        let val = v;
        let mut t = if val.fract() == 0.0 {
            thousands(val)
        } else {
            format!("{val}")
        };
        if i == 2 {
            t = format!("{t} {unit_name}");
        }
        let tw = text::width(&t, size, false);
        let cx = x + segment_px * (i as f64) * 2.0;
        let at = if i == 2 {
            (
                cx - text::width(&thousands(val), size, false) / 2.0,
                y - size * 0.95,
            )
        } else {
            (cx - tw / 2.0, y - size * 0.95)
        };
        labels.push(Label {
            text: t,
            at,
            size,
            bold: false,
            color: palette.text,
            halo: Some(palette.halo),
        });
    }
    // On a short bar the middle figure would run into its neighbours: it goes.
    if labels.len() == 3 {
        let gap = 4.0 * unit;
        let (a, m, b) = (labels[0].bounds(), labels[1].bounds(), labels[2].bounds());
        if m.x0 < a.x1 + gap || m.x1 + gap > b.x0 {
            labels.remove(1);
        }
    }
    Some(ScaleBar {
        at: (x, y),
        segment_px,
        segments,
        height,
        labels,
    })
}
