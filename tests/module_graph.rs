//! No module imports a module that imports it back: shared pieces live below their users. Reads
//! every `use` and every `crate::`/`super::` path in `src/`, resolves it to the module that
//! defines the item, and looks for a cycle. (`mod` declarations and re-exports of a child by
//! its parent are the tree itself, not imports.)

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Module path (`components::row`) → source text, for every file under `src/` but `main.rs`.
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut BTreeMap<String, String>) {
        for entry in fs::read_dir(dir).expect("src/ is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path
                    .strip_prefix("src")
                    .expect("under src")
                    .with_extension("");
                let mut parts: Vec<String> = rel
                    .iter()
                    .map(|p| p.to_string_lossy().into_owned())
                    .collect();
                if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
                    parts.pop();
                }
                if parts != ["main"] {
                    out.insert(parts.join("::"), fs::read_to_string(&path).expect("source"));
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(Path::new("src"), &mut out);
    out
}

/// The source without comments and string literals, so paths in prose are not imports.
fn code_only(source: &str) -> String {
    let mut out = String::new();
    for line in source.lines() {
        let line = line.split("//").next().unwrap_or("");
        let mut in_string = false;
        for c in line.chars() {
            if c == '"' {
                in_string = !in_string;
            } else if !in_string {
                out.push(c);
            }
        }
        out.push('\n');
    }
    out
}

/// Every path a module names, and whether it is a parent's `pub use` of its own child (the
/// tree, not an import): `use` trees expanded, plus inline `crate::a::b`, `super::x` and
/// `child::x` for each of `children` (the module's own submodules).
fn paths(code: &str, children: &[String]) -> Vec<(Vec<String>, bool)> {
    fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
        let tree = tree.trim();
        if let Some(open) = tree.find('{') {
            let head = &tree[..open];
            let inner = &tree[open + 1..tree.rfind('}').expect("balanced use tree")];
            let (mut depth, mut start) = (0, 0);
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        expand(&format!("{prefix}{head}"), &inner[start..i], out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            expand(&format!("{prefix}{head}"), &inner[start..], out);
        } else if !tree.is_empty() {
            out.push(format!(
                "{prefix}{}",
                tree.split(" as ").next().unwrap_or(tree).trim()
            ));
        }
    }
    let mut found: Vec<(String, bool)> = Vec::new();
    let mut rest_of_code = String::new();
    for statement in code.split(';') {
        let trimmed = statement.trim();
        let (body, public) = match (
            trimmed.strip_prefix("pub use "),
            trimmed.strip_prefix("pub(crate) use "),
            trimmed.strip_prefix("use "),
        ) {
            (Some(b), _, _) | (_, Some(b), _) => (Some(b), true),
            (_, _, Some(b)) => (Some(b), false),
            _ => (None, false),
        };
        match body {
            Some(body) => {
                let mut expanded = Vec::new();
                expand(
                    "",
                    &body.split_whitespace().collect::<String>(),
                    &mut expanded,
                );
                let child = |p: &String| {
                    children.iter().any(|c| {
                        p.starts_with(&format!("{c}::")) || p.starts_with(&format!("self::{c}::"))
                    })
                };
                found.extend(
                    expanded
                        .into_iter()
                        .map(|p| (p.clone(), public && child(&p))),
                );
            }
            None => {
                rest_of_code.push_str(statement);
                rest_of_code.push(';');
            }
        }
    }
    let code = rest_of_code.as_str();
    let bytes = code.as_bytes();
    let starts: Vec<String> = ["crate", "super"]
        .iter()
        .map(|s| s.to_string())
        .chain(children.iter().cloned())
        .map(|s| s + "::")
        .collect();
    for start in &starts {
        for (at, _) in code.match_indices(start.as_str()) {
            if at > 0
                && (bytes[at - 1].is_ascii_alphanumeric()
                    || bytes[at - 1] == b'_'
                    || bytes[at - 1] == b':')
            {
                continue;
            }
            let end = code[at..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                .map_or(code.len(), |e| at + e);
            found.push((code[at..end].trim_end_matches(':').to_string(), false));
        }
    }
    // `use super::{…}` leaves a bare `super` behind: it names no item.
    found
        .into_iter()
        .filter(|(p, _)| p.contains("::"))
        .map(|(p, reexport)| (p.split("::").map(str::to_string).collect(), reexport))
        .collect()
}

/// The module path of `name` inside `parent`.
fn child_of(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_string()
    } else {
        format!("{parent}::{name}")
    }
}

/// The direct submodules of `module`.
fn children(module: &str, known: &BTreeMap<String, String>) -> Vec<String> {
    known
        .keys()
        .filter_map(|k| {
            let rest = if module.is_empty() {
                Some(k.as_str())
            } else {
                k.strip_prefix(module)?.strip_prefix("::")
            };
            rest.filter(|r| !r.is_empty() && !r.contains("::"))
                .map(str::to_string)
        })
        .collect()
}

/// The module a path in module `from` points into (the longest known module prefix), and the
/// name that follows it there, if any (`Dataset` in `crate::model::Dataset`).
fn target_and_item(
    from: &str,
    path: &[String],
    known: &BTreeMap<String, String>,
) -> Option<(String, Option<String>)> {
    let mut base: Vec<String> = if from.is_empty() {
        Vec::new()
    } else {
        from.split("::").map(str::to_string).collect()
    };
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            base.clear();
            rest = &rest[1..];
        }
        Some("super") => {
            while rest.first().map(String::as_str) == Some("super") {
                base.pop();
                rest = &rest[1..];
            }
        }
        Some("self") => rest = &rest[1..],
        // A child module, named relative to this one.
        Some(first) if known.contains_key(&child_of(from, first)) => {}
        _ => return None, // an external crate, or a name in scope
    }
    let mut best = base.join("::");
    let mut candidate = base;
    let mut used = 0;
    for part in rest {
        candidate.push(part.clone());
        let name = candidate.join("::");
        if known.contains_key(&name) {
            best = name;
            used += 1;
        } else {
            break;
        }
    }
    Some((best, rest.get(used).cloned()))
}

