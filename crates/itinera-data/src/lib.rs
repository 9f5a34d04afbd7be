//! The data itinera carries, compiled into the binary: the gazetteer and its name index (built
//! by `build.rs` from `geodata/places.tsv.gz`), region and country tables, the Natural Earth
//! basemap, the feature-designator table and the fonts. Nothing is read at run time.
//!
//! A crate of its own so that editing the library does not re-emit ~60 MB of statics into its
//! metadata, and the index is rebuilt only when the data or the name folding change.
//! The folding lives here too ([`normalize`]): the index and the lookups must fold alike.

pub mod normalize;

// The build script's decoder and cutter, compiled here too so that their unit tests run.
#[cfg(test)]
#[path = "../build/antimeridian.rs"]
mod antimeridian;
#[cfg(test)]
#[path = "../build/topojson.rs"]
mod topojson;

/// The gazetteer: the place table and its indexes (see `build.rs` for their layout).
pub mod gazetteer {
    /// The place rows, tab-separated, without the header line; a place is its line's offset.
    pub static PLACES: &str = include_str!(concat!(env!("OUT_DIR"), "/places.tsv"));
    /// Folded names to posting lists.
    pub static EXACT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/exact.fst"));
    /// Loosely folded names to posting lists.
    pub static LOOSE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/loose.fst"));
    /// Airport codes (IATA, ICAO) as written, to posting lists.
    pub static CODES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/codes.fst"));
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
    /// Names by language for `--label-lang` and countries' short English labels
    /// (`geodata/label_names.tsv`, from `geodata/derive_lang.py`): CLDR, Natural Earth.
    pub static LABEL_NAMES: &str = include_str!("../../../geodata/label_names.tsv");
    /// Traditional Han characters and their simplified forms; an empty form marks a Japanese
    /// one (`geodata/simplified.tsv`, from OpenCC's tables).
    pub static SIMPLIFIED: &str = include_str!("../../../geodata/simplified.tsv");
}

/// Natural Earth land, land borders, lakes and rivers at three scales, decoded from the
/// TopoJSON of `geodata/basemap/` and cut at ±180° by `build.rs`; the layout is documented in
/// `build/basemap.rs` and read by the library's `basemap` module.
pub mod basemap {
    /// 1:110m.
    pub static SCALE_110M: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/basemap-110m.bin"));
    /// 1:50m.
    pub static SCALE_50M: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/basemap-50m.bin"));
    /// 1:10m (lakes and rivers from 1:50m).
    pub static SCALE_10M: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/basemap-10m.bin"));
    /// First-level boundary lines (states, provinces, oblasts, krais), Natural Earth 1:10m
    /// simplified to 0.01° (`geodata/derive_admin1.py`): `ITA1`, u32 count, then per line its
    /// box (4 × f32: west, south, east, north), u32 point count and lon/lat f32 pairs,
    /// little-endian.
    pub static ADMIN1_LINES: &[u8] = include_bytes!("../../../geodata/basemap/admin1-lines.bin");
}

