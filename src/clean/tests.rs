use super::*;

fn body(s: &str) -> Vec<String> {
    clean(s).body.lines().map(str::to_string).collect()
}

const P1: &str = "今年上半年,全市居民人均可支配收入16993元,增长5.1%。";
const P2: &str = "按常住地分,城镇居民人均可支配收入21713元,增长3.7%;农村居民人均可支配收入9835元,增长6.4%。";

#[test]
fn formats_table() {
    let cases: &[(&str, Format)] = &[
        ("<!DOCTYPE html><html><body><p>正文</p></body></html>", Format::Html),
        ("---\ntitle: x\n---\n正文", Format::Markdown),
        ("# 标题\n\n正文 **加粗**\n", Format::Markdown),
        ("第一段。\n第二段。", Format::Text),
        ("<div><p>a</p><p>b</p><p>c</p><p>d</p><p>e</p></div>", Format::Html),
    ];
    for (input, want) in cases {
        assert_eq!(clean(input).format, *want, "{input}");
    }
}

#[test]
fn noise_removed_table() {
    // (input, expected body lines)
    let page = format!(
        "支持Ipv6\n网站首页\n综合要闻\n政务公开\n政务动态\n当前的位置:\n——我市民生工作综述\n我市民生工作综述\n\
         2022-08-11 09:08来源:石家庄新闻网\n发布时间:2022-08-11 09:08 来源:石家庄新闻网 【字体: 打印\n{P1}\n{P2}\n\
         关于本站|网站声明|网站地图|联系我们\n石家庄市人民政府办公室主办\n石家庄市电子政务中心承办\n今日访问量\n\
         网站标识码:1301000003\n冀ICP备20013865号 冀公网安备 13010202001704号"
    );
    let cases: Vec<(String, Vec<&str>)> = vec![
        (page.clone(), vec![P1, P2]),
        (format!("12月5日：晴 气温4~18℃\n新闻报料—8128787\n★\n{P1}\n全媒体记者：周萱\n编辑：周萱"), vec![P1]),
        (format!("{P1}\n{P2}\n{P1}"), vec![P1, P2]),
        (
            format!("{P1}\n關鍵詞: 銀票網最新消息 方正金鼎\n- 紅船旁,共同富裕!嘉興市南湖區\n- 嘉興市南湖區推進救助體系建設\n- 快馬加鞭跑好第一棒\n- 1 紅船旁\n- 2 嘉興"),
            vec![P1],
        ),
        (format!("{P1}\n相关新闻\n某地召开会议\n某地开展检查\n{P2}"), vec![P1, P2]),
        (format!("图为南湖区新建的文化礼堂\n{P1}\n（记者 张三 摄）\n{P2}"), vec![P1, P2]),
        ("南湖區(qū)實(shí)現(xiàn)地區(qū)生產總值729.91億元,兩年平均增長7%。".to_string(), vec!["南湖區實現地區生產總值729.91億元,兩年平均增長7%。"]),
        ("成為全省最小的縣(市、區(qū))之一?!稊?shù)字化監(jiān)管系統(tǒng)入選案例。".to_string(), vec!["成為全省最小的縣(市、區)之一。字化監管系統入選案例。"]),
    ];
    for (input, want) in cases {
        assert_eq!(body(&input), want, "{input}");
    }
}

#[test]
fn document_facts_table() {
    let page = format!("网站首页\n综合要闻\n政务公开\n我市民生工作综述\n2022-08-11 09:08来源:石家庄新闻网\n{P1}");
    let c = clean(&page);
    assert_eq!(c.meta.title.as_deref(), Some("我市民生工作综述"));
    assert_eq!(c.meta.date.as_deref(), Some("2022-08-11"));
    assert_eq!(c.meta.publisher.as_deref(), Some("石家庄新闻网"));
    assert_eq!(c.body, P1);

    let html = format!(
        "<html><head><title>益阳：“数字”是优长-半月谈</title><meta name=\"publishdate\" content=\"2020-01-02\">\
         <meta name=\"author\" content=\"孔德明\"><meta name=\"source\" content=\"半月谈网\"></head>\
         <body><div class=nav><a>首页</a> | <a>时政</a> | <a>经济</a></div><h1>益阳：“数字”是优长</h1>\
         <script>var a='<p>x</p>';</script><p>{P1}</p><p>{P2}</p><div>版权所有 半月谈网</div></body></html>"
    );
    let c = clean(&html);
    assert_eq!(c.format, Format::Html);
    assert_eq!(c.meta.title.as_deref(), Some("益阳：“数字”是优长"));
    assert_eq!(c.meta.date.as_deref(), Some("2020-01-02"));
    assert_eq!(c.meta.author.as_deref(), Some("孔德明"));
    assert_eq!(c.meta.publisher.as_deref(), Some("半月谈网"));
    assert_eq!(c.body, format!("{P1}\n{P2}"));

    let post = format!("\n---\ntitle: '共享发展'\ncategories:\n - 新媒体\nauthor: 趣头条\ndate: Sat, 04 Dec 2021 14:09:12 GMT\n---\n\n<div><p>{P1}</p><p>编辑：周萱</p></div>");
    let c = clean(&post);
    assert_eq!(c.meta.title.as_deref(), Some("共享发展"));
    assert_eq!(c.meta.date.as_deref(), Some("2021-12-04"));
    assert_eq!(c.meta.author.as_deref(), Some("趣头条"));
    assert_eq!(c.meta.categories, vec!["新媒体"]);
    assert_eq!(c.body, P1);

    // First line as headline; captions around the article dropped.
    let c = clean(&format!("咸安:全力打造高质量发展的首善之区\n\n真奥药业新生产线\n\n{P1}\n\n{P2}\n\n官埠渡船村读书角\n\n为流动党员寄送“红色包裹”"));
    assert_eq!(c.meta.title.as_deref(), Some("咸安:全力打造高质量发展的首善之区"));
    assert_eq!(c.body, format!("{P1}\n{P2}"));
}

