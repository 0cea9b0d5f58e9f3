//! The normalised token, coloured by part. Hovering a piece highlights the claim it encodes;
//! the first bad character is marked with its reason.

use leptos::prelude::*;

use crate::components::linked_span::LinkedSpan;
use crate::state::use_debugger;
use crate::view_model::token_chunks;

/// The colour-coded token.
#[component]
pub fn EncodedToken() -> impl IntoView {
    let state = use_debugger();
    // Re-rendered only when the token changes (never on a clock tick), so hover survives.
    let pieces = Memo::new(move |_| {
        let decoded = state.shown.read();
        token_chunks(&decoded)
            .into_iter()
            .map(|c| (decoded.token.get(c.range.clone()).unwrap_or_default().to_owned(), c))
            .collect::<Vec<_>>()
    });
    let chunks = move || {
        pieces
            .get()
            .into_iter()
            .map(|(text, chunk)| match chunk.error {
                Some(reason) => view! {
                    <mark
                        class=format!("{} bad-char", chunk.class)
                        title=reason.clone()
                        data-testid="bad-char"
                    >
                        {text}
                        <span class="sr-only">{format!(" (error here: {reason})")}</span>
                    </mark>
                }
                .into_any(),
                None if chunk.elided => view! {
                    <span class="elided" data-elided=chunk.range.len()>
                        {format!(" … {} characters not shown … ", chunk.range.len())}
                    </span>
                }
                .into_any(),
                None => view! { <LinkedSpan class=chunk.class range=chunk.member text=text /> }.into_any(),
            })
            .collect_view()
    };
    let first_error = Memo::new(move |_| {
        state.shown.read().first_error.as_ref().map(|e| format!("Character {}: {}", e.offset + 1, e.reason))
    });
    view! {
        <div class="encoded-wrap">
            <h3 class="sub">"Token by part"</h3>
            <p class="legend" aria-hidden="true">
                <span class="t-header">"header"</span>
                " . "
                <span class="t-payload">"payload"</span>
                " . "
                <span class="t-signature">"signature"</span>
            </p>
            <div class="encoded" data-testid="encoded-token">
                {chunks}
            </div>
            <p class="error-text" data-testid="first-error">
                {first_error}
            </p>
        </div>
    }
}
