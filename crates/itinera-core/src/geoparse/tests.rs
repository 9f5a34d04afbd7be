//! Tests of the geoparser as a whole: what is a mention, what it resolves to.

use super::*;

fn extract(text: &str) -> Extraction {
    Geoparser::new().extract(text)
}

/// The toponyms found: mentions inside names of organisations are left out (their own tests
/// look at them).
fn names(text: &str) -> Vec<(String, String)> {
    extract(text)
        .mentions
        .into_iter()
        .filter(|m| !m.in_name)
        .map(|m| (m.text, m.country))
        .collect()
}

fn texts(text: &str) -> Vec<String> {
    names(text).into_iter().map(|(t, _)| t).collect()
}

#[test]
fn people_and_organisations_are_not_places() {
    let t = "Kim Jong Il met President Medvedev, the Korea Times said. Gazprom officials \
             from Moscow State University attended. Kim later left for Khasan in Russia.";
    assert_eq!(texts(t), ["Khasan", "Russia"]);
}

#[test]
fn common_words_are_not_places() {
    let t = "By the time they arrived, it was May. As planned, Add the notes. The talks began. \
             Be there on Monday, said Police Chief Smith.";
    assert!(texts(t).is_empty(), "{:?}", texts(t));
}

#[test]
fn longest_names_win() {
    let t =
        "The train left Komsomolsk-on-Amur for Ulan-Ude near Lake Baikal, far from North Korea.";
    assert_eq!(
        texts(t),
        [
            "Komsomolsk-on-Amur",
            "Ulan-Ude",
            "Lake Baikal",
            "North Korea"
        ]
    );
}

#[test]
fn regions_and_large_areas_are_mentions() {
    let found = extract("Shipments across Siberia and Russia's Far East reached the Amur region.");
    let kinds: Vec<(&str, SenseKind)> = found
        .mentions
        .iter()
        .map(|m| (m.text.as_str(), m.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Siberia", SenseKind::Area),
            ("Russia", SenseKind::Country),
            ("Far East", SenseKind::Area),
            ("Amur region", SenseKind::Region),
        ]
    );
}

#[test]
fn document_context_picks_the_right_namesake() {
    let texas = "A tornado hit Paris on Friday. Storm chasers drove from Dallas and Sherman, \
                 and the Lamar County sheriff said Paris would need weeks to recover.";
    let paris = &extract(texas).mentions[0];
    assert_eq!(
        (paris.name.as_str(), paris.country.as_str()),
        ("Paris", "US")
    );
    let france = "Paris hosted the summit; delegates later went to Lyon and Marseille.";
    assert_eq!(extract(france).mentions[0].country, "FR");
}

#[test]
fn lists_of_countries_are_not_appositions() {
    // "Iraq, Iran" lists two countries; it does not place a town spelt like Iraq in Iran.
    // "Georgia, U.S." still places the state.
    let found = extract(
        "Neighbours such as Armenia, Georgia, Iraq, Iran, and Syria were warned. \
         Officials in Atlanta, Georgia, U.S., agreed. The forum met in Dar es Salaam, Tanzania.",
    );
    let got: Vec<(&str, &str, SenseKind)> = found
        .mentions
        .iter()
        .map(|m| (m.text.as_str(), m.country.as_str(), m.kind))
        .collect();
    assert_eq!(got[2], ("Iraq", "IQ", SenseKind::Country));
    assert_eq!(got[6], ("Georgia", "US", SenseKind::Region));
    // "es" joins the words of a name like "de" or "al" does.
    assert_eq!(got[8], ("Dar es Salaam", "TZ", SenseKind::City));
}

#[test]
fn appositions_settle_ambiguity() {
    let found = extract("He grew up in Alexandria, Virginia, and later moved to Paris, Texas.");
    let got: Vec<(&str, &str, SenseKind)> = found
        .mentions
        .iter()
        .map(|m| (m.text.as_str(), m.country.as_str(), m.kind))
        .collect();
    assert_eq!(
        got,
        [
            ("Alexandria", "US", SenseKind::City),
            ("Virginia", "US", SenseKind::Region),
            ("Paris", "US", SenseKind::City),
            ("Texas", "US", SenseKind::Region),
        ]
    );
    // The Virginia one, not Alexandria, Louisiana.
    assert!((found.mentions[0].lon - -77.05).abs() < 0.2);
}

