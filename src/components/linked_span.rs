//! A piece of text tied to a claim's place in the token: hovering it highlights that place
//! everywhere (the coloured token, the JSON, the claims table).

use std::ops::Range;

use leptos::prelude::*;

use crate::state::use_debugger;

/// A `<span>` that lights up with, and lights up, the token range `range`.
#[component]
pub fn LinkedSpan(
    /// CSS class of the text.
    class: &'static str,
    /// The token range the text stands for.
    range: Option<Range<usize>>,
    /// The text.
    text: String,
) -> impl IntoView {
    let state = use_debugger();
    let lit = state.lit(range.clone());
    view! {
        <span
            class=class
            class:hl=lit
            on:mouseenter=move |_| state.highlight.set(range.clone())
            on:mouseleave=move |_| state.highlight.set(None)
        >
            {text}
        </span>
    }
}
