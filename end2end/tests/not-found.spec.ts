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
