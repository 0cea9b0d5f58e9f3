import { expect, test } from "@playwright/test";
import { createHmac } from "node:crypto";
import { E2E_JWT_SECRET_KEY } from "./fixtures/server-env";
import { DebuggerPage, decodeJwt } from "./fixtures/debugger-page";

test.describe("demo log-in", () => {
  test("the page loads and hydrates, logged out", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const app = new DebuggerPage(page);
    await app.goto();
    await expect(page).toHaveTitle("JWT Debugger");
    await expect(page.getByRole("heading", { level: 1, name: "JWT Debugger" })).toBeVisible();
    await expect(app.sessionStatus).toHaveText("Not logged in");
    for (const user of ["admin", "contributor", "manager", "user"]) {
      await expect(app.loginLink(user)).toBeVisible();
    }
    await expect(app.logoutLink).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test("log in as admin, get the token: a verifiable HS256 JWT naming admin, valid 6 h", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    await app.loginAs("admin");
    await expect(page).toHaveURL(/\/$/);
    await expect(app.sessionStatus).toHaveText("Logged in as Ada Admin (admin)");

    const token = await app.getMyToken();
    const { header, payload } = decodeJwt(token);
    expect(header.alg).toBe("HS256");
    expect(payload).toMatchObject({ id: 1, username: "admin", name: "Ada Admin", roles: ["admin"] });
    expect(Number(payload.exp) - Number(payload.iat)).toBe(21600);
    expect(Math.abs(Number(payload.iat) - Date.now() / 1000)).toBeLessThan(60);

    // The signature is an HMAC-SHA256 over the first two segments with the server's key.
    const [h, p, s] = token.split(".");
    const expected = createHmac("sha256", E2E_JWT_SECRET_KEY).update(`${h}.${p}`).digest("base64url");
    expect(s).toBe(expected);

    // The token is in the decoder, with its 6 h countdown; the page never asked for the key.
    await expect(app.tokenInput).toHaveValue(token);
    await expect(app.timeResult).toContainText(/Expires in (5 h 59 min|6 h)/);
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "null");
    // Pasting the server's JWT_SECRET_KEY verifies it.
    await app.keyInput.fill(E2E_JWT_SECRET_KEY);
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
  });

  test("each demo user gets a token with their own claims", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    await app.loginAs("manager");
    await expect(app.sessionStatus).toHaveText("Logged in as Mia Manager (manager)");
    const { payload } = decodeJwt(await app.getMyToken());
    expect(payload).toMatchObject({ id: 3, username: "manager", roles: ["manager", "contributor"] });
  });

  test("log out returns to the logged-out view, and the token is then refused", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    await app.loginAs("user");
    await expect(app.sessionStatus).toHaveText("Logged in as Uma User (user)");
    await app.logout();
    await expect(page).toHaveURL(/\/$/);
    await expect(app.sessionStatus).toHaveText("Not logged in");
    await expect(app.logoutLink).toHaveCount(0);
    await app.getTokenButton.click();
    await expect(app.demoTokenError).toContainText("401");
    await expect(app.demoToken).toHaveCount(0);
  });

  test("the session cookie is HttpOnly: page scripts cannot read it", async ({ page, context }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    await app.loginAs("contributor");
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === "jwt_debugger_session");
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
    expect(await page.evaluate(() => document.cookie)).not.toContain("jwt_debugger_session");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the server-rendered page shows the session and logs in through plain links", async ({ page }) => {
    const app = new DebuggerPage(page);
    await page.goto("/");
    await expect(app.sessionStatus).toHaveText("Not logged in");
    await app.loginLink("admin").click();
    await expect(app.sessionStatus).toHaveText("Logged in as Ada Admin (admin)");
    await app.logoutLink.click();
    await expect(app.sessionStatus).toHaveText("Not logged in");
  });
});
