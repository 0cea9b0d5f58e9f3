import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { keyText, loadCases } from "./fixtures/cases";
import { DebuggerPage } from "./fixtures/debugger-page";

// The security review's findings that show on the page (issue 13): each test reproduces one.

const byId = (id: string) => loadCases("jwt-cases.json").find((c) => c.id === id)!;
const b64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

function hs256(header: object, payload: object, secret: string | Buffer): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
}

/** A real certificate as `openssl pkcs12 -nokeys` prints it: a preamble, then the PEM block. */
function certificateBag(): string {
  const cert = keyText(byId("rs256_x509_certificate"));
  expect(cert).toContain("-----BEGIN CERTIFICATE-----");
  return `Bag Attributes\n    localKeyID: 01 00 00 00\n    friendlyName: course\nsubject=CN = course.example\n\nissuer=CN = course.example\n\n${cert}`;
}

test.describe("security review", () => {
  test("a certificate after a preamble is never verified as an HMAC secret", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const bag = certificateBag();
    const forged = hs256({ alg: "HS256", typ: "JWT" }, { sub: "admin", admin: true }, bag);
    // auto: read as the certificate it is, so the HS256 token is refused, never green.
    await app.analyse(forged, bag, "auto");
    await expect(page.getByTestId("key-detected")).toHaveAttribute("data-kind", "pem-cert");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", /^(false|null)$/);
    await expect(app.verdict).toHaveAttribute("data-error-kind", "alg_key_mismatch");
    await expect(app.signatureResult).not.toHaveAttribute("data-tone", "good");
    // A byte-order mark before the block changes nothing.
    await app.analyse(forged, `\uFEFF${bag}`, "auto");
    await expect(app.verdict).toHaveAttribute("data-error-kind", "alg_key_mismatch");
    // Chosen as a secret on purpose, it verifies — as a warning, with the confusion named.
    await app.analyse(forged, bag, "secret-utf8");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    expect((await app.verdictAttributes()).warnings).toContain("hmac_secret_is_public_key");
    await expect(app.signatureResult).toHaveAttribute("data-tone", "warn");
    await expect(app.signatureResult).toContainText("key confusion");
  });

  test("a JWKS pasted in auto is a key set, never a secret", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const jwks = JSON.stringify({ keys: [{ kty: "oct", k: "c2VjcmV0", kid: "a" }] });
    const forged = hs256({ alg: "HS256", kid: "a" }, { sub: "x" }, jwks);
    await app.analyse(forged, jwks, "auto");
    await expect(page.getByTestId("key-detected")).toHaveAttribute("data-kind", "jwks");
    await expect(app.verdict).not.toHaveAttribute("data-signature-valid", "true");
  });

  test("the small-order Ed25519 key is refused, so its forged signature never verifies", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const identity = "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    const signature = Buffer.alloc(64);
    signature[0] = 1; // R = identity, S = 0: "valid" for any message under the identity key
    const forged = `${b64url(JSON.stringify({ alg: "EdDSA" }))}.${b64url(JSON.stringify({ sub: "anyone" }))}.${b64url(signature)}`;
    const jwk = JSON.stringify({ kty: "OKP", crv: "Ed25519", x: identity });
    // The same key as SPKI PEM: the fixed Ed25519 SPKI prefix, then the 32 key bytes.
    const spki = Buffer.concat([Buffer.from("302a300506032b6570032100", "hex"), Buffer.from(identity, "base64url")]);
    const pem = `-----BEGIN PUBLIC KEY-----\n${spki.toString("base64")}\n-----END PUBLIC KEY-----\n`;
    for (const key of [jwk, pem]) {
      await app.analyse(forged, key, "auto");
      await expect(page.getByTestId("key-error")).toHaveAttribute("data-code", "weak_key");
      await expect(app.verdict).toHaveAttribute("data-error-kind", "key_invalid");
      await expect(app.verdict).not.toHaveAttribute("data-signature-valid", "true");
    }
  });

  test("a kid that is not a string selects no key of a JWKS", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const jwks = JSON.stringify({
      keys: [
        { kty: "oct", kid: "a", k: b64url("first-secret-0123456789abcdef0123") },
        { kty: "oct", kid: "b", k: b64url("other-secret-0123456789abcdef0123") },
      ],
    });
    for (const kid of [123, null, ["b"]]) {
      const token = hs256({ alg: "HS256", kid }, { sub: "x" }, "other-secret-0123456789abcdef0123");
      await app.analyse(token, jwks, "jwks");
      await expect(app.verdict).not.toHaveAttribute("data-signature-valid", "true");
      await expect(app.signatureResult).toContainText("not a string");
    }
    // A member marked for encryption does not verify signatures, even with the right kid.
    const enc = JSON.stringify({ keys: [{ kty: "oct", kid: "a", use: "enc", k: b64url("first-secret-0123456789abcdef0123") }] });
    const token = hs256({ alg: "HS256", kid: "a" }, { sub: "x" }, "first-secret-0123456789abcdef0123");
    await app.analyse(token, enc, "jwks");
    await expect(app.verdict).not.toHaveAttribute("data-signature-valid", "true");
  });

  test("a share link is cleared from the address bar once loaded", async ({ page }) => {
    const app = new DebuggerPage(page);
    const token = hs256({ alg: "HS256" }, { sub: "shared" }, "s");
    await app.goto(`/#token=${token}`);
    await expect(app.tokenInput).toHaveValue(token);
    await expect.poll(() => page.evaluate(() => location.href)).not.toContain("token=");
    expect(await page.evaluate(() => location.hash)).toBe("");
  });

  test("a 256 KiB share link with 20,000 claims loads, and then no clock tick takes over 50 ms", async ({ page }) => {
    await page.clock.install();
    const claims: Record<string, number> = {};
    for (let i = 0; i < 20_000; i++) claims[`c${i.toString(36)}`] = 1;
    const token = hs256({ alg: "HS256" }, { exp: 4102444800, ...claims }, "s");
    expect(token.length).toBeGreaterThan(200_000);
    expect(token.length).toBeLessThanOrEqual(256 * 1024);
    const app = new DebuggerPage(page);
    const started = Date.now();
    await app.goto(`/#token=${token}`);
    await expect(app.tokenInput).toHaveValue(token);
    await expect(app.verdict).toHaveAttribute("data-state", "ready");
    await expect(app.verdict).toHaveAttribute("data-well-formed", "true");
    const loadMs = Date.now() - started;
    // Watch long tasks over ten ticks of the page's clock.
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(e.duration);
      }).observe({ type: "longtask" });
    });
    for (let i = 0; i < 10; i++) await page.clock.runFor(1000);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    console.log(`20,000 claims: usable after ${loadMs} ms; long tasks during ten ticks: ${JSON.stringify(longTasks)}`);
    expect(longTasks, "no task over 50 ms per clock tick").toEqual([]);
    // The claims list stays readable: the rows are capped, and the page says how many there are.
    await expect(page.getByTestId("claims-more")).toContainText(`${20_001 - 200} more`);
  });
});
