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
use crate::scene::{self, Color, Label, MapOptions, Marker, Px, Scene, Stroke, readable_distance};
use crate::trip::Date;

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
        .unwrap_or_else(|| "itinera map".into());
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

    let (w, h) = (s.width, s.height);
    let css = CSS
        .replace("PAPER", &hex(pal.paper))
        .replace("TEXT", &hex(pal.text))
        .replace("MUTED", &hex(pal.muted));
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{t}</title>\n<script>{ERRORS}</script>\n<style>{css}</style>\n</head>\n<body>\n<header><h1>{t}</h1><p>{st}</p></header>\n<div id=\"map\">\n<svg id=\"svg\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" data-w=\"{w}\" data-h=\"{h}\" role=\"img\" aria-label=\"{t}\">\n<g id=\"base\">{base}</g>\n<g id=\"trips\">",
        t = escape(title),
        st = escape(subtitle),
        base = svg_body(&base_svg),
    )
    .map_err(write_error)?;
    drop(base_svg);

    let timeline = Timeline::new(routes);
    for (t, (layer, route)) in layers.iter().zip(routes).enumerate() {
        let mut overlay = String::new();
        let color = hex(layer.color);
        let step = |stop: usize| timeline.attribute(t, stop);
        let _ = write!(overlay, "<g class=\"trip\" data-trip=\"{t}\">");
        for (i, ((stroke, runs), leg)) in layer.legs.iter().zip(&route.legs).enumerate() {
            spill(&mut overlay, out)?;
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
        for tri in &layer.arrows {
            let _ = write!(
                overlay,
                "<path class=\"arrow\" d=\"{} Z\" fill=\"{color}\" stroke=\"{}\"/>",
                path_d(tri),
                hex(pal.halo)
            );
        }
        let mut leaders_drawn = std::collections::HashSet::new();
        for (i, stop) in route.stops.iter().enumerate() {
            spill(&mut overlay, out)?;
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
            let at = match moved.iter().find(|m| m.leader.is_some_and(near)) {
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
        overlay.push_str("</g>");
        out.write_all(overlay.as_bytes()).map_err(write_error)?;
    }
    out.write_all(b"</g>\n<g id=\"labels\" font-family=\"sans-serif\">")
        .map_err(write_error)?;
    for l in &stop_labels {
        out.write_all(label_svg(l, pal.halo, &timeline.of_label(&l.text)).as_bytes())
            .map_err(write_error)?;
    }

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
        "</g>\n</svg>\n<div id=\"legend\">{legend}</div>\n<div id=\"controls\"><button type=\"button\" id=\"zin\" title=\"Zoom in\">+</button><button type=\"button\" id=\"zout\" title=\"Zoom out\">−</button><button type=\"button\" id=\"reset\" title=\"Reset view\">⟲</button></div>\n<div id=\"tip\" hidden></div>\n</div>\n{slider}<footer>Basemap: Natural Earth. Places: GeoNames (CC BY 4.0). Legs are straight-line geodesics between stops. Drag to pan, wheel or pinch to zoom, hover or tap a leg or stop.</footer>\n<script>{JS}</script>\n</body>\n</html>\n",
        slider = timeline.slider(),
    )
    .map_err(write_error)
}

/// The dates of the trips, for the page's time slider: each stop's step is the index of its
/// date among all the distinct dates, an undated stop taking the date of the last dated stop
/// before it (or of the first after it). Legs show from their arrival's step.
struct Timeline {
    /// The distinct dates, in calendar order.
    dates: Vec<Date>,
    /// Per trip, per stop: the step, `None` in a trip without dates.
    steps: Vec<Vec<Option<usize>>>,
    /// Per stop label, the first step of a stop with that label.
    by_label: std::collections::HashMap<String, usize>,
}

impl Timeline {
    fn new(routes: &[Route]) -> Timeline {
        let mut dates: Vec<Date> = routes
            .iter()
            .flat_map(|r| r.stops.iter().filter_map(|s| s.date))
            .collect();
        dates.sort_unstable();
        dates.dedup();
        let step = |d: &Date| dates.binary_search(d).ok();
        let steps = routes
            .iter()
            .map(|r| {
                let mut current = r.stops.iter().find_map(|s| s.date);
                r.stops
                    .iter()
                    .map(|s| {
                        // Places are in no order: an undated one shows all the time.
                        if r.places {
                            return s.date.as_ref().and_then(step);
                        }
                        if s.date.is_some() {
                            current = s.date;
                        }
                        current.as_ref().and_then(step)
                    })
                    .collect()
            })
            .collect::<Vec<Vec<Option<usize>>>>();
        let mut by_label = std::collections::HashMap::new();
        for (r, steps) in routes.iter().zip(&steps) {
            for (s, k) in r.stops.iter().zip(steps) {
                if let Some(k) = *k {
                    by_label
                        .entry(s.label.clone())
                        .and_modify(|first: &mut usize| *first = (*first).min(k))
                        .or_insert(k);
                }
            }
        }
        Timeline {
            dates,
            steps,
            by_label,
        }
    }

    /// ` data-t="k"` for step `k`, or nothing without one or without two dates to slide over.
    fn step(&self, k: Option<usize>) -> String {
        match k {
            Some(k) if self.dates.len() > 1 => format!(" data-t=\"{k}\""),
            _ => String::new(),
        }
    }

    /// The attribute of stop `stop` of trip `trip`.
    fn attribute(&self, trip: usize, stop: usize) -> String {
        self.step(
            self.steps
                .get(trip)
                .and_then(|t| t.get(stop))
                .copied()
                .flatten(),
        )
    }

    /// The attribute of a stop label: the first step of a stop with that label.
    fn of_label(&self, text: &str) -> String {
        self.step(self.by_label.get(text).copied())
    }

    /// The slider, when there are two dates or more.
    fn slider(&self) -> String {
        if self.dates.len() < 2 {
            return String::new();
        }
        let labels: Vec<String> = self.dates.iter().map(ToString::to_string).collect();
        let last = self.dates.len() - 1;
        format!(
            "<div id=\"time\"><button type=\"button\" id=\"play\" title=\"Play the journey\" aria-label=\"Play\">▶</button><input type=\"range\" id=\"when\" min=\"0\" max=\"{last}\" value=\"{last}\" step=\"1\" aria-label=\"Show the journey up to this date\" data-labels=\"{}\"><output id=\"when-label\" for=\"when\">{}</output></div>\n",
            escape(&labels.join("|")),
            escape(&labels[last])
        )
    }
}

/// Records script errors on `<body data-errors>` so a headless test can read them.
const ERRORS: &str = r#"(function(){var n=0;function bump(){n++;if(document.body){document.body.dataset.errors=String(n);}}
window.addEventListener('error',bump);window.addEventListener('unhandledrejection',bump);
var ce=console.error;console.error=function(){bump();return ce.apply(console,arguments);};})();"#;

