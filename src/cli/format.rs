//! Numbers and text for people: `142.18 亿元`, `38.3 万人`, `5.1%`, terminal widths.

use unicode_width::UnicodeWidthStr;
use zhibiao::report::{Approx, Direction, Metric};

/// Replace control characters (line breaks, tabs, terminal escapes) with spaces so a
/// document can neither break a table row nor drive the terminal.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Display width in terminal columns (CJK characters count two).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cut `s` to at most `max` columns, marking a cut with `...`.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 3 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push_str("...");
    out
}

pub fn pad(s: &str, w: usize) -> String {
    let mut out = s.to_string();
    for _ in width(s)..w {
        out.push(' ');
    }
    out
}

/// Units that read naturally with 万/亿 in front: money and counted or measured things.
fn scalable_unit(unit: &str) -> bool {
    if unit.is_empty() {
        return true;
    }
    if unit.contains('/') {
        return false; // 元/年, 元/平方米: a rate, not an amount
    }
    const NOT: [&str; 14] = [
        "%",
        "‰",
        "个百分点",
        "百分点",
        "倍",
        "比",
        "岁",
        "℃",
        "年",
        "月",
        "天",
        "小时",
        "分钟",
        "秒",
    ];
    if NOT.contains(&unit) {
        return false;
    }
    const SCALABLE: [&str; 56] = [
        "人",
        "户",
        "个",
        "家",
        "所",
        "套",
        "张",
        "项",
        "名",
        "支",
        "场",
        "场次",
        "人次",
        "剂次",
        "次",
        "件",
        "台",
        "辆",
        "座",
        "间",
        "栋",
        "幢",
        "处",
        "条",
        "只",
        "头",
        "株",
        "棵",
        "份",
        "册",
        "本",
        "批",
        "例",
        "起",
        "位",
        "艘",
        "架",
        "种",
        "部",
        "篇",
        "床",
        "笔",
        "单",
        "吨",
        "平方米",
        "平方公里",
        "亩",
        "公顷",
        "立方米",
        "千瓦",
        "千瓦时",
        "度",
        "公里",
        "米",
        "千克",
        "公斤",
    ];
    SCALABLE.contains(&unit) || unit.ends_with('元')
}

