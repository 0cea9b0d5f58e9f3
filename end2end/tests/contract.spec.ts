import * as fs from "node:fs";
import * as path from "node:path";
import { expect, test, type Page } from "@playwright/test";

// A test author's view: decode, verify, sign and the step-by-step view through the README's
// test contract only. Every data-testid used here must be named in that section, so the test
// fails when the README and the page drift apart.

const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
const section = readme.slice(readme.indexOf("## Test contract"), readme.indexOf("\n## ", readme.indexOf("## Test contract") + 1));
const documented = new Set([...section.matchAll(/`([a-z][a-z0-9-]*)`/g)].map((m) => m[1]));

function contract(page: Page) {
  return (name: string) => {
    if (!documented.has(name)) throw new Error(`"${name}" is not in the README's test contract`);
    return page.getByTestId(name);
  };
}

const ready = async (page: Page) => expect(page.getByTestId("verdict")).toHaveAttribute("data-state", "ready");

test("the README's contract section names the page's controls", () => {
  for (const name of ["token-input", "key-input", "key-kind", "verdict", "clear", "sign-mode", "explain"]) {
    expect(documented.has(name), name).toBe(true);
  }
});

test("decode, verify, sign and explain with the documented names only", async ({ page }) => {
  const id = contract(page);
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");

  // Starting state: the sample, verified with its secret.
  await ready(page);
  await expect(id("verdict")).toHaveAttribute("data-alg", "HS256");
  await expect(id("verdict")).toHaveAttribute("data-signature-valid", "true");
  await expect(id("key-input")).toHaveValue("a-string-secret-at-least-256-bits-long");

  // Reset: neutral, empty.
  await id("clear").click();
  await ready(page);
  await expect(id("verdict")).toHaveAttribute("data-error-kind", "empty");
  await expect(id("verdict")).toHaveAttribute("data-signature-valid", "null");
  await expect(id("verdict")).toHaveAttribute("data-alg", "");
  await expect(id("signature-result")).toHaveAttribute("data-tone", "neutral");

  // Sign an ES256 token with a generated key, and send it to the decoder.
  await id("sign-mode").locator("summary").click();
  await id("sign-alg").selectOption("ES256");
  await id("sign-payload").fill('{"sub":"contract","exp":4102444800}');
  await id("generate-key").click();
  await expect(id("sign-key")).toHaveValue(/PRIVATE KEY/);
  await expect(id("signed-token")).toHaveValue(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
  const token = await id("signed-token").inputValue();
  await id("send-to-decoder").click();
  await ready(page);
  await expect(id("token-input")).toHaveValue(token);
  await expect(id("verdict")).toHaveAttribute("data-alg", "ES256");
  expect(JSON.parse((await id("payload-json").textContent()) ?? "")).toEqual({ sub: "contract", exp: 4102444800 });
  await expect(id("claims-table").locator('tr[data-claim="sub"]')).toContainText("contract");

  // Verify: the pasted secret does not fit ES256; a wrong HS256 secret is invalid.
  await id("key-kind").selectOption("secret-utf8");
  await id("key-input").fill("not-the-key");
  await ready(page);
  await expect(id("verdict")).toHaveAttribute("data-error-kind", "alg_key_mismatch");

  // An HS256 token, verified; data-state is pending or already right in the input's own event.
  await id("sign-alg").selectOption("HS256");
  await id("sign-key-kind").selectOption("secret-utf8");
  await id("sign-key").fill("contract-secret-0123456789abcdef0123");
  await expect(id("signed-token")).toHaveValue(/^eyJhbGciOiJIUzI1NiI/);
  const hs = await id("signed-token").inputValue();
  await id("key-input").fill("contract-secret-0123456789abcdef0123");
  // Read in the first task after the input's own (its microtasks, where the page updates, done).
  const sameEvent = await page.evaluate(async (token) => {
    const input = document.querySelector<HTMLTextAreaElement>('[data-testid="token-input"]')!;
    input.value = token;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    const v = document.querySelector<HTMLElement>('[data-testid="verdict"]')!;
    return { state: v.dataset.state, alg: v.dataset.alg };
  }, hs);
  expect(sameEvent.state === "pending" || (sameEvent.state === "ready" && sameEvent.alg === "HS256"), JSON.stringify(sameEvent)).toBe(true);
  await ready(page);
  await expect(id("verdict")).toHaveAttribute("data-signature-valid", "true");
  await expect(id("verdict")).toHaveAttribute("data-time-status", "valid");
  await expect(id("key-detected")).toHaveAttribute("data-kind", "secret-utf8");
  await expect(id("signature-result")).toHaveAttribute("data-tone", "good");

  // The step-by-step view computes the same signature.
  await id("explain").locator("summary").click();
  await expect(id("explain-steps")).toContainText(hs.split(".")[2]);

  // The clock: judge at a fixed time after exp.
  await id("clock").locator("summary").click();
  await id("clock-now").fill("4102444801");
  await ready(page);
  await expect(id("verdict")).toHaveAttribute("data-time-status", "expired");
  await expect(id("time-result")).toHaveAttribute("data-tone", "bad");
});