const CSS: &str = r#"
html,body{margin:0;background:PAPER;color:TEXT;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
header{padding:10px 16px 4px}header h1{margin:0;font-size:22px}header p{margin:2px 0 0;color:MUTED;font-size:14px}
#map{position:relative;margin:0 8px;border:1px solid MUTED;overflow:hidden;touch-action:none;user-select:none}
#svg{display:block;width:100%;height:auto;cursor:grab}#svg.dragging{cursor:grabbing}
#trips path.leg{fill:none;stroke-linecap:round;stroke-linejoin:round;vector-effect:non-scaling-stroke;cursor:pointer}
#trips path.casing,#trips path.ties{fill:none;stroke-linecap:round;stroke-linejoin:round;vector-effect:non-scaling-stroke;pointer-events:none;opacity:.85}
#trips path.leg:hover,#trips path.leg.on{stroke-width:7px}
#trips circle.stop{cursor:pointer;vector-effect:non-scaling-stroke}#trips circle.stop:hover,#trips circle.stop.on{stroke-width:4px}
#trips path.arrow{pointer-events:none}#labels{pointer-events:none}
#legend{position:absolute;left:10px;bottom:10px;background:PAPER;opacity:.94;border:1px solid MUTED;border-radius:4px;padding:4px;max-width:45%}
#legend .item{display:flex;gap:8px;align-items:center;width:100%;text-align:left;background:none;border:0;color:inherit;font:inherit;font-size:13px;padding:4px 6px;cursor:pointer}
#legend .item[aria-pressed=false]{opacity:.4}#legend .sw{display:inline-block;width:28px;height:4px;border-radius:2px;flex:none}
#legend .sw.dot{width:11px;height:11px;border-radius:50%;margin:0 8px}#legend small{color:MUTED}
#controls{position:absolute;right:10px;top:10px;display:flex;flex-direction:column;gap:4px}
#controls button{width:32px;height:32px;font-size:18px;background:PAPER;color:TEXT;border:1px solid MUTED;border-radius:4px;cursor:pointer}
#tip{position:absolute;pointer-events:none;background:PAPER;color:TEXT;border:1px solid MUTED;border-radius:4px;padding:6px 8px;font-size:13px;max-width:280px;box-shadow:0 2px 6px rgba(0,0,0,.25)}
#tip b{display:block}#tip span{color:MUTED}
#time{display:flex;gap:10px;align-items:center;margin:6px 8px 0;font-size:14px}
#time input{flex:1}#time output{min-width:10em;font-variant-numeric:tabular-nums}
#time button{width:32px;height:28px;background:PAPER;color:TEXT;border:1px solid MUTED;border-radius:4px;cursor:pointer}
footer{padding:6px 16px 12px;color:MUTED;font-size:12px}
"#;

/// The page's behaviour: pan and zoom by moving the viewBox, tooltips from `data-*`, legend
/// toggles. Plain ES2015, no library.
const JS: &str = r#"
(function () {
  'use strict';
  var svg = document.getElementById('svg');
  var map = document.getElementById('map');
  var tip = document.getElementById('tip');
  var W = +svg.dataset.w, H = +svg.dataset.h;
  var vb = { x: 0, y: 0, w: W, h: H };
  function apply() { svg.setAttribute('viewBox', vb.x + ' ' + vb.y + ' ' + vb.w + ' ' + vb.h); }
  function toMap(cx, cy) {
    var r = svg.getBoundingClientRect();
    return { x: vb.x + (cx - r.left) / r.width * vb.w, y: vb.y + (cy - r.top) / r.height * vb.h };
  }
  function zoom(f, cx, cy) {
    var nw = Math.min(W, Math.max(W / 40, vb.w / f));
    var k = nw / vb.w, p = toMap(cx, cy);
    vb.x = p.x - (p.x - vb.x) * k; vb.y = p.y - (p.y - vb.y) * k;
    vb.w = nw; vb.h = vb.w * H / W;
    clamp(); apply();
  }
  function clamp() {
    vb.x = Math.min(Math.max(vb.x, -vb.w / 2), W - vb.w / 2);
    vb.y = Math.min(Math.max(vb.y, -vb.h / 2), H - vb.h / 2);
  }
  function centre() { var r = svg.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }
  svg.addEventListener('wheel', function (e) {
    e.preventDefault();
    zoom(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015)), e.clientX, e.clientY);
  }, { passive: false });
  svg.addEventListener('dblclick', function (e) { zoom(2, e.clientX, e.clientY); });
  document.getElementById('zin').onclick = function () { var c = centre(); zoom(1.6, c[0], c[1]); };
  document.getElementById('zout').onclick = function () { var c = centre(); zoom(1 / 1.6, c[0], c[1]); };
  document.getElementById('reset').onclick = function () { vb = { x: 0, y: 0, w: W, h: H }; apply(); };

  // Pointers: one drags, two pinch. A press that hardly moves is a tap.
  var pts = {}, last = null, pinch = null, moved = 0;
  function count() { return Object.keys(pts).length; }
  svg.addEventListener('pointerdown', function (e) {
    pts[e.pointerId] = { x: e.clientX, y: e.clientY };
    moved = 0;
    if (count() === 1) { last = { x: e.clientX, y: e.clientY }; svg.classList.add('dragging'); }
    if (count() === 2) { pinch = spread(); }
    if (svg.setPointerCapture && e.pointerType !== 'mouse') { try { svg.setPointerCapture(e.pointerId); } catch (err) { /* not capturable */ } }
  });
  function spread() {
    var p = Object.keys(pts).map(function (k) { return pts[k]; });
    return { d: Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y), x: (p[0].x + p[1].x) / 2, y: (p[0].y + p[1].y) / 2 };
  }
  svg.addEventListener('pointermove', function (e) {
    if (!(e.pointerId in pts)) { return; }
    pts[e.pointerId] = { x: e.clientX, y: e.clientY };
    if (count() === 2 && pinch) {
      var s = spread();
      if (pinch.d > 0) { zoom(s.d / pinch.d, s.x, s.y); }
      pinch = s; moved += 10;
    } else if (count() === 1 && last) {
      var r = svg.getBoundingClientRect();
      var dx = (e.clientX - last.x) / r.width * vb.w, dy = (e.clientY - last.y) / r.height * vb.h;
      moved += Math.abs(e.clientX - last.x) + Math.abs(e.clientY - last.y);
      vb.x -= dx; vb.y -= dy; clamp(); apply();
      last = { x: e.clientX, y: e.clientY };
      if (moved > 4) { hide(); }
    }
  });
  function up(e) {
    delete pts[e.pointerId];
    if (count() < 2) { pinch = null; }
    if (count() === 0) { last = null; svg.classList.remove('dragging'); }
    if (e.type === 'pointerup' && moved <= 4) { show(e.target, e.clientX, e.clientY); }
  }
  svg.addEventListener('pointerup', up);
  svg.addEventListener('pointercancel', up);

  // Tooltips.
  var current = null;
  function text(t) { return document.createTextNode(t); }
  function show(el, cx, cy) {
    if (!el || !el.classList || !(el.classList.contains('leg') || el.classList.contains('stop'))) { if (el === svg) { hide(); } return; }
    var d = el.dataset;
    while (tip.firstChild) { tip.removeChild(tip.firstChild); }
    var b = document.createElement('b');
    var lines = [];
    if (el.classList.contains('leg')) {
      b.appendChild(text(d.from + ' \u2192 ' + d.to));
      lines.push(d.km + ' km straight-line, bearing ' + d.bearing + '\u00b0');
      lines.push(d.trip + ', leg ' + d.leg + ' (' + d.mode + ')');
      if (d.dates) { lines.push(d.dates); }
    } else {
      b.appendChild(text(d.name));
      if (d.place && d.place.indexOf(d.name) !== 0) { lines.push(d.place); }
      lines.push(d.trip + ', stop ' + d.order);
      if (d.date) { lines.push(d.date); }
      if (d.note) { lines.push(d.note); }
    }
    tip.appendChild(b);
    lines.forEach(function (l) { var s = document.createElement('span'); s.appendChild(text(l)); tip.appendChild(s); tip.appendChild(document.createElement('br')); });
    tip.hidden = false;
    var r = map.getBoundingClientRect();
    var x = Math.min(cx - r.left + 14, r.width - tip.offsetWidth - 4), y = Math.min(cy - r.top + 14, r.height - tip.offsetHeight - 4);
    tip.style.left = Math.max(4, x) + 'px'; tip.style.top = Math.max(4, y) + 'px';
    if (current) { current.classList.remove('on'); }
    current = el; el.classList.add('on');
  }
  function hide() { tip.hidden = true; if (current) { current.classList.remove('on'); current = null; } }
  svg.addEventListener('mouseover', function (e) { if (!last) { show(e.target, e.clientX, e.clientY); } });
  svg.addEventListener('mouseout', function (e) { if (e.target === current) { hide(); } });

  // Legend: toggle a trip.
  Array.prototype.forEach.call(document.querySelectorAll('#legend .item'), function (btn) {
    btn.addEventListener('click', function () {
      var on = btn.getAttribute('aria-pressed') !== 'true';
      btn.setAttribute('aria-pressed', on ? 'true' : 'false');
      var g = document.querySelector('#trips g.trip[data-trip="' + btn.dataset.trip + '"]');
      if (g) { g.style.display = on ? '' : 'none'; }
      hide();
    });
  });
  document.body.dataset.legs = String(document.querySelectorAll('#trips path.leg').length);

  // Time slider: what the journey had reached by a date (legs from their arrival's date).
  // Arrows show only at the end, where every leg is drawn.
  var when = document.getElementById('when');
  function upTo(v) {
    if (!when) { return; }
    when.value = String(v);
    document.getElementById('when-label').textContent = when.dataset.labels.split('|')[v];
    Array.prototype.forEach.call(document.querySelectorAll('#svg [data-t]'), function (el) {
      el.style.visibility = +el.dataset.t <= v ? '' : 'hidden';
    });
    var end = v === +when.max;
    Array.prototype.forEach.call(document.querySelectorAll('#trips path.arrow'), function (a) {
      a.style.visibility = end ? '' : 'hidden';
    });
  }
  if (when) {
    when.addEventListener('input', function () { upTo(+when.value); });
    var timer = null, play = document.getElementById('play');
    play.addEventListener('click', function () {
      if (timer) { clearInterval(timer); timer = null; play.textContent = '\u25b6'; return; }
      if (+when.value === +when.max) { upTo(0); }
      play.textContent = '\u23f8';
      timer = setInterval(function () {
        var v = +when.value + 1;
        upTo(Math.min(v, +when.max));
        if (v >= +when.max) { clearInterval(timer); timer = null; play.textContent = '\u25b6'; }
      }, 800);
    });
  }

  // `#selftest`: drive the page with synthetic events and record what happened, so a headless
  // browser test can check hover, legend toggling and zoom without a driver.
  if (location.hash === '#selftest') {
    var results = [];
    var btn = document.querySelector('#legend .item');
    if (btn) {
      btn.click();
      var g = document.querySelector('#trips g.trip[data-trip="' + btn.dataset.trip + '"]');
      results.push('toggle:' + (g.style.display === 'none' && btn.getAttribute('aria-pressed') === 'false'));
      btn.click();
    }
    var before = svg.getAttribute('viewBox');
    var c = centre();
    svg.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, deltaY: -200, clientX: c[0], clientY: c[1] }));
    results.push('zoom:' + (svg.getAttribute('viewBox') !== before));
    var legs = document.querySelectorAll('#trips path.leg');
    var leg = legs[Math.floor(legs.length / 2)];
    if (leg) {
      var r = leg.getBoundingClientRect();
      leg.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 }));
      results.push('hover:' + (!tip.hidden && tip.textContent.indexOf(leg.dataset.from) >= 0 && tip.textContent.indexOf('km') >= 0));
    }
    if (when) {
      var shown = function () {
        return Array.prototype.filter.call(legs, function (l) { return l.style.visibility !== 'hidden'; }).length;
      };
      upTo(0);
      var early = shown();
      upTo(+when.max);
      results.push('slider:' + (early < legs.length && shown() === legs.length));
    }
    document.body.dataset.selftest = results.join(' ');
  }
  document.body.dataset.ready = '1';
})();
"#;

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
            color: "#d55e00".into(),
            mode: Mode::Rail,
            places: false,
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
        // The inline SVG is well-formed XML.
        let start = html.find("<svg id=\"svg\"").unwrap();
        let end = html.find("</svg>\n<div id=\"legend\"").unwrap() + 6;
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
