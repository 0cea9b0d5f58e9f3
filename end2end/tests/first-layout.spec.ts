import { expect, test } from "@playwright/test";
import { DebuggerPage } from "./fixtures/debugger-page";

// Chromium looks up each font (family × size × weight × style) the first time a page's layout
// uses it: on Linux a fontconfig match and a request to the browser process each. On the page's
// first layout those lookups were most of the layout's time (23 fonts: ~38 of ~53 ms, traced), so
// the stylesheet keeps to a small type scale (style/main.css, at --mono). This counts the fonts
// the loaded page's text is laid out in, at the laptop and the phone sizes.
const MAX_FONTS = 8;

for (const { width, height } of [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
]) {
  test(`the loaded page lays its text out in at most ${MAX_FONTS} fonts at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const app = new DebuggerPage(page);
    await app.goto();
    const fonts = await page.evaluate(() => {
      const used = new Map<string, string>();
      const note = (el: Element) => {
        const s = getComputedStyle(el);
        const font = `${s.fontFamily} ${s.fontSize} ${s.fontWeight} ${s.fontStyle}`;
        if (!used.has(font)) used.set(font, el.tagName.toLowerCase() + (el.className ? `.${el.className}` : ""));
      };
      // Every text that is laid out (has a box), and every form control (its own text).
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (el && n.textContent?.trim() && el.getClientRects().length > 0) note(el);
      }
      for (const el of document.querySelectorAll("input, textarea, select, button")) {
        if (el.getClientRects().length > 0) note(el);
      }
      return [...used].map(([font, first]) => `${font} (first: ${first})`);
    });
    // Several, so the count is of real text (one font would mean nothing was read).
    expect(fonts.length).toBeGreaterThan(3);
    expect(fonts.length, fonts.join("\n")).toBeLessThanOrEqual(MAX_FONTS);
  });
}
