//! Text → body and document facts, then the Simplified, half-width text: any text,
//! never a panic, and normalisation keeps the body's chars aligned one for one.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let c = zhibiao::clean::clean(&text);
    let n = zhibiao::normalise::normalise(&c.body);
    assert_eq!(n.text.chars().count(), c.body.chars().count(), "normalise broke the alignment");
});
