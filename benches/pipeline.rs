//! Throughput of each pipeline stage and of the whole pipeline (BENCHMARKS.md).
//!
//! Inputs: the five shared articles (`../shared/seeds`) and 1 MB and 10 MB documents
//! made of their text (`common::large_document`). Every stage reports `Throughput::Bytes` of
//! the *raw document* (the file as read), so stage rates are comparable with each other
//! and with the whole pipeline: the pipeline's time is the sum of the stages' times.
//!
//! The one-time start-up (jieba dictionary, TF-IDF table, lexicons, regexes) is forced
//! before anything is timed; it is measured in fresh processes by `benches/startup.rs`.
//!
//! ```text
//! cargo bench --bench pipeline                      # everything (~6 min on 2 cores)
//! cargo bench --bench pipeline -- 'analyze/'        # only the whole pipeline
//! ZHIBIAO_BENCH_10MB=all cargo bench --bench pipeline -- 10MB   # every stage on 10 MB too
//! ZHIBIAO_BENCH_SIZES=1 cargo bench --bench pipeline -- --profile-time 10 '^analyze/1MB$'  # for perf
//! ```
//! In test mode (`cargo test --all-targets`, `cargo bench -- --test`) each routine runs
//! once on the articles only; the large documents are skipped unless
//! `ZHIBIAO_BENCH_LARGE=1`.

