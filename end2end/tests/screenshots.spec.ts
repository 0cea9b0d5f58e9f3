import { expect, test } from "@playwright/test";
import * as fs from "node:fs";
import * as path from "node:path";
import { DebuggerPage } from "./fixtures/debugger-page";

// Screenshots of the main states at the sizes people use (laptop 1366×768, projector 1280×720
// in presentation mode, phone 390×844), kept as test artifacts in test-results/screenshots/ (and
// in the HTML report). docs/screenshot.png in the README is a copy of laptop-light.png.
const dir = path.resolve(__dirname, "../test-results/screenshots");

const shots = [
  { name: "laptop-light", width: 1366, height: 768, dark: false },
  { name: "laptop-dark-expired", width: 1366, height: 768, dark: true, sample: "hs256-expired" },
  { name: "laptop-logged-in", width: 1366, height: 768, dark: false, login: true },
  { name: "projector-presentation", width: 1280, height: 720, dark: false, presentation: true },
  { name: "projector-presentation-dark", width: 1280, height: 720, dark: true, presentation: true },
  { name: "phone", width: 390, height: 844, dark: false },
  { name: "phone-full", width: 390, height: 844, dark: false, fullPage: true },
  { name: "phone-logged-in", width: 390, height: 844, dark: true, login: true },
];

for (const shot of shots) {
  test(`screenshot: ${shot.name}`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: shot.width, height: shot.height });
    await page.emulateMedia({ colorScheme: shot.dark ? "dark" : "light" });
    const app = new DebuggerPage(page);
    await app.goto();
    if (shot.presentation) await page.getByRole("button", { name: "Presentation mode" }).click();
    if (shot.sample) await page.getByLabel("Load a sample").selectOption(shot.sample);
    if (shot.login) {
      await app.loginAs("manager");
      await app.getMyToken();
      await expect(app.verdict).toHaveAttribute("data-state", "ready");
    } else {
      await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    }
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${shot.name}.png`);
    await page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
    await testInfo.attach(shot.name, { path: file, contentType: "image/png" });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  });
}