/// The module a path in module `from` points into: the longest known module prefix.
fn target(from: &str, path: &[String], known: &BTreeMap<String, String>) -> Option<String> {
    target_and_item(from, path, known).map(|(module, _)| module)
}

/// Module → (name it re-exports → the module that name comes from): `pub use dataset::Dataset`
/// in `model` maps `Dataset` to `model::dataset`.
type Reexports = BTreeMap<String, BTreeMap<String, String>>;

/// The module that defines what `path` names: its module, followed through re-exports, so
/// `use crate::model::Dataset` is an import of `model::dataset`, not only of `model`.
fn defining_module(
    from: &str,
    path: &[String],
    known: &BTreeMap<String, String>,
    reexports: &Reexports,
) -> Option<String> {
    let (mut module, item) = target_and_item(from, path, known)?;
    if let Some(item) = item {
        let mut seen = BTreeSet::new();
        while let Some(next) = reexports.get(&module).and_then(|r| r.get(&item)) {
            if !seen.insert(next.clone()) {
                break;
            }
            module = next.clone();
        }
    }
    Some(module)
}

/// Every module's imports, as edges to the modules that define what it imports.
fn import_edges(known: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let parsed: BTreeMap<&String, Vec<(Vec<String>, bool)>> = known
        .iter()
        .map(|(module, source)| (module, paths(&code_only(source), &children(module, known))))
        .collect();
    let mut reexports = Reexports::new();
    for (module, found) in &parsed {
        for (path, reexport) in found {
            if !reexport {
                continue;
            }
            if let (Some(name), Some(to)) = (path.last(), target(module, path, known)) {
                if name != "*" && &to != *module {
                    reexports
                        .entry((*module).clone())
                        .or_default()
                        .insert(name.clone(), to);
                }
            }
        }
    }
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, found) in &parsed {
        for (path, reexport) in found {
            // A parent re-exporting its child (`pub use row::X` in components) is the tree.
            if *reexport {
                continue;
            }
            let Some(to) = defining_module(module, path, known, &reexports) else {
                continue;
            };
            // A module's own items, or its own descendants, are not an import back.
            if &to != *module {
                edges.entry((*module).clone()).or_default().insert(to);
            }
        }
    }
    edges
}

