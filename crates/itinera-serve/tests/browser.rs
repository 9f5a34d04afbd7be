//! The page end to end in a real headless Chromium, driven through chromedriver (WebDriver) by
//! fantoccini: paste the Khasan article, correct a mention, reorder stops, set dates, set map
//! options, download the PNG, the GeoJSON and the trip file, and check that the command line
//! makes the same bytes from the downloaded trip file. Once at desktop size (1400 x 900), once
//! at phone width (390 x 844, with no sideways scroll).
//!
//! Needs `chromedriver` and `chromium` (Debian `chromium-driver`): without them the test fails
//! under CI (`CI` set) and is skipped with a note otherwise. `ITINERA_SCREENSHOT=path.png` saves
//! a screenshot of the page at desktop size.

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// WebDriver key codes.
const ALT: char = '\u{E00A}';
const CONTROL: char = '\u{E009}';
const NULL: char = '\u{E000}';
const ARROW_DOWN: char = '\u{E015}';
const ENTER: char = '\u{E007}';
const ESCAPE: char = '\u{E00C}';

const TITLE: &str = "Kim Jong Il into Russia";

/// A program on the PATH, or None (a failure under CI).
fn program(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(name))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "`{name}` is missing under CI: .ci/run must install chromium-driver"
        );
        eprintln!(
            "skipping the browser test: `{name}` is not installed (apt-get install chromium-driver)"
        );
    }
    found
}

fn free_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("a free port");
    l.local_addr().expect("its address").port()
}

/// The chromedriver process, stopped when the test ends however it ends.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The Khasan article of the geoparsing test set, without its gold markup.
fn khasan_article() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/geoparse/articles/a01-kji-2011-khasan.txt"
    );
    let file = std::fs::read_to_string(path).expect("the Khasan article");
    let (_, body) = file.split_once("\n---\n").expect("a --- line");
    // [[Text|id]] -> Text
    let mut out = String::new();
    let mut rest = body;
    while let Some(at) = rest.find("[[") {
        out.push_str(&rest[..at]);
        let inner = &rest[at + 2..];
        let end = inner.find("]]").expect("closed markup");
        let text = inner[..end].split('|').next().unwrap_or("");
        out.push_str(text);
        rest = &inner[end + 2..];
    }
    out.push_str(rest);
    out.trim().to_string()
}

/// Runs `return <expr>` in the page.
async fn js(c: &Client, expr: &str) -> Value {
    c.execute(&format!("return {expr};"), vec![])
        .await
        .unwrap_or_else(|e| panic!("script `{expr}` failed: {e}"))
}