#[test]
fn hard_wrap_table() {
    // Fixed-width wrap, numbers split by the wrap, paragraphs separated by blank lines.
    let wrapped = "\u{3000}\u{3000}全市农业增加值达到４０亿元，增长１０.２４％；农民人均纯收入达到１７６０\n\
                   元，增长２７.４％，城镇居民人均可支配收入比上年提高２·４个百分点，达到１２７３.５\n\
                   9亿元，各项指标全面完成。全年新增就业岗位一万二千个，就业形势保持总体稳定。\n\
                   \n\
                   \u{3000}\u{3000}第二段文字从这里开始，全市共有注册志愿者四十二万人，志愿服务队伍三千六百余支\n\
                   累计开展志愿服务一万四千余场次，服务群众一百九十五万余人次，好评如潮，群众满意。\n\
                   这是第二段的最后一行。\n\
                   \n\
                   \u{3000}\u{3000}第三段：短的一段。\n\
                   \u{3000}\u{3000}第四段文字从这里开始，全市共有注册志愿者四十二万人，志愿服务队伍三千六百余支\n\
                   累计开展志愿服务一万四千余场次。\n";
    let b = body(wrapped);
    assert_eq!(b.len(), 4, "{b:?}");
    assert!(b[0].contains("１７６０元"), "{}", b[0]);
    assert!(b[0].contains("１２７３.５9亿元"), "{}", b[0]);
    assert!(b[1].ends_with("这是第二段的最后一行。"), "{}", b[1]);

    // Page headers inside a paragraph (PDF text) are dropped and the paragraph rejoined.
    let mut pdf = String::new();
    for p in 0..4 {
        pdf.push_str(&format!(" 第{p}页的段落开始，香港山高海深，土地難求，香港人移山填海，興建高樓大廈，發\n展金融中心，在山嶺之間、深海之下建設隧道和第{p}條高速公路。我們在困\n立法會 ─ 2013年 1月 16日\n \n{}\n難的地理條件下，把香港建設成第{p}個現代化、安全、便捷和舒適的大都會，\n這是我們驕人的第{p}個成功故事。\n \n", 3410 + p));
    }
    let b = body(&pdf);
    assert_eq!(b.len(), 4, "{b:?}");
    assert!(b[0].contains("我們在困難的地理條件下"), "{}", b[0]);
    assert!(!b.iter().any(|l| l.contains("立法會")));

    // Clauses broken at commas are joined into sentences.
    assert_eq!(body("許多社區長青學苑多開設有書法班，\n文山區長青學苑則有個十分特別的班，\n成員年齡均超過六十歲。"), vec!["許多社區長青學苑多開設有書法班，文山區長青學苑則有個十分特別的班，成員年齡均超過六十歲。"]);
    // A dangling decimal point joins.
    assert_eq!(body("收入情况如下。\n全年收入1273.\n59亿元。"), vec!["收入情况如下。", "全年收入1273.59亿元。"]);
}

#[test]
fn tables_kept() {
    let t = "2023年主要产品产量如下。\n产品\t单位\t产量\t比上年增长%\n原煤\t亿吨\t47.1\t2.9\n粗钢\t亿吨\t10.2\t0.0\n";
    assert_eq!(body(t), vec!["2023年主要产品产量如下。", "产品\t单位\t产量\t比上年增长%", "原煤\t亿吨\t47.1\t2.9", "粗钢\t亿吨\t10.2\t0.0"]);
    let html = "<html><body><p>主要产品产量如下。</p><table><tr><td>产品</td><td>单位</td><td>产量</td></tr><tr><td>原煤</td><td>亿吨</td><td>47.1</td></tr></table></body></html>";
    assert_eq!(body(html), vec!["主要产品产量如下。", "产品\t单位\t产量", "原煤\t亿吨\t47.1"]);
    let md = "# 黄页\n\n| 名称 | 电话 |\n|------|------|\n| 综合办公室 | 86-21-20685319 |\n";
    assert_eq!(body(md), vec!["黄页", "名称\t电话", "综合办公室\t86-21-20685319"]);
}

#[test]
fn never_panics() {
    let nasty = [
        "", "\n\n\n", "---", "---\n", "---\n---", "<", "<<<>>>", "？？？", "?!?", "(qū)", "區(", "1.\n", "·\n2",
        "\t\t\t", "|||", "# ", "**", "[](", "\u{FFFD}\u{200B}", "相关新闻", "- \n- \n- ",
    ];
    for s in nasty {
        let _ = clean(s);
    }
    let deep = "<div>".repeat(10_000) + "正文内容,增长5%。" + &"</div>".repeat(10_000);
    assert_eq!(clean(&deep).body, "正文内容,增长5%。");
}

#[test]
fn csv_rows_become_tab_rows() {
    let csv = "項目,100,100比例\n土地稅,9449384,7.71\n房屋稅,4767372,10.03\n契稅,848952,8.09\n";
    assert_eq!(body(csv), vec!["項目\t100\t100比例", "土地稅\t9449384\t7.71", "房屋稅\t4767372\t10.03", "契稅\t848952\t8.09"]);
}


#[test]
fn a_markdown_heading_is_no_menu_item() {
    // three short lines in a row are a menu, unless one is a heading of the text
    let md = format!("# 新闻联播\n\n{P1}\n\n[查看原文](https://example.com/a)\n\n### 国内联播快讯\n\n民航运输生产开局向好\n\n{P2}\n");
    let b = body(&md);
    assert!(b.iter().any(|l| l == "国内联播快讯"), "{b:?}");
}
