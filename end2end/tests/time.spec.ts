import { expect, test } from "@playwright/test";
import { keyText, loadCases } from "./fixtures/cases";
import { DebuggerPage } from "./fixtures/debugger-page";

// Tokens with exp = 2026-01-01T06:00:00Z (1767247200) and nbf = 2026-01-01T00:00:00Z (1767225600).
const EXP = 1767247200;
const NBF = 1767225600;
const secret = "time-test-secret-0123456789abcdef0123";

async function token(page: import("@playwright/test").Page, payload: object): Promise<string> {
  // Signed in the page's own sign mode would be circular; sign with Web Crypto instead.
  return page.evaluate(
    async ({ payload, secret }) => {
      const b64 = (bytes: Uint8Array) =>
        btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
      const enc = new TextEncoder();
      const input = `${b64(enc.encode('{"alg":"HS256"}'))}.${b64(enc.encode(JSON.stringify(payload)))}`;
      const key = await crypto.subtle.importKey("raw", enc.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
      const sig = new Uint8Array(await crypto.subtle.sign("HMAC", key, enc.encode(input)));
      return `${input}.${b64(sig)}`;
    },
    { payload, secret },
  );
}

test.describe("expiry at a glance", () => {
  test("valid, then a live countdown, then expired — with Playwright's clock", async ({ page }) => {
    const start = (EXP - 6 * 3600 + 60) * 1000;
    await page.clock.install({ time: new Date(start - 10_000) });
    const app = new DebuggerPage(page);
    await app.goto();
    await app.analyse(await token(page, { nbf: NBF, exp: EXP }), secret, "secret-utf8");
    await page.clock.pauseAt(new Date(start - 1000));
    await page.clock.runFor(1000); // one tick of the page's live clock
    await expect(app.verdict).toHaveAttribute("data-time-status", "valid");
    await expect(app.timeResult).toHaveAttribute("data-tone", "good");
    await expect(app.timeResult).toContainText("Not expired");
    await expect(app.timeResult).toContainText("Expires in 5 h 59 min");
    // The countdown is live.
    await page.clock.runFor(30_000);
    await expect(app.timeResult).toContainText("Expires in 5 h 58 min");
    // Jump (timers fire once) rather than tick through six hours.
    await page.clock.fastForward("06:00:00");
    await expect(app.verdict).toHaveAttribute("data-time-status", "expired");
    await expect(app.timeResult).toHaveAttribute("data-tone", "bad");
    await expect(app.timeResult).toContainText("Expired");
    await expect(app.timeResult).toContainText(/Expired \d+ min( \d+ s)? ago/);
  });

  test("not yet valid, and no exp", async ({ page }) => {
    await page.clock.setFixedTime(new Date((NBF - 7200) * 1000));
    const app = new DebuggerPage(page);
    await app.goto();
    await app.analyse(await token(page, { nbf: NBF, exp: EXP }), secret, "secret-utf8");
    await expect(app.verdict).toHaveAttribute("data-time-status", "not_yet_valid");
    await expect(app.timeResult).toContainText("Not yet valid");
    await expect(app.timeResult).toContainText("Not valid for another 2 h");
    await expect(app.timeResult).toHaveAttribute("data-tone", "warn");
    await app.tokenInput.fill(await token(page, { sub: "x" }));
    await expect(app.verdict).toHaveAttribute("data-time-status", "no_exp");
    await expect(app.timeResult).toContainText("No expiry");
  });

  test("the clock override and leeway controls", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    await app.analyse(await token(page, { exp: EXP }), secret, "secret-utf8");
    const { now: clock, leeway } = await app.openClock();
    await clock.fill(String(EXP - 1));
    await expect(app.verdict).toHaveAttribute("data-time-status", "valid");
    await expect(page.getByTestId("clock-status")).toContainText("2026-01-01T05:59:59Z (fixed)");
    await clock.fill(String(EXP + 30));
    await expect(app.verdict).toHaveAttribute("data-time-status", "expired");
    await leeway.fill("60");
    await expect(app.verdict).toHaveAttribute("data-time-status", "valid");
    await page.getByRole("button", { name: "Use the live clock" }).click();
    await expect(clock).toHaveValue("");
    await expect(leeway).toHaveValue("0");
    await expect(page.getByTestId("clock-status")).toContainText("(live clock)");
  });
});

test.describe("the clock re-judges time only", () => {
  // The page counts its decodes and signature checks in window.jwtDebuggerCounts (performance
  // marks too, but Playwright's clock replaces the performance timeline).
  const count = (page: import("@playwright/test").Page) =>
    page.evaluate(() => {
      const counts = (window as unknown as { jwtDebuggerCounts?: Record<string, number> }).jwtDebuggerCounts ?? {};
      return { decode: counts["jwt-debugger:decode"] ?? 0, check: counts["jwt-debugger:check"] ?? 0 };
    });

  test("ten seconds of ticking decode and verify nothing again (secret)", async ({ page }) => {
    await page.clock.install({ time: new Date((EXP - 600) * 1000) });
    const app = new DebuggerPage(page);
    await app.goto();
    await app.analyse(await token(page, { nbf: NBF, exp: EXP }), secret, "secret-utf8");
    await page.clock.runFor(1000);
    const { status } = await app.openClock();
    await expect(status).toContainText("live clock");
    const before = await count(page);
    const clockBefore = await status.textContent();
    const detailBefore = await app.timeResult.textContent();
    expect(before.decode).toBeGreaterThan(0);
    expect(before.check).toBeGreaterThan(0);
    await page.clock.runFor(10_000);
    // The clock did tick (the page shows the new time and the countdown moved) ...
    await expect(status).not.toHaveText(clockBefore ?? "");
    await expect(app.timeResult).not.toHaveText(detailBefore ?? "");
    // ... and nothing was decoded or verified again.
    expect(await count(page)).toEqual(before);
    // A real change still re-runs them.
    await app.tokenInput.press("End");
    await app.tokenInput.press("Backspace");
    await expect.poll(async () => (await count(page)).decode).toBeGreaterThan(before.decode);
  });

  test("ten seconds of ticking ask the public-key code nothing again (RS256)", async ({ page }) => {
    await page.clock.install({ time: new Date((EXP - 600) * 1000) });
    const app = new DebuggerPage(page);
    await app.goto();
    const rs = loadCases("jwt-cases.json").find((c) => c.id === "rs256_valid")!;
    await app.analyse(rs.token, keyText(rs));
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    await page.clock.runFor(1000);
    const { status } = await app.openClock();
    await expect(status).toContainText("live clock");
    const before = await count(page);
    const clockBefore = await status.textContent();
    await page.clock.runFor(10_000);
    await expect(status).not.toHaveText(clockBefore ?? "");
    expect(await count(page)).toEqual(before);
    await expect(app.verdict).toHaveAttribute("data-state", "ready");
  });
});
