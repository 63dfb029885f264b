//! Rendering reports: an aligned table, JSON, JSON lines, CSV.

use std::fmt::Write as _;
use zhibiao::report::{Approx, Direction, Metric, Report};

use super::args::Format;
use super::format::{metric_change, metric_value, pad, sanitize, truncate, width};

// ---------------------------------------------------------------------------------------
// Rendering

pub struct Renderer {
    format: Format,
    count: usize,
}

const CSV_HEADER: [&str; 23] = [
    "file",
    "title",
    "date",
    "document_region",
    "indicator",
    "indicator_key",
    "value",
    "unit",
    "raw",
    "approx",
    "value_max",
    "change_direction",
    "change_value",
    "change_unit",
    "period",
    "period_start",
    "period_end",
    "region",
    "category",
    "sentence",
    "span_start",
    "span_end",
    "encoding",
];

impl Renderer {
    pub fn new(format: Format) -> Self {
        Renderer { format, count: 0 }
    }

    pub fn start(&mut self) -> Vec<u8> {
        match self.format {
            Format::Json => b"[".to_vec(),
            Format::Csv => csv_rows(std::iter::once(CSV_HEADER.map(String::from).to_vec())),
            Format::Table | Format::Jsonl => Vec::new(),
        }
    }

    pub fn end(&mut self) -> Vec<u8> {
        match self.format {
            Format::Json if self.count == 0 => b"]\n".to_vec(),
            Format::Json => b"\n]\n".to_vec(),
            _ => Vec::new(),
        }
    }

    pub fn document(&mut self, r: &Report) -> Vec<u8> {
        let first = self.count == 0;
        self.count += 1;
        match self.format {
            Format::Jsonl => {
                let mut v = serde_json::to_vec(r).unwrap_or_else(|e| json_error(&e));
                v.push(b'\n');
                v
            }
            Format::Json => {
                let mut v = if first {
                    b"\n".to_vec()
                } else {
                    b",\n".to_vec()
                };
                v.extend(serde_json::to_vec(r).unwrap_or_else(|e| json_error(&e)));
                v
            }
            Format::Csv => csv_rows(r.metrics.iter().map(|m| csv_record(r, m))),
            Format::Table => {
                let mut s = if first {
                    String::new()
                } else {
                    "\n".to_string()
                };
                s.push_str(&table(r));
                s.into_bytes()
            }
        }
    }
}

/// serde_json fails only on non-finite floats, which it writes as null anyway; keep the
/// output valid JSON whatever happens.
pub fn json_error(e: &serde_json::Error) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({ "error": e.to_string() })).unwrap_or_default()
}

fn csv_rows(rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    for row in rows {
        // Writing to a Vec cannot fail.
        let _ = w.write_record(&row);
    }
    w.into_inner().unwrap_or_default()
}

/// A number as CSV/JSON would read it: shortest round-trip form, empty when not finite.
pub fn plain_number(x: f64) -> String {
    if x.is_finite() {
        format!("{x}")
    } else {
        String::new()
    }
}

fn csv_record(r: &Report, m: &Metric) -> Vec<String> {
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    let change = m.change.as_ref();
    let period = m.period.as_ref();
    vec![
        r.source.name.clone(),
        opt(&r.document.title),
        opt(&r.document.date),
        opt(&r.document.region),
        m.indicator.clone(),
        opt(&m.indicator_key),
        plain_number(m.value),
        m.unit.clone(),
        m.raw.clone(),
        m.approx.map(approx_name).unwrap_or_default().to_string(),
        m.value_max.map(plain_number).unwrap_or_default(),
        change
            .map(|c| direction_name(c.direction))
            .unwrap_or_default()
            .to_string(),
        change.map(|c| plain_number(c.value)).unwrap_or_default(),
        change.map(|c| c.unit.clone()).unwrap_or_default(),
        period.map(|p| p.text.clone()).unwrap_or_default(),
        period.and_then(|p| p.start.clone()).unwrap_or_default(),
        period.and_then(|p| p.end.clone()).unwrap_or_default(),
        opt(&m.region),
        m.category.clone(),
        m.sentence.clone(),
        m.span[0].to_string(),
        m.span[1].to_string(),
        r.source.encoding.clone(),
    ]
}

fn approx_name(a: Approx) -> &'static str {
    match a {
        Approx::About => "about",
        Approx::Over => "over",
        Approx::Under => "under",
    }
}

fn direction_name(d: Direction) -> &'static str {
    match d {
        Direction::Up => "up",
        Direction::Down => "down",
    }
}

pub fn table(r: &Report) -> String {
    let dash = |s: &Option<String>| s.as_deref().map(sanitize).unwrap_or_else(|| "-".into());
    let mut s = String::new();
    let _ = writeln!(
        s,
        "== {}  {}  {}  {}  {}",
        sanitize(&r.source.name),
        dash(&r.document.title),
        dash(&r.document.date),
        dash(&r.document.region),
        sanitize(&r.source.encoding),
    );
    for w in &r.warnings {
        let _ = writeln!(s, "   warning: {}", sanitize(w));
    }
    if r.metrics.is_empty() {
        let _ = writeln!(s, "   (no metrics)");
        return s;
    }
    let header = [
        "indicator",
        "value",
        "change",
        "period",
        "region",
        "category",
    ];
    let mut rows: Vec<[String; 6]> = vec![header.map(String::from)];
    for m in &r.metrics {
        rows.push([
            truncate(&sanitize(&m.indicator), 40),
            sanitize(&metric_value(m)),
            sanitize(&metric_change(m)),
            truncate(
                &sanitize(
                    &m.period
                        .as_ref()
                        .map(|p| p.text.clone())
                        .unwrap_or_default(),
                ),
                24,
            ),
            sanitize(m.region.as_deref().unwrap_or("")),
            sanitize(&m.category),
        ]);
    }
    let mut widths = [0usize; 6];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    for row in &rows {
        let mut line = String::from("   ");
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            // Numbers read best right-aligned.
            if i == 1 || i == 2 {
                line.push_str(&" ".repeat(widths[i] - width(cell)));
                line.push_str(cell);
            } else {
                line.push_str(&pad(cell, widths[i]));
            }
        }
        s.push_str(line.trim_end());
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::format::tests::metric;
    use super::super::format::width;

    #[test]
    fn table_columns_line_up() {
        let mut r: Report = serde_json::from_value(serde_json::json!({
            "source": {"name": "x.txt", "bytes": 1, "encoding": "UTF-8", "format": "text"},
            "document": {"title": "标题", "date": null, "publisher": null, "author": null,
                         "region": "石家庄市", "script": "simplified"},
            "text": "", "original_text": null, "metrics": [], "keywords": [], "warnings": []
        }))
        .unwrap();
        r.metrics.push(metric(16993.0, "元"));
        let mut m = metric(383000.0, "人");
        m.indicator = "城镇新增就业abc".into();
        m.region = Some("石家庄市".into());
        r.metrics.push(m);
        let t = table(&r);
        let lines: Vec<&str> = t.lines().collect();
        assert!(
            lines[0].contains("标题") && lines[0].contains("UTF-8"),
            "{t}"
        );
        // The category column starts at the same display column on every row.
        let col =
            |l: &str| width(&l[..l.find("income").or_else(|| l.find("category")).unwrap()]);
        assert_eq!(col(lines[1]), col(lines[2]), "{t}");
        assert_eq!(col(lines[2]), col(lines[3]), "{t}");
        assert!(t.contains("16993 元") && t.contains("38.3 万人"), "{t}");
    }
}
