//! Indicators: the thing a figure measures, as a short noun phrase taken from its clause
//! — without the region word, the period, the verb or the number (SPEC §2).

use crate::lexicon::keyed;
use std::sync::LazyLock;

/// List numbering at the start of a phrase: `9.`, `(5)`, `一是`, `二、`, `其一,`. Returns
/// its length in bytes.
fn list_mark(s: &str) -> Option<usize> {
    const CN: &str = "一二三四五六七八九十";
    let num = |c: char| c.is_ascii_digit() || CN.contains(c);
    let mut it = s.char_indices().peekable();
    let skip_ws = |it: &mut std::iter::Peekable<std::str::CharIndices>| {
        while it.next_if(|&(_, c)| c.is_whitespace()).is_some() {}
    };
    let (_, first) = *it.peek()?;
    if matches!(first, '(' | '（') {
        it.next();
        skip_ws(&mut it);
        let mut n = 0;
        while it.next_if(|&(_, c)| num(c)).is_some() {
            n += 1;
        }
        skip_ws(&mut it);
        return match it.next() {
            Some((i, c)) if n > 0 && matches!(c, ')' | '）') => Some(i + c.len_utf8()),
            _ => None,
        };
    }
    if first == '其' {
        it.next();
        return it.next().filter(|&(_, c)| CN.contains(c)).map(|(i, c)| i + c.len_utf8());
    }
    let arabic = first.is_ascii_digit();
    if !num(first) {
        return None;
    }
    while it.next_if(|&(_, c)| if arabic { c.is_ascii_digit() } else { CN.contains(c) }).is_some() {}
    skip_ws(&mut it);
    match it.next() {
        // `9.` but not the decimal point of `9.5万`
        Some((i, c)) if arabic && (c == '、' || c == '.' && !it.peek().is_some_and(|&(_, d)| d.is_ascii_digit())) => Some(i + c.len_utf8()),
        Some((i, c)) if !arabic && matches!(c, '、' | '是') => Some(i + c.len_utf8()),
        _ => None,
    }
}

struct Words {
    prefix: Vec<&'static str>,
    suffix: Vec<&'static str>,
    cut: Vec<&'static str>,
    relational: Vec<&'static str>,
    localiser: Vec<&'static str>,
    speech: Vec<&'static str>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut w = Words { prefix: vec![], suffix: vec![], cut: vec![], relational: vec![], localiser: vec![], speech: vec![] };
    for (k, ws) in keyed(include_str!("../../lexicons/indicator_words.txt")) {
        let list = match k {
            "prefix" => &mut w.prefix,
            "suffix" => &mut w.suffix,
            "cut" => &mut w.cut,
            "relational" => &mut w.relational,
            "localiser" => &mut w.localiser,
            "speech" => &mut w.speech,
            _ => continue,
        };
        list.extend(ws);
    }
    for l in [&mut w.prefix, &mut w.suffix, &mut w.cut] {
        l.sort_by_key(|s| std::cmp::Reverse(s.len()));
    }
    w
});

/// Longest indicator kept, in chars; longer phrases keep their end, where the noun is.
const MAX_CHARS: usize = 24;
/// Longest noun taken from after a figure (`192个贫困村全部出列` → `贫困村`).
const MAX_AFTER: usize = 16;

fn is_punct(c: char) -> bool {
    !(c.is_alphanumeric() || matches!(c, '“' | '”' | '(' | ')' | '（' | '）' | '"' | '《' | '》'))
}

/// Trims `phrase` of region words, the given periods and other removable words, and the
/// verbs and particles at its end.
pub fn strip(phrase: &str, removable: &[&str]) -> String {
    let mut s = phrase.to_string();
    for r in removable {
        if !r.is_empty() {
            s = s.replace(r, "");
        }
    }
    // a headline's phrases are parted by spaces (`以军与巴武装组织交火 加沙地带死亡人数超`):
    // the figure belongs to the last one
    if let Some(i) = last_phrase_break(&s) {
        s = s[i..].to_string();
    }
    // a quotation the figure stands in: what it says (`一则“…电价平均每度涨`)
    if let Some(i) = s.rfind('“').filter(|&i| !s[i..].contains('”')) {
        s = s[i + '“'.len_utf8()..].to_string();
    }
    let w = &*WORDS;
    // what was said, not who said it: `国家发展改革委决定全国销售电价…` → `全国销售电价…`
    if let Some(i) = w.speech.iter().filter_map(|v| s.rfind(v).map(|i| i + v.len())).max() {
        if i < s.len() {
            s = s[i..].to_string();
        }
    }
    loop {
        let before = s.len();
        if let Some(end) = list_mark(&s) {
            s = s[end..].to_string();
        }
        s = s.trim_matches(|c: char| is_punct(c) || c == '”' && !s.contains('“')).to_string();
        if s.starts_with('”') || s.starts_with(')') {
            s.remove(0);
        }
        for p in &w.prefix {
            // `累计推出改革举措`: a cumulative count keeps its 累计 before its verb
            if *p == "累计" && s.starts_with(p) && super::extract::starts_with_verb(&s[p.len()..]) {
                continue;
            }
            // (`在线发布` is a word of its own, not 在 + 线发布)
            if s.starts_with(p) && !(*p == "在" && s[p.len()..].starts_with('线')) {
                s = s[p.len()..].to_string();
                break;
            }
        }
        for x in &w.suffix {
            if s.ends_with(x) {
                s.truncate(s.len() - x.len());
                break;
            }
        }
        if s.len() == before {
            break;
        }
    }
    s = s.replace('了', "");
    s = without_comparison_base(&s);
    if s.chars().count() > MAX_CHARS {
        s = s.chars().rev().take(MAX_CHARS).collect::<Vec<_>>().into_iter().rev().collect();
    }
    s
}

