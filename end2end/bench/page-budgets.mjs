// Prints the page's figures against the budgets (it asserts nothing; see README):
//   first load transferred (compressed, everything), navigation -> data-hydrated,
//   analyse+verify+render per keystroke for a 1 KB token, and the longest block for a 256 KiB paste.
// Usage: node end2end/bench/page-budgets.mjs http://127.0.0.1:3000/ [runs]
import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const url = process.argv[2] ?? "http://127.0.0.1:3000/";
const runs = Number(process.argv[3] ?? 7);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const cli = path.join(root, "target/release/jwt-debugger");
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});

// 1. First load: every response's encoded (compressed) size until the page is hydrated and idle.
async function firstLoad() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const sizes = new Map();
  const urls = new Map();
  cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, e.response.url));
  cdp.on("Network.loadingFinished", (e) => sizes.set(e.requestId, e.encodedDataLength));
  await page.goto(url);
  await page.waitForSelector('html[data-hydrated="true"]');
  const hydrated = [...sizes.values()].reduce((a, b) => a + b, 0);
  await page.waitForSelector('html[data-offline-ready="true"]');
  await page.waitForLoadState("networkidle");
  const all = [...sizes.entries()].map(([id, n]) => [urls.get(id) ?? id, n]);
  await context.close();
  return { hydrated, all };
}

// 2. Navigation -> hydrated, cold-ish (new context each run, HTTP cache off).
async function hydrationTimes() {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("about:blank");
    await page.goto(url);
    await page.waitForSelector('html[data-hydrated="true"]');
    // The page marks the moment hydration finished, counted from the navigation's start.
    times.push(await page.evaluate(() => performance.getEntriesByName("jwt-debugger:hydrated")[0].startTime));
    await context.close();
  }
  return times;
}

function sign(alg, kind) {
  const key = JSON.parse(execFileSync(cli, ["keygen", kind, "--json"], { encoding: "utf8" }));
  const pad = "x".repeat(560);
  const token = execFileSync(cli, ["sign", "--alg", alg, "--key-kind", "jwk", "--key", JSON.stringify(key.private_jwk),
    JSON.stringify({ sub: "1234567890", name: "Ada Lovelace", iat: 1700000000, exp: 4102444800, pad })], { encoding: "utf8" }).trim();
  return { token, key: key.public_pem ?? key.secret_base64url, kind: key.public_pem ? "auto" : "secret-base64" };
}

// 3. One keystroke: input event -> verdict attributes updated (same task or next microtask).
async function keystrokes(alg, kind) {
  const { token, key, kind: keyKind } = sign(alg, kind);
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.getByTestId("key-kind").selectOption(keyKind);
  await page.getByTestId("key-input").fill(key);
  await page.getByTestId("token-input").fill(token);
  const times = await page.evaluate(async (token) => {
    const box = document.querySelector('[data-testid="token-input"]');
    const verdict = document.querySelector('[data-testid="verdict"]');
    const out = [];
    for (let i = 0; i < 60; i++) {
      // Alternate between a changed and the original last character: every keystroke re-verifies.
      const text = i % 2 === 0 ? token.slice(0, -1) + (token.endsWith("A") ? "B" : "A") : token;
      const expected = i % 2 === 0 ? "false" : "true";
      const settled = () =>
        verdict.getAttribute("data-state") === "ready" && verdict.getAttribute("data-signature-valid") === expected;
      const t0 = performance.now();
      box.value = text;
      box.dispatchEvent(new Event("input", { bubbles: true }));
      await Promise.resolve();
      if (!settled()) {
        // Public keys answer from the lazily loaded part, a few tasks later: wait for that.
        await new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (settled()) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(verdict, { attributes: true });
        });
      }
      out.push(performance.now() - t0);
    }
    return out.slice(10);
  }, token);
  const length = token.length;
  await page.close();
  return { length, median: median(times), max: Math.max(...times) };
}

// 4. A 256 KiB paste: the longest task it causes.
async function largePaste() {
  const payload = JSON.stringify({ data: "y".repeat(190_000) });
  const token = execFileSync(cli, ["sign", "--alg", "HS256", "--key", "k", "-"], { input: payload, encoding: "utf8" }).trim();
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-hydrated="true"]');
  const result = await page.evaluate(async (token) => {
    const tasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push(e.duration))).observe({ type: "longtask", buffered: false });
    const box = document.querySelector('[data-testid="token-input"]');
    const t0 = performance.now();
    box.value = token;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    const handled = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 500));
    return { handled, longest: Math.max(0, ...tasks) };
  }, token);
  await page.close();
  return { bytes: token.length, ...result };
}

const load = await firstLoad();
console.log(`first load until hydrated: ${(load.hydrated / 1024).toFixed(1)} KiB transferred (budget 250 KB)`);
console.log(`with the lazily loaded parts: ${(load.all.reduce((a, [, n]) => a + n, 0) / 1024).toFixed(1)} KiB`);
for (const [u, n] of load.all) console.log(`  ${(n / 1024).toFixed(1).padStart(7)} KiB  ${u}`);
const h = await hydrationTimes();
console.log(`navigation -> hydrated: median ${median(h).toFixed(0)} ms, min ${Math.min(...h).toFixed(0)}, max ${Math.max(...h).toFixed(0)} (budget 200 ms, ${runs} runs)`);
for (const [alg, kind] of [["HS256", "hs256"], ["RS256", "rsa2048"], ["ES256", "p256"], ["ES384", "p384"], ["ES512", "p521"], ["EdDSA", "ed25519"]]) {
  const k = await keystrokes(alg, kind);
  console.log(`keystroke ${alg} (${k.length}-byte token): median ${k.median.toFixed(2)} ms, max ${k.max.toFixed(2)} ms (budget 1 ms)`);
}
const big = await largePaste();
console.log(`256 KiB paste (${big.bytes} bytes): handled in ${big.handled.toFixed(0)} ms, longest task ${big.longest.toFixed(0)} ms (budget 50 ms)`);
await browser.close();
