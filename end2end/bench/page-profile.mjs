// Where the page's main-thread time goes, by Rust function: Chromium's CPU profile (CDP, 20 µs
// sampling) of the page with the WASM built by scripts/profile-build.sh (the release code with
// its function names), served in place of the page's own. Prints, per load or per keystroke,
// the functions with the most time of their own and those with the most time in all (with what
// they call). It asserts nothing. A profile slows what it measures (about 1.5-2x here): compare
// shares, not milliseconds, with page-budgets.mjs. The lazily loaded crypto module (built apart,
// scripts/build-crypto.sh) has no names: its functions show as wasm-function[N].
//
//   scripts/profile-build.sh
//   node end2end/bench/page-profile.mjs http://127.0.0.1:3000/ load [RUNS]
//     from navigation until the page is hydrated (its data-hydrated), RUNS loads (default 5)
//   node end2end/bench/page-profile.mjs http://127.0.0.1:3000/ keystroke [ALG] [COUNT]
//     the first task of COUNT keystrokes in the payload (default HS256, 300): the input event
//     and the microtasks after it, where the verdict is written (as page-budgets.mjs measures)
//
// The server may be any release build of the same source (the HTML it renders is the same).
import { launchChromium } from "./chromium.mjs";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const [url = "http://127.0.0.1:3000/", mode = "load", ...rest] = process.argv.slice(2);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const pkg = path.join(root, "target/profile-pkg");
const cli = process.env.JWT_DEBUGGER_CLI ?? path.join(root, "target/release/jwt-debugger");
if (!fs.existsSync(path.join(pkg, "jwt-debugger.wasm"))) {
  console.error("No target/profile-pkg/jwt-debugger.wasm: run scripts/profile-build.sh first.");
  process.exit(1);
}

const browser = await launchChromium();

async function profiledPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route("**/pkg/jwt-debugger.js", (r) => r.fulfill({ path: path.join(pkg, "jwt-debugger.js"), contentType: "text/javascript" }));
  await page.route("**/pkg/jwt-debugger.wasm", (r) => r.fulfill({ path: path.join(pkg, "jwt-debugger.wasm"), contentType: "application/wasm" }));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 20 });
  return { context, page, cdp };
}

// A profile's samples as stacks of names, outermost first, each with its duration (µs).
function samples(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => (n.callFrame.functionName || "(anonymous)").replace(/\[[0-9a-f]{6,}\]/g, "");
  const stacks = new Map();
  const stackOf = (id) => {
    if (!stacks.has(id)) {
      const out = [];
      for (let at = id; nodes.has(at); at = parent.get(at)) out.push(name(nodes.get(at)));
      stacks.set(id, out.reverse());
    }
    return stacks.get(id);
  };
  return profile.samples.map((id, i) => ({ stack: stackOf(id), us: profile.timeDeltas[i + 1] ?? 0 }));
}

