//! A button that copies some text to the clipboard and says whether it worked.

use leptos::prelude::*;

/// "Copy" with a short confirmation next to it.
#[component]
pub fn CopyButton(
    /// The accessible name, e.g. "Copy the header JSON".
    label: &'static str,
    /// The text to copy, read when clicked.
    text: Signal<String>,
) -> impl IntoView {
    let done = RwSignal::new(None::<&'static str>);
    let copy = move |_| {
        let text = text.get_untracked();
        leptos::task::spawn_local(async move {
            done.set(Some(if crate::browser::copy_text(text).await { "Copied" } else { "Copy failed" }));
        });
    };
    view! {
        <button type="button" class="button small-button" aria-label=label on:click=copy>
            "Copy"
        </button>
        <span class="muted small" role="status">
            {move || done.get()}
        </span>
    }
}
