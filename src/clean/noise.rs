//! Line-level judgements: is this line page furniture rather than article text?
//! Phrases live in `lexicons/noise_lines.txt`; shapes (weather, hotlines, counters,
//! credits, SEO keywords, captions, menus) are regexes here.

use crate::normalise::is_han as is_cjk;
use crate::pattern::Words;
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::sync::LazyLock;

use super::meta::ends_sentence;

struct Lexicon {
    start: Vec<&'static str>,
    footer: Vec<&'static str>,
    nav: Vec<&'static str>,
    list_head: Vec<&'static str>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lex = Lexicon { start: vec![], footer: vec![], nav: vec![], list_head: vec![] };
    for (section, phrases) in crate::lexicon::sections(include_str!("../../lexicons/noise_lines.txt")) {
        match section {
            "start" => lex.start = phrases,
            "footer" => lex.footer = phrases,
            "nav" => lex.nav = phrases,
            "list_head" => lex.list_head = phrases,
            _ => {}
        }
    }
    lex
});

/// The footer phrases as one automaton: a line is read once, not once per phrase. A
/// contiguous NFA, not the DFA the builder picks for so few phrases: the DFA took a fifth
/// of a cold first report to build, and only lines of up to 300 characters are searched.
static FOOTER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&LEXICON.footer)
        .expect("footer phrases build an automaton")
});

/// A line that closes a news article on its page: the print edition it ran in
/// (`《 人民日报 》( 2024年05月10日 04 版)`) or the editor's credit (`(责任编辑:王洋)`,
/// `责编：李明`). What a portal shows after it is other articles and page furniture.
pub fn closes_article(line: &str) -> bool {
    let l = line.trim();
    let print_edition = l.starts_with('《')
        && l.contains('》')
        && l.ends_with([')', '）'])
        && l.trim_end_matches([')', '）']).trim_end().ends_with('版')
        && ['年', '月', '日'].iter().all(|c| l.contains(*c));
    let credit = {
        let inner = l.trim_start_matches(['(', '（', '[', '【']).trim_start();
        ["责任编辑", "责编"].iter().any(|w| inner.strip_prefix(w).is_some_and(|r| r.trim_start().starts_with([':', '：'])))
            && l.chars().count() <= 30
    };
    print_edition || credit
}

/// How many different footer phrases `line` contains.
fn footer_hits(line: &str) -> usize {
    // (no allocation for the usual line without any)
    let mut ids: Vec<usize> = FOOTER.find_overlapping_iter(line).map(|m| m.pattern().as_usize()).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

/// The shapes of page furniture (weather, hotlines, counters, credits, SEO keywords,
/// captions, bare addresses, share rows), checked by hand instead of one regex (issue 12:
/// its bounded repeats of Unicode classes made it the costliest pattern to compile at
/// start-up). Each check is one alternative of the old pattern, kept as the oracle in
/// the tests; `\d` is an ASCII or full-width digit and `\s` Unicode white space, as there.
fn has_shape(line: &str) -> bool {
    weather(line)
        || hotline(line)
        || counter(line)
        || starts_with_any(line, &["关键词", "關鍵詞", "关键字", "關鍵字", "标签", "標籤", "Tags", "Tag", "Keywords", "Keyword"])
            .is_some_and(|r| r.trim_start().starts_with([':', '：']))
        || credit(line)
        || caption(line)
        || line.starts_with("http://") && url_tail(&line[7..])
        || line.starts_with("https://") && url_tail(&line[8..])
        || line.starts_with("www.") && url_tail(&line[4..])
        || starts_with_any(line, &["分享到", "分享至", "分享：", "分享:"]).is_some()
        || toolbar(line)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// What follows the first of `words` that `s` starts with.
fn starts_with_any<'a>(s: &'a str, words: &[&str]) -> Option<&'a str> {
    words.iter().find_map(|w| s.strip_prefix(w))
}

/// `s` without its leading digits, when there are `min..=max` of them.
fn digits(s: &str, min: usize, max: usize) -> Option<&str> {
    let n = s.chars().take_while(|&c| is_digit(c)).count();
    (min..=max).contains(&n).then(|| &s[s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)..])
}

