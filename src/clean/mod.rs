//! Stage 2 — text → body and document facts.
//!
//! 1. YAML front matter is read and removed; the format is told (HTML / Markdown / text).
//! 2. HTML is reduced to text lines (tokenizer, no tree), Markdown to plain lines; inline
//!    HTML inside Markdown or text is stripped with newlines kept.
//! 3. Title, date, publisher and author come from front matter, `<title>`/`<meta>`, or
//!    the header lines (a title line right above a dateline, a line repeated near the
//!    top, the first heading).
//! 4. Page furniture is dropped: running headers and page numbers repeated through the
//!    document, navigation and footer lines, datelines and bylines, weather and hotline
//!    headers, counters, SEO keywords, captions, menu rows, runs of short lines, blocks of
//!    unrelated headlines, short leading and trailing lines around the article.
//! 5. Hard-wrapped lines are re-joined into paragraphs (also inside numbers).
//! 6. Pinyin glosses (`區(qū)`) and mojibake (`?!稊?shù)`) are removed; duplicate paragraphs
//!    are kept once. The title is kept out of the body.
//!
//! Body: one paragraph a line, trimmed, no empty lines, table rows one per line with
//! cells separated by a tab.

mod front_matter;
mod html;
mod markdown;
pub mod meta;
mod noise;
mod scan;
mod wrap;

use crate::normalise::is_han as is_cjk;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::HashMap;


use meta::ends_sentence;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Markdown,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Markdown => "markdown",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: Option<String>,
    /// ISO `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`).
    pub date: Option<String>,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub categories: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Cleaned {
    /// The article body in its own script, one paragraph a line, noise removed.
    pub body: String,
    pub meta: Meta,
    pub format: Format,
    pub warnings: Vec<String>,
}

/// HTML when it says so (doctype, `<html>`, `<body>`) or when markup is dense.
/// Markup needs a `<` or an `&`: without one the HTML scanners do not even run.
fn may_have_markup(text: &str) -> bool {
    text.contains(['<', '&'])
}

fn looks_like_html_doc(text: &str) -> bool {
    if !may_have_markup(text) {
        return false;
    }
    let head: String = text.chars().take(4000).collect();
    if scan::declares_html(&head) {
        return true;
    }
    markup_dense(text)
}

/// Longer than this, a `<p …>` match is a stray `<` in text, not a tag.
const MAX_TAG: usize = 2000;

/// Has at least one HTML tag or entity.
fn has_markup(text: &str) -> bool {
    if !may_have_markup(text) {
        return false;
    }
    scan::html_tags(text).iter().any(|&(a, b)| b - a <= MAX_TAG)
}

fn markup_dense(text: &str) -> bool {
    if !may_have_markup(text) {
        return false;
    }
    let mut tags = 0usize;
    let mut markup = 0usize;
    for (a, b) in scan::html_tags(text).into_iter().filter(|&(a, b)| b - a <= MAX_TAG) {
        tags += 1;
        markup += b - a;
    }
    tags >= 5 && markup * 5 >= text.len()
}

fn detect_format(text: &str, has_front_matter: bool) -> Format {
    if has_front_matter {
        return Format::Markdown;
    }
    if looks_like_html_doc(text) {
        return Format::Html;
    }
    // every Markdown feature has one of these characters
    if text.contains(['#', '`', '|', '[', '*']) && scan::two_markdown_features(text) {
        return Format::Markdown;
    }
    Format::Text
}

/// One line of the working text.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    /// Started with white space in the source (a paragraph indent in wrapped text).
    indent: bool,
    keep: bool,
    /// Dropped as page furniture that may sit inside a paragraph (running header, page
    /// number): the blank lines around it do not break the paragraph.
    transparent: bool,
}

/// Zero-width characters out, no-break and ideographic spaces to spaces, runs of spaces
/// collapsed, a run of white space with a tab in it becomes one tab (a table cell
/// boundary), ends trimmed.
fn tidy(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut pending: Option<char> = None;
    for c in line.chars() {
        match c {
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{FFFD}' => {}
            '\t' => pending = Some('\t'),
            c if c.is_whitespace() => {
                if pending.is_none() {
                    pending = Some(' ');
                }
            }
            c => {
                if let Some(p) = pending.take() {
                    if !out.is_empty() {
                        out.push(p);
                    }
                }
                out.push(c);
            }
        }
    }
    out
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}


