//! Numbers with units: any text, never a panic; every span holds its raw text; every
//! value finite; a range's upper end not below its lower end.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let chars: Vec<char> = text.chars().collect();
    for q in zhibiao::quantity::find(&text) {
        assert!(q.span[0] <= q.span[1] && q.span[1] <= chars.len(), "{q:?}");
        let raw: String = chars[q.span[0]..q.span[1]].iter().collect();
        assert_eq!(raw, q.raw);
        assert!(q.value.is_finite(), "{q:?}");
        if let Some(m) = q.value_max {
            assert!(m.is_finite() && m >= q.value, "{q:?}");
        }
    }
});
