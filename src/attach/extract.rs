//! Stages 4–7 glued: paragraphs → sentences → quantities → metrics with indicator,
//! change, period, region and category attached.
//!
//! Works a paragraph at a time (one line of the cleaned text), so memory stays bounded
//! by the longest paragraph and a period named early in a paragraph carries to the
//! figures after it.

use crate::report::{Change, Direction, Metric, Period};
use super::{change, classify, indicator, period, region, table};
use crate::{quantity, segment};
use quantity::Quantity;
use std::sync::LazyLock;

pub use super::context::DocContext;

/// A sub-unit named at the head of a clause: `温泉街道投入…`, `蒋官屯镇新建…`.
/// The suffixes of the units below a county (GB/T 10114: 街道, 镇, 乡).
const SUB_UNIT_SUFFIXES: &[&str] = &["街道", "镇", "乡"];
const NOT_SUB_REGION: &[&str] = &["城镇", "乡镇", "小镇", "村镇", "城乡", "各乡镇", "全镇", "全乡", "重镇", "特色小镇"];

/// Evidence longer than this (a text without sentence ends) is cut to a window around
/// the figure, so that every metric does not carry a copy of a whole huge sentence.
const MAX_EVIDENCE: usize = 300;

/// How many chars before its clause a figure looks for the place its sentence names.
const MAX_LOOKBACK_FOR_PLACE: usize = 160;

/// How many figures back a change looks for the value it belongs to.
const MAX_HOST_LOOKBACK: usize = 64;

/// Adverbs that open a predicate, after a figure that is its subject (`94%将在…完成`).
const SUBJECT_ADVERBS: &[char] = &['将', '已', '要', '会', '均', '都', '须', '应'];

/// Whether a sentence opens with a short clause of time after an event: `建成后,`,
/// `此后,`, `投产以后,`.
fn opens_after_an_event(sentence: &[char]) -> bool {
    let Some(k) = sentence.iter().take(9).position(|c| matches!(c, ',' | '，')) else { return false };
    let head: String = sentence[..k].iter().collect();
    k >= 2 && head.ends_with('后') && head.chars().all(crate::normalise::is_han)
}

/// The verbs of a change from one value to another (`从510元提高到684元`).
const CHANGED_TO: &[&str] = &["提高到", "提高至", "提升到", "提升至", "上调到", "上调至", "调整为", "调整到", "调整至", "增加到", "增加至", "增长到", "增至", "升至", "下调到", "下调至", "降低到", "降低至", "下降到", "下降至", "降到", "降至", "减少到", "减少至", "减至", "扩大到", "扩大至", "缩小到", "缩小至", "变为"];

/// Whether a figure is the value a change starts from: `从`/`由` right before it, a verb of
/// change to another value right after it.
fn is_from_value(before: &str, after: &str) -> bool {
    before.ends_with(['从', '由']) && CHANGED_TO.iter().any(|v| after.starts_with(v))
}

/// Prepositions whose object a figure can open (`对245家企业调查`, `向3所学校捐赠`; not 把,
/// whose object is what is moved: `把七八亿资金投到…`): what the
/// figure counts is the noun after it, not the words before.
const PREPOSITIONS: &[char] = &['对', '向', '给'];

/// Introduces the value a rate that precedes it belongs to: `增长6.78%,达到7769亿元`.
const LEADS_TO_VALUE: &[&str] = &["达到", "达", "为", "至"];

/// `text` is the analysed (Simplified, half-width) body, `original` the same body in
/// its own script, char-aligned with `text`.
pub fn extract(text: &str, original: &str, ctx: &DocContext) -> Vec<Metric> {
    let removable = region_words(ctx.region.as_deref());
    let removable: Vec<&str> = removable.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    let mut base = 0;
    let mut originals = original.split('\n');
    // the header of the table the current line belongs to, if any
    let mut header: Option<&str> = None;
    // the period and place of the current section: a heading's, else the title's
    let mut scope = Scope { period: ctx.period.clone(), region: None, topic: Vec::new() };
    let lines: Vec<&str> = text.split('\n').collect();
    // the document's unit, or the unit of its own level the text has turned to
    let mut unit = ctx.clone();
    // the metrics read from headlines and a summary's items, in order
    let mut headlines: Vec<usize> = Vec::new();
    for (li, &line) in lines.iter().enumerate() {
        let orig = originals.next().unwrap_or(line);
        let n = line.chars().count();
        if table::is_row(line) {
            match header {
                Some(h) if !table::is_header(line) => out.extend(table::row_metrics(h, line, orig, base, ctx.region.as_deref())),
                _ => header = Some(line),
            }
        } else {
            header = None;
            let headline = super::context::is_heading(line) || super::context::opens_list_item(&line.chars().take(8).collect::<Vec<_>>());
            let first = out.len();
            if super::context::is_heading(line) {
                let ids = ctx.place_ids();
                scope = Scope {
                    period: period::find(line, ctx.date.as_deref())
                        .into_iter()
                        .map(|f| f.period)
                        .find(period::carries_over)
                        .or_else(|| ctx.period.clone()),
                    region: region::clause_region(line, ctx.place.as_ref(), &ids)
                        .or_else(|| item_region(&lines[li + 1..], ctx))
                        .map(|p| p.name),
                    topic: Vec::new(),
                };
            }
            // a dated lede without figures opens a news item of its own: its place holds
            // for the paragraphs after it (`4月27日,上海的…正式上线。` in a programme's
            // transcript of several stories)
            else if let Some(p) = dated_lede_place(line, &unit) {
                scope.region = Some(p.name);
            }
            // the section's topic so far, this paragraph included
            let topic = classify::sentence_scores(line);
            scope.topic.resize(topic.len(), 0);
            scope.topic.iter_mut().zip(&topic).for_each(|(s, t)| *s += t);
            // (a paragraph without figures turns nothing: reading its places cost 8 % of
            // the whole analysis and changed no figure of the seeds or gold-dev)
            paragraph(line, orig, base, ctx, &mut unit, &scope, &topic, &removable, &mut out);
            if headline {
                headlines.extend(first..out.len());
            }
        }
        base += n + 1;
    }
    restated_periods(&mut out, &headlines);
    out
}

/// How many figures after a headline's its story's restatement is looked for.
const MAX_STORY_LOOKAHEAD: usize = 2000;

/// A headline or a summary's item restates a figure its story gives (`（6）我国已建设46个
/// 国家中医药传承创新中心;` … `目前,…已建设46个国家中医药传承创新中心`): without a period
/// of its own, it is the story's. The story's figure is the next one after it of the same
/// value and unit whose indicator shares words with it.
fn restated_periods(out: &mut [Metric], headlines: &[usize]) {
    for &i in headlines {
        if out[i].period.is_some() {
            continue;
        }
        // (the story of a summary's item is within the next thousands of figures: bounded,
        // so that a file of many list items is not quadratic)
        let found = (i + 1..out.len().min(i + 1 + MAX_STORY_LOOKAHEAD)).find(|&j| {
            let (h, m) = (&out[i], &out[j]);
            // (a frequency, `每月`, is the story's sentence's, not a time of the figure)
            let timed = m.period.as_ref().is_some_and(|p| !p.text.starts_with('每') && !p.text.starts_with("年均"));
            timed && m.unit == h.unit && m.value == h.value && headlines.binary_search(&j).is_err() && shared_chars(&h.indicator, &m.indicator) >= 0.3
        });
        if let Some(j) = found {
            out[i].period = out[j].period.clone();
        }
    }
}

