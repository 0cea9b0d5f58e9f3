//! The debugger's state: raw inputs in signals, the core's results in memos. Components read
//! and write these; all logic stays in `jwt_core` and [`crate::view_model`].
//!
//! The results are layered so that each input re-runs only what depends on it:
//! - the token → [`Debugger::decoded`] (contract steps 1–12, no key, no clock);
//! - decoded + key → [`Debugger::check`] (step 13): at once for secrets and no key (HMAC-SHA-256
//!   is in the first bundle), through [`crate::crypto`] for HS384/HS512 and for PEM, JWK and
//!   JWKS keys;
//! - decoded + check → [`Debugger::verdict`] (step 14);
//! - verdict + clock → [`Debugger::time_status`]: the only thing a clock tick re-computes.

use std::sync::Arc;

use jwt_core::analyse::SignatureCheck;
use jwt_core::known_secrets::KnownSecret;
use jwt_core::time::TimeStatus;
use jwt_core::verify::Hs256Only;
use jwt_core::{Alg, Clock, Decoded, KeyKind, ParsedKey, Verdict};
use leptos::prelude::*;

use crate::browser;
use crate::crypto::{self, Question};

/// The answer for a public key: to which question, and what it was.
type Answer = (Question, Result<SignatureCheck, String>);

/// The well-known-secret answer: for which token (as decoded, so the same text however it was
/// pasted), and the secret found (if any). Compared by text: a memo that reads the same keeps
/// notifying nobody, but holds a new `Arc`.
type KnownAnswer = (String, Option<KnownSecret>);

/// How long a public key's answer may be on its way before the page says it is checking: the
/// worker's answers (ES256 and the slower curves) take ~3–15 ms on this kind of machine, the
/// first public-key check after load (the code loads) much longer.
pub const ANSWER_GRACE: std::time::Duration = std::time::Duration::from_millis(150);

/// The page's inputs and derived results, shared through context.
#[derive(Clone, Copy)]
pub struct Debugger {
    /// The token box, exactly as typed or pasted.
    pub token: RwSignal<String>,
    /// What the token box is told to show: the token as last loaded into it ([`Debugger::load`]:
    /// a sample, a paste that was cleaned, undo, sign mode, a share link). Typing does not
    /// change it — the box holds what was typed already.
    pub box_text: RwSignal<String>,
    /// The key box, exactly as typed or pasted.
    pub key_text: RwSignal<String>,
    /// The key kind chosen (auto by default).
    pub key_kind: RwSignal<KeyKind>,
    /// The sample whose own key is in the key box, untouched by the user (see
    /// [`Debugger::set_token`]).
    pub sample_key_of: RwSignal<Option<&'static str>>,
    /// The live clock (Unix seconds), ticking once a second in the browser.
    pub live_now: RwSignal<i64>,
    /// A fixed clock for demos and tests; `None` follows the live clock.
    pub now_override: RwSignal<Option<i64>>,
    /// Leeway in seconds for exp/nbf.
    pub leeway: RwSignal<u64>,
    /// What a paste cleaned up, shown as a note.
    pub cleanup_note: RwSignal<Option<String>>,
    /// True once the page is hydrated and the inputs drive the results.
    pub hydrated: RwSignal<bool>,
    /// True once the lazily loaded parts may load (set shortly after hydration, so they stay
    /// out of the first load); the well-known-secret check waits for it, and the claims tables
    /// and the key report take over the server's HTML then at the latest.
    pub lazy_ready: RwSignal<bool>,
    /// True once the claims tables are live: the browser keeps the server's HTML for them until
    /// their lazily loaded code arrives (when the token first changes, or with the other lazily
    /// loaded parts), so they are not part of the first load.
    pub claims_live: RwSignal<bool>,
    /// True once the key report's details are live (likewise: the kind the key was read as is
    /// named at once; errors, notes and readings keep the server's HTML until then).
    pub key_report_live: RwSignal<bool>,
    /// Steps 1–12 of the token: re-run only when the token changes.
    pub decoded: Memo<Arc<Decoded>>,
    /// What the decoded-token panels (coloured token, JSON, claims) show: [`Debugger::decoded`]
    /// one task later, so a keystroke's verdict is not held up by re-drawing them.
    pub shown: RwSignal<Arc<Decoded>>,
    /// What the key report shows: [`Debugger::check`] one task later, likewise — except that
    /// a pending answer replaces the last one only once it is late ([`Debugger::answer_late`]).
    pub shown_check: RwSignal<Option<Result<SignatureCheck, String>>>,
    /// A pending public-key answer has taken longer than [`ANSWER_GRACE`]: only then do the
    /// panels say they are checking. A worker answers within a few milliseconds, and saying so
    /// for each keystroke would flash "Checking the signature…" while the user types.
    pub answer_late: RwSignal<bool>,
    /// The hold rule, in one place: an answer is pending and not yet late, so the views derived
    /// from the answer (badges, warnings, key report) keep what they showed.
    pub held: Memo<bool>,
    /// The key, when it needs no public-key code (a secret, or none); `None` for PEM/JWK/JWKS.
    /// (A secret for an HS384/HS512 token is still checked in the crypto module.)
    pub light_key: Memo<Option<ParsedKey>>,
    /// Step 13, or `None` while a public-key answer for the current inputs is on its way.
    pub check: Memo<Option<Result<SignatureCheck, String>>>,
    /// Step 14.
    pub verdict: Memo<Verdict>,
    /// Step 12 at the clock: the only result the ticking clock touches.
    pub time_status: Memo<Option<TimeStatus>>,
    /// For HS256/384/512 tokens, the publicly known secret the token is signed with, asked of
    /// the crypto module whenever the token changes (not the key: it needs none).
    pub known_secret: RwSignal<Option<KnownAnswer>>,
}

