//! Keywords of a document by jieba's TextRank, for the report's `keywords`.
//! (TextRank needs no IDF table, which would add 6 MB to the wasm module.)
//!
//! A keyword is a topic: a noun or a name (jieba's tags `n`, `nr`, `ns`, `nt`, `nz`, …),
//! or a topic word of the category lexicon whatever jieba tags it (its dictionary tags
//! `就业`, `扶贫`, `收入` as verbs). Verbs (`实现`, `达到`), pronouns and function words
//! (`我们`, `以及`, `一个`) are not, and the Chinese stopwords of stopwords-iso
//! (`lexicons/stopwords_zh.txt`, scripts/stopwords.sh) never are.

use crate::report::Keyword;
use jieba_rs::{KeywordExtract, KeywordExtractConfig, TextRank};
use std::sync::LazyLock;

static RANKER: LazyLock<TextRank> = LazyLock::new(|| {
    let mut config = KeywordExtractConfig::builder();
    for w in crate::lexicon::entries(include_str!("../lexicons/stopwords_zh.txt")) {
        config = config.add_stop_word(w);
    }
    TextRank::new(5, config.build())
});

/// Tags that rank: nouns and names, and verbs and verbal nouns, which rank only to be
/// kept when they are topic words ([`is_keyword`]).
static RANKED_TAGS: LazyLock<Vec<String>> =
    LazyLock::new(|| ["n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "ng", "vn", "v"].map(String::from).to_vec());

/// How many keywords a report carries.
pub const TOP: usize = 10;

/// Whether a ranked word is worth showing: a noun or name, or a topic word; never a
/// number or the document's own unit word (`全市`, `我区`).
fn is_keyword(word: &str, tag: &str) -> bool {
    let noun = tag.starts_with('n');
    (noun || crate::attach::classify::is_topic_word(word))
        && !word.chars().any(|c| c.is_ascii_digit())
        && !crate::attach::region::is_own_unit_word(word)
}

/// The `top` most characteristic words, weights scaled so the first is 1.
pub fn keywords(text: &str, top: usize) -> Vec<Keyword> {
    // more than asked, as verbs that are not topic words are dropped after ranking
    let words = RANKER.extract_keywords(crate::segment::jieba(), text, top * 3 + 4, RANKED_TAGS.clone());
    let kept: Vec<_> = words.into_iter().filter(|k| is_keyword(&k.keyword, &k.tag)).take(top).collect();
    let max = kept.first().map(|k| k.weight).unwrap_or(1.0).max(f64::MIN_POSITIVE);
    kept.into_iter().map(|k| Keyword { word: k.keyword, weight: (k.weight / max * 1000.0).round() / 1000.0 }).collect()
}

/// Load the dictionary now rather than on the first document (the page calls this
/// while the user is still choosing files).
pub fn warm() {
    crate::segment::jieba();
    LazyLock::force(&RANKER);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_topic_words() {
        let k = keywords("全市居民人均可支配收入增长,城镇居民人均可支配收入增长,农村居民收入增长。", 5);
        assert!(k.iter().any(|k| k.word.contains("收入")), "{k:?}");
        assert!(k[0].weight == 1.0);
    }

    /// A work-report paragraph full of the words TextRank used to rank first.
    const REPORT: &str = "我们坚持以人民为中心,实现了一个又一个目标。全年城镇新增就业2.1万人,\
        我们以及各部门努力达到预期目标,实现居民收入稳步增长。我们新建幼儿园5所,新增学位3000个,\
        改造老旧小区40个,实现养老服务全覆盖,达到一个新的水平。我们推进医疗卫生事业发展,\
        以及公园绿地建设,一个个民生实事落地见效,实现老旧小区改造和幼儿园建设目标。";

    #[test]
    fn drops_verbs_pronouns_and_function_words() {
        let k = keywords(REPORT, TOP);
        assert!(!k.is_empty());
        for w in ["我们", "以及", "一个", "达到", "实现", "努力", "推进"] {
            assert!(!k.iter().any(|k| k.word == w), "{w} in {k:?}");
        }
    }

    #[test]
    fn keeps_the_topics() {
        let k = keywords(REPORT, TOP);
        for w in ["幼儿园", "小区", "医疗", "公园"] {
            assert!(k.iter().any(|k| k.word == w), "{w} not in {k:?}");
        }
    }

    #[test]
    fn stopwords_come_from_the_list() {
        let stop: Vec<&str> = crate::lexicon::entries(include_str!("../lexicons/stopwords_zh.txt")).collect();
        assert!(stop.len() > 700);
        assert!(stop.contains(&"我们") && stop.contains(&"以及"));
        let k = keywords("我们我们我们以及以及以及方面方面方面", TOP);
        assert!(k.iter().all(|k| !stop.contains(&k.word.as_str())), "{k:?}");
    }
}
