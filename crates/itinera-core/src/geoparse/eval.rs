//! Scoring the geoparser against an annotated set: span precision, recall and F1 (exact byte
//! spans), and accuracy within 161 km (100 miles), the usual geocoding measure, over the gold
//! toponyms whose span was found (exactly or overlapping).
//!
//! The gold format is JSON Lines, one document per line:
//! `{"id": "...", "text": "...", "toponyms": [{"start": 0, "end": 6, "name": "Khasan",
//! "lat": 42.42, "lon": 130.65}]}`, with byte offsets into the UTF-8 text, and optionally the
//! title of the Wikipedia article of the place meant (`"page"`).
//!
//! A country, region or continent is a point whose choice is arbitrary: Wikipedia puts Russia at
//! 66 N 94 E, GeoNames at 60 N 100 E, 700 km apart. So beside the plain distance measure, an
//! area is also judged by the place chosen: it is right when the gold article's title names it
//! (a gazetteer name of the chosen area), wherever the two points lie.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Mention, SenseKind};
use crate::gazetteer::{Gazetteer, LookupOptions, MatchKind, fold};

/// One annotated document.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GoldDoc {
    /// Document id.
    pub id: String,
    /// The text.
    pub text: String,
    /// The toponyms in it.
    pub toponyms: Vec<GoldToponym>,
    /// Places inside the names of organisations, facilities and streets ("Pike" of "Pike
    /// County Jail", "Heathrow"), where a gold file lists them apart from its toponyms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inside_names: Vec<GoldSpan>,
}

/// A span of a gold text, with the name written there.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GoldSpan {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the span.
    pub end: usize,
    /// The text of the span.
    pub name: String,
}

impl GoldDoc {
    /// Checks the annotation against the text: every toponym's span lies inside it, on
    /// character boundaries, and is not empty; its point is a point on Earth.
    ///
    /// # Errors
    /// What is wrong, naming the toponym.
    pub fn check(&self) -> Result<(), String> {
        let mut spans: Vec<(usize, usize, usize)> = self
            .toponyms
            .iter()
            .enumerate()
            .map(|(i, t)| (t.start, t.end, i + 1))
            .collect();
        spans.sort_unstable();
        for w in spans.windows(2) {
            if (w[0].0, w[0].1) == (w[1].0, w[1].1) {
                return Err(format!(
                    "toponyms {} and {} have the same span, bytes {}..{}: list each once",
                    w[0].2.min(w[1].2),
                    w[0].2.max(w[1].2),
                    w[0].0,
                    w[0].1
                ));
            }
        }
        for (i, t) in self.toponyms.iter().enumerate() {
            let n = i + 1;
            if t.start >= t.end || t.end > self.text.len() {
                return Err(format!(
                    "toponym {n} (`{}`) spans bytes {}..{} of a text of {} bytes",
                    t.name,
                    t.start,
                    t.end,
                    self.text.len()
                ));
            }
            if !self.text.is_char_boundary(t.start) || !self.text.is_char_boundary(t.end) {
                return Err(format!(
                    "toponym {n} (`{}`) starts or ends inside a character (offsets are bytes of UTF-8)",
                    t.name
                ));
            }
            if !(-90.0..=90.0).contains(&t.lat) || !(-180.0..=180.0).contains(&t.lon) {
                return Err(format!(
                    "toponym {n} (`{}`) has latitude {} and longitude {}",
                    t.name, t.lat, t.lon
                ));
            }
        }
        Ok(())
    }
}

/// One annotated toponym.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GoldToponym {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the toponym.
    pub end: usize,
    /// The place's name.
    pub name: String,
    /// Latitude of the place meant.
    pub lat: f64,
    /// Longitude of the place meant.
    pub lon: f64,
    /// Title of the Wikipedia article of the place meant, where the set gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
}

/// Distance within which a resolved toponym counts as right, km (100 miles).
pub const ACCURACY_KM: f64 = 161.0;

