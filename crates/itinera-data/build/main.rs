//! Builds the compiled-in data from committed files of `geodata/`: the gazetteer's name index
//! from `places.tsv.gz` (below), and the basemap decoded from TopoJSON to a compact binary form
//! (`basemap.rs`), so that no run parses JSON.
//!
//! Offline and deterministic: reads only files of this repository and writes into `OUT_DIR`:
//! - `places.tsv`: the decompressed table without its header line; a place is known by the byte
//!   offset of its line;
//! - `exact.fst` / `loose.fst`: maps from folded (and loosely folded) names to a posting list;
//! - `postings.bin`: little-endian `u32`s; a list is its length followed by entries
//!   `offset | (1 << 31 if the key is the place's main name) | (1 << 30 if it is only a
//!   romanisation, an alternate name that `derive.py` marked with a leading `~`)`;
//! - `bylat.bin`: the cities sorted by latitude, as pairs of little-endian `f32` latitude and
//!   `u32` offset, for finding the places near a point;
//! - `codes.fst`: airport codes (IATA `LHR`, ICAO `EGLL`, alternate names that `derive.py`
//!   marked with a leading `#`), as written, to a posting list of `postings.bin`; kept out of
//!   the name maps so that a code is found only as a code, never as a word of running text;
//! - `big.bin`: offsets of the cities of 300,000 people or more, largest first, then the offset
//!   of the first region row (cities come first, then second-level divisions, then regions and
//!   countries).

use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

mod antimeridian;
mod basemap;
mod topojson;

#[path = "../src/normalize.rs"]
#[allow(dead_code)]
mod normalize;

const PRIMARY: u32 = 1 << 31;
const ROMANISED: u32 = 1 << 30;
const OFFSET: u32 = ROMANISED - 1;
/// Cities at least this populous are listed in `big.bin` (context labels on maps).
const BIG_CITY: u64 = 300_000;

fn main() {
    println!("cargo:rerun-if-changed=../../geodata/places.tsv.gz");
    println!("cargo:rerun-if-changed=src/normalize.rs");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=../../geodata/basemap");

    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    basemap::write(&out);
    gazetteer(&out);
}

/// The gazetteer table and its indexes.
fn gazetteer(out: &Path) {
    let gz =
        fs::File::open("../../geodata/places.tsv.gz").expect("geodata/places.tsv.gz is committed");
    let mut text = String::new();
    flate2::read::GzDecoder::new(gz)
        .read_to_string(&mut text)
        .expect("geodata/places.tsv.gz is valid gzip of UTF-8 text");
    let body = match text.find('\n') {
        Some(i) => &text[i + 1..],
        None => "",
    };
    assert!(body.len() < OFFSET as usize, "offsets must fit in 30 bits");

    let mut big: Vec<(u64, u32)> = Vec::new();
    let mut bylat: Vec<(f32, u32)> = Vec::new();
    let mut first_area: Option<u32> = None;
    let mut exact: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut loose: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut codes: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut offset = 0usize;
    for line in body.split_inclusive('\n') {
        let start = offset as u32;
        offset += line.len();
        let cols: Vec<&str> = line.trim_end_matches('\n').split('\t').collect();
        assert!(cols.len() == 9, "bad row at byte {start}: {line}");
        let name = cols[2];
        let population: u64 = cols[7].parse().unwrap_or(0);
        if cols[1] == "city" {
            bylat.push((cols[3].parse().expect("latitude is a number"), start));
            if population >= BIG_CITY {
                big.push((population, start));
            }
        } else if matches!(cols[1], "region" | "country") && first_area.is_none() {
            first_area = Some(start);
        }
        let alts = cols[8].split(',').filter(|a| !a.is_empty());
        for (i, n) in std::iter::once(name).chain(alts).enumerate() {
            if let Some(code) = n.strip_prefix('#') {
                add(&mut codes, code.to_string(), start | PRIMARY);
                continue;
            }
            let (n, flag) = match n.strip_prefix('~') {
                _ if i == 0 => (n, PRIMARY),
                Some(romanised) => (romanised, ROMANISED),
                None => (n, 0),
            };
            let key = normalize::fold(n);
            if key.is_empty() {
                continue;
            }
            let lkey = normalize::loose(&key);
            add(&mut exact, key, start | flag);
            add(&mut loose, lkey, start | flag);
        }
    }

    let mut postings: Vec<u32> = Vec::new();
    let exact_fst = build_fst(&exact, &mut postings);
    let loose_fst = build_fst(&loose, &mut postings);
    let codes_fst = build_fst(&codes, &mut postings);
    let bytes: Vec<u8> = postings.iter().flat_map(|v| v.to_le_bytes()).collect();

    fs::write(out.join("places.tsv"), body).expect("write places.tsv");
    fs::write(out.join("exact.fst"), exact_fst).expect("write exact.fst");
    fs::write(out.join("loose.fst"), loose_fst).expect("write loose.fst");
    fs::write(out.join("codes.fst"), codes_fst).expect("write codes.fst");
    fs::write(out.join("postings.bin"), bytes).expect("write postings.bin");
    bylat.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let bylat: Vec<u8> = bylat
        .iter()
        .flat_map(|(lat, o)| lat.to_le_bytes().into_iter().chain(o.to_le_bytes()))
        .collect();
    fs::write(out.join("bylat.bin"), bylat).expect("write bylat.bin");
    // Largest first; then the offset where regions and countries start (they follow the cities).
    big.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut listing: Vec<u8> = big.iter().flat_map(|(_, o)| o.to_le_bytes()).collect();
    listing.extend_from_slice(&first_area.unwrap_or(body.len() as u32).to_le_bytes());
    fs::write(out.join("big.bin"), listing).expect("write big.bin");
}

/// Adds an entry; a place listed twice under one key keeps one entry with the better flags:
/// primary if either was, romanised only if both were.
fn add(map: &mut BTreeMap<String, Vec<u32>>, key: String, entry: u32) {
    let list = map.entry(key).or_default();
    match list.iter_mut().find(|e| **e & OFFSET == entry & OFFSET) {
        Some(e) => *e = (*e | (entry & PRIMARY)) & (entry | !ROMANISED),
        None => list.push(entry),
    }
}

fn build_fst(map: &BTreeMap<String, Vec<u32>>, postings: &mut Vec<u32>) -> Vec<u8> {
    let mut builder = fst::MapBuilder::memory();
    for (key, list) in map {
        let at = postings.len() as u64;
        postings.push(list.len() as u32);
        postings.extend_from_slice(list);
        builder.insert(key, at).expect("keys arrive sorted");
    }
    builder.into_inner().expect("fst builds in memory")
}