#[cfg(not(target_arch = "wasm32"))]
mod common;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::common;
    use criterion::{BatchSize, BenchmarkId, Criterion, SamplingMode, Throughput};
    use std::hint::black_box;
    use std::time::Duration;
    use zhibiao::attach::extract::DocContext;
    use zhibiao::attach::{extract, region};
    use zhibiao::{clean, decode, keywords, normalise, quantity, segment, Options};

    /// One document, with each stage's input prepared once.
    struct Doc {
        name: String,
        bytes: Vec<u8>,
        text: String,
        title: Option<String>,
        body: String,
        norm: String,
        ctx: DocContext,
        /// `(indicator, simplified sentence)` of every metric, the input of `classify`.
        classify_inputs: Vec<(String, String)>,
    }

    impl Doc {
        fn new(name: &str, bytes: Vec<u8>) -> Doc {
            let text = decode::decode(&bytes).expect("decodes").text;
            let cleaned = clean::clean(&text);
            let norm = normalise::normalise(&cleaned.body).text;
            let title = cleaned.meta.title.clone();
            let region = region::document_region(title.as_deref(), &norm, None).map(|p| p.name);
            let ctx = DocContext { date: cleaned.meta.date.clone(), region, ..Default::default() };
            let metrics = extract::extract(&norm, &cleaned.body, &ctx);
            // extract classifies with the analysed sentence; report.sentence is the
            // original one, which is the same text for Simplified input
            let nchars: Vec<char> = norm.chars().collect();
            let classify_inputs = metrics
                .iter()
                .map(|m| {
                    let (a, b) = sentence_of(&nchars, m.span[0]);
                    (m.indicator.clone(), nchars[a..b].iter().collect())
                })
                .collect();
            Doc { name: name.to_string(), bytes, text, title, body: cleaned.body, norm, ctx, classify_inputs }
        }
    }

    /// The sentence (as `segment::sentences` cuts it) around char `pos` of `chars`.
    fn sentence_of(chars: &[char], pos: usize) -> (usize, usize) {
        let mut a = pos;
        while a > 0 && !segment::is_sentence_end(chars[a - 1]) {
            a -= 1;
        }
        let mut b = pos;
        while b < chars.len() && !segment::is_sentence_end(chars[b]) {
            b += 1;
        }
        (a, (b + 1).min(chars.len()))
    }

    /// Everything the pipeline loads lazily, loaded now.
    fn warm(docs: &[Doc]) {
        keywords::warm();
        if let Some(d) = docs.first() {
            let _ = zhibiao::analyze(&d.bytes, &d.name);
        }
    }

    fn env_is(name: &str, value: &str) -> bool {
        std::env::var(name).is_ok_and(|v| v == value)
    }

    /// `stages` on every doc. `big` docs get flat sampling (each iteration is long).
    fn bench_stages(c: &mut Criterion, docs: &[Doc], big: bool, only_whole: bool) {
        let stage_names: &[&str] = if only_whole {
            &["analyze", "analyze_no_keywords"]
        } else {
            &[
                "decode",
                "clean",
                "normalise",
                "segment_sentences",
                "segment_jieba",
                "quantities",
                "region",
                "extract",
                "classify",
                "keywords",
                "analyze",
                "analyze_no_keywords",
            ]
        };
        for &stage in stage_names {
            let mut g = c.benchmark_group(stage);
            if big {
                g.sampling_mode(SamplingMode::Flat).sample_size(10).warm_up_time(Duration::from_millis(1));
            }
            for d in docs {
                g.throughput(Throughput::Bytes(d.bytes.len() as u64));
                let id = BenchmarkId::from_parameter(&d.name);
                match stage {
                    "decode" => g.bench_with_input(id, d, |b, d| b.iter(|| decode::decode(black_box(&d.bytes)))),
                    "clean" => g.bench_with_input(id, d, |b, d| b.iter(|| clean::clean(black_box(&d.text)))),
                    "normalise" => g.bench_with_input(id, d, |b, d| b.iter(|| normalise::normalise(black_box(&d.body)))),
                    // what extract does per paragraph before it looks at figures
                    "segment_sentences" => g.bench_with_input(id, d, |b, d| {
                        b.iter(|| {
                            let mut n = 0;
                            for line in black_box(&d.norm).split('\n') {
                                let chars: Vec<char> = line.chars().collect();
                                n += segment::sentences(&chars).len();
                            }
                            n
                        })
                    }),
                    // the shared jieba over the whole text (HMM on), what keywords and
                    // region rest on
                    "segment_jieba" => g.bench_with_input(id, d, |b, d| {
                        b.iter(|| segment::jieba().cut(black_box(&d.norm), true).len())
                    }),
                    // per paragraph, as extract calls it
                    "quantities" => g.bench_with_input(id, d, |b, d| {
                        b.iter(|| black_box(&d.norm).split('\n').map(|l| quantity::find(l).len()).sum::<usize>())
                    }),
                    "region" => g.bench_with_input(id, d, |b, d| {
                        b.iter(|| region::document_region(d.title.as_deref(), black_box(&d.norm), None))
                    }),
                    // paragraphs → sentences → quantities → indicator/change/period/region
                    // attached → classify
                    "extract" => g.bench_with_input(id, d, |b, d| {
                        b.iter(|| extract::extract(black_box(&d.norm), &d.body, &d.ctx))
                    }),
                    "classify" => g.bench_with_input(id, d, |b, d| {
                        b.iter(|| {
                            d.classify_inputs
                                .iter()
                                .map(|(i, s)| zhibiao::attach::classify::classify(black_box(i), s).len())
                                .sum::<usize>()
                        })
                    }),
                    "keywords" => g.bench_with_input(id, d, |b, d| b.iter(|| keywords::keywords(black_box(&d.norm), 10))),
                    // the reports are dropped outside the timing (a 10 MB report is large)
                    "analyze" => g.bench_with_input(id, d, |b, d| {
                        b.iter_batched(|| (), |()| zhibiao::analyze(black_box(&d.bytes), &d.name), BatchSize::PerIteration)
                    }),
                    "analyze_no_keywords" => {
                        let opts = Options { keywords: false, ..Options::default() };
                        g.bench_with_input(id, d, |b, d| {
                            b.iter_batched(
                                || (),
                                |()| zhibiao::analyze_with(black_box(&d.bytes), &d.name, &opts),
                                BatchSize::PerIteration,
                            )
                        })
                    }
                    _ => unreachable!(),
                };
            }
            g.finish();
        }
    }

    pub fn main() {
        let seeds = common::seeds();
        // ZHIBIAO_BENCH_WRITE=DIR: write the large documents (for the CLI runs of
        // scripts/bench-native.sh) and stop
        if let Some(dir) = std::env::var_os("ZHIBIAO_BENCH_WRITE") {
            for mbs in [1usize, 10] {
                let path = std::path::Path::new(&dir).join(format!("{mbs}MB.txt"));
                std::fs::write(&path, common::large_document(&seeds, mbs << 20)).expect("writes the document");
                eprintln!("wrote {}", path.display());
            }
            return;
        }
        let test_mode = common::is_test_mode();
        let mut c = Criterion::default()
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_millis(1500))
            .sample_size(20)
            .configure_from_args();

        let articles: Vec<Doc> = seeds.iter().map(|(n, b)| Doc::new(n, b.clone())).collect();
        warm(&articles);
        eprintln!(
            "articles: {}",
            articles.iter().map(|d| format!("{} {} B, {} metrics", d.name, d.bytes.len(), d.classify_inputs.len())).collect::<Vec<_>>().join("; ")
        );
        bench_stages(&mut c, &articles, false, false);

        if test_mode && !env_is("ZHIBIAO_BENCH_LARGE", "1") {
            eprintln!("test mode: the 1 MB and 10 MB documents are skipped (ZHIBIAO_BENCH_LARGE=1 runs them)");
        } else {
            // ZHIBIAO_BENCH_SIZES=1 (MB, comma-separated) to profile one size alone
            let sizes = std::env::var("ZHIBIAO_BENCH_SIZES").unwrap_or_else(|_| "1,10".to_string());
            for mbs in sizes.split(',').filter_map(|s| s.trim().parse::<usize>().ok()) {
                let name = format!("{mbs}MB");
                let doc = Doc::new(&name, common::large_document(&seeds, mbs << 20));
                eprintln!("{name}: {} B, {} metrics", doc.bytes.len(), doc.classify_inputs.len());
                // every stage on 1 MB; on larger documents the whole pipeline only, unless
                // ZHIBIAO_BENCH_10MB=all (each stage then takes ~10 × its time)
                let only_whole = mbs > 1 && !env_is("ZHIBIAO_BENCH_10MB", "all");
                bench_stages(&mut c, std::slice::from_ref(&doc), true, only_whole);
            }
        }
        c.final_summary();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
