//! Stage 3 — the body in its own script → the text analysed: Simplified, half-width
//! digits and punctuation, aligned char for char with the input so that every offset
//! found in the analysed text also points at the same character of the original.
//!
//! Script conversion is `zhconv` to zh-Hans. It converts whole phrases, so its output may
//! differ in length from its input; each line is converted whole when the length is kept,
//! else clause by clause, else character by character (which always keeps alignment).

use std::sync::LazyLock;
use zhconv::{get_builtin_converter, Variant};

/// Every character zhconv's zh-Hans table rewrites on its own (Traditional and variant
/// forms), from `lexicons/traditional_chars.txt`, as a bitmap over the Basic Plane plus a
/// sorted list beyond it. A line without one is left as it is, so Simplified text never
/// builds the converter (~5 ms native, ~27 ms in the browser).
struct TraditionalChars {
    bmp: Vec<u64>,
    astral: Vec<char>,
}

static TRADITIONAL: LazyLock<TraditionalChars> = LazyLock::new(|| {
    let mut set = TraditionalChars { bmp: vec![0; 0x10000 / 64], astral: Vec::new() };
    for c in crate::lexicon::entries(include_str!("../lexicons/traditional_chars.txt")).flat_map(str::chars) {
        match u32::from(c) {
            n @ 0..=0xFFFF => set.bmp[n as usize / 64] |= 1 << (n % 64),
            _ => set.astral.push(c),
        }
    }
    set.astral.sort_unstable();
    set
});

