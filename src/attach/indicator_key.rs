//! The standard indicator behind an indicator phrase (SPEC §2 `indicator_key`), from
//! `lexicons/indicators.txt`: `城镇新增就业`, `新增城镇就业` and `城镇新增就业人数` all
//! become `城镇新增就业人数`, so figures line up across documents however they are worded.
//!
//! A phrase has a key when, once its region word, period, verb and change word are set
//! aside, what is left is one of the key's synonyms; the longest synonym wins, so
//! `农村居民人均可支配收入` is not `居民人均可支配收入`. Anything else before or after the
//! synonym makes it another indicator (`汽车工业增加值`, `城镇新增就业完成全年任务比例`)
//! and gives no key. [`category_of`] is looser: a phrase that ends in a standard
//! indicator belongs to that indicator's category.

/// A standard statistical indicator: its canonical name and its SPEC category.
#[derive(Debug, PartialEq, Eq)]
pub struct Indicator {
    pub key: &'static str,
    pub category: &'static str,
}

#[path = "indicator_spelling.rs"]
mod spelling;
pub use spelling::normalise;

// INDICATORS (`key | category | synonym …` lines, in order), SYNONYMS (every synonym
// normalised, with the index of its indicator) and BY_FIRST (the synonyms by their first
// character, sorted): built from lexicons/indicators.txt by build.rs. An index by first
// character, not an Aho-Corasick automaton: the phrases looked up are short, and the
// automaton over 1 500 synonyms took ~4 ms to build natively; parsing and normalising the
// lexicon at run time was a tenth of that, which the browser's first report still paid.
include!(concat!(env!("OUT_DIR"), "/indicators.rs"));

/// The synonyms (indices into SYNONYMS) that begin with `c`.
fn synonyms_from(c: char) -> &'static [u16] {
    BY_FIRST.binary_search_by_key(&c, |&(first, _)| first).map_or(&[], |at| BY_FIRST[at].1)
}

/// Words that may stand before a synonym without changing what it measures: the region
/// (`全市`, `河北省`, `我国`), the period (`2023年`, `上半年`, `1-10月`), a verb or
/// adverb (`实现`, `累计`), a bulletin's `按常住地分`. Read by [`prefix`], by hand (issue 12:
/// no regex compiled before the first report); the regex it replaced is the tests' oracle.
const PROVINCES: &[&str] = &[
    "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南",
    "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "台湾", "香港", "澳门", "中国", "全国",
    "我国", "全球",
];
// 社会: `全社会` (全社会用电量, 全社会研发经费) is the whole of the region, as in the bulletins
const REGION_UNITS: &[&str] = &["国", "省", "市", "区", "县", "州", "盟", "旗", "镇", "乡", "街道", "村", "社会"];
const PLACE_UNITS: &[&str] = &["自治区", "自治州", "自治县", "特别行政区", "街道", "省", "市", "县", "区", "州", "盟", "旗", "镇", "乡"];
const VERBS: &[&str] = &[
    "按常住地分", "其中", "实现", "完成", "达到", "累计", "共计", "合计", "总计", "共有", "共", "拥有", "有", "为", "是", "约", "已经", "已", "全部",
    "分别", "全面", "主要",
];

