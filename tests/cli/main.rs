#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Integration tests of the `itinera` binary: one file per subcommand, plus bad input and the
//! bundled examples.

mod catalogue;
mod errors;
mod examples;
mod export;
mod extract;
mod formats;
mod geocode;
mod geopackage;
mod harness;
mod html;
mod interchange;
mod label_lang;
mod others;
mod render;
mod route;
mod serve;
mod symbols;
