//! Step 1: a number with what is written around it (approximation words, unit, tenths,
//! a half, a ratio). Nothing is judged here except what the reading itself shows (a time
//! written like a ratio, a measure word that starts another word, a class `300兆瓦级`).

use super::unit;
use super::Reason;
use crate::numeral::{self, lexer, Decimal, Scale};
use crate::report::Approx;

/// Words before a number that say it is approximate, longest first.
const PRE: [(&str, Approx); 11] = [
    ("不超过", Approx::Under),
    ("大约", Approx::About),
    ("将近", Approx::About),
    ("接近", Approx::About),
    ("超过", Approx::Over),
    ("不到", Approx::Under),
    ("不足", Approx::Under),
    ("约", Approx::About),
    ("近", Approx::About),
    ("逾", Approx::Over),
    // `超3万`, `超50%`: the headline's short form of 超过
    ("超", Approx::Over),
];

/// Words after a quantity that say it is a bound.
const POST: [(&str, Approx); 4] = [("左右", Approx::About), ("以上", Approx::Over), ("以下", Approx::Under), ("以内", Approx::Under)];

/// One number as read, before it is judged.
#[derive(Debug, Clone)]
pub struct Reading {
    /// Char span of the whole reading (approximation words included).
    pub start: usize,
    pub end: usize,
    /// Char offset where the numeral itself starts (after any approximation word).
    pub num_start: usize,
    pub value: Option<Decimal>,
    pub max: Option<Decimal>,
    pub unit: String,
    pub approx: Option<Approx>,
    /// An approximation word before the number.
    pub pre: bool,
    /// The word after it (`以上` …).
    pub post: Option<&'static str>,
    /// Written with Chinese numerals (counting a fraction like `百分之五`).
    pub chinese: bool,
    /// Chinese digits only, of 2 chars or more: `五一`, `十一` is not (it has a place).
    pub digits_only: bool,
    /// Arabic digits with a 万/亿 after them (`38.3万`): a count whose noun may follow.
    pub arabic_multiplied: bool,
    pub arabic: bool,
    /// A fraction written `百分之`, `三分之一`.
    pub fraction: bool,
    /// Why the reading itself is not a quantity (a time, a class, a word).
    pub flag: Option<Reason>,
}

/// Every reading in `chars`, in order, not overlapping.
pub fn all(chars: &[char]) -> Vec<Reading> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !may_start(chars, i) {
            i += 1;
            continue;
        }
        match at(chars, i) {
            Some(r) => {
                i = r.end.max(i + 1);
                out.push(r);
            }
            None => {
                // a digit run that is no number (`12,3456`, 40 digits): skip it whole
                let digit = lexer::is_digit(chars[i]);
                i += 1;
                while digit && i < chars.len() && lexer::is_digit(chars[i]) {
                    i += 1;
                }
            }
        }
    }
    out
}

fn may_start(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    match lexer::tok(c) {
        Some(lexer::Tok::Digit(_) | lexer::Tok::Han(_)) => true,
        Some(lexer::Tok::Place(_) | lexer::Tok::Big(_)) => {
            // 十五; 百分之, 千分之, 万分之
            matches!(c, '十' | '拾') || chars.get(i + 1) == Some(&'分')
        }
        Some(lexer::Tok::Point) => false,
        None => match c {
            c if lexer::is_sign(c) => chars.get(i + 1).is_some_and(|&n| lexer::tok(n).is_some_and(|t| !matches!(t, lexer::Tok::Point))),
            '半' => chars.get(i + 1) == Some(&'成'),
            _ => false,
        },
    }
}

