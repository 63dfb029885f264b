//! Stage 5 — every number with its unit: Arabic and Chinese numerals, multipliers
//! (万, 亿, 万亿), percentages, ratios, ranges and approximation words.
//!
//! A number becomes a quantity only with a unit (or a multiplier whose unit the next
//! noun tells): bare numbers are dates, codes, phone numbers or list numbering.
//! Not-metrics that do carry a unit — ordinals (`第5批`), slogans (`三个全覆盖`),
//! names in quotes (`“四个全面”`), spans of time (`3个月`) — are rejected here.

use crate::lexicon::{alternation, NOT_UNITS, UNITS};
use crate::numeral::{multiplier_exp, parse_arabic, parse_chinese, Decimal};
use crate::report::Approx;
use regex::{Captures, Regex};
use serde::Serialize;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    pub raw: String,
    pub value: f64,
    pub unit: String,
    pub approx: Option<Approx>,
    pub value_max: Option<f64>,
    /// Half-open char offsets of `raw` in the scanned text.
    pub span: [usize; 2],
}

/// Units a compound unit can be "per": `元/年`, `万元/亩`, `元/平方米`.
const PER: &str = "年|月|日|天|人|户|亩|平方米|吨|次|公斤|千瓦时|度|小时|辆|床";

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let units = alternation(UNITS.iter().map(|&(w, _)| w));
    crate::pattern::regex(&format!(
        r"(?x)
        (?P<pre>大约|约|将近|接近|近|超过|逾|不到|不足|不超过)?
        (?:
            # a ratio: 1.49:1, 0.7:50.7:48.6 (times like 09:08 are told apart later)
            (?P<ratio>\d+(?:\.\d+)?(?::\d+(?:\.\d+)?)+)
          | 百分之(?P<pct>[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)
          | (?:
                # thousands separated by commas, or by spaces as Hong Kong prints them
                (?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:[\x20\u{{A0}}\u{{2009}}]\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
              | (?P<zh>[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?)
            )
            (?P<mid1>余|多)?
            (?P<mult>[万萬][亿億]|千[亿億]|百[亿億]|[亿億]|千[万萬]|百[万萬]|十[万萬]|[万萬])?
            (?P<mid>余|多)?
            (?:(?P<unit>{units})(?:/(?P<per>{PER}))?)?
        )
        (?P<post>左右|以上|以下|以内)?"
    ))
    .expect("quantity pattern")
});

/// Nouns after a bare `38.3万` that say it counts people.
static PEOPLE_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"^[^,;。!?:、]{0,12}?(?:人口|人员|群众|居民|职工|学生|师生|志愿者|党员|农民|劳动力|老人|儿童|游客|患者)")
        .expect("people pattern")
});

/// One match before validation, with char offsets.
struct Candidate {
    start: usize,
    end: usize,
    /// The same range in bytes (slicing by char offsets would rescan the text: quadratic).
    bytes: (usize, usize),
    value: f64,
    unit: String,
    approx: Option<Approx>,
    chinese: bool,
}

pub fn find(text: &str) -> Vec<Quantity> {
    let mut chars = CharIndex::new(text);
    let mut cands: Vec<Candidate> = Vec::new();
    for caps in NUMBER.captures_iter(text) {
        cands.extend(candidate(text, &caps, &mut chars));
    }
    let mut out: Vec<Quantity> = Vec::new();
    let mut i = 0;
    while i < cands.len() {
        let a = &cands[i];
        // a range: 8%到10%, 8-10%, 8～10个
        if let Some(b) = cands.get(i + 1) {
            let between = &text[a.bytes.1..b.bytes.0];
            let joins = matches!(between, "-" | "~" | "～" | "—" | "–" | "到" | "至");
            if joins && !b.unit.is_empty() && (a.unit == b.unit || a.unit.is_empty()) && b.value >= a.value {
                out.push(Quantity {
                    raw: text[a.bytes.0..b.bytes.1].to_string(),
                    value: a.value,
                    unit: b.unit.clone(),
                    approx: a.approx.or(b.approx),
                    value_max: Some(b.value),
                    span: [a.start, b.end],
                });
                i += 2;
                continue;
            }
        }
        // small Chinese numerals are story-telling (十二岁, 十九个钱), not statistics
        if !a.unit.is_empty() && !(a.chinese && a.value < 100.0 && a.unit != "%") {
            out.push(Quantity {
                raw: text[a.bytes.0..a.bytes.1].to_string(),
                value: a.value,
                unit: a.unit.clone(),
                approx: a.approx,
                value_max: None,
                span: [a.start, a.end],
            });
        }
        i += 1;
    }
    out
}

