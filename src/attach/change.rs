//! Changes: a growth or decline stated for a value (`增长5.1%`, `下降76.5%`,
//! `比去年增加3亿多元`, `提高0.2个百分点`). A quantity is a change when the words right
//! before it are a change verb; `提高到`/`降至` name a new level instead, not a change.
//! A signed rate follows its sign: `增长-2.3%` is a fall of 2.3 %, `下降-1.2%` a rise;
//! `负增长` is a fall.

use crate::report::Direction;

/// A change verb phrase closing `s`, read by hand instead of a regex (issue 12: no regex
/// compiled at start-up): `[basis][分别]verb[了][达|达到]`, the old pattern kept as the
/// oracle in the tests. Returns where the phrase starts (the leftmost start that reads to
/// the end), its basis (maybe empty) and its verb.
fn change_verb(s: &str) -> Option<(usize, &str, &str)> {
    // every verb and tail ends with one of these: most text before a figure is skipped here
    let last = s.chars().next_back()?;
    if !matches!(
        last,
        '了' | '达' | '到' | '长' | '度' | '为' | '加' | '高' | '升' | '涨' | '多' | '大' | '幅' | '速' | '降' | '少' | '低' | '滑' | '落' | '小' | '减' | '跌'
    ) {
        return None;
    }
    // a phrase is at most 18 characters (与上年同期相比,分别增长幅度为了达到): only the
    // starts among the last 24 can read to the end
    let n = s.chars().count();
    s.char_indices().skip(n.saturating_sub(24)).find_map(|(i, _)| phrase(&s[i..]).map(|(b, v)| (i, b, v)))
}

/// The verbs, in the old pattern's order (`幅度为?` forms first).
const VERBS: &[&str] = &[
    "负增长", "增长幅度为", "增长幅度", "增加幅度为", "增加幅度", "提高幅度为", "提高幅度", "上升幅度为", "上升幅度", "上涨幅度为", "上涨幅度",
    "增长", "增加", "提高", "上升", "上涨", "增多", "扩大", "提升", "增幅为", "增幅", "增速为", "增速", "涨幅为", "涨幅",
    "下降幅度为", "下降幅度", "减少幅度为", "减少幅度", "降低幅度为", "降低幅度", "下降", "减少", "降低", "下滑", "回落", "缩小", "缩减",
    "降幅为", "降幅", "跌幅为", "跌幅", "下跌", "减",
];

/// `s` read whole as a phrase: (basis, verb).
fn phrase(s: &str) -> Option<(&str, &str)> {
    bases(s).into_iter().find_map(|b| {
        let rest = &s[b..];
        [rest.strip_prefix("分别"), Some(rest)].into_iter().flatten().find_map(|r| {
            VERBS.iter().find_map(|v| {
                let t = r.strip_prefix(v)?;
                let t = t.strip_prefix('了').unwrap_or(t);
                matches!(t, "" | "达" | "达到").then(|| (&s[..b], &r[..v.len()]))
            })
        })
    })
}

/// The bases before `比2020年` in the old pattern's order, then those after it.
const BASES: &[&str] = &["同比", "环比"];
const AGAINST: &[&str] = &["上年同期", "去年同期", "上年末", "上年底", "上年", "去年", "前年", "上月", "上季度", "年初"];
const LATER_BASES: &[&str] = &[
    "与上年同期相比,", "与上年同期相比", "与上年相比,", "与上年相比", "与去年同期相比,", "与去年同期相比", "与去年相比,", "与去年相比",
    "两年平均", "三年平均", "年均", "平均", "年平均", "按年", "按月",
];

/// The byte lengths a basis can have at the start of `s`, in the old pattern's order,
/// the empty basis last.
fn bases(s: &str) -> Vec<usize> {
    let mut out: Vec<usize> = BASES.iter().filter(|w| s.starts_with(*w)).map(|w| w.len()).collect();
    for cmp in ["比", "较"] {
        let Some(r) = s.strip_prefix(cmp) else { continue };
        out.extend(AGAINST.iter().filter(|w| r.starts_with(*w)).map(|w| cmp.len() + w.len()));
        // 比2020年(同期|末|底)?
        if r.len() >= 4 && r.as_bytes()[..4].iter().all(u8::is_ascii_digit) && r[4..].starts_with('年') {
            let y = cmp.len() + 4 + '年'.len_utf8();
            out.extend(["同期", "末", "底"].iter().filter(|w| s[y..].starts_with(*w)).map(|w| y + w.len()));
            out.push(y);
        }
    }
    out.extend(LATER_BASES.iter().filter(|w| s.starts_with(*w)).map(|w| w.len()));
    out.push(0);
    out
}

/// A change verb ending `before`: its direction and the char length of the verb phrase.
/// A rate (`%`, `个百分点`, `倍`) after a change verb is a change; an amount only when
/// the words name what it is compared with (`比去年增加3亿多元`), since `提升15家` and
/// `增加车位` count things done.
pub fn verb_before(before: &str, unit: &str) -> Option<(Direction, usize)> {
    let trimmed = before.trim_end();
    let (start, basis, verb) = change_verb(trimmed)?;
    let is_rate = matches!(unit, "%" | "个百分点" | "百分点" | "倍" | "‰");
    if !is_rate && basis.is_empty() {
        return None;
    }
    let down = ["负增长", "下降", "减少", "降低", "下滑", "回落", "缩小", "缩减", "降幅", "跌幅", "下跌", "减"].iter().any(|v| verb.starts_with(v));
    let len = trimmed[start..].chars().count() + (before.len() - trimmed.len());
    Some((if down { Direction::Down } else { Direction::Up }, len))
}

