import { expect, test, type Request } from "@playwright/test";
import { DebuggerPage } from "./fixtures/debugger-page";

/** A token and secret nobody else has: if either shows up in a request, it leaked. */
async function canary(page: import("@playwright/test").Page) {
  const secret = `canary-secret-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const token = await page.evaluate(async (secret) => {
    const b64 = (bytes: Uint8Array) =>
      btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    const enc = new TextEncoder();
    const input = `${b64(enc.encode('{"alg":"HS256","typ":"JWT"}'))}.${b64(enc.encode(JSON.stringify({ sub: "canary-subject", exp: 4102444800 })))}`;
    const key = await crypto.subtle.importKey("raw", enc.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    return `${input}.${b64(new Uint8Array(await crypto.subtle.sign("HMAC", key, enc.encode(input))))}`;
  }, secret);
  return { secret, token };
}

test.describe("privacy", () => {
  test("verifying, signing and explaining send nothing: no request carries the token or the key", async ({
    page,
    context,
    baseURL,
  }) => {
    const requests: Request[] = [];
    page.on("request", (r) => requests.push(r));
    const app = new DebuggerPage(page);
    await app.goto();
    const { secret, token } = await canary(page);
    await app.analyse(token, secret, "secret-utf8");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    await page.getByText("How the signature is computed, step by step").click();
    await expect(page.getByTestId("explain-steps")).toBeVisible();
    const sign = await app.openSignMode();
    await sign.key.fill(secret);
    await sign.payload.fill(JSON.stringify({ sub: "canary-subject" }));
    await expect(sign.signed).toHaveValue(/\./);
    await sign.decode.click();
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    await page.waitForLoadState("networkidle");

    expect(requests.length).toBeGreaterThan(2); // the page, its script, its WASM at least
    const origin = new URL(baseURL!).origin;
    const secrets = [secret, token, ...token.split("."), "canary-subject"];
    for (const r of requests) {
      expect(new URL(r.url()).origin, `left the origin: ${r.url()}`).toBe(origin);
      const carried = [r.url(), r.postData() ?? "", JSON.stringify(await r.allHeaders())].join("\n");
      for (const s of secrets) expect(carried, `${r.method()} ${r.url()} carries a secret`).not.toContain(s);
    }
    // Nor the address, cookies or storage.
    for (const s of [secret, token]) expect(page.url()).not.toContain(s);
    const cookies = JSON.stringify(await context.cookies());
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    for (const s of [secret, token]) {
      expect(cookies).not.toContain(s);
      expect(storage).not.toContain(s);
    }
  });

  test("the page is served with a strict Content-Security-Policy and a per-page nonce", async ({ page }) => {
    const response = await page.goto("/");
    const csp = response!.headers()["content-security-policy"];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = /script-src 'self' 'nonce-([\w-]+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    // Browsers hide nonces from the DOM: check the served HTML of another request instead, whose
    // inline hydration script carries that response's own (different) nonce.
    const other = await page.request.get("/");
    const otherNonce = /'nonce-([\w-]+)'/.exec(other.headers()["content-security-policy"])?.[1];
    expect(otherNonce).toBeTruthy();
    expect(otherNonce).not.toBe(nonce);
    expect(await other.text()).toContain(`nonce="${otherNonce}"`);
    // No third-party script, style or image (the inline icon is a data: URL: no request at all).
    const external = await page.evaluate(() =>
      [...document.querySelectorAll("script[src], link[href], img[src]")]
        .map((e) => (e as HTMLScriptElement).src || (e as HTMLLinkElement).href)
        .filter((u) => u && !u.startsWith("data:image/png;base64,") && new URL(u).origin !== location.origin),
    );
    expect(external).toEqual([]);
    // A policy violation would show up here; hydration must have worked under the policy.
    await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  });

  test("offline: once loaded, decoding, verifying and signing keep working with the network cut", async ({
    page,
    context,
  }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    // The lazily loaded parts (signing, key generation, teaching view) arrive after hydration.
    await expect(page.locator("html")).toHaveAttribute("data-offline-ready", "true");
    const { secret, token } = await canary(page);
    await context.setOffline(true);
    await app.analyse(token, secret, "secret-utf8");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    const sign = await app.openSignMode();
    await sign.alg.selectOption("ES256");
    await sign.generate.click();
    await expect(sign.key).toHaveValue(/PRIVATE KEY/);
    await sign.decode.click();
    await expect(app.verdict).toHaveAttribute("data-alg", "ES256");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    await context.setOffline(false);
  });

  test("a share link carries the token only in the fragment, and the page reads it on load", async ({
    page,
    context,
    browser,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const app = new DebuggerPage(page);
    await app.goto();
    const { secret, token } = await canary(page);
    await app.analyse(token, secret, "secret-utf8");
    await page.getByRole("button", { name: "Copy share link" }).click();
    const link = await page.getByTestId("share-link").inputValue();
    const url = new URL(link);
    expect(url.pathname).toBe("/");
    expect(url.search).toBe("");
    expect(decodeURIComponent(url.hash)).toBe(`#token=${token}`);
    expect(link).not.toContain(secret);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    // Someone else opens it: the token arrives, the key does not.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    const sent: string[] = [];
    otherPage.on("request", (r) => sent.push(r.url()));
    const receiver = new DebuggerPage(otherPage);
    await receiver.goto(link);
    await expect(receiver.tokenInput).toHaveValue(token);
    await expect(receiver.keyInput).toHaveValue("");
    await expect(receiver.verdict).toHaveAttribute("data-signature-valid", "null");
    expect((await receiver.decodedJson()).payload).toEqual({ sub: "canary-subject", exp: 4102444800 });
    for (const u of sent) expect(u, "the fragment never reaches the server").not.toContain(token.split(".")[1]);
    await other.close();
  });
});
