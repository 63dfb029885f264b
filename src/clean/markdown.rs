//! Markdown → plain lines: headings, emphasis, links, images, code fences, tables and
//! block quotes reduced to their text. Line structure is kept (one input line → at most
//! one output line), so the line-level cleaning that follows sees the same layout.

// The Markdown syntax is read by small scanners, not regexes (issue 12: no regex compiled
// before the first report); each is one old pattern, kept as its oracle in the tests.
// `\s` is Unicode white space there and here.

/// The number of leading chars of `s` in `class`, and their byte length.
fn run(s: &str, class: impl Fn(char) -> bool) -> (usize, usize) {
    s.chars().take_while(|&c| class(c)).fold((0, 0), |(n, b), c| (n + 1, b + c.len_utf8()))
}

/// A thematic break: `^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$`.
fn is_rule(t: &str) -> bool {
    let (w, b) = run(t, char::is_whitespace);
    let r = &t[b..];
    w <= 3
        && r.chars().next().is_some_and(|m| {
            matches!(m, '*' | '-' | '_') && r.chars().all(|c| c == m || c.is_whitespace()) && r.chars().filter(|&c| c == m).count() >= 3
        })
}

/// A table's separator row: `^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$`.
fn is_table_sep(t: &str) -> bool {
    // `:?-{2,}:?` and the white space after it: what follows
    fn cell(s: &str) -> Option<&str> {
        let s = s.strip_prefix(':').unwrap_or(s);
        let (n, b) = run(s, |c| c == '-');
        if n < 2 {
            return None;
        }
        let s = &s[b..];
        Some(s.strip_prefix(':').unwrap_or(s).trim_start())
    }
    let s = t.trim_start();
    let s = s.strip_prefix('|').unwrap_or(s).trim_start();
    let Some(mut s) = cell(s) else { return false };
    while let Some(r) = s.strip_prefix('|') {
        match cell(r.trim_start()) {
            Some(next) => s = next,
            None => return r.trim_start().is_empty(), // the closing `|`
        }
    }
    s.is_empty()
}

/// A heading's text: `^\s{0,3}\#{1,6}(?:\s+|$)(.*?)\s*\#*\s*$` (closing `#`s dropped).
fn heading(t: &str) -> Option<&str> {
    let (w, b) = run(t, char::is_whitespace);
    if w > 3 {
        return None;
    }
    let (h, hb) = run(&t[b..], |c| c == '#');
    let r = &t[b + hb..];
    if !(1..=6).contains(&h) || !(r.is_empty() || r.starts_with(char::is_whitespace)) {
        return None;
    }
    let text = r.trim_start().trim_end().trim_end_matches('#').trim_end();
    // (`.` stops at a line end; lines never have one here)
    (!text.contains('\n')).then_some(text)
}

/// `s` with every match of `at` (tried at each position, left to right, not overlapping)
/// replaced: `at` gives the match's byte length and its replacement.
fn replace_all<'a>(s: &'a str, at: impl Fn(&'a str) -> Option<(usize, &'a str)>) -> String {
    let mut out = String::with_capacity(s.len());
    let (mut last, mut i) = (0, 0);
    while let Some(c) = s[i..].chars().next() {
        match at(&s[i..]) {
            Some((n, rep)) => {
                out.push_str(&s[last..i]);
                out.push_str(rep);
                i += n;
                last = i;
            }
            None => i += c.len_utf8(),
        }
    }
    out.push_str(&s[last..]);
    out
}

/// `open`, then the text up to the first `close` (`[^close]*`), then `close`: the text and
/// what follows.
fn between(s: &str, open: char, close: char) -> Option<(&str, &str)> {
    let r = s.strip_prefix(open)?;
    let j = r.find(close)?;
    Some((&r[..j], &r[j + close.len_utf8()..]))
}

/// Pandoc attributes after a heading, white space before them included:
/// `\s*\{[.\#:][^}]*\}`.
fn attrs(s: &str) -> Option<(usize, &str)> {
    let r = s.trim_start();
    let (inner, rest) = between(r, '{', '}')?;
    inner.starts_with(['.', '#', ':']).then(|| (s.len() - rest.len(), ""))
}

/// An image: `!\[[^\]]*\]\([^)]*\)`.
fn image(s: &str) -> Option<(usize, &str)> {
    let (_, r) = between(s.strip_prefix('!')?, '[', ']')?;
    let (_, rest) = between(r, '(', ')')?;
    Some((s.len() - rest.len(), ""))
}

/// A link, replaced by its text: `\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])`.
fn link(s: &str) -> Option<(usize, &str)> {
    let (text, r) = between(s, '[', ']')?;
    let (_, rest) = between(r, '(', ')').or_else(|| between(r, '[', ']'))?;
    Some((s.len() - rest.len(), text))
}

/// Emphasis or code, replaced by its text: `\*\*([^*]+?)\*\*|__([^_]+?)__|~~([^~]+?)~~|`([^`]+)``.
fn emphasis(s: &str) -> Option<(usize, &str)> {
    for m in ["**", "__", "~~", "`"] {
        let Some(r) = s.strip_prefix(m) else { continue };
        let c = m.chars().next().expect("a marker");
        let j = r.find(c).unwrap_or(r.len());
        if j > 0 && r[j..].starts_with(m) {
            return Some((m.len() + j + m.len(), &r[..j]));
        }
    }
    None
}

