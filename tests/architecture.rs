//! The layering, checked on the source text: `core` uses no Bevy or egui, each layer imports
//! only the layers below it (ui → features → core), and no files import each other in a
//! circle. An import is any `use` of the crate's own modules, or a `crate::…`/`super::…` path
//! in code (not in comments or `#[cfg(test)]` modules); it points at the file of the longest
//! module path it names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");

/// Every source file with its module path (`src/core/session/edit.rs` → `core::session::edit`).
fn modules() -> BTreeMap<Vec<String>, PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(Path::new(SRC), &mut files);
    files
        .into_iter()
        .filter(|f| !f.ends_with("main.rs"))
        .map(|file| {
            let relative = file.strip_prefix(SRC).unwrap().with_extension("");
            let mut segments: Vec<String> = relative.iter().map(|s| s.to_string_lossy().into_owned()).collect();
            if segments.last().is_some_and(|s| s == "mod" || s == "lib") {
                segments.pop();
            }
            (segments, file)
        })
        .collect()
}

/// The code of a file without comments and without its `#[cfg(test)]` modules.
fn code(file: &Path) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    let mut kept = String::new();
    let mut skip_depth: Option<i32> = None;
    let mut depth = 0i32;
    let mut test_attribute = false;
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or("");
        let trimmed = line.trim();
        if trimmed.starts_with("#[cfg(test)]") {
            test_attribute = true;
            continue;
        }
        let opens = line.matches('{').count() as i32;
        let closes = line.matches('}').count() as i32;
        if test_attribute && skip_depth.is_none() && !trimmed.is_empty() {
            test_attribute = false;
            if opens > closes {
                skip_depth = Some(depth);
            } else {
                // `#[cfg(test)] mod tests;`: a file of its own, left out by name below.
                depth += opens - closes;
                continue;
            }
        }
        depth += opens - closes;
        match skip_depth {
            Some(start) if depth <= start => skip_depth = None,
            Some(_) => {}
            None => {
                kept.push_str(line);
                kept.push('\n');
            }
        }
    }
    kept
}

/// Expands a `use` tree (`a::{b, c::{d, e as f}}`) into its paths.
fn expand(tree: &str) -> Vec<Vec<String>> {
    fn split_top(s: &str) -> Vec<&str> {
        let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
        for (i, c) in s.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(&s[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        parts.push(&s[start..]);
        parts.into_iter().filter(|p| !p.is_empty()).collect()
    }
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let tree = tree.split(" as ").next().unwrap_or("").to_owned();
    let Some(brace) = tree.find('{') else {
        let path = tree.split("as").next().unwrap_or("");
        return vec![path.split("::").filter(|s| !s.is_empty()).map(str::to_owned).collect()];
    };
    let prefix: Vec<String> = tree[..brace].split("::").filter(|s| !s.is_empty()).map(str::to_owned).collect();
    let inner = &tree[brace + 1..tree.len() - 1];
    split_top(inner)
        .into_iter()
        .flat_map(expand)
        .map(|rest| prefix.iter().cloned().chain(rest.into_iter().filter(|s| s != "self")).collect())
        .collect()
}

/// The crate-relative path a written path means in module `here`, if it is the crate's own.
fn absolute(here: &[String], written: &[String]) -> Option<Vec<String>> {
    let first = written.first()?;
    let mut base: Vec<String> = match first.as_str() {
        "crate" | "service_camp" => Vec::new(),
        "super" => {
            let mut parent = here.to_vec();
            parent.pop()?;
            parent
        }
        "self" => here.to_vec(),
        _ => return None,
    };
    let mut rest = written[1..].iter();
    for segment in rest.by_ref() {
        if segment == "super" {
            base.pop()?;
        } else {
            base.push(segment.clone());
        }
    }
    Some(base)
}

fn imports(modules: &BTreeMap<Vec<String>, PathBuf>) -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let mut graph: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    for (here, file) in modules {
        let code = code(file);
        let mut written: Vec<Vec<String>> = Vec::new();
        for statement in code.split(';') {
            let statement = statement.trim();
            let statement = statement.strip_prefix("pub ").unwrap_or(statement);
            let statement = statement.strip_prefix("pub(crate) ").unwrap_or(statement);
            let statement = statement.strip_prefix("pub(super) ").unwrap_or(statement);
            if let Some(tree) =
                statement.rsplit_once("use ").filter(|(before, _)| before.trim().is_empty()).map(|(_, t)| t)
            {
                written.extend(expand(tree));
            }
        }
        // Inline paths such as `crate::core::paths::assets_dir()`.
        for start in ["crate::", "super::"] {
            for (i, _) in code.match_indices(start) {
                if code[..i].chars().last().is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                    continue;
                }
                let path: String =
                    code[i..].chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
                written.push(path.split("::").filter(|s| !s.is_empty()).map(str::to_owned).collect());
            }
        }
        let mut targets = BTreeSet::new();
        for path in written {
            let Some(full) = absolute(here, &path) else { continue };
            let target = (0..=full.len()).rev().find_map(|n| modules.get(&full[..n]));
            if let Some(target) = target.filter(|t| *t != file) {
                targets.insert(target.clone());
            }
        }
        graph.insert(file.clone(), targets);
    }
    graph
}

