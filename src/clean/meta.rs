//! Document facts from text: dates (→ ISO), datelines, `来源:` publishers, credit lines,
//! and site-name suffixes of `<title>`s.

use std::sync::LazyLock;

fn half(s: &str) -> String {
    s.chars().map(crate::normalise::half_width).collect()
}

fn ymd(y: &str, m: &str, d: Option<&str>) -> Option<String> {
    let y: u32 = y.parse().ok()?;
    let m: u32 = m.parse().ok()?;
    if !(1900..=2100).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    match d {
        Some(d) => {
            let d: u32 = d.parse().ok()?;
            (1..=31).contains(&d).then(|| format!("{y:04}-{m:02}-{d:02}"))
        }
        None => Some(format!("{y:04}-{m:02}")),
    }
}

// The dates, datelines and credits below are read by small scanners, not regexes (issue
// 12: no regex compiled before the first report). Each is one old pattern, kept as its
// oracle in the tests; `\d` is an ASCII or full-width digit and `\s` Unicode white space,
// as `pattern::regex` read them.

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The byte ends `\d{1,2}` can take at the start of `s`, longest first.
fn digits12(s: &str) -> impl Iterator<Item = usize> {
    let mut cs = s.chars().take_while(|&c| is_digit(c)).map(char::len_utf8);
    let one = cs.next();
    let two = one.zip(cs.next()).map(|(a, b)| a + b);
    two.into_iter().chain(one)
}

/// The byte length of exactly `n` leading `\d` of `s`.
fn digits_n(s: &str, n: usize) -> Option<usize> {
    let (k, b) = s.chars().take(n).take_while(|&c| is_digit(c)).fold((0, 0), |(k, b), c| (k + 1, b + c.len_utf8()));
    (k == n).then_some(b)
}

/// The starts a pattern beginning `(?:^|[…])` can read from at byte `p`: right there
/// when `p` is the start, then after the character at `p` when `prefix` allows it.
fn starts(s: &str, p: usize, prefix: impl Fn(char) -> bool) -> impl Iterator<Item = usize> {
    let here = (p == 0).then_some(0);
    here.into_iter().chain(s[p..].chars().next().filter(|&c| prefix(c)).map(|c| p + c.len_utf8()))
}

/// The first match of a pattern read by `at` (from each char boundary, left to right).
fn first<T>(s: &str, at: impl Fn(usize) -> Option<T>) -> Option<T> {
    s.char_indices().map(|(i, _)| i).chain([s.len()]).find_map(at)
}

/// `(?:^|[^0-9])(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[^0-9]|$)`:
/// year, month, day.
fn numeric_date(s: &str) -> Option<(&str, &str, &str)> {
    if !s.contains(is_digit) {
        return None; // (most lines: no position to try)
    }
    first(s, |p| {
        starts(s, p, |c| !c.is_ascii_digit()).into_iter().find_map(|y0| {
            let y1 = y0 + digits_n(&s[y0..], 4)?;
            let m0 = y1 + sep(&s[y1..], &['-', '/', '.', '年'])?;
            digits12(&s[m0..]).into_iter().find_map(|m| {
                let m1 = m0 + m;
                let d0 = m1 + sep(&s[m1..], &['-', '/', '.', '月'])?;
                // then white space, 日 and a non-digit, or the end: what follows the day
                // only has to be no ASCII digit
                digits12(&s[d0..]).into_iter().find_map(|d| {
                    let d1 = d0 + d;
                    (!s[d1..].starts_with(|c: char| c.is_ascii_digit())).then(|| (&s[y0..y1], &s[m0..m1], &s[d0..d1]))
                })
            })
        })
    })
}

/// `\s*[seps]\s*` at the start of `s`: its byte length.
fn sep(s: &str, seps: &[char]) -> Option<usize> {
    let t = s.trim_start().strip_prefix(seps)?.trim_start();
    Some(s.len() - t.len())
}

