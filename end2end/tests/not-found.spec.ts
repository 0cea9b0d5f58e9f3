import { expect, test } from "@playwright/test";

test("an unknown path gets a 404 page that hydrates and links back", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await page.getByRole("link", { name: "Back to the debugger" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("verdict")).toHaveAttribute("data-state", "ready");
  expect(errors).toEqual([]);
});

// The page runs the core once on the first sample before it hydrates (so that the browser
// compiles that code outside the hydration task): only where the debugger is.
test("the core's warm-up before hydration runs on the debugger, not on the 404 page", async ({ page }) => {
  const warmUps = () =>
    page.evaluate(() => (window as unknown as { jwtDebuggerCounts?: Record<string, number> }).jwtDebuggerCounts?.["jwt-debugger:warm-up"] ?? 0);
  await page.goto("/no/such/page");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  expect(await warmUps()).toBe(0);
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  expect(await warmUps()).toBe(1);
});
