//! The server as an attacker and a careless client meet it, over raw HTTP on loopback: wrong
//! Host and Origin refused, oversized and slow bodies cut off, every text escaped, no endpoint
//! reading a path the client names, and the server still answering afterwards.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use itinera_serve::{Config, Limits, Server};

/// A server on a free port with `limits`; its `host:port`.
fn start(limits: Limits) -> String {
    let config = Config {
        port: 0,
        limits,
        ..Config::default()
    };
    let server = Server::bind(&config).expect("bind a free port");
    let addr = server.local_addr().to_string();
    server.spawn();
    addr
}

fn start_default() -> String {
    start(Limits::default())
}

/// One answer: status, headers (lower-case names), body.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends `head` (request line and headers, without the blank line) and `body`, reads the answer
/// until the server closes the connection.
fn send_raw(addr: &str, head: &str, body: &[u8]) -> Answer {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut request = format!("{head}\r\nConnection: close\r\n\r\n").into_bytes();
    request.extend_from_slice(body);
    s.write_all(&request).expect("send");
    read_answer(&mut s)
}

fn read_answer(s: &mut TcpStream) -> Answer {
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("an HTTP answer");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .expect("a status line");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let chunked = head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked");
    if chunked {
        body = unchunk(&body);
    }
    Answer {
        status,
        headers,
        body,
    }
}

fn unchunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = raw.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&raw[..eol]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&raw[eol + 2..eol + 2 + size]);
        raw = &raw[eol + 2 + size + 2..];
    }
    out
}

/// The JSON error of an answer: its message and help.
fn error_of(a: &Answer) -> (String, String) {
    assert_eq!(
        a.header("content-type"),
        Some("application/json"),
        "a JSON error: {}",
        a.text()
    );
    let v: serde_json::Value = serde_json::from_slice(&a.body).expect("JSON");
    let text = |k: &str| v["error"][k].as_str().unwrap_or("").to_string();
    assert!(!text("message").is_empty(), "{v}");
    (text("message"), text("help"))
}

fn get(addr: &str, path: &str) -> Answer {
    send_raw(addr, &format!("GET {path} HTTP/1.1\r\nHost: {addr}"), b"")
}

fn post(addr: &str, path: &str, json: &serde_json::Value) -> Answer {
    let body = json.to_string();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\nContent-Type: application/json\r\nContent-Length: {}",
        body.len()
    );
    send_raw(addr, &head, body.as_bytes())
}

fn two_stops(first: &str) -> serde_json::Value {
    serde_json::json!({"title": null, "trips": [{"name": "T", "stops": [
        {"name": first, "lat": 42.43056, "lon": 130.64472},
        {"name": "Ussuriysk", "lat": 43.80291, "lon": 131.94578}]}]})
}

#[test]
fn the_page_and_its_api_answer_with_a_content_security_policy() {
    let addr = start_default();
    let page = get(&addr, "/");
    assert_eq!(page.status, 200);
    let csp = page.header("content-security-policy").expect("a CSP");
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"));
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(page.header("x-frame-options"), Some("DENY"));
    for asset in ["/app.js", "/app.css"] {
        assert_eq!(get(&addr, asset).status, 200, "{asset}");
    }
    let found = get(&addr, "/api/search?q=Khabar");
    assert_eq!(found.status, 200);
    assert!(found.text().contains("Khabarovsk"), "{}", found.text());
}

#[test]
fn a_wrong_host_is_refused_and_localhost_names_are_not() {
    let addr = start_default();
    let port = addr.rsplit(':').next().unwrap();
    // A DNS-rebinding page reaches 127.0.0.1 under its own name.
    for host in [
        "evil.example",
        "evil.example:80",
        &format!("attacker.test:{port}"),
    ] {
        let a = send_raw(&addr, &format!("GET / HTTP/1.1\r\nHost: {host}"), b"");
        assert_eq!(a.status, 403, "Host {host}");
        assert!(a.text().contains("own address"), "{}", a.text());
    }
    let none = send_raw(&addr, "GET / HTTP/1.0", b"");
    assert_eq!(none.status, 403, "no Host at all");
    for host in [
        format!("localhost:{port}"),
        format!("LOCALHOST:{port}"),
        addr.clone(),
    ] {
        let a = send_raw(&addr, &format!("GET / HTTP/1.1\r\nHost: {host}"), b"");
        assert_eq!(a.status, 200, "Host {host}");
    }
}

