import { expect, test } from "@playwright/test";
import { SAMPLE_HS256 } from "./fixtures/samples";

// The server renders a useful page before (or without) any WASM: the sample token decoded,
// explained and verified, with the demo log-in working through plain links.
test.describe("before hydration", () => {
  test.use({ javaScriptEnabled: false });

  test("the server-rendered page already shows a decoded, verified token", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("token-input")).toHaveValue(SAMPLE_HS256);
    const verdict = page.getByTestId("verdict");
    await expect(verdict).toHaveAttribute("data-state", "loading");
    await expect(verdict).toHaveAttribute("data-signature-valid", "true");
    await expect(page.getByTestId("signature-result")).toContainText("Signature verified");
    await expect(page.getByTestId("payload-json")).toContainText('"name": "Ada Lovelace"');
    await expect(page.getByTestId("claims-table").locator("tr[data-claim=exp]")).toContainText("2100-01-01T00:00:00Z");
    await expect(page.getByRole("heading", { name: "Verify the signature" })).toBeVisible();
  });
});