/// Changed by the conversion to Simplified when it stands alone.
pub fn is_traditional(c: char) -> bool {
    let set = &*TRADITIONAL;
    match u32::from(c) {
        n @ 0..=0xFFFF => set.bmp[n as usize / 64] & (1 << (n % 64)) != 0,
        _ => set.astral.binary_search(&c).is_ok(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Simplified,
    Traditional,
}

impl Script {
    pub fn as_str(self) -> &'static str {
        match self {
            Script::Simplified => "simplified",
            Script::Traditional => "traditional",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Normalised {
    /// Same number of chars as the input, char i ↔ input char i.
    pub text: String,
    pub script: Script,
}

/// A Han character: the unified ideographs with extension A, the compatibility
/// ideographs and the supplementary planes (extension B and later). The one definition
/// the stages share.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

pub fn normalise(body: &str) -> Normalised {
    // built on the first line that needs it
    let convert = |s: &str| get_builtin_converter(Variant::ZhHans).convert(s);
    let mut simplified: Vec<char> = Vec::with_capacity(body.len() / 3);
    for (i, line) in body.split('\n').enumerate() {
        if i > 0 {
            simplified.push('\n');
        }
        simplified.extend(to_hans_aligned(line, &convert));
    }
    // Script: a meaningful share of Han characters changed by the conversion.
    let (mut han, mut changed) = (0usize, 0usize);
    for (a, b) in body.chars().zip(simplified.iter()) {
        if is_han(a) {
            han += 1;
            if a != *b {
                changed += 1;
            }
        }
    }
    let script = if changed >= 3 && changed * 100 >= han * 4 { Script::Traditional } else { Script::Simplified };

    // Half-width forms, then decimal points between digits.
    let mut chars: Vec<char> = simplified.into_iter().map(half_width).collect();
    for i in 1..chars.len().saturating_sub(1) {
        if matches!(chars[i], '·' | '．' | '‧' | '・' | '∙' | '﹒') && chars[i - 1].is_ascii_digit() && chars[i + 1].is_ascii_digit() {
            chars[i] = '.';
        }
    }
    let text: String = chars.into_iter().collect();
    Normalised { text, script }
}

/// Converts one line to Simplified with exactly as many chars as it has.
fn to_hans_aligned(line: &str, convert: &dyn Fn(&str) -> String) -> Vec<char> {
    let n = line.chars().count();
    if !line.chars().any(is_traditional) {
        return line.chars().collect();
    }
    let whole: Vec<char> = convert(line).chars().collect();
    if whole.len() == n {
        return whole;
    }
    // Clause by clause (phrases rarely cross punctuation), then char by char.
    let mut out = Vec::with_capacity(n);
    for clause in line.split_inclusive(|c: char| !is_han(c) && !c.is_alphanumeric()) {
        let conv: Vec<char> = convert(clause).chars().collect();
        if conv.len() == clause.chars().count() {
            out.extend(conv);
        } else {
            for c in clause.chars() {
                let mut buf = [0u8; 4];
                let one: Vec<char> = convert(c.encode_utf8(&mut buf)).chars().collect();
                out.push(if one.len() == 1 { one[0] } else { c });
            }
        }
    }
    out
}

/// Full-width ASCII forms (U+FF01–FF5E) → ASCII, ideographic space → space. U+E5E5 is
/// a space too: GB18030 decodes the byte pair A3A0 to that private-use code, and GBK-era
/// pages write A3A0, the slot before the full-width forms A3A1–A3FE, as a full-width space.
pub fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{E5E5}' => ' ',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_table() {
        let cases: &[(&str, &str, Script)] = &[
            ("城镇居民人均可支配收入21713元,增长3.7%;", "城镇居民人均可支配收入21713元,增长3.7%;", Script::Simplified),
            ("南湖區實現地區生產總值729.91億元,兩年平均增長7%。", "南湖区实现地区生产总值729.91亿元,两年平均增长7%。", Script::Traditional),
            ("增长２·４个百分点", "增长2.4个百分点", Script::Simplified),
            ("农业增加值达到４０亿元，增长１０.２４％；", "农业增加值达到40亿元,增长10.24%;", Script::Simplified),
            ("时间：９时３０分", "时间:9时30分", Script::Simplified),
            ("1．5倍", "1.5倍", Script::Simplified),
            ("占全公司１０﹒９２％", "占全公司10.92%", Script::Simplified),
            ("建成3所。5月", "建成3所。5月", Script::Simplified),
            ("2005年\u{E5E5}二季度", "2005年 二季度", Script::Simplified),
            ("張三·李四", "张三·李四", Script::Simplified),
            ("", "", Script::Simplified),
        ];
        for (input, want, script) in cases {
            let n = normalise(input);
            assert_eq!(n.text, *want, "{input}");
            assert_eq!(n.script, *script, "{input}");
            assert_eq!(n.text.chars().count(), input.chars().count());
        }
    }

    /// `lexicons/traditional_chars.txt` is exactly the set of characters zhconv
    /// rewrites alone; `ZHIBIAO_BLESS=1 cargo test traditional_chars` regenerates it after
    /// a zhconv upgrade.
    #[test]
    fn traditional_chars_lexicon_matches_zhconv() {
        // the Basic Plane (Han, and punctuation: 「」 → “”) and the Han of the planes beyond
        let all: Vec<char> = (0x20..=0x3FFFFu32).filter_map(char::from_u32).filter(|&c| c <= '\u{FFFF}' || is_han(c)).filter(|&c| c != '\n').collect();
        // one char a line: the table's phrases cannot join neighbours
        let joined: String = all.iter().flat_map(|&c| [c, '\n']).collect();
        let converted = get_builtin_converter(Variant::ZhHans).convert(&joined);
        let changed: Vec<char> =
            all.iter().zip(converted.split('\n')).filter(|(c, out)| out.chars().ne(std::iter::once(**c))).map(|(c, _)| *c).collect();
        if std::env::var_os("ZHIBIAO_BLESS").is_some() {
            let mut text = String::from(
                "# Characters that zhconv's zh-Hans table rewrites on their own (Traditional and\n\
                 # variant forms, corner brackets). Generated: ZHIBIAO_BLESS=1 cargo test traditional_chars\n",
            );
            for chunk in changed.chunks(40) {
                text.extend(chunk);
                text.push('\n');
            }
            std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/lexicons/traditional_chars.txt"), text).expect("writes the lexicon");
            return;
        }
        let listed: Vec<char> = all.iter().copied().filter(|&c| is_traditional(c)).collect();
        assert_eq!(listed, changed, "lexicons/traditional_chars.txt is stale: ZHIBIAO_BLESS=1 cargo test traditional_chars");
        assert!(is_traditional('國') && is_traditional('們') && !is_traditional('国') && !is_traditional('a'));
    }

    #[test]
    fn alignment_always_kept() {
        // Phrases that zhconv may rewrite with a different length, mixed scripts, odd chars.
        let inputs = [
            "乾隆年間於台灣發現的著作，著名的「乾坤」二字。",
            "本港約有450至600名露宿者，其中近四分之一，即約150人露宿在深水埗。\n下一行\n\n",
            "\u{E2E5}𠮷😀ａｂｃ\t全形",
            "裏面的鬥爭，後來的發展，麵包與頭髮。",
        ];
        for s in inputs {
            let n = normalise(s);
            assert_eq!(n.text.chars().count(), s.chars().count(), "{s}");
            for (a, b) in s.chars().zip(n.text.chars()) {
                assert_eq!(a == '\n', b == '\n');
            }
        }
    }
}