/// `-?\d+`, then what follows.
fn signed(s: &str) -> Option<&str> {
    digits(s.strip_prefix('-').unwrap_or(s), 1, usize::MAX)
}

/// `气温 4~18℃` anywhere; `12月5日：晴` at the start.
fn weather(line: &str) -> bool {
    let range = |s: &str| -> Option<()> {
        let s = signed(s.trim_start())?.trim_start();
        let s = s.strip_prefix(['~', '～', '-', '—', '至'])?.trim_start();
        let s = signed(s)?.trim_start();
        starts_with_any(s, &["℃", "°C", "度"]).map(|_| ())
    };
    if line.contains('气') && line.match_indices("气温").any(|(i, w)| range(&line[i + w.len()..]).is_some()) {
        return true;
    }
    (|| {
        let s = digits(line, 1, 2)?.strip_prefix('月')?;
        let s = digits(s, 1, 2)?.strip_prefix('日')?;
        let s = s.strip_prefix([':', '：']).unwrap_or(s).trim_start();
        s.starts_with(['晴', '阴', '陰', '雨', '雪', '多', '云', '雲']).then_some(())
    })()
    .is_some()
}

/// `热线电话：0715-8128787`: a contact word, up to 8 other characters, a number of 5+.
fn hotline(line: &str) -> bool {
    static WORDS: LazyLock<Words> =
        LazyLock::new(|| Words::new(&["报料", "報料", "热线", "熱線", "电话", "電話", "传真", "傳真", "QQ", "微信号", "邮箱", "郵箱", "Email", "E-mail"]));
    let number = |s: &str| {
        let mut cs = s.chars();
        cs.next().is_some_and(is_digit) && cs.take_while(|&c| is_digit(c) || c == '-' || c.is_whitespace()).count() >= 4
    };
    WORDS.find_iter(line).any(|(i, w)| {
        let rest = &line[i + w.len()..];
        // up to 8 characters other than an ASCII digit, then the number
        rest.char_indices()
            .map(|(j, _)| j)
            .chain([rest.len()])
            .take(9)
            .take_while(|&j| !rest[..j].chars().any(|c| c.is_ascii_digit()))
            .any(|j| number(&rest[j..]))
    })
}

/// `浏览次数：1234` closing the line.
fn counter(line: &str) -> bool {
    static WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(&["浏览", "瀏覽", "阅读", "閱讀", "点击", "點擊", "访问", "訪問", "播放"]));
    WORDS.find_iter(line).any(|(i, w)| {
        (|| {
            let s = &line[i + w.len()..];
            let s = starts_with_any(s, &["次数", "次數", "量", "数", "數"]).unwrap_or(s).trim_start();
            let s = s.strip_prefix([':', '：']).unwrap_or(s).trim_start();
            let s = digits(s, 1, usize::MAX)?.trim_start();
            let s = s.strip_prefix(['次', '人']).unwrap_or(s);
            s.trim_start().is_empty().then_some(())
        })()
        .is_some()
    })
}

/// `编辑：周萱`: a credit word at the start, a separator, at most 24 more characters.
fn credit(line: &str) -> bool {
    static WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(CREDITS));
    const CREDITS: &[&str] = &[
        "全媒体记者", "全媒體記者", "融媒体记者", "记者", "記者", "通讯员", "通訊員", "实习生", "責任編輯", "责任编辑", "编辑", "編輯", "责编", "責編",
        "监制", "監製", "出品", "审核", "審核", "校对", "校對", "终审", "終審", "初审", "二审", "三审", "摄影", "攝影", "摄像", "攝像", "制作",
        "製作", "策划", "策劃", "统筹", "統籌", "主编", "主編", "美编", "美編", "图片", "圖片", "视频", "視頻", "文字", "文/图", "文/圖", "图/文",
        "作者", "来源", "來源", "稿件来源", "供稿",
    ];
    let s = line.strip_prefix(['(', '（', '【', '[']).unwrap_or(line);
    WORDS.prefixes(s).any(|w| {
        s.strip_prefix(w).and_then(|r| r.trim_start().strip_prefix([':', '：', '/', '|', '｜'])).is_some_and(|r| r.chars().count() <= 24 && !r.contains('\n'))
    })
}