/// `(?:^|[^0-9])(\d{4})\s*年\s*(\d{1,2})\s*月(?:[^0-9日]|$)`: year, month.
fn year_month(s: &str) -> Option<(&str, &str)> {
    if !s.contains(is_digit) {
        return None; // (most lines: no position to try)
    }
    first(s, |p| {
        starts(s, p, |c| !c.is_ascii_digit()).into_iter().find_map(|y0| {
            let y1 = y0 + digits_n(&s[y0..], 4)?;
            let m0 = y1 + sep(&s[y1..], &['年'])?;
            digits12(&s[m0..]).into_iter().find_map(|m| {
                let m1 = m0 + m;
                let t = s[m1..].trim_start().strip_prefix('月')?;
                (!t.starts_with(|c: char| c.is_ascii_digit() || c == '日')).then(|| (&s[y0..y1], &s[m0..m1]))
            })
        })
    })
}

/// `(?:^|[(（\s])((?:19|20)\d{2})(\d{2})(\d{2})(?:[)）\s]|$)`: year, month, day.
fn compact_date(s: &str) -> Option<(&str, &str, &str)> {
    if !s.contains(is_digit) {
        return None; // (most lines: no position to try)
    }
    first(s, |p| {
        starts(s, p, |c| c == '(' || c == '（' || c.is_whitespace()).into_iter().find_map(|y0| {
            let r = &s[y0..];
            if !(r.starts_with("19") || r.starts_with("20")) {
                return None;
            }
            let y1 = y0 + 2 + digits_n(&r[2..], 2)?;
            let m1 = y1 + digits_n(&s[y1..], 2)?;
            let d1 = m1 + digits_n(&s[m1..], 2)?;
            let t = &s[d1..];
            (t.is_empty() || t.starts_with(|c: char| c == ')' || c == '）' || c.is_whitespace())).then(|| (&s[y0..y1], &s[y1..m1], &s[m1..d1]))
        })
    })
}

/// A letter of `[a-z]` under `(?i)`: Unicode simple case folding adds K (Kelvin) and ſ.
fn ci_eq(c: char, lower: char) -> bool {
    c.to_ascii_lowercase() == lower || lower == 'k' && c == '\u{212A}' || lower == 's' && c == 'ſ'
}

/// A month name's first three letters at the start of `s` (case ignored): their length.
fn month_word(s: &str) -> Option<usize> {
    const M: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let cs: Vec<char> = s.chars().take(3).collect();
    M.iter().any(|m| cs.len() == 3 && m.chars().zip(&cs).all(|(l, &c)| ci_eq(c, l))).then(|| cs.iter().map(|c| c.len_utf8()).sum())
}

/// `[a-z]*` under `(?i)` at the start of `s`: its byte length.
fn letters(s: &str) -> usize {
    s.chars().take_while(|&c| ('a'..='z').any(|l| ci_eq(c, l))).map(char::len_utf8).sum()
}

/// `\s+` at the start of `s`: its byte length, when there is some.
fn ws1(s: &str) -> Option<usize> {
    let n = s.len() - s.trim_start().len();
    (n > 0).then_some(n)
}

/// `(\d{1,2})\s+(month)[a-z]*\.?,?\s+(\d{4})` or `(month)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})`
/// (case ignored): day, month word, year.
fn english_date(s: &str) -> Option<(&str, &str, &str)> {
    if !s.contains(is_digit) {
        return None; // (most lines: no position to try)
    }
    let opt = |s: &str, c: char| usize::from(s.starts_with(c));
    first(s, |p| {
        // 04 Dec 2021
        let day_first = digits12(&s[p..]).into_iter().find_map(|d| {
            let d1 = p + d;
            let m0 = d1 + ws1(&s[d1..])?;
            let m1 = m0 + month_word(&s[m0..])?;
            let mut e = m1 + letters(&s[m1..]);
            e += opt(&s[e..], '.');
            e += opt(&s[e..], ',');
            let y0 = e + ws1(&s[e..])?;
            let y1 = y0 + digits_n(&s[y0..], 4)?;
            Some((&s[p..d1], &s[m0..m1], &s[y0..y1]))
        });
        day_first.or_else(|| {
            // Dec 4, 2021
            let m1 = p + month_word(&s[p..])?;
            let mut e = m1 + letters(&s[m1..]);
            e += opt(&s[e..], '.');
            let d0 = e + ws1(&s[e..])?;
            digits12(&s[d0..]).into_iter().find_map(|d| {
                let d1 = d0 + d;
                let e = d1 + opt(&s[d1..], ',');
                let y0 = e + ws1(&s[e..])?;
                let y1 = y0 + digits_n(&s[y0..], 4)?;
                Some((&s[d0..d1], &s[p..m1], &s[y0..y1]))
            })
        })
    })
}

