//! Issue 5: property tests on stable Rust, bounded so that the file runs in seconds in
//! release. Run more cases with `PROPTEST_CASES=5000 cargo test --release --test properties`.
//!
//! - the pipeline never panics on arbitrary bytes, arbitrary Unicode, or Chinese-ish text
//!   made of words, numbers, multipliers, units and punctuation;
//! - every span lies inside `text` and its slice equals `raw`; values are finite;
//!   `value_max` ≥ `value`;
//! - the same bytes twice give the same report;
//! - Simplified → Traditional (zhconv) leaves the set of (value, unit) pairs unchanged;
//! - full-width digits give the same metrics as half-width ones.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::Config;
use std::collections::BTreeSet;
use zhibiao::report::Report;
use zhibiao::{analyze_with, Error, Options};

fn opts() -> Options {
    Options { keywords: false, ..Options::default() }
}

fn config(cases: u32) -> Config {
    // PROPTEST_CASES overrides, for longer local runs
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(cases);
    Config { cases, failure_persistence: None, ..Config::default() }
}

/// The invariants of issue 5 on any report.
fn invariants(r: &Report) -> Result<(), TestCaseError> {
    let chars: Vec<char> = r.text.chars().collect();
    for m in &r.metrics {
        let [s, e] = m.span;
        prop_assert!(s <= e && e <= chars.len(), "span {:?} outside {} chars: {:?}", m.span, chars.len(), r.text);
        let got: String = chars[s..e].iter().collect();
        prop_assert_eq!(&got, &m.raw, "span {:?} of {:?}", m.span, r.text);
        prop_assert!(m.value.is_finite(), "value {} from {}", m.value, m.raw);
        if let Some(mx) = m.value_max {
            prop_assert!(mx.is_finite() && mx >= m.value, "value_max {} < value {} in {}", mx, m.value, m.raw);
        }
        if let Some(c) = &m.change {
            prop_assert!(c.value.is_finite(), "change {} in {}", c.value, c.raw);
        }
    }
    if let Some(o) = &r.original_text {
        prop_assert_eq!(o.chars().count(), chars.len(), "original_text not aligned");
    }
    Ok(())
}

fn check(bytes: &[u8]) -> Result<Option<Report>, TestCaseError> {
    match analyze_with(bytes, "p.txt", &opts()) {
        Ok(r) => {
            invariants(&r)?;
            Ok(Some(r))
        }
        Err(Error::TooLarge { .. }) => Err(TestCaseError::fail("small input refused as too large")),
        Err(_) => Ok(None),
    }
}

// ---- generators ----

const WORDS: &[&str] = &[
    "全市", "全区", "今年", "上半年", "2021年", "去年", "地区生产总值", "城镇新增就业", "居民人均可支配收入",
    "改造老旧小区", "达到", "实现", "增长", "下降", "提高", "比上年", "同比", "约", "近", "超过", "不到",
    "左右", "以上", "以内", "分别", "和", "、", "第", "期间", "截至", "月", "日", "“", "”", "《", "》", "的",
    "百分之", "十四五", "点", "由", "到", "至", "-", "~", "：", ":", "/", "比", "倍差", "绿地面积", "學校", "億",
    "萬", "個", "增長", "兩", "街道", "镇", "区", "嘉兴市南湖区", "发布时间", "\n", "\n\n", " ", "<p>", "</p>",
    "<script>", "</script>", "---\n", "title: ", "&amp;", "&#x4e00;", "\u{200b}", "\u{202e}", "\u{feff}", "😀",
    "𠀀", "\u{3000}", "·", "．", "，", "。", "；", "！", "(", ")", "（", "）", "+", "e", "E", "NaN", "inf",
];

const UNITS: &[&str] = &[
    "元", "万元", "亿元", "人", "万人", "户", "个", "套", "所", "家", "张", "项", "名", "场次", "人次", "剂次",
    "平方米", "万平方米", "亩", "吨", "公里", "%", "个百分点", "倍", "岁", "℃", "元/年", "万元/亩", "美元", "万", "亿", "万亿",
];

fn chinese_numeral(mut n: u64) -> String {
    const D: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    if n == 0 {
        return "零".into();
    }
    let mut parts = Vec::new();
    for (unit, big) in [(100_000_000u64, "亿"), (10_000, "万"), (1, "")] {
        let g = n / unit;
        n %= unit;
        if g == 0 {
            continue;
        }
        let mut s = String::new();
        let mut zero = false;
        for (p, name) in [(1000, "千"), (100, "百"), (10, "十"), (1, "")] {
            let d = (g / p) % 10;
            if d == 0 {
                zero = !s.is_empty();
                continue;
            }
            if zero {
                s.push('零');
                zero = false;
            }
            s.push(D[d as usize]);
            s.push_str(name);
        }
        parts.push(format!("{s}{big}"));
    }
    parts.concat()
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0u64..10_000_000).prop_map(|n| n.to_string()),
        4 => (0u64..100_000, 0u32..1000).prop_map(|(a, b)| format!("{a}.{b}")),
        1 => (1u64..1_000_000_000).prop_map(|n| {
            let s = n.to_string();
            let mut out = String::new();
            for (i, c) in s.chars().enumerate() {
                if i > 0 && (s.len() - i) % 3 == 0 { out.push(','); }
                out.push(c);
            }
            out
        }),
        2 => (0u64..100_000_000).prop_map(chinese_numeral),
        1 => (1usize..400).prop_map(|n| "9".repeat(n)),
        1 => (1usize..40, 1usize..40).prop_map(|(a, b)| format!("{}.{}", "7".repeat(a), "3".repeat(b))),
        1 => (0u32..100, 0u32..100).prop_map(|(a, b)| format!("{a}:{b}")),
        1 => (0u64..100_000).prop_map(|n| n.to_string().chars().map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap()).collect()),
    ]
}

