//! `itinera serve`: the newsroom page on a local web server (the `itinera-serve` crate).

use itinera::{Error, InvalidKind};
use itinera_serve::{Config, Server};

use super::run::Outcome;
use super::{Exit, ServeArgs, report};

pub fn serve(a: ServeArgs) -> Outcome {
    let host = a.host.parse().map_err(|_| {
        Error::invalid(
            InvalidKind::Value,
            format!("`{}` is not an IP address", a.host),
            Some(
                "give 127.0.0.1 (this machine only), 0.0.0.0 or an address of this machine".into(),
            ),
        )
    })?;
    let config = Config {
        host,
        port: a.port,
        name: a.name.clone(),
        ..Config::default()
    };
    if !config.host.is_loopback() {
        report::warning(
            &format!(
                "serving on {host}: anyone who can reach this machine can use the page; \
                 leave out --host to keep it on this machine (requests must name the \
                 server by an IP address, or by a name given with --name)"
            ),
            None,
        );
    }
    let server = match Server::bind(&config) {
        Ok(s) => s,
        Err(e) => return Err(serve_error(e)),
    };
    let url = server.url();
    eprintln!("itinera: serving the page at {url} (Ctrl-C stops)");
    if a.open && !itinera_serve::open_browser(&url) {
        report::warning("could not start a browser: open the address above", None);
    }
    server.run().map_err(serve_error)?;
    Ok(Exit::Success)
}

/// A server failure as the command's error: a port in use is the user's to change (exit 2).
fn serve_error(e: itinera_serve::ServeError) -> super::run::Failure {
    let help = e.help();
    let kind = if help.is_some() {
        Error::invalid(InvalidKind::Value, e.to_string(), help)
    } else {
        Error::Write {
            path: "<server>".into(),
            source: std::io::Error::other(e.to_string()),
        }
    };
    kind.into()
}
