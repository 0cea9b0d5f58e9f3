//! Every header parameter and claim explained: value, meaning, where it is defined, and for
//! NumericDate claims the instant in UTC, in local time and relative to now (live).

use leptos::prelude::*;

use crate::browser;
use crate::jwt::analyse::ClaimRow;
use crate::state::use_debugger;

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
    let body = move || {
        let hydrated = state.hydrated.get();
        rows.get()
            .into_iter()
            .map(|row| {
                let range = row.token_range.clone();
                let lit = {
                    let range = range.clone();
                    move || range.is_some() && state.highlight.read().as_ref() == range.as_ref()
                };
                let (enter, focus) = (range.clone(), range.clone());
                let value = serde_json::to_string(&row.value).unwrap_or_default();
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
                let time = row.time.map(|t| {
                    let local = if hydrated { browser::local_time(t.seconds) } else { None };
                    view! {
                        <span class="time-utc">{t.iso.unwrap_or_else(|| "out of range".to_owned())}</span>
                        {local.map(|l| view! { <span class="time-local">{format!("local: {l}")}</span> })}
                        <span class="time-relative">{t.relative}</span>
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
                        <td><code class="claim-value">{value}</code></td>
                        <td>{meaning}</td>
                        <td class="time-cell">{time}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || !rows.read().is_empty()>
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
