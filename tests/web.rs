//! The browser binding, tested in headless Chromium (`make test-wasm`, i.e. scripts/test-wasm.sh,
//! which first writes target/web-test/native-seeds.jsonl with the native CLI's reports).
//!
//! - every shared seed article analysed in wasm equals the native report;
//! - bad input (binary bytes, empty, white space, an unknown encoding) gives a JS error, not a trap;
//! - spans are converted to UTF-16 correctly with characters outside the BMP before a figure.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

// The binding exactly as the library compiles it; its `super::` paths resolve to these.
#[allow(unused_imports)]
use zhibiao::{analyze_with, keywords, report, Error, Options, Report};
#[path = "../src/wasm.rs"]
#[allow(dead_code)]
mod binding;

wasm_bindgen_test_configure!(run_in_browser);

const SEEDS: &[(&str, &[u8])] = &[
    ("000_44acea1b7899c60f.txt", include_bytes!("../../shared/seeds/000_44acea1b7899c60f.txt")),
    ("001_55b3252727bf6889.txt", include_bytes!("../../shared/seeds/001_55b3252727bf6889.txt")),
    ("002_ccece93cdd1aa1d0.txt", include_bytes!("../../shared/seeds/002_ccece93cdd1aa1d0.txt")),
    ("003_94f764332f6ddc84.txt", include_bytes!("../../shared/seeds/003_94f764332f6ddc84.txt")),
    ("004_c3625e4dd3ccaf1d.txt", include_bytes!("../../shared/seeds/004_c3625e4dd3ccaf1d.txt")),
];

/// Written by scripts/test-wasm.sh: one `{"file": …, "report": … | null}` line per seed.
const NATIVE: &str = include_str!("../target/web-test/native-seeds.jsonl");

fn u8a(bytes: &[u8]) -> Uint8Array {
    Uint8Array::from(bytes)
}

fn error_message(e: wasm_bindgen::JsError) -> String {
    let v: JsValue = e.into();
    assert!(v.is_instance_of::<js_sys::Error>(), "not a JS Error: {v:?}");
    Reflect::get(&v, &"message".into()).unwrap().as_string().unwrap()
}

fn from_js(v: &JsValue) -> Report {
    let json = js_sys::JSON::stringify(v).expect("the report stringifies").as_string().expect("a string");
    serde_json::from_str(&json).expect("the JS object is a Report")
}

#[wasm_bindgen_test]
fn seeds_equal_the_native_reports() {
    let native: Vec<serde_json::Value> =
        NATIVE.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(native.len(), SEEDS.len(), "native-seeds.jsonl is stale: rerun scripts/test-wasm.sh");
    binding::warm();
    for (name, bytes) in SEEDS {
        let line = native.iter().find(|l| l["file"] == *name).expect("a native line per seed");
        let got = binding::analyze(&u8a(bytes), name);
        match (&line["report"], got) {
            (serde_json::Value::Null, Err(_)) => {}
            (serde_json::Value::Null, Ok(_)) => panic!("{name}: native refused it, wasm did not"),
            (_, Err(e)) => panic!("{name}: wasm error {}", error_message(e)),
            (want, Ok(got)) => {
                let mut want: Report = serde_json::from_value(want.clone()).unwrap();
                let got = from_js(&got);
                want.source.name = got.source.name.clone(); // the CLI names the path
                assert_eq!(got, want, "{name}: wasm and native reports differ");
            }
        }
    }
}

#[wasm_bindgen_test]
fn figures_then_keywords_make_the_whole_report() {
    for (name, bytes) in SEEDS {
        let whole = zhibiao::analyze(bytes, name).unwrap();
        let mut figures = from_js(&binding::analyze_figures(&u8a(bytes), name, "").unwrap());
        assert!(figures.keywords.is_empty(), "{name}: no keywords with the figures");
        let json = js_sys::JSON::stringify(&binding::keywords_of(&figures.text).unwrap()).unwrap().as_string().unwrap();
        figures.keywords = serde_json::from_str(&json).unwrap();
        assert!(!figures.keywords.is_empty(), "{name}: keywords");
        assert_eq!(figures, whole, "{name}");
    }
    // with a chosen encoding, as analyzeAs
    let gb: Vec<u8> = encoding_rs::GB18030.encode("全市地区生产总值729.91亿元,增长5.1%。").0.into_owned();
    let r = from_js(&binding::analyze_figures(&u8a(&gb), "gb.txt", "gb18030").unwrap());
    assert_eq!((r.source.encoding.as_str(), r.metrics.len()), ("gb18030", 1));
}

