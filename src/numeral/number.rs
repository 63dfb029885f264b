//! Layer 2 — numeral tokens → one number. A numeral is read as atoms (an Arabic literal,
//! a Chinese digit, a place, a large unit, a point, `多`/`余`/`几`) and evaluated in one pass
//! that stops at the first atom that cannot continue it: `一百千瓦` is 一百 then 千瓦,
//! `二两` is 二 then 两 (the customary unit).

use super::lexer::{self, Tok};
use super::Decimal;

/// What a number is a count of: itself, or (a fraction) a percentage or per mille.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    One,
    /// `百分之五`, `三分之一`, `万分之三`, `1/2`: the value is in per cent.
    Percent,
    /// `千分之五`: the value is in per mille.
    PerMille,
}

/// One number read from a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub value: Decimal,
    /// The upper end of an approximate pair: `七八亿` → 7亿 .. 8亿.
    pub max: Option<Decimal>,
    /// Char offset just past the numeral.
    pub end: usize,
    /// Written (at least in part) with Chinese digits or places, not only Arabic digits.
    pub chinese: bool,
    /// Written with Arabic digits (maybe with a Chinese multiplier).
    pub arabic: bool,
    /// `多`, `余` or `几` inside: more than the value.
    pub over: bool,
    /// Chinese digits read one by one (`二〇二一`, `五一`): years and names, not amounts.
    pub positional: bool,
    pub scale: Scale,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Atom {
    /// Arabic digits, maybe with separators and a decimal point; `single` for one digit.
    Lit { value: Decimal, single: bool },
    Han(u8),
    Place(i32),
    Big(i32),
    Point,
    /// `多`, `余`
    Over,
    /// `几` after a place (`十几`)
    Ji,
}

/// Reads the number starting at `chars[start]` (a sign, a digit or a Chinese numeral), not
/// reading past `limit`. None when no number starts there.
pub fn scan(chars: &[char], start: usize, limit: usize) -> Option<Number> {
    let limit = limit.min(chars.len());
    let mut i = start;
    let negative = i < limit && lexer::is_sign(chars[i]);
    if negative {
        i += 1;
    }
    let mut n = match bare_denominator(chars, i, limit) {
        Some(den) => fraction(chars, den, i + 1, true, limit)?,
        None => {
            let p = plain(chars, i, limit)?;
            let is_den = !(p.max.is_some() || p.over || p.positional);
            let chinese_den = starts_with(chars, p.end, limit, "分之");
            let arabic_den = p.arabic && !p.chinese && is_integer(&p.value) && starts_with(chars, p.end, limit, "/");
            match is_den && (chinese_den || arabic_den) {
                true => fraction(chars, p.value, p.end, chinese_den, limit).unwrap_or(p),
                false => p,
            }
        }
    };
    if negative {
        n.value = n.value.negate();
        n.max = n.max.map(Decimal::negate);
        if let Some(m) = n.max {
            // −(7..8) is −8 .. −7
            n.max = Some(n.value);
            n.value = m;
        }
    }
    Some(n)
}

/// A number without a fraction: atoms, then their value.
fn plain(chars: &[char], start: usize, limit: usize) -> Option<Number> {
    let atoms = atoms(chars, start, limit);
    if atoms.is_empty() {
        return None;
    }
    // digits only: one by one (`二〇二一`, `一七二零点一`), except a consecutive pair (`五六`)
    let int_len = atoms.iter().take_while(|(a, _)| matches!(a, Atom::Han(_))).count();
    let rest = &atoms[int_len..];
    let frac_ok = match rest {
        [] => true,
        [(Atom::Point, _), digits @ ..] => !digits.is_empty() && digits.iter().all(|(a, _)| matches!(a, Atom::Han(_))),
        _ => false,
    };
    if int_len >= 2 && frac_ok && !(rest.is_empty() && is_pair(&atoms)) {
        let mut m: u128 = 0;
        let mut exp = 0;
        for (k, (a, _)) in atoms.iter().enumerate() {
            if let Atom::Han(d) = a {
                m = m.checked_mul(10)?.checked_add(u128::from(*d))?;
                if k > int_len {
                    exp -= 1;
                }
            }
        }
        return Some(Number {
            value: Decimal::new(m, exp),
            max: None,
            end: atoms.last()?.1,
            chinese: true,
            arabic: false,
            over: false,
            positional: true,
            scale: Scale::One,
        });
    }
    let low = evaluate(&atoms, false);
    let (value, used, pair, over) = low?;
    let max = if pair { evaluate(&atoms[..used], true).map(|h| h.0) } else { None };
    let used_atoms = &atoms[..used];
    Some(Number {
        value,
        max,
        end: used_atoms.last()?.1,
        chinese: used_atoms.iter().any(|(a, _)| matches!(a, Atom::Han(_) | Atom::Place(_))),
        arabic: used_atoms.iter().any(|(a, _)| matches!(a, Atom::Lit { .. })),
        over,
        positional: false,
        scale: Scale::One,
    })
}