#[test]
fn khasan_is_in_russia_when_the_story_is() {
    let t = "KHASAN, Russia — The armoured train crossed from Tumangang in North Korea into \
             Khasan on Saturday, then headed north to Ussuriysk and Vladivostok.";
    let got = names(t);
    assert_eq!(got[0], ("KHASAN".to_string(), "RU".to_string()));
    assert!(got.contains(&("Khasan".to_string(), "RU".to_string())));
    assert!(got.contains(&("Tumangang".to_string(), "KP".to_string())));
}

#[test]
fn offsets_are_bytes_of_the_utf8_text_or_characters() {
    let t = "Über Genève nach Zürich.";
    let mut e = extract(t);
    let z = e.mentions.iter().find(|m| m.text == "Zürich").cloned();
    let z = z.expect("Zürich is found");
    assert_eq!(&t[z.start..z.end], "Zürich");
    to_char_offsets(t, &mut e);
    let zc = e
        .mentions
        .iter()
        .find(|m| m.text == "Zürich")
        .map(|m| (m.start, m.end));
    let chars: Vec<char> = t.chars().collect();
    let (s, en) = zc.unwrap_or_default();
    assert_eq!(chars[s..en].iter().collect::<String>(), "Zürich");
}

#[test]
fn distance_claims_are_checked_against_the_geodesic() {
    let t = "The delegation drove to Ussuriysk, 112 kilometers north of Vladivostok.";
    let e = extract(t);
    assert_eq!(e.claims.len(), 1, "{:?}", e.claims);
    let c = &e.claims[0];
    assert_eq!(
        (c.from.as_str(), c.to.as_str()),
        ("Ussuriysk", "Vladivostok")
    );
    assert!((c.stated_m - 112_000.0).abs() < 1e-6);
    // About 78 km as the crow flies, bearing a little east of north.
    assert!(
        (c.geodesic_m / 1000.0 - 78.0).abs() < 5.0,
        "{}",
        c.geodesic_m
    );
    assert_eq!(c.direction_agrees, Some(true));
}

#[test]
fn empty_and_placeless_text_give_nothing() {
    assert_eq!(extract(""), Extraction::default());
    assert!(
        extract("no capitals here at all, 1 2 3")
            .mentions
            .is_empty()
    );
}

#[test]
fn a_small_town_after_a_verb_of_arrival_is_a_place() {
    // Khasan has a few hundred people: "reached" vouches for it as "in" does.
    for text in [
        "Kim\u{2019}s train reached Khasan.",
        "The train reached Khasan on Saturday.",
        "The leader visited Khasan.",
    ] {
        let e = extract(text);
        assert!(
            e.mentions.iter().any(|m| m.name == "Khasan"),
            "{text}: {:?}",
            e.mentions
        );
    }
}

#[test]
fn draft_trip_lists_cities_in_narrated_order_and_parses() {
    let e = extract(
        "From Khasan the train went to Ussuriysk, back to Khasan, then Ulan-Ude in Russia.",
    );
    let toml = draft_trip("kim", &e.mentions);
    let plan = crate::formats::read_trips(&crate::SourceFile::new("draft.toml", toml));
    let plan = plan.expect("the draft is a valid trip file");
    let stops: Vec<String> = plan.trips[0]
        .stops
        .iter()
        .map(|s| s.name.clone().unwrap_or_default())
        .collect();
    assert_eq!(stops, ["Khasan", "Ussuriysk", "Ulan-Ude"]);
}

