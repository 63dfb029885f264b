//! Stage 7 — the category of a metric (SPEC §2): the category of the standard indicator
//! its indicator names ([`super::indicator_key`]), else the best match of
//! `lexicons/categories.txt` over its indicator and sentence.

use crate::lexicon::keyed;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// The lexicon's lines, `ambiguous:` included.
static LINES: LazyLock<Vec<(&str, Vec<&str>)>> = LazyLock::new(|| keyed(include_str!("../../lexicons/categories.txt")));

/// The categories' words: every line but `ambiguous:`.
static CATEGORIES: LazyLock<Vec<(&str, Vec<&str>)>> =
    LazyLock::new(|| LINES.iter().filter(|(k, _)| *k != AMBIGUOUS).cloned().collect());

/// The lexicon's line of topic words that name no one category (`收入`).
const AMBIGUOUS: &str = "ambiguous";

/// Every topic word of the lexicon (`就业`, `扶贫`, `收入`), for keywords.
static TOPIC_WORDS: LazyLock<rustc_hash::FxHashSet<&str>> =
    LazyLock::new(|| LINES.iter().flat_map(|(_, words)| words.iter().copied()).collect());

/// Whether a word is one of the category lexicon's topic words.
pub fn is_topic_word(word: &str) -> bool {
    TOPIC_WORDS.contains(word)
}

/// All categories of the contract, for validation.
pub const ALL: &[&str] = &[
    "economy", "income", "employment", "poverty_rural", "education", "health", "housing_urban",
    "elderly_childcare", "social_security", "culture_sports", "environment", "governance_civility",
    "public_services", "other",
];

/// A category word: its index among all words, its category's index, the word, its
/// length in chars.
type Entry = (usize, usize, &'static str, usize);

/// Every category word by its first char, and how many words there are.
static BY_FIRST: LazyLock<(FxHashMap<char, Vec<Entry>>, usize)> = LazyLock::new(|| {
    let mut m: FxHashMap<char, Vec<Entry>> = FxHashMap::default();
    let mut n = 0;
    for (ci, (_, words)) in CATEGORIES.iter().enumerate() {
        for &w in words {
            if let Some(c) = w.chars().next() {
                m.entry(c).or_default().push((n, ci, w, w.chars().count()));
                n += 1;
            }
        }
    }
    (m, n)
});

/// Adds `weight × chars × occurrences` of every word to its category's score, counting
/// non-overlapping occurrences of each word as `str::matches` does, in one pass over the
/// text (one `matches` per word and metric made classification most of the run time).
fn score_into(text: &str, weight: usize, scores: &mut [usize]) {
    let (by_first, n) = &*BY_FIRST;
    // per word, the byte offset where its last counted occurrence ends
    let mut next_free = vec![0usize; *n];
    for (i, c) in text.char_indices() {
        let Some(cands) = by_first.get(&c) else { continue };
        let rest = &text[i..];
        for &(id, ci, w, wl) in cands {
            if i >= next_free[id] && rest.starts_with(w) {
                next_free[id] = i + w.len();
                scores[ci] += weight * wl;
            }
        }
    }
}

/// The category of the standard indicator the indicator ends in (`每千人口拥有执业医师`
/// is health whatever the sentence is about); else the category whose words best match
/// the indicator (weight 3) and the sentence (weight 1); `other` when none does.
pub fn classify(indicator: &str, sentence: &str) -> &'static str {
    classify_in(indicator, &sentence_scores(sentence))
}

/// A text's category scores, for [`classify_in`] (a sentence's, computed once for all its
/// figures) and [`classify_within`] (a paragraph's, a section's).
pub fn sentence_scores(sentence: &str) -> Vec<usize> {
    let mut scores = vec![0usize; CATEGORIES.len()];
    score_into(sentence, 1, &mut scores);
    scores
}

/// [`classify`] with the sentence already scored.
pub fn classify_in(indicator: &str, sentence_scores: &[usize]) -> &'static str {
    classify_within(indicator, sentence_scores, &[])
}

/// [`classify_in`], and when neither the indicator nor its sentence names a topic, the
/// topic of the wider text around it (`surroundings`, nearest first: its paragraph, its
/// section): `二类为700元/月` is about whatever the paragraph about minimum wages is.
pub fn classify_within(indicator: &str, sentence_scores: &[usize], surroundings: &[&[usize]]) -> &'static str {
    if let Some(c) = super::indicator_key::category_of(indicator) {
        return c;
    }
    let own = by_words(indicator, sentence_scores);
    if own != "other" {
        return own;
    }
    surroundings.iter().map(|s| best_of(s)).find(|&c| c != "other").unwrap_or("other")
}

