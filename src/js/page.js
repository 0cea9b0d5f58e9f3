// The page's JavaScript (one file: each wasm-bindgen snippet is a request of its own in the first
// load).
// 1. Loads the lazily loaded part of the core (crates/jwt-core-wasm, served under /crypto/) on the
//    page, and the same module in a Web Worker for slow work. Every call passes JSON text.
// 2. Counts the page's requests (see below).
// 3. Runs hydration in a task of its own (next_task).

const GLUE = "/crypto/jwt_core_wasm.js";
const WASM = "/crypto/jwt_core_wasm_bg.wasm";

let core = null;
let loading = null;

export function crypto_load() {
  loading ??= import(GLUE)
    .then(async (m) => {
      await m.default({ module_or_path: WASM });
      core = m;
    })
    .catch((e) => {
      loading = null; // let a later call try again (e.g. after going back online)
      throw e;
    });
  return loading;
}

export function crypto_ready() {
  return core !== null;
}

export function crypto_call(name, input) {
  return core[name](input);
}

let worker = null;
let workerReady = null;
let workerLoaded = false;
let next = 0;
const waiting = new Map();

function startWorker() {
  const w = new Worker("/crypto-worker.js", { type: "module" });
  let settle;
  workerReady = new Promise((resolve, reject) => (settle = { resolve, reject }));
  w.onmessage = ({ data }) => {
    if ("ready" in data) {
      if (data.ready) {
        workerLoaded = true;
        settle.resolve();
      } else {
        settle.reject(data.error);
        if (worker === w) worker = null; // try a fresh worker next time
      }
      return;
    }
    const call = waiting.get(data.id);
    waiting.delete(data.id);
    if (!call) return;
    if ("output" in data) call.resolve(data.output);
    else call.reject(data.error);
  };
  w.onerror = (e) => {
    for (const call of waiting.values()) call.reject(`the worker failed: ${e.message ?? e}`);
    waiting.clear();
    settle.reject(`the worker failed: ${e.message ?? e}`);
    if (worker === w) {
      worker = null;
      workerLoaded = false;
    }
  };
  return w;
}

// Starts the worker ahead of use; resolves once its module is loaded.
export function worker_load() {
  worker ??= startWorker();
  return workerReady;
}

// Whether the worker's module is loaded.
export function worker_ready() {
  return workerLoaded;
}

export function worker_call(name, input) {
  worker ??= startWorker();
  return new Promise((resolve, reject) => {
    const id = next++;
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, name, input });
  });
}

// 2. The page's request count, from the Resource Timing API: every request the page made since it
// loaded, and how many carried a token (only the explicit "Send to the demo API" clicks, which
// note themselves). Written straight into the indicator the server rendered.

let el = null;
let requests = 0;
let withToken = 0;

function render() {
  if (!el) return;
  el.dataset.requests = String(requests);
  el.dataset.withToken = String(withToken);
  const n = el.querySelector(".requests-n");
  const t = el.querySelector(".requests-t");
  if (n) n.textContent = String(requests);
  if (t) t.textContent = String(withToken);
}

export function requests_watch() {
  el = document.querySelector('[data-testid="request-count"]');
  if (!el || typeof PerformanceObserver === "undefined") return;
  new PerformanceObserver((list) => {
    requests += list.getEntries().length;
    render();
  }).observe({ type: "resource", buffered: true });
}

export function requests_note_token() {
  withToken += 1;
  render();
}

// 3. Runs `run` in a task of its own, as soon as the page can (ahead of timers and rendering
// work where the browser has a scheduler): hydration does not share a task with the module's
// instantiation, and neither blocks the page for long.
export function next_task(run) {
  if (globalThis.scheduler?.postTask) {
    scheduler.postTask(run, { priority: "user-blocking" });
  } else {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => run();
    channel.port2.postMessage(null);
  }
}

// 4. Linked pieces. Every element with data-range="start-end" stands for those characters of
// the token: a claim's characters in the coloured token, its member in the JSON, its row in
// the claims table. Hovering or focusing one lights up all of them (class "hl"). One set of
// listeners on the page does it, so re-rendering the pieces on a keystroke creates no listener
// or reactive closure per piece.

let lit = null;

function relight() {
  for (const el of document.querySelectorAll(".hl[data-range]")) {
    if (el.dataset.range !== lit) el.classList.remove("hl");
  }
  if (lit !== null) {
    for (const el of document.querySelectorAll(`[data-range="${lit}"]`)) el.classList.add("hl");
  }
}

function light(range) {
  if (range === lit) return;
  lit = range;
  relight();
}

const rangeOf = (node) => (node instanceof Element ? node.closest("[data-range]")?.dataset.range : null) ?? null;

export function linked_watch(rootId) {
  const root = document.getElementById(rootId);
  if (!root) return;
  root.addEventListener("mouseover", (e) => light(rangeOf(e.target)));
  root.addEventListener("mouseout", (e) => light(rangeOf(e.relatedTarget)));
  root.addEventListener("focusin", (e) => light(rangeOf(e.target)));
  root.addEventListener("focusout", (e) => light(rangeOf(e.relatedTarget)));
}

// After the pieces were re-rendered (a new token): the same characters stay lit, if any are.
// Before the next frame, when every view has caught up (they update in microtasks).
let relighting = false;
export function linked_relight() {
  if (lit === null || relighting) return;
  relighting = true;
  requestAnimationFrame(() => {
    relighting = false;
    relight();
  });
}

// 5. How often some work ran, for tests that count it (`browser::count`): one call per count,
// as it happens on every keystroke.
export function work_count(name) {
  const counts = (globalThis.jwtDebuggerCounts ??= {});
  counts[name] = (counts[name] ?? 0) + 1;
}
