//! The scorer of `../shared/gold/README.md`, a line-for-line port of `../shared/score.py`.
//!
//! It works on `serde_json::Value`, as the Python does on dicts, so it judges any report
//! that serialises to the contract (and the gold files as they are), and it reproduces the
//! Python's quirks on purpose: a missing `grade` is core but `"grade": null` is not, a
//! falsy `sentence` falls back to `raw`, a period with no bounds compares like no period,
//! each gold metric takes the first best-overlapping unused prediction, floats print
//! rounded half to even. `lines()` prints exactly what `score.py` prints (without
//! `--verbose`), so the two can be compared as text.

#![allow(dead_code)] // each test crate that includes this module uses a different part

use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

/// A prediction and a gold metric are the same occurrence when they share this much.
pub const MIN_OVERLAP: f64 = 0.3;

pub const ATTRS: [&str; 6] = [
    "indicator",
    "change",
    "approx",
    "period",
    "region",
    "category",
];

/// `os.path.basename(name)` then everything before the last `.`.
pub fn stem(name: &str) -> String {
    let base = match name.rfind('/') {
        Some(i) => &name[i + 1..],
        None => name,
    };
    match base.rfind('.') {
        Some(i) => base[..i].to_string(),
        None => base.to_string(),
    }
}

/// Python's `str.isspace()`, which is what `\s` matches in a `str` pattern.
fn py_space(c: char) -> bool {
    matches!(c,
        '\t'..='\r' | '\x1c'..='\x1f' | ' ' | '\u{85}' | '\u{a0}' | '\u{1680}'
        | '\u{2000}'..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}'
        | '\u{3000}')
}

/// Pinyin glosses, spaces and brackets never survive cleaning, so they are not evidence.
fn ignored(c: char) -> bool {
    c.is_ascii_alphabetic() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü()（）".contains(c) || py_space(c)
}

pub fn charset(s: &str) -> std::collections::HashSet<char> {
    s.chars().filter(|&c| !ignored(c)).collect()
}

/// Share of the gold context's characters that the predicted sentence contains.
pub fn overlap(sentence: &str, context: &str) -> f64 {
    let (a, b) = (charset(sentence), charset(context));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / b.len() as f64
}

/// Dice coefficient over character multisets.
pub fn dice(a: &str, b: &str) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut ca: HashMap<char, usize> = HashMap::new();
    for c in a.chars() {
        *ca.entry(c).or_default() += 1;
    }
    let mut cb: HashMap<char, usize> = HashMap::new();
    for c in b.chars() {
        *cb.entry(c).or_default() += 1;
    }
    let common: usize = ca
        .iter()
        .map(|(c, n)| (*n).min(*cb.get(c).unwrap_or(&0)))
        .sum();
    2.0 * common as f64 / (a.chars().count() + b.chars().count()) as f64
}

/// The number as written, for telling a leaked not-metric: digits, or the whole raw.
pub fn digits(s: &str) -> String {
    let d: String = s
        .chars()
        .filter(|c| matches!(c, '0'..='9' | '０'..='９' | '.' | '．'))
        .collect();
    if d.is_empty() {
        s.to_string()
    } else {
        d
    }
}

// --- Python value semantics -------------------------------------------------------------

/// `bool(v)`.
pub fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|x| x != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
    }
}

/// `v or None`.
fn or_none(v: Option<&Value>) -> Option<&Value> {
    if truthy(v) {
        v
    } else {
        None
    }
}

/// `float(v)`, None where Python would raise.
fn py_float(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => n.as_f64(),
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        Value::String(s) => s.trim().replace('_', "").parse().ok(),
        _ => None,
    }
}