/// The share of two phrases' chars they have in common (the Dice coefficient).
fn shared_chars(a: &str, b: &str) -> f64 {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut rest = b.clone();
    let common = a.iter().filter(|c| rest.iter().position(|x| x == *c).map(|k| rest.swap_remove(k)).is_some()).count();
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// The place of a lede paragraph that opens a news item: one sentence, dated by its first
/// words (`4月27日,`), without figures, whose next words name a division
/// ([`region::lede_place`]), not one it names later (`3月25日,记者遇到来自安徽的茶商`).
fn dated_lede_place(line: &str, unit: &DocContext) -> Option<region::Place> {
    let c: Vec<char> = line.trim().chars().collect();
    let m = c.iter().take_while(|x| x.is_ascii_digit()).count();
    let d = (m > 0 && c.get(m) == Some(&'月')).then(|| c[m + 1..].iter().take_while(|x| x.is_ascii_digit()).count())?;
    let after = m + 1 + d;
    if d == 0 || !matches!(c.get(after), Some('日')) || !matches!(c.get(after + 1), Some(',' | '，')) {
        return None;
    }
    let rest = &c[after + 2..];
    let one_sentence = rest.iter().position(|&x| segment::is_sentence_end(x)).is_none_or(|i| i + 1 == rest.len());
    if !one_sentence || rest.iter().any(char::is_ascii_digit) {
        return None;
    }
    // the place is the item's subject: it opens the words after the date
    let sentence: String = rest.iter().collect();
    let ids = unit.place_ids();
    let first = region::places(&sentence, &ids).into_iter().next().filter(|n| n.start == 0 && !n.foreign)?;
    region::lede_place(&sentence[..first.end], unit.place.as_ref(), &ids).filter(|p| p.id.is_some())
}

/// In a national bulletin (a news programme, a file of many items), the place an item
/// under a heading is about: the one its lines name most, at least twice, up to the next
/// heading.
fn item_region(rest: &[&str], ctx: &DocContext) -> Option<region::Place> {
    if ctx.place.as_ref().is_some_and(|p| p.name != region::NATION) {
        return None;
    }
    let end = rest.iter().position(|l| super::context::is_heading(l)).unwrap_or(rest.len());
    let mut counts: Vec<(region::Place, usize)> = Vec::new();
    for line in &rest[..end] {
        for n in region::places(line, &[]) {
            match counts.iter_mut().find(|(p, _)| p.id == n.place.id) {
                Some((_, c)) => *c += 1,
                None => counts.push((n.place, 1)),
            }
        }
    }
    counts.into_iter().filter(|(_, c)| *c >= 2).max_by_key(|(_, c)| *c).map(|(p, _)| p)
}

/// The document's region and its parts, to drop from indicators: 嘉兴市南湖区 →
/// 嘉兴市南湖区, 嘉兴市, 南湖区, 南湖.
fn region_words(region: Option<&str>) -> Vec<String> {
    let Some(r) = region else { return Vec::new() };
    let mut v = vec![r.to_string()];
    for suffix in ["市", "省"] {
        if let Some(i) = r.find(suffix) {
            let (a, b) = r.split_at(i + suffix.len());
            if !b.is_empty() {
                v.push(a.to_string());
                v.push(b.to_string());
            }
        }
    }
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v
}

/// What a heading says holds for its section: a period, a place.
struct Scope {
    period: Option<Period>,
    region: Option<String>,
    /// Category scores of the section's paragraphs so far.
    topic: Vec<usize>,
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    Value,
    /// A change: its direction, the chars of its verb phrase, whether it reads `分别`.
    Change(Direction, usize),
}

#[derive(Debug)]
struct Item {
    q: Quantity,
    kind: Kind,
    /// Char range of the words before the figure in its clause.
    before: (usize, usize),
    /// Char range of the clause.
    clause: (usize, usize),
    change: Option<Change>,
    /// Whether this change was attached to a value (and is no metric of its own).
    attached: bool,
}

/// `home` is the document's context; `unit` the same with the unit the text has turned
/// to (see [`turn`]), which this paragraph's sentences may change.
#[allow(clippy::too_many_arguments)]
fn paragraph(
    line: &str,
    orig: &str,
    base: usize,
    home: &DocContext,
    unit: &mut DocContext,
    scope: &Scope,
    para_topic: &[usize],
    removable: &[&str],
    out: &mut Vec<Metric>,
) {
    let quantities = figures(line);
    if quantities.is_empty() {
        return;
    }
    let chars: Vec<char> = line.chars().collect();
    // the byte offset of every char (and of the end)
    let byte_at: Vec<usize> = line.char_indices().map(|(b, _)| b).chain([line.len()]).collect();
    let ochars: Vec<char> = orig.chars().collect();
    let periods = period::find(line, home.date.as_deref());
    let period_texts: Vec<&str> = periods.iter().map(|f| f.written.as_str()).collect();
    let mut removable: Vec<&str> = removable.to_vec();
    removable.extend(period_texts.iter().copied());
    // the places the paragraph names, as written: an indicator says what, not where
    let mut context_ids = unit.place_ids();
    let named = region::places(line, &context_ids);
    removable.extend(named.iter().map(|n| &line[n.start..n.end]));
    // longest first; each word once (a paragraph may repeat a period many times, and every
    // indicator is trimmed of every word)
    removable.sort_unstable_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    removable.dedup();
    let text_of = |a: usize, b: usize| -> String { chars[a.min(b)..b.min(chars.len())].iter().collect() };
    let mut sticky: Option<Period> = None;
    // a place named by an earlier clause of the paragraph holds for its later figures
    let mut sticky_region: Option<String> = None;
    // the last indicator of the paragraph: a run (`15184户45476人`) or a bare verb
    // (`建成12141套`) continues its topic
    let mut prev_indicator: Option<String>;
    // the last indicator that stood on its own, which derived ones extend
    let mut topic: Option<String> = None;
    // the period that held before an enumeration (`2023年,一是…;二是…`): each item starts
    // from it, a period one item names is that item's (`三是…3年来引进…;四是…共建1503家`)
    let mut before_items: Option<Option<Period>> = None;
    let mut qi = 0;
    for (s, e) in segment::sentences(&chars) {
        // a run or a bare verb continues the topic of its own sentence, not the last one's
        prev_indicator = None;
        if super::context::opens_list_item(&chars[s..e]) {
            match &before_items {
                Some(p) => sticky = p.clone(),
                None => before_items = Some(sticky.clone()),
            }
        }
        // `到2030年,全面建成合作区。建成后,…可停留30天`: a sentence that opens after an
        // event is later than the period carried to it, at a time it does not state
        if opens_after_an_event(&chars[s..e]) && !periods.iter().any(|f| f.end > s && f.end <= s + 8) {
            sticky = None;
        }
        // metrics are read from Chinese prose: style sheets, code and URLs are not
        if !mostly_chinese(&chars[s..e]) {
            while qi < quantities.len() && quantities[qi].span[0] < e {
                qi += 1;
            }
            continue;
        }
        let mut items: Vec<Item> = Vec::new();
        let mut prev_end = s;
        while qi < quantities.len() && quantities[qi].span[0] < e {
            let mut q = quantities[qi].clone();
            qi += 1;
            if q.span[0] < s {
                continue;
            }
            let clause = segment::clause_around(&chars, s, e, q.span[0]);
            let bstart = clause.0.max(prev_end);
            prev_end = q.span[1];
            let before = text_of(bstart, q.span[0]);
            let kind = match change::verb_before(&before, &q.unit) {
                Some((d, len)) => Kind::Change(change::follow_sign(d, &mut q), len),
                None => Kind::Value,
            };
            items.push(Item { q, kind, before: (bstart, 0), clause, change: None, attached: false });
            let last = items.len() - 1;
            items[last].before.1 = items[last].q.span[0];
        }
        attach_changes(&mut items, &chars);
        let long = e - s > MAX_EVIDENCE;
        let sentence: String = if long { String::new() } else { ochars[s.min(ochars.len())..e.min(ochars.len())].iter().collect() };
        let simple_sentence = if long { String::new() } else { text_of(s, e) };
        let sentence_scores = if long || items.iter().all(|it| it.attached) { Vec::new() } else { classify::sentence_scores(&simple_sentence) };
        for it in &items {
            let q = &it.q;
            let before = text_of(it.before.0, it.before.1);
            if is_age_limit(q, &text_of(q.span[1], (q.span[1] + 3).min(chars.len()))) {
                continue;
            }
            if it.attached {
                // a leading rate names what the value after it measures
                if let Kind::Change(_, len) = it.kind {
                    let stem: String = before.chars().take(before.chars().count().saturating_sub(len)).collect();
                    let stem = indicator::strip(&stem, &removable);
                    if !stem.is_empty() {
                        prev_indicator = Some(stem.clone());
                        topic = Some(stem);
                    }
                }
                continue;
            }
            // the period before the figure in its sentence, else one later in its clause
            // (`纳入2021年老旧小区改造计划`), else the paragraph's. Periods are in text
            // order: binary searches, not a scan of them all for every figure.
            let after_fig = periods.partition_point(|f| f.end <= q.span[0]);
            // a period right after the figure qualifies what it counts (`发布37档2024年重点
            // 节目`), whatever day the sentence opened with
            let next = periods.get(periods.partition_point(|f| f.end <= q.span[1]));
            let qualifying = next.filter(|f| f.end - f.written.chars().count() == q.span[1] && f.end <= it.clause.1);
            let period = qualifying
                .or_else(|| periods[..after_fig].last().filter(|f| f.end > s))
                .or_else(|| {
                    let i = periods.partition_point(|f| f.end <= q.span[1]);
                    periods.get(i).filter(|f| f.end <= it.clause.1)
                })
                .map(|f| f.period.clone())
                .or_else(|| sticky.clone())
                .or_else(|| scope.period.clone());
            // `2004年12月1日将标准从510元/月提高到684元/月`: the value changed from is of
            // before the time the sentence names, which is the new value's
            let period = period.filter(|_| !is_from_value(&before, &text_of(q.span[1], it.clause.1)));
            let ind = match it.kind {
                Kind::Change(dir, len) => {
                    let stem: String = before.chars().take(before.chars().count().saturating_sub(len)).collect();
                    // `增长-2.3%` is a fall: the indicator says the direction the sign gives
                    let signed = q.raw.starts_with(['-', '－', '−', '负']);
                    let verb = match (signed, dir) {
                        (true, Direction::Down) => "下降",
                        (true, Direction::Up) => "增长",
                        (false, _) => change::verb_word(&before).unwrap_or(""),
                    };
                    let stem = indicator::strip(&stem, &removable);
                    match prev_indicator.as_deref() {
                        // `增长5%,增长6%`: the next rate of the same thing, named once
                        Some(p) if stem.is_empty() && p.ends_with(verb) => p.to_string(),
                        Some(p) if stem.is_empty() => format!("{p}{verb}"),
                        _ => format!("{stem}{verb}"),
                    }
                }
                Kind::Value => {
                    let after = text_of(q.span[1], it.clause.1);
                    // right after another figure of its clause, with nothing between
                    let adjacent = it.before.0 == it.before.1 && it.before.0 > it.clause.0;
                    // `4万人的留坝县`: the people of the place the figure describes are its population
                    let population = q.unit == "人" && described_place(&after, &context_ids).is_some();
                    match value_indicator(&before, adjacent, &after, &q.unit, &removable, prev_indicator.as_deref(), topic.as_deref()) {
                        _ if population => "人口".to_string(),
                        // `其中一类为800元/月`: a class of the thing the paragraph speaks of
                        // (with none, the label alone, which is no topic for the next class)
                        Derived::Own(i) if is_class_label(&i) => {
                            match topic.as_deref().map(without_class_label) {
                                Some(b) => {
                                    let labelled = format!("{i}{b}");
                                    topic = Some(labelled.clone());
                                    labelled
                                }
                                // else the thing the clause before names, whose classes
                                // these are (`确定了今年调整最低工资标准的分类目标,其中一类为…`)
                                None => match classed_thing(&chars, s, it.clause.0, &removable) {
                                    Some(b) => {
                                        let labelled = format!("{i}{b}");
                                        topic = Some(labelled.clone());
                                        labelled
                                    }
                                    None => i,
                                },
                            }
                        }
                        Derived::Own(i) => {
                            let i = format!("{}{i}", condition(&chars, s, it.clause.0, &removable));
                            topic = Some(i.clone());
                            i
                        }
                        Derived::FromPrevious(i) => i,
                        // `镇安县30万人`: people of a place, with nothing else said, are its population
                        Derived::Nothing if q.unit == "人" && names_only_a_place(&before, &removable) => "人口".to_string(),
                        // never drop a figure for want of words: the words after it, what the
                        // sentence is about, or the words before it
                        Derived::Nothing => fallback_indicator(&before, &after, subject(&text_of(s, it.clause.0), &removable)),
                    }
                }
            };
            prev_indicator = Some(ind.clone());
            // `新增发电能力是去年新增发电能力的10多倍,达到4430万千瓦`: the value after a multiple
            // is the compared thing's, named before its 是
            if q.unit == "倍" {
                if let Some((compared, _)) = ind.split_once('是').filter(|(c, _)| c.chars().count() >= 2) {
                    prev_indicator = Some(compared.to_string());
                    topic = Some(compared.to_string());
                }
            }
            let head = text_of(it.clause.0, q.span[0]);
            // the unit the text speaks of here
            let ctx = &*unit;
            // a sub-unit opening the clause holds for its figure only
            let named = region::clause_region(&head, ctx.place.as_ref(), &context_ids)
                .map(|p| p.name)
                .or_else(|| bracketed_places(&text_of(q.span[1], it.clause.1), ctx, &context_ids))
                .or_else(|| described_place(&text_of(q.span[1], it.clause.1), &context_ids));
            if named.is_some() {
                sticky_region = named.clone();
            }
            // else a place named earlier in the sentence, in a clause without figures too
            // (`在上海市政府宣传之下,现在已经500多万人投保`)
            let earlier = || {
                let from = it.clause.0.saturating_sub(MAX_LOOKBACK_FOR_PLACE);
                region::earlier_place(&text_of(from.max(s), it.clause.0), ctx.place.as_ref(), &context_ids).map(|p| p.name)
            };
            // the words of the sentence before the clause, as far back as a place is looked
            // for (a sentence without marks may be a whole huge paragraph)
            let sentence_head = || text_of(it.clause.0.saturating_sub(MAX_LOOKBACK_FOR_PLACE).max(s), it.clause.0);
            let own = sub_region(&head).or(named);
            // a norm stated as international is no place's
            let norm = own.is_none() && region::international_norm(&text_of(q.span[0].saturating_sub(MAX_LOOKBACK_FOR_PLACE).max(s), q.span[0]));
            let region = own
                .or_else(earlier)
                // a rule a national body laid down (`当时国家规定,…超过5%,便…`)
                .or_else(|| region::national_rule(&sentence_head()).then(|| region::NATION.to_string()))
                .or_else(|| sticky_region.clone())
                .or_else(|| scope.region.clone())
                .or_else(|| ctx.region.clone())
                .filter(|_| !norm);
            let (sentence, simple_sentence) = if long {
                // a window of the sentence around the figure, marked as cut
                let ws = s.max(q.span[0].saturating_sub(MAX_EVIDENCE / 2));
                let we = e.min(q.span[1] + MAX_EVIDENCE / 2);
                let cut = |cs: &[char]| -> String {
                    let mut w: String = if ws > s { "…".into() } else { String::new() };
                    w.extend(&cs[ws.min(cs.len())..we.min(cs.len())]);
                    if we < e {
                        w.push('…');
                    }
                    w
                };
                (cut(&ochars), cut(&chars))
            } else {
                (sentence.clone(), simple_sentence.clone())
            };
            let window_scores;
            let own: &[usize] = if long {
                window_scores = classify::sentence_scores(&simple_sentence);
                &window_scores
            } else {
                &sentence_scores
            };
            let category = classify::classify_within(&ind, own, &[para_topic, &scope.topic]).to_string();
            out.push(Metric {
                indicator_key: super::indicator_key::lookup(&ind).map(|k| k.key.to_string()),
                indicator: ind,
                value: q.value,
                unit: q.unit.clone(),
                raw: q.raw.clone(),
                approx: q.approx,
                value_max: q.value_max,
                change: it.change.clone(),
                period,
                region,
                category,
                sentence,
                span: [base + q.span[0], base + q.span[1]],
            });
        }
        if let Some(f) = periods[..periods.partition_point(|f| f.end <= e)].last().filter(|f| f.end > s) {
            // a period carries from a sentence with figures, or one that opens its sentence
            // (`2020年开发区规划建设了…;`); a year inside a story told without figures is
            // the story's (`其实1958年,佛坪县就…被撤销过`)
            let opens = f.end - f.written.chars().count() == s;
            if period::carries_over(&f.period) && (!items.is_empty() || opens) {
                sticky = Some(f.period.clone());
            }
        }
        // a sentence without figures that names where it speaks of sets the place of the
        // figures after it (`记者从中国民航局新闻发布会上了解到,…。1月份,…5731.8万人次`)
        if items.is_empty() {
            if let Some(p) = region::lede_place(&text_of(s, e), unit.place.as_ref(), &context_ids) {
                sticky_region = Some(p.name);
            }
        }
        // the places the sentence names, from those of the paragraph (in text order: the
        // sentence's are found by a binary search, not a scan of the paragraph's for each)
        let (bs, be) = (byte_at[s], byte_at[e]);
        let from = named.partition_point(|n| n.start < bs);
        let to = from + named[from..].partition_point(|n| n.start < be);
        let in_sentence: Vec<region::Named> = named[from..to].iter().filter(|n| n.end <= be).cloned().collect();
        if turn(line, &in_sentence, home, unit) {
            context_ids = unit.place_ids();
        }
    }
}

/// Turns `unit` to the unit of the document's own level that a sentence of `text` turns to,
/// if any ([`region::turns_to`]; `named` are the sentence's places); back to the document's
/// own unit, as the document names it, when it names that. Whether `unit` changed.
fn turn(text: &str, named: &[region::Named], home: &DocContext, unit: &mut DocContext) -> bool {
    let Some(p) = home.place.as_ref().and_then(|d| region::turns_to(text, named, d)) else { return false };
    if unit.place.as_ref().is_some_and(|u| u.id == p.id) {
        return false;
    }
    *unit = home.clone();
    if home.place.as_ref().is_none_or(|d| d.id != p.id) {
        unit.region = Some(p.name.clone());
        unit.place = Some(p);
    }
    true
}

/// A class or grade named by its number alone: `一类`, `二档`, `3级`.
fn is_class_label(phrase: &str) -> bool {
    let c: Vec<char> = phrase.chars().collect();
    c.len() >= 2
        && matches!(c[c.len() - 1], '类' | '档' | '级' | '等')
        && c[..c.len() - 1].iter().all(|&d| d.is_ascii_digit() || "一二三四五六七八九十".contains(d))
}

/// A phrase without the class label it opens with: `一类最低工资标准` → `最低工资标准`.
fn without_class_label(phrase: &str) -> &str {
    phrase.char_indices().map(|(k, _)| k).find(|&k| k > 0 && is_class_label(&phrase[..k])).map_or(phrase, |k| &phrase[k..])
}

/// The condition or beneficiary a clause of rules opens with, for the figure of the clause
/// after it: `单方建立住房公积金的,贷款最高额度为66万元` → `单方建立住房公积金的`;
/// `对普惠托育示范机构,给予一次性补贴5万元` → `普惠托育示范机构`. Only a clause of the same
/// sentence, without figures, ending in `的` or opening with `对`.
fn condition(chars: &[char], sentence_start: usize, clause_start: usize, removable: &[&str]) -> String {
    // (the mark is checked first: most clauses follow none, and a clause is read only after one)
    if !clause_start.checked_sub(1).is_some_and(|h| matches!(chars.get(h), Some(',' | '，'))) {
        return String::new();
    }
    let Some((head, clause)) = clause_before(chars, sentence_start, clause_start) else { return String::new() };
    if has_figure(&clause) || clause.chars().count() > 20 {
        return String::new();
    }
    if chars[head - 1] == '的' {
        return indicator::strip(&clause, removable) + "的";
    }
    // `对…,`: whom the rule is for (list numbering before it aside)
    let clause = clause.trim_start();
    let for_whom = clause.strip_prefix('对').or_else(|| clause.split_once('对').filter(|(mark, _)| indicator::strip(mark, &[]).is_empty()).map(|(_, w)| w));
    for_whom.map(|w| indicator::strip(w, removable)).filter(|w| w.chars().count() >= 2).unwrap_or_default()
}

/// The clause of the same sentence right before the one at `clause_start`: the position of
/// the mark that ends it, and its text. None for a sentence's first clause.
fn clause_before(chars: &[char], sentence_start: usize, clause_start: usize) -> Option<(usize, String)> {
    let head = clause_start.checked_sub(1).filter(|&h| h > sentence_start)?;
    let start = chars[sentence_start..head].iter().rposition(|c| matches!(c, ',' | '，' | ';' | '；' | ':' | '：')).map_or(sentence_start, |i| sentence_start + i + 1);
    Some((head, chars[start..head].iter().collect()))
}

/// Whether a clause has a figure of its own: digits, other than an age bound (`3岁以下`).
fn has_figure(clause: &str) -> bool {
    let mut rest = clause;
    while let Some(i) = rest.find(|c: char| c.is_ascii_digit()) {
        let after = rest[i..].trim_start_matches(|c: char| c.is_ascii_digit());
        if !after.starts_with(['岁', '周']) {
            return true;
        }
        rest = after;
    }
    false
}

/// What a clause without figures before `clause_start` in its sentence names, for the
/// classes the next clause lists: its object, after the last `了` (`已确定了…的分类目标`).
fn classed_thing(chars: &[char], sentence_start: usize, clause_start: usize, removable: &[&str]) -> Option<String> {
    let (_, clause) = clause_before(chars, sentence_start, clause_start)?;
    if clause.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let object = clause.rsplit('了').next().unwrap_or(&clause);
    let thing = indicator::strip(object, removable);
    (2..=16).contains(&thing.chars().count()).then_some(thing)
}

/// Attaches each change to the value it is stated for: the nearest earlier value of the
/// sentence without a change (in order for `分别增长9.2%和10.2%`), or the value that a
/// leading rate introduces (`增长6.78%,达到7769亿元`). A change with no value stays a
/// metric of its own (`居民消费价格总水平比上年下降0.7%`).
fn attach_changes(items: &mut [Item], chars: &[char]) {
    let mut i = 0;
    while i < items.len() {
        if !matches!(items[i].kind, Kind::Change(..)) {
            i += 1;
            continue;
        }
        // a run of changes joined by 和/、: 分别增长9.2%和10.2%
        let mut j = i + 1;
        while j < items.len()
            && matches!(items[j].kind, Kind::Value)
            && {
                let gap: String = chars[items[j - 1].q.span[1]..items[j].q.span[0]].iter().collect();
                matches!(gap.as_str(), "和" | "、" | "与" | "及")
            }
        {
            j += 1;
        }
        let run: Vec<usize> = (i..j).collect();
        let hosts: Vec<usize> = (i.saturating_sub(MAX_HOST_LOOKBACK)..i)
            .filter(|&h| matches!(items[h].kind, Kind::Value) && items[h].change.is_none() && !items[h].attached)
            .filter(|&h| compatible(&items[h].q, &items[i].q))
            .collect();
        let take = run.len().min(hosts.len());
        let hosts = &hosts[hosts.len() - take..];
        for (k, &h) in hosts.iter().enumerate() {
            let c = run[run.len() - take + k];
            let dir = match items[i].kind {
                Kind::Change(d, _) => d,
                Kind::Value => continue,
            };
            let q = &items[c].q;
            items[h].change = Some(Change { direction: dir, value: q.value, unit: q.unit.clone(), raw: q.raw.clone() });
            items[c].attached = true;
        }
        if take == 0 {
            // a leading rate: 增长6.78%,达到7769亿元
            if let Some(next) = items.get(j) {
                let lead: String = chars[next.clause.0..next.q.span[0]].iter().collect();
                if matches!(next.kind, Kind::Value) && LEADS_TO_VALUE.iter().any(|w| lead.starts_with(w)) && compatible(&next.q, &items[i].q) {
                    if let Kind::Change(dir, _) = items[i].kind {
                        let q = items[i].q.clone();
                        items[j].change = Some(Change { direction: dir, value: q.value, unit: q.unit, raw: q.raw });
                        items[i].attached = true;
                    }
                }
            }
        }
        // the extra values of a run are changes too
        for &r in &run[1..] {
            if !items[r].attached {
                items[r].kind = items[i].kind;
            }
        }
        i = j;
    }
}

/// A rate of change fits any amount; a change in percentage points fits a rate; an
/// amount fits an amount in the same unit. (A rate after a rate is a rate of its own:
/// `粮食增产9.5%,物价涨幅为2.1%`.)
fn compatible(host: &Quantity, change: &Quantity) -> bool {
    let host_is_rate = matches!(host.unit.as_str(), "%" | "个百分点" | "百分点" | "‰");
    match change.unit.as_str() {
        "%" | "倍" | "‰" => !host_is_rate,
        "个百分点" | "百分点" => host.unit == "%" || host.unit == "‰",
        u => u == host.unit,
    }
}

enum Derived {
    /// Words of the figure's own clause.
    Own(String),
    /// Continues the indicator of the figure before it.
    FromPrevious(String),
    Nothing,
}

/// The words that give a bare amount its unit (`lexicons/implied_units.txt`).
static IMPLIED: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| crate::lexicon::keyed(include_str!("../../lexicons/implied_units.txt")));