/// `图为…`, `（记者 张三 摄）`, `图1：`, `…录制视频 李尕 摄`.
fn caption(line: &str) -> bool {
    let s = line.strip_prefix(['(', '（']).unwrap_or(line);
    if starts_with_any(s, &["图为", "圖為", "图片来源", "圖片來源", "图片由", "图：", "圖：", "上图", "下图", "左图", "右图"]).is_some() {
        return true;
    }
    // (… 摄): up to 16 characters other than brackets inside
    if let Some(inner) = line.strip_suffix([')', '）']).and_then(|s| s.strip_suffix(['摄', '攝'])) {
        let back: Vec<char> = inner.chars().rev().take(17).collect();
        if let Some(k) = back.iter().position(|c| matches!(c, '(' | ')' | '（' | '）')) {
            if k <= 16 && matches!(back[k], '(' | '（') {
                return true;
            }
        }
    }
    // 图 1：
    if let Some(s) = line.strip_prefix(['图', '圖']) {
        if digits(s.trim_start(), 1, 2).is_some_and(|r| r.starts_with(|c: char| c == ':' || c == '：' || c.is_whitespace())) {
            return true;
        }
    }
    // a name of 2–4 characters between white space and 摄 or 供图 closing the line
    ends_with_any(line, &["摄", "攝", "供图", "供圖"]).is_some_and(|p| {
        let p: Vec<char> = p.chars().collect();
        let mut end = p.len();
        if end > 0 && p[end - 1].is_whitespace() {
            end -= 1;
        }
        p[..end].iter().rposition(|c| c.is_whitespace()).is_some_and(|ws| (2..=4).contains(&(end - ws - 1)))
    })
}

/// What precedes the first of `words` that `s` ends with.
fn ends_with_any<'a>(s: &'a str, words: &[&str]) -> Option<&'a str> {
    words.iter().find_map(|w| s.strip_suffix(w))
}

/// `\S+$` after an address's start.
fn url_tail(s: &str) -> bool {
    !s.is_empty() && !s.contains(char::is_whitespace)
}

/// `【字体`, `【 打印`: a toolbar button.
fn toolbar(line: &str) -> bool {
    line.match_indices('【').any(|(i, _)| {
        starts_with_any(line[i + '【'.len_utf8()..].trim_start(), &["字体", "字號", "字号", "打印", "关闭", "關閉", "收藏", "纠错"]).is_some()
    })
}

/// Whether `line` (trimmed, one line) is page furniture on its own.
pub fn is_noise_line(line: &str) -> bool {
    let n = line.chars().count();
    if n == 0 {
        return true;
    }
    // Symbols only (★, ■, ——, |): nothing to read.
    if !line.chars().any(|c| c.is_alphanumeric()) {
        return true;
    }
    let lex = &*LEXICON;
    if lex.start.iter().any(|p| line.starts_with(p)) {
        return true;
    }
    // (a line over 300 chars is never a footer: skip the scan, most body text is that long)
    if n <= 300 {
        let hits = footer_hits(line);
        if hits > 0 && n <= 120 || hits >= 2 {
            return true;
        }
    }
    if n <= 30 && !has_clause_punct(line) && lex.nav.iter().any(|p| line.contains(p)) {
        return true;
    }
    if (line.starts_with("http://") || line.starts_with("https://") || line.starts_with("www.")) && !line.contains(char::is_whitespace) {
        return true;
    }
    if n <= 80 && !ends_sentence(line) && has_shape(line) {
        return true;
    }
    if is_menu_line(line) {
        return true;
    }
    false
}

/// The header of a block of unrelated headlines (`相关新闻`, `推荐阅读` …).
pub fn is_list_head(line: &str) -> bool {
    let n = line.chars().count();
    n <= 20
        && LEXICON
            .list_head
            .iter()
            .any(|p| line.trim_start_matches(['【', '[', '■', '●', '>', ' ', '#']).starts_with(p))
}

