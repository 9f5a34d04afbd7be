//! FNV-1a hashing for the geoparser's short-lived maps: names and offsets hash in a few
//! instructions, where the standard library's SipHash (built against hash flooding, which a
//! per-document map does not need: its size is bounded by the document) costs far more.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The FNV-1a state.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }

    fn write_usize(&mut self, n: usize) {
        self.write(&n.to_le_bytes());
    }
}

/// A hash map with FNV-1a hashing.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
/// A hash set with FNV-1a hashing.
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_hash_alike_and_differing_keys_apart() {
        let mut m: FastMap<&str, usize> = FastMap::default();
        m.insert("Khasan", 1);
        m.insert("Khasan", 2);
        m.insert("Kazan", 3);
        assert_eq!(
            (m.len(), m.get("Khasan"), m.get("Kazan")),
            (2, Some(&2), Some(&3))
        );
        let s: FastSet<usize> = [0, 8, 0].into_iter().collect();
        assert_eq!(s.len(), 2);
    }
}
