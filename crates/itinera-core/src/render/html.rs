//! A self-contained interactive HTML map: one file that works offline (no CDN, no tiles).
//!
//! The map is the same [`Scene`] as `render` draws: its basemap, graticule and context labels
//! come from the plotters SVG backend; the trips are written here as SVG elements that carry
//! their data (`data-*` attributes), so the page's small script (written for itinera, below)
//! can show a leg's or stop's name, dates and distance on hover or tap, pan and zoom with mouse,
//! wheel and touch, and toggle trips from the legend.

use std::fmt::Write as _;
use std::io::Write;

use crate::error::{Error, Result};
use crate::markup::escape;
use crate::render;
use crate::route::{Route, Units};
use crate::scene::{
    self, Color, Label, MapOptions, Marker, Px, RouteLayer, Scene, Stroke, readable_distance,
};
use crate::trip::Date;

mod assets;
mod symbols;
mod timeline;
use assets::{CSS, ERRORS, JS};
pub use symbols::{sized_page, write_sized_html};
use timeline::Timeline;

/// The page's title when neither the options nor the file give one: the trips' names (the
/// first three, then how many more), as the legend shows them.
fn page_title(routes: &[Route]) -> String {
    let names: Vec<&str> = routes.iter().take(3).map(|r| r.name.as_str()).collect();
    match routes.len() {
        0 => "Map".to_string(),
        1..=3 => names.join(", "),
        n => format!("{} and {} more", names.join(", "), n - 3),
    }
}

/// Writes the interactive map of `routes` as one HTML document.
///
/// # Errors
/// As [`scene::build`] for bad options; [`Error::Write`] when writing fails.
pub fn write_html(
    routes: &[Route],
    title: Option<&str>,
    options: &MapOptions,
    w: &mut dyn Write,
) -> Result<()> {
    let scene = scene::build(
        routes,
        title,
        &MapOptions {
            heading: false,
            ..options.clone()
        },
    )?;
    let heading = options
        .title
        .clone()
        .or_else(|| title.map(String::from))
        .unwrap_or_else(|| page_title(routes));
    let sub = options
        .subtitle
        .clone()
        .or_else(|| scene::date_range(routes))
        .unwrap_or_default();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, w);
    page(scene, routes, &heading, &sub, &mut out)?;
    out.flush().map_err(write_error)
}

/// Writes out what `overlay` holds once it passes 64 KiB, so that memory stays flat.
fn spill(overlay: &mut String, out: &mut dyn Write) -> Result<()> {
    if overlay.len() >= 1 << 16 {
        out.write_all(overlay.as_bytes()).map_err(write_error)?;
        overlay.clear();
    }
    Ok(())
}

/// A failure to write the page (the output layer names the file).
fn write_error(source: std::io::Error) -> Error {
    Error::Write {
        path: "HTML".into(),
        source,
    }
}

fn hex(c: Color) -> String {
    format!("#{:02x}{:02x}{:02x}", c.r, c.g, c.b)
}

fn path_d(points: &[Px]) -> String {
    let mut d = String::new();
    for (i, p) in points.iter().enumerate() {
        let _ = write!(
            d,
            "{}{:.1} {:.1}",
            if i == 0 { "M" } else { " L" },
            p.0,
            p.1
        );
    }
    d
}

/// The inside of the plotters SVG document (without its `<svg>` element).
fn svg_body(svg: &str) -> &str {
    let start = svg
        .find("<svg")
        .and_then(|i| svg[i..].find('>').map(|j| i + j + 1))
        .unwrap_or(0);
    let end = svg.rfind("</svg>").unwrap_or(svg.len());
    &svg[start..end.max(start)]
}

fn dash(stroke: &Stroke) -> String {
    match stroke.dash {
        Some((on, off)) => format!(" stroke-dasharray=\"{on} {off}\""),
        None => String::new(),
    }
}

