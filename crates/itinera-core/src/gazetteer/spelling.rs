//! Misspelt names: the places one or two edits away, ranked by how well known they are, for
//! "did you mean" hints and for the one clear correction of a name no place bears.

use super::*;

impl Gazetteer {
    /// Names close to `query` (edit distance 1, or 2 for names of 5+ letters), best first by
    /// [`Gazetteer::spellings`]. Used for "did you mean" hints.
    pub fn suggest(&self, query: &str, limit: usize) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for (_, c) in self.spellings(query) {
            if !names.contains(&c.matched) {
                names.push(c.matched);
            }
            if names.len() == limit {
                break;
            }
        }
        names
    }

    /// The places a misspelt name may mean, best first, each with its weighted score: the
    /// place's prior (population, fame, kind) less `EDIT_COST` (3) per edit of the folded name.
    /// People misspell famous places more often than obscure ones ("Albequerque", "Kuala
    /// Lumpar"), so one edit away from a city of half a million beats one edit away from a
    /// hamlet. Names that are only romanisations (`kha san`) are not offered.
    pub fn spellings(&self, query: &str) -> Vec<(f64, Candidate)> {
        let key = fold(query);
        // The edit-distance automaton grows with the name: long ones get no suggestion.
        if key.is_empty() || key.len() > MAX_SUGGESTED_BYTES {
            return Vec::new();
        }
        let chars = key.chars().count();
        let max = match chars {
            0..=3 => 0,
            4 => 1,
            _ => 2,
        };
        let script = Script::of(query);
        let mut scored: Vec<(f64, Candidate)> = Vec::new();
        // Each name once, whether a swap or the edit-distance search found it.
        let mut tried: HashSet<String> = HashSet::new();
        let mut consider = |k: String, at: u64, scored: &mut Vec<(f64, Candidate)>| {
            // Two letters swapped is one slip of the hand ("Tuscon" for "Tucson").
            let dist = strsim::osa_distance(&k, &key);
            if dist == 0 || !tried.insert(k.clone()) {
                return;
            }
            // The name's most populous bearer stands for it (a full prior counts every
            // alternate name of every namesake: too slow for thousands of names).
            let best = postings(at)
                .into_iter()
                .filter(|e| e & ROMANISED == 0 || e & PRIMARY != 0)
                .map(|e| (e, self.place(PlaceId(e & OFFSET))))
                .max_by_key(|(_, p)| p.population);
            if let Some((e, place)) = best {
                let how = if e & PRIMARY != 0 {
                    MatchKind::Name
                } else {
                    MatchKind::Alternate
                };
                let score = prior(&place, how, script, &LookupOptions::default());
                let matched = matched_name(&place, &k, how);
                let weighted = score - EDIT_COST * dist as f64;
                scored.push((
                    weighted,
                    Candidate {
                        place,
                        matched,
                        how: MatchKind::Spelling,
                        score: weighted + MatchKind::Spelling.prior(),
                    },
                ));
            }
        };
        // One edit first, and every pair of neighbouring letters swapped (looked up whole:
        // cheap); the search at two edits walks much more of the index and is made only
        // when nothing closer is known enough to be read.
        let letters: Vec<char> = key.chars().collect();
        for i in 0..letters.len().saturating_sub(1) {
            let mut swapped = letters.clone();
            swapped.swap(i, i + 1);
            let k: String = swapped.into_iter().collect();
            if let Some(at) = self.exact.get(&k) {
                consider(k, at, &mut scored);
            }
        }
        for d in 1..=max {
            if scored.iter().any(|(w, _)| *w >= MIN_CORRECTED_SCORE) {
                break;
            }
            let Ok(aut) = fst::automaton::Levenshtein::new(&key, d) else {
                break;
            };
            let mut stream = self.exact.search(aut).into_stream();
            let mut seen = 0;
            while let Some((k, at)) = stream.next() {
                seen += 1;
                if seen > 2000 {
                    break;
                }
                consider(String::from_utf8_lossy(k).into_owned(), at, &mut scored);
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored
    }

    /// The one place a misspelt name clearly means: the best of [`Gazetteer::spellings`] when
    /// it leads the next different name by `CLEAR_SPELLING` (ln 20), is known enough
    /// (`MIN_CORRECTED_SCORE`) and the name has at least six letters (shorter names are a few
    /// edits from too many others); then every place of that name, ranked. Their match kind is
    /// [`MatchKind::Spelling`]: callers warn, and refuse it under `--strict`.
    pub fn correction(&self, query: &str) -> Vec<Candidate> {
        if fold(query).chars().count() < MIN_CORRECTED_CHARS {
            return Vec::new();
        }
        let mut all = self.spellings(query).into_iter();
        let Some((best, c)) = all
            .next()
            .filter(|(weighted, _)| *weighted >= MIN_CORRECTED_SCORE)
        else {
            return Vec::new();
        };
        let runner_up = all
            .find(|(_, o)| o.place.id != c.place.id && fold(&o.place.name) != fold(&c.place.name))
            .map_or(f64::NEG_INFINITY, |(s, _)| s);
        if best - runner_up < CLEAR_SPELLING {
            return Vec::new();
        }
        // Every place of the corrected name, so that a trip's neighbours still choose among
        // its namesakes ("Springfeild" beside St. Louis).
        let mut out = self.lookup_name(&c.matched, &LookupOptions::default());
        for o in &mut out {
            o.how = MatchKind::Spelling;
            o.score += MatchKind::Spelling.prior();
        }
        out
    }
}

/// Names shorter than this (folded) are never corrected: a common five-letter word is an edit
/// or two from too many places ("Depot", "Khasn").
const MIN_CORRECTED_CHARS: usize = 6;

/// A misspelling is read as a place only if the place is known enough: its weighted score
/// (prior less [`EDIT_COST`] an edit) must reach that of a town of ~10,000 people (prior
/// ln 10,000) two edits away. A slip is far likelier on a name people often write than on a
/// hamlet's ("Schiphol" is not the Kosovan village of Shipol, two edits away).
const MIN_CORRECTED_SCORE: f64 = 9.2 - 2.0 * EDIT_COST;

/// What an edit costs when ranking spellings, natural-log units: an edit is worth a 20-fold
/// population (one edit from Albuquerque, 545,000 people, beats none from a name of 27,000).
const EDIT_COST: f64 = 3.0;

/// How far the best spelling must lead the next place for a misspelt name to be read as it:
/// ln 20, the margin the trip resolver asks of a clear choice.
const CLEAR_SPELLING: f64 = 2.996;

/// The longest folded name that gets "did you mean" suggestions, bytes.
const MAX_SUGGESTED_BYTES: usize = 64;
