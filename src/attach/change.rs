//! Changes: a growth or decline stated for a value (`增长5.1%`, `下降76.5%`,
//! `比去年增加3亿多元`, `提高0.2个百分点`). A quantity is a change when the words right
//! before it are a change verb; `提高到`/`降至` name a new level instead, not a change.
//! A signed rate follows its sign: `增长-2.3%` is a fall of 2.3 %, `下降-1.2%` a rise;
//! `负增长` is a fall.

use crate::report::Direction;
use regex::Regex;
use std::sync::LazyLock;

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

/// A change verb ending `before`: its direction and the char length of the verb phrase.
/// A rate (`%`, `个百分点`, `倍`) after a change verb is a change; an amount only when
/// the words name what it is compared with (`比去年增加3亿多元`), since `提升15家` and
/// `增加车位` count things done.
pub fn verb_before(before: &str, unit: &str) -> Option<(Direction, usize)> {
    let trimmed = before.trim_end();
    let c = CHANGE_VERB.captures(trimmed)?;
    let is_rate = matches!(unit, "%" | "个百分点" | "百分点" | "倍" | "‰");
    if !is_rate && c.name("basis").is_none_or(|b| b.as_str().is_empty()) {
        return None;
    }
    let verb = c.name("verb")?.as_str();
    let down = ["负增长", "下降", "减少", "降低", "下滑", "回落", "缩小", "缩减", "降幅", "跌幅", "下跌", "减"].iter().any(|v| verb.starts_with(v));
    let len = c.get(0)?.as_str().chars().count() + (before.len() - trimmed.len());
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
    CHANGE_VERB.captures(before.trim_end())?.name("verb").map(|m| m.as_str())
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
}
