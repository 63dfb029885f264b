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
//! entries come from. The grammar generates the prefixed and squared forms once, at build time
//! (`unit_table.rs`, run by build.rs).


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

// NAMES (Chinese names and `%`, `℃` … → the name reported, sorted by name), SYMBOLS
// (prefixed ones included), PER (words a compound unit can be "per" besides units), FIRST
// (the first chars of the names: most chars after a number start none), MAX_NAME and
// NOT_UNITS (a measure word followed by these is another word: `个月`, `家庭`): generated
// by build.rs with src/quantity/unit_table.rs.
include!(concat!(env!("OUT_DIR"), "/units.rs"));

fn sorted_has(list: &[&str], w: &str) -> bool {
    list.binary_search(&w).is_ok()
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
    let c = *chars.get(i)?;
    if i >= limit {
        return None;
    }
    if is_symbol_char(c) && c != '℃' {
        return symbol(chars, i, limit);
    }
    if FIRST.binary_search(&c).is_err() {
        return None;
    }
    // the longest Chinese name that fits
    let max = MAX_NAME.min(limit - i);
    let mut word = String::with_capacity(max * 3);
    let mut best: Option<(usize, &str)> = None;
    for (k, &ch) in chars[i..i + max].iter().enumerate() {
        word.push(ch);
        if let Ok(at) = NAMES.binary_search_by(|(n, _)| (*n).cmp(word.as_str())) {
            best = Some((k + 1, NAMES[at].1));
        }
    }
    let (len, reported) = best?;
    // `3个月`, `5家庭`: the measure word begins another word
    let rest = &chars[i..limit];
    if NOT_UNITS.iter().any(|nu| nu.len() > len && rest.starts_with(nu)) {
        return None;
    }
    Some(Unit { name: reported.to_string(), end: i + len, symbol: false })
}

/// A Latin symbol with its exponent: `kW`, `km²`, `m3`, `μg`, `°C`.
fn symbol(chars: &[char], i: usize, limit: usize) -> Option<Unit> {
    let mut j = i;
    while j < limit && is_symbol_char(chars[j]) && chars[j] != '℃' {
        j += 1;
    }
    let mut s: String = chars[i..j].iter().collect();
    if !sorted_has(&SYMBOLS, &s) {
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
    let mut word = String::new();
    let mut best = None;
    for (k, &ch) in chars[i..limit.min(i + 2)].iter().enumerate() {
        word.push(ch);
        if sorted_has(&PER, &word) {
            best = Some(Unit { name: word.clone(), end: i + k + 1, symbol: false });
        }
    }
    best
}

/// Whether a measure word at `i` is the start of another word (`3个月`, `5家庭`).
pub fn blocked(chars: &[char], i: usize, limit: usize) -> bool {
    let rest = &chars[i.min(limit)..limit];
    NOT_UNITS.iter().any(|nu| rest.starts_with(nu))
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

// the generator build.rs runs, for the test that checks its tables
#[cfg(test)]
#[path = "unit_table.rs"]
mod unit_table;

#[cfg(test)]
mod tests {
    use super::*;

    /// The static tables are what the grammar generates from the lexicons now (build.rs
    /// wrote them with the same code), sorted for the binary searches.
    #[test]
    fn tables_are_the_grammar() {
        let u = unit_table::build();
        let mut names: Vec<(&str, &str)> = u.names.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        names.sort_unstable();
        assert_eq!(NAMES.to_vec(), names);
        assert_eq!(SYMBOLS.len(), u.symbols.len());
        assert!(SYMBOLS.iter().all(|s| u.symbols.contains(*s)) && SYMBOLS.windows(2).all(|w| w[0] < w[1]));
        assert!(PER.len() == u.per.len() && PER.iter().all(|s| u.per.contains(*s)) && PER.windows(2).all(|w| w[0] < w[1]));
        assert!(FIRST.len() == u.first.len() && FIRST.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(MAX_NAME, u.max_name);
        assert_eq!(NOT_UNITS.iter().map(|w| w.to_vec()).collect::<Vec<_>>(), u.not_units);
        assert!(names.iter().any(|&(a, b)| (a, b) == ("千米", "公里")) && sorted_has(&SYMBOLS, "km"));
    }

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
