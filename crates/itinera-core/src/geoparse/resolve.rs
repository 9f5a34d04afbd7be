//! Picks one place per name, with the whole document as context.
//!
//! Every reading of a name starts from its prior (population, main name over alternate,
//! kind). The context then adds, for each reading:
//! - support from the other names' current choices in the same country and the same
//!   first-level region (a document about Atlanta and Savannah means Georgia the state);
//! - nearness to the other chosen cities and regions (places near each other win);
//! - an apposition: in "Paris, Texas" the readings of Paris inside Texas, and Texas itself,
//!   win outright.
//!
//! A name keeps one reading throughout the document (one sense per discourse). Choices are
//! refined a few rounds, each against the others' choices of the round before. The confidence
//! is the chosen reading's share of the probability (a softmax over the scores).

use crate::gazetteer::fold;

use super::filter::Span;
use super::hash::{FastMap, FastSet};
use super::rules::{Rule, RuleSet};
use super::{Mention, Sense, SenseKind};

/// Weight of country support: `W_COUNTRY * ln(1 + n)` for `n` other names chosen in the
/// reading's country.
const W_COUNTRY: f64 = 1.5;
/// Weight of first-level region support, as for countries.
const W_REGION: f64 = 2.0;
/// Weight of nearness: `W_NEAR * min(2, sum of exp(-d / NEAR_KM))` over other chosen places.
const W_NEAR: f64 = 2.0;
const NEAR_KM: f64 = 300.0;
/// Bonus of a reading that an apposition ("Paris, Texas") confirms.
const APPOSITION: f64 = 12.0;
/// Bonus of a region that holds one of the document's chosen cities or regions, against a
/// country elsewhere of the same name.
const HOLDS_A_CITY: f64 = 4.0;
const ROUNDS: usize = 3;
/// Spatial context looks at this many names either side (in order of first mention), so a
/// long text costs linear time. (60 before mentions inside names were kept; 20 gives the same
/// scores on the five gold sets, one more right on GeoVirus, for 7% fewer instructions on the
/// benchmark corpus.)
const WINDOW: usize = 20;

struct Group {
    senses: std::sync::Arc<[Sense]>,
    units: Vec<[f64; 3]>,
    bonus: Vec<f64>,
    choice: usize,
    scores: Vec<f64>,
    /// How much the group's choice counts as context for the others: more for the story's
    /// own geography (a dateline, a place settled by an apposition, a name with one reading).
    weight: f64,
    /// The choice is its best prior whatever the context: a dateline without a region
    /// ("WASHINGTON (Reuters) —", "PARIS —") names a place famous enough to need none.
    fixed: bool,
}

/// A point on the unit sphere: nearness needs only chord lengths, three multiplications.
fn unit(s: &Sense) -> [f64; 3] {
    let (lat, lon) = (s.lat.to_radians(), s.lon.to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

/// Distance beyond which nearness is taken as zero, km (the term is below e^-16 there).
const FAR_KM: f64 = 5000.0;
/// Steps of the table of nearness over 0..[`FAR_KM`].
const NEAR_STEPS: usize = 1024;

/// `exp(-d / NEAR_KM)` at `NEAR_STEPS + 1` distances from 0 to [`FAR_KM`]: read with linear
/// interpolation (steps of 4.9 km; relative error below 4e-5), so resolution computes no
/// exponential per pair of places.
fn near_table() -> &'static [f64] {
    static TABLE: std::sync::OnceLock<Vec<f64>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0..=NEAR_STEPS + 1)
            .map(|i| (-(i as f64 * FAR_KM / NEAR_STEPS as f64) / NEAR_KM).exp())
            .collect()
    })
}

/// `exp(-d / NEAR_KM)` with `d` the chord distance (within 0.5% of the great-circle distance
/// up to 1,000 km; beyond [`FAR_KM`] zero), from `table` ([`near_table`]).
fn nearness(table: &[f64], a: &[f64; 3], b: &[f64; 3]) -> f64 {
    let d2 = (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2);
    const FAR: f64 = (FAR_KM / 6371.0) * (FAR_KM / 6371.0);
    if d2 > FAR {
        return 0.0;
    }
    let x = d2.sqrt() * 6371.0 * (NEAR_STEPS as f64 / FAR_KM);
    // `x` lies in 0..=NEAR_STEPS, and the table has one entry more.
    let i = (x as usize).min(NEAR_STEPS);
    let f = x - i as f64;
    match (table.get(i), table.get(i + 1)) {
        (Some(a), Some(b)) => a + (b - a) * f,
        _ => 0.0,
    }
}

