//! Issue 5: every input gets an answer. The bad-input corpus of `tests/inputs/` (small
//! files, committed) and the large inputs built here in memory (the same recipes as
//! `tests/inputs/generate.py`), each with its expected outcome: a report with the right
//! figures, or a specific error. Nothing may panic; timings are printed, not asserted:
//!
//!     cargo test --release --test robustness -- --nocapture
//!
//! Some expectations need the encoding detector and the HTML cleaner (branch `clean`).
//! Until they are in, those files are checked leniently (a report or a clear error, the
//! report invariants) and the test prints `PENDING`; once `decode` detects GBK and
//! `clean` recognises HTML, the full expectations apply by themselves.

#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::time::{Duration, Instant};
use zhibiao::report::Report;
use zhibiao::{analyze, analyze_with, Error, Options};

/// The figures of `ARTICLE` in generate.py, as (value, unit).
const ARTICLE_VALUES: &[(f64, &str)] = &[(72991000000.0, "元"), (248000.0, "人"), (16993.0, "元"), (313.0, "个"), (12.0, "所")];
const ARTICLE: &str = "2021年，全市地区生产总值达到729.91亿元，增长6.5%。\n城镇新增就业24.8万人，城镇登记失业率控制在3.08%以内。\n全市居民人均可支配收入16993元，增长5.1%。\n改造老旧小区313个，新建幼儿园12所。\n";

/// What a stage of the pipeline must already do for an expectation to be checked fully.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Needs {
    Nothing,
    /// Encoding detection and binary sniffing (src/decode.rs).
    Decoder,
    /// HTML cleaning (src/clean/).
    Cleaner,
}

#[derive(Clone, Copy, Debug)]
enum Want {
    Empty,
    Binary,
    /// A report holding (at least) these figures, read with one of these encodings.
    Report { values: &'static [(f64, &'static str)], encodings: &'static [&'static str], warning: bool, text_only: bool },
    /// Nothing to analyse: Err(Empty), or a report without metrics.
    Nothing,
}

const UTF8: &[&str] = &["UTF-8"];
const GB: &[&str] = &["GB18030", "GBK", "gb18030"];
const ANY: &[&str] = &[];

fn decoder_landed() -> bool {
    let gbk = std::fs::read(inputs().join("gbk.txt")).expect("gbk.txt");
    zhibiao::decode::decode(&gbk).is_ok_and(|d| d.encoding != "UTF-8")
}

fn cleaner_landed() -> bool {
    zhibiao::clean::clean("<html><body><p>文字</p></body></html>").format == zhibiao::clean::Format::Html
}

fn inputs() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/inputs")
}

/// The invariants every report keeps, whatever went in.
fn check_report(name: &str, r: &Report) {
    let chars: Vec<char> = r.text.chars().collect();
    for m in &r.metrics {
        let [s, e] = m.span;
        assert!(s <= e && e <= chars.len(), "{name}: span {:?} outside text of {} chars", m.span, chars.len());
        let got: String = chars[s..e].iter().collect();
        assert_eq!(got, m.raw, "{name}: span {:?} does not hold raw", m.span);
        assert!(m.value.is_finite(), "{name}: value {} of {}", m.value, m.raw);
        if let Some(mx) = m.value_max {
            assert!(mx.is_finite() && mx >= m.value, "{name}: value_max {mx} < value {} in {}", m.value, m.raw);
        }
        if let Some(c) = &m.change {
            assert!(c.value.is_finite(), "{name}: change {} of {}", c.value, c.raw);
        }
    }
    if let Some(o) = &r.original_text {
        assert_eq!(o.chars().count(), chars.len(), "{name}: original_text not aligned with text");
    }
    serde_json::to_string(r).unwrap_or_else(|e| panic!("{name}: report does not serialise: {e}"));
}

fn has_value(r: &Report, v: f64, unit: &str) -> bool {
    r.metrics.iter().any(|m| m.value == v && m.unit == unit) || r.metrics.iter().any(|m| m.change.as_ref().is_some_and(|c| c.value == v && c.unit == unit))
}

fn has_markup(text: &str) -> bool {
    let t = text.to_lowercase();
    ["<script", "</script", "onerror=", "onload=", "onclick=", "javascript:", "<iframe", "<svg", "<img", "<style"].iter().any(|w| t.contains(w))
}

fn outcome(r: &Result<Report, Error>) -> String {
    match r {
        Ok(r) => format!("Ok({} metrics, {}, {} warnings)", r.metrics.len(), r.source.encoding, r.warnings.len()),
        Err(e) => format!("Err({e})"),
    }
}