/// Unicode's `\p{Han}` (the Han script) and `\d` (decimal digits), which this pattern
/// used unnarrowed (it never went through `pattern::regex`): regex-syntax 0.8's tables,
/// copied; a test checks them against regex-syntax. A table, not a parsed class: the
/// wasm module then links no regex code at all.
const HAN: &[(char, char)] = &[
    ('\u{2E80}', '\u{2E99}'), ('\u{2E9B}', '\u{2EF3}'), ('\u{2F00}', '\u{2FD5}'), ('\u{3005}', '\u{3005}'), ('\u{3007}', '\u{3007}'), ('\u{3021}', '\u{3029}'),
    ('\u{3038}', '\u{303B}'), ('\u{3400}', '\u{4DBF}'), ('\u{4E00}', '\u{9FFF}'), ('\u{F900}', '\u{FA6D}'), ('\u{FA70}', '\u{FAD9}'), ('\u{16FE2}', '\u{16FE3}'),
    ('\u{16FF0}', '\u{16FF1}'), ('\u{20000}', '\u{2A6DF}'), ('\u{2A700}', '\u{2B739}'), ('\u{2B740}', '\u{2B81D}'), ('\u{2B820}', '\u{2CEA1}'), ('\u{2CEB0}', '\u{2EBE0}'),
    ('\u{2EBF0}', '\u{2EE5D}'), ('\u{2F800}', '\u{2FA1D}'), ('\u{30000}', '\u{3134A}'), ('\u{31350}', '\u{323AF}'),
];
const DIGIT: &[(char, char)] = &[
    ('\u{30}', '\u{39}'), ('\u{660}', '\u{669}'), ('\u{6F0}', '\u{6F9}'), ('\u{7C0}', '\u{7C9}'), ('\u{966}', '\u{96F}'), ('\u{9E6}', '\u{9EF}'),
    ('\u{A66}', '\u{A6F}'), ('\u{AE6}', '\u{AEF}'), ('\u{B66}', '\u{B6F}'), ('\u{BE6}', '\u{BEF}'), ('\u{C66}', '\u{C6F}'), ('\u{CE6}', '\u{CEF}'),
    ('\u{D66}', '\u{D6F}'), ('\u{DE6}', '\u{DEF}'), ('\u{E50}', '\u{E59}'), ('\u{ED0}', '\u{ED9}'), ('\u{F20}', '\u{F29}'), ('\u{1040}', '\u{1049}'),
    ('\u{1090}', '\u{1099}'), ('\u{17E0}', '\u{17E9}'), ('\u{1810}', '\u{1819}'), ('\u{1946}', '\u{194F}'), ('\u{19D0}', '\u{19D9}'), ('\u{1A80}', '\u{1A89}'),
    ('\u{1A90}', '\u{1A99}'), ('\u{1B50}', '\u{1B59}'), ('\u{1BB0}', '\u{1BB9}'), ('\u{1C40}', '\u{1C49}'), ('\u{1C50}', '\u{1C59}'), ('\u{A620}', '\u{A629}'),
    ('\u{A8D0}', '\u{A8D9}'), ('\u{A900}', '\u{A909}'), ('\u{A9D0}', '\u{A9D9}'), ('\u{A9F0}', '\u{A9F9}'), ('\u{AA50}', '\u{AA59}'), ('\u{ABF0}', '\u{ABF9}'),
    ('\u{FF10}', '\u{FF19}'), ('\u{104A0}', '\u{104A9}'), ('\u{10D30}', '\u{10D39}'), ('\u{10D40}', '\u{10D49}'), ('\u{11066}', '\u{1106F}'), ('\u{110F0}', '\u{110F9}'),
    ('\u{11136}', '\u{1113F}'), ('\u{111D0}', '\u{111D9}'), ('\u{112F0}', '\u{112F9}'), ('\u{11450}', '\u{11459}'), ('\u{114D0}', '\u{114D9}'), ('\u{11650}', '\u{11659}'),
    ('\u{116C0}', '\u{116C9}'), ('\u{116D0}', '\u{116E3}'), ('\u{11730}', '\u{11739}'), ('\u{118E0}', '\u{118E9}'), ('\u{11950}', '\u{11959}'), ('\u{11BF0}', '\u{11BF9}'),
    ('\u{11C50}', '\u{11C59}'), ('\u{11D50}', '\u{11D59}'), ('\u{11DA0}', '\u{11DA9}'), ('\u{11F50}', '\u{11F59}'), ('\u{16130}', '\u{16139}'), ('\u{16A60}', '\u{16A69}'),
    ('\u{16AC0}', '\u{16AC9}'), ('\u{16B50}', '\u{16B59}'), ('\u{16D70}', '\u{16D79}'), ('\u{1CCF0}', '\u{1CCF9}'), ('\u{1D7CE}', '\u{1D7FF}'), ('\u{1E140}', '\u{1E149}'),
    ('\u{1E2F0}', '\u{1E2F9}'), ('\u{1E4F0}', '\u{1E4F9}'), ('\u{1E5F1}', '\u{1E5FA}'), ('\u{1E950}', '\u{1E959}'), ('\u{1FBF0}', '\u{1FBF9}'),
];

