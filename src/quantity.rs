//! Stage 5 — every number with its unit. (Interface; the scanner follows.)

use crate::report::Approx;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    pub raw: String,
    pub value: f64,
    pub unit: String,
    pub approx: Option<Approx>,
    pub value_max: Option<f64>,
    /// Half-open char offsets of `raw` in the scanned text.
    pub span: [usize; 2],
}

pub fn find(_text: &str) -> Vec<Quantity> {
    Vec::new()
}
