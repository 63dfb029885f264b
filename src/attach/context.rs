//! Document context: what the whole document says about when and where, for the figures
//! that do not say it themselves (SPEC §2: "period and region come from the whole
//! document, not only the sentence").
//!
//! - the document's date, wherever it is written ([`document_date`]);
//! - the period of its title (`2023年…统计公报`), which holds for every figure that
//!   states no other ([`title_period`]);
//! - headings (`一、2025年工作回顾`, a news item's headline), which open a scope of their
//!   own ([`is_heading`]).
//!
//! Hand-written scanners, not regexes: this runs before the first figure is reported.

use super::period;
use crate::report::Period;

/// What the attach stages need to know about the whole document.
#[derive(Debug, Clone, Default)]
pub struct DocContext {
    /// ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: Option<String>,
    /// The unit the document is mainly about, as the report names it.
    pub region: Option<String>,
    /// The same unit as a place of the gazetteer, for `全省` and for names to resolve.
    pub place: Option<super::region::Place>,
    /// The period of the title, the default of every figure.
    pub period: Option<Period>,
}

impl DocContext {
    /// The document's division, as context for resolving the names a text writes.
    pub fn place_ids(&self) -> Vec<super::gazetteer::Id> {
        self.place.iter().filter_map(|p| p.id).collect()
    }
}

/// A date written with its year: `2021年5月18日`, `2021-05-18`, `2021/5/18`, `2021.5.18`
/// at char `i` of `c`. Returns (year, month, day, chars used).
fn full_date_at(c: &[char], i: usize) -> Option<(u32, u32, u32, usize)> {
    let (y, mut j) = digits(c, i, 4, 4)?;
    if !(1900..=2100).contains(&y) {
        return None;
    }
    let sep = *c.get(j)?;
    if !matches!(sep, '年' | '-' | '/' | '.') {
        return None;
    }
    j += 1;
    let (m, k) = digits(c, j, 1, 2)?;
    j = k;
    let sep2 = *c.get(j)?;
    let ok = match sep {
        '年' => sep2 == '月',
        s => sep2 == s,
    };
    if !ok {
        return None;
    }
    j += 1;
    let (d, k) = digits(c, j, 1, 2)?;
    j = k;
    if sep == '年' && c.get(j) == Some(&'日') {
        j += 1;
    } else if sep == '年' && c.get(j) != Some(&'号') {
        return None;
    }
    valid(y, m, d).then_some((y, m, d, j - i))
}

/// `5月9日` at char `i`: (month, day, chars used).
fn month_day_at(c: &[char], i: usize) -> Option<(u32, u32, usize)> {
    let (m, mut j) = digits(c, i, 1, 2)?;
    if c.get(j) != Some(&'月') {
        return None;
    }
    j += 1;
    let (d, k) = digits(c, j, 1, 2)?;
    j = k;
    if !matches!(c.get(j), Some('日' | '号')) {
        return None;
    }
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d, j + 1 - i))
}

