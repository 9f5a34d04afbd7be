//! The house rules a newcomer can break without noticing, checked on the source itself: no
//! source file over 600 lines of code outside its tests, no function over 120 lines, and the
//! library's modules importing only modules of a lower layer (CONTRIBUTING.md, "The house").

use std::fs;
use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 600;
const MAX_FN_LINES: usize = 120;

/// The library's modules, lowest layer first: a module may import its own layer and those
/// before it. The foundation (errors, sources, boxes, markup, atomic outputs) is importable
/// from everywhere; `error` names the types of the steps its variants carry, so it is left out.
const LAYERS: &[&[&str]] = &[
    &["source", "bbox", "markup", "output", "geodesy"],
    &["gazetteer"],
    &["trip"],
    &["route"],
    &["geoparse"],
    &["basemap"],
    &["scene"],
    &["render"],
    &["export"],
    &["formats", "records", "options"],
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    for krate in ["itinera-core", "itinera-data", "itinera-py"] {
        rust_files(&root.join("crates").join(krate).join("src"), &mut files);
        rust_files(&root.join("crates").join(krate).join("build"), &mut files);
    }
    files.sort();
    assert!(files.len() > 50, "found only {} source files", files.len());
    files
}

/// Whether the whole file is tests (`tests.rs`, `*_tests.rs`, test data).
fn is_test_file(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name == "tests.rs" || name.ends_with("_tests.rs") || name == "testdata.rs"
}

/// The file's lines before its `#[cfg(test)] mod tests` block, if it has one at the end.
fn code_lines(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    let end = lines
        .windows(2)
        .position(|w| w[0].trim() == "#[cfg(test)]" && w[1].starts_with("mod tests"))
        .unwrap_or(lines.len());
    lines[..end].to_vec()
}

fn is_fn_start(line: &str) -> bool {
    let t = line.trim_start();
    let t = t
        .strip_prefix("pub(crate) ")
        .or_else(|| t.strip_prefix("pub(super) "))
        .or_else(|| t.strip_prefix("pub "))
        .unwrap_or(t);
    let t = t.strip_prefix("const ").unwrap_or(t);
    let t = t.strip_prefix("unsafe ").unwrap_or(t);
    t.starts_with("fn ")
}

/// Functions longer than the limit: (name line, length). Relies on rustfmt's layout: a body
/// closes with `}` at the indentation its `fn` starts at.
fn long_functions(lines: &[&str]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !is_fn_start(line) {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let close = format!("{}}}", &line[..indent]);
        // A declaration without a body (in a trait) ends with `;` before any `{`.
        let head_end = lines[i..]
            .iter()
            .position(|l| l.trim_end().ends_with('{') || l.trim_end().ends_with(';'));
        let Some(h) = head_end else { continue };
        if lines[i + h].trim_end().ends_with(';') || lines[i + h].trim_end().ends_with("{}") {
            continue;
        }
        if let Some(len) = lines[i..].iter().position(|l| l.trim_end() == close)
            && len + 1 > MAX_FN_LINES
        {
            found.push((i + 1, len + 1));
        }
    }
    found
}

#[test]
fn no_source_file_is_over_600_lines_of_code() {
    let mut long = Vec::new();
    for p in sources().iter().filter(|p| !is_test_file(p)) {
        let text = fs::read_to_string(p).unwrap_or_default();
        let n = code_lines(&text).len();
        if n > MAX_FILE_LINES {
            long.push(format!("{}: {n} lines", p.display()));
        }
    }
    assert!(
        long.is_empty(),
        "split these files (at most {MAX_FILE_LINES} lines before the tests):\n{}",
        long.join("\n")
    );
}

#[test]
fn no_function_is_over_120_lines() {
    let mut long = Vec::new();
    for p in sources().iter().filter(|p| !is_test_file(p)) {
        let text = fs::read_to_string(p).unwrap_or_default();
        for (line, n) in long_functions(&code_lines(&text)) {
            long.push(format!("{}:{line}: {n} lines", p.display()));
        }
    }
    assert!(
        long.is_empty(),
        "cut these functions into named steps (at most {MAX_FN_LINES} lines):\n{}",
        long.join("\n")
    );
}

#[test]
fn the_function_check_sees_bodies_and_skips_declarations() {
    let body: Vec<String> = std::iter::once("    pub fn f() {".to_string())
        .chain((0..130).map(|_| "        x();".to_string()))
        .chain(["    }".to_string(), "    fn g(&self);".to_string()])
        .collect();
    let lines: Vec<&str> = body.iter().map(String::as_str).collect();
    assert_eq!(long_functions(&lines), vec![(1, 132)]);
}

/// The layer of a library module, by its first path segment under `src/`.
fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The modules a file names through `crate::`, with the names `lib.rs` re-exports at the top
/// (`crate::Route` is `route`) resolved to theirs.
fn imported_modules(text: &str, reexports: &[(String, String)]) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let names: Vec<&str> = match rest.strip_prefix('{') {
                Some(group) => group
                    .split('}')
                    .next()
                    .unwrap_or("")
                    .split(',')
                    .map(str::trim)
                    .collect(),
                None => vec![rest],
            };
            for n in names {
                let head: String = n
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                let module = reexports
                    .iter()
                    .find(|(name, _)| *name == head)
                    .map_or(head, |(_, m)| m.clone());
                found.push(module);
            }
        }
    }
    found
}

#[test]
fn library_modules_import_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/itinera-core/src");
    let lib = fs::read_to_string(src.join("lib.rs")).unwrap_or_default();
    let mut reexports = Vec::new();
    for line in lib.lines() {
        if let Some(rest) = line.strip_prefix("pub use ")
            && let Some((module, names)) = rest.split_once("::")
        {
            for n in names.trim_matches(|c| "{};".contains(c)).split(',') {
                reexports.push((n.trim().to_string(), module.to_string()));
            }
        }
    }
    assert!(reexports.iter().any(|(n, m)| n == "Route" && m == "route"));
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    let mut unknown = Vec::new();
    for p in files.iter().filter(|p| !is_test_file(p)) {
        let rel = p.strip_prefix(&src).unwrap_or(p);
        let first = rel.iter().next().and_then(|s| s.to_str()).unwrap_or("");
        let module = first.trim_end_matches(".rs");
        if module == "lib" || module == "error" {
            continue;
        }
        let Some(own) = layer_of(module) else {
            unknown.push(module.to_string());
            continue;
        };
        let text = fs::read_to_string(p).unwrap_or_default();
        let code = code_lines(&text).join("\n");
        for m in imported_modules(&code, &reexports) {
            if let Some(theirs) = layer_of(&m)
                && theirs > own
            {
                wrong.push(format!("{}: {module} imports {m}", rel.display()));
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "give these modules a layer: {unknown:?}"
    );
    wrong.sort();
    wrong.dedup();
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

/// The README's table of formats is the registry's (`itinera::formats::markdown_table`):
/// adding a format without its line in the README fails here, with the line to paste.
#[test]
fn the_readme_lists_the_registrys_formats() {
    let readme = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .unwrap_or_default();
    let table = itinera::formats::markdown_table();
    assert!(
        readme.contains(&table),
        "paste the registry's table into README.md's Formats section:\n{table}"
    );
}
