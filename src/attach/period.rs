//! Periods: the time a figure is for, as written, resolved to ISO bounds against the
//! document's date where that can be done (`今年上半年` in a 2022-08-11 article →
//! 2022-01-01 … 2022-06-30).

use crate::report::Period;
use std::sync::LazyLock;

/// The period grammar, matched by hand instead of a regex (issue 12: compiling the regex
/// was the costliest part of the first report's start-up). It is the old pattern, kept as
/// the oracle in the tests, read the way its leftmost-first semantics read it: at each
/// position the alternatives in order, optional parts tried present first, the first
/// complete reading wins; the search goes on after the match.
///
/// ```text
///   (截至|截止到|截止|截至到)? (到|至)? (自|从)? CORE TAIL? (以来)? (起)?
/// | (截至|截止) \d{1,2}月 (\d{1,2}日)? (底|末)?
/// | \d{1,2}月 \d{1,2}日 (起)?
/// | \d{1,2}月 (底|末) (之?前)?
/// ```
mod grammar {
    /// One match: its byte span in the text and its named parts.
    #[derive(Debug, Default, PartialEq)]
    pub struct Caps<'a> {
        pub text: &'a str,
        pub start: usize,
        pub end: usize,
        groups: Vec<(&'static str, usize, usize)>,
    }

    impl<'a> Caps<'a> {
        /// The text of the named part, when it took part in the match.
        pub fn name(&self, n: &str) -> Option<&'a str> {
            self.groups.iter().find(|g| g.0 == n).map(|&(_, s, e)| &self.text[s..e])
        }
        fn add(&mut self, n: &'static str, s: usize, e: usize) {
            self.groups.push((n, s, e));
        }
    }

    /// `\d` as the crate's patterns read it (`pattern::regex`): ASCII and full-width digits.
    fn is_digit(c: char) -> bool {
        c.is_ascii_digit() || ('０'..='９').contains(&c)
    }

    fn at(t: &str, p: usize) -> Option<char> {
        t[p..].chars().next()
    }

    /// The end of the first of `words` at `p`, in order.
    fn word(t: &str, p: usize, words: &[&str]) -> Option<usize> {
        words.iter().find(|w| t[p..].starts_with(*w)).map(|w| p + w.len())
    }

    /// The ends `\d{1,2}` can take at `p`, longest first.
    fn digits12(t: &str, p: usize) -> impl Iterator<Item = usize> {
        let mut cs = t[p..].chars().take_while(|&c| is_digit(c)).map(char::len_utf8);
        let one = cs.next().map(|a| p + a);
        let two = one.zip(cs.next()).map(|(a, b)| a + b);
        two.into_iter().chain(one)
    }

    /// The end of `[class]+` at `p` (greedy; what follows is never in the class).
    fn run(t: &str, p: usize, class: impl Fn(char) -> bool) -> Option<usize> {
        let n: usize = t[p..].chars().take_while(|&c| class(c)).map(char::len_utf8).sum();
        (n > 0).then_some(p + n)
    }

    /// The options of `(a|b|…)?` at `p`: each word that matches, in order, then none.
    fn optional<'a>(t: &'a str, p: usize, words: &'a [&'a str]) -> impl Iterator<Item = Option<usize>> + 'a {
        words.iter().filter(move |w| t[p..].starts_with(*w)).map(move |w| Some(p + w.len())).chain([None])
    }

    fn numeral(c: char) -> bool {
        "一二三四五六七八九十两".contains(c) || is_digit(c)
    }

    /// The matches in `text`, in order, as `Regex::captures_iter` gave them.
    pub fn captures_iter(text: &str) -> impl Iterator<Item = Caps<'_>> {
        let mut p = 0;
        std::iter::from_fn(move || {
            while p < text.len() {
                if let Some(c) = at(text, p).filter(|&c| may_start(c)).and_then(|_| match_at(text, p)) {
                    p = c.end; // never empty
                    return Some(c);
                }
                p += at(text, p).map_or(1, char::len_utf8);
            }
            None
        })
    }

    /// Whether a match can start with `c` (most characters of a text cannot: skipped).
    fn may_start(c: char) -> bool {
        is_digit(c)
            || matches!(
                c,
                '截' | '到' | '至' | '自' | '从' | '今' | '去' | '上' | '前' | '明' | '本' | '当' | '“' | '"' | '十' | '近' | '过' | '这' | '目' | '现'
                    | '如' | '眼' | '每' | '年' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '两'
            )
    }

    fn match_at(t: &str, p: usize) -> Option<Caps<'_>> {
        let mut c = Caps { text: t, start: p, ..Default::default() };
        // 1. prefixes, a core, a tail
        for cutoff in optional(t, p, &["截至", "截止到", "截止", "截至到"]) {
            let q = cutoff.unwrap_or(p);
            for to in optional(t, q, &["到", "至"]) {
                let r = to.unwrap_or(q);
                for since in optional(t, r, &["自", "从"]) {
                    let s = since.unwrap_or(r);
                    if let Some(e) = core(t, s, &mut c) {
                        if let Some(x) = cutoff {
                            c.add("cutoff", p, x);
                        }
                        if let Some(x) = to {
                            c.add("to", q, x);
                        }
                        if let Some(x) = since {
                            c.add("since", r, x);
                        }
                        let mut e = tail(t, e, &mut c).unwrap_or(e);
                        if let Some(x) = word(t, e, &["以来"]) {
                            c.add("since_tail", e, x);
                            e = x;
                        }
                        if let Some(x) = word(t, e, &["起"]) {
                            c.add("from", e, x);
                            e = x;
                        }
                        return Some(done(c, p, e));
                    }
                }
            }
        }
        // 2. 截至6月(20日)(底)
        if let Some(q) = word(t, p, &["截至", "截止"]) {
            for d in digits12(t, q) {
                if let Some(e) = word(t, d, &["月"]) {
                    c.add("bare_cutoff", p, q);
                    c.add("bm", q, d);
                    let e = day_and_end(t, e, &mut c, "bd", "bmend");
                    return Some(done(c, p, e));
                }
            }
        }
        // 3. 5月1日(起)
        for m in digits12(t, p) {
            let Some(q) = word(t, m, &["月"]) else { continue };
            for d in digits12(t, q) {
                let Some(mut e) = word(t, d, &["日"]) else { continue };
                c.add("bare_md", p, m);
                c.add("bare_d", q, d);
                if let Some(x) = word(t, e, &["起"]) {
                    c.add("bare_from", e, x);
                    e = x;
                }
                return Some(done(c, p, e));
            }
        }
        // 4. 11月底(之前)
        for m in digits12(t, p) {
            let Some(q) = word(t, m, &["月"]) else { continue };
            let Some(mut e) = word(t, q, &["底", "末"]) else { continue };
            c.add("bare_mend", p, m);
            if let Some(x) = word(t, e, &["之前", "前"]) {
                e = x;
            }
            return Some(done(c, p, e));
        }
        None
    }

    /// After a month at `e`: `(D日)?(底|末)?`, their parts named `day` and `end`; where the
    /// match ends.
    fn day_and_end(t: &str, mut e: usize, c: &mut Caps, day: &'static str, end: &'static str) -> usize {
        if let Some((d, x)) = digits12(t, e).into_iter().find_map(|d| word(t, d, &["日"]).map(|x| (d, x))) {
            c.add(day, e, d);
            e = x;
        }
        if let Some(x) = word(t, e, &["底", "末"]) {
            c.add(end, e, x);
            e = x;
        }
        e
    }

    fn done(mut c: Caps<'_>, p: usize, e: usize) -> Caps<'_> {
        c.add("text", p, e);
        c.end = e;
        c
    }

    /// A year, a year named relative to now, a plan, recent years, now, every year.
    fn core(t: &str, p: usize, c: &mut Caps) -> Option<usize> {
        // (19|20)\d{2}年(度)?
        if let Some(q) = word(t, p, &["19", "20"]) {
            let two: Vec<char> = t[q..].chars().take(2).collect();
            if two.len() == 2 && two.iter().all(|&d| is_digit(d)) {
                let r = q + two.iter().map(|d| d.len_utf8()).sum::<usize>();
                if let Some(e) = word(t, r, &["年"]) {
                    c.add("year", p, r);
                    return Some(word(t, e, &["度"]).unwrap_or(e));
                }
            }
        }
        if let Some(e) = word(t, p, &["今年", "去年", "上年", "前年", "明年", "本年", "当年", "上一年"]) {
            c.add("rel", p, e);
            return Some(e);
        }
        // [“"]?十[一…九]?五[”"]?(期间|时期|以来)?
        for open in optional(t, p, &["“", "\""]) {
            let q = open.unwrap_or(p);
            let Some(r) = word(t, q, &["十"]) else { continue };
            let mids = optional(t, r, &["一", "二", "三", "四", "五", "六", "七", "八", "九"]);
            let Some(no_end) = mids.into_iter().find_map(|m| word(t, m.unwrap_or(r), &["五"])) else { continue };
            let mut e = word(t, no_end, &["”", "\""]).unwrap_or(no_end);
            e = word(t, e, &["期间", "时期", "以来"]).unwrap_or(e);
            c.add("plan", p, e);
            c.add("plan_no", q, no_end);
            return Some(e);
        }
        // (近|过去|这|前)N年(来|里|中|间|以来)? | N年(来|里|以来|间)
        if let Some(q) = word(t, p, &["近", "过去", "这", "前"]) {
            if let Some(n) = run(t, q, numeral) {
                if let Some(e) = word(t, n, &["年"]) {
                    let e = word(t, e, &["来", "里", "中", "间", "以来"]).unwrap_or(e);
                    c.add("recent", p, e);
                    c.add("n", q, n);
                    return Some(e);
                }
            }
        }
        if let Some(n) = run(t, p, numeral) {
            // (here the word after 年 is not optional)
            if let Some(e) = word(t, n, &["年"]).and_then(|e| word(t, e, &["来", "里", "以来", "间"])) {
                c.add("recent", p, e);
                c.add("n2", p, n);
                return Some(e);
            }
        }
        if let Some(e) = word(t, p, &["目前", "当前", "现在", "至今", "年底前", "如今", "今天", "眼下", "当下"]) {
            c.add("now", p, e);
            return Some(e);
        }
        if let Some(e) = word(t, p, &["每年", "每月", "年均"]) {
            c.add("every", p, e);
            return Some(e);
        }
        None
    }

    /// A part of the year: half, quarter, first months, a range of months, a month (and
    /// day), its end.
    fn tail(t: &str, p: usize, c: &mut Caps) -> Option<usize> {
        if let Some(e) = word(t, p, &["上半年", "下半年"]) {
            c.add("half", p, e);
            return Some(e);
        }
        // (第?[一二三四1-4]季度)|前三季度
        for di in optional(t, p, &["第"]) {
            let q = di.unwrap_or(p);
            let Some(r) = word(t, q, &["一", "二", "三", "四", "1", "2", "3", "4"]) else { continue };
            let Some(e) = word(t, r, &["季度"]) else { continue };
            c.add("quarter", p, e);
            c.add("q", q, r);
            return Some(e);
        }
        if let Some(e) = word(t, p, &["前三季度"]) {
            c.add("quarter", p, e);
            return Some(e);
        }
        // 前N个?月
        if let Some(q) = word(t, p, &["前"]) {
            if let Some(n) = run(t, q, |ch| "一二三四五六七八九十".contains(ch) || is_digit(ch)) {
                let r = word(t, n, &["个"]).unwrap_or(n);
                if let Some(e) = word(t, r, &["月"]) {
                    c.add("months", q, n);
                    return Some(e);
                }
            }
        }
        // M(-|—|至|~)M月(份)?
        for a in digits12(t, p) {
            let Some(q) = word(t, a, &["-", "—", "至", "~"]) else { continue };
            for b in digits12(t, q) {
                let Some(e) = word(t, b, &["月"]) else { continue };
                c.add("m1", p, a);
                c.add("m2", q, b);
                return Some(word(t, e, &["份"]).unwrap_or(e));
            }
        }
        // M月(份)?(D日)?(底|末)?
        for m in digits12(t, p) {
            let Some(mut e) = word(t, m, &["月"]) else { continue };
            c.add("month", p, m);
            e = word(t, e, &["份"]).unwrap_or(e);
            return Some(day_and_end(t, e, c, "day", "monthend"));
        }
        if let Some(e) = word(t, p, &["年底", "年末", "底", "末"]) {
            c.add("yearend", p, e);
            return Some(e);
        }
        None
    }
}

