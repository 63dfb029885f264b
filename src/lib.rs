//! Zhibiao (指标): Chinese development reporting in, structured metrics out.
//!
//! The pipeline, one module a stage, free of wasm types so it builds and tests natively:
//! [`decode`] bytes → [`clean`] → [`normalise`] script → [`segment`] → [`quantity`] →
//! [`attach`] (indicator, change, period, region, category) → [`report`].

pub mod attach;
pub mod clean;
pub mod decode;
pub mod error;
pub mod keywords;
pub mod lexicon;
pub mod normalise;
pub mod pattern;
pub mod numeral;
pub mod quantity;
pub mod report;
pub mod segment;

#[cfg(target_arch = "wasm32")]
mod wasm;
#[cfg(all(feature = "python", not(target_arch = "wasm32")))]
mod python;

use attach::{extract, region};
pub use error::Error;
pub use report::Report;

/// Limits and switches for one analysis.
#[derive(Debug, Clone)]
pub struct Options {
    /// Inputs larger than this are refused with [`Error::TooLarge`].
    pub max_bytes: usize,
    /// Whether to compute TF-IDF keywords (they need the jieba dictionary).
    pub keywords: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { max_bytes: 64 * 1024 * 1024, keywords: true }
    }
}

/// Runs the two independent halves of an analysis, the figures and the keywords: on a
/// second core when one is free (rayon's `join` stays on this thread when every worker
/// is busy, as in the command line's batch), in turn in wasm.
#[cfg(not(target_arch = "wasm32"))]
fn both<A: Send, B: Send>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
    rayon::join(a, b)
}

#[cfg(target_arch = "wasm32")]
fn both<A, B>(a: impl FnOnce() -> A, b: impl FnOnce() -> B) -> (A, B) {
    (a(), b())
}

/// Analyse one document with the default options.
pub fn analyze(bytes: &[u8], name: &str) -> Result<Report, Error> {
    analyze_with(bytes, name, &Options::default())
}

/// Analyse one document: bytes in any supported encoding and format, a report out.
pub fn analyze_with(bytes: &[u8], name: &str, opts: &Options) -> Result<Report, Error> {
    if bytes.len() > opts.max_bytes {
        return Err(Error::TooLarge { bytes: bytes.len(), limit: opts.max_bytes });
    }
    let decoded = decode::decode(bytes)?;
    let mut warnings = decoded.warnings.clone();
    if decoded.lossy && warnings.is_empty() {
        // a lossy decode is never silent (issue 5), whichever decoder produced it
        warnings.push(format!("decoding as {} replaced malformed byte sequences with U+FFFD", decoded.encoding));
    }
    let cleaned = clean::clean(&decoded.text);
    warnings.extend(cleaned.warnings.iter().cloned());
    if cleaned.body.trim().is_empty() {
        return Err(Error::Empty);
    }
    let norm = normalise::normalise(&cleaned.body);
    let title = cleaned.meta.title.clone();
    let date = attach::context::document_date(cleaned.meta.date.as_deref(), &decoded.text, &norm.text, name);
    let figures = || {
        let place = region::document_region(title.as_deref(), &norm.text, cleaned.meta.publisher.as_deref());
        let doc_region = place.as_ref().map(|p| p.name.clone());
        let period = attach::context::title_period(title.as_deref(), date.as_deref());
        let ctx = extract::DocContext { date: date.clone(), region: doc_region.clone(), place, period };
        (doc_region, extract::extract(&norm.text, &cleaned.body, &ctx))
    };
    let keywords = || if opts.keywords { keywords::keywords(&norm.text, keywords::TOP) } else { Vec::new() };
    let ((doc_region, metrics), keywords) = both(figures, keywords);
    let original_text = (norm.text != cleaned.body).then(|| cleaned.body.clone());
    Ok(Report {
        source: report::Source {
            name: name.to_string(),
            bytes: bytes.len(),
            encoding: decoded.encoding.to_string(),
            format: cleaned.format.as_str().to_string(),
        },
        document: report::Document {
            title,
            date,
            publisher: cleaned.meta.publisher.clone(),
            author: cleaned.meta.author.clone(),
            region: doc_region,
            script: norm.script.as_str().to_string(),
        },
        text: norm.text,
        original_text,
        metrics,
        keywords,
        warnings,
    })
}
