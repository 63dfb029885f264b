//! Markdown → plain lines: headings, emphasis, links, images, code fences, tables and
//! block quotes reduced to their text. Line structure is kept (one input line → at most
//! one output line), so the line-level cleaning that follows sees the same layout.

use std::sync::LazyLock;

use regex::Regex;

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
        if t.trim_start().starts_with("```") || t.trim_start().starts_with("~~~") || RULE.is_match(t) || TABLE_SEP.is_match(t) {
            out.push('\n');
            continue;
        }
        let mut l: String = if let Some(c) = HEADING.captures(t) {
            let h = ATTRS.replace_all(&c[1], "").trim().to_string();
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
    let s = IMAGE.replace_all(s, "");
    let s = LINK.replace_all(&s, "$1");
    let s = EMPHASIS.replace_all(&s, |c: &regex::Captures| {
        (1..=4).find_map(|i| c.get(i)).map(|m| m.as_str().to_string()).unwrap_or_default()
    });
    s.into_owned()
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
}
