import { expect, test } from "@playwright/test";
import * as fs from "node:fs";
import * as path from "node:path";
import { DebuggerPage } from "./fixtures/debugger-page";

// Screenshots of the main states, kept as test artifacts in test-results/screenshots/ (and in
// the HTML report). docs/screenshot.png in the README is a copy of light.png.
const dir = path.resolve(__dirname, "../test-results/screenshots");

for (const state of ["light", "dark", "presentation", "expired-dark"] as const) {
  test(`screenshot: ${state}`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ colorScheme: state.includes("dark") ? "dark" : "light" });
    const app = new DebuggerPage(page);
    await app.goto();
    if (state === "presentation") await page.getByRole("button", { name: "Presentation mode" }).click();
    if (state === "expired-dark") await page.getByLabel("Load a sample").selectOption("hs256-expired");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${state}.png`);
    await page.screenshot({ path: file });
    await testInfo.attach(state, { path: file, contentType: "image/png" });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  });
}