/// Whether a period can carry over to the sentences after it: a year, a part of one, or
/// "now" — not a single day or month of an anecdote (`11月22日`, `截至6月20日`).
pub fn carries_over(p: &Period) -> bool {
    let t = &p.text;
    // a quarter or a run of months is a statistical period too (`1-7月,全市…。其中…`)
    // and so is a month written as a month of statistics (`1月份,民航…。完成…`)
    let months = t.contains('月') && (t.contains(['-', '—', '至', '~', '－', '份']) || t.starts_with('前'));
    t.contains('年') || t.contains("目前") || t.contains("五") || t.contains("季度") || months
}

/// A period named in a paragraph.
#[derive(Debug, Clone)]
pub struct Found {
    /// Char offset where its words end.
    pub end: usize,
    /// Its words as written, quotation marks and all (what an indicator is trimmed of).
    pub written: String,
    pub period: Period,
}

/// The periods named in `text`, in text order.
pub fn find(text: &str, doc_date: Option<&str>) -> Vec<Found> {
    let doc = doc_date.and_then(parse_date);
    let mut out = Vec::new();
    let mut idx = crate::quantity::CharIndex::new(text);
    for caps in grammar::captures_iter(text) {
        let m = &caps;
        // a year inside a name or a range of years: (2022-2025年), 2021年12月5日 is a date
        let before = &text[..m.start];
        if before.ends_with(|c: char| c.is_ascii_digit() || c == '-' || c == '—') {
            continue;
        }
        // 比去年增加, 较上年: the basis of a change, not the time of the figure
        if caps.name("rel").is_some() && before.ends_with(['比', '较', '同', '与', '和']) {
            continue;
        }
        // 是去年新增发电能力的10多倍: the base of a multiple too
        if caps.name("rel").is_some() && before.ends_with('是') && is_base_of_multiple(&text[m.end..]) {
            continue;
        }
        let Some(mut p) = resolve(&caps, doc) else { continue };
        // `今年的政府工作报告`: a work report is delivered early in its year and reports on
        // the year before; the figures it gives without a period of their own are that year's
        let reviewed = review_year(&caps, &text[m.end..], &p);
        if let Some(y) = reviewed {
            p = (Some(iso((y, 1, 1))), Some(iso((y, 12, 31))));
        }
        // `这是今天中国的工业互联网`: today's nation is "nowadays", as of the document's date,
        // not the one day
        if caps.name("now") == Some("今天") && ["中国", "的中国", "我国", "的我国"].iter().any(|w| text[m.end..].starts_with(w)) {
            p.0 = None;
        }
        // `今年8月迎峰度夏前完成`: a deadline, by the end of the period
        let by = deadline(&text[m.end..]).filter(|_| p.1.is_some() && reviewed.is_none());
        if by.is_some() {
            p.0 = None;
        }
        let m_end = m.end + by.unwrap_or(0);
        let raw = &text[m.start..m_end];
        let end = idx.char_at(m_end);
        // quotation marks go, both of them: `“十四五”期间` → `十四五期间`, never `十四五”期间`
        // `决定自5月1日起…`: the 自 before a day the pattern does not take goes with it
        let written = if caps.name("since").is_none() && before.ends_with(['自', '从']) { &text[m.start - '自'.len_utf8()..m_end] } else { raw };
        // (a work report's year reads with its report: `今年的政府工作报告`, not `今年`)
        let said = match reviewed {
            Some(_) => report_words(&text[m.start..]),
            None => raw,
        };
        let text: String = said.chars().filter(|c| !matches!(c, '“' | '”' | '"')).collect();
        out.push(Found { end, written: written.to_string(), period: Period { text, start: p.0, end: p.1 } });
    }
    let doc_iso = doc.filter(|d| d.1 > 0 && d.2 > 0).map(iso);
    let before = out.len();
    event_periods(text, doc_iso.as_deref(), &mut out);
    since_periods(text, doc_iso.as_deref(), &mut out);
    year_parts(text, doc, before, &mut out);
    as_of_filing(text, doc_iso.as_deref(), &mut out);
    consecutive_years(text, doc, &mut out);
    recent_months(text, doc, &mut out);
    last_week_or_month(text, doc, &mut out);
    from_day(text, doc, &mut out);
    if out.len() > before {
        out.sort_by_key(|f| f.end);
    }
    out
}