#[test]
fn a_request_from_another_origin_is_refused() {
    let addr = start_default();
    let body = serde_json::json!({"text": "Khasan"}).to_string();
    for (origin, site, status) in [
        ("http://evil.example", "cross-site", 403),
        ("null", "cross-site", 403),
        (&format!("https://{addr}") as &str, "same-origin", 403),
        (&format!("http://{addr}") as &str, "cross-site", 403),
        (&format!("http://{addr}") as &str, "same-origin", 200),
    ] {
        let head = format!(
            "POST /api/extract HTTP/1.1\r\nHost: {addr}\r\nOrigin: {origin}\r\nSec-Fetch-Site: {site}\r\nContent-Type: application/json\r\nContent-Length: {}",
            body.len()
        );
        let a = send_raw(&addr, &head, body.as_bytes());
        assert_eq!(a.status, status, "Origin {origin}, {site}: {}", a.text());
    }
    // A form post (no JSON) is not read either.
    let head = format!(
        "POST /api/extract HTTP/1.1\r\nHost: {addr}\r\nContent-Type: text/plain\r\nContent-Length: {}",
        body.len()
    );
    let a = send_raw(&addr, &head, body.as_bytes());
    assert_eq!(a.status, 415);
    assert!(error_of(&a).1.contains("application/json"));
}

