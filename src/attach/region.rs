//! Regions: the administrative unit a document is mainly about, and the unit each figure
//! is for.
//!
//! Names come from the GB/T 2260 gazetteer ([`super::gazetteer`]), not from a word
//! segmenter, so nothing here waits for jieba's dictionary. A development zone is a
//! division's name followed by a zone suffix (`聊城` + `经济技术开发区`); a sub-unit
//! (`温泉街道`) is taken where the clause opens with it (see `extract`).

use super::gazetteer::{self as gaz, Id, Level};

/// The name every national figure carries (SPEC §2).
pub const NATION: &str = "中国";

/// Suffixes of development zones and new areas, which GB/T 2260 does not list: the unit
/// is the division's name with the suffix, as written (国家级开发区 names, e.g. the 中国开发区审核公告目录).
const ZONE_SUFFIXES: &[&str] = &[
    "经济技术开发区", "高新技术产业开发区", "高新技术开发区", "经济开发区", "技术开发区", "高新区", "经开区", "开发区",
    "新区", "自贸区", "综合保税区", "保税区",
];

/// Two-character names of divisions that are also common words: 城区, 郊区.
const GENERIC_NAMES: &[&str] = &["城区", "郊区", "矿区", "东区", "西区", "新区"];

/// What follows `县` when a two-character `X县` is a word, not the county: 县级, 县城.
const NOT_AFTER_COUNTY: &[char] = &['级', '城', '域', '委', '里', '乡', '镇', '长', '区', '市'];

/// What may stand before a two-character county's name (`在沁县`, `山西省沁县`); after
/// any other character the name is likely the end of a word (`示范县`).
const BEFORE_A_NAME: &str = "在的和与及了是从到对向为由于省市州年月日";

/// Words that make what follows them a benchmark: `高于全国`, `比全省`.
const COMPARED_WITH: &[&str] = &["高于", "低于", "快于", "慢于", "超过", "超出", "领先", "比", "较", "与", "同"];

/// Words that make a clause's figure a national one.
const NATIONAL: &[&str] = &["我国", "全国", "中国", "国内", "国务院", "中共中央", "党中央", "中央财政", "国家统计局"];

/// Words that stand for the document's own unit at a level: 全省 → the province.
const OWN_UNIT_FIRST: &[char] = &['全', '我', '该', '本'];

/// A place a text names: a division of the gazetteer, or a development zone inside one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// As a report shows it: the division's full name, the zone's name as written, or
    /// `嘉兴市南湖区` where the text writes the county with its city.
    pub name: String,
    /// The division (for a zone, the division it lies in); None for the nation and for a
    /// name several divisions share that the text does not tell apart.
    pub id: Option<Id>,
}

impl Place {
    pub fn nation() -> Place {
        Place { name: NATION.to_string(), id: None }
    }

    fn division(id: Id) -> Place {
        Place { name: gaz::get(id).name.to_string(), id: Some(id) }
    }
}

/// A place named at a byte span of a text.
#[derive(Debug, Clone)]
pub struct Named {
    pub start: usize,
    pub end: usize,
    pub place: Place,
    /// Written in full (`石家庄市`), not by a short form (`石家庄`).
    pub full: bool,
    /// A foreign country or territory (`以色列`): a figure's place, never a document's unit.
    pub foreign: bool,
}

