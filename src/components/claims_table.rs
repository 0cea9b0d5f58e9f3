//! Every header parameter and claim explained: value, meaning, where it is defined, and for
//! NumericDate claims the instant in UTC, in local time and relative to now (live).

use std::ops::Range;

use leptos::prelude::*;

use crate::browser;
use crate::jwt::analyse::{ClaimRow, TimeInfo};
use crate::jwt::claims::ClaimDoc;
use crate::state::use_debugger;

/// What a row shows that does not change with the clock.
#[derive(Debug, Clone, PartialEq)]
struct RowFacts {
    name: String,
    value: String,
    doc: Option<&'static ClaimDoc>,
    range: Option<Range<usize>>,
    seconds: Option<f64>,
}

/// Values longer than this are cut in the table (the JSON panel has them in full).
const VALUE_SHOWN: usize = 300;

fn shorten(value: String) -> String {
    if value.len() <= VALUE_SHOWN {
        return value;
    }
    let mut end = VALUE_SHOWN;
    while !value.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} more characters)", &value[..end], value[end..].chars().count())
}

/// One table of rows (header parameters or claims).
#[component]
fn RowsTable(
    /// Table caption.
    caption: &'static str,
    /// `data-testid` of the table.
    testid: &'static str,
    /// Which rows to show.
    rows: Signal<Vec<ClaimRow>>,
) -> impl IntoView {
    let state = use_debugger();
    // Rows are rebuilt only when the token changes; the time cells follow the clock by
    // themselves, so focus and hover on a row survive the ticking countdown.
    let facts = Memo::new(move |_| {
        rows.read()
            .iter()
            .map(|r| RowFacts {
                name: r.name.clone(),
                value: shorten(serde_json::to_string(&r.value).unwrap_or_default()),
                doc: r.doc,
                range: r.token_range.clone(),
                seconds: r.time.as_ref().map(|t| t.seconds),
            })
            .collect::<Vec<_>>()
    });
    let time_of = move |name: String| -> Option<TimeInfo> {
        rows.read().iter().find(|r| r.name == name).and_then(|r| r.time.clone())
    };
    let body = move || {
        facts
            .get()
            .into_iter()
            .map(|row| {
                let range = row.range.clone();
                let lit = state.lit(range.clone());
                let (enter, focus) = (range.clone(), range.clone());
                let meaning = match row.doc {
                    Some(doc) => view! {
                        <span class="claim-title">{doc.title}</span>
                        " — "
                        {doc.description}
                        " "
                        <a href=doc.url target="_blank" rel="noopener noreferrer external">{doc.source}</a>
                    }
                    .into_any(),
                    None => view! { <span class="muted">"Not a registered claim: its meaning is up to the issuer."</span> }.into_any(),
                };
                let time = row.seconds.map(|seconds| {
                    let name = row.name.clone();
                    let iso = move || time_of(name.clone()).and_then(|t| t.iso).unwrap_or_else(|| "out of range".to_owned());
                    let name = row.name.clone();
                    let relative = move || time_of(name.clone()).map(|t| t.relative).unwrap_or_default();
                    let local = move || {
                        state.hydrated.get().then(|| browser::local_time(seconds)).flatten().map(|l| format!("local: {l}"))
                    };
                    view! {
                        <span class="time-utc">{iso}</span>
                        <span class="time-local">{local}</span>
                        <span class="time-relative">{relative}</span>
                    }
                });
                view! {
                    <tr
                        tabindex="0"
                        class:hl=lit
                        data-claim=row.name.clone()
                        on:mouseenter=move |_| state.highlight.set(enter.clone())
                        on:mouseleave=move |_| state.highlight.set(None)
                        on:focus=move |_| state.highlight.set(focus.clone())
                        on:blur=move |_| state.highlight.set(None)
                    >
                        <th scope="row"><code>{row.name.clone()}</code></th>
                        <td><code class="claim-value">{row.value}</code></td>
                        <td>{meaning}</td>
                        <td class="time-cell">{time}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || !facts.read().is_empty()>
            <table class="claims" data-testid=testid>
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Value"</th>
                        <th scope="col">"Meaning"</th>
                        <th scope="col">"Time"</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </Show>
    }
}

/// Header parameters and claims, explained.
#[component]
pub fn ClaimsTable() -> impl IntoView {
    let state = use_debugger();
    let header = Signal::derive(move || state.report.read().header_params.clone());
    let claims = Signal::derive(move || state.report.read().claims.clone());
    view! {
        <section class="explained" aria-labelledby="explained-heading">
            <h2 id="explained-heading">"What each part means"</h2>
            <RowsTable caption="Header parameters" testid="header-table" rows=header />
            <RowsTable caption="Claims" testid="claims-table" rows=claims />
        </section>
    }
}
