//! Bytes → text: any bytes give text or a clear error, never a panic; a decode that
//! replaced malformed bytes says so.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = zhibiao::decode::decode(data) {
        assert!(!d.encoding.is_empty());
        if d.lossy {
            assert!(d.text.contains('\u{FFFD}') || d.text.trim().is_empty() || !d.warnings.is_empty());
        }
    }
});
