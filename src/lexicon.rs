//! Lexicons kept as data (`lexicons/*.txt`), parsed once (build.rs uses it too).
//!
//! Format: one entry a line; `#` starts a comment; `a => b` maps a spelling to what is
//! reported; `key: word word …` lists words under a key.

/// Non-empty lines with comments and surrounding space removed.
pub fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty())
}

/// `(written, reported)` pairs, longest written first (for regex alternations).
pub fn mapping(data: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut v: Vec<_> = entries(data)
        .map(|l| match l.split_once("=>") {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (l, l),
        })
        .collect();
    v.sort_by_key(|(a, _)| std::cmp::Reverse(a.chars().count()));
    v
}

/// `key: word word …` lines, in file order.
pub fn keyed(data: &'static str) -> Vec<(&'static str, Vec<&'static str>)> {
    entries(data)
        .filter_map(|l| l.split_once(':'))
        .map(|(k, ws)| (k.trim(), ws.split_whitespace().collect()))
        .collect()
}

/// `[section]` headers, each followed by entries one a line (phrases may hold spaces), in
/// file order.
pub fn sections(data: &'static str) -> Vec<(&'static str, Vec<&'static str>)> {
    let mut out: Vec<(&str, Vec<&str>)> = Vec::new();
    for l in entries(data) {
        match l.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(name) => out.push((name, Vec::new())),
            None => {
                if let Some((_, words)) = out.last_mut() {
                    words.push(l);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_mappings_and_comments() {
        let m = mapping("# c\n元\n周岁 => 岁 # why\n\n");
        assert_eq!(m, vec![("周岁", "岁"), ("元", "元")]);
        let k = keyed("income: 收入 工资\n# x\neconomy: GDP");
        assert_eq!(k, vec![("income", vec!["收入", "工资"]), ("economy", vec!["GDP"])]);
        let s = sections("# c\nlost\n[start]\n网站首页\nAll Rights Reserved # why\n\n[nav]\n更多 >>\n");
        assert_eq!(s, vec![("start", vec!["网站首页", "All Rights Reserved"]), ("nav", vec!["更多 >>"])]);
    }
}
