//! A labelled JSON text area that says, under it, why its text is not JSON.

use leptos::prelude::*;

/// A JSON editor: label, text area and the parse error (`<testid>-error`).
#[component]
pub fn JsonEditor(
    /// The element id (also the label's `for`).
    id: &'static str,
    /// The label.
    label: &'static str,
    /// `data-testid` of the text area; the error line gets `<testid>-error`.
    testid: &'static str,
    /// Visible rows.
    rows: u32,
    /// The text.
    text: RwSignal<String>,
) -> impl IntoView {
    let error = move || serde_json::from_str::<serde_json::Value>(&text.read()).err().map(|e| e.to_string());
    view! {
        <label for=id>{label}</label>
        <textarea
            id=id
            data-testid=testid
            rows=rows
            spellcheck="false"
            prop:value=move || text.get()
            on:input=move |ev| text.set(event_target_value(&ev))
        ></textarea>
        <p class="error-text" data-testid=format!("{testid}-error")>
            {error}
        </p>
    }
}