/// Whether `outer` (a region or country) contains `inner`.
fn contains(outer: &Sense, inner: &Sense) -> bool {
    match outer.kind {
        SenseKind::Country => inner.kind != SenseKind::Country && inner.country == outer.country,
        SenseKind::Region => {
            matches!(inner.kind, SenseKind::City | SenseKind::Facility)
                && inner.country == outer.country
                && inner.admin1 == outer.admin1
        }
        _ => false,
    }
}

fn anchors(s: &Sense) -> bool {
    matches!(
        s.kind,
        SenseKind::City | SenseKind::Region | SenseKind::District | SenseKind::Facility
    )
}

/// Weight of a group that holds the story's dateline or a place settled by an apposition.
const ANCHOR_WEIGHT: f64 = 3.0;
/// Weight of a name with one reading.
const SURE_WEIGHT: f64 = 2.0;

/// Resolves the filtered spans of one text to mentions.
pub(crate) fn resolve(text: &str, spans: Vec<Span>, rules: RuleSet) -> Vec<Mention> {
    let apposed = if rules.has(Rule::Apposition) {
        find_appositions(text, &spans)
    } else {
        Vec::new()
    };
    // Which place a name is, is shared by its mentions, with three exceptions that get a group
    // of their own: a mention whose readings a rule narrowed ("the Moscow region"), and a
    // mention settled by an apposition after the first ("Richmond, Virginia" in a story
    // datelined "RICHMOND, Ind.").
    let mut first_apposed: FastMap<&str, usize> = FastMap::default();
    let mut own_group = vec![false; spans.len()];
    for a in &apposed {
        let key = spans[a.place].key.as_str();
        if *first_apposed.entry(key).or_insert(a.place) != a.place {
            own_group[a.place] = true;
        }
    }
    let mut index: FastMap<(&str, usize), usize> = FastMap::default();
    let mut groups: Vec<Group> = Vec::new();
    let mut of_span: Vec<usize> = Vec::with_capacity(spans.len());
    for (i, s) in spans.iter().enumerate() {
        let which = if own_group[i] {
            usize::MAX - i
        } else {
            // Spans of one name share their readings (one cached list) unless a rule
            // narrowed them.
            std::sync::Arc::as_ptr(&s.senses) as *const Sense as usize
        };
        let g = *index.entry((s.key.as_str(), which)).or_insert_with(|| {
            groups.push(Group {
                senses: s.senses.clone(),
                units: s.senses.iter().map(unit).collect(),
                bonus: vec![0.0; s.senses.len()],
                choice: 0,
                scores: s.senses.iter().map(|x| x.prior).collect(),
                weight: 1.0,
                fixed: false,
            });
            groups.len() - 1
        });
        of_span.push(g);
    }
    for a in &apposed {
        let ga = of_span[a.place];
        let gb = a.area.map(|b| of_span[b]);
        if gb == Some(ga) {
            continue;
        }
        for &(oi, ii) in &a.hits {
            if let Some(gb) = gb {
                groups[gb].bonus[oi] = APPOSITION;
            }
            groups[ga].bonus[ii] = APPOSITION;
        }
    }
    if rules.has(Rule::StoryGeography) {
        for (i, s) in spans.iter().enumerate() {
            let g = &mut groups[of_span[i]];
            if g.senses.len() == 1 {
                g.weight = g.weight.max(SURE_WEIGHT);
            }
            if super::filter::is_dateline_name(text, s.start, s.end) {
                g.weight = ANCHOR_WEIGHT;
                // "RICHMOND, Ind. —" says where; "WASHINGTON (Reuters) —" needs not.
                g.fixed |= !super::filter::apposition_follows(text, s.end);
            }
        }
        for a in &apposed {
            groups[of_span[a.place]].weight = ANCHOR_WEIGHT;
        }
    }
    for g in &mut groups {
        g.choice = argmax(g.senses.iter().zip(&g.bonus).map(|(s, b)| s.prior + b));
    }
    // Groups that read as a country and as a region of another country (Georgia).
    let foreign_country: Vec<bool> = groups
        .iter()
        .map(|g| {
            g.senses.iter().any(|c| {
                c.kind == SenseKind::Country
                    && g.senses
                        .iter()
                        .any(|r| r.kind == SenseKind::Region && r.country != c.country)
            })
        })
        .collect();
    // Groups of one name (a mention with its own apposition beside the others): a namesake
    // settled elsewhere in the text is no evidence for this one, so they do not count as each
    // other's context.
    // (A mention narrowed by its words, "New York state governor", is no namesake: it stays
    // context for the name's other mentions.)
    let split: FastSet<&str> = (0..spans.len())
        .filter(|&i| own_group[i])
        .map(|i| spans[i].key.as_str())
        .collect();
    let mut by_name: FastMap<&str, Vec<usize>> = FastMap::default();
    let mut listed = vec![false; groups.len()];
    for (i, (s, &g)) in spans.iter().zip(&of_span).enumerate() {
        if split.is_empty() {
            break;
        }
        let apposed_name = own_group[i] || first_apposed.get(s.key.as_str()) == Some(&i);
        if !apposed_name || !split.contains(s.key.as_str()) {
            continue;
        }
        // Each group listed once (a search of the list was quadratic in the name's
        // appositions).
        let list = by_name.entry(s.key.as_str()).or_default();
        if !listed[g] {
            listed[g] = true;
            list.push(g);
        }
    }
    // Each group's set of namesakes (the groups of one name split by appositions), by number:
    // a set is never listed per member, as "Dublin, Ga., Dublin, Ga., ..." makes one of
    // thousands (listing it per member was quadratic).
    let mut set_of: Vec<Option<usize>> = vec![None; groups.len()];
    for (n, list) in by_name.values().filter(|l| l.len() > 1).enumerate() {
        for &g in list {
            set_of[g] = Some(n);
        }
    }
    let namesakes = |g: usize, h: usize| set_of[g].is_some() && set_of[g] == set_of[h];
    let rounds = if rules.has(Rule::Context) { ROUNDS } else { 0 };
    let table = near_table();
    for _ in 0..rounds {
        let chosen: Vec<&Sense> = groups.iter().map(|g| &g.senses[g.choice]).collect();
        let points: Vec<Option<([f64; 3], f64)>> = groups
            .iter()
            .map(|g| anchors(&g.senses[g.choice]).then(|| (g.units[g.choice], g.weight)))
            .collect();
        let mut countries: FastMap<&str, f64> = FastMap::default();
        let mut regions: FastMap<(&str, &str), f64> = FastMap::default();
        // The same sums within each set of namesakes, which are no context for each other.
        let mut set_countries: FastMap<(usize, &str), f64> = FastMap::default();
        let mut set_regions: FastMap<(usize, &str, &str), f64> = FastMap::default();
        for ((c, g), set) in chosen.iter().zip(&groups).zip(&set_of) {
            if !c.country.is_empty() {
                *countries.entry(&c.country).or_default() += g.weight;
                if let Some(n) = *set {
                    *set_countries.entry((n, &c.country)).or_default() += g.weight;
                }
            }
            if anchors(c) {
                *regions.entry((&c.country, &c.admin1)).or_default() += g.weight;
                if let Some(n) = *set {
                    *set_regions.entry((n, &c.country, &c.admin1)).or_default() += g.weight;
                }
            }
        }
        let mut near_points: Vec<&([f64; 3], f64)> = Vec::new();
        let mut choices: Vec<usize> = Vec::with_capacity(groups.len());
        let mut scores: Vec<Vec<f64>> = Vec::with_capacity(groups.len());
        for (gi, g) in groups.iter().enumerate() {
            // One reading that `weak` never doubts: nothing to choose, and its confidence is 1
            // whatever its score.
            if let [only] = &g.senses[..]
                && (!matches!(only.kind, SenseKind::City | SenseKind::Facility)
                    || only.population >= ALTERNATE_TOWN)
            {
                choices.push(0);
                scores.push(vec![only.prior + g.bonus[0]]);
                continue;
            }
            if g.fixed {
                choices.push(g.choice);
                scores.push(
                    g.senses
                        .iter()
                        .zip(&g.bonus)
                        .map(|(s, b)| s.prior + b)
                        .collect(),
                );
                continue;
            }
            let own = chosen[gi];
            let lo = gi.saturating_sub(WINDOW);
            let hi = (gi + WINDOW + 1).min(chosen.len());
            // The chosen places around this group, gathered once for all its readings.
            near_points.clear();
            near_points.extend(
                (lo..hi)
                    .filter(|&h| h != gi && !namesakes(gi, h))
                    .filter_map(|h| points[h].as_ref()),
            );
            let mut out = Vec::with_capacity(g.senses.len());
            for (si, s) in g.senses.iter().enumerate() {
                let mut score = s.prior + g.bonus[si];
                if !s.country.is_empty() {
                    let mut n = countries.get(s.country.as_ref()).copied().unwrap_or(0.0);
                    // Not the group itself, nor its namesakes (the set's sum holds both).
                    match set_of[gi] {
                        Some(set) => {
                            n -= set_countries
                                .get(&(set, s.country.as_ref()))
                                .copied()
                                .unwrap_or(0.0);
                        }
                        None if own.country == s.country => n -= g.weight,
                        None => {}
                    }
                    score += W_COUNTRY * n.max(0.0).ln_1p();
                }
                if anchors(s) {
                    let mut n = regions
                        .get(&(s.country.as_ref(), s.admin1.as_ref()))
                        .copied()
                        .unwrap_or(0.0);
                    match set_of[gi] {
                        Some(set) => {
                            n -= set_regions
                                .get(&(set, s.country.as_ref(), s.admin1.as_ref()))
                                .copied()
                                .unwrap_or(0.0);
                        }
                        None if anchors(own)
                            && own.country == s.country
                            && own.admin1 == s.admin1 =>
                        {
                            n -= g.weight;
                        }
                        None => {}
                    }
                    score += W_REGION * n.max(0.0).ln_1p();
                    // A region that holds a city the text names is that region ("Atlanta and
                    // north Georgia"), not a country elsewhere of the same name.
                    if s.kind == SenseKind::Region && n > 0.0 && foreign_country[gi] {
                        score += HOLDS_A_CITY;
                    }
                    let u = &g.units[si];
                    // The sum counts up to 2; it stops there.
                    let mut near = 0.0;
                    for (p, w) in &near_points {
                        near += w * nearness(table, u, p);
                        if near >= 2.0 {
                            break;
                        }
                    }
                    score += W_NEAR * near.min(2.0);
                }
                out.push(score);
            }
            choices.push(argmax(out.iter().copied()));
            scores.push(out);
        }
        let mut changed = false;
        for ((g, c), sc) in groups.iter_mut().zip(choices).zip(scores) {
            changed |= g.choice != c;
            g.choice = c;
            g.scores = sc;
        }
        // A round that changed no choice left every input of the next one as it was: the next
        // would compute the same scores again.
        if !changed {
            break;
        }
    }
    // The confidence of each group's choice: its share of the softmax over its readings.
    let confidence: Vec<f64> = groups
        .iter()
        .map(|g| {
            let best = g.scores[g.choice];
            let total: f64 = g.scores.iter().map(|x| (x - best).exp()).sum();
            if total > 0.0 { 1.0 / total } else { 0.0 }
        })
        .collect();
    spans
        .iter()
        .zip(&of_span)
        .filter(|(s, gi)| !rules.has(Rule::WeakTown) || !weak(text, s, &groups[**gi]))
        .map(|(s, &gi)| {
            let g = &groups[gi];
            let c = &g.senses[g.choice];
            Mention {
                start: s.start,
                end: s.end,
                text: text[s.start..s.end].to_string(),
                name: c.name.to_string(),
                geonameid: c.geonameid,
                kind: c.kind,
                country: c.country.to_string(),
                lat: c.lat,
                lon: c.lon,
                score: confidence[gi],
                // A venue or a street is named inside its own name, as an organisation is.
                in_name: s.in_name || matches!(c.kind, SenseKind::Facility | SenseKind::Street),
            }
        })
        .collect()
}