/// Words of a change that a comparison base comes before (`较上年增长`, `较前一个周期变化`).
const CHANGE_WORDS: &[&str] = &["变化", "增长", "下降", "增加", "减少", "提高", "降低", "上升", "增幅", "降幅"];

/// `平均煤价较前一个周期变化幅度` → `平均煤价变化幅度`: the base a change is measured
/// against is no part of what is measured. Only inside a phrase (the thing measured stands
/// before the base) and for a short base; `比例`, `比重` are no comparison.
fn without_comparison_base(s: &str) -> String {
    for (k, c) in s.char_indices().filter(|&(k, c)| k >= 6 && (c == '较' || c == '比')) {
        let base = &s[k + c.len_utf8()..];
        if c == '比' && base.starts_with(['例', '重', '率', '值', '较', '分']) {
            continue;
        }
        let found = base
            .char_indices()
            .take(9)
            .take_while(|&(_, x)| !is_punct(x))
            .find_map(|(i, _)| CHANGE_WORDS.iter().any(|w| base[i..].starts_with(w)).then_some(i));
        if let Some(i) = found.filter(|&i| i > 0) {
            return format!("{}{}", &s[..k], &base[i..]);
        }
    }
    s.to_string()
}

/// Where the last phrase of a headline starts: after a space between two Han characters.
fn last_phrase_break(s: &str) -> Option<usize> {
    let han = |c: Option<char>| c.is_some_and(crate::normalise::is_han);
    s.char_indices()
        .filter(|&(i, c)| c.is_whitespace() && han(s[..i].chars().next_back()) && han(s[i..].trim_start().chars().next()))
        .map(|(i, _)| i + s[i..].len() - s[i..].trim_start().len())
        .next_back()
}

/// The noun right after a figure: up to the clause end, a cut word, or MAX_AFTER chars.
pub fn after_noun(after: &str) -> String {
    // `319万台、配套农机具…`: what follows a list mark is the next item's
    if after.starts_with(['、', '，', ',']) {
        return String::new();
    }
    // a bracket with a figure of its own is an aside about this one: `(火电占60.91%`
    if let Some(inner) = after.strip_prefix(['(', '（']) {
        let close = inner.find([')', '）']).unwrap_or(inner.len());
        if inner[..close].contains(|c: char| c.is_ascii_digit()) {
            return String::new();
        }
    }
    let after = after.trim_start_matches(['的', '(', '（']);
    let w = &*WORDS;
    let mut end = after.len();
    for (n, (i, c)) in after.char_indices().enumerate() {
        // a title after the noun is another thing: `4本理论教材《…》`; a closing quote
        // without its opening one ends the quotation the figure stood in
        // (`“一办和10个专项工作组”主要职责`)
        let closes_quote = c == '”' && !after[..i].contains('“');
        if is_punct(c) && !matches!(c, '、') || c.is_ascii_digit() || n > 0 && matches!(c, '《' | '“') || closes_quote {
            end = i;
            break;
        }
        let rest = &after[i..];
        let prev = after[..i].chars().next_back();
        // a one-character cut word inside a word is no cut: 智能, 平均, 人均
        let cuts = |x: &&str| {
            rest.starts_with(*x) && (x.chars().count() > 1 || n >= 2 && !(x == &"均" && prev.is_some_and(|p| "平人户亩年日月".contains(p))))
        };
        if w.cut.iter().any(cuts) {
            end = i;
            break;
        }
    }
    let s: String = after[..end].chars().take(MAX_AFTER).collect();
    let s = s.trim_end_matches(['、', '“', '的']);
    // `提高到684元/月时`: a localiser ends a time clause, it is no noun
    if w.localiser.contains(&s) {
        return String::new();
    }
    s.to_string()
}