function report(picked, per, what) {
  const own = new Map();
  const all = new Map();
  let total = 0;
  for (const { stack, us } of picked) {
    total += us;
    const leaf = stack[stack.length - 1];
    own.set(leaf, (own.get(leaf) ?? 0) + us);
    for (const n of new Set(stack)) all.set(n, (all.get(n) ?? 0) + us);
  }
  const ms = (us) => (us / 1000 / per).toFixed(3).padStart(8);
  const cut = (s) => (s.length > 150 ? `${s.slice(0, 147)}...` : s);
  console.log(`${what}: ${ms(total).trim()} ms sampled per ${mode === "load" ? "load" : "keystroke"} (${per} of them)`);
  console.log("time of their own:");
  for (const [n, us] of [...own].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms(us)}  ${cut(n)}`);
  console.log("time in all (with what they call):");
  const skip = /^\((root|program|idle)\)$|^js-to-wasm|^wasm-to-js|^(real|handleError)$/;
  const sorted = [...all].sort((a, b) => b[1] - a[1]).filter(([n]) => !skip.test(n));
  for (const [n, us] of sorted.slice(0, 25)) console.log(`${ms(us)}  ${cut(n)}`);
  console.log("time in all, the page's and the core's own functions (jwt_debugger, jwt_core):");
  for (const [n, us] of sorted.filter(([n]) => /jwt_debugger::|jwt_core::/.test(n)).slice(0, 30)) {
    console.log(`${ms(us)}  ${cut(n)}`);
  }
}

if (mode === "load") {
  const runs = Number(rest[0] ?? 5);
  const picked = [];
  for (let i = 0; i < runs; i++) {
    const { context, page, cdp } = await profiledPage();
    await page.goto("about:blank");
    await cdp.send("Profiler.start");
    await page.goto(url);
    await page.waitForSelector('html[data-hydrated="true"]');
    const { profile } = await cdp.send("Profiler.stop");
    picked.push(...samples(profile).filter((s) => !["(idle)", "(program)"].includes(s.stack[s.stack.length - 1])));
    await context.close();
  }
  report(picked, runs, "navigation -> hydrated, main thread");
} else if (mode === "keystroke") {
  const alg = rest[0] ?? "HS256";
  const count = Number(rest[1] ?? 300);
  const kinds = { HS256: "hs256", RS256: "rsa2048", PS256: "rsa2048", ES256: "p256", EdDSA: "ed25519", ES256K: "secp256k1" };
  const key = JSON.parse(execFileSync(cli, ["keygen", kinds[alg], "--json"], { encoding: "utf8" }));
  const token = execFileSync(cli, ["sign", "--alg", alg, "--key-kind", "jwk", "--key", JSON.stringify(key.private_jwk),
    JSON.stringify({ sub: "1234567890", name: "Ada Lovelace", iat: 1700000000, exp: 4102444800, pad: "x".repeat(560) })],
  { encoding: "utf8" }).trim();
  const { page, cdp } = await profiledPage();
  await page.goto(url);
  await page.waitForSelector('html[data-offline-ready="true"]');
  await page.getByTestId("key-kind").selectOption(key.public_pem ? "auto" : "secret-base64");
  await page.getByTestId("key-input").fill(key.public_pem ?? key.secret_base64url);
  await page.getByTestId("token-input").fill(token);
  await page.waitForSelector('[data-testid="verdict"][data-state="ready"][data-signature-valid="true"]');
  const type = (n) => page.evaluate(async ([token, n]) => {
    const box = document.querySelector('[data-testid="token-input"]');
    const [h, p, s] = token.split(".");
    const at = p.indexOf("eHh4eHh4") + 3;
    const changed = `${h}.${p.slice(0, at)}${p[at] === "5" ? "4" : "5"}${p.slice(at + 1)}.${s}`;
    for (let i = 0; i < n; i++) {
      box.value = i % 2 === 0 ? changed : token;
      box.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((r) => setTimeout(r, 30));
    }
  }, [token, n]);
  await type(20);
  await cdp.send("Profiler.start");
  await type(count);
  const { profile } = await cdp.send("Profiler.stop");
  // The first task: from the input event's dispatch through the microtask queue of
  // wasm-bindgen-futures (where Leptos runs effects) after it, until a sample outside it.
  const picked = [];
  let inside = false;
  let queued = false;
  for (const s of samples(profile)) {
    const inQueue = s.stack.some((n) => n.includes("futures::queue::Queue"));
    if (s.stack.includes("dispatchEvent")) [inside, queued] = [true, false];
    else if (inside && inQueue) queued = true;
    else if (inside && queued) inside = false;
    if (inside && !["(idle)", "(program)"].includes(s.stack[s.stack.length - 1])) picked.push(s);
  }
  report(picked, count, `keystroke in the payload, ${alg}: the input event and its microtasks`);
} else {
  console.error(`Unknown mode ${mode}: load or keystroke.`);
  process.exitCode = 2;
}
await browser.close();