/// A CSV document (most lines with the same number of commas, no quotes): cells are
/// separated by tabs like any other table.
fn csv_to_tabs(lines: &mut [Line]) {
    let rows: Vec<usize> = lines.iter().filter(|l| !l.text.is_empty()).map(|l| l.text.matches(',').count()).collect();
    if rows.len() < 3 {
        return;
    }
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for &c in &rows {
        *counts.entry(c).or_default() += 1;
    }
    let Some((&cols, &n)) = counts.iter().max_by_key(|&(c, n)| (*n, *c)) else { return };
    if cols < 2 || n * 10 < rows.len() * 8 || lines.iter().any(|l| l.text.contains(['"', '，', '。'])) {
        return;
    }
    for l in lines.iter_mut() {
        if l.text.matches(',').count() == cols {
            l.text = l.text.replace(',', "\t");
        }
    }
}

/// Could this line be a headline?
fn title_like(s: &str) -> bool {
    let n = char_len(s);
    (4..=64).contains(&n)
        && s.chars().filter(|&c| is_cjk(c)).count() >= 2
        && !s.trim_end().ends_with(['。', '，', ',', '；', ';', '：', ':', '、'])
        // a whole sentence inside (`…增长5.1%。👍`) makes a line body text, not a headline
        && !s.trim_end().trim_end_matches(['。', '”']).contains(['。', '；', ';'])
        && !meta::is_meta_line(s)
        && !noise::is_noise_line(s)
        && !s.starts_with(['-', '—', '*', '•', '·'])
        && !s.contains('\t')
}