/// The atoms of one numeral, on the stack: most numbers are one or two atoms, and the
/// stage reads one at every Chinese digit of a text. A numeral longer than this ends there.
#[derive(Clone, Copy)]
struct Atoms {
    buf: [(Atom, usize); MAX_ATOMS],
    len: usize,
}

const MAX_ATOMS: usize = 48;

impl Default for Atoms {
    fn default() -> Self {
        Atoms { buf: [(Atom::Point, 0); MAX_ATOMS], len: 0 }
    }
}

impl Atoms {
    fn push(&mut self, a: (Atom, usize)) {
        if self.len < MAX_ATOMS {
            self.buf[self.len] = a;
            self.len += 1;
        }
    }

    fn pop(&mut self) {
        self.len = self.len.saturating_sub(1);
    }

    fn is_full(&self) -> bool {
        self.len == MAX_ATOMS
    }
}

impl std::ops::Deref for Atoms {
    type Target = [(Atom, usize)];
    fn deref(&self) -> &Self::Target {
        &self.buf[..self.len]
    }
}

/// Whether the atoms start with two consecutive Chinese digits (`七八`, `五六`).
fn is_pair(atoms: &[(Atom, usize)]) -> bool {
    matches!(atoms, [(Atom::Han(a), _), (Atom::Han(b), _), ..] if *a >= 1 && *b == a + 1)
        && !matches!(atoms.get(2), Some((Atom::Han(_), _)))
}

/// The atoms of the numeral at `start`, each with the char offset just past it; none when
/// an Arabic literal's thousands groups run on into more digits (`12,3456`).
fn atoms(chars: &[char], start: usize, limit: usize) -> Atoms {
    let mut out = Atoms::default();
    let mut i = start;
    while i < limit && !out.is_full() {
        let c = chars[i];
        let last = out.last().map(|(a, _)| *a);
        // after 多/余/几 only a large unit continues the numeral (`一百多万`)
        if matches!(last, Some(Atom::Over | Atom::Ji)) && !matches!(lexer::tok(c), Some(Tok::Big(_))) {
            break;
        }
        match lexer::tok(c) {
            Some(Tok::Digit(_)) => {
                // digits after 零 (`3万零200`), not after another digit
                if matches!(last, Some(Atom::Lit { .. } | Atom::Han(1..) | Atom::Point)) {
                    break;
                }
                let (value, end, single) = literal(chars, i, limit);
                let Some(value) = value else { return Atoms::default() };
                out.push((Atom::Lit { value, single }, end));
                i = end;
                continue;
            }
            Some(Tok::Han(d)) => {
                // `两` starts a numeral or follows a place (`一千两百`), never a digit: `二两`
                // is 2 两 (the weight)
                if matches!(c, '两' | '兩') && matches!(last, Some(Atom::Han(_) | Atom::Lit { .. })) {
                    break;
                }
                if matches!(last, Some(Atom::Lit { .. })) {
                    // `3万零200` has its 零 after the 万; `3零` is not a numeral
                    break;
                }
                out.push((Atom::Han(d), i + 1));
            }
            Some(Tok::Place(p)) => out.push((Atom::Place(p), i + 1)),
            Some(Tok::Big(b)) => out.push((Atom::Big(b), i + 1)),
            Some(Tok::Point) => {
                // `点` between Chinese digits; Arabic points are inside literals
                let next_han = chars.get(i + 1).is_some_and(|&n| lexer::han_digit(n).is_some()) && i + 1 < limit;
                if c == '点' && next_han && matches!(last, Some(Atom::Han(_) | Atom::Place(_))) {
                    out.push((Atom::Point, i + 1));
                } else {
                    break;
                }
            }
            None => match c {
                '多' | '余' if matches!(last, Some(Atom::Place(_) | Atom::Big(_) | Atom::Lit { .. })) => {
                    out.push((Atom::Over, i + 1));
                }
                '几' if matches!(last, Some(Atom::Place(_))) => out.push((Atom::Ji, i + 1)),
                _ => break,
            },
        }
        i += 1;
    }
    // a trailing point without digits, 多 that ends nothing: leave them to the text
    while matches!(out.last(), Some((Atom::Point, _))) {
        out.pop();
    }
    out
}

