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
