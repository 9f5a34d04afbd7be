//! Routes for the exporters' tests, and a writer that fails as a closed pipe does.

use std::io::{self, Write};

use crate::route::{Route, build};
use crate::trip::{Mode, Stop, Trip, TripKind};

pub(crate) fn stop(label: &str, lat: f64, lon: f64, date: Option<&str>) -> Stop {
    Stop {
        label: label.into(),
        place: None,
        lat,
        lon,
        date: date.map(|d| d.parse().expect("a test date")),
        note: None,
        mode: None,
    }
}

pub(crate) fn route(name: &str, color: &str, stops: Vec<Stop>) -> Route {
    build(&Trip {
        name: name.into(),
        color: color.parse().expect("a colour"),
        mode: Mode::Rail,
        stops,
        kind: TripKind::Journey,
    })
}

/// A group of places (GPS waypoints): no legs.
pub(crate) fn places(name: &str, stops: Vec<Stop>) -> Route {
    build(&Trip {
        name: name.into(),
        color: crate::trip::Rgb::new(0xd5, 0x5e, 0x00),
        mode: Mode::Unknown,
        stops,
        kind: TripKind::Places,
    })
}

/// Kim Jong-il's 2011 train journey (dates as reported), given as coordinates.
pub(crate) fn kim() -> Route {
    route(
        "Kim 2011",
        "#c0392b",
        vec![
            stop("Khasan", 42.42387, 130.65156, Some("2011-08-20")),
            stop("Ussuriysk", 43.80467, 131.95734, Some("2011-08-21")),
            stop("Ulan-Ude", 51.82648, 107.59979, Some("2011-08-24")),
        ],
    )
}

/// A leg across the antimeridian.
pub(crate) fn bering() -> Route {
    route(
        "Bering",
        "#0072b2",
        vec![
            stop("Anadyr", 64.73424, 177.5103, None),
            stop("Nome", 64.5011, -165.40637, None),
        ],
    )
}

/// A writer whose reader went away, as `itinera ... | head` makes stdout.
pub(crate) struct BrokenPipe;

impl Write for BrokenPipe {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::ErrorKind::BrokenPipe.into())
    }
    fn flush(&mut self) -> io::Result<()> {
        Err(io::ErrorKind::BrokenPipe.into())
    }
}
