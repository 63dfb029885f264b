//! Steps 2 and 3: readings joined into ranges, then judged. What is not a metric (SPEC §2)
//! gets a [`Reason`]: dates and times, codes, ordinals, numbered names and slogans, bare
//! numbers, small Chinese numerals in story-telling.

use super::read::Reading;
use super::{unit, Found, Quantity};
use crate::numeral::{self, lexer};
use crate::report::Approx;
use serde::Serialize;

/// Why a number is not a metric's figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// A bare number: no unit or measure word says what it counts.
    NoUnit,
    /// A date: `2021年`, `12月5日`, `2022-08-11`.
    Date,
    /// A time of day: `09:08`, `14:09:12`.
    Time,
    /// A span of time: `五六年`, `3年`.
    Duration,
    /// Part of a code, model name, phone or ID number: `G20`, `5G`, `8128787`.
    Code,
    /// An ordinal or sequence word: `第五次`, `前三`, `初五`.
    Ordinal,
    /// A numbered name or slogan: `“三个全覆盖”`, `五一`, `十件民生实事之一`.
    Name,
    /// The measure word begins another word: `3个月`, `5家庭`.
    NotAUnit,
    /// A class, not an amount: `300兆瓦级`, `5A级`.
    Class,
    /// A small Chinese numeral with a measure word, as stories count (`十二岁`, `三场硬仗`).
    Anecdote,
    /// Too large for a number.
    Overflow,
}

impl Reason {
    pub fn describe(self) -> &'static str {
        match self {
            Reason::NoUnit => "no unit",
            Reason::Date => "a date",
            Reason::Time => "a time of day",
            Reason::Duration => "a span of time",
            Reason::Code => "part of a code or number",
            Reason::Ordinal => "an ordinal",
            Reason::Name => "a numbered name or slogan",
            Reason::NotAUnit => "the measure word starts another word",
            Reason::Class => "a class, not an amount",
            Reason::Anecdote => "a small Chinese numeral (below the anecdote threshold)",
            Reason::Overflow => "too large",
        }
    }
}

/// Small Chinese numerals (below this) with a measure word tell a story, not a statistic.
pub const ANECDOTE_BELOW: f64 = 100.0;

/// Nouns after a bare `38.3万` that say it counts people.
const PEOPLE_NOUNS: &[&str] = &["人口", "人员", "群众", "居民", "职工", "学生", "师生", "志愿者", "党员", "农民", "劳动力", "老人", "儿童", "游客", "患者"];

/// Whether `after` names people within its first 12 characters, before any clause
/// punctuation (a scanner, not a regex: issue 12, no regex compiled at start-up; the old
/// pattern `^[^,;。!?:、]{0,12}?(?:人口|…)` is the oracle in the tests).
fn people_noun(after: &str) -> bool {
    for (k, (i, c)) in after.char_indices().enumerate() {
        if PEOPLE_NOUNS.iter().any(|w| after[i..].starts_with(w)) {
            return true;
        }
        if k == 12 || matches!(c, ',' | ';' | '。' | '!' | '?' | ':' | '、') {
            return false;
        }
    }
    false
}

/// Whether `after` opens with a word for people of a place or kind, ending in 人
/// (`3万巴勒斯坦人死亡`, `20万外地人`): up to six Han characters, no 的 among them, and not an
/// adjective of the form verb + 人 (`2亿步的惊人速度`, `喜人`, `感人`).
fn people_of(after: &str) -> bool {
    const ADJECTIVE_BEFORE_REN: &str = "惊喜感动宜迷诱逼骇过";
    let word: Vec<char> = after.chars().take_while(|&c| crate::normalise::is_han(c) && c != '的').take(7).collect();
    (2..=6).any(|n| word.len() >= n && word[n - 1] == '人' && !word[..n - 1].contains(&'人') && !ADJECTIVE_BEFORE_REN.contains(word[n - 2]))
}

struct Judged {
    r: Reading,
    value: Option<f64>,
    max: Option<f64>,
    reason: Option<Reason>,
}

pub fn judge(chars: &[char], readings: Vec<Reading>) -> Vec<Found> {
    let judged: Vec<Judged> = readings
        .into_iter()
        .map(|mut r| {
            let reason = reason(chars, &mut r);
            let value = r.value.and_then(|v| v.to_f64());
            let max = r.max.and_then(|v| v.to_f64());
            let reason = reason.or_else(|| (value.is_none() || (r.max.is_some() && max.is_none())).then_some(Reason::Overflow));
            Judged { r, value, max, reason }
        })
        .collect();
    let mut out = Vec::with_capacity(judged.len());
    let mut i = 0;
    while i < judged.len() {
        let a = &judged[i];
        if let Some(b) = judged.get(i + 1) {
            if let Some(f) = range(chars, a, b) {
                out.push(f);
                i += 2;
                continue;
            }
        }
        // a lone Chinese digit without a unit is part of a word (`统一`, `一些`), not listed
        let lone = a.r.chinese && a.r.unit.is_empty() && a.r.end - a.r.start == 1;
        if !lone {
            if let Some(value) = a.value {
                let reason = a.reason.or_else(|| anecdote(a.r.chinese, a.max.unwrap_or(value), &a.r.unit));
                out.push(found(chars, a.r.start, a.r.end, value, a.max, &a.r.unit, a.r.approx, reason));
            }
        }
        i += 1;
    }
    out
}