/// Multipliers that make a bare number an amount (`3018万`, `七八亿`), not a count or a code.
const MULTIPLIERS: &[char] = &['万', '亿', '萬', '億'];

/// The paragraph's figures: what the quantity stage keeps, and the bare amounts with a
/// multiplier whose sentence says what they measure (`罚没收入3018万` → 3018万 元).
fn figures(line: &str) -> Vec<Quantity> {
    let all = quantity::find_all(line);
    if all.iter().all(|f| f.metric) {
        return all.into_iter().map(|f| f.quantity).collect();
    }
    let chars: Vec<char> = line.chars().collect();
    let sentences = segment::sentences(&chars);
    all.into_iter()
        .filter_map(|f| {
            if f.metric {
                return Some(f.quantity);
            }
            let mut q = f.quantity;
            if f.reason != Some(quantity::Reason::NoUnit) || !q.raw.contains(MULTIPLIERS) {
                return None;
            }
            let &(s, _) = sentences.iter().find(|&&(s, e)| s <= q.span[0] && q.span[0] < e)?;
            let head: String = chars[s..q.span[0]].iter().collect();
            // else the noun right after it: `把七八亿资金投到…`
            let next: String = chars[q.span[1]..(q.span[1] + 4).min(chars.len())].iter().collect();
            q.unit = implied_unit(&head).or_else(|| implied_unit_after(&next))?.to_string();
            Some(q)
        })
        .collect()
}

