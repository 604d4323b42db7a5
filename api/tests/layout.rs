//! The shape of `api/src`, checked: the Rust twin of the web app's ESLint zones.
//!
//! - No import cycle, between files or between top-level modules (folders): every module
//!   stands on the ones below it, and a reader can learn the crate from the ground up.
//! - A route module (one with `pub fn configure(cfg: &mut ServiceConfig)`: a domain's
//!   `routes.rs` or `portal.rs`, and the like) is a leaf: only the route list (`routes.rs`)
//!   imports it. What two routes share lives in the domain's `actions.rs`.
//! - SQL lives in `store.rs` (and the rows it reads in `model.rs`): only those files and `db/`
//!   name `db::schema`.
//!
//! Imports are read from the source text: `use` trees (braces, `self`, `as`), `mod`
//! declarations, and paths written inline (`crate::x::y`, `super::y`, or through a name a
//! `use` brought in). Comments and `#[cfg(test)]` modules are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A module's path below the crate root (`["quotes", "routes"]`; the root is `[]`).
type ModPath = Vec<String>;

/// Folders whose SQL is not a domain's: the dataset generator for benchmarks writes rows of
/// every table in bulk, as a test fixture would.
const SQL_ANYWHERE: &[&str] = &["bench"];

struct Crate {
    /// Every module and its source, comments and tests removed.
    sources: BTreeMap<ModPath, String>,
    /// Who imports whom.
    imports: BTreeMap<ModPath, BTreeSet<ModPath>>,
}

fn module_path(root: &Path, file: &Path) -> ModPath {
    let rel = file.strip_prefix(root).expect("under the root").with_extension("");
    let mut parts: ModPath = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable source folder") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code without comments, string contents and the `#[cfg(test)] mod tests` at the end.
fn code_of(source: &str) -> String {
    let source = match source.find("#[cfg(test)]\nmod tests") {
        Some(at) => &source[..at],
        None => source,
    };
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    let mut previous = ' ';
    while let Some(c) = chars.next() {
        let after_ident = previous.is_alphanumeric() || previous == '_';
        previous = c;
        match c {
            // A raw string (`r"…"`, `r#"…"#`): skip to its own closing quote and hashes.
            'r' if !after_ident && matches!(chars.peek(), Some('#' | '"')) => {
                let mut hashes = 0;
                while chars.peek() == Some(&'#') {
                    chars.next();
                    hashes += 1;
                }
                if chars.peek() != Some(&'"') {
                    out.push('r');
                    continue;
                }
                chars.next();
                let closing: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
                let mut text = String::new();
                for c in chars.by_ref() {
                    text.push(c);
                    if text.ends_with(&closing) {
                        break;
                    }
                }
                out.push_str("\"\"");
            }
            // A character literal (`'"'`, `'\''`), not a lifetime (`'a`).
            '\'' => {
                let ahead: Vec<char> = chars.clone().take(3).collect();
                let skip = match ahead.as_slice() {
                    ['\\', _, '\'', ..] => 3,
                    [_, '\'', ..] => 2,
                    _ => 0,
                };
                for _ in 0..skip {
                    chars.next();
                }
                out.push('\'');
            }
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            '"' => {
                // A string's text is no path: keep the quotes, drop what is inside.
                out.push('"');
                let mut escaped = false;
                for c in chars.by_ref() {
                    if c == '"' && !escaped {
                        break;
                    }
                    escaped = c == '\\' && !escaped;
                }
                out.push('"');
            }
            _ => out.push(c),
        }
    }
    out
}

/// `a::{b, c::{self, d as e}}` → `[a::b], [a::c], [a::c::d]`, each with the name it binds.
fn expand(tree: &str) -> Vec<(Vec<String>, String)> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let (path, alias) = match tree.split_once(" as ") {
            Some((p, a)) => (p.trim(), Some(a.trim().to_string())),
            None => (tree, None),
        };
        let mut parts: Vec<String> = path.split("::").map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
        if parts.last().is_some_and(|l| l == "self") {
            parts.pop();
        }
        let name = alias.unwrap_or_else(|| parts.last().cloned().unwrap_or_default());
        return if parts.is_empty() { vec![] } else { vec![(parts, name)] };
    };
    let head: Vec<String> = tree[..open].split("::").map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let (mut depth, mut current, mut parts) = (0, String::new(), Vec::new());
    for c in inner.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if c == ',' && depth == 0 {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    parts.push(current);
    let mut out = Vec::new();
    for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        if part == "self" {
            out.push((head.clone(), head.last().cloned().unwrap_or_default()));
            continue;
        }
        for (path, name) in expand(part) {
            out.push((head.iter().cloned().chain(path).collect(), name));
        }
    }
    out
}

