//! What the HTML page carries inline besides the map: its style sheet, its script (pan, zoom,
//! tooltips, legend toggles, time slider, self-test) and the script that records errors.

/// Records script errors on `<body data-errors>` so a headless test can read them.
pub(super) const ERRORS: &str = r#"(function(){var n=0;function bump(){n++;if(document.body){document.body.dataset.errors=String(n);}}
window.addEventListener('error',bump);window.addEventListener('unhandledrejection',bump);
var ce=console.error;console.error=function(){bump();return ce.apply(console,arguments);};})();"#;

/// The page's style, with `PAPER`, `TEXT` and `MUTED` standing for the palette's colours and
/// `RATIO` for the map's width / height.
///
/// The page is one screen tall: the body is a column as high as the view, and the map's box
/// takes what the heading, the time slider and the footer leave, so the legend and the slider
/// stay in view on a desktop screen. The SVG fills that box and keeps its aspect (its
/// `viewBox` is centred in the box). On a wide screen the legend floats over the map's lower
/// left corner. On a narrow one (a phone held upright) the box is as wide as the page and has
/// the map's shape (a taller box would only add empty bands above and below the map), and the
/// legend sits under it, where it covers nothing. Either way the legend is a `<details>`, which
/// the reader can fold.
pub(super) const CSS: &str = r#"
html,body{margin:0;background:PAPER;color:TEXT;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
body{display:flex;flex-direction:column;height:100vh;height:100dvh;box-sizing:border-box;overflow-x:hidden}
header{flex:none;padding:10px 16px 4px}header h1{margin:0;font-size:22px}header p{margin:2px 0 0;color:MUTED;font-size:14px}
#stage{position:relative;flex:1 1 auto;min-height:0;display:flex;flex-direction:column;margin:0 8px}
#map{position:relative;flex:1 1 auto;min-height:160px;border:1px solid MUTED;overflow:hidden;touch-action:none;user-select:none}
#svg{position:absolute;left:0;top:0;display:block;width:100%;height:100%;cursor:grab}#svg.dragging{cursor:grabbing}
#trips path.leg{fill:none;stroke-linecap:round;stroke-linejoin:round;vector-effect:non-scaling-stroke;cursor:pointer}
#trips path.casing,#trips path.ties{fill:none;stroke-linecap:round;stroke-linejoin:round;vector-effect:non-scaling-stroke;pointer-events:none;opacity:.85}
#trips path.leg:hover,#trips path.leg.on{stroke-width:7px}
#trips circle.stop{cursor:pointer;vector-effect:non-scaling-stroke}#trips circle.stop:hover,#trips circle.stop.on{stroke-width:4px}
#trips path.arrow{pointer-events:none}#labels{pointer-events:none}
#legend{position:absolute;left:10px;bottom:10px;background:PAPER;opacity:.94;border:1px solid MUTED;border-radius:4px;padding:4px;max-width:45%;max-height:calc(100% - 20px);overflow:auto;box-sizing:border-box}
#legend summary{cursor:pointer;font-size:13px;font-weight:bold;padding:2px 6px;color:MUTED}
#legend .item{display:flex;gap:8px;align-items:center;width:100%;text-align:left;background:none;border:0;color:inherit;font:inherit;font-size:13px;padding:4px 6px;cursor:pointer}
#legend .item[aria-pressed=false]{opacity:.4}#legend .sw{display:inline-block;width:28px;height:4px;border-radius:2px;flex:none}
#legend .sw.dot{width:11px;height:11px;border-radius:50%;margin:0 8px}#legend small{color:MUTED}
#controls{position:absolute;right:10px;top:10px;display:flex;flex-direction:column;gap:4px}
#controls button{width:32px;height:32px;font-size:18px;background:PAPER;color:TEXT;border:1px solid MUTED;border-radius:4px;cursor:pointer}
#tip{position:absolute;pointer-events:none;background:PAPER;color:TEXT;border:1px solid MUTED;border-radius:4px;padding:6px 8px;font-size:13px;max-width:280px;box-shadow:0 2px 6px rgba(0,0,0,.25)}
#tip b{display:block}#tip span{color:MUTED}
#time{flex:none;display:flex;gap:10px;align-items:center;margin:6px 8px 0;font-size:14px}
#time input{flex:1;min-width:0}#time output{min-width:10em;font-variant-numeric:tabular-nums}
#time button{width:32px;height:28px;background:PAPER;color:TEXT;border:1px solid MUTED;border-radius:4px;cursor:pointer}
footer{flex:none;padding:6px 16px 12px;color:MUTED;font-size:12px}
@media (max-width:640px){
header{padding:8px 10px 4px}header h1{font-size:18px}header p{font-size:13px}
#stage{margin:0 6px;flex:none}#map{flex:none;aspect-ratio:RATIO;min-height:0}
#legend{position:static;flex:none;max-width:none;max-height:35vh;margin-top:6px;opacity:1}
#controls{flex-direction:row;right:6px;top:6px}#controls button{width:28px;height:28px;font-size:16px}
#time{margin:6px 6px 0}#time output{min-width:6.5em}
footer{padding:6px 10px 10px;font-size:11px}
}
"#;

/// The page's behaviour: pan and zoom by moving the viewBox, tooltips from `data-*`, legend
/// toggles and folding. Plain ES2015, no library.
pub(super) const JS: &str = r#"
(function () {
  'use strict';
  var svg = document.getElementById('svg');
  var map = document.getElementById('map');
  var tip = document.getElementById('tip');
  var W = +svg.dataset.w, H = +svg.dataset.h;
  var vb = { x: 0, y: 0, w: W, h: H };
  function apply() { svg.setAttribute('viewBox', vb.x + ' ' + vb.y + ' ' + vb.w + ' ' + vb.h); }
  // A point of the window in the map's coordinates. The SVG is scaled to its box and centred
  // in it (the box rarely has the map's shape), so the box's corners are not the viewBox's:
  // the browser's own screen matrix says where the map is drawn.
  function toMap(cx, cy) {
    var m = svg.getScreenCTM();
    if (!m) { return { x: vb.x + vb.w / 2, y: vb.y + vb.h / 2 }; }
    var p = svg.createSVGPoint();
    p.x = cx; p.y = cy;
    p = p.matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
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
      var a = toMap(last.x, last.y), b = toMap(e.clientX, e.clientY);
      moved += Math.abs(e.clientX - last.x) + Math.abs(e.clientY - last.y);
      vb.x -= b.x - a.x; vb.y -= b.y - a.y; clamp(); apply();
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

  // Legend: folded from the start where the map is too short to share with it (a phone on
  // its side); upright phones have it under the map, where it covers nothing.
  var legend = document.getElementById('legend');
  if (legend && window.matchMedia && window.matchMedia('(max-height: 480px) and (min-width: 641px)').matches) {
    legend.open = false;
  }

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