/// A stop label; `when` is its time-slider attribute (or empty).
fn label_svg(l: &Label, halo: Color, when: &str) -> String {
    format!(
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{:.1}\"{} fill=\"{}\" stroke=\"{}\" stroke-width=\"3\" paint-order=\"stroke\" stroke-linejoin=\"round\"{when}>{}</text>",
        l.at.0,
        l.at.1 + l.size * 0.5,
        l.size / 1.362,
        if l.bold { " font-weight=\"bold\"" } else { "" },
        hex(l.color),
        hex(l.halo.unwrap_or(halo)),
        escape(&l.text)
    )
}

/// Writes the page to `out` as it goes: a page holds every leg and stop of the trips (a
/// 1.5M-vertex track is 450 MB of HTML), so it is never built whole in memory.
fn page(
    mut s: Scene,
    routes: &[Route],
    title: &str,
    subtitle: &str,
    out: &mut dyn Write,
) -> Result<()> {
    // The background is the scene without what the page draws itself or shows in HTML; those
    // parts are moved out of it, not copied.
    let layers = std::mem::take(&mut s.routes);
    let markers = std::mem::take(&mut s.markers);
    let stop_labels: Vec<Label> = s.labels.drain(..s.stop_label_count).collect();
    s.stop_label_count = 0;
    s.legend = None;
    s.titles.clear();
    s.scale_bar = None;
    s.attribution.text.clear();
    let base_svg = render::svg(&s)?;
    let pal = &s.palette;
    // Markers moved off their places to clear a neighbour (few), found by their true place.
    let moved: Vec<&Marker> = markers.iter().filter(|m| m.leader.is_some()).collect();

    head(&s, &base_svg, title, subtitle, out)?;
    drop(base_svg);

    let timeline = Timeline::new(routes);
    let trips = Trips {
        s: &s,
        timeline: &timeline,
        moved: &moved,
    };
    for (t, (layer, route)) in layers.iter().zip(routes).enumerate() {
        trips.trip(t, layer, route, out)?;
    }
    out.write_all(b"</g>\n<g id=\"labels\" font-family=\"sans-serif\">")
        .map_err(write_error)?;
    for l in &stop_labels {
        out.write_all(label_svg(l, pal.halo, &timeline.of_label(&l.text)).as_bytes())
            .map_err(write_error)?;
    }
    legend_and_foot(&layers, routes, &timeline, out)
}

/// Step of [`page`]: the document's head, its heading, and the map's `<svg>` with the scene's
/// background (`base_svg`), up to the opening of the trips' group.
fn head(s: &Scene, base_svg: &str, title: &str, subtitle: &str, out: &mut dyn Write) -> Result<()> {
    let pal = &s.palette;
    let (w, h) = (s.width, s.height);
    let css = CSS
        .replace("PAPER", &hex(pal.paper))
        .replace("TEXT", &hex(pal.text))
        .replace("MUTED", &hex(pal.muted))
        .replace("RATIO", &format!("{w} / {h}"));
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{t}</title>\n<script>{ERRORS}</script>\n<style>{css}</style>\n</head>\n<body>\n<header><h1>{t}</h1><p>{st}</p></header>\n<div id=\"stage\">\n<div id=\"map\">\n<svg id=\"svg\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" data-w=\"{w}\" data-h=\"{h}\" role=\"img\" aria-label=\"{t}\">\n<g id=\"base\">{base}</g>\n<g id=\"trips\">",
        t = escape(title),
        st = escape(subtitle),
        base = svg_body(base_svg),
    )
    .map_err(write_error)
}

/// What the steps of [`page`] that write the trips share: the scene (without its routes and
/// markers), the time slider's steps and the markers moved off their places.
struct Trips<'a> {
    s: &'a Scene,
    timeline: &'a Timeline,
    moved: &'a [&'a Marker],
}

