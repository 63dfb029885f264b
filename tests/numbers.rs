//! The numeral and unit grammar against published cases, by stage (issue 11). The cases are
//! data, each with its source: `tests/numbers/number.tsv` (the number parser alone),
//! `quantity.tsv` (the quantity stage, number + unit + verdict), `sentence.tsv` (a metric
//! through the whole pipeline). Every failing row is reported, not only the first.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use zhibiao::numeral;
use zhibiao::quantity;

/// Rows of a TSV table: comment lines (`#`) and blank lines skipped.
fn rows(name: &str) -> Vec<(usize, Vec<String>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/numbers").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l.split('\t').map(str::to_string).collect()))
        .collect()
}

fn num(s: &str) -> Option<f64> {
    (!s.is_empty() && s != "-").then(|| s.parse().unwrap_or_else(|_| panic!("bad number `{s}` in a table")))
}

/// Equal as the exact decimals say (a fraction like ⅓ to 1e-12 relative).
fn same(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-12 * a.abs().max(b.abs())
}

fn report(table: &str, total: usize, failures: Vec<String>) {
    assert!(total > 0, "{table}: no rows");
    assert!(failures.is_empty(), "{table}: {} of {total} rows fail:\n{}", failures.len(), failures.join("\n"));
    eprintln!("{table}: {total} rows pass");
}

#[test]
fn number_parser_alone() {
    let rows = rows("number.tsv");
    let mut failures = Vec::new();
    for (line, r) in &rows {
        let [input, value, max, source] = &r[..] else { panic!("number.tsv:{line}: 4 columns expected") };
        let chars: Vec<char> = input.chars().collect();
        let got = numeral::scan(&chars, 0, chars.len()).filter(|n| n.end == chars.len());
        let got_value = got.as_ref().and_then(|n| n.value.to_f64());
        let got_max = got.as_ref().and_then(|n| n.max).and_then(|m| m.to_f64());
        let ok = match num(value) {
            None => got.is_none(),
            Some(v) => got_value.is_some_and(|g| same(g, v)) && got_max.map(|m| m.to_string()) == num(max).map(|m| m.to_string()),
        };
        if !ok {
            failures.push(format!("  number.tsv:{line}: {input} → {got_value:?} (max {got_max:?}), expected {value} (max {max}) [{source}]"));
        }
    }
    report("number.tsv", rows.len(), failures);
}

#[test]
fn quantity_with_unit() {
    let rows = rows("quantity.tsv");
    let mut failures = Vec::new();
    for (line, r) in &rows {
        let [text, raw, value, unit, approx, max, verdict, source] = &r[..] else { panic!("quantity.tsv:{line}: 8 columns expected") };
        // as `zhibiao quantities` and the pipeline see it: normalised first
        let norm = zhibiao::normalise::normalise(text).text;
        let all = quantity::find_all(&norm);
        let hit = all.iter().find(|f| &f.quantity.raw == raw);
        let ok = hit.is_some_and(|f| {
            let q = &f.quantity;
            let got_verdict = match f.reason {
                None => "metric".to_string(),
                Some(r) => serde_json::to_value(r).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(),
            };
            let got_approx = q.approx.map(|a| serde_json::to_value(a).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()).unwrap_or_default();
            num(value).is_some_and(|v| same(q.value, v))
                && &q.unit == unit
                && &got_approx == approx
                && q.value_max.map(|m| m.to_string()) == num(max).map(|m| m.to_string())
                && &got_verdict == verdict
        });
        if !ok {
            let got: Vec<String> = all
                .iter()
                .map(|f| format!("{} = {} {:?} {:?} max {:?} {}", f.quantity.raw, f.quantity.value, f.quantity.unit, f.quantity.approx, f.quantity.value_max, f.reason.map_or("metric", |r| r.describe())))
                .collect();
            failures.push(format!("  quantity.tsv:{line}: {text} → [{}], expected {raw} = {value} {unit:?} {approx} max {max} {verdict} [{source}]", got.join("; ")));
        }
    }
    report("quantity.tsv", rows.len(), failures);
}

#[test]
fn metric_in_a_sentence() {
    let rows = rows("sentence.tsv");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut failures = Vec::new();
    let mut skipped = 0;
    let mut cache: std::collections::HashMap<String, zhibiao::Report> = Default::default();
    for (line, r) in &rows {
        let [text, raw, value, unit, change, source] = &r[..] else { panic!("sentence.tsv:{line}: 6 columns expected") };
        let report = match text.strip_prefix("corpus:") {
            Some(file) => {
                if !cache.contains_key(file) {
                    let Ok(bytes) = std::fs::read(corpus.join(file)) else {
                        skipped += 1;
                        continue;
                    };
                    let opts = zhibiao::Options { keywords: false, ..Default::default() };
                    cache.insert(file.to_string(), zhibiao::analyze_with(&bytes, file, &opts).expect("analyses"));
                }
                cache[file].clone()
            }
            None => zhibiao::analyze_with(text.as_bytes(), "sentence.txt", &zhibiao::Options { keywords: false, ..Default::default() }).expect("analyses"),
        };
        let hit = report.metrics.iter().find(|m| {
            let v = num(value).unwrap_or(f64::NAN);
            let direction = |d: zhibiao::report::Direction| change == if d == zhibiao::report::Direction::Up { "up" } else { "down" };
            &m.raw == raw && same(m.value, v) && &m.unit == unit && (change.is_empty() || m.change.as_ref().is_some_and(|c| direction(c.direction)))
        });
        if hit.is_none() {
            let got: Vec<String> = report.metrics.iter().filter(|m| m.raw.contains(raw.as_str()) || raw.contains(m.raw.as_str())).map(|m| format!("{} = {} {} {:?}", m.raw, m.value, m.unit, m.change)).collect();
            failures.push(format!("  sentence.tsv:{line}: {text} → [{}], expected {raw} = {value} {unit} {change} [{source}]", got.join("; ")));
        }
    }
    if skipped > 0 {
        eprintln!("sentence.tsv: {skipped} corpus rows skipped (../shared/corpus absent)");
    }
    report("sentence.tsv", rows.len() - skipped, failures);
}
