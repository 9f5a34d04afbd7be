//! What the GPX and KML readers share: parsing XML with its errors at `file:line:column`, and
//! finding elements by local name, so that namespaces (GPX 1.0 or 1.1, KML with or without
//! `gx:`, vendor extensions) do not matter.

use roxmltree::{Document, Node, ParsingOptions};

use super::{Date, invalid};
use crate::error::{Error, Result};
use crate::source::SourceFile;

/// How deep elements may nest. GPX nests 4 levels and KML's Folders a handful; the readers walk
/// the tree recursively, so a bound keeps a hostile file from overflowing the stack.
pub(crate) const MAX_DEPTH: usize = 256;

/// The most text that references to a file's own entities (`<!ENTITY a "...">`, then `&a;`)
/// may expand to. GPX and KML need no entities; the bound refuses a small file that expands to
/// gigabytes (one long entity referenced thousands of times).
pub(crate) const MAX_ENTITY_TEXT: usize = 1 << 20;

/// The parsed document; a syntax error at its line and column; an error where entities would
/// expand beyond [`MAX_ENTITY_TEXT`] or elements nest deeper than [`MAX_DEPTH`].
pub(super) fn document(source: &SourceFile) -> Result<Document<'_>> {
    entities::check(source)?;
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(&source.text, options).map_err(|e| {
        // A file cut short is reported where it ends (the parser gives no position for it).
        let location = if matches!(
            e,
            roxmltree::Error::UnexpectedEndOfStream | roxmltree::Error::UnclosedRootNode
        ) {
            source.location(source.text.trim_end().len())
        } else {
            let pos = e.pos();
            let mut location = source.line_location(pos.row as usize);
            location.column = pos.col as usize;
            location
        };
        Error::Syntax {
            message: format!("invalid XML: {}", lower_message(&e.to_string())),
            location: Box::new(location),
        }
    })?;
    check_depth(&doc, source)?;
    Ok(doc)
}

/// An error at the first element nested deeper than [`MAX_DEPTH`].
fn check_depth(doc: &Document<'_>, source: &SourceFile) -> Result<()> {
    // Nodes come in document order, so a parent's depth is known before its children's.
    let mut depths = vec![0u16; doc.descendants().len()];
    for n in doc.root().descendants().filter(Node::is_element) {
        let parent = n.parent().map_or(0, |p| depths[p.id().get_usize()]);
        let depth = parent + 1;
        if usize::from(depth) > MAX_DEPTH {
            return Err(invalid(
                format!("elements nest deeper than {MAX_DEPTH} levels"),
                source,
                n.range().start,
                Some("GPX and KML files nest a few levels; this one is not a trip".into()),
            ));
        }
        depths[n.id().get_usize()] = depth;
    }
    Ok(())
}

/// roxmltree's message without the position it appends (the location says it).
fn lower_message(m: &str) -> String {
    let m = m.rsplit_once(" at ").map_or(m, |(head, _)| head);
    super::lower_first(m)
}

/// The document's root element, checked to be `<name>` (a KML file named `.gpx` says so).
pub(super) fn root<'a, 'i>(
    doc: &'a Document<'i>,
    name: &str,
    source: &SourceFile,
) -> Result<Node<'a, 'i>> {
    let root = doc.root_element();
    let found = root.tag_name().name();
    if found != name {
        return Err(invalid(
            format!("the root element is <{found}>, not <{name}>"),
            source,
            root.range().start,
            wrong_root_help(found),
        ));
    }
    Ok(root)
}

/// The element children of `node` with the local name `name`.
pub(super) fn children<'a, 'i>(
    node: Node<'a, 'i>,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

/// The first element child of `node` with the local name `name`.
pub(super) fn child<'a, 'i>(node: Node<'a, 'i>, name: &'static str) -> Option<Node<'a, 'i>> {
    children(node, name).next()
}

/// The text of an element (character data and CDATA sections) without the XML white space
/// (space, tab, line breaks) around it, which indenting adds; a no-break space is text.
/// `None` when empty.
pub(super) fn text(node: Node<'_, '_>) -> Option<String> {
    let mut s = String::new();
    for c in node.children().filter(Node::is_text) {
        s.push_str(c.text().unwrap_or_default());
    }
    let t = s.trim_matches([' ', '\t', '\r', '\n']);
    (!t.is_empty()).then(|| t.to_string())
}

/// The text of the child element `name`.
pub(super) fn child_text(node: Node<'_, '_>, name: &'static str) -> Option<String> {
    child(node, name).and_then(text)
}

/// The date in an element's text (`<time>`, `<when>`), or an error at the element.
pub(super) fn date(node: Node<'_, '_>, source: &SourceFile) -> Result<Option<Date>> {
    let Some(t) = text(node) else {
        return Ok(None);
    };
    t.parse::<Date>().map(Some).map_err(|_| {
        invalid(
            format!("invalid date `{t}`"),
            source,
            node.range().start,
            Some("write times in ISO 8601, e.g. 2011-08-20 or 2011-08-20T10:00:00Z".into()),
        )
    })
}

/// A number in an attribute (GPX `lat`, `lon`), or an error at the attribute's value.
pub(super) fn number_attribute(
    node: Node<'_, '_>,
    name: &'static str,
    source: &SourceFile,
) -> Result<f64> {
    let Some(attr) = node.attributes().find(|a| a.name() == name) else {
        return Err(invalid(
            format!("<{}> has no `{name}` attribute", node.tag_name().name()),
            source,
            node.range().start,
            Some("a GPX point is written <wpt lat=\"42.42387\" lon=\"130.65156\">".into()),
        ));
    };
    attr.value().trim().parse::<f64>().map_err(|_| {
        invalid(
            format!("`{name}` must be a number, found `{}`", attr.value()),
            source,
            attr.range_value().start,
            None,
        )
    })
}

/// The help for a file whose root element is not the format's: the format it is.
fn wrong_root_help(root: &str) -> Option<String> {
    match root {
        "kml" => Some("this is a KML file: name it .kml or pass --input-format kml".into()),
        "gpx" => Some("this is a GPX file: name it .gpx or pass --input-format gpx".into()),
        _ => None,
    }
}

mod entities;