/// An apposition: the span at `place` is settled by the region or country at `area`.
struct Apposed {
    place: usize,
    /// The span of the area, when the area is named ("Paris, Texas"), not described ("Dublin,
    /// the Irish capital").
    area: Option<usize>,
    /// (reading of the area, reading of the place) pairs where the area contains the place.
    hits: Vec<(usize, usize)>,
}

/// Whether the words between a name and an area place the name in the area: a comma
/// ("Paris, Texas") or a short description ending in "in" ("Athens in Greece", "Birmingham,
/// the industrial city in England"), within one clause.
fn apposition_words(between: &str) -> bool {
    if between.len() <= 3 {
        return between.trim() == ",";
    }
    // A description is a few words: longer gaps are no apposition.
    if between.len() > MAX_DESCRIPTION_BYTES {
        return false;
    }
    // "in southern Spain": a direction may qualify the area.
    let between = match between.strip_suffix(' ').and_then(|b| b.rsplit_once(' ')) {
        Some((b, word))
            if super::words::words()
                .directions
                .contains(&word.to_lowercase().as_str()) =>
        {
            &between[..b.len() + 1]
        }
        _ => between,
    };
    // "Perth, the capital of Western Australia".
    if let Some(head) = between.strip_suffix(" of ")
        && head.starts_with(", the ")
        && !head.contains(['.', ';', ':', '!', '?', '(', ')', '\n', '—', '“', '”', '"'])
        && head.split_whitespace().count() <= MAX_DESCRIPTION_WORDS
    {
        return true;
    }
    let Some(head) = between.strip_suffix(" in ") else {
        return false;
    };
    let clause = !head.contains(['.', ';', ':', '!', '?', '(', ')', '\n', '—', '“', '”', '"']);
    let words = head.split_whitespace().count();
    (head.is_empty() || head.starts_with(',')) && clause && words <= MAX_DESCRIPTION_WORDS
}