fn in_ranges(r: &[(char, char)], c: char) -> bool {
    r.binary_search_by(|&(a, b)| if b < c { std::cmp::Ordering::Less } else if a > c { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Equal }).is_ok()
}

fn han(c: char) -> bool {
    in_ranges(HAN, c)
}

fn digit(c: char) -> bool {
    in_ranges(DIGIT, c)
}

/// The byte ends `\d{lo,hi}` can take at the start of `s`, longest first.
fn digit_ends(s: &str, lo: usize, hi: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut b = 0;
    for (k, c) in s.chars().take(hi).enumerate() {
        if !digit(c) {
            break;
        }
        b += c.len_utf8();
        if k + 1 >= lo {
            ends.push(b);
        }
    }
    ends.reverse();
    ends
}

/// `^(?:region|(place)|province|period|verb)` at the start of `p`: the byte length of the
/// match and the place, when it is one; the alternatives in the old pattern's order.
fn prefix(p: &str) -> Option<(usize, Option<&str>)> {
    let word = |s: &str, words: &[&str]| words.iter().find(|w| s.starts_with(*w)).map(|w| w.len());
    // (?:全|我|本|该)(?:国|省|…|村)
    if let Some(r) = p.strip_prefix(['全', '我', '本', '该']) {
        if let Some(n) = word(r, REGION_UNITS) {
            return Some((p.len() - r.len() + n, None));
        }
    }
    // \p{Han}{1,7}?(?:自治区|…|乡): the fewest characters before a unit
    let mut i = 0;
    for c in p.chars().take(7).take_while(|&c| han(c)) {
        i += c.len_utf8();
        if let Some(n) = word(&p[i..], PLACE_UNITS) {
            return Some((i + n, Some(&p[..i + n])));
        }
    }
    if let Some(n) = word(p, PROVINCES) {
        return Some((n, None));
    }
    if let Some(n) = period(p) {
        return Some((n, None));
    }
    word(p, VERBS).map(|n| (n, None))
}

/// The period words of [`prefix`]: `\d{4}年度?|[今去前明上本当同]年度?|全年|年内|年末|年底|年初|年均|[上下]半年|前?[一二三四1-4]季度|
/// \d{1,2}(?:[-—~～至到]\d{1,2})?月份?|截至目前|截至年底|目前|\p{Han}{1,2}年来|十[一二三四五]五(?:时期|期间|以来)?|期间|以来`.
fn period(p: &str) -> Option<usize> {
    let word = |s: &str, words: &[&str]| words.iter().find(|w| s.starts_with(*w)).map(|w| w.len());
    // 年度?: 年 and, when there, 度
    let nian_du = |i: usize| word(&p[i..], &["年度", "年"]).map(|n| i + n);
    if let Some(e) = digit_ends(p, 4, 4).first().and_then(|&d| nian_du(d)) {
        return Some(e);
    }
    if let Some(e) = p.strip_prefix(['今', '去', '前', '明', '上', '本', '当', '同']).and_then(|r| nian_du(p.len() - r.len())) {
        return Some(e);
    }
    if let Some(n) = word(p, &["全年", "年内", "年末", "年底", "年初", "年均", "上半年", "下半年"]) {
        return Some(n);
    }
    // 前?[一二三四1-4]季度
    let q = p.strip_prefix('前').unwrap_or(p);
    if let Some(r) = q.strip_prefix(['一', '二', '三', '四', '1', '2', '3', '4']) {
        if let Some(t) = r.strip_prefix("季度") {
            return Some(p.len() - t.len());
        }
    }
    // \d{1,2}(?:[-—~～至到]\d{1,2})?月份?
    for a in digit_ends(p, 1, 2) {
        let mut ends: Vec<usize> = match p[a..].strip_prefix(['-', '—', '~', '～', '至', '到']) {
            Some(r) => digit_ends(r, 1, 2).into_iter().map(|b| p.len() - r.len() + b).collect(),
            None => Vec::new(),
        };
        ends.push(a);
        if let Some(e) = ends.into_iter().find_map(|e| p[e..].strip_prefix('月').map(|t| p.len() - t.len())) {
            return Some(e + word(&p[e..], &["份"]).unwrap_or(0));
        }
    }
    if let Some(n) = word(p, &["截至目前", "截至年底", "目前"]) {
        return Some(n);
    }
    // \p{Han}{1,2}年来
    let hans: Vec<usize> = p.char_indices().take(2).take_while(|&(_, c)| han(c)).map(|(i, c)| i + c.len_utf8()).collect();
    if let Some(e) = hans.iter().rev().find_map(|&i| p[i..].strip_prefix("年来").map(|t| p.len() - t.len())) {
        return Some(e);
    }
    // 十[一二三四五]五(?:时期|期间|以来)?
    if let Some(t) = p.strip_prefix('十').and_then(|r| r.strip_prefix(['一', '二', '三', '四', '五'])).and_then(|r| r.strip_prefix('五')) {
        let e = p.len() - t.len();
        return Some(e + word(t, &["时期", "期间", "以来"]).unwrap_or(0));
    }
    word(p, &["期间", "以来"])
}