/// Text made of the words, numbers, units and punctuation of development reporting.
fn chineseish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(WORDS).prop_map(str::to_string),
        3 => number(),
        2 => prop::sample::select(UNITS).prop_map(str::to_string),
        1 => "[\\p{Han}]{1,6}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// Realistic sentences: figures with clear units, rates and periods.
fn sentences() -> impl Strategy<Value = String> {
    const ITEMS: &[(&str, &str, &str)] = &[
        ("地区生产总值", "达到", "元"),
        ("城镇新增就业", "", "人"),
        ("改造老旧小区", "", "个"),
        ("新建学校", "", "所"),
        ("粮食产量", "达", "吨"),
        ("人均公园绿地面积", "为", "平方米"),
        ("完成植树造林", "", "亩"),
        ("新建农村公路", "", "公里"),
        ("新增养老床位", "", "张"),
        ("帮扶困难家庭", "", "户"),
        ("开展文化活动", "", "场次"),
        ("一般公共预算收入", "完成", "元"),
        ("建设保障性住房", "", "套"),
    ];
    const PERIODS: &[&str] = &["2021年，", "今年上半年，", "去年，", "截至目前，", ""];
    const WHERE: &[&str] = &["全市", "全区", "全县", ""];
    let one = (
        prop::sample::select(PERIODS),
        prop::sample::select(WHERE),
        prop::sample::select(ITEMS),
        prop_oneof![(1u64..100_000).prop_map(|n| n.to_string()), (1u64..10_000, 1u32..100).prop_map(|(a, b)| format!("{a}.{b}"))],
        prop::sample::select(&["", "万", "亿"][..]),
        proptest::option::of((prop::sample::select(&["增长", "下降", "提高"][..]), 0u32..100, 0u32..10)),
    )
        .prop_map(|(p, w, (ind, verb, unit), n, mult, chg)| {
            let mult = if unit == "元" || unit == "人" { mult } else { "" };
            let chg = chg.map_or(String::new(), |(v, a, b)| format!("，{v}{a}.{b}%"));
            format!("{p}{w}{ind}{verb}{n}{mult}{unit}{chg}。")
        });
    prop::collection::vec(one, 1..8).prop_map(|v| v.join(""))
}

fn pairs(r: &Report) -> BTreeSet<(u64, String)> {
    r.metrics.iter().map(|m| (m.value.to_bits(), m.unit.clone())).collect()
}

fn full_width_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' | '%' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            '.' => '．',
            _ => c,
        })
        .collect()
}

/// Whether normalise already turns Traditional into Simplified (branch `clean`); until
/// then the Traditional property is checked for panics and invariants only.
fn converts_traditional() -> bool {
    zhibiao::normalise::normalise("個萬億").text == "个万亿"
}

// ---- properties ----

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check(&bytes)?;
    }

    #[test]
    fn arbitrary_unicode_never_panics(chars in prop::collection::vec(any::<char>(), 0..512)) {
        let s: String = chars.into_iter().collect();
        check(s.as_bytes())?;
        // and the stages one by one
        let c = zhibiao::clean::clean(&s);
        let n = zhibiao::normalise::normalise(&c.body);
        prop_assert_eq!(n.text.chars().count(), c.body.chars().count());
        for q in zhibiao::quantity::find(&s) {
            prop_assert!(q.value.is_finite());
        }
    }

    #[test]
    fn chineseish_text_keeps_the_invariants(s in chineseish()) {
        check(s.as_bytes())?;
        let chars: Vec<char> = s.chars().collect();
        for q in zhibiao::quantity::find(&s) {
            prop_assert!(q.span[0] <= q.span[1] && q.span[1] <= chars.len());
            prop_assert_eq!(chars[q.span[0]..q.span[1]].iter().collect::<String>(), q.raw.clone());
            prop_assert!(q.value.is_finite() && q.value_max.is_none_or(|m| m.is_finite() && m >= q.value), "{:?}", q);
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn same_bytes_same_report(s in chineseish()) {
        // with keywords: their ranking must be stable too
        let a = zhibiao::analyze(s.as_bytes(), "a.txt");
        let b = zhibiao::analyze(s.as_bytes(), "a.txt");
        prop_assert_eq!(a, b);
    }

    #[test]
    fn traditional_has_the_same_figures(s in sentences()) {
        let hant = zhconv::zhconv(&s, zhconv::Variant::ZhHant);
        let a = check(s.as_bytes())?;
        let b = check(hant.as_bytes())?;
        if converts_traditional() {
            let (a, b) = (a.expect("a report"), b.expect("a report"));
            prop_assert_eq!(pairs(&a), pairs(&b), "\n{}\n{}", s, hant);
        }
    }

    #[test]
    fn full_width_digits_are_the_same_figures(s in sentences()) {
        let wide = full_width_digits(&s);
        let a = check(s.as_bytes())?.expect("a report");
        let b = check(wide.as_bytes())?.expect("a report");
        prop_assert!(!a.metrics.is_empty(), "{}", s);
        prop_assert_eq!(&a.text, &b.text);
        let strip = |r: &Report| r.metrics.iter().cloned().map(|mut m| { m.sentence.clear(); m }).collect::<Vec<_>>();
        prop_assert_eq!(strip(&a), strip(&b), "\n{}\n{}", s, wide);
    }
}