impl Debugger {
    /// Creates the state with a first token and its sample key.
    pub fn new(token: &str, key: &str, sample: Option<&'static str>) -> Self {
        let box_text = RwSignal::new(token.to_owned());
        let token = RwSignal::new(token.to_owned());
        let key_text = RwSignal::new(key.to_owned());
        let key_kind = RwSignal::new(KeyKind::Auto);
        let live_now = RwSignal::new(browser::unix_now());
        let now_override = RwSignal::new(None);
        let leeway = RwSignal::new(0);
        let answer = RwSignal::new(None::<Answer>);

        // Every token change is decoded; nothing else causes a decode.
        let decoded = Memo::new_with_compare(
            move |_| {
                browser::count("jwt-debugger:decode");
                Arc::new(jwt_core::decode(&token.read()))
            },
            // A new input that reads the same (same token, normalising and problems) changes
            // nothing downstream.
            |a, b| match (a, b) {
                (Some(a), Some(b)) => !same_reading(a, b),
                _ => true,
            },
        );
        let light_key = Memo::new(move |_| jwt_core::parse_key_light(key_kind.get(), &key_text.read()));
        let question = Memo::new(move |_| Question {
            signed: jwt_core::SignedParts::of(&decoded.read()),
            key_kind: key_kind.get(),
            key_text: key_text.get(),
        });
        let check = Memo::new(move |_| {
            let decoded = decoded.read();
            // A secret or no key, at once — unless the token is HS384/HS512, whose SHA-512 code
            // is in the crypto module with the public-key code (out of the first load).
            if let Some(key) = light_key.read().as_ref()
                && Hs256Only::handles(alg_of(&decoded))
            {
                browser::count("jwt-debugger:check");
                return Some(Ok(jwt_core::check_signature(&decoded, key, &Hs256Only)));
            }
            let question = question.read();
            if let Some((asked, result)) = answer.read().as_ref()
                && *asked == *question
            {
                return Some(result.clone());
            }
            // At once when the code is at hand (and the algorithm fast); otherwise asked below.
            let answer = crypto::check_now(&question, crypto::is_slow(&decoded));
            if answer.is_some() {
                browser::count("jwt-debugger:check");
            }
            answer
        });
        // Otherwise ask in the background, and keep only the answer to the latest question.
        let asked = StoredValue::new(0u64);
        Effect::new(move |_| {
            // Answered at once (a secret, no key, or the code at hand): no question to ask, so
            // none is made (the memo is only computed when read).
            if check.read().is_some() {
                return;
            }
            // Tracked: a new question while one is pending is asked anew (`check` stays `None`).
            let question = question.get();
            let slow = crypto::is_slow(&decoded.read_untracked());
            let ticket = asked.get_value() + 1;
            asked.set_value(ticket);
            leptos::task::spawn_local(async move {
                let result = crypto::check(question.clone(), slow).await;
                if asked.get_value() == ticket {
                    browser::count("jwt-debugger:check");
                    answer.set(Some((question, result)));
                }
            });
        });
        // Late: the answer now pending has been pending for longer than the grace period.
        let answer_late = RwSignal::new(false);
        let pending_since = StoredValue::new(0u64);
        Effect::new(move |_| {
            let generation = pending_since.get_value() + 1;
            pending_since.set_value(generation);
            if check.read().is_some() {
                if answer_late.get_untracked() {
                    answer_late.set(false);
                }
                return;
            }
            set_timeout(
                move || {
                    if pending_since.get_value() == generation {
                        answer_late.set(true);
                    }
                },
                ANSWER_GRACE,
            );
        });
        let held = Memo::new(move |_| check.read().is_none() && !answer_late.get());
        let shown = RwSignal::new(decoded.get_untracked());
        let shown_check = RwSignal::new(check.get_untracked());
        Effect::new(move |_| {
            // Read (and so track) all three before comparing.
            let (decoded_now, check_now, held_now) = (decoded.read(), check.read(), held.get());
            let stale = !Arc::ptr_eq(&decoded_now, &shown.read_untracked())
                || (!held_now && *check_now != *shown_check.read_untracked());
            if stale {
                set_timeout(
                    move || {
                        shown.set(decoded.get_untracked());
                        if !held.get_untracked() {
                            shown_check.set(check.get_untracked());
                        }
                    },
                    std::time::Duration::ZERO,
                );
            }
        });
        let verdict = Memo::new(move |_| {
            let decoded = decoded.read();
            match check.read().as_ref() {
                Some(Ok(check)) => Verdict::of(&decoded, check),
                _ => Verdict::of(
                    &decoded,
                    &jwt_core::check_signature(&decoded, &ParsedKey::none(), &Hs256Only),
                ),
            }
        });
        let time_status = Memo::new(move |_| {
            let clock =
                Clock { now: now_override.get().unwrap_or_else(|| live_now.get()), leeway: leeway.get() };
            verdict.read().time_status(&decoded.read(), clock)
        });
        // The well-known secrets: ~400 HMACs, in the lazily loaded crypto module, once per token.
        let known_secret = RwSignal::new(None::<KnownAnswer>);
        // The token last asked about: asked once, and only its answer is kept.
        let known_asked = StoredValue::new(None::<String>);
        // Asked once the lazily loaded parts may load (shortly after hydration): neither the
        // check's code nor the worker is part of the first load.
        let lazy_ready = RwSignal::new(false);
        Effect::new(move |_| {
            if !lazy_ready.get() {
                return;
            }
            // What the panels show, one task after a keystroke: its verdict does not wait on
            // handing the token to the worker. (`shown` is set again when only the key's
            // answer changes: the same token is not asked twice.)
            let token = shown.with(|d| is_hmac(d).then(|| d.token.clone()));
            let Some(token) = token else { return };
            let latest = move |token: &str| known_asked.with_value(|asked| asked.as_deref() == Some(token));
            if latest(&token) {
                return;
            }
            known_asked.set_value(Some(token.clone()));
            leptos::task::spawn_local(async move {
                // The module not loading (offline before it ever arrived) is "none found".
                let found = crypto::known_secret(token.clone()).await.ok().flatten();
                if latest(&token) {
                    known_secret.set(Some((token, found)));
                }
            });
        });
        Self {
            token,
            box_text,
            key_text,
            key_kind,
            sample_key_of: RwSignal::new(sample),
            live_now,
            now_override,
            leeway,
            cleanup_note: RwSignal::new(None),
            hydrated: RwSignal::new(false),
            lazy_ready,
            claims_live: RwSignal::new(false),
            key_report_live: RwSignal::new(false),
            decoded,
            shown,
            shown_check,
            answer_late,
            held,
            light_key,
            check,
            verdict,
            time_status,
            known_secret,
        }
    }

