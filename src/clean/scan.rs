//! Hand-written scanners for what `clean` used to match with regexes (issue 12: no regex
//! compiled before the first report; compiling them was most of the start-up in the
//! browser). Each function is one old pattern, which stays in the tests as its oracle.
//! As in those patterns (`pattern::regex`), `\d` is an ASCII or full-width digit, `\s`
//! Unicode white space and Han the ranges of `normalise::is_han`.

use crate::normalise::is_han;

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The number of leading chars of `s` in `class`, and their byte length.
fn run(s: &str, class: impl Fn(char) -> bool) -> (usize, usize) {
    s.chars().take_while(|&c| class(c)).fold((0, 0), |(n, b), c| (n + 1, b + c.len_utf8()))
}

/// `s` after 1 or 2 leading digits (exactly that many: a third digit fails).
fn digits12(s: &str) -> Option<&str> {
    let (n, b) = run(s, is_digit);
    (1..=2).contains(&n).then(|| &s[b..])
}

/// `^(?:[-*+•·▪◆●○■□►>]\s*(?:\d{1,2}\s+)?|\d{1,2}\s+\S|\[\d{1,2}\])`: a list item's
/// marker (`- 标题`, `1 标题`, `[1]`); the byte length of the match.
pub fn list_item(s: &str) -> Option<usize> {
    if let Some(r) = s.strip_prefix(['-', '*', '+', '•', '·', '▪', '◆', '●', '○', '■', '□', '►', '>']) {
        let r = r.trim_start();
        // an item number, when white space follows it
        let r = match digits12(r) {
            Some(t) if t.starts_with(char::is_whitespace) => t.trim_start(),
            _ => r,
        };
        return Some(s.len() - r.len());
    }
    if let Some(r) = digits12(s) {
        let t = r.trim_start();
        if t.len() < r.len() {
            let c = t.chars().next()?; // (not white space: trimmed)
            return Some(s.len() - t.len() + c.len_utf8());
        }
        return None;
    }
    let r = digits12(s.strip_prefix('[')?)?.strip_prefix(']')?;
    Some(s.len() - r.len())
}

/// `s` without a leading bullet and the white space after it (`^[-*+•▪◆●○■□►]\s+`).
pub fn strip_bullet(s: &str) -> &str {
    match s.strip_prefix(['-', '*', '+', '•', '▪', '◆', '●', '○', '■', '□', '►']) {
        Some(r) if r.starts_with(char::is_whitespace) => r.trim_start(),
        _ => s,
    }
}

/// The letters of a pinyin reading in a gloss.
fn pinyin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ".contains(c)
}

/// A pinyin gloss `區(qū)`: byte ranges of the whole, of the character and of the reading.
pub struct Gloss {
    pub whole: (usize, usize),
    pub han: (usize, usize),
    pub reading: (usize, usize),
}

/// The glosses in `s`, left to right, not overlapping: a Han character, a bracket, 1–7
/// pinyin letters, a bracket (`([\p{Han}])[(（]([a-zA-Z…]{1,7})[)）]`).
pub fn glosses(s: &str) -> Vec<Gloss> {
    let mut out = Vec::new();
    let mut from = 0; // matches do not overlap
    for (j, bracket) in s.match_indices(['(', '（']) {
        let Some(c) = s[..j].chars().next_back().filter(|&c| is_han(c)) else { continue };
        let at = j - c.len_utf8();
        if at < from {
            continue;
        }
        let r = &s[j + bracket.len()..];
        let (n, b) = run(r, pinyin_letter);
        if !(1..=7).contains(&n) {
            continue;
        }
        let Some(t) = r[b..].strip_prefix([')', '）']) else { continue };
        let start = s.len() - r.len();
        from = s.len() - t.len();
        out.push(Gloss { whole: (at, from), han: (at, j), reading: (start, start + b) });
    }
    out
}

/// The letters of a reading left behind in mojibake (lower case only).
fn mojibake_letter(c: char) -> bool {
    c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".contains(c)
}

/// The byte ranges of mojibake runs in `s`, left to right: `?!稊?`, `?。?` (with a reading
/// `(shù)` and a torn-off `/a>` after it), `?zhàn)`, and runs of U+FFFD.
pub fn mojibake(s: &str) -> Vec<(usize, usize)> {
    // `[(（]?` + 1–7 letters + `[)）]`: what follows, when there is one
    let reading = |r: &str, open: bool| -> Option<usize> {
        let t = if open { r.strip_prefix(['(', '（']).unwrap_or(r) } else { r };
        let (n, b) = run(t, mojibake_letter);
        if !(1..=7).contains(&n) {
            return None;
        }
        let u = t[b..].strip_prefix([')', '）'])?;
        Some(r.len() - u.len())
    };
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        let at = i;
        let end = match c {
            '\u{FFFD}' => Some(at + run(&s[at..], |c| c == '\u{FFFD}').1),
            '?' => {
                let r = &s[at + 1..];
                // \?[!！。，]?[\p{Han}]?\?
                let p = r.strip_prefix(['!', '！', '。', '，']).unwrap_or(r);
                let h = p.strip_prefix(is_han).unwrap_or(p);
                if let Some(q) = h.strip_prefix('?') {
                    let q = reading(q, true).map_or(q, |b| &q[b..]);
                    let q = q.strip_prefix("/a>").unwrap_or(q);
                    Some(s.len() - q.len())
                } else {
                    reading(r, false).map(|b| at + 1 + b)
                }
            }
            _ => None,
        };
        match end {
            Some(e) => {
                out.push((at, e));
                i = e;
            }
            None => i += c.len_utf8(),
        }
    }
    out
}

