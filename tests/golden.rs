//! Golden tests: articles through the library, scored against hand-made gold with the
//! rules of `../shared/gold/README.md` (the scorer is `common/score.rs`, a port of
//! `../shared/score.py`, cross-checked against it here). Two sets, scored apart:
//!
//! - the seeds (`../shared/seeds`, gold in `../shared/gold`): the worked examples;
//! - the development set (`../shared/gold-dev`, articles in `../shared/corpus`): articles
//!   no rule was written for, the measure of how well the analyzer generalises.
//!
//! Every attribute accuracy is printed and held to a floor that rises with quality.
//! `cargo test --profile test-opt --test golden -- --nocapture` shows the per-document
//! lines; `ZHIBIAO_GOLDEN_VERBOSE=1` adds every miss and false prediction. The reports
//! are left in `target/golden-<set>.jsonl` for `score.py --verbose`.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::score::{self, Summary};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// One scored set: where its gold and its articles are, and the floors it must meet.
struct Set {
    name: &'static str,
    gold: &'static str,
    /// The folder the gold's `doc` names are in.
    docs: &'static str,
    /// Pooled F1, then the attribute accuracies in `score::ATTRS` order (indicator,
    /// change, approx, period, region, category). Raised as quality rises.
    floors: (f64, [f64; 6]),
}

const SEEDS: Set = Set {
    name: "seeds",
    gold: "gold",
    docs: "seeds",
    // category fell from 0.95 to 0.92 when the category words first seen in the seeds
    // (大党委, 简报, 稿件, 祭奠, …) left the lexicon (a list entry for one article is a
    // defect), and rose to 0.94 with the paragraph's and section's topic as fallbacks
    floors: (0.97, [0.87, 0.99, 0.98, 0.89, 0.85, 0.93]),
};

const DEV: Set = Set {
    name: "gold-dev",
    gold: "gold-dev",
    docs: "corpus",
    // indicator and region dipped (0.745 → 0.739, 0.845 → 0.836) when prices in 分 were
    // read: nine more figures matched (recall 0.923 → 0.928), most with a national price's
    // region the document's province holds; indicator again (→ 0.725) with 届, 档, 字 read
    // (recall → 0.933). Raised (indicator 0.72 → 0.76, period 0.80 → 0.88, region 0.84 →
    // 0.89) when period, region and indicator rules for unseen text reached 0.776, 0.901
    // and 0.909 (issue 10)
    floors: (0.95, [0.76, 0.98, 0.96, 0.88, 0.89, 0.89]),
};

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn target_dir() -> PathBuf {
    // CARGO_TARGET_TMPDIR is <target>/tmp, wherever the target directory is.
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target dir")
        .to_path_buf()
}