/// ASCII digits at `i`, between `min` and `max` of them, not preceded or followed by
/// another digit.
fn digits(c: &[char], i: usize, min: usize, max: usize) -> Option<(u32, usize)> {
    if i > 0 && c.get(i - 1).is_some_and(char::is_ascii_digit) {
        return None;
    }
    let n = c[i.min(c.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
    if n < min || n > max {
        return None;
    }
    let v = c[i..i + n].iter().fold(0u32, |v, d| v * 10 + d.to_digit(10).unwrap_or(0));
    Some((v, i + n))
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    (1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

fn iso(y: u32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// The first full date in `s`, as ISO.
fn first_full_date(s: &str) -> Option<String> {
    let c: Vec<char> = s.chars().collect();
    (0..c.len()).find_map(|i| full_date_at(&c, i)).map(|(y, m, d, _)| iso(y, m, d))
}

/// A compact `YYYYMMDD` standing alone in `s` (a file name, `【原刊期号】19990407`).
fn compact_date(s: &str) -> Option<String> {
    let c: Vec<char> = s.chars().collect();
    (0..c.len()).find_map(|i| {
        let (v, _) = digits(&c, i, 8, 8)?;
        let (y, m, d) = (v / 10000, v / 100 % 100, v % 100);
        valid(y, m, d).then(|| iso(y, m, d))
    })
}

/// `YYYY-MM-DD` or `YYYY_MM_DD` in a file name.
fn name_date(name: &str) -> Option<String> {
    let c: Vec<char> = name.chars().map(|c| if c == '_' { '-' } else { c }).collect();
    (0..c.len())
        .find_map(|i| full_date_at(&c, i).filter(|_| c.get(i + 4) == Some(&'-')).map(|(y, m, d, _)| iso(y, m, d)))
        .or_else(|| compact_date(name))
}

/// Labels of a date in a header block or a meta line: `【日期】`, `发布时间：`.
const DATE_LABELS: &[&str] = &[
    "发布时间", "发布日期", "发稿时间", "发文日期", "成文日期", "印发日期", "日期", "时间", "原刊期号", "刊期",
    "publish_date", "pubdate", "date",
];

/// A date after one of [`DATE_LABELS`] in the first lines of the raw text: header blocks
/// (`【日期】1999.04.07`, `【原刊期号】19990407`), `发布时间：2024-05-13`, CSV or YAML
/// metadata (`publish_date: …`, a `publish_date` column).
fn labelled_date(raw: &str) -> Option<String> {
    let head: String = raw.chars().take(4000).collect();
    let lines: Vec<&str> = head.lines().collect();
    for (li, line) in lines.iter().enumerate() {
        let l = line.trim_start_matches(['【', '[', ' ', '\t', '#', '*']);
        for label in DATE_LABELS {
            let Some(rest) = l.strip_prefix(label).or_else(|| l.find(label).filter(|&p| p > 0 && l[..p].ends_with(['】', ' ', '|'])).map(|p| &l[p + label.len()..])) else {
                continue;
            };
            let rest = rest.trim_start_matches(['】', ']', ':', '：', ' ', '\t', '=', '"']);
            if let Some(d) = first_full_date(rest).or_else(|| compact_date(rest)) {
                return Some(d);
            }
        }
        // a CSV header with a date column: the first data row's cell under it
        if li + 1 < lines.len() && line.contains(',') {
            let cols: Vec<&str> = line.split(',').map(|c| c.trim().trim_matches('"')).collect();
            if let Some(k) = cols.iter().position(|c| matches!(*c, "publish_date" | "pubdate" | "date" | "发布日期" | "日期")) {
                let cells: Vec<&str> = lines[li + 1].split(',').collect();
                if let Some(d) = cells.get(k).and_then(|v| first_full_date(v).or_else(|| compact_date(v))) {
                    return Some(d);
                }
            }
        }
    }
    None
}

/// Sources of a dateline: `新华社北京4月17日电`, `红网5月9日讯`, `本报讯（记者…）5月9日`.
const DATELINE_ENDS: &[char] = &['电', '讯'];

/// A dateline's month and day in the first paragraph: a month-day followed by `电`/`讯`
/// within a few characters, or a `讯` followed by a month-day.
fn dateline(first: &str) -> Option<(u32, u32)> {
    let c: Vec<char> = first.chars().take(80).collect();
    for i in 0..c.len() {
        if let Some((m, d, n)) = month_day_at(&c, i) {
            let after = &c[i + n..(i + n + 2).min(c.len())];
            if after.first().is_some_and(|x| DATELINE_ENDS.contains(x)) {
                return Some((m, d));
            }
            // 本报讯（记者 张三）5月9日, 据新华社报道5月9日
            let before: String = c[..i].iter().collect();
            if before.contains('讯') && i < 40 {
                return Some((m, d));
            }
        }
    }
    None
}

/// The latest plausible year written in `text` (`2006年`), for a dateline without one.
fn latest_year(text: &str, cap: Option<u32>) -> Option<u32> {
    let c: Vec<char> = text.chars().collect();
    (0..c.len())
        .filter_map(|i| {
            let (y, j) = digits(&c, i, 4, 4)?;
            (c.get(j) == Some(&'年') && (1950..=2100).contains(&y) && cap.is_none_or(|cap| y <= cap)).then_some(y)
        })
        // a year that opens a range or a plan (2021-2025年) counts by its end only
        .max()
}

/// A date line that closes a report: `——2026年1月27日在…上`, `2024年5月13日` alone.
fn closing_date(body: &str) -> Option<String> {
    let lines: Vec<&str> = body.lines().filter(|l| !l.trim().is_empty()).collect();
    let tail = &lines[lines.len().saturating_sub(3)..];
    tail.iter().rev().find_map(|l| {
        let t = l.trim().trim_start_matches(['—', '-', ' ', '（', '(']);
        let c: Vec<char> = t.chars().collect();
        let (y, m, d, n) = full_date_at(&c, 0)?;
        // the line is the date, perhaps with where it was said: not a sentence about it
        let rest: String = c[n..].iter().collect();
        let sentence = rest.chars().count() > 30 || rest.contains(['，', ',']);
        (!sentence).then(|| iso(y, m, d))
    })
}

/// The date of the document, wherever it is written. In order:
/// 1. a full date in the first line of the body, when the metadata has none or a later
///    one (a programme's or report's own dateline beats the date a page was put online);
/// 2. the date the cleaning stage read from front matter, `<meta>`, `<time>` or a
///    header line;
/// 3. a labelled date in the raw text's header (`【日期】`, `发布时间：`, a `publish_date`
///    column);
/// 4. a dateline (`新华社北京4月17日电`, `红网5月9日讯`), its year from the metadata or the
///    latest year the text writes;
/// 5. a date line that closes the report;
/// 6. a date in the file name.
pub fn document_date(meta_date: Option<&str>, raw: &str, body: &str, name: &str) -> Option<String> {
    let first = body.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let opening: String = first.chars().take(60).collect();
    if let Some(d) = first_full_date(&opening) {
        if meta_date.is_none_or(|m| d.as_str() < m) {
            return Some(d);
        }
    }
    if let Some(m) = meta_date {
        return Some(m.to_string());
    }
    if let Some(d) = labelled_date(raw) {
        return Some(d);
    }
    if let Some((m, d)) = dateline(first) {
        let year = latest_year(body, None);
        if let Some(y) = year {
            return Some(iso(y, m, d));
        }
    }
    closing_date(body).or_else(|| name_date(name))
}

/// The period a title names (`2023年国民经济和社会发展统计公报`, `2022年上半年…`): one
/// with bounds, which every figure without a period of its own takes.
pub fn title_period(title: Option<&str>, date: Option<&str>) -> Option<Period> {
    let t = crate::normalise::normalise(title?).text;
    period::find(&t, date)
        .into_iter()
        .map(|f| f.period)
        .find(|p| p.text.contains('年') && p.start.is_some() && p.end.is_some())
}

/// List marks that open a heading: `一、`, `（三）`, `3.`, `第二部分`.
fn opens_with_list_mark(c: &[char]) -> bool {
    const CN: &str = "一二三四五六七八九十";
    let n = c.iter().take_while(|x| CN.contains(**x)).count();
    if n > 0 && matches!(c.get(n), Some('、' | '是')) {
        return c.get(n) == Some(&'、');
    }
    if matches!(c.first(), Some('(' | '（')) {
        let k = c[1..].iter().take_while(|x| CN.contains(**x) || x.is_ascii_digit()).count();
        return k > 0 && matches!(c.get(1 + k), Some(')' | '）'));
    }
    let d = c.iter().take_while(|x| x.is_ascii_digit()).count();
    d > 0 && d <= 2 && matches!(c.get(d), Some('.' | '、')) && !c.get(d + 1).is_some_and(char::is_ascii_digit)
}

/// Whether a sentence opens an item of an enumeration inside a paragraph, as government
/// reports list their measures: `一是…;二是…`, `第一,…`, `其二,…`, `（三）…`, `2.…`.
pub fn opens_list_item(sentence: &[char]) -> bool {
    const CN: &str = "一二三四五六七八九十";
    let rest = match sentence.first() {
        Some('第' | '其') => &sentence[1..],
        _ => sentence,
    };
    let n = rest.iter().take_while(|x| CN.contains(**x)).count();
    if n > 0 {
        let after = rest.get(n);
        return match sentence.first() {
            Some('第' | '其') => matches!(after, Some('，' | ',' | '、' | '是' | '：' | ':')),
            _ => matches!(after, Some('是' | '、')),
        };
    }
    opens_with_list_mark(sentence)
}

/// Whether a line of the body is a heading: short, and either opened by a list mark or
/// not a sentence (no sentence-final or clause punctuation at its end).
pub fn is_heading(line: &str) -> bool {
    let t = line.trim();
    let c: Vec<char> = t.chars().collect();
    // a news headline may run to 60 characters, in parts spaced apart
    if c.is_empty() || c.len() > 60 || c.len() > 40 && !t.contains(' ') {
        return false;
    }
    let ends_sentence = c.last().is_some_and(|x| matches!(x, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '，' | ',' | '：' | ':' | '…'))
        || c.iter().any(|x| matches!(x, '。' | '，' | ',' | '；' | ';'));
    if opens_with_list_mark(&c) {
        // `一、2025年工作回顾` — but not a list item that is a whole sentence
        return !ends_sentence || c.len() <= 20;
    }
    !ends_sentence && c.iter().filter(|x| crate::normalise::is_han(**x)).count() >= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_every_place_they_are_written() {
        // a programme's own dateline beats the page's later upload date
        assert_eq!(document_date(Some("2023-08-28"), "", "大家好,2021年5月18日星期二,欢迎收看。\n正文", "x.md").as_deref(), Some("2021-05-18"));
        // but not an earlier date the body merely mentions later on
        assert_eq!(document_date(Some("2022-08-11"), "", "今年上半年,全市。\n2021年3月1日起实施", "x").as_deref(), Some("2022-08-11"));
        assert_eq!(document_date(None, "【标题】某县\n【日期】1999.04.07\n正文", "正文", "x").as_deref(), Some("1999-04-07"));
        assert_eq!(document_date(None, "【原刊期号】19990407\n", "正文", "x").as_deref(), Some("1999-04-07"));
        assert_eq!(document_date(None, "发布时间：2024-05-13 10:00\n", "正文", "x").as_deref(), Some("2024-05-13"));
        assert_eq!(document_date(None, "title,publish_date,content\n\"某市\",2023-01-05,\"…\"\n", "正文", "x.csv").as_deref(), Some("2023-01-05"));
        assert_eq!(
            document_date(None, "", "新华社北京4月17日电 国家统计局今天发布,2023年全年…\n第二段", "x").as_deref(),
            Some("2023-04-17")
        );
        assert_eq!(document_date(None, "", "红网5月9日讯(记者 某某) 在2006年全国会议上…", "x").as_deref(), Some("2006-05-09"));
        assert_eq!(
            document_date(None, "", "各位代表:\n过去一年……\n——2026年1月27日在市第十七届人民代表大会第五次会议上", "x").as_deref(),
            Some("2026-01-27")
        );
        assert_eq!(document_date(None, "", "正文", "news_2024-02-29.txt").as_deref(), Some("2024-02-29"));
        assert_eq!(document_date(None, "", "正文", "xwlb-20240229.md").as_deref(), Some("2024-02-29"));
        assert_eq!(document_date(None, "", "今年全市新增就业2万人。", "a.txt"), None);
    }

    #[test]
    fn a_title_year_is_the_default_period() {
        let p = title_period(Some("某市2023年国民经济和社会发展统计公报"), None).unwrap();
        assert_eq!((p.start.as_deref(), p.end.as_deref()), (Some("2023-01-01"), Some("2023-12-31")));
        assert!(title_period(Some("《新闻联播》 (20240229)"), None).is_none());
        assert!(title_period(Some("呼和浩特:对生育二孩家庭发放津贴5000元"), None).is_none());
    }

    #[test]
    fn list_items_inside_a_paragraph() {
        for s in ["一是扩大投资,新建厂房5座", "三是减税,减免税费8亿元", "第二,加强监管", "其三、完善制度", "（四）优化服务", "2.推进改革"] {
            assert!(opens_list_item(&s.chars().collect::<Vec<_>>()), "{s}");
        }
        for s in ["一年来,新建厂房5座", "第二季度,全市减税8亿元", "三季度增长5%", "2.5万人参加", "是年新建5座"] {
            assert!(!opens_list_item(&s.chars().collect::<Vec<_>>()), "{s}");
        }
    }

    #[test]
    fn headings() {
        for h in ["一、2025年工作回顾", "三、2026年主要工作", "（二）民生保障", "2.就业", "美国一架战略轰炸机空中发动机起火", "2023年全年国内生产总值超126万亿", "以军与巴武装组织在多地交火 加沙地带死亡人数超3万 以色列被扣押人员家属游行 呼吁尽快达成协议"] {
            assert!(is_heading(h), "{h}");
        }
        for s in ["全市城镇新增就业2.1万人。", "一是加大投入,新建学校3所,", "大家好", "3.5万人", "据统计,全年完成投资12亿元,同比增长5%"] {
            assert!(!is_heading(s), "{s}");
        }
    }
}