/// A chain of modules that import each other in a circle, if there is one.
fn find_cycle(
    known: &BTreeMap<String, String>,
    edges: &BTreeMap<String, BTreeSet<String>>,
) -> Option<Vec<String>> {
    // Depth-first search for a cycle, reporting it as a chain of modules.
    fn visit(
        m: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|s| s == m) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(m.to_string());
            return Some(cycle);
        }
        if done.contains(m) {
            return None;
        }
        stack.push(m.to_string());
        for next in edges.get(m).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    known
        .keys()
        .find_map(|module| visit(module, edges, &mut Vec::new(), &mut done))
}

#[test]
fn no_module_imports_a_module_that_imports_it_back() {
    let known = modules();
    assert!(
        known.contains_key("components::matrix") && known.contains_key(""),
        "modules found: {:?}",
        known.keys()
    );
    let edges = import_edges(&known);
    let show = |m: &String| {
        if m.is_empty() {
            "crate".to_string()
        } else {
            m.clone()
        }
    };
    let cycle = find_cycle(&known, &edges);
    assert!(
        cycle.is_none(),
        "import cycle: {}",
        cycle
            .unwrap_or_default()
            .iter()
            .map(show)
            .collect::<Vec<_>>()
            .join(" → ")
    );
}

#[test]
fn a_cycle_through_a_parents_reexport_is_seen() {
    // `a` imports `Thing` through `b`'s re-export; `Thing` lives in `b::c`, which imports `a`.
    let mut known = BTreeMap::new();
    known.insert("".to_string(), "pub mod a; pub mod b;".to_string());
    known.insert(
        "a".to_string(),
        "use crate::b::Thing;\npub struct X;".to_string(),
    );
    known.insert("b".to_string(), "mod c;\npub use c::Thing;".to_string());
    known.insert(
        "b::c".to_string(),
        "use crate::a::X;\npub struct Thing;".to_string(),
    );
    let edges = import_edges(&known);
    assert!(
        edges["a"].contains("b::c"),
        "a's import of b::Thing points at b::c, where Thing is defined: {edges:?}"
    );
    assert_eq!(
        find_cycle(&known, &edges),
        Some(vec!["a".to_string(), "b::c".to_string(), "a".to_string()])
    );
    // Without the re-export, there is no cycle: a → b only.
    known.insert("b".to_string(), "mod c;\npub struct Thing;".to_string());
    let edges = import_edges(&known);
    assert_eq!(find_cycle(&known, &edges), None, "{edges:?}");
}

#[test]
fn the_cycle_check_sees_a_cycle_when_there_is_one() {
    let mut known = BTreeMap::new();
    known.insert("a".to_string(), String::new());
    known.insert("b".to_string(), String::new());
    let from_a = paths(
        &code_only("use crate::b::Thing;\nfn f() { super::b::g(); }"),
        &[],
    );
    assert_eq!(target("a", &from_a[0].0, &known).as_deref(), Some("b"));
    assert_eq!(
        target("a", &from_a[1].0, &known).as_deref(),
        Some("b"),
        "super:: from a sibling"
    );
    let nested = paths(
        &code_only("use super::{marks::{stance_icon, COMPACT_MAX}, row::RowCellsProps};"),
        &[],
    );
    let names: Vec<String> = nested.iter().map(|(p, _)| p.join("::")).collect();
    assert_eq!(
        names,
        [
            "super::marks::stance_icon",
            "super::marks::COMPACT_MAX",
            "super::row::RowCellsProps"
        ]
    );
    assert!(
        paths(
            &code_only("// use crate::b::X;\nlet s = \"crate::b\";"),
            &[]
        )
        .is_empty(),
        "comments and strings are not imports"
    );
    known.insert("a::c".to_string(), String::new());
    let relative = paths(&code_only("fn f() { c::g(); }"), &children("a", &known));
    assert_eq!(
        target("a", &relative[0].0, &known).as_deref(),
        Some("a::c"),
        "a child named relative to its parent"
    );
    let tree = paths(
        &code_only("pub use c::Thing;\nuse c::Other;"),
        &children("a", &known),
    );
    assert_eq!(
        tree.iter().map(|(_, r)| *r).collect::<Vec<_>>(),
        [true, false],
        "a re-export of a child is the tree; a use is an import"
    );
}
