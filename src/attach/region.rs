//! Regions: the administrative unit a document is mainly about, and the unit a figure
//! is for when its clause names one.
//!
//! Place names come from jieba's dictionary (words tagged `ns`), joined with the
//! administrative suffix that follows them (`南湖`+`区`, `聊城`+`经济`+`技术开发区`) and
//! with the unit they sit in (`嘉兴市`+`南湖区` → `嘉兴市南湖区`).

use crate::segment::jieba;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Suffixes that make a place name an administrative unit.
const SUFFIXES: &[&str] = &[
    "经济技术开发区", "技术开发区", "高新技术产业开发区", "高新区", "开发区", "新区", "自治州", "自治县",
    "特别行政区", "街道", "省", "市", "县", "区", "镇", "乡", "州", "盟", "旗",
];

static NOT_PLACES: LazyLock<Vec<&str>> =
    LazyLock::new(|| crate::lexicon::entries(include_str!("../../lexicons/not_places.txt")).collect());

static BARE_PLACES: LazyLock<Vec<&str>> =
    LazyLock::new(|| crate::lexicon::entries(include_str!("../../lexicons/bare_places.txt")).collect());

fn admin_suffix(word: &str) -> Option<&'static str> {
    SUFFIXES.iter().copied().find(|s| word.ends_with(s))
}

/// Ends a run of text that jieba segments on its own: anything outside its word class
/// (Han, ASCII letters and digits, `+#&._%-`). Splitting here changes no segmentation.
fn breaks_block(c: char) -> bool {
    !(crate::normalise::is_han(c) || c.is_ascii_alphanumeric() || "+#&._%-".contains(c))
}

static SUFFIX_ENDS: LazyLock<Vec<char>> = LazyLock::new(|| SUFFIXES.iter().filter_map(|s| s.chars().last()).collect());

/// Can hold a name: an administrative suffix's last character, or a bare place.
fn may_name(block: &str) -> bool {
    block.contains(SUFFIX_ENDS.as_slice()) || BARE_PLACES.iter().any(|p| block.contains(p))
}

/// Administrative names in `text`, in order, as written (Simplified).
pub fn names(text: &str) -> Vec<String> {
    // Only the runs that can hold a name are segmented (about 40 % of an article's text).
    let mut out: Vec<String> = Vec::new();
    for block in text.split(breaks_block).filter(|b| may_name(b)) {
        block_names(block, &mut out);
    }
    out
}

fn block_names(block: &str, out: &mut Vec<String>) {
    // no HMM: the words it guesses are never tagged `ns`, and it is most of the cost
    let tags = jieba().tag(block, false);
    let mut i = 0;
    while i < tags.len() {
        let t = &tags[i];
        if t.tag != "ns" || t.word.chars().count() < 2 || NOT_PLACES.contains(&t.word) {
            i += 1;
            continue;
        }
        let mut name = t.word.to_string();
        let mut j = i + 1;
        // 聊城 + 经济 + 技术开发区; 南湖 + 区; 温泉 + 街道
        if admin_suffix(&name).is_none() {
            if let Some(n) = tags.get(j) {
                if SUFFIXES.contains(&n.word) {
                    name.push_str(n.word);
                    j += 1;
                } else if n.word == "经济" && tags.get(j + 1).is_some_and(|m| m.word.ends_with("开发区")) {
                    name.push_str(n.word);
                    name.push_str(tags[j + 1].word);
                    j += 2;
                }
            }
        }
        // two characters at least before the suffix: 城市, 城区 are words, not names
        if admin_suffix(&name).is_some_and(|s| name.chars().count() >= s.chars().count() + 2)
            || BARE_PLACES.contains(&name.as_str())
        {
            out.push(name);
        }
        i = j;
    }
}

/// The short form of a name, for counting mentions: 咸安区 → 咸安, 嘉兴市 → 嘉兴.
fn short(name: &str) -> &str {
    match admin_suffix(name) {
        Some(s) if name.chars().count() > s.chars().count() + 1 => &name[..name.len() - s.len()],
        _ => name,
    }
}

static CITY_THEN_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"([\p{Han}]{2,4}(?:市|省))([\p{Han}]{2,4}(?:区|县|市))").expect("city+unit pattern")
});

/// The unit the document is mainly about: the most mentioned administrative name,
/// counting the title three times, reported in the fullest form the text writes it.
pub fn document_region(title: Option<&str>, text: &str, _original: &str) -> Option<String> {
    let head: String = text.chars().take(6000).collect();
    let title = title.map(|t| crate::normalise::normalise(t).text);
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut add = |n: String, w: usize| {
        if !counts.contains_key(&n) {
            order.push(n.clone());
        }
        *counts.entry(n).or_default() += w;
    };
    for t in title.iter() {
        for n in names(t) {
            add(n, 3);
        }
    }
    for n in names(&head) {
        add(n, 1);
    }
    // mentions of the short form count for the full name: 咸安 for 咸安区
    let mut best: Option<(usize, &String)> = None;
    for n in &order {
        let s = short(n);
        let shorts = if s != n { head.matches(s).count() } else { 0 };
        // `咸安:全力打造…`: a title that names the unit by its short form
        let in_title = title.as_deref().is_some_and(|t| t.contains(s));
        let score = counts[n] * 2 + shorts + if in_title { 6 } else { 0 };
        // provinces and countries are context, not the subject, unless nothing else is named
        let weight = if n.ends_with('省') { score / 2 } else { score };
        if best.is_none_or(|(b, _)| weight > b) {
            best = Some((weight, n));
        }
    }
    let best = best?.1.clone();
    // the fullest form written: 嘉兴市南湖区 when the text says so
    let all = format!("{}\n{}", title.unwrap_or_default(), head);
    for c in CITY_THEN_UNIT.captures_iter(&all) {
        if &c[2] == best.as_str() {
            return Some(c[0].to_string());
        }
    }
    Some(best)
}

/// Region words that mean "the document's own unit": 全市, 我区, 该县, 本市.
pub fn is_own_unit_word(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    c.len() == 2 && matches!(c[0], '全' | '我' | '该' | '本') && matches!(c[1], '市' | '区' | '县' | '镇' | '乡' | '省')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_names_with_their_suffix() {
        let n = names("聊城经济技术开发区蒋官屯街道和嘉兴市南湖区,益阳市赫山区,香港");
        assert!(n.contains(&"香港".to_string()), "{n:?}");
        assert!(n.contains(&"聊城经济技术开发区".to_string()), "{n:?}");
        assert!(n.contains(&"南湖区".to_string()), "{n:?}");
        assert!(n.contains(&"益阳市".to_string()), "{n:?}");
    }

    #[test]
    fn picks_the_main_unit() {
        let r = document_region(Some("咸安:全力打造首善之区"), "咸安区委、区政府团结带领全区人民。咸安区发展融入咸宁市发展。", "");
        assert_eq!(r.as_deref(), Some("咸安区"));
        let r = document_region(Some("咸安:全力打造首善之区"), "创建全国文明城市。文明城市之首善。文明城市。咸安区委。", "");
        assert_eq!(r.as_deref(), Some("咸安区"));
        let r = document_region(Some("嘉兴市南湖区在全省考核评价结果公布"), "南湖区城乡人均可支配收入。南湖区就业。", "");
        assert_eq!(r.as_deref(), Some("嘉兴市南湖区"));
        assert!(is_own_unit_word("全市") && !is_own_unit_word("城市"));
    }
}