/// The most words a description between a name and "in <area>" may have.
const MAX_DESCRIPTION_WORDS: usize = 7;
/// The most bytes such a description may have.
const MAX_DESCRIPTION_BYTES: usize = 80;

/// "Paris, Texas", "Alexandria, Egypt", "Córdoba in southern Spain": a name followed by a
/// region or country that contains one of its readings.
fn find_appositions(text: &str, spans: &[Span]) -> Vec<Apposed> {
    let mut out = Vec::new();
    for i in 1..spans.len() {
        let (a, b) = (&spans[i - 1], &spans[i]);
        let Some(between) = text.get(a.end..b.start) else {
            continue;
        };
        if a.key == b.key || !apposition_words(between) {
            continue;
        }
        let comma = between.trim() == ",";
        // A name read first as a country is, in "X, Y", a list of countries ("Georgia, Iraq,
        // Iran"), unless Y holds a region of its name ("Georgia, U.S."): then a town of Y
        // that is spelt like it ("Arāk" for Iraq) gains nothing.
        let listed_country = a
            .senses
            .first()
            .is_some_and(|s| s.kind == SenseKind::Country);
        let mut hits: Vec<(usize, usize)> = Vec::new();
        for (oi, outer) in b.senses.iter().enumerate() {
            for (ii, inner) in a.senses.iter().enumerate() {
                if listed_country && inner.kind != SenseKind::Region {
                    continue;
                }
                // "in <area>" places a town, never a region in a country ("Georgia in the U.S.").
                if !comma && inner.kind != SenseKind::City {
                    continue;
                }
                if contains(outer, inner) {
                    hits.push((oi, ii));
                }
            }
        }
        if !hits.is_empty() {
            out.push(Apposed {
                place: i - 1,
                area: Some(i),
                hits,
            });
        }
    }
    // "Dublin, the Irish capital", "Moscow, the Russian capital": a country's adjective in
    // a description right after the name.
    for (i, a) in spans.iter().enumerate() {
        let Some(rest) = text[a.end..].strip_prefix(", the ") else {
            continue;
        };
        let word = &rest[..rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len())];
        if !word.starts_with(char::is_uppercase) {
            continue;
        }
        let Some(code) = super::words::words().demonyms.get(fold(word).as_str()) else {
            continue;
        };
        let hits: Vec<(usize, usize)> = a
            .senses
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind == SenseKind::City && s.country == *code)
            .map(|(ii, _)| (0, ii))
            .collect();
        if !hits.is_empty() {
            out.push(Apposed {
                place: i,
                area: None,
                hits,
            });
        }
    }
    out.sort_by_key(|a| a.place);
    out
}

