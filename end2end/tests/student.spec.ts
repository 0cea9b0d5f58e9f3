import { expect, test, type Page } from "@playwright/test";
import { DebuggerPage } from "./fixtures/debugger-page";
import { E2E_JWT_SECRET_KEY } from "./fixtures/server-env";

// A student's first five minutes, as the course sends them: log in, get a token, paste the
// secret as it sits in .env, on a laptop and on a phone.
const screens = [
  { name: "laptop", width: 1366, height: 768 },
  { name: "phone", width: 390, height: 844 },
];

/** Whether the element's box lies inside the first screen (the viewport, unscrolled or not). */
async function inView(page: Page, testid: string): Promise<boolean> {
  return page.getByTestId(testid).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
  });
}

for (const screen of screens) {
  test.describe(`a student on a ${screen.name} (${screen.width}×${screen.height})`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height } });

    test("secrets pasted as they sit in .env are named, and the fix verifies", async ({ page }) => {
      const app = new DebuggerPage(page);
      await app.goto();
      await app.loginAs("user");
      await app.getMyToken();
      const key = E2E_JWT_SECRET_KEY;
      for (const pasted of [
        `'${key}'`,
        `"${key}"`,
        `JWT_SECRET_KEY='${key}'`,
        `JWT_SECRET_KEY=${key}`,
        `${key}\n`,
        ` ${key}`,
      ]) {
        await app.keyInput.fill(pasted);
        await expect(app.verdict).toHaveAttribute("data-state", "ready");
        // Honest about the text as pasted ...
        await expect(app.verdict).toHaveAttribute("data-signature-valid", "false");
        await expect(app.verdict).toHaveAttribute("data-warnings", /key_cleanup_verifies/);
        // ... and it says why, with a fix.
        const note = page.getByTestId("key-cleanup");
        await expect(note).toBeVisible();
        await expect(note).toContainText("Without");
        await expect(page.getByTestId("secret-readings").locator('tr[data-cleaned="true"][data-verifies="true"]')).not.toHaveCount(0);
        await page.getByTestId("key-fix").click();
        await expect(app.keyInput).toHaveValue(key);
        await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
        await expect(note).toHaveCount(0);
      }
    });

    test("a token pasted on a fresh page is not checked with the sample's key", async ({ page }) => {
      const app = new DebuggerPage(page);
      await app.goto();
      // The page starts with the sample token and its own secret.
      await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
      const mine =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6NCwidXNlcm5hbWUiOiJ1c2VyIn0.VFb0qJ1LRf9YdSbW6Bm8OAgq8Kt0m2n_wy3xBqKQm9A";
      await app.tokenInput.fill(mine);
      await expect(app.verdict).toHaveAttribute("data-state", "ready");
      await expect(app.verdict).toHaveAttribute("data-signature-valid", "null");
      await expect(app.signatureResult).toContainText("Not checked (no key)");
      await expect(app.keyInput).toHaveValue("");
      // A key the user typed is never touched.
      await app.keyInput.fill("my-own-key");
      await app.tokenInput.fill(mine.replace(/A$/, "Q"));
      await expect(app.keyInput).toHaveValue("my-own-key");
    });

    test("after log-in the session and Get my token are in the first screen; after it, the verdict", async ({ page }) => {
      const app = new DebuggerPage(page);
      await app.goto();
      await app.loginAs("user");
      await expect(app.sessionStatus).toHaveText("Logged in as Uma User (user)");
      expect(await inView(page, "session-status")).toBe(true);
      expect(await app.getTokenButton.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true);
      await app.getMyToken();
      await expect.poll(() => inView(page, "signature-result")).toBe(true);
      // The key box has the focus, ready for JWT_SECRET_KEY.
      await expect(app.keyInput).toBeFocused();
    });

    test("Clear leaves a neutral page, and an Authorization header line decodes with a note", async ({ page }) => {
      const app = new DebuggerPage(page);
      await app.goto();
      await app.clear();
      await expect(app.verdict).toHaveAttribute("data-error-kind", "empty");
      await expect(app.signatureResult).toHaveAttribute("data-tone", "neutral");
      await expect(app.signatureResult).toContainText("Paste a token");
      await expect(app.timeResult).toHaveAttribute("data-tone", "neutral");
      const token =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6NCwidXNlcm5hbWUiOiJ1c2VyIn0.VFb0qJ1LRf9YdSbW6Bm8OAgq8Kt0m2n_wy3xBqKQm9A";
      await app.tokenInput.fill(`Authorization: Bearer ${token}`);
      await expect(app.verdict).toHaveAttribute("data-state", "ready");
      await expect(app.verdict).toHaveAttribute("data-well-formed", "true");
      await expect(app.verdict).toHaveAttribute("data-warnings", /authorization_header_removed/);
      await expect(page.getByTestId("token-notes")).toContainText("Authorization:");
    });
  });
}

test.describe("a student on a phone (390×844)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("no sideways scrolling, the verdict right after the token, the clock folded away", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const verdictTop = await app.verdict.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    expect(verdictTop).toBeLessThan(1000);
    // The token is shown once (the coloured copy is for wider screens).
    await expect(app.encodedToken).toBeHidden();
    await expect(page.getByTestId("clock-now")).toBeHidden();
    // Claims are cards, and no word is broken in the middle.
    const row = app.claimsTable.locator("tr[data-claim=name]");
    await expect(row).toBeVisible();
    const lines = await row.locator("code").first().evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return range.getClientRects().length;
    });
    expect(lines).toBe(1);
    // Still no sideways scrolling with a long token.
    await app.loginAs("manager");
    await app.getMyToken();
    const after = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    expect(after).toBe(true);
  });
});

test.describe("on a laptop, claim names and values never break mid-word", () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test("the demo token's claims read whole", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    await app.loginAs("manager");
    await app.getMyToken();
    for (const claim of ["username", "roles"]) {
      const cells = app.claimsTable.locator(`tr[data-claim=${claim}] code`);
      for (const cell of await cells.all()) {
        // A single rendered line per word: its client rects do not split a word.
        const wrapped = await cell.evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          const rects = [...range.getClientRects()];
          const text = el.textContent ?? "";
          return rects.length > 1 && !/\s/.test(text.trim());
        });
        expect(wrapped, `${claim} broken mid-word`).toBe(false);
      }
    }
  });
});
