//! Tables in text: a statistical bulletin's `产品 单位 产量 比上年增长%` rows, which the
//! clean stage leaves as one line a row with tab-separated cells. Each number becomes a
//! metric with the unit its column (`产量(万吨)`, `比重%`) or its row's `单位` cell gives;
//! a growth column becomes the change of the row's value. Columns whose unit cannot be
//! told (a bare year, a rank, a code) give nothing: a guessed unit would be wrong data.

use crate::report::{Change, Direction, Metric};

/// A header cell: its name and the unit written in brackets or as a trailing `%`, read by
/// hand (issue 12: no regex compiled before the first report); the old pattern
/// `^(?P<name>.*?)\s*(?:[(（](?P<unit>[^)）]{1,8})[)）]|(?P<pct>%))?$` is the tests' oracle.
fn header_cell(cell: &str) -> Option<(&str, Option<&str>)> {
    // the shortest name after which only white space and a unit are left
    for (k, c) in cell.char_indices().map(|(k, c)| (k, Some(c))).chain([(cell.len(), None)]) {
        let r = cell[k..].trim_start();
        let unit = r.strip_prefix(['(', '（']).and_then(|u| u.strip_suffix([')', '）'])).filter(|u| {
            let n = u.chars().count();
            (1..=8).contains(&n) && !u.contains([')', '）'])
        });
        if let Some(u) = unit.or((r == "%").then_some(r)) {
            return Some((&cell[..k], Some(u)));
        }
        if r.is_empty() {
            return Some((&cell[..k], None));
        }
        if c == Some('\n') {
            return None; // (a name is one line)
        }
    }
    None
}

/// Column names that hold no measure.
const NOT_MEASURES: &[&str] = &["排名", "名次", "序号", "编号", "代码", "位次", "排序"];
/// Column names of the row's main value, left out of the indicator.
const VALUE_WORDS: &[&str] = &["数量", "绝对数", "数值", "总量", "合计", "本期", "本年"];
/// Column names that say the cell is the change of the row's value.
const CHANGE_WORDS: &[&str] = &["增长", "增减", "增幅", "下降", "同比", "比上年", "比去年"];

/// Whether a line is a table row: three cells or more.
pub fn is_row(line: &str) -> bool {
    line.split('\t').filter(|c| !c.trim().is_empty()).count() >= 3
}

/// Whether a row is a header: most of its cells are not numbers.
pub fn is_header(line: &str) -> bool {
    let cells: Vec<&str> = line.split('\t').collect();
    cells.iter().filter(|c| number(c).is_none()).count() * 2 > cells.len()
}

struct Column {
    name: String,
    /// (multiplier, unit) for the column's cells, when its header names a unit.
    unit: Option<(f64, String)>,
    change: bool,
    skip: bool,
}

fn number(cell: &str) -> Option<f64> {
    let c = cell.trim();
    let (neg, digits) = match c.strip_prefix(['-', '−']) {
        Some(d) => (true, d),
        None => (false, c.strip_prefix('+').unwrap_or(c)),
    };
    let v = crate::numeral::parse_arabic(digits)?.to_f64()?;
    Some(if neg { -v } else { v })
}

/// `万吨` → (10000, 吨), `%` → (1, %), by the quantity scanner itself.
fn unit_of(written: &str) -> Option<(f64, String)> {
    if written == "%" || written == "％" {
        return Some((1.0, "%".to_string()));
    }
    let q = crate::quantity::find(&format!("1{written}"));
    let q = q.first()?;
    (q.span == [0, 1 + written.chars().count()]).then(|| (q.value, q.unit.clone()))
}

fn columns(header: &str) -> Vec<Column> {
    header
        .split('\t')
        .map(|cell| {
            let cell = cell.trim();
            let parts = header_cell(cell);
            let name = parts.map_or(cell, |p| p.0).to_string();
            let written = parts.and_then(|p| p.1);
            let mut unit = written.and_then(unit_of);
            if unit.is_none() && ["比例", "比重", "占比", "率"].iter().any(|w| name.ends_with(w)) {
                unit = Some((1.0, "%".to_string()));
            }
            let change = CHANGE_WORDS.iter().any(|w| name.contains(w));
            if change && unit.is_none() {
                unit = Some((1.0, "%".to_string()));
            }
            let skip = NOT_MEASURES.iter().any(|w| name.contains(w));
            Column { name, unit, change, skip }
        })
        .collect()
}