/// The places `text` names, in order, each mention resolved against `context` (the
/// divisions the document is about) and against the text's own unambiguous names.
pub fn places(text: &str, context: &[Id]) -> Vec<Named> {
    let mentions = gaz::find(text);
    // the divisions this text names beyond doubt: context for the ambiguous ones
    let mut ctx: Vec<Id> = context.to_vec();
    for m in &mentions {
        let strong: Vec<Id> = m.strong_ids().collect();
        if strong.len() == 1 && !m.is_weak() {
            ctx.push(strong[0]);
        }
    }
    let mut out = Vec::new();
    for m in &mentions {
        let strong: Vec<Id> = m.strong_ids().collect();
        let id = if strong.is_empty() {
            // a weak name (a county's bare proper name) only where its parent is in context,
            // or a two-character county written in full that stands as a name (沁县有)
            let all: Vec<Id> = m.ids().collect();
            all.iter().copied().find(|&c| gaz::parent(c).is_some_and(|p| ctx.contains(&p))).or_else(|| {
                let prev = text[..m.start].chars().next_back();
                // after punctuation, a function word, a date, or another name (`山西沁县`)
                let after_name = out.last().is_some_and(|p: &Named| p.end == m.start);
                let opens = after_name || prev.is_none_or(|c| !crate::normalise::is_han(c) || BEFORE_A_NAME.contains(c));
                let stands = m.is_full() && opens && !GENERIC_NAMES.contains(&&text[m.start..m.end]) && !text[m.end..].starts_with(NOT_AFTER_COUNTY);
                (stands && all.len() == 1).then(|| all[0])
            })
        } else {
            gaz::resolve(&strong, &ctx)
        };
        let Some(id) = id else {
            // a full name several divisions share (长安区), with nothing to tell which:
            // a place as written, of no known division
            if m.is_full() && !m.is_weak() {
                out.push(Named { start: m.start, end: m.end, place: Place { name: text[m.start..m.end].to_string(), id: None }, full: true, foreign: false });
            }
            continue;
        };
        let rest = &text[m.end..];
        let mut named = Named { start: m.start, end: m.end, place: Place::division(id), full: m.is_full(), foreign: false };
        if let Some(suffix) = ZONE_SUFFIXES.iter().find(|s| rest.starts_with(*s)) {
            // 聊城经济技术开发区: the zone, inside 聊城市
            named.end = m.end + suffix.len();
            named.place.name = text[m.start..named.end].to_string();
            named.full = true;
        } else if let Some(prev) = out.last().filter(|p: &&Named| {
            p.end == m.start && p.place.id.is_some_and(|p| gaz::parent(id) == Some(p) && gaz::get(p).level == Level::Prefecture)
        }) {
            // 嘉兴市南湖区: the county as written with its city (a city as written with its
            // province is named alone: 长春市, not 吉林省长春市)
            named.place.name = format!("{}{}", prev.place.name, named.place.name);
        }
        out.push(named);
    }
    // foreign countries, where no division is named
    let countries: Vec<Named> = super::countries::find(text)
        .into_iter()
        .filter(|c| !out.iter().any(|n| n.start < c.end && c.start < n.end))
        .map(|c| Named { start: c.start, end: c.end, place: Place { name: c.name.to_string(), id: None }, full: true, foreign: true })
        .collect();
    if !countries.is_empty() {
        out.extend(countries);
        out.sort_by_key(|n| n.start);
    }
    out
}

/// A place by the name a report shows: `石家庄市`, `嘉兴市南湖区`, a zone's name.
pub fn place_named(name: &str) -> Option<Place> {
    if name == NATION {
        return Some(Place::nation());
    }
    places(name, &[]).into_iter().next_back().filter(|n| n.start == 0 && n.end == name.len()).map(|n| Place { name: name.to_string(), id: n.place.id })
}

/// The least score of a document's unit named outside its title: two short mentions
/// in the lede, or a full one.
const MIN_SUBJECT: usize = 5;

/// How often the text speaks of the nation as its subject (`中国` aside, which is in
/// too many names of sites and bodies: 中国网, 中国公共关系协会).
fn national_mentions(text: &str) -> usize {
    NATIONAL.iter().filter(|w| **w != NATION).map(|w| text.matches(w).count()).sum()
}

/// Regional outlets whose names do not say their province (`lexicons/media.txt`).
static MEDIA: std::sync::LazyLock<Vec<(&str, &str)>> =
    std::sync::LazyLock::new(|| crate::lexicon::mapping(include_str!("../../lexicons/media.txt")));

/// The province a publisher reports on, when it is a regional outlet of `lexicons/media.txt`.
fn press_place(publisher: &str) -> Option<Id> {
    let (_, province) = MEDIA.iter().find(|(outlet, _)| publisher.contains(outlet))?;
    gaz::lookup(province).first().copied()
}

/// How often the text speaks of its own unit at `level` (`我省`, `全省` for a province).
fn own_unit_mentions_at(text: &str, level: Level) -> usize {
    own_unit_words(text).filter(|&c| unit_level(c) == Some(level)).count()
}

