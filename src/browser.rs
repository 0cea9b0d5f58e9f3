//! Thin wrappers around browser APIs. In the browser build they call the Web platform; on the
//! server they do nothing (there is no browser), so components can call them unconditionally.

/// Unix time in seconds: the browser's clock, or the server's when rendering.
pub fn unix_now() -> i64 {
    #[cfg(feature = "hydrate")]
    {
        (js_sys::Date::now() / 1000.0).floor() as i64
    }
    #[cfg(not(feature = "hydrate"))]
    {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
    }
}

/// An instant in the browser's local time zone ("29/11/2026, 10:45:17"), or `None` on the server.
pub fn local_time(seconds: f64) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(seconds * 1000.0));
        if date.get_time().is_nan() {
            return None;
        }
        date.to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED).as_string()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = seconds;
        None
    }
}

/// The value of `name=` in the URL fragment (`/#token=…`), which never reaches the server.
pub fn fragment_param(name: &str) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        let hash = web_sys::window()?.location().hash().ok()?;
        let hash = hash.strip_prefix('#').unwrap_or(&hash);
        hash.split('&').find_map(|pair| {
            let (key, value) = pair.split_once('=')?;
            (key == name).then(|| js_sys::decode_uri_component(value).ok()?.as_string()).flatten()
        })
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = name;
        None
    }
}

/// A link to this page that carries `token` in its fragment only.
pub fn share_link(token: &str) -> String {
    #[cfg(feature = "hydrate")]
    {
        let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
        let encoded = js_sys::encode_uri_component(token).as_string().unwrap_or_default();
        format!("{origin}/#token={encoded}")
    }
    #[cfg(not(feature = "hydrate"))]
    {
        format!("/#token={token}")
    }
}

/// Whether the server-rendered page has an element with this id.
#[cfg(feature = "hydrate")]
pub fn has_element(id: &str) -> bool {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)).is_some()
}

/// Removes the fragment from the address bar (without a request).
pub fn clear_fragment() {
    #[cfg(feature = "hydrate")]
    if let Some(window) = web_sys::window()
        && let Ok(history) = window.history()
    {
        let path = window.location().pathname().unwrap_or_else(|_| "/".into());
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
}

/// Copies text to the clipboard; resolves to whether it worked.
pub async fn copy_text(text: String) -> bool {
    #[cfg(feature = "hydrate")]
    {
        let Some(window) = web_sys::window() else { return false };
        let promise = window.navigator().clipboard().write_text(&text);
        wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = text;
        false
    }
}

/// Notes that some work ran, for tests that count how often it runs: a count in
/// `window.jwtDebuggerCounts[name]`. Not a performance mark: those pile up in the timeline and
/// cost the page about 0.2 ms each, on every keystroke.
pub fn count(name: &str) {
    #[cfg(feature = "hydrate")]
    work_count(name);
    #[cfg(not(feature = "hydrate"))]
    let _ = name;
}

/// Sets (or with `None` removes) an attribute of `<html>`.
pub fn set_root_attribute(name: &str, value: Option<&str>) {
    #[cfg(feature = "hydrate")]
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = match value {
            Some(v) => root.set_attribute(name, v),
            None => root.remove_attribute(name),
        };
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (name, value);
}

/// A display preference from local storage (theme, presentation mode; never tokens or keys).
pub fn load_preference(name: &str) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window()?.local_storage().ok()??.get_item(name).ok()?
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = name;
        None
    }
}

/// Stores a display preference (see [`load_preference`]).
pub fn save_preference(name: &str, value: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.local_storage()) {
        let _ = storage.set_item(name, value);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (name, value);
}

/// Reads the first dropped file as text, if the drag carried one.
#[cfg(feature = "hydrate")]
pub async fn dropped_text(event: &web_sys::DragEvent) -> Option<String> {
    let file = event.data_transfer()?.files()?.get(0)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok()?;
    text.as_string()
}

/// Runs `f` every `millis` milliseconds in the browser (never on the server).
pub fn every(millis: u64, f: impl Fn() + 'static) {
    #[cfg(feature = "hydrate")]
    {
        let _ = leptos::prelude::set_interval_with_handle(f, std::time::Duration::from_millis(millis));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (millis, f);
}

/// Moves keyboard focus to the element with this id (and scrolls it into view).
pub fn focus(id: &str) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            el.scroll_into_view();
            let _ = el.focus();
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = id;
}

/// Scrolls the element `top` to the top of the view and moves keyboard focus to `field` without
/// scrolling away from it (after "Get my token": the verdict in view, the key box ready).
pub fn reveal(top: &str, field: &str) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let element =
            |id: &str| document.get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(field) = element(field) {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = field.focus_with_options(&options);
        }
        if let Some(top) = element(top) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Start);
            top.scroll_into_view_with_scroll_into_view_options(&options);
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (top, field);
}

/// Whether the `<details>` element a `toggle` event came from is now open.
pub fn details_open(event: &leptos::ev::Event) -> Option<bool> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        event.target()?.dyn_into::<web_sys::HtmlDetailsElement>().ok().map(|d| d.open())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = event;
        None
    }
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/js/page.js")]
extern "C" {
    fn requests_watch();
    fn requests_note_token();
    fn next_task(run: &wasm_bindgen::JsValue);
    fn work_count(name: &str);
    fn linked_watch(root_id: &str);
    fn linked_relight();
}

/// Lights up linked pieces (`data-range`, see [`crate::components::linked_span`]) while one of
/// them is hovered or focused anywhere under the element with id `root`.
pub fn watch_linked(root: &str) {
    #[cfg(feature = "hydrate")]
    linked_watch(root);
    #[cfg(not(feature = "hydrate"))]
    let _ = root;
}

/// Re-applies the lit pieces after they were re-rendered.
pub fn relight_linked() {
    #[cfg(feature = "hydrate")]
    linked_relight();
}

/// Runs `run` in a task of its own, as soon as the browser can (a user-blocking scheduler task,
/// else a message-channel task: both ahead of timers).
#[cfg(feature = "hydrate")]
pub fn in_next_task(run: impl FnOnce() + 'static) {
    next_task(&wasm_bindgen::closure::Closure::once_into_js(run));
}

/// Starts counting the page's requests into its request indicator (Resource Timing).
pub fn watch_requests() {
    #[cfg(feature = "hydrate")]
    requests_watch();
}

/// Notes a request that carried a token (the demo API panel's sends).
pub fn note_token_sent() {
    #[cfg(feature = "hydrate")]
    requests_note_token();
}
