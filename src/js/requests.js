// The page's request count, from the Resource Timing API: every request the page made since it
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
