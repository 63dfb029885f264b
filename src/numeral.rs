//! Numbers as written → exact values.
//!
//! A value is kept as a decimal (digits and a power of ten) until the very end, so that
//! multipliers never go through float multiplication: `16.4亿` is `164e7`, which parses to
//! exactly 1640000000.0, never 1639999999.9999998.

/// A decimal number: `mantissa × 10^exp`, with the mantissa as ASCII digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decimal {
    mantissa: String,
    exp: i32,
}

impl Decimal {
    /// The nearest f64, or None when it is not finite (an overflowing figure).
    pub fn to_f64(&self) -> Option<f64> {
        let v: f64 = format!("{}e{}", self.mantissa, self.exp).parse().ok()?;
        v.is_finite().then_some(v)
    }

    /// Multiply by 10^n (a Chinese multiplier such as 万 = 4, 亿 = 8).
    pub fn shift(mut self, n: i32) -> Self {
        self.exp = self.exp.saturating_add(n);
        self
    }
}

/// Parses Arabic numbers: `16993`, `1,234.5`, `729.91`. Digits must be ASCII
/// (normalisation has made full-width digits and `·`/`．` decimal points ASCII).
pub fn parse_arabic(s: &str) -> Option<Decimal> {
    let s: String = s.chars().filter(|&c| !matches!(c, ',' | ' ' | '\u{A0}' | '\u{2009}')).collect();
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, f),
        None => (s.as_str(), ""),
    };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mantissa = format!("{int}{frac}");
    let exp = -(i32::try_from(frac.len()).ok()?);
    Some(Decimal { mantissa, exp })
}

fn digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn small_unit(c: char) -> Option<u128> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// Whether `c` can be part of a Chinese numeral.
pub fn is_chinese_numeral_char(c: char) -> bool {
    digit(c).is_some() || small_unit(c).is_some() || matches!(c, '万' | '亿' | '点')
}

/// Parses Chinese numerals: `十五`, `两千三百`, `一千三` (= 1300), `三点五`,
/// `一百九十万零三千九百七十一`, `一万五千亿`, `二〇二一` (digit by digit).
pub fn parse_chinese(s: &str) -> Option<Decimal> {
    if s.is_empty() {
        return None;
    }
    if let Some((int, frac)) = s.split_once('点') {
        let int = parse_chinese(int)?;
        let frac: Option<String> = frac.chars().map(|c| digit(c).map(|d| char::from(b'0' + d as u8))).collect();
        let frac = frac.filter(|f| !f.is_empty())?;
        let scale = i32::try_from(frac.len()).ok()?;
        // int × 10^int.exp (exp ≥ 0 for integers) then append the fraction digits
        let whole = format!("{}{}", int.mantissa, "0".repeat(int.exp.max(0) as usize));
        return Some(Decimal { mantissa: format!("{whole}{frac}"), exp: -scale });
    }
    let chars: Vec<char> = s.chars().collect();
    // Digits only (`二〇二一`, `三`): positional.
    if chars.iter().all(|&c| digit(c).is_some()) {
        let m: String = chars.iter().map(|&c| char::from(b'0' + digit(c).unwrap_or(0) as u8)).collect();
        return Some(Decimal { mantissa: m, exp: 0 });
    }
    let mut total: u128 = 0; // completed 亿 groups and 万 groups
    let mut section: u128 = 0; // below 万
    let mut pending: Option<u128> = None; // a digit waiting for its unit
    let mut last_unit: u128 = 1; // unit of the last digit, for `一千三` = 1300
    let mut after_zero = false;
    let mut section_unit: u128 = u128::MAX; // small units must descend inside a section
    for &c in &chars {
        if let Some(d) = digit(c) {
            if d == 0 {
                after_zero = true;
                continue;
            }
            if pending.is_some() {
                return None; // two digits in a row inside a unit numeral
            }
            pending = Some(d as u128);
        } else if let Some(u) = small_unit(c) {
            // `十五`: a bare 十 means 一十
            let d = match pending.take() {
                Some(d) => d,
                None if u == 10 => 1,
                None => return None,
            };
            if u >= section_unit {
                return None;
            }
            section_unit = u;
            section = section.checked_add(d.checked_mul(u)?)?;
            last_unit = u;
            after_zero = false;
        } else if c == '万' || c == '亿' {
            let big: u128 = if c == '万' { 10_000 } else { 100_000_000 };
            let mut group = section.checked_add(pending.take().unwrap_or(0))?;
            section = 0;
            section_unit = u128::MAX;
            if c == '万' {
                total = total.checked_add(group.checked_mul(big)?)?;
            } else {
                // everything so far (including 万 groups) is multiplied by 亿
                group = group.checked_add(total)?;
                total = group.checked_mul(big)?;
            }
            if group == 0 && total == 0 {
                return None;
            }
            last_unit = big;
            after_zero = false;
        } else {
            return None;
        }
    }
    if let Some(d) = pending {
        // `一千三`: a trailing digit right after a unit is that unit's next lower place
        let place = if !after_zero && last_unit >= 10 { last_unit / 10 } else { 1 };
        section = section.checked_add(d.checked_mul(place)?)?;
    }
    let v = total.checked_add(section)?;
    Some(Decimal { mantissa: v.to_string(), exp: 0 })
}