/// `a == b` between two JSON-decoded Python values (None for a missing key or null;
/// `1 == 1.0 == True`).
pub fn py_eq(a: Option<&Value>, b: Option<&Value>) -> bool {
    let a = a.filter(|v| !v.is_null());
    let b = b.filter(|v| !v.is_null());
    match (a, b) {
        (None, None) => true,
        (None, _) | (_, None) => false,
        (Some(x), Some(y)) => match (x, y) {
            (Value::Number(_) | Value::Bool(_), Value::Number(_) | Value::Bool(_)) => {
                py_float(Some(x)) == py_float(Some(y))
            }
            (Value::String(s), Value::String(t)) => s == t,
            (Value::Array(s), Value::Array(t)) => {
                s.len() == t.len() && s.iter().zip(t).all(|(p, q)| py_eq(Some(p), Some(q)))
            }
            (Value::Object(s), Value::Object(t)) => {
                s.len() == t.len()
                    && s.iter()
                        .all(|(k, v)| t.contains_key(k) && py_eq(Some(v), t.get(k)))
            }
            _ => false,
        },
    }
}

fn get<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    v.as_object().and_then(|o| o.get(key))
}

fn get_str(v: Option<&Value>) -> &str {
    v.and_then(Value::as_str).unwrap_or("")
}

/// `(v.get(a) or v.get(b))` as text.
fn str_or<'a>(v: &'a Value, a: &str, b: &str) -> &'a str {
    let first = get(v, a);
    get_str(if truthy(first) { first } else { get(v, b) })
}

pub fn same_value(x: Option<&Value>, y: Option<&Value>) -> bool {
    match (py_float(x), py_float(y)) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-6 * x.abs().max(y.abs()).max(1e-9),
        _ => false,
    }
}

/// Python's `round(x, 6)`: half to even on the exact binary value, which is also how
/// Rust's fixed-precision formatting rounds.
fn round6(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    format!("{x:.6}").parse().unwrap_or(x)
}

/// `norm_change`: `(direction, round(float(value), 6), unit)` or None.
fn change_eq(g: Option<&Value>, p: Option<&Value>) -> bool {
    let norm = |c: Option<&Value>| -> Option<(Option<Value>, Option<f64>, Option<Value>)> {
        if !truthy(c) {
            return None;
        }
        let c = c.unwrap();
        let value = match get(c, "value") {
            None => Some(0.0),
            v => py_float(v).map(round6),
        };
        Some((get(c, "direction").cloned(), value, get(c, "unit").cloned()))
    };
    match (norm(g), norm(p)) {
        (None, None) => true,
        (Some((gd, gv, gu)), Some((pd, pv, pu))) => {
            py_eq(gd.as_ref(), pd.as_ref())
                && matches!((gv, pv), (Some(a), Some(b)) if a == b)
                && py_eq(gu.as_ref(), pu.as_ref())
        }
        _ => false,
    }
}

/// `norm_period`: `(start, end)`, or None for no period and for a period whose bounds are
/// both missing or null (one that cannot be resolved compares like no period).
fn period_eq(g: Option<&Value>, p: Option<&Value>) -> bool {
    let bounded = |v: Option<&Value>| {
        truthy(v) && {
            let v = v.unwrap();
            let set = |k| !matches!(get(v, k), None | Some(Value::Null));
            set("start") || set("end")
        }
    };
    match (bounded(g), bounded(p)) {
        (false, false) => true,
        (true, true) => {
            let (g, p) = (g.unwrap(), p.unwrap());
            py_eq(get(g, "start"), get(p, "start")) && py_eq(get(g, "end"), get(p, "end"))
        }
        _ => false,
    }
}

fn is_core(g: &Value) -> bool {
    match get(g, "grade") {
        None => true, // g.get("grade", "core"): only a missing key defaults
        Some(v) => v.as_str() == Some("core"),
    }
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    match get(v, key) {
        Some(Value::Array(a)) => a,
        _ => &[],
    }
}

