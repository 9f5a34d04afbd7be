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
//!
//! [`resolve`] is the driver, one named step per line; the appositions it reads are found in
//! `appositions`, and the towns it leaves out unsupported are judged in `weak`.

mod appositions;
mod weak;

use super::filter::Span;
use super::hash::{FastMap, FastSet};
use super::rules::{Rule, RuleSet};
use super::{Mention, Sense, SenseKind};

use appositions::{Apposed, find_appositions};
pub(crate) use weak::LOCATIVE;
use weak::{ALTERNATE_TOWN, weak};

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
    let (first_apposed, own_group) = own_groups(&spans, &apposed);
    let (mut groups, of_span) = group(&spans, &own_group);
    settle_appositions(&mut groups, &of_span, &apposed);
    if rules.has(Rule::StoryGeography) {
        weigh_story_geography(text, &spans, &apposed, &of_span, &mut groups);
    }
    for g in &mut groups {
        g.choice = argmax(g.senses.iter().zip(&g.bonus).map(|(s, b)| s.prior + b));
    }
    let foreign_country = foreign_countries(&groups);
    let set_of = namesake_sets(&spans, &of_span, &own_group, &first_apposed, groups.len());
    let rounds = if rules.has(Rule::Context) { ROUNDS } else { 0 };
    refine(&mut groups, &set_of, &foreign_country, rounds);
    // The confidence of each group's choice: its share of the softmax over its readings.
    let confidence: Vec<f64> = groups
        .iter()
        .map(|g| {
            let best = g.scores[g.choice];
            let total: f64 = g.scores.iter().map(|x| (x - best).exp()).sum();
            if total > 0.0 { 1.0 / total } else { 0.0 }
        })
        .collect();
    mentions(text, &spans, &of_span, &groups, &confidence, rules)
}

/// The mentions that get a group of their own, and the first apposed mention of each name.
fn own_groups<'s>(spans: &'s [Span], apposed: &[Apposed]) -> (FastMap<&'s str, usize>, Vec<bool>) {
    // Which place a name is, is shared by its mentions, with three exceptions that get a group
    // of their own: a mention whose readings a rule narrowed ("the Moscow region"), and a
    // mention settled by an apposition after the first ("Richmond, Virginia" in a story
    // datelined "RICHMOND, Ind.").
    let mut first_apposed: FastMap<&str, usize> = FastMap::default();
    let mut own_group = vec![false; spans.len()];
    for a in apposed {
        let key = spans[a.place].key.as_str();
        if *first_apposed.entry(key).or_insert(a.place) != a.place {
            own_group[a.place] = true;
        }
    }
    (first_apposed, own_group)
}

/// The groups of mentions that share one choice, and the group of each span.
fn group(spans: &[Span], own_group: &[bool]) -> (Vec<Group>, Vec<usize>) {
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
    (groups, of_span)
}