/// Words of a dateline or byline (`发布时间`, `来源:`, `责任编辑`, `浏览次数`, `打印` …).
const META_WORDS: &[&str] = &[
    "发布时间", "發布時間", "发布日期", "發佈日期", "發布日期", "更新时间", "更新時間", "时间:", "时间：", "時間:", "時間：", "来源:", "来源：",
    "來源:", "來源：", "作者:", "作者：", "责任编辑", "責任編輯", "编辑:", "编辑：", "編輯:", "編輯：", "稿源", "出处:", "出处：", "浏览次数",
    "浏览量", "阅读量", "阅读数", "点击数", "点击量", "瀏覽次數", "閱讀", "字体", "字號", "字号", "打印", "分享到", "收藏",
];

/// The byte end of a date (and time) at the start of a line (`^[\s　]*\d{4}\s*[-/.年]\s*
/// \d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?`).
fn leading_date(s: &str) -> Option<usize> {
    let y0 = s.len() - s.trim_start().len();
    let y1 = y0 + digits_n(&s[y0..], 4)?;
    let m0 = y1 + sep(&s[y1..], &['-', '/', '.', '年'])?;
    let d0 = digits12(&s[m0..]).into_iter().find_map(|m| Some(m0 + m + sep(&s[m0 + m..], &['-', '/', '.', '月'])?))?;
    // everything after the day is optional: the longest of each part
    let d1 = d0 + digits12(&s[d0..]).next()?;
    let mut e = s.len() - s[d1..].trim_start().len();
    if s[e..].starts_with('日') {
        e += '日'.len_utf8();
    }
    let time = |t: usize| -> Option<usize> {
        let h0 = s.len() - s[t..].trim_start().len();
        let m0 = digits12(&s[h0..]).into_iter().find_map(|h| s[h0 + h..].strip_prefix([':', '：']).map(|r| s.len() - r.len()))?;
        let mut e = m0 + digits_n(&s[m0..], 2)?;
        if let Some(s0) = s[e..].strip_prefix([':', '：']).map(|r| s.len() - r.len()) {
            if let Some(n) = digits_n(&s[s0..], 2) {
                e = s0 + n;
            }
        }
        Some(e)
    };
    Some(time(e).unwrap_or(e))
}

/// A name after a `来源:`-style word: `\s*[:：]\s*([^\s|｜【\[()（）:：,，。]{2,max})`.
fn named_after(s: &str, max: usize) -> Option<&str> {
    let r = s.trim_start().strip_prefix([':', '：'])?.trim_start();
    let n: usize = r
        .chars()
        .take_while(|&c| !c.is_whitespace() && !"|｜【[()（）:：,，。".contains(c))
        .take(max)
        .map(char::len_utf8)
        .sum();
    (r[..n].chars().count() >= 2).then(|| &r[..n])
}

/// `(?:来源|來源|稿源|出处|出處)\s*[:：]\s*([^…]{2,30})`: the publisher named.
fn source(s: &str) -> Option<&str> {
    first(s, |p| {
        let r = &s[p..];
        let w = ["来源", "來源", "稿源", "出处", "出處"].iter().find(|w| r.starts_with(*w))?;
        named_after(&r[w.len()..], 30)
    })
}

/// `(?:^|\s)(?:作者|作\s者)\s*[:：]\s*([^…]{2,20})`: the author named.
fn author(s: &str) -> Option<&str> {
    first(s, |p| {
        starts(s, p, char::is_whitespace).into_iter().find_map(|a| {
            let r = &s[a..];
            let t = r.strip_prefix("作者").or_else(|| {
                let t = r.strip_prefix('作')?;
                let c = t.chars().next().filter(|c| c.is_whitespace())?;
                t[c.len_utf8()..].strip_prefix('者')
            })?;
            named_after(t, 20)
        })
    })
}

fn month_no(m: &str) -> Option<&'static str> {
    const M: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    const N: [&str; 12] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"];
    let m = m.to_ascii_lowercase();
    M.iter().position(|x| m.starts_with(x)).map(|i| N[i])
}

