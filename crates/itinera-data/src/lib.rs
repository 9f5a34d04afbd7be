//! The data itinera carries, compiled into the binary: the gazetteer and its name index (built
//! by `build.rs` from `geodata/places.tsv.gz`), region and country tables, the Natural Earth
//! basemap, the feature-designator table and the fonts. Nothing is read at run time.
//!
//! A crate of its own so that editing the library does not re-emit ~60 MB of statics into its
//! metadata, and the index is rebuilt only when the data or the name folding change.
//! The folding lives here too ([`normalize`]): the index and the lookups must fold alike.

pub mod normalize;

/// The gazetteer: the place table and its indexes (see `build.rs` for their layout).
pub mod gazetteer {
    /// The place rows, tab-separated, without the header line; a place is its line's offset.
    pub static PLACES: &str = include_str!(concat!(env!("OUT_DIR"), "/places.tsv"));
    /// Folded names to posting lists.
    pub static EXACT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/exact.fst"));
    /// Loosely folded names to posting lists.
    pub static LOOSE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/loose.fst"));
    /// The posting lists, little-endian `u32`s.
    pub static POSTINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/postings.bin"));
    /// Offsets of the largest cities, largest first, then the first area row.
    pub static BIG: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/big.bin"));
    /// Cities by latitude: `f32` latitude and `u32` offset pairs.
    pub static BY_LATITUDE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bylat.bin"));
    /// First-level regions (`geodata/admin1.tsv`).
    pub static ADMIN1: &str = include_str!("../../../geodata/admin1.tsv");
    /// Countries (`geodata/countries.tsv`).
    pub static COUNTRIES: &str = include_str!("../../../geodata/countries.tsv");
}

/// Natural Earth land, country and lake/river layers as TopoJSON, at three scales.
pub mod basemap {
    /// Land, 1:110m.
    pub static LAND_110M: &str = include_str!("../../../geodata/basemap/land-110m.json");
    /// Land, 1:50m.
    pub static LAND_50M: &str = include_str!("../../../geodata/basemap/land-50m.json");
    /// Land, 1:10m.
    pub static LAND_10M: &str = include_str!("../../../geodata/basemap/land-10m.json");
    /// Countries, 1:110m.
    pub static COUNTRIES_110M: &str = include_str!("../../../geodata/basemap/countries-110m.json");
    /// Countries, 1:50m.
    pub static COUNTRIES_50M: &str = include_str!("../../../geodata/basemap/countries-50m.json");
    /// Countries, 1:10m.
    pub static COUNTRIES_10M: &str = include_str!("../../../geodata/basemap/countries-10m.json");
    /// Lakes and rivers, 1:110m.
    pub static WORLD_110M: &str = include_str!("../../../geodata/basemap/world_110m.json");
    /// Lakes and rivers, 1:50m.
    pub static WORLD_50M: &str = include_str!("../../../geodata/basemap/world_50m.json");
}

/// Noto Sans (SIL Open Font License).
pub mod fonts {
    /// Regular weight.
    pub static REGULAR: &[u8] = include_bytes!("../../../geodata/fonts/NotoSans_400Regular.ttf");
    /// Bold weight.
    pub static BOLD: &[u8] = include_bytes!("../../../geodata/fonts/NotoSans_700Bold.ttf");
}

/// Feature designators and their kinds (`geodata/features.tsv`).
pub static FEATURES: &str = include_str!("../../../geodata/features.tsv");

/// The geoparser's word lists: function words, titles, organisation heads... (`geodata/words.tsv`).
pub static WORDS: &str = include_str!("../../../geodata/words.tsv");
