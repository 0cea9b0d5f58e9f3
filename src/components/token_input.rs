//! The token box: paste, type or drop a file. Pasted quotes or JSON wrappers are removed with a
//! visible note (and an undo); `Bearer` and whitespace are handled by the analysis itself.

use leptos::prelude::*;

use crate::components::copy_button::CopyButton;
use crate::state::use_debugger;
use crate::view_model::normalisation_note;

/// Above this many bytes the token box does not wrap lines.
const NO_WRAP_ABOVE: usize = 32 * 1024;

/// The token textarea and the notes about what was cleaned.
#[component]
pub fn TokenInput() -> impl IntoView {
    let state = use_debugger();
    let undo = RwSignal::new(None::<String>);

    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        #[cfg(feature = "hydrate")]
        {
            let Some(pasted) = ev.clipboard_data().and_then(|d| d.get_data("text").ok()) else { return };
            if let Some(cleanup) = jwt_core::suggest_cleanup(&pasted) {
                ev.prevent_default();
                state.load(&cleanup.cleaned, None);
                state.cleanup_note.set(Some(format!("Removed {} from the pasted text.", cleanup.removed)));
                undo.set(Some(pasted));
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            match crate::browser::dropped_text(&ev).await {
                Some(text) => {
                    let cleaned = jwt_core::suggest_cleanup(&text).map_or(text, |c| c.cleaned);
                    state.load(&cleaned, None);
                    state.cleanup_note.set(Some("Loaded the token from the dropped file.".to_owned()));
                }
                None => state.cleanup_note.set(Some("The dropped item was not a text file.".to_owned())),
            }
        });
    };
    let normalisation = Memo::new(move |_| normalisation_note(&state.decoded.read().normalisation));

    // The first value is also the textarea's text, so the server-rendered page shows it.
    let initial = state.token.get_untracked();
    view! {
        <div class="panel-title">
            <label for="token-input">"Encoded token (JWT)"</label>
            <CopyButton label="Copy the token" text=Signal::derive(move || state.token.get()) />
        </div>
        <textarea
            id="token-input"
            data-testid="token-input"
            class="token-input"
            rows="7"
            spellcheck="false"
            autocomplete="off"
            autocapitalize="off"
            aria-describedby="token-notes"
            // A very long token on one line: wrapping 256 KiB of base64 costs the browser ~40 ms
            // of layout; one line costs half that, and nobody reads such a token line by line.
            wrap=move || { if state.token.read().len() > NO_WRAP_ABOVE { "off" } else { "soft" } }
            prop:value=move || state.token.get()
            on:input=move |ev| {
                state.set_token(&event_target_value(&ev));
                state.cleanup_note.set(None);
                undo.set(None);
            }
            on:paste=on_paste
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=on_drop
        >
            {initial}
        </textarea>
        <p id="token-notes" class="notes" data-testid="token-notes">
            {move || state.cleanup_note.get()}
            {move || {
                undo.get()
                    .map(|raw| {
                        view! {
                            " "
                            <button
                                type="button"
                                class="link-button"
                                on:click=move |_| {
                                    state.load(&raw, None);
                                    undo.set(None);
                                }
                            >
                                "Undo"
                            </button>
                        }
                    })
            }}
            " "
            {normalisation}
        </p>
    }
}