/// The words after a figure that opens its clause, up to the clause end or the next
/// figure, without adverbs: `贫困村全部出列` → `贫困村出列`.
pub fn predicate_phrase(after: &str) -> String {
    let end = after
        .char_indices()
        .find(|&(i, c)| (is_punct(c) && c != '、') || c.is_ascii_digit() || c == '”' && !after[..i].contains('“'))
        .map_or(after.len(), |(i, _)| i);
    let mut s = after[..end].trim_start_matches('的').to_string();
    for adverb in ["全部", "已经", "均已", "都已", "均", "都", "已"] {
        // 均 in 平均, 人均 is no adverb
        let mut kept = String::with_capacity(s.len());
        let mut rest = s.as_str();
        while let Some(i) = rest.find(adverb) {
            let in_word = adverb == "均" && rest[..i].ends_with(['平', '人', '户', '亩', '年', '日', '月']);
            kept.push_str(&rest[..i]);
            if in_word {
                kept.push_str(adverb);
            }
            rest = &rest[i + adverb.len()..];
        }
        kept.push_str(rest);
        s = kept;
    }
    s.trim_end_matches(['、', '和', '与', '及', '“']).to_string()
}

/// Whether the phrase measures something against the figure before it (`占…`, `完成…`).
pub fn is_relational(phrase: &str, unit: &str) -> bool {
    matches!(unit, "%" | "倍" | "个百分点") && WORDS.relational.iter().any(|r| phrase.starts_with(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_region_period_and_verbs() {
        for (p, rm, want) in [
            ("全市共有注册志愿者", &[][..], "注册志愿者"),
            ("实现地区生产总值", &[], "地区生产总值"),
            ("今年全市共计改造", &["今年"][..], "改造"),
            ("民生支出占比稳定在", &[], "民生支出占比"),
            ("城镇登记失业率控制在", &[], "城镇登记失业率"),
            ("在2021年改造提升了", &["2021年"][..], "改造提升"),
            (",全市居民人均可支配收入", &[], "居民人均可支配收入"),
            ("9.国务院部门共采纳两会代表委员意见建议", &[], "国务院部门共采纳两会代表委员意见建议"),
            ("(5)我国自研首台", &[], "自研首台"),
            ("一是新增就业", &[], "新增就业"),
            ("以军与巴武装组织在多地交火 加沙地带死亡人数", &[], "加沙地带死亡人数"),
            ("全市\u{3000}地区生产总值", &[], "地区生产总值"),
            ("一则“国家发展改革委决定全国销售电价平均每度涨", &[], "销售电价平均每度涨"),
            ("他们的工资最少也在", &[], "工资"),
            ("其他年龄层的差距是", &[], "其他年龄层的差距"),
            ("全县累计培训农民", &[], "累计培训农民"),
            ("累计志愿服务时长", &[], "志愿服务时长"),
            ("我国已累计在线发布古籍", &[], "在线发布古籍"),
            ("我国已建设", &[], "建设"),
            ("周期内平均煤价较前一个周期变化幅度", &[], "周期内平均煤价变化幅度"),
            ("社会消费品零售总额比上年同期增长", &[], "社会消费品零售总额增长"),
            ("民生支出占比比例", &[], "民生支出占比比例"),
        ] {
            assert_eq!(strip(p, rm), want, "{p}");
        }
    }

    #[test]
    fn list_marks() {
        for (p, want) in [("9.国务院", Some(2)), ("(5)我国", Some(3)), ("（三）民生", Some(9)), ("一是新增", Some(6)), ("二、就业", Some(6)), ("其六,", Some(6)), ("9.5万", None), ("一般", None), ("十四五", None)] {
            assert_eq!(list_mark(p), want, "{p}");
        }
    }

    #[test]
    fn nouns_after_a_figure() {
        assert_eq!(after_noun("贫困村全部出列,"), "贫困村");
        assert_eq!(after_noun("的球类运动场地"), "球类运动场地");
        assert_eq!(after_noun("社区卫生服务站达到基本标准"), "社区卫生服务站");
        assert_eq!(after_noun(",增长5.1%"), "");
        assert_eq!(after_noun("智能网联汽车正在进行道路测试"), "智能网联汽车");
        assert_eq!(after_noun("、配套农机具"), "");
        assert_eq!(after_noun("理论教材《深刻领悟》"), "理论教材");
        assert_eq!(after_noun("(火电占60.91%,水电占39.09%)"), "");
        assert_eq!(after_noun("时,全市"), "");
        assert_eq!(after_noun("不等"), "");
        assert_eq!(after_noun("个专项工作组”主要职责"), "个专项工作组");
        assert_eq!(after_noun("“文明家庭”称号"), "“文明家庭”称号");
    }

    #[test]
    fn predicates_keep_averages() {
        assert_eq!(predicate_phrase("罕见病用药平均降价超"), "罕见病用药平均降价超");
        assert_eq!(predicate_phrase("贫困村全部出列,"), "贫困村出列");
        assert_eq!(predicate_phrase("项目均已开工"), "项目开工");
        assert_eq!(predicate_phrase("专项工作组”主要职责"), "专项工作组");
    }
}