/// Noto Sans (SIL Open Font License).
pub mod fonts {
    /// Regular weight.
    pub static REGULAR: &[u8] = include_bytes!("../../../geodata/fonts/NotoSans_400Regular.ttf");
    /// Bold weight.
    pub static BOLD: &[u8] = include_bytes!("../../../geodata/fonts/NotoSans_700Bold.ttf");
    /// Noto Sans Arabic, regular (Debian `fonts-noto-core`).
    pub static ARABIC: &[u8] = include_bytes!("../../../geodata/fonts/NotoSansArabic-Regular.ttf");
    /// Noto Sans Hebrew, regular.
    pub static HEBREW: &[u8] = include_bytes!("../../../geodata/fonts/NotoSansHebrew-Regular.ttf");
    /// Noto Sans Devanagari, regular.
    pub static DEVANAGARI: &[u8] =
        include_bytes!("../../../geodata/fonts/NotoSansDevanagari-Regular.ttf");
    /// Noto Sans Thai, regular.
    pub static THAI: &[u8] = include_bytes!("../../../geodata/fonts/NotoSansThai-Regular.ttf");
    /// Noto Sans CJK SC, regular, subset to kana, KS X 1001 Hangul and the level-1 hanzi and
    /// kanji of GB 2312 and JIS X 0208 (`geodata/fonts/derive_scripts.sh`).
    pub static CJK: &[u8] =
        include_bytes!("../../../geodata/fonts/NotoSansCJKsc-Regular-subset.otf");
    /// The faces for the other scripts of the gazetteer's names, each a subset to the
    /// characters the names use that no face before it has (`geodata/fonts/derive_scripts.sh`),
    /// in that order: family name and font program. The last holds the Han characters and
    /// Hangul syllables beyond [`CJK`].
    pub static SCRIPTS: &[(&str, &[u8])] = {
        macro_rules! face {
            ($family:literal, $file:literal) => {
                (
                    $family,
                    include_bytes!(concat!("../../../geodata/fonts/scripts/", $file)),
                )
            };
        }
        &[
            face!("Noto Sans Georgian", "NotoSansGeorgian-Regular-subset.ttf"),
            face!("Noto Sans Armenian", "NotoSansArmenian-Regular-subset.ttf"),
            face!("Noto Sans Ethiopic", "NotoSansEthiopic-Regular-subset.ttf"),
            face!("Noto Sans Tamil", "NotoSansTamil-Regular-subset.ttf"),
            face!("Noto Sans Bengali", "NotoSansBengali-Regular-subset.ttf"),
            face!("Noto Sans Sinhala", "NotoSansSinhala-Regular-subset.ttf"),
            face!("Noto Sans Khmer", "NotoSansKhmer-Regular-subset.ttf"),
            face!("Noto Sans Lao", "NotoSansLao-Regular-subset.ttf"),
            face!("Noto Sans Myanmar", "NotoSansMyanmar-Regular-subset.ttf"),
            face!("Noto Serif Tibetan", "NotoSerifTibetan-Regular-subset.ttf"),
            face!(
                "Noto Sans Mongolian",
                "NotoSansMongolian-Regular-subset.ttf"
            ),
            face!("Noto Sans Gurmukhi", "NotoSansGurmukhi-Regular-subset.ttf"),
            face!("Noto Sans Gujarati", "NotoSansGujarati-Regular-subset.ttf"),
            face!("Noto Sans Oriya", "NotoSansOriya-Regular-subset.ttf"),
            face!("Noto Sans Telugu", "NotoSansTelugu-Regular-subset.ttf"),
            face!("Noto Sans Kannada", "NotoSansKannada-Regular-subset.ttf"),
            face!(
                "Noto Sans Malayalam",
                "NotoSansMalayalam-Regular-subset.ttf"
            ),
            face!("Noto Sans Syriac", "NotoSansSyriac-Regular-subset.ttf"),
            face!("Noto Sans Thaana", "NotoSansThaana-Regular-subset.ttf"),
            face!("Noto Sans NKo", "NotoSansNKo-Regular-subset.ttf"),
            face!("Noto Sans Tifinagh", "NotoSansTifinagh-Regular-subset.ttf"),
            face!("Noto Sans Ol Chiki", "NotoSansOlChiki-Regular-subset.ttf"),
            face!("Noto Sans Chakma", "NotoSansChakma-Regular-subset.ttf"),
            face!("Noto Sans Cherokee", "NotoSansCherokee-Regular-subset.ttf"),
            face!(
                "Noto Sans Canadian Aboriginal",
                "NotoSansCanadianAboriginal-Regular-subset.ttf"
            ),
            face!("Noto Sans Vai", "NotoSansVai-Regular-subset.ttf"),
            face!("Noto Sans Yi", "NotoSansYi-Regular-subset.ttf"),
            face!(
                "Noto Sans Meetei Mayek",
                "NotoSansMeeteiMayek-Regular-subset.ttf"
            ),
            face!(
                "Noto Sans Syloti Nagri",
                "NotoSansSylotiNagri-Regular-subset.ttf"
            ),
            face!(
                "Noto Sans New Tai Lue",
                "NotoSansNewTaiLue-Regular-subset.ttf"
            ),
            face!(
                "Noto Sans Sundanese",
                "NotoSansSundanese-Regular-subset.ttf"
            ),
            face!("Noto Sans Javanese", "NotoSansJavanese-Regular-subset.ttf"),
            face!("Noto Sans Batak", "NotoSansBatak-Regular-subset.ttf"),
            face!("Noto Sans Coptic", "NotoSansCoptic-Regular-subset.ttf"),
            face!("Noto Sans Gothic", "NotoSansGothic-Regular-subset.ttf"),
            face!(
                "Noto Sans Old Persian",
                "NotoSansOldPersian-Regular-subset.ttf"
            ),
            face!(
                "Noto Sans Cuneiform",
                "NotoSansCuneiform-Regular-subset.ttf"
            ),
            face!(
                "Noto Serif Nyiakeng Puachue Hmong",
                "NotoSerifNyiakengPuachueHmong-Regular-subset.ttf"
            ),
            face!("Noto Sans CJK SC", "NotoSansCJKsc-Regular-rare.otf"),
        ]
    };
}

/// Feature designators and their kinds (`geodata/features.tsv`).
pub static FEATURES: &str = include_str!("../../../geodata/features.tsv");

/// The geoparser's word lists: function words, titles, organisation heads... (`geodata/words.tsv`).
pub static WORDS: &str = include_str!("../../../geodata/words.tsv");