/// The unit the nearest money or people word before a bare amount implies.
fn implied_unit(head: &str) -> Option<&'static str> {
    IMPLIED
        .iter()
        .flat_map(|(unit, words)| words.iter().filter_map(move |w| head.rfind(w).map(|i| (i + w.len(), *unit))))
        .max_by_key(|&(end, _)| end)
        .map(|(_, unit)| unit)
}

/// The unit a money or people word of two characters or more right after a bare amount
/// implies (`七八亿资金`, `3万投保`).
fn implied_unit_after(next: &str) -> Option<&'static str> {
    IMPLIED.iter().find(|(_, words)| words.iter().any(|w| w.chars().count() >= 2 && next.starts_with(w))).map(|(unit, _)| *unit)
}

/// The words before a figure are a place's name and nothing else (`镇安县`, `还有留坝县`).
fn names_only_a_place(before: &str, removable: &[&str]) -> bool {
    let named = region::places(before, &[]);
    !named.is_empty() && indicator::strip(before, removable).chars().all(|c| !crate::normalise::is_han(c))
}

/// Where a sentence's subject ends: a verb-like word or the first clause mark.
const SUBJECT_ENDS: &[&str] = &["由", "是", "被", "将", "已", "在", "对", "为", "把", "，", ",", "；", ";", "：", ":"];