/// Reports that review the year before the one they are delivered in: the work reports of
/// governments, people's congresses, courts and procuratorates (delivered at the sessions
/// early in a year, on the last year's work).
const WORK_REPORTS: &[&str] = &["政府工作报告", "工作报告"];

/// `今年的政府工作报告…` → `今年的政府工作报告`: a period's words through the work report
/// they date (`review_year` found one right after them).
fn report_words(from: &str) -> &str {
    let end = WORK_REPORTS.iter().filter_map(|w| from.find(w).map(|i| i + w.len())).min().unwrap_or(from.len());
    &from[..end]
}

/// The year a work report reviews, when `after` the period names one the period dates
/// (`今年的政府工作报告`, `2021年政府工作报告`): the whole year before.
fn review_year(caps: &grammar::Caps, after: &str, bounds: &(Option<String>, Option<String>)) -> Option<i32> {
    let (start, end) = (bounds.0.as_deref()?, bounds.1.as_deref()?);
    let whole_year = (caps.name("year").is_some() || caps.name("rel").is_some())
        && start.ends_with("-01-01")
        && end.ends_with("-12-31")
        && start.get(..4) == end.get(..4);
    let after = after.trim_start_matches(['的', '”', '"', '《', '》']);
    if !whole_year || !WORK_REPORTS.iter().any(|w| after.starts_with(w)) {
        return None;
    }
    let y: i32 = start.get(..4)?.parse().ok()?;
    Some(y - 1)
}

/// Events that open a period (`lexicons/events.txt`), longest name first.
static EVENTS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| crate::lexicon::mapping(include_str!("../../lexicons/events.txt")));

/// `党的十八大以来`, `改革开放以来`: from the event's day to the document's.
fn event_periods(text: &str, doc_iso: Option<&str>, out: &mut Vec<Found>) {
    if !text.contains("以来") {
        return;
    }
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for (name, day) in EVENTS.iter() {
        let written = format!("{name}以来");
        for (b, _) in text.match_indices(&written) {
            let e = b + written.len();
            if taken.iter().any(|&(s, t)| b < t && s < e) {
                continue;
            }
            taken.push((b, e));
            let end = text[..e].chars().count();
            out.push(Found {
                end,
                written: written.clone(),
                period: Period { text: written.clone(), start: Some(day.to_string()), end: doc_iso.map(str::to_string) },
            });
        }
    }
}

/// What may stand before `以来` without making it a period of its own: vague spans
/// (`长期以来`, `多年以来`) and counted years, which the pattern reads (`3年以来`).
const VAGUE_SINCE: &[&str] = &["长期", "多年", "近年", "年", "来", "历"];

/// `专项行动开展以来`, `去年10月7日新一轮冲突爆发以来`: from the event (its day where the
/// clause writes one, else unknown) to the document's date. Events of the lexicon and
/// the pattern's own `…以来` are read already.
fn since_periods(text: &str, doc_iso: Option<&str>, out: &mut Vec<Found>) {
    const SINCE: &str = "以来";
    let mut found = Vec::new();
    let read: rustc_hash::FxHashSet<usize> = out.iter().map(|f| f.end).collect();
    // the days read (a period that starts and ends on one day), by where they end
    let mut days: Vec<(usize, &str)> =
        out.iter().filter_map(|f| f.period.start.as_deref().filter(|s| f.period.end.as_deref() == Some(*s)).map(|s| (f.end, s))).collect();
    days.sort_unstable();
    let mut chars_before = 0; // chars of text[..last], counted as the scan goes
    let mut last = 0;
    for (b, _) in text.match_indices(SINCE) {
        chars_before += text[last..b].chars().count();
        last = b;
        let end = chars_before + SINCE.chars().count();
        let head = &text[..b];
        if read.contains(&end) || VAGUE_SINCE.iter().any(|v| head.ends_with(v)) {
            continue;
        }
        // the clause the event is named in
        let cs = head.rfind(|c: char| "，,。；;：:！？!?、\n".contains(c)).map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
        let clause = head[cs..].trim_start();
        if clause.chars().count() < 2 {
            continue;
        }
        let clause_start = end - SINCE.chars().count() - clause.chars().count();
        // a day the clause writes is when the event began
        let i = days.partition_point(|d| d.0 <= end - SINCE.chars().count());
        let start = i.checked_sub(1).map(|i| &days[i]).filter(|d| d.0 > clause_start).map(|d| d.1.to_string());
        let written = format!("{clause}{SINCE}");
        found.push(Found { end, written: written.clone(), period: Period { text: written, start, end: doc_iso.map(str::to_string) } });
    }
    out.extend(found);
}

/// A part of a year written without its year (`上半年`, `一季度`, `1-7月`, `1月份`, `前三季度`,
/// `前5个月`): of the document's year. A month that has not ended by the document's date is
/// last year's (`12月份` in a January report). Not after a comparison word (`比一季度`).
fn year_parts(text: &str, doc: Option<Ymd>, grammar_read: usize, out: &mut Vec<Found>) {
    // the char spans read already, by start, for a binary search per candidate
    let mut spans: Vec<(usize, usize)> = out.iter().map(|f| (f.end - f.written.chars().count(), f.end)).collect();
    spans.sort_unstable();
    let mut found: Vec<Found> = Vec::new();
    let mut chars = 0; // chars before byte `i`
    let mut last = 0;
    for (i, c) in text.char_indices() {
        chars += text[last..i].chars().count();
        last = i;
        if !(c.is_ascii_digit() || "上下第一二三四前".contains(c)) {
            continue;
        }
        let Some((len, part)) = year_part(&text[i..]) else { continue };
        let start = chars;
        let end = start + text[i..i + len].chars().count();
        // the span starting last before this one's end is the only one that can overlap
        // it (the periods read are disjoint); the parts found here come in text order
        let k = spans.partition_point(|sp| sp.0 < end);
        let covered = k > 0 && spans[k - 1].1 > start || found.last().is_some_and(|f| f.end > start);
        let prev = text[..i].chars().next_back();
        if covered || prev.is_some_and(|p| p.is_ascii_digit() || "比较同与和第".contains(p)) {
            continue;
        }
        if let Some(y) = spaced_year(text, i, start, &out[..grammar_read]) {
            continue_spaced(text, i, len, part, y, out);
            continue;
        }
        let written = text[i..i + len].to_string();
        let (s, e) = doc.map_or((None, None), |(y, m, _)| {
            let (a, b) = part.months();
            // a month (range) that ends after the document was written is last year's
            let y = if part.is_months() && m > 0 && b > m { y - 1 } else { y };
            (Some(iso((y, a, 1))), Some(iso((y, b, days_in_month(y, b)))))
        });
        found.push(Found { end, written: written.clone(), period: Period { text: written, start: s, end: e } });
    }
    out.extend(found);
}

