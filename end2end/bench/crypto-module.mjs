// Prints how long the lazily loaded crypto module (crates/jwt-core-wasm, /crypto/) takes to check
// a 1 KB token's signature in Chromium, per algorithm: one call of its `check_signature` export
// (JSON in: the token's signed parts and the key, as the page sends them; verify; JSON out),
// alternating the signed token and one with a payload character changed, after a warm-up. It
// asserts nothing (see README); it is how the build settings of the module are compared (e.g.
// two servers, one per build).
// Usage: node end2end/bench/crypto-module.mjs http://127.0.0.1:3000/ [another server's URL …]
import { launchChromium } from "./chromium.mjs";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const urls = process.argv.length > 2 ? process.argv.slice(2) : ["http://127.0.0.1:3000/"];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const cli = process.env.JWT_DEBUGGER_CLI ?? path.join(root, "target/release/jwt-debugger");
const calls = Number(process.env.CALLS ?? 200);

const cases = [
  ["RS256", "rsa2048"], ["PS256", "rsa2048"], ["ES256", "p256"], ["EdDSA", "ed25519"], ["ES384", "p384"],
  ["ES512", "p521"], ["ES256K", "secp256k1"], ["EdDSA", "ed448"], ["ML-DSA-44", "ml-dsa-44"],
].map(([alg, kind]) => {
  const key = JSON.parse(execFileSync(cli, ["keygen", kind, "--json"], { encoding: "utf8" }));
  const claims = { sub: "1234567890", name: "Ada Lovelace", iat: 1700000000, exp: 4102444800, pad: "x".repeat(560) };
  const token = execFileSync(cli, ["sign", "--alg", alg, "--key-kind", "jwk", "--key", JSON.stringify(key.private_jwk),
    JSON.stringify(claims)], { encoding: "utf8" }).trim();
  return { name: `${alg} (${kind})`, token, key: key.public_pem ?? JSON.stringify(key.public_jwk) };
});

const browser = await launchChromium();
// Two rounds, the servers interleaved: this machine's speed drifts.
for (let round = 1; round <= 2; round++) {
  for (const url of urls) {
    const page = await browser.newPage();
    await page.goto(url);
    const result = await page.evaluate(async ({ cases, calls }) => {
      const module = await import("/crypto/jwt_core_wasm.js");
      await module.default({ module_or_path: "/crypto/jwt_core_wasm_bg.wasm" });
      const out = [];
      for (const c of cases) {
        const [h, p, s] = c.token.split(".");
        const at = p.indexOf("eHh4eHh4") + 3; // inside the "pad" claim
        const changed = `${h}.${p.slice(0, at)}${p[at] === "5" ? "4" : "5"}${p.slice(at + 1)}.${s}`;
        // What the page sends: the token's signed parts (jwt_core::SignedParts), not the token.
        const question = (token) => {
          const [h, p, s] = token.split(".");
          const { alg } = JSON.parse(atob(h.replace(/-/g, "+").replace(/_/g, "/")));
          const signed = { alg, kid: "Absent", signing_input: `${h}.${p}`, signature_b64: s };
          return JSON.stringify({ signed, key_kind: "auto", key_text: c.key });
        };
        const [signed, tampered] = [question(c.token), question(changed)];
        const valid = JSON.parse(module.check_signature(signed)).signature_valid;
        const invalid = JSON.parse(module.check_signature(tampered)).signature_valid;
        for (let i = 0; i < 20; i++) module.check_signature(i % 2 ? signed : tampered);
        const t0 = performance.now();
        for (let i = 0; i < calls; i++) module.check_signature(i % 2 ? signed : tampered);
        out.push({ name: c.name, ms: (performance.now() - t0) / calls, ok: valid === true && invalid === false });
      }
      return out;
    }, { cases, calls });
    console.log(`round ${round}, ${url}`);
    for (const r of result) {
      console.log(`  ${r.name.padEnd(22)} ${r.ms.toFixed(3)} ms per check${r.ok ? "" : "  (WRONG ANSWER: signed not valid or tampered not invalid)"}`);
    }
    await page.close();
  }
}
await browser.close();
