//! A bound on entity expansion, checked on the text before the XML parser expands anything.
//!
//! The parser expands a file's own general entities (declared in the internal subset of its
//! `<!DOCTYPE>`) in place, so a 120 KB file with one 100 KB entity referenced 4,000 times
//! becomes 400 MB of text. This scan reads the declarations, counts the references after
//! them, and refuses a file whose references would expand to more than
//! [`super::MAX_ENTITY_TEXT`], or whose entities refer to other entities (the nesting that
//! "billion laughs" multiplies with). Files without a `<!DOCTYPE>` cost one substring search.

use std::collections::HashMap;

use super::super::invalid;
use super::MAX_ENTITY_TEXT;
use crate::error::Result;
use crate::source::SourceFile;

/// A general entity declared in the internal subset.
struct Entity<'t> {
    value: &'t str,
    /// Byte offset of its `<!ENTITY`.
    at: usize,
}

/// Refuses entities that expand beyond the bound, nest, or are parameter entities.
pub(super) fn check(source: &SourceFile) -> Result<()> {
    let text = source.text.as_str();
    let Some(doctype) = prolog_doctype(text) else {
        return Ok(());
    };
    let Some((entities, end)) = declarations(text, doctype, source)? else {
        // Malformed or without an internal subset: the parser says what is wrong, or there
        // is nothing to expand.
        return Ok(());
    };
    if entities.is_empty() {
        return Ok(());
    }
    let mut total = 0usize;
    let mut uses: HashMap<&str, usize> = HashMap::new();
    let body = &text[end..];
    let mut rest = body;
    while let Some(i) = rest.find('&') {
        let after = &rest[i + 1..];
        let name_len = after
            .find(|c: char| !is_name_char(c))
            .unwrap_or(after.len());
        let name = &after[..name_len];
        if after[name_len..].starts_with(';')
            && let Some(e) = entities.get(name)
        {
            total += e.value.len();
            *uses.entry(name).or_default() += 1;
        }
        rest = &after[name_len..];
    }
    if total <= MAX_ENTITY_TEXT {
        return Ok(());
    }
    let Some((name, count)) = uses
        .iter()
        .max_by_key(|(n, c)| entities[*n].value.len() * **c)
    else {
        return Ok(());
    };
    let e = &entities[name];
    Err(invalid(
        format!(
            "the entity `{name}` ({} bytes) is referenced {count} times: the file's entity \
             references expand to {} MiB of text, more than the {} MiB allowed",
            e.value.len(),
            total.div_ceil(1 << 20),
            MAX_ENTITY_TEXT >> 20
        ),
        source,
        e.at,
        Some("GPX and KML need no entities: write the text itself".into()),
    ))
}

/// The offset of a `<!DOCTYPE` before the root element (after white space, the XML
/// declaration, processing instructions and comments), if there is one.
fn prolog_doctype(text: &str) -> Option<usize> {
    let mut i = 0;
    let b = text.as_bytes();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || text[i..].starts_with('\u{feff}')) {
            i += if b[i].is_ascii_whitespace() { 1 } else { 3 };
        }
        let rest = &text[i..];
        if rest.starts_with("<?") {
            i += rest.find("?>")? + 2;
        } else if rest.starts_with("<!--") {
            i += rest.find("-->")? + 3;
        } else if rest.starts_with("<!DOCTYPE") {
            return Some(i);
        } else {
            return None;
        }
    }
}