#[test]
fn wide_characters_before_a_name_do_not_break_the_scan() {
    // The seed the property test once found, and the sentence that crashed `extract`.
    let _ = extract("𝕆’A ");
    assert_eq!(texts("Kim Cho’ng-il arrived in Khasan."), ["Khasan"]);
    for t in [
        "Côte d’Ivoire",
        "L’Aquila",
        "N’Djamena",
        "“Khasan”",
        "KHASAN\u{a0}— Russia",
        "e\u{301}Khasan",
    ] {
        let _ = extract(t);
    }
    assert_eq!(
        texts("He flew from N’Djamena to Paris."),
        ["N’Djamena", "Paris"]
    );
    // An elided connector joins a name; a contraction is no name ("I’ll" is not "Ill").
    assert_eq!(
        texts("Cholera reached Côte d’Ivoire and Cote d'Ivoire. I’ll go; I've gone."),
        ["Côte d’Ivoire", "Cote d'Ivoire"]
    );
}

#[test]
fn widened_spans_never_overlap() {
    // Found by the news-like fuzzer: a region code read after a comma ("U.S.Mt" folds to
    // Montana's ISO code) overlapped the names inside it, and slicing between them panicked.
    let text = "éParis, U.S.Mt.Paris, U.S.WASHINGTON —U.S., U.S.Mt.Paris, U.S.U.S.Dublin, \
                Ga.Mt.Paris, U.S.ⅫU.S.U.S.éParis, U.S. éParis";
    let e = extract(text);
    let mut last = 0;
    for m in &e.mentions {
        assert!(m.start >= last, "{:?}", e.mentions);
        last = m.end;
    }
    assert!(!texts("Paris, U.S.Mt.Paris").contains(&"U.S.Mt".to_string()));
}

#[test]
fn currencies_germs_and_codes_are_not_places() {
    // A country code in a currency, a place in the name of a germ or a strain.
    let t = "Donors gave US$460 million and $US 1.5 billion. The Marburg virus spread; \
             Marburg kills slowly. The vaccine is A/California/7/2009-like.";
    assert!(texts(t).is_empty(), "{:?}", texts(t));
    // A prominent place keeps its name even when a disease is named after it elsewhere.
    assert_eq!(texts("Hong Kong flu came from Hong Kong."), ["Hong Kong"]);
}

#[test]
fn titles_and_speech_make_people() {
    // "Sen. Bell", "Gov. Moore": an abbreviated title; "Clifford said", "according to Yap":
    // a speaker. The surname stays a person elsewhere in the document.
    let t = "Sen. Bell of Kansas spoke. Bell later left. \"Yes,\" said Clifford. Clifford \
             then flew to Denver.";
    assert_eq!(texts(t), ["Kansas", "Denver"]);
    // A prominent place that "says" is the place acting.
    assert_eq!(texts("Moscow said the talks would go on."), ["Moscow"]);
}

#[test]
fn compass_words_qualify_places() {
    assert_eq!(
        texts("Storms hit North Texas and southern China."),
        ["Texas", "China"]
    );
}

#[test]
fn organisations_named_after_places() {
    // A place heading an organisation's or a facility's name, or after "University of", is
    // kept and marked as inside a name, as is a region heading its public body's name (the
    // place acting). Each mention is judged on its own: a name inside an organisation
    // once is still a place where the text names it alone ("in Chad").
    let t = "Officials of the Lake Chad Basin Commission met in N'Djamena. The Fresno Police \
             Department and the California Department of Public Health replied. Beijing Health \
             Bureau said Beijing had one case, as did the University of Georgia. Farmers in \
             Chad said Chad’s lake was shrinking.";
    let e = extract(t);
    let found: Vec<(&str, bool)> = e
        .mentions
        .iter()
        .map(|m| (m.text.as_str(), m.in_name))
        .collect();
    assert_eq!(
        found,
        [
            ("Lake Chad", true),
            ("N'Djamena", false),
            ("Fresno", true),
            ("California", true),
            ("Beijing", true),
            ("Beijing", false),
            ("Georgia", true),
            ("Chad", false),
            ("Chad", false),
        ]
    );
}

#[test]
fn groups_and_agencies_are_not_places() {
    // A movement or an agency read through a town's alternate name, with nothing near it in
    // the story and no preposition of place, is not that town ("Hamas" is listed for Hamm);
    // after "in" a place stays one.
    let t = "Hamas fired rockets, Xinhua reported, and talks went on in Cairo.";
    assert_eq!(texts(t), ["Cairo"]);
}

