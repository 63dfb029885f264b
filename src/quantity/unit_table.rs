//! The unit grammar's words, generated from the lexicons: the prefixed and squared forms,
//! the mappings, the measure words. Run by build.rs, which writes the result as static
//! tables (src/quantity/unit.rs includes them), so nothing is generated on the first report;
//! the crate's tests run it again to check those tables.

use crate::lexicon;
use std::collections::{HashMap, HashSet};

pub struct Units {
    /// Chinese names (and `%`, `℃` …) → the name reported.
    pub names: HashMap<String, String>,
    pub max_name: usize,
    /// Symbols, prefixed ones included.
    pub symbols: HashSet<String>,
    /// Words a compound unit can be "per" besides units.
    pub per: HashSet<String>,
    /// The first chars of the names: most chars after a number start none.
    pub first: HashSet<char>,
    /// A measure word followed by these chars is another word (`个月`, `家庭`).
    pub not_units: Vec<Vec<char>>,
}

pub fn build() -> Units {
    let si = lexicon::sections(include_str!("../../lexicons/units_si.txt"));
    let customary = lexicon::sections(include_str!("../../lexicons/units_customary.txt"));
    let section = |secs: &[(&'static str, Vec<&'static str>)], name: &str| -> Vec<&'static str> {
        secs.iter().filter(|(n, _)| *n == name).flat_map(|(_, v)| v.iter().copied()).collect()
    };
    let mut names: HashMap<String, String> = HashMap::new();
    let mut symbols: HashSet<String> = HashSet::new();
    let mut add_name = |w: &str, reported: &str| {
        names.entry(w.to_string()).or_insert_with(|| reported.to_string());
    };
    let prefixes: Vec<(&str, &str)> = section(&si, "prefix")
        .iter()
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            Some((f.next()?, f.next()?))
        })
        .collect();
    let mut lengths: Vec<String> = Vec::new();
    for line in section(&si, "unit") {
        let mut fields = line.split_whitespace();
        let Some(sym) = fields.next() else { continue };
        let cn: Vec<&str> = fields.collect();
        let is_length = sym == "m";
        if sym != "-" {
            let (bare_ok, s) = match sym.strip_prefix('~') {
                Some(s) => (false, s),
                None => (true, sym),
            };
            if bare_ok {
                symbols.insert(s.to_string());
            }
            for (p, _) in &prefixes {
                symbols.insert(format!("{p}{s}"));
            }
        }
        for n in cn {
            let (bare_ok, n) = match n.strip_prefix('~') {
                Some(n) => (false, n),
                None => (true, n),
            };
            if bare_ok {
                add_name(n, n);
                if is_length {
                    lengths.push(n.to_string());
                }
            }
            for (_, p) in prefixes.iter().filter(|(_, p)| *p != "-") {
                let w = format!("{p}{n}");
                add_name(&w, &w);
                if is_length {
                    lengths.push(w);
                }
            }
        }
    }
    for line in section(&si, "plain") {
        let mut fields = line.split_whitespace();
        let (Some(sym), Some(n)) = (fields.next(), fields.next()) else { continue };
        if sym != "-" {
            symbols.insert(sym.to_string());
        }
        if n != "-" {
            add_name(n, n);
        }
    }
    // customary units, currencies, relative units and measure words; `a => b` maps
    let mapped = |l: &'static str| match l.split_once("=>") {
        Some((a, b)) => (a.trim(), b.trim()),
        None => (l, l),
    };
    let mut per: HashSet<String> = HashSet::new();
    // the mappings first, so that `千米 => 公里` wins over the generated `千米`
    let mut words: Vec<(&str, &str)> = Vec::new();
    for s in ["customary", "relative", "currency"] {
        words.extend(section(&customary, s).into_iter().map(mapped));
    }
    words.extend(lexicon::entries(include_str!("../../lexicons/measure_words.txt")).map(mapped));
    for (a, b) in &words {
        names.insert(a.to_string(), b.to_string());
    }
    lengths.extend(section(&customary, "length").into_iter().map(String::from));
    for l in &lengths {
        for (sq, _) in [("平方", 2), ("立方", 3)] {
            let w = format!("{sq}{l}");
            let reported = match names.get(l.as_str()) {
                Some(r) if r != l => format!("{sq}{r}"),
                _ => w.clone(),
            };
            names.entry(w).or_insert(reported);
        }
    }
    for p in section(&customary, "per") {
        per.insert(p.to_string());
    }
    let max_name = names.keys().map(|k| k.chars().count()).max().unwrap_or(1);
    let not_units = lexicon::entries(include_str!("../../lexicons/not_units.txt")).map(|w| w.chars().collect()).collect();
    let first = names.keys().filter_map(|k| k.chars().next()).collect();
    Units { names, max_name, symbols, per, first, not_units }
}
