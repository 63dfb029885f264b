//! The quantity stage's own cases (the table-driven ones from published sources are in
//! tests/numbers.rs).

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
    type Case<'a> = (&'a str, f64, &'a str, Option<Approx>, Option<f64>, &'a str);
    let cases: &[Case] = &[
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