// --- Scoring ----------------------------------------------------------------------------

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    pub pred: usize,
    pub matched: usize,
    pub core: usize,
    pub matched_core: usize,
    pub leaks: usize,
    /// (equal, judged) per attribute, in the order of [`ATTRS`].
    pub attrs: [(usize, usize); 6],
}

impl Counts {
    pub fn add(&mut self, o: &Counts) {
        self.pred += o.pred;
        self.matched += o.matched;
        self.core += o.core;
        self.matched_core += o.matched_core;
        self.leaks += o.leaks;
        for (a, b) in self.attrs.iter_mut().zip(&o.attrs) {
            a.0 += b.0;
            a.1 += b.1;
        }
    }

    /// (precision, recall, F1); an article with nothing to find and nothing found is 1, 1, 1.
    pub fn prf(&self) -> (f64, f64, f64) {
        if self.core == 0 && self.pred == 0 {
            return (1.0, 1.0, 1.0);
        }
        let p = if self.pred > 0 {
            self.matched as f64 / self.pred as f64
        } else {
            0.0
        };
        let r = if self.core > 0 {
            self.matched_core as f64 / self.core as f64
        } else {
            0.0
        };
        let f = if p + r != 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    pub fn accuracy(&self, attr: &str) -> Option<f64> {
        let i = ATTRS.iter().position(|a| *a == attr)?;
        let (ok, n) = self.attrs[i];
        (n > 0).then(|| ok as f64 / n as f64)
    }
}

#[derive(Debug, Clone)]
pub struct DocScore {
    pub counts: Counts,
    /// Indices into the gold metrics and the predictions of each matched pair.
    pub pairs: Vec<(usize, usize)>,
    /// Core gold metrics that nothing matched.
    pub misses: Vec<Value>,
    /// Predictions that matched nothing.
    pub false_preds: Vec<Value>,
}

/// Score one report against one gold file.
pub fn score_doc(gold: &Value, report: &Value) -> DocScore {
    let preds = list(report, "metrics");
    let golds = list(gold, "metrics");
    let mut used = vec![false; preds.len()];
    let mut pairs = Vec::new();
    for (gi, g) in golds.iter().enumerate() {
        let (mut best, mut best_s) = (None, 0.0);
        for (pi, p) in preds.iter().enumerate() {
            if used[pi] {
                continue;
            }
            if !py_eq(get(p, "unit"), get(g, "unit"))
                || !same_value(get(p, "value"), get(g, "value"))
            {
                continue;
            }
            let s = overlap(str_or(p, "sentence", "raw"), get_str(get(g, "context")));
            if s > best_s {
                best = Some(pi);
                best_s = s;
            }
        }
        if let Some(pi) = best {
            if best_s >= MIN_OVERLAP {
                used[pi] = true;
                pairs.push((gi, pi));
            }
        }
    }
    let mut c = Counts {
        pred: preds.len(),
        matched: pairs.len(),
        ..Counts::default()
    };
    c.core = golds.iter().filter(|g| is_core(g)).count();
    c.matched_core = pairs.iter().filter(|(gi, _)| is_core(&golds[*gi])).count();
    for &(gi, pi) in &pairs {
        let (g, p) = (&golds[gi], &preds[pi]);
        let ok = [
            dice(get_str(get(g, "indicator")), get_str(get(p, "indicator"))) >= 0.6,
            change_eq(get(g, "change"), get(p, "change")),
            py_eq(or_none(get(g, "approx")), or_none(get(p, "approx"))),
            period_eq(get(g, "period"), get(p, "period")),
            py_eq(or_none(get(g, "region")), or_none(get(p, "region"))),
            py_eq(or_none(get(g, "category")), or_none(get(p, "category"))),
        ];
        for (a, ok) in c.attrs.iter_mut().zip(ok) {
            a.0 += ok as usize;
            a.1 += 1;
        }
    }
    let not_metrics = list(gold, "not_metrics");
    for (pi, p) in preds.iter().enumerate() {
        if used[pi] {
            continue;
        }
        let raw = digits(get_str(get(p, "raw")));
        let sentence = str_or(p, "sentence", "raw");
        if not_metrics.iter().any(|n| {
            raw == digits(get_str(get(n, "raw")))
                && overlap(sentence, get_str(get(n, "context"))) >= MIN_OVERLAP
        }) {
            c.leaks += 1;
        }
    }
    let misses = golds
        .iter()
        .enumerate()
        .filter(|(gi, g)| is_core(g) && !pairs.iter().any(|(pg, _)| pg == gi))
        .map(|(_, g)| g.clone())
        .collect();
    let false_preds = preds
        .iter()
        .enumerate()
        .filter(|(pi, _)| !used[*pi])
        .map(|(_, p)| p.clone())
        .collect();
    DocScore {
        counts: c,
        pairs,
        misses,
        false_preds,
    }
}

#[derive(Debug, Clone)]
pub struct DocResult {
    pub key: String,
    pub has_report: bool,
    pub score: DocScore,
}

#[derive(Debug, Clone)]
pub struct Summary {
    pub docs: Vec<DocResult>,
    pub total: Counts,
    pub macro_f1: f64,
}

/// Score reports against gold files given as (file name, parsed JSON), in any order.
pub fn score_all(gold_files: &[(String, Value)], reports: &[Value]) -> Summary {
    let mut files: Vec<&(String, Value)> = gold_files
        .iter()
        .filter(|(f, _)| f.ends_with(".json"))
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    // A dict keyed by stem: a later file with the same key replaces the value, keeps the slot.
    let mut golds: Vec<(String, &Value)> = Vec::new();
    for (f, g) in files {
        let doc = get(g, "doc");
        let key = stem(if truthy(doc) { get_str(doc) } else { f });
        match golds.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = g,
            None => golds.push((key, g)),
        }
    }
    let mut by_key: HashMap<String, &Value> = HashMap::new();
    for r in reports {
        let name = get(r, "source")
            .filter(|s| truthy(Some(s)))
            .and_then(|s| get(s, "name"));
        by_key.insert(stem(get_str(name)), r);
    }
    let empty = serde_json::json!({"metrics": []});
    let mut total = Counts::default();
    let mut docs = Vec::new();
    let mut doc_f1 = Vec::new();
    for (key, g) in golds {
        let r = by_key.get(&key).copied();
        let score = score_doc(g, r.unwrap_or(&empty));
        total.add(&score.counts);
        doc_f1.push(score.counts.prf().2);
        docs.push(DocResult {
            key,
            has_report: r.is_some(),
            score,
        });
    }
    // Left to right, as `sum()` adds floats before Python 3.12.
    let macro_f1 = if doc_f1.is_empty() {
        0.0
    } else {
        doc_f1.iter().fold(0.0, |a, b| a + b) / doc_f1.len() as f64
    };
    Summary {
        docs,
        total,
        macro_f1,
    }
}