/// Finds the element `at` and clicks it; `what` names it in a failure.
async fn click(c: &Client, at: Locator<'_>, what: &str) {
    c.find(at)
        .await
        .unwrap_or_else(|e| panic!("no {what}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("clicking {what} failed: {e}"));
}

/// Clicks the download button of `format`.
async fn download_button(c: &Client, format: &str) {
    let at = format!("button[data-format='{format}']");
    click(
        c,
        Locator::Css(&at),
        &format!("the {format} download button"),
    )
    .await;
}

/// Opens the text box: "Edit the text" is shown while an article is read; the box is open
/// otherwise.
async fn open_text_box(c: &Client) {
    js(
        c,
        "(b => (b.offsetParent && b.click(), true))(document.getElementById('edit-text'))",
    )
    .await;
}

/// Waits until `expr` is truthy in the page.
async fn wait_for(c: &Client, expr: &str, what: &str) {
    let start = Instant::now();
    loop {
        let v = js(c, expr).await;
        if v.as_bool() == Some(true) {
            return;
        }
        if start.elapsed() > Duration::from_secs(20) {
            let status = js(c, "document.getElementById('status').textContent").await;
            let error = js(
                c,
                "document.getElementById('error').hidden ? '' : document.getElementById('error').innerText",
            )
            .await;
            panic!("timed out waiting for {what} ({expr}); status: {status}; error: {error}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn stop_names(c: &Client) -> Vec<String> {
    let v = js(
        c,
        "[...document.querySelectorAll('#trips .stop .stop-label')].map(e => e.value)",
    )
    .await;
    serde_json::from_value(v).expect("names")
}

async fn preview_version(c: &Client) -> u64 {
    js(
        c,
        "Number(document.getElementById('preview').dataset.version || 0)",
    )
    .await
    .as_u64()
    .unwrap_or(0)
}

/// Waits for a preview newer than `after`.
async fn wait_preview(c: &Client, after: u64, what: &str) -> u64 {
    wait_for(
        c,
        &format!(
            "Number(document.getElementById('preview').dataset.version || 0) > {after} \
             && !document.getElementById('preview-frame').classList.contains('busy')"
        ),
        what,
    )
    .await;
    preview_version(c).await
}

/// The element of stop `name`'s control `part` (`date`, `up`, `down`...).
async fn stop_control(c: &Client, name: &str, part: &str) -> fantoccini::elements::Element {
    let id = js(
        c,
        &format!(
            "(() => {{ const s = [...document.querySelectorAll('#trips .stop')]
                 .find(li => li.querySelector('.stop-label').value === {name});
               return s ? 's' + s.dataset.s + '-{part}' : null; }})()",
            name = json!(name)
        ),
    )
    .await;
    let id = id
        .as_str()
        .unwrap_or_else(|| panic!("no stop {name}"))
        .to_string();
    c.find(Locator::Id(&id)).await.expect("the stop's control")
}

async fn no_sideways_scroll(c: &Client, when: &str) {
    let v = js(
        c,
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]",
    )
    .await;
    let (scroll, client) = (v[0].as_u64().unwrap_or(0), v[1].as_u64().unwrap_or(0));
    assert!(
        scroll <= client,
        "the page scrolls sideways {when}: {scroll} px wide in {client} px"
    );
}

/// Saves a screenshot as `$ITINERA_SNAPSHOTS/<name>.png` when that folder is given (to look at
/// the page in its states).
async fn snap(c: &Client, name: &str) {
    if let Some(dir) = std::env::var_os("ITINERA_SNAPSHOTS") {
        let shot = c.screenshot().await.expect("a screenshot");
        std::fs::write(Path::new(&dir).join(format!("{name}.png")), shot).expect("saved");
    }
}

/// The names of the files in `dir` (none if it cannot be read).
fn names_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// Waits for a finished download named `name` and returns its bytes.
async fn downloaded(dir: &Path, name: &str) -> Vec<u8> {
    let path = dir.join(name);
    let start = Instant::now();
    loop {
        let partial = names_in(dir).iter().any(|n| n.ends_with(".crdownload"));
        if path.is_file() && !partial {
            return std::fs::read(&path).expect("the download");
        }
        if start.elapsed() > Duration::from_secs(20) {
            panic!(
                "no download {name} in {}: {:?}",
                dir.display(),
                names_in(dir)
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The command line's output for `args` (the last one its output path), as bytes.
fn cli(itinera: &Path, args: &[&str], out: &Path) -> Vec<u8> {
    let run = Command::new(itinera)
        .args(args)
        .arg("-o")
        .arg(out)
        .output()
        .expect("itinera runs");
    assert!(
        run.status.success(),
        "itinera {args:?} failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    std::fs::read(out).expect("the CLI's output")
}

/// One pass of the journey through the page; `label` says which screen size.
async fn journey(c: &Client, url: &str, downloads: &Path, itinera: Option<&Path>, label: &str) {
    c.goto(url).await.expect("the page loads");
    wait_for(c, "document.readyState === 'complete'", "the page").await;
    js(
        c,
        "(window.pageErrors = [], \
          window.addEventListener('error', e => pageErrors.push(e.message)), \
          window.addEventListener('unhandledrejection', e => pageErrors.push(String(e.reason))), \
          document.addEventListener('securitypolicyviolation', e => pageErrors.push('CSP: ' + e.violatedDirective)), \
          true)",
    )
    .await;
    no_sideways_scroll(c, &format!("{label}, empty page")).await;

    // 1. Paste the article and find its places.
    let source = c.find(Locator::Id("source")).await.expect("the text box");
    source
        .send_keys(&khasan_article())
        .await
        .expect("typing the article");
    click(c, Locator::Id("go"), "Find places").await;
    wait_for(
        c,
        "document.querySelectorAll('#article mark.mention').length > 10",
        "the mentions",
    )
    .await;
    let mut version = wait_preview(c, 0, "the first preview").await;
    let names = stop_names(c).await;
    for want in ["Khasan", "Ussuriysk", "Khabarovsk", "Seoul"] {
        assert!(
            names.iter().any(|n| n == want),
            "{label}: no stop {want} in {names:?}"
        );
    }
    no_sideways_scroll(c, &format!("{label}, article read")).await;
    // Every control has a name a screen reader can say.
    let unnamed = js(
        c,
        "[...document.querySelectorAll('input, select, textarea, button')]
           .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
           .map(e => e.id || e.outerHTML.slice(0, 80))",
    )
    .await;
    assert_eq!(unnamed, json!([]), "{label}: controls without a label");
    let claims = js(c, "document.getElementById('claims').textContent").await;
    assert!(
        claims.as_str().unwrap_or("").contains("the geodesic is"),
        "{label}: the distance claim is not shown: {claims}"
    );

    // Keyboard: a focused mention shows its place; Enter opens its candidates; Escape closes
    // them and focus returns to the mention.
    js(c, "(document.querySelector('mark.mention').focus(), true)").await;
    let tip = js(
        c,
        "document.getElementById('tip').hidden ? '' : document.getElementById('tip').textContent",
    )
    .await;
    assert!(
        tip.as_str().unwrap_or("").contains("Russia"),
        "{label}: no place card on focus: {tip}"
    );
    let mark = c.active_element().await.expect("the focused mention");
    mark.send_keys(&ENTER.to_string()).await.expect("Enter");
    wait_for(
        c,
        "document.getElementById('picker').open \
         && document.querySelectorAll('#picker-cands button.cand').length > 0",
        "the candidates by keyboard",
    )
    .await;
    c.active_element()
        .await
        .expect("focus in the dialog")
        .send_keys(&ESCAPE.to_string())
        .await
        .expect("Escape");
    wait_for(
        c,
        "!document.getElementById('picker').open \
         && document.activeElement.matches('mark.mention')",
        "Escape to close the dialog and focus to return",
    )
    .await;

    // 2. Correct a mention: "Seoul" is the city; pick the next candidate (the region), which is
    // no stop, so the draft loses Seoul and the map redraws.
    let seoul = c
        .find(Locator::XPath(
            "//mark[contains(@class,'mention') and .='Seoul']",
        ))
        .await
        .expect("a Seoul mention");
    seoul.click().await.expect("open the candidates");
    wait_for(
        c,
        "document.getElementById('picker').open \
         && document.querySelectorAll('#picker-cands button.cand').length > 1",
        "the candidates",
    )
    .await;
    no_sideways_scroll(c, &format!("{label}, candidates open")).await;
    snap(c, &format!("{label}-candidates")).await;
    c.find(Locator::XPath(
        "//ul[@id='picker-cands']//button[not(@aria-current)]",
    ))
    .await
    .expect("another candidate")
    .click()
    .await
    .expect("pick it");
    wait_for(
        c,
        "!document.getElementById('picker').open",
        "the dialog to close",
    )
    .await;
    let focused = js(c, "document.activeElement.textContent").await;
    assert_eq!(
        focused,
        json!("Seoul"),
        "{label}: focus did not return to the mention"
    );
    let names = stop_names(c).await;
    assert!(
        !names.iter().any(|n| n == "Seoul"),
        "{label}: Seoul is still a stop: {names:?}"
    );
    let marked = js(
        c,
        "[...document.querySelectorAll('mark.mention')].filter(m => m.textContent === 'Seoul')\
           .every(m => m.classList.contains('conf-user'))",
    )
    .await;
    assert_eq!(
        marked,
        json!(true),
        "{label}: the corrected mentions are not marked"
    );
    version = wait_preview(c, version, "the preview after the correction").await;

    // 3. Reorder: Alt+ArrowDown in Vladivostok's row moves it after Ussuriysk; the "move up"
    // button of Pyongyang moves it before Moscow.
    let before = stop_names(c).await;
    let vlad = before
        .iter()
        .position(|n| n == "Vladivostok")
        .expect("Vladivostok");
    assert_eq!(before[vlad + 1], "Ussuriysk", "{label}: {before:?}");
    stop_control(c, "Vladivostok", "date")
        .await
        .send_keys(&format!("{ALT}{ARROW_DOWN}{NULL}"))
        .await
        .expect("Alt+ArrowDown");
    let after = stop_names(c).await;
    assert_eq!(after[vlad], "Ussuriysk", "{label}: {after:?}");
    assert_eq!(after[vlad + 1], "Vladivostok", "{label}: {after:?}");
    let focused = js(c, "document.activeElement.id").await;
    assert!(
        focused.as_str().unwrap_or("").ends_with("-date"),
        "{label}: focus left the moved row: {focused}"
    );
    let moscow = after.iter().position(|n| n == "Moscow").expect("Moscow");
    assert_eq!(after[moscow + 1], "Pyongyang", "{label}: {after:?}");
    stop_control(c, "Pyongyang", "up")
        .await
        .click()
        .await
        .expect("move up");
    let after = stop_names(c).await;
    assert_eq!(after[moscow], "Pyongyang", "{label}: {after:?}");
    assert_eq!(after[moscow + 1], "Moscow", "{label}: {after:?}");

    // Drag and drop (desktop; phones move stops with the buttons): Tumangang's handle dropped
    // on the lower half of Khasan's row. WebDriver cannot drive HTML drag and drop in Chromium,
    // so the page gets the events a drag sends.
    if label == "desktop" {
        let order = js(
            c,
            "(() => {
               const rows = [...document.querySelectorAll('#trips .stop')];
               const from = rows.find(r => r.querySelector('.stop-label').value === 'Tumangang');
               const to = rows.find(r => r.querySelector('.stop-label').value === 'Khasan');
               const dt = new DataTransfer();
               const handle = from.querySelector('.handle');
               handle.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: dt}));
               const r = to.getBoundingClientRect();
               const at = {bubbles: true, cancelable: true, dataTransfer: dt, clientX: r.left + 20, clientY: r.bottom - 4};
               to.dispatchEvent(new DragEvent('dragover', at));
               to.dispatchEvent(new DragEvent('drop', at));
               handle.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: dt}));
               return [...document.querySelectorAll('#trips .stop .stop-label')].slice(0, 2).map(e => e.value);
             })()",
        )
        .await;
        assert_eq!(
            order,
            json!(["Khasan", "Tumangang"]),
            "the drop did not move the stop"
        );
    }

    // A stop added by searching as you type: "Ulan-U", Enter takes the first place.
    click(
        c,
        Locator::Css("#trips .trip button[id$='-add']"),
        "Add a stop",
    )
    .await;
    let search = c
        .find(Locator::Id("picker-search"))
        .await
        .expect("the search box");
    search.send_keys("Ulan-U").await.expect("typing");
    wait_for(
        c,
        "[...document.querySelectorAll('#picker-results .cand-name')].some(e => e.textContent === 'Ulan-Ude')",
        "search results",
    )
    .await;
    search.send_keys(&ENTER.to_string()).await.expect("Enter");
    wait_for(
        c,
        "!document.getElementById('picker').open",
        "the dialog to close",
    )
    .await;
    let names = stop_names(c).await;
    assert_eq!(
        names.last().map(String::as_str),
        Some("Ulan-Ude"),
        "{label}: {names:?}"
    );

    // 4. Dates. An impossible date is the server's error, shown on its stop's row.
    stop_control(c, "Khasan", "date")
        .await
        .send_keys("2011-08-20")
        .await
        .expect("a date");
    stop_control(c, "Ussuriysk", "date")
        .await
        .send_keys("2011-02-31")
        .await
        .expect("a bad date");
    wait_for(
        c,
        "!document.getElementById('error').hidden \
         && document.querySelectorAll('.stop.has-error').length === 1",
        "the bad date's error",
    )
    .await;
    let row = js(
        c,
        "document.querySelector('.stop.has-error .stop-label').value",
    )
    .await;
    assert_eq!(row, json!("Ussuriysk"), "{label}: the wrong row is marked");
    no_sideways_scroll(c, &format!("{label}, error shown")).await;
    snap(c, &format!("{label}-stop-error")).await;
    stop_control(c, "Ussuriysk", "date")
        .await
        .send_keys(&format!("{CONTROL}a{NULL}2011-08-21"))
        .await
        .expect("a good date");
    wait_for(
        c,
        "document.getElementById('error').hidden \
         && document.querySelectorAll('.stop.has-error').length === 0",
        "the error to go",
    )
    .await;

    // 5. Map options, then the downloads and the command line's bytes.
    for (id, value) in [
        ("opt-width", "800"),
        ("opt-height", "500"),
        ("opt-title", TITLE),
    ] {
        c.find(Locator::Id(id))
            .await
            .expect("an option")
            .send_keys(value)
            .await
            .expect("typing an option");
    }
    version = wait_preview(c, version, "the preview with the options").await;
    let _ = version;
    let legs = js(
        c,
        "document.querySelectorAll('#distances table.legs tbody tr').length",
    )
    .await;
    assert!(
        legs.as_u64().unwrap_or(0) >= 5,
        "{label}: no leg distances: {legs}"
    );
    let leg_text = js(
        c,
        "document.querySelector('#trips .stop:nth-child(2) .leg').textContent",
    )
    .await;
    assert!(
        leg_text.as_str().unwrap_or("").contains("km"),
        "{label}: no leg distance on the second stop: {leg_text}"
    );

    let stem = "kim-jong-il-into-russia";
    let mut files = Vec::new();
    for format in ["png", "geojson", "toml"] {
        download_button(c, format).await;
        files.push(downloaded(downloads, &format!("{stem}.{format}")).await);
    }
    let toml = String::from_utf8(files[2].clone()).expect("UTF-8 trip file");
    assert!(
        toml.contains("2011-08-20") && toml.contains("2011-08-21"),
        "{label}: the dates are not in the trip file:\n{toml}"
    );
    let at = |n: &str| toml.find(&format!("\"{n}\"")).unwrap_or(usize::MAX);
    assert!(
        at("Ussuriysk") < at("Vladivostok") && at("Pyongyang") < at("Moscow"),
        "{label}: the order is not the page's:\n{toml}"
    );
    assert!(
        toml.contains("{ place = \"Ulan-Ude\", geonameid = "),
        "{label}: the searched stop is not a gazetteer place:\n{toml}"
    );
    assert!(
        !toml.contains("\"Seoul\""),
        "{label}: Seoul is in the trip file"
    );

    if let Some(itinera) = itinera {
        let trip = downloads.join(format!("{stem}.toml"));
        let trip = trip.to_str().expect("a UTF-8 path");
        let png = cli(
            itinera,
            &[
                "render", trip, "--width", "800", "--height", "500", "--title", TITLE,
            ],
            &downloads.join("cli.png"),
        );
        assert!(
            files[0] == png,
            "{label}: the page's PNG is not `itinera render`'s"
        );
        let geojson = cli(itinera, &["export", trip], &downloads.join("cli.geojson"));
        assert!(
            files[1] == geojson,
            "{label}: the page's GeoJSON is not `itinera export`'s"
        );
    }
    no_sideways_scroll(c, &format!("{label}, after the downloads")).await;
    let errors = js(c, "window.pageErrors").await;
    assert_eq!(errors, json!([]), "{label}: the page reported errors");
    for (i, at) in ["article-panel", "draft-panel", "map-panel"]
        .iter()
        .enumerate()
    {
        js(
            c,
            &format!("(document.getElementById('{at}').scrollIntoView(), document.getElementById('{at}').scrollTop = 0, true)"),
        )
        .await;
        snap(c, &format!("{label}-{i}-{at}")).await;
    }
}

