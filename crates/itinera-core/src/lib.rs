//! itinera turns news about journeys into maps and numbers, offline.
//!
//! The pipeline flows one way; each module owns one step:
//!
//! ```text
//! text --geoparse::Geoparser::extract--> mentions (places, distance claims) --draft_trip--> TripPlan
//! trip file / place names --formats::read_trips--> TripPlan --trip::resolve(&Gazetteer)--> Vec<Trip>
//! Trip --route::build--> Route (legs: geodesic metres, bearing, densified line split at ±180°)
//! &[Route] --scene::build--> Scene --render::{png, svg, pdf} / export::html--> map
//! &[Route] --formats::EXPORTS (GeoJSON, KML, GPX, CSV, HTML, GeoPackage)--> impl Write --output::Outputs--> files
//! ```
//!
//! ```
//! use itinera::{Gazetteer, TripPlan, route, trip};
//!
//! let plan = TripPlan::from_names(&["Khasan", "Ussuriysk", "Ulan-Ude"]);
//! let trips = trip::resolve(&plan, Gazetteer::bundled(), &trip::ResolveOptions::default())?;
//! let routes: Vec<_> = trips.trips.iter().map(route::build).collect();
//! assert_eq!(routes[0].legs.len(), 2);
//! assert!((routes[0].legs[0].metres - 186_612.252).abs() < 0.001);
//! # Ok::<(), itinera::Error>(())
//! ```
//!
//! - [`Gazetteer`]: the bundled place names, ranked lookups and suggestions.
//! - [`TripPlan`] / [`Trip`]: a trip file as written, and its stops resolved to coordinates.
//! - [`Route`] / [`Leg`]: geodesic distances, bearings and lines.
//! - [`geoparse`]: place names and distance claims found in text, resolved, evaluated.
//! - [`scene`] / [`render`]: the map laid out (projection, layers, labels, legend), then drawn
//!   as PNG, SVG, PDF or an interactive HTML page.
//! - [`export`]: GeoJSON (RFC 7946), KML, GPX and CSV writers.
//! - [`formats`]: the registry of every format read and written (trip files, exports with
//!   GeoPackage, map images): names, extensions, sniffing, what each leaves out.
//! - [`output`]: every output written all-or-nothing, atomically.
//! - [`records`]: results as serialisable records, as the command line and Python give them.
//! - [`Error`]: everything that can go wrong, with [`Error::is_bad_input`] for exit codes.
#![deny(missing_docs)]

pub mod basemap;
mod bbox;
mod error;
pub mod export;
pub mod formats;
pub mod gazetteer;
pub mod geoparse;
mod markup;
pub mod output;
pub mod records;
pub mod render;
pub mod route;
pub mod scene;
pub mod source;
pub mod trip;

pub use error::{Error, InvalidKind, Result};
pub use gazetteer::{Candidate, Gazetteer, MatchKind, Place, PlaceKind};
pub use route::{BoundingBox, Leg, Route, Units};
pub use source::{Location, SourceFile};
pub use trip::{Stop, Trip, TripKind, TripPlan};