/// Read every `*.json` in `dir` and score `reports` against them.
pub fn score_dir(dir: &Path, reports: &[Value]) -> std::io::Result<Summary> {
    let mut gold_files = Vec::new();
    for ent in std::fs::read_dir(dir)? {
        let ent = ent?;
        let name = ent.file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") {
            let text = std::fs::read_to_string(ent.path())?;
            let v = serde_json::from_str(&text).map_err(|e| {
                std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{name}: {e}"))
            })?;
            gold_files.push((name, v));
        }
    }
    Ok(score_all(&gold_files, reports))
}

/// Reports from JSON Lines text (blank lines skipped).
pub fn parse_jsonl(text: &str) -> Result<Vec<Value>, serde_json::Error> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(serde_json::from_str)
        .collect()
}

impl Summary {
    pub fn all_line(&self) -> String {
        let (p, r, f) = self.total.prf();
        let acc: Vec<String> = ATTRS
            .iter()
            .map(|a| match self.total.accuracy(a) {
                Some(x) => format!("{a}={x:.2}"),
                None => format!("{a}=n/a"),
            })
            .collect();
        format!(
            "ALL: P={p:.3} R={r:.3} F1={f:.3} macroF1={:.3} leaked_not_metrics={} | {}",
            self.macro_f1,
            self.total.leaks,
            acc.join(" ")
        )
    }