/// The articles a gold folder annotates: each gold file's `doc`, in its `docs` folder.
fn articles(set: &Set) -> Vec<PathBuf> {
    let gold = shared().join(set.gold);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&gold)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", gold.display()))
        .map(|e| e.expect("gold dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let g: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let doc = g["doc"].as_str().unwrap_or_else(|| panic!("{}: no doc", p.display()));
            shared().join(set.docs).join(doc)
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no gold in {}", gold.display());
    files
}

/// A set's reports, analysed once per test process and written as JSON Lines.
fn reports(set: &'static Set) -> &'static (Vec<Value>, PathBuf) {
    static SEED_REPORTS: OnceLock<(Vec<Value>, PathBuf)> = OnceLock::new();
    static DEV_REPORTS: OnceLock<(Vec<Value>, PathBuf)> = OnceLock::new();
    let cell = if set.name == SEEDS.name { &SEED_REPORTS } else { &DEV_REPORTS };
    cell.get_or_init(|| {
        let mut reports = Vec::new();
        let mut failures = Vec::new();
        for f in articles(set) {
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            let bytes = std::fs::read(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            match zhibiao::analyze(&bytes, &name) {
                Ok(r) => reports.push(serde_json::to_value(&r).expect("report serialises")),
                Err(e) => failures.push(format!("{name}: {e}")),
            }
        }
        assert!(failures.is_empty(), "{} articles that got no report: {failures:#?}", set.name);
        let path = target_dir().join(format!("golden-{}.jsonl", set.name));
        write_jsonl(&path, &reports);
        (reports, path)
    })
}

fn write_jsonl(path: &Path, reports: &[Value]) {
    let mut text = String::new();
    for r in reports {
        text.push_str(&serde_json::to_string(r).unwrap());
        text.push('\n');
    }
    let tmp = path.with_extension(format!("jsonl.{}.tmp", std::process::id()));
    std::fs::write(&tmp, text).unwrap_or_else(|e| panic!("{}: {e}", tmp.display()));
    std::fs::rename(&tmp, path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn score_reports(gold: &str, reports: &[Value]) -> Summary {
    let gold = shared().join(gold);
    score::score_dir(&gold, reports).unwrap_or_else(|e| panic!("{}: {e}", gold.display()))
}

/// Scores a set, prints every line, and checks the floors.
fn meets_its_floors(set: &'static Set) {
    let (reports, path) = reports(set);
    let summary = score_reports(set.gold, reports);
    eprintln!("{} reports: {}", set.name, path.display());
    for line in summary.lines() {
        eprintln!("{}: {line}", set.name);
    }
    if std::env::var_os("ZHIBIAO_GOLDEN_VERBOSE").is_some() {
        for d in &summary.docs {
            eprintln!("--- {}", d.key);
            for g in &d.score.misses {
                eprintln!("   MISS {}  [{}]", g["raw"], g["context"].as_str().unwrap_or(""));
            }
            for p in &d.score.false_preds {
                let s: String = p["sentence"].as_str().unwrap_or("").chars().take(60).collect();
                eprintln!("   FALSE {} {} {}  [{s}]", p["raw"], p["value"], p["unit"]);
            }
        }
    }
    assert!(summary.docs.iter().all(|d| d.has_report), "{}: a gold document has no report", set.name);
    let (_, _, f1) = summary.total.prf();
    let (f1_floor, attr_floors) = set.floors;
    let mut low = Vec::new();
    if f1 < f1_floor {
        low.push(format!("F1 {f1:.3} < {f1_floor}"));
    }
    for (attr, floor) in score::ATTRS.iter().zip(attr_floors) {
        let acc = summary.total.accuracy(attr).unwrap_or(0.0);
        if acc < floor {
            low.push(format!("{attr} {acc:.3} < {floor}"));
        }
    }
    assert!(low.is_empty(), "{} fell below its floors: {}", set.name, low.join(", "));
}

#[test]
fn seeds_meet_their_floors() {
    meets_its_floors(&SEEDS);
}

#[test]
fn dev_set_meets_its_floors() {
    meets_its_floors(&DEV);
}

/// `score.py`'s stdout lines, or None (with a note) when python3 is not there.
fn python_score(gold: &str, reports: &Path) -> Option<Vec<String>> {
    let out = match Command::new("python3")
        .arg(shared().join("score.py"))
        .arg(shared().join(gold))
        .arg(reports)
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            eprintln!("note: python3 not runnable ({e}); skipping the cross-check with score.py");
            return None;
        }
    };
    assert!(
        out.status.success(),
        "score.py failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8(out.stdout)
            .expect("utf-8")
            .lines()
            .map(str::to_string)
            .collect(),
    )
}

fn assert_same_as_python(rust: &[String], python: &[String]) {
    assert_eq!(
        rust.last(),
        python.last(),
        "the ALL lines differ\nrust:   {:?}\npython: {:?}",
        rust.last(),
        python.last()
    );
    assert_eq!(rust, python, "per-document lines differ");
}

#[test]
fn rust_scorer_agrees_with_score_py_on_both_sets() {
    for set in [&SEEDS, &DEV] {
        let (reports, path) = reports(set);
        let rust = score_reports(set.gold, reports).lines();
        let Some(python) = python_score(set.gold, path) else {
            return;
        };
        assert_same_as_python(&rust, &python);
    }
}

/// The seed reports may have few metrics yet, which leaves most of the scorer unexercised
/// by the test above. These reports are made from the gold itself, with deterministic
/// damage of every kind the scorer tells apart, so both scorers have work to do.
fn perturbed_reports() -> Vec<Value> {
    let gold_dir = shared().join("gold");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&gold_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut reports = Vec::new();
    let mut i = 0usize;
    for (doc_no, f) in files.iter().enumerate() {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        if doc_no == files.len() - 1 && files.len() > 1 {
            continue; // one document without a report
        }
        let mut metrics = Vec::new();
        for g in gold["metrics"].as_array().into_iter().flatten() {
            i += 1;
            let mut p = g.clone();
            let obj = p.as_object_mut().unwrap();
            obj.remove("grade");
            let context = g["context"].as_str().unwrap_or("").to_string();
            obj.insert("sentence".into(), json!(context));
            let value = g["value"].as_f64().unwrap_or(0.0);
            match i % 7 {
                0 => continue, // missed
                1 => {}        // exact
                2 => {
                    obj.insert("value".into(), json!(value * 1.0000005));
                    let ind: String = g["indicator"]
                        .as_str()
                        .unwrap_or("")
                        .chars()
                        .rev()
                        .take(2)
                        .collect();
                    obj.insert("indicator".into(), json!(ind));
                    obj.insert("change".into(), Value::Null);
                }
                3 => {
                    obj.insert("value".into(), json!(value * 1.01 + 1.0)); // matches nothing
                }
                4 => {
                    let third: String = context.chars().take(context.chars().count() / 3).collect();
                    obj.insert("sentence".into(), json!(third));
                    obj.insert(
                        "period".into(),
                        json!({"text": "x", "start": null, "end": null}),
                    );
                    obj.insert("approx".into(), json!("about"));
                }
                5 => {
                    obj.insert("sentence".into(), json!("")); // falls back to raw
                    obj.insert("region".into(), Value::Null);
                    obj.insert("category".into(), json!("other"));
                    if let Some(c) = obj.get_mut("change").and_then(Value::as_object_mut) {
                        let v = c.get("value").and_then(Value::as_f64).unwrap_or(0.0);
                        c.insert("value".into(), json!(v + 1e-9)); // equal after rounding
                    }
                }
                _ => {
                    let unit = g["unit"].as_str().unwrap_or("");
                    obj.insert("unit".into(), json!(format!("万{unit}")));
                }
            }
            metrics.push(p);
            if i.is_multiple_of(5) {
                metrics.push(g.clone()); // a duplicate: unmatched, not a leak
            }
        }
        for (j, n) in gold["not_metrics"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            let sentence = if j % 3 == 2 {
                "与此无关".to_string()
            } else {
                n["context"].as_str().unwrap_or("").to_string()
            };
            metrics.push(
                json!({"raw": n["raw"], "value": 1, "unit": "", "indicator": "x",
                                "sentence": sentence, "category": "other"}),
            );
        }
        let name = gold["doc"].as_str().unwrap_or("").to_string();
        reports.push(json!({"source": {"name": format!("some/dir/{name}")}, "metrics": metrics}));
    }
    reports
}

#[test]
fn rust_scorer_agrees_with_score_py_on_perturbed_gold() {
    let reports = perturbed_reports();
    let path = target_dir()
        .join("tmp")
        .join(format!("golden-perturbed-{}.jsonl", std::process::id()));
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    write_jsonl(&path, &reports);
    let rust = score_reports("gold", &reports);
    // The damage must actually show, or this test checks nothing.
    let t = &rust.total;
    assert!(t.matched > 0 && t.matched < t.pred && t.leaks > 0, "{t:?}");
    assert!(t.attrs.iter().all(|&(ok, n)| ok > 0 && ok < n), "{t:?}");
    assert!(rust.docs.iter().any(|d| !d.has_report));
    for line in rust.lines() {
        eprintln!("perturbed {line}");
    }
    let Some(python) = python_score("gold", &path) else {
        return;
    };
    let _ = std::fs::remove_file(&path);
    assert_same_as_python(&rust.lines(), &python);
}
