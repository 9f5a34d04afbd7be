//! The HTTP layer: routes, the guards every request passes (Host and Origin, body size, time,
//! concurrent work) and the headers every response carries (content security policy). The
//! answers themselves are [`crate::api`]'s.

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Query, Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use itinera::geoparse::Geoparser;
use serde::Deserialize;
use serde_json::Value;
use tokio::sync::Semaphore;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use crate::api::{self, Failure};

/// The page, its script and its style, compiled in.
const INDEX: &str = include_str!("../assets/index.html");
const SCRIPT: &str = include_str!("../assets/app.js");
const STYLE: &str = include_str!("../assets/app.css");

/// What the page may load and run: its own script and style, images it makes (the map
/// preview is a `blob:` SVG), requests to this server only; no frames, no forms elsewhere.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
    img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; form-action 'none'; \
    frame-ancestors 'none'; base-uri 'none'";

/// Limits a server holds requests to.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest request body, bytes.
    pub body_bytes: usize,
    /// Longest time to answer a request, body included.
    pub request_time: Duration,
    /// Most requests at work at once (maps, extraction); more wait.
    pub workers: usize,
    /// Longest wait for a worker before a 503.
    pub queue_time: Duration,
    /// Longest time a client may take to send a request's headers (a connection that trickles
    /// them, or sits idle, is closed).
    pub header_time: Duration,
    /// Most connections open at once; more are closed as they come.
    pub connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            body_bytes: 4 << 20,
            request_time: Duration::from_secs(10),
            workers: std::thread::available_parallelism().map_or(2, |n| n.get()),
            queue_time: Duration::from_secs(5),
            header_time: Duration::from_secs(5),
            connections: 512,
        }
    }
}

/// What the handlers share.
struct Shared {
    /// `Host` names the server answers to (lower case, with the port).
    hosts: HashSet<String>,
    /// Its port: any IP address with this port is a `Host` it answers to (an address, unlike
    /// a name, cannot be rebound to another machine by DNS).
    port: u16,
    /// Work permits.
    work: Semaphore,
    queue_time: Duration,
}

impl Shared {
    /// Whether `host` (`name:port`, lower case) is this server: a name it was given, or an IP
    /// address with its port.
    fn answers_to(&self, host: &str) -> bool {
        if self.hosts.contains(host) {
            return true;
        }
        let Some((name, port)) = host.rsplit_once(':') else {
            return false;
        };
        let ip = name.trim_start_matches('[').trim_end_matches(']');
        port.parse() == Ok(self.port) && ip.parse::<std::net::IpAddr>().is_ok()
    }
}

/// An error answer in the page's JSON shape.
fn refuse(status: StatusCode, message: &str, help: Option<&str>) -> Response {
    let body = serde_json::json!({ "error": { "message": message, "help": help } });
    (status, Json(body)).into_response()
}

/// A failure of the library as an answer: 400 for bad input, 500 otherwise.
fn failed(f: &Failure) -> Response {
    let status = if f.is_bad_input() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::INTERNAL_SERVER_ERROR
    };
    (status, Json(f.body())).into_response()
}

/// Refuses a request whose `Host` is not this server's (a DNS-rebinding page that resolved
/// its own name to 127.0.0.1), or whose `Origin` is another site's.
async fn guard(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_ascii_lowercase);
    if !host.is_some_and(|h| shared.answers_to(&h)) {
        return refuse(
            StatusCode::FORBIDDEN,
            "this server answers only to its own address",
            Some("open the address `itinera serve` printed"),
        );
    }
    if let Some(origin) = request.headers().get(header::ORIGIN) {
        let ok = origin
            .to_str()
            .ok()
            .and_then(|o| o.strip_prefix("http://"))
            .is_some_and(|o| shared.answers_to(&o.to_ascii_lowercase()));
        if !ok {
            return refuse(
                StatusCode::FORBIDDEN,
                "requests from other sites are refused",
                None,
            );
        }
    }
    let cross = request
        .headers()
        .get("sec-fetch-site")
        .is_some_and(|v| v.as_bytes() == b"cross-site" || v.as_bytes() == b"same-site");
    if cross {
        return refuse(
            StatusCode::FORBIDDEN,
            "requests from other sites are refused",
            None,
        );
    }
    next.run(request).await
}