/// The year whose words end right before a part of a year at byte `i` (char `start`),
/// spaced apart from it (`2005年　二季度起`: a layout space, or a full-width space a legacy
/// encoding wrote in the middle of the words): the index of that year in `read`, the
/// periods the grammar read (in text order: a binary search).
fn spaced_year(text: &str, i: usize, start: usize, read: &[Found]) -> Option<usize> {
    let head = text[..i].trim_end_matches([' ', '\u{3000}']);
    let spaces = text[head.len()..i].chars().count();
    if !(1..=2).contains(&spaces) || !head.ends_with('年') {
        return None;
    }
    let k = read.partition_point(|f| f.end + spaces < start);
    let f = read.get(k).filter(|f| f.end + spaces == start)?;
    let whole_year = f.period.start.as_deref().is_some_and(|s| s.ends_with("-01-01")) && f.period.end.as_deref().is_some_and(|e| e.ends_with("-12-31"));
    whole_year.then_some(k)
}

/// Makes the year `out[y]` and the part of it at bytes `i..i + len` after it one period,
/// from the part's start on when `起` follows it.
fn continue_spaced(text: &str, i: usize, len: usize, part: Part, y: usize, out: &mut [Found]) {
    let year = &mut out[y];
    let Some(yy) = year.period.start.as_deref().and_then(|s| s.get(..4)).and_then(|s| s.parse::<i32>().ok()) else { return };
    let from = text[i + len..].starts_with('起');
    let end = i + len + if from { '起'.len_utf8() } else { 0 };
    let (a, b) = part.months();
    let rest = &text[text[..i].trim_end_matches([' ', '\u{3000}']).len()..end];
    let written = format!("{}{rest}", year.written);
    year.end += rest.chars().count();
    year.period = Period {
        text: written.chars().filter(|c| !matches!(c, '“' | '”' | '"')).collect(),
        start: Some(iso((yy, a, 1))),
        end: (!from).then(|| iso((yy, b, days_in_month(yy, b)))),
    };
    year.written = written;
}

/// What a deadline's 前 is followed by: the verbs of getting a thing done (`2003年非典之前,
/// 沁县有18万人口` is a state before an event, in its year).
const DONE_BY: &[&str] = &["完成", "建成", "投产", "投用", "竣工", "到位", "开工", "实现", "落实", "发放", "交付", "全部", "基本", "全面"];

/// The bytes after a period's words that make it a deadline: up to four Han chars naming an
/// event (`迎峰度夏`), then `前`/`之前`/`以前` and a verb of completion
/// (`今年8月迎峰度夏前完成`, `2025年以前全部建成`).
fn deadline(after: &str) -> Option<usize> {
    let event: usize = after.chars().take_while(|&c| crate::normalise::is_han(c) && !"前年月日底末起".contains(c)).take(4).map(char::len_utf8).sum();
    let rest = &after[event..];
    let word = ["之前", "以前", "前"].into_iter().find(|w| rest.starts_with(w))?;
    let tail = &rest[word.len()..];
    DONE_BY.iter().any(|d| tail.starts_with(d)).then_some(event + word.len())
}

/// How news writes "as of when this was filed": the figure stands as of the document's date.
const AS_OF_FILING: &[&str] = &["截至记者发稿时", "截至记者发稿", "截至发稿时", "截至发稿", "截止发稿时", "截止发稿", "到截稿前", "截稿前", "截至截稿", "发稿时"];

/// `截至发稿时`, `到截稿前`: up to the document's date.
fn as_of_filing(text: &str, doc_iso: Option<&str>, out: &mut Vec<Found>) {
    // (every way of writing it has 稿: most paragraphs are passed over by one search)
    if !text.contains('稿') {
        return;
    }
    // every mention of every wording, leftmost first and the longest at a place
    let mut spans: Vec<(usize, usize)> = AS_OF_FILING.iter().flat_map(|w| text.match_indices(w).map(|(k, w)| (k, k + w.len()))).collect();
    spans.sort_unstable_by_key(|&(a, b)| (a, std::cmp::Reverse(b)));
    let mut found = Adding::new(text, out);
    let mut taken = 0;
    for (a, b) in spans {
        if a >= taken {
            found.add(a, b, None, doc_iso.map(str::to_string));
            taken = b;
        }
    }
    found.into(out);
}

/// `连续7年稳定在…`: the N full years before the document's year (a record stated in May
/// 2024 runs 2017 … 2023). Not where a period was read already (`连续3年来`).
fn consecutive_years(text: &str, doc: Option<Ymd>, out: &mut Vec<Found>) {
    const LEAD: &str = "连续";
    let mut found = Adding::new(text, out);
    for (b, _) in text.match_indices(LEAD) {
        let rest = &text[b + LEAD.len()..];
        let n: String = rest.chars().take_while(|&c| c.is_ascii_digit() || "一二三四五六七八九十两".contains(c)).collect();
        let Some(after) = rest[n.len()..].strip_prefix('年') else { continue };
        let Some(k) = zh_int(&n).filter(|k| (2..=100).contains(k)) else { continue };
        if after.starts_with(['来', '间', '里']) {
            continue;
        }
        let (s, e) = doc.map_or((None, None), |(y, _, _)| (Some(iso((y - k as i32, 1, 1))), Some(iso((y - 1, 12, 31)))));
        found.add(b, b + LEAD.len() + n.len() + '年'.len_utf8(), s, e);
    }
    found.into(out);
}

/// Whether the words after a period close a multiple's base: `…的10多倍`, within the clause.
fn is_base_of_multiple(after: &str) -> bool {
    let clause = &after[..after.find(['，', ',', '。', '；', ';']).unwrap_or(after.len())];
    clause.find('的').is_some_and(|i| {
        let rest = &clause[i + '的'.len_utf8()..];
        let n = rest.chars().take_while(|&c| c.is_ascii_digit() || c == '.' || "一二三四五六七八九十两多几".contains(c)).map(char::len_utf8).sum::<usize>();
        n > 0 && rest[n..].starts_with('倍')
    })
}

/// The periods a finder adds, each at a byte span of `text` where no period read before it
/// lies. Finders go through the text in order: a running index gives char offsets, and the
/// spans read before are searched, not scanned, so a paragraph with thousands of periods
/// costs no more than linear time.
struct Adding<'a> {
    text: &'a str,
    idx: crate::quantity::CharIndex<'a>,
    /// The char spans read before, by start, with the greatest end up to each.
    read: Vec<(usize, usize)>,
    found: Vec<Found>,
}