impl Crate {
    fn read(root: &Path) -> Crate {
        let mut files = Vec::new();
        rust_files(root, &mut files);
        let sources: BTreeMap<ModPath, String> = files
            .iter()
            // `main.rs` is another crate, and `tests.rs` a test module.
            .filter(|f| {
                let binary = f.parent() == Some(root) && f.ends_with("main.rs");
                !binary && !f.ends_with("tests.rs")
            })
            .map(|f| (module_path(root, f), code_of(&fs::read_to_string(f).expect("readable source"))))
            .collect();
        Crate::of(sources)
    }

    fn of(sources: BTreeMap<ModPath, String>) -> Crate {
        let mut imports: BTreeMap<ModPath, BTreeSet<ModPath>> = BTreeMap::new();
        for (module, code) in &sources {
            let found = imports.entry(module.clone()).or_default();
            let mut names: BTreeMap<String, ModPath> = BTreeMap::new();
            for declared in declared_modules(code) {
                names.insert(declared.clone(), module.iter().cloned().chain([declared]).collect());
            }
            for tree in use_trees(code) {
                for (path, name) in expand(&tree) {
                    let Some(absolute) = absolute(module, &path) else { continue };
                    if sources.contains_key(&absolute) {
                        names.insert(name, absolute.clone());
                    }
                    found.insert(owner(&sources, &absolute));
                }
            }
            for (first, rest) in inline_paths(code) {
                let path: Vec<String> = std::iter::once(first.clone()).chain(rest).collect();
                let absolute = match first.as_str() {
                    "crate" | "super" | "self" => absolute(module, &path),
                    _ => names.get(&first).map(|base| base.iter().cloned().chain(path[1..].iter().cloned()).collect()),
                };
                if let Some(absolute) = absolute {
                    found.insert(owner(&sources, &absolute));
                }
            }
            found.remove(module);
            // A module's own children are its inside, not an import.
            found.retain(|m| !(m.len() > module.len() && m.starts_with(module) && !module.is_empty()));
        }
        Crate { sources, imports }
    }

    /// Folder-level imports: between the crate root's modules (a folder or a file).
    fn folder_imports(&self) -> BTreeMap<String, BTreeMap<String, Vec<(ModPath, ModPath)>>> {
        let mut out: BTreeMap<String, BTreeMap<String, Vec<(ModPath, ModPath)>>> = BTreeMap::new();
        for (from, tos) in &self.imports {
            let a = folder(from);
            out.entry(a.clone()).or_default();
            for to in tos {
                let b = folder(to);
                if a != b {
                    out.entry(a.clone()).or_default().entry(b).or_default().push((from.clone(), to.clone()));
                }
            }
        }
        out
    }

    fn route_modules(&self) -> BTreeSet<ModPath> {
        self.sources
            .iter()
            .filter(|(_, code)| code.contains("pub fn configure(cfg: &mut ServiceConfig)"))
            .map(|(m, _)| m.clone())
            .collect()
    }

    /// Everything wrong with the layout, one line each.
    fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for cycle in cycles(&self.imports) {
            problems.push(format!("import cycle between files: {}", names(&cycle)));
        }
        let folders = self.folder_imports();
        let folder_graph: BTreeMap<String, BTreeSet<String>> =
            folders.iter().map(|(a, tos)| (a.clone(), tos.keys().cloned().collect())).collect();
        for cycle in cycles(&folder_graph) {
            let set: BTreeSet<&String> = cycle.iter().collect();
            let ties: Vec<String> = cycle
                .iter()
                .flat_map(|a| folders[a].iter().filter(|(b, _)| set.contains(b)).map(move |(_, why)| why))
                .map(|why| format!("{} -> {}", why[0].0.join("::"), why[0].1.join("::")))
                .collect();
            problems.push(format!("import cycle between folders: {} ({})", cycle.join(", "), ties.join("; ")));
        }
        let routes = self.route_modules();
        for (from, tos) in &self.imports {
            if from.as_slice() == ["routes"] {
                continue;
            }
            for to in tos.iter().filter(|to| routes.contains(*to)) {
                problems.push(format!(
                    "{} imports the route module {}: only the route list may (move what is shared to actions.rs)",
                    from.join("::"),
                    to.join("::")
                ));
            }
        }
        for (module, code) in &self.sources {
            let file = module.last().map(String::as_str).unwrap_or("lib");
            let allowed = matches!(file, "store" | "model")
                || module.first().is_some_and(|f| f == "db" || SQL_ANYWHERE.contains(&f.as_str()));
            if !allowed && code.contains("db::schema") {
                problems.push(format!("{} names db::schema: SQL belongs in a store.rs", module.join("::")));
            }
        }
        problems
    }
}