/// The subject that opens a sentence (`第六批全国干部学习培训教材由…编写,共9本` →
/// `第六批全国干部学习培训教材`), for a figure whose own clause names nothing.
fn subject(sentence_head: &str, removable: &[&str]) -> Option<String> {
    let end = SUBJECT_ENDS.iter().filter_map(|w| sentence_head.find(w)).min()?;
    let s = indicator::strip(&sentence_head[..end], removable);
    let n = s.chars().count();
    (2..=20).contains(&n).then_some(s)
}

/// The clause words themselves, trimmed of punctuation, when no rule found an indicator.
fn fallback_indicator(before: &str, after: &str, subject: Option<String>) -> String {
    let pick = |s: &str| s.trim_matches(|c: char| !c.is_alphanumeric()).chars().take(12).collect::<String>();
    let a = pick(after);
    if !a.is_empty() {
        return a;
    }
    subject.unwrap_or_else(|| pick(before))
}

/// The indicator of a value from the words before it and the noun after it.
#[allow(clippy::too_many_arguments)]
fn value_indicator(before: &str, adjacent: bool, after: &str, unit: &str, removable: &[&str], prev: Option<&str>, topic: Option<&str>) -> Derived {
    // a run: `15184户45476人` — the second figure counts the same thing
    if adjacent {
        if let Some(p) = prev {
            return Derived::FromPrevious(p.to_string());
        }
    }
    // `5本《…案例选》`: copies of the title right after the figure
    if let Some(title) = after.strip_prefix('《').and_then(|t| t.find('》').filter(|&i| i > 0).map(|i| &t[..i])) {
        if title.chars().count() <= 30 {
            return Derived::Own(format!("《{title}》"));
        }
    }
    // `37档2024年重点节目`: a period after the figure qualifies the noun after it
    let after = removable
        .iter()
        .find(|w| w.starts_with(|c: char| c.is_ascii_digit()) && after.starts_with(**w))
        .map_or(after, |w| &after[w.len()..]);
    // `…,与国内生产总值之比`: a ratio to what the clause names, of the thing before
    let ratio_to = unit == "%" && before.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with(['与', '同']);
    // only the last item of a list belongs to this figure, unless the words joined are
    // one standard indicator's name (`研究与试验发展经费支出`)
    let last_item = before.rsplit(['、', '和', '与']).next().unwrap_or(before);
    let one_name = last_item.len() < before.len() && {
        let whole = super::indicator_key::lookup(&indicator::strip(before, removable));
        whole.is_some() && whole.map(|k| k.key) != super::indicator_key::lookup(&indicator::strip(last_item, removable)).map(|k| k.key)
    };
    let mut before = if one_name { before.trim_start_matches(['、', '，', ',']) } else { last_item }.to_string();
    // `建管组等6个督导组`: a list summed up by the noun after the figure
    let sums_up_a_list = before.ends_with('等');
    // `按照…确定的9个城中村改造试点项目`: the figure belongs to the noun after it
    // (but not `按照平均工资的60%确定`, where a verb follows)
    // `新增发电容量的94%将在8月前完成`: a share of a thing, the subject of what follows
    if unit == "%" && before.ends_with('的') && after.starts_with(SUBJECT_ADVERBS) {
        let whole = indicator::strip(before.trim_end_matches('的'), removable);
        if whole.chars().count() >= 2 {
            return Derived::Own(format!("{whole}比例"));
        }
    }
    let modifies_after = before.ends_with('的') && !after.is_empty() && !starts_with_verb(after);
    // `对245家企业的调查`: the figure is a preposition's object, counting the noun after it
    let object_of = before.ends_with(PREPOSITIONS) && !indicator::after_noun(after).is_empty() && !starts_with_verb(after);
    if modifies_after || object_of {
        before.clear();
    }
    let mut b = indicator::strip(&before, removable);
    // an unclosed bracket opens an aside about the figure before: `(火电占60.91%`
    if b.starts_with(['(', '（']) && !b.contains([')', '）']) {
        b.remove(0);
    }
    // `火电占60.91%`: a part's share of the whole the paragraph speaks of
    if unit == "%" && b.ends_with('占') && b.chars().count() > 1 {
        let share = format!("{b}比");
        return match topic {
            Some(t) if !share.starts_with(t) => Derived::FromPrevious(format!("{t}中{share}")),
            _ => Derived::Own(share),
        };
    }
    // after a closing quote the words describe the quotation, not the figure
    let a = if after.starts_with(['”', '"', '」', '》']) { String::new() } else { indicator::after_noun(after) };
    let a = indicator::strip(&a, removable);
    if object_of && !a.is_empty() {
        // (the noun, not what is done to it: `…企业的抽样调查`, `…学校捐赠图书`)
        let noun = a.split('的').next().unwrap_or(&a);
        let end = noun.char_indices().skip(3).map(|(i, _)| i).find(|&i| starts_with_verb(&noun[i..])).unwrap_or(noun.len());
        return Derived::Own(noun[..end].to_string());
    }
    if indicator::is_relational(&b, unit) {
        // of the thing named last: a value's topic, or a rate stated alone before it
        // (`投资增长22.6%,高于全国12个百分点`)
        if let Some(t) = topic.or(prev) {
            return Derived::FromPrevious(format!("{t}{b}"));
        }
    }
    // `经费支出3.3万亿元,与国内生产总值之比达2.64%`: the ratio of the thing before
    if ratio_to && b.ends_with("之比") {
        if let Some(t) = topic {
            return Derived::FromPrevious(format!("{t}与{b}"));
        }
    }
    if b.is_empty() {
        // a figure that opens its clause: `192个贫困村全部出列` → 贫困村出列
        let predicate = indicator::predicate_phrase(after);
        if !a.is_empty() && predicate.chars().count() <= 16 {
            return Derived::Own(predicate);
        }
        if !a.is_empty() {
            return Derived::Own(a);
        }
        // `其中6家已竣工试营业`: what the topic's things did
        if let (false, Some(noun)) = (predicate.is_empty(), topic.and_then(head_noun)) {
            return Derived::FromPrevious(format!("{predicate}{noun}"));
        }
        return prev.map_or(Derived::Nothing, |p| Derived::FromPrevious(p.to_string()));
    }
    if (modifies_after || sums_up_a_list) && !a.is_empty() {
        return Derived::Own(a);
    }
    if after.starts_with('的') && !a.is_empty() {
        // 购置总价值750万元的中高端医疗设备 → 购置总价值 + 中高端医疗设备
        return Derived::Own(format!("{b}{a}"));
    }
    let verbs = trailing_verbs(&b);
    if a.is_empty() {
        if verbs.len() == b.len() {
            // a bare verb continues the topic before it: 棚户区改造工程任务5989套,建成12141套;
            // a longer one names what the topic's things did: 目前已建成投用81个
            match topic {
                Some(t) if b.chars().count() <= 3 => return Derived::FromPrevious(format!("{t}{b}")),
                Some(t) => {
                    if let Some(noun) = head_noun(t) {
                        return Derived::FromPrevious(format!("{b}{noun}"));
                    }
                }
                None => {}
            }
        }
        // `6个特色产业扶贫项目,年收益率为8%到10%`: a bare rate is the topic's
        if b.chars().count() <= 4 && (b.ends_with('率') || b.ends_with("比例") || b.ends_with("占比")) {
            if let Some(noun) = topic.and_then(head_noun) {
                return Derived::FromPrevious(format!("{noun}{b}"));
            }
        }
        return Derived::Own(b);
    }
    if !verbs.is_empty() && b.chars().count() > 8 {
        // 在全市范围内陆续安装建设3500张家庭养老床位 → 安装建设家庭养老床位
        return Derived::Own(format!("{verbs}{a}"));
    }
    if !verbs.is_empty() || a.chars().count() <= 4 || b.chars().count() <= 4 {
        return Derived::Own(format!("{b}{a}"));
    }
    Derived::Own(b)
}

