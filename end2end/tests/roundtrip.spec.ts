import { expect, test, type Request } from "@playwright/test";
import { E2E_JWT_SECRET_KEY } from "./fixtures/server-env";
import { DebuggerPage } from "./fixtures/debugger-page";
import { spawnSync } from "node:child_process";
import * as path from "node:path";

/** The Python with the pinned PyJWT that scripts/bootstrap.sh installs. */
const PYTHON = process.env.PYJWT_PYTHON ?? path.resolve(__dirname, "..", "..", ".tools", "pyjwt", "bin", "python");

// The course's round trip: log in, get a token, send it to the demo API — and see what the API
// says about a changed token, a user without the admin role, and an RS256 token.

/** The indicator's count once it has not changed for a second. */
async function settled(indicator: import("@playwright/test").Locator): Promise<number> {
  let last = -1;
  let now = Number(await indicator.getAttribute("data-requests"));
  while (now !== last) {
    last = now;
    await indicator.page().waitForTimeout(1000);
    now = Number(await indicator.getAttribute("data-requests"));
  }
  return now;
}

async function openApiPanel(page: import("@playwright/test").Page) {
  const panel = page.getByTestId("api-panel");
  if ((await panel.getAttribute("open")) === null) await panel.locator("summary").click();
  return {
    path: page.getByTestId("api-path"),
    send: page.getByTestId("send-to-api"),
    response: page.getByTestId("api-response"),
  };
}

test.describe("the round trip to the demo API", () => {
  test("Get my token, send it: 200; one character changed: 401 invalid signature; /api/admin as user: 403", async ({
    page,
  }) => {
    const requests: Request[] = [];
    page.on("request", (r) => requests.push(r));
    const app = new DebuggerPage(page);
    await app.goto();
    await app.loginAs("user");
    const token = await app.getMyToken();
    // The key the student pastes never leaves the page.
    await app.keyInput.fill(E2E_JWT_SECRET_KEY);
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    const before = requests.length;
    expect(requests.filter((r) => (r.headers()["authorization"] ?? "").includes(token))).toHaveLength(0);

    // The request indicator: typing a key changed nothing; the send is the one carrying a token.
    const indicator = page.getByTestId("request-count");
    await expect(indicator).toHaveAttribute("data-with-token", "0");
    const api = await openApiPanel(page);
    // The first interaction starts loading the lazy parts (code only); wait until that settles
    // (a load state fires once per page, so poll the indicator itself).
    const counted = await settled(indicator);
    await app.keyInput.fill(`${E2E_JWT_SECRET_KEY} `);
    await app.keyInput.fill(E2E_JWT_SECRET_KEY);
    await page.waitForTimeout(300);
    await expect(indicator).toHaveAttribute("data-requests", String(counted));
    await expect(indicator).toHaveAttribute("data-with-token", "0");
    await api.send.click();
    await expect(api.response).toHaveAttribute("data-status", "200");
    await expect(indicator).toHaveAttribute("data-with-token", "1");
    await expect(indicator).toHaveAttribute("data-requests", String(counted + 1));
    await expect(api.response).toContainText('"username": "user"');
    // Exactly one request carried the token: the click's, to this origin, in the header only.
    const carried = requests.slice(before).filter((r) => JSON.stringify([r.url(), r.headers(), r.postData()]).includes(token));
    expect(carried).toHaveLength(1);
    expect(new URL(carried[0].url()).pathname).toBe("/api/me");
    expect(carried[0].headers()["authorization"]).toBe(`Bearer ${token}`);
    expect(carried[0].headers()["cookie"]).toBeUndefined();
    for (const r of requests) expect(JSON.stringify([r.url(), r.headers(), r.postData()])).not.toContain(E2E_JWT_SECRET_KEY);

    // One character of the signature changed (in its middle: the last one may carry only
    // padding bits, which node's base64 decoder ignores).
    const at = token.lastIndexOf(".") + 10;
    await app.tokenInput.fill(token.slice(0, at) + (token[at] === "A" ? "B" : "A") + token.slice(at + 1));
    await api.send.click();
    await expect(api.response).toHaveAttribute("data-status", "401");
    await expect(api.response).toContainText('Bearer error="invalid_token", error_description="invalid signature"');
    await expect(api.response).toContainText('"error": "JsonWebTokenError"');

    // The admin route: the role is checked after the token.
    await app.tokenInput.fill(token);
    await api.path.selectOption("/api/admin");
    await api.send.click();
    await expect(api.response).toHaveAttribute("data-status", "403");
    await expect(api.response).toContainText("requires role admin");
  });

  test("an RS256 token from the issuer is accepted, and verifies in the page with the published JWKS", async ({
    page,
    request,
  }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    await app.loginAs("admin");
    const got = await page.evaluate(async () => (await (await fetch("/auth/token?alg=RS256")).json()).token as string);
    const jwks = await (await request.get("/.well-known/jwks.json")).text();
    await app.analyse(got, jwks, "jwks");
    await expect(app.verdict).toHaveAttribute("data-alg", "RS256");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    const api = await openApiPanel(page);
    await api.path.selectOption("/api/admin");
    await api.send.click();
    await expect(api.response).toHaveAttribute("data-status", "200");
    await expect(api.response).toContainText('"iss": "http://');

    // PyJWT's PyJWKClient, pointed at the published JWKS, verifies the same token.
    const base = new URL(page.url()).origin;
    const script = [
      "import sys, jwt",
      "client = jwt.PyJWKClient(sys.argv[2] + '/.well-known/jwks.json')",
      "key = client.get_signing_key_from_jwt(sys.argv[1])",
      "claims = jwt.decode(sys.argv[1], key, algorithms=['RS256'], issuer=sys.argv[2])",
      "print(claims['username'], key.key_id)",
    ].join("\n");
    const run = spawnSync(PYTHON, ["-c", script, got, base], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const kid = JSON.parse(jwks).keys[0].kid;
    expect(run.stdout.trim()).toBe(`admin ${kid}`);
  });
});