/// Whether `text` has two Markdown features (headings, fences, table rows, links, bold),
/// counted as the old pattern's `find_iter` counted them: left to right, not overlapping.
pub fn two_markdown_features(text: &str) -> bool {
    let mut n = 0;
    let mut i = 0;
    while i < text.len() {
        match md_feature_at(text, i) {
            Some(e) => {
                n += 1;
                if n == 2 {
                    return true;
                }
                i = e;
            }
            None => i += text[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    false
}

/// The end of a Markdown feature starting at `i`, the alternatives in the old pattern's
/// order (it was multi-line, and its `\s` crossed line ends):
/// `^\s{0,3}#{1,6}\s+\S | ^\s*``` | ^\s*\|.*\|\s*$ | \[[^\]\n]+\]\([^)\n]+\) | \*\*[^*\n]+\*\*`.
fn md_feature_at(text: &str, i: usize) -> Option<usize> {
    let s = &text[i..];
    let end = |r: &str| text.len() - r.len();
    if i == 0 || text.as_bytes()[i - 1] == b'\n' {
        let (w, wb) = run(s, char::is_whitespace);
        let r = &s[wb..];
        // heading
        if w <= 3 {
            let (h, hb) = run(r, |c| c == '#');
            if (1..=6).contains(&h) {
                let t = &r[hb..];
                let u = t.trim_start();
                if u.len() < t.len() {
                    if let Some(c) = u.chars().next() {
                        return Some(end(u) + c.len_utf8());
                    }
                }
            }
        }
        // fence
        if let Some(t) = r.strip_prefix("```") {
            return Some(end(t));
        }
        // table row: the last `|` of its line after which only white space runs to a line end
        if let Some(t) = r.strip_prefix('|') {
            let line = &t[..t.find('\n').unwrap_or(t.len())];
            for (q, _) in line.rmatch_indices('|') {
                let after = &t[q + 1..];
                let (_, wb) = run(after, char::is_whitespace);
                if wb == after.len() {
                    return Some(text.len());
                }
                // else back to the last line end inside that white space
                if let Some(nl) = after[..wb].rfind('\n') {
                    return Some(end(&after[nl..]));
                }
            }
        }
    }
    // link
    if let Some(r) = s.strip_prefix('[') {
        let (n, b) = run(r, |c| c != ']' && c != '\n');
        if n > 0 {
            if let Some(t) = r[b..].strip_prefix("](") {
                let (m, b2) = run(t, |c| c != ')' && c != '\n');
                if m > 0 && t[b2..].starts_with(')') {
                    return Some(end(&t[b2 + 1..]));
                }
            }
        }
    }
    // bold
    if let Some(r) = s.strip_prefix("**") {
        let (n, b) = run(r, |c| c != '*' && c != '\n');
        if n > 0 && r[b..].starts_with("**") {
            return Some(end(&r[b + 2..]));
        }
    }
    None
}

/// Whether the head of a text declares an HTML document (ASCII case ignored):
/// `^\s*(?:<!doctype\s+html|<html|<\?xml[^>]*>\s*<(?:!doctype|html))`, or `<body` or
/// `<head` followed by white space or `>` anywhere.
pub fn declares_html(head: &str) -> bool {
    let ci = |s: &str, w: &str| s.len() >= w.len() && s.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes());
    let s = head.trim_start();
    if let Some(r) = ci(s, "<!doctype").then(|| &s[9..]) {
        let t = r.trim_start();
        if t.len() < r.len() && ci(t, "html") {
            return true;
        }
    }
    if ci(s, "<html") {
        return true;
    }
    if ci(s, "<?xml") {
        if let Some(gt) = s.find('>') {
            let t = s[gt + 1..].trim_start();
            if let Some(u) = t.strip_prefix('<') {
                if ci(u, "!doctype") || ci(u, "html") {
                    return true;
                }
            }
        }
    }
    let lower = |i: usize| head[i + 5..].starts_with(|c: char| c == '>' || c.is_whitespace());
    head.match_indices('<').any(|(i, _)| (ci(&head[i..], "<body") || ci(&head[i..], "<head")) && lower(i))
}

/// A letter of the pattern (lower case) under `(?i)`: Unicode simple case folding also
/// takes K (Kelvin sign) for k and ſ for s.
fn ci_eq(c: char, lower: char) -> bool {
    c.to_ascii_lowercase() == lower || lower == 'k' && c == '\u{212A}' || lower == 's' && c == 'ſ'
}

/// `s` after `word` (lower-case ASCII), case ignored as `(?i)` ignores it.
fn strip_ci<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let mut cs = s.char_indices();
    for l in word.chars() {
        let (_, c) = cs.next()?;
        if !ci_eq(c, l) {
            return None;
        }
    }
    Some(cs.next().map_or("", |(i, _)| &s[i..]))
}

/// The tag names of the HTML-tag pattern, in its order.
const TAGS: &[&str] = &[
    "p", "div", "br", "span", "a", "img", "strong", "b", "i", "em", "u", "font", "table", "tr", "td", "th", "li", "ul", "ol", "h1", "h2", "h3", "h4",
    "h5", "h6", "iframe", "script", "style", "section", "article", "center", "blockquote", "hr", "pre", "sup", "sub", "tbody", "thead", "body",
    "head", "html", "meta", "title", "link",
];
const ENTITIES: &[&str] = &["nbsp", "amp", "lt", "gt", "quot", "ensp", "emsp", "mdash", "ldquo", "rdquo"];

/// The byte spans of HTML tags, comments' starts and entities in `text`, left to right,
/// not overlapping, as the old pattern found them (case ignored):
/// `</?(?:p|div|…|link)(?:[\s/][^<>]*)?>`, `<!--`, `&(?:nbsp|…|rdquo|#\d{2,6}|#x[0-9a-f]{2,5});`.
pub fn html_tags(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = text[i..].find(['<', '&']) {
        let at = i + k;
        match markup_at(&text[at..]) {
            Some(n) => {
                out.push((at, at + n));
                i = at + n;
            }
            None => i = at + 1,
        }
    }
    out
}

/// The byte length of a tag or entity at the start of `s`.
fn markup_at(s: &str) -> Option<usize> {
    let end = |r: &str| Some(s.len() - r.len());
    if let Some(r) = s.strip_prefix('<') {
        let r = r.strip_prefix('/').unwrap_or(r);
        for name in TAGS {
            let Some(t) = strip_ci(r, name) else { continue };
            if let Some(u) = t.strip_prefix('>') {
                return end(u);
            }
            if t.starts_with(|c: char| c == '/' || c.is_whitespace()) {
                // attributes up to the first `<` or `>`: a `>` ends the tag
                if let Some(j) = t.find(['<', '>']).filter(|&j| t.as_bytes()[j] == b'>') {
                    return end(&t[j + 1..]);
                }
            }
        }
        return s.strip_prefix("<!--").and_then(end);
    }
    let r = s.strip_prefix('&')?;
    let t = ENTITIES.iter().find_map(|e| strip_ci(r, e)).or_else(|| {
        let h = r.strip_prefix('#')?;
        // #\d{2,6} first, then #x[0-9a-f]{2,5}
        let (n, b) = run(h, is_digit);
        if (2..=6).contains(&n) && h[b..].starts_with(';') {
            return Some(&h[b..]);
        }
        let x = h.strip_prefix(['x', 'X'])?;
        let (n, b) = run(x, |c| c.is_ascii_hexdigit());
        (2..=5).contains(&n).then(|| &x[b..])
    })?;
    t.strip_prefix(';').and_then(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pattern::oracle;
    use regex::Regex;
    use std::sync::LazyLock;

    // The patterns these scanners replaced: the oracles.
    static HTML_TAG: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::regex(
            r"(?xi)
              </? (?:p|div|br|span|a|img|strong|b|i|em|u|font|table|tr|td|th|li|ul|ol|h[1-6]|iframe
                   |script|style|section|article|center|blockquote|hr|pre|sup|sub|tbody|thead|body|head|html|meta|title|link)
              (?: [\s/] [^<>]* )? >       # attributes: an unbounded class, as a bounded repeat
                                            # of a Unicode class costs 10 ms to compile (40 in wasm)
            | <!--
            | &(?:nbsp|amp|lt|gt|quot|ensp|emsp|mdash|ldquo|rdquo|\#\d{2,6}|\#x[0-9a-f]{2,5});",
        )
        .expect("html tag regex")
    });

    static HTML_DOC: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::regex(r"(?i)^\s*(?:<!doctype\s+html|<html|<\?xml[^>]*>\s*<(?:!doctype|html))|<body[\s>]|<head[\s>]").expect("html doc regex")
    });


    static MD_FEATURE: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::regex(
            r"(?xm)
              ^ \s{0,3} \#{1,6} \s+ \S      # heading
            | ^ \s* ```                     # fence
            | ^ \s* \| .* \| \s* $          # table row
            | \[ [^\]\n]+ \] \( [^)\n]+ \)  # link
            | \*\*[^*\n]+\*\*               # bold",
        )
        .expect("markdown feature regex")
    });


    static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::regex(
            r"(?x) ^ (?: [-*+•·▪◆●○■□►>]\s* (?:\d{1,2}\s+)?   # - 标题, - 1 标题, · 标题
                     | \d{1,2} \s+ \S                         # 1 标题
                     | \[\d{1,2}\]                            # [1]
                     )",
        )
        .expect("list item regex")
    });


    static PINYIN_GLOSS: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::regex(
            r"(?x)
            ([\p{Han}])                                   # the character glossed
            [(（] ([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}) [)）]   # its reading",
        )
        .expect("pinyin regex")
    });


    static MOJIBAKE: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::regex(
            r"(?x)
              \? [!！。，]? [\p{Han}]? \?                             # ?!稊?  ?。?
              (?: [(（]? [a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7} [)）] )?   # a reading left behind
              (?: /a> )?                                              # a torn-off tag
            | \? [a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7} [)）]             # ?zhàn)
            | \u{FFFD}+",
        )
        .expect("mojibake regex")
    });


    static BULLET: LazyLock<Regex> = LazyLock::new(|| crate::pattern::regex(r"^(?:[-*+•▪◆●○■□►]\s+)").expect("bullet regex"));



        /// Real lines, and the whole texts (the Markdown features span lines).
        fn texts(alphabet: &[&str], max: usize) -> Vec<String> {
            let mut v = oracle::lines();
            v.extend(oracle::random(alphabet, 100_000, max));
            v
        }

        #[test]
        fn list_items_and_bullets() {
            let a = ["-", "*", "·", ">", "•", "1", "12", "３", " ", "　", "\t", "[", "]", "标", "题", "x"];
            for s in texts(&a, 6) {
                assert_eq!(list_item(&s), LIST_ITEM.find(&s).map(|m| m.end()), "{s:?}");
                assert_eq!(strip_bullet(&s), BULLET.replace(&s, ""), "{s:?}");
            }
        }

        #[test]
        fn glosses_and_mojibake() {
            let a = ["區", "数", "(", "（", ")", "）", "q", "ū", "Q", "zh", "àn", "ń", "?", "!", "！", "。", "，", "/a>", "\u{FFFD}", "x", " "];
            for s in texts(&a, 10) {
                let want: Vec<(usize, usize, usize, usize)> = PINYIN_GLOSS
                    .captures_iter(&s)
                    .map(|c| (c.get(0).unwrap().start(), c.get(0).unwrap().end(), c.get(1).unwrap().end(), c.get(2).unwrap().start()))
                    .collect();
                let got: Vec<(usize, usize, usize, usize)> = glosses(&s).iter().map(|g| (g.whole.0, g.whole.1, g.han.1, g.reading.0)).collect();
                assert_eq!(got, want, "{s:?}");
                let want: Vec<(usize, usize)> = MOJIBAKE.find_iter(&s).map(|m| (m.start(), m.end())).collect();
                assert_eq!(mojibake(&s), want, "{s:?}");
            }
        }

        #[test]
        fn markdown_features_and_html() {
            let a = ["#", "###", " ", "\n", "\n\n", "\t", "```", "|", "a", "[", "]", "(", ")", "**", "*", "x", "<", ">", "<!doctype", "<!DOCTYPE", "html", "HTML", "<html", "<?xml", "<body", "<head", "K", "ſ", "İ"];
            let mut all = texts(&a, 12);
            all.extend(oracle::texts());
            for s in all {
                assert_eq!(two_markdown_features(&s), MD_FEATURE.find_iter(&s).take(2).count() >= 2, "{s:?}");
                let head: String = s.chars().take(4000).collect();
                assert_eq!(declares_html(&head), HTML_DOC.is_match(&head), "{head:?}");
            }
        }

        #[test]
        fn html_tags_as_the_regex_did() {
            let a = [
                "<", "</", ">", "p", "pre", "P", "b", "br", "h1", "h7", "span", "ſpan", "LINK", "lin\u{212A}", " ", "/", "=", "\"", "<!--", "&", "nbsp", "amp",
                "NBSP", ";", "#", "12", "1234567", "１２", "x", "X", "a0", "fF", "abcdef", "正文", "\n",
            ];
            let mut all = texts(&a, 10);
            all.extend(oracle::texts());
            for s in &all {
                let want: Vec<(usize, usize)> = HTML_TAG.find_iter(s).map(|m| (m.start(), m.end())).collect();
                assert_eq!(html_tags(s), want, "{s:?}");
            }
        }
    }