fn candidate(text: &str, caps: &Captures, chars: &mut CharIndex) -> Option<Candidate> {
    let m = caps.get(0)?;
    let (bstart, bend) = (m.start(), m.end());
    let before = &text[..bstart];
    let after = &text[bend..];
    let prev = before.chars().next_back();
    // part of a code, a model name or a longer number: G20, No.5, 1.2.3
    if prev.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '+' || c == '_') {
        return None;
    }
    if after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '+') {
        return None;
    }
    // ordinals and sequence words: 第5批, 前三, 初五
    if prev.is_some_and(|c| matches!(c, '第' | '前' | '初' | '周' | '星' | '每' | '其' | '之' | '逐' | '唯' | '统' | '万' | '千' | '亿'))
        && caps.name("pre").is_none()
        && (caps.name("zh").is_some() || prev == Some('第')) {
            return None;
        }
    let unit_word = caps.name("unit").map(|u| u.as_str());
    if let Some(u) = unit_word {
        let rest = &text[caps.name("unit")?.start()..];
        if NOT_UNITS.iter().any(|nu| nu.starts_with(u) && rest.starts_with(nu)) {
            return None;
        }
        // a class, not an amount: 300兆瓦级, 5A级
        if rest[u.len()..].starts_with('级') {
            return None;
        }
    }
    let mut unit: String = unit_word
        .map(|u| UNITS.iter().find(|&&(w, _)| w == u).map_or(u, |&(_, r)| r).to_string())
        .unwrap_or_default();
    if let Some(per) = caps.name("per") {
        unit = format!("{unit}/{}", per.as_str());
    }
    let chinese = caps.name("zh").is_some() || caps.name("pct").is_some();
    let decimal: Decimal = if let Some(r) = caps.name("ratio") {
        let terms: Vec<&str> = r.as_str().split(':').collect();
        // 14:09:12 is a time; a ratio has a decimal term or says it is one
        let is_ratio = terms.iter().any(|t| t.contains('.')) || ratio_context(before);
        if !is_ratio || !after_allows_ratio(after) {
            return None;
        }
        unit = "比".to_string();
        parse_arabic(terms[0])?
    } else if let Some(p) = caps.name("pct") {
        unit = "%".to_string();
        parse_chinese(p.as_str())?
    } else if let Some(n) = caps.name("num") {
        let d = parse_arabic(n.as_str())?;
        // `12,3456` is not a thousands-separated number
        if n.as_str().contains([',', ' ', '\u{A0}', '\u{2009}']) && after.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        d.shift(caps.name("mult").map_or(0, |x| multiplier_exp(x.as_str())))
    } else {
        let z = caps.name("zh")?.as_str();
        let d = parse_chinese(z)?;
        d.shift(caps.name("mult").map_or(0, |x| multiplier_exp(x.as_str())))
    };
    let value = decimal.to_f64()?;
    if unit.is_empty() && caps.name("mult").is_some() && PEOPLE_NOUN.is_match(after) {
        unit = "人".to_string();
    }
    if chinese && unit.is_empty() {
        return None;
    }
    if in_short_quote(before, after) || names_one_of_a_set(after) || restates_a_quoted_name(before, caps) {
        return None;
    }
    // 五一 (May Day), 十一: digit-by-digit Chinese numerals are names, not amounts
    if caps.name("zh").is_some_and(|z| z.as_str().chars().count() >= 2 && z.as_str().chars().all(|c| "一二三四五六七八九两".contains(c))) {
        return None;
    }
    let approx = approx_of(caps);
    let start = chars.char_at(bstart);
    let end = chars.char_at(bend);
    Some(Candidate { start, end, bytes: (bstart, bend), value, unit, approx, chinese })
}

fn approx_of(caps: &Captures) -> Option<Approx> {
    let word = |n: &str| caps.name(n).map(|m| m.as_str());
    if let Some(p) = word("post") {
        return Some(if p == "左右" { Approx::About } else if p == "以上" { Approx::Over } else { Approx::Under });
    }
    if word("mid").is_some() || word("mid1").is_some() {
        return Some(Approx::Over);
    }
    match word("pre") {
        Some("超过" | "逾") => Some(Approx::Over),
        Some("不到" | "不足" | "不超过") => Some(Approx::Under),
        Some(_) => Some(Approx::About),
        None => None,
    }
}