/// The level an own-unit word's second char names: 省 a province, 市 a prefecture.
fn unit_level(c: char) -> Option<Level> {
    match c {
        '省' => Some(Level::Province),
        '市' => Some(Level::Prefecture),
        '县' | '区' | '旗' => Some(Level::County),
        _ => None,
    }
}

/// How often the text speaks of its own unit: `我省`, `全市`.
fn own_unit_mentions(text: &str) -> usize {
    own_unit_words(text).count()
}

/// The own-unit words of a text (`我省`, `全市`), each by its second char, which names its level.
fn own_unit_words(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut prev = None;
    text.chars().filter_map(move |c| {
        let word = prev.filter(|p| OWN_UNIT_FIRST.contains(p)).map(|p: char| [p, c].iter().collect::<String>());
        prev = Some(c);
        word.filter(|w| is_own_unit_word(w)).map(|_| c)
    })
}

/// The unit the document is mainly about: the most mentioned place, counting the title
/// three times and the publisher twice, a full name twice a short one; a province counts
/// half (it is the context of a city's article, unless nothing else is named). A document
/// that speaks of the nation more than of any place is national (`中国`).
pub fn document_region(title: Option<&str>, text: &str, publisher: Option<&str>) -> Option<Place> {
    let head: String = text.chars().take(6000).collect();
    let title = title.map(|t| crate::normalise::normalise(t).text).unwrap_or_default();
    let publisher = publisher.map(|p| crate::normalise::normalise(p).text).unwrap_or_default();
    let in_head: Vec<Named> = places(&head, &[]).into_iter().filter(|n| !n.foreign).collect();
    let ctx: Vec<Id> = in_head.iter().filter_map(|n| n.place.id).collect();
    let mut scores: Vec<(Place, usize)> = Vec::new();
    let mut add = |p: Place, w: usize| match scores.iter_mut().find(|(q, _)| q.id == p.id && (q.name == p.name || p.id.is_some() && same_unit(q, &p))) {
        Some((q, s)) => {
            *s += w;
            // the fullest form written wins: 嘉兴市南湖区 over 南湖区
            if p.name.chars().count() > q.name.chars().count() {
                q.name = p.name;
            }
        }
        None => scores.push((p, w)),
    };
    let in_title: Vec<Named> = places(&title, &ctx).into_iter().filter(|n| !n.foreign).collect();
    let titled = !in_title.is_empty();
    for n in in_title {
        add(n.place, if n.full { 12 } else { 6 });
    }
    for n in places(&publisher, &ctx).into_iter().filter(|n| !n.foreign) {
        add(n.place, 4);
    }
    // a regional outlet (`红网`) reports on its province: its `我省`, `全省` are that one
    if let Some(id) = press_place(&publisher) {
        let own = own_unit_mentions_at(&head, gaz::get(id).level);
        add(Place::division(id), 4 + 2 * own);
    }
    // the lede names the subject: a mention counts less the later it comes (4 at the
    // start, 2 at the end of the head, twice that for a full name)
    let len = head.len().max(1);
    for n in in_head {
        let w = 4 - 2 * n.start / len;
        add(n.place, if n.full { 2 * w } else { w });
    }
    let weight = |p: &Place, s: usize| match p.id.map(|id| gaz::get(id).level) {
        Some(Level::Province) => s / 2,
        _ => s,
    };
    let best = scores.iter().map(|(p, s)| (p, weight(p, *s))).fold(None::<(&Place, usize)>, |b, (p, s)| match b {
        Some((_, bs)) if bs >= s => b,
        _ => Some((p, s)),
    });
    // national when the nation is spoken of more than any place and than the text's own
    // unit (`我省`), and the title names no place
    let national = 2 * (national_mentions(&title) * 3 + national_mentions(&head));
    let local = 2 * own_unit_mentions(&head);
    // one passing short name (`贵阳而贱阴` in a classic) makes no subject
    let best = best.filter(|&(_, s)| titled || s >= MIN_SUBJECT);
    match best {
        Some((p, s)) if titled || s >= national || local >= national => Some(p.clone()),
        _ if national >= 3 => Some(Place::nation()),
        Some((p, _)) => Some(p.clone()),
        None => None,
    }
}