#[test]
fn headlines_keep_their_places() {
    // In a title-case headline every word is capitalised, so "Kentucky Towns" is no name run.
    let t = "Flooding Hits Northern Kentucky Towns\nFRANKFORT, Ky. — Water rose on Monday.";
    assert_eq!(texts(t), ["Kentucky", "FRANKFORT", "Ky."]);
}

#[test]
fn possessive_names_are_read_whole() {
    let t = "The People’s Republic of China and the Republic of China both sent envoys.";
    let e = extract(t);
    let found: Vec<(&str, &str)> = e
        .mentions
        .iter()
        .map(|m| (m.text.as_str(), m.country.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("People’s Republic of China", "CN"),
            ("Republic of China", "TW")
        ]
    );
}

#[test]
fn sentence_initial_common_words_are_not_places() {
    // "Samples" is the plural of a word the text writes in lower case.
    let t = "The samples were sent to Atlanta. Samples from the ducks tested positive.";
    assert_eq!(texts(t), ["Atlanta"]);
}

proptest::proptest! {
    /// Any text: spans are on character boundaries, in order, not overlapping, and name the
    /// text they cover.
    #[test]
    fn spans_are_well_formed(text in "\\PC{0,300}") {
        let e = extract(&text);
        let mut last = 0;
        for m in &e.mentions {
            proptest::prop_assert!(m.start >= last && m.start < m.end && m.end <= text.len());
            proptest::prop_assert_eq!(&text[m.start..m.end], m.text.as_str());
            proptest::prop_assert!((0.0..=1.0).contains(&m.score));
            last = m.end;
        }
    }

    /// Text made of the characters news has: capitalised words, curly quotes and apostrophes,
    /// dashes, no-break spaces, combining marks, letters beyond the Basic Multilingual Plane.
    #[test]
    fn news_like_text_parses(
        words in proptest::collection::vec(
            "[A-Z][a-z]{0,8}|[a-z]{1,8}|[’‘“”\"'—–-]|\u{a0}|[A-Z]{2,6}|e\u{301}|𝕆|Khasan|U\\.S\\.|Sen\\.",
            0..60,
        ),
        seps in proptest::collection::vec("[ ,.;:!?\n’]", 60),
    ) {
        let text: String = words
            .iter()
            .zip(&seps)
            .map(|(w, s)| format!("{w}{s}"))
            .collect();
        let e = extract(&text);
        let mut last = 0;
        for m in &e.mentions {
            proptest::prop_assert!(m.start >= last && m.start < m.end && m.end <= text.len());
            proptest::prop_assert_eq!(&text[m.start..m.end], m.text.as_str());
            last = m.end;
        }
    }
}

#[test]
fn abbreviated_states_are_regions_and_steer_the_story() {
    // AP abbreviations and USPS codes after a city are regions; the state a story names
    // decides its later bare mentions.
    let e = extract(
        "PARIS, Tenn. — A tornado hit Paris, Tenn., on Friday. Crews from Dublin, Ga. and \
         Charleston, W.Va. helped. Later Paris reopened.",
    );
    let found: Vec<(&str, &str, &str)> = e
        .mentions
        .iter()
        .map(|m| (m.text.as_str(), m.kind.as_str(), m.name.as_str()))
        .collect();
    assert!(
        found.contains(&("Tenn.", "region", "Tennessee")),
        "{found:?}"
    );
    assert!(
        found.contains(&("W.Va.", "region", "West Virginia")),
        "{found:?}"
    );
    for m in e.mentions.iter().filter(|m| m.text == "Paris") {
        assert_eq!((m.country.as_str(), m.name.as_str()), ("US", "Paris"));
        assert!((m.lon + 88.33).abs() < 0.1, "Paris, Tennessee: {}", m.lon);
    }
    let dublin = e.mentions.iter().find(|m| m.text == "Dublin").unwrap();
    assert_eq!(dublin.country, "US");
}

