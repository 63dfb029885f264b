//! Stage 6 — attach: [`context`] reads what the whole document says about when and
//! where; then every quantity found in a paragraph becomes a metric once it knows
//! what it measures ([`indicator`]), how it changed ([`change`]), when ([`period`]),
//! where ([`region`]) and its category ([`classify`]). [`extract`] glues them; [`table`]
//! reads the rows of a table in the text.

pub mod change;
pub mod classify;
pub mod context;
pub mod countries;
pub mod extract;
pub mod gazetteer;
pub mod indicator;
pub mod indicator_key;
pub mod period;
pub mod region;
pub mod table;
