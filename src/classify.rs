//! Stage 7 — the category of a metric (SPEC §2), from `lexicons/categories.txt`.

use crate::lexicon::keyed;
use std::sync::LazyLock;

static CATEGORIES: LazyLock<Vec<(&str, Vec<&str>)>> =
    LazyLock::new(|| keyed(include_str!("../lexicons/categories.txt")));

/// All categories of the contract, for validation.
pub const ALL: &[&str] = &[
    "economy", "income", "employment", "poverty_rural", "education", "health", "housing_urban",
    "elderly_childcare", "social_security", "culture_sports", "environment", "governance_civility",
    "public_services", "other",
];

/// The category whose words best match the indicator (weight 3) and the sentence
/// (weight 1); `other` when none does.
pub fn classify(indicator: &str, sentence: &str) -> &'static str {
    let mut best = ("other", 0usize);
    for (cat, words) in CATEGORIES.iter() {
        let score: usize = words
            .iter()
            .map(|w| {
                let wl = w.chars().count();
                wl * (3 * indicator.matches(w).count() + sentence.matches(w).count())
            })
            .sum();
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
        ] {
            assert_eq!(classify(ind, sent), cat, "{ind}");
        }
    }
}