/// Words ending like a place that are not one (`城乡`, `小区`, `园区`, `景区`).
const NOT_PLACES: &[&str] = &["城镇", "乡镇", "城乡", "小区", "社区", "园区", "景区", "城区", "辖区", "片区", "校区", "库区", "山区", "矿区", "林区", "牧区", "湖区", "郊区", "地区", "专区", "城市"];

/// Words that may follow a synonym: a change (`增长`, `下降`), a verb (`达到`), or a
/// word that only restates the measure (`人数`, `总量`).
const SUFFIXES: &[&str] = &[
    "比上年", "比去年", "比上年末", "同比", "环比", "年均", "平均", "增长", "增速", "增幅", "增加", "下降", "降低", "降幅", "减少", "提高", "提升",
    "上升", "上涨", "涨幅", "回落", "分别", "达到", "实现", "完成", "突破", "超过", "达", "为", "是", "约", "共", "累计", "稳定在", "保持在", "控制在",
    "总量", "总额", "规模", "人数", "总数", "数量", "数", "水平", "合计", "了",
];

/// Drops what [`prefix`] allows from the front until nothing more goes; true when
/// nothing is left.
fn prefix_ok(mut p: &str) -> bool {
    while !p.is_empty() {
        let Some((whole, place)) = prefix(p) else { return false };
        if whole == 0 {
            return false;
        }
        if let Some(s) = place {
            if NOT_PLACES.iter().any(|w| s.ends_with(w)) {
                return false;
            }
        }
        p = &p[whole..];
    }
    true
}

/// Drops the [`SUFFIXES`] from the end until nothing more goes; true when nothing is left.
fn suffix_ok(mut t: &str) -> bool {
    'strip: while !t.is_empty() {
        for s in SUFFIXES {
            if let Some(rest) = t.strip_suffix(s) {
                t = rest;
                continue 'strip;
            }
        }
        // also from the front: `增长` in `增长到`
        for s in SUFFIXES {
            if let Some(rest) = t.strip_prefix(s) {
                t = rest;
                continue 'strip;
            }
        }
        return false;
    }
    true
}

/// Separators that end a phrase: only the part between them around a synonym counts.
fn is_separator(c: char) -> bool {
    matches!(c, ',' | '，' | ';' | '；' | ':' | '：' | '。' | '!' | '！' | '?' | '？')
}

/// A synonym found in a phrase: its indicator, length in chars, and the text before and
/// after it within the phrase's clause.
struct Found<'a> {
    indicator: usize,
    chars: usize,
    before: &'a str,
    after: &'a str,
}

/// Every synonym in `phrase`, overlapping ones too, in the order of where they end.
fn found(phrase: &str) -> Vec<Found<'_>> {
    let mut hits: Vec<(usize, usize, usize)> = Vec::new(); // (end, start, synonym)
    for (i, c) in phrase.char_indices() {
        for &k in synonyms_from(c) {
            let k = k as usize;
            if phrase[i..].starts_with(SYNONYMS[k].0) {
                hits.push((i + SYNONYMS[k].0.len(), i, k));
            }
        }
    }
    hits.sort_unstable_by_key(|&(end, start, _)| (end, start));
    hits.into_iter()
        .map(|(end, start, k)| {
            let before = &phrase[..start];
            let before = before.rfind(is_separator).map_or(before, |i| &before[i + before[i..].chars().next().map_or(1, char::len_utf8)..]);
            let after = &phrase[end..];
            let after = after.find(is_separator).map_or(after, |i| &after[..i]);
            let (syn, indicator) = &SYNONYMS[k];
            Found { indicator: *indicator, chars: syn.chars().count(), before, after }
        })
        .collect()
}