/// The same unit written two ways: a zone's name and its division's do not merge, a
/// county with or without its city do.
fn same_unit(a: &Place, b: &Place) -> bool {
    let zone = |p: &Place| ZONE_SUFFIXES.iter().any(|s| p.name.ends_with(s));
    zone(a) == zone(b)
}

/// The document's unit at another level, for `全省`, `全市`, `我县`: the province or
/// prefecture the document's unit lies in, or the unit itself.
pub fn own_unit(word: &str, doc: &Place) -> Option<Place> {
    let Some(level) = unit_level(word.chars().nth(1)?) else { return Some(doc.clone()) };
    let id = doc.id?;
    let own = gaz::get(id).level;
    if own <= level {
        // 全区 in a city's article is the city itself; 全县 in a province's too
        return Some(doc.clone());
    }
    let up = std::iter::once(id).chain(gaz::ancestors(id)).find(|&a| gaz::get(a).level == level);
    // a municipality's district: 全市 is the municipality, at province level
    let up = up.or_else(|| (level == Level::Prefecture).then(|| gaz::province(id)));
    up.map(Place::division)
}

/// The region a clause names for its figure (the words before the figure in its clause);
/// the expression nearest the figure decides: a place it names, or for a list of them
/// (`北京、深圳、苏州等8个城市`) the unit they share (the nation when they share none); a
/// national word (`全国`); an own-unit word (`全省`), the document's unit at that level.
/// A place that is the document's own unit is named as the document names it.
pub fn clause_region(clause_head: &str, doc: Option<&Place>, context: &[Id]) -> Option<Place> {
    let named = places(clause_head, context);
    // the rightmost own-unit or national word, by byte offset of its end
    let own = clause_head.char_indices().rev().find_map(|(i, c)| {
        let w: String = clause_head[i..].chars().take(2).collect();
        (OWN_UNIT_FIRST.contains(&c) && is_own_unit_word(&w)).then(|| (i + w.len(), w))
    });
    // a national word after a comparison is the benchmark, not the subject: `高于全国`
    let national = NATIONAL
        .iter()
        .filter_map(|w| clause_head.rfind(w).filter(|&i| !COMPARED_WITH.iter().any(|c| clause_head[..i].ends_with(c))).map(|i| i + w.len()))
        .max();
    let place_end = named.last().map(|n| n.end);
    let word_end = own.as_ref().map(|o| o.0).max(national);
    if place_end.is_some_and(|pe| word_end.is_none_or(|we| pe > we)) {
        // the list the last place ends: names joined by 、，和 and the like
        let mut list: Vec<&Named> = vec![named.last().expect("a place")];
        for n in named.iter().rev().skip(1) {
            let gap = &clause_head[n.end..list.last().expect("a place").start];
            if gap.chars().all(|c| matches!(c, '、' | ',' | '，' | '和' | '与' | '及' | ' ')) && !gap.is_empty() {
                list.push(n);
            } else {
                break;
            }
        }
        let mut ids: Vec<Id> = list.iter().filter_map(|n| n.place.id).collect();
        ids.dedup();
        let place = if list.len() == 1 || ids.len() <= 1 {
            list[0].place.clone()
        } else {
            shared_unit(&ids).map(Place::division).unwrap_or_else(Place::nation)
        };
        return Some(match doc {
            // 南湖区 in an article on 嘉兴市南湖区
            Some(d) if d.id == place.id && d.name.ends_with(&place.name) => d.clone(),
            _ => place,
        });
    }
    match (own, national) {
        (Some((oe, w)), n) if n.is_none_or(|n| oe > n) => own_unit(&w, doc?),
        (_, Some(_)) => Some(Place::nation()),
        _ => None,
    }
}

