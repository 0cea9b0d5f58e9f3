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
    // From what the panels show (a task after a keystroke), so the verdict does not wait on it.
    let normalisation = Memo::new(move |_| normalisation_note(&state.shown.read().normalisation));
    // Whether the token is too long to wrap: the box's class and wrapping change only when this
    // does, not on every keystroke.
    let long = Memo::new(move |_| state.token.read().len() > NO_WRAP_ABOVE);

    let colours = NodeRef::<leptos::html::Pre>::new();
    // The first value is also the textarea's text, so the server-rendered page shows it.
    let initial = state.token.get_untracked();
    let presenting = crate::state::use_presenting();
    view! {
        <div class="panel-title">
            <label for="token-input">"Encoded token (JWT)"</label>
            <CopyButton label="Copy the token" text=Signal::derive(move || state.token.get()) />
        </div>
        <div class=move || if long.get() { "token-editor plain" } else { "token-editor" }>
            // In presentation mode the box itself shows the token coloured by part: this copy of
            // its text sits under the (transparent-text) textarea, which stays the real control.
            <pre class="token-colours" aria-hidden="true" node_ref=colours>
                {move || {
                    if !presenting.get() || long.get() {
                        return Vec::new();
                    }
                    coloured_parts(&state.token.read())
                        .into_iter()
                        .map(|(class, text)| {
                            // Built only in presentation mode; outside it the token is not even read
                            // (nor tracked), so a keystroke does not re-run this.
                            view! { <span class=class>{text}</span> }
                        })
                        .collect::<Vec<_>>()
                }}
            </pre>
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
                wrap=move || if long.get() { "off" } else { "soft" }
                // Only what is loaded into the box is written into it: what the user typed is
                // there already (copying it back cost every keystroke a pass over the token).
                prop:value=move || state.box_text.get()
                on:input=move |ev| {
                    state.set_token(&event_target_value(&ev));
                    if state.cleanup_note.read_untracked().is_some() {
                        state.cleanup_note.set(None);
                    }
                    if undo.read_untracked().is_some() {
                        undo.set(None);
                    }
                }
                on:paste=on_paste
                on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
                on:drop=on_drop
                on:scroll=move |ev| follow_scroll(&ev, colours)
            >
                {initial}
            </textarea>
        </div>
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

/// Keeps the coloured copy scrolled with the textarea.
fn follow_scroll(ev: &leptos::ev::Event, colours: NodeRef<leptos::html::Pre>) {
    #[cfg(feature = "hydrate")]
    if let Some(pre) = colours.get_untracked() {
        let area = event_target::<leptos::web_sys::HtmlTextAreaElement>(ev);
        pre.set_scroll_top(area.scroll_top());
        pre.set_scroll_left(area.scroll_left());
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (ev, colours);
}

/// The token box's text cut at its dots, each part with its colour class (the dots go with the
/// part before them). Only the text's own characters: the colours line up with the textarea's.
pub fn coloured_parts(text: &str) -> Vec<(&'static str, String)> {
    const CLASSES: [&str; 3] = ["t-header", "t-payload", "t-signature"];
    let mut parts: Vec<(&'static str, String)> = text
        .split_inclusive('.')
        .enumerate()
        .map(|(i, part)| (CLASSES.get(i).copied().unwrap_or("t-extra"), part.to_owned()))
        .collect();
    // A final line break gets a line of its own in a textarea, not in a <pre>: keep them level.
    if text.ends_with('\n')
        && let Some((_, last)) = parts.last_mut()
    {
        last.push(' ');
    }
    parts
}