/// `占` that makes what follows a denominator (`占地区生产总值比重`), not `占地`.
fn after_share(before: &str) -> bool {
    before.match_indices('占').any(|(i, _)| !before[i..].starts_with("占地"))
}

/// The standard indicator an indicator phrase names, if any.
pub fn lookup(indicator: &str) -> Option<&'static Indicator> {
    let phrase = normalise(indicator);
    let best = found(&phrase)
        .into_iter()
        .filter(|f| !after_share(f.before) && prefix_ok(f.before) && suffix_ok(f.after))
        .max_by_key(|f| f.chars)?;
    INDICATORS.get(best.indicator)
}

/// The category of the standard indicator a phrase ends in (whatever stands before it:
/// `三甲医院` is about hospitals), for classification; `None` when it ends in none.
pub fn category_of(indicator: &str) -> Option<&'static str> {
    let phrase = normalise(indicator);
    let best = found(&phrase)
        .into_iter()
        .filter(|f| !after_share(f.before) && suffix_ok(f.after))
        .max_by_key(|f| f.chars)?;
    INDICATORS.get(best.indicator).map(|i| i.category)
}

/// Every indicator of the lexicon (for tests and tools).
pub fn all() -> &'static [Indicator] {
    &INDICATORS
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashMap;

    #[test]
    fn lexicon_is_well_formed() {
        assert!(INDICATORS.len() >= 300, "{} keys", INDICATORS.len());
        let mut keys = FxHashMap::default();
        for ind in &INDICATORS {
            assert!(super::super::classify::ALL.contains(&ind.category), "{}: {}", ind.key, ind.category);
            assert!(keys.insert(ind.key, ()).is_none(), "key twice: {}", ind.key);
        }
        // a synonym names one indicator only
        let mut owner: FxHashMap<&str, usize> = FxHashMap::default();
        for &(s, i) in &SYNONYMS {
            if let Some(&j) = owner.get(s) {
                assert_eq!(i, j, "{s} belongs to {} and {}", INDICATORS[j].key, INDICATORS[i].key);
            }
            owner.insert(s, i);
        }
    }

    /// The tables build.rs wrote hold what the lexicon says, spelled as `normalise` spells.
    #[test]
    fn tables_are_the_lexicon() {
        let lines: Vec<&str> = crate::lexicon::entries(include_str!("../../lexicons/indicators.txt")).filter(|l| l.split('|').count() >= 2).collect();
        assert_eq!(lines.len(), INDICATORS.len());
        for (line, ind) in lines.iter().zip(&INDICATORS) {
            let mut cols = line.split('|').map(str::trim);
            assert_eq!((cols.next(), cols.next()), (Some(ind.key), Some(ind.category)));
            for syn in std::iter::once(ind.key).chain(cols.next().unwrap_or("").split_whitespace()) {
                assert!(SYNONYMS.contains(&(normalise(syn).as_str(), INDICATORS.iter().position(|i| i.key == ind.key).unwrap())), "{syn}");
            }
        }
        assert!(BY_FIRST.windows(2).all(|w| w[0].0 < w[1].0), "BY_FIRST sorted for the binary search");
        for (c, list) in &BY_FIRST {
            assert!(list.iter().all(|&k| SYNONYMS[k as usize].0.starts_with(*c)));
        }
        assert_eq!(BY_FIRST.iter().map(|(_, l)| l.len()).sum::<usize>(), SYNONYMS.len());
    }

    #[test]
    fn every_key_finds_itself() {
        for ind in all() {
            assert_eq!(lookup(ind.key).map(|i| i.key), Some(ind.key));
        }
    }

    /// Phrases as statistical bulletins (公报), government work reports (报告) and local
    /// news (新闻) word them, with the key they must get.
    #[test]
    fn phrases_get_their_keys() {
        for (phrase, key) in [
            // 政府工作报告 主要预期目标 and 民生实事
            ("城镇新增就业", "城镇新增就业人数"),
            ("新增城镇就业", "城镇新增就业人数"),
            ("城镇新增就业人数", "城镇新增就业人数"),
            ("全年城镇新增就业", "城镇新增就业人数"),
            ("城镇调查失业率", "城镇调查失业率"),
            ("全国城镇调查失业率平均值", "城镇调查失业率"),
            ("居民消费价格涨幅", "居民消费价格指数"),
            ("单位国内生产总值能耗降低", "单位国内生产总值能耗"),
            ("万元GDP能耗下降", "单位国内生产总值能耗"),
            ("改造老旧小区", "城镇老旧小区改造"),
            ("新增学位", "新增学位"),
            ("家庭养老床位", "家庭养老床位"),
            ("每千人口拥有3岁以下婴幼儿托位数", "每千人口拥有3岁以下婴幼儿托位数"),
            ("每千人口托位数", "每千人口拥有3岁以下婴幼儿托位数"),
            // 统计公报: 综合
            ("全市地区生产总值", "地区生产总值"),
            ("实现地区生产总值", "地区生产总值"),
            ("全年国内生产总值", "地区生产总值"),
            ("GDP", "地区生产总值"),
            ("gdp增长", "地区生产总值"),
            ("石家庄市生产总值", "地区生产总值"),
            ("河北省2023年地区生产总值", "地区生产总值"),
            ("第一产业增加值", "第一产业增加值"),
            ("第三产业增加值增长", "第三产业增加值"),
            ("第三产业增加值占地区生产总值比重", "第三产业增加值占地区生产总值比重"),
            ("人均地区生产总值", "人均地区生产总值"),
            ("居民消费价格总水平下降", "居民消费价格指数"),
            ("全年居民消费价格比上年上涨", "居民消费价格指数"),
            // 农业, 工业, 投资, 贸易, 金融
            ("全年粮食总产量", "粮食产量"),
            ("粮食播种面积", "粮食播种面积"),
            ("规模以上工业增加值增长", "规模以上工业增加值"),
            ("规上工业增加值", "规模以上工业增加值"),
            ("全部工业增加值", "工业增加值"),
            ("高技术制造业增加值占规模以上工业增加值的比重", "高技术制造业增加值占规模以上工业增加值比重"),
            ("固定资产投资（不含农户）", "固定资产投资"),
            ("社会消费品零售总额", "社会消费品零售总额"),
            ("货物进出口总额", "货物进出口总额"),
            ("年末金融机构本外币各项存款余额", "金融机构本外币各项存款余额"),
            ("一般公共预算收入", "一般公共预算收入"),
            // 居民收入消费和社会保障
            ("居民人均可支配收入", "居民人均可支配收入"),
            ("全体居民人均可支配收入", "居民人均可支配收入"),
            ("按常住地分,城镇居民人均可支配收入", "城镇居民人均可支配收入"),
            ("城镇常住居民人均可支配收入", "城镇居民人均可支配收入"),
            ("农村居民人均可支配收入", "农村居民人均可支配收入"),
            ("年末全国参加基本养老保险人数", "基本养老保险参保人数"),
            ("城乡居民基本医疗保险参保人数", "城乡居民基本医疗保险参保人数"),
            // 教育, 卫生, 文化, 环境
            ("九年义务教育巩固率", "九年义务教育巩固率"),
            ("每千人口拥有执业医师", "每千人口执业（助理）医师数"),
            ("每千人口执业（助理）医师数", "每千人口执业（助理）医师数"),
            ("全市空气质量优良天数比例", "空气质量优良天数比例"),
            ("PM2.5平均浓度", "细颗粒物平均浓度"),
            ("地表水Ⅰ～Ⅲ类水质断面比例", "地表水水质优良断面比例"),
            ("人均公园绿地面积", "人均公园绿地面积"),
            ("森林覆盖率", "森林覆盖率"),
            ("接待国内游客", "国内旅游人次"),
        ] {
            assert_eq!(lookup(phrase).map(|i| i.key), Some(key), "{phrase}");
        }
    }

    #[test]
    fn other_indicators_get_no_key() {
        for phrase in [
            "工业用地",                       // not 工业增加值
            "汽车工业增加值",                 // a branch, not the whole of industry
            "增加值",                         // too general to be any
            "城镇新增就业完成全年任务比例",   // progress against a target
            "第三产业占比",                   // has its own key, checked below
            "工业互联网产业增加值占GDP比重", // GDP is the denominator
            "城乡居民人均可支配收入",         // both at once (SPEC: 分别 distributes)
            "居民收入占比",
            "新增公园绿地",                   // a flow, not the stock 公园绿地面积
            "粮食价格",
            "出口退税",
            "老旧小区物业费",
            "",
            "某某",
        ] {
            let got = lookup(phrase).map(|i| i.key);
            if phrase == "第三产业占比" {
                assert_eq!(got, Some("第三产业增加值占地区生产总值比重"));
            } else {
                assert_eq!(got, None, "{phrase}");
            }
        }
    }

    #[test]
    fn category_follows_the_head_indicator() {
        assert_eq!(category_of("每千人口拥有执业医师"), Some("health"));
        assert_eq!(category_of("三甲医院"), Some("health"));
        assert_eq!(category_of("统调装机容量"), Some("economy"));
        assert_eq!(category_of("进口药品"), None);
        assert_eq!(category_of("罚款占本级收入"), None);
    }

    #[test]
    fn normalises_spellings() {
        assert_eq!(normalise("执业（助理）医师"), "执业助理医师");
        assert_eq!(normalise("ｇｄｐ 的 增长"), "GDP增长");
        assert_eq!(normalise("劣Ⅴ类"), "劣V类");
    }

    use regex::Regex;

    // The pattern `prefix` replaced, the oracle: words that may stand before a synonym
    // without changing what it measures.
    static PREFIX: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        let provinces = "北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|台湾|香港|澳门|中国|全国|我国|全球";
        let region = r"(?:全|我|本|该)(?:国|省|市|区|县|州|盟|旗|镇|乡|街道|村|社会)";
        let place = r"\p{Han}{1,7}?(?:自治区|自治州|自治县|特别行政区|街道|省|市|县|区|州|盟|旗|镇|乡)";
        let period = r"\d{4}年度?|[今去前明上本当同]年度?|全年|年内|年末|年底|年初|年均|[上下]半年|前?[一二三四1-4]季度|\d{1,2}(?:[-—~～至到]\d{1,2})?月份?|截至目前|截至年底|目前|\p{Han}{1,2}年来|十[一二三四五]五(?:时期|期间|以来)?|期间|以来";
        let verb = r"按常住地分|其中|实现|完成|达到|累计|共计|合计|总计|共有|共|拥有|有|为|是|约|已经|已|全部|分别|全面|主要";
        Regex::new(&format!(r"^(?:{region}|({place})|{provinces}|{period}|{verb})")).expect("prefix pattern compiles")
    });


    #[test]
    fn unicode_tables_are_regex_syntaxs() {
        let ranges = |p: &str| -> Vec<(char, char)> {
            match regex_syntax::parse(p).unwrap().into_kind() {
                regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(c)) => c.ranges().iter().map(|r| (r.start(), r.end())).collect(),
                _ => unreachable!(),
            }
        };
        assert_eq!(HAN, ranges(r"\p{Han}"));
        assert_eq!(DIGIT, ranges(r"\d"));
    }

    #[test]
    fn prefix_as_the_regex_did() {
        let check = |s: &str| {
            let want = PREFIX.captures(s).map(|c| (c.get(0).unwrap().end(), c.get(1).map(|m| m.as_str())));
            assert_eq!(prefix(s), want, "{s:?}");
        };
        for line in crate::pattern::oracle::lines() {
            for (i, _) in line.char_indices() {
                check(&line[i..]);
            }
        }
        let a = [
            "全", "我", "市", "区", "街道", "石家庄", "自治", "县", "特别行政区", "河北", "内蒙古", "2023", "12", "1", "٣", "２", "年", "度", "今", "同", "全年",
            "上半年", "前", "三", "4", "季度", "-", "至", "月", "份", "截至", "目前", "年来", "十", "五", "时期", "期间", "以来", "共计", "共", "有", "〇", "々", "x",
        ];
        for s in crate::pattern::oracle::random(&a, 200_000, 8) {
            check(&s);
        }
    }
}
