//! The key source fields shared by verify and sign: a format menu and a key text area.

use jwt_core::KeyKind;
use leptos::prelude::*;

/// Format `<select>` and key `<textarea>`, with their labels.
#[component]
pub fn KeyFields(
    /// Id (and `data-testid`) of the format menu.
    kind_id: &'static str,
    /// Id (and `data-testid`) of the text area.
    text_id: &'static str,
    /// The format menu's label.
    kind_label: &'static str,
    /// The text area's label.
    text_label: &'static str,
    /// The formats offered, in menu order.
    kinds: &'static [KeyKind],
    /// The chosen format.
    kind: RwSignal<KeyKind>,
    /// The key text, as shown.
    text: Signal<String>,
    /// Called with the new text when the user types or pastes.
    on_input: Callback<String>,
    /// Visible rows.
    rows: u32,
    /// Id of an element that describes the text area (a privacy note).
    #[prop(optional)]
    described_by: Option<&'static str>,
) -> impl IntoView {
    let options =
        kinds.iter().map(|k| view! { <option value=k.as_str()>{k.label()}</option> }).collect_view();
    // The first value is also the text area's text, so the server-rendered page shows it.
    let initial = text.get_untracked();
    view! {
        <label for=kind_id>{kind_label}</label>
        <select
            id=kind_id
            data-testid=kind_id
            prop:value=move || kind.get().as_str()
            on:change=move |ev| kind.set(KeyKind::parse(&event_target_value(&ev)).unwrap_or_default())
        >
            {options}
        </select>
        <label for=text_id>{text_label}</label>
        <textarea
            id=text_id
            data-testid=text_id
            class="key-input"
            rows=rows
            spellcheck="false"
            autocomplete="off"
            autocapitalize="off"
            aria-describedby=described_by
            prop:value=move || text.get()
            on:input=move |ev| on_input.run(event_target_value(&ev))
        >
            {initial}
        </textarea>
    }
}
