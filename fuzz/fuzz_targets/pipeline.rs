//! The whole pipeline: any bytes give a report or a clear error; a report's spans hold
//! their raw text inside `text`, values are finite, value_max ≥ value.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = zhibiao::Options { keywords: false, ..zhibiao::Options::default() };
    let Ok(r) = zhibiao::analyze_with(data, "fuzz.txt", &opts) else { return };
    let chars: Vec<char> = r.text.chars().collect();
    for m in &r.metrics {
        assert!(m.span[0] <= m.span[1] && m.span[1] <= chars.len(), "{:?} in {} chars", m.span, chars.len());
        let raw: String = chars[m.span[0]..m.span[1]].iter().collect();
        assert_eq!(raw, m.raw);
        assert!(m.value.is_finite());
        if let Some(x) = m.value_max {
            assert!(x.is_finite() && x >= m.value);
        }
    }
    if let Some(o) = &r.original_text {
        assert_eq!(o.chars().count(), chars.len());
    }
});