/// Runs `work` on a blocking thread once a worker is free: 503 when none frees in time.
async fn at_work<T, F>(shared: &Shared, work: F) -> Result<T, Response>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let permit = tokio::time::timeout(shared.queue_time, shared.work.acquire()).await;
    let Ok(Ok(_permit)) = permit else {
        return Err(refuse(
            StatusCode::SERVICE_UNAVAILABLE,
            "the server is busy",
            Some("try again in a moment"),
        ));
    };
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|_| refuse(StatusCode::INTERNAL_SERVER_ERROR, "the work failed", None))
}

/// [`at_work`] for an endpoint that answers JSON: the value, or the failure's JSON error.
async fn json_work<F>(shared: &Shared, work: F) -> Response
where
    F: FnOnce() -> api::Answer<Value> + Send + 'static,
{
    match at_work(shared, work).await {
        Ok(Ok(v)) => Json(v).into_response(),
        Ok(Err(f)) => failed(&f),
        Err(r) => r,
    }
}

thread_local! {
    /// One geoparser per worker thread: its cache of readings serves every article.
    static PARSER: RefCell<Geoparser> = RefCell::new(Geoparser::new());
}

async fn extract(
    State(shared): State<Arc<Shared>>,
    Json(request): Json<api::ExtractRequest>,
) -> Response {
    json_work(&shared, move || {
        PARSER.with(|p| api::extract(&mut p.borrow_mut(), &request))
    })
    .await
}

#[derive(Deserialize)]
struct Q {
    q: String,
}

/// The longest query a search box sends, characters.
const MAX_QUERY: usize = 200;

/// [`json_work`] on the text of a query, refused when longer than [`MAX_QUERY`].
async fn json_query<F>(shared: &Shared, q: Q, work: F) -> Response
where
    F: FnOnce(&str) -> api::Answer<Value> + Send + 'static,
{
    if q.q.chars().count() > MAX_QUERY {
        let message = format!("a place name of more than {MAX_QUERY} characters");
        return refuse(StatusCode::BAD_REQUEST, &message, None);
    }
    json_work(shared, move || work(&q.q)).await
}

async fn candidates(State(shared): State<Arc<Shared>>, Query(q): Query<Q>) -> Response {
    json_query(&shared, q, api::candidates).await
}

async fn search(State(shared): State<Arc<Shared>>, Query(q): Query<Q>) -> Response {
    json_query(&shared, q, |text| Ok(api::search(text))).await
}

async fn trip(
    State(shared): State<Arc<Shared>>,
    Json(request): Json<api::TripRequest>,
) -> Response {
    json_work(&shared, move || api::trip(&request)).await
}

async fn preview(
    State(shared): State<Arc<Shared>>,
    Json(request): Json<api::MapRequest>,
) -> Response {
    json_work(&shared, move || api::preview(&request)).await
}

async fn download(
    State(shared): State<Arc<Shared>>,
    Json(request): Json<api::MapRequest>,
) -> Response {
    match at_work(&shared, move || api::download(&request)).await {
        Ok(Ok(d)) => {
            let disposition = api::disposition(&d.file_name);
            let mut r = Response::new(Body::from(d.bytes));
            let h = r.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(d.media_type));
            if let Ok(v) = HeaderValue::from_str(&disposition) {
                h.insert(header::CONTENT_DISPOSITION, v);
            }
            r
        }
        Ok(Err(f)) => failed(&f),
        Err(r) => r,
    }
}

fn asset(media_type: &'static str, text: &'static str) -> Response {
    ([(header::CONTENT_TYPE, media_type)], text).into_response()
}

