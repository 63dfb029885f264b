//! YAML front matter (`---` … `---` at the very top, as in Hexo, Jekyll, Hugo and
//! Wiki.js pages). Only the flat keys the report needs are read: a tiny line parser, not
//! a YAML implementation (scalars, quoted scalars, `[a, b]` and `- item` lists).

#[derive(Debug, Default, Clone, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<String>,
    pub author: Option<String>,
    pub publisher: Option<String>,
    pub categories: Vec<String>,
}

/// Splits front matter off `text`: `(front matter, rest)`; `None` when there is none.
pub fn split(text: &str) -> Option<(FrontMatter, &str)> {
    let start = text.trim_start_matches(['\u{FEFF}', '\n', '\r', ' ', '\t']);
    let first_end = start.find('\n')?;
    if start[..first_end].trim_end() != "---" {
        return None;
    }
    let body = &start[first_end + 1..];
    // Closing line: `---` or `...`.
    let mut offset = 0usize;
    for line in body.split_inclusive('\n') {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            let yaml = &body[..offset];
            let rest = &body[offset + line.len()..];
            let fm = parse(yaml)?;
            return Some((fm, rest));
        }
        offset += line.len();
        if offset > 20_000 {
            break;
        }
    }
    None
}

fn unquote(v: &str) -> String {
    let v = v.trim();
    let v = v
        .strip_prefix('\'')
        .and_then(|x| x.strip_suffix('\''))
        .or_else(|| v.strip_prefix('"').and_then(|x| x.strip_suffix('"')))
        .unwrap_or(v);
    v.trim().to_string()
}

/// Reads the keys; `None` when the block does not look like YAML at all (a Markdown
/// horizontal rule at the top, say).
fn parse(yaml: &str) -> Option<FrontMatter> {
    let mut fm = FrontMatter::default();
    let mut current_list: Option<String> = None;
    let mut keys = 0usize;
    for line in yaml.lines() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let trimmed = line.trim_start();
        if let Some(item) = trimmed.strip_prefix("- ").or_else(|| (trimmed == "-").then_some("")) {
            if current_list.as_deref().is_some_and(is_category_key) {
                let v = unquote(item);
                if !v.is_empty() {
                    fm.categories.push(v);
                }
            }
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            continue;
        };
        if key.contains(' ') && !key.starts_with('"') {
            continue;
        }
        keys += 1;
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim();
        current_list = Some(key.clone());
        if value.is_empty() {
            continue;
        }
        let v = unquote(value);
        match key.as_str() {
            "title" => fm.title = Some(v).filter(|s| !s.is_empty()),
            "date" | "published" | "pubdate" | "publishdate" | "created" | "datecreated"
                if fm.date.is_none() => {
                    fm.date = super::meta::parse_date(&v);
                }
            "author" | "authors" => fm.author = Some(v.trim_matches(['[', ']']).to_string()).filter(|s| !s.is_empty()),
            "source" | "publisher" => fm.publisher = Some(v).filter(|s| !s.is_empty()),
            k if is_category_key(k) => {
                let inner = v.trim_start_matches('[').trim_end_matches(']');
                for part in inner.split([',', '，']) {
                    let p = unquote(part);
                    if !p.is_empty() {
                        fm.categories.push(p);
                    }
                }
            }
            _ => {}
        }
    }
    (keys > 0).then_some(fm)
}

fn is_category_key(k: &str) -> bool {
    matches!(k, "categories" | "category" | "tags" | "tag" | "keywords")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_table() {
        type Fields<'a> = (&'a str, Option<&'a str>, Option<&'a str>, &'a [&'a str], &'a str);
        let cases: &[(&str, Option<Fields>)] = &[
            (
                "\n---\ntitle: '「喜迎党代会」共享发展'\ncategories: \n - 新媒体\n - 趣头条\nauthor: 趣头条\ndate: Sat, 04 Dec 2021 14:09:12 GMT\n---\n\n<p>正文</p>",
                Some(("「喜迎党代会」共享发展", Some("2021-12-04"), Some("趣头条"), &["新媒体", "趣头条"], "\n<p>正文</p>")),
            ),
            (
                "---\ntitle: 黄页\ndate: 2026-05-18T08:08:30.365Z\ntags: contact, 电话\n---\n# 地图",
                Some(("黄页", Some("2026-05-18"), None, &["contact", "电话"], "# 地图")),
            ),
            (
                "---\ntitle: \"x\"\ntags: [a, b]\ndate: 2021/4/9\n---\nbody",
                Some(("x", Some("2021-04-09"), None, &["a", "b"], "body")),
            ),
            ("正文\n---\ntitle: x\n---\n", None),
            ("---\n没有结束", None),
        ];
        for (input, want) in cases {
            let got = split(input);
            match (got, want) {
                (None, None) => {}
                (Some((fm, rest)), Some((t, d, a, cats, r))) => {
                    assert_eq!(fm.title.as_deref(), Some(*t));
                    assert_eq!(fm.date.as_deref(), *d);
                    assert_eq!(fm.author.as_deref(), *a);
                    assert_eq!(fm.categories, cats.iter().map(|s| s.to_string()).collect::<Vec<_>>());
                    assert_eq!(rest, *r);
                }
                (g, w) => panic!("{input:?}: got {g:?}, want {w:?}"),
            }
        }
    }
}