/// A date anywhere in `s` → ISO `YYYY-MM-DD` (or `YYYY-MM`).
pub fn parse_date(s: &str) -> Option<String> {
    let s = half(s);
    if let Some((y, m, d)) = numeric_date(&s) {
        if let Some(d) = ymd(y, m, Some(d)) {
            return Some(d);
        }
    }
    if let Some((d, m, y)) = english_date(&s) {
        if let Some(r) = ymd(y, month_no(m)?, Some(d)) {
            return Some(r);
        }
    }
    if let Some((y, m, d)) = compact_date(&s) {
        if let Some(d) = ymd(y, m, Some(d)) {
            return Some(d);
        }
    }
    if let Some((y, m)) = year_month(&s) {
        return ymd(y, m, None);
    }
    None
}

/// Whether a (short) line is a dateline or a byline, i.e. page furniture carrying
/// document facts rather than article text.
pub fn is_meta_line(line: &str) -> bool {
    let n = line.chars().count();
    if n > 90 {
        return false;
    }
    let h = half(line);
    static META: LazyLock<crate::pattern::Words> = LazyLock::new(|| crate::pattern::Words::new(META_WORDS));
    if META.occur_in(&h) && (numeric_date(&h).is_some() || n <= 40) {
        return !ends_sentence(line);
    }
    if let Some(end) = leading_date(&h) {
        let rest = h[end..].trim();
        return rest.chars().count() <= 32 && !rest.contains(['。', '，', ',']);
    }
    false
}

pub fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .chars()
        .last()
        .is_some_and(|c| matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '…' | '”' | '」' | '』' | '.'))
}

pub fn publisher_in(line: &str) -> Option<String> {
    // every word before a publisher ends in one of these
    if !line.contains(['源', '处', '處']) {
        return None;
    }
    source(line).map(|c| c.trim().to_string()).filter(|s| s.chars().count() >= 2)
}

pub fn author_in(line: &str) -> Option<String> {
    if !line.contains('作') {
        return None;
    }
    author(line).map(|c| c.trim().to_string())
}

