//! The HTML map's layout in headless Chromium at a phone's size (390 × 844) and a desktop's
//! (1400 × 900): the map and the legend in view, no sideways scrolling, the legend folding,
//! and pan and zoom following the pointer while the map is scaled to its box.
//!
//! `--window-size` does not set the page's viewport with `--dump-dom` (Chromium keeps its
//! desktop minimum width), so the test writes a frame page holding the map in one `<iframe>`
//! per size: an iframe's document has exactly the iframe's size as its viewport, and its media
//! queries answer for it. The map is a copy of the exported page with a probe script appended
//! by this test (the product has no test code for it); the probe measures the page and posts
//! one line of `key=value` pairs to the frame, which writes it into its own DOM.

use crate::harness::*;
use std::collections::HashMap;
use std::process::Command;

/// Measures the page once it has loaded and posts what it saw to the frame page.
const PROBE: &str = r#"<script>
window.addEventListener('load', function () {
  var out = [];
  function put(k, v) { out.push(k + '=' + v); }
  function edges(r) { return [r.left, r.top, r.right, r.bottom].map(function (v) { return v.toFixed(1); }).join(','); }
  function box(el) { return el ? edges(el.getBoundingClientRect()) : 'none'; }
  function mid(el) { var r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }
  var doc = document.documentElement, svg = document.getElementById('svg');
  put('viewport', innerWidth + ',' + innerHeight);
  put('scroll', Math.max(doc.scrollWidth, document.body.scrollWidth) + ',' + doc.scrollHeight);
  // Where the map itself is drawn: its viewBox through the browser's screen matrix.
  var m = svg.getScreenCTM(), W = +svg.dataset.w, H = +svg.dataset.h;
  put('drawn', edges({ left: m.e, top: m.f, right: m.a * W + m.e, bottom: m.d * H + m.f }));
  put('box', box(document.getElementById('map')));
  var legend = document.getElementById('legend');
  put('legend', box(legend));
  put('time', box(document.getElementById('time')));
  var summary = legend && legend.querySelector('summary');
  if (summary) {
    put('summary', summary.textContent.replace(/[^A-Za-z0-9()]/g, ''));
    put('focusable', String(summary.tabIndex === 0));
    var was = legend.open;
    summary.click();
    var folded = legend.open !== was;
    summary.click();
    put('folds', String(folded && legend.open === was));
  }
  // Zoom at a stop: the stop stays under the pointer. Drag: the stop follows the pointer.
  var stops = document.querySelectorAll('#trips circle.stop');
  var stop = stops[Math.floor(stops.length / 2)];
  var a = mid(stop);
  svg.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, deltaY: -300, clientX: a[0], clientY: a[1] }));
  var b = mid(stop);
  put('zoomdrift', Math.hypot(b[0] - a[0], b[1] - a[1]).toFixed(2));
  function pointer(type, x, y) {
    svg.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerId: 7, pointerType: 'mouse', clientX: x, clientY: y }));
  }
  pointer('pointerdown', b[0], b[1]);
  pointer('pointermove', b[0] + 20, b[1] + 10);
  pointer('pointermove', b[0] + 40, b[1] + 25);
  pointer('pointerup', b[0] + 40, b[1] + 25);
  var c = mid(stop);
  put('dragged', (c[0] - b[0]).toFixed(2) + ',' + (c[1] - b[1]).toFixed(2));
  document.getElementById('reset').click();
  put('errors', document.body.dataset.errors || '0');
  parent.postMessage(out.join(' '), '*');
});
</script>
"#;

/// The frame page: the probed map at each size, and each report written into a `<pre>`.
fn frame(sizes: &[(u32, u32)]) -> String {
    let frames: String = sizes
        .iter()
        .map(|(w, h)| {
            format!("<iframe src=\"probe.html\" style=\"width:{w}px;height:{h}px;border:0;display:inline-block\"></iframe>")
        })
        .collect();
    format!(
        "<!DOCTYPE html><html><body style=\"margin:0;white-space:nowrap\">{frames}<script>\
         window.addEventListener('message', function (e) {{ var p = document.createElement('pre'); \
         p.className = 'report'; p.textContent = String(e.data); document.body.appendChild(p); }});\
         </script></body></html>"
    )
}

/// A rectangle `left,top,right,bottom` of a report.
fn rect(report: &HashMap<&str, &str>, key: &str) -> [f64; 4] {
    let v: Vec<f64> = report
        .get(key)
        .unwrap_or_else(|| panic!("no `{key}` in {report:?}"))
        .split(',')
        .map(|x| x.parse().unwrap_or(f64::NAN))
        .collect();
    assert_eq!(v.len(), 4, "`{key}` in {report:?}");
    [v[0], v[1], v[2], v[3]]
}