#[wasm_bindgen_test]
fn js_object_is_the_report_plus_utf16_spans() {
    let (name, bytes) = SEEDS[4]; // Traditional: has original_text
    let js = binding::analyze(&u8a(bytes), name).unwrap();
    let direct = zhibiao::analyze(bytes, name).unwrap();
    assert_eq!(from_js(&js), direct);
    // plain objects, not Maps; null for None
    let doc = Reflect::get(&js, &"document".into()).unwrap();
    assert!(doc.is_object() && !doc.is_instance_of::<js_sys::Map>());
    assert!(Reflect::get(&doc, &"author".into()).unwrap().is_null() == direct.document.author.is_none());
    let metrics: Array = Reflect::get(&js, &"metrics".into()).unwrap().into();
    assert_eq!(metrics.length() as usize, direct.metrics.len());
    for m in metrics.iter() {
        assert!(Reflect::has(&m, &"span_utf16".into()).unwrap());
    }
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_not_a_trap() {
    binding::warm();
    // no text at all: always refused
    for (what, bytes) in [("empty", &b""[..]), ("white space", &b" \n\t \r\n"[..])] {
        let e = binding::analyze(&u8a(bytes), what).err().unwrap_or_else(|| panic!("{what}: no error"));
        assert!(!error_message(e).is_empty(), "{what}: empty message");
    }
    // binary bytes: the binding refuses exactly what the core refuses, with a JS Error, and
    // never traps (binary detection itself is the core's decode stage)
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\0\x01\0\0\x05\0\x01\r\n-\xb4\0\0\0\0IEND\xaeB`\x82";
    let zeros = [0u8; 4096];
    let noise: Vec<u8> = (0..8192u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    for (what, bytes) in [("png", &png[..]), ("zeros", &zeros[..]), ("noise", &noise[..])] {
        let core = zhibiao::analyze(bytes, what);
        match (binding::analyze(&u8a(bytes), what), core) {
            (Err(e), Err(c)) => assert_eq!(error_message(e), c.to_string()),
            (Ok(js), Ok(r)) => assert_eq!(from_js(&js), r),
            (got, want) => panic!("{what}: binding {:?} but core {:?}", got.is_ok(), want.is_ok()),
        }
    }
    // the module still works afterwards
    assert!(binding::analyze(&u8a("全市地区生产总值729.91亿元,增长5.1%。".as_bytes()), "ok.txt").is_ok());
    let e = binding::analyze_as(&u8a(b"abc"), "x.txt", "no-such-encoding").err().unwrap();
    assert!(error_message(e).contains("no-such-encoding"));
}

#[wasm_bindgen_test]
fn utf16_spans_count_surrogate_pairs() {
    // 𠀀 (U+20000) and 😀 are one char but two UTF-16 units each.
    let text = "𠀀😀增长5.1%,a𠀀b";
    assert_eq!(binding::span_to_utf16(text, [0, 1]), [0, 2]);
    assert_eq!(binding::span_to_utf16(text, [4, 8]), [6, 10]); // "5.1%"
    assert_eq!(binding::span_to_utf16(text, [10, 12]), [12, 15]); // "𠀀b"
    assert_eq!(binding::span_to_utf16(text, [12, 99]), [15, 15]); // clamped to the end
    let many = binding::spans_to_utf16(text, &[[10, 12], [4, 8], [0, 1], [13, 13]]);
    assert_eq!(many, vec![[12, 15], [6, 10], [0, 2], [15, 15]]);
    // agrees with JS's own indexing of the same string
    let js = js_sys::JsString::from(text);
    let [a, b] = binding::span_to_utf16(text, [4, 8]);
    assert_eq!(js.slice(a as u32, b as u32), "5.1%");
}

#[wasm_bindgen_test]
fn utf16_spans_in_a_report_with_non_bmp_text() {
    // Whatever metrics the core finds, each span_utf16 must cut the same `raw` out of the JS
    // string as `span` cuts out of the Rust string.
    let article = "𠀀😀𠀀全市地区生产总值729.91亿元,增长5.1%。😀城镇新增就业24.8万人,常住人口38.3万人。";
    let js = binding::analyze(&u8a(article.as_bytes()), "emoji.txt").unwrap();
    let report = from_js(&js);
    let text = js_sys::JsString::from(report.text.as_str());
    let metrics: Array = Reflect::get(&js, &"metrics".into()).unwrap().into();
    for (m, r) in metrics.iter().zip(&report.metrics) {
        let s: Array = Reflect::get(&m, &"span_utf16".into()).unwrap().into();
        let (a, b) = (s.get(0).as_f64().unwrap() as u32, s.get(1).as_f64().unwrap() as u32);
        let want: String = report.text.chars().skip(r.span[0]).take(r.span[1] - r.span[0]).collect();
        assert_eq!(String::from(text.slice(a, b)), want);
    }
}

#[wasm_bindgen_test]
fn analyze_as_decodes_with_the_chosen_encoding() {
    // "全市增长5.1%" in GB18030 and in UTF-16LE with a BOM
    let s = "全市城镇新增就业24.8万人,增长5.1%。";
    let (gb, _, _) = encoding_rs::GB18030.encode(s);
    let r = binding::analyze_as_report(&gb, "gb.txt", "gb18030").map_err(error_message).unwrap();
    assert_eq!(r.source.encoding, "gb18030");
    assert_eq!(r.source.bytes, gb.len());
    assert!(r.text.contains("城镇新增就业"), "{}", r.text);
    let mut u16le = vec![0xFF, 0xFE];
    for u in s.encode_utf16() {
        u16le.extend_from_slice(&u.to_le_bytes());
    }
    let r = binding::analyze_as_report(&u16le, "u16.txt", "utf-16le").map_err(error_message).unwrap();
    assert_eq!(r.source.encoding, "UTF-16LE");
    assert!(r.text.contains("城镇新增就业") && !r.text.contains('\u{feff}'));
    // the wrong choice still gives a report, with a warning about replaced bytes
    let r = binding::analyze_as_report(&gb, "gb.txt", "utf-8").map_err(error_message).unwrap();
    assert!(r.warnings.iter().any(|w| w.contains("U+FFFD")), "{:?}", r.warnings);
}