/// `益阳：“数字”是优长-半月谈` → `益阳：“数字”是优长`: drops short site-name segments after
/// the last ` - `, `_`, `|`, `—` (repeatedly).
pub fn strip_title_suffix(title: &str) -> String {
    let mut t = title.trim().to_string();
    loop {
        let cut = ['|', '｜', '_', '-', '—', '–', '·']
            .iter()
            .filter_map(|&sep| t.rfind(sep).map(|i| (i, sep)))
            .max_by_key(|&(i, _)| i);
        let Some((i, sep)) = cut else { break };
        let head = t[..i].trim();
        let tail = t[i + sep.len_utf8()..].trim();
        let tail_len = tail.chars().count();
        // A hyphen inside a date or a number range is not a separator.
        let digit_around = sep == '-'
            && head.chars().last().is_some_and(|c| c.is_ascii_digit())
            && tail.chars().next().is_some_and(|c| c.is_ascii_digit());
        if head.chars().count() >= 4 && tail_len <= 16 && !digit_around {
            t = head.trim_end_matches(['-', '_', '|', ' ']).to_string();
        } else {
            break;
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_table() {
        let cases: &[(&str, Option<&str>)] = &[
            ("2022-08-11 09:08来源:石家庄新闻网", Some("2022-08-11")),
            ("发布时间：2022/8/1", Some("2022-08-01")),
            ("2022年8月11日", Some("2022-08-11")),
            ("立法會  ─  2013年 1月 16日", Some("2013-01-16")),
            ("２０２１年４月１９日", Some("2021-04-19")),
            ("Sat, 04 Dec 2021 14:09:12 GMT", Some("2021-12-04")),
            ("2023-08-28T11:59:50.649Z", Some("2023-08-28")),
            ("Dec 4, 2021", Some("2021-12-04")),
            ("# 《新闻联播》 (20240229)", Some("2024-02-29")),
            ("2021年4月", Some("2021-04")),
            ("2022-13-45", None),
            ("电话 12345678", None),
            ("", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_date(s).as_deref(), *want, "{s}");
        }
    }

    #[test]
    fn meta_lines_table() {
        let cases: &[(&str, bool)] = &[
            ("2022-08-11 09:08来源:石家庄新闻网", true),
            ("发布时间:2022-08-11 09:08 来源:石家庄新闻网 【字体: 打印", true),
            ("   2021-04-19 聊城开发区", true),
            ("来源：新华网", true),
            ("2021年,南湖区坚持“制造业强区、服务业兴区”双轮驱动,全区各项主要经济指标列全市前茅。", false),
            ("2022年8月11日,全市城镇新增就业2.1万人,增长3.7%。", false),
        ];
        for (s, want) in cases {
            assert_eq!(is_meta_line(s), *want, "{s}");
        }
        assert_eq!(publisher_in("2022-08-11 09:08来源:石家庄新闻网").as_deref(), Some("石家庄新闻网"));
        assert_eq!(publisher_in("发布时间:2022 来源:石家庄新闻网 【字体").as_deref(), Some("石家庄新闻网"));
        assert_eq!(author_in("作者：孔德明 来源").as_deref(), Some("孔德明"));
    }

    #[test]
    fn title_suffix_table() {
        let cases: &[(&str, &str)] = &[
            ("益阳：“数字”是优长-半月谈", "益阳：“数字”是优长"),
            ("话剧巡演_新华网河北频道", "话剧巡演"),
            ("标题文字 - 频道 - 网站", "标题文字"),
            ("2020-2022年三年行动方案", "2020-2022年三年行动方案"),
            ("短-很长的后半部分标题文字超过十六个字的时候不切", "短-很长的后半部分标题文字超过十六个字的时候不切"),
        ];
        for (s, want) in cases {
            assert_eq!(strip_title_suffix(s), *want, "{s}");
        }
    }

    use regex::Regex;
    use std::sync::LazyLock;

    // The patterns the scanners replaced: the oracles.
    static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::regex(
            r"(?x)
            (?:^|[^0-9])
            (\d{4}) \s* [-/.年] \s* (\d{1,2}) \s* [-/.月] \s* (\d{1,2}) \s* 日?
            (?:[^0-9]|$)",
        )
        .expect("date regex")
    });

    static YEAR_MONTH: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::regex(r"(?x) (?:^|[^0-9]) (\d{4}) \s* 年 \s* (\d{1,2}) \s* 月 (?:[^0-9日]|$)").expect("ym regex")
    });

    static COMPACT_DATE: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::regex(
            r"(?x)
            (?:^|[(（\s])            # standing alone or in brackets: (20240229)
            ((?:19|20)\d{2}) (\d{2}) (\d{2})
            (?:[)）\s]|$)",
        )
        .expect("compact date regex")
    });

    static ENGLISH_DATE: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::regex(
            r"(?xi)
            (?: (\d{1,2}) \s+ (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \.? ,? \s+ (\d{4})   # 04 Dec 2021
              | (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \.? \s+ (\d{1,2}) ,? \s+ (\d{4})  # Dec 4, 2021
            )",
        )
        .expect("english date regex")
    });

    static META_LINE: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::regex(
            r"(?x)
            发布时间|發布時間|发布日期|發佈日期|發布日期|更新时间|更新時間|时间[:：]|時間[:：]
            |来源[:：]|來源[:：]|作者[:：]|责任编辑|責任編輯|编辑[:：]|編輯[:：]|稿源|出处[:：]
            |浏览次数|浏览量|阅读量|阅读数|点击数|点击量|瀏覽次數|閱讀
            |【?字[体號号]|打印|分享到|收藏",
        )
        .expect("meta line regex")
    });

    static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::regex(
            r"(?x)
            (?:来源|來源|稿源|出处|出處) \s* [:：] \s*
            ([^\s|｜【\[()（）:：,，。]{2,30})",
        )
        .expect("source regex")
    });

    static AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::regex(r"(?x) (?:^|\s) (?:作者|作\s者) \s* [:：] \s* ([^\s|｜【\[()（）:：,，。]{2,20})").expect("author regex")
    });

