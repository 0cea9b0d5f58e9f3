//! A piece of text tied to a claim's place in the token: hovering it highlights that place
//! everywhere (the coloured token, the JSON, the claims table).

use std::ops::Range;

use leptos::prelude::*;

/// A `<span>` that lights up with, and lights up, the token range `range`.
#[component]
pub fn LinkedSpan(
    /// CSS class of the text.
    class: &'static str,
    /// The token range the text stands for.
    range: Option<Range<usize>>,
    /// The text.
    text: String,
    /// The range currently highlighted, shared by every linked view.
    highlight: RwSignal<Option<Range<usize>>>,
) -> impl IntoView {
    let lit = {
        let range = range.clone();
        move || range.is_some() && highlight.read().as_ref() == range.as_ref()
    };
    view! {
        <span
            class=class
            class:hl=lit
            on:mouseenter=move |_| highlight.set(range.clone())
            on:mouseleave=move |_| highlight.set(None)
        >
            {text}
        </span>
    }
}