/// An Arabic literal at `i`: `(value, end, single digit)`; no value when its thousands
/// groups run on into more digits or it has more digits than an exact mantissa holds.
fn literal(chars: &[char], i: usize, limit: usize) -> (Option<Decimal>, usize, bool) {
    let digit = |k: usize| k < limit && lexer::is_digit(chars[k]);
    let value = |k: usize| match lexer::tok(chars[k]) {
        Some(Tok::Digit(d)) => u128::from(d),
        _ => 0,
    };
    let mut mantissa: Option<u128> = Some(0);
    let mut push = |k: usize| mantissa = mantissa.and_then(|m| m.checked_mul(10)?.checked_add(value(k)));
    let mut j = i;
    while digit(j) {
        push(j);
        j += 1;
    }
    // thousands groups: `1,234,567`, `12 621` (the first group 1–3 digits, then 3 each)
    if j - i <= 3 {
        let mut k = j;
        while k < limit && lexer::is_group_separator(chars[k]) && (1..=3).all(|d| digit(k + d)) {
            (k + 1..k + 4).for_each(&mut push);
            k += 4;
            if digit(k) {
                // `12,3456`: a code or a misprint, not a number
                return (None, k, false);
            }
        }
        j = k;
    }
    let single = j - i == 1;
    if j + 1 < limit && matches!(chars[j], '.' | '．' | '·') && digit(j + 1) {
        j += 1;
        let mut exp: i32 = 0;
        while digit(j) {
            push(j);
            exp -= 1;
            j += 1;
        }
        return (mantissa.map(|m| Decimal::new(m, exp)), j, false);
    }
    (mantissa.map(|m| Decimal::new(m, 0)), j, single)
}