/// A one-word name whose reading is a small town that nothing else in the document supports
/// (no other place in its country, none near it, no preposition of place before it) is more
/// likely a person or a common word ("Camilla", "Abraham", "Mercedes"); so is an
/// adjective-looking word ("Argentine", "Olympic") read as a small town.
fn weak(text: &str, span: &Span, g: &Group) -> bool {
    let surface = &text[span.start..span.end];
    let c = &g.senses[g.choice];
    // Read through an alternate name ("Passover" for Mountain City, "Hamas" for Hamm), a city
    // short of a million people needs the same support as a small town.
    let alternate = fold(surface) != fold(&c.name);
    let small = c.population
        < if alternate {
            ALTERNATE_TOWN
        } else {
            SMALL_TOWN
        };
    let town = matches!(c.kind, SenseKind::City | SenseKind::Facility);
    if surface.contains(' ') || !town || !small {
        return false;
    }
    let lower = surface.to_lowercase();
    let adjective = ["ian", "ish", "ese", "ic", "ine"]
        .iter()
        .any(|s| lower.ends_with(s));
    if adjective {
        return true;
    }
    let common = super::words::words()
        .common
        .contains(fold(surface).as_str());
    // "arrived in Khasan", "the road to Kraskino": a preposition of place says it is one
    // (for a town named by an everyday word, only with support from places near it).
    let before = text[..span.start].trim_end_matches(' ');
    let prev = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    if LOCATIVE.contains(&prev.as_str()) && !common {
        return false;
    }
    // "Liberty, Mo.": an apposition settles it.
    if g.bonus[g.choice] >= APPOSITION {
        return false;
    }
    let support = g.scores[g.choice] - c.prior - g.bonus[g.choice];
    // A town named by an everyday word ("Commerce", "Enterprise", "Liberty") is that word far
    // more often: it needs the support of places near it, not only of its country.
    support
        < if common {
            COMMON_WORD_SUPPORT
        } else {
            MIN_SUPPORT
        }
}