/// Analyses with timing, printed.
fn timed(name: &str, bytes: &[u8], opts: &Options) -> (Result<Report, Error>, Duration) {
    let t = Instant::now();
    let r = analyze_with(bytes, name, opts);
    let d = t.elapsed();
    eprintln!("[robustness] {name:<28} {:>10} bytes {:>9.1} ms  {}", bytes.len(), d.as_secs_f64() * 1e3, outcome(&r));
    (r, d)
}

/// Checks one outcome; returns a failure message instead of panicking so that every
/// file is reported.
fn judge(name: &str, want: Want, needs: Needs, r: &Result<Report, Error>) -> Result<(), String> {
    if let Ok(rep) = r {
        check_report(name, rep);
    }
    let ready = match needs {
        Needs::Nothing => true,
        Needs::Decoder => decoder_landed(),
        Needs::Cleaner => cleaner_landed(),
    };
    if !ready {
        // lenient: a report or a clear error, never anything else (panics fail the test)
        eprintln!("[robustness] {name}: PENDING {needs:?} — checked leniently, got {}", outcome(r));
        return Ok(());
    }
    match (want, r) {
        (Want::Empty, Err(Error::Empty)) => Ok(()),
        (Want::Binary, Err(Error::Binary { .. })) => Ok(()),
        (Want::Nothing, Err(Error::Empty)) => Ok(()),
        (Want::Nothing, Ok(rep)) if rep.metrics.is_empty() => Ok(()),
        (Want::Report { values, encodings, warning, text_only }, Ok(rep)) => {
            let missing: Vec<_> = values.iter().filter(|(v, u)| !has_value(rep, *v, u)).collect();
            if !missing.is_empty() {
                return Err(format!("{name}: figures {missing:?} missing from {:?}", rep.metrics.iter().map(|m| (m.value, &m.unit)).collect::<Vec<_>>()));
            }
            if !encodings.is_empty() && !encodings.contains(&rep.source.encoding.as_str()) {
                return Err(format!("{name}: read as {}, want one of {encodings:?}", rep.source.encoding));
            }
            if warning && rep.warnings.is_empty() {
                return Err(format!("{name}: a lossy or guessed decoding must leave a warning"));
            }
            if text_only && (has_markup(&rep.text) || rep.text.contains('\0')) {
                return Err(format!("{name}: report text holds markup or NUL: {:?}", &rep.text.chars().take(200).collect::<String>()));
            }
            Ok(())
        }
        (w, r) => Err(format!("{name}: want {w:?}, got {}", outcome(r))),
    }
}

/// The committed corpus: file, expected outcome, and what it needs to be checked fully.
const CORPUS: &[(&str, Want, Needs)] = &[
    ("empty.txt", Want::Empty, Needs::Nothing),
    ("whitespace.txt", Want::Empty, Needs::Nothing),
    ("image.png", Want::Binary, Needs::Decoder),
    ("document.pdf", Want::Binary, Needs::Decoder),
    ("archive.zip", Want::Binary, Needs::Decoder),
    ("program.elf", Want::Binary, Needs::Decoder),
    ("article.txt", Want::Report { values: ARTICLE_VALUES, encodings: UTF8, warning: false, text_only: true }, Needs::Nothing),
    ("invalid_utf8.txt", Want::Report { values: &[(248000.0, "人"), (313.0, "个")], encodings: ANY, warning: true, text_only: true }, Needs::Nothing),
    ("gbk.txt", Want::Report { values: ARTICLE_VALUES, encodings: GB, warning: false, text_only: true }, Needs::Decoder),
    ("big5.txt", Want::Report { values: ARTICLE_VALUES, encodings: &["Big5"], warning: false, text_only: true }, Needs::Decoder),
    ("utf16le_bom.txt", Want::Report { values: ARTICLE_VALUES, encodings: &["UTF-16LE"], warning: false, text_only: true }, Needs::Decoder),
    ("utf16be_bom.txt", Want::Report { values: ARTICLE_VALUES, encodings: &["UTF-16BE"], warning: false, text_only: true }, Needs::Decoder),
    ("utf16le.txt", Want::Report { values: ARTICLE_VALUES, encodings: &["UTF-16LE"], warning: false, text_only: true }, Needs::Decoder),
    ("utf16be.txt", Want::Report { values: ARTICLE_VALUES, encodings: &["UTF-16BE"], warning: false, text_only: true }, Needs::Decoder),
    ("meta_lies_gbk.html", Want::Report { values: ARTICLE_VALUES, encodings: GB, warning: true, text_only: true }, Needs::Decoder),
    ("meta_lies_utf8.html", Want::Report { values: ARTICLE_VALUES, encodings: UTF8, warning: false, text_only: true }, Needs::Cleaner),
    ("unclosed.html", Want::Report { values: ARTICLE_VALUES, encodings: UTF8, warning: false, text_only: true }, Needs::Cleaner),
    ("scripts_only.html", Want::Nothing, Needs::Cleaner),
    // 16993 元 should be there too: see a_figure_line_ending_in_an_emoji_is_not_a_title
    ("controls.txt", Want::Report { values: &[(248000.0, "人"), (313.0, "个"), (12.0, "所")], encodings: UTF8, warning: false, text_only: false }, Needs::Nothing),
    ("controls.txt", Want::Report { values: &[(248000.0, "人"), (313.0, "个"), (12.0, "所")], encodings: UTF8, warning: false, text_only: true }, Needs::Decoder),
    ("overflow.txt", Want::Report { values: &[(16993.0, "元")], encodings: UTF8, warning: false, text_only: true }, Needs::Nothing),
    ("xss.html", Want::Report { values: &[(100.0, "人"), (139.0, "人")], encodings: UTF8, warning: false, text_only: true }, Needs::Cleaner),
];

