//! How fast the page answers (issue 31: extracting a 10 KB article and drawing its preview,
//! each under 100 ms): the server in this process, requests over loopback HTTP as the page
//! sends them, timed from the first byte sent to the last byte read. Prints the median, the
//! 95th percentile and the slowest of each request. Run with `benches/serve.sh`.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use itinera_serve::{Config, Server};

/// The test articles' text without their gold markup (`[[Text|id]]` -> `Text`), paragraphs
/// taken in turn until the text holds `bytes` bytes: news paragraphs written for the tests.
fn article(bytes: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/geoparse/articles");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("the test articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let mut out = String::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        let body = text.split_once("\n---\n").map_or(text.as_str(), |b| b.1);
        for para in body.split("\n\n") {
            let mut plain = String::new();
            let mut rest = para;
            while let Some(open) = rest.find("[[") {
                plain.push_str(&rest[..open]);
                let Some(close) = rest[open..].find("]]") else {
                    break;
                };
                let inner = &rest[open + 2..open + close];
                plain.push_str(inner.split('|').next().unwrap_or(inner));
                rest = &rest[open + close + 2..];
            }
            plain.push_str(rest);
            if out.len() + plain.len() > bytes {
                return out;
            }
            out.push_str(plain.trim());
            out.push_str("\n\n");
        }
    }
    out
}

/// GeoVirus's Wikinews articles (text nobody in this project wrote; `../shared/geoparse-dev`
/// beside the repository), whole articles taken in turn up to `bytes` bytes; none if absent.
fn others_text(bytes: usize) -> Option<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/geoparse-dev/geovirus.jsonl"
    );
    let lines = std::fs::read_to_string(path).ok()?;
    let mut out = String::new();
    for line in lines.lines() {
        let v: serde_json::Value = serde_json::from_str(line).ok()?;
        let text = v["text"].as_str()?;
        if out.len() + text.len() > bytes {
            break;
        }
        out.push_str(text);
        out.push_str("\n\n");
    }
    Some(out)
}

/// One POST, timed; the answer's status and body.
fn post(addr: &str, path: &str, body: &str) -> (Duration, u16, Vec<u8>) {
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let started = Instant::now();
    let mut s = TcpStream::connect(addr).expect("connect");
    s.write_all(head.as_bytes()).expect("send");
    s.write_all(body.as_bytes()).expect("send");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read");
    let took = started.elapsed();
    let status = String::from_utf8_lossy(&raw[..12.min(raw.len())])
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(0, |p| p + 4);
    (took, status, raw[split..].to_vec())
}

fn report(what: &str, mut times: Vec<Duration>) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let p95 = times[(times.len() * 95 / 100).min(times.len() - 1)];
    println!(
        "{what}: median {:.1} ms, p95 {:.1} ms, slowest {:.1} ms over {} runs",
        ms(times[times.len() / 2]),
        ms(p95),
        ms(times[times.len() - 1]),
        times.len()
    );
}

fn main() {
    let config = Config {
        port: 0,
        ..Config::default()
    };
    let server = Server::bind(&config).expect("bind");
    let addr = server.local_addr().to_string();
    server.spawn();
    let mut texts = vec![("the test articles", article(10 * 1024))];
    texts.extend(others_text(10 * 1024).map(|t| ("GeoVirus (Wikinews)", t)));
    for (source, text) in texts {
        page(&addr, source, &text);
    }
}

/// Requests timed after the warm-up, per endpoint.
const RUNS: usize = 60;
/// Requests sent first and not timed.
const WARM_UP: usize = 5;

/// POSTs `body` to `path` [`WARM_UP`] + [`RUNS`] times: the timed runs, and the last answer.
fn timed(addr: &str, path: &str, body: &str) -> (Vec<Duration>, Vec<u8>) {
    let mut times = Vec::with_capacity(RUNS);
    let mut answer = Vec::new();
    for i in 0..WARM_UP + RUNS {
        let (took, status, body) = post(addr, path, body);
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
        if i >= WARM_UP {
            times.push(took);
        }
        answer = body;
    }
    (times, answer)
}

/// Extracts `text` and previews its draft, timed.
fn page(addr: &str, source: &str, text: &str) {
    let request = serde_json::json!({ "text": text }).to_string();
    let (times, answer) = timed(addr, "/api/extract", &request);
    let v: serde_json::Value = serde_json::from_slice(&answer).expect("JSON");
    let mentions = v["mentions"].as_array().map_or(0, Vec::len);
    let stops = v["draft"]["trips"][0]["stops"]
        .as_array()
        .map_or(0, Vec::len);
    println!(
        "{source}: {} bytes, {mentions} mentions, a draft of {stops} stops",
        text.len()
    );
    report("  extract (POST /api/extract)", times);
    for (w, h) in [("1200", "800"), ("1600", "1000")] {
        let preview = serde_json::json!({
            "draft": v["draft"],
            "options": {"width": w, "height": h},
        })
        .to_string();
        let (times, _) = timed(addr, "/api/preview", &preview);
        report(&format!("  preview {w} x {h} (POST /api/preview)"), times);
    }
}