/// A number for people: at most six decimals, trailing zeros trimmed, no `-0`.
pub fn human_number(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let mut s = format!("{x:.6}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" {
        s = "0".into();
    }
    if s == "0" && x != 0.0 {
        // Too small for six decimals: show it as it is rather than as zero.
        s = format!("{x}");
    }
    s
}

/// A value with its unit in readable form: `142.18 亿元`, `38.3 万人`, `5.1%`, `8-10%`,
/// `21713 元`. 亿 from 1e8 and 万 from 1e5 on, for money and counts only.
pub fn format_value(value: f64, value_max: Option<f64>, unit: &str) -> String {
    let big = value.abs().max(value_max.map_or(0.0, f64::abs));
    let (div, prefix) = if !scalable_unit(unit) {
        (1.0, "")
    } else if big >= 1e8 {
        (1e8, "亿")
    } else if big >= 1e5 {
        (1e4, "万")
    } else {
        (1.0, "")
    };
    let mut num = human_number(value / div);
    if let Some(max) = value_max {
        num.push('-');
        num.push_str(&human_number(max / div));
    }
    let unit_text = format!("{prefix}{unit}");
    if unit_text.is_empty() {
        num
    } else if unit == "%" || unit == "‰" || unit == "℃" {
        format!("{num}{unit}")
    } else {
        format!("{num} {unit_text}")
    }
}

pub fn metric_value(m: &Metric) -> String {
    if m.unit == "比" && !m.raw.is_empty() {
        return m.raw.clone(); // a ratio reads as written: 1.49:1
    }
    let v = format_value(m.value, m.value_max, &m.unit);
    match m.approx {
        Some(Approx::About) => format!("~{v}"),
        Some(Approx::Over) => format!(">{v}"),
        Some(Approx::Under) => format!("<{v}"),
        None => v,
    }
}

pub fn metric_change(m: &Metric) -> String {
    match &m.change {
        None => String::new(),
        Some(c) => {
            let sign = match c.direction {
                Direction::Up => '+',
                Direction::Down => '-',
            };
            format!("{sign}{}", format_value(c.value.abs(), None, &c.unit))
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use super::super::render::plain_number;

    #[test]
    fn values_in_yi_and_wan() {
        assert_eq!(format_value(14218000000.0, None, "元"), "142.18 亿元");
        assert_eq!(format_value(383000.0, None, "人"), "38.3 万人");
        assert_eq!(format_value(22100000.0, None, "平方米"), "2210 万平方米");
        assert_eq!(format_value(1640000000.0, None, "元"), "16.4 亿元");
        assert_eq!(format_value(100000000.0, None, "元"), "1 亿元");
        assert_eq!(format_value(100000.0, None, "户"), "10 万户");
        assert_eq!(format_value(12900.0, None, "人"), "12900 人");
        assert_eq!(format_value(21713.0, None, "元"), "21713 元");
        assert_eq!(format_value(5000000.0, None, "美元"), "500 万美元");
        assert_eq!(format_value(250000.0, None, ""), "25 万");
    }

    #[test]
    fn values_without_multiplier() {
        assert_eq!(format_value(5.1, None, "%"), "5.1%");
        assert_eq!(format_value(40.0, None, "%"), "40%");
        assert_eq!(format_value(0.2, None, "个百分点"), "0.2 个百分点");
        assert_eq!(format_value(2.5, None, "倍"), "2.5 倍");
        assert_eq!(
            format_value(350000.0, None, "元/平方米"),
            "350000 元/平方米"
        );
        assert_eq!(format_value(1e9, None, "%"), "1000000000%");
        assert_eq!(format_value(87.0, None, "岁"), "87 岁");
        assert_eq!(format_value(18.0, None, "℃"), "18℃");
    }

    #[test]
    fn ranges_share_one_multiplier() {
        assert_eq!(format_value(8.0, Some(10.0), "%"), "8-10%");
        assert_eq!(format_value(80000.0, Some(120000.0), "人"), "8-12 万人");
    }

    #[test]
    fn numbers_trim_zeros_and_float_noise() {
        assert_eq!(human_number(38.300000000000004), "38.3");
        assert_eq!(human_number(142.18), "142.18");
        assert_eq!(human_number(15.0), "15");
        assert_eq!(human_number(-0.0), "0");
        assert_eq!(human_number(-3.5), "-3.5");
        assert_eq!(human_number(0.0000001), "0.0000001");
        assert_eq!(human_number(1e20), "100000000000000000000");
        assert_eq!(plain_number(14218000000.0), "14218000000");
        assert_eq!(plain_number(5.1), "5.1");
        assert_eq!(plain_number(f64::NAN), "");
    }

    /// A metric for the renderers' tests (format's and render's).
    pub(in crate::cli) fn metric(value: f64, unit: &str) -> Metric {
        Metric {
            indicator: "城镇居民人均可支配收入".into(),
            indicator_key: None,
            value,
            unit: unit.into(),
            raw: "1.49:1".into(),
            approx: None,
            value_max: None,
            change: None,
            period: None,
            region: None,
            category: "income".into(),
            sentence: String::new(),
            span: [0, 0],
        }
    }

    #[test]
    fn metric_cells() {
        let mut m = metric(50000.0, "元");
        m.approx = Some(Approx::Over);
        assert_eq!(metric_value(&m), ">50000 元");
        m.change = Some(zhibiao::report::Change {
            direction: Direction::Down,
            value: 76.5,
            unit: "%".into(),
            raw: "下降76.5%".into(),
        });
        assert_eq!(metric_change(&m), "-76.5%");
        assert_eq!(metric_value(&metric(1.49, "比")), "1.49:1");
    }

    #[test]
    fn widths_count_cjk_twice() {
        assert_eq!(width("石家庄市"), 8);
        assert_eq!(width("5.1%"), 4);
        assert_eq!(pad("地区", 6), "地区  ");
        let t = truncate("城镇居民人均可支配收入城镇居民人均可支配收入", 10);
        assert!(width(&t) <= 10, "{t}");
        assert!(t.ends_with("..."));
        assert_eq!(sanitize("a\nb\x1b[31m"), "a b [31m");
    }
}
