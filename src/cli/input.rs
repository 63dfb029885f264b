//! Inputs: files, folders walked in name order, standard input; read with a size limit.

use std::collections::HashSet;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use zhibiao::{Options, Report};

use super::catching;

// ---------------------------------------------------------------------------------------
// Inputs

#[derive(Debug, Clone)]
pub enum Input {
    Stdin,
    File(PathBuf),
    /// A path that could not be listed; reported in its place in the output order.
    Unreadable(PathBuf, String),
}

impl Input {
    pub fn display(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p) | Input::Unreadable(p, _) => p.display().to_string(),
        }
    }
}

pub fn io_message(e: &io::Error) -> String {
    // "No such file or directory (os error 2)" -> "No such file or directory"
    let s = e.to_string();
    match s.find(" (os error ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

pub fn collect_inputs(paths: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let mut seen = HashSet::new();
                walk(p, &mut out, &mut seen);
            }
            Ok(_) => out.push(Input::File(p.clone())),
            Err(e) => out.push(Input::Unreadable(p.clone(), io_message(&e))),
        }
    }
    out
}

/// Regular files under `dir`, depth first in name order; hidden entries and symlink loops
/// are skipped.
fn walk(dir: &Path, out: &mut Vec<Input>, seen: &mut HashSet<PathBuf>) {
    if let Ok(canon) = std::fs::canonicalize(dir) {
        if !seen.insert(canon) {
            return;
        }
    }
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            out.push(Input::Unreadable(dir.to_path_buf(), io_message(&e)));
            return;
        }
    };
    let mut entries: Vec<PathBuf> = Vec::new();
    for ent in rd {
        match ent {
            Ok(ent) => {
                if ent.file_name().to_string_lossy().starts_with('.') {
                    continue;
                }
                entries.push(ent.path());
            }
            Err(e) => out.push(Input::Unreadable(dir.to_path_buf(), io_message(&e))),
        }
    }
    entries.sort();
    for path in entries {
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, out, seen),
            Ok(m) if m.is_file() => out.push(Input::File(path)),
            Ok(_) => {} // sockets, fifos, devices: not documents
            Err(e) => out.push(Input::Unreadable(path, io_message(&e))),
        }
    }
}

/// Read at most `max_bytes + 1` bytes, so that a huge input is refused without being
/// held in memory.
pub fn read_input(input: &Input, max_bytes: usize) -> Result<Vec<u8>, String> {
    let limit = (max_bytes as u64).saturating_add(1);
    let too_large =
        |n: String| format!("input too large: {n} bytes, the limit is {max_bytes} bytes");
    let mut buf = Vec::new();
    match input {
        Input::Unreadable(_, msg) => return Err(msg.clone()),
        Input::Stdin => {
            io::stdin()
                .lock()
                .take(limit)
                .read_to_end(&mut buf)
                .map_err(|e| io_message(&e))?;
        }
        Input::File(p) => {
            let f = std::fs::File::open(p).map_err(|e| io_message(&e))?;
            if let Ok(m) = f.metadata() {
                if m.is_dir() {
                    return Err("is a directory".into());
                }
                if m.is_file() && m.len() > max_bytes as u64 {
                    return Err(too_large(m.len().to_string()));
                }
            }
            f.take(limit)
                .read_to_end(&mut buf)
                .map_err(|e| io_message(&e))?;
        }
    }
    if buf.len() > max_bytes {
        return Err(too_large(format!("more than {max_bytes}")));
    }
    Ok(buf)
}

pub fn analyse(input: &Input, opts: &Options) -> Result<Report, String> {
    catching(|| {
        let bytes = read_input(input, opts.max_bytes)?;
        zhibiao::analyze_with(&bytes, &input.display(), opts).map_err(|e| e.to_string())
    })
}
