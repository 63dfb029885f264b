//! The output contract of `../shared/SPEC.md` §2: one [`Report`] per document.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub source: Source,
    pub document: Document,
    /// The cleaned body, Simplified, half-width digits, one paragraph a line.
    pub text: String,
    /// The cleaned body in the article's own script, aligned char for char with `text`
    /// (the same spans index both); null when it equals `text`.
    pub original_text: Option<String>,
    pub metrics: Vec<Metric>,
    pub keywords: Vec<Keyword>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub name: String,
    pub bytes: usize,
    pub encoding: String,
    /// `text`, `html` or `markdown`.
    pub format: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub title: Option<String>,
    /// ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: Option<String>,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub region: Option<String>,
    /// `simplified` or `traditional`.
    pub script: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    pub indicator: String,
    /// The canonical name of the standard statistical indicator it measures, so the same
    /// thing lines up across documents (`新增城镇就业` → `城镇新增就业人数`); null when the
    /// indicator is not a standard one.
    pub indicator_key: Option<String>,
    pub value: f64,
    pub unit: String,
    pub raw: String,
    pub approx: Option<Approx>,
    pub value_max: Option<f64>,
    pub change: Option<Change>,
    pub period: Option<Period>,
    pub region: Option<String>,
    pub category: String,
    /// The sentence the metric was read from, in the article's own script.
    pub sentence: String,
    /// Half-open char (Unicode scalar) offsets of `raw` in `text`.
    pub span: [usize; 2],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Approx {
    About,
    Over,
    Under,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Up,
    Down,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub direction: Direction,
    pub value: f64,
    pub unit: String,
    pub raw: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Period {
    pub text: String,
    pub start: Option<String>,
    pub end: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyword {
    pub word: String,
    pub weight: f64,
}
