//! Header or payload as pretty, syntax-coloured JSON. Its text is exactly the verdict's value
//! (empty when that is null); each member links to its place in the token.

use jwt_core::pretty::{PieceKind, pretty};
use leptos::prelude::*;

use crate::components::copy_button::CopyButton;
use crate::components::linked_span::LinkedSpan;
use crate::state::use_debugger;
use crate::view_model::{Part, json_note, piece_class};

/// Above this many bytes, JSON is shown without syntax colouring, and only its first
/// [`LARGE_JSON_HEAD`] bytes are laid out until "Show all" (laying out hundreds of KiB of text
/// blocks the page for tens of milliseconds). The rest is in the element all the same, hidden,
/// so the element's text stays exactly the JSON (the test contract) and copying copies it all.
const LARGE_JSON: usize = 16 * 1024;
const LARGE_JSON_HEAD: usize = 4 * 1024;

/// The JSON of one part.
#[component]
pub fn JsonPanel(
    /// Header or payload.
    part: Part,
) -> impl IntoView {
    let state = use_debugger();
    let (title, testid, id) = match part {
        Part::Header => ("Header", "header-json", "header-json-title"),
        Part::Payload => ("Payload", "payload-json", "payload-json-title"),
    };
    // The printed JSON and each member's place in the token: re-made only when the token
    // changes, so the panel is not re-rendered every second (and hover survives).
    let printed = Memo::new(move |_| {
        let decoded = state.shown.read();
        let (value, rows) = match part {
            Part::Header => (decoded.header.as_ref(), decoded.header_params()),
            Part::Payload => (decoded.payload.as_ref(), decoded.claims()),
        };
        value.map(|v| (pretty(v), rows.iter().map(|r| r.token_range.clone()).collect::<Vec<_>>()))
    });
    let pieces = move || {
        let Some((printed, ranges)) = printed.get() else { return ().into_any() };
        // Very large JSON is plain text: colouring hundreds of KiB costs more than it shows.
        if printed.text.len() > LARGE_JSON {
            let (head, rest) = split_at_char(&printed.text, LARGE_JSON_HEAD);
            let label = format!(" … {} more characters … ", rest.chars().count());
            return view! {
                {head.to_owned()}
                <span class="json-elision" aria-hidden="true" data-label=label></span>
                <span class="json-rest">{rest.to_owned()}</span>
            }
            .into_any();
        }
        printed
            .pieces
            .iter()
            .map(|piece| {
                let text = printed.piece_text(piece).to_owned();
                let range = piece.member.and_then(|m| ranges.get(m).cloned().flatten());
                if piece.kind == PieceKind::Punct && range.is_none() {
                    return text.into_any();
                }
                view! { <LinkedSpan class=piece_class(piece.kind) range=range text=text /> }.into_any()
            })
            .collect_view()
            .into_any()
    };
    let text =
        Signal::derive(move || printed.read().as_ref().map(|(p, _)| p.text.clone()).unwrap_or_default());
    // The verdict's error is read (and tracked) only when the part is missing: a keystroke in a
    // readable token does not re-run this before its verdict is shown.
    let note = Memo::new(move |_| json_note(&state.shown.read(), || state.verdict.read().error_kind, part));
    let copy_label = match part {
        Part::Header => "Copy the header JSON",
        Part::Payload => "Copy the payload JSON",
    };
    view! {
        <div class=format!("json-panel json-{testid}")>
            <div class="panel-title">
                <h3 class="sub" id=id>
                    {title}
                </h3>
                <CopyButton label=copy_label text=text />
            </div>
            <pre class="json" data-testid=testid aria-labelledby=id tabindex="0">
                {pieces}
            </pre>
            // Shown (by CSS) only when the JSON is cut; checking it lays out the rest.
            <label class="show-all">
                <input type="checkbox" />
                " Show all"
            </label>
            <p class="muted small" data-testid=format!("{testid}-note")>
                {note}
            </p>
        </div>
    }
}

/// `text` split after at most `at` bytes, on a character boundary.
fn split_at_char(text: &str, at: usize) -> (&str, &str) {
    let mut end = at.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.split_at(end)
}

/// Best-effort readings of a malformed token, clearly labelled as such.
#[component]
pub fn LenientPanel() -> impl IntoView {
    let state = use_debugger();
    let lenient = Memo::new(move |_| state.shown.read().lenient.clone());
    move || {
        let lenient = lenient.get()?;
        let part = |title: &'static str, p: &Option<jwt_core::analyse::LenientPart>| {
            p.as_ref().map(|p| {
                let text = p
                    .json
                    .as_ref()
                    .map_or_else(|| p.text.clone(), |j| serde_json::to_string_pretty(j).unwrap_or_default());
                view! {
                    <h4 class="sub">{title}</h4>
                    <pre class="json lenient-text">{text}</pre>
                }
            })
        };
        Some(view! {
            <section class="lenient" data-testid="lenient" aria-labelledby="lenient-heading">
                <h3 id="lenient-heading" class="sub">
                    "Best-effort reading — not verified, not part of the verdict"
                </h3>
                <p class="muted small">
                    "The token is not well-formed, so this is what its parts look like when decoded leniently."
                </p>
                {part("Header (lenient)", &lenient.header)}
                {part("Payload (lenient)", &lenient.payload)}
            </section>
        })
    }
}