/// A date at the start of a short header line: `2021-04-19 聊城开发区`,
    /// `2022-08-11 09:08来源:…`, `2022年8月11日 星期四`.
    static LEADING_DATE: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::regex(
            r"(?x) ^ [\s　]* \d{4} \s* [-/.年] \s* \d{1,2} \s* [-/.月] \s* \d{1,2} \s* 日?
            (?: \s* \d{1,2} [:：] \d{2} (?: [:：] \d{2} )? )?",
        )
        .expect("leading date regex")
    });


    #[test]
    fn scanners_as_the_regexes_did() {
        let a = [
            "2022", "1", "12", "０", "８", "19", "2024", "0229", " ", "　", "-", "/", ".", "年", "月", "日", ":", "：", "09:08", "(", "）", "x", "Dec", "dec",
            "SEP", "ſep", "Kx", "ember", ",", "来源", "出處", "作者", "作", "者", "新华网", "|", "。", "发布时间", "打印", "【字体",
        ];
        let mut all = crate::pattern::oracle::lines();
        all.extend(crate::pattern::oracle::random(&a, 200_000, 10));
        // and two smaller alphabets, so that English dates and datelines come up often
        let en = ["04", "4", " ", "Dec", "dec", "SEP", "ſep", "Kx", "ember", ".", ",", "2021", "12", "x", "\t", "１"];
        all.extend(crate::pattern::oracle::random(&en, 100_000, 8));
        let dl = ["2022", " ", "　", "-", "/", "年", "8", "11", "月", "日", "09:08", "9", ":", "：", "00", "x", "０"];
        all.extend(crate::pattern::oracle::random(&dl, 100_000, 10));
        // every combination of the parts of an English date and of a dateline
        fn grid(parts: &[&[&str]]) -> Vec<String> {
            parts.iter().fold(vec![String::new()], |acc, ps| acc.iter().flat_map(|a| ps.iter().map(move |p| format!("{a}{p}"))).collect())
        }
        let day: &[&str] = &["", "4", "04", "123", "１", "x4"];
        let ws: &[&str] = &["", " ", "  ", "\t"];
        let mon: &[&str] = &["Dec", "dec", "SEP", "ſep", "Kec", "Decx", "Decembers", "De"];
        let punct: &[&str] = &["", ".", ",", ".,", ",."];
        let year: &[&str] = &["2021", "202", "20211", "２０２１"];
        all.extend(grid(&[day, ws, mon, punct, ws, year]));
        all.extend(grid(&[mon, punct, ws, day, punct, ws, year]));
        let lead: &[&str] = &["", " ", "　"];
        let y: &[&str] = &["2022", "202", "２０２２"];
        let s1: &[&str] = &["-", "年", " - ", "/"];
        let m: &[&str] = &["8", "08", "123", ""];
        let s2: &[&str] = &["-", "月", " "];
        let d: &[&str] = &["1", "11", "111"];
        let tail: &[&str] = &["", " ", "日", " 日"];
        let time: &[&str] = &["", " 09:08", "09:08:00", " 9：08", "9:8", "09:08:0", "日x"];
        all.extend(grid(&[lead, y, s1, m, s2, d, tail, time]));
        let halves: Vec<String> = all.iter().map(|s| half(s)).collect();
        all.extend(halves);
        for s in &all {
            let s = s.as_str();
            fn c3<'a>(c: regex::Captures<'a>) -> (&'a str, &'a str, &'a str) {
                (c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str(), c.get(3).unwrap().as_str())
            }
            assert_eq!(numeric_date(s), NUMERIC_DATE.captures(s).map(c3), "{s:?}");
            assert_eq!(compact_date(s), COMPACT_DATE.captures(s).map(c3), "{s:?}");
            assert_eq!(year_month(s), YEAR_MONTH.captures(s).map(|c| (c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str())), "{s:?}");
            let en = ENGLISH_DATE.captures(s).map(|c| match c.get(1) {
                Some(d) => (d.as_str(), c.get(2).unwrap().as_str(), c.get(3).unwrap().as_str()),
                None => (c.get(5).unwrap().as_str(), c.get(4).unwrap().as_str(), c.get(6).unwrap().as_str()),
            });
            assert_eq!(english_date(s), en, "{s:?}");
            assert_eq!(crate::pattern::Words::new(META_WORDS).occur_in(s), META_LINE.is_match(s), "{s:?}");
            assert_eq!(leading_date(s), LEADING_DATE.find(s).map(|m| m.end()), "{s:?}");
            assert_eq!(source(s), SOURCE.captures(s).map(|c| c.get(1).unwrap().as_str()), "{s:?}");
            assert_eq!(author(s), AUTHOR.captures(s).map(|c| c.get(1).unwrap().as_str()), "{s:?}");
        }
    }
}