#[test]
fn an_oversized_body_gets_413_and_the_server_goes_on() {
    let addr = start(Limits {
        body_bytes: 64 << 10,
        ..Limits::default()
    });
    // Told up front.
    let big = "x".repeat(100 << 10);
    let body = serde_json::json!({ "text": big });
    let a = post(&addr, "/api/extract", &body);
    assert_eq!(a.status, 413);
    assert!(error_of(&a).1.contains("4 MiB"), "{}", a.text());
    // Not told: a chunked body that grows past the limit.
    let mut s = TcpStream::connect(&addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let head = format!(
        "POST /api/extract HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    );
    s.write_all(head.as_bytes()).unwrap();
    let chunk = "a".repeat(16 << 10);
    for _ in 0..8 {
        if s.write_all(format!("{:x}\r\n{chunk}\r\n", chunk.len()).as_bytes())
            .is_err()
        {
            break;
        }
    }
    let _ = s.write_all(b"0\r\n\r\n");
    assert_eq!(read_answer(&mut s).status, 413);
    assert_eq!(get(&addr, "/").status, 200, "still answering");
}

#[test]
fn a_slow_body_times_out() {
    let addr = start(Limits {
        request_time: Duration::from_millis(800),
        ..Limits::default()
    });
    let mut s = TcpStream::connect(&addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let head = format!(
        "POST /api/extract HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n{{\"text\": \"Kha"
    );
    let started = Instant::now();
    s.write_all(head.as_bytes()).unwrap();
    let a = read_answer(&mut s);
    assert_eq!(a.status, 408);
    assert!(error_of(&a).1.contains("10 seconds"), "{}", a.text());
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(get(&addr, "/").status, 200, "still answering");
}

#[test]
fn trickled_headers_and_too_many_connections_are_cut_off() {
    let addr = start(Limits {
        header_time: Duration::from_millis(500),
        connections: 4,
        ..Limits::default()
    });
    // Slowloris: headers that never end hold no connection for long.
    let mut s = TcpStream::connect(&addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let started = Instant::now();
    s.write_all(format!("GET / HTTP/1.1\r\nHost: {addr}\r\nX-A: ").as_bytes())
        .unwrap();
    let mut rest = Vec::new();
    let _ = s.read_to_end(&mut rest);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "closed after {:?}",
        started.elapsed()
    );
    // Connections past the cap are closed at once; the server answers when they are gone.
    let held: Vec<TcpStream> = (0..4).map(|_| TcpStream::connect(&addr).unwrap()).collect();
    std::thread::sleep(Duration::from_millis(100));
    let mut extra = TcpStream::connect(&addr).unwrap();
    extra
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let _ = extra.write_all(format!("GET / HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes());
    let mut got = Vec::new();
    let _ = extra.read_to_end(&mut got);
    assert!(got.is_empty(), "a fifth connection was served");
    drop(held);
    std::thread::sleep(Duration::from_millis(700));
    assert_eq!(get(&addr, "/").status, 200, "answering again");
}

#[test]
fn a_stop_named_like_markup_is_text_everywhere() {
    let addr = start_default();
    let evil = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    let request =
        serde_json::json!({"draft": two_stops(evil), "options": {"width": "600", "height": "400"}});
    let a = post(&addr, "/api/preview", &request);
    assert_eq!(a.status, 200, "{}", a.text());
    let v: serde_json::Value = serde_json::from_slice(&a.body).unwrap();
    let svg = v["svg"].as_str().unwrap();
    assert!(
        !svg.contains("<script") && !svg.contains("<img"),
        "markup in the SVG"
    );
    assert!(svg.contains("&lt;script&gt;"), "the name is drawn, escaped");
    for format in ["svg", "html", "kml", "gpx"] {
        let mut r = request.clone();
        r["format"] = format.into();
        let d = post(&addr, "/api/download", &r);
        assert_eq!(d.status, 200, "{format}: {}", d.text());
        let text = d.text();
        assert!(
            !text.contains("<script>alert"),
            "{format} holds the markup unescaped"
        );
        assert!(
            !text.contains("<img src=x"),
            "{format} holds the markup unescaped"
        );
    }
}

#[test]
fn no_endpoint_reads_a_path_the_client_names() {
    let addr = start_default();
    for path in [
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/etc/passwd",
        "/assets/app.js",
        "/api/download/../../Cargo.toml",
    ] {
        let a = get(&addr, path);
        assert!(!a.text().contains("root:"), "{path}");
        assert!(
            a.status == 404 || a.status == 405 || a.status == 400,
            "{path}: {}",
            a.status
        );
    }
    // A trip file's name is only its extension's hint; the text is what is read.
    let a = post(
        &addr,
        "/api/trip",
        &serde_json::json!({"name": "/etc/passwd", "text": "Khasan\nUssuriysk\n"}),
    );
    assert!(!a.text().contains("root:"), "{}", a.text());
    // An XML external entity in a KML is not resolved.
    let kml = r#"<?xml version="1.0"?>
<!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>&x;</name><Point><coordinates>130.64,42.43</coordinates></Point></Placemark>
<Placemark><name>B</name><Point><coordinates>131.9,43.8</coordinates></Point></Placemark>
</Document></kml>"#;
    let a = post(
        &addr,
        "/api/trip",
        &serde_json::json!({"name": "trip.kml", "text": kml}),
    );
    assert!(!a.text().contains("root:"), "{}", a.text());
    // A download format is a name from a list, not a path.
    let r = serde_json::json!({"draft": two_stops("Khasan"), "format": "../../etc/passwd"});
    let a = post(&addr, "/api/download", &r);
    assert_eq!(a.status, 400);
    assert!(a.text().contains("no download format"), "{}", a.text());
}

#[test]
fn bad_input_gets_the_libraries_errors_at_line_and_column() {
    let addr = start_default();
    let a = post(
        &addr,
        "/api/trip",
        &serde_json::json!({"name": "trip.toml", "text": "title = \"x\"\n[[trips]]\nname = \"a\"\nstops = [\"Khasan\", 12]\n"}),
    );
    assert_eq!(a.status, 400, "{}", a.text());
    let v: serde_json::Value = serde_json::from_slice(&a.body).unwrap();
    assert_eq!(v["error"]["line"], 4, "{v}");
    assert!(v["error"]["column"].as_u64().unwrap() > 1, "{v}");
    assert_eq!(v["error"]["file"], "trip.toml");
    // An unknown place: the close names in the help.
    let a = get(&addr, "/api/candidates?q=Usuriysk");
    let v: serde_json::Value = serde_json::from_slice(&a.body).unwrap();
    assert!(a.status == 200 || a.status == 400, "{v}");
    // Bad map options name the option.
    let r = serde_json::json!({"draft": two_stops("Khasan"), "options": {"width": "12"}});
    let a = post(&addr, "/api/preview", &r);
    assert_eq!(a.status, 400);
    assert!(a.text().contains("width"), "{}", a.text());
    // Malformed JSON is a 400 or 422, not a crash.
    let head = format!(
        "POST /api/preview HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: 5"
    );
    let a = send_raw(&addr, &head, b"{\"dra");
    assert_eq!(a.status, 400);
    assert!(error_of(&a).0.contains("JSON"), "{}", a.text());
    // JSON of the wrong shape is bad input too, said as JSON.
    let a = post(&addr, "/api/extract", &serde_json::json!({"text": 5}));
    assert_eq!(a.status, 400);
    assert!(error_of(&a).0.contains("invalid type"), "{}", a.text());
    // A method an endpoint does not take.
    let a = get(&addr, "/api/extract");
    assert_eq!(a.status, 405);
    error_of(&a);
}

#[test]
fn many_requests_at_once_are_answered_or_turned_away() {
    let addr = start(Limits {
        workers: 1,
        queue_time: Duration::from_millis(200),
        ..Limits::default()
    });
    let request = serde_json::json!({"draft": two_stops("Khasan"), "options": {"width": "1600"}, "format": "png"});
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let addr = addr.clone();
            let request = request.clone();
            std::thread::spawn(move || post(&addr, "/api/download", &request).status)
        })
        .collect();
    let statuses: Vec<u16> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    assert!(
        statuses.iter().all(|s| *s == 200 || *s == 503),
        "{statuses:?}"
    );
    assert!(statuses.contains(&200), "{statuses:?}");
    assert_eq!(get(&addr, "/").status, 200, "still answering");
}
