use crate::harness::*;

#[test]
fn seed_places_as_json() {
    let r = Sandbox::new().run(&[
        "geocode",
        "Khasan",
        "Ussuriysk",
        "Ulan-Ude",
        "Vladivostok",
        "--format",
        "json",
    ]);
    r.ok();
    let v = r.json();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 4);
    for key in [
        "query",
        "name",
        "country",
        "admin1",
        "lat",
        "lon",
        "population",
        "geonameid",
    ] {
        assert!(items.iter().all(|i| i.get(key).is_some()), "missing {key}");
    }
    assert_eq!(items[0]["name"], "Khasan");
    assert_eq!(items[0]["country"], "RU");
    assert_eq!(items[0]["geonameid"], 2022586);
    assert!((items[0]["lat"].as_f64().unwrap() - 42.42).abs() < 0.01);
    assert!((items[0]["lon"].as_f64().unwrap() - 130.65).abs() < 0.01);
    assert_eq!(items[2]["admin1"], "Buryatiya Republic");
}

#[test]
fn table_lists_the_matched_name() {
    let r = Sandbox::new().run(&["geocode", "Улан-Удэ", "블라디보스토크", "Zabaykalsk"]);
    r.ok();
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", r.stdout);
    assert!(lines[1].contains("Ulan-Ude") && lines[1].contains("Улан-Удэ"));
    assert!(lines[2].contains("Vladivostok"));
    assert!(
        lines[3].contains("Zabaykal’sk") && !lines[3].contains("Kultuk"),
        "{}",
        lines[3]
    );
}

#[test]
fn all_lists_ranked_candidates_and_country_hint_reorders() {
    let r = Sandbox::new().run(&[
        "geocode", "Moscow", "--all", "--limit", "5", "--format", "json",
    ]);
    r.ok();
    let cands = r.json()[0]["candidates"].as_array().unwrap().clone();
    assert!(cands.len() >= 3 && cands.len() <= 5, "{}", cands.len());
    assert_eq!(cands[0]["country"], "RU");
    assert!(cands.iter().any(|c| c["country"] == "US"));
    let r = Sandbox::new().run(&["geocode", "Moscow", "--country", "US", "--format", "json"]);
    assert_eq!(r.ok().json()[0]["country"], "US");
}

#[test]
fn unknown_name_exits_2_with_suggestion_and_reports_the_others() {
    // Five letters: too short to be corrected, so only suggested.
    let r = Sandbox::new().run(&["geocode", "Depot", "Vladivostok"]);
    r.bad_input("unknown place `Depot`")
        .stderr_has("did you mean `Depok`");
    assert!(r.stdout.contains("Vladivostok"), "{}", r.stdout);
    let r = Sandbox::new().run(&["geocode", "Depot", "Vladivostok", "--format", "json"]);
    r.bad_input("did you mean `Depok`");
    let v = r.json();
    assert_eq!(v[0]["error"], "unknown place");
    assert_eq!(v[0]["suggestions"][0], "Depok");
    assert_eq!(v[1]["name"], "Vladivostok");
}

#[test]
fn a_clear_misspelling_is_read_as_the_place_with_a_warning() {
    let r = Sandbox::new().run(&["geocode", "Albequerque", "--format", "json"]);
    let v = r.ok().json();
    assert_eq!(v[0]["name"], "Albuquerque");
    assert_eq!(v[0]["match"], "spelling");
    assert!(r.stderr.contains("read as `Albuquerque`"), "{}", r.stderr);
}

#[test]
fn unknown_country_hint_is_bad_input() {
    Sandbox::new()
        .run(&["geocode", "Paris", "--country", "XX"])
        .bad_input("unknown country `XX`");
}

#[test]
fn names_as_the_press_writes_them() {
    let r = Sandbox::new().run(&[
        "geocode",
        "Cologne",
        "Springfield, Illinois",
        "Paris, Tenn.",
        "Charleston, W.Va.",
        "Portland (Oregon)",
        "Kanawha County",
        "51°51′N 107°54′E",
        "--format",
        "json",
    ]);
    let v = r.ok().json();
    let ids: Vec<Option<i64>> = v.as_array().unwrap()[..6]
        .iter()
        .map(|x| x["geonameid"].as_i64())
        .collect();
    assert_eq!(
        ids,
        [2886242, 4250542, 4647963, 4801859, 5746545, 4810630].map(Some)
    );
    assert_eq!(v[6]["match"], "coordinates");
    assert_eq!(v[6]["near"]["name"], "Ulan-Ude");
    assert!((v[6]["lat"].as_f64().unwrap() - 51.85).abs() < 1e-9);
}

#[test]
fn a_qualifier_that_names_nothing_is_bad_input() {
    Sandbox::new()
        .run(&["geocode", "Springfield, Illinoiss"])
        .bad_input("unknown region or country `Illinoiss`")
        .stderr_has("did you mean `Illinois`?");
    Sandbox::new()
        .run(&["geocode", "Springfield, Texas"])
        .bad_input("no place `Springfield` in `Texas`")
        .stderr_has("Illinois, US");
    Sandbox::new()
        .run(&["geocode", "91,10"])
        .bad_input("latitude 91 is outside -90..90");
}

#[test]
fn unknown_names_only_print_nothing_on_stdout() {
    let sb = Sandbox::new();
    let r = sb.run(&["geocode", "Xyzzyplace", "Qwxzvplace"]);
    r.bad_input("unknown place `Xyzzyplace`");
    assert_eq!(r.stdout, "", "a table header with no rows");
    // One known name still gets its table.
    let r = sb.run(&["geocode", "Khasan", "Xyzzyplace"]);
    r.bad_input("unknown place `Xyzzyplace`");
    assert!(r.stdout.starts_with("query") && r.stdout.contains("Khasan"));
}