/// Gives the readings that an apposition confirms, of the place and of its area, the bonus
/// [`APPOSITION`].
fn settle_appositions(groups: &mut [Group], of_span: &[usize], apposed: &[Apposed]) {
    for a in apposed {
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
}

/// Weighs the story's own geography as context: a name with one reading, the dateline (fixed
/// when no region follows it) and the places settled by an apposition.
fn weigh_story_geography(
    text: &str,
    spans: &[Span],
    apposed: &[Apposed],
    of_span: &[usize],
    groups: &mut [Group],
) {
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
    for a in apposed {
        groups[of_span[a.place]].weight = ANCHOR_WEIGHT;
    }
}

/// For each group, whether a country is among its readings beside a region of another
/// country (see [`HOLDS_A_CITY`]).
fn foreign_countries(groups: &[Group]) -> Vec<bool> {
    // Groups that read as a country and as a region of another country (Georgia).
    groups
        .iter()
        .map(|g| {
            g.senses.iter().any(|c| {
                c.kind == SenseKind::Country
                    && g.senses
                        .iter()
                        .any(|r| r.kind == SenseKind::Region && r.country != c.country)
            })
        })
        .collect()
}

/// Each group's set of namesakes, by number: the groups of one name that appositions split.
fn namesake_sets(
    spans: &[Span],
    of_span: &[usize],
    own_group: &[bool],
    first_apposed: &FastMap<&str, usize>,
    n_groups: usize,
) -> Vec<Option<usize>> {
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
    let mut listed = vec![false; n_groups];
    for (i, (s, &g)) in spans.iter().zip(of_span).enumerate() {
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
    let mut set_of: Vec<Option<usize>> = vec![None; n_groups];
    for (n, list) in by_name.values().filter(|l| l.len() > 1).enumerate() {
        for &g in list {
            set_of[g] = Some(n);
        }
    }
    set_of
}

/// Refines the choices for up to `rounds` rounds, each against the others' choices of the
/// round before; stops early when a round changes no choice.
fn refine(groups: &mut [Group], set_of: &[Option<usize>], foreign_country: &[bool], rounds: usize) {
    let table = near_table();
    for _ in 0..rounds {
        let (choices, scores) = score_round(groups, set_of, foreign_country, table);
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
}

/// What one round reads: the weights of the current choices summed by country and by
/// first-level region (over all groups, and within each set of namesakes, which are no context
/// for each other), and the fixed inputs.
struct Round<'g> {
    countries: FastMap<&'g str, f64>,
    regions: FastMap<(&'g str, &'g str), f64>,
    set_countries: FastMap<(usize, &'g str), f64>,
    set_regions: FastMap<(usize, &'g str, &'g str), f64>,
    set_of: &'g [Option<usize>],
    foreign_country: &'g [bool],
    table: &'static [f64],
}

/// One round of refinement: every group's choice and the scores of its readings, against the
/// others' current choices.
fn score_round(
    groups: &[Group],
    set_of: &[Option<usize>],
    foreign_country: &[bool],
    table: &'static [f64],
) -> (Vec<usize>, Vec<Vec<f64>>) {
    let namesakes = |g: usize, h: usize| set_of[g].is_some() && set_of[g] == set_of[h];
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
    for ((c, g), set) in chosen.iter().zip(groups).zip(set_of) {
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
    let round = Round {
        countries,
        regions,
        set_countries,
        set_regions,
        set_of,
        foreign_country,
        table,
    };
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
            out.push(round.score(gi, g, own, si, s, &near_points));
        }
        choices.push(argmax(out.iter().copied()));
        scores.push(out);
    }
    (choices, scores)
}

impl Round<'_> {
    /// The score of reading `s` (number `si`) of group `gi`, whose current choice is `own`:
    /// its prior and bonus, the support of the other groups' choices in its country and its
    /// region, and its nearness to the chosen places around the group (`near_points`).
    fn score(
        &self,
        gi: usize,
        g: &Group,
        own: &Sense,
        si: usize,
        s: &Sense,
        near_points: &[&([f64; 3], f64)],
    ) -> f64 {
        let mut score = s.prior + g.bonus[si];
        if !s.country.is_empty() {
            let mut n = self
                .countries
                .get(s.country.as_ref())
                .copied()
                .unwrap_or(0.0);
            // Not the group itself, nor its namesakes (the set's sum holds both).
            match self.set_of[gi] {
                Some(set) => {
                    n -= self
                        .set_countries
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
            let mut n = self
                .regions
                .get(&(s.country.as_ref(), s.admin1.as_ref()))
                .copied()
                .unwrap_or(0.0);
            match self.set_of[gi] {
                Some(set) => {
                    n -= self
                        .set_regions
                        .get(&(set, s.country.as_ref(), s.admin1.as_ref()))
                        .copied()
                        .unwrap_or(0.0);
                }
                None if anchors(own) && own.country == s.country && own.admin1 == s.admin1 => {
                    n -= g.weight;
                }
                None => {}
            }
            score += W_REGION * n.max(0.0).ln_1p();
            // A region that holds a city the text names is that region ("Atlanta and
            // north Georgia"), not a country elsewhere of the same name.
            if s.kind == SenseKind::Region && n > 0.0 && self.foreign_country[gi] {
                score += HOLDS_A_CITY;
            }
            let u = &g.units[si];
            // The sum counts up to 2; it stops there.
            let mut near = 0.0;
            for (p, w) in near_points {
                near += w * nearness(self.table, u, p);
                if near >= 2.0 {
                    break;
                }
            }
            score += W_NEAR * near.min(2.0);
        }
        score
    }
}

/// The mentions of the spans, each at its group's choice with its confidence; without the
/// towns that [`weak()`] finds unsupported (when [`Rule::WeakTown`] is in force).
fn mentions(
    text: &str,
    spans: &[Span],
    of_span: &[usize],
    groups: &[Group],
    confidence: &[f64],
    rules: RuleSet,
) -> Vec<Mention> {
    spans
        .iter()
        .zip(of_span)
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