/// The value of `atoms` read in order, stopping at the first atom that cannot continue
/// the numeral: `(value, atoms used, an approximate pair was read, 多/余/几 was read)`.
/// `high` takes the upper digit of a pair (`七八` → 8).
fn evaluate(atoms: &[(Atom, usize)], high: bool) -> Option<(Decimal, usize, bool, bool)> {
    let mut total = Decimal::ZERO; // completed 万/亿 groups
    let mut section = Decimal::ZERO; // below the current large unit
    let mut pending: Option<(Decimal, bool)> = None; // a digit waiting for its place; single digit?
    let mut section_place = i32::MAX; // places descend inside a section
    let mut last_unit = 0; // power of the last place or large unit, for `一千三` = 1300
    let mut biggest = 0; // the largest large unit so far
    let mut after_zero = false;
    let mut prev_big = false;
    let mut pair = false;
    let mut over = false;
    let mut used = 0;
    let mut k = 0;
    while k < atoms.len() {
        let atom = atoms[k].0;
        let is_big = matches!(atom, Atom::Big(_));
        match atom {
            Atom::Lit { value, single } => {
                if pending.is_some() {
                    break;
                }
                pending = Some((value, single));
            }
            Atom::Han(0) => {
                if pending.is_none() && section.is_zero() && total.is_zero() && used == 0 {
                    pending = Some((Decimal::ZERO, true)); // `零点五`, `零`
                } else if pending.is_some() {
                    break;
                } else {
                    after_zero = true;
                }
            }
            Atom::Han(d) => {
                match pending {
                    // `七八亿`, `六七百万`, `三四十`: two consecutive digits, an approximate pair
                    Some((p, true)) if !pair && Some(p) == Some(Decimal::new(u128::from(d) - 1, 0)) => {
                        pair = true;
                        if high {
                            pending = Some((Decimal::new(u128::from(d), 0), true));
                        }
                    }
                    Some(_) => break,
                    None => pending = Some((Decimal::new(u128::from(d), 0), true)),
                }
            }
            Atom::Place(p) => {
                let d = match pending.take() {
                    Some((d, _)) => d,
                    None if p == 1 && !matches!(atoms.get(k.wrapping_sub(1)).map(|a| a.0), Some(Atom::Place(_))) => Decimal::new(1, 0),
                    None => break,
                };
                if p >= section_place {
                    pending = Some((d, true));
                    break;
                }
                section_place = p;
                section = section.checked_add(d.shift(p))?;
                last_unit = p;
                after_zero = false;
            }
            Atom::Big(b) => {
                let group = match pending.take() {
                    Some((d, _)) => section.checked_add(d)?,
                    None => section,
                };
                if group.is_zero() {
                    if prev_big && !total.is_zero() {
                        // stacked: `万亿`, `10万万`
                        total = total.shift(b);
                    } else {
                        break;
                    }
                } else if b > biggest && !total.is_zero() {
                    // `一万五千亿`: a larger unit multiplies everything before it
                    total = total.checked_add(group)?.shift(b);
                } else {
                    total = total.checked_add(group.shift(b))?;
                }
                biggest = biggest.max(b);
                section = Decimal::ZERO;
                section_place = i32::MAX;
                last_unit = b;
                after_zero = false;
            }
            Atom::Point => {
                // the integer so far, then the digits after the point, one by one
                let int = total.checked_add(section)?.checked_add(pending.map_or(Decimal::ZERO, |p| p.0))?;
                let mut frac: u128 = 0;
                let mut n = 0;
                let mut j = k + 1;
                while let Some((Atom::Han(d), _)) = atoms.get(j) {
                    frac = frac.checked_mul(10)?.checked_add(u128::from(*d))?;
                    n += 1;
                    j += 1;
                }
                if n == 0 {
                    break;
                }
                let value = int.checked_add(Decimal::new(frac, -n))?;
                total = Decimal::ZERO;
                section = Decimal::ZERO;
                section_place = i32::MAX;
                pending = Some((value, false));
                last_unit = 0;
                used = j;
                k = j;
                prev_big = false;
                continue;
            }
            Atom::Over | Atom::Ji => over = true,
        }
        prev_big = is_big;
        k += 1;
        used = k;
    }
    if used == 0 {
        return None;
    }
    if let Some((d, single)) = pending {
        // `一千三`, `两千四百五`, `一万二`: a lone digit right after a place is that
        // place's next lower one
        let place = if single && !after_zero && last_unit >= 1 { last_unit - 1 } else { 0 };
        section = section.checked_add(d.shift(place))?;
    }
    let value = total.checked_add(section)?;
    Some((value, used, pair, over))
}

fn starts_with(chars: &[char], k: usize, limit: usize, s: &str) -> bool {
    s.chars().enumerate().all(|(n, c)| k + n < limit && chars[k + n] == c)
}

/// `百分之`, `千分之`, `万分之`: a denominator written as a bare place.
fn bare_denominator(chars: &[char], start: usize, limit: usize) -> Option<Decimal> {
    let den = match chars.get(start)? {
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        '万' | '萬' => 10000,
        _ => return None,
    };
    starts_with(chars, start + 1, limit, "分之").then_some(Decimal::new(den, 0))
}

