//! The browser binding: a thin `wasm-bindgen` layer over the core, compiled only for wasm32.
//!
//! JavaScript gets the same report as the native library (SPEC §2), as a plain object
//! (parsed from the report's JSON: `None` is `null`), plus one addition
//! per metric, `span_utf16`: the `span` converted from Unicode scalar offsets to UTF-16
//! code unit offsets, because JS strings index by UTF-16 code units and differ from the
//! char offsets as soon as a character outside the BMP (𠀀, an emoji) precedes a figure.
//! When `original_text` is present the metric also gets `original_span_utf16`, the same
//! span in that string (the scripts convert char for char, but not always unit for unit).
//!
//! Errors become a JS `Error` whose message says what went wrong; panics are logged by
//! `console_error_panic_hook` and surface as a trap, which the page's worker bridge
//! handles by recreating the worker.
//!
//! Paths go through `super::` (the crate root) so that `tests/web.rs` can include this
//! very file as a module of the test crate and test it as it is; under `cfg(test)` the
//! functions are plain Rust functions (no duplicate exports in the test module).
#![cfg_attr(test, allow(dead_code))]

use super::{analyze_with, keywords, report, Options, Report};
use js_sys::Uint8Array;
use serde::Serialize;
use std::sync::Once;
#[cfg(not(test))]
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsError, JsValue};

static HOOK: Once = Once::new();

fn install_hook() {
    HOOK.call_once(|| std::panic::set_hook(Box::new(console_error_panic_hook::hook)));
}

/// Load the jieba dictionary now (~50–70 ms in Chromium) instead of on the first document.
#[cfg_attr(not(test), wasm_bindgen)]
pub fn warm() {
    install_hook();
    keywords::warm();
}

/// The crate version, for the page's footer and for checking the worker is alive.
#[cfg_attr(not(test), wasm_bindgen)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Panics on purpose: the page's tests use it to check that a trapped module is replaced
/// and the batch goes on.
#[cfg_attr(not(test), wasm_bindgen)]
pub fn debug_panic() {
    install_hook();
    panic!("debug_panic: a deliberate panic for the recovery test");
}

/// Analyse one document: its bytes in any supported encoding and format, and its name.
/// Returns the report object; throws an `Error` for input that has no report (binary,
/// empty, too large).
#[cfg_attr(not(test), wasm_bindgen)]
pub fn analyze(bytes: &Uint8Array, name: &str) -> Result<JsValue, JsError> {
    install_hook();
    let bytes = bytes.to_vec();
    let report = analyze_with(&bytes, name, &Options::default()).map_err(to_js_error)?;
    report_to_js(&report)
}

/// Like [`analyze`], but decode the bytes with the encoding named by `encoding_label`
/// (any WHATWG label: `gb18030`, `gbk`, `big5`, `utf-16le`, `utf-16be`, `utf-8`, …)
/// instead of detecting it. A byte order mark, if any, is removed but does not override
/// the choice. The report's `source.encoding` names the chosen encoding and a warning
/// says when the bytes were not valid in it.
#[cfg_attr(not(test), wasm_bindgen(js_name = analyzeAs))]
pub fn analyze_as(bytes: &Uint8Array, name: &str, encoding_label: &str) -> Result<JsValue, JsError> {
    install_hook();
    let bytes = bytes.to_vec();
    let report = analyze_as_report(&bytes, name, encoding_label)?;
    report_to_js(&report)
}

/// The figures first: [`analyze`] (or [`analyze_as`] when `encoding_label` is not empty)
/// without the keywords, which the page asks for next with [`keywords_of`]. A dropped
/// article's metrics then wait for nothing that only keywords need (TextRank).
#[cfg_attr(not(test), wasm_bindgen(js_name = analyzeFigures))]
pub fn analyze_figures(bytes: &Uint8Array, name: &str, encoding_label: &str) -> Result<JsValue, JsError> {
    install_hook();
    let bytes = bytes.to_vec();
    let opts = Options { keywords: false, ..Options::default() };
    let report = if encoding_label.trim().is_empty() {
        analyze_with(&bytes, name, &opts).map_err(to_js_error)?
    } else {
        analyze_as_report_with(&bytes, name, encoding_label, &opts)?
    };
    report_to_js(&report)
}

