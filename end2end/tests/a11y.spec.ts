import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DebuggerPage } from "./fixtures/debugger-page";
import { SAMPLE_HS256 } from "./fixtures/samples";

async function axe(page: import("@playwright/test").Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, summary.join("\n")).toEqual([]);
}

test.describe("accessibility", () => {
  for (const theme of ["light", "dark"] as const) {
    test(`axe finds no violations (${theme} theme, every panel open)`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme: theme });
      const app = new DebuggerPage(page);
      await app.goto();
      await axe(page);
      await testInfo.attach(`page-${theme}`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
      // With warnings, errors, a malformed token and every panel open too.
      await app.tokenInput.fill(`Bearer ${SAMPLE_HS256.replace(".", ".=")}`);
      await page.getByText("How the signature is computed, step by step").click();
      await app.openSignMode();
      await page.getByRole("button", { name: "Get my token" }).click();
      await expect(page.getByTestId("demo-token-error")).toBeVisible();
      await axe(page);
    });
  }

  test("presentation mode: large type, still no violations", async ({ page }, testInfo) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const before = await app.tokenInput.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const toggle = page.getByRole("button", { name: "Presentation mode" });
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator("html")).toHaveAttribute("data-presentation", "on");
    const after = await app.tokenInput.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(after).toBeGreaterThan(before * 1.2);
    await axe(page);
    await testInfo.attach("page-presentation", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
    // The choice survives a reload (display preferences only are stored).
    await page.reload();
    await app.waitForHydration();
    await expect(page.locator("html")).toHaveAttribute("data-presentation", "on");
  });

  test("theme toggle overrides the system theme", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    const app = new DebuggerPage(page);
    await app.goto();
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await bg();
    await page.getByLabel("Theme").selectOption("dark");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    expect(await bg()).not.toBe(light);
    await page.getByLabel("Theme").selectOption("system");
    await expect(page.locator("html")).not.toHaveAttribute("data-theme", /.+/);
    expect(await bg()).toBe(light);
  });

  test("keyboard only: reach the token box, type, pick a key format, and get a verdict", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    // Tab from the top of the page to the token box, through labelled controls.
    let steps = 0;
    while (!(await app.tokenInput.evaluate((el) => el === document.activeElement)) && steps < 20) {
      await page.keyboard.press("Tab");
      steps += 1;
      const name = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return (el as HTMLInputElement).labels?.[0]?.textContent ?? el.getAttribute("aria-label") ?? el.textContent;
      });
      expect(name?.trim(), "every control on the way has a name").toBeTruthy();
    }
    await expect(app.tokenInput).toBeFocused();
    // Focus is visible.
    const outline = await app.tokenInput.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("Delete");
    await page.keyboard.type(SAMPLE_HS256);
    await app.keyKind.focus();
    await page.keyboard.press("ArrowDown"); // auto -> secret-utf8
    await expect(app.keyKind).toHaveValue("secret-utf8");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    // Verdict changes are announced.
    await expect(page.getByTestId("announcer")).toHaveText("Signature verified. Not expired.");
    // Enter on the sign-mode summary opens it.
    await page.getByTestId("sign-mode").locator("summary").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("sign-mode")).toHaveAttribute("open", "");
  });
});
