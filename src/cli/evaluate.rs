//! `itinera evaluate`: the geoparser scored against a gold file of annotated documents.

use std::fmt::Write as _;
use std::path::Path;

use itinera::Error;
use itinera::InvalidKind;
use itinera::geoparse::eval::{GoldDoc, Score};
use itinera::geoparse::{Extraction, Geoparser, RULES, RuleSet};
use rayon::prelude::*;

use super::run::Outcome;
use super::{EvaluateArgs, Exit, report};

pub fn evaluate(a: EvaluateArgs) -> Outcome {
    let name = a.gold.display().to_string();
    let docs = read_gold(&a.gold)?;
    let rules = a
        .without
        .iter()
        .fold(RuleSet::all(), |set, &r| set.without(r));
    let score = score_with(&docs, rules);
    let mut s = String::new();
    if a.json {
        s = format!(
            "{}\n",
            serde_json::to_string_pretty(&score).unwrap_or_default()
        );
    } else {
        write_report(&mut s, &a, &name, &docs, rules, &score);
    }
    super::run::print(&s)?;
    Ok(Exit::Success)
}

/// The gold documents of the file at `path`, one JSON object a line; a document id used again
/// is warned of, and both are kept.
fn read_gold(path: &Path) -> Result<Vec<GoldDoc>, Error> {
    let text = itinera::SourceFile::read(path)?;
    let mut docs: Vec<GoldDoc> = Vec::new();
    // Document id -> the line it was first given on: a repeated id makes reports ambiguous.
    let mut ids: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, line) in text.text.lines().enumerate() {
        // A byte-order mark before the first line is no part of the JSON.
        let line = if i == 0 {
            line.trim_start_matches('\u{feff}')
        } else {
            line
        };
        if line.trim().is_empty() {
            continue;
        }
        let doc: GoldDoc = serde_json::from_str(line).map_err(|e| Error::Syntax {
            message: format!("not a gold document ({e})"),
            location: Box::new(text.line_location(i + 1)),
        })?;
        doc.check().map_err(|message| Error::Invalid {
            kind: InvalidKind::Value,
            message,
            location: Some(Box::new(text.line_location(i + 1))),
            help: Some("start and end are byte offsets into the document's text".into()),
        })?;
        if let Some(first) = ids.insert(doc.id.clone(), i + 1) {
            report::warning(
                &format!(
                    "document id `{}` is used again (first on line {first}); both are scored",
                    doc.id
                ),
                Some(&text.line_location(i + 1)),
            );
        }
        docs.push(doc);
    }
    Ok(docs)
}

/// The text report of `score`: the scores, then what `--by` and `--errors` ask for.
fn write_report(
    s: &mut String,
    a: &EvaluateArgs,
    name: &str,
    docs: &[GoldDoc],
    rules: RuleSet,
    score: &Score,
) {
    write_scores(s, name, score);
    if a.by == Some(super::Breakdown::Rule) {
        write_by_rule(s, docs, rules, score);
    }
    if a.by == Some(super::Breakdown::Kind) {
        write_by_kind(s, score);
    }
    if a.errors {
        write_disagreements(s, score);
    }
}

/// The spans' and the resolution's scores, and the places inside names.
fn write_scores(s: &mut String, name: &str, score: &Score) {
    let _ = writeln!(
        s,
        "{}: {} documents, {} gold toponyms, {} predicted",
        report::visible(name),
        score.documents,
        score.gold,
        score.predicted
    );
    let _ = writeln!(
        s,
        "spans (exact):   precision {:.3}  recall {:.3}  F1 {:.3}",
        score.precision, score.recall, score.f1
    );
    let _ = writeln!(
        s,
        "resolution:      {} of {} found toponyms within 161 km: accuracy@161km {:.3}",
        score.within_161km, score.resolved, score.accuracy_161km
    );
    let _ = writeln!(
        s,
        "                 {} of {} right, areas judged by the place chosen: accuracy {:.3}",
        score.right, score.resolved, score.accuracy
    );
    if score.in_name > 0 || score.inside_gold > 0 {
        let _ = writeln!(
            s,
            "inside names:    {} mentions marked in_name ({} of them gold toponyms); {} of {} gold places inside names found",
            score.in_name, score.in_name_toponyms, score.inside_found, score.inside_gold
        );
    }
}

/// `--by rule`: the scores with each rule of the geoparser switched off in turn.
fn write_by_rule(s: &mut String, docs: &[GoldDoc], rules: RuleSet, score: &Score) {
    let _ = writeln!(
        s,
        "without rule          step      F1  (change)  accuracy  (change)  inside names found"
    );
    for r in RULES {
        let without = score_with(docs, rules.without(r.rule));
        let _ = writeln!(
            s,
            "  {:<19} {:<8} {:.3} ({:+.3})     {:.3} ({:+.3})  {} of {}",
            r.name,
            r.step.as_str(),
            without.f1,
            without.f1 - score.f1,
            without.accuracy,
            without.accuracy - score.accuracy,
            without.inside_found,
            without.inside_gold
        );
    }
}

/// `--by kind`: the predictions by the kind of place predicted, and the misses.
fn write_by_kind(s: &mut String, score: &Score) {
    let _ = writeln!(s, "by kind predicted:  found  right  accuracy  spurious");
    for (kind, k) in &score.by_kind {
        let acc = if k.found == 0 {
            0.0
        } else {
            k.right as f64 / k.found as f64
        };
        let _ = writeln!(
            s,
            "  {kind:<16} {:>6} {:>6} {acc:>9.3} {:>9}",
            k.found, k.right, k.spurious
        );
    }
    let missed = score
        .disagreements
        .iter()
        .filter(|d| d.what == "missed")
        .count();
    let _ = writeln!(s, "  (missed, no prediction: {missed})");
}

/// `--errors`: every disagreement with the gold file.
fn write_disagreements(s: &mut String, score: &Score) {
    for d in &score.disagreements {
        // Every text here comes from the gold file: its control characters are shown,
        // not obeyed.
        let _ = writeln!(
            s,
            "{:8} {:28} {:>6}  {:24} gold: {:28} got: {}{}",
            d.what,
            report::visible(&d.doc),
            d.start,
            report::visible(&d.text),
            report::visible(d.gold.as_deref().unwrap_or("-")),
            report::visible(d.predicted.as_deref().unwrap_or("-")),
            d.km.map(|k| format!(" ({k:.0} km off)"))
                .unwrap_or_default()
        );
    }
}

/// The scores of the documents with the rules of `rules` in force.
fn score_with(docs: &[GoldDoc], rules: RuleSet) -> Score {
    let results: Vec<Extraction> = docs
        .par_iter()
        .map_init(|| Geoparser::with_rules(rules), |p, d| p.extract(&d.text))
        .collect();
    let mut score = Score::default();
    for (d, e) in docs.iter().zip(&results) {
        score.add(d, &e.mentions);
    }
    score
}