/// The metrics of one data row. `base` is the char offset of the row in the text.
pub fn row_metrics(header: &str, row: &str, orig_row: &str, base: usize, region: Option<&str>) -> Vec<Metric> {
    let cols = columns(header);
    let unit_col = cols.iter().position(|c| c.name == "单位" || c.name == "计量单位");
    let cells: Vec<&str> = row.split('\t').collect();
    let Some(label) = cells.first().map(|c| c.trim()).filter(|c| !c.is_empty() && number(c).is_none()) else {
        return Vec::new();
    };
    let row_unit = unit_col.and_then(|i| cells.get(i)).and_then(|u| unit_of(u.trim()));
    let sentence: String = orig_row.split('\t').collect::<Vec<_>>().join(" ");
    let mut out: Vec<Metric> = Vec::new();
    let mut offset = 0;
    for (j, cell) in cells.iter().enumerate() {
        let start = base + offset + cell.chars().take_while(|c| c.is_whitespace()).count();
        offset += cell.chars().count() + 1;
        let (Some(col), Some(v)) = (cols.get(j), number(cell)) else { continue };
        if j == 0 || col.skip || Some(j) == unit_col {
            continue;
        }
        let Some((mult, unit)) = col.unit.clone().or_else(|| if col.change { None } else { row_unit.clone() }) else { continue };
        let raw = cell.trim().to_string();
        let span = [start, start + raw.chars().count()];
        if col.change {
            let change = Change {
                direction: if v < 0.0 { Direction::Down } else { Direction::Up },
                value: v.abs(),
                unit: unit.clone(),
                raw: raw.clone(),
            };
            if let Some(host) = out.last_mut().filter(|m| m.change.is_none()) {
                host.change = Some(change);
                continue;
            }
        }
        let name = if VALUE_WORDS.contains(&col.name.as_str()) || col.name.is_empty() { String::new() } else { col.name.clone() };
        let indicator = format!("{label}{name}");
        let category = super::classify::classify(&indicator, &sentence).to_string();
        out.push(Metric {
            indicator_key: super::indicator_key::lookup(&indicator).map(|k| k.key.to_string()),
            indicator,
            value: v * mult,
            unit,
            raw,
            approx: None,
            value_max: None,
            change: None,
            period: None,
            region: region.map(str::to_string),
            category,
            sentence: sentence.clone(),
            span,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bulletin_row_with_unit_column_and_growth() {
        let header = "产品\t单位\t产量\t比上年增长%";
        let row = "粮食\t万吨\t1273.5\t-2.4";
        assert!(is_row(row) && is_header(header) && !is_header(row));
        let m = row_metrics(header, row, row, 100, Some("某市"));
        assert_eq!(m.len(), 1, "{m:#?}");
        assert_eq!((m[0].indicator.as_str(), m[0].value, m[0].unit.as_str()), ("粮食产量", 12735000.0, "吨"));
        let c = m[0].change.as_ref().unwrap();
        assert_eq!((c.direction, c.value, c.unit.as_str()), (Direction::Down, 2.4, "%"));
        assert_eq!(m[0].span, [100 + 6, 100 + 12]);
        let got: String = row.chars().skip(6).take(6).collect();
        assert_eq!(got, m[0].raw);
    }

    #[test]
    fn units_in_headers_and_skipped_columns() {
        let header = "项目\t收入(亿元)\t比重\t排名\t100";
        let m = row_metrics(header, "税收\t12.5\t30.2\t3\t9449384", "稅收\t12.5\t30.2\t3\t9449384", 0, None);
        let got: Vec<(f64, &str)> = m.iter().map(|m| (m.value, m.unit.as_str())).collect();
        assert_eq!(got, vec![(1250000000.0, "元"), (30.2, "%")]);
        assert_eq!(m[1].indicator, "税收比重");
    }

    use regex::Regex;
    use std::sync::LazyLock;

    /// The pattern `header_cell` replaced: the oracle.
    static HEADER_CELL: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::regex(r"^(?P<name>.*?)\s*(?:[(（](?P<unit>[^)）]{1,8})[)）]|(?P<pct>%))?$").expect("header cell pattern")
    });

    #[test]
    fn header_cell_as_the_regex_did() {
        let a = ["产量", "(", "（", ")", "）", "万吨", "12345678", "%", " ", "　", "\n", "x"];
        let mut all = crate::pattern::oracle::lines();
        all.extend(crate::pattern::oracle::random(&a, 200_000, 8));
        for s in &all {
            let want = HEADER_CELL.captures(s).map(|c| (c.name("name").unwrap().as_str(), c.name("unit").or_else(|| c.name("pct")).map(|m| m.as_str())));
            assert_eq!(header_cell(s), want, "{s:?}");
        }
    }
}
