//! Text on maps: date ranges ("20–24 August 2011") and thousands separators.

use super::*;

pub(super) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Year, month index (0 for January) and day of a date that names a day.
pub(super) fn ymd(d: &Date) -> Option<(i16, usize, i8)> {
    let day = d.day()?;
    let month = usize::try_from(day.month() - 1).ok()?;
    Some((day.year(), month, day.day()))
}

/// "20–27 August 2011", "26 July – 18 August 2001"; dates without a day as ISO text.
pub(super) fn pretty_range(a: &Date, b: &Date) -> String {
    match (ymd(a), ymd(b)) {
        (Some((y1, m1, d1)), Some((y2, m2, d2))) => {
            if (y1, m1, d1) == (y2, m2, d2) {
                format!("{d1} {} {y1}", MONTHS[m1])
            } else if y1 == y2 && m1 == m2 {
                format!("{d1}–{d2} {} {y1}", MONTHS[m1])
            } else if y1 == y2 {
                format!("{d1} {} – {d2} {} {y1}", MONTHS[m1], MONTHS[m2])
            } else {
                format!("{d1} {} {y1} – {d2} {} {y2}", MONTHS[m1], MONTHS[m2])
            }
        }
        _ if a == b => a.to_string(),
        _ => format!("{a} – {b}"),
    }
}

/// 2872.2 -> "2,872".
pub(crate) fn thousands(v: f64) -> String {
    let s = format!("{:.0}", v);
    let (sign, digits) = s.strip_prefix('-').map_or(("", s.as_str()), |d| ("-", d));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

/// A distance for people: a tenth under 10 (`0.4`, `9.5`: a GPS track of a few hundred metres
/// is not `0`), whole with thousands separated above.
pub(crate) fn readable_distance(v: f64) -> String {
    if v.abs() < 9.95 {
        format!("{v:.1}")
    } else {
        thousands(v)
    }
}

/// Up to `max` items in backquotes, then how many more: "`A`, `B` and 3 more".
pub(crate) fn quoted_list(items: &[String], max: usize) -> String {
    let shown: Vec<String> = items.iter().take(max).map(|t| format!("`{t}`")).collect();
    let more = items.len().saturating_sub(max);
    if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

/// The first and last date of all trips, e.g. "20–27 August 2011" or "2001-07-26 – 2011-08-27".
pub(crate) fn date_range(routes: &[Route]) -> Option<String> {
    date_range_in(routes, None)
}

/// [`date_range`] in a label language (`--label-lang`), English without one.
pub(crate) fn date_range_in(routes: &[Route], lang: Option<LabelLang>) -> Option<String> {
    let mut dates: Vec<Date> = routes
        .iter()
        .flat_map(|r| r.stops.iter().filter_map(|s| s.date))
        .collect();
    dates.sort_unstable();
    let (a, b) = (dates.first()?, dates.last()?);
    Some(match lang {
        Some(l) => super::words::date_range(a, b, l),
        None => pretty_range(a, b),
    })
}