#[test]
fn the_corpus_gets_its_expected_outcomes() {
    let mut seen = std::collections::HashSet::new();
    for entry in std::fs::read_dir(inputs()).expect("tests/inputs") {
        let name = entry.expect("dir entry").file_name().to_string_lossy().into_owned();
        if !(name.ends_with(".py") || name.ends_with(".md")) {
            assert!(CORPUS.iter().any(|(n, ..)| *n == name), "{name} in tests/inputs has no expected outcome");
        }
    }
    let mut failures = Vec::new();
    for &(name, want, needs) in CORPUS {
        let bytes = std::fs::read(inputs().join(name)).unwrap_or_else(|e| panic!("{name}: {e} (run tests/inputs/generate.py)"));
        let (r, _) = timed(name, &bytes, &Options::default());
        if let Err(msg) = judge(name, want, needs, &r) {
            failures.push(msg);
        }
        // the same bytes twice give the same answer
        if seen.insert(name) {
            assert_eq!(r, analyze(&bytes, name), "{name}: not deterministic");
        }
    }
    assert!(failures.is_empty(), "{} file(s) off:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_stage_survives_the_corpus() {
    for &(name, ..) in CORPUS {
        let bytes = std::fs::read(inputs().join(name)).expect("corpus file");
        let text = String::from_utf8_lossy(&bytes);
        let _ = zhibiao::decode::decode(&bytes);
        let c = zhibiao::clean::clean(&text);
        let n = zhibiao::normalise::normalise(&c.body);
        assert_eq!(n.text.chars().count(), c.body.chars().count(), "{name}: normalise must keep char alignment");
        for q in zhibiao::quantity::find(&text) {
            assert!(q.value.is_finite(), "{name}: {q:?}");
        }
    }
}

// ---- the large inputs: built in memory, never committed ----

fn big_text(size: usize) -> Vec<u8> {
    let para: String = ARTICLE.replace('\n', "");
    let mut out = String::with_capacity(size + 1024);
    let mut i = 0;
    while out.len() < size {
        out.push_str(&format!("第{i}段：{para}\n"));
        i += 1;
    }
    // cut on a char boundary: the input is meant to be valid UTF-8
    let mut end = size.min(out.len());
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    out.truncate(end);
    out.into_bytes()
}

fn long_line(size: usize, numbers: bool) -> Vec<u8> {
    let unit = if numbers { "全市居民人均可支配收入16993元增长5点1个百分点" } else { "发展经济改善民生推进治理" };
    let mut s = unit.repeat(size / unit.len() + 1);
    let mut end = size;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s.into_bytes()
}

fn many_numbers(n: usize) -> Vec<u8> {
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&format!("第{i}项指标为{}.{}万元，增长{}.{}%；", i * 7 + 13, i % 10, i % 97, i % 7));
    }
    s.push('\n');
    s.into_bytes()
}

fn nested(depth: usize, closed: bool) -> Vec<u8> {
    let mut s = "<div>".repeat(depth) + "全市新增就业24.8万人。";
    if closed {
        s += &"</div>".repeat(depth);
    }
    s.into_bytes()
}

#[test]
fn fifty_megabytes_of_text() {
    let bytes = big_text(50 * 1024 * 1024);
    let (r, _) = timed("big_50mb.txt (generated)", &bytes, &Options::default());
    let r = r.expect("50 MB is under the default limit");
    check_report("big_50mb", &r);
    // 5 figures a paragraph; the cleaner may drop repeated paragraphs as duplicates
    assert!(!r.metrics.is_empty());
    // and above a configured limit, a clear error without reading the bytes
    let small = Options { max_bytes: 10 * 1024 * 1024, ..Options::default() };
    let (r, d) = timed("big_50mb.txt, limit 10 MB", &bytes, &small);
    assert_eq!(r, Err(Error::TooLarge { bytes: bytes.len(), limit: 10 * 1024 * 1024 }));
    assert!(d < Duration::from_secs(1));
}