/// Support that a small town named by an everyday word needs.
const COMMON_WORD_SUPPORT: f64 = 3.0;

/// Prepositions of place and movement, and verbs of arriving and leaving: a name right after
/// one is a place ("the train reached Khasan").
pub(crate) const LOCATIVE: &[&str] = &[
    "in", "at", "to", "from", "near", "via", "outside", "into", "towards", "toward", "through",
    "reached", "reaching", "visited", "visiting", "entered", "entering", "leaving", "toured",
];

/// Population below which a one-word reading needs support from the document.
const SMALL_TOWN: u64 = 50_000;
/// The same for a one-word reading through an alternate name of the place.
const ALTERNATE_TOWN: u64 = 1_000_000;
/// Support (score above prior) that a small town needs.
const MIN_SUPPORT: f64 = 1.0;

fn argmax(scores: impl Iterator<Item = f64>) -> usize {
    let mut best = (0, f64::NEG_INFINITY);
    for (i, s) in scores.enumerate() {
        if s > best.1 {
            best = (i, s);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearness_table_agrees_with_the_exponential() {
        let table = near_table();
        let a = [1.0, 0.0, 0.0];
        for km in [0.0, 1.0, 37.0, 150.0, 300.0, 999.0, 2500.0, 4999.0] {
            let angle: f64 = km / 6371.0;
            let b = [angle.cos(), angle.sin(), 0.0];
            let chord = 2.0 * (angle / 2.0).sin() * 6371.0;
            let exact = (-chord / NEAR_KM).exp();
            let got = nearness(table, &a, &b);
            assert!(
                (got - exact).abs() <= 4e-5 * exact + 1e-12,
                "{km}: {got} {exact}"
            );
        }
        let far = 5200.0_f64 / 6371.0;
        assert_eq!(nearness(table, &a, &[far.cos(), far.sin(), 0.0]), 0.0);
    }
}
