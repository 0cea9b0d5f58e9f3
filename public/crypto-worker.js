// The page's worker: the lazily loaded part of the core (crates/jwt-core-wasm), for work that
// would block the page (ES384/ES512 verification, RSA key generation). JSON text in and out.
import init, * as core from "/crypto/jwt_core_wasm.js";

const ready = init({ module_or_path: "/crypto/jwt_core_wasm_bg.wasm" });
// Tell the page once the module is here (it preloads the worker so it also works offline).
ready.then(
  () => self.postMessage({ ready: true }),
  (e) => self.postMessage({ ready: false, error: String(e) }),
);

self.onmessage = async ({ data: { id, name, input } }) => {
  try {
    await ready;
    self.postMessage({ id, output: core[name](input) });
  } catch (e) {
    self.postMessage({ id, error: String(e) });
  }
};