#[test]
fn regions_are_found_as_regions_in_local_news() {
    // A region name finds the region, never a town that lists it as an alternate name
    // ("Minnesota" is not Minneota); an abbreviation covering a town's name is the region
    // ("Kan." is Kansas, not a town "Kan"); a region holding a city the story names beats a
    // country elsewhere of the same name ("Atlanta and north Georgia").
    let e = extract(
        "Storms hit Atlanta and north Georgia on Monday. In Wichita, Kan., and Minnesota, \
         snow fell.",
    );
    let found: Vec<(&str, &str, &str)> = e
        .mentions
        .iter()
        .map(|m| (m.text.as_str(), m.kind.as_str(), m.country.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("Atlanta", "city", "US"),
            ("Georgia", "region", "US"),
            ("Wichita", "city", "US"),
            ("Kan.", "region", "US"),
            ("Minnesota", "region", "US"),
        ]
    );
}

#[test]
fn counties_datelines_acronyms_and_holidays() {
    // A county is found, and when it "says" something it is still the county; datelines in
    // capitals are places; country acronyms are countries; a holiday that a small town lists
    // as an alternate name is no place.
    let t = "COLUMBUS, Ohio — Officials in Kanawha County said the US, the U.S. Navy, the UK \
             and the UAE sent aid as Passover began.\nWASHINGTON — More rain.";
    assert_eq!(
        texts(t),
        [
            "COLUMBUS",
            "Ohio",
            "Kanawha County",
            "US",
            "U.S.",
            "UK",
            "UAE",
            "WASHINGTON"
        ]
    );
}

/// A name's readings do not depend on how the parser met it first: "Chiesa Nuova" (two words)
/// and "Chiesanuova" (one word, judged more strictly) fold to the same key. Before the cache
/// kept them apart, a document's result depended on the documents parsed before it, and so
/// on how the batch was split between threads.
#[test]
fn a_name_means_the_same_whatever_the_parser_met_before() {
    let one = "The procession left Chiesanuova at dawn.";
    let two = "The procession left Chiesa Nuova at dawn, near Recanati.";
    for (first, then) in [(one, two), (two, one)] {
        let fresh = Geoparser::new().extract(then);
        let mut warm = Geoparser::new();
        warm.extract(first);
        assert_eq!(warm.extract(then), fresh, "{then} after {first}");
    }
}

#[test]
fn airports_by_a_one_word_name_and_never_a_persons_name() {
    let e = extract("Flights from Heathrow were cancelled on Monday.");
    let heathrow = e
        .mentions
        .iter()
        .find(|m| m.text == "Heathrow")
        .expect("Heathrow");
    assert_eq!(heathrow.country, "GB");
    // Several-word short names of airports are people in running text.
    assert!(texts("Indira Gandhi met Ben Gurion and Charles de Gaulle.").is_empty());
}

#[test]
fn drafts_mark_or_leave_out_a_far_stop_named_once() {
    let m = |name: &str, lat: f64, lon: f64, score: f64| Mention {
        start: 0,
        end: name.len(),
        text: name.to_string(),
        name: name.to_string(),
        geonameid: None,
        kind: SenseKind::City,
        country: String::new(),
        lat,
        lon,
        score,
        in_name: false,
    };
    let near = [
        m("Ussuriysk", 43.8, 131.96, 1.0),
        m("Khabarovsk", 48.46, 135.1, 1.0),
        m("Belogorsk", 50.91, 128.51, 1.0),
    ];
    // Confidently read: kept, with a warning in its note.
    let mut d = TripDraft::default();
    d.add(&near);
    d.add(&[m("Paris", 48.85, 2.35, 0.94)]);
    let toml = d.finish("t");
    assert!(toml.contains("name = \"Paris\""));
    assert!(toml.contains("check: named once and 7"));
    // Weakly read: left out, and named in the header.
    let mut d = TripDraft::default();
    d.add(&near);
    d.add(&[m("Marion", 40.56, -85.66, 0.4)]);
    let toml = d.finish("t");
    assert!(!toml.contains("name = \"Marion\""));
    assert!(toml.contains("# Left out: Marion"));
    // The draft is still a trip file.
    let plan = crate::trip::parse_toml(&crate::SourceFile::new("t.toml", toml));
    assert_eq!(plan.map(|p| p.trips[0].stops.len()).ok(), Some(3));
    // Named twice, or near another stop: a stop like any other.
    let mut d = TripDraft::default();
    d.add(&near);
    d.add(&[
        m("Marion", 40.56, -85.66, 0.4),
        m("Marion", 40.56, -85.66, 0.4),
    ]);
    assert!(d.finish("t").contains("name = \"Marion\""));
}

