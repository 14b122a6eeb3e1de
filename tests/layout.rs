//! The source tree's rules (ARCHITECTURE.md, "Import rules"), checked on the
//! code itself so that a change that breaks one fails here with the files
//! named: imports follow the data flow without circles, the result model
//! imports no stage, no stage imports the report, files stay small, and
//! CPU- and OS-specific code stays in `src/platform/`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Most entries directly under `src/`.
const MAX_TOP_ENTRIES: usize = 14;
/// Most lines of a source file before its unit tests.
const MAX_LINES: usize = 1000;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `src/`, as paths relative to `src/`.
fn sources() -> Vec<PathBuf> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, root, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p.strip_prefix(root).unwrap().to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    walk(&src(), &src(), &mut out);
    out
}

/// The code of a file before its `#[cfg(test)] mod`, without comments.
fn code(rel: &Path) -> String {
    let text = std::fs::read_to_string(src().join(rel)).unwrap();
    let body = match text.find("\n#[cfg(test)]\nmod ") {
        Some(i) => &text[..i],
        None => &text[..],
    };
    body.lines()
        .map(|l| match l.find("//") {
            // A `//` inside a string literal ("http://") is rare in this code;
            // cutting there only loses the rest of that line.
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module path of a file: `scoring/voices/mod.rs` -> ["scoring", "voices"].
fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|c| c.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" && stem != "main" {
        parts.push(stem.to_string());
    }
    parts
}

/// The file that defines a module path, if it exists.
fn file_of(module: &[String]) -> Option<PathBuf> {
    if module.is_empty() {
        return Some(PathBuf::from("lib.rs"));
    }
    let base: PathBuf = module.iter().collect();
    let flat = base.with_extension("rs");
    if src().join(&flat).is_file() {
        return Some(flat);
    }
    let nested = base.join("mod.rs");
    src().join(&nested).is_file().then_some(nested)
}

/// The deepest module file a path names (`crate::a::b::Item` -> the file of `a::b`).
fn deepest(module: &[String]) -> Option<PathBuf> {
    (0..=module.len()).rev().find_map(|n| file_of(&module[..n]))
}

/// Every path the code names that starts at `crate::`, `super::`, or a
/// child module of the file, with `use` groups (`a::{b, c::d}`) expanded.
fn referenced_paths(code: &str, here: &[String], children: &BTreeSet<String>) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let is_ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    while i < bytes.len() {
        if !is_ident(bytes[i]) || (i > 0 && (is_ident(bytes[i - 1]) || bytes[i - 1] == b':')) {
            i += 1;
            continue;
        }
        // Read a path `a::b::{c, d::e}` starting here.
        let start = i;
        while i < bytes.len() && (is_ident(bytes[i]) || bytes[i] == b':') {
            i += 1;
        }
        let head = &code[start..i];
        let mut heads = vec![head.trim_end_matches(':').to_string()];
        if head.ends_with("::") && i < bytes.len() && bytes[i] == b'{' {
            let mut depth = 0;
            let open = i;
            while i < bytes.len() {
                match bytes[i] {
                    b'{' => depth += 1,
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            let inner = &code[open + 1..i.min(code.len())];
            heads = inner
                .split([',', '{', '}'])
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .map(|s| format!("{}{}", head, s.split_whitespace().next().unwrap_or("")))
                .collect();
        }
        for h in heads {
            let segs: Vec<String> = h
                .split("::")
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            if segs.len() < 2 {
                continue;
            }
            let mut module: Vec<String> = match segs[0].as_str() {
                "crate" => Vec::new(),
                "super" => {
                    let mut m = here.to_vec();
                    m.pop();
                    m
                }
                "self" => here.to_vec(),
                c if children.contains(c) => here.to_vec(),
                _ => continue,
            };
            let mut rest = &segs[..];
            if matches!(segs[0].as_str(), "crate" | "super" | "self") {
                rest = &segs[1..];
            }
            while let Some(s) = rest.first().filter(|s| s.as_str() == "super") {
                let _ = s;
                module.pop();
                rest = &rest[1..];
            }
            module.extend(rest.iter().cloned());
            out.push(module);
        }
    }
    out
}

/// File -> the files it imports (self-imports and lib.rs/main.rs left out).
fn import_graph() -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let mut graph = BTreeMap::new();
    for rel in sources() {
        if rel == Path::new("lib.rs") || rel == Path::new("main.rs") {
            continue;
        }
        let here = module_of(&rel);
        let code = code(&rel);
        let children: BTreeSet<String> = code
            .lines()
            .filter_map(|l| {
                let l = l.trim();
                let l = l.strip_prefix("pub ").unwrap_or(l);
                let l = l.strip_prefix("pub(crate) ").unwrap_or(l);
                l.strip_prefix("mod ")
                    .and_then(|r| r.strip_suffix(';'))
                    .map(String::from)
            })
            .collect();
        let mut deps = BTreeSet::new();
        for path in referenced_paths(&code, &here, &children) {
            if let Some(f) = deepest(&path) {
                if f != rel && f != Path::new("lib.rs") {
                    deps.insert(f);
                }
            }
        }
        graph.insert(rel, deps);
    }
    graph
}

/// The import circles of a graph (strongly connected components of more than one file).
fn circles(graph: &BTreeMap<PathBuf, BTreeSet<PathBuf>>) -> Vec<Vec<PathBuf>> {
    let reach = |from: &PathBuf| -> BTreeSet<PathBuf> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(f) = stack.pop() {
            for d in graph.get(&f).into_iter().flatten() {
                if seen.insert(d.clone()) {
                    stack.push(d.clone());
                }
            }
        }
        seen
    };
    let reaches: BTreeMap<&PathBuf, BTreeSet<PathBuf>> =
        graph.keys().map(|f| (f, reach(f))).collect();
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for f in graph.keys() {
        if done.contains(f) || !reaches[f].contains(f) {
            continue;
        }
        let circle: Vec<PathBuf> = graph
            .keys()
            .filter(|g| reaches[f].contains(*g) && reaches[*g].contains(f))
            .cloned()
            .collect();
        done.extend(circle.iter().cloned());
        out.push(circle);
    }
    out
}