/// Whether `r` lies within a `w` × `h` viewport (half a pixel of rounding allowed).
fn inside(r: [f64; 4], w: f64, h: f64) -> bool {
    r[0] >= -0.5 && r[1] >= -0.5 && r[2] <= w + 0.5 && r[3] <= h + 0.5 && r[0] < r[2] && r[1] < r[3]
}

fn overlap(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Checks one size's report.
fn check(report: &HashMap<&str, &str>, (w, h): (u32, u32)) {
    let at = format!("at {w} × {h}: {report:?}");
    assert_eq!(report.get("viewport"), Some(&&*format!("{w},{h}")), "{at}");
    assert_eq!(report.get("errors"), Some(&"0"), "script errors {at}");
    // No scrolling: the page is no wider than the view (nor taller, at these two sizes).
    let scroll: Vec<u32> = report["scroll"]
        .split(',')
        .map(|x| x.parse().unwrap_or(u32::MAX))
        .collect();
    assert!(scroll[0] <= w, "horizontal scroll {at}");
    assert!(
        scroll.get(1).is_some_and(|s| *s <= h),
        "vertical scroll {at}"
    );
    let (fw, fh) = (f64::from(w), f64::from(h));
    let (drawn, map_box) = (rect(report, "drawn"), rect(report, "box"));
    assert!(inside(drawn, fw, fh), "the map is not in view {at}");
    assert!(inside(rect(report, "legend"), fw, fh), "the legend {at}");
    assert!(inside(rect(report, "time"), fw, fh), "the time slider {at}");
    // The map fills its box in one direction (it keeps its shape) and the box spans the page.
    let fills_width = (drawn[2] - drawn[0]) >= (map_box[2] - map_box[0]) - 4.0;
    let fills_height = (drawn[3] - drawn[1]) >= (map_box[3] - map_box[1]) - 4.0;
    assert!(
        fills_width || fills_height,
        "the map does not fill its box {at}"
    );
    assert!(
        map_box[2] - map_box[0] >= fw - 24.0,
        "the map's box is narrow {at}"
    );
    if w <= 640 {
        assert!(
            !overlap(drawn, rect(report, "legend")),
            "the legend covers the map on a phone {at}"
        );
    }
    assert_eq!(report.get("summary"), Some(&"Trips(2)"), "{at}");
    assert_eq!(report.get("focusable"), Some(&"true"), "{at}");
    assert_eq!(report.get("folds"), Some(&"true"), "{at}");
    let drift: f64 = report["zoomdrift"].parse().unwrap_or(f64::NAN);
    assert!(
        drift < 1.0,
        "zooming moved the point under the pointer {at}"
    );
    let dragged: Vec<f64> = report["dragged"]
        .split(',')
        .map(|x| x.parse().unwrap_or(f64::NAN))
        .collect();
    assert!(
        (dragged[0] - 40.0).abs() < 1.0 && (dragged[1] - 25.0).abs() < 1.0,
        "the map did not follow a drag of (40, 25) {at}"
    );
}

#[test]
fn issue_30_html_map_fits_a_phone_and_a_desktop_screen() {
    // At 390 px the legend covered the map; at 1400 × 900 the legend and slider were below the fold.
    if !have("chromium") {
        return;
    }
    let sb = Sandbox::new();
    let example = format!("{}/geodata/trips/kji-2011.toml", env!("CARGO_MANIFEST_DIR"));
    sb.run(&["export", &example, "-o", "map.html"]).ok();
    let page = std::fs::read_to_string(sb.path("map.html")).unwrap();
    let at = page.rfind("</body>").expect("the page has a body");
    sb.write(
        "probe.html",
        format!("{}{PROBE}{}", &page[..at], &page[at..]),
    );
    let sizes = [(390, 844), (1400, 900)];
    sb.write("frame.html", frame(&sizes));
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=5000",
            "--window-size=1900,1000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("file://{}", sb.path("frame.html").display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    let reports: Vec<HashMap<&str, &str>> = dom
        .split("<pre class=\"report\">")
        .skip(1)
        .map(|r| {
            r.split("</pre>")
                .next()
                .unwrap_or_default()
                .split(' ')
                .filter_map(|kv| kv.split_once('='))
                .collect()
        })
        .collect();
    assert_eq!(
        reports.len(),
        sizes.len(),
        "a report per size:\n{dom}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for size in sizes {
        let want = format!("{},{}", size.0, size.1);
        let report = reports
            .iter()
            .find(|r| r.get("viewport") == Some(&want.as_str()))
            .unwrap_or_else(|| panic!("no report at {want}: {reports:?}"));
        check(report, size);
    }
}
