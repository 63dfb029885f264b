//! The spelling indicator names are compared in (`indicator_key`): a file of its own, as
//! build.rs normalises the lexicon's synonyms with the same function at build time.

/// The spelling matching compares: no spaces, 的, 、, quotes or brackets; ASCII letters
/// and digits half-width and upper case; Roman numerals as Latin letters (`Ⅲ类` = `III类`).
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            c if c.is_whitespace() => {}
            '的' | '、' | '“' | '”' | '"' | '\'' | '‘' | '’' | '「' | '」' | '『' | '』' | '《' | '》' | '(' | ')' | '（' | '）'
            | '【' | '】' | '[' | ']' | '·' => {}
            'Ⅰ' => out.push('I'),
            'Ⅱ' => out.push_str("II"),
            'Ⅲ' => out.push_str("III"),
            'Ⅳ' => out.push_str("IV"),
            'Ⅴ' => out.push('V'),
            '\u{FF01}'..='\u{FF5E}' => {
                // full-width ASCII
                let h = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
                out.push(h.to_ascii_uppercase());
            }
            c => out.push(c.to_ascii_uppercase()),
        }
    }
    out
}