/// Every error answer as the page reads them, `{"error": {"message", "help"}}`: the
/// framework's and the limits' plain-text answers (bad JSON, 405, 408, 413, 415) too; a body
/// of the wrong shape (422) is a 400 like any other bad input.
async fn json_errors(response: Response) -> Response {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if json {
        return response;
    }
    let status = match status {
        StatusCode::UNPROCESSABLE_ENTITY => StatusCode::BAD_REQUEST,
        s => s,
    };
    let text = axum::body::to_bytes(response.into_body(), 16 << 10)
        .await
        .map(|b| String::from_utf8_lossy(&b).trim().to_string())
        .unwrap_or_default();
    let message = if text.is_empty() {
        status.canonical_reason().unwrap_or("error").to_lowercase()
    } else {
        text
    };
    let help = match status {
        StatusCode::PAYLOAD_TOO_LARGE => Some("the server takes requests of up to 4 MiB"),
        StatusCode::REQUEST_TIMEOUT => {
            Some("a request must arrive and be answered within 10 seconds: send it again")
        }
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            Some("send JSON, with the header Content-Type: application/json")
        }
        _ => None,
    };
    refuse(status, &message, help)
}

async fn not_found() -> Response {
    refuse(StatusCode::NOT_FOUND, "nothing here", Some("open /"))
}

/// The app: the page and its API behind the guards, answering to `hosts` (`host:port`).
pub(crate) fn router(hosts: &[String], port: u16, limits: &Limits) -> Router {
    let shared = Arc::new(Shared {
        hosts: hosts.iter().map(|h| h.to_ascii_lowercase()).collect(),
        port,
        work: Semaphore::new(limits.workers.max(1)),
        queue_time: limits.queue_time,
    });
    let headers = [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::CACHE_CONTROL, "no-store"),
        (
            HeaderName::from_static("cross-origin-resource-policy"),
            "same-origin",
        ),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    let mut app = Router::new()
        .route(
            "/",
            get(|| async { asset("text/html; charset=utf-8", INDEX) }),
        )
        .route(
            "/app.js",
            get(|| async { asset("text/javascript; charset=utf-8", SCRIPT) }),
        )
        .route(
            "/app.css",
            get(|| async { asset("text/css; charset=utf-8", STYLE) }),
        )
        .route("/api/extract", post(extract))
        .route("/api/candidates", get(candidates))
        .route("/api/search", get(search))
        .route("/api/trip", post(trip))
        .route("/api/preview", post(preview))
        .route("/api/download", post(download))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(limits.body_bytes))
        .layer(RequestBodyLimitLayer::new(limits.body_bytes))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            limits.request_time,
        ))
        .layer(middleware::from_fn_with_state(shared.clone(), guard))
        .layer(middleware::map_response(json_errors))
        .with_state(shared);
    for (name, value) in headers {
        app = app.layer(SetResponseHeaderLayer::overriding(
            name,
            HeaderValue::from_static(value),
        ));
    }
    app.layer(CatchPanicLayer::new())
}

/// Serves `app` on `listener` until `stop` completes: each connection on a task of its own,
/// with a time limit on its headers (`Limits::header_time`), at most `Limits::connections`
/// at once. A failed accept (out of file descriptors) waits a moment and goes on.
pub(crate) async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    limits: &Limits,
    stop: impl std::future::Future<Output = ()>,
) {
    use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
    use hyper_util::service::TowerToHyperService;
    let open = Arc::new(Semaphore::new(limits.connections.max(1)));
    let mut stop = std::pin::pin!(stop);
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            () = &mut stop => return,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        // Over the cap: the connection is closed at once (dropped).
        let Ok(permit) = open.clone().try_acquire_owned() else {
            continue;
        };
        let service = TowerToHyperService::new(app.clone());
        let header_time = limits.header_time;
        tokio::spawn(async move {
            let _permit = permit;
            let mut builder = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new());
            builder
                .http1()
                .timer(TokioTimer::new())
                .header_read_timeout(header_time);
            let _ = builder
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}
