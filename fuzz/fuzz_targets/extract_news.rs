//! Fuzzes the geoparser on text shaped like news: every input byte picks a piece of the kind
//! real articles are made of (capitalised place and person names, common words, titles and
//! abbreviations, curly quotes and apostrophes, dashes, no-break spaces, datelines in capitals,
//! currency signs, combining marks, astral-plane letters, right-to-left script, line breaks).
//! Arbitrary bytes almost never make such text; these pieces make it every time.
//! Spans must be in order, on character boundaries, and name the text they cover; draft trips,
//! character offsets and evaluation must not fail.
#![no_main]

use itinera::geoparse::eval::{GoldDoc, Score};
use itinera::geoparse::{self, Geoparser};
use libfuzzer_sys::fuzz_target;

const PIECES: &[&str] = &[
    "Khasan", "Ussuriysk", "Ulan-Ude", "Vladivostok", "Moscow", "Pyongyang", "Paris", "Texas",
    "Kim", "Jong", "Il", "Medvedev", "Sen.", "Gov.", "Mr", "President", "U.S.", "US", "UK",
    "the", "in", "of", "and", "said", "arrived", "virus", "region", "County", "Krai", "Oblast",
    "Cho’ng-il", "Côte d’Ivoire", "L’Aquila", "N’Djamena", "’", "‘", "“", "”", "\"", "'", "—",
    "–", "-", "\u{a0}", " ", " ", " ", "  ", ", ", ". ", "! ", "? ", ": ", "; ", "\n", "\n\n",
    "KHASAN, Russia —", "WASHINGTON —", "Dublin, Ga.", "Charleston, W.Va.", "$", "US$", "€",
    "12", "2011", "186 km", "1,000", "e\u{301}", "\u{301}", "𝕆", "𝐀", "Ⅻ", "שלום", "مرحبا",
    "\u{200f}", "Москва", "서울", "北京", "ß", "İ", "ǅ", "A/California/7/2009", "St.", "Mt.",
    "(", ")", "[", "]", "/", "Yes", "Lake", "River", "North", "southern", "Primorsky Krai",
];

fuzz_target!(|data: &[u8]| {
    let text: String = data
        .iter()
        .map(|b| PIECES[*b as usize % PIECES.len()])
        .collect();
    let mut e = Geoparser::new().extract(&text);
    let mut last = 0;
    for m in &e.mentions {
        assert!(m.start >= last && m.start < m.end && m.end <= text.len());
        assert_eq!(&text[m.start..m.end], m.text);
        last = m.end;
    }
    let _ = geoparse::draft_trip("fuzz", &e.mentions);
    let mut score = Score::default();
    let doc = GoldDoc {
        id: "fuzz".into(),
        text: text.clone(),
        toponyms: Vec::new(),
    };
    score.add(&doc, &e.mentions);
    geoparse::to_char_offsets(&text, &mut e);
});
