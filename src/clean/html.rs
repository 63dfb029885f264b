//! HTML → text lines, with the `<title>` and `<meta>` facts.
//!
//! Uses the `html5gum` tokenizer (WHATWG, pure Rust, no tree, so no recursion on deeply
//! nested or broken markup). Script-like elements are skipped, entities are decoded by the
//! tokenizer, block elements become line breaks and table cells are separated by a tab.

use html5gum::{DefaultEmitter, Token, Tokenizer};

#[derive(Debug, Default, Clone)]
pub struct HtmlFacts {
    pub title: Option<String>,
    /// `(name, content)` of every `<meta name|property|itemprop=… content=…>`, name
    /// lower-cased.
    pub metas: Vec<(String, String)>,
}

/// Elements whose content is never text of the article.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "math", "select", "textarea",
    "button", "object", "embed", "canvas", "video", "audio", "figcaption", "head", "nav",
];

/// Elements that start and end a line.
const BLOCK: &[&str] = &[
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "thead", "tbody",
    "tfoot", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header",
    "footer", "aside", "main", "blockquote", "pre", "hr", "form", "fieldset", "legend",
    "address", "figure", "center", "body", "html", "title", "option", "details", "summary",
    "menu", "frame", "frameset",
];

/// `preserve_newlines`: newlines in text nodes stay line breaks (Markdown or text with
/// some inline HTML); otherwise white space collapses as in a browser.
pub fn to_text(input: &str, preserve_newlines: bool) -> (String, HtmlFacts) {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let tokenizer = Tokenizer::new_with_emitter(input, emitter);
    let mut out = String::with_capacity(input.len() / 2);
    let mut facts = HtmlFacts::default();
    // Name of the skipped element we are inside, with its nesting depth.
    let mut skip: Option<(String, usize)> = None;
    let mut in_title = false;
    let mut title = String::new();
    let mut pre_depth = 0usize;
    for token in tokenizer {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if name == "meta" {
                    let attr = |k: &str| {
                        tag.attributes
                            .get(k.as_bytes())
                            .map(|v| String::from_utf8_lossy(v).trim().to_string())
                    };
                    let key = attr("name").or_else(|| attr("property")).or_else(|| attr("itemprop"));
                    if let (Some(k), Some(c)) = (key, attr("content")) {
                        if !c.is_empty() {
                            facts.metas.push((k.to_ascii_lowercase(), c));
                        }
                    }
                    continue;
                }
                if let Some((skip_name, depth)) = skip.as_mut() {
                    if *skip_name == name && !tag.self_closing {
                        *depth += 1;
                    }
                    continue;
                }
                if name == "title" && facts.title.is_none() {
                    in_title = true;
                    continue;
                }
                // <head> is skipped only for its stray text; <title> and <meta> inside
                // it are handled above.
                if SKIP.contains(&name.as_str()) && name != "head" && !tag.self_closing {
                    skip = Some((name, 1));
                    continue;
                }
                if name == "pre" {
                    pre_depth += 1;
                }
                if name == "td" || name == "th" {
                    out.push('\t');
                } else if BLOCK.contains(&name.as_str()) {
                    out.push('\n');
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if let Some((skip_name, depth)) = skip.as_mut() {
                    if *skip_name == name {
                        *depth -= 1;
                        if *depth == 0 {
                            skip = None;
                        }
                    }
                    continue;
                }
                if name == "title" && in_title {
                    in_title = false;
                    let t = collapse(&title);
                    if !t.is_empty() {
                        facts.title = Some(t);
                    }
                    continue;
                }
                if name == "pre" {
                    pre_depth = pre_depth.saturating_sub(1);
                }
                if name == "td" || name == "th" {
                    out.push('\t');
                } else if BLOCK.contains(&name.as_str()) {
                    out.push('\n');
                }
            }
            Token::String(s) => {
                if skip.is_some() {
                    continue;
                }
                let s = String::from_utf8_lossy(&s);
                if in_title {
                    title.push_str(&s);
                    continue;
                }
                if preserve_newlines || pre_depth > 0 {
                    out.push_str(&s);
                } else {
                    let mut last_space = false;
                    for c in s.chars() {
                        if c == '\n' || c == '\r' || c == '\t' || c == ' ' {
                            if !last_space {
                                out.push(' ');
                            }
                            last_space = true;
                        } else {
                            out.push(c);
                            last_space = false;
                        }
                    }
                }
            }
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    if in_title && facts.title.is_none() {
        let t = collapse(&title);
        if !t.is_empty() {
            facts.title = Some(t);
        }
    }
    (out, facts)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(html: &str) -> Vec<String> {
        to_text(html, false)
            .0
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect()
    }

    #[test]
    fn html_table() {
        let cases: &[(&str, &[&str])] = &[
            ("<p>a</p><p>b</p>", &["a", "b"]),
            ("<div>一<br>二</div>", &["一", "二"]),
            ("<script>var x = '<p>no</p>';</script><p>yes</p>", &["yes"]),
            ("<style>p { width: 100% }</style>文字", &["文字"]),
            ("<!-- 注释 --><p>正文&nbsp;&amp;&lt;&#21407;</p>", &["正文 &<原"]),
            ("<table><tr><td>产品</td><td>产量</td></tr><tr><td>原煤</td><td>47.1</td></tr></table>", &["产品 产量", "原煤 47.1"]),
            ("<p>unclosed <b>bold <i>both", &["unclosed bold both"]),
            ("<p>增长\n3.7%</p>", &["增长 3.7%"]),
            ("<ul><li>甲</li><li>乙</li></ul>", &["甲", "乙"]),
            ("<p>a<img src=x alt=图>b</p>", &["ab"]),
            ("<noscript><p>开启JS</p></noscript><p>ok", &["ok"]),
        ];
        for (html, want) in cases {
            assert_eq!(lines(html), *want, "{html}");
        }
    }

    #[test]
    fn title_and_meta() {
        let (_, f) = to_text(
            "<html><head><title>益阳：“数字”是优长-半月谈</title><META name=\"publishdate\" content=\"2020-01-02\"><meta property='og:title' content='x'></head><body>b</body></html>",
            false,
        );
        assert_eq!(f.title.as_deref(), Some("益阳：“数字”是优长-半月谈"));
        assert!(f.metas.contains(&("publishdate".into(), "2020-01-02".into())));
        assert!(f.metas.contains(&("og:title".into(), "x".into())));
    }

    #[test]
    fn deep_nesting_and_garbage() {
        let deep = "<div>".repeat(10_000) + "深" + &"</div>".repeat(10_000);
        assert_eq!(lines(&deep), vec!["深"]);
        let deep = "<span>".repeat(20_000) + "x";
        assert_eq!(lines(&deep), vec!["x"]);
        for s in ["<", "<<>>", "</", "<a href='", "<!--", "<script>", "&#xFFFFFFFF;", "<p =x>", "<\u{0}>"] {
            let _ = to_text(s, false);
        }
    }

    #[test]
    fn preserve_mode_keeps_newlines() {
        let (t, _) = to_text("第一行\n第二行<br/>第三行 &nbsp;", true);
        let l: Vec<&str> = t.lines().map(str::trim).collect();
        assert_eq!(l, vec!["第一行", "第二行", "第三行"]);
    }
}
