//! Stage 4 — sentences and clauses, and the jieba segmenter the keywords use (nothing on
//! the figures' path loads it: `tests/figures_path.rs`).

use jieba_rs::Jieba;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::LazyLock;

static LOADED: AtomicBool = AtomicBool::new(false);

// jieba's dictionary without its rarer words (scripts/prune-dict.sh). Kept as plain text:
// inflating a compressed copy and re-checking its UTF-8 cost 20 ms of the browser's start-up,
// and a server's gzip packs the text nearly as well (the module's gzip size even fell, as the
// zstd decoder's code went with it).
static DICT: &str = include_str!("../lexicons/jieba_dict.txt");

static JIEBA: LazyLock<Jieba> = LazyLock::new(|| {
    LOADED.store(true, Ordering::Relaxed);
    // Word by word rather than `Jieba::with_dict`, whose line reader copies and re-checks
    // every line as UTF-8: a fifth of the load. The same words, frequencies and tags.
    let mut jieba = Jieba::empty();
    for line in DICT.lines() {
        let mut fields = line.split_ascii_whitespace();
        let (Some(word), Some(freq)) = (fields.next(), fields.next()) else { continue };
        // the dictionary is ours and tested (`same_as_jiebas_own_loader`)
        let freq = freq.parse().unwrap_or(1);
        jieba.add_word(word, Some(freq), fields.next());
    }
    jieba
});

/// The jieba segmenter with Zhibiao's dictionary, loaded on first use.
pub fn jieba() -> &'static Jieba {
    &JIEBA
}

/// Whether `word` is in jieba's dictionary, without building the segmenter: a binary
/// search over the dictionary's lines, which `scripts/prune-dict.sh` keeps in byte order
/// (a test checks).
pub fn in_dictionary(word: &str) -> bool {
    let d = DICT.as_bytes();
    let (mut lo, mut hi) = (0, d.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        let start = d[..mid].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let end = d[start..].iter().position(|&b| b == b'\n').map_or(d.len(), |i| start + i);
        let line = &DICT[start..end];
        let w = line.split(' ').next().unwrap_or(line);
        match w.cmp(word) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// Whether the dictionary has been built in this process.
pub fn dictionary_loaded() -> bool {
    LOADED.load(Ordering::Relaxed)
}

/// Ends a sentence: the figure's evidence is the sentence it stands in.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | '！' | '？' | '；' | '\n')
}

/// Ends a clause inside a sentence (a `,` between digits is a thousands separator).
pub fn is_clause_end(chars: &[char], i: usize) -> bool {
    match chars[i] {
        ',' => !(i > 0 && chars[i - 1].is_ascii_digit() && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())),
        ':' => !(i > 0 && chars[i - 1].is_ascii_digit() && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())),
        '，' | '：' => true,
        c => is_sentence_end(c),
    }
}

/// Half-open char ranges of the sentences of a paragraph, terminators included,
/// surrounding blanks excluded.
pub fn sentences(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if is_sentence_end(c) {
            // keep a closing quote with its sentence: 。”
            push_trimmed(&mut out, chars, start, i + 1);
            start = i + 1;
        }
    }
    push_trimmed(&mut out, chars, start, chars.len());
    out
}

fn push_trimmed(out: &mut Vec<(usize, usize)>, chars: &[char], mut s: usize, mut e: usize) {
    while s < e && (chars[s].is_whitespace() || matches!(chars[s], '”' | '」')) {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if e > s {
        out.push((s, e));
    }
}

/// The longest stretch a clause reaches on either side of a figure: a text without
/// punctuation is one endless clause, and scanning all of it for every figure in it
/// would be quadratic.
pub const MAX_CLAUSE_REACH: usize = 200;

/// The clause around `pos`: from after the previous clause end to the next one (excluded),
/// at most [`MAX_CLAUSE_REACH`] chars either side of `pos`.
pub fn clause_around(chars: &[char], lo: usize, hi: usize, pos: usize) -> (usize, usize) {
    let lo = lo.max(pos.saturating_sub(MAX_CLAUSE_REACH));
    let hi = hi.min(pos.saturating_add(MAX_CLAUSE_REACH)).min(chars.len());
    let mut s = pos.min(hi);
    while s > lo && !is_clause_end(chars, s - 1) {
        s -= 1;
    }
    let mut e = pos.min(hi);
    while e < hi && !is_clause_end(chars, e) {
        e += 1;
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_lookup_without_the_segmenter() {
        let words: Vec<&str> = DICT.lines().filter_map(|l| l.split(' ').next()).collect();
        assert!(words.windows(2).all(|w| w[0] < w[1]), "lexicons/jieba_dict.txt is not in byte order");
        for w in words.iter().step_by(97) {
            assert!(in_dictionary(w), "{w}");
        }
        for w in ["成都", "成为", "一"] {
            assert_eq!(in_dictionary(w), jieba().has_word(w), "{w}");
        }
        for w in ["成x", "", "zzzz", "齉齉齉"] {
            assert!(!in_dictionary(w), "{w}");
        }
    }

    #[test]
    fn same_as_jiebas_own_loader() {
        let own = Jieba::with_dict(&mut DICT.as_bytes()).expect("the dictionary parses");
        let text = "2022年上半年,石家庄市地区生产总值729.91亿元,同比增长5.1%;新建和改造提升便民市场12个,\
                    聊城经济技术开发区蒋官屯街道在全市率先完成老旧小区改造。咸安區實現地區生產總值";
        assert_eq!(format!("{:?}", jieba().tag(text, true)), format!("{:?}", own.tag(text, true)));
        assert_eq!(format!("{:?}", jieba().tag(text, false)), format!("{:?}", own.tag(text, false)));
        // frequencies and their total
        for w in ["石家庄", "老旧小区", "增长", "生产总值改造"] {
            assert_eq!(jieba().suggest_freq(w), own.suggest_freq(w), "{w}");
        }
    }

    #[test]
    fn the_embedded_dictionary_tags_places_and_verbs() {
        let tags = jieba().tag("咸宁市改造老旧小区", true);
        assert_eq!((tags[0].word, tags[0].tag), ("咸宁市", "ns"));
        assert!(tags.iter().any(|t| t.word == "改造" && t.tag.starts_with('v')), "{tags:?}");
    }

    #[test]
    fn splits_sentences_and_clauses() {
        let c: Vec<char> = "今年上半年,收入16993元,增长5.1%;城镇1,234人。“好”".chars().collect();
        let s = sentences(&c);
        let got: Vec<String> = s.iter().map(|&(a, b)| c[a..b].iter().collect()).collect();
        assert_eq!(got, vec!["今年上半年,收入16993元,增长5.1%;", "城镇1,234人。", "“好”"]);
        let pos = c.iter().position(|&x| x == '2').unwrap();
        let (a, b) = clause_around(&c, s[1].0, s[1].1, pos);
        assert_eq!(c[a..b].iter().collect::<String>(), "城镇1,234人");
    }

    #[test]
    fn a_clause_without_punctuation_is_bounded() {
        let c: Vec<char> = "发展".repeat(10_000).chars().collect();
        let (a, b) = clause_around(&c, 0, c.len(), 10_000);
        assert_eq!((a, b), (10_000 - MAX_CLAUSE_REACH, 10_000 + MAX_CLAUSE_REACH));
        assert_eq!(clause_around(&c, 0, c.len(), 5), (0, 5 + MAX_CLAUSE_REACH));
    }
}
