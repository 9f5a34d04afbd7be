//! Geodesic distance throughput through the library API, one thread.
//! Run: `cargo bench --bench geodesic`. Target: >= 500k pairs/s (GeographicLib C++ ~690k/s).

use std::hint::black_box;
use std::time::Instant;

use geo::Coord;
use itinera::route::distance;

/// A small deterministic generator (xorshift64*), so every run measures the same pairs.
struct Rng(u64);

impl Rng {
    fn next_f64(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn main() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let n = 1_000_000;
    let pairs: Vec<(Coord, Coord)> = (0..n)
        .map(|_| {
            let mut p = || Coord {
                x: rng.next_f64() * 360.0 - 180.0,
                y: rng.next_f64() * 180.0 - 90.0,
            };
            (p(), p())
        })
        .collect();
    let mut rates = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let mut sum = 0.0;
        for (a, b) in &pairs {
            sum += distance(black_box(*a), black_box(*b));
        }
        black_box(sum);
        rates.push(n as f64 / t.elapsed().as_secs_f64());
    }
    rates.sort_by(f64::total_cmp);
    println!(
        "geodesic distance, {n} random pairs x 5 runs, one thread: median {:.0} pairs/s (min {:.0}, max {:.0})",
        rates[2], rates[0], rates[4]
    );
}
