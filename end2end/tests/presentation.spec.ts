import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DebuggerPage } from "./fixtures/debugger-page";

// On a projector (1280×720, 1366×768), in presentation mode, both themes, with the sample: the
// token (coloured by part, in the box itself), the verdict and the decoded payload are all in
// the first screen, without scrolling; axe finds nothing.

async function fullyVisible(page: Page, locator: Locator, what: string) {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, what).not.toBeNull();
  expect(box!.y, `${what} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x, `${what} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what} ends within the ${viewport.height} px screen`).toBeLessThanOrEqual(viewport.height);
  expect(box!.x + box!.width, `${what} fits the width`).toBeLessThanOrEqual(viewport.width);
}

for (const [width, height] of [
  [1280, 720],
  [1366, 768],
] as const) {
  for (const theme of ["light", "dark"] as const) {
    test(`presentation mode at ${width}×${height} (${theme}): token, verdict and payload in one screen`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: theme });
      const app = new DebuggerPage(page);
      await app.goto();
      await page.getByRole("button", { name: "Presentation mode" }).click();
      await expect(page.locator("html")).toHaveAttribute("data-presentation", "on");
      await page.evaluate(() => window.scrollTo(0, 0));
      await fullyVisible(page, app.tokenInput, "the token box");
      await fullyVisible(page, app.verdict, "the verdict");
      await fullyVisible(page, app.payloadJson, "the decoded payload");
      // The token appears once: the box shows the colours (its own text is transparent over a
      // coloured copy), and the separate coloured view is hidden.
      await expect(app.encodedToken).toBeHidden();
      const colours = page.locator(".token-colours");
      await expect(colours).toBeVisible();
      await expect(colours.locator(".t-header")).toHaveText(/^eyJ[\w-]+\.$/);
      expect(await colours.textContent()).toBe(await app.tokenInput.inputValue());
      expect(await app.tokenInput.evaluate((e) => getComputedStyle(e).color)).toBe("rgba(0, 0, 0, 0)");
      // The coloured copy lines up with the box.
      const [a, b] = [await app.tokenInput.boundingBox(), await colours.boundingBox()];
      expect(Math.abs(a!.x - b!.x) + Math.abs(a!.y - b!.y) + Math.abs(a!.width - b!.width)).toBeLessThan(2);
      // Editing still works, and recolours.
      await app.tokenInput.fill("aaa.bbb.ccc");
      await expect(colours.locator(".t-payload")).toHaveText("bbb.");
      await testInfo.attach(`presentation-${width}-${theme}`, { body: await page.screenshot(), contentType: "image/png" });
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => v.id)).toEqual([]);
    });
  }
}
