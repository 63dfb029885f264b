//! Stage 2 — text → body and document facts. (First cut: passes text through.)

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Markdown,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Markdown => "markdown",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: Option<String>,
    /// ISO `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`).
    pub date: Option<String>,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub categories: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Cleaned {
    /// The article body in its own script, one paragraph a line, noise removed.
    pub body: String,
    pub meta: Meta,
    pub format: Format,
    pub warnings: Vec<String>,
}

pub fn clean(text: &str) -> Cleaned {
    let body: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    Cleaned { body: body.join("\n"), meta: Meta::default(), format: Format::Text, warnings: Vec::new() }
}
