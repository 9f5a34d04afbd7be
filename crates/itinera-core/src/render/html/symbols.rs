//! The web page of a map of proportional symbols: the map's SVG inline (each circle's
//! `<title>` is its tooltip: the place and its value), the heading in HTML, and the places with
//! their values as a table under the map, for screen readers and for copying. No script: the
//! page is the map and its data.

use std::io::Write;

use crate::error::{Error, Result};
use crate::markup::escape;
use crate::render;
use crate::scene::{Color, MapOptions, Scene};

/// The page's style; PAPER and TEXT are the theme's colours.
const CSS: &str = "body{margin:0;font-family:'Noto Sans','DejaVu Sans',Arial,sans-serif;\
background:PAPER;color:TEXT}header{padding:12px 20px 0}h1{font-size:1.4em;margin:0}\
header p{margin:4px 0 0;opacity:.75}#map svg{display:block;width:100%;height:auto}\
circle.symbol:hover{stroke-width:3}table{border-collapse:collapse;margin:12px 20px 24px}\
caption{text-align:left;white-space:nowrap;padding:0 12px 4px}th,td{padding:2px 12px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}";

fn hex(c: Color) -> String {
    format!("#{:02x}{:02x}{:02x}", c.r, c.g, c.b)
}

/// The page of a map of proportional symbols as `render --size-by` writes it: the map `build`
/// makes with `options` but without its heading band, and the heading in HTML ("Places by
/// COLUMN" unless `options.title` says otherwise).
///
/// # Errors
/// Whatever `build` returns; as [`write_sized_html`].
pub fn sized_page(
    build: &dyn Fn(&MapOptions) -> Result<Scene>,
    options: &MapOptions,
    column: &str,
) -> Result<Vec<u8>> {
    let scene = build(&MapOptions {
        heading: false,
        ..options.clone()
    })?;
    let title = options
        .title
        .clone()
        .unwrap_or_else(|| format!("Places by {column}"));
    let subtitle = options.subtitle.clone().unwrap_or_default();
    let mut bytes = Vec::new();
    write_sized_html(&scene, &title, &subtitle, &mut bytes)?;
    Ok(bytes)
}

/// Writes the page of `scene`, a map of proportional symbols built without its heading
/// (`MapOptions::heading` false), with `title` and `subtitle` above it.
///
/// # Errors
/// [`Error::Invalid`] when the scene has no symbols; [`Error::Write`] when writing fails.
pub fn write_sized_html(
    scene: &Scene,
    title: &str,
    subtitle: &str,
    w: &mut dyn Write,
) -> Result<()> {
    let Some(sy) = &scene.symbols else {
        return Err(Error::invalid(
            crate::InvalidKind::Value,
            "a page of proportional symbols needs a map with symbols",
            None,
        ));
    };
    let svg = render::svg(scene)?;
    let pal = &scene.palette;
    let css = CSS
        .replace("PAPER", &hex(pal.paper))
        .replace("TEXT", &hex(pal.text));
    let mut page = String::with_capacity(svg.len() + 4096);
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.push_str(&format!(
        "<title>{t}</title>\n<style>{css}</style>\n</head>\n<body>\n<header><h1>{t}</h1><p>{st}</p></header>\n<div id=\"map\">\n",
        t = escape(title),
        st = escape(subtitle)
    ));
    // The SVG document without its XML declaration, inline.
    let start = svg.find("<svg").unwrap_or(0);
    page.push_str(&svg[start..]);
    page.push_str(&format!(
        "</div>\n<table id=\"places\">\n<caption>{c} of each place on the map</caption>\n<tr><th>place</th><th>{c}</th></tr>\n",
        c = escape(&sy.column)
    ));
    for p in &sy.symbols {
        page.push_str(&format!(
            "<tr><td>{}</td><td class=\"n\">{}</td></tr>\n",
            escape(&p.name),
            p.value
        ));
    }
    page.push_str("</table>\n</body>\n</html>\n");
    w.write_all(page.as_bytes()).map_err(|source| Error::Write {
        path: "HTML".into(),
        source,
    })
}
