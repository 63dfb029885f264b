//! Stage 3 — the body in its own script → the text analysed: Simplified, half-width
//! digits and punctuation, aligned char for char with the input so that every offset
//! found in the analysed text also points at the same character of the original.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Simplified,
    Traditional,
}

impl Script {
    pub fn as_str(self) -> &'static str {
        match self {
            Script::Simplified => "simplified",
            Script::Traditional => "traditional",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Normalised {
    /// Same number of chars as the input, char i ↔ input char i.
    pub text: String,
    pub script: Script,
}

pub fn normalise(body: &str) -> Normalised {
    let text = body.chars().map(half_width).collect();
    Normalised { text, script: Script::Simplified }
}

/// Full-width ASCII forms (U+FF01–FF5E) → ASCII, ideographic space → space.
pub fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}
