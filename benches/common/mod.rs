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

/// The seed files, whole and in order, repeated until `size` bytes, each starting on a
/// new line, cut at the last line break at or before `size` (so it stays valid UTF-8).
pub fn concatenated(seeds: &[(String, Vec<u8>)], size: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(size + 64 * 1024);
    'fill: loop {
        for (_, b) in seeds {
            if out.len() >= size {
                break 'fill;
            }
            out.extend_from_slice(b);
            if !b.ends_with(b"\n") {
                out.push(b'\n');
            }
        }
    }
    let cut = out[..size.min(out.len())].iter().rposition(|&b| b == b'\n').map_or(out.len(), |i| i + 1);
    out.truncate(cut);
    out
}

/// criterion runs benches as tests (each routine once) unless `--bench` is given
/// without `--test`; `cargo test --all-targets` and `cargo bench -- --test` are test mode.
pub fn is_test_mode() -> bool {
    let args: Vec<String> = std::env::args().collect();
    !args.iter().any(|a| a == "--bench") || args.iter().any(|a| a == "--test")
}