/// The reading at `i`, or None when no number starts there.
fn at(chars: &[char], i: usize) -> Option<Reading> {
    let n = chars.len();
    let c = chars[i];
    if matches!(c, '-' | '－' | '−') {
        // a sign, not a joiner: `增长-2.3%` yes, `8-10%`, `2022-08` no
        let prev = i.checked_sub(1).map(|k| chars[k]);
        if prev.is_some_and(|p| p.is_alphanumeric() && !is_han(p) || lexer::is_digit(p) || matches!(p, ')' | '）' | '%' | '-' | '~' | '～' | ' ')) {
            return None;
        }
    }
    let (pre, pre_len) = PRE
        .iter()
        .find(|(w, _)| ends_with(chars, i, w))
        .map_or((None, 0), |(w, a)| (Some(*a), w.chars().count()));
    let start = i - pre_len;
    if c == '半' {
        // 半成 = 5 %
        return Some(finish(chars, start, i, i + 2, Decimal::new(5, 0), None, "%".into(), pre, false, Flags { chinese: true, ..Flags::default() }, None));
    }
    let mut num = numeral::scan(chars, i, n)?;
    // `5千米` is 5 km: a 千 right after Arabic digits that begins a prefixed unit
    if num.end >= 2 && chars[num.end - 1] == '千' && lexer::is_digit(chars[num.end - 2]) {
        if let Some(u) = unit::at(chars, num.end - 1, n) {
            if u.end > num.end {
                num = numeral::scan(chars, i, num.end - 1)?;
            }
        }
    }
    let numeral_text = &chars[i..num.end];
    let flags = Flags {
        chinese: num.chinese,
        arabic: num.arabic,
        digits_only: num.positional && numeral_text.len() >= 2,
        arabic_multiplied: num.arabic && numeral_text.iter().any(|&c| matches!(lexer::tok(c), Some(lexer::Tok::Big(_)))),
        fraction: num.scale != Scale::One,
    };
    let mut value = num.value;
    let mut max = num.max;
    let mut e = num.end;
    let mut approx = pre;
    if num.over {
        approx = approx.or(Some(Approx::Over));
    }
    if max.is_some() {
        approx = approx.or(Some(Approx::About));
    }
    match num.scale {
        Scale::Percent => return Some(finish(chars, start, i, e, value, max, "%".into(), approx, pre.is_some(), flags, None)),
        Scale::PerMille => return Some(finish(chars, start, i, e, value, max, "‰".into(), approx, pre.is_some(), flags, None)),
        Scale::One => {}
    }
    // a ratio `1.49:1`, `0.7:50.7:48.6`, or a time `09:08`
    if num.arabic && !num.chinese && chars.get(e) == Some(&':') && chars.get(e + 1).is_some_and(|&c| lexer::is_digit(c)) {
        let mut has_point = numeral_text.contains(&'.');
        let mut k = e;
        while chars.get(k) == Some(&':') && chars.get(k + 1).is_some_and(|&c| lexer::is_digit(c)) {
            let t = numeral::scan(chars, k + 1, n)?;
            has_point |= chars[k + 1..t.end].contains(&'.');
            if t.chinese || t.end == k + 1 {
                break;
            }
            k = t.end;
        }
        let after_ok = !chars.get(k).is_some_and(|&c| c == ':' || lexer::is_digit(c));
        let is_ratio = (has_point || ratio_context(chars, start)) && after_ok;
        let flag = (!is_ratio).then_some(Reason::Time);
        return Some(finish(chars, start, i, k, value, None, "比".into(), approx, pre.is_some(), flags, flag));
    }
    // the unit: `亿元`, `kW` (after a space too: `5 kW`), `元/年`
    let spaced = num.arabic && chars.get(e) == Some(&' ') && chars.get(e + 1).is_some_and(|&c| unit::is_symbol_char(c));
    let ustart = if spaced { e + 1 } else { e };
    let mut unit_name = String::new();
    let mut flag = None;
    match unit::at(chars, ustart, n).filter(|u| !spaced || u.symbol) {
        Some(u) => {
            // a class, not an amount: 300兆瓦级, 5A级; a voltage before what it names is the
            // class of a line or a station (`500千伏输变电设备`, `220kV变电站`)
            let voltage = u.name.ends_with('伏') || u.name.ends_with("kV") || u.name == "V";
            if chars.get(u.end) == Some(&'级') || voltage && chars.get(u.end).is_some_and(|&c| is_han(c)) {
                flag = Some(Reason::Class);
            }
            unit_name = u.name;
            e = u.end;
            // `一吨半`, `两米半`: a half of the unit
            if chars.get(e) == Some(&'半') && !u.symbol && max.is_none() && !value.is_negative() && !unit::is_relative(&unit_name) {
                value = value.checked_add(Decimal::new(5, -1))?;
                e += 1;
            }
        }
        None => {
            if let Some(tenths) = tenths(chars, e, &value, max.as_ref()) {
                // 六成 = 60 %, 三成半 = 35 %, 七八成 = 70–80 %
                value = value.shift(1);
                max = max.map(|m| m.shift(1));
                unit_name = "%".into();
                e = tenths;
                if chars.get(e) == Some(&'半') {
                    value = value.checked_add(Decimal::new(5, 0))?;
                    e += 1;
                }
            } else if let Some(end) = price_in_fen(chars, start, e) {
                unit_name = "分".into();
                e = end;
            } else if unit::blocked(chars, ustart, n) {
                flag = Some(Reason::NotAUnit);
            }
        }
    }
    Some(finish(chars, start, i, e, value, max, unit_name, approx, pre.is_some(), flags, flag))
}