pub fn clean(text: &str) -> Cleaned {
    let mut warnings = Vec::new();
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let (fm, rest) = match front_matter::split(&text) {
        Some((fm, rest)) => (Some(fm), rest),
        None => (None, text.as_str()),
    };
    let format = detect_format(rest, fm.is_some());
    let mut headings: Vec<String> = Vec::new();
    let (flat, facts) = match format {
        Format::Html => html::to_text(rest, false),
        Format::Markdown if rest.trim_start().starts_with('<') && markup_dense(rest) => html::to_text(rest, false),
        Format::Markdown => {
            let md = markdown::to_text(rest);
            headings = md.headings;
            if has_markup(&md.text) {
                html::to_text(&md.text, true)
            } else {
                (md.text, html::HtmlFacts::default())
            }
        }
        Format::Text => {
            if has_markup(rest) {
                html::to_text(rest, true)
            } else {
                (rest.to_string(), html::HtmlFacts::default())
            }
        }
    };

    // Converter debris first, so that line lengths and comparisons see the real text.
    let glossed = count_tone_glosses(&flat);
    let mut fixed_mojibake = 0usize;
    let mut lines: Vec<Line> = flat
        .lines()
        .map(|raw| {
            let indent = raw.starts_with([' ', '\u{3000}', '\t', '\u{A0}']);
            let (fixed, n) = strip_mojibake(&strip_pinyin(raw, glossed >= 3));
            fixed_mojibake += n;
            let text = tidy(&fixed);
            Line { keep: !text.is_empty(), text, indent, transparent: false }
        })
        .collect();
    csv_to_tabs(&mut lines);
    // Headings also get tidied for comparison.
    let headings: Vec<String> = headings.iter().map(|h| tidy(h)).collect();

    // ---- document facts -------------------------------------------------------------
    let mut meta = Meta::default();
    if let Some(fm) = &fm {
        meta.title = fm.title.clone();
        meta.date = fm.date.clone();
        meta.author = fm.author.clone();
        meta.publisher = fm.publisher.clone();
        meta.categories = fm.categories.clone();
    }
    let html_meta = |keys: &[&str]| {
        keys.iter().find_map(|k| facts.metas.iter().find(|(n, _)| n == k).map(|(_, v)| tidy(v)))
    };
    if meta.date.is_none() {
        meta.date = html_meta(&[
            "publishdate", "pubdate", "publish_date", "publishtime", "article:published_time",
            "datepublished", "og:release_date", "dc.date", "dc.date.issued", "date", "firstpublishedtime",
        ])
        .and_then(|d| meta::parse_date(&d));
    }
    if meta.author.is_none() {
        meta.author = html_meta(&["author", "article:author", "dc.creator"]).filter(|a| !a.is_empty() && char_len(a) <= 30);
    }
    if meta.publisher.is_none() {
        meta.publisher = html_meta(&["source", "publisher", "og:site_name", "contentsource", "sitename"])
            .filter(|a| !a.is_empty() && char_len(a) <= 30);
    }
    if meta.categories.is_empty() {
        if let Some(k) = html_meta(&["catalogs_name", "category", "article:section"]) {
            meta.categories.push(k);
        }
    }

    let top: Vec<usize> = lines.iter().enumerate().filter(|(_, l)| l.keep).map(|(i, _)| i).take(40).collect();

    // Title.
    if meta.title.is_none() {
        let page_title = facts.title.clone().filter(|t| !t.is_empty()).or_else(|| html_meta(&["og:title", "title"]));
        if let Some(pt) = page_title {
            // The body's own headline when the <title> starts with it (exact wording,
            // without the site name).
            let body_line = top
                .iter()
                .map(|&i| lines[i].text.as_str())
                .filter(|l| char_len(l) >= 4 && pt.starts_with(l) && char_len(l) * 2 >= char_len(&pt).min(60))
                .max_by_key(|l| char_len(l));
            meta.title = Some(body_line.map(str::to_string).unwrap_or_else(|| meta::strip_title_suffix(&pt)));
        }
    }
    if meta.title.is_none() {
        meta.title = body_title(&lines, &top, &headings);
    }
    // Everything above the headline in the page header (banners, menus, breadcrumbs) is
    // furniture.
    if let Some(t) = &meta.title {
        let t = tidy(t);
        let head: Vec<usize> = lines.iter().enumerate().filter(|(_, l)| l.keep).map(|(i, _)| i).take(150).collect();
        if let Some(&ti) = head.iter().find(|&&i| lines[i].text == t) {
            // ... unless article text already came before it.
            let sentence_before = lines[..ti]
                .iter()
                .any(|l| l.keep && char_len(&l.text) >= 20 && l.text.trim_end().ends_with(['。', '！', '？', '!', '?']));
            if !sentence_before {
                for l in lines.iter_mut().take(ti) {
                    l.keep = false;
                }
            }
        }
    }
    // Date, publisher and author from the header lines.
    for &i in &top {
        let l = &lines[i].text;
        let is_meta = meta::is_meta_line(l);
        if meta.date.is_none() && (is_meta || char_len(l) <= 30 && !ends_sentence(l)) {
            meta.date = meta::parse_date(l);
        }
        if meta.publisher.is_none() && is_meta {
            meta.publisher = meta::publisher_in(l);
        }
        if meta.author.is_none() && is_meta {
            meta.author = meta::author_in(l);
        }
    }
    if meta.date.is_none() {
        if let Some(t) = &meta.title {
            meta.date = meta::parse_date(t);
        }
    }

    // ---- page furniture --------------------------------------------------------------
    drop_running_headers(&mut lines);
    for l in lines.iter_mut().filter(|l| l.keep) {
        if noise::is_noise_line(&l.text) || meta::is_meta_line(&l.text) {
            l.keep = false;
        }
    }
    // A print-edition line or an editor's credit in the second half closes the article:
    // after it come other articles and the portal's furniture (their figures are not this
    // document's).
    let kept: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].keep).collect();
    if let Some(k) = kept.iter().skip(kept.len() / 2).position(|&i| noise::closes_article(&lines[i].text)) {
        for &i in &kept[kept.len() / 2 + k..] {
            lines[i].keep = false;
        }
    }
    // Title lines (and `——title` echoes) stay out of the body.
    if let Some(t) = &meta.title {
        let t = tidy(t);
        for l in lines.iter_mut().filter(|l| l.keep) {
            let s = l.text.trim_start_matches(['—', '-', '_', ' ', '#']);
            if s == t || (char_len(s) >= 4 && t.starts_with(s) && char_len(s) * 10 >= char_len(&t) * 8) {
                l.keep = false;
            }
        }
    }
    drop_short_runs(&mut lines, &headings);

    // ---- paragraphs ------------------------------------------------------------------
    let mut paras = wrap::join(&lines);
    let dropped = drop_headline_blocks(&mut paras);
    if meta.title.is_none() {
        meta.title = title_from_headlines(&dropped, &paras);
    }
    trim_edges(&mut paras);

    let mut seen: FxHashSet<String> = FxHashSet::default();
    let mut body: Vec<String> = Vec::new();
    for p in paras {
        let p = strip_bullet(&p);
        let p = p.trim().to_string();
        if p.is_empty() || !p.chars().any(|c| c.is_alphanumeric()) {
            continue;
        }
        if char_len(&p) >= 6 && !seen.insert(p.clone()) {
            continue;
        }
        body.push(p);
    }
    if glossed >= 3 {
        warnings.push(format!("removed {glossed} pinyin glosses left by a script converter"));
    }
    if fixed_mojibake > 0 {
        warnings.push(format!("removed {fixed_mojibake} mojibake fragment(s)"));
    }
    if let Some(t) = meta.title.take() {
        let t = tidy(&strip_pinyin(&t, glossed >= 3));
        meta.title = Some(t).filter(|t| !t.is_empty());
    }
    Cleaned { body: body.join("\n"), meta, format, warnings }
}