/// The direction of a change whose verb says `verb` and whose figure may be negative
/// (`增长-2.3%`): the sign turns it, and the quantity keeps the size of the change.
pub fn follow_sign(verb: Direction, q: &mut crate::quantity::Quantity) -> Direction {
    if q.value >= 0.0 {
        return verb;
    }
    q.value = -q.value;
    q.value_max = q.value_max.map(|m| -m);
    if let Some(m) = q.value_max {
        // −(2..3) is a fall of 2 to 3: the bounds swap
        (q.value, q.value_max) = (m.min(q.value), Some(m.max(q.value)));
    }
    match verb {
        Direction::Up => Direction::Down,
        Direction::Down => Direction::Up,
    }
}

/// The verb phrase alone (`下降`), for an indicator that carries the direction.
pub fn verb_word(before: &str) -> Option<&str> {
    change_verb(before.trim_end()).map(|(_, _, verb)| verb)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_need_a_basis() {
        assert_eq!(verb_before("比去年增加", "元").map(|x| x.0), Some(Direction::Up));
        assert_eq!(verb_before("全县农民人均收入1150元,比前年增加", "元").map(|x| x.0), Some(Direction::Up));
        assert_eq!(verb_before("与上年相比,减少", "吨").map(|x| x.0), Some(Direction::Down));
        assert_eq!(verb_before("新建和改造提升", "家"), None);
        assert_eq!(verb_before("新建和改造提升", "%").map(|x| x.0), Some(Direction::Up));
    }

    #[test]
    fn signs_turn_the_direction() {
        let q = |v: f64| crate::quantity::Quantity { raw: String::new(), value: v, unit: "%".into(), approx: None, value_max: None, span: [0, 0] };
        let mut a = q(-2.3);
        assert_eq!(follow_sign(Direction::Up, &mut a), Direction::Down);
        assert_eq!(a.value, 2.3);
        let mut b = q(-1.2);
        assert_eq!(follow_sign(Direction::Down, &mut b), Direction::Up);
        let mut c = q(5.0);
        assert_eq!(follow_sign(Direction::Up, &mut c), Direction::Up);
        assert_eq!(verb_before("出现负增长", "%").map(|x| x.0), Some(Direction::Down));
    }

    #[test]
    fn change_verbs() {
        for (b, d) in [
            ("居民人均可支配收入16993元,增长", Some(Direction::Up)),
            ("比去年增加", Some(Direction::Up)),
            ("同比下降", Some(Direction::Down)),
            ("两年平均增长", Some(Direction::Up)),
            ("分别增长", Some(Direction::Up)),
            ("提高了", Some(Direction::Up)),
            ("缩小至", None),
            ("跌幅为", Some(Direction::Down)),
            ("工业意外数字在 2011年按年上升 ", Some(Direction::Up)),
            ("增加幅度为", Some(Direction::Up)),
            ("提高到", None),
            ("人均可支配收入", None),
        ] {
            assert_eq!(verb_before(b, "%").map(|x| x.0), d, "{b}");
        }
    }

    use regex::Regex;
    use std::sync::LazyLock;

    /// The pattern `change_verb` replaced: the oracle.
    static CHANGE_VERB: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::regex(
            r"(?x)
            (?P<basis>(?:同比|环比
                       |(?:比|较)(?:上年同期|去年同期|上年末|上年底|上年|去年|前年|上月|上季度|年初|[0-9]{4}年(?:同期|末|底)?)
                       |与(?:上年|去年)(?:同期)?相比,?
                       |两年平均|三年平均|年均|平均|年平均|按年|按月)?)
            (?:分别)?
            (?P<verb>负增长|(?:增长|增加|提高|上升|上涨)幅度为?|增长|增加|提高|上升|上涨|增多|扩大|提升|增幅为?|增速为?|涨幅为?
                    |(?:下降|减少|降低)幅度为?|下降|减少|降低|下滑|回落|缩小|缩减|降幅为?|跌幅为?|下跌|减)
            (?:了)?(?:达|达到)?
            $",
        )
        .expect("change verb pattern")
    });


    #[test]
    fn change_verb_as_the_regex_did() {
        let check = |s: &str| {
            let want = CHANGE_VERB.captures(s).map(|c| (c.get(0).unwrap().start(), c.name("basis").map_or("", |m| m.as_str()), c.name("verb").unwrap().as_str()));
            assert_eq!(change_verb(s), want, "{s:?}");
        };
        for line in crate::pattern::oracle::lines() {
            for (i, _) in line.char_indices().step_by(3) {
                check(line[..i].trim_end());
            }
        }
        let alphabet = [
            "同比", "环比", "比", "较", "上年", "去年", "同期", "末", "底", "前年", "上月", "上季度", "年初", "2020", "202", "年", "与", "相比", ",", "两年",
            "平均", "年均", "按年", "分别", "负增长", "增长", "幅度", "为", "增加", "提高", "下降", "减", "少", "增幅", "了", "达", "到", "x",
        ];
        for s in crate::pattern::oracle::random(&alphabet, 200_000, 8) {
            check(&s);
        }
    }
}
