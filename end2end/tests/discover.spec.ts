import { expect, test, type Page, type Request } from "@playwright/test";
import { DebuggerPage } from "./fixtures/debugger-page";

// "Find the issuer's keys": the page asks its own server (GET /api/keys) for the public keys the
// token's iss publishes, and puts them into the key box. Only the URL is sent, never the token.

async function rs256Token(app: DebuggerPage): Promise<string> {
  await app.loginAs("admin");
  return app.page.evaluate(async () => (await (await fetch("/auth/token?alg=RS256")).json()).token as string);
}

function discover(page: Page) {
  return {
    url: page.getByTestId("discover-url"),
    button: page.getByTestId("discover-keys"),
    status: page.getByTestId("discover-status"),
  };
}

test.describe("finding the issuer's keys", () => {
  test("the demo issuer's RS256 token verifies with no key pasted, and only its iss is sent", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const token = await rs256Token(app);
    const origin = new URL(page.url()).origin;
    await app.analyse(token);
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "null");
    await expect(app.keyInput).toHaveValue("");

    const requests: Request[] = [];
    page.on("request", (r) => requests.push(r));
    const d = discover(page);
    await d.button.click();
    await expect(d.status).toHaveAttribute("data-state", "found");
    await expect(d.status).toHaveAttribute("data-source", `${origin}/.well-known/jwks.json`);
    await expect(d.status).toContainText(`1 public key from ${origin}/.well-known/jwks.json, now in the key box.`);
    await expect(app.keyKind).toHaveValue("jwks");
    const kid = JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString()).kid;
    await expect(app.keyInput).toHaveValue(new RegExp(`"kid": "${kid}"`));
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    await expect(page.getByTestId("jwks-members").locator(`li[data-kid="${kid}"]`)).toHaveAttribute(
      "data-selected",
      "true",
    );

    // One request, to this origin's /api/keys with the issuer; nothing of the token in it.
    const asked = requests.filter((r) => new URL(r.url()).pathname === "/api/keys");
    expect(asked.map((r) => r.url())).toEqual([`${origin}/api/keys?iss=${encodeURIComponent(origin)}`]);
    for (const r of requests) {
      const carried = [r.url(), r.postData() ?? "", JSON.stringify(await r.allHeaders())].join("\n");
      for (const part of token.split(".")) expect(carried).not.toContain(part);
      expect(carried).not.toContain(token.slice(0, 40));
    }
    expect((await asked[0].allHeaders())["cookie"]).toBeUndefined();

    // Editing the key box makes the note go: it spoke of the set the page put there.
    await app.keyInput.fill("{}");
    await expect(d.status).toHaveCount(0);
  });

  test("a typed key set URL is fetched as a JWKS; a tampered token then fails", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const token = await rs256Token(app);
    const origin = new URL(page.url()).origin;
    const [head, body, sig] = token.split(".");
    const changed = `${head}.${body}.${sig.startsWith("A") ? "B" : "A"}${sig.slice(1)}`;
    await app.analyse(changed);
    const d = discover(page);
    await d.url.fill(`${origin}/.well-known/jwks.json`);
    const asked = page.waitForRequest((r) => new URL(r.url()).pathname === "/api/keys");
    await d.button.click();
    expect(new URL((await asked).url()).searchParams.get("jwks_uri")).toBe(`${origin}/.well-known/jwks.json`);
    await expect(d.status).toHaveAttribute("data-state", "found");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "false");
  });

  test("refusals are said with their reason, and nothing is asked without a URL", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    // A token without iss, nothing typed: said at once, no request.
    const requests: Request[] = [];
    page.on("request", (r) => requests.push(r));
    await app.analyse("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln");
    const d = discover(page);
    await d.button.click();
    await expect(d.status).toHaveAttribute("data-state", "failed");
    await expect(d.status).toHaveAttribute("data-code", "no_url");
    await expect(d.status).toContainText('The token has no "iss" claim');
    expect(requests.filter((r) => r.url().includes("/api/keys"))).toEqual([]);

    // The cloud metadata address: refused by the server, whatever it listens on.
    await d.url.fill("http://169.254.169.254/latest/meta-data/");
    await d.button.click();
    await expect(d.status).toHaveAttribute("data-code", "refused_address");
    await expect(d.status).toContainText("169.254.169.254 is refused: a cloud metadata address (never fetched)");
    // No key set there: the issuer's answer, said.
    await d.url.fill(`${new URL(page.url()).origin}/no-such/jwks.json`);
    await d.button.click();
    await expect(d.status).toHaveAttribute("data-code", "upstream_status");
    await expect(d.status).toContainText("/no-such/jwks.json answered HTTP 404");
    // The page still works, and the key box was left alone.
    await expect(app.keyInput).toHaveValue("");
    await expect(app.verdict).toHaveAttribute("data-alg", "RS256");
  });
});

test("on a phone, the found key set fits the screen (its long kid wraps)", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new DebuggerPage(page);
  await app.goto();
  await app.analyse(await rs256Token(app));
  await discover(page).button.click();
  await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
  await expect(page.getByTestId("key-detected")).toContainText("JWKS with 1 key (1 usable)");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