/// One disagreement with the gold annotation.
#[derive(Debug, Clone, Serialize)]
pub struct Disagreement {
    /// Document id.
    pub doc: String,
    /// "missed" (gold, not found), "spurious" (found, not gold), "far" (found, resolved more
    /// than 161 km away), "area" (more than 161 km away, but the area the gold names) or "span"
    /// (overlapping but not the same span).
    pub what: &'static str,
    /// The text of the span.
    pub text: String,
    /// Byte offset.
    pub start: usize,
    /// Gold place name, when there is one.
    pub gold: Option<String>,
    /// Predicted place (name, country), when there is one.
    pub predicted: Option<String>,
    /// Error distance, km, for "far".
    pub km: Option<f64>,
}

/// The scores over a set of documents.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Score {
    /// Documents scored.
    pub documents: usize,
    /// Gold toponyms.
    pub gold: usize,
    /// Predicted mentions.
    pub predicted: usize,
    /// Gold spans equal to a predicted span (recall's numerator).
    pub exact: usize,
    /// Predicted spans equal to a gold span (precision's numerator: never above `predicted`,
    /// whatever the gold file repeats).
    pub exact_predicted: usize,
    /// Span precision (exact spans).
    pub precision: f64,
    /// Span recall (exact spans).
    pub recall: f64,
    /// Span F1.
    pub f1: f64,
    /// Gold toponyms found by an exact or overlapping prediction.
    pub resolved: usize,
    /// Of those, resolved within 161 km.
    pub within_161km: usize,
    /// `within_161km / resolved`.
    pub accuracy_161km: f64,
    /// Of the resolved, those within 161 km or, for areas, whose gold article names the chosen
    /// area.
    pub right: usize,
    /// `right / resolved`: accuracy with areas judged by the place chosen.
    pub accuracy: f64,
    /// Mentions marked `in_name` (inside an organisation's or a facility's name). They are
    /// scored as toponyms where they meet a gold toponym, and left out of the span scores
    /// where they do not: a gold file may or may not annotate places inside names.
    pub in_name: usize,
    /// Of the `in_name` mentions, those that meet a gold toponym.
    pub in_name_toponyms: usize,
    /// Places inside names that the gold file lists (`inside_names`).
    pub inside_gold: usize,
    /// Of those, the ones a mention (marked or not) overlaps.
    pub inside_found: usize,
    /// Counts by the kind of place predicted (city, region, country...).
    pub by_kind: BTreeMap<&'static str, KindScore>,
    /// Every disagreement, in document order.
    pub disagreements: Vec<Disagreement>,
}

/// The counts of one kind of predicted place.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct KindScore {
    /// Predictions of this kind that overlap a gold toponym.
    pub found: usize,
    /// Of those, right (within 161 km, or the named area).
    pub right: usize,
    /// Predictions of this kind that overlap no gold toponym.
    pub spurious: usize,
}

/// Whether the gold article title (or name) names the area the mention chose: its own name, or
/// a gazetteer name of the place with the same GeoNames id.
fn names_the_area(g: &GoldToponym, m: &Mention) -> bool {
    if !matches!(
        m.kind,
        SenseKind::Country
            | SenseKind::Region
            | SenseKind::District
            | SenseKind::Continent
            | SenseKind::Area
    ) {
        return false;
    }
    let Some(page) = g.page.as_deref().map(page_title) else {
        return false;
    };
    let page = page.as_str();
    if fold(page) == fold(&m.name) {
        return true;
    }
    m.geonameid.is_some_and(|id| {
        Gazetteer::bundled()
            .lookup(page, &LookupOptions::default())
            .iter()
            .any(|c| c.how != MatchKind::Romanised && c.place.geonameid == Some(id))
    })
}