/// `每度涨2.52分`, `2.52分钱`: 分, the hundredth of a 元 (《中华人民共和国人民币管理条例》: 元,
/// 角, 分), in which prices per unit are stated. A bare `分` is money only where a price is
/// spoken of just before (`电价…`), and only as a word of its own (not 分钟, 分之, 分别…).
/// Returns the offset past it.
fn price_in_fen(chars: &[char], start: usize, e: usize) -> Option<usize> {
    if chars.get(e) != Some(&'分') {
        return None;
    }
    if chars.get(e + 1) == Some(&'钱') {
        return Some(e + 2);
    }
    let alone = chars.get(e + 1).is_none_or(|&c| !is_han(c) || matches!(c, '的' | '等'));
    let price = chars[start.saturating_sub(PRICE_LOOKBACK)..start].contains(&'价');
    (alone && price).then_some(e + 1)
}

/// How far before a figure a price word makes its `分` money (a clause or two).
const PRICE_LOOKBACK: usize = 40;

#[derive(Default, Clone, Copy)]
struct Flags {
    chinese: bool,
    arabic: bool,
    digits_only: bool,
    arabic_multiplied: bool,
    fraction: bool,
}

#[allow(clippy::too_many_arguments)]
fn finish(
    chars: &[char],
    start: usize,
    num_start: usize,
    mut end: usize,
    value: Decimal,
    max: Option<Decimal>,
    unit: String,
    mut approx: Option<Approx>,
    pre: bool,
    f: Flags,
    flag: Option<Reason>,
) -> Reading {
    let post = POST.iter().find(|(w, _)| starts_with(chars, end, w));
    if let Some((w, a)) = post {
        end += w.chars().count();
        approx = Some(*a);
    }
    Reading {
        start,
        end,
        num_start,
        value: Some(value),
        max,
        unit,
        approx,
        pre,
        post: post.map(|(w, _)| *w),
        chinese: f.chinese || f.fraction,
        digits_only: f.digits_only,
        arabic_multiplied: f.arabic_multiplied,
        arabic: f.arabic,
        fraction: f.fraction,
        flag,
    }
}

/// `成` after a number of tenths (1–10): the offset past it. Not when `成` begins a word of
/// the dictionary (`三成本`… is rare, but `成都`, `成为`, `成立` follow numbers often).
fn tenths(chars: &[char], e: usize, value: &Decimal, max: Option<&Decimal>) -> Option<usize> {
    if chars.get(e) != Some(&'成') {
        return None;
    }
    let small = |d: &Decimal| d.to_f64().is_some_and(|v| (1.0..=10.0).contains(&v) && v.fract() == 0.0);
    if !small(value) || max.is_some_and(|m| !small(m)) {
        return None;
    }
    let next = chars.get(e + 1).copied();
    if next.is_some_and(|n| n != '半' && crate::segment::in_dictionary(&format!("成{n}"))) {
        return None;
    }
    Some(e + 1)
}

fn is_han(c: char) -> bool {
    crate::normalise::is_han(c)
}

fn ends_with(chars: &[char], i: usize, w: &str) -> bool {
    let n = w.chars().count();
    i >= n && chars[i - n..i].iter().copied().eq(w.chars())
}

fn starts_with(chars: &[char], i: usize, w: &str) -> bool {
    let n = w.chars().count();
    i + n <= chars.len() && chars[i..i + n].iter().copied().eq(w.chars())
}

/// `…比为 3:2`, `之比`, `倍差`, `结构`: a two-term ratio of whole numbers is a ratio only
/// when the words say so (else it is a time of day).
fn ratio_context(chars: &[char], start: usize) -> bool {
    let tail: String = chars[start.saturating_sub(12)..start].iter().collect();
    ["比", "倍差", "结构", "比例", "比值"].iter().any(|w| tail.contains(w))
}