    /// The publicly known secret the current token is signed with (`None` while it is being
    /// looked up, for other tokens, and when there is none).
    pub fn known_secret(&self) -> Option<KnownSecret> {
        let decoded = self.decoded.read();
        self.known_secret
            .read()
            .as_ref()
            .filter(|(asked, _)| *asked == decoded.token)
            .and_then(|(_, found)| found.clone())
    }

    /// True while the well-known-secret answer for the current HMAC token is on its way.
    fn known_secret_pending(&self) -> bool {
        let decoded = self.decoded.read();
        is_hmac(&decoded)
            && !self.known_secret.read().as_ref().is_some_and(|(asked, _)| *asked == decoded.token)
    }

    /// The clock the verdict uses.
    pub fn now(&self) -> i64 {
        self.now_override.get().unwrap_or_else(|| self.live_now.get())
    }

    /// [`Self::now`] without tracking it (for work that must not re-run every second).
    pub fn now_untracked(&self) -> i64 {
        self.now_override.get_untracked().unwrap_or_else(|| self.live_now.get_untracked())
    }

    /// True while a public key's answer for the current inputs is on its way.
    pub fn pending(&self) -> bool {
        self.check.read().is_none()
    }

    /// True while that answer is on its way and late ([`Self::answer_late`]): what the panels
    /// say. Before that they keep showing the last answer (the test contract's `data-*` never
    /// wait: they say "pending" at once).
    pub fn pending_shown(&self) -> bool {
        self.pending() && self.answer_late.get()
    }

