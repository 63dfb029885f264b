//! Units after a number, by grammar over data:
//!
//! ```text
//! unit     = simple (("/" | "每") denominator)?          元/年, 微克/立方米, 元每吨
//! simple   = name | symbol                                 (the longest that fits)
//! name     = prefix? si-name | 平方 length | 立方 length   千瓦, 兆帕, 平方千米, 立方米
//!          | customary | measure word | currency | relative  亩, 斤, 个, 美元, %, 个百分点
//! symbol   = prefix? si-symbol ("²" | "³" | "2" | "3")?   kW, MW, km², m3, μg
//! ```
//!
//! The words come from `lexicons/units_si.txt` (the legal units of measurement),
//! `lexicons/units_customary.txt` and `lexicons/measure_words.txt`; each file says where its
//! entries come from. The grammar generates the prefixed and squared forms once, at start.

use crate::lexicon;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// A unit read after a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// As reported (`公里` for `千米`, `元/亩`; otherwise as written).
    pub name: String,
    /// Char offset just past it.
    pub end: usize,
    /// Written with Latin symbols (`kW`, `km²`).
    pub symbol: bool,
}

struct Units {
    /// Chinese names (and `%`, `℃` …) → the name reported.
    names: FxHashMap<String, String>,
    max_name: usize,
    /// Symbols, prefixed ones included.
    symbols: FxHashSet<String>,
    /// Words a compound unit can be "per" besides units.
    per: FxHashSet<String>,
    /// The first chars of the names: most chars after a number start none.
    first: FxHashSet<char>,
    /// A measure word followed by these chars is another word (`个月`, `家庭`).
    not_units: Vec<Vec<char>>,
}

static UNITS: LazyLock<Units> = LazyLock::new(build);

fn build() -> Units {
    let si = lexicon::sections(include_str!("../../lexicons/units_si.txt"));
    let customary = lexicon::sections(include_str!("../../lexicons/units_customary.txt"));
    let section = |secs: &[(&'static str, Vec<&'static str>)], name: &str| -> Vec<&'static str> {
        secs.iter().filter(|(n, _)| *n == name).flat_map(|(_, v)| v.iter().copied()).collect()
    };
    let mut names: FxHashMap<String, String> = FxHashMap::default();
    let mut symbols: FxHashSet<String> = FxHashSet::default();
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
    let mut per: FxHashSet<String> = FxHashSet::default();
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

/// The unit at `chars[i..limit]`, if one is there.
pub fn at(chars: &[char], i: usize, limit: usize) -> Option<Unit> {
    let first = simple(chars, i, limit)?;
    // a compound: `元/年`, `微克/立方米`, `元每吨`
    if let Some(&sep) = chars.get(first.end) {
        if (sep == '/' || sep == '每') && first.end + 1 < limit {
            if let Some(den) = simple(chars, first.end + 1, limit).or_else(|| per_word(chars, first.end + 1, limit)) {
                if den.symbol == first.symbol || !den.symbol {
                    return Some(Unit { name: format!("{}/{}", first.name, den.name), end: den.end, symbol: first.symbol });
                }
            }
        }
    }
    Some(first)
}

/// Whether `c` can start a unit (for a quick test before [`at`]).
pub fn is_symbol_char(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'Ω' | 'μ' | 'µ' | '°' | '℃')
}

fn simple(chars: &[char], i: usize, limit: usize) -> Option<Unit> {
    let u = &*UNITS;
    let c = *chars.get(i)?;
    if i >= limit {
        return None;
    }
    if is_symbol_char(c) && c != '℃' {
        return symbol(chars, i, limit);
    }
    if !u.first.contains(&c) {
        return None;
    }
    // the longest Chinese name that fits
    let max = u.max_name.min(limit - i);
    let mut word = String::with_capacity(max * 3);
    let mut best: Option<(usize, &String)> = None;
    for (k, &ch) in chars[i..i + max].iter().enumerate() {
        word.push(ch);
        if let Some(r) = u.names.get(&word) {
            best = Some((k + 1, r));
        }
    }
    let (len, reported) = best?;
    // `3个月`, `5家庭`: the measure word begins another word
    let rest = &chars[i..limit];
    if u.not_units.iter().any(|nu| nu.len() > len && rest.starts_with(nu)) {
        return None;
    }
    Some(Unit { name: reported.clone(), end: i + len, symbol: false })
}