/// The headline from the header lines: the title-like line right above the first
/// dateline; else a line repeated near the top; else the first heading; else the first
/// line when it is title-like.
fn body_title(lines: &[Line], top: &[usize], headings: &[String]) -> Option<String> {
    let texts: Vec<&str> = top.iter().map(|&i| lines[i].text.as_str()).collect();
    if let Some(d) = texts.iter().position(|l| meta::is_meta_line(l) && meta::parse_date(l).is_some()) {
        for back in 1..=2 {
            if d >= back && title_like(texts[d - back]) {
                return Some(texts[d - back].to_string());
            }
        }
    }
    for (i, a) in texts.iter().enumerate().take(30) {
        if !title_like(a) {
            continue;
        }
        // Twice near the top (breadcrumb and headline), not a running header.
        let everywhere = lines.iter().filter(|l| l.text == *a).count();
        let repeated = everywhere <= 2
            && texts.iter().enumerate().take(30).any(|(j, b)| {
                j != i && (b == a || (b.ends_with(a) && char_len(b) <= char_len(a) + 3))
            });
        if repeated {
            return Some(a.to_string());
        }
    }
    if let Some(h) = headings.iter().find(|h| title_like(h)) {
        return Some(h.clone());
    }
    // The first line, when it stands like a headline: not indented as a paragraph, short,
    // at most two clause marks.
    let &first_i = top.first()?;
    let first = &lines[first_i];
    let marks = first.text.chars().filter(|c| matches!(c, '，' | ',' | '、' | '；' | ';')).count();
    (title_like(&first.text) && !first.indent && char_len(&first.text) <= 40 && marks <= 2 && texts.len() > 1)
        .then(|| first.text.clone())
}