/// Groups of files that import each other in a circle (Tarjan's strongly connected components).
fn circles(graph: &BTreeMap<PathBuf, BTreeSet<PathBuf>>) -> Vec<Vec<PathBuf>> {
    struct Search<'g> {
        graph: &'g BTreeMap<PathBuf, BTreeSet<PathBuf>>,
        index: BTreeMap<&'g PathBuf, usize>,
        low: BTreeMap<&'g PathBuf, usize>,
        stack: Vec<&'g PathBuf>,
        on_stack: BTreeSet<&'g PathBuf>,
        found: Vec<Vec<PathBuf>>,
    }
    impl<'g> Search<'g> {
        fn visit(&mut self, node: &'g PathBuf) {
            let n = self.index.len();
            self.index.insert(node, n);
            self.low.insert(node, n);
            self.stack.push(node);
            self.on_stack.insert(node);
            for next in self.graph.get(node).into_iter().flatten() {
                if !self.index.contains_key(next) {
                    self.visit(next);
                    let low = self.low[node].min(self.low[next]);
                    self.low.insert(node, low);
                } else if self.on_stack.contains(next) {
                    let low = self.low[node].min(self.index[next]);
                    self.low.insert(node, low);
                }
            }
            if self.low[node] == self.index[node] {
                let mut group = Vec::new();
                while let Some(member) = self.stack.pop() {
                    self.on_stack.remove(member);
                    group.push(member.clone());
                    if member == node {
                        break;
                    }
                }
                if group.len() > 1 {
                    self.found.push(group);
                }
            }
        }
    }
    let mut search = Search {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for node in graph.keys() {
        if !search.index.contains_key(node) {
            search.visit(node);
        }
    }
    search.found
}

fn layer(file: &Path) -> &'static str {
    let relative = file.strip_prefix(SRC).unwrap();
    match relative.iter().next().and_then(|s| s.to_str()) {
        Some("core") => "core",
        Some("features") => "features",
        Some("server") => "server",
        Some("lrs") => "lrs",
        Some("ui") => "ui",
        Some("app") => "app",
        Some("cli") => "cli",
        _ => "root",
    }
}

#[test]
fn core_uses_no_bevy_and_no_egui() {
    let offenders: Vec<String> = modules()
        .values()
        .filter(|file| layer(file) == "core")
        .filter(|file| {
            let text = std::fs::read_to_string(file).unwrap();
            ["bevy", "egui"].iter().any(|name| {
                text.contains(&format!("use {name}"))
                    || text.contains(&format!("{name}::"))
                    || text.contains(&format!("{name}_"))
            })
        })
        .map(|file| file.display().to_string())
        .collect();
    assert!(offenders.is_empty(), "core must stay plain Rust: {offenders:?}");
}

#[test]
fn layers_import_only_the_layers_below_them() {
    let allowed: BTreeMap<&str, &[&str]> = BTreeMap::from([
        ("core", &["core"][..]),
        ("server", &["core", "server"][..]),
        ("lrs", &["core", "lrs"][..]),
        ("features", &["core", "server", "lrs", "features"][..]),
        ("ui", &["core", "server", "lrs", "features", "ui"][..]),
        ("app", &["core", "server", "lrs", "features", "ui", "app"][..]),
        ("cli", &["core", "server", "lrs", "features", "ui", "app", "cli"][..]),
        ("root", &["core", "server", "lrs", "features", "ui", "app", "cli", "root"][..]),
    ]);
    let modules = modules();
    let mut wrong = Vec::new();
    for (file, targets) in imports(&modules) {
        for target in targets {
            if !allowed[layer(&file)].contains(&layer(&target)) {
                wrong.push(format!("{} -> {}", file.display(), target.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "imports that point up a layer:\n{}", wrong.join("\n"));
}

#[test]
fn no_files_import_each_other_in_a_circle() {
    let modules = modules();
    let graph = imports(&modules);
    assert!(graph.values().map(BTreeSet::len).sum::<usize>() > 150, "the import reader found the imports");
    let found: Vec<String> = circles(&graph)
        .into_iter()
        .map(|group| {
            group.iter().map(|f| f.strip_prefix(SRC).unwrap().display().to_string()).collect::<Vec<_>>().join(", ")
        })
        .collect();
    assert!(found.is_empty(), "import circles:\n{}", found.join("\n"));
}

#[test]
fn the_import_reader_sees_a_planted_circle() {
    let here = vec!["core".to_owned(), "a".to_owned()];
    assert_eq!(
        absolute(&here, &["super".into(), "b".into(), "X".into()]),
        Some(vec!["core".into(), "b".into(), "X".into()])
    );
    assert_eq!(
        expand("crate::core::{a::{B, C}, d}"),
        vec![
            vec!["crate".to_owned(), "core".into(), "a".into(), "B".into()],
            vec!["crate".to_owned(), "core".into(), "a".into(), "C".into()],
            vec!["crate".to_owned(), "core".into(), "d".into()],
        ]
    );
    let (a, b, c) = (PathBuf::from("a.rs"), PathBuf::from("b.rs"), PathBuf::from("c.rs"));
    let graph = BTreeMap::from([
        (a.clone(), BTreeSet::from([b.clone()])),
        (b.clone(), BTreeSet::from([c.clone()])),
        (c.clone(), BTreeSet::from([a.clone()])),
    ]);
    assert_eq!(circles(&graph).len(), 1);
    let acyclic = BTreeMap::from([(a.clone(), BTreeSet::from([b.clone()])), (b, BTreeSet::new())]);
    assert!(circles(&acyclic).is_empty());
}