/// `…比为 3:2`, `之比`, `倍差`, `结构`: a two-term ratio of whole numbers is a ratio only
/// when the words say so (else it is a time of day).
fn ratio_context(before: &str) -> bool {
    let tail: String = before.chars().rev().take(12).collect::<Vec<_>>().into_iter().rev().collect();
    ["比", "倍差", "结构", "比例", "比值"].iter().any(|w| tail.contains(w))
}

fn after_allows_ratio(after: &str) -> bool {
    !after.starts_with(|c: char| c == ':' || c.is_ascii_digit())
}

/// Inside a short quotation — a name or slogan like “三个全覆盖”, “1+8+X”.
fn in_short_quote(before: &str, after: &str) -> bool {
    let open = before.chars().rev().take(8).position(|c| matches!(c, '“' | '"' | '「' | '《'));
    let close = before.chars().rev().take(8).position(|c| matches!(c, '”' | '」' | '》'));
    let opened = match (open, close) {
        (Some(o), Some(c)) => o < c,
        (Some(_), None) => true,
        _ => false,
    };
    opened && after.chars().take(10).any(|c| matches!(c, '”' | '"' | '」' | '》'))
}

/// `‘七个先行示范’7条跑道`: a count right after a quoted name that already says it.
fn restates_a_quoted_name(before: &str, caps: &Captures) -> bool {
    if !before.ends_with(['’', '”', '」', '"']) {
        return false;
    }
    let quoted: String = before.chars().rev().skip(1).take(12).take_while(|c| !matches!(c, '‘' | '“' | '「')).collect();
    let Some(n) = caps.name("num").and_then(|n| parse_arabic(n.as_str())).and_then(|d| d.to_f64()) else { return false };
    quoted.chars().any(|c| c.is_ascii_digit() || crate::numeral::is_chinese_numeral_char(c))
        && quoted
            .chars()
            .rev()
            .collect::<String>()
            .split(|c: char| !(c.is_ascii_digit() || crate::numeral::is_chinese_numeral_char(c)))
            .filter(|w| !w.is_empty())
            .any(|w| parse_arabic(w).or_else(|| parse_chinese(w)).and_then(|d| d.to_f64()) == Some(n))
}

/// `十件民生实事之一`: the figure counts a named set, not an achievement.
fn names_one_of_a_set(after: &str) -> bool {
    let head: String = after.chars().take_while(|c| !matches!(c, ',' | ';' | '。' | '、')).take(12).collect();
    head.contains("之一")
}

