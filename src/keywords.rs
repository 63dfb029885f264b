//! Keywords of a document by jieba's TF-IDF, for the report's `keywords`.

use crate::report::Keyword;
use jieba_rs::{KeywordExtract, TfIdf};
use std::sync::LazyLock;


static TFIDF: LazyLock<TfIdf> = LazyLock::new(TfIdf::default);

/// The `top` most characteristic words, weights scaled so the first is 1.
pub fn keywords(text: &str, top: usize) -> Vec<Keyword> {
    let words = TFIDF.extract_keywords(crate::segment::jieba(), text, top, Vec::new());
    let max = words.first().map(|k| k.weight).unwrap_or(1.0).max(f64::MIN_POSITIVE);
    words
        .into_iter()
        .filter(|k| !k.keyword.chars().any(|c| c.is_ascii_digit()))
        .map(|k| Keyword { word: k.keyword, weight: (k.weight / max * 1000.0).round() / 1000.0 })
        .collect()
}

/// Load the dictionary now rather than on the first document (the page calls this
/// while the user is still choosing files).
pub fn warm() {
    crate::segment::jieba();
    LazyLock::force(&TFIDF);
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