/// Running headers and footers (a short line repeated three or more times through the
/// document) and page numbers (pure numbers that mostly count up) are furniture that can
/// sit inside a paragraph: they are dropped as transparent.
fn drop_running_headers(lines: &mut [Line]) {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for l in lines.iter().filter(|l| l.keep) {
        if char_len(&l.text) <= 40 && !ends_sentence(&l.text) && !noise::has_clause_punct(&l.text) {
            *counts.entry(l.text.as_str()).or_default() += 1;
        }
    }
    let repeated: Vec<String> = counts
        .into_iter()
        .filter(|&(t, n)| n >= 3 && char_len(t) >= 4 && t.chars().any(is_cjk))
        .map(|(t, _)| t.to_string())
        .collect();
    let numbers: Vec<(usize, u64)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.keep && (1..=5).contains(&l.text.len()) && l.text.bytes().all(|b| b.is_ascii_digit()))
        .filter_map(|(i, l)| l.text.parse().ok().map(|n| (i, n)))
        .collect();
    let counting = numbers.len() >= 3 && {
        let ups = numbers.windows(2).filter(|w| w[1].1 > w[0].1 && w[1].1 <= w[0].1 + 3).count();
        ups * 10 >= (numbers.len() - 1) * 7
    };
    for l in lines.iter_mut() {
        if l.keep && repeated.contains(&l.text) {
            l.keep = false;
            l.transparent = true;
        }
    }
    if counting {
        for (i, _) in numbers {
            lines[i].keep = false;
            lines[i].transparent = true;
        }
    }
}

/// Three or more consecutive short lines without punctuation or figures are a menu. A
/// Markdown heading is none of its items: it is the text's structure (`### 国内联播快讯`).
fn drop_short_runs(lines: &mut [Line], headings: &[String]) {
    let is_short = |l: &Line| {
        l.keep
            && char_len(&l.text) <= 12
            && !headings.contains(&l.text)
            && !noise::has_clause_punct(&l.text)
            && !l.text.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
            && !l.text.contains('\t')
    };
    let kept: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].keep).collect();
    let mut k = 0;
    while k < kept.len() {
        if !is_short(&lines[kept[k]]) {
            k += 1;
            continue;
        }
        let mut e = k;
        while e + 1 < kept.len() && is_short(&lines[kept[e + 1]]) {
            e += 1;
        }
        if e - k + 1 >= 3 {
            for &i in &kept[k..=e] {
                lines[i].keep = false;
            }
        }
        k = e + 1;
    }
}

