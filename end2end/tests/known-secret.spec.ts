import { expect, test } from "@playwright/test";
import { createHmac, randomBytes } from "node:crypto";
import { DebuggerPage } from "./fixtures/debugger-page";

// Tokens signed with a publicly known secret are flagged, with or without a key pasted; a
// token signed with a random 64-byte key never is.

const b64u = (data: string | Buffer) => Buffer.from(data).toString("base64url");
function hs(alg: "HS256" | "HS384" | "HS512", secret: string | Buffer, payload: object = { sub: "student" }): string {
  const input = `${b64u(JSON.stringify({ alg, typ: "JWT" }))}.${b64u(JSON.stringify(payload))}`;
  const hash = { HS256: "sha256", HS384: "sha384", HS512: "sha512" }[alg];
  return `${input}.${createHmac(hash, secret).update(input).digest("base64url")}`;
}

test.describe("well-known secrets", () => {
  for (const [secret, alg] of [
    ["shhhhh", "HS256"],
    ["secret", "HS384"],
    ["your-256-bit-secret", "HS512"],
  ] as const) {
    test(`a token signed with ${JSON.stringify(secret)} (${alg}) is flagged, with no key pasted`, async ({ page }) => {
      const app = new DebuggerPage(page);
      await app.goto();
      await app.analyse(hs(alg, secret), "", "auto");
      const banner = page.getByTestId("known-secret");
      await expect(banner).toBeVisible();
      await expect(banner).toHaveAttribute("data-secret", secret);
      await expect(banner).toContainText("anyone can forge tokens signed with it");
      expect((await app.verdictAttributes()).warnings).toContain("known_secret");
      // Nothing was verified yet: no key. One click puts the secret in the key box, and then it is.
      await expect(app.verdict).toHaveAttribute("data-signature-valid", "null");
      await page.getByTestId("known-secret-use").click();
      await expect(app.keyInput).toHaveValue(secret);
      await expect(app.verdict).toHaveAttribute("data-state", "ready");
      await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
      await expect(banner).toBeVisible();
    });
  }

  test("a token signed with a random 64-byte key is not flagged, with or without its key", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const key = randomBytes(64);
    const token = hs("HS256", key);
    await app.analyse(token, "", "auto");
    await expect(page.getByTestId("known-secret")).toHaveCount(0);
    expect((await app.verdictAttributes()).warnings).not.toContain("known_secret");
    await app.analyse(token, key.toString("hex"), "secret-hex");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    await expect(page.getByTestId("known-secret")).toHaveCount(0);
    // The same payload signed with a known secret, typed over it: flagged; the key cannot hide it.
    await app.tokenInput.fill(hs("HS256", "secret"));
    await expect(app.verdict).toHaveAttribute("data-state", "ready");
    await expect(page.getByTestId("known-secret")).toHaveAttribute("data-secret", "secret");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "false");
  });

  test("asked of the worker once per token, not per key keystroke", async ({ page }) => {
    // Every message the page posts to a worker, by the export it asks for.
    await page.addInitScript(() => {
      const asked: string[] = [];
      (window as unknown as { asked: string[] }).asked = asked;
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
        const name = (message as { name?: string } | null)?.name;
        if (name) asked.push(name);
        return (post as (...args: unknown[]) => void).call(this, message, ...rest);
      };
    });
    const app = new DebuggerPage(page);
    await app.goto();
    await page.waitForSelector('html[data-offline-ready="true"]');
    const knownAsks = () => page.evaluate(() => (window as unknown as { asked: string[] }).asked.filter((n) => n === "known_secret").length);
    const token = hs("HS256", "shhhhh");
    await app.analyse(token, "", "auto");
    await expect(page.getByTestId("known-secret")).toHaveAttribute("data-secret", "shhhhh");
    const before = await knownAsks();
    // Typing a key, character by character: the token is the same, so it is not asked again.
    await app.keyInput.pressSequentially("not-it", { delay: 20 });
    await expect(app.verdict).toHaveAttribute("data-state", "ready");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "false");
    await page.waitForTimeout(200);
    expect(await knownAsks()).toBe(before);
    // One keystroke in the token (its signature): asked once more, and no longer flagged.
    const box = app.tokenInput;
    const changed = token.slice(0, -2) + (token.at(-2) === "A" ? "B" : "A") + token.at(-1);
    await box.fill(changed);
    await expect(page.getByTestId("known-secret")).toHaveCount(0);
    await page.waitForTimeout(200);
    expect(await knownAsks()).toBe(before + 1);
    await expect(page.getByTestId("known-secret")).toHaveCount(0);
  });

  test("the page's warnings equal inspect --json's for a known-secret token", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    // exp in milliseconds adds a contract warning too: the order must be the CLI's.
    await app.analyse(hs("HS256", "secret", { sub: "x", exp: 4102444800000 }), "secret", "secret-utf8");
    await expect(app.verdict).toHaveAttribute("data-warnings", /known_secret/);
    const { spawnSync } = await import("node:child_process");
    const path = await import("node:path");
    const cli = process.env.JWT_DEBUGGER_CLI ?? path.resolve(__dirname, "..", "..", "target", "release", "jwt-debugger");
    const run = spawnSync(cli, ["inspect", "--json", "--key", "secret", "--key-kind", "secret-utf8", hs("HS256", "secret", { sub: "x", exp: 4102444800000 })], { encoding: "utf8" });
    const json = JSON.parse(run.stdout);
    expect(json.known_secret).toBe("secret");
    expect(await app.verdict.getAttribute("data-warnings")).toBe(json.warnings.join(" "));
  });
});
