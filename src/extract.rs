//! Stages 4–7 glued: sentences → quantities → metrics with indicator, change, period,
//! region and category attached.

use crate::report::Metric;

/// What the attach stages need to know about the whole document.
#[derive(Debug, Clone, Default)]
pub struct DocContext {
    pub date: Option<String>,
    pub region: Option<String>,
}

/// `text` is the analysed (Simplified, half-width) body, `original` the same body in
/// its own script, char-aligned with `text`.
pub fn extract(_text: &str, _original: &str, _ctx: &DocContext) -> Vec<Metric> {
    Vec::new()
}