/// A broken trip file pasted: the error with its line, column, source line and caret.
async fn broken_trip_file(c: &Client, label: &str) {
    // After the journey an article is read: "Edit the text" is shown.
    click(c, Locator::Id("edit-text"), "Edit the text").await;
    paste_and_go(
        c,
        "title = \"Broken\"\n[[trips]]\nname = \"A\"\nstops = [\"Khasan\", \"Ussuriysk\"\n",
    )
    .await;
    wait_for(
        c,
        "!document.getElementById('error').hidden \
         && /line \\d+/.test(document.getElementById('error-where').textContent)",
        "the trip file's error",
    )
    .await;
    let caret = js(c, "document.getElementById('error-source').textContent").await;
    assert!(
        caret.as_str().unwrap_or("").contains('^'),
        "{label}: no caret under the source line: {caret}"
    );
    no_sideways_scroll(c, &format!("{label}, trip file error")).await;
    snap(c, &format!("{label}-trip-file-error")).await;
}

/// Pastes `text` into the source box and reads it.
async fn paste_and_go(c: &Client, text: &str) {
    open_text_box(c).await;
    js(c, "(document.getElementById('source').value = '', true)").await;
    c.find(Locator::Id("source"))
        .await
        .expect("the text box")
        .send_keys(text)
        .await
        .expect("typing");
    click(c, Locator::Id("go"), "Find places").await;
}