fn folder(module: &ModPath) -> String {
    module.first().cloned().unwrap_or_else(|| "lib".into())
}

fn names<T: std::fmt::Debug>(cycle: &[T]) -> String {
    cycle.iter().map(|m| format!("{m:?}")).collect::<Vec<_>>().join(", ")
}

/// The file module that holds `path` (the longest prefix that is a module; else the root).
fn owner(sources: &BTreeMap<ModPath, String>, path: &[String]) -> ModPath {
    (1..=path.len()).rev().map(|n| path[..n].to_vec()).find(|p| sources.contains_key(p)).unwrap_or_default()
}

fn absolute(module: &ModPath, path: &[String]) -> Option<ModPath> {
    let mut path = path.to_vec();
    let mut base = match path.first().map(String::as_str) {
        Some("crate") => {
            path.remove(0);
            return Some(path);
        }
        Some("super" | "self") => module.clone(),
        _ => return None,
    };
    while let Some(first) = path.first().map(String::as_str) {
        match first {
            "super" => {
                base.pop()?;
            }
            "self" => {}
            _ => break,
        }
        path.remove(0);
    }
    Some(base.into_iter().chain(path).collect())
}

fn declared_modules(code: &str) -> Vec<String> {
    code.lines()
        .filter_map(|line| {
            let line = line.trim();
            let rest = line.strip_prefix("pub ").unwrap_or(line);
            let rest = rest.strip_prefix("mod ")?;
            rest.strip_suffix(';').map(|name| name.trim().to_string())
        })
        .collect()
}

