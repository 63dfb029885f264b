//! The figures need no word segmenter: every seed and corpus article analysed without
//! keywords leaves jieba's dictionary unbuilt (the browser shows the figures before it
//! loads; issue 12). Its own test binary, so no other test has loaded the dictionary.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

#[test]
fn figures_never_load_the_dictionary() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let opts = zhibiao::Options { keywords: false, ..Default::default() };
    let mut n = 0;
    for dir in ["seeds", "corpus"] {
        let Ok(entries) = std::fs::read_dir(shared.join(dir)) else { continue };
        for e in entries {
            let path = e.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let _ = zhibiao::analyze_with(&bytes, &name, &opts);
            n += 1;
        }
    }
    // without the shared articles, a sample that touches every stage
    let sample = "标题：石家庄市上半年经济运行\n今年上半年，全市地区生产总值3291.2亿元，同比增长4.1%；长安区改造老旧小区313个。";
    zhibiao::analyze_with(sample.as_bytes(), "sample.txt", &opts).unwrap();
    assert!(!zhibiao::segment::dictionary_loaded(), "the figures of {n} articles loaded jieba's dictionary");
    // and the keywords do load it (the flag works)
    zhibiao::keywords::keywords("全市地区生产总值增长", 5);
    assert!(zhibiao::segment::dictionary_loaded());
}
