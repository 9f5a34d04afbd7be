// itinera serve: the newsroom page.
//
// One state object (the article, its mentions, the trip draft, the map options) and one
// render function per region of the page. Every text from the server or the user reaches the
// DOM through textContent or an attribute; nothing is parsed as HTML. The map preview is shown
// as an <img> of a blob: URL, so nothing in the server's SVG can run.
'use strict';

(() => {
  // ---------------------------------------------------------------------------------------
  // Helpers: DOM building and formatting
  // ---------------------------------------------------------------------------------------
  const $ = (id) => document.getElementById(id);

  /** Makes an element: `props` may hold className, text, and attrs/dataset objects. */
  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    if (props.className) node.className = props.className;
    if (props.text !== undefined && props.text !== null) node.textContent = String(props.text);
    if (props.attrs) {
      for (const [k, v] of Object.entries(props.attrs)) {
        if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : String(v));
      }
    }
    if (props.dataset) Object.assign(node.dataset, props.dataset);
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }

  const MODES = ['rail', 'road', 'air', 'sea', 'unknown'];
  const POINT_KINDS = new Set(['city', 'point', 'facility', 'street', 'airport']);
  // ISO 8601 as the trip file takes it: YYYY, YYYY-MM, YYYY-MM-DD, and date-times
  // (YYYY-MM-DDTHH:MM, seconds and fractions optional, then Z or an offset such as +09:00)
  const DATE_RE = /^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?)?)?$/i;
  const DATE_HINT = 'Write dates as YYYY, YYYY-MM, YYYY-MM-DD or a date-time such as 1916-04-24T12:00:00Z or 2011-08-20T09:30+09:00.';
  const MAX_BODY = 4 * 1024 * 1024;
  const READ_FORMATS = 'a news article as plain text, or a trip file in TOML, CSV, GeoJSON, GPX or KML';
  const UNIT_FACTOR = { km: 1, mi: 1 / 1.609344, nmi: 1 / 1.852 };
  const UNIT_LABEL = { km: 'km', mi: 'mi', nmi: 'nmi' };

  function fmtNumber(n) {
    const digits = Math.abs(n) >= 100 ? 0 : 1;
    return n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  }
  function fmtDistance(n, units) { return `${fmtNumber(n)} ${UNIT_LABEL[units] || units}`; }
  function fmtKm(km) {
    const u = currentUnits();
    return fmtDistance(km * UNIT_FACTOR[u], u);
  }
  function pct(c) { return `${Math.round(c * 100)}%`; }
  function placeWhere(p) {
    return [p.admin1, p.country_name || p.country].filter(Boolean).join(', ');
  }
  function debounce(fn, ms) {
    let t = 0;
    const d = (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
    d.cancel = () => clearTimeout(t);
    return d;
  }

  let nextUid = 1;
  const uid = () => nextUid++;

  // ---------------------------------------------------------------------------------------
  // State
  // ---------------------------------------------------------------------------------------
  const state = {
    text: '',            // the article as extracted (mention offsets point into it)
    mentions: [],        // {uid, start, end, text, place, confidence, kind, point, in_name, user}
    claims: [],          // distance claims of the article
    draft: { title: null, trips: [] }, // trips: {uid, name, color, mode, stops: [{uid, ...}]}
    fileName: null,      // the name of a dropped or opened file
    inputWarnings: [],   // warnings of /api/trip
    previewWarnings: [],
    routes: null,        // the last preview's routes
    routesUnits: 'km',
    errorAt: null,       // {trip, stop} of the shown error, when it is about one stop
    errorContext: null,  // 'source' | 'draft'
    sentTrips: [],       // the page's index of each trip of the last draft sent
  };

  // ---------------------------------------------------------------------------------------
  // Server calls: every failure becomes an ApiError carrying the server's error object
  // ---------------------------------------------------------------------------------------
  class ApiError extends Error {
    constructor(info, status) {
      super(info.message);
      this.info = info;
      this.status = status;
    }
  }

  const mib = (n) => `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  function tooLarge(bytes) {
    return `The text${bytes ? ` (${mib(bytes)} as sent)` : ''} is larger than the server takes (4 MiB). Shorten it or split the trip file.`;
  }
  const STATUS_WORDS = {
    400: 'The server could not use this input.',
    403: 'The server refused the request: open the page at the address `itinera serve` printed.',
    404: 'The server has no such address; reload the page.',
    405: 'The server does not take this kind of request; reload the page.',
    408: 'The server gave up waiting for the request (10 s). Try again.',
    413: 'The text is larger than the server takes (4 MiB).',
    415: 'The server takes JSON requests only; reload the page.',
    500: 'The server failed on this input (an internal error).',
    503: 'The server is busy with other work; try again in a moment.',
  };

  async function api(path, body, signal) {
    let init = { signal };
    if (body !== undefined) {
      const json = JSON.stringify(body);
      const bytes = new TextEncoder().encode(json).length;
      if (bytes > MAX_BODY) throw new ApiError({ message: tooLarge(bytes) }, 413);
      init = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: json, signal };
    }
    let res;
    try {
      res = await fetch(path, init);
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError({ message: 'The itinera server does not answer. Is `itinera serve` still running?' }, 0);
    }
    if (!res.ok) {
      let info = null;
      try { info = (await res.json()).error; } catch (_) { /* not JSON */ }
      if (!info || typeof info.message !== 'string' || !info.message.trim()) {
        info = { message: STATUS_WORDS[res.status] || `The server could not answer this request (HTTP status ${res.status}).` };
      }
      if (res.status === 413) info = { ...info, message: tooLarge(null), help: null };
      throw new ApiError(info, res.status);
    }
    return res;
  }

  /**
   * The draft as the API wants it: no page-only fields, empty texts as null, and no trip
   * without stops (one just added is not an error). `state.sentTrips[i]` is the page's index of
   * the API's trip i, to place the server's errors and routes.
   */
  function apiDraft() {
    const s = (v) => (v === undefined || v === null || String(v).trim() === '' ? null : String(v).trim());
    const kept = state.draft.trips.map((t, i) => [t, i]).filter(([t]) => t.stops.length > 0);
    state.sentTrips = kept.map(([, i]) => i);
    return {
      title: s(state.draft.title),
      trips: kept.map(([t]) => ({
        name: s(t.name) || 'Trip',
        color: s(t.color),
        mode: s(t.mode),
        stops: t.stops.map((p) => ({
          name: p.name,
          lat: p.lat,
          lon: p.lon,
          date: s(p.date),
          mode: s(p.mode),
          note: s(p.note),
          place: p.place ?? null,
          geonameid: p.geonameid ?? null,
          country: p.country ?? null,
        })),
      })),
    };
  }

  function importDraft(d) {
    return {
      title: d.title ?? null,
      trips: (d.trips || []).map((t) => ({
        uid: uid(),
        name: t.name ?? '',
        color: t.color ?? null,
        mode: t.mode || null,
        stops: (t.stops || []).map((p) => ({ ...p, uid: uid() })),
      })),
    };
  }

  // ---------------------------------------------------------------------------------------
  // Status line and the error panel
  // ---------------------------------------------------------------------------------------
  function setStatus(text) { $('status').textContent = text; }

  /** Shows a server error: message, file:line:column, the line with a caret, the help. */
  function showError(info, context) {
    state.errorContext = context;
    const trip = Number.isInteger(info.trip) ? (state.sentTrips[info.trip] ?? info.trip) : null;
    state.errorAt = trip !== null ? { trip, stop: Number.isInteger(info.stop) ? info.stop : null } : null;
    $('error-message').textContent = info.message;
    const where = [];
    if (info.file) where.push(info.file);
    if (Number.isInteger(info.line)) where.push(`line ${info.line}` + (Number.isInteger(info.column) ? `, column ${info.column}` : ''));
    if (state.errorAt) {
      const trip = state.draft.trips[state.errorAt.trip];
      const stop = trip && state.errorAt.stop !== null ? trip.stops[state.errorAt.stop] : null;
      if (trip) where.push(`trip “${trip.name || state.errorAt.trip + 1}”`);
      if (stop) where.push(`stop ${state.errorAt.stop + 1} (${stop.name})`);
    }
    $('error-where').textContent = where.join(' · ');
    $('error-where').hidden = where.length === 0;

    const src = $('error-source');
    if (typeof info.line_text === 'string') {
      const num = Number.isInteger(info.line) ? String(info.line) : '';
      const gutter = ' '.repeat(num.length);
      const chars = Array.from(info.line_text);
      const col = Number.isInteger(info.column) ? Math.max(1, info.column) : 1;
      const pad = chars.slice(0, col - 1).map((c) => (c === '\t' ? '\t' : ' ')).join('');
      src.textContent = `${gutter} |\n${num} | ${info.line_text}\n${gutter} | ${pad}^`;
      src.hidden = false;
    } else {
      src.hidden = true;
      src.textContent = '';
    }
    $('error-help').textContent = info.help ? `help: ${info.help}` : '';
    $('error-help').hidden = !info.help;
    $('error-goto').hidden = !(context === 'source' && Number.isInteger(info.line) && !$('input-area').hidden);
    $('error-goto').dataset.line = info.line ?? '';
    $('error-goto').dataset.column = info.column ?? '';
    $('error').hidden = false;
    markErrorRows();
    // An error in the pasted input is shown where the eye is; a stop's error is in its row too
    if (context === 'source') $('error').scrollIntoView({ block: 'nearest' });
  }

  function clearError(context) {
    if (context && state.errorContext !== context) return;
    $('error').hidden = true;
    state.errorAt = null;
    state.errorContext = null;
    markErrorRows();
  }

  /** Puts the text cursor on the error's line and column in the source box. */
  function gotoSourceSpot(line, column) {
    const ta = $('source');
    const lines = ta.value.split('\n');
    let index = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) index += lines[i].length + 1;
    const lineText = lines[line - 1] || '';
    const prefix = Array.from(lineText).slice(0, Math.max(0, column - 1)).join('');
    index += prefix.length;
    ta.focus();
    ta.setSelectionRange(index, Math.min(index + 1, ta.value.length));
  }

  // ---------------------------------------------------------------------------------------
  // Input: paste, open or drop an article or a trip file
  // ---------------------------------------------------------------------------------------
  const TRIP_EXT = /\.(toml|csv|geojson|json|gpx|kml)$/i;

  /** Guesses a file name (for /api/trip's sniffing) or null for an article. */
  function tripNameFor(text, fileName) {
    if (fileName && TRIP_EXT.test(fileName)) return fileName;
    if (fileName && /\.txt$/i.test(fileName)) return null;
    const head = text.trimStart().slice(0, 50000);
    if (/^<\?xml|^<gpx|^<kml/i.test(head)) return /<kml/i.test(head.slice(0, 4000)) ? 'trip.kml' : 'trip.gpx';
    if (/^\{/.test(head) && /"type"\s*:/.test(head)) return 'trip.geojson';
    // TOML: a trips table or a stops array at a line start (after any comment lines)
    if (/^\s*\[\[trips(\.stops)?\]\]|^\s*stops\s*=\s*\[|^\s*title\s*=\s*["']/m.test(head)) return 'trip.toml';
    const first = head.split('\n', 1)[0].toLowerCase();
    if (/,/.test(first) && /\b(place|name|lat|latitude|trip)\b/.test(first) && !/[.!?]\s/.test(first)) return 'trip.csv';
    return null;
  }

  /** Forgets the opened file's name (its extension no longer says what the text is). */
  function forgetFile() {
    state.fileName = null;
    $('file-name').textContent = '';
  }

  async function readSource() {
    const text = $('source').value;
    if (!text.trim()) {
      setStatus('Paste an article or a trip file first.');
      $('source').focus();
      return;
    }
    const kind = $('source-kind').value;
    let tripName = tripNameFor(text, state.fileName);
    if (kind === 'article') tripName = null;
    if (kind === 'trip' && !tripName) tripName = state.fileName || 'trip.toml';
    const go = $('go');
    if (go.getAttribute('aria-disabled') === 'true') return;
    // aria-disabled, not disabled: a disabled button drops the keyboard focus
    go.setAttribute('aria-disabled', 'true');
    const hadFocus = document.activeElement === go || document.activeElement === $('source') || document.activeElement === document.body;
    clearError();
    try {
      if (tripName) {
        setStatus(`Reading the trip file ${tripName}…`);
        const data = await (await api('/api/trip', { name: tripName, text })).json();
        state.text = '';
        state.mentions = [];
        state.claims = [];
        state.draft = importDraft(data.draft);
        state.inputWarnings = data.warnings || [];
        const n = state.draft.trips.reduce((a, t) => a + t.stops.length, 0);
        setStatus(`Read ${n} stop${n === 1 ? '' : 's'} in ${state.draft.trips.length} trip${state.draft.trips.length === 1 ? '' : 's'} from ${tripName}.`);
        renderAll();
        if (hadFocus) $('draft-heading').focus();
      } else {
        setStatus('Finding the places in the article…');
        const data = await (await api('/api/extract', { text })).json();
        state.text = text;
        state.mentions = (data.mentions || []).map((m) => ({ ...m, uid: uid(), user: false }));
        state.claims = data.claims || [];
        state.draft = importDraft(data.draft);
        state.inputWarnings = [];
        const stops = state.draft.trips.reduce((a, t) => a + t.stops.length, 0);
        setStatus(`Found ${state.mentions.length} place mention${state.mentions.length === 1 ? '' : 's'}; the draft has ${stops} stop${stops === 1 ? '' : 's'}.`);
        showArticle(true);
        renderAll();
        // The input box is gone: focus goes to the article view's heading (its mentions follow)
        if (hadFocus) $('article-heading').focus();
      }
      schedulePreview.now();
    } catch (e) {
      if (e instanceof ApiError) {
        showError(e.info, 'source');
        setStatus('The input could not be read; see the error above.');
      } else {
        throw e;
      }
    } finally {
      go.removeAttribute('aria-disabled');
    }
  }

  /** The text of a file, or null after saying why it cannot be read (binary, too large). */
  async function fileText(file) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const notText = { message: `${file.name} is not a text file. The page reads ${READ_FORMATS}.`, help: 'an image, PDF, word-processor or compressed file must be saved as plain text (or exported as a trip file) first' };
    if (bytes.includes(0)) { showError(notText, 'source'); return null; }
    const text = new TextDecoder('utf-8').decode(bytes);
    const bad = (text.match(/\uFFFD/g) || []).length;
    if (bad > 8 && bad > text.length / 200) { showError(notText, 'source'); return null; }
    if (bytes.length > MAX_BODY) {
      showError({ message: `${file.name} is ${mib(bytes.length)}, larger than the server takes (4 MiB).`, help: 'shorten the text or split the trip file' }, 'source');
      return null;
    }
    return text;
  }

  async function takeFile(file) {
    if (!file) return;
    clearError();
    setStatus(`Opening ${file.name}…`);
    const text = await fileText(file);
    if (text === null) { setStatus(`${file.name} could not be read; see the error.`); return; }
    state.fileName = file.name;
    $('source').value = text;
    $('file-name').textContent = `File: ${file.name}`;
    showArticle(false);
    await readSource();
  }

  function showArticle(on) {
    $('article-area').hidden = !on;
    $('input-area').hidden = on;
  }

  // ---------------------------------------------------------------------------------------
  // The article with its mentions highlighted
  // ---------------------------------------------------------------------------------------
  function confClass(m) {
    if (m.user) return 'conf-user';
    if (m.in_name) return 'in-name';
    if (m.confidence >= 0.9) return 'conf-high';
    if (m.confidence >= 0.6) return 'conf-mid';
    return 'conf-low';
  }

  function renderArticle() {
    const box = $('article');
    box.replaceChildren();
    state.mentions.sort((a, b) => a.start - b.start);
    const text = state.text;
    let pos = 0;
    let mi = 0;
    while (pos < text.length) {
      const nl = text.indexOf('\n', pos);
      const lineEnd = nl < 0 ? text.length : nl + 1;
      const para = el('div', { className: 'para', attrs: { dir: 'auto' } });
      let at = pos;
      for (; mi < state.mentions.length && state.mentions[mi].start < lineEnd; mi++) {
        const m = state.mentions[mi];
        if (m.start < at || m.end > lineEnd) continue; // overlapping (or line-crossing) spans are not drawn
        if (m.start > at) para.append(document.createTextNode(text.slice(at, m.start)));
        para.append(markFor(m));
        at = m.end;
      }
      if (at < lineEnd) para.append(document.createTextNode(text.slice(at, lineEnd)));
      box.append(para);
      pos = lineEnd;
    }
  }

  function markFor(m) {
    return el('mark', {
      className: `mention ${confClass(m)}${m.point ? '' : ' area'}`,
      text: state.text.slice(m.start, m.end),
      attrs: { tabindex: '0', role: 'button', 'aria-haspopup': 'dialog', 'aria-describedby': 'tip', dir: 'auto' },
      dataset: { m: m.uid },
    });
  }

  const mentionOf = (node) => {
    const mark = node && node.closest ? node.closest('mark.mention') : null;
    if (!mark) return null;
    const m = state.mentions.find((x) => String(x.uid) === mark.dataset.m);
    return m ? { mark, m } : null;
  };

  // Hover / focus card
  function showTip(mark, m) {
    const tip = $('tip');
    const p = m.place || {};
    const lines = [el('strong', { text: p.name || m.text, attrs: { dir: 'auto' } })];
    const where = placeWhere(p);
    if (where) lines.push(el('span', { text: where }));
    const facts = [m.kind || p.kind];
    if (m.user) facts.push('checked by you');
    else if (typeof m.confidence === 'number') facts.push(`confidence ${pct(m.confidence)}`);
    if (m.in_name) facts.push('inside a name');
    if (!m.point) facts.push('an area, not a stop');
    lines.push(el('span', { className: 'tip-facts', text: facts.filter(Boolean).join(' · ') }));
    tip.replaceChildren(...lines);
    tip.hidden = false;
    const r = mark.getBoundingClientRect();
    const w = Math.min(300, document.documentElement.clientWidth - 16);
    tip.style.maxWidth = `${w}px`;
    const left = Math.min(Math.max(8, r.left + window.scrollX), window.scrollX + document.documentElement.clientWidth - w - 8);
    tip.style.left = `${left}px`;
    tip.style.top = `${r.bottom + window.scrollY + 6}px`;
  }
  function hideTip() { $('tip').hidden = true; }

  // Selecting words in the article offers to add them as a place
  let pendingSelection = null;
  function selectionInArticle() {
    const sel = window.getSelection();
    const box = $('article');
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return null;
    const before = document.createRange();
    before.setStart(box, 0);
    before.setEnd(range.startContainer, range.startOffset);
    let start = before.toString().length;
    let end = start + range.toString().length;
    const raw = state.text.slice(start, end);
    start += raw.length - raw.trimStart().length;
    end -= raw.length - raw.trimEnd().length;
    if (end <= start || end - start > 120) return null;
    return { start, end, text: state.text.slice(start, end), rect: range.getBoundingClientRect() };
  }
  function updateSelectionButton() {
    const btn = $('selection-add');
    const s = selectionInArticle();
    if (!s) { btn.hidden = true; return; }
    pendingSelection = s;
    btn.textContent = `Add “${s.text.length > 30 ? s.text.slice(0, 29) + '…' : s.text}” as a place`;
    btn.hidden = false;
    const area = $('article-area').getBoundingClientRect();
    const x = Math.max(0, Math.min(s.rect.left - area.left, area.width - btn.offsetWidth));
    btn.style.left = `${x}px`;
    btn.style.top = `${s.rect.bottom - area.top + 6}px`;
  }

  // ---------------------------------------------------------------------------------------
  // Mentions and the draft: correcting, removing and adding a mention changes the stops
  // ---------------------------------------------------------------------------------------
  function samePlace(a, b) {
    if (!a || !b) return false;
    if (a.geonameid != null && b.geonameid != null) return a.geonameid === b.geonameid;
    return a.name === b.name && Math.abs(a.lat - b.lat) < 1e-5 && Math.abs(a.lon - b.lon) < 1e-5;
  }
  const isPoint = (place) => POINT_KINDS.has(place.kind);

  /** The gazetteer fields of a stop at `place` (a candidate or search result): API.md's rule. */
  function placeFields(place) {
    const gaz = place.geonameid !== null && place.geonameid !== undefined;
    return {
      place: gaz ? place.name : null, geonameid: gaz ? place.geonameid : null,
      lat: place.lat, lon: place.lon, country: place.country ?? null,
    };
  }

  function stopFromPlace(place, note) {
    return {
      uid: uid(), name: place.name, date: null, mode: null, note: note || null, ...placeFields(place),
    };
  }

  function ensureTrip() {
    if (state.draft.trips.length === 0) {
      state.draft.trips.push({ uid: uid(), name: 'Trip 1', color: null, mode: null, stops: [] });
    }
    return state.draft.trips[0];
  }

  /** Puts a stop for mention `m` where the text names it: after the stop of the last mention before it. */
  function insertStopInTextOrder(m, place) {
    const earlier = state.mentions.filter((x) => x.start < m.start && x !== m).sort((a, b) => b.start - a.start);
    for (const x of earlier) {
      for (const trip of state.draft.trips) {
        const i = trip.stops.findIndex((s) => samePlace(s, x.place));
        if (i >= 0) {
          trip.stops.splice(i + 1, 0, stopFromPlace(place, `named as “${m.text}”`));
          return;
        }
      }
    }
    ensureTrip().stops.unshift(stopFromPlace(place, `named as “${m.text}”`));
  }

  function removeStopsOf(place) {
    for (const trip of state.draft.trips) {
      trip.stops = trip.stops.filter((s) => s.manual || !samePlace(s, place));
    }
  }
  const anyStopAt = (place) => state.draft.trips.some((t) => t.stops.some((s) => samePlace(s, place)));

  function changeMentionPlace(m, place, all) {
    const old = m.place;
    const targets = all ? state.mentions.filter((x) => x.text === m.text && samePlace(x.place, old)) : [m];
    for (const t of targets) {
      Object.assign(t, { place, kind: place.kind, point: isPoint(place), confidence: 1, user: true });
    }
    const oldStillNamed = state.mentions.some((x) => samePlace(x.place, old));
    let replaced = false;
    if (!oldStillNamed) {
      for (const trip of state.draft.trips) {
        trip.stops = trip.stops.flatMap((s) => {
          if (!samePlace(s, old)) return [s];
          replaced = true;
          if (!isPoint(place)) return [];
          // The label follows the new place unless the user renamed the stop
          const renamed = s.name !== old.name && s.name !== s.place;
          return [{ ...s, ...placeFields(place), name: renamed ? s.name : place.name }];
        });
      }
    }
    if (!replaced && isPoint(place) && !anyStopAt(place)) insertStopInTextOrder(targets[0], place);
    setStatus(`“${m.text}” is now ${place.name}${placeWhere(place) ? ', ' + placeWhere(place) : ''}.`);
  }

  function removeMention(m, all) {
    const targets = all ? state.mentions.filter((x) => x.text === m.text && samePlace(x.place, m.place)) : [m];
    state.mentions = state.mentions.filter((x) => !targets.includes(x));
    if (!state.mentions.some((x) => samePlace(x.place, m.place))) removeStopsOf(m.place);
    setStatus(`Removed ${targets.length} mention${targets.length === 1 ? '' : 's'} of “${m.text}”.`);
  }

  function addMention(span, place) {
    state.mentions = state.mentions.filter((x) => x.end <= span.start || x.start >= span.end);
    const m = {
      uid: uid(), start: span.start, end: span.end, text: span.text, place, confidence: 1,
      kind: place.kind, point: isPoint(place), in_name: false, user: true,
    };
    state.mentions.push(m);
    if (m.point && !anyStopAt(place)) insertStopInTextOrder(m, place);
    setStatus(`Added “${span.text}” as ${place.name}.`);
  }

  // ---------------------------------------------------------------------------------------
  // The place picker dialog: a mention's candidates, adding a mention, adding a stop
  // ---------------------------------------------------------------------------------------
  const picker = { mode: null, mention: null, span: null, trip: null, opener: null, searchSeq: 0 };

  function placeButton(place, current) {
    const sub = [placeWhere(place), place.kind, place.population ? `pop. ${place.population.toLocaleString('en-GB')}` : null]
      .filter(Boolean).join(' · ');
    const btn = el('button', { className: 'cand', attrs: { type: 'button', 'aria-current': current ? 'true' : null } },
      el('span', { className: 'cand-name', text: place.name + (place.matched && place.matched !== place.name ? ` (as ${place.matched})` : ''), attrs: { dir: 'auto' } }),
      el('span', { className: 'cand-sub', text: sub }));
    btn.addEventListener('click', () => pickPlace(place));
    return el('li', {}, btn);
  }

  async function loadCandidates(query) {
    const list = $('picker-cands');
    list.replaceChildren(el('li', { className: 'hint', text: 'Looking up candidates…' }));
    try {
      const data = await (await api(`/api/candidates?q=${encodeURIComponent(query)}`)).json();
      const cur = picker.mention ? picker.mention.place : null;
      list.replaceChildren(...data.places.map((p) => placeButton(p, samePlace(p, cur))));
      if (data.places.length === 0) list.append(el('li', { className: 'hint', text: 'No place has this name; search below.' }));
      // Keyboard users land on the current place (or the best) once the list is there
      if (document.activeElement === $('picker-close')) {
        const best = list.querySelector('button[aria-current="true"]') || list.querySelector('button');
        if (best) best.focus();
      }
    } catch (e) {
      // An unknown name is a 400 whose help lists close names
      const info = e instanceof ApiError ? e.info : { message: String(e) };
      list.replaceChildren(el('li', { className: 'hint', text: info.message + (info.help ? ` (${info.help})` : '') }));
    }
  }

  const runSearch = debounce(async () => {
    const q = $('picker-search').value.trim();
    const list = $('picker-results');
    const seq = ++picker.searchSeq;
    if (Array.from(q).length < 2) {
      list.replaceChildren();
      $('picker-search-state').textContent = q ? 'Type at least two letters.' : '';
      return;
    }
    try {
      const data = await (await api(`/api/search?q=${encodeURIComponent(q)}`)).json();
      if (seq !== picker.searchSeq) return;
      list.replaceChildren(...data.places.map((p) => placeButton(p, false)));
      $('picker-search-state').textContent = data.places.length ? `${data.places.length} place${data.places.length === 1 ? '' : 's'} start with “${q}”` : `No place starts with “${q}”`;
    } catch (e) {
      if (seq !== picker.searchSeq) return;
      $('picker-search-state').textContent = e instanceof ApiError ? e.info.message : String(e);
    }
  }, 120);

  function openPicker(mode, opts) {
    Object.assign(picker, { mode, mention: null, span: null, trip: null, opener: opts.opener || document.activeElement });
    hideTip();
    const dlg = $('picker');
    $('picker-results').replaceChildren();
    $('picker-search-state').textContent = '';
    $('picker-search').value = '';
    const showCands = mode !== 'add-stop';
    $('picker-cands-box').hidden = !showCands;
    $('picker-remove').hidden = mode !== 'mention';
    let sameName = 0;
    if (mode === 'mention') {
      const m = opts.mention;
      picker.mention = m;
      $('picker-title').textContent = `“${m.text}”`;
      $('picker-current').textContent = `Now: ${m.place.name}${placeWhere(m.place) ? ', ' + placeWhere(m.place) : ''}. Pick another place or remove the mention.`;
      sameName = state.mentions.filter((x) => x.text === m.text && samePlace(x.place, m.place)).length;
      loadCandidates(m.text);
    } else if (mode === 'add-mention' && opts.span) {
      picker.span = opts.span;
      $('picker-title').textContent = `Add “${opts.span.text}” as a place`;
      $('picker-current').textContent = 'Pick the place these words name.';
      $('picker-search').value = opts.span.text;
      loadCandidates(opts.span.text);
    } else if (mode === 'add-mention') {
      // From the keyboard: the words are typed (or taken from the browser's selection) and
      // found in the article when a place is picked
      $('picker-cands-box').hidden = true;
      $('picker-title').textContent = 'Add a place from the text';
      $('picker-current').textContent = 'Type the words as the article writes them, then pick the place they name.';
      $('picker-search').value = opts.words || '';
    } else {
      picker.trip = opts.trip;
      $('picker-title').textContent = `Add a stop to “${opts.trip.name || 'the trip'}”`;
      $('picker-current').textContent = 'Type the first letters of a place.';
    }
    $('picker-all-label').hidden = !(mode === 'mention' && sameName > 1);
    $('picker-all').checked = true;
    if (!dlg.open) dlg.showModal();
    if (mode === 'add-mention') runSearch();
    // Focus: the current candidate for a mention, else the search box
    if (mode === 'mention') $('picker-close').focus();
    else $('picker-search').focus();
  }

  /** The first place in the article where `words` (else the place's name) stand outside a mention. */
  function spanInText(words, place) {
    const hay = state.text.toLowerCase();
    for (const w of [words.trim(), place.name]) {
      if (!w) continue;
      const needle = w.toLowerCase();
      for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
        const end = at + needle.length;
        if (!state.mentions.some((m) => m.start < end && m.end > at)) return { start: at, end, text: state.text.slice(at, end) };
      }
    }
    return null;
  }

  function closePicker() {
    const dlg = $('picker');
    if (dlg.open) dlg.close();
  }

  function pickPlace(place) {
    const all = $('picker-all').checked;
    if (picker.mode === 'mention') {
      changeMentionPlace(picker.mention, place, all);
    } else if (picker.mode === 'add-mention') {
      const span = picker.span || spanInText($('picker-search').value, place);
      if (span) addMention(span, place);
      else {
        const stop = stopFromPlace(place, null);
        stop.manual = true;
        ensureTrip().stops.push(stop);
        setStatus(`The article does not hold “${$('picker-search').value.trim()}”; ${place.name} was added as the last stop.`);
      }
      window.getSelection()?.removeAllRanges();
      $('selection-add').hidden = true;
    } else if (picker.mode === 'add-stop') {
      const stop = stopFromPlace(place, null);
      stop.manual = true;
      picker.trip.stops.push(stop);
      picker.opener = null;
      setStatus(`Added ${place.name} to “${picker.trip.name}”.`);
      picker.focusAfter = `s${stop.uid}-date`;
    }
    closePicker();
    renderAll();
    schedulePreview();
  }

  // ---------------------------------------------------------------------------------------
  // The trip draft: trips, stops, reordering (drag, buttons, Alt+arrows)
  // ---------------------------------------------------------------------------------------
  function findStop(stopUid) {
    for (const [ti, trip] of state.draft.trips.entries()) {
      const si = trip.stops.findIndex((s) => s.uid === stopUid);
      if (si >= 0) return { trip, ti, si, stop: trip.stops[si] };
    }
    return null;
  }

  function moveStop(stopUid, delta) {
    const f = findStop(stopUid);
    if (!f) return false;
    const to = f.si + delta;
    if (to < 0 || to >= f.trip.stops.length) return false;
    f.trip.stops.splice(f.si, 1);
    f.trip.stops.splice(to, 0, f.stop);
    setStatus(`${f.stop.name} moved to position ${to + 1} of ${f.trip.stops.length}.`);
    return true;
  }

  function moveStopTo(stopUid, tripUid, index) {
    const f = findStop(stopUid);
    const trip = state.draft.trips.find((t) => t.uid === tripUid);
    if (!f || !trip) return;
    f.trip.stops.splice(f.si, 1);
    const at = Math.max(0, Math.min(index ?? trip.stops.length, trip.stops.length));
    trip.stops.splice(at, 0, f.stop);
    setStatus(`${f.stop.name} is now stop ${at + 1} of “${trip.name}”.`);
  }

  /** Re-renders the draft and puts focus back on the element with the same id. */
  function rerenderKeepingFocus(focusId) {
    const id = focusId || (document.activeElement && document.activeElement.id);
    renderDraft();
    const again = id && $(id);
    if (again) again.focus();
  }

  function field(id, labelText, input, cls) {
    input.id = id;
    return el('div', { className: `field ${cls || ''}` }, el('label', { text: labelText, attrs: { for: id } }), input);
  }

  function modeSelect(value, withInherit) {
    const sel = el('select');
    sel.append(el('option', { text: withInherit ? 'as the trip' : 'not set', attrs: { value: '' } }));
    for (const m of MODES) sel.append(el('option', { text: m, attrs: { value: m } }));
    sel.value = value || '';
    return sel;
  }

  function claimFor(stop) {
    const n = stop.name.toLowerCase();
    return state.claims.find((c) => (c.from || '').toLowerCase() === n);
  }
  function claimSentence(c) {
    const dir = c.stated_direction ? ` ${c.stated_direction}` : '';
    let s = `the text says ${fmtKm(c.stated_km)}${dir} of ${c.to}; the geodesic is ${fmtKm(c.geodesic_km)}`;
    if (c.stated_direction && c.direction_agrees === false) s += ', and the direction disagrees';
    const ratio = c.geodesic_km > 0 ? c.stated_km / c.geodesic_km : 0;
    if (ratio >= 1.25) s += ` (×${ratio.toFixed(2)}: likely by road or rail)`;
    return s;
  }

  function renderStop(trip, ti, stop, si) {
    const id = `s${stop.uid}`;
    const n = trip.stops.length;
    const li = el('li', { className: 'stop', dataset: { s: stop.uid, t: trip.uid } });
    const handle = el('span', { className: 'handle', text: '⠿', attrs: { draggable: 'true', title: 'Drag to move', 'aria-hidden': 'true' } });
    const where = [stop.country, `${Number(stop.lat).toFixed(2)}, ${Number(stop.lon).toFixed(2)}`].filter(Boolean).join(' · ');
    const up = el('button', { className: 'icon-btn', text: '↑', attrs: { type: 'button', id: `${id}-up`, 'aria-label': `Move ${stop.name} up`, 'aria-disabled': si === 0 ? 'true' : null } });
    const down = el('button', { className: 'icon-btn', text: '↓', attrs: { type: 'button', id: `${id}-down`, 'aria-label': `Move ${stop.name} down`, 'aria-disabled': si === n - 1 ? 'true' : null } });
    const remove = el('button', { className: 'icon-btn danger', text: '×', attrs: { type: 'button', id: `${id}-remove`, 'aria-label': `Remove ${stop.name} from the trip` } });
    up.addEventListener('click', () => { if (moveStop(stop.uid, -1)) { rerenderKeepingFocus(up.id); schedulePreview(); } });
    down.addEventListener('click', () => { if (moveStop(stop.uid, 1)) { rerenderKeepingFocus(down.id); schedulePreview(); } });
    remove.addEventListener('click', () => {
      trip.stops.splice(trip.stops.indexOf(stop), 1);
      setStatus(`Removed ${stop.name}.`);
      const next = trip.stops[Math.min(si, trip.stops.length - 1)];
      rerenderKeepingFocus(next ? `s${next.uid}-remove` : `t${trip.uid}-add`);
      schedulePreview();
    });
    const leg = el('span', { className: 'leg', attrs: { id: `${id}-leg` } });
    // The stop's label on the map, edited in place
    const name = el('input', { className: 'stop-label', attrs: { type: 'text', id: `${id}-name`, autocomplete: 'off', spellcheck: 'false', dir: 'auto' } });
    name.value = stop.name;
    name.addEventListener('input', () => {
      if (name.value.trim()) { stop.name = name.value.trim(); schedulePreview(); }
    });
    name.addEventListener('change', () => { name.value = stop.name; });
    li.append(el('div', { className: 'stop-main' },
      handle,
      el('span', { className: 'stop-num', text: String(si + 1), attrs: { 'aria-hidden': 'true' } }),
      el('div', { className: 'stop-name' },
        el('label', { className: 'visually-hidden', text: `Stop ${si + 1} of ${n}, label on the map`, attrs: { for: name.id } }),
        name,
        el('span', { className: 'stop-meta' }, el('span', { className: 'stop-where', text: where }), leg)),
      el('div', { className: 'stop-btns' }, up, down, remove)));

    const date = el('input', { attrs: { type: 'text', inputmode: 'numeric', placeholder: 'YYYY-MM-DD', autocomplete: 'off', spellcheck: 'false' } });
    date.value = stop.date || '';
    date.addEventListener('input', () => {
      const v = date.value.trim();
      stop.date = v || null;
      const bad = v !== '' && !DATE_RE.test(v);
      date.setAttribute('aria-invalid', bad ? 'true' : 'false');
      li.classList.toggle('field-bad', bad);
      schedulePreview();
    });
    const mode = modeSelect(stop.mode, true);
    mode.addEventListener('change', () => { stop.mode = mode.value || null; schedulePreview(); });
    const note = el('input', { attrs: { type: 'text', autocomplete: 'off', dir: 'auto' } });
    note.value = stop.note || '';
    note.addEventListener('input', () => { stop.note = note.value; schedulePreview(); });
    const fields = el('div', { className: 'stop-fields' },
      field(`${id}-date`, 'Date', date, 'f-date'),
      field(`${id}-mode`, 'Arriving by', mode, 'f-mode'),
      field(`${id}-note`, 'Note', note, 'f-note'));
    if (state.draft.trips.length > 1) {
      const tsel = el('select');
      for (const t of state.draft.trips) tsel.append(el('option', { text: t.name || 'unnamed trip', attrs: { value: String(t.uid) } }));
      tsel.value = String(trip.uid);
      tsel.addEventListener('change', () => {
        moveStopTo(stop.uid, Number(tsel.value));
        rerenderKeepingFocus(`${id}-trip`);
        schedulePreview();
      });
      fields.append(field(`${id}-trip`, 'Trip', tsel, 'f-trip'));
    }
    li.append(fields);
    li.append(el('p', { className: 'field-msg', text: DATE_HINT, attrs: { id: `${id}-datemsg` } }));
    date.setAttribute('aria-describedby', `${id}-datemsg`);
    const claim = claimFor(stop);
    if (claim) li.append(el('p', { className: 'stop-claim', text: `Distance: ${claimSentence(claim)}.` }));
    if (date.value && !DATE_RE.test(date.value)) { li.classList.add('field-bad'); date.setAttribute('aria-invalid', 'true'); }
    return li;
  }

  function renderTrip(trip, ti) {
    const id = `t${trip.uid}`;
    const box = el('section', { className: 'trip', dataset: { t: trip.uid }, attrs: { 'aria-label': `Trip ${trip.name}` } });
    const name = el('input', { attrs: { type: 'text', autocomplete: 'off' } });
    name.value = trip.name;
    name.addEventListener('input', () => { trip.name = name.value; box.setAttribute('aria-label', `Trip ${trip.name}`); schedulePreview(); });
    name.addEventListener('change', () => rerenderKeepingFocus());
    const mode = modeSelect(trip.mode, false);
    mode.addEventListener('change', () => { trip.mode = mode.value || null; schedulePreview(); });
    const own = el('input', { attrs: { type: 'checkbox', id: `${id}-owncolor` } });
    own.checked = !!trip.color;
    const color = el('input', { attrs: { type: 'color', 'aria-label': `Colour of ${trip.name || 'the trip'}` } });
    color.value = /^#[0-9a-f]{6}$/i.test(trip.color || '') ? trip.color : '#d55e00';
    color.disabled = !own.checked;
    own.addEventListener('change', () => { color.disabled = !own.checked; trip.color = own.checked ? color.value : null; schedulePreview(); });
    color.addEventListener('input', () => { trip.color = color.value; schedulePreview(); });
    const removeTrip = el('button', { className: 'danger small', text: 'Remove trip', attrs: { type: 'button', id: `${id}-remove` } });
    removeTrip.addEventListener('click', () => {
      if (trip.stops.length > 0 && !window.confirm(`Remove the trip “${trip.name}” and its ${trip.stops.length} stops?`)) return;
      state.draft.trips.splice(state.draft.trips.indexOf(trip), 1);
      setStatus(`Removed the trip “${trip.name}”.`);
      rerenderKeepingFocus('add-trip');
      schedulePreview();
    });
    box.append(el('div', { className: 'trip-head' },
      field(`${id}-name`, `Trip ${ti + 1} name`, name, 'f-tripname'),
      field(`${id}-mode`, 'Mode', mode, 'f-mode'),
      el('div', { className: 'field f-color' },
        el('span', { className: 'field-label-like' }, own, el('label', { text: ' own colour', attrs: { for: own.id } })),
        color),
      removeTrip));
    const ol = el('ol', { className: 'stops', dataset: { t: trip.uid } });
    trip.stops.forEach((s, si) => ol.append(renderStop(trip, ti, s, si)));
    if (trip.stops.length === 0) ol.append(el('li', { className: 'empty-stops hint', text: 'No stops: add one, or drag a stop here.' }));
    box.append(ol);
    const add = el('button', { text: 'Add a stop…', attrs: { type: 'button', id: `${id}-add` } });
    add.addEventListener('click', () => openPicker('add-stop', { trip, opener: add }));
    box.append(add);
    return box;
  }

  function renderDraft() {
    $('draft-title').value = state.draft.title || '';
    const box = $('trips');
    box.replaceChildren(...state.draft.trips.map(renderTrip));
    if (state.draft.trips.length === 0) box.append(el('p', { className: 'hint', text: 'No trip yet. Paste an article or a trip file, or add a trip.' }));
    markErrorRows();
    paintLegs();
  }

  /** Marks the stop (or trip) the shown error is about, and repeats the message in its row. */
  function markErrorRows() {
    document.querySelectorAll('.stop.has-error, .trip.has-error').forEach((n) => n.classList.remove('has-error'));
    document.querySelectorAll('.row-error').forEach((n) => n.remove());
    if (!state.errorAt) return;
    const trip = state.draft.trips[state.errorAt.trip];
    if (!trip) return;
    const stop = state.errorAt.stop !== null ? trip.stops[state.errorAt.stop] : null;
    const node = stop ? document.querySelector(`.stop[data-s="${stop.uid}"]`) : document.querySelector(`.trip[data-t="${trip.uid}"]`);
    if (!node) return;
    node.classList.add('has-error');
    const msg = el('p', { className: 'row-error', text: $('error-message').textContent });
    if (stop) node.append(msg);
    else node.querySelector('.trip-head').after(msg);
  }

  // Drag and drop of stops (by the handle; rows and empty trips are drop targets)
  let dragUid = null;
  function setupDrag() {
    const trips = $('trips');
    trips.addEventListener('dragstart', (e) => {
      const li = e.target.closest && e.target.closest('.stop');
      if (!li || !e.target.classList.contains('handle')) return;
      dragUid = Number(li.dataset.s);
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData('text/plain', li.querySelector('.stop-label').value);
      e.dataTransfer.setDragImage(li, 20, 20);
      li.classList.add('dragging');
    });
    trips.addEventListener('dragend', () => {
      dragUid = null;
      trips.querySelectorAll('.dragging, .drop-before, .drop-after').forEach((n) => n.classList.remove('dragging', 'drop-before', 'drop-after'));
    });
    trips.addEventListener('dragover', (e) => {
      if (dragUid === null) return;
      const target = e.target.closest && (e.target.closest('.stop') || e.target.closest('.stops'));
      if (!target) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      trips.querySelectorAll('.drop-before, .drop-after').forEach((n) => n.classList.remove('drop-before', 'drop-after'));
      if (target.classList.contains('stop')) {
        const r = target.getBoundingClientRect();
        target.classList.add(e.clientY < r.top + r.height / 2 ? 'drop-before' : 'drop-after');
      }
    });
    trips.addEventListener('drop', (e) => {
      if (dragUid === null) return;
      const row = e.target.closest && e.target.closest('.stop');
      const list = e.target.closest && e.target.closest('.stops');
      if (!list) return;
      e.preventDefault();
      const tripUid = Number(list.dataset.t);
      const trip = state.draft.trips.find((t) => t.uid === tripUid);
      let index = trip.stops.length;
      if (row) {
        const r = row.getBoundingClientRect();
        index = trip.stops.findIndex((s) => s.uid === Number(row.dataset.s)) + (e.clientY < r.top + r.height / 2 ? 0 : 1);
      }
      const f = findStop(dragUid);
      if (f && f.trip === trip && f.si < index) index -= 1;
      moveStopTo(dragUid, tripUid, index);
      dragUid = null;
      renderDraft();
      schedulePreview();
    });
    // Alt+ArrowUp / Alt+ArrowDown anywhere in a stop's row moves the stop
    trips.addEventListener('keydown', (e) => {
      if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
      const li = e.target.closest && e.target.closest('.stop');
      if (!li) return;
      e.preventDefault();
      if (moveStop(Number(li.dataset.s), e.key === 'ArrowUp' ? -1 : 1)) {
        rerenderKeepingFocus(e.target.id);
        schedulePreview();
      }
    });
  }

  // Distance claims of the text
  function renderClaims() {
    const box = $('claims-box');
    const list = $('claims');
    list.replaceChildren(...state.claims.map((c) => el('li', {},
      el('q', { text: c.text, attrs: { dir: 'auto' } }),
      el('span', { className: 'claim-verdict', text: ` — ${claimSentence(c)}.` }))));
    box.hidden = state.claims.length === 0;
  }

  // ---------------------------------------------------------------------------------------
  // Map preview (debounced), distances, warnings
  // ---------------------------------------------------------------------------------------
  function currentUnits() { return $('opt-units').value || 'km'; }

  function readOptions() {
    const out = {};
    for (const node of $('options').elements) {
      if (!node.name) continue;
      if (node.type === 'checkbox') {
        if (!node.checked) out[node.name] = 'false';
      } else if (node.value.trim() !== '') {
        out[node.name] = node.value.trim();
      }
    }
    return out;
  }

  /** The first map option the browser finds invalid ({node, label}), marking each field. */
  function badOptionField() {
    let found = null;
    for (const node of $('options').elements) {
      const bad = node.validity && !node.validity.valid;
      if (node.name) node.setAttribute('aria-invalid', bad ? 'true' : 'false');
      if (bad && !found) {
        const label = node.labels && node.labels[0] ? node.labels[0].textContent : node.name;
        found = { node, label };
      }
    }
    return found;
  }

  const hasStops = () => state.draft.trips.some((t) => t.stops.length > 0);
  const draftFieldsBad = () => state.draft.trips.some((t) => t.stops.some((s) => s.date && !DATE_RE.test(String(s.date).trim())));

  let previewCtrl = null;
  let previewSeq = 0;
  let previewUrl = null;
  let previewCount = 0;

  async function runPreview() {
    const img = $('preview');
    if (!hasStops()) {
      img.hidden = true;
      $('preview-empty').hidden = false;
      $('preview-state').textContent = '';
      state.routes = null;
      state.previewWarnings = [];
      renderDistances();
      renderWarnings();
      return;
    }
    // Fields the page can check itself hold the preview back instead of flashing an error
    // at every keystroke (a width of "8" on the way to "800").
    const badOption = badOptionField();
    if (badOption) {
      $('preview-state').textContent = `${badOption.label}: ${badOption.node.validationMessage}`;
      return;
    }
    downloadError(null);
    if (draftFieldsBad()) {
      $('preview-state').textContent = 'Fix the marked field to update the map.';
      return;
    }
    if (previewCtrl) previewCtrl.abort();
    previewCtrl = new AbortController();
    const seq = ++previewSeq;
    $('preview-frame').classList.add('busy');
    $('preview-frame').setAttribute('aria-busy', 'true');
    $('preview-state').textContent = 'Updating the map…';
    try {
      const res = await api('/api/preview', { draft: apiDraft(), options: readOptions() }, previewCtrl.signal);
      const data = await res.json();
      if (seq !== previewSeq) return;
      const url = URL.createObjectURL(new Blob([data.svg], { type: 'image/svg+xml' }));
      const old = previewUrl;
      previewUrl = url;
      img.onload = () => { if (old) URL.revokeObjectURL(old); };
      img.src = url;
      previewCount += 1;
      img.dataset.version = String(previewCount);
      img.svgText = data.svg; // the map's text, for tools and tests (a property, not markup)
      const names = state.draft.trips.flatMap((t) => t.stops.map((s) => s.name));
      img.alt = `Map preview${state.draft.title ? ' of ' + state.draft.title : ''}: ${names.join(' → ')}`;
      img.hidden = false;
      $('preview-empty').hidden = true;
      state.routes = data.routes || [];
      state.routesUnits = data.units || currentUnits();
      state.previewWarnings = data.warnings || [];
      $('preview-state').textContent = `Map updated at ${new Date().toLocaleTimeString('en-GB')}.`;
      clearError('draft');
      renderDistances();
      renderWarnings();
      paintLegs();
    } catch (e) {
      if (e.name === 'AbortError') return;
      if (seq !== previewSeq) return;
      if (e instanceof ApiError) {
        showError(e.info, 'draft');
        $('preview-state').textContent = 'The map could not be drawn; see the error above.';
      } else {
        throw e;
      }
    } finally {
      if (seq === previewSeq) {
        $('preview-frame').classList.remove('busy');
        $('preview-frame').removeAttribute('aria-busy');
      }
    }
  }
  const schedulePreview = debounce(runPreview, 250);
  schedulePreview.now = () => { schedulePreview.cancel(); runPreview(); };

  /** Which trip of the page each route of the preview belongs to. */
  function routeTrips() {
    return (state.routes || []).map((r, i) => state.draft.trips[state.sentTrips[i]] || null);
  }

  // API.md names the bearing `bearing`; the route records call it `bearing_deg`
  function bearingText(leg) {
    const b = typeof leg.bearing === 'number' ? leg.bearing : leg.bearing_deg;
    return typeof b === 'number' ? `${Math.round(b)}°` : '';
  }

  function renderDistances() {
    const box = $('distances');
    if (!state.routes || state.routes.length === 0) {
      box.replaceChildren(el('p', { className: 'hint', text: 'No route yet.' }));
      return;
    }
    const u = state.routesUnits;
    const tables = state.routes.map((r) => {
      const table = el('table', { className: 'legs' },
        el('caption', { text: r.name }),
        el('thead', {}, el('tr', {},
          el('th', { text: 'Leg', attrs: { scope: 'col' } }),
          el('th', { text: `Distance (${UNIT_LABEL[u] || u})`, attrs: { scope: 'col' } }),
          el('th', { text: 'Bearing', attrs: { scope: 'col' } }))));
      const body = el('tbody');
      for (const leg of r.legs || []) {
        body.append(el('tr', {},
          el('td', { text: `${leg.from} → ${leg.to}` }),
          el('td', { className: 'num', text: fmtNumber(leg.distance) }),
          el('td', { className: 'num', text: bearingText(leg) })));
      }
      table.append(body, el('tfoot', {}, el('tr', {},
        el('th', { text: 'Total (straight lines)', attrs: { scope: 'row' } }),
        el('td', { className: 'num', text: fmtNumber(r.total) }),
        el('td'))));
      return el('div', { className: 'table-wrap' }, table);
    });
    box.replaceChildren(...tables);
  }

  /** Writes each leg's distance beside the stop it arrives at. */
  function paintLegs() {
    document.querySelectorAll('.stop .leg').forEach((n) => { n.textContent = ''; });
    if (!state.routes) return;
    const u = state.routesUnits;
    routeTrips().forEach((trip, ri) => {
      if (!trip) return;
      const legs = state.routes[ri].legs || [];
      legs.forEach((leg, i) => {
        const stop = trip.stops[i + 1];
        const node = stop && $(`s${stop.uid}-leg`);
        if (node) node.textContent = `+${fmtDistance(leg.distance, u)}`;
      });
    });
  }

  function renderWarnings() {
    const all = [...new Set([...state.inputWarnings, ...state.previewWarnings])];
    $('warnings').replaceChildren(...all.map((w) => el('li', { text: w })));
  }

  // ---------------------------------------------------------------------------------------
  // Downloads: POST /api/download, save the bytes under the server's file name
  // ---------------------------------------------------------------------------------------
  function fileNameFrom(disposition, fallback) {
    if (!disposition) return fallback;
    const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
    if (star) { try { return decodeURIComponent(star[1].trim()); } catch (_) { /* fall through */ } }
    const plain = /filename\s*=\s*"([^"]*)"/i.exec(disposition) || /filename\s*=\s*([^;]+)/i.exec(disposition);
    const name = plain ? plain[1].trim() : '';
    // Keep just a file name: no folders
    const base = name.split(/[\\/]/).pop();
    return base || fallback;
  }

  /** Says a download's error beside the buttons (the panel at the top may be out of view). */
  function downloadError(text) {
    const p = $('download-error');
    p.textContent = text || '';
    p.hidden = !text;
  }

  async function download(format, btn) {
    downloadError(null);
    if (!hasStops()) { setStatus('The draft has no stops to save yet.'); downloadError('The draft has no stops to save yet.'); return; }
    const bad = badOptionField();
    if (bad) {
      const msg = `${bad.label}: ${bad.node.validationMessage}`;
      showError({ message: `The ${format.toUpperCase()} file was not made. ${msg}`, help: bad.node.min ? `use ${bad.node.min} to ${bad.node.max}, or leave it empty` : null }, 'draft');
      downloadError(`Not made: ${msg}`);
      setStatus(`The ${format.toUpperCase()} file was not made: ${msg}`);
      return;
    }
    btn.setAttribute('aria-busy', 'true');
    btn.disabled = true;
    setStatus(`Preparing the ${format.toUpperCase()} file…`);
    try {
      const res = await api('/api/download', { draft: apiDraft(), options: readOptions(), format });
      const blob = await res.blob();
      const name = fileNameFrom(res.headers.get('Content-Disposition'), `itinera.${format}`);
      const url = URL.createObjectURL(blob);
      const a = el('a', { attrs: { href: url, download: name } });
      a.hidden = true;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      clearError('draft');
      setStatus(`Saved ${name} (${blob.size.toLocaleString('en-GB')} bytes).`);
    } catch (e) {
      if (e instanceof ApiError) {
        showError(e.info, 'draft');
        downloadError(`Not made: ${e.info.message}${e.info.help ? ` (${e.info.help})` : ''}`);
        setStatus(`The ${format.toUpperCase()} file could not be made: ${e.info.message}`);
      } else {
        throw e;
      }
    } finally {
      btn.disabled = false;
      btn.removeAttribute('aria-busy');
    }
  }

  // ---------------------------------------------------------------------------------------
  // Wiring
  // ---------------------------------------------------------------------------------------
  function renderAll() {
    renderArticle();
    renderDraft();
    renderClaims();
    renderWarnings();
  }

  function init() {
    // Input
    $('go').addEventListener('click', readSource);
    $('source').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); readSource(); }
    });
    // Any edit (typing, paste, cut, clearing) makes the text no longer the opened file
    $('source').addEventListener('input', forgetFile);
    $('source-kind').addEventListener('change', forgetFile);
    $('file').addEventListener('change', (e) => { takeFile(e.target.files[0]); e.target.value = ''; });
    for (const zone of [$('article-panel')]) {
      zone.addEventListener('dragover', (e) => {
        if (dragUid !== null || !e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        zone.classList.add('drop-here');
      });
      zone.addEventListener('dragleave', (e) => { if (!zone.contains(e.relatedTarget)) zone.classList.remove('drop-here'); });
      zone.addEventListener('drop', (e) => {
        if (!e.dataTransfer.files.length) return;
        e.preventDefault();
        zone.classList.remove('drop-here');
        takeFile(e.dataTransfer.files[0]);
      });
    }
    $('edit-text').addEventListener('click', () => {
      showArticle(false);
      $('source').focus();
      setStatus('Edit the text, then “Find places” again (your corrections of the places are replaced).');
    });

    // Article: tooltip, candidates, selection
    const art = $('article');
    art.addEventListener('mouseover', (e) => { const f = mentionOf(e.target); if (f) showTip(f.mark, f.m); });
    art.addEventListener('mouseout', (e) => { if (mentionOf(e.target) && !mentionOf(e.relatedTarget)) hideTip(); });
    art.addEventListener('focusin', (e) => { const f = mentionOf(e.target); if (f) showTip(f.mark, f.m); });
    art.addEventListener('focusout', hideTip);
    art.addEventListener('click', (e) => {
      const f = mentionOf(e.target);
      if (f && window.getSelection().isCollapsed) openPicker('mention', { mention: f.m, opener: f.mark });
    });
    art.addEventListener('keydown', (e) => {
      const f = mentionOf(e.target);
      if (!f) return;
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); openPicker('mention', { mention: f.m, opener: f.mark }); }
      if (e.key === 'Escape') hideTip();
    });
    art.addEventListener('mouseup', () => setTimeout(updateSelectionButton, 0));
    art.addEventListener('keyup', (e) => { if (e.shiftKey) updateSelectionButton(); });
    document.addEventListener('selectionchange', () => {
      if (!$('selection-add').hidden && !selectionInArticle()) $('selection-add').hidden = true;
    });
    $('selection-add').addEventListener('mousedown', (e) => e.preventDefault()); // keep the selection
    $('selection-add').addEventListener('click', () => {
      if (pendingSelection) openPicker('add-mention', { span: pendingSelection, opener: $('add-mention') });
    });
    $('add-mention').addEventListener('click', () => {
      const s = selectionInArticle() || pendingSelection;
      if (s && selectionInArticle()) openPicker('add-mention', { span: s, opener: $('add-mention') });
      else openPicker('add-mention', { span: null, words: String(window.getSelection() || '').trim().slice(0, 120), opener: $('add-mention') });
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { hideTip(); $('selection-add').hidden = true; }
    });

    // Picker dialog
    const dlg = $('picker');
    $('picker-close').addEventListener('click', closePicker);
    dlg.addEventListener('close', () => {
      const back = picker.focusAfter ? $(picker.focusAfter) : null;
      picker.focusAfter = null;
      const opener = picker.opener;
      const target = back || (opener && document.contains(opener) ? opener : null)
        || (picker.mention ? document.querySelector(`mark[data-m="${picker.mention.uid}"]`) : null);
      if (target) target.focus();
    });
    dlg.addEventListener('click', (e) => { if (e.target === dlg) closePicker(); }); // the backdrop
    $('picker-search').addEventListener('input', runSearch);
    $('picker-search').addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown') {
        const first = $('picker-results').querySelector('button') || $('picker-cands').querySelector('button');
        if (first) { e.preventDefault(); first.focus(); }
      }
      if (e.key === 'Enter') {
        e.preventDefault();
        const first = $('picker-results').querySelector('button');
        if (first) first.click();
      }
    });
    dlg.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      if (!e.target.classList.contains('cand')) return;
      const all = [...dlg.querySelectorAll('button.cand')];
      const i = all.indexOf(e.target) + (e.key === 'ArrowDown' ? 1 : -1);
      e.preventDefault();
      if (i >= 0 && i < all.length) all[i].focus();
      else if (i < 0) $('picker-search').focus();
    });
    $('picker-remove').addEventListener('click', () => {
      const m = picker.mention;
      removeMention(m, $('picker-all').checked);
      // Focus goes to the next mention in the text, or the article's tools
      const next = state.mentions.filter((x) => x.start > m.start).sort((a, b) => a.start - b.start)[0];
      picker.opener = null;
      closePicker();
      renderAll();
      const nextMark = next && document.querySelector(`mark[data-m="${next.uid}"]`);
      (nextMark || $('add-mention')).focus();
      schedulePreview();
    });

    // Draft
    $('draft-title').addEventListener('input', () => { state.draft.title = $('draft-title').value; schedulePreview(); });
    $('add-trip').addEventListener('click', () => {
      const trip = { uid: uid(), name: `Trip ${state.draft.trips.length + 1}`, color: null, mode: null, stops: [] };
      state.draft.trips.push(trip);
      renderDraft();
      $(`t${trip.uid}-name`).focus();
      $(`t${trip.uid}-name`).select();
      setStatus(`Added ${trip.name}.`);
    });
    setupDrag();

    // Options, downloads, errors
    $('options').addEventListener('input', () => schedulePreview());
    $('options').addEventListener('change', (e) => {
      if (e.target.id === 'opt-units') { renderClaims(); renderDraft(); }
      schedulePreview();
    });
    $('options').addEventListener('submit', (e) => { e.preventDefault(); schedulePreview.now(); });
    $('downloads').addEventListener('click', (e) => {
      const btn = e.target.closest('button[data-format]');
      if (btn) download(btn.dataset.format, btn);
    });
    $('error-close').addEventListener('click', () => { clearError(); setStatus('Error dismissed.'); });
    $('error-goto').addEventListener('click', (e) => {
      gotoSourceSpot(Number(e.target.dataset.line), Number(e.target.dataset.column) || 1);
    });
    window.addEventListener('resize', hideTip);

    renderAll();
  }

  init();
})();
