#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The geocoding test set (`queries.tsv`, see `README.md` beside it): every query is resolved as
//! `itinera route` resolves a stop, alone or within its ad-hoc trip, and the chosen place's
//! GeoNames id is compared with the id a reader expects. The set must score at least 98%.

mod blind;

use std::collections::BTreeMap;

use itinera::Gazetteer;
use itinera::trip::{ResolveOptions, TripPlan, resolve};

/// The lowest share of queries that must resolve to the expected place.
const TARGET: f64 = 0.98;

struct Row {
    line: usize,
    query: String,
    trip: Vec<String>,
    expected: i64,
    label: String,
    category: String,
}

fn rows() -> Vec<Row> {
    let text = include_str!("queries.tsv");
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 6, "queries.tsv:{}: six columns", i + 1);
        let trip: Vec<String> = if cols[1].is_empty() {
            vec![cols[0].to_string()]
        } else {
            cols[1].split(" | ").map(String::from).collect()
        };
        out.push(Row {
            line: i + 1,
            query: cols[0].to_string(),
            trip,
            expected: cols[2].parse().expect("geonameid is a number"),
            label: cols[3].to_string(),
            category: cols[4].to_string(),
        });
    }
    out
}

/// What the resolver chose for the row's query: a GeoNames id, or why there is none.
fn chosen(row: &Row) -> Result<i64, String> {
    let plan = TripPlan::from_names(&row.trip);
    let at = row
        .trip
        .iter()
        .position(|s| *s == row.query)
        .ok_or("query is not a stop of its trip")?;
    let resolved = resolve(&plan, Gazetteer::bundled(), &ResolveOptions::default())
        .map_err(|e| format!("error: {e}"))?;
    let stop = &resolved.trips[0].stops[at];
    match &stop.place {
        Some(p) => p
            .geonameid
            .ok_or_else(|| format!("{} has no GeoNames id", p.name)),
        None => Err("resolved to coordinates".into()),
    }
}

#[test]
fn geocoding_test_set_scores_at_least_98_percent() {
    let rows = rows();
    assert!(rows.len() >= 300, "{} queries", rows.len());
    let mut per_category: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for row in &rows {
        let got = chosen(row);
        let ok = got == Ok(row.expected);
        let slot = per_category.entry(&row.category).or_default();
        slot.1 += 1;
        if ok {
            slot.0 += 1;
        } else {
            let got = match got {
                Ok(id) => {
                    let names: Vec<String> = Gazetteer::bundled()
                        .lookup(&row.query, &Default::default())
                        .into_iter()
                        .filter(|c| c.place.geonameid == Some(id))
                        .map(|c| c.place.to_string())
                        .take(1)
                        .collect();
                    format!("{id} {}", names.join(""))
                }
                Err(e) => e,
            };
            failures.push(format!(
                "  queries.tsv:{} {:?} (trip {:?}): expected {} {}, got {got}",
                row.line,
                row.query,
                row.trip.join(" | "),
                row.expected,
                row.label
            ));
        }
    }
    let right: usize = per_category.values().map(|v| v.0).sum();
    let share = right as f64 / rows.len() as f64;
    let mut report = format!(
        "geocoding test set: {right} of {} right ({:.1}%)\n",
        rows.len(),
        100.0 * share
    );
    for (category, (ok, n)) in &per_category {
        report.push_str(&format!("  {category:<11} {ok:>3} / {n:<3}\n"));
    }
    report.push_str(&failures.join("\n"));
    println!("{report}");
    assert!(share >= TARGET, "{report}");
}
