//! Keywords of a document by jieba's TextRank, for the report's `keywords`.
//! (TextRank needs no IDF table, which would add 6 MB to the wasm module.)

use crate::report::Keyword;
use jieba_rs::{KeywordExtract, TextRank};
use std::sync::LazyLock;

static RANKER: LazyLock<TextRank> = LazyLock::new(TextRank::default);

/// How many keywords a report carries.
pub const TOP: usize = 10;

/// The `top` most characteristic words, weights scaled so the first is 1.
pub fn keywords(text: &str, top: usize) -> Vec<Keyword> {
    // a few more than asked, as 全市, 我区 and numbers are dropped
    let words = RANKER.extract_keywords(crate::segment::jieba(), text, top + 4, Vec::new());
    let max = words.first().map(|k| k.weight).unwrap_or(1.0).max(f64::MIN_POSITIVE);
    words
        .into_iter()
        .filter(|k| !k.keyword.chars().any(|c| c.is_ascii_digit()) && !crate::attach::region::is_own_unit_word(&k.keyword))
        .take(top)
        .map(|k| Keyword { word: k.keyword, weight: (k.weight / max * 1000.0).round() / 1000.0 })
        .collect()
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
}