impl<'a> Adding<'a> {
    fn new(text: &'a str, out: &[Found]) -> Self {
        let mut read: Vec<(usize, usize)> = out.iter().map(|f| (f.end - f.written.chars().count(), f.end)).collect();
        read.sort_unstable();
        let mut furthest = 0;
        for r in &mut read {
            furthest = furthest.max(r.1);
            r.1 = furthest;
        }
        Adding { text, idx: crate::quantity::CharIndex::new(text), read, found: Vec::new() }
    }

    /// The period written at bytes `a..b`, with its bounds, unless a period read before
    /// overlaps it.
    fn add(&mut self, a: usize, b: usize, start: Option<String>, end: Option<String>) {
        let (s, e) = (self.idx.char_at(a), self.idx.char_at(b));
        let k = self.read.partition_point(|r| r.0 < e);
        if k > 0 && self.read[k - 1].1 > s {
            return;
        }
        let written = self.text[a..b].to_string();
        self.found.push(Found { end: e, written: written.clone(), period: Period { text: written, start, end } });
    }

    fn into(self, out: &mut Vec<Found>) {
        out.extend(self.found);
    }
}

/// `两个月内`, `近3个月来`, `短短两个月内`: the N months up to the document's date, from the first
/// of the month N−1 before its month (`两个月内` on 2024-02-29: 2024-01-01 … 2024-02-29).
fn recent_months(text: &str, doc: Option<Ymd>, out: &mut Vec<Found>) {
    let mut found = Adding::new(text, out);
    for (b, _) in text.match_indices("个月") {
        let after = &text[b + "个月".len()..];
        let Some(tail) = ["以来", "来", "内"].iter().find(|t| after.starts_with(*t)) else { continue };
        let head = &text[..b];
        let n: String = head.chars().rev().take_while(|&c| c.is_ascii_digit() || "一二三四五六七八九十两".contains(c)).collect::<Vec<_>>().into_iter().rev().collect();
        let Some(k) = zh_int(&n).filter(|k| (1..=24).contains(k)) else { continue };
        let mut start_b = b - n.len();
        if let Some(w) = ["短短", "近", "过去"].iter().find(|w| text[..start_b].ends_with(*w)) {
            start_b -= w.len();
        }
        // 前5个月 is a part of the year (read by year_parts), 每个月 no span
        if text[..start_b].ends_with(['前', '每', '第']) {
            continue;
        }
        let bounds = doc.filter(|d| d.1 > 0 && d.2 > 0).map(|(y, m, d)| {
            let months = y * 12 + m as i32 - 1 - (k as i32 - 1);
            (iso((months.div_euclid(12), months.rem_euclid(12) as u32 + 1, 1)), iso((y, m, d)))
        });
        let (s, e) = bounds.map_or((None, None), |(a, b)| (Some(a), Some(b)));
        found.add(start_b, b + "个月".len() + tail.len(), s, e);
    }
    found.into(out);
}

/// `上周`, `本周`, `上月`, `上个月`, `本月` (and `到上周`, `截至上月底`): the calendar week (Monday
/// to Sunday) or month before the document's, or its own up to the document's date; after
/// 到/截至 only the end.
fn last_week_or_month(text: &str, doc: Option<Ymd>, out: &mut Vec<Found>) {
    const WORDS: [&str; 6] = ["上个月", "上周", "上月", "本周", "本月", "这个月"];
    let Some((y, m, d)) = doc.filter(|d| d.1 > 0 && d.2 > 0) else { return };
    let day = days_from_civil(y, m, d);
    let mut found = Adding::new(text, out);
    let mut i = 0;
    while i < text.len() {
        let Some(w) = WORDS.iter().find(|w| text[i..].starts_with(**w)) else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let mut start_b = i;
        let cutoff = ["截至", "到"].iter().find(|c| text[..i].ends_with(**c));
        if let Some(c) = cutoff {
            start_b -= c.len();
        }
        let mut end_b = i + w.len();
        if text[end_b..].starts_with(['底', '末']) {
            end_b += '底'.len_utf8();
        }
        i = end_b;
        let (a, b) = if w.contains('周') {
            // Monday of this week (0 = Monday)
            let monday = day - (day + 3).rem_euclid(7);
            if w.starts_with('上') { (monday - 7, monday - 1) } else { (monday, day) }
        } else if w.starts_with('上') {
            let (py, pm) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
            (days_from_civil(py, pm, 1), days_from_civil(py, pm, days_in_month(py, pm)))
        } else {
            (days_from_civil(y, m, 1), day)
        };
        let from = (cutoff.is_none() && !text[..end_b].ends_with(['底', '末'])).then(|| iso(civil_from_days(a)));
        found.add(start_b, end_b, from, Some(iso(civil_from_days(b))));
    }
    found.into(out);
}

/// Days since 1970-01-01 of a date (proleptic Gregorian; Howard Hinnant's algorithm).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01 (the inverse of [`days_from_civil`]).
fn civil_from_days(z: i64) -> Ymd {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((yoe + era * 400 + i64::from(m <= 2)) as i32, m, d)
}

/// `28日开始`, `5日起`: from that day of the document's month (of the month before when the
/// day is still to come), with no end stated.
fn from_day(text: &str, doc: Option<Ymd>, out: &mut Vec<Found>) {
    let mut found = Adding::new(text, out);
    for (b, _) in text.match_indices('日') {
        let after = &text[b + '日'.len_utf8()..];
        let Some(tail) = ["开始", "起"].iter().find(|t| after.starts_with(*t)) else { continue };
        let digits = text[..b].chars().rev().take_while(char::is_ascii_digit).count();
        if !(1..=2).contains(&digits) || text[..b - digits].ends_with(|c: char| c == '月' || c.is_ascii_digit()) {
            continue;
        }
        let day: u32 = text[b - digits..b].parse().unwrap_or(0);
        if day == 0 || day > 31 {
            continue;
        }
        let from = doc.filter(|d| d.1 > 0 && d.2 > 0).and_then(|(y, m, d)| {
            let (y, m) = if day > d { if m == 1 { (y - 1, 12) } else { (y, m - 1) } } else { (y, m) };
            (day <= days_in_month(y, m)).then(|| iso((y, m, day)))
        });
        found.add(b - digits, b + '日'.len_utf8() + tail.len(), from, None);
    }
    found.into(out);
}

/// What [`year_part`] read: the months it spans, and whether it named them by number.
#[derive(Debug, Clone, Copy)]
enum Part {
    Months(u32, u32),
    Named(u32, u32),
}

impl Part {
    fn months(self) -> (u32, u32) {
        match self {
            Part::Months(a, b) | Part::Named(a, b) => (a, b),
        }
    }
    fn is_months(self) -> bool {
        matches!(self, Part::Months(..))
    }
}

