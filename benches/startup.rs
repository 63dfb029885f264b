//! One-time start-up cost, measured in fresh processes (BENCHMARKS.md).
//!
//! The lazily built statics (jieba's dictionary, the TF-IDF table, the lexicons and
//! their regexes) cannot be reset inside one process, so this bench re-runs its own
//! binary as a child once per sample, with `ZHIBIAO_STARTUP_CHILD=<mode>`:
//!
//! * `first`: the first `analyze` of an article (everything loads inside it), then the
//!   second `analyze` of the same article;
//! * `first_no_keywords`: the same with `Options { keywords: false }`;
//! * `parts`: each lazy piece forced on its own, in pipeline order, then the first and
//!   second `analyze`;
//! * `figures`: what the page's `analyzeFigures` runs first (`analyze_with` without
//!   keywords: decode → clean → normalise → quantities → attach), then again, and how
//!   many regexes the first call compiled (issue 12: none);
//! * `noop`: nothing (the process's own cost, for the spawn-to-exit column).
//!
//! The parent prints the median, min and max over the samples. Not a criterion bench
//! (criterion repeats inside one process); `harness = false`, plain `Instant`s.
//!
//! ```text
//! cargo bench --bench startup                # 15 fresh processes per mode
//! ZHIBIAO_STARTUP_RUNS=50 cargo bench --bench startup
//! ZHIBIAO_STARTUP_MODES=figures cargo bench --bench startup   # only the figures path
//! ```
//! In test mode (`cargo test --all-targets`) one process per mode.

#[cfg(not(target_arch = "wasm32"))]
mod common;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::common;
    use std::collections::BTreeMap;
    use std::process::Command;
    use std::time::Instant;
    use zhibiao::attach::extract::DocContext;
    use zhibiao::Options;

    const CHILD: &str = "ZHIBIAO_STARTUP_CHILD";

    /// The article timed: the largest seed (002, 18.8 KB, close to the page's 20 KB case).
    fn article() -> (String, Vec<u8>) {
        common::seeds().into_iter().max_by_key(|(_, b)| b.len()).expect("a seed")
    }

    fn ms(t: Instant) -> f64 {
        t.elapsed().as_secs_f64() * 1e3
    }

    /// Runs in the child; prints `key=ms` lines.
    fn child(mode: &str) {
        let (name, bytes) = article();
        let mut out: Vec<(&str, f64)> = Vec::new();
        let no_kw = Options { keywords: false, ..Options::default() };
        match mode {
            "noop" => {}
            "figures" => {
                let t = Instant::now();
                zhibiao::analyze_with(&bytes, &name, &no_kw).expect("analyses");
                out.push(("first figures (analyze, no keywords)", ms(t)));
                out.push(("regexes compiled by it (count)", zhibiao::pattern::compiled() as f64));
                let t = Instant::now();
                zhibiao::analyze_with(&bytes, &name, &no_kw).expect("analyses");
                out.push(("second figures", ms(t)));
            }
            "first" | "first_no_keywords" => {
                let opts = if mode == "first" { Options::default() } else { no_kw };
                let t = Instant::now();
                zhibiao::analyze_with(&bytes, &name, &opts).expect("analyses");
                out.push(("first analyze", ms(t)));
                let t = Instant::now();
                zhibiao::analyze_with(&bytes, &name, &opts).expect("analyses");
                out.push(("second analyze", ms(t)));
            }
            "parts" => {
                let t = Instant::now();
                zhibiao::segment::jieba();
                out.push(("jieba dictionary (segment::jieba)", ms(t)));
                let t = Instant::now();
                zhibiao::keywords::warm();
                out.push(("keywords ranker (keywords::warm)", ms(t)));
                let t = Instant::now();
                zhibiao::quantity::find("全市居民人均可支配收入16993元,增长5.1%");
                out.push(("units lexicons + quantity regex", ms(t)));
                let t = Instant::now();
                let ctx = DocContext { date: Some("2022-08-11".into()), region: Some("石家庄市".into()), ..Default::default() };
                let s = "今年上半年,温泉街道居民人均可支配收入16993元,增长5.1%。";
                zhibiao::attach::extract::extract(s, s, &ctx);
                out.push(("period/indicator/category lexicons + regexes", ms(t)));
                let t = Instant::now();
                zhibiao::attach::region::document_region(Some("嘉兴市南湖区"), "嘉兴市南湖区", None);
                out.push(("region regex", ms(t)));
                let t = Instant::now();
                zhibiao::analyze(&bytes, &name).expect("analyses");
                out.push(("first analyze after the above", ms(t)));
                let t = Instant::now();
                zhibiao::analyze(&bytes, &name).expect("analyses");
                out.push(("second analyze", ms(t)));
            }
            other => panic!("unknown mode {other}"),
        }
        for (k, v) in out {
            println!("{k}={v:.3}");
        }
    }

    struct Stats {
        median: f64,
        min: f64,
        max: f64,
    }

    fn stats(mut v: Vec<f64>) -> Stats {
        v.sort_by(f64::total_cmp);
        let n = v.len();
        let median = if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 };
        Stats { median, min: v[0], max: v[n - 1] }
    }

    pub fn main() {
        if let Ok(mode) = std::env::var(CHILD) {
            child(&mode);
            return;
        }
        let runs: usize = if common::is_test_mode() {
            1
        } else {
            std::env::var("ZHIBIAO_STARTUP_RUNS").ok().and_then(|s| s.parse().ok()).unwrap_or(15)
        };
        let exe = std::env::current_exe().expect("own path");
        let (name, bytes) = article();
        println!("start-up: {runs} fresh process(es) per mode, article {name} ({} B)", bytes.len());
        println!("{:<16} {:<46} {:>9} {:>9} {:>9}", "mode", "what", "median ms", "min", "max");
        // `ZHIBIAO_STARTUP_MODES=figures` runs only the modes named (comma-separated)
        let modes = std::env::var("ZHIBIAO_STARTUP_MODES").unwrap_or_else(|_| "noop,figures,first,first_no_keywords,parts".into());
        for mode in modes.split(',') {
            // key → samples, keys in first-seen order
            let mut order: Vec<String> = Vec::new();
            let mut samples: BTreeMap<String, Vec<f64>> = BTreeMap::new();
            for _ in 0..runs {
                let t = Instant::now();
                let out = Command::new(&exe).env(CHILD, mode).output().expect("spawns itself");
                let wall = ms(t);
                assert!(out.status.success(), "child {mode} failed: {}", String::from_utf8_lossy(&out.stderr));
                let text = String::from_utf8_lossy(&out.stdout).to_string();
                let mut push = |k: &str, v: f64| {
                    if !samples.contains_key(k) {
                        order.push(k.to_string());
                    }
                    samples.entry(k.to_string()).or_default().push(v);
                };
                for line in text.lines() {
                    if let Some((k, v)) = line.rsplit_once('=') {
                        push(k, v.parse().expect("a number"));
                    }
                }
                push("process spawn to exit", wall);
            }
            for k in &order {
                let s = stats(samples[k].clone());
                println!("{mode:<16} {k:<46} {:>9.2} {:>9.2} {:>9.2}", s.median, s.min, s.max);
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
