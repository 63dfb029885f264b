//! Stage 1 — bytes → text. (First cut: UTF-8 only; the encoding detector replaces it.)

use crate::Error;

#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// encoding_rs name of the encoding used, e.g. `UTF-8`, `GBK`, `Big5`, `UTF-16LE`.
    pub encoding: &'static str,
    /// Whether malformed sequences were replaced with U+FFFD.
    pub lossy: bool,
    pub warnings: Vec<String>,
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty);
    }
    let (text, _, lossy) = encoding_rs::UTF_8.decode(bytes);
    Ok(Decoded { text: text.into_owned(), encoding: "UTF-8", lossy, warnings: Vec::new() })
}
