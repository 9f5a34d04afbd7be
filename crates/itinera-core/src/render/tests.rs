use super::*;
use crate::gazetteer::Gazetteer;
use crate::route::{self, Route};
use crate::scene::{self, MapOptions};
use crate::source::SourceFile;
use crate::trip::{self, ResolveOptions};

fn example(name: &str) -> (Vec<Route>, Option<String>) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../geodata/trips")
        .join(name);
    let plan = crate::formats::read_trips(&SourceFile::read(&path).unwrap()).unwrap();
    let r = trip::resolve(&plan, Gazetteer::bundled(), &ResolveOptions::default()).unwrap();
    (r.trips.iter().map(route::build).collect(), r.title)
}

fn pixel(img: &image::RgbImage, p: Px) -> [u8; 3] {
    img.get_pixel(p.0.round() as u32, p.1.round() as u32).0
}

fn close(a: [u8; 3], b: Color, tol: i32) -> bool {
    (i32::from(a[0]) - i32::from(b.r)).abs() <= tol
        && (i32::from(a[1]) - i32::from(b.g)).abs() <= tol
        && (i32::from(a[2]) - i32::from(b.b)).abs() <= tol
}

#[test]
fn png_of_the_2011_trip_shows_sea_land_and_routes() {
    let (routes, title) = example("kji-2011.toml");
    let opts = MapOptions {
        width: 1200,
        height: 800,
        ..MapOptions::default()
    };
    let s = scene::build(&routes, title.as_deref(), &opts).unwrap();
    let bytes = png(&s).unwrap();
    let img = image::load_from_memory(&bytes).unwrap().to_rgb8();
    assert_eq!(img.dimensions(), (1200, 800));
    // Not blank: many distinct colours.
    let mut colours: Vec<[u8; 3]> = img.pixels().step_by(97).map(|p| p.0).collect();
    colours.sort_unstable();
    colours.dedup();
    assert!(colours.len() > 50, "{} colours", colours.len());
    // Sea of Japan and the Gobi, away from routes, labels and borders.
    let sea = s.locate(134.5, 40.5).unwrap();
    assert!(s.frame.contains(sea));
    assert!(
        close(pixel(&img, sea), s.palette.water, 2),
        "sea {:?}",
        pixel(&img, sea)
    );
    let land = s.locate(112.0, 44.5).unwrap();
    assert!(
        close(pixel(&img, land), s.palette.land, 2),
        "land {:?}",
        pixel(&img, land)
    );
    // The trip colour around every stop marker.
    for r in &routes {
        let c = s.palette.route(r.color);
        for stop in &r.stops {
            let at = s.locate(stop.lon, stop.lat).unwrap();
            let found = (-14..=14)
                .flat_map(|dx| (-14..=14).map(move |dy| (dx, dy)))
                .any(|(dx, dy)| {
                    let p = (at.0 + f64::from(dx), at.1 + f64::from(dy));
                    s.frame.contains(p) && close(pixel(&img, p), c, 40)
                });
            assert!(found, "no {} near {}", r.color, stop.label);
        }
    }
}

#[test]
fn svg_is_xml_with_every_label_and_the_legend() {
    let (routes, title) = example("kji-2002.toml");
    let s = scene::build(&routes, title.as_deref(), &MapOptions::default()).unwrap();
    let text = svg(&s).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("width"), Some("1600"));
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().trim().to_string())
        .collect();
    for r in &routes {
        assert!(texts.contains(&r.name), "legend lacks {}", r.name);
        for stop in &r.stops {
            assert!(texts.contains(&stop.label), "no label {}", stop.label);
        }
    }
    assert!(texts.iter().any(|t| t.contains("Natural Earth")));
    assert!(doc.descendants().filter(|n| n.has_tag_name("path")).count() > 20);
}

