//! The numeral and unit grammar on any text: never a panic; every span holds its raw text;
//! every value finite and exact (the f64 of the decimal it was computed from, so it prints
//! back to the same number); a range's upper end not below its lower end. Every number is
//! checked, the ones kept as metrics and the ones with a reason not to be.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let chars: Vec<char> = text.chars().collect();
    let all = zhibiao::quantity::find_all(&text);
    for f in &all {
        let q = &f.quantity;
        assert!(q.span[0] < q.span[1] && q.span[1] <= chars.len(), "{q:?}");
        let raw: String = chars[q.span[0]..q.span[1]].iter().collect();
        assert_eq!(raw, q.raw);
        assert!(q.value.is_finite(), "{q:?}");
        // exact: `16.4亿` is 1640000000, the f64 of the decimal, never a float product
        if let (Some(v), None) = (oracle(&q.raw), q.value_max) {
            assert_eq!(q.value, v, "{q:?}");
        }
        if let Some(m) = q.value_max {
            assert!(m.is_finite() && m >= q.value, "{q:?}");
        }
        assert_eq!(f.metric, f.reason.is_none(), "{f:?}");
    }
    // spans in order and not overlapping
    for w in all.windows(2) {
        assert!(w[0].quantity.span[1] <= w[1].quantity.span[0], "{w:?}");
    }
    // find is the metrics among find_all
    let kept: Vec<_> = all.into_iter().filter(|f| f.metric).map(|f| f.quantity).collect();
    assert_eq!(kept, zhibiao::quantity::find(&text));
});

/// The value of a simple `digits[万|亿]unit` reading, computed independently of the
/// grammar: the decimal string with the multiplier as an exponent, parsed once.
fn oracle(raw: &str) -> Option<f64> {
    let digits: String = raw.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    if digits.is_empty() || digits.ends_with('.') || digits.matches('.').count() > 1 {
        return None;
    }
    let rest = &raw[digits.len()..];
    if rest.contains(['半', '成']) {
        return None; // 一吨半, 6成: the grammar adds to or scales the number
    }
    let mut it = rest.chars();
    let first = it.next();
    let exp = match first {
        Some('万' | '萬') => 4,
        Some('亿' | '億') => 8,
        _ => 0,
    };
    let after = if exp > 0 { it.next() } else { first };
    let numeric = |c: char| {
        c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || zhibiao::numeral::is_chinese_numeral_char(c)
            || "多余几半成分负:/.,，、 \u{a0}\u{2009}·．-~～到至—–".contains(c)
    };
    if after.is_some_and(numeric) {
        return None;
    }
    format!("{digits}e{exp}").parse().ok()
}