/// The general entities declared in the internal subset of the `<!DOCTYPE` at `start`, and
/// the offset after the subset; `None` when there is no internal subset or it is malformed.
/// An error for a parameter entity or an entity whose value refers to another entity.
fn declarations<'t>(
    text: &'t str,
    start: usize,
    source: &SourceFile,
) -> Result<Option<(HashMap<&'t str, Entity<'t>>, usize)>> {
    let mut i = start + "<!DOCTYPE".len();
    // The name and external identifier, up to the internal subset.
    loop {
        match text[i..].chars().next() {
            Some('[') => break,
            Some('>') | None => return Ok(None),
            Some(q @ ('"' | '\'')) => match text[i + 1..].find(q) {
                Some(j) => i += j + 2,
                None => return Ok(None),
            },
            Some(c) => i += c.len_utf8(),
        }
    }
    i += 1;
    let mut entities = HashMap::new();
    loop {
        let rest = &text[i..];
        let trimmed = rest.trim_start();
        i += rest.len() - trimmed.len();
        let rest = trimmed;
        if rest.starts_with(']') {
            return Ok(Some((entities, i + 1)));
        } else if rest.starts_with("<!--") {
            let Some(j) = rest.find("-->") else {
                return Ok(None);
            };
            i += j + 3;
        } else if rest.starts_with("<?") {
            let Some(j) = rest.find("?>") else {
                return Ok(None);
            };
            i += j + 2;
        } else if let Some(decl) = rest.strip_prefix("<!ENTITY") {
            let at = i;
            let decl = decl.trim_start();
            if decl.starts_with('%') {
                return Err(invalid(
                    "parameter entities (`<!ENTITY %`) are not read".into(),
                    source,
                    at,
                    Some("GPX and KML need no DTD: remove the <!DOCTYPE>".into()),
                ));
            }
            let name_len = decl.find(|c: char| !is_name_char(c)).unwrap_or(decl.len());
            let name = &decl[..name_len];
            let after = decl[name_len..].trim_start();
            let value = match after.chars().next() {
                Some(q @ ('"' | '\'')) => match after[1..].find(q) {
                    Some(j) => &after[1..=j],
                    None => return Ok(None),
                },
                // An external entity: the parser does not load it.
                _ => "",
            };
            if refers_to_entity(value) {
                return Err(invalid(
                    format!("the entity `{name}` refers to another entity"),
                    source,
                    at,
                    Some("GPX and KML need no entities: write the text itself".into()),
                ));
            }
            entities.entry(name).or_insert(Entity { value, at });
            let Some(j) = skip_declaration(rest) else {
                return Ok(None);
            };
            i += j;
        } else if rest.starts_with("<!") {
            let Some(j) = skip_declaration(rest) else {
                return Ok(None);
            };
            i += j;
        } else if rest.starts_with('%') {
            let Some(j) = rest.find(';') else {
                return Ok(None);
            };
            i += j + 1;
        } else {
            return Ok(None);
        }
    }
}

/// The length of the markup declaration at the start of `s`, to its closing `>` outside quotes.
fn skip_declaration(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Whether an entity value holds a reference to a general or parameter entity (character
/// references and the five predefined entities expand to one character each).
fn refers_to_entity(value: &str) -> bool {
    const PREDEFINED: [&str; 5] = ["amp;", "lt;", "gt;", "apos;", "quot;"];
    value.contains('%')
        || value.match_indices('&').any(|(i, _)| {
            let after = &value[i + 1..];
            !after.starts_with('#') && !PREDEFINED.iter().any(|p| after.starts_with(p))
        })
}

/// A character of an XML name (ASCII subset plus every non-ASCII letter, which is what the
/// entity names that matter use; a name the parser reads differently only makes the count
/// smaller than the parser's, never the expansion unbounded, as nested entities are refused).
fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> SourceFile {
        SourceFile::new("t.kml", text.to_string())
    }

    #[test]
    fn small_entities_pass_and_amplification_is_refused() {
        let ok = "<?xml version=\"1.0\"?>\n<!DOCTYPE kml [ <!ENTITY nbsp \"&#160;\"> ]>\n<kml>&nbsp;&nbsp;</kml>";
        assert!(check(&source(ok)).is_ok());
        let big = "x".repeat(100_000);
        let refs = "&a;".repeat(20);
        let bad = format!("<!DOCTYPE kml [<!ENTITY a \"{big}\">]><kml>{refs}</kml>");
        let err = check(&source(&bad)).unwrap_err().to_string();
        assert!(err.contains("entity `a`") && err.contains("1 MiB"), "{err}");
        // Ten references of the same entity are 1 MB: within the bound.
        let fine = format!(
            "<!DOCTYPE kml [<!ENTITY a \"{big}\">]><kml>{}</kml>",
            &refs[..30]
        );
        assert!(check(&source(&fine)).is_ok());
    }

    #[test]
    fn nested_and_parameter_entities_are_refused() {
        let laughs = "<!DOCTYPE g [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;\">]><gpx>&b;</gpx>";
        let err = check(&source(laughs)).unwrap_err().to_string();
        assert!(err.contains("`b` refers to another entity"), "{err}");
        let pe = "<!DOCTYPE g [<!ENTITY % p \"x\"> %p;]><gpx/>";
        assert!(
            check(&source(pe))
                .unwrap_err()
                .to_string()
                .contains("parameter")
        );
    }

    #[test]
    fn no_doctype_or_a_doctype_in_the_body_is_not_read() {
        assert!(check(&source("<gpx>&amp;</gpx>")).is_ok());
        // A DOCTYPE after the root element is the parser's to refuse.
        assert!(check(&source("<gpx/><!DOCTYPE g [<!ENTITY % p \"x\">]>")).is_ok());
        // Quotes and `>` inside a declaration's value do not end it early.
        let q = "<!DOCTYPE k [<!ATTLIST a b CDATA \">]\"><!ENTITY e \"ok\">]><kml>&e;</kml>";
        assert!(check(&source(q)).is_ok());
    }
}
