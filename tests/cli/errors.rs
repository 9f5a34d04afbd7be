//! Bad input: exit 2, a message that points at the problem, no output written.

use crate::harness::*;

#[test]
fn malformed_toml_names_line_and_column() {
    let sb = Sandbox::new();
    sb.write(
        "bad.toml",
        "[[trips]]\nname = \"x\"\nstops = [\"Khasan\", \"Ussuriysk\",, ]\n",
    );
    let r = sb.run(&["route", "bad.toml"]);
    r.bad_input("bad.toml:3:")
        .stderr_has("stops = [\"Khasan\", \"Ussuriysk\",, ]");
    assert!(r.stdout.is_empty());
}

#[test]
fn wrong_type_names_line_and_column() {
    let sb = Sandbox::new();
    sb.write(
        "bad.toml",
        "[[trips]]\nstops = [\n  { name = \"a\", lat = \"north\", lon = 1.0 },\n]\n",
    );
    sb.run(&["export", "bad.toml"]).bad_input("bad.toml:3:23");
    assert_eq!(sb.files(), ["bad.toml"]);
}

#[test]
fn unknown_place_in_a_file_points_at_the_stop_and_suggests() {
    let sb = Sandbox::new();
    sb.write(
        "t.toml",
        "[[trips]]\nstops = [\n  \"Khasan\",\n  \"Depot\",\n]\n",
    );
    sb.run(&["route", "t.toml"])
        .bad_input("unknown place `Depot`")
        .stderr_has("t.toml:4:3")
        .stderr_has("did you mean `Depok`");
    // A clear misspelling is read with a warning at the stop; --strict refuses it there.
    sb.write(
        "u.toml",
        "[[trips]]\nstops = [\n  \"Khasan\",\n  \"Usuriysk\",\n]\n",
    );
    sb.run(&["route", "u.toml", "--strict"])
        .bad_input("no place is named `Usuriysk`")
        .stderr_has("u.toml:4:3")
        .stderr_has("write `Ussuriysk`");
}

#[test]
fn missing_file_directory_and_binary() {
    let sb = Sandbox::new();
    sb.run(&["route", "nope.toml"])
        .bad_input("cannot read `nope.toml`");
    std::fs::create_dir(sb.path("d.toml")).unwrap();
    sb.run(&["route", "d.toml"])
        .bad_input("cannot read `d.toml`");
    sb.write("b.toml", [0u8, 159, 146, 150, 255, 0]);
    sb.run(&["route", "b.toml"]).bad_input("is not UTF-8 text");
    sb.write("e.toml", "");
    sb.run(&["route", "e.toml"]).bad_input("no trips");
}

#[test]
fn out_of_range_coordinates() {
    let sb = Sandbox::new();
    sb.write(
        "t.toml",
        "[[trips]]\nstops = [{ name = \"x\", lat = 91.0, lon = 0.0 }]\n",
    );
    sb.run(&["route", "t.toml"])
        .bad_input("latitude `91` is out of range")
        .stderr_has("t.toml:2:10");
}

#[test]
fn csv_missing_column() {
    let sb = Sandbox::new();
    sb.write("t.csv", "trip,country\nA,RU\n");
    sb.run(&["route", "t.csv"])
        .bad_input("missing column `place`");
}

#[test]
fn ambiguous_place_warns_and_strict_refuses() {
    let sb = Sandbox::new();
    sb.run(&["route", "Springfield"])
        .ok()
        .stderr_has("`Springfield` is ambiguous");
    sb.run(&["route", "Springfield", "--strict"])
        .bad_input("`Springfield` is ambiguous");
}

#[test]
fn usage_errors_exit_2() {
    let r = Sandbox::new().run(&["route"]);
    assert_eq!(r.code, 2);
    let r = Sandbox::new().run(&["route", "Khasan", "--units", "furlongs"]);
    assert_eq!(r.code, 2);
}