impl Trips<'_> {
    /// Step of [`page`]: trip `t`'s group, its legs, arrows and stops, written out as it goes.
    fn trip(&self, t: usize, layer: &RouteLayer, route: &Route, out: &mut dyn Write) -> Result<()> {
        let pal = &self.s.palette;
        let mut overlay = String::new();
        let color = hex(layer.color);
        let _ = write!(overlay, "<g class=\"trip\" data-trip=\"{t}\">");
        self.legs(&mut overlay, t, layer, route, &color, out)?;
        for tri in &layer.arrows {
            let _ = write!(
                overlay,
                "<path class=\"arrow\" d=\"{} Z\" fill=\"{color}\" stroke=\"{}\"/>",
                path_d(tri),
                hex(pal.halo)
            );
        }
        self.stops(&mut overlay, t, layer, route, &color, out)?;
        overlay.push_str("</g>");
        out.write_all(overlay.as_bytes()).map_err(write_error)
    }

    /// Step of [`Trips::trip`]: each leg as a casing, the line with its data, and its ties.
    fn legs(
        &self,
        overlay: &mut String,
        t: usize,
        layer: &RouteLayer,
        route: &Route,
        color: &str,
        out: &mut dyn Write,
    ) -> Result<()> {
        let (s, pal) = (self.s, &self.s.palette);
        let step = |stop: usize| self.timeline.attribute(t, stop);
        for (i, ((stroke, runs), leg)) in layer.legs.iter().zip(&route.legs).enumerate() {
            spill(overlay, out)?;
            let (a, b) = (&route.stops[leg.from], &route.stops[leg.to]);
            let dates = match (&a.date, &b.date) {
                (Some(x), Some(y)) if x != y => format!("{x} – {y}"),
                (Some(x), _) | (None, Some(x)) => x.to_string(),
                _ => String::new(),
            };
            let d: String = runs.iter().map(|r| path_d(r)).collect::<Vec<_>>().join(" ");
            if d.is_empty() {
                continue;
            }
            let width = stroke.width * s.unit;
            // A leg shows on the time slider from its arrival's date.
            let when = step(leg.to);
            let _ = write!(
                overlay,
                "<path class=\"casing\" d=\"{d}\" stroke=\"{}\" stroke-width=\"{:.1}\"{when}/>",
                hex(pal.halo),
                width + 3.0 * s.unit
            );
            let _ = write!(
                overlay,
                "<path class=\"leg\" d=\"{d}\" stroke=\"{color}\" stroke-width=\"{width:.1}\"{when}{} data-trip=\"{}\" data-leg=\"{}\" data-from=\"{}\" data-to=\"{}\" data-km=\"{}\" data-bearing=\"{:.0}\" data-mode=\"{}\" data-dates=\"{}\"/>",
                dash(stroke),
                escape(&route.name),
                i + 1,
                escape(&a.label),
                escape(&b.label),
                readable_distance(leg.metres / 1000.0),
                leg.bearing_deg,
                leg.mode.as_str(),
                escape(&dates)
            );
            if stroke.ties {
                let _ = write!(
                    overlay,
                    "<path class=\"ties\" d=\"{d}\" stroke=\"#ffffff\" stroke-width=\"{:.1}\" stroke-dasharray=\"7 7\"{when}/>",
                    1.6 * s.unit
                );
            }
        }
        Ok(())
    }

    /// Step of [`Trips::trip`]: each stop's marker with its data, and the leader of a marker
    /// moved off its place.
    fn stops(
        &self,
        overlay: &mut String,
        t: usize,
        layer: &RouteLayer,
        route: &Route,
        color: &str,
        out: &mut dyn Write,
    ) -> Result<()> {
        let (s, pal) = (self.s, &self.s.palette);
        let step = |stop: usize| self.timeline.attribute(t, stop);
        let mut leaders_drawn = std::collections::HashSet::new();
        for (i, stop) in route.stops.iter().enumerate() {
            spill(overlay, out)?;
            if !route.has_marker(i) {
                continue;
            }
            let when = step(i);
            let Some(at) = s
                .locate(stop.lon, stop.lat)
                .filter(|p| s.frame.contains(*p))
            else {
                continue;
            };
            // A marker moved off its place to clear a neighbour keeps a leader line to it.
            let near = |p: Px| (p.0 - at.0).abs() < 0.5 && (p.1 - at.1).abs() < 0.5;
            let at = match self.moved.iter().find(|m| m.leader.is_some_and(near)) {
                Some(m) if !leaders_drawn.insert((m.at.0.to_bits(), m.at.1.to_bits())) => m.at,
                Some(m) => {
                    let _ = write!(
                        overlay,
                        "<path class=\"leader\" d=\"{}\" stroke=\"{}\" stroke-width=\"{:.1}\"{when}/><circle class=\"true-place\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"{:.1}\" fill=\"{color}\"{when}/>",
                        path_d(&[at, m.at]),
                        hex(pal.muted),
                        s.unit,
                        at.0,
                        at.1,
                        2.2 * s.unit
                    );
                    m.at
                }
                None => at,
            };
            let (fill, stroke) = Marker::colors(route.is_terminal(i), layer.color, pal.halo);
            let (fill, stroke) = (hex(fill), hex(stroke));
            let place = stop
                .place
                .as_ref()
                .map(|p| format!("{}, {}", p.name, p.country))
                .unwrap_or_default();
            let _ = write!(
                overlay,
                "<circle class=\"stop\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"{:.1}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{:.1}\"{when} data-trip=\"{}\" data-name=\"{}\" data-place=\"{}\" data-date=\"{}\" data-note=\"{}\" data-order=\"{}\"/>",
                at.0,
                at.1,
                5.5 * s.unit,
                2.2 * s.unit,
                escape(&route.name),
                escape(&stop.label),
                escape(&place),
                escape(&stop.date.map(|d| d.to_string()).unwrap_or_default()),
                escape(stop.note.as_deref().unwrap_or_default()),
                i + 1
            );
        }
        Ok(())
    }
}