/// `三分之一`, `百分之五`, `千分之五`, `万分之三`, `1/2`: a fraction whose denominator ends at
/// `den_end`, as a percentage (per mille for 千分之).
fn fraction(chars: &[char], den: Decimal, den_end: usize, den_chinese: bool, limit: usize) -> Option<Number> {
    let num_start = den_end + if den_chinese { 2 } else { 1 };
    // `百分之负三点八`: a signed numerator
    let negative = den_chinese && num_start < limit && lexer::is_sign(chars[num_start]);
    let mut num = plain(chars, num_start + usize::from(negative), limit)?;
    if negative {
        num.value = num.value.negate();
        num.max = None;
    }
    if num.positional {
        return None;
    }
    if !den_chinese {
        // `1/2`, not `2022/8/11`, `1/2/3` or `3/4G`
        let next = chars.get(num.end).copied();
        if !num.arabic || num.chinese || !is_integer(&num.value) || next.is_some_and(|c| c == '/' || c.is_ascii_alphanumeric()) {
            return None;
        }
    }
    // `三分之一` names the denominator first; `1/2` the numerator
    let (den, num) = if den_chinese {
        (den, num)
    } else {
        let first = den;
        let second = num.value;
        if num.max.is_some() {
            return None;
        }
        (second, Number { value: first, ..num })
    };
    let den_f = den.to_f64().filter(|&d| d > 0.0)?;
    let (value, max, scale) = if den == Decimal::new(1000, 0) && den_chinese {
        (num.value, num.max, Scale::PerMille)
    } else if let Some(p) = power_of_ten(&den) {
        // exact: n / 10^p × 100
        (num.value.shift(2 - p), num.max.map(|m| m.shift(2 - p)), Scale::Percent)
    } else {
        let pct = |d: Decimal| d.to_f64().and_then(|v| Decimal::from_f64(v / den_f * 100.0));
        (pct(num.value)?, num.max.and_then(pct), Scale::Percent)
    };
    Some(Number {
        value,
        max,
        end: num.end,
        chinese: den_chinese || num.chinese,
        arabic: num.arabic,
        over: num.over,
        positional: false,
        scale,
    })
}

fn is_integer(d: &Decimal) -> bool {
    d.exp >= 0
}

/// `p` when `d` is exactly 10^p.
fn power_of_ten(d: &Decimal) -> Option<i32> {
    let mut m = d.mantissa;
    let mut p = d.exp;
    if m == 0 {
        return None;
    }
    while m.is_multiple_of(10) {
        m /= 10;
        p += 1;
    }
    (m == 1).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(f64, Option<f64>, usize, Scale)> {
        let chars: Vec<char> = s.chars().collect();
        let n = scan(&chars, 0, chars.len())?;
        Some((n.value.to_f64()?, n.max.and_then(|m| m.to_f64()), n.end, n.scale))
    }

    #[test]
    fn stops_where_the_numeral_ends() {
        assert_eq!(read("一百千瓦"), Some((100.0, None, 2, Scale::One)));
        assert_eq!(read("二两"), Some((2.0, None, 1, Scale::One)));
        assert_eq!(read("3万零200元"), Some((30200.0, None, 6, Scale::One)));
        assert_eq!(read("1000余万元"), Some((1e7, None, 6, Scale::One)));
    }

    #[test]
    fn pairs_signs_fractions() {
        assert_eq!(read("七八亿"), Some((7e8, Some(8e8), 3, Scale::One)));
        assert_eq!(read("六七百万"), Some((6e6, Some(7e6), 4, Scale::One)));
        assert_eq!(read("负三十二"), Some((-32.0, None, 4, Scale::One)));
        assert_eq!(read("-2.3"), Some((-2.3, None, 4, Scale::One)));
        assert_eq!(read("千分之五"), Some((5.0, None, 4, Scale::PerMille)));
        assert_eq!(read("万分之三"), Some((0.03, None, 4, Scale::Percent)));
        assert_eq!(read("百分之五十"), Some((50.0, None, 5, Scale::Percent)));
        assert_eq!(read("1/2"), Some((50.0, None, 3, Scale::Percent)));
        assert_eq!(read("三分之一").map(|r| (r.0 * 1e6).round() / 1e6), Some(33.333333));
        assert_eq!(read("2022/8/11").map(|r| r.3), Some(Scale::One));
    }
}