/// `8%到10%`, `8-10%`, `4~18℃`, `一千到一千五百`, `1000以上、1500以下`.
fn range(chars: &[char], a: &Judged, b: &Judged) -> Option<Found> {
    let ok = |j: &Judged| matches!(j.reason, None | Some(Reason::NoUnit)) && j.value.is_some();
    if !ok(a) || !ok(b) {
        return None;
    }
    let between: String = chars[a.r.end..b.r.start].iter().filter(|&&c| c != ' ').collect();
    let dash = matches!(between.as_str(), "-" | "—" | "–" | "－");
    let word = matches!(between.as_str(), "~" | "～" | "到" | "至");
    let bounds = a.r.post == Some("以上") && b.r.post == Some("以下") && matches!(between.as_str(), "、" | "," | "，" | "");
    let units = if b.r.unit.is_empty() {
        // bare numbers make a range only with a word between (`2022-2025` is years)
        a.r.unit.is_empty() && (word || bounds)
    } else {
        a.r.unit == b.r.unit || a.r.unit.is_empty()
    };
    let (lo, hi) = (a.value?, b.value?);
    if !(dash || word || bounds) || !units || hi < lo || b.r.pre && !bounds {
        return None;
    }
    let approx = if bounds { None } else { a.r.approx.or(b.r.approx) };
    let reason = if b.r.unit.is_empty() { Some(Reason::NoUnit) } else { anecdote(a.r.chinese && b.r.chinese, hi, &b.r.unit) };
    Some(found(chars, a.r.start, b.r.end, lo, Some(b.max.unwrap_or(hi)), &b.r.unit, approx, reason))
}

fn anecdote(chinese: bool, value: f64, unit: &str) -> Option<Reason> {
    (chinese && !unit.is_empty() && value < ANECDOTE_BELOW && !unit::is_relative(unit)).then_some(Reason::Anecdote)
}

#[allow(clippy::too_many_arguments)]
fn found(chars: &[char], start: usize, end: usize, value: f64, max: Option<f64>, unit: &str, approx: Option<Approx>, reason: Option<Reason>) -> Found {
    Found {
        quantity: Quantity {
            raw: chars[start..end].iter().collect(),
            value,
            unit: unit.to_string(),
            approx,
            value_max: max,
            span: [start, end],
        },
        metric: reason.is_none(),
        reason,
    }
}

/// Whether a reading with a unit or a 万/亿 stands right after an acronym of three capitals
/// or more (`GDP32.86亿`).
fn after_acronym(chars: &[char], r: &Reading) -> bool {
    let caps = chars[..r.start].iter().rev().take_while(|c| c.is_ascii_uppercase()).count();
    let before_caps = r.start.checked_sub(caps + 1).map(|k| chars[k]);
    caps >= 3 && !before_caps.is_some_and(|c| c.is_ascii_alphanumeric()) && (!r.unit.is_empty() || r.arabic_multiplied)
}

/// The reason a reading is not a metric, before ranges; may give a bare `38.3万` its `人`.
fn reason(chars: &[char], r: &mut Reading) -> Option<Reason> {
    let prev = r.start.checked_sub(1).map(|k| chars[k]);
    let next = chars.get(r.end).copied();
    // part of a code, a model name or a longer number: G20, No.5, 1.2.3 — but not an
    // amount with its unit after an acronym of three capitals or more (`GDP32.86亿元`,
    // `CPI2.1%`); `PM2.5` keeps its name
    if prev.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '_')) && !after_acronym(chars, r) {
        return Some(Reason::Code);
    }
    if next.is_some_and(|c| c.is_ascii_alphabetic() || c == '+') {
        return Some(Reason::Code);
    }
    // ordinals and sequence words: 第5批, 前三, 初五
    if prev.is_some_and(|c| matches!(c, '第' | '前' | '初' | '周' | '星' | '每' | '其' | '之' | '逐' | '唯' | '统' | '万' | '千' | '亿'))
        && !r.pre
        && ((r.chinese && !r.fraction) || prev == Some('第'))
    {
        return Some(Reason::Ordinal);
    }
    if r.unit.is_empty() {
        // 2021年, 二〇二一年, 12月5日, 2022-08-11, 2022/8/11; but 五六年, 3年 are spans
        if next == Some('年') {
            let year = r.digits_only
                || r.max.is_none() && !r.arabic_multiplied && r.value.and_then(|v| v.to_f64()).is_some_and(|v| (1000.0..10000.0).contains(&v) && v.fract() == 0.0);
            return Some(if year { Reason::Date } else { Reason::Duration });
        }
        if next.is_some_and(|c| matches!(c, '月' | '日' | '号')) {
            return Some(Reason::Date);
        }
        if r.arabic && !r.chinese && is_date_part(chars, r) {
            return Some(Reason::Date);
        }
        if r.arabic_multiplied {
            let after: String = chars[r.end..(r.end + 16).min(chars.len())].iter().collect();
            if people_noun(&after) || people_of(&after) {
                r.unit = "人".into();
            }
        }
    }
    // 五一 (May Day), 十一: digit-by-digit Chinese numerals are names, not amounts
    if r.digits_only && chars[r.num_start..].iter().take_while(|&&c| lexer::han_digit(c).is_some()).all(|&c| "一二三四五六七八九两".contains(c)) {
        return Some(Reason::Name);
    }
    if let Some(f) = r.flag {
        return Some(f);
    }
    if r.unit.is_empty() && r.chinese {
        return Some(Reason::NoUnit);
    }
    if in_short_quote(chars, r) || names_one_of_a_set(chars, r.end) || restates_a_quoted_name(chars, r) {
        return Some(Reason::Name);
    }
    if r.unit.is_empty() {
        let digits = chars[r.num_start..r.end].iter().filter(|&&c| lexer::is_digit(c)).count();
        // phone, hotline and ID numbers
        return Some(if digits >= 7 && !chars[r.num_start..r.end].contains(&'.') { Reason::Code } else { Reason::NoUnit });
    }
    None
}