    /// Exactly the lines `score.py GOLD REPORTS` prints, the ALL line last.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for d in &self.docs {
            if !d.has_report {
                out.push(format!("{}: NO REPORT", d.key));
            }
            let c = &d.score.counts;
            let (p, r, f) = c.prf();
            out.push(format!(
                "{}: pred={} matched={} core={} P={p:.3} R={r:.3} F1={f:.3} leaked_not_metrics={}",
                d.key, c.pred, c.matched, c.core, c.leaks
            ));
        }
        out.push(self.all_line());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn gold_metric(raw: &str, value: f64, unit: &str, context: &str) -> Value {
        json!({"raw": raw, "value": value, "unit": unit, "approx": null, "value_max": null,
               "indicator": "地区生产总值", "change": {"direction": "up", "value": 5.1, "unit": "%"},
               "period": {"text": "2021年", "start": "2021-01-01", "end": "2021-12-31"},
               "region": "咸宁市", "category": "economy", "grade": "core", "context": context})
    }

    fn pred(raw: &str, value: f64, unit: &str, sentence: &str) -> Value {
        json!({"raw": raw, "value": value, "unit": unit, "approx": null, "value_max": null,
               "indicator": "地区生产总值", "change": {"direction": "up", "value": 5.1, "unit": "%", "raw": "增长5.1%"},
               "period": {"text": "2021年", "start": "2021-01-01", "end": "2021-12-31"},
               "region": "咸宁市", "category": "economy", "sentence": sentence, "span": [0, 1]})
    }

    const CTX: &str = "全市实现地区生产总值1800亿元,增长5.1%";

    #[test]
    fn text_helpers() {
        assert_eq!(stem("../shared/seeds/002_ab.txt"), "002_ab");
        assert_eq!(stem("a.b.c"), "a.b");
        assert_eq!(stem("noext"), "noext");
        assert_eq!(stem(".hidden"), "");
        assert_eq!(stem(""), "");
        assert_eq!(
            charset("區(qū) a\u{3000}（b）"),
            ['區'].into_iter().collect()
        );
        assert_eq!(overlap("", "abc"), 0.0);
        assert_eq!(overlap("增长", "增长率"), 2.0 / 3.0);
        assert_eq!(dice("城镇新增就业", "新增就业"), 2.0 * 4.0 / 10.0);
        assert_eq!(dice("", "x"), 0.0);
        assert_eq!(dice("aab", "ab"), 2.0 * 2.0 / 5.0);
        assert_eq!(digits("8128787"), "8128787");
        assert_eq!(digits("２·４个"), "２４");
        assert_eq!(digits("十四五"), "十四五");
        assert!(same_value(
            Some(&json!(1640000000)),
            Some(&json!(1639999999.9999998))
        ));
        assert!(!same_value(Some(&json!(100)), Some(&json!(100.001))));
        assert!(!same_value(Some(&json!(null)), Some(&json!(0))));
        assert!(same_value(Some(&json!(0)), Some(&json!(0.0))));
        assert!(py_eq(Some(&json!(1)), Some(&json!(1.0))));
        assert!(py_eq(None, Some(&json!(null))));
        assert!(!py_eq(Some(&json!("1")), Some(&json!(1))));
    }

    #[test]
    fn perfect_prediction_scores_one() {
        let gold = json!({"metrics": [gold_metric("1800亿元", 180000000000.0, "元", CTX)]});
        let report = json!({"metrics": [pred("1800亿元", 180000000000.0, "元", CTX)]});
        let s = score_doc(&gold, &report);
        assert_eq!(s.pairs, vec![(0, 0)]);
        assert_eq!(s.counts.prf(), (1.0, 1.0, 1.0));
        assert_eq!(s.counts.attrs, [(1, 1); 6]);
    }

    #[test]
    fn unit_value_and_overlap_must_all_hold() {
        let gold = json!({"metrics": [gold_metric("1800亿元", 180000000000.0, "元", CTX)]});
        for p in [
            pred("1800亿元", 180000000000.0, "万元", CTX), // unit differs
            pred("1800亿元", 180000000001.0, "元", CTX),   // 1e-6 relative holds...
            pred("1800亿元", 180000000000.0, "元", "某某某某"), // no shared characters
        ] {
            let s = score_doc(&gold, &json!({"metrics": [p.clone()]}));
            let expect = p["value"] == json!(180000000001.0);
            assert_eq!(s.counts.matched == 1, expect, "{p}");
        }
        let off = pred("1800亿元", 180001000000.0, "元", CTX); // ...5.6e-6 relative does not
        assert_eq!(
            score_doc(&gold, &json!({"metrics": [off]})).counts.matched,
            0
        );
        // A falsy sentence falls back to raw: "1800亿元" has 5 of the 21 distinct
        // characters of the long context (0.24, too few) and 5 of the 9 of a short one.
        let no_sentence = pred("1800亿元", 180000000000.0, "元", "");
        assert_eq!(
            score_doc(&gold, &json!({"metrics": [no_sentence.clone()]}))
                .counts
                .matched,
            0
        );
        let short =
            json!({"metrics": [gold_metric("1800亿元", 180000000000.0, "元", "生产总值1800亿元")]});
        assert_eq!(
            score_doc(&short, &json!({"metrics": [no_sentence]}))
                .counts
                .matched,
            1
        );
    }

    #[test]
    fn overlap_threshold_is_inclusive_at_three_tenths() {
        let gold =
            json!({"metrics": [gold_metric("10人", 10.0, "人", "abcdefghij一二三四五六七八九十")]});
        let p3 = pred("10人", 10.0, "人", "一二三");
        let p2 = pred("10人", 10.0, "人", "一二");
        assert_eq!(
            score_doc(&gold, &json!({"metrics": [p3]})).counts.matched,
            1
        );
        assert_eq!(
            score_doc(&gold, &json!({"metrics": [p2]})).counts.matched,
            0
        );
    }

    #[test]
    fn greedy_best_unused_prediction() {
        // Two gold metrics with the same value; predictions each fit one better.
        let g1 = gold_metric("5%", 5.0, "%", "城镇登记失业率5%");
        let g2 = gold_metric("5%", 5.0, "%", "农村居民收入增长5%");
        let p_a = pred("5%", 5.0, "%", "农村居民收入增长5%");
        let p_b = pred("5%", 5.0, "%", "城镇登记失业率控制在5%以内");
        let s = score_doc(
            &json!({"metrics": [g1, g2]}),
            &json!({"metrics": [p_a, p_b]}),
        );
        assert_eq!(s.pairs, vec![(0, 1), (1, 0)]);
        // One prediction cannot serve two gold metrics.
        let g1 = gold_metric("5%", 5.0, "%", "城镇登记失业率5%");
        let g2 = gold_metric("5%", 5.0, "%", "城镇登记失业率5%");
        let p = pred("5%", 5.0, "%", "城镇登记失业率5%");
        let s = score_doc(&json!({"metrics": [g1, g2]}), &json!({"metrics": [p]}));
        assert_eq!((s.counts.matched, s.counts.core, s.misses.len()), (1, 2, 1));
        assert_eq!(s.counts.prf(), (1.0, 0.5, 2.0 / 3.0));
    }

    #[test]
    fn recall_counts_core_only() {
        let mut minor = gold_metric("87岁", 87.0, "岁", "87岁老党员");
        minor["grade"] = json!("minor");
        let core = gold_metric("1800亿元", 180000000000.0, "元", CTX);
        let mut null_grade = gold_metric("3个", 3.0, "个", "建成3个");
        null_grade["grade"] = Value::Null; // score.py: None != "core"
        let mut no_grade = gold_metric("4所", 4.0, "所", "新建4所学校");
        no_grade.as_object_mut().unwrap().remove("grade"); // defaults to core
        let gold = json!({"metrics": [minor, core, null_grade, no_grade]});
        let report = json!({"metrics": [pred("87岁", 87.0, "岁", "87岁老党员")]});
        let s = score_doc(&gold, &report);
        assert_eq!(
            (
                s.counts.pred,
                s.counts.matched,
                s.counts.core,
                s.counts.matched_core
            ),
            (1, 1, 2, 0)
        );
        assert_eq!(s.counts.prf(), (1.0, 0.0, 0.0));
        assert_eq!(s.misses.len(), 2);
    }

    #[test]
    fn attributes_are_judged_on_matched_pairs() {
        let gold = json!({"metrics": [gold_metric("1800亿元", 180000000000.0, "元", CTX)]});
        let mut p = pred("1800亿元", 180000000000.0, "元", CTX);
        p["indicator"] = json!("生产总值"); // dice 8/10 = 0.8
        p["change"]["value"] = json!(5.1000000001); // equal after round(…, 6)
        p["approx"] = json!(""); // falsy, like null
        p["period"] = json!({"text": "2021年", "start": "2021-01-01", "end": null});
        p["region"] = json!("咸安区");
        p["category"] = json!("income");
        let s = score_doc(&gold, &json!({"metrics": [p]}));
        assert_eq!(
            s.counts.attrs,
            [(1, 1), (1, 1), (1, 1), (0, 1), (0, 1), (0, 1)]
        );
        let mut p = pred("1800亿元", 180000000000.0, "元", CTX);
        p["indicator"] = json!("总值"); // dice 4/8 = 0.5
        p["change"] = Value::Null;
        p["approx"] = json!("about");
        p["period"] = json!({}); // falsy: no period
        let s = score_doc(&gold, &json!({"metrics": [p]}));
        assert_eq!(s.counts.attrs[..4], [(0, 1), (0, 1), (0, 1), (0, 1)]);
        // A gold period of null and an empty predicted one agree.
        let mut g = gold_metric("1800亿元", 180000000000.0, "元", CTX);
        g["period"] = Value::Null;
        let mut p = pred("1800亿元", 180000000000.0, "元", CTX);
        p["period"] = json!({});
        let s = score_doc(&json!({"metrics": [g]}), &json!({"metrics": [p]}));
        assert_eq!(s.counts.attrs[3], (1, 1));
        // A period with no resolvable bounds compares like no period, either way round.
        let mut p = pred("1800亿元", 180000000000.0, "元", CTX);
        p["period"] = json!({"text": "近年来", "start": null, "end": null});
        let s = score_doc(&json!({"metrics": [g.clone()]}), &json!({"metrics": [p]}));
        assert_eq!(s.counts.attrs[3], (1, 1));
        let mut g2 = gold_metric("1800亿元", 180000000000.0, "元", CTX);
        g2["period"] = json!({"text": "近年来"});
        let s = score_doc(&json!({"metrics": [g2]}), &json!({"metrics": [pred("1800亿元", 180000000000.0, "元", CTX)]}));
        assert_eq!(s.counts.attrs[3], (0, 1), "a gold period without bounds against a bounded prediction");
        assert_eq!(Counts::default().accuracy("period"), None);
    }

    #[test]
    fn leaks_are_unmatched_predictions_of_not_metrics() {
        let gold = json!({
            "metrics": [gold_metric("1800亿元", 180000000000.0, "元", CTX)],
            "not_metrics": [{"raw": "8128787", "context": "新闻报料—8128787", "why": "hotline"},
                            {"raw": "十四五", "context": "“十四五”时期", "why": "slogan"}]
        });
        let report = json!({"metrics": [
            pred("1800亿元", 180000000000.0, "元", CTX),
            pred("8128787", 8128787.0, "", "新闻报料—8128787"),
            pred("十四五", 14.0, "", "“十四五”时期"),
            pred("8128787", 8128787.0, "", "完全无关的句子"),  // same digits, other place
            pred("2210万平方米", 22100000.0, "平方米", "新建2210万平方米"),
        ]});
        let s = score_doc(&gold, &report);
        assert_eq!(s.counts.leaks, 2);
        assert_eq!(s.false_preds.len(), 4);
        let (p, r, f) = s.counts.prf();
        assert_eq!((p, r), (0.2, 1.0));
        assert!((f - 1.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn empty_article_and_missing_reports() {
        let empty_gold = json!({"doc": "x.txt", "metrics": []});
        assert_eq!(
            score_doc(&empty_gold, &json!({"metrics": []})).counts.prf(),
            (1.0, 1.0, 1.0)
        );
        let some = json!({"metrics": [pred("1人", 1.0, "人", "1人")]});
        assert_eq!(score_doc(&empty_gold, &some).counts.prf(), (0.0, 0.0, 0.0));
        let golds = vec![
            (
                "b.json".to_string(),
                json!({"doc": "b.txt", "metrics": [gold_metric("1800亿元", 180000000000.0, "元", CTX)]}),
            ),
            ("a.json".to_string(), empty_gold.clone()), // doc names it x
            ("README.md".to_string(), json!({})),
        ];
        let reports = vec![
            json!({"source": {"name": "dir/b.txt"}, "metrics": [pred("1800亿元", 180000000000.0, "元", CTX)]}),
        ];
        let s = score_all(&golds, &reports);
        assert_eq!(
            s.docs.iter().map(|d| d.key.as_str()).collect::<Vec<_>>(),
            ["x", "b"]
        );
        let lines = s.lines();
        assert_eq!(lines[0], "x: NO REPORT");
        assert_eq!(
            lines[1],
            "x: pred=0 matched=0 core=0 P=1.000 R=1.000 F1=1.000 leaked_not_metrics=0"
        );
        assert_eq!(
            lines[2],
            "b: pred=1 matched=1 core=1 P=1.000 R=1.000 F1=1.000 leaked_not_metrics=0"
        );
        assert_eq!(
            lines[3],
            "ALL: P=1.000 R=1.000 F1=1.000 macroF1=1.000 leaked_not_metrics=0 | indicator=1.00 change=1.00 approx=1.00 period=1.00 region=1.00 category=1.00"
        );
        let none = score_all(&golds, &[]);
        assert_eq!(
            none.all_line(),
            "ALL: P=0.000 R=0.000 F1=0.000 macroF1=0.500 leaked_not_metrics=0 | indicator=n/a change=n/a approx=n/a period=n/a region=n/a category=n/a"
        );
    }

    #[test]
    fn printed_numbers_round_half_to_even_like_python() {
        // 1/8 matched of 8 attributes prints 0.12 in Python ('%.2f' of 0.125).
        let mut c = Counts {
            pred: 16,
            matched: 1,
            core: 16,
            matched_core: 1,
            ..Counts::default()
        };
        c.attrs[0] = (1, 8);
        let s = Summary {
            docs: vec![],
            total: c,
            macro_f1: 0.0625,
        };
        assert!(
            s.all_line()
                .starts_with("ALL: P=0.062 R=0.062 F1=0.062 macroF1=0.062"),
            "{}",
            s.all_line()
        );
        assert!(s.all_line().contains("indicator=0.12 "), "{}", s.all_line());
        assert_eq!(round6(0.0078125), 0.007812);
    }
}
