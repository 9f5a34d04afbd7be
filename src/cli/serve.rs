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
    if let Some(name) = &a.name {
        itinera_serve::check_name(name).map_err(|message| {
            Error::invalid(
                InvalidKind::Value,
                message,
                Some("--name takes the name the page is reached by".into()),
            )
        })?;
    }
    let config = Config {
        host,
        port: a.port,
        name: a.name.clone(),
        ..Config::default()
    };
    let server = Server::bind(&config).map_err(bind_error)?;
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
    let url = server.url();
    eprintln!("itinera: serving the page at {url} (Ctrl-C stops)");
    if a.open && !itinera_serve::open_browser(&url) {
        report::warning("could not start a browser: open the address above", None);
    }
    if let Err(e) = server.run() {
        // The machine failed, not the user's input: exit 1.
        eprintln!("itinera: error: {e}");
        return Ok(Exit::Failure);
    }
    Ok(Exit::Success)
}

/// An address or port that cannot be listened on: the user's to change (exit 2).
fn bind_error(e: itinera_serve::ServeError) -> Error {
    Error::invalid(InvalidKind::Value, e.to_string(), e.help())
}