/// (text, kind, country, admin1 of the chosen place) of every mention, marked or not.
fn readings(text: &str) -> Vec<(String, SenseKind, String, bool)> {
    extract(text)
        .mentions
        .into_iter()
        .map(|m| (m.text, m.kind, m.country, m.in_name))
        .collect()
}

#[test]
fn names_coordinated_before_a_plural_designator_are_those_areas() {
    let t = "Storms tore through Shelby and Madison counties, knocking out power in Memphis and \
             Jackson.";
    let e = extract(t);
    let madison = e.mentions.iter().find(|m| m.text == "Madison");
    assert_eq!(madison.map(|m| m.kind), Some(SenseKind::District));
    // Madison County, Tennessee (Jackson's county), not the city in Wisconsin.
    assert!(madison.is_some_and(|m| (m.lat - 35.6).abs() < 0.5 && (m.lon + 88.8).abs() < 0.5));
    let shelby = e.mentions.iter().find(|m| m.text == "Shelby");
    assert_eq!(shelby.map(|m| m.kind), Some(SenseKind::District));
}

#[test]
fn words_around_a_name_choose_the_region_or_the_city() {
    let r =
        readings("The Quebec government will pay for it, and towns in upstate New York agreed.");
    assert_eq!(r[0].1, SenseKind::Region);
    assert_eq!(r[1].1, SenseKind::Region);
    // Without such words the city stays.
    let r = readings("Crowds gathered in Quebec on Sunday.");
    assert_eq!(r[0].1, SenseKind::City);
}

#[test]
fn a_bare_dateline_is_the_famous_place() {
    let t = "WASHINGTON (Reuters) — The U.S. and Britain agreed on whisky tariffs. Distillers in \
             Scotland and officials in London welcomed it.";
    let e = extract(t);
    assert_eq!(e.mentions[0].country, "US");
}

#[test]
fn each_apposition_settles_its_own_mention() {
    // The dateline's Richmond is Indiana's; the one a caller writes with its state is Virginia's.
    let t = "RICHMOND, Ind. — A fire burned on the east side of Richmond on Wednesday. \
             “People keep calling us from Richmond, Virginia,” the chief said.";
    let found: Vec<(String, String)> = extract(t)
        .mentions
        .iter()
        .filter(|m| m.text.eq_ignore_ascii_case("richmond"))
        .map(|m| (m.text.clone(), format!("{:.0}", m.lon)))
        .collect();
    assert_eq!(
        found,
        [
            ("RICHMOND".to_string(), "-85".to_string()),
            ("Richmond".to_string(), "-85".to_string()),
            ("Richmond".to_string(), "-77".to_string())
        ]
    );
}

#[test]
fn a_description_places_a_namesake() {
    // Stories about a namesake name the famous place once, with words that place it.
    let t = "MOSCOW, Idaho — Wheat farmers near Moscow and Pullman had a dry year. The town still \
             gets mail meant for Moscow, the Russian capital, and it was named after Athens in \
             Greece by no one at all.";
    let e = extract(t);
    let countries: Vec<&str> = e.mentions.iter().map(|m| m.country.as_str()).collect();
    assert_eq!(countries, ["US", "US", "US", "US", "RU", "GR", "GR"]);
}

#[test]
fn streets_and_venues_sit_in_the_town_the_text_names() {
    let r = readings("Shops on Elm Street in Dayton, Ohio, closed, and fans left Coffman Park.");
    assert_eq!(
        r[0],
        (
            "Elm Street".to_string(),
            SenseKind::Street,
            "US".to_string(),
            true
        )
    );
    assert_eq!(r[1].0, "Dayton");
    // Coffman Park's sentence places it in Dayton too: no other town is named.
    assert_eq!(r[3].0, "Coffman Park");
    assert_eq!(r[3].1, SenseKind::Facility);
    assert!(r[3].3);
    // A venue the text places nowhere is left out.
    assert!(readings("Fans left Coffman Park early.").is_empty());
}

