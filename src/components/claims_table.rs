//! Every header parameter and claim explained: value, meaning, where it is defined, and for
//! NumericDate claims the instant in UTC, in local time and relative to now (live).

use leptos::prelude::*;

use crate::browser;
use crate::components::deferred::{server_rendered, take_over};
use crate::components::lazy_details::body;
use crate::state::use_debugger;
use crate::view_model::{Part, RowFacts, range_attr, row_facts};

/// One row: name, value, meaning and time. Only its relative time follows the clock.
#[component]
fn ClaimRow(
    /// What the row shows.
    facts: RowFacts,
    /// The clock, for the relative time.
    now: Signal<i64>,
    /// Whether local times may be shown: only the browser knows its time zone, and its first
    /// local date costs ~18 ms (the locale data loads), so they come one task after the rows.
    local_times: RwSignal<bool>,
) -> impl IntoView {
    let RowFacts { name, value, doc, range, seconds, iso, long } = facts;
    let meaning = match doc {
        Some(doc) => view! {
            <span class="claim-title">{doc.title}</span>
            " — "
            {doc.description}
            " "
            {match doc.url {
                Some(url) => {
                    view! {
                        <a href=url target="_blank" rel="noopener noreferrer">
                            {doc.source}
                        </a>
                    }
                        .into_any()
                }
                None => view! { <span class="muted">{format!("({})", doc.source)}</span> }.into_any(),
            }}
        }
        .into_any(),
        None => {
            view! { <span class="muted">"Not a registered claim: its meaning is up to the issuer."</span> }
                .into_any()
        }
    };
    let time = seconds.map(|seconds| {
        let claim = name.clone();
        let relative = move || jwt_core::time::relative(&claim, seconds, now.get());
        let local = move || {
            local_times.get().then(|| browser::local_time(seconds)).flatten().map(|l| format!("local: {l}"))
        };
        view! {
            <span class="time-utc">{iso}</span>
            <span class="time-local">{local}</span>
            <span class="time-relative">{relative}</span>
        }
    });
    let name_cell = name.clone();
    view! {
        <tr tabindex="0" data-claim=name data-range=range_attr(range.as_ref())>
            <th scope="row" data-label="Name">
                <code>{name_cell}</code>
            </th>
            <td data-label="Value">
                <code class="claim-value" class:long=long>
                    {value}
                </code>
            </td>
            <td data-label="Meaning">{meaning}</td>
            <td class="time-cell" data-label="Time">
                {time}
            </td>
        </tr>
    }
}

/// One table of rows (header parameters or claims).
#[component]
fn RowsTable(
    /// Table caption.
    caption: &'static str,
    /// `data-testid` of the table.
    testid: &'static str,
    /// Which part's members to show.
    part: Part,
    /// Whether local times may be shown (see [`ClaimRow`]).
    local_times: RwSignal<bool>,
) -> impl IntoView {
    let state = use_debugger();
    let now = Signal::derive(move || state.now());
    // Rows are rebuilt only when the token changes; the time cells follow the clock by
    // themselves, so focus and hover on a row survive the ticking countdown.
    let facts = Memo::new(move |_| {
        let decoded = state.shown.read();
        row_facts(match part {
            Part::Header => decoded.header_params(),
            Part::Payload => decoded.claims(),
        })
    });
    let more = move || {
        let left_out = facts.read().1;
        (left_out > 0).then(|| {
            view! {
                <tr class="more-rows" data-testid="claims-more">
                    <td colspan="4" class="muted">
                        {format!("… and {left_out} more (see the JSON above)")}
                    </td>
                </tr>
            }
        })
    };
    view! {
        <Show when=move || !facts.read().0.is_empty()>
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
                <tbody>
                    // Keyed by what a row shows: an edit rebuilds the rows of the claims it
                    // changed (or moved in the token), not every row.
                    <For
                        each=move || facts.get().0
                        key=|f| (f.name.clone(), f.value.clone(), f.range.clone())
                        children=move |f| view! { <ClaimRow facts=f now=now local_times=local_times /> }
                    />
                    {more}
                </tbody>
            </table>
        </Show>
    }
}

/// Header parameters and claims, explained. The server renders the tables; the browser keeps
/// that HTML (it explains the first token correctly) and loads their code when the token first
/// changes or with the other lazily loaded parts, whichever comes first — they are below the
/// first screen, so they stay out of the first load ([`Debugger::claims_live`]).
///
/// [`Debugger::claims_live`]: crate::state::Debugger::claims_live
#[component]
pub fn ClaimsTable() -> impl IntoView {
    let state = use_debugger();
    let host = NodeRef::new();
    take_over(host, move || state.shown.with(|d| d.token.clone()), body(tables_late), state.claims_live);
    view! {
        <section class="explained" aria-labelledby="explained-heading">
            <h2 id="explained-heading">"What each part means"</h2>
            {server_rendered("explained-tables", host, tables)}
        </section>
    }
}

/// Both tables, live.
fn tables() -> AnyView {
    // Local times a task after the rows are built (never on the server: only the browser knows
    // its time zone).
    let local_times = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| browser::in_next_task(move || local_times.set(true)));
    view! {
        <RowsTable caption="Header parameters" testid="header-table" part=Part::Header local_times />
        <RowsTable caption="Claims" testid="claims-table" part=Part::Payload local_times />
    }
    .into_any()
}

/// [`tables`], in a lazily loaded chunk.
#[cfg_attr(feature = "split", lazy)]
async fn tables_late() -> AnyView {
    tables()
}
