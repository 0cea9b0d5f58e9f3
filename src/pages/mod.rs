//! One module per route.

pub mod debugger;
pub mod not_found;
