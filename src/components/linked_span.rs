//! A piece of text tied to a claim's place in the token: hovering it highlights that place
//! everywhere (the coloured token, the JSON, the claims table). The piece is plain markup (its
//! `data-range`); one set of listeners on the page lights the pieces up (`browser::watch_linked`),
//! so a re-render creates no listener or reactive closure per piece.

use std::ops::Range;

use leptos::prelude::*;

use crate::view_model::range_attr;

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
    view! {
        <span class=class data-range=range_attr(range.as_ref())>
            {text}
        </span>
    }
}