#[test]
fn the_import_graph_reads_this_trees_imports() {
    let g = import_graph();
    let deps = |f: &str| g[Path::new(f)].clone();
    // Known edges, so that the checks below cannot pass on an empty graph.
    assert!(deps("pipeline/mod.rs").contains(Path::new("scoring/mod.rs")));
    assert!(deps("scoring/voices/mod.rs").contains(Path::new("scoring/voices/quotes.rs")));
    assert!(deps("lexicon/load.rs").contains(Path::new("lexicon/txt.rs")));
    let mut toy = BTreeMap::new();
    let (a, b, c) = (PathBuf::from("a"), PathBuf::from("b"), PathBuf::from("c"));
    toy.insert(a.clone(), BTreeSet::from([b.clone()]));
    toy.insert(b.clone(), BTreeSet::from([a.clone(), c.clone()]));
    toy.insert(c.clone(), BTreeSet::new());
    assert_eq!(circles(&toy), vec![vec![a, b]]);
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let found = circles(&import_graph());
    assert!(
        found.is_empty(),
        "import circles (each list imports itself through the others): {found:#?}"
    );
}

#[test]
fn the_model_imports_no_stage_and_no_stage_imports_the_report() {
    let g = import_graph();
    let mut wrong = Vec::new();
    for (f, deps) in &g {
        let top = f.iter().next().unwrap().to_string_lossy().into_owned();
        for d in deps {
            let to = d.iter().next().unwrap().to_string_lossy().into_owned();
            let bad = (top == "model" && to != "model")
                || (to == "report" && !matches!(top.as_str(), "report" | "pipeline" | "commands"));
            if bad {
                wrong.push(format!("{} -> {}", f.display(), d.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the flow: {wrong:#?}");
}

#[test]
fn files_stay_small_and_the_top_of_src_stays_short() {
    let top = std::fs::read_dir(src()).unwrap().count();
    assert!(top <= MAX_TOP_ENTRIES, "{top} entries directly under src/");
    let long: Vec<String> = sources()
        .iter()
        .filter_map(|rel| {
            let n = code(rel).lines().count();
            (n > MAX_LINES).then(|| format!("{} ({n} lines before its tests)", rel.display()))
        })
        .collect();
    assert!(long.is_empty(), "files over {MAX_LINES} lines: {long:?}");
}

#[test]
fn cpu_and_os_specific_code_lives_in_platform() {
    let words = [
        "unsafe",
        "is_x86_feature_detected",
        "target_feature",
        "libc::",
    ];
    let outside: Vec<String> = sources()
        .iter()
        .filter(|rel| !rel.starts_with("platform"))
        .filter_map(|rel| {
            let text = std::fs::read_to_string(src().join(rel)).unwrap();
            let found: Vec<&str> = words
                .iter()
                .copied()
                .filter(|w| {
                    text.lines()
                        .map(|l| l.split("//").next().unwrap_or(""))
                        .any(|l| l.contains(w))
                })
                .collect();
            (!found.is_empty()).then(|| format!("{}: {}", rel.display(), found.join(", ")))
        })
        .collect();
    assert!(outside.is_empty(), "outside src/platform/: {outside:?}");
}
