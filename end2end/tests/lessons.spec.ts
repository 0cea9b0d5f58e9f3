import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { type ChildProcess } from "node:child_process";
import { DebuggerPage } from "./fixtures/debugger-page";
import { startServer } from "./fixtures/extra-server";

// The attack lessons: each forges a token in the page from the demo user's real token, sends it
// to the demo API and shows the answer. Against the server as built (the default webServer, whose
// E2E_JWT_SECRET_KEY is not a well-known secret) every lesson ends refused and names the defence;
// against extra servers with DEMO_API_VULNERABLE=true and a well-known JWT_SECRET_KEY the naive
// paths let their forgeries through.

const ANSWER = { timeout: 20_000 };

/** Opens the lessons panel (its code loads then). */
async function openLessons(page: Page): Promise<Locator> {
  const panel = page.getByTestId("lessons");
  await expect(panel).toBeVisible();
  if ((await panel.getAttribute("open")) === null) await panel.locator("summary").click();
  await expect(panel.getByTestId("lesson")).toHaveCount(5);
  return panel;
}

/** Runs the lesson `id` and returns its result once it has an answer. */
async function run(page: Page, id: string): Promise<Locator> {
  const lesson = page.locator(`[data-testid="lesson"][data-lesson="${id}"]`);
  await lesson.getByRole("button", { name: /^Run/ }).click();
  const result = lesson.getByTestId("lesson-result");
  await expect(result).toHaveAttribute("data-accepted", /^(true|false)$/, ANSWER);
  return result;
}

/** The payload of a compact JWT. */
function claims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"));
}

test.describe("attack lessons against the demo API as built", () => {
  test("every lesson ends refused and names the defence that stopped it", async ({ page }) => {
    const sent: { path: string; authorization: string }[] = [];
    page.on("request", (r) => {
      const authorization = r.headers()["authorization"];
      if (authorization) sent.push({ path: new URL(r.url()).pathname, authorization });
    });
    const app = new DebuggerPage(page);
    await app.goto();
    await expect(page.getByTestId("vulnerable-banner")).toHaveCount(0);
    // Nobody is logged in: the first lesson logs in as user itself.
    await expect(app.sessionStatus).toHaveAttribute("data-logged-in", "false");
    await openLessons(page);

    const tamper = await run(page, "tamper");
    await expect(tamper).toHaveAttribute("data-accepted", "false");
    await expect(tamper).toContainText("GET /api/admin");
    await expect(tamper).toContainText("401 Unauthorized");
    await expect(tamper).toContainText('error_description="invalid signature"');
    await expect(tamper).toContainText("signature check");
    // The forged token went out once, in the header, to /api/admin: user's claims, role admin.
    expect(sent).toHaveLength(1);
    expect(sent[0].path).toBe("/api/admin");
    const forged = sent[0].authorization.replace(/^Bearer /, "");
    expect(claims(forged)).toMatchObject({ username: "user", roles: ["admin"] });
    await expect(tamper).toContainText(`Authorization: Bearer ${forged}`);

    const none = await run(page, "alg-none");
    await expect(none).toHaveAttribute("data-accepted", "false");
    await expect(none).toContainText("jwt signature is required");
    await expect(none).toContainText("pinned algorithm");

    const weak = await run(page, "weak-secret");
    await expect(weak).toHaveAttribute("data-accepted", "false");
    await expect(weak).toContainText(/None of the \d+ well-known secrets verifies this token: the key could not be guessed/);
    await expect(weak).not.toContainText("Authorization: Bearer");

    const confusion = await run(page, "key-confusion");
    await expect(confusion).toHaveAttribute("data-accepted", "false");
    await expect(confusion).toContainText("GET /api/me");
    await expect(confusion).toContainText("invalid algorithm");
    await expect(confusion).toContainText("RS256");

    const jwk = await run(page, "embedded-jwk");
    await expect(jwk).toHaveAttribute("data-accepted", "false");
    await expect(jwk).toContainText("invalid algorithm");
    await expect(jwk).toContainText("jwk header");

    // Four tokens sent (weak-secret sent none), each counted by the request indicator.
    expect(sent.map((s) => s.path)).toEqual(["/api/admin", "/api/admin", "/api/me", "/api/me"]);
    await expect(page.getByTestId("request-count")).toHaveAttribute("data-with-token", "4");
    const header = (token: string) => JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString("utf8"));
    expect(header(sent[1].authorization.slice(7)).alg).toBe("none");
    expect(header(sent[2].authorization.slice(7))).toMatchObject({ alg: "HS256", kid: expect.any(String) });
    expect(header(sent[3].authorization.slice(7))).toMatchObject({ alg: "ES256", jwk: { kty: "EC", crv: "P-256" } });
    expect(header(sent[3].authorization.slice(7)).jwk.d).toBeUndefined();

    // The open panel with its five results passes axe in both themes.
    for (const theme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: theme });
      const results = await new AxeBuilder({ page }).include('[data-testid="lessons"]').analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
      expect(summary, `${theme}: ${summary.join("\n")}`).toEqual([]);
    }
  });
});

test.describe("DEMO_API_VULNERABLE=true with a well-known JWT_SECRET_KEY", () => {
  let child: ChildProcess | undefined;
  let base = "";

  test.beforeAll(async () => {
    ({ child, base } = await startServer({ DEMO_API_VULNERABLE: "true", JWT_SECRET_KEY: "secret" }));
  });

  test.afterAll(() => {
    child?.kill("SIGTERM");
  });

  test("the banner shows, and every lesson but tamper ends accepted", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto(`${base}/`);
    const banner = page.getByTestId("vulnerable-banner");
    await expect(banner).toBeVisible();
    await expect(banner).toContainText("forged tokens");
    await expect(banner).toHaveAttribute("role", "alert");
    const axe = await new AxeBuilder({ page }).include('[data-testid="vulnerable-banner"]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await openLessons(page);

    const tamper = await run(page, "tamper");
    await expect(tamper).toHaveAttribute("data-accepted", "false");
    await expect(tamper).toContainText("invalid signature");

    const none = await run(page, "alg-none");
    await expect(none).toHaveAttribute("data-accepted", "true");
    await expect(none).toContainText("200 OK");
    await expect(none).toContainText('"admin"');

    const weak = await run(page, "weak-secret");
    await expect(weak).toHaveAttribute("data-accepted", "true");
    await expect(weak).toContainText('"secret"');
    await expect(weak).toContainText("200 OK");

    for (const id of ["key-confusion", "embedded-jwk"]) {
      const result = await run(page, id);
      await expect(result, id).toHaveAttribute("data-accepted", "true");
      await expect(result, id).toContainText("GET /api/me");
      await expect(result, id).toContainText("200 OK");
    }
  });
});

test.describe("a well-known JWT_SECRET_KEY without the vulnerable mode", () => {
  let child: ChildProcess | undefined;
  let base = "";

  test.beforeAll(async () => {
    ({ child, base } = await startServer({ JWT_SECRET_KEY: "secret" }));
  });

  test.afterAll(() => {
    child?.kill("SIGTERM");
  });

  test("weak-secret ends accepted; alg-none is still refused; no banner", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto(`${base}/`);
    await expect(page.getByTestId("vulnerable-banner")).toHaveCount(0);
    await openLessons(page);
    const weak = await run(page, "weak-secret");
    await expect(weak).toHaveAttribute("data-accepted", "true");
    await expect(weak).toContainText("publicly known");
    const none = await run(page, "alg-none");
    await expect(none).toHaveAttribute("data-accepted", "false");
    await expect(none).toContainText("jwt signature is required");
  });
});
