import { expect, test } from "@playwright/test";
import { DebuggerPage } from "./fixtures/debugger-page";
import { keyText, loadCases } from "./fixtures/cases";

const byId = (id: string) => loadCases("jwt-cases.json").find((c) => c.id === id)!;

test.describe("verifying", () => {
  test("the key kind is detected and described", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const rs = byId("rs256_valid");
    await app.analyse(rs.token, keyText(rs));
    await expect(page.getByTestId("key-detected")).toHaveAttribute("data-kind", "pem-spki");
    await expect(page.getByTestId("key-detected")).toContainText("RSA 2048-bit public key");
    await expect(app.signatureResult).toContainText("Signature verified");
    const cert = byId("rs256_x509_certificate");
    await app.analyse(cert.token, keyText(cert));
    await expect(page.getByTestId("key-detected")).toHaveAttribute("data-kind", "pem-cert");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
  });

  test("a wrong key says invalid signature; a key of the wrong type says why it was not used", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const wrong = byId("hs512_wrong_key");
    await app.analyse(wrong.token, keyText(wrong), "secret-utf8");
    await expect(app.signatureResult).toContainText("Invalid signature");
    await expect(app.signatureResult).toHaveAttribute("data-tone", "bad");
    const confusion = byId("hs256_with_rsa_public_key_refused");
    await app.analyse(confusion.token, keyText(confusion), "pem-spki");
    await expect(app.verdict).toHaveAttribute("data-error-kind", "alg_key_mismatch");
    await expect(app.signatureResult).toContainText("Signature not checked");
    await expect(app.signatureResult).toContainText("HS256 needs HMAC secret");
  });

  test("for an HS token, every reading of the secret is tried and the right one suggested", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const b64 = byId("secret_base64_standard");
    await app.analyse(b64.token, keyText(b64), "auto");
    // Auto reads text as UTF-8: that fails, but the base64 reading verifies, and the page says so.
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "false");
    const readings = page.getByTestId("secret-readings");
    await expect(readings.locator('tr[data-reading="UTF-8 text"]')).toHaveAttribute("data-verifies", "false");
    await expect(readings.locator('tr[data-reading="base64"]')).toHaveAttribute("data-verifies", "true");
    await expect(page.getByTestId("reading-hint")).toContainText('choose "Secret (base64 / base64url)"');
    await app.keyKind.selectOption("secret-base64");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
  });

  test("a JWKS shows which kid was selected", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const jwks = byId("jwks_select_by_kid");
    await app.analyse(jwks.token, keyText(jwks), "auto");
    await expect(page.getByTestId("key-detected")).toHaveAttribute("data-kind", "jwks");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    const members = page.getByTestId("jwks-members");
    await expect(members.locator("li[data-selected=true]")).toHaveCount(1);
    await expect(members.locator("li[data-selected=true]")).toContainText("verifies");
  });

  test("an unreadable key gets a clear message, and the page keeps working", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const rs = byId("rs256_valid");
    await app.analyse(rs.token, "-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----", "auto");
    await expect(page.getByTestId("key-error")).toContainText("Cannot read this key");
    // Each key error has a stable code.
    await expect(page.getByTestId("key-error")).toHaveAttribute("data-code", "pem");
    await expect(app.verdict).toHaveAttribute("data-error-kind", "key_invalid");
    // Payload still decoded; fixing the key fixes the verdict.
    expect((await app.decodedJson()).payload).toEqual(rs.expect.payload);
    await app.keyInput.fill(keyText(rs));
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
  });

  test("public keys are verified by lazily loaded code; the verdict does not flicker as the clock ticks", async ({
    page,
  }) => {
    await page.clock.install();
    const app = new DebuggerPage(page);
    await app.goto();
    await page.getByLabel("Load a sample").selectOption("rs256");
    await expect(app.verdict).toHaveAttribute("data-state", "ready");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    await app.verdict.evaluate((el) => {
      (window as unknown as { changes: string[] }).changes = [];
      new MutationObserver(() => (window as unknown as { changes: string[] }).changes.push(el.getAttribute("data-state")!)).observe(
        el,
        { attributes: true, attributeFilter: ["data-state"] },
      );
    });
    await page.clock.runFor(5_000);
    await expect(app.timeResult).toContainText("Not yet valid");
    expect(await page.evaluate(() => (window as unknown as { changes: string[] }).changes)).toEqual([]);
    // A fixed clock is an input: the verdict follows it.
    await (await app.openClock()).now.fill("4102445000");
    await expect(app.verdict).toHaveAttribute("data-time-status", "valid");
    await expect(app.verdict).toHaveAttribute("data-state", "ready");
  });

  test("no key: not checked, and the page says how to check", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    await app.keyInput.fill("");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "null");
    await expect(app.signatureResult).toContainText("Not checked (no key)");
  });
});

