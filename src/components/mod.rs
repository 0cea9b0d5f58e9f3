//! One module per component.

pub mod demo_login;