pub fn has_clause_punct(line: &str) -> bool {
    line.contains(['，', '。', '；', '！', '？', ',', ';', '、'])
}


/// A row of short menu items: `网站首页 | 关于我们 | …`, `氢能科技 沙蓬绿色种养产业模式 园区 园区`.
/// Table rows (cells with figures) are not menus.
pub fn is_menu_line(line: &str) -> bool {
    if has_clause_punct(line) || line.chars().count() > 200 {
        return false;
    }
    let piped = line.contains(['|', '｜', '丨']);
    let items: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '｜' | '丨' | '/' | '·' | '•'))
        .filter(|s| !s.is_empty())
        .collect();
    if items.len() < 3 {
        return false;
    }
    if items.iter().any(|s| s.chars().count() > 16) {
        return false;
    }
    let with_digits = items.iter().filter(|s| s.chars().any(|c| c.is_ascii_digit())).count();
    if with_digits * 3 > items.len() {
        return false; // a table row
    }
    let lex = &*LEXICON;
    let nav_word = items.iter().any(|s| lex.nav.iter().any(|p| s.contains(p)) || lex.footer.iter().any(|p| s.contains(p)));
    let mut sorted = items.clone();
    sorted.sort_unstable();
    sorted.dedup();
    let repeats = sorted.len() < items.len();
    let line_has_tab = line.contains('\t');
    (piped || nav_word || repeats) && (!line_has_tab || nav_word)
        || items.len() >= 6 && items.iter().all(|s| s.chars().all(is_cjk)) && !line_has_tab
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noise_table() {
        let cases: &[(&str, bool)] = &[
            ("12月5日：晴 气温4~18℃", true),
            ("新闻报料—8128787", true),
            ("网站首页", true),
            ("关于本站|网站声明|网站地图|联系我们", true),
            ("冀ICP备20013865号 冀公网安备 13010202001704号", true),
            ("网站标识码:1301000003", true),
            ("今日访问量", true),
            ("石家庄市人民政府办公室主办", false), // caught as a short trailing line instead
            ("发布时间:2022-08-11 09:08 来源:石家庄新闻网 【字体: 打印", true),
            ("浏览次数：1234", true),
            ("關鍵詞: 銀票網最新消息 方正金鼎", true),
            ("全媒体记者：周萱", true),
            ("编辑：周萱", true),
            ("★", true),
            ("免责声明:本网转载自其它媒体的文章,目的在于弘扬科技创新精神,传递更多科技创新信息,并不代表本网赞同其观点和对其真实性负责,在此我们谨向原作者和原媒体致以敬意。", true),
            ("网站首页  |  关于我们  |  联系方式  |  使用说明  |  隐私政策  |  免责声明  |  网站地图  |   |  粤ICP备05102027号", true),
            ("氢能科技 沙蓬绿色种养产业模式 联源科技 超联科技 园区 园区 园区 园区 园区", true),
            ("图为南湖区新建的文化礼堂", true),
            ("（记者 张三 摄）", true),
            ("为了上网推介、售卖家乡特产,安化县一块花生地里正录制视频 李尕 摄", true),
            ("https://baike.baidu.com/item/%E5%8E%BF?fr=aladdin", true),
            // content
            ("民之所盼,政之所向。", false),
            ("产品 单位 产量 比上年增长%", false),
            ("原煤\t亿吨\t47.1\t2.9", false),
            ("原煤 亿吨 47.1 2.9", false),
            ("用心办大事 书写共同富裕答卷", false),
            ("今年上半年,全市居民人均可支配收入16993元,增长5.1%。", false),
            ("全市已实现新冠疫苗接种38.41万剂次,拨打热线电话的群众满意率达99%。", false),
            ("民生实事,筑牢温暖底色", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_noise_line(line), *want, "{line}");
        }
    }

    #[test]
    fn list_heads() {
        assert!(is_list_head("相关新闻"));
        assert!(is_list_head("【推荐阅读】"));
        assert!(!is_list_head("相关新闻报道显示,今年全市新增就业2万人。"));
    }

    use regex::Regex;

    /// The pattern `has_shape` replaced: the oracle.
    static SHAPES: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::regex(
            r"(?x)
            # weather header: 12月5日：晴 气温4~18℃
              气温 \s* -? \d+ \s* [~～\-—至] \s* -? \d+ \s* (?:℃|°C|度)
            | ^ \d{1,2} 月 \d{1,2} 日 [:：]? \s* [晴阴陰雨雪多云雲]
            # hotline / contact header: 新闻报料—8128787, 热线电话：0715-8128787
            | (?:报料|報料|热线|熱線|电话|電話|传真|傳真|QQ|微信号|邮箱|郵箱|E-?mail) [^0-9]{0,8} \d[\d\-\s]{4,}
            # view counters: 浏览次数：123, 阅读 1234
            | (?:浏览|瀏覽|阅读|閱讀|点击|點擊|访问|訪問|播放) (?:次数|次數|量|数|數)? \s* [:：]? \s* \d+ \s* (?:次|人)? \s* $
            # SEO keywords and tags
            | ^ (?:关键词|關鍵詞|关键字|關鍵字|标签|標籤|Tags?|Keywords?) \s* [:：]
            # credit lines: 编辑：周萱, 全媒体记者：周萱, 责任编辑: 张三
            | ^ [(（【\[]? (?:全媒体记者|全媒體記者|融媒体记者|记者|記者|通讯员|通訊員|实习生|責任編輯|责任编辑|编辑|編輯|责编|責編|监制|監製|出品|审核|審核|校对|校對|终审|終審|初审|二审|三审|摄影|攝影|摄像|攝像|制作|製作|策划|策劃|统筹|統籌|主编|主編|美编|美編|图片|圖片|视频|視頻|文字|文/图|文/圖|图/文|作者|来源|來源|稿件来源|供稿)
              \s* [:：/|｜] .{0,24} $
            # captions: 图为…, (图片来源：…), （记者 张三 摄）
            | ^ [(（]? (?:图为|圖為|图片来源|圖片來源|图片由|图：|圖：|上图|下图|左图|右图)
            | [(（] [^()（）]{0,16} (?:摄|攝) [)）] $
            | ^ (?:图|圖) \s* \d{1,2} \s* [:：\s]
            # a photographer's credit closing a caption: …录制视频 李尕 摄
            | \s \S{2,4} \s? (?:摄|攝|供图|供圖) $
            # a bare address
            | ^ (?:https?://|www\.) \S+ $
            # share / toolbar rows
            | ^ (?:分享到|分享至|分享：|分享:)
            | 【 \s* (?:字体|字號|字号|打印|关闭|關閉|收藏|纠错) [^】]{0,12} 】?
            ",
        )
        .expect("noise shapes regex")
    });


    #[test]
    fn shapes_as_the_regex_did() {
        let check = |line: &str| assert_eq!(has_shape(line), SHAPES.is_match(line), "{line:?}");
        for line in crate::pattern::oracle::lines() {
            check(&line);
        }
        let alphabet = [
            "气温", "-", "—", "~", "～", "至", "℃", "°C", "度", "1", "2", "０", "９", " ", "　", "月", "日", ":", "：", "晴", "雨", "热线", "电话", "QQ",
            "E-mail", "Email", "浏览", "次数", "量", "次", "人", "关键词", "Tags", "Tag", "s", "(", "（", ")", "）", "【", "】", "[", "记者", "编辑",
            "文/图", "/", "|", "｜", "图为", "摄", "攝", "供图", "图", "https://", "www.", "分享到", "字体", "打印", "张三", "李", "x", "\n",
        ];
        for line in crate::pattern::oracle::random(&alphabet, 200_000, 10) {
            check(&line);
        }
    }

    #[test]
    fn lines_that_close_an_article() {
        for l in ["《 人民日报 》( 2024年05月10日 04 版)", "《人民日报》（2024年05月10日 第4版）", "(责任编辑:王洋)", "责编：李明", "【责任编辑：张三 】"] {
            assert!(closes_article(l), "{l}");
        }
        for l in ["《人民日报》发表评论员文章", "责任编辑部门负责审核稿件,确保质量。", "2024年05月10日 04 版"] {
            assert!(!closes_article(l), "{l}");
        }
    }
}