#[test]
fn the_default_limit_refuses_clearly() {
    let limit = Options::default().max_bytes;
    let bytes = vec![b'a'; limit + 1];
    let r = analyze(&bytes, "huge.txt");
    let Err(e @ Error::TooLarge { .. }) = r else { panic!("want TooLarge, got {}", outcome(&r)) };
    let msg = e.to_string();
    assert!(msg.contains(&(limit + 1).to_string()) && msg.contains(&limit.to_string()), "{msg}");
}

#[test]
fn a_two_megabyte_line() {
    let bytes = long_line(2 * 1024 * 1024, false);
    let (r, _) = timed("line_2mb.txt (generated)", &bytes, &Options::default());
    let r = r.expect("a long line is still text");
    check_report("line_2mb", &r);
    assert!(r.metrics.is_empty());
}

/// Regression: one 700 000-character sentence with 47 000 figures was quadratic
/// (evidence sentence copied into every metric, char offsets re-counted from the start
/// of the line for every figure, every period re-scanned for every figure).
#[test]
fn a_two_megabyte_line_of_figures() {
    let bytes = long_line(2 * 1024 * 1024, true);
    let (r, _) = timed("line_2mb_numbers.txt (gen.)", &bytes, &Options { keywords: false, ..Options::default() });
    let r = r.expect("a long line is still text");
    check_report("line_2mb_numbers", &r);
    assert!(r.metrics.len() > 40_000, "{}", r.metrics.len());
    let evidence: usize = r.metrics.iter().map(|m| m.sentence.chars().count()).sum();
    assert!(evidence < 1000 * r.metrics.len(), "evidence is not bounded: {evidence} chars");
}

#[test]
fn twenty_thousand_figures() {
    let bytes = many_numbers(20_000);
    let (r, _) = timed("numbers_20k.txt (generated)", &bytes, &Options::default());
    let r = r.expect("figures are text");
    check_report("numbers_20k", &r);
    assert!(r.metrics.len() >= 19_000, "{}", r.metrics.len());
    assert!(r.metrics.iter().filter(|m| m.change.is_some()).count() >= 19_000);
    assert!(has_value(&r, 130000.0, "元") && has_value(&r, (19999 * 7 + 13) as f64 * 1e4 + 9000.0, "元"));
}

#[test]
fn ten_thousand_levels_of_nesting() {
    for closed in [true, false] {
        let name = if closed { "nested_10k.html (generated)" } else { "nested_10k_unclosed.html (gen.)" };
        let bytes = nested(10_000, closed);
        let (r, _) = timed(name, &bytes, &Options::default());
        let want = Want::Report { values: &[(248000.0, "人")], encodings: UTF8, warning: false, text_only: true };
        if let Err(msg) = judge(name, want, Needs::Cleaner, &r) {
            panic!("{msg}");
        }
    }
}

// ---- regressions found while building the corpus and fuzzing ----

/// A lossy UTF-8 decode must say so in the report (the first-cut decoder dropped the flag).
#[test]
fn lossy_decoding_leaves_a_warning() {
    let mut bytes = "全市居民人均可支配收入16993元，增长5.1%。城镇新增就业24.8万人。".as_bytes().to_vec();
    bytes.insert(30, 0xff);
    let r = analyze(&bytes, "bad.txt").expect("report");
    assert!(!r.warnings.is_empty(), "{r:?}");
}

/// Regression (decode): UTF-8 with one broken byte — here a file cut inside its last
/// character, as a truncated download or a byte limit leaves it — was read as
/// windows-1252, turning the whole document into mojibake with no metrics and no warning.
#[test]
fn utf8_cut_inside_a_char_stays_utf8() {
    let mut bytes = ARTICLE.repeat(50).into_bytes();
    bytes.extend_from_slice(&"增".as_bytes()[..2]);
    let r = analyze(&bytes, "cut.txt").expect("report");
    assert_eq!(r.source.encoding, "UTF-8");
    assert!(!r.warnings.is_empty(), "a lossy decode leaves a warning");
    for &(v, u) in ARTICLE_VALUES {
        assert!(has_value(&r, v, u), "{v} {u} missing");
    }
}

/// A first line that is a full sentence with a figure and ends in an emoji (or any
/// pictograph after its `。`) is article text: neither the headline nor an edge line.
#[test]
fn a_figure_line_ending_in_an_emoji_is_not_a_title() {
    let r = analyze("全市居民人均可支配收入16993元，增长5.1%。👍\n城镇新增就业24.8万人。".as_bytes(), "e.txt").expect("report");
    assert!(has_value(&r, 16993.0, "元"), "{:?} / title {:?}", r.text, r.document.title);
}