test.describe("a public key's answer on its way", () => {
  // ES384: checked in the worker (ES256 is checked on the page).
  const es = byId("es384_valid");
  const edited = () => {
    const [h, p, s] = es.token.split(".");
    const claims = JSON.parse(Buffer.from(p, "base64url").toString());
    claims.edited = true;
    return `${h}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${s}`;
  };
  const titles = (page: import("@playwright/test").Page) =>
    page.evaluate(() => {
      const w = window as unknown as { titles: string[] };
      w.titles = [];
      const title = document.querySelector('[data-testid="signature-result"] .result-title')!;
      new MutationObserver(() => w.titles.push(title.textContent ?? "")).observe(title, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });

  test("a quick answer (ES384, in the worker) replaces the last verdict with no 'Checking' in between", async ({ page }) => {
    await page.clock.install();
    const app = new DebuggerPage(page);
    await app.goto();
    await expect(page.locator("html")).toHaveAttribute("data-offline-ready", "true");
    await app.analyse(es.token, keyText(es));
    await expect(app.signatureResult).toContainText("Signature verified");
    // The page's timers stand still from here: only the worker's answer can change the badge.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    await titles(page);
    await app.tokenInput.fill(edited());
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "false");
    await expect(app.signatureResult).toContainText("Invalid signature");
    const seen = await page.evaluate(() => (window as unknown as { titles: string[] }).titles);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).not.toContain("Checking the signature…");
  });

  test("the quick public-key algorithms are checked on the page, the slow ones in the worker", async ({ page }) => {
    // A worker that loads but never answers: only the page itself can check a signature.
    await page.route("**/crypto-worker.js", async (route) => {
      const body = await (await route.fetch()).text();
      const mute = `const post = self.postMessage.bind(self);
self.postMessage = (m) => ("ready" in m ? post(m) : undefined);
`;
      await route.fulfill({ contentType: "text/javascript", body: mute + body });
    });
    const app = new DebuggerPage(page);
    // Never "ready" with a mute worker (the sample's known-secret check is asked there).
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
    const more = (id: string) => loadCases("more-algorithms.json").find((c) => c.id === id)!;
    const quick = [
      byId("rs256_valid"),
      byId("ps256_valid"),
      byId("es256_valid"),
      byId("eddsa_valid"),
      more("es256k_valid"),
    ];
    for (const c of quick) {
      await app.keyInput.fill(keyText(c));
      await app.tokenInput.fill(c.token);
      await expect(app.verdict, c.id).toHaveAttribute("data-alg", c.expect.alg!);
      await expect(app.verdict, c.id).toHaveAttribute("data-signature-valid", "true");
    }
    // The page's code is loaded now (it answered), and it answers in the keystroke's own task:
    // still no answer once the algorithm shows means the question went to the worker.
    for (const c of [byId("es384_valid"), byId("es512_valid"), more("ed448_valid")]) {
      await app.keyInput.fill(keyText(c));
      await app.tokenInput.fill(c.token);
      await expect(app.verdict, c.id).toHaveAttribute("data-alg", c.expect.alg!);
      await expect(app.verdict, c.id).toHaveAttribute("data-state", "pending");
      await expect(app.verdict, c.id).toHaveAttribute("data-signature-valid", "null");
    }
  });

  test("a late answer: the last verdict stays for the grace period, then the page says it is checking", async ({ page }) => {
    // The worker never arrives, so an ES384 answer never comes.
    await page.route("**/crypto-worker.js", () => {});
    await page.clock.install();
    const app = new DebuggerPage(page);
    // Without the worker the page never becomes "ready" (the sample's known-secret check is
    // asked there too): hydrated is enough.
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    await app.keyInput.fill(keyText(es));
    await app.tokenInput.fill(es.token);
    await expect(app.verdict).toHaveAttribute("data-alg", "ES384");
    // The contract says pending at once; what the panels show waits for the grace period.
    await expect(app.verdict).toHaveAttribute("data-state", "pending");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "null");
    await expect(app.signatureResult).not.toContainText("Checking");
    await expect(page.getByTestId("key-detected")).not.toContainText("reading it");
    await page.clock.runFor(200);
    await expect(app.signatureResult).toContainText("Checking the signature…");
    await expect(app.signatureResult).toContainText("Loading the public-key code (once)");
    await expect(page.getByTestId("key-detected")).toContainText("reading it…");
  });

  test("a late answer once the code is loaded: the page says it is verifying, not loading", async ({ page }) => {
    // The worker loads at once but answers each question 1.5 s late (a very slow machine).
    await page.route("**/crypto-worker.js", async (route) => {
      const body = await (await route.fetch()).text();
      const late = `const post = self.postMessage.bind(self);
self.postMessage = (m) => ("ready" in m ? post(m) : setTimeout(() => post(m), 1500));
`;
      await route.fulfill({ contentType: "text/javascript", body: late + body });
    });
    const app = new DebuggerPage(page);
    await app.goto();
    await expect(page.locator("html")).toHaveAttribute("data-offline-ready", "true");
    await app.keyInput.fill(keyText(es));
    await app.tokenInput.fill(es.token);
    await expect(app.verdict).toHaveAttribute("data-state", "pending");
    await expect(app.signatureResult).toContainText("Checking the signature…");
    await expect(app.signatureResult).toContainText("the public-key code is loaded");
    await expect(app.signatureResult).not.toContainText("Loading");
    await expect(app.verdict).toHaveAttribute("data-state", "ready");
    await expect(app.signatureResult).toContainText("Signature verified");
  });
});