pub struct MdOut {
    pub text: String,
    /// Heading texts in order.
    pub headings: Vec<String>,
}

pub fn to_text(input: &str) -> MdOut {
    let mut out = String::with_capacity(input.len());
    let mut headings = Vec::new();
    for line in input.lines() {
        let t = line.trim_end();
        if t.trim_start().starts_with("```") || t.trim_start().starts_with("~~~") || is_rule(t) || is_table_sep(t) {
            out.push('\n');
            continue;
        }
        let mut l: String = if let Some(c) = heading(t) {
            let h = replace_all(c, attrs).trim().to_string();
            if !h.is_empty() {
                headings.push(inline(&h));
            }
            h
        } else {
            let s = t.trim_start();
            let s = s.strip_prefix("> ").or_else(|| s.strip_prefix('>')).map(|x| x.to_string());
            match s {
                Some(q) => format!("{}{}", leading_ws(t), q),
                None => t.to_string(),
            }
        };
        let trimmed = l.trim();
        if trimmed.starts_with('|') && trimmed.ends_with('|') && trimmed.len() > 1 {
            let cells: Vec<String> = trimmed[1..trimmed.len() - 1]
                .split('|')
                .map(|c| inline(c.trim()))
                .collect();
            l = cells.join("\t");
        } else {
            l = inline(&l);
        }
        out.push_str(&l);
        out.push('\n');
    }
    MdOut { text: out, headings }
}

fn leading_ws(s: &str) -> &str {
    let end = s.len() - s.trim_start().len();
    &s[..end]
}

fn inline(s: &str) -> String {
    let s = replace_all(s, image);
    let s = replace_all(&s, link);
    replace_all(&s, emphasis)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_table() {
        let cases: &[(&str, &str)] = &[
            ("# 《新闻联播》 (20240229)", "《新闻联播》 (20240229)"),
            ("## 新闻摘要 ##", "新闻摘要"),
            ("# Tabs {.tabset}", "Tabs"),
            ("**国内生产总值**1260582亿元", "国内生产总值1260582亿元"),
            ("见[上海科技大学](https://x.cn/1.htm)官网", "见上海科技大学官网"),
            ("![图](a.png)正文", "正文"),
            ("| 名称 | 电话 |", "名称\t电话"),
            ("|------|------|", ""),
            ("```", ""),
            ("> 引用", "引用"),
            ("---", ""),
            ("`code` 与 ~~删除~~", "code 与 删除"),
        ];
        for (md, want) in cases {
            assert_eq!(to_text(md).text.trim_end_matches('\n'), *want, "{md}");
        }
        assert_eq!(to_text("# 甲\n正文\n## 乙").headings, vec!["甲", "乙"]);
    }

    use regex::Regex;
    use std::sync::LazyLock;

    // The patterns the scanners replaced: the oracles.
    static HEADING: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::regex(r"(?x) ^ \s{0,3} \#{1,6} (?:\s+|$) (.*?) \s* \#* \s* $").expect("heading regex")
    });
    static ATTRS: LazyLock<Regex> = LazyLock::new(|| crate::pattern::regex(r"(?x) \s* \{ [.\#:] [^}]* \}").expect("attrs regex"));
    static IMAGE: LazyLock<Regex> = LazyLock::new(|| crate::pattern::regex(r"(?x) !\[ [^\]]* \] \( [^)]* \)").expect("image regex"));
    static LINK: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::regex(r"(?x) \[ ([^\]]*) \] (?: \( [^)]* \) | \[ [^\]]* \] )").expect("link regex")
    });
    static EMPHASIS: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::regex(r"(?x) \*\*([^*]+?)\*\* | __([^_]+?)__ | ~~([^~]+?)~~ | `([^`]+)`").expect("emphasis regex")
    });
    static RULE: LazyLock<Regex> = LazyLock::new(|| crate::pattern::regex(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$").expect("rule regex"));
    static TABLE_SEP: LazyLock<Regex> = LazyLock::new(|| crate::pattern::regex(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$").expect("table sep regex"));


        #[test]
        fn scanners_as_the_regexes_did() {
            let a = [
                "#", "###", "#######", " ", "　", "\t", "*", "-", "_", ":", "|", "{", "}", ".", "[", "]", "(", ")", "!", "**", "__", "~~", "~", "`", "标题",
                "x", "\n",
            ];
            let mut all = crate::pattern::oracle::lines();
            all.extend(crate::pattern::oracle::random(&a, 200_000, 10));
            for s in &all {
                let s = s.as_str();
                assert_eq!(is_rule(s), RULE.is_match(s), "{s:?}");
                assert_eq!(is_table_sep(s), TABLE_SEP.is_match(s), "{s:?}");
                assert_eq!(heading(s), HEADING.captures(s).map(|c| c.get(1).unwrap().as_str()), "{s:?}");
                assert_eq!(replace_all(s, attrs), ATTRS.replace_all(s, ""), "{s:?}");
                assert_eq!(replace_all(s, image), IMAGE.replace_all(s, ""), "{s:?}");
                assert_eq!(replace_all(s, link), LINK.replace_all(s, "$1"), "{s:?}");
                let want = EMPHASIS.replace_all(s, |c: &regex::Captures| (1..=4).find_map(|i| c.get(i)).map(|m| m.as_str().to_string()).unwrap_or_default());
                assert_eq!(replace_all(s, emphasis), want, "{s:?}");
            }
        }
    }
