//! Layer 1 — characters → numeral tokens. Every script a figure is written in: ASCII and
//! full-width digits, Chinese and financial (大写) digits, places (十百千), large units
//! (万亿), decimal points, signs.

/// One character of a numeral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    /// An Arabic digit, ASCII or full-width.
    Digit(u8),
    /// A Chinese digit: `〇零一二两三…九`, and the financial `壹贰叁肆伍陆柒捌玖`.
    Han(u8),
    /// A place inside a section: `十`/`拾` = 1, `百`/`佰` = 2, `千`/`仟` = 3 (powers of ten).
    Place(i32),
    /// A large unit that closes a section: `万`/`萬` = 4, `亿`/`億` = 8.
    Big(i32),
    /// A decimal point: `点`, `.`, `．`, `·`.
    Point,
}

pub fn tok(c: char) -> Option<Tok> {
    Some(match c {
        '0'..='9' => Tok::Digit(c as u8 - b'0'),
        '０'..='９' => Tok::Digit((c as u32 - '０' as u32) as u8),
        _ => {
            if let Some(d) = han_digit(c) {
                Tok::Han(d)
            } else {
                match c {
                    '十' | '拾' => Tok::Place(1),
                    '百' | '佰' => Tok::Place(2),
                    '千' | '仟' => Tok::Place(3),
                    '万' | '萬' => Tok::Big(4),
                    '亿' | '億' => Tok::Big(8),
                    '点' | '.' | '．' | '·' => Tok::Point,
                    _ => return None,
                }
            }
        }
    })
}

/// A Chinese digit's value (`两` included; it only ever starts a numeral or follows a place).
pub fn han_digit(c: char) -> Option<u8> {
    Some(match c {
        '〇' | '零' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' | '貳' | '兩' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// A sign in front of a number: `负`, `-`, `－`, `−` (U+2212).
pub fn is_sign(c: char) -> bool {
    matches!(c, '负' | '負' | '-' | '－' | '−')
}

/// Arabic digits (ASCII or full-width).
pub fn is_digit(c: char) -> bool {
    matches!(tok(c), Some(Tok::Digit(_)))
}

/// Whether `c` can be part of a Chinese numeral.
pub fn is_chinese_numeral_char(c: char) -> bool {
    matches!(tok(c), Some(Tok::Han(_) | Tok::Place(_) | Tok::Big(_))) || c == '点'
}

/// Separators of thousands groups: `1,234`, and `12 621` as Hong Kong prints figures.
pub fn is_group_separator(c: char) -> bool {
    matches!(c, ',' | ' ' | '\u{A0}' | '\u{2009}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts() {
        assert_eq!(tok('７'), Some(Tok::Digit(7)));
        assert_eq!(tok('柒'), Some(Tok::Han(7)));
        assert_eq!(tok('两'), Some(Tok::Han(2)));
        assert_eq!(tok('佰'), Some(Tok::Place(2)));
        assert_eq!(tok('億'), Some(Tok::Big(8)));
        assert_eq!(tok('．'), Some(Tok::Point));
        assert_eq!(tok('元'), None);
        assert!(is_sign('−') && is_sign('负') && !is_sign('+'));
    }
}