#[test]
fn an_everyday_word_is_a_town_only_where_the_text_establishes_it() {
    let t = "COMMERCE, Texas — The college in Commerce reopened. Officials in Dallas agreed.";
    let texts: Vec<String> = readings(t).into_iter().map(|r| r.0).collect();
    assert_eq!(texts, ["COMMERCE", "Texas", "Commerce", "Dallas"]);
    // Without the dateline "Commerce" is the word.
    let texts: Vec<String> = readings("Trade and Commerce officials met in Dallas.")
        .into_iter()
        .map(|r| r.0)
        .collect();
    assert_eq!(texts, ["Dallas"]);
}

#[test]
fn a_place_before_a_lower_case_suffix_is_a_place() {
    let texts: Vec<String> = readings("The Austin-based company hired workers in Dallas.")
        .into_iter()
        .map(|r| r.0)
        .collect();
    assert_eq!(texts, ["Austin", "Dallas"]);
}

#[test]
fn a_person_named_like_a_town_leaves_its_place_mentions_alone() {
    // "Marion" is a person's name here, but "Marion, Ohio" is the town.
    let t = "“We are ready,” said Marion Tate. Crews from Marion, Ohio, and Columbus helped.";
    let texts: Vec<String> = readings(t).into_iter().map(|r| r.0).collect();
    assert_eq!(texts, ["Marion", "Ohio", "Columbus"]);
}

#[test]
fn every_rule_can_be_switched_off() {
    // Without the rules of organisations and runs, "Chicago" of "Chicago Tribune" is no
    // longer marked.
    let t = "The Chicago Tribune reported from Seoul.";
    let on = Geoparser::new().extract(t);
    let off = Geoparser::with_rules(
        RuleSet::all()
            .without(Rule::Organisation)
            .without(Rule::PersonRun),
    )
    .extract(t);
    assert!(on.mentions.iter().any(|m| m.in_name));
    assert_ne!(on, off);
    // Every rule switched off at once still parses.
    let none = RULES
        .iter()
        .fold(RuleSet::all(), |set, r| set.without(r.rule));
    let _ = Geoparser::with_rules(none).extract(t);
}

/// Cases from the user probe of issue 27 (a helper with only the README), by class.
#[test]
fn probe_classes_of_issue_27() {
    // A second apposition of the dateline's name is a namesake: no context for the dateline.
    let e = extract("MOSCOW, Idaho — A letter for a man in Moscow, Russia, came here.");
    let countries: Vec<&str> = e.mentions.iter().map(|m| m.country.as_str()).collect();
    assert_eq!(countries, ["US", "US", "RU", "RU"]);
    // A relative named after a word of kinship is a person; "Xinhua reported" an agency.
    let texts: Vec<String> = readings(
        "Smith, who moved to Tucson with his wife, Florence, said it was hot. Xinhua reported \
         rain in Chongqing.",
    )
    .into_iter()
    .map(|r| r.0)
    .collect();
    assert_eq!(texts, ["Tucson", "Chongqing"]);
    // A prominent place in a team's or a company's name is inside that name.
    let r = readings("Fans of the Denver Broncos packed bars across Denver on Sunday.");
    assert_eq!((r[0].0.as_str(), r[0].3), ("Denver", true));
    assert_eq!((r[1].0.as_str(), r[1].3), ("Denver", false));
    // An everyday word after "Chamber of" is the word.
    let texts: Vec<String> = readings("The Chamber of Commerce in Athens, Tennessee, met.")
        .into_iter()
        .map(|r| r.0)
        .collect();
    assert_eq!(texts, ["Athens", "Tennessee"]);
    // A town inside a venue's name, far from where the text places it, is a namesake.
    let r = readings("Fans poured into Athens, Georgia, for the game at Sanford Stadium.");
    let venue = r.iter().find(|m| m.0 == "Sanford Stadium");
    assert_eq!(venue.map(|m| (m.1, m.3)), Some((SenseKind::Facility, true)));
    let r = readings("The concert moved from Madison Square Garden to a hall in Brooklyn.");
    assert_eq!(r[0].0, "Madison Square Garden");
}