    /// The last value of a view derived from the answer (its memo's `prev`) while
    /// [`Self::held`]; `None` when the view is computed afresh.
    pub fn kept<T: Clone>(&self, prev: Option<&T>) -> Option<T> {
        prev.filter(|_| self.held.get()).cloned()
    }

    /// Whether everything shown reflects the current inputs (the test contract's `data-state`):
    /// the verdict has its answer and the decoded-token panels have caught up (the claims
    /// tables and the key report are live: until then they show the server's first token).
    pub fn ready(&self) -> bool {
        self.hydrated.get()
            && self.claims_live.get()
            && self.key_report_live.get()
            && !self.pending()
            && !self.known_secret_pending()
            // By reading, not by pointer: a memo that recomputes to the same reading keeps the new
            // `Arc` without notifying, so the shown one may be an equal older one.
            && same_reading(&self.shown.read(), &self.decoded.read())
            && *self.shown_check.read() == *self.check.read()
    }

    /// The user typed or pasted `text` into the token box. A sample's own secret, still
    /// untouched in the key box, does not belong to a different token: it is removed, so a
    /// pasted token reads "not checked (no key)" rather than "invalid signature" for a key the
    /// user never typed. Editing the sample token (most of it kept) keeps its key, for demos
    /// of tampering; so do emptying the box and typing (a token is "other" once it has all its
    /// parts). The comparison is of the normalised token (`Bearer `, white space).
    pub fn set_token(&self, text: &str) {
        if let Some(id) = self.sample_key_of.get_untracked()
            && let Some(sample) = crate::samples::by_id(id)
            && crate::view_model::is_other_token(sample.token, &jwt_core::analyse::normalise(text).0)
        {
            self.key_text.set(String::new());
            self.key_kind.set(KeyKind::Auto);
            self.sample_key_of.set(None);
        }
        self.token.set(text.to_owned());
    }

