//! Numbers as written → exact values, in two layers:
//!
//! 1. [`lexer`]: characters → numeral tokens (Arabic, full-width, Chinese, financial digits,
//!    places 十百千, large units 万亿, decimal points, signs);
//! 2. [`number`]: tokens → one number: a sign, a mantissa in any script or mixed (`3万零200`,
//!    `1.2万`), an omitted last place (`两千四百五` = 2450, `一万二` = 12000), stacked
//!    multipliers (`万亿`, `10万万`), an approximate pair (`七八亿` = 7–8 亿), `多`/`余`/`几`
//!    inside (`一百多万`), fractions (`三分之一`, `百分之五`, `千分之五`, `1/2`).
//!
//! The quantity stage ([`crate::quantity`]) adds units, ranges and approximation words.
//!
//! A value is kept as a decimal (an integer mantissa and a power of ten) until the very end,
//! so that multipliers never go through float multiplication: `16.4亿` is `164e7`, which
//! parses to exactly 1640000000.0, never 1639999999.9999998.

pub mod lexer;
pub mod number;

pub use lexer::is_chinese_numeral_char;
pub use number::{scan, Number, Scale};

/// A decimal number: `±mantissa × 10^exp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Decimal {
    mantissa: u128,
    exp: i32,
    negative: bool,
}

impl Decimal {
    pub const ZERO: Decimal = Decimal { mantissa: 0, exp: 0, negative: false };

    pub fn new(mantissa: u128, exp: i32) -> Self {
        Decimal { mantissa, exp, negative: false }
    }

    /// The nearest f64, or None when it is not finite (an overflowing figure). Going through
    /// the decimal string is what makes `164e7` exactly 1640000000.
    pub fn to_f64(&self) -> Option<f64> {
        // the exact fast path: a mantissa below 2^53 and a power of ten up to 10^22 are both
        // exact in f64, so one multiplication or division rounds once, as parsing would
        const POW10: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
            1e21, 1e22,
        ];
        if self.mantissa < (1 << 53) && self.exp.unsigned_abs() <= 22 {
            let m = self.mantissa as f64;
            let p = POW10[self.exp.unsigned_abs() as usize];
            let v = if self.exp >= 0 { m * p } else { m / p };
            return Some(if self.negative { -v } else { v });
        }
        let sign = if self.negative { "-" } else { "" };
        let v: f64 = format!("{sign}{}e{}", self.mantissa, self.exp).parse().ok()?;
        v.is_finite().then_some(v)
    }

    /// Multiply by 10^n (a Chinese multiplier such as 万 = 4, 亿 = 8).
    pub fn shift(mut self, n: i32) -> Self {
        self.exp = self.exp.saturating_add(n);
        self
    }

    pub fn negate(mut self) -> Self {
        self.negative = !self.negative;
        self
    }

    pub fn is_negative(&self) -> bool {
        self.negative && self.mantissa != 0
    }

    pub fn is_zero(&self) -> bool {
        self.mantissa == 0
    }

    /// The exact sum of two non-negative decimals, or None when the mantissa overflows.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        if self.mantissa == 0 {
            return Some(other);
        }
        if other.mantissa == 0 {
            return Some(self);
        }
        let (hi, lo) = if self.exp >= other.exp { (self, other) } else { (other, self) };
        let diff = u32::try_from(hi.exp.checked_sub(lo.exp)?).ok()?;
        let scaled = hi.mantissa.checked_mul(10u128.checked_pow(diff)?)?;
        Some(Decimal { mantissa: scaled.checked_add(lo.mantissa)?, exp: lo.exp, negative: false })
    }

    /// The shortest decimal that reads back as `v` (for values that are not decimal, like ⅓).
    pub fn from_f64(v: f64) -> Option<Decimal> {
        if !v.is_finite() {
            return None;
        }
        let s = format!("{}", v.abs());
        let d = parse_arabic(&s)?;
        Some(if v < 0.0 { d.negate() } else { d })
    }
}