#[test]
fn svg_is_layered_for_a_designer() {
    let (routes, title) = example("kji-2011.toml");
    let s = scene::build(&routes, title.as_deref(), &MapOptions::default()).unwrap();
    let text = svg(&s).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    // One group per layer, each once.
    for id in [
        "sea",
        "land",
        "lakes",
        "rivers",
        "graticule",
        "borders",
        "routes",
        "stops",
        "labels",
        "legend",
        "scale-bar",
        "frame",
        "titles",
        "attribution",
    ] {
        let n = doc
            .descendants()
            .filter(|n| n.has_tag_name("g") && n.attribute("id") == Some(id))
            .count();
        assert_eq!(n, 1, "layer {id}");
    }
    // One <text> per label: halos are strokes painted first, not copies.
    let labels = s.labels.len()
        + s.graticule_labels.len()
        + s.titles.len()
        + 1
        + s.legend.as_ref().map_or(0, |l| 2 * l.rows.len())
        + s.scale_bar.as_ref().map_or(0, |b| b.labels.len());
    let texts: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .collect();
    assert_eq!(texts.len(), labels);
    let haloed = texts
        .iter()
        .filter(|t| t.attribute("paint-order") == Some("stroke"))
        .count();
    let all_labels = s
        .labels
        .iter()
        .chain(&s.graticule_labels)
        .chain(&s.titles)
        .chain(s.scale_bar.iter().flat_map(|b| &b.labels))
        .chain(
            s.legend
                .iter()
                .flat_map(|l| l.rows.iter().flat_map(|r| [&r.name, &r.detail])),
        );
    assert_eq!(haloed, all_labels.filter(|l| l.halo.is_some()).count());
    // Coordinates to 0.1 px.
    for n in doc.descendants() {
        for a in ["d", "x", "y", "cx", "cy"] {
            if let Some(v) = n.attribute(a) {
                for num in v.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-')) {
                    let decimals = num.split_once('.').map_or(0, |(_, f)| f.len());
                    assert!(decimals <= 1, "{a}=\"{num}\"");
                }
            }
        }
    }
    // Fonts named with fallbacks, the embedded face first.
    assert!(text.contains("font-family:'Noto Sans', 'DejaVu Sans'"));
    // Every trip's lines are in its own group inside the routes layer.
    let trips = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("trip"))
        .count();
    assert_eq!(trips, routes.len());
}

#[test]
fn svg_escapes_markup_in_names() {
    let (mut routes, _) = example("kji-2002.toml");
    routes[0].name = "Kim <& \"Putin\">".into();
    let s = scene::build(&routes, Some("A & B"), &MapOptions::default()).unwrap();
    let text = svg(&s).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    assert!(
        doc.descendants()
            .any(|n| n.text().map(str::trim) == Some("Kim <& \"Putin\">"))
    );
}

#[test]
fn dark_theme_and_sizes() {
    let (routes, title) = example("kji-2011-china.toml");
    let opts = MapOptions {
        width: 640,
        height: 480,
        theme: scene::Theme::Dark,
        ..MapOptions::default()
    };
    let s = scene::build(&routes, title.as_deref(), &opts).unwrap();
    let img = image::load_from_memory(&png(&s).unwrap())
        .unwrap()
        .to_rgb8();
    assert_eq!(img.dimensions(), (640, 480));
    assert!(close(img.get_pixel(2, 2).0, s.palette.paper, 1));
}

#[test]
fn dashes_alternate_and_keep_length() {
    let line = [(0.0, 0.0), (100.0, 0.0)];
    let d = dashes(&line, 10.0, 5.0);
    assert_eq!(d.len(), 7);
    assert_eq!(d[0], vec![(0.0, 0.0), (10.0, 0.0)]);
    assert_eq!(d[1], vec![(15.0, 0.0), (25.0, 0.0)]);
    let drawn: f64 = d
        .iter()
        .map(|p| p.windows(2).map(|w| (w[1].0 - w[0].0).abs()).sum::<f64>())
        .sum();
    assert!((drawn - 70.0).abs() < 1e-9, "{drawn}");
}

#[test]
fn dashes_follow_corners() {
    let d = dashes(&[(0.0, 0.0), (4.0, 0.0), (4.0, 10.0)], 8.0, 2.0);
    assert_eq!(d[0], vec![(0.0, 0.0), (4.0, 0.0), (4.0, 4.0)]);
}

#[test]
fn legs_join_into_polylines_where_they_continue() {
    let rail = Stroke::for_mode(crate::trip::Mode::Rail);
    let air = Stroke::for_mode(crate::trip::Mode::Air);
    let leg = |s: Stroke, pts: &[Px]| (s, vec![pts.to_vec()]);
    // Straight on, then a gentle bend: one path of four vertices.
    let lines = super::polylines(&[
        leg(rail, &[(0.0, 0.0), (10.0, 0.0)]),
        leg(rail, &[(10.0, 0.0), (20.0, 0.0)]),
        leg(rail, &[(20.0, 0.0), (30.0, 5.0)]),
    ]);
    assert_eq!(lines.len(), 1);
    assert_eq!(
        lines[0].1,
        [(0.0, 0.0), (10.0, 0.0), (20.0, 0.0), (30.0, 5.0)]
    );
    // Turning back (a mitred corner would spike), another stroke, or a gap: a new path each.
    let lines = super::polylines(&[
        leg(rail, &[(0.0, 0.0), (10.0, 0.0)]),
        leg(rail, &[(10.0, 0.0), (0.0, 1.0)]),
        leg(air, &[(0.0, 1.0), (-10.0, 1.0)]),
        leg(air, &[(-5.0, 5.0), (-10.0, 10.0)]),
    ]);
    assert_eq!(lines.len(), 4);
    // Vertices closer than a quarter pixel to the last one kept go; the ends stay.
    let lines = super::polylines(&[leg(
        rail,
        &[
            (0.0, 0.0),
            (5.0, 0.0),
            (5.1, 0.0),
            (5.3, 0.0),
            (9.0, 0.0),
            (9.1, 0.0),
        ],
    )]);
    assert_eq!(lines[0].1, [(0.0, 0.0), (5.0, 0.0), (5.3, 0.0), (9.1, 0.0)]);
}

