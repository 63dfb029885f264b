//! Regions: the document's main administrative unit and the unit each figure is for.

pub fn document_region(_title: Option<&str>, _text: &str, _original: &str) -> Option<String> {
    None
}
