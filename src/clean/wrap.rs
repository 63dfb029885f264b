//! Re-joining hard-wrapped lines into paragraphs.
//!
//! A document is hard-wrapped when most of its lines run to (nearly) the same maximum
//! width. Then a line that reaches that width continues on the next line, unless the next
//! line is indented (a paragraph start); blank lines always end a paragraph. In any
//! document a line ending in a comma, or in a dangling decimal point, continues. Lines are
//! joined with nothing between them (Chinese has no spaces; a number split by the wrap,
//! `1273.5⏎9亿元`, comes back whole), with a space only between two Latin letters.

use super::Line;

/// Display width: CJK and full-width forms count 1, ASCII ½.
pub(super) fn width(s: &str) -> f32 {
    s.chars().map(|c| if c.is_ascii() { 0.5 } else { 1.0 }).sum()
}

enum Item<'a> {
    Text(&'a Line),
    Break,
}

pub(super) fn join(lines: &[Line]) -> Vec<String> {
    // Items: kept lines and paragraph breaks. A gap made only of blank lines and
    // transparent furniture (running headers, page numbers) is no break.
    let mut items: Vec<Item> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].keep {
            items.push(Item::Text(&lines[i]));
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && !lines[i].keep {
            i += 1;
        }
        let gap = &lines[start..i];
        let transparent = gap.iter().any(|l| l.transparent)
            && gap.iter().all(|l| l.transparent || l.text.is_empty());
        if !transparent {
            items.push(Item::Break);
        }
    }

    // Is the text hard-wrapped, and at what width?
    let mut widths: Vec<f32> = items
        .iter()
        .filter_map(|it| match it {
            Item::Text(l) if !l.text.contains('\t') => Some(width(&l.text)),
            _ => None,
        })
        .filter(|&w| w >= 6.0)
        .collect();
    widths.sort_by(|a, b| a.total_cmp(b));
    let wrap_width = if widths.len() >= 8 {
        let w = widths[(widths.len() * 9 / 10).min(widths.len() - 1)];
        let near = widths.iter().filter(|&&x| x >= w * 0.8).count();
        ((14.0..=120.0).contains(&w) && near * 100 >= widths.len() * 45).then_some(w)
    } else {
        None
    };
    let texts: Vec<&Line> = items
        .iter()
        .filter_map(|it| match it {
            Item::Text(l) => Some(*l),
            Item::Break => None,
        })
        .collect();
    let indented = texts.iter().filter(|l| l.indent).count();
    let indent_marks_paragraphs = indented > 0 && indented * 2 < texts.len();

    let mut paras: Vec<String> = Vec::new();
    let mut cur: Option<String> = None;
    let mut prev: Option<&Line> = None;
    for it in &items {
        match it {
            Item::Break => {
                if let Some(p) = cur.take() {
                    paras.push(p);
                }
                prev = None;
            }
            Item::Text(l) => {
                let cont = match (prev, cur.as_ref()) {
                    (Some(a), Some(acc)) => continues(acc, a, l, wrap_width, indent_marks_paragraphs),
                    _ => false,
                };
                if cont {
                    if let Some(acc) = cur.as_mut() {
                        let ascii_pair = acc.chars().last().is_some_and(|c| c.is_ascii_alphabetic())
                            && l.text.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
                        if ascii_pair {
                            acc.push(' ');
                        }
                        acc.push_str(&l.text);
                    }
                } else {
                    if let Some(p) = cur.take() {
                        paras.push(p);
                    }
                    cur = Some(l.text.clone());
                }
                prev = Some(l);
            }
        }
    }
    if let Some(p) = cur.take() {
        paras.push(p);
    }
    paras
}

fn starts_item(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some('-' | '*' | '•' | '·' | '●' | '■' | '◆' | '(' | '（' | '【' | '第') => true,
        Some(c) if c.is_ascii_digit() => {
            // 1. 1、 (1) — but not a number that continues a sentence (`9亿元`).
            let rest: String = cs.take(3).collect();
            rest.starts_with(['.', '、', ')', '）', ' ']) && !rest.starts_with(|c: char| c.is_ascii_digit())
        }
        Some(c) => "一二三四五六七八九十".contains(c) && s.chars().nth(1).is_some_and(|d| d == '、' || d == '是'),
        None => true,
    }
}

fn continues(acc: &str, a: &Line, b: &Line, wrap_width: Option<f32>, indent_marks: bool) -> bool {
    if is_table_row(&a.text) || is_table_row(&b.text) {
        return false;
    }
    let last = acc.chars().last().unwrap_or(' ');
    // A decimal point cannot end a number.
    if matches!(last, '.' | '·' | '．') && acc.chars().rev().nth(1).is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        && b.text.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return true;
    }
    if super::meta::ends_sentence(&a.text) && starts_item(&b.text) {
        return false;
    }
    if indent_marks && b.indent {
        return false;
    }
    if let Some(w) = wrap_width {
        if width(&a.text) >= w * 0.8 {
            return true;
        }
    }
    matches!(last, '，' | ',' | '、') && !starts_item(&b.text)
}

/// A row of a table: tab-separated cells, or comma-separated values with figures.
pub(super) fn is_table_row(s: &str) -> bool {
    s.contains('\t')
        || s.matches(',').count() >= 3
            && !s.contains(['，', '。'])
            && s.split(',').filter(|c| c.trim().parse::<f64>().is_ok()).count() >= 2
}