// VERBS: the verbs of jieba's dictionary (`lexicons/verbs.txt`), read without jieba: a
// sorted static array built by build.rs (splitting 12 000 lines cost the first report).
include!(concat!(env!("OUT_DIR"), "/verbs.rs"));

fn is_verb(w: &str) -> bool {
    VERBS.binary_search(&w).is_ok()
}

/// Longest words a verb is matched by (in chars).
const MAX_VERB: usize = 4;

/// Whether a phrase opens with a verb of two characters or more (`确定`, `计入收入`).
pub(crate) fn starts_with_verb(phrase: &str) -> bool {
    (2..=MAX_VERB).any(|n| {
        let end = phrase.char_indices().nth(n).map_or(phrase.len(), |(i, _)| i);
        phrase[..end].chars().count() == n && is_verb(&phrase[..end])
    })
}

/// The run of verbs that ends a phrase (`陆续安装建设` → `安装建设`): the longest verb
/// that ends it, again and again. One-character verbs are left out: without a segmenter
/// they are too often the end of another word (`陆续`).
fn trailing_verbs(phrase: &str) -> &str {
    let chars: Vec<(usize, char)> = phrase.char_indices().collect();
    let mut cut = chars.len();
    loop {
        let found = (2..=MAX_VERB.min(cut)).rev().find(|&n| {
            let w = &phrase[chars[cut - n].0..chars.get(cut).map_or(phrase.len(), |c| c.0)];
            is_verb(w)
        });
        match found {
            Some(n) => cut -= n,
            None => break,
        }
    }
    &phrase[chars.get(cut).map_or(phrase.len(), |c| c.0)..]
}

/// The noun a phrase is about, after the verbs and conjunctions that open it:
/// `改造和提升便民市场` → `便民市场`.
fn head_noun(phrase: &str) -> Option<String> {
    // the last phrase of a longer one: `下一个条件是罚没收入占一般公共预算` → `一般公共预算`
    let last = phrase.rfind(['是', '占', '的', '在', '为', '，', ',']).map_or(0, |i| i + phrase[i..].chars().next().map_or(0, char::len_utf8));
    let mut rest = &phrase[last..];
    'strip: loop {
        for n in (1..=MAX_VERB).rev() {
            let Some((end, _)) = rest.char_indices().nth(n) else { continue };
            let w = &rest[..end];
            if is_verb(w) && (n > 1 || !rest[end..].is_empty()) || matches!(w, "和" | "与" | "及" | "并" | "、") {
                rest = &rest[end..];
                continue 'strip;
            }
        }
        break;
    }
    (!rest.is_empty()).then(|| rest.to_string())
}

/// Places in brackets right after a figure: `800元/月（广州）`; for several
/// (`（佛山、东莞、珠海、惠州）`) the unit they share.
/// The place a figure describes, named in full right after it and its `的`
/// (`还有4万人的留坝县`, `面积1.2万平方公里的某某市`): the figure is that place's.
fn described_place(after: &str, ids: &[super::gazetteer::Id]) -> Option<String> {
    let rest = after.strip_prefix('的')?;
    let first = region::places(rest, ids).into_iter().next()?;
    (first.start == 0 && first.full && first.place.id.is_some()).then_some(first.place.name)
}

fn bracketed_places(after: &str, ctx: &DocContext, ids: &[super::gazetteer::Id]) -> Option<String> {
    let inner = after.strip_prefix(['(', '（'])?;
    let inner = &inner[..inner.find([')', '）'])?];
    let places = region::places(inner, ids);
    // only names: `（广州）`, not `（含广州在内的…）`
    let covered: usize = places.iter().map(|p| p.end - p.start).sum();
    let seps = inner.chars().filter(|c| matches!(c, '、' | ',' | '，' | ' ')).map(char::len_utf8).sum::<usize>();
    if places.is_empty() || covered + seps != inner.len() {
        return None;
    }
    region::clause_region(inner, ctx.place.as_ref(), ids).map(|p| p.name)
}

/// An age that bounds a group rather than measures one: `3岁以下婴幼儿`,
/// `在子女3周岁以前`, `60岁以上老人`, `14周岁女孩` (SPEC §2: not a figure of the article).
fn is_age_limit(q: &Quantity, after: &str) -> bool {
    if q.unit != "岁" {
        return false;
    }
    let bounded = q.raw.ends_with("以下") || q.raw.ends_with("以上") || ["以前", "以后", "之前", "以内", "及以上", "及以下"].iter().any(|w| after.starts_with(w));
    bounded || after.chars().next().is_some_and(|c| crate::normalise::is_han(c) && c != '的')
}

/// At least a quarter of the sentence's visible characters are Han.
fn mostly_chinese(sentence: &[char]) -> bool {
    let visible = sentence.iter().filter(|c| !c.is_whitespace()).count();
    let han = sentence.iter().filter(|&&c| crate::normalise::is_han(c)).count();
    han * 4 >= visible
}