/// Blocks of unrelated headlines: a `相关新闻`-style header and the short lines after it,
/// and runs of three or more short list items that are not sentences.
fn drop_headline_blocks(paras: &mut Vec<String>) -> Vec<String> {
    let headline = |p: &str| char_len(p) <= 48 && !p.trim_end().ends_with(['。', '；', ';', '：', ':']);
    let mut drop = vec![false; paras.len()];
    let mut i = 0;
    while i < paras.len() {
        if noise::is_list_head(&paras[i]) {
            drop[i] = true;
            let mut j = i + 1;
            while j < paras.len() && headline(&paras[j]) {
                drop[j] = true;
                j += 1;
            }
            i = j;
            continue;
        }
        if scan::list_item(&paras[i]).is_some() && headline(&paras[i]) {
            let mut j = i;
            while j < paras.len() && scan::list_item(&paras[j]).is_some() && headline(&paras[j]) {
                j += 1;
            }
            if j - i >= 3 {
                for d in drop.iter_mut().take(j).skip(i) {
                    *d = true;
                }
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    let mut dropped = Vec::new();
    let mut kept = Vec::with_capacity(paras.len());
    for (p, d) in paras.drain(..).zip(drop) {
        if d {
            dropped.push(p);
        } else {
            kept.push(p);
        }
    }
    *paras = kept;
    dropped
}

/// Related-headline lists often carry the article's own headline: the one whose
/// characters all occur in the opening paragraphs.
fn title_from_headlines(headlines: &[String], paras: &[String]) -> Option<String> {
    let opening: String = paras.iter().take(3).map(String::as_str).collect();
    headlines
        .iter()
        .map(|h| h[scan::list_item(h).unwrap_or(0)..].trim().to_string())
        .filter(|h| char_len(h) >= 8)
        .filter(|h| {
            let han: Vec<char> = h.chars().filter(|&c| is_cjk(c)).collect();
            let found = han.iter().filter(|c| opening.contains(**c)).count();
            han.len() >= 6 && found * 100 >= han.len() * 90
        })
        .max_by_key(|h| char_len(h))
}

/// A paragraph of the article proper: a sentence, or long enough to be one.
/// Emoji and pictographs that close a post's sentence (`…增长5.1%。👍`): the sentence
/// still ends at its stop.
fn is_trailing_decoration(c: char) -> bool {
    matches!(c, '\u{2190}'..='\u{2BFF}' | '\u{1F000}'..='\u{1FAFF}' | '\u{FE0F}' | '\u{200D}' | '\u{20E3}') || c.is_whitespace()
}

fn is_article_para(p: &str) -> bool {
    let n = char_len(p);
    let full_stop = p
        .trim_end_matches(is_trailing_decoration)
        .trim_end_matches(['”', '」', '』', '"', '）', ')'])
        .ends_with(['。', '！', '？', '!', '?', '；', ';', '…']);
    let marks = p.chars().filter(|c| matches!(c, '，' | ',' | '、' | '；' | ';' | '：' | ':')).count();
    (n >= 20 && marks >= 2) || n >= 40 || (n >= 6 && full_stop)
}

/// Short lines before the first and after the last article paragraph (captions,
/// leftovers of menus, credits, site owners) are dropped. Lines with figures stay (a
/// table), unless they are bare numbers (counters).
fn trim_edges(paras: &mut Vec<String>) {
    let droppable = |p: &str| {
        let bare_number = p.chars().all(|c| c.is_ascii_digit() || c == ' ');
        let menu_row = p.contains('\t') && !p.chars().any(|c| c.is_ascii_digit());
        bare_number || menu_row || !wrap::is_table_row(p) && char_len(p) <= 40 && !is_article_para(p)
    };
    let first = paras.iter().position(|p| is_article_para(p));
    let Some(first) = first else { return };
    let last = paras.iter().rposition(|p| is_article_para(p)).unwrap_or(first);
    // A header row stays when figures follow it.
    let data_follows: Vec<bool> = (0..paras.len())
        .map(|i| paras.get(i + 1).is_some_and(|n| wrap::is_table_row(n) && n.chars().any(|c| c.is_ascii_digit())))
        .collect();
    let mut out = Vec::with_capacity(paras.len());
    for (i, p) in paras.drain(..).enumerate() {
        if (i < first || i > last) && droppable(&p) && !data_follows[i] {
            continue;
        }
        out.push(p);
    }
    *paras = out;
}

const TONE: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ";

/// Every gloss is in brackets: a text without one is not searched at all.
fn may_gloss(s: &str) -> bool {
    s.contains(['(', '（'])
}

fn count_tone_glosses(s: &str) -> usize {
    if !may_gloss(s) {
        return 0;
    }
    scan::glosses(s).iter().filter(|g| s[g.reading.0..g.reading.1].chars().any(|ch| TONE.contains(ch))).count()
}

/// `區(qū)` → `區`. Readings without tone marks go too when the document is full of
/// glosses (`many`), since a converter also writes neutral tones (`子(zi)`).
fn strip_pinyin(s: &str, many: bool) -> String {
    if !may_gloss(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for g in scan::glosses(s) {
        let reading = &s[g.reading.0..g.reading.1];
        let toned = reading.chars().any(|ch| TONE.contains(ch));
        let lower = reading.chars().all(|ch| !ch.is_ascii_uppercase());
        if toned || (many && lower) {
            out.push_str(&s[last..g.han.1]);
            last = g.whole.1;
        }
    }
    out.push_str(&s[last..]);
    out
}

/// Mojibake runs out; one that swallowed a sentence end leaves a `。`.
fn strip_mojibake(s: &str) -> (String, usize) {
    // every alternative holds a `?` or U+FFFD
    if !s.contains(['?', '\u{FFFD}']) {
        return (s.to_string(), 0);
    }
    let runs = scan::mojibake(s);
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for &(a, b) in &runs {
        out.push_str(&s[last..a]);
        let at_end = s[b..].trim().is_empty();
        if !at_end && s[a..b].contains(['!', '！', '。']) {
            out.push('。');
        }
        last = b;
    }
    out.push_str(&s[last..]);
    (out, runs.len())
}

fn strip_bullet(s: &str) -> String {
    scan::strip_bullet(s).to_string()
}

#[cfg(test)]
mod tests;
