//! One module per component.

pub mod api_panel;
pub mod claims_table;
pub mod clock_controls;
pub mod copy_button;
pub mod deferred;
pub mod demo_bar;
pub mod demo_info;
pub mod discover_keys;
pub mod encoded_token;
pub mod explain_panel;
pub mod json_editor;
pub mod json_panel;
pub mod key_fields;
pub mod key_input;
pub mod lazy_details;
pub mod lessons;
pub mod linked_span;
pub mod server_says;
pub mod sign_panel;
pub mod token_input;
pub mod toolbar;
pub mod verdict;