/// A Latin symbol with its exponent: `kW`, `km²`, `m3`, `μg`, `°C`.
fn symbol(chars: &[char], i: usize, limit: usize) -> Option<Unit> {
    let mut j = i;
    while j < limit && is_symbol_char(chars[j]) && chars[j] != '℃' {
        j += 1;
    }
    let mut s: String = chars[i..j].iter().collect();
    if !UNITS.symbols.contains(&s) {
        return None;
    }
    let exponent = j < limit
        && (matches!(chars[j], '²' | '³') || matches!(chars[j], '2' | '3') && !chars.get(j + 1).is_some_and(|c| c.is_ascii_alphanumeric()));
    if exponent {
        s.push(chars[j]);
        j += 1;
    }
    // `5GHz` is a unit, `5Gbps` is not read
    if chars.get(j).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some(Unit { name: s, end: j, symbol: true })
}

/// A time word a compound unit is "per": `元/年`, `人次/日`.
fn per_word(chars: &[char], i: usize, limit: usize) -> Option<Unit> {
    let u = &*UNITS;
    let mut word = String::new();
    let mut best = None;
    for (k, &ch) in chars[i..limit.min(i + 2)].iter().enumerate() {
        word.push(ch);
        if u.per.contains(&word) {
            best = Some(Unit { name: word.clone(), end: i + k + 1, symbol: false });
        }
    }
    best
}

/// Whether a measure word at `i` is the start of another word (`3个月`, `5家庭`).
pub fn blocked(chars: &[char], i: usize, limit: usize) -> bool {
    let rest = &chars[i.min(limit)..limit];
    UNITS.not_units.iter().any(|nu| rest.starts_with(nu))
}

/// Shares, ratios and multiples: `%`, `‰`, `个百分点`, `百分点`, `倍`, `比`.
pub fn is_relative(unit: &str) -> bool {
    matches!(unit, "%" | "‰" | "个百分点" | "百分点" | "倍" | "比")
}

/// Whether `word` is a unit.
pub fn is_unit(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    at(&chars, 0, chars.len()).is_some_and(|u| u.end == chars.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(String, usize)> {
        let chars: Vec<char> = s.chars().collect();
        at(&chars, 0, chars.len()).map(|u| (u.name, u.end))
    }

    #[test]
    fn prefixed_and_symbols() {
        for (s, u) in [
            ("千瓦", "千瓦"),
            ("兆瓦", "兆瓦"),
            ("吉瓦时", "吉瓦时"),
            ("kW", "kW"),
            ("MW", "MW"),
            ("GWh", "GWh"),
            ("km²", "km²"),
            ("km2", "km2"),
            ("m³", "m³"),
            ("平方千米", "平方公里"),
            ("平方公里", "平方公里"),
            ("平米", "平方米"),
            ("hm²", "hm²"),
            ("千米", "公里"),
            ("立方米", "立方米"),
            ("微克/立方米", "微克/立方米"),
            ("μg/m³", "μg/m³"),
            ("公顷", "公顷"),
            ("kg", "kg"),
            ("℃", "℃"),
            ("元/年", "元/年"),
            ("元每吨", "元/吨"),
            ("兆字节", "兆字节"),
            ("赫兹", "赫兹"),
            ("个百分点", "个百分点"),
        ] {
            assert_eq!(read(s).map(|r| r.0), Some(u.to_string()), "{s}");
        }
    }

    #[test]
    fn not_units() {
        for s in ["G基站", "A级", "个月", "家庭", "安全", "法律", "Gbps", "s", "T恤"] {
            assert_eq!(read(s), None, "{s}");
        }
    }
}
