//! Document facts from text: dates (→ ISO), datelines, `来源:` publishers, credit lines,
//! and site-name suffixes of `<title>`s.

use std::sync::LazyLock;

use regex::Regex;

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

fn month_no(m: &str) -> Option<&'static str> {
    const M: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    const N: [&str; 12] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"];
    let m = m.to_ascii_lowercase();
    M.iter().position(|x| m.starts_with(x)).map(|i| N[i])
}

/// A date anywhere in `s` → ISO `YYYY-MM-DD` (or `YYYY-MM`).
pub fn parse_date(s: &str) -> Option<String> {
    let s = half(s);
    if let Some(c) = NUMERIC_DATE.captures(&s) {
        if let Some(d) = ymd(&c[1], &c[2], Some(&c[3])) {
            return Some(d);
        }
    }
    // (a regex not compiled at all for the many texts without a Latin month name)
    if let Some(c) = s.bytes().any(|b| b.is_ascii_alphabetic()).then(|| ENGLISH_DATE.captures(&s)).flatten() {
        let (d, m, y) = if c.get(1).is_some() {
            (c.get(1), c.get(2), c.get(3))
        } else {
            (c.get(5), c.get(4), c.get(6))
        };
        if let (Some(d), Some(m), Some(y)) = (d, m, y) {
            if let Some(r) = ymd(y.as_str(), month_no(m.as_str())?, Some(d.as_str())) {
                return Some(r);
            }
        }
    }
    if let Some(c) = COMPACT_DATE.captures(&s) {
        if let Some(d) = ymd(&c[1], &c[2], Some(&c[3])) {
            return Some(d);
        }
    }
    if let Some(c) = YEAR_MONTH.captures(&s) {
        return ymd(&c[1], &c[2], None);
    }
    None
}

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

/// Whether a (short) line is a dateline or a byline, i.e. page furniture carrying
/// document facts rather than article text.
pub fn is_meta_line(line: &str) -> bool {
    let n = line.chars().count();
    if n > 90 {
        return false;
    }
    let h = half(line);
    if META_LINE.is_match(&h) && (NUMERIC_DATE.is_match(&h) || n <= 40) {
        return !ends_sentence(line);
    }
    if let Some(m) = LEADING_DATE.find(&h) {
        let rest = h[m.end()..].trim();
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
    // every alternative of SOURCE ends in one of these (the regex is compiled only when needed)
    if !line.contains(['源', '处', '處']) {
        return None;
    }
    SOURCE.captures(line).map(|c| c[1].trim().to_string()).filter(|s| s.chars().count() >= 2)
}

pub fn author_in(line: &str) -> Option<String> {
    if !line.contains('作') {
        return None;
    }
    AUTHOR.captures(line).map(|c| c[1].trim().to_string())
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
}