/// Converts increasing byte offsets to char offsets in one forward pass (linear).
pub struct CharIndex<'a> {
    text: &'a str,
    byte: usize,
    char: usize,
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        CharIndex { text, byte: 0, char: 0 }
    }

    /// The char offset of byte offset `b` (a char boundary).
    pub fn char_at(&mut self, b: usize) -> usize {
        if b < self.byte {
            self.byte = 0;
            self.char = 0;
        }
        self.char += self.text[self.byte..b].chars().count();
        self.byte = b;
        self.char
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (f64, String, Option<Approx>, Option<f64>, String) {
        let q = find(text);
        assert_eq!(q.len(), 1, "{text}: {q:?}");
        let q = &q[0];
        (q.value, q.unit.clone(), q.approx, q.value_max, q.raw.clone())
    }

    #[test]
    fn values_units_and_approximation() {
        use Approx::*;
        let cases: &[(&str, f64, &str, Option<Approx>, Option<f64>, &str)] = &[
            ("实现地区生产总值729.91亿元,", 72991000000.0, "元", None, None, "729.91亿元"),
            ("全市居民人均可支配收入16993元", 16993.0, "元", None, None, "16993元"),
            ("城镇新增就业24.8万人", 248000.0, "人", None, None, "24.8万人"),
            ("全市38.3万建档立卡贫困人口全部脱贫", 383000.0, "人", None, None, "38.3万"),
            ("拆除2210万平方米私搭乱建", 22100000.0, "平方米", None, None, "2210万平方米"),
            ("近60家市直单位", 60.0, "家", Some(About), None, "近60家"),
            ("民生支出占比稳定在75%以上", 75.0, "%", Some(Over), None, "75%以上"),
            ("3600余支志愿服务队伍", 3600.0, "支", Some(Over), None, "3600余支"),
            ("1.4万余场次", 14000.0, "场次", Some(Over), None, "1.4万余场次"),
            ("投入1000余万元", 10000000.0, "元", Some(Over), None, "1000余万元"),
            ("比去年增加3亿多元", 300000000.0, "元", Some(Over), None, "3亿多元"),
            ("7000多名党员", 7000.0, "名", Some(Over), None, "7000多名"),
            ("控制在3.08%以内", 3.08, "%", Some(Under), None, "3.08%以内"),
            ("年收益率为8%到10%", 8.0, "%", None, Some(10.0), "8%到10%"),
            ("增长8-10%", 8.0, "%", None, Some(10.0), "8-10%"),
            ("建设8～10个", 8.0, "个", None, Some(10.0), "8～10个"),
            ("城乡居民收入倍差缩小至1.49:1", 1.49, "比", None, None, "1.49:1"),
            ("三次产业结构为0.7:50.7:48.6", 0.7, "比", None, None, "0.7:50.7:48.6"),
            ("标准(5160元/年)", 5160.0, "元/年", None, None, "5160元/年"),
            ("租金2万元/亩", 20000.0, "元/亩", None, None, "2万元/亩"),
            ("14周岁女孩", 14.0, "岁", None, None, "14周岁"),
            ("是省定脱贫标准的2.14倍", 2.14, "倍", None, None, "2.14倍"),
            ("提高0.2个百分点", 0.2, "个百分点", None, None, "0.2个百分点"),
            ("占百分之五十", 50.0, "%", None, None, "百分之五十"),
            ("有一百二十个", 120.0, "个", None, None, "一百二十个"),
            ("两千三百人", 2300.0, "人", None, None, "两千三百人"),
            ("1.29萬人", 12900.0, "人", None, None, "1.29萬人"),
            ("接种38.41万剂次", 384100.0, "剂次", None, None, "38.41万剂次"),
            ("气温4~18℃", 4.0, "℃", None, Some(18.0), "4~18℃"),
            ("总计1,234.5吨", 1234.5, "吨", None, None, "1,234.5吨"),
            ("由 2001年的 12 621宗,", 12621.0, "宗", None, None, "12 621宗"),
            ("一万五千亿元", 1.5e12, "元", None, None, "一万五千亿元"),
        ];
        for &(text, v, u, a, vmax, raw) in cases {
            assert_eq!(one(text), (v, u.to_string(), a, vmax, raw.to_string()), "{text}");
        }
    }

    #[test]
    fn not_quantities() {
        for text in [
            "2021年12月5日",
            "发布时间:2022-08-11 09:08",
            "新闻报料—8128787",
            "(2022-2025年)",
            "第五次党代会",
            "第5批",
            "“十四五”规划",
            "统筹推进“五位一体”总体布局",
            "“三个全覆盖”",
            "一张蓝图绘到底",
            "1+8+X",
            "一是加强",
            "前8个月",
            "打赢三场硬仗",
            "一站式服务",
            "列入十件民生实事之一",
            "确保五一期间",
            "date: Sat, 04 Dec 2021 14:09:12 GMT",
            "鄂ICP备05003430号",
            "5G基站",
            "持续3个月",
            "统一",
            "两会",
            "锚定‘七个先行示范’7条跑道",
            "首台300兆瓦级F级重型燃气轮机",
            "中华人民共和国成立75周年",
            "我从十二岁起",
            "还欠十九个钱呢",
            "item/%E5%8E%BF%E9%AB%98%E9",
        ] {
            assert!(find(text).is_empty(), "{text}: {:?}", find(text));
        }
    }

    #[test]
    fn a_rate_then_an_amount_is_two_quantities() {
        let q = find("增长6.78%,达到7769亿元");
        assert_eq!(q.len(), 2);
        assert_eq!((q[0].value, q[1].value), (6.78, 776900000000.0));
    }

    #[test]
    fn spans_are_char_offsets() {
        let text = "南湖區城鎮新增就業1.29萬人,";
        let q = &find(text)[0];
        let got: String = text.chars().skip(q.span[0]).take(q.span[1] - q.span[0]).collect();
        assert_eq!(got, q.raw);
        assert_eq!(q.span, [9, 15]);
    }
}
