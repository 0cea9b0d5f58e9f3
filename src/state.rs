//! The debugger's state: raw inputs in signals, and the core's results in memos. Components read
//! and write these; all logic stays in [`crate::jwt`].

use std::ops::Range;

use leptos::prelude::*;

use crate::browser;
use crate::jwt::{self, KeyKind, Options, ParsedKey, Report};

/// The page's inputs and derived results, shared through context.
#[derive(Clone, Copy)]
pub struct Debugger {
    /// The token box, exactly as typed or pasted.
    pub token: RwSignal<String>,
    /// The key box, exactly as typed or pasted.
    pub key_text: RwSignal<String>,
    /// The key kind chosen (auto by default).
    pub key_kind: RwSignal<KeyKind>,
    /// The live clock (Unix seconds), ticking once a second in the browser.
    pub live_now: RwSignal<i64>,
    /// A fixed clock for demos and tests; `None` follows the live clock.
    pub now_override: RwSignal<Option<i64>>,
    /// Leeway in seconds for exp/nbf.
    pub leeway: RwSignal<u64>,
    /// The part of the normalised token to highlight (a claim hovered or focused).
    pub highlight: RwSignal<Option<Range<usize>>>,
    /// What a paste cleaned up, shown as a note.
    pub cleanup_note: RwSignal<Option<String>>,
    /// True once the page is hydrated and the inputs drive the results.
    pub hydrated: RwSignal<bool>,
    /// The key, read (re-read only when its text or kind changes).
    pub parsed_key: Memo<ParsedKey>,
    /// The analysis of the token with the key, at the current clock.
    pub report: Memo<Report>,
}

impl Debugger {
    /// Creates the state with a first token and key.
    pub fn new(token: &str, key: &str) -> Self {
        let token = RwSignal::new(token.to_owned());
        let key_text = RwSignal::new(key.to_owned());
        let key_kind = RwSignal::new(KeyKind::Auto);
        let live_now = RwSignal::new(browser::unix_now());
        let now_override = RwSignal::new(None);
        let leeway = RwSignal::new(0);
        let parsed_key = Memo::new(move |_| jwt::parse_key(key_kind.get(), &key_text.read()));
        // Reports are large: never compare them, every new one is "changed".
        let report = Memo::new_with_compare(
            move |_| {
                let options = Options {
                    now: now_override.get().unwrap_or_else(|| live_now.get()),
                    leeway: leeway.get(),
                };
                jwt::analyse(&token.read(), &parsed_key.read(), options)
            },
            |_, _| true,
        );
        Self {
            token,
            key_text,
            key_kind,
            live_now,
            now_override,
            leeway,
            highlight: RwSignal::new(None),
            cleanup_note: RwSignal::new(None),
            hydrated: RwSignal::new(false),
            parsed_key,
            report,
        }
    }

    /// The clock the verdict uses.
    pub fn now(&self) -> i64 {
        self.now_override.get().unwrap_or_else(|| self.live_now.get())
    }

    /// Loads a token (and optionally a key) into the decoder, as if the user had typed them.
    pub fn load(&self, token: &str, key: Option<(&str, KeyKind)>) {
        self.token.set(token.to_owned());
        self.cleanup_note.set(None);
        self.highlight.set(None);
        if let Some((key, kind)) = key {
            self.key_text.set(key.to_owned());
            self.key_kind.set(kind);
        }
    }
}

/// The debugger state from context (provided by the page).
pub fn use_debugger() -> Debugger {
    use_context::<Debugger>().expect("the debugger page provides its state")
}
