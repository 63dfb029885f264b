//! Inputs shared by the benches: the five shared articles and large documents made of
//! them. Included with `#[path]`/`mod common;` by each bench.

#![allow(dead_code)]

use std::path::PathBuf;

/// `../shared/seeds` next to the crate (override with `ZHIBIAO_SEEDS=DIR`).
pub fn seeds_dir() -> PathBuf {
    match std::env::var_os("ZHIBIAO_SEEDS") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds"),
    }
}

/// `(short name, bytes)` of every `*.txt` in the seeds directory, sorted by name.
/// The short name is the file's three-digit prefix (`000`, `001`, …).
pub fn seeds() -> Vec<(String, Vec<u8>)> {
    let dir = seeds_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no seed articles in {}", dir.display());
    files
        .into_iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().to_string();
            let short = stem.split('_').next().unwrap_or(&stem).to_string();
            (short, std::fs::read(&p).unwrap_or_else(|e| panic!("reading {}: {e}", p.display())))
        })
        .collect()
}

/// A large document of `size` bytes (at most) made of the articles' text: the body of
/// each seed as the library cleans it, paragraph by paragraph, the five articles again
/// and again. Every paragraph ends with its copy number in letters (`（aab）`), because
/// `clean` drops repeated paragraphs: a plain concatenation of the files would be cut
/// back to one copy (the first version of these benches did that and measured
/// nothing). Plain UTF-8 text, one paragraph a line, cut at a line break.
pub fn large_document(seeds: &[(String, Vec<u8>)], size: usize) -> Vec<u8> {
    let bodies: Vec<String> = seeds
        .iter()
        .map(|(_, b)| zhibiao::clean::clean(&zhibiao::decode::decode(b).expect("a seed decodes").text).body)
        .collect();
    let mut out = String::with_capacity(size + 4096);
    let mut copy = 0usize;
    'fill: loop {
        let tag = letters(copy);
        for body in &bodies {
            for para in body.lines() {
                if out.len() >= size {
                    break 'fill;
                }
                out.push_str(para);
                out.push('（');
                out.push_str(&tag);
                out.push_str("）\n");
            }
        }
        copy += 1;
    }
    let cut = out.as_bytes()[..size.min(out.len())].iter().rposition(|&b| b == b'\n').map_or(out.len(), |i| i + 1);
    out.truncate(cut);
    out.into_bytes()
}

/// `n` in base 26 with the letters a–z, at least three of them: 0 → `aaa`, 27 → `abb`.
fn letters(mut n: usize) -> String {
    let mut v = Vec::new();
    while n > 0 || v.len() < 3 {
        v.push(b'a' + (n % 26) as u8);
        n /= 26;
    }
    v.reverse();
    String::from_utf8(v).expect("ascii")
}

/// criterion runs benches as tests (each routine once) unless `--bench` is given
/// without `--test`; `cargo test --all-targets` and `cargo bench -- --test` are test mode.
pub fn is_test_mode() -> bool {
    let args: Vec<String> = std::env::args().collect();
    !args.iter().any(|a| a == "--bench") || args.iter().any(|a| a == "--test")
}
