//! `itinera serve`: the newsroom page. A local web server (axum on tokio) with the whole app
//! compiled in: paste an article or a trip file, fix the places, get the map and the files.
//!
//! - [`api`]: what each endpoint answers, as functions of its request (the library's
//!   geoparser, gazetteer, routes, scene and writers; the same calls as the command line).
//! - [`draft`]: the trips the page edits, and the trip file made from them.
//! - [`server`]: routes, guards (Host and Origin, body size, time, concurrent work) and
//!   security headers.
//!
//! The HTTP API is described in `API.md` beside this crate.
#![deny(missing_docs)]

pub mod api;
pub mod draft;
pub mod server;

use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};

pub use server::Limits;

/// Where and how to serve.
#[derive(Debug, Clone)]
pub struct Config {
    /// The address to listen on: 127.0.0.1 unless the user exposes the page on purpose.
    pub host: IpAddr,
    /// The port (0: any free port).
    pub port: u16,
    /// A name the server also answers to (`--host my-laptop.local`), besides its addresses.
    pub name: Option<String>,
    /// Request limits.
    pub limits: Limits,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 8080,
            name: None,
            limits: Limits::default(),
        }
    }
}

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address could not be bound (in use, not allowed).
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why.
        source: io::Error,
    },
    /// The server failed while running.
    #[error("the server stopped: {0}")]
    Run(#[from] io::Error),
}

impl ServeError {
    /// What the user can do about it: every bind error is the address or port they gave.
    pub fn help(&self) -> Option<String> {
        let ServeError::Bind { source, .. } = self else {
            return None;
        };
        Some(
            match source.kind() {
                io::ErrorKind::AddrInUse => {
                    "another program uses that port: give another with --port"
                }
                io::ErrorKind::AddrNotAvailable => {
                    "that address is not one of this machine's: leave out --host, or give 0.0.0.0"
                }
                io::ErrorKind::PermissionDenied => {
                    "ports below 1024 need administrator rights: give --port 8080 or another"
                }
                _ => "give another --host or --port",
            }
            .to_string(),
        )
    }

    /// Whether the user's address or port is at fault (rather than the machine).
    pub fn is_bad_input(&self) -> bool {
        matches!(self, ServeError::Bind { .. })
    }
}

/// Checks a host name given with `--name`: letters, digits, hyphens and dots (a DNS name), or
/// an IP address.
///
/// # Errors
/// A sentence saying what is wrong.
pub fn check_name(name: &str) -> Result<(), String> {
    if name
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<IpAddr>()
        .is_ok()
    {
        return Ok(());
    }
    let labels_ok = !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    if labels_ok {
        Ok(())
    } else {
        Err(format!(
            "`{name}` is not a host name: letters, digits, hyphens and dots, such as my-laptop.local"
        ))
    }
}

/// A server bound to its address, not yet answering.
#[derive(Debug)]
pub struct Server {
    listener: TcpListener,
    addr: SocketAddr,
    hosts: Vec<String>,
    limits: Limits,
}

impl Server {
    /// Binds the address of `config`.
    ///
    /// # Errors
    /// [`ServeError::Bind`] when the address cannot be bound.
    pub fn bind(config: &Config) -> Result<Server, ServeError> {
        let wanted = SocketAddr::new(config.host, config.port);
        let bind = |e| ServeError::Bind {
            addr: wanted,
            source: e,
        };
        let listener = TcpListener::bind(wanted).map_err(bind)?;
        listener.set_nonblocking(true).map_err(bind)?;
        let addr = listener.local_addr().map_err(bind)?;
        let port = addr.port();
        // Any IP address with the port is answered (see `server`); of names, `localhost`.
        let mut hosts = vec![format!("localhost:{port}")];
        if let Some(name) = &config.name {
            hosts.push(format!("{name}:{port}"));
        }
        Ok(Server {
            listener,
            addr,
            hosts,
            limits: config.limits.clone(),
        })
    }

    /// The address it listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The page's address (on this machine, for a server listening on every address).
    pub fn url(&self) -> String {
        let mut addr = self.addr;
        if addr.ip().is_unspecified() {
            addr.set_ip(IpAddr::V4(Ipv4Addr::LOCALHOST));
        }
        format!("http://{addr}/")
    }

    /// Answers requests until the process is interrupted (Ctrl-C).
    ///
    /// # Errors
    /// [`ServeError::Run`] when the runtime or the listener fails.
    pub fn run(self) -> Result<(), ServeError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()?;
        runtime.block_on(async move {
            let app = server::router(&self.hosts, self.addr.port(), &self.limits);
            let listener = tokio::net::TcpListener::from_std(self.listener)?;
            let stop = async {
                let _ = tokio::signal::ctrl_c().await;
            };
            server::serve(listener, app, &self.limits, stop).await;
            Ok::<(), io::Error>(())
        })?;
        Ok(())
    }

    /// Answers requests on a thread of its own, for as long as the process runs (tests and
    /// embedding). Returns the page's address.
    pub fn spawn(self) -> String {
        let url = self.url();
        std::thread::spawn(move || self.run());
        url
    }
}

/// Opens `url` in the desktop's browser; false when no opener could be started.
pub fn open_browser(url: &str) -> bool {
    let opener: &[&str] = if cfg!(target_os = "macos") {
        &["open"]
    } else if cfg!(windows) {
        &["cmd", "/C", "start", ""]
    } else {
        &["xdg-open"]
    };
    std::process::Command::new(opener[0])
        .args(&opener[1..])
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_ok()
}
