//! The figures need no word segmenter and no regex: every seed and corpus article analysed
//! without keywords leaves jieba's dictionary unbuilt and compiles no regex (the browser
//! shows the figures before the dictionary loads, and compiling patterns was most of the
//! rest of its start-up; issue 12). Its own test binary, so no other test has loaded the
//! dictionary or compiled a pattern.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

#[test]
fn figures_never_load_the_dictionary_nor_compile_a_regex() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let opts = zhibiao::Options { keywords: false, ..Default::default() };
    let mut n = 0;
    // (tests/inputs: HTML, Markdown, tables, legacy encodings with <meta charset>)
    for dir in [here.join("../shared/seeds"), here.join("../shared/corpus"), here.join("tests/inputs")] {
        let Ok(entries) = std::fs::read_dir(dir) else { continue };
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
    assert_eq!(zhibiao::pattern::compiled(), 0, "the figures of {n} articles compiled regexes");
    // and the keywords do load it (the flag works)
    zhibiao::keywords::keywords("全市地区生产总值增长", 5);
    assert!(zhibiao::segment::dictionary_loaded());
}