/// Markup in a stop's name, an unknown place's name and an article is shown as its letters:
/// nothing it holds runs or becomes an element.
async fn markup_is_text(c: &Client, label: &str) {
    const EVIL: &str = "<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>";
    let pwned = "window.__pwned === undefined && !document.querySelector('img[src=\"x\"], #trips script, #article script')";
    paste_and_go(
        c,
        &format!(
            "[[trips]]\nname = \"A\"\nstops = [\n  {{ name = \"{}\", lat = 42.43, lon = 130.64 }},\n  {{ name = \"B\", lat = 43.8, lon = 131.9 }},\n]\n",
            EVIL.replace('"', "\\\"")
        ),
    )
    .await;
    wait_for(
        c,
        "document.querySelectorAll('#trips .stop').length === 2",
        "the two stops",
    )
    .await;
    assert_eq!(stop_names(c).await[0], EVIL, "{label}: the name as written");
    assert_eq!(js(c, pwned).await, Value::Bool(true), "{label}: markup ran");
    // An unknown place named with markup: the error says its letters.
    paste_and_go(
        c,
        &format!("[[trips]]\nname = \"A\"\nstops = [\"Khasan\", \"{EVIL}\"]\n"),
    )
    .await;
    wait_for(c, "!document.getElementById('error').hidden", "the error").await;
    let said = js(c, "document.getElementById('error').textContent").await;
    assert!(
        said.as_str().unwrap_or("").contains("<script>"),
        "{label}: {said}"
    );
    assert_eq!(js(c, pwned).await, Value::Bool(true), "{label}: markup ran");
    // An article with markup in it.
    paste_and_go(
        c,
        &format!("The train left Khasan {EVIL} for Ussuriysk on Saturday."),
    )
    .await;
    wait_for(
        c,
        "document.querySelectorAll('#trips .stop').length === 2",
        "the article's stops",
    )
    .await;
    let shown = js(c, "document.getElementById('article').textContent").await;
    assert!(
        shown.as_str().unwrap_or("").contains("<script>"),
        "{label}: {shown}"
    );
    assert_eq!(js(c, pwned).await, Value::Bool(true), "{label}: markup ran");
}