/// A part of a year at the start of `s`: its length in bytes and its months.
fn year_part(s: &str) -> Option<(usize, Part)> {
    for (w, a, b) in [("上半年", 1, 6), ("下半年", 7, 12), ("前三季度", 1, 9)] {
        if s.starts_with(w) {
            return Some((w.len(), Part::Named(a, b)));
        }
    }
    let ordinal = s.strip_prefix('第').unwrap_or(s);
    let skipped = s.len() - ordinal.len();
    for (i, q) in ["一季度", "二季度", "三季度", "四季度"].iter().enumerate() {
        if ordinal.starts_with(q) {
            let q = i as u32 + 1;
            return Some((skipped + "一季度".len(), Part::Named(q * 3 - 2, q * 3)));
        }
    }
    // 前N个月
    if let Some(rest) = s.strip_prefix('前') {
        let n: String = rest.chars().take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c)).collect();
        let after = rest[n.len()..].strip_prefix('个').unwrap_or(&rest[n.len()..]);
        if !n.is_empty() && after.starts_with('月') {
            let m = zh_int(&n).filter(|m| (1..=12).contains(m))?;
            return Some((s.len() - after.len() + '月'.len_utf8(), Part::Months(1, m)));
        }
        return None;
    }
    // M(-|—|至|~)M月(份)? and M月份 / M月 before a comma
    let month = |t: &str| -> Option<(u32, usize)> {
        let n: String = t.chars().take_while(|c| c.is_ascii_digit()).take(3).collect();
        let m: u32 = n.parse().ok().filter(|m| (1..=12).contains(m))?;
        Some((m, n.len()))
    };
    let (a, la) = month(s)?;
    let rest = &s[la..];
    if let Some(r) = ["-", "—", "至", "~", "－"].iter().find_map(|d| rest.strip_prefix(d)) {
        let (b, lb) = month(r)?;
        let after = r[lb..].strip_prefix('月')?;
        let after = after.strip_prefix('份').unwrap_or(after);
        return (b > a).then(|| (s.len() - after.len(), Part::Months(a, b)));
    }
    let after = rest.strip_prefix('月')?;
    if let Some(after) = after.strip_prefix('份') {
        return Some((s.len() - after.len(), Part::Months(a, a)));
    }
    after.starts_with([',', '，']).then(|| (s.len() - after.len(), Part::Months(a, a)))
}

type Ymd = (i32, u32, u32);

fn parse_date(s: &str) -> Option<Ymd> {
    let mut it = s.split('-');
    let y = it.next()?.parse().ok()?;
    let m = it.next().and_then(|m| m.parse().ok()).unwrap_or(0);
    let d = it.next().and_then(|d| d.parse().ok()).unwrap_or(0);
    Some((y, m, d))
}

fn iso((y, m, d): Ymd) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// `3年来`, `近五年来`, `过去十年`: the N years up to the document's date, counted from
/// January of the year N before it (`3年来` in a May 2024 report: 2021-01-01 … 2024-05-10).
/// `这N年`, `N年里`, `N年间` can be any span of N years in a story: no bounds.
fn recent_years(c: &grammar::Caps, doc: Option<Ymd>) -> Option<(Option<String>, Option<String>)> {
    let (y, m, d) = doc.filter(|d| d.1 > 0 && d.2 > 0)?;
    let words = c.name("recent")?;
    let up_to_now = words.starts_with('近') || words.starts_with("过去") || words.ends_with('来');
    let n = zh_int(c.name("n").or(c.name("n2"))?)? as i32;
    (up_to_now && (1..=100).contains(&n)).then(|| (Some(iso((y - n, 1, 1))), Some(iso((y, m, d)))))
}

fn zh_int(s: &str) -> Option<u32> {
    s.parse().ok().or_else(|| crate::numeral::parse_chinese(s)?.to_f64().map(|v| v as u32))
}