/// The keywords of a report's `text`: exactly what [`analyze`] puts in `keywords`.
#[cfg_attr(not(test), wasm_bindgen(js_name = keywords))]
pub fn keywords_of(text: &str) -> Result<JsValue, JsError> {
    install_hook();
    let words = keywords::keywords(text, keywords::TOP);
    let json = serde_json::to_string(&words).map_err(|e| JsError::new(&format!("cannot serialise the keywords: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("cannot parse the keywords' JSON"))
}

/// The Rust half of [`analyze_as`]: decode as told, analyse the UTF-8, restore `source`.
pub fn analyze_as_report(bytes: &[u8], name: &str, encoding_label: &str) -> Result<Report, JsError> {
    analyze_as_report_with(bytes, name, encoding_label, &Options::default())
}

fn analyze_as_report_with(bytes: &[u8], name: &str, encoding_label: &str, opts: &Options) -> Result<Report, JsError> {
    let label = encoding_label.trim();
    // "utf-16" alone is not a WHATWG label; it means little-endian as in the Encoding Standard.
    let encoding = if label.eq_ignore_ascii_case("utf-16") {
        Some(encoding_rs::UTF_16LE)
    } else {
        encoding_rs::Encoding::for_label(label.as_bytes())
    };
    let encoding = encoding
        .ok_or_else(|| JsError::new(&format!("unknown encoding label: {encoding_label:?}")))?;
    let (text, had_errors) = encoding.decode_without_bom_handling(strip_bom(bytes, encoding));
    let mut report = analyze_with(text.as_bytes(), name, opts).map_err(to_js_error)?;
    report.source.bytes = bytes.len();
    report.source.encoding = encoding.name().to_string();
    if had_errors {
        report.warnings.push(format!(
            "decoded as {} with malformed sequences replaced by U+FFFD",
            encoding.name()
        ));
    }
    Ok(report)
}

fn strip_bom<'a>(bytes: &'a [u8], encoding: &'static encoding_rs::Encoding) -> &'a [u8] {
    let bom: &[u8] = if encoding == encoding_rs::UTF_8 {
        b"\xEF\xBB\xBF"
    } else if encoding == encoding_rs::UTF_16LE {
        b"\xFF\xFE"
    } else if encoding == encoding_rs::UTF_16BE {
        b"\xFE\xFF"
    } else {
        b""
    };
    bytes.strip_prefix(bom).unwrap_or(bytes)
}

fn to_js_error(e: super::Error) -> JsError {
    JsError::new(&e.to_string())
}

/// Convert half-open char offsets into UTF-16 code unit offsets of `text`. Offsets past
/// the end clamp to the end. (One span; `tests/web.rs` checks the batch form against it.)
#[allow(dead_code)]
pub fn span_to_utf16(text: &str, span: [usize; 2]) -> [usize; 2] {
    let (a, b) = (span[0].min(span[1]), span[1].max(span[0]));
    let mut units = 0;
    let mut out = [None, None];
    for (i, c) in text.chars().enumerate() {
        if i == a {
            out[0] = Some(units);
        }
        if i == b {
            out[1] = Some(units);
            break;
        }
        units += c.len_utf16();
    }
    let a16 = out[0].unwrap_or(units);
    [a16, out[1].unwrap_or(units).max(a16)]
}

/// Many spans at once in one pass over the text (spans need not be sorted).
pub fn spans_to_utf16(text: &str, spans: &[[usize; 2]]) -> Vec<[usize; 2]> {
    let mut wanted: Vec<usize> = spans.iter().flat_map(|s| [s[0], s[1]]).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut table = Vec::with_capacity(wanted.len());
    let mut units = 0;
    let mut next = 0;
    for (i, c) in text.chars().enumerate() {
        while next < wanted.len() && wanted[next] == i {
            table.push((i, units));
            next += 1;
        }
        if next == wanted.len() {
            break;
        }
        units += c.len_utf16();
    }
    // offsets at or past the end map to the end
    while next < wanted.len() {
        table.push((wanted[next], units));
        next += 1;
    }
    let look = |o: usize| table.binary_search_by_key(&o, |&(c, _)| c).map(|k| table[k].1).unwrap_or(units);
    spans
        .iter()
        .map(|s| {
            let (a, b) = (look(s[0].min(s[1])), look(s[1].max(s[0])));
            [a, b]
        })
        .collect()
}

/// A report as the page gets it: the report, each metric with its UTF-16 spans.
#[derive(Serialize)]
struct JsReport<'a> {
    source: &'a report::Source,
    document: &'a report::Document,
    text: &'a str,
    original_text: Option<&'a str>,
    metrics: Vec<JsMetric<'a>>,
    keywords: &'a [report::Keyword],
    warnings: &'a [String],
}

#[derive(Serialize)]
struct JsMetric<'a> {
    #[serde(flatten)]
    metric: &'a report::Metric,
    span_utf16: [usize; 2],
    #[serde(skip_serializing_if = "Option::is_none")]
    original_span_utf16: Option<[usize; 2]>,
}

/// The report as a plain JS object with `span_utf16` (and `original_span_utf16`) added.
/// Built as JSON and parsed by the engine's `JSON.parse`: a few times faster than creating
/// the objects one property at a time across the boundary (which was a tenth of a 20 KB
/// article's time in the browser).
pub fn report_to_js(report: &Report) -> Result<JsValue, JsError> {
    let spans: Vec<[usize; 2]> = report.metrics.iter().map(|m| m.span).collect();
    let in_text = spans_to_utf16(&report.text, &spans);
    let in_original = report.original_text.as_deref().map(|o| spans_to_utf16(o, &spans));
    let metrics = report
        .metrics
        .iter()
        .enumerate()
        .map(|(i, metric)| JsMetric {
            metric,
            span_utf16: in_text[i],
            original_span_utf16: in_original.as_ref().map(|o| o[i]),
        })
        .collect();
    let js = JsReport {
        source: &report.source,
        document: &report.document,
        text: &report.text,
        original_text: report.original_text.as_deref(),
        metrics,
        keywords: &report.keywords,
        warnings: &report.warnings,
    };
    let json = serde_json::to_string(&js).map_err(|e| JsError::new(&format!("cannot serialise the report: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("cannot parse the report's JSON"))
}
