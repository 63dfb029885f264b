//! Compiling the crate's regexes. Patterns are written with `\d` and `\p{Han}` for
//! readability; here they are narrowed to the digits and Han characters the stages
//! actually meet (ASCII and full-width digits; the ranges of [`crate::normalise::is_han`]),
//! which compiles several times faster than Unicode's classes: `\d` alone is 60-odd ranges
//! that become hundreds of UTF-8 states in every place it is repeated. Start-up is mostly
//! regex compilation, and in the browser it runs before the first report.

use regex::Regex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How many regexes this process has compiled (through [`regex`] and [`compiled_one`]):
/// the start-up benchmark and `tests/figures_path.rs` check the figures path compiles none.
static COMPILED: AtomicUsize = AtomicUsize::new(0);

/// The number of regexes compiled so far in this process.
pub fn compiled() -> usize {
    COMPILED.load(Ordering::Relaxed)
}

/// Counts one compilation done elsewhere (a `regex::bytes` or un-narrowed pattern).
pub fn compiled_one() {
    COMPILED.fetch_add(1, Ordering::Relaxed);
}

/// ASCII and full-width digits: what `\d` means in these texts.
const DIGIT: &str = "[0-9０-９]";
/// The Han ranges of `normalise::is_han`.
const HAN: &str = r"\x{3400}-\x{9FFF}\x{F900}-\x{FAFF}\x{20000}-\x{3FFFF}";

/// `pattern` with `\d` and `\p{Han}` narrowed, compiled.
pub fn regex(pattern: &str) -> Result<Regex, regex::Error> {
    compiled_one();
    Regex::new(&narrow(pattern))
}

fn narrow(pattern: &str) -> String {
    // `\d` and `\p{Han}` are written inside classes and alone; both become ranges
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut depth = 0usize; // inside how many `[…]`
    let mut rest = pattern;
    while let Some(c) = rest.chars().next() {
        if let Some(t) = rest.strip_prefix(r"\d") {
            out.push_str(if depth > 0 { "0-9０-９" } else { DIGIT });
            rest = t;
        } else if let Some(t) = rest.strip_prefix(r"\p{Han}") {
            if depth > 0 {
                out.push_str(HAN);
            } else {
                out.push('[');
                out.push_str(HAN);
                out.push(']');
            }
            rest = t;
        } else if c == '\\' {
            // any other escape (`\\`, `\[`, `\s` …) is kept whole
            let n = 1 + rest[1..].chars().next().map_or(0, char::len_utf8);
            out.push_str(&rest[..n]);
            rest = &rest[n..];
        } else {
            match c {
                '[' => depth += 1,
                ']' if depth > 0 => depth -= 1,
                _ => {}
            }
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrows_digits_and_han() {
        assert_eq!(narrow(r"\d{4}年"), "[0-9０-９]{4}年");
        assert_eq!(narrow(r"[\d\-\s]+"), r"[0-9０-９\-\s]+");
        assert_eq!(narrow(r"[^\p{Han}]*"), format!("[^{HAN}]*"));
        assert_eq!(narrow(r"\p{Han}?"), format!("[{HAN}]?"));
        assert_eq!(narrow(r"\\d \[\d\]"), r"\\d \[[0-9０-９]\]");
    }

    #[test]
    fn means_what_the_stages_meet() {
        let r = regex(r"^\d+[\p{Han}]+$").unwrap();
        assert!(r.is_match("２０２２年") && r.is_match("2022年") && r.is_match("1𠮷"));
        assert!(!r.is_match("٣年"), "Arabic-Indic digits are not figures here");
        assert!(!r.is_match("12a"));
    }
}

/// Words to find in a text, compared only where a character that starts one of them
/// occurs: a sorted list of first characters, built in a moment (no automaton, no regex),
/// for the scanners that replaced regexes' literal alternations (issue 12). Many small
/// `str::contains` calls cost more, as each one sets up a searcher.
pub struct Words {
    words: &'static [&'static str],
    first: Vec<char>,
}

impl Words {
    pub fn new(words: &'static [&'static str]) -> Words {
        let mut first: Vec<char> = words.iter().filter_map(|w| w.chars().next()).collect();
        first.sort_unstable();
        first.dedup();
        Words { words, first }
    }

    /// The words `s` starts with, in list order.
    pub fn prefixes<'a>(&'a self, s: &'a str) -> impl Iterator<Item = &'static str> + 'a {
        let any = s.chars().next().is_some_and(|c| self.first.binary_search(&c).is_ok());
        self.words.iter().copied().filter(move |w| any && s.starts_with(w))
    }

    /// Every occurrence of a word in `s`: (byte offset, word), by offset, then in list order.
    pub fn find_iter<'a>(&'a self, s: &'a str) -> impl Iterator<Item = (usize, &'static str)> + 'a {
        s.char_indices()
            .filter(|&(_, c)| self.first.binary_search(&c).is_ok())
            .flat_map(move |(i, _)| self.prefixes(&s[i..]).map(move |w| (i, w)))
    }

    /// Whether one of the words occurs in `s`.
    pub fn occur_in(&self, s: &str) -> bool {
        self.find_iter(s).next().is_some()
    }
}

/// Test helpers for the scanners that replaced regexes (issue 12): each scanner is checked
/// against its old regex, kept in its tests as the oracle, on real and random lines.
#[cfg(test)]
pub(crate) mod oracle {
    use std::path::Path;

    /// The bytes of every file of the shared seeds and corpus and `tests/inputs`, when
    /// those folders are there.
    pub fn files() -> Vec<Vec<u8>> {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        for dir in [here.join("../shared/seeds"), here.join("../shared/corpus"), here.join("tests/inputs")] {
            let Ok(entries) = std::fs::read_dir(dir) else { continue };
            out.extend(entries.flatten().filter_map(|e| std::fs::read(e.path()).ok()));
        }
        out
    }

    /// Those files decoded (the ones that decode).
    pub fn texts() -> Vec<String> {
        files().iter().filter_map(|b| crate::decode::decode(b).ok()).map(|d| d.text).collect()
    }

    /// Every line of those texts, as decoded and as normalised (what the later stages see).
    pub fn lines() -> Vec<String> {
        let mut out = Vec::new();
        for text in texts() {
            let norm = crate::normalise::normalise(&text).text;
            out.extend(text.lines().chain(norm.lines()).map(|l| l.trim().to_string()));
        }
        out
    }

    /// `n` pseudo-random strings (fixed seed) of up to `max` pieces drawn from `alphabet`.
    pub fn random(alphabet: &[&str], n: usize, max: usize) -> Vec<String> {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        (0..n)
            .map(|_| {
                let len = (next() % (max as u64 + 1)) as usize;
                (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect()
            })
            .collect()
    }
}