/// Issue 28, defect 4: a map drawn in bands (here of 37 output rows, so that bands begin
/// inside routes, markers, labels, the legend and the frame) has the pixels of the map drawn
/// whole, but for rounding: each band's shapes are moved up by its top in floating point and
/// cut at its edges, so a few pixels of an anti-aliased edge differ by a level or two, and
/// now and then one by a cell of the rasteriser's 4 x 4 sampling (1/16 of the step between the
/// colours either side of the edge). (A wiggly line that leaves a band and comes back is drawn
/// as separate runs, which may differ where the whole line's stroke overlaps itself; legs
/// simplified to the pixel grid make such runs longer, so up to 0.2% of pixels may differ.)
#[test]
fn a_map_drawn_in_bands_has_the_pixels_of_the_whole() {
    let (routes, title) = example("kji-2011.toml");
    let opts = MapOptions {
        width: 700,
        height: 500,
        ..MapOptions::default()
    };
    let s = scene::build(&routes, title.as_deref(), &opts).unwrap();
    let whole = png(&s).unwrap();
    // 37 rows of RGBA canvas.
    let banded = png_in_bands(&s, 700 * 4 * 37).unwrap();
    let a = image::load_from_memory(&whole).unwrap().to_rgb8();
    let b = image::load_from_memory(&banded).unwrap().to_rgb8();
    let (mut differing, mut beyond) = (0, 0);
    for (x, y) in a.pixels().zip(b.pixels()) {
        let most = x.0.iter().zip(y.0).map(|(p, q)| p.abs_diff(q)).max();
        assert!(most <= Some(16), "a pixel differs by {most:?} levels");
        differing += usize::from(most > Some(0));
        beyond += usize::from(most > Some(3));
    }
    assert!(differing * 500 <= 700 * 500, "{differing} pixels differ");
    assert!(
        beyond * 10_000 <= 700 * 500,
        "{beyond} pixels differ by more than 3 levels"
    );
}

// Issue 30 point 4: the SVG left a title that runs both ways to the browser's bidi order,
// which put the Arabic before the Hebrew where the PNG put it after.
#[test]
fn a_title_that_runs_both_ways_has_the_pngs_order_in_the_svg() {
    let (routes, _) = example("kji-2002.toml");
    let title = "ירושלים · القاهرة and Cairo";
    let s = scene::build(&routes, Some(title), &MapOptions::default()).unwrap();
    let label = s.titles.iter().find(|t| t.text == title).unwrap();
    // What the PNG and the PDF draw: the glyphs of one shaping, in its spans' order.
    let run = crate::scene::text::shape(title, label.size, label.bold).unwrap();
    let text = svg(&s).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let tspans: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("tspan"))
        .collect();
    assert_eq!(tspans.len(), run.spans.len(), "{text}");
    for (t, span) in tspans.iter().zip(&run.spans) {
        assert_eq!(t.text(), Some(&title[span.text.clone()]));
        let x: f64 = t.attribute("x").unwrap().parse().unwrap();
        // A right-to-left chunk is anchored at its right end, a left-to-right one at its left.
        let (want, anchor) = if span.rtl {
            (span.x.1, Some("end"))
        } else {
            (span.x.0, None)
        };
        assert!((x - (label.at.0 + want)).abs() < 0.06, "{x} vs {want}");
        assert_eq!(t.attribute("text-anchor"), anchor);
    }
    // Left to right on the line: the Latin words, then the Arabic and Hebrew.
    assert_eq!(tspans[0].text(), Some("and Cairo"));
}

#[test]
fn rgba_pixels_become_rgb_in_place_and_copied() {
    // Nine pixels: two blocks of four and one left over.
    let rgba: Vec<u8> = (0..36u8).collect();
    let rgb: Vec<u8> = (0..36u8).filter(|b| b % 4 != 3).collect();
    let mut copied = vec![0; 27];
    super::rgba_to_rgb(&rgba, &mut copied);
    assert_eq!(copied, rgb);
    let mut px = rgba.clone();
    super::rgb_in_place(&mut px);
    assert_eq!(&px[..27], rgb.as_slice());
}