/// `2022-08-11`, `2022/8/11`, `2022.08.11`: a number joined to others by date separators.
fn is_date_part(chars: &[char], r: &Reading) -> bool {
    let sep = |c: Option<&char>| c.is_some_and(|&c| matches!(c, '-' | '/' | '－'));
    let digit = |k: usize| chars.get(k).is_some_and(|&c| lexer::is_digit(c));
    let year = r.value.and_then(|v| v.to_f64()).is_some_and(|v| (1900.0..=2100.0).contains(&v)) && r.end - r.num_start == 4;
    let before = r.start >= 2 && sep(chars.get(r.start - 1)) && digit(r.start - 2);
    let after = sep(chars.get(r.end)) && digit(r.end + 1);
    (year && after) || (before && (after || r.end - r.num_start <= 2))
}

/// Inside a short quotation — a name or slogan like “三个全覆盖”, “1+8+X”.
fn in_short_quote(chars: &[char], r: &Reading) -> bool {
    let before = chars[r.start.saturating_sub(8)..r.start].iter().rev();
    let open = before.clone().position(|c| matches!(c, '“' | '"' | '「' | '《'));
    let close = before.clone().position(|c| matches!(c, '”' | '」' | '》'));
    let opened = match (open, close) {
        (Some(o), Some(c)) => o < c,
        (Some(_), None) => true,
        _ => false,
    };
    opened && chars[r.end..(r.end + 10).min(chars.len())].iter().any(|c| matches!(c, '”' | '"' | '」' | '》'))
}

/// `十件民生实事之一`: the figure counts a named set, not an achievement.
fn names_one_of_a_set(chars: &[char], end: usize) -> bool {
    let head = &chars[end..];
    let n = head.iter().take(12).take_while(|c| !matches!(c, ',' | ';' | '。' | '、')).count();
    head[..n].windows(2).any(|w| w == ['之', '一'])
}

/// `‘七个先行示范’7条跑道`: a count right after a quoted name that already says it.
fn restates_a_quoted_name(chars: &[char], r: &Reading) -> bool {
    if r.start == 0 || !matches!(chars[r.start - 1], '’' | '”' | '」' | '"') || !r.arabic || r.chinese {
        return false;
    }
    let Some(n) = r.value.and_then(|v| v.to_f64()) else { return false };
    let quoted: String = chars[..r.start - 1].iter().rev().take(12).take_while(|c| !matches!(c, '‘' | '“' | '「')).collect();
    let quoted: String = quoted.chars().rev().collect();
    quoted
        .split(|c: char| !(lexer::is_digit(c) || numeral::is_chinese_numeral_char(c)))
        .filter(|w| !w.is_empty())
        .any(|w| numeral::parse_arabic(w).or_else(|| numeral::parse_chinese(w)).and_then(|d| d.to_f64()) == Some(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;
    use std::sync::LazyLock;

    /// The pattern `people_noun` replaced: the oracle.
    static PEOPLE_NOUN: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::regex(r"^[^,;。!?:、]{0,12}?(?:人口|人员|群众|居民|职工|学生|师生|志愿者|党员|农民|劳动力|老人|儿童|游客|患者)")
            .expect("people pattern")
    });

    #[test]
    fn people_noun_as_the_regex_did() {
        let check = |s: &str| assert_eq!(people_noun(s), PEOPLE_NOUN.is_match(s), "{s:?}");
        for line in crate::pattern::oracle::lines() {
            for (i, _) in line.char_indices().step_by(2) {
                check(&line[i..].chars().take(16).collect::<String>());
            }
        }
        let alphabet = ["人口", "人", "员", "居民", "志愿者", "志愿", "劳动力", "万", "名", "的", "x", ",", "，", "。", "、", ":", "?", "!"];
        for s in crate::pattern::oracle::random(&alphabet, 100_000, 16) {
            check(&s);
        }
    }
}
