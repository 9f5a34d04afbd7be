//! Geoparsing stays linear in the document whatever its shape (issue 28, defect 3). The input
//! is cut into a short text made of news pieces (names, capitalised words, punctuation, line
//! breaks); that text repeated to about 16 KiB and to about 64 KiB is geoparsed, and the four
//! times larger document may take at most eight times as long (linear work takes four times;
//! work quadratic in a run of names took sixteen), plus 20 ms for the noise of a busy machine.
//! Run built with `-O --sanitizer none`, on a quiet machine. Check what it flags with callgrind
//! (`valgrind --tool=callgrind itinera extract` on the text at two sizes): instruction counts
//! do not depend on the load. Quadratic shapes it found: ", Dublin, Ga." repeated (fixed).
#![no_main]

use std::time::{Duration, Instant};

use itinera::geoparse::Geoparser;
use libfuzzer_sys::fuzz_target;

const PIECES: &[&str] = &[
    "Paris",
    "Moscow",
    "Khasan",
    "Ussuriysk",
    "Texas",
    "Georgia",
    "Lake",
    "River",
    "County",
    "University",
    "of",
    "the",
    "in",
    "and",
    "President",
    "Kim",
    "Mr",
    "St.",
    "North",
    "New",
    "York",
    "Springfield",
    "Alpha",
    "Bravo",
    "Charlie",
    "Xq",
    " ",
    " ",
    " ",
    ", ",
    ". ",
    "\n",
    "—",
    "’s",
    "(",
    ")",
    "“",
    "”",
    "KHASAN, Russia —",
    "Dublin, Ga.",
    "Primorsky Krai",
    "Москва",
    "北京",
    "12",
    "186 km",
];

fn time(p: &mut Geoparser, text: &str) -> Duration {
    let t = Instant::now();
    std::hint::black_box(p.extract(text));
    t.elapsed()
}

fuzz_target!(|data: &[u8]| {
    if data.is_empty() || data.len() > 64 {
        return;
    }
    let unit: String = data
        .iter()
        .map(|b| PIECES[*b as usize % PIECES.len()])
        .collect();
    let small = unit.repeat((16 << 10) / unit.len().max(1) + 1);
    let large = small.repeat(4);
    let mut p = Geoparser::new();
    time(&mut p, &small); // warm caches
    // The fastest of three runs each: a busy machine only ever adds time, and it flagged a
    // linear text (callgrind, which load does not disturb, counted it linear).
    let fastest = |p: &mut Geoparser, t: &str| (0..3).map(|_| time(p, t)).min().unwrap_or_default();
    let (a, b) = (fastest(&mut p, &small), fastest(&mut p, &large));
    assert!(
        b <= a * 8 + Duration::from_millis(20),
        "not linear: {:?} for {} bytes, {:?} for {} bytes: {unit:?}",
        a,
        small.len(),
        b,
        large.len()
    );
});