/// (start, end) ISO bounds; Some((None, None)) when the period is real but cannot be
/// placed; None when the match is not a period after all.
fn resolve(c: &grammar::Caps, doc: Option<Ymd>) -> Option<(Option<String>, Option<String>)> {
    let has = |n: &str| c.name(n).is_some();
    let get = |n: &str| c.name(n);
    let doc_iso = doc.filter(|d| d.1 > 0 && d.2 > 0).map(iso);
    let doc_year = doc.map(|d| d.0);
    // the year the expression is about
    let year: Option<i32> = if let Some(y) = get("year") {
        y.parse().ok()
    } else if let Some(r) = get("rel") {
        let off = match r {
            "今年" | "本年" | "当年" => 0,
            "去年" | "上年" | "上一年" => -1,
            "前年" => -2,
            _ => 1,
        };
        doc_year.map(|y| y + off)
    } else {
        None
    };
    let month_bounds = |y: i32, m1: u32, m2: u32| -> Option<(Option<String>, Option<String>)> {
        if !(1..=12).contains(&m1) || !(1..=12).contains(&m2) || m2 < m1 {
            return None;
        }
        Some((Some(iso((y, m1, 1))), Some(iso((y, m2, days_in_month(y, m2))))))
    };
    if has("bare_cutoff") {
        let m: u32 = get("bm")?.parse().ok()?;
        let y = doc_year;
        let end = match (y, get("bd")) {
            (Some(y), Some(d)) => Some(iso((y, m, d.parse().ok()?))),
            (Some(y), None) => Some(iso((y, m, days_in_month(y, m)))),
            _ => None,
        };
        return Some((None, end));
    }
    if has("bare_md") {
        // a day: only a period when something happened on it; the bounds are that day
        let (m, d): (u32, u32) = (get("bare_md")?.parse().ok()?, get("bare_d")?.parse().ok()?);
        if !(1..=12).contains(&m) || d == 0 || d > 31 {
            return None;
        }
        return Some(match doc_year {
            // 自5月1日起: from that day on
            Some(y) if has("bare_from") => (Some(iso((y, m, d))), None),
            Some(y) => (Some(iso((y, m, d))), Some(iso((y, m, d)))),
            _ => (None, None),
        });
    }
    if let Some(m) = get("bare_mend") {
        let m: u32 = m.parse().ok()?;
        return Some((None, doc_year.filter(|_| (1..=12).contains(&m)).map(|y| iso((y, m, days_in_month(y, m))))));
    }
    if has("plan") {
        let n = match get("plan_no")? {
            "十五" => 10,
            "十一五" => 11,
            "十二五" => 12,
            "十三五" => 13,
            "十四五" => 14,
            "十五五" => 15,
            _ => return Some((None, None)),
        };
        let start = 2001 + (n - 10) * 5;
        return Some((Some(iso((start, 1, 1))), Some(iso((start + 4, 12, 31)))));
    }
    if has("recent") {
        return Some(recent_years(c, doc).unwrap_or((None, None)));
    }
    if has("every") {
        return Some((None, None));
    }
    if let Some(now) = get("now") {
        // 今天 is a day, the document's; 目前, 现在 … are "as of" it
        let start = (now == "今天").then(|| doc_iso.clone()).flatten();
        return Some((start, doc_iso));
    }
    let Some(y) = year else { return Some((None, None)) };
    let until_doc = has("since_tail") || has("since");
    let (mut start, mut end) = if has("half") {
        if get("half") == Some("上半年") { month_bounds(y, 1, 6)? } else { month_bounds(y, 7, 12)? }
    } else if let Some(q) = get("quarter") {
        if q == "前三季度" {
            month_bounds(y, 1, 9)?
        } else {
            let q = zh_int(get("q")?)?;
            month_bounds(y, q * 3 - 2, q * 3)?
        }
    } else if let Some(n) = c.name("months") {
        month_bounds(y, 1, zh_int(n)?)?
    } else if let (Some(a), Some(b)) = (get("m1"), get("m2")) {
        month_bounds(y, a.parse().ok()?, b.parse().ok()?)?
    } else if let Some(m) = get("month") {
        let m: u32 = m.parse().ok()?;
        if let Some(d) = get("day") {
            let d: u32 = d.parse().ok()?;
            if d == 0 || d > days_in_month(y, m) {
                return None;
            }
            (Some(iso((y, m, d))), Some(iso((y, m, d))))
        } else {
            month_bounds(y, m, m)?
        }
    } else {
        (Some(iso((y, 1, 1))), Some(iso((y, 12, 31))))
    };
    if has("yearend") || has("monthend") || has("cutoff") {
        start = None;
    }
    if until_doc {
        end = doc_iso.clone();
    }
    if has("from") {
        // 2022年起: from then on, with no end stated
        end = None;
    }
    if has("cutoff") && has("month") && get("day").is_none() && !has("monthend") {
        // 截至6月 → the end of June
    }
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str, date: Option<&str>) -> (String, Option<String>, Option<String>) {
        let f = find(text, date);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        let p = &f[0].period;
        (p.text.clone(), p.start.clone(), p.end.clone())
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn todays_nation_is_nowadays() {
        assert_eq!(one("这是今天中国的制造业", Some("2024-02-29")), ("今天".into(), None, s("2024-02-29")));
        assert_eq!(one("以军今天发动袭击", Some("2024-02-29")), ("今天".into(), s("2024-02-29"), s("2024-02-29")));
    }

    #[test]
    fn a_deadline_ends_with_its_period() {
        assert_eq!(one("新增产能的94%将在今年8月迎峰度夏前完成", Some("2006-05-09")), ("今年8月迎峰度夏前".into(), None, s("2006-08-31")));
        assert_eq!(one("2025年以前全部建成", None), ("2025年以前".into(), None, s("2025-12-31")));
        // a state before an event is in its year
        assert_eq!(one("2003年非典之前,全县有18万人口", None), ("2003年".into(), s("2003-01-01"), s("2003-12-31")));
        // 前 of another word is no deadline
        assert_eq!(one("2025年全国前列", None), ("2025年".into(), s("2025-01-01"), s("2025-12-31")));
    }

    #[test]
    fn as_of_filing_is_as_of_the_documents_date() {
        assert_eq!(one("截至记者发稿时,已有30万人报名", Some("2021-05-18")), ("截至记者发稿时".into(), None, s("2021-05-18")));
        assert_eq!(one("到截稿前,参保人数超过500万", Some("2021-05-18")), ("到截稿前".into(), None, s("2021-05-18")));
    }

    #[test]
    fn a_year_and_its_part_spaced_apart_are_one_period() {
        assert_eq!(one("2005年 二季度起,电价每千瓦时提高0.02元", Some("2006-05-09")), ("2005年 二季度起".into(), s("2005-04-01"), None));
        assert_eq!(one("去年　上半年,全市出口增长5%", Some("2006-05-09")), ("去年　上半年".into(), s("2005-01-01"), s("2005-06-30")));
        // a space after a whole year ends it
        assert_eq!(one("2005年 全市出口增长5%", Some("2006-05-09")), ("2005年".into(), s("2005-01-01"), s("2005-12-31")));
    }

    #[test]
    fn a_work_reports_figures_are_of_the_year_it_reviews() {
        assert_eq!(one("县政府公布了今年的政府工作报告,全县生产总值28亿元", Some("2022-03-10")), ("今年的政府工作报告".into(), s("2021-01-01"), s("2021-12-31")));
        assert_eq!(one("2019年政府工作报告显示", None), ("2019年政府工作报告".into(), s("2018-01-01"), s("2018-12-31")));
        // a report of the year, or a part of a year, is not a work report's date
        assert_eq!(one("2019年统计公报显示", None), ("2019年".into(), s("2019-01-01"), s("2019-12-31")));
        assert_eq!(one("今年上半年工作报告", Some("2022-08-10")), ("今年上半年".into(), s("2022-01-01"), s("2022-06-30")));
    }

    #[test]
    fn day_counts_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2022, 8, 11), (2024, 12, 31), (1899, 3, 1)] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        assert_eq!(days_from_civil(1970, 1, 2), 1);
        // 2022-08-11 was a Thursday: 3 days after Monday
        assert_eq!((days_from_civil(2022, 8, 11) + 3).rem_euclid(7), 3);
    }

    #[test]
    fn the_base_of_a_multiple_is_no_period() {
        let f = find("今年我省新增发电能力是去年新增发电能力的10多倍,达到4430万千瓦。", Some("2006-05-09"));
        let texts: Vec<&str> = f.iter().map(|f| f.period.text.as_str()).collect();
        assert_eq!(texts, ["今年"]);
        // 是 alone is no base: `去年是丰收年`
        assert_eq!(find("最好的一年是去年,产量100万吨。", Some("2006-05-09")).len(), 1);
    }

    #[test]
    fn resolves_against_the_document_date() {
        let d = Some("2022-08-11");
        let s2 = Some("2024-02-29");
        type Case<'a> = (&'a str, Option<&'a str>, &'a str, Option<String>, Option<String>);
        let cases: &[Case] = &[
            ("今年上半年,全市", d, "今年上半年", s("2022-01-01"), s("2022-06-30")),
            ("截至目前,全市", d, "截至目前", None, s("2022-08-11")),
            ("目前已建成", d, "目前", None, s("2022-08-11")),
            ("今年全市共计", d, "今年", s("2022-01-01"), s("2022-12-31")),
            ("今年以来,我市", d, "今年以来", s("2022-01-01"), s("2022-08-11")),
            ("仅今年前8个月", d, "今年前8个月", s("2022-01-01"), s("2022-08-31")),
            ("到2025年全市", d, "到2025年", s("2025-01-01"), s("2025-12-31")),
            ("在2021年改造", d, "2021年", s("2021-01-01"), s("2021-12-31")),
            ("2020年度开展", d, "2020年度", s("2020-01-01"), s("2020-12-31")),
            ("去年开发区", Some("2021-04-19"), "去年", s("2020-01-01"), s("2020-12-31")),
            ("去年开发区", None, "去年", None, None),
            ("自2017年以来,把", Some("2021-04-19"), "自2017年以来", s("2017-01-01"), s("2021-04-19")),
            ("截至6月20日全区", Some("2021-07-01"), "截至6月20日", None, s("2021-06-20")),
            ("截至6月20日全区", None, "截至6月20日", None, None),
            ("预计11月底之前全部", d, "11月底之前", None, s("2022-11-30")),
            ("“十三五”期间,全区", None, "十三五期间", s("2016-01-01"), s("2020-12-31")),
            ("2021年1-10月,全省", None, "2021年1-10月", s("2021-01-01"), s("2021-10-31")),
            ("2022年一季度", None, "2022年一季度", s("2022-01-01"), s("2022-03-31")),
            ("每年投入", d, "每年", None, None),
            ("近五年来", d, "近五年来", s("2017-01-01"), s("2022-08-11")),
            ("以军今天在加沙城南部", d, "今天", s("2022-08-11"), s("2022-08-11")),
            // 2022-08-11 is a Thursday
            ("到上周已经有超过500万人参保", d, "到上周", None, s("2022-08-07")),
            ("上周新增", d, "上周", s("2022-08-01"), s("2022-08-07")),
            ("本周新增", d, "本周", s("2022-08-08"), s("2022-08-11")),
            ("上个月CPI", d, "上个月", s("2022-07-01"), s("2022-07-31")),
            ("截至上月底", d, "截至上月底", None, s("2022-07-31")),
            ("3年来累计", d, "3年来", s("2019-01-01"), s("2022-08-11")),
            ("过去十年", d, "过去十年", s("2012-01-01"), s("2022-08-11")),
            ("粮食产量连续7年稳定在", d, "连续7年", s("2015-01-01"), s("2021-12-31")),
            ("连续三年增长", None, "连续三年", None, None),
            ("在短短两个月内,全国", s2, "短短两个月内", s("2024-01-01"), s("2024-02-29")),
            ("近3个月来", d, "近3个月来", s("2022-06-01"), s("2022-08-11")),
            ("以色列民众28日开始举行", s2, "28日开始", s("2024-02-28"), None),
            ("自5日起施行", d, "5日起", s("2022-08-05"), None),
            ("这五年里", d, "这五年里", None, None),
            ("如今,全市", d, "如今", None, s("2022-08-11")),
            ("到今年年底,全市", d, "到今年年底", None, s("2022-12-31")),
            ("去年底,全市", d, "去年底", None, s("2021-12-31")),
            ("2022年起,全市", d, "2022年起", s("2022-01-01"), None),
            ("自5月1日起全国", d, "自5月1日起", s("2022-05-01"), None),
            ("党的十八大以来,全市", d, "党的十八大以来", s("2012-11-08"), s("2022-08-11")),
            ("专项行动开展以来,全市", d, "专项行动开展以来", None, s("2022-08-11")),
        ];
        for (text, date, t, a, b) in cases {
            let got = one(text, *date);
            assert_eq!((got.1, got.2), (a.clone(), b.clone()), "{text}");
            assert!(got.0.contains(t) || t.contains(&got.0), "{text}: {}", got.0);
            assert!(!got.0.contains(['“', '”', '"']), "{text}: {}", got.0);
        }
    }

    #[test]
    fn since_an_event_runs_from_its_day_if_written_to_the_document() {
        let f = find("去年10月7日新一轮冲突爆发以来,已造成", Some("2024-02-29"));
        let p = &f.last().unwrap().period;
        assert_eq!((p.start.as_deref(), p.end.as_deref()), (Some("2023-10-07"), Some("2024-02-29")), "{f:?}");
        assert_eq!(p.text, "去年10月7日新一轮冲突爆发以来");
        // vague spans are no periods; counted years are the pattern's
        assert!(find("长期以来,我们", Some("2024-02-29")).is_empty());
        assert_eq!(find("近五年以来,全市", Some("2024-02-29")).len(), 1);
    }

    #[test]
    fn parts_of_a_year_without_it_are_of_the_documents_year() {
        let d = Some("2024-02-29");
        for (text, t, a, b) in [
            ("上半年,全市", "上半年", "2024-01-01", "2024-06-30"),
            ("一季度,全市", "一季度", "2024-01-01", "2024-03-31"),
            ("第三季度全市", "第三季度", "2024-07-01", "2024-09-30"),
            ("1月份,民航", "1月份", "2024-01-01", "2024-01-31"),
            ("1-2月,全市", "1-2月", "2024-01-01", "2024-02-29"),
            ("前5个月,全市", "前5个月", "2023-01-01", "2023-05-31"),
            // a month that has not ended yet is last year's
            ("12月份,全市", "12月份", "2023-12-01", "2023-12-31"),
        ] {
            let got = one(text, d);
            assert_eq!((got.0.as_str(), got.1.as_deref(), got.2.as_deref()), (t, Some(a), Some(b)), "{text}");
        }
        assert!(find("比一季度增长", d).is_empty());
        assert!(find("3个月", d).is_empty());
        assert!(find("5月9日,国务院", d).iter().all(|f| f.written == "5月9日"));
        // with a year, the grammar reads it whole
        assert_eq!(one("2023年上半年,全市", d).0, "2023年上半年");
    }

    #[test]
    fn years_in_names_and_change_bases_are_not_periods() {
        assert!(find("(2022-2025年)", None).is_empty());
        assert!(find("比去年增加3亿多元", Some("2022-08-11")).is_empty());
    }

    use regex::Regex;

    /// The pattern the grammar replaced: the oracle.
    static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::regex(
            r"(?x)
            (?P<text>
                (?P<cutoff>截至|截止到|截止|截至到)?
                (?P<to>到|至)?
                (?P<since>自|从)?
                (?:
                    (?P<year>(?:19|20)\d{2})年(?:度)?
                  | (?P<rel>今年|去年|上年|前年|明年|本年|当年|上一年)
                  | (?P<plan>[“\x22]?(?P<plan_no>十[一二三四五六七八九]?五)[”\x22]?(?:期间|时期|以来)?)
                  | (?P<recent>(?:近|过去|这|前)(?P<n>[一二三四五六七八九十两\d]+)年(?:来|里|中|间|以来)?|(?P<n2>[一二三四五六七八九十两\d]+)年(?:来|里|以来|间))
                  | (?P<now>目前|当前|现在|至今|年底前|如今|今天|眼下|当下)
                  | (?P<every>每年|每月|年均)
                )
                (?:
                    (?P<half>上半年|下半年)
                  | (?P<quarter>(?:第?(?P<q>[一二三四1-4])季度)|前三季度)
                  | 前(?P<months>[一二三四五六七八九十\d]+)个?月
                  | (?P<m1>\d{1,2})(?:-|—|至|~)(?P<m2>\d{1,2})月(?:份)?
                  | (?P<month>\d{1,2})月(?:份)?(?:(?P<day>\d{1,2})日)?(?P<monthend>底|末)?
                  | (?P<yearend>年底|年末|底|末)
                )?
                (?P<since_tail>以来)?
                (?P<from>起)?
              | (?P<bare_cutoff>截至|截止)(?P<bm>\d{1,2})月(?:(?P<bd>\d{1,2})日)?(?P<bmend>底|末)?
              | (?P<bare_md>\d{1,2})月(?P<bare_d>\d{1,2})日(?P<bare_from>起)?
              | (?P<bare_mend>\d{1,2})月(?:底|末)(?:之?前)?
            )",
        )
        .expect("period pattern")
    });


    const NAMES: &[&str] = &[
        "text", "cutoff", "to", "since", "year", "rel", "plan", "plan_no", "recent", "n", "n2", "now", "every", "half", "quarter", "q",
        "months", "m1", "m2", "month", "day", "monthend", "yearend", "since_tail", "from", "bare_cutoff", "bm", "bd", "bmend", "bare_md",
        "bare_d", "bare_from", "bare_mend",
    ];

    fn same_as_regex(line: &str) {
        let want: Vec<Vec<Option<&str>>> = PERIOD.captures_iter(line).map(|c| NAMES.iter().map(|n| c.name(n).map(|m| m.as_str())).collect()).collect();
        let got: Vec<Vec<Option<&str>>> = grammar::captures_iter(line).map(|c| NAMES.iter().map(|n| c.name(n)).collect()).collect();
        assert_eq!(got, want, "{line}");
        let spans: Vec<(usize, usize)> = PERIOD.find_iter(line).map(|m| (m.start(), m.end())).collect();
        assert_eq!(grammar::captures_iter(line).map(|c| (c.start, c.end)).collect::<Vec<_>>(), spans, "{line}");
    }

    #[test]
    fn grammar_matches_as_the_regex_did() {
        for line in crate::pattern::oracle::lines() {
            same_as_regex(&line);
        }
        let alphabet = [
            "截至", "截止", "到", "至", "自", "从", "19", "20", "2", "1", "0", "9", "１", "２", "年", "度", "今年", "去年", "上一年", "前", "“", "”", "\"",
            "十", "一", "三", "四", "五", "期间", "以来", "近", "过去", "这", "两", "来", "里", "中", "间", "目前", "年底前", "每年", "年均", "上半年",
            "第", "季度", "前三季度", "个", "月", "份", "日", "-", "—", "~", "底", "末", "之", "起", "比", "x", "，",
        ];
        for line in crate::pattern::oracle::random(&alphabet, 200_000, 12) {
            same_as_regex(&line);
        }
    }
}