/// The article title of a Wikipedia address ("https://en.wikipedia.org/wiki/Pandi,_Bulacan" ->
/// "Pandi, Bulacan", with `%XX` escapes decoded); a bare title is returned as it is.
fn page_title(page: &str) -> String {
    let title = page.rsplit_once("/wiki/").map_or(page, |(_, t)| t);
    let mut bytes = Vec::with_capacity(title.len());
    let raw = title.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match raw[i] {
            b'%' if i + 2 < raw.len() => match (hex(raw[i + 1]), hex(raw[i + 2])) {
                (Some(h), Some(l)) => {
                    bytes.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => bytes.push(b'%'),
            },
            b'_' => bytes.push(b' '),
            b => bytes.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let a = geo::Coord { x: lon1, y: lat1 };
    let b = geo::Coord { x: lon2, y: lat2 };
    crate::route::distance(a, b) / 1000.0
}

impl Score {
    /// Adds one document: its gold annotation and what the geoparser found.
    pub fn add(&mut self, doc: &GoldDoc, predicted_all: &[Mention]) {
        self.documents += 1;
        self.gold += doc.toponyms.len();
        let overlaps = |g: &GoldToponym, m: &Mention| m.start < g.end && g.start < m.end;
        // A mention inside a name counts where the gold file calls it a toponym, and is
        // left out where it does not.
        let predicted: Vec<&Mention> = predicted_all
            .iter()
            .filter(|m| !m.in_name || doc.toponyms.iter().any(|g| overlaps(g, m)))
            .collect();
        let marked = predicted.iter().filter(|m| m.in_name).count();
        self.in_name_toponyms += marked;
        self.predicted += predicted.len();
        self.exact_predicted += predicted
            .iter()
            .filter(|m| {
                doc.toponyms
                    .iter()
                    .any(|g| g.start == m.start && g.end == m.end)
            })
            .count();
        self.inside_gold += doc.inside_names.len();
        self.inside_found += doc
            .inside_names
            .iter()
            .filter(|g| {
                predicted_all
                    .iter()
                    .any(|m| m.start < g.end && g.start < m.end)
            })
            .count();
        self.in_name += predicted_all.iter().filter(|m| m.in_name).count();
        for g in &doc.toponyms {
            let exact = predicted
                .iter()
                .copied()
                .find(|m| m.start == g.start && m.end == g.end);
            let hit = exact.or_else(|| predicted.iter().copied().find(|m| overlaps(g, m)));
            let text = doc.text.get(g.start..g.end).unwrap_or_default().to_string();
            let Some(m) = hit else {
                self.disagreements.push(Disagreement {
                    doc: doc.id.clone(),
                    what: "missed",
                    text,
                    start: g.start,
                    gold: Some(g.name.clone()),
                    predicted: None,
                    km: None,
                });
                continue;
            };
            if exact.is_some() {
                self.exact += 1;
            } else {
                self.disagreements.push(Disagreement {
                    doc: doc.id.clone(),
                    what: "span",
                    text: format!("{text} / {}", m.text),
                    start: g.start,
                    gold: Some(g.name.clone()),
                    predicted: Some(format!("{} ({})", m.name, m.country)),
                    km: None,
                });
            }
            self.resolved += 1;
            let d = km(g.lat, g.lon, m.lat, m.lon);
            let near = d <= ACCURACY_KM;
            let right = near || names_the_area(g, m);
            let kind = self.by_kind.entry(m.kind.as_str()).or_default();
            kind.found += 1;
            if right {
                kind.right += 1;
                self.right += 1;
            }
            if near {
                self.within_161km += 1;
            } else {
                self.disagreements.push(Disagreement {
                    doc: doc.id.clone(),
                    what: if right { "area" } else { "far" },
                    text,
                    start: g.start,
                    gold: Some(g.name.clone()),
                    predicted: Some(format!("{} ({})", m.name, m.country)),
                    km: Some(d),
                });
            }
        }
        for m in predicted {
            if !doc.toponyms.iter().any(|g| overlaps(g, m)) {
                self.by_kind.entry(m.kind.as_str()).or_default().spurious += 1;
                self.disagreements.push(Disagreement {
                    doc: doc.id.clone(),
                    what: "spurious",
                    text: m.text.clone(),
                    start: m.start,
                    gold: None,
                    predicted: Some(format!("{} ({})", m.name, m.country)),
                    km: None,
                });
            }
        }
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        self.precision = ratio(self.exact_predicted, self.predicted);
        self.recall = ratio(self.exact, self.gold);
        self.f1 = if self.precision + self.recall > 0.0 {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        } else {
            0.0
        };
        self.accuracy_161km = ratio(self.within_161km, self.resolved);
        self.accuracy = ratio(self.right, self.resolved);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoparse::SenseKind;

    fn mention(start: usize, end: usize, lat: f64, lon: f64) -> Mention {
        Mention {
            start,
            end,
            text: String::new(),
            name: String::new(),
            geonameid: None,
            kind: SenseKind::City,
            country: String::new(),
            lat,
            lon,
            score: 1.0,
            in_name: false,
        }
    }

    proptest::proptest! {
        /// Precision and recall stay within [0, 1] whatever the spans, repeated gold spans
        /// included (`check` refuses those in files; the scores hold without it).
        #[test]
        fn precision_and_recall_stay_between_zero_and_one(
            gold in proptest::collection::vec((0usize..40, 1usize..6), 0..12),
            predicted in proptest::collection::vec((0usize..40, 1usize..6), 0..12),
        ) {
            let doc = GoldDoc {
                id: "d".into(),
                text: "x".repeat(50),
                toponyms: gold
                    .iter()
                    .map(|&(s, l)| GoldToponym {
                        start: s,
                        end: s + l,
                        name: String::new(),
                        lat: 0.0,
                        lon: 0.0,
                        page: None,
                    })
                    .collect(),
                inside_names: Vec::new(),
            };
            let predicted: Vec<Mention> =
                predicted.iter().map(|&(s, l)| mention(s, s + l, 0.0, 0.0)).collect();
            let mut score = Score::default();
            score.add(&doc, &predicted);
            score.add(&doc, &predicted);
            for v in [score.precision, score.recall, score.f1, score.accuracy, score.accuracy_161km] {
                proptest::prop_assert!((0.0..=1.0).contains(&v), "{v}");
            }
        }
    }

    #[test]
    fn a_span_listed_twice_is_refused() {
        let t = |start, end| GoldToponym {
            start,
            end,
            name: "Paris".into(),
            lat: 0.0,
            lon: 0.0,
            page: None,
        };
        let doc = GoldDoc {
            id: "d".into(),
            text: "Paris and Paris".into(),
            toponyms: vec![t(0, 5), t(10, 15), t(0, 5)],
            inside_names: Vec::new(),
        };
        let e = doc.check().err().unwrap_or_default();
        assert!(e.contains("toponyms 1 and 3"), "{e}");
    }

    /// A mention inside a name counts where the gold calls it a toponym and is left out where
    /// it does not; the gold's places inside names are counted apart.
    #[test]
    fn mentions_inside_names_are_optional() {
        let doc = GoldDoc {
            id: "d".into(),
            text: "Iowa and the University of Iowa and Pike County Jail".into(),
            toponyms: vec![GoldToponym {
                start: 0,
                end: 4,
                name: "Iowa".into(),
                lat: 42.0,
                lon: -93.5,
                page: None,
            }],
            inside_names: vec![GoldSpan {
                start: 27,
                end: 31,
                name: "Iowa".into(),
            }],
        };
        let marked = |start, end| Mention {
            in_name: true,
            ..mention(start, end, 42.0, -93.5)
        };
        let mut s = Score::default();
        s.add(
            &doc,
            &[mention(0, 4, 42.0, -93.5), marked(27, 31), marked(36, 47)],
        );
        assert_eq!((s.predicted, s.exact), (1, 1));
        assert_eq!(s.precision, 1.0);
        assert_eq!((s.in_name, s.in_name_toponyms), (2, 0));
        assert_eq!((s.inside_found, s.inside_gold), (1, 1));
        // Marked and on a gold toponym: scored like any mention.
        let mut s = Score::default();
        s.add(&doc, &[marked(0, 4)]);
        assert_eq!((s.predicted, s.exact, s.in_name_toponyms), (1, 1, 1));
    }

    #[test]
    fn scores_spans_and_distances() {
        let doc = GoldDoc {
            id: "d".into(),
            text: "Paris and Texas and Rome".into(),
            toponyms: vec![
                GoldToponym {
                    start: 0,
                    end: 5,
                    name: "Paris".into(),
                    lat: 33.66,
                    lon: -95.56,
                    page: None,
                },
                GoldToponym {
                    start: 10,
                    end: 15,
                    name: "Texas".into(),
                    lat: 31.0,
                    lon: -99.0,
                    page: None,
                },
                GoldToponym {
                    start: 20,
                    end: 24,
                    name: "Rome".into(),
                    lat: 41.9,
                    lon: 12.5,
                    page: None,
                },
            ],
            inside_names: Vec::new(),
        };
        // Paris resolved to France (far), Texas right, Rome missed, one spurious "and".
        let predicted = [
            mention(0, 5, 48.85, 2.35),
            mention(10, 15, 31.2, -99.1),
            mention(6, 9, 0.0, 0.0),
        ];
        let mut s = Score::default();
        s.add(&doc, &predicted);
        assert_eq!((s.exact, s.predicted, s.gold), (2, 3, 3));
        assert!((s.precision - 2.0 / 3.0).abs() < 1e-12);
        assert!((s.recall - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!((s.resolved, s.within_161km), (2, 1));
        let kinds: Vec<_> = s.disagreements.iter().map(|d| d.what).collect();
        assert_eq!(kinds, ["far", "missed", "spurious"]);
        assert_eq!(s.by_kind["city"].found, 2);
        assert_eq!(s.by_kind["city"].spurious, 1);
    }

    #[test]
    fn wikipedia_addresses_become_titles() {
        assert_eq!(
            page_title("https://en.wikipedia.org/wiki/Pandi,_Bulacan"),
            "Pandi, Bulacan"
        );
        assert_eq!(
            page_title("https://en.wikipedia.org/wiki/C%C3%B4te_d%27Ivoire"),
            "Côte d'Ivoire"
        );
        assert_eq!(page_title("Russia"), "Russia");
        assert_eq!(page_title("100%"), "100%");
    }

    #[test]
    fn an_area_is_judged_by_the_place_chosen_not_its_point() {
        // Wikipedia's point for Russia is 700 km from GeoNames'; the chosen country is right.
        let g = GoldToponym {
            start: 0,
            end: 6,
            name: "Russia".into(),
            lat: 66.0,
            lon: 94.0,
            page: Some("Russia".into()),
        };
        let mut m = mention(0, 6, 60.0, 100.0);
        m.kind = SenseKind::Country;
        m.name = "Russia".into();
        m.geonameid = Some(2_017_370);
        assert!(names_the_area(&g, &m));
        // The page names the place through an alternate name of the chosen area.
        let g2 = GoldToponym {
            page: Some("Russian Federation".into()),
            ..g.clone()
        };
        assert!(names_the_area(&g2, &m));
        // A city is judged by distance only, and a wrong area stays wrong.
        let g3 = GoldToponym {
            page: Some("Georgia (U.S. state)".into()),
            ..g.clone()
        };
        m.name = "Georgia".into();
        m.geonameid = Some(614_540);
        assert!(!names_the_area(&g3, &m));
        m.kind = SenseKind::City;
        assert!(!names_the_area(&g, &m));
        let doc = GoldDoc {
            id: "d".into(),
            text: "Russia".into(),
            toponyms: vec![g],
            inside_names: Vec::new(),
        };
        let mut m = mention(0, 6, 60.0, 100.0);
        m.kind = SenseKind::Country;
        m.name = "Russia".into();
        let mut s = Score::default();
        s.add(&doc, &[m]);
        assert_eq!((s.within_161km, s.right), (0, 1));
        assert_eq!(s.disagreements[0].what, "area");
    }
}