/// The place an earlier clause of a sentence names that a later figure inherits: the
/// last division named, unless it holds the document's unit (`湖北省` in an article on
/// 咸安区 is context or an honour's issuer, not the subject) or is one of a list
/// (`平山、正定、灵寿等县` are examples). Own-unit and national words are not inherited:
/// in a clause without a figure they rank (`在全省率先`).
pub fn earlier_place(text: &str, doc: Option<&Place>, context: &[Id]) -> Option<Place> {
    let last = places(text, context).pop()?;
    let listed = text[..last.start].ends_with('、') || text[last.end..].starts_with(['、', '等']);
    if listed {
        return None;
    }
    (!last.place.id.is_some_and(|id| holds_the_document(id, doc))).then_some(last.place)
}

/// National issuers of rules, with the verbs that state one.
/// (`发改委` alone is the national commission: a local one is written with its unit, `省发改委`.)
const NATIONAL_ISSUERS: &[&str] = &["国家", "国务院", "党中央", "中共中央", "国家发展改革委", "发改委"];
const RULE_VERBS: &[&str] = &["规定", "决定", "要求", "明确"];

/// Whether a clause before a figure says that a national body laid down the rule the figure
/// belongs to (`当时国家规定,…若煤价变化幅度达到5%,便调整电价`): a national figure, whatever
/// the document's unit.
pub fn national_rule(text: &str) -> bool {
    NATIONAL_ISSUERS.iter().any(|i| {
        text.match_indices(i).any(|(k, _)| {
            let rest = &text[k + i.len()..];
            // the issuer itself, not a local one (`省国家…`) nor a grade (`国家级…要求`)
            RULE_VERBS.iter().any(|v| rest.starts_with(v)) && !text[..k].ends_with(['省', '市', '县', '区'])
        })
    })
}

/// Words that state a figure as an international norm (`按照国际通行的标准,最低工资是平均
/// 工资的40%—60%`): it is nobody's region.
const INTERNATIONAL_NORM: &[&str] = &["国际通行", "国际惯例", "国际公认", "国际上通行", "国际上一般"];

/// Whether the words before a figure in its sentence state it as an international norm.
pub fn international_norm(text: &str) -> bool {
    INTERNATIONAL_NORM.iter().any(|w| text.contains(w))
}

/// Whether a division holds the document's unit, or is it.
fn holds_the_document(id: Id, doc: Option<&Place>) -> bool {
    doc.and_then(|d| d.id).is_some_and(|doc_id| gaz::is_within(doc_id, id))
}

/// The place a sentence without figures speaks of, for the figures after it: a division,
/// as [`clause_region`] reads it, unless it holds the document's unit or is the unit
/// itself (that is what the figures have anyway). Not the nation: in such sentences `中国`
/// is mostly in a name (`中国国际服务贸易交易会`).
pub fn lede_place(sentence: &str, doc: Option<&Place>, context: &[Id]) -> Option<Place> {
    let p = clause_region(sentence, doc, context)?;
    (!holds_the_document(p.id?, doc)).then_some(p)
}

/// The unit a text turns to, for the figures after it: the last division named at the
/// document unit's own level (a county in a county's article) that opens its clause, alone
/// (`山西沁县、浮山县` are examples). A text that compares counties speaks of one at a time:
/// its `全县` and its figures without a place are that county's. `named` are the places
/// of `text` (or of a sentence of it) that [`places`] found.
pub fn turns_to(text: &str, named: &[Named], doc: &Place) -> Option<Place> {
    let level = gaz::get(doc.id?).level;
    named
        .iter()
        .enumerate()
        .filter(|&(i, n)| {
            let prev = text[..n.start].chars().next_back();
            let after_name = i > 0 && named[i - 1].end == n.start;
            let opens = after_name || prev.is_none_or(|c| !crate::normalise::is_han(c) || "在年月日".contains(c));
            let listed = prev == Some('、') || text[n.end..].starts_with(['、', '等']);
            n.place.id.is_some_and(|id| gaz::get(id).level == level) && opens && !listed
        })
        .map(|(_, n)| n.place.clone())
        .next_back()
}

/// The smallest division that holds all of `ids`.
fn shared_unit(ids: &[Id]) -> Option<Id> {
    let first = *ids.first()?;
    std::iter::once(first).chain(gaz::ancestors(first)).find(|&a| ids.iter().all(|&x| x == a || gaz::is_within(x, a)))
}

