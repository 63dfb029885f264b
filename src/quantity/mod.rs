//! Stage 5 — every number with its unit. Layer 3 of the numeral grammar
//! ([`crate::numeral`]: lexer → number), in three steps:
//!
//! 1. [`read`]: a number ([`crate::numeral::scan`]) with what is written around it: an
//!    approximation word before (`约`, `超过`), its unit ([`unit`]: `亿元`, `kW`, `元/年`),
//!    tenths (`六成`), a half (`一吨半`), a ratio (`1.49:1`), a word after (`左右`, `以上`);
//! 2. ranges: two readings joined by `到`, `至`, `-`, `~` (`8%到10%`, `一千到一千五百`);
//! 3. [`verdict`]: whether the pipeline keeps it as a metric, and if not, why
//!    ([`Reason`]: a date, a code, an ordinal, a numbered name, a bare number …).
//!
//! [`find`] gives the metrics' quantities; [`find_all`] every number with its verdict, which
//! is what `zhibiao quantities` prints.

mod read;
pub mod unit;
mod verdict;

use crate::report::Approx;
use serde::Serialize;

pub use verdict::Reason;

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

/// A number found in a text, with whether the pipeline keeps it as a metric.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Found {
    #[serde(flatten)]
    pub quantity: Quantity,
    /// Kept as a metric's figure.
    pub metric: bool,
    /// Why not, when it is not.
    pub reason: Option<Reason>,
}

/// The quantities the pipeline keeps as metrics' figures.
pub fn find(text: &str) -> Vec<Quantity> {
    find_all(text).into_iter().filter(|f| f.metric).map(|f| f.quantity).collect()
}

/// Every number in `text`, a bare one with unit `""`, each with its verdict.
pub fn find_all(text: &str) -> Vec<Found> {
    let chars: Vec<char> = text.chars().collect();
    let readings = read::all(&chars);
    verdict::judge(&chars, readings)
}

/// Converts increasing byte offsets to char offsets in one forward pass (linear).
pub struct CharIndex<'a> {
    text: &'a str,
    byte: usize,
    char: usize,
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        CharIndex { text, byte: 0, char: 0 }
    }

    /// The char offset of byte offset `b` (a char boundary).
    pub fn char_at(&mut self, b: usize) -> usize {
        if b < self.byte {
            self.byte = 0;
            self.char = 0;
        }
        self.char += self.text[self.byte..b].chars().count();
        self.byte = b;
        self.char
    }
}

#[cfg(test)]
mod tests;