/// A sub-unit that opens a clause (after any non-Han marks): two to four characters of
/// name, the shortest first, then its suffix: `温泉街道投入…` → `温泉街道`.
fn sub_region(clause_head: &str) -> Option<String> {
    let is_han = crate::normalise::is_han;
    let head = clause_head.trim_start_matches(|c: char| !is_han(c));
    let chars: Vec<(usize, char)> = head.char_indices().take(8).collect();
    let name = (2..=4).find_map(|n| {
        if chars.len() <= n || !chars[..n].iter().all(|&(_, c)| is_han(c)) {
            return None;
        }
        let rest = &head[chars[n].0..];
        SUB_UNIT_SUFFIXES.iter().find(|s| rest.starts_with(*s)).map(|s| &head[..chars[n].0 + s.len()])
    })?;
    (!NOT_SUB_REGION.iter().any(|w| name.ends_with(w))).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Direction;

    fn run(text: &str, date: Option<&str>, region: Option<&str>) -> Vec<Metric> {
        let place = region.and_then(super::region::place_named);
        let ctx = DocContext { date: date.map(str::to_string), region: region.map(str::to_string), place, period: None };
        extract(text, text, &ctx)
    }

    #[test]
    fn a_value_with_its_change_and_period() {
        let m = run("今年上半年,全市居民人均可支配收入16993元,增长5.1%;城镇居民人均可支配收入21713元,增长3.7%。", Some("2022-08-11"), Some("石家庄市"));
        assert_eq!(m.len(), 2, "{m:#?}");
        assert_eq!(m[0].indicator, "居民人均可支配收入");
        assert_eq!(m[0].value, 16993.0);
        let c = m[0].change.as_ref().unwrap();
        assert_eq!((c.direction, c.value, c.unit.as_str()), (Direction::Up, 5.1, "%"));
        let p = m[1].period.as_ref().unwrap();
        assert_eq!((p.start.as_deref(), p.end.as_deref()), (Some("2022-01-01"), Some("2022-06-30")));
        assert_eq!(m[1].region.as_deref(), Some("石家庄市"));
        assert_eq!(m[1].category, "income");
    }

    #[test]
    fn a_month_of_statistics_carries_to_the_next_sentence() {
        let m = run("1月份,民航全行业完成运输总周转量116.1亿吨公里,同比增长57.1%。完成旅客运输量5731.8万人次。", Some("2024-02-29"), Some("中国"));
        assert_eq!(m.len(), 2, "{m:#?}");
        assert_eq!(m[0].unit, "吨公里");
        let p = m[1].period.as_ref().unwrap();
        assert_eq!((p.text.as_str(), p.start.as_deref(), p.end.as_deref()), ("1月份", Some("2024-01-01"), Some("2024-01-31")));
    }

    #[test]
    fn a_text_that_compares_counties_gives_each_its_figures() {
        let text = "2020年沁县一般公共预算支出合计是17.65亿。\n最近,陕西佛坪县就是因为人口少,上了新闻热点。全县行政编640个。\n沁县的罚款有3000多万元。全县总人口为17.3万人。";
        let m = run(text, Some("2021-05-18"), Some("佛坪县"));
        let regions: Vec<&str> = m.iter().map(|m| m.region.as_deref().unwrap_or("")).collect();
        assert_eq!(regions, ["沁县", "佛坪县", "沁县", "沁县"], "{m:#?}");
    }

    #[test]
    fn a_standard_name_with_yu_is_one_item_and_its_ratio_is_its_own() {
        let m = run("2023年,全社会研究与试验发展经费支出3.3万亿元,与国内生产总值之比达2.64%。", Some("2024-02-29"), Some("中国"));
        assert_eq!(m.len(), 2, "{m:#?}");
        assert_eq!(m[0].indicator, "全社会研究与试验发展经费支出");
        assert_eq!(m[1].indicator_key.as_deref(), Some("研究与试验发展经费投入强度"));
        // a multiple says what it compares: the base stays in the indicator
        let m = run("今年新增发电能力是去年新增发电能力的10多倍。", Some("2006-05-09"), Some("湖南省"));
        assert_eq!(m[0].indicator, "新增发电能力是去年新增发电能力");
    }

    #[test]
    fn a_rate_against_a_benchmark_measures_the_rate_before_it() {
        let m = run("2023年,河南高技术制造业投资增长22.6%,高于全国12个百分点。", Some("2024-05-10"), Some("河南省"));
        assert_eq!(m.len(), 2, "{m:#?}");
        assert_eq!(m[1].indicator, "高技术制造业投资增长高于全国", "{m:#?}");
    }

    #[test]
    fn a_bare_amount_takes_the_unit_its_words_imply() {
        let m = run("罚没收入3018万。现在国家每年把七八亿资金投到山里。组织六七万群众参观。规模不到12亿的地方。", None, None);
        let got: Vec<(&str, &str)> = m.iter().map(|m| (m.raw.as_str(), m.unit.as_str())).collect();
        assert_eq!(got, [("3018万", "元"), ("七八亿", "元"), ("六七万", "人")], "{m:#?}");
    }

    #[test]
    fn a_quoted_plan_period_leaves_the_indicator_whole() {
        let m = run("“十三五”期间全区新增就业2万人。", None, Some("嘉兴市南湖区"));
        assert_eq!(m.len(), 1, "{m:#?}");
        assert_eq!(m[0].indicator, "新增就业");
        assert_eq!(m[0].period.as_ref().map(|p| p.text.as_str()), Some("十三五期间"));
    }

    #[test]
    fn fenbie_distributes_changes() {
        let m = run("2021年,南湖区城乡人均可支配收入分别达到63792元和42830元,分别增长9.2%和10.2%。", None, Some("嘉兴市南湖区"));
        assert_eq!(m.len(), 2, "{m:#?}");
        assert_eq!(m[0].change.as_ref().unwrap().value, 9.2);
        assert_eq!(m[1].change.as_ref().unwrap().value, 10.2);
    }

    #[test]
    fn a_rate_alone_is_a_metric_with_the_direction() {
        let m = run("居民消费价格总水平比上年下降0.7%。", None, None);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].indicator, "居民消费价格总水平下降");
        assert!(m[0].change.is_none());
    }

    #[test]
    fn a_signed_rate_alone_says_the_direction_its_sign_gives() {
        let m = run("全市工业增加值增长-2.3%。", None, None);
        assert_eq!((m[0].indicator.as_str(), m[0].value), ("工业增加值下降", 2.3));
    }

    #[test]
    fn a_leading_rate_belongs_to_the_amount_after_it() {
        let m = run("全市一般公共预算收入增长6.78%,达到7769亿元。", None, None);
        assert_eq!(m.len(), 1, "{m:#?}");
        assert_eq!(m[0].value, 776900000000.0);
        assert_eq!(m[0].change.as_ref().unwrap().value, 6.78);
    }

    #[test]
    fn runs_and_nouns_after_the_figure() {
        let m = run("全区建档立卡贫困人口15184户45476人全部脱贫,20个贫困村全部出列。", None, Some("咸安区"));
        let got: Vec<(&str, f64)> = m.iter().map(|m| (m.indicator.as_str(), m.value)).collect();
        assert_eq!(got, vec![("建档立卡贫困人口", 15184.0), ("建档立卡贫困人口", 45476.0), ("贫困村出列", 20.0)]);
    }

    #[test]
    fn bare_amounts_take_the_unit_their_words_imply() {
        let m = run("实际罚没收入2453万,全县总人口为17.3万,编号12345。", None, None);
        let got: Vec<(f64, &str)> = m.iter().map(|m| (m.value, m.unit.as_str())).collect();
        assert_eq!(got, vec![(24530000.0, "元"), (173000.0, "人")]);
    }

    #[test]
    fn sub_units_that_open_a_clause() {
        assert_eq!(sub_region("温泉街道投入").as_deref(), Some("温泉街道"));
        assert_eq!(sub_region(",蒋官屯镇新建").as_deref(), Some("蒋官屯镇"));
        assert_eq!(sub_region("全镇新建"), None);
        assert_eq!(sub_region("城乡居民"), None);
        assert_eq!(sub_region("改造老旧小区"), None);
    }

    #[test]
    fn people_of_a_place_are_its_population() {
        let m = run("镇安县30万人,有10万人在外打工。", None, None);
        assert_eq!(m[0].indicator, "人口");
        assert_eq!(m[1].indicator, "在外打工");
    }

    #[test]
    fn age_limits_are_not_figures() {
        assert!(run("对入托的3岁以下婴幼儿,给予补贴。在子女3周岁以前给予育儿假。", None, None).is_empty());
        let m = run("全市人均预期寿命达到78.6岁。", None, None);
        assert_eq!(m.len(), 1, "{m:#?}");
    }

    #[test]
    fn verbs_and_nouns_without_jieba() {
        assert_eq!(trailing_verbs("在全市范围内陆续安装建设"), "安装建设");
        assert_eq!(trailing_verbs("老旧小区"), "");
        assert!(starts_with_verb("确定") && starts_with_verb("确定,") && !starts_with_verb("老旧小区"));
        assert_eq!(head_noun("改造和提升便民市场").as_deref(), Some("便民市场"));
        assert_eq!(head_noun("下一个条件是罚没收入占一般公共预算").as_deref(), Some("一般公共预算"));
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "标题\n改造老旧小区313个,温泉街道投入1000余万元。";
        let m = run(text, None, Some("咸安区"));
        for x in &m {
            let got: String = text.chars().skip(x.span[0]).take(x.span[1] - x.span[0]).collect();
            assert_eq!(got, x.raw);
        }
        assert_eq!(m[1].region.as_deref(), Some("温泉街道"));
    }

    #[test]
    fn a_period_carries_from_a_lede_or_a_sentence_with_figures_not_from_a_story() {
        let m = run("2020年开发区规划建设了新校区;启动工程,新建幼儿园10所。", Some("2021-01-05"), None);
        assert_eq!(m[0].period.as_ref().map(|p| p.text.as_str()), Some("2020年"), "{m:#?}");
        let m = run("其实1958年,这个县就被撤销过。后来又撤掉了7个县级编制。", Some("2021-05-18"), None);
        assert_eq!(m[0].period, None, "{m:#?}");
    }

    #[test]
    fn a_sentence_after_an_event_leaves_the_carried_period() {
        let m = run("到2030年,全面建成新区。建成后,新区可容纳5万人。", Some("2024-02-29"), None);
        assert_eq!(m[0].period, None, "{m:#?}");
        let m = run("到2030年,全面建成新区。届时,新区可容纳5万人。", Some("2024-02-29"), None);
        assert_eq!(m[0].period.as_ref().map(|p| p.text.as_str()), Some("到2030年"), "{m:#?}");
    }

    #[test]
    fn the_value_a_change_starts_from_is_not_of_its_sentences_time() {
        let m = run("2024年1月1日起,全市最低工资标准从2000元/月提高到2200元/月。", Some("2024-01-05"), None);
        assert_eq!(m.len(), 2, "{m:#?}");
        assert_eq!(m[0].period, None, "{m:#?}");
        assert_eq!(m[1].period.as_ref().and_then(|p| p.start.as_deref()), Some("2024-01-01"), "{m:#?}");
    }

    #[test]
    fn a_headline_figure_takes_the_period_its_story_gives() {
        let text = "(3)全省已建成120个智慧农场;\n全省已建成120个智慧农场\n截至目前,全省已建成120个智慧农场。另有5个在建。";
        let m = run(text, Some("2024-02-29"), Some("河北省"));
        let periods: Vec<Option<&str>> = m.iter().map(|m| m.period.as_ref().and_then(|p| p.end.as_deref())).collect();
        assert_eq!(periods, [Some("2024-02-29"), Some("2024-02-29"), Some("2024-02-29"), Some("2024-02-29")], "{m:#?}");
        // not a figure of the same value that counts something else
        let m = run("全省建成5个农场\n2023年,全省新增5个口岸。", Some("2024-02-29"), Some("河北省"));
        assert_eq!(m[0].period, None, "{m:#?}");
    }

    #[test]
    fn a_national_rule_is_national_and_an_international_norm_nobodys() {
        let m = run("当时国家规定,若周期内煤价变化幅度超过5%,便将相应调整电价。", None, Some("湖南省"));
        assert_eq!(m[0].region.as_deref(), Some("中国"), "{m:#?}");
        let m = run("按照国际通行的标准,最低工资是社会平均工资的40%—60%。", None, Some("广州市"));
        assert_eq!(m[0].region, None, "{m:#?}");
    }

    #[test]
    fn a_title_or_a_period_after_a_figure() {
        let m = run("出版了《乡村振兴读本》和3本《乡村振兴案例集》。", None, None);
        assert_eq!(m[0].indicator, "《乡村振兴案例集》", "{m:#?}");
        let m = run("发布了《山海》《家园》等20档2025年重点节目。", Some("2025-03-01"), None);
        assert_eq!(m[0].indicator, "重点节目", "{m:#?}");
    }

    #[test]
    fn a_share_that_is_a_subject_is_the_share_of_its_whole() {
        let m = run("新建校舍的80%将在9月开学前投入使用。", None, None);
        assert_eq!(m[0].indicator, "新建校舍比例", "{m:#?}");
    }

    #[test]
    fn the_value_after_a_multiple_is_the_compared_things() {
        let m = run("全市光伏装机容量是去年光伏装机容量的3倍,达到120万千瓦。", None, None);
        assert_eq!(m.len(), 2, "{m:#?}");
        assert_eq!(m[1].indicator, "光伏装机容量", "{m:#?}");
    }

    #[test]
    fn a_figure_a_preposition_opens_counts_the_noun_after_it() {
        let m = run("据市统计局对300家民营企业的抽样调查,职工月工资中位数为4200元。", None, None);
        assert_eq!(m[0].indicator, "民营企业", "{m:#?}");
        let m = run("今年共向12所乡村学校捐赠图书。", None, None);
        assert_eq!(m[0].indicator, "乡村学校", "{m:#?}");
    }

    #[test]
    fn a_dated_lede_opens_an_item_about_its_place() {
        let text = "佛坪县财政收入3000多万元。\n4月27日,上海的普惠医保正式上线。\n参保人数超过500万。\n其中老人约200万人。";
        let m = run(text, Some("2021-05-18"), Some("佛坪县"));
        let regions: Vec<&str> = m.iter().map(|m| m.region.as_deref().unwrap_or("")).collect();
        assert_eq!(regions, ["佛坪县", "上海市", "上海市"], "{m:#?}");
        // a lede with figures is a paragraph like any other
        let m = run("4月27日,上海的普惠医保上线,首日参保10万人。\n参保人数超过500万。", Some("2021-05-18"), Some("佛坪县"));
        assert_eq!(m[1].region.as_deref(), Some("佛坪县"), "{m:#?}");
        // the place must be its subject, right after the date
        let m = run("3月25日,记者遇到几位来自安徽的茶商。\n茶商收购茶叶2.5万公斤。", Some("2021-05-18"), Some("湄潭县"));
        assert_eq!(m[0].region.as_deref(), Some("湄潭县"), "{m:#?}");
    }

    #[test]
    fn a_figure_describing_a_place_named_after_it_is_its() {
        let m = run("除了本县,还有秦岭深处3万人的宁陕县也在名单上。", None, Some("佛坪县"));
        assert_eq!(m[0].region.as_deref(), Some("宁陕县"), "{m:#?}");
        assert_eq!(m[0].indicator, "人口", "{m:#?}");
        // a short name inside a product's name is no place
        let m = run("每只售价120元的北京烤鸭。", None, Some("佛坪县"));
        assert_eq!(m[0].region.as_deref(), Some("佛坪县"), "{m:#?}");
    }

    #[test]
    fn a_period_right_after_a_figure_qualifies_it() {
        let m = run("电视台今天(3月5日)发布了12档2025年重点节目。", Some("2025-03-05"), None);
        assert_eq!(m[0].period.as_ref().map(|p| p.text.as_str()), Some("2025年"), "{m:#?}");
        // not one after a break
        let m = run("今年3月5日共发布12档,2025年还将发布更多。", Some("2025-03-05"), None);
        assert_eq!(m[0].period.as_ref().map(|p| p.text.as_str()), Some("今年3月5日"), "{m:#?}");
    }

    #[test]
    fn a_period_named_in_one_item_of_a_list_stays_in_it() {
        let m = run("2023年,全区推进三项工作:一是扩大投资,新建厂房5座;二是近5年来累计引进企业30家;三是减税,减免税费8亿元。", Some("2024-03-01"), None);
        let texts: Vec<Option<&str>> = m.iter().map(|m| m.period.as_ref().map(|p| p.text.as_str())).collect();
        assert_eq!(texts, [Some("2023年"), Some("近5年来"), Some("2023年")], "{m:#?}");
    }

    #[test]
    fn a_place_named_earlier_in_the_sentence_or_by_a_lede_holds() {
        let m = run("所以,在上海市政府宣传之下,现在已经500多万人投保。", Some("2021-05-18"), Some("佛坪县"));
        assert_eq!(m[0].region.as_deref(), Some("上海市"), "{m:#?}");
        let m = run("走进新华区的老旧小区。5栋居民楼干净整洁。", None, Some("石家庄市"));
        assert_eq!(m[0].region.as_deref(), Some("新华区"), "{m:#?}");
    }

    #[test]
    fn a_condition_clause_names_whose_figure_it_is() {
        let m = run("多子女家庭上浮10%,即双方建立住房公积金的,贷款最高额度为110万元;单方建立住房公积金的,贷款最高额度为66万元。", None, Some("呼和浩特市"));
        let ind: Vec<&str> = m.iter().map(|m| m.indicator.as_str()).collect();
        assert_eq!(ind[1..], ["双方建立住房公积金的贷款最高额度", "单方建立住房公积金的贷款最高额度"], "{m:#?}");
        // a clause with a figure of its own is no condition
        let m = run("新增就业3万人的,贷款额度为10万元。", None, None);
        assert_eq!(m[1].indicator, "贷款额度", "{m:#?}");
        // whom a rule is for: `对…,` (an age bound is no figure of its own)
        let m = run("对普惠托育示范机构,给予一次性补贴5万元。对入托的3岁以下婴幼儿,给予家庭每人每年600元的托育机构照护补贴。", None, Some("呼和浩特市"));
        let ind: Vec<&str> = m.iter().map(|m| m.indicator.as_str()).collect();
        assert_eq!(ind[0], "普惠托育示范机构一次性补贴", "{m:#?}");
        assert!(ind[1].starts_with("入托的3岁以下婴幼儿"), "{m:#?}");
    }

    #[test]
    fn a_class_of_the_paragraphs_topic() {
        let m = run("最低工资标准调整为800元/月,其中一类为800元/月,二类为700元/月。", None, None);
        let ind: Vec<&str> = m.iter().map(|m| m.indicator.as_str()).collect();
        assert_eq!(ind, ["最低工资标准调整", "一类最低工资标准调整", "二类最低工资标准调整"], "{m:#?}");
        let m = run("其中一类为800元/月,二类为700元/月。", None, None);
        let ind: Vec<&str> = m.iter().map(|m| m.indicator.as_str()).collect();
        assert_eq!(ind, ["一类", "二类"], "{m:#?}");
        // the classes of what the clause before names
        let m = run("目前广东省已确定了今年调整最低工资标准的分类目标,其中一类为800元/月,二类为700元/月。", Some("2006-05-09"), None);
        let ind: Vec<&str> = m.iter().map(|m| m.indicator.as_str()).collect();
        assert_eq!(ind, ["一类调整最低工资标准的分类目标", "二类调整最低工资标准的分类目标"], "{m:#?}");
        assert!(!is_class_label("类") && !is_class_label("门类") && is_class_label("3级"));
    }

    #[test]
    fn repeated_rates_of_one_thing_do_not_grow_its_name() {
        // each bare rate used to append its verb to the last one's indicator: quadratic
        let text = "1-7月,增长5%,".repeat(400);
        let m = run(&text, Some("2024-08-01"), None);
        assert_eq!(m.len(), 400);
        assert!(m.iter().all(|m| m.indicator.chars().count() <= 4), "{:?}", m.last().map(|m| &m.indicator));
    }
}