/// Region words that mean "the document's own unit": 全市, 我区, 该县, 本市.
pub fn is_own_unit_word(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    c.len() == 2 && OWN_UNIT_FIRST.contains(&c[0]) && matches!(c[1], '市' | '区' | '县' | '镇' | '乡' | '省' | '旗')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        places(text, &[]).into_iter().map(|n| n.place.name).collect()
    }

    fn doc(title: &str, text: &str) -> Option<String> {
        document_region(Some(title), text, None).map(|p| p.name)
    }

    #[test]
    fn names_with_zones_and_cities() {
        let n = names("聊城经济技术开发区蒋官屯街道和嘉兴市南湖区,益阳市赫山区,香港");
        assert!(n.contains(&"聊城经济技术开发区".to_string()), "{n:?}");
        assert!(n.contains(&"嘉兴市南湖区".to_string()), "{n:?}");
        assert!(n.contains(&"益阳市赫山区".to_string()), "{n:?}");
        assert!(n.iter().any(|x| x.starts_with("香港")), "{n:?}");
        // 长安区 is in several cities: the one the text names decides
        assert_eq!(names("长安区改造老旧小区"), vec!["长安区"]);
        let n = names("石家庄市长安区改造老旧小区");
        assert_eq!(n, vec!["石家庄市", "石家庄市长安区"]);
        // a two-character county standing as a name, not as part of a word
        assert_eq!(names("沁县有18万人口"), vec!["沁县"]);
        assert_eq!(names("2020年沁县一般公共预算"), vec!["沁县"]);
        assert_eq!(names("山西沁县2019年"), vec!["山西省", "沁县"]);
        assert!(names("城市和县级财政").is_empty());
        assert!(names("城区人口").is_empty());
        assert!(names("5个省级健康促进示范县").is_empty());
    }

    #[test]
    fn picks_the_main_unit() {
        assert_eq!(doc("咸安:全力打造首善之区", "咸安区委、区政府团结带领全区人民。咸安区发展融入咸宁市发展。").as_deref(), Some("咸安区"));
        assert_eq!(doc("嘉兴市南湖区在全省考核评价结果公布", "南湖区城乡人均可支配收入。南湖区就业。").as_deref(), Some("嘉兴市南湖区"));
        assert_eq!(
            doc("国务院新闻办发布会", "我国经济总量稳步增长。全国城镇新增就业1244万人。国务院常务会议。北京市代表发言。").as_deref(),
            Some("中国")
        );
        assert_eq!(doc("某某新闻", "没有地名的文章。"), None);
        assert_eq!(doc("行军", "凡军好高而恶下,贵阳而贱阴,养生而处实。"), None);
    }

    #[test]
    fn own_unit_words_resolve_to_the_level_they_name() {
        // 长安区 alone is ambiguous; 石家庄市长安区 is not
        let p = places("石家庄市长安区", &[]).pop().unwrap().place;
        assert_eq!(own_unit("全省", &p).unwrap().name, "河北省");
        assert_eq!(own_unit("全市", &p).unwrap().name, "石家庄市");
        assert_eq!(own_unit("全区", &p).unwrap().name, p.name);
        let bj = place_named("海淀区").unwrap();
        assert_eq!(own_unit("全市", &bj).unwrap().name, "北京市");
        assert!(is_own_unit_word("全市") && !is_own_unit_word("城市"));
    }

    #[test]
    fn national_rules_and_international_norms() {
        assert!(national_rule("当时国家规定,以6个月为一个周期,"));
        assert!(national_rule("国务院决定,"));
        assert!(!national_rule("省里规定,"));
        assert!(national_rule("有类似“发改委决定上涨电价”的传言,"));
        assert!(!national_rule("省发改委决定,"));
        assert!(!national_rule("国家级开发区要求,"));
        assert!(international_norm("按照国际通行的标准,最低工资是社会平均工资的"));
        assert!(!international_norm("达到国际先进水平,"));
    }

    #[test]
    fn a_clause_names_its_region() {
        let hz = place_named("呼和浩特市").unwrap();
        assert_eq!(clause_region("镇安县", Some(&hz), &[]).unwrap().name, "镇安县");
        assert_eq!(clause_region("我国", Some(&hz), &[]).unwrap().name, "中国");
        assert_eq!(clause_region("全区", Some(&hz), &[]).unwrap().name, "呼和浩特市");
        assert_eq!(clause_region("在北京、深圳、苏州等", Some(&hz), &[]).unwrap().name, "中国");
        assert_eq!(clause_region("二类为700元/月(佛山、东莞、珠海、惠州", None, &[]).unwrap().name, "广东省");
        assert_eq!(clause_region("居民人均可支配收入", Some(&hz), &[]), None);
        assert_eq!(clause_region("增速高于全国", Some(&hz), &[]), None);
        // the nearest expression decides
        assert_eq!(clause_region("玉泉区在全市", Some(&hz), &[]).unwrap().name, "呼和浩特市");
        assert_eq!(clause_region("全市以外,玉泉区", Some(&hz), &[]).unwrap().name, "玉泉区");
        // the document's own unit as the document names it
        let nh = places("嘉兴市南湖区", &[]).pop().unwrap().place;
        assert_eq!(clause_region("2021年,南湖区城乡", Some(&nh), &[]).unwrap().name, "嘉兴市南湖区");
    }

    #[test]
    fn a_later_clause_inherits_a_place_but_not_its_parents_or_examples() {
        let xa = places("咸宁市咸安区", &[]).pop().unwrap().place;
        assert_eq!(earlier_place("所以,在上海市政府宣传之下,", Some(&xa), &[]).unwrap().name, "上海市");
        assert_eq!(earlier_place("被湖北省评为示范区,", Some(&xa), &[]), None);
        assert_eq!(earlier_place("开展平山、正定、灵寿等县示范区建设,", Some(&xa), &[]), None);
        assert_eq!(earlier_place("在全省率先开展,", Some(&xa), &[]), None);
    }

    #[test]
    fn a_regional_outlet_says_whose_own_unit_it_is() {
        for (outlet, province) in MEDIA.iter() {
            assert!(press_place(outlet).is_some_and(|id| gaz::get(id).name == *province), "{outlet}: {province}");
        }
        let text = "目前我省电价并没有任何动静,国家发展改革委决定全国销售电价上涨的传言不攻自破。我省统调装机容量将达到14234万千瓦,全省用电负荷增长,国家发改委的文件未到。";
        assert_eq!(document_region(None, text, Some("红网")).unwrap().name, "湖南省");
        // the same text from a national outlet names no province
        assert_eq!(document_region(None, text, Some("新华社")), None);
    }

    fn turns_to_doc(text: &str, doc: &Place, context: &[Id]) -> Option<Place> {
        turns_to(text, &places(text, context), doc)
    }

    #[test]
    fn a_text_that_compares_units_turns_to_one_at_a_time() {
        let fp = place_named("佛坪县").unwrap();
        assert_eq!(turns_to_doc("2020年沁县一般公共预算支出合计是17.65亿。", &fp, &[]).unwrap().name, "沁县");
        assert_eq!(turns_to_doc("最近,陕西佛坪县就是因为人口少,上了新闻热点。", &fp, &[]).unwrap().name, "佛坪县");
        // examples in a list, and units of another level, are no turn
        assert_eq!(turns_to_doc("山西沁县、浮山县比较符合条件。", &fp, &[]), None);
        assert_eq!(turns_to_doc("上海的保险正式上线。", &fp, &[]), None);
        // a county inside a word is none
        assert_eq!(turns_to_doc("他们是示范县的代表。", &fp, &[]), None);
    }

    #[test]
    fn a_sentence_without_figures_names_the_place_of_those_after_it() {
        let sjz = places("石家庄市", &[]).pop().unwrap().place;
        assert_eq!(lede_place("走进新华区的老旧小区。", Some(&sjz), &[sjz.id.unwrap()]).unwrap().name, "新华区");
        assert_eq!(lede_place("河北省召开会议。", Some(&sjz), &[]), None);
        assert_eq!(lede_place("中国国际服务贸易交易会开幕。", Some(&sjz), &[]), None);
    }
}