/// Empties the download folder.
fn clear_downloads(dir: &Path) {
    for entry in std::fs::read_dir(dir).expect("downloads").flatten() {
        std::fs::remove_file(entry.path()).expect("a download removed");
    }
}

/// Clicks the download button of `format` and returns the text of the file it saves (the
/// folder is emptied first, so the one file ending in `.format` is it).
async fn download_text(c: &Client, dir: &Path, format: &str) -> String {
    clear_downloads(dir);
    download_button(c, format).await;
    let start = Instant::now();
    loop {
        let names = names_in(dir);
        // `downloaded` waits until no download is partial.
        if let Some(name) = names.iter().find(|n| n.ends_with(&format!(".{format}"))) {
            return String::from_utf8(downloaded(dir, name).await).expect("UTF-8");
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no .{format} download: {names:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Gives the file input a file made in the page (`parts`: a JS expression of the File's parts)
/// as if the user had opened it.
async fn open_file(c: &Client, name: &str, parts: &str) {
    js(
        c,
        &format!(
            "(() => {{ const dt = new DataTransfer(); dt.items.add(new File({parts}, {name})); \
               const f = document.getElementById('file'); f.files = dt.files; \
               f.dispatchEvent(new Event('change', {{bubbles: true}})); return true; }})()",
            name = json!(name)
        ),
    )
    .await;
}

/// The SVG text of the map preview shown.
async fn preview_svg(c: &Client) -> String {
    // (a blob: URL cannot be fetched under the page's connect-src; the page keeps the text)
    let v = js(c, "document.getElementById('preview').svgText || ''").await;
    v.as_str().unwrap_or("").to_string()
}

/// Sets a map option's select to `value` as the user would.
async fn set_option(c: &Client, id: &str, value: &str) {
    js(
        c,
        &format!(
            "(s => (s.value = {v}, s.dispatchEvent(new Event('change', {{bubbles: true}})), true))(document.getElementById('{id}'))",
            v = json!(value)
        ),
    )
    .await;
}

/// The testers' defects: gazetteer places kept and sent back (A), date-times accepted (B), an
/// opened file's name forgotten on an edit (C), messages (D), focus, direction and adding a
/// place by keyboard (E).
async fn testers_defects(c: &Client, downloads: &Path, label: &str) {
    // A + E1: the Khasan article read from the keyboard; focus lands on the article's heading,
    // the status says what was found, each paragraph runs in its own direction.
    open_text_box(c).await;
    js(
        c,
        &format!(
            "(t => (t.value = {}, t.dispatchEvent(new Event('input', {{bubbles: true}})), true))(document.getElementById('source'))",
            json!(khasan_article())
        ),
    )
    .await;
    js(c, "(document.getElementById('go').focus(), true)").await;
    let version = preview_version(c).await;
    c.active_element()
        .await
        .expect("the focused button")
        .send_keys(&ENTER.to_string())
        .await
        .expect("Enter");
    wait_for(
        c,
        "document.querySelectorAll('#article mark.mention').length > 10",
        "the mentions by keyboard",
    )
    .await;
    let mut version = wait_preview(c, version, "the Khasan preview").await;
    let focus = js(c, "document.activeElement.id").await;
    assert_eq!(
        focus,
        json!("article-heading"),
        "{label}: focus was lost after reading"
    );
    let status = js(c, "document.getElementById('status').textContent").await;
    assert!(
        status.as_str().unwrap_or("").starts_with("Found "),
        "{label}: the status does not say the result: {status}"
    );
    let dirs = js(
        c,
        "[...document.querySelectorAll('#article .para')].every(p => p.dir === 'auto') \
         && document.querySelectorAll('#article .para').length > 1 \
         && document.getElementById('article').textContent === document.getElementById('source').value \
         && [...document.querySelectorAll('#trips .stop-label')].every(i => i.dir === 'auto')",
    )
    .await;
    assert_eq!(
        dirs,
        json!(true),
        "{label}: paragraphs and labels without dir=auto"
    );

    let toml = download_text(c, downloads, "toml").await;
    let khasan = toml.contains("{ place = \"Khasan\", geonameid = ");
    assert!(
        khasan,
        "{label}: Khasan is not a gazetteer place in the trip file:\n{toml}"
    );
    let geojson = download_text(c, downloads, "geojson").await;
    assert!(
        geojson.matches("\"geonameid\": 2").count() + geojson.matches("\"geonameid\":2").count()
            >= 3,
        "{label}: the GeoJSON has no geonameids:\n{geojson}"
    );
    set_option(c, "opt-label_lang", "ru").await;
    version = wait_preview(c, version, "the preview in Russian").await;
    let svg = preview_svg(c).await;
    assert!(
        svg.contains("Хасан"),
        "{label}: no Cyrillic Khasan on the map"
    );
    set_option(c, "opt-label_lang", "").await;
    version = wait_preview(c, version, "the preview as written").await;
    // A label edited is only the label: the place stays.
    stop_control(c, "Khasan", "name")
        .await
        .send_keys(&format!("{CONTROL}a{NULL}Khasan station"))
        .await
        .expect("a new label");
    version = wait_preview(c, version, "the preview with the new label").await;
    let toml = download_text(c, downloads, "toml").await;
    assert!(
        toml.contains("place = \"Khasan\"") && toml.contains("\"Khasan station\""),
        "{label}: the renamed stop lost its place:\n{toml}"
    );

    // C + D3: a GeoJSON file with dates that run backwards (one warning, listed once), then an
    // article typed over it is read as an article, not as the old file.
    open_text_box(c).await;
    let gj = json!({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "A", "date": "2011-08-22"},
         "geometry": {"type": "Point", "coordinates": [130.64, 42.43]}},
        {"type": "Feature", "properties": {"name": "B", "date": "2011-08-20"},
         "geometry": {"type": "Point", "coordinates": [131.9, 43.8]}}]});
    open_file(c, "trip.geojson", &format!("[{}]", json!(gj.to_string()))).await;
    wait_for(
        c,
        "document.querySelectorAll('#trips .stop').length === 2 \
         && /trip.geojson/.test(document.getElementById('file-name').textContent)",
        "the GeoJSON's stops",
    )
    .await;
    version = wait_preview(c, version, "the GeoJSON preview").await;
    let warnings: Vec<String> = serde_json::from_value(
        js(
            c,
            "[...document.querySelectorAll('#warnings li')].map(l => l.textContent)",
        )
        .await,
    )
    .expect("warnings");
    let backwards = warnings.iter().filter(|w| w.contains("backwards")).count();
    assert_eq!(
        backwards, 1,
        "{label}: the warning is not listed once: {warnings:?}"
    );
    let source = c.find(Locator::Id("source")).await.expect("the text box");
    source
        .send_keys(&format!(
            "{CONTROL}a{NULL}The train left Khasan for Ussuriysk on Saturday; the crew called the next town Khab."
        ))
        .await
        .expect("typing over the file");
    click(c, Locator::Id("go"), "go").await;
    wait_for(
        c,
        "document.querySelectorAll('#article mark.mention').length === 2",
        "the typed article's mentions",
    )
    .await;
    let error = js(c, "document.getElementById('error').hidden").await;
    assert_eq!(error, json!(true), "{label}: the old file name was sent");

    // E3: a place added from the keyboard: "Add a place from the text…", type the words, Enter.
    click(c, Locator::Id("add-mention"), "add").await;
    let search = c
        .find(Locator::Id("picker-search"))
        .await
        .expect("the search box");
    search.send_keys("Khab").await.expect("typing");
    wait_for(
        c,
        "document.querySelectorAll('#picker-results button.cand').length > 0",
        "the search results",
    )
    .await;
    search.send_keys(&ENTER.to_string()).await.expect("Enter");
    wait_for(
        c,
        "!document.getElementById('picker').open \
         && [...document.querySelectorAll('#article mark.mention')].some(m => m.textContent === 'Khab')",
        "the mention added by keyboard",
    )
    .await;

    // B: GPX points with date-times.
    paste_and_go(
        c,
        "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"t\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n\
         <wpt lat=\"42.43\" lon=\"130.64\"><name>A</name><time>1916-04-24T12:00:00Z</time></wpt>\n\
         <wpt lat=\"43.8\" lon=\"131.9\"><name>B</name><time>1916-04-25T08:30:00.5+09:00</time></wpt>\n</gpx>\n",
    )
    .await;
    wait_for(
        c,
        "document.querySelectorAll('#trips .stop').length === 2",
        "the GPX stops",
    )
    .await;
    version = wait_preview(c, version, "the GPX preview").await;
    let bad = js(
        c,
        "document.querySelectorAll('[aria-invalid=\"true\"], .field-bad').length",
    )
    .await;
    assert_eq!(bad, json!(0), "{label}: a date-time is marked invalid");

    // D2: an out-of-range width: the download says why, beside the buttons and in the panel.
    let width = c.find(Locator::Id("opt-width")).await.expect("width");
    width
        .send_keys(&format!("{CONTROL}a{NULL}150"))
        .await
        .expect("typing");
    download_button(c, "png").await;
    wait_for(
        c,
        "!document.getElementById('download-error').hidden \
         && /Width.*200/.test(document.getElementById('download-error').textContent) \
         && !document.getElementById('error').hidden",
        "the width's error",
    )
    .await;
    snap(c, &format!("{label}-download-error")).await;
    width
        .send_keys(&format!("{CONTROL}a{NULL}\u{E003}"))
        .await
        .expect("clearing");
    let _ = wait_preview(c, version, "the preview after the width").await;

    // D1: a binary file and a file over 4 MiB are said in words, before any request.
    open_file(
        c,
        "photo.jpg",
        "[new Uint8Array([255, 216, 255, 0, 16, 74, 70, 73, 70, 0])]",
    )
    .await;
    wait_for(
        c,
        "!document.getElementById('error').hidden \
         && /not a text file/.test(document.getElementById('error-message').textContent)",
        "the binary file's message",
    )
    .await;
    open_file(c, "huge.txt", "['a'.repeat(4500000)]").await;
    wait_for(
        c,
        "!document.getElementById('error').hidden \
         && /4 MiB/.test(document.getElementById('error-message').textContent)",
        "the large file's message",
    )
    .await;
    let errors = js(c, "window.pageErrors").await;
    assert_eq!(errors, json!([]), "{label}: the page reported errors");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_from_article_to_downloads_at_desktop_and_phone_sizes() {
    let (Some(chromedriver), Some(chromium)) = (program("chromedriver"), program("chromium"))
    else {
        return;
    };
    // The command line beside this test's executable (target/debug/itinera).
    let itinera = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.join("itinera")))
        .filter(|p| p.is_file());
    if itinera.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "target/debug/itinera is missing under CI"
        );
        eprintln!(
            "note: no target/debug/itinera; the bytes are not compared with the CLI's (cargo build first)"
        );
    }

    let server = itinera_serve::Server::bind(&itinera_serve::Config {
        port: 0,
        ..Default::default()
    })
    .expect("the server binds");
    let url = server.spawn();

    let port = free_port();
    let _driver = Driver(
        Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts"),
    );
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "chromedriver did not listen"
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    let profile = tempfile::tempdir().expect("a profile folder");
    let downloads = tempfile::tempdir().expect("a download folder");
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": chromium,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1400,900",
                format!("--user-data-dir={}", profile.path().display()),
            ],
            "prefs": {
                "download.default_directory": downloads.path(),
                "download.prompt_for_download": false,
                "download.directory_upgrade": true,
                "safebrowsing.enabled": false,
            },
        },
    });
    let caps = match caps {
        Value::Object(map) => map,
        _ => unreachable!(),
    };
    let c = ClientBuilder::new(HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a WebDriver session");

    // The steps run in a task of their own so that the session is closed (and Chromium quits)
    // whether they pass or panic.
    let steps = {
        let c = c.clone();
        let downloads = downloads.path().to_path_buf();
        async move {
            let downloads = downloads.as_path();
            c.set_window_size(1400, 900).await.expect("desktop size");
            journey(&c, &url, downloads, itinera.as_deref(), "desktop").await;
            // The page as the README shows it: article, draft and map side by side.
            js(
                &c,
                "(document.activeElement.blur(), window.scrollTo(0, 0), \
                  ['article', 'map-panel'].forEach(id => document.getElementById(id).scrollTop = 0), true)",
            )
            .await;
            tokio::time::sleep(Duration::from_millis(300)).await;
            let shot = c.screenshot().await.expect("a screenshot");
            assert!(shot.starts_with(b"\x89PNG"));
            if let Some(path) = std::env::var_os("ITINERA_SCREENSHOT") {
                std::fs::write(&path, &shot).expect("the screenshot is saved");
            }
            broken_trip_file(&c, "desktop").await;
            markup_is_text(&c, "desktop").await;
            testers_defects(&c, downloads, "desktop").await;

            for entry in std::fs::read_dir(downloads).expect("downloads").flatten() {
                std::fs::remove_file(entry.path()).expect("a download removed");
            }
            c.set_window_size(390, 844).await.expect("phone size");
            let width = js(&c, "window.innerWidth").await;
            assert!(
                width.as_u64().unwrap_or(0) <= 400,
                "the window is {width} px wide, not a phone's"
            );
            journey(&c, &url, downloads, itinera.as_deref(), "phone").await;
            broken_trip_file(&c, "phone").await;
        }
    };
    let outcome = tokio::spawn(steps).await;
    let _ = c.close().await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}