/// The category whose words best match the indicator (weight 3) and the sentence scores.
fn by_words(indicator: &str, sentence_scores: &[usize]) -> &'static str {
    let mut scores = if sentence_scores.is_empty() { vec![0; CATEGORIES.len()] } else { sentence_scores.to_vec() };
    score_into(indicator, 3, &mut scores);
    best_of(&scores)
}

/// The category with the highest score; `other` when none scores.
fn best_of(scores: &[usize]) -> &'static str {
    let mut best = ("other", 0usize);
    for ((cat, _), &score) in CATEGORIES.iter().zip(scores) {
        if score > best.1 {
            best = (ALL.iter().copied().find(|c| c == cat).unwrap_or("other"), score);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_keys_are_categories() {
        for (k, _) in CATEGORIES.iter() {
            assert!(ALL.contains(k), "{k}");
        }
    }

    /// The plain definition the one-pass scorer must agree with.
    fn naive(indicator: &str, sentence: &str) -> &'static str {
        let mut best = ("other", 0usize);
        for (cat, words) in CATEGORIES.iter() {
            let score: usize = words
                .iter()
                .map(|w| w.chars().count() * (3 * indicator.matches(w).count() + sentence.matches(w).count()))
                .sum();
            if score > best.1 {
                best = (ALL.iter().copied().find(|c| c == cat).unwrap_or("other"), score);
            }
        }
        best.0
    }

    #[test]
    fn one_pass_scoring_agrees_with_the_definition() {
        let all: Vec<&str> = CATEGORIES.iter().flat_map(|(_, w)| w.iter().copied()).collect();
        for (i, w) in all.iter().enumerate() {
            let other = all[(i * 7 + 3) % all.len()];
            for (ind, sent) in [(*w, other), (other, *w), ("", &*format!("{w}{w}{other}{w}")), (&*format!("{other}{w}"), "")] {
                assert_eq!(by_words(ind, &sentence_scores(sent)), naive(ind, sent), "{ind} / {sent}");
            }
        }
    }

    #[test]
    fn classifies_by_indicator_first() {
        for (ind, sent, cat) in [
            ("城镇居民人均可支配收入", "城镇居民人均可支配收入21713元", "income"),
            ("城镇新增就业", "城镇新增就业24.8万人", "employment"),
            ("改造老旧小区", "改造老旧小区313个", "housing_urban"),
            ("地区生产总值", "实现地区生产总值729.91亿元", "economy"),
            ("家庭养老床位", "建设3500张家庭养老床位", "elderly_childcare"),
            ("新增学位", "新增学位10.64万个", "education"),
            ("贫困村出列", "192个贫困村全部出列", "poverty_rural"),
            ("人均公园绿地面积", "人均公园绿地面积14.88平方米", "environment"),
            ("新冠疫苗接种", "接种38.41万剂次", "health"),
            ("注册志愿者", "全市共有注册志愿者42.2万人", "governance_civility"),
            ("某某", "某某12个", "other"),
            // the indicator decides, not the sentence around it (issue 10)
            ("每千人口拥有执业医师", "污水处理率达到95%,污水管网延伸,每千人口拥有执业医师3.2人", "health"),
            ("城镇居民医保", "城镇居民医保参保人数", "social_security"),
            ("规模以上工业增加值增长", "规模以上工业增加值增长5.1%,环境空气质量持续改善", "economy"),
            ("农村居民人均可支配收入", "乡村振兴扎实推进,农村居民人均可支配收入", "income"),
        ] {
            assert_eq!(classify(ind, sent), cat, "{ind}");
        }
    }

    #[test]
    fn a_figure_without_a_topic_takes_its_paragraphs_then_its_sections() {
        let para = sentence_scores("最低工资标准调整方案公布。二类为700元/月");
        let section = sentence_scores("一、义务教育");
        let none = sentence_scores("二类为700元/月");
        assert_eq!(classify_within("二类", &none, &[&para, &section]), "income");
        assert_eq!(classify_within("二类", &none, &[&none, &section]), "education");
        assert_eq!(classify_within("二类", &none, &[]), "other");
        // the figure's own words come first
        assert_eq!(classify_within("专任教师", &none, &[&para]), "education");
    }

    #[test]
    fn bare_income_is_no_household_income() {
        assert_eq!(classify("罚没收入", "实际罚没收入2453万"), "economy");
        assert_eq!(classify("人均收入", "农民人均收入1万元"), "income");
    }
}