/// The trees of `use crate::…;`, `use super::…;` and `use self::…;` statements.
fn use_trees(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("use ") {
        let before = rest[..at].chars().last();
        rest = &rest[at + 4..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let tree = rest.trim_start();
        if ["crate::", "super::", "self::"].iter().any(|p| tree.starts_with(p))
            && let Some(end) = tree.find(';')
        {
            out.push(tree[..end].replace('\n', " "));
        }
    }
    out
}

/// Every `a::b::c` path written in the code, as its first segment and the rest.
fn inline_paths(code: &str) -> Vec<(String, Vec<String>)> {
    let bytes = code.as_bytes();
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if ident(bytes[i]) && (i == 0 || !(ident(bytes[i - 1]) || bytes[i - 1] == b':')) {
            let mut segments = Vec::new();
            let mut j = i;
            loop {
                let start = j;
                while j < bytes.len() && ident(bytes[j]) {
                    j += 1;
                }
                segments.push(code[start..j].to_string());
                if bytes[j..].starts_with(b"::") && bytes.get(j + 2).is_some_and(|b| ident(*b)) {
                    j += 2;
                } else {
                    break;
                }
            }
            if segments.len() > 1 {
                let first = segments.remove(0);
                out.push((first, segments));
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// The strongly connected components of more than one node (Tarjan).
fn cycles<N: Ord + Clone>(graph: &BTreeMap<N, BTreeSet<N>>) -> Vec<Vec<N>> {
    struct State<N> {
        index: BTreeMap<N, usize>,
        low: BTreeMap<N, usize>,
        stack: Vec<N>,
        on_stack: BTreeSet<N>,
        found: Vec<Vec<N>>,
    }
    fn visit<N: Ord + Clone>(n: &N, graph: &BTreeMap<N, BTreeSet<N>>, s: &mut State<N>) {
        let i = s.index.len();
        s.index.insert(n.clone(), i);
        s.low.insert(n.clone(), i);
        s.stack.push(n.clone());
        s.on_stack.insert(n.clone());
        for m in graph.get(n).into_iter().flatten() {
            if !s.index.contains_key(m) {
                visit(m, graph, s);
                let low = s.low[n].min(s.low[m]);
                s.low.insert(n.clone(), low);
            } else if s.on_stack.contains(m) {
                let low = s.low[n].min(s.index[m]);
                s.low.insert(n.clone(), low);
            }
        }
        if s.low[n] == s.index[n] {
            let mut component = Vec::new();
            while let Some(m) = s.stack.pop() {
                s.on_stack.remove(&m);
                let done = &m == n;
                component.push(m);
                if done {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.found.push(component);
            }
        }
    }
    let mut s = State {
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for n in graph.keys() {
        if !s.index.contains_key(n) {
            visit(n, graph, &mut s);
        }
    }
    s.found
}

fn tree(files: &[(&str, &str)]) -> Crate {
    Crate::of(
        files
            .iter()
            .map(|(path, code)| {
                let module: ModPath = path.split("::").filter(|s| !s.is_empty()).map(str::to_string).collect();
                (module, code_of(code))
            })
            .collect(),
    )
}

#[test]
fn the_crate_has_no_cycles_route_modules_are_leaves_and_sql_stays_in_stores() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let krate = Crate::read(&root);
    assert!(krate.sources.len() > 200, "read the whole crate, not {} files", krate.sources.len());
    assert!(krate.route_modules().len() > 30, "found the route modules");
    let problems = krate.problems();
    assert!(problems.is_empty(), "api/src breaks its layout:\n{}", problems.join("\n"));
}

#[test]
fn a_domain_importing_a_route_module_fails() {
    let krate = tree(&[
        ("", "pub mod quotes;\npub mod invoices;\npub mod routes;"),
        (
            "routes",
            "use crate::{invoices, quotes};\nfn all() { quotes::routes::configure; invoices::routes::configure; }",
        ),
        ("quotes", "pub mod actions;\npub mod routes;"),
        ("quotes::actions", "pub fn total() {}"),
        ("quotes::routes", "use super::actions::total;\npub fn configure(cfg: &mut ServiceConfig) {}"),
        ("invoices", "pub mod routes;"),
        ("invoices::routes", "use crate::quotes::routes::helper;\npub fn configure(cfg: &mut ServiceConfig) {}"),
    ]);
    let problems = krate.problems();
    assert_eq!(
        problems,
        [
            "invoices::routes imports the route module quotes::routes: only the route list may (move what is shared to actions.rs)"
        ]
    );
    let fixed = tree(&[
        ("routes", "fn all() { crate::quotes::routes::configure; }"),
        ("quotes::actions", "pub fn helper() {}"),
        ("quotes::routes", "use super::actions::helper;\npub fn configure(cfg: &mut ServiceConfig) {}"),
        ("invoices::routes", "use crate::quotes::actions::helper;\npub fn configure(cfg: &mut ServiceConfig) {}"),
    ]);
    assert_eq!(fixed.problems(), Vec::<String>::new());
}

#[test]
fn cycles_are_found_between_files_and_between_folders() {
    let files = tree(&[("a::x", "use super::y::f;"), ("a::y", "pub fn f() { super::x::g(); }")]);
    assert_eq!(files.problems().len(), 1, "{:?}", files.problems());
    assert!(files.problems()[0].starts_with("import cycle between files"));
    let folders = tree(&[
        ("a::store", "use crate::b::model::Row;"),
        ("b::model", "pub struct Row;"),
        ("b::actions", "use crate::a::store;\nfn f() { store::get(); }"),
    ]);
    assert_eq!(
        folders.problems(),
        ["import cycle between folders: a, b (a::store -> b::model; b::actions -> a::store)"]
    );
}

#[test]
fn sql_outside_a_store_fails() {
    let krate = tree(&[
        ("quotes::store", "use crate::db::schema::quotes;"),
        ("quotes::actions", "use crate::db::schema::staff;\nfn f() {}"),
        ("db::schema", "table! {}"),
    ]);
    assert_eq!(krate.problems(), ["quotes::actions names db::schema: SQL belongs in a store.rs"]);
}

#[test]
fn use_trees_expand_with_self_and_aliases() {
    let got = expand("crate::a::{self, b::{c, d as e}, f}");
    let want: Vec<(Vec<String>, String)> = [
        (vec!["crate", "a"], "a"),
        (vec!["crate", "a", "b", "c"], "c"),
        (vec!["crate", "a", "b", "d"], "e"),
        (vec!["crate", "a", "f"], "f"),
    ]
    .into_iter()
    .map(|(p, n)| (p.into_iter().map(str::to_string).collect(), n.to_string()))
    .collect();
    assert_eq!(got, want);
}