    /// The user typed or pasted into the key box: from now on the key is theirs.
    pub fn set_key(&self, text: &str) {
        self.sample_key_of.set(None);
        self.key_text.set(text.to_owned());
    }

    /// Loads a token (and optionally a key) into the decoder, as if the user had typed them.
    pub fn load(&self, token: &str, key: Option<(&str, KeyKind)>) {
        match key {
            Some((key, kind)) => {
                self.sample_key_of.set(None);
                self.key_text.set(key.to_owned());
                self.key_kind.set(kind);
                self.token.set(token.to_owned());
            }
            None => self.set_token(token),
        }
        self.box_text.set(token.to_owned());
        self.cleanup_note.set(None);
    }

    /// Loads a sample with its own key.
    pub fn load_sample(&self, sample: &'static crate::samples::Sample) {
        self.load(sample.token, Some((sample.key, sample.key_kind)));
        self.sample_key_of.set(Some(sample.id));
    }
}

/// Runs the core on a token and key as [`Debugger::new`] does (decode, a secret's check, the
/// verdict and its time), and as the first screen's panels do (the coloured token, the printed
/// JSON and its members), and drops the results: the page calls it in a task of its own before
/// hydrating, so that the browser compiles that code then rather than in the hydration task.
pub fn warm_up(token: &str, key: &str) {
    use std::hint::black_box;
    let decoded = jwt_core::decode(token);
    let key = jwt_core::parse_key_light(KeyKind::Auto, key).unwrap_or_else(ParsedKey::none);
    let check = jwt_core::check_signature(&decoded, &key, &Hs256Only);
    let verdict = Verdict::of(&decoded, &check);
    let clock = Clock { now: browser::unix_now(), leeway: 0 };
    black_box(verdict.time_status(&decoded, clock));
    black_box(crate::view_model::token_chunks(&decoded));
    for (value, members) in
        [(decoded.header.as_ref(), decoded.header_params()), (decoded.payload.as_ref(), decoded.claims())]
    {
        black_box(value.map(jwt_core::pretty::pretty));
        black_box(members);
    }
}

/// Whether two decodes read the same: same token, same normalising, same problems (what the
/// panels show follows from these).
fn same_reading(a: &Decoded, b: &Decoded) -> bool {
    std::ptr::eq(a, b)
        || (a.token == b.token && a.normalisation == b.normalisation && a.problems == b.problems)
}

/// Whether the token says HS256, HS384 or HS512 (the tokens checked against well-known secrets).
fn is_hmac(decoded: &Decoded) -> bool {
    matches!(alg_of(decoded), Some(Alg::HS256 | Alg::HS384 | Alg::HS512))
}

/// The token's algorithm, if it is one the debugger supports.
fn alg_of(decoded: &Decoded) -> Option<Alg> {
    decoded.alg.as_deref().and_then(Alg::parse)
}

/// Presentation mode (the toolbar's toggle; the page lays out differently with it).
#[derive(Clone, Copy)]
pub struct Presenting(pub RwSignal<bool>);

/// Presentation mode from context (off when nothing provides it).
pub fn use_presenting() -> RwSignal<bool> {
    use_context::<Presenting>().map_or_else(|| RwSignal::new(false), |p| p.0)
}

/// The debugger state from context (provided by the page).
pub fn use_debugger() -> Debugger {
    use_context::<Debugger>().unwrap_or_else(|| Debugger::new("", "", None))
}
