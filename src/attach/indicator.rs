//! Indicators: the thing a figure measures, as a short noun phrase taken from its clause
//! — without the region word, the period, the verb or the number (SPEC §2).

use crate::lexicon::keyed;
use regex::Regex;
use std::sync::LazyLock;

/// List numbering at the start of a phrase: `9.`, `(5)`, `一是`, `二、`, `其一,`.
static LIST_MARK: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?x)^(?:
            [\(（]\s*[0-9一二三四五六七八九十]+\s*[\)）]   # (5) （三）
          | [0-9]+\s*[.、]                              # 9. 9、
          | [一二三四五六七八九十]+\s*[、是]             # 二、 一是
          | 其[一二三四五六七八九十]                       # 其六
        )",
    )
    .expect("list mark pattern")
});

struct Words {
    prefix: Vec<&'static str>,
    suffix: Vec<&'static str>,
    cut: Vec<&'static str>,
    relational: Vec<&'static str>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut w = Words { prefix: vec![], suffix: vec![], cut: vec![], relational: vec![] };
    for (k, ws) in keyed(include_str!("../../lexicons/indicator_words.txt")) {
        let list = match k {
            "prefix" => &mut w.prefix,
            "suffix" => &mut w.suffix,
            "cut" => &mut w.cut,
            "relational" => &mut w.relational,
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
    let w = &*WORDS;
    loop {
        let before = s.len();
        if let Some(m) = LIST_MARK.find(&s) {
            s = s[m.end()..].to_string();
        }
        s = s.trim_matches(|c: char| is_punct(c) || c == '”' && !s.contains('“')).to_string();
        if s.starts_with('”') || s.starts_with(')') {
            s.remove(0);
        }
        for p in &w.prefix {
            if s.starts_with(p) {
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
    if s.chars().count() > MAX_CHARS {
        s = s.chars().rev().take(MAX_CHARS).collect::<Vec<_>>().into_iter().rev().collect();
    }
    s
}

/// The noun right after a figure: up to the clause end, a cut word, or MAX_AFTER chars.
pub fn after_noun(after: &str) -> String {
    // `319万台、配套农机具…`: what follows a list mark is the next item's
    if after.starts_with(['、', '，', ',']) {
        return String::new();
    }
    let after = after.trim_start_matches(['的', '(', '（']);
    let w = &*WORDS;
    let mut end = after.len();
    for (n, (i, c)) in after.char_indices().enumerate() {
        // a title after the noun is another thing: `4本理论教材《…》`
        if is_punct(c) && !matches!(c, '、') || c.is_ascii_digit() || n > 0 && matches!(c, '《' | '“') {
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
    s.trim_end_matches(['、', '“', '的']).to_string()
}

/// The words after a figure that opens its clause, up to the clause end or the next
/// figure, without adverbs: `贫困村全部出列` → `贫困村出列`.
pub fn predicate_phrase(after: &str) -> String {
    let end = after
        .char_indices()
        .find(|&(_, c)| (is_punct(c) && c != '、') || c.is_ascii_digit())
        .map_or(after.len(), |(i, _)| i);
    let mut s = after[..end].trim_start_matches('的').to_string();
    for adverb in ["全部", "已经", "均已", "都已", "均", "都", "已"] {
        s = s.replace(adverb, "");
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
            ("(5)我国自研首台", &[], "我国自研首台"),
            ("一是新增就业", &[], "新增就业"),
        ] {
            assert_eq!(strip(p, rm), want, "{p}");
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
    }
}