/// The power of ten of a multiplier written after a number: `万` → 4, `亿` → 8,
/// `万亿` → 12, `千万` → 7, `百万` → 6, `十万` → 5.
pub fn multiplier_exp(s: &str) -> i32 {
    s.chars()
        .map(|c| match c {
            '十' => 1,
            '百' => 2,
            '千' => 3,
            '万' | '萬' => 4,
            '亿' | '億' => 8,
            _ => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ar(s: &str) -> f64 {
        parse_arabic(s).unwrap().to_f64().unwrap()
    }

    #[test]
    fn arabic() {
        for (s, v) in [("16993", 16993.0), ("729.91", 729.91), ("1,234.5", 1234.5), ("0.7", 0.7)] {
            assert_eq!(ar(s), v, "{s}");
        }
        assert!(parse_arabic("1.2.3").is_none());
        assert!(parse_arabic(".5").is_none());
    }

    #[test]
    fn multipliers_are_exact() {
        let v = parse_arabic("16.4").unwrap().shift(multiplier_exp("亿")).to_f64().unwrap();
        assert_eq!(v, 1640000000.0);
        let v = parse_arabic("142.18").unwrap().shift(8).to_f64().unwrap();
        assert_eq!(v, 14218000000.0);
        let v = parse_arabic("1.5").unwrap().shift(multiplier_exp("万亿")).to_f64().unwrap();
        assert_eq!(v, 1.5e12);
        let v = parse_arabic("100000").unwrap().shift(multiplier_exp("万")).to_f64().unwrap();
        assert_eq!(v, 1e9);
        let v = parse_arabic("1.29").unwrap().shift(multiplier_exp("萬")).to_f64().unwrap();
        assert_eq!(v, 12900.0);
    }

    #[test]
    fn overflow_is_none() {
        let d = parse_arabic(&"9".repeat(400)).unwrap();
        assert_eq!(d.to_f64(), None);
        assert_eq!(parse_chinese(&"九千".repeat(40)), None);
    }

    #[test]
    fn chinese() {
        for (s, v) in [
            ("十五", 15.0),
            ("十", 10.0),
            ("两千三百", 2300.0),
            ("一千三", 1300.0),
            ("三万五", 35000.0),
            ("三点五", 3.5),
            ("一百零五", 105.0),
            ("一百九十万零三千九百七十一", 1903971.0),
            ("一万五千亿", 1.5e12),
            ("二〇二一", 2021.0),
            ("三", 3.0),
            ("五十", 50.0),
            ("一亿二千万", 120000000.0),
        ] {
            assert_eq!(parse_chinese(s).and_then(|d| d.to_f64()), Some(v), "{s}");
        }
        for s in ["", "点", "三三万", "千"] {
            assert!(parse_chinese(s).and_then(|d| d.to_f64()).is_none(), "{s}");
        }
    }
}
