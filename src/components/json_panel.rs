//! Header or payload as pretty, syntax-coloured JSON. Its text is exactly the verdict's value
//! (empty when that is null); each member links to its place in the token.

use leptos::prelude::*;

use crate::components::copy_button::CopyButton;
use crate::components::linked_span::LinkedSpan;
use crate::jwt::analyse::ClaimRow;
use crate::jwt::pretty::{PieceKind, pretty};
use crate::state::use_debugger;

/// Above this many bytes, JSON is shown without syntax colouring.
const LARGE_JSON: usize = 16 * 1024;

/// Which part to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Header,
    Payload,
}

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
    // The printed JSON and each member's place in the token; unchanged by clock ticks, so the
    // panel is not re-rendered every second (and hover survives).
    let printed = Memo::new(move |_| {
        let report = state.report.read();
        let (value, rows): (Option<&serde_json::Value>, &Vec<ClaimRow>) = match part {
            Part::Header => (report.header.as_ref(), &report.header_params),
            Part::Payload => (report.payload.as_ref(), &report.claims),
        };
        value.map(|v| (pretty(v), rows.iter().map(|r| r.token_range.clone()).collect::<Vec<_>>()))
    });
    let pieces = move || {
        let Some((printed, ranges)) = printed.get() else { return ().into_any() };
        // Very large JSON is one plain text node: colouring hundreds of KiB costs more than it shows.
        if printed.text.len() > LARGE_JSON {
            return printed.text.into_any();
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
                view! { <LinkedSpan class=piece.kind.class() range=range text=text /> }.into_any()
            })
            .collect_view()
            .into_any()
    };
    let text =
        Signal::derive(move || printed.read().as_ref().map(|(p, _)| p.text.clone()).unwrap_or_default());
    let note = Memo::new(move |_| {
        let report = state.report.read();
        let missing = match part {
            Part::Header => report.header.is_none(),
            Part::Payload => report.payload.is_none(),
        };
        if !missing {
            return None;
        }
        Some(match (part, report.error_kind) {
            (_, None) if report.token.is_empty() => "Paste a token to see it decoded.",
            (Part::Payload, Some(crate::jwt::ErrorKind::Jwe)) => {
                "Encrypted (JWE): the payload cannot be read without the decryption key, and this debugger does not decrypt."
            }
            (Part::Payload, Some(crate::jwt::ErrorKind::B64False)) => {
                "Unencoded payload (b64: false): not shown, JWTs must not use it."
            }
            (Part::Payload, Some(crate::jwt::ErrorKind::PayloadNotJson)) => {
                "The payload is not JSON; see the best-effort reading below."
            }
            (Part::Payload, Some(crate::jwt::ErrorKind::PayloadNotObject)) => {
                "The payload is JSON but not an object; see the best-effort reading below."
            }
            _ => "Not shown: the token is malformed (see the verdict and the best-effort reading).",
        })
    });
    let copy_label = match part {
        Part::Header => "Copy the header JSON",
        Part::Payload => "Copy the payload JSON",
    };
    view! {
        <div class=format!("json-panel json-{testid}")>
            <div class="panel-title">
                <h3 class="sub" id=id>{title}</h3>
                <CopyButton label=copy_label text=text />
            </div>
            <pre class="json" data-testid=testid aria-labelledby=id tabindex="0">{pieces}</pre>
            <p class="muted small" data-testid=format!("{testid}-note")>{note}</p>
        </div>
    }
}

/// Best-effort readings of a malformed token, clearly labelled as such.
#[component]
pub fn LenientPanel() -> impl IntoView {
    let state = use_debugger();
    let lenient = Memo::new(move |_| state.report.read().lenient.clone());
    move || {
        let lenient = lenient.get()?;
        let part = |title: &'static str, p: &Option<crate::jwt::analyse::LenientPart>| {
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
                <h3 id="lenient-heading" class="sub">"Best-effort reading — not verified, not part of the verdict"</h3>
                <p class="muted small">
                    "The token is not well-formed, so this is what its parts look like when decoded leniently."
                </p>
                {part("Header (lenient)", &lenient.header)}
                {part("Payload (lenient)", &lenient.payload)}
            </section>
        })
    }
}
