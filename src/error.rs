//! Errors as data: what can stop a document from getting a report at all.
//! Anything milder (a lossy decode, a truncation) is a warning inside the report.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// No bytes, or nothing but white space.
    Empty,
    /// Not text: a known binary signature or too many control bytes.
    Binary { kind: &'static str },
    /// Larger than the configured limit.
    TooLarge { bytes: usize, limit: usize },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty => write!(f, "empty input: no text to analyse"),
            Error::Binary { kind } => write!(f, "not a text document ({kind})"),
            Error::TooLarge { bytes, limit } => write!(
                f,
                "input too large: {bytes} bytes, the limit is {limit} bytes"
            ),
        }
    }
}

impl std::error::Error for Error {}
