//! The debugger's state: raw inputs in signals, and the core's results in memos. Components read
//! and write these; all logic stays in [`crate::jwt`].
//!
//! Secrets (and no key) are analysed at once with the HMAC-only checker of the main bundle.
//! PEM, JWK and JWKS keys need RSA, elliptic-curve and X.509 code, which is loaded lazily the
//! first time such a key is pasted: until its answer arrives the verdict says `pending`.

use std::ops::Range;

use leptos::prelude::*;

use crate::browser;
use crate::jwt::{self, KeyKind, Options, ParsedKey, Report};

/// Everything an analysis depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inputs {
    /// The token text.
    pub token: String,
    /// The key text.
    pub key_text: String,
    /// The key kind chosen.
    pub key_kind: KeyKind,
    /// Clock and leeway.
    pub options: Options,
    /// Whether the clock is fixed by the user (an input) rather than live (which is not).
    pub clock_fixed: bool,
}

impl Inputs {
    /// Whether an answer to `other` answers this too: the same inputs, give or take the live
    /// clock's ticking (so a public-key verdict does not flicker to "pending" every second).
    fn answered_by(&self, other: &Inputs) -> bool {
        self.token == other.token
            && self.key_text == other.key_text
            && self.key_kind == other.key_kind
            && self.options.leeway == other.options.leeway
            && self.clock_fixed == other.clock_fixed
            && (!self.clock_fixed || self.options.now == other.options.now)
    }
}

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
    /// The key, when it needs no public-key code (a secret, or none); `None` for PEM/JWK/JWKS.
    pub light_key: Memo<Option<ParsedKey>>,
    /// True while a public-key analysis for the current inputs is on its way.
    pub pending: Memo<bool>,
    /// The analysis shown: of the current inputs, or (while pending) the latest one.
    pub report: Memo<Report>,
}

/// Analyses with a public key: this code (and RSA, elliptic curves, X.509) loads lazily.
#[cfg_attr(feature = "split", lazy)]
async fn analyse_with_public_key(
    token: String,
    key_kind: KeyKind,
    key_text: String,
    options: Options,
) -> Report {
    jwt::analyse(&token, &jwt::parse_key(key_kind, &key_text), options)
}

/// Fetches the public-key code ahead of use (see `sign_panel::preload`).
pub async fn preload() {
    let _ =
        analyse_with_public_key(String::new(), KeyKind::None, String::new(), Options { now: 0, leeway: 0 })
            .await;
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
        let full = RwSignal::new(None::<(Inputs, Report)>);
        let inputs = Memo::new(move |_| Inputs {
            token: token.get(),
            key_text: key_text.get(),
            key_kind: key_kind.get(),
            options: Options {
                now: now_override.get().unwrap_or_else(|| live_now.get()),
                leeway: leeway.get(),
            },
            clock_fixed: now_override.get().is_some(),
        });
        let light_key = Memo::new(move |_| jwt::parse_key_light(key_kind.get(), &key_text.read()));
        let pending = Memo::new(move |_| {
            light_key.read().is_none()
                && full.read().as_ref().is_none_or(|(answered, _)| !inputs.read().answered_by(answered))
        });
        // Reports are large: never compare them, every new one is "changed".
        let report = Memo::new_with_compare(
            move |_| {
                let inputs = inputs.read();
                match light_key.read().as_ref() {
                    Some(key) => {
                        jwt::analyse_with(&inputs.token, key, inputs.options, &jwt::verify::HmacOnly)
                    }
                    None => match full.read().as_ref() {
                        Some((_, report)) => report.clone(),
                        None => jwt::analyse_with(
                            &inputs.token,
                            &ParsedKey::none(),
                            inputs.options,
                            &jwt::verify::HmacOnly,
                        ),
                    },
                }
            },
            |_, _| true,
        );
        // Public keys: ask the lazily loaded part, and keep only the answer to the latest question.
        let asked = StoredValue::new(0u64);
        Effect::new(move |_| {
            if light_key.read().is_some() {
                return;
            }
            let question = inputs.get();
            let ticket = asked.get_value() + 1;
            asked.set_value(ticket);
            leptos::task::spawn_local(async move {
                let Inputs { token, key_text, key_kind, options, .. } = question.clone();
                let answer = analyse_with_public_key(token, key_kind, key_text, options).await;
                if asked.get_value() == ticket {
                    full.set(Some((question, answer)));
                }
            });
        });
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
            light_key,
            pending,
            report,
        }
    }

    /// The clock the verdict uses.
    pub fn now(&self) -> i64 {
        self.now_override.get().unwrap_or_else(|| self.live_now.get())
    }

    /// A reactive "is this token range the highlighted one?" for a claim's or chunk's `range`.
    pub fn lit(self, range: Option<Range<usize>>) -> impl Fn() -> bool + Send + Sync + Clone + 'static {
        move || range.is_some() && self.highlight.read().as_ref() == range.as_ref()
    }

    /// Whether the verdict reflects the current inputs (the test contract's `data-state`).
    pub fn ready(&self) -> bool {
        self.hydrated.get() && !self.pending.get()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(token: &str, now: i64, clock_fixed: bool) -> Inputs {
        Inputs {
            token: token.into(),
            key_text: "k".into(),
            key_kind: KeyKind::Auto,
            options: Options { now, leeway: 0 },
            clock_fixed,
        }
    }

    #[test]
    fn the_live_clock_does_not_make_an_answer_stale_but_a_fixed_one_does() {
        assert!(inputs("a", 2, false).answered_by(&inputs("a", 1, false)));
        assert!(!inputs("b", 1, false).answered_by(&inputs("a", 1, false)));
        assert!(!inputs("a", 2, true).answered_by(&inputs("a", 1, true)));
        assert!(inputs("a", 1, true).answered_by(&inputs("a", 1, true)));
        assert!(!inputs("a", 1, true).answered_by(&inputs("a", 1, false)));
    }
}