/// Parses Arabic numbers: `16993`, `1,234.5`, `729.91`, `１２．５`. None when it is not one
/// number or its digits do not fit an exact mantissa (38 digits).
pub fn parse_arabic(s: &str) -> Option<Decimal> {
    let chars: Vec<char> = s.chars().filter(|&c| !lexer::is_group_separator(c)).collect();
    let mut mantissa: u128 = 0;
    let mut int_digits = 0;
    let mut frac: Option<i32> = None;
    for &c in &chars {
        match lexer::tok(c) {
            Some(lexer::Tok::Digit(d)) => {
                mantissa = mantissa.checked_mul(10)?.checked_add(u128::from(d))?;
                match frac.as_mut() {
                    Some(n) => *n += 1,
                    None => int_digits += 1,
                }
            }
            Some(lexer::Tok::Point) if c != '点' && frac.is_none() => frac = Some(0),
            _ => return None,
        }
    }
    if int_digits == 0 || frac == Some(0) {
        return None;
    }
    Some(Decimal::new(mantissa, -frac.unwrap_or(0)))
}

/// Parses a whole string as a Chinese (or mixed) numeral: `十五`, `两千三百`, `一千三`
/// (= 1300), `三点五`, `一百九十万零三千九百七十一`, `一万五千亿`, `二〇二一` (digit by digit),
/// `肆佰陆拾`. None when the string is not exactly one numeral.
pub fn parse_chinese(s: &str) -> Option<Decimal> {
    let chars: Vec<char> = s.chars().collect();
    let n = number::scan(&chars, 0, chars.len())?;
    (n.end == chars.len() && n.max.is_none() && n.scale == Scale::One).then_some(n.value)
}

/// The power of ten of a multiplier written after a number: `万` → 4, `亿` → 8,
/// `万亿` → 12, `千万` → 7, `百万` → 6, `十万` → 5.
pub fn multiplier_exp(s: &str) -> i32 {
    s.chars()
        .map(|c| match lexer::tok(c) {
            Some(lexer::Tok::Place(p) | lexer::Tok::Big(p)) => p,
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
        for (s, v) in [("16993", 16993.0), ("729.91", 729.91), ("1,234.5", 1234.5), ("0.7", 0.7), ("１２．５", 12.5)] {
            assert_eq!(ar(s), v, "{s}");
        }
        assert!(parse_arabic("1.2.3").is_none());
        assert!(parse_arabic(".5").is_none());
        assert!(parse_arabic("5.").is_none());
    }

    #[test]
    fn multipliers_are_exact() {
        let v = parse_arabic("16.4").unwrap().shift(multiplier_exp("亿")).to_f64().unwrap();
        assert_eq!(v, 1640000000.0);
        let v = parse_arabic("142.18").unwrap().shift(8).to_f64().unwrap();
        assert_eq!(v, 14218000000.0);
        let v = parse_arabic("1.5").unwrap().shift(multiplier_exp("万亿")).to_f64().unwrap();
        assert_eq!(v, 1.5e12);
        let v = parse_arabic("1.29").unwrap().shift(multiplier_exp("萬")).to_f64().unwrap();
        assert_eq!(v, 12900.0);
    }

    #[test]
    fn overflow_is_none() {
        assert_eq!(parse_arabic(&"9".repeat(400)), None);
        assert_eq!(Decimal::new(1, 400).to_f64(), None);
        assert_eq!(parse_chinese(&"九千".repeat(40)), None);
    }

    #[test]
    fn the_fast_path_is_the_parse() {
        let cases: [(u128, i32); 9] = [(164, 7), (14218, 6), (72_991, 6), (1, -1), (3, -1), (123_456_789, -4), (9_007_199_254_740_991, 3), (17, -22), (5, 22)];
        for (m, e) in cases {
            let d = Decimal::new(m, e);
            let parsed: f64 = format!("{m}e{e}").parse().unwrap();
            assert_eq!(d.to_f64(), Some(parsed), "{m}e{e}");
        }
    }

    #[test]
    fn sums_are_exact() {
        let a = parse_arabic("0.1").unwrap();
        let b = parse_arabic("0.2").unwrap();
        assert_eq!(a.checked_add(b).unwrap().to_f64(), Some(0.3));
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
            ("两千四百五", 2450.0),
            ("一万二", 12000.0),
            ("肆佰陆拾", 460.0),
            ("壹佰伍拾", 150.0),
            ("10万万", 1e9),
            ("3万零200", 30200.0),
        ] {
            assert_eq!(parse_chinese(s).and_then(|d| d.to_f64()), Some(v), "{s}");
        }
        for s in ["", "点", "三三万", "千", "七八"] {
            assert!(parse_chinese(s).and_then(|d| d.to_f64()).is_none(), "{s}");
        }
    }
}