/// Step of [`page`]: the map's controls, the legend of the trips (a `<details>` the reader can
/// fold, beside the map's box rather than in it, so that a narrow page can put it under the
/// map), the time slider, the footer and the page's script, closing the document.
fn legend_and_foot(
    layers: &[RouteLayer],
    routes: &[Route],
    timeline: &Timeline,
    out: &mut dyn Write,
) -> Result<()> {
    let mut legend = String::new();
    for (t, (layer, route)) in layers.iter().zip(routes).enumerate() {
        let mut dates: Vec<Date> = route.stops.iter().filter_map(|x| x.date).collect();
        dates.sort_unstable();
        let when = match (dates.first(), dates.last()) {
            (Some(a), Some(b)) if a != b => format!("{a} – {b} · "),
            (Some(a), _) => format!("{a} · "),
            _ => String::new(),
        };
        // A trip without legs (places, one stop) shows a dot, as its markers.
        let swatch = if route.legs.is_empty() {
            "sw dot"
        } else {
            "sw"
        };
        let _ = write!(
            legend,
            "<button type=\"button\" class=\"item\" data-trip=\"{t}\" aria-pressed=\"true\"><span class=\"{swatch}\" style=\"background:{}\"></span><span><b>{}</b><br><small>{}{}</small></span></button>",
            hex(layer.color),
            escape(&route.name),
            escape(&when),
            escape(&scene::legend_extent(route, Units::Km))
        );
    }
    write!(
        out,
        "</g>\n</svg>\n<div id=\"controls\"><button type=\"button\" id=\"zin\" title=\"Zoom in\">+</button><button type=\"button\" id=\"zout\" title=\"Zoom out\">−</button><button type=\"button\" id=\"reset\" title=\"Reset view\">⟲</button></div>\n<div id=\"tip\" hidden></div>\n</div>\n<details id=\"legend\" open><summary>{summary}</summary>{legend}</details>\n</div>\n{slider}<footer>Basemap: Natural Earth. Places: GeoNames (CC BY 4.0). Legs are straight-line geodesics between stops. Drag to pan, wheel or pinch to zoom, hover or tap a leg or stop.</footer>\n<script>{JS}</script>\n</body>\n</html>\n",
        slider = timeline.slider(),
        summary = match routes.len() {
            1 => "Trip".to_string(),
            n => format!("Trips ({n})"),
        },
    )
    .map_err(write_error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route;
    use crate::trip::{Mode, Stop, Trip};

    fn stop(label: &str, lat: f64, lon: f64, date: Option<&str>) -> Stop {
        Stop {
            label: label.into(),
            place: None,
            lat,
            lon,
            date: date.map(|d| d.parse().unwrap()),
            note: None,
            mode: None,
        }
    }

    fn routes() -> Vec<Route> {
        let t = Trip {
            name: "Kim <& \"Putin\">".into(),
            color: crate::trip::Rgb::new(0xd5, 0x5e, 0x00),
            mode: Mode::Rail,
            kind: crate::trip::TripKind::Journey,
            stops: vec![
                stop("Khasan", 42.42387, 130.65156, Some("2011-08-20")),
                stop("Ussuriysk", 43.80467, 131.95734, None),
                stop("Ulan-Ude", 51.82648, 107.59979, Some("2011-08-23")),
            ],
        };
        vec![route::build(&t)]
    }

    #[test]
    fn page_is_self_contained_with_a_path_per_leg() {
        let mut out = Vec::new();
        write_html(
            &routes(),
            Some("Test & map"),
            &MapOptions::default(),
            &mut out,
        )
        .unwrap();
        let html = String::from_utf8(out).unwrap();
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert_eq!(html.matches("class=\"leg\"").count(), 2);
        assert_eq!(html.matches("class=\"stop\"").count(), 3);
        assert!(html.contains("data-km=\"187\"") && html.contains("data-from=\"Khasan\""));
        assert!(html.contains("<title>Test &amp; map</title>"));
        assert!(html.contains("Kim &lt;&amp; &quot;Putin&quot;&gt;"));
        assert!(
            !html.contains("http://") || !html.contains("src=\"http"),
            "no external resources"
        );
        assert!(!html.contains("<script src") && !html.contains("<link"));
        // The legend folds (one trip: "Trip"), and the style's placeholders are filled in.
        assert!(html.contains("<details id=\"legend\" open><summary>Trip</summary>"));
        assert!(!html.contains("RATIO") && !html.contains("MUTED"));
        let (w, h) = (MapOptions::default().width, MapOptions::default().height);
        assert!(
            html.contains(&format!("aspect-ratio:{w} / {h}")),
            "the map's shape"
        );
        // The inline SVG is well-formed XML.
        let start = html.find("<svg id=\"svg\"").unwrap();
        let end = html.find("</svg>\n<div id=\"controls\"").unwrap() + 6;
        roxmltree::Document::parse(&html[start..end]).unwrap();
    }

    #[test]
    fn time_steps_carry_dates_forward_and_the_slider_needs_two_dates() {
        let r = routes();
        let t = Timeline::new(&r);
        assert_eq!(t.dates.len(), 2);
        // Ussuriysk, undated, is where the journey was on the 20th.
        assert_eq!(t.steps[0], [Some(0), Some(0), Some(1)]);
        assert_eq!(t.attribute(0, 2), " data-t=\"1\"");
        assert_eq!(t.of_label("Ulan-Ude"), " data-t=\"1\"");
        let slider = t.slider();
        assert!(slider.contains("max=\"1\" value=\"1\""), "{slider}");
        assert!(
            slider.contains("data-labels=\"2011-08-20|2011-08-23\""),
            "{slider}"
        );
        let mut html = Vec::new();
        write_html(&r, None, &MapOptions::default(), &mut html).unwrap();
        let html = String::from_utf8(html).unwrap();
        // The second leg arrives on the 23rd.
        assert_eq!(html.matches("class=\"leg\" d=").count(), 2);
        assert_eq!(
            html.matches("data-t=\"1\" data-trip").count(),
            2,
            "leg 2 and Ulan-Ude"
        );
        // Without dates, no slider and no steps.
        let mut undated = routes();
        for s in &mut undated[0].stops {
            s.date = None;
        }
        let t = Timeline::new(&undated);
        assert!(t.slider().is_empty() && t.attribute(0, 0).is_empty());
    }

    #[test]
    fn escaping() {
        assert_eq!(svg_body("<?xml?><svg a=\"1\">inner</svg>"), "inner");
    }
}
