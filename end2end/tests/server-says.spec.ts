import { expect, test } from "@playwright/test";
import { DebuggerPage, type KeyKind } from "./fixtures/debugger-page";

// "What your server would say" in the page, checked on a sample of the cases that
// servers/compare.mjs runs through the CLI: for each, the panel's two answers must equal what
// the real node jsonwebtoken 9.0.3 (run here) and PyJWT 2.15.1 (run_pyjwt.py) answer for the
// same token, key, options and clock.

interface Options {
  algorithms?: string[];
  audience?: string[];
  issuer?: string[];
  subject?: string;
  jwtid?: string;
  maxAge?: string;
  clockTolerance?: number;
  ignoreExpiration?: boolean;
  ignoreNotBefore?: boolean;
}
interface Case {
  id: string;
  description: string;
  token: string;
  key: { cli: string; text: string; hand: { kind: string } };
  options: Options;
  noPrediction?: Record<string, string>;
}
interface Answer {
  ok: boolean;
  class?: string;
  message?: string;
}

const PAGE_KEY_KINDS = ["none", "auto", "secret-utf8", "secret-hex", "secret-base64", "pem-spki", "pem-cert", "pem-pkcs1", "jwk"];
/** The page's option fields take comma-separated lists and treat empty fields as not given. */
const plain = (s: string) => s.length > 0 && !s.includes(",") && s.trim() === s;
function pageCanAsk(c: Case): boolean {
  const o = c.options;
  return (
    !c.noPrediction &&
    PAGE_KEY_KINDS.includes(c.key.cli) &&
    /^[\w.-]+$/.test(c.token) &&
    !c.key.text.includes("\r") &&
    o.jwtid === undefined &&
    !o.ignoreNotBefore &&
    (o.algorithms === undefined || (o.algorithms.length > 0 && o.algorithms.every(plain))) &&
    (o.audience ?? []).every(plain) &&
    (o.issuer ?? []).every(plain) &&
    (o.subject === undefined || plain(o.subject)) &&
    (o.maxAge === undefined || plain(o.maxAge)) &&
    Number.isInteger(o.clockTolerance ?? 0)
  );
}

/** The sample: every fourth eligible case, so each error class of both libraries appears. */
async function sampleCases() {
  const { NOW, makeCases } = await import("../servers/cases.mjs");
  const eligible = (makeCases().cases as Case[]).filter(pageCanAsk);
  return { NOW: NOW as number, sample: eligible.filter((_, i) => i % 4 === 0) };
}
/** The sample is checked in this many parts, so each test stays short even on a slow machine. */
const PARTS = 4;

test.describe("what your server would say, in the page", () => {
  test("the sample of comparison cases is not all one answer", async () => {
    const { sample } = await sampleCases();
    expect(sample.length).toBeGreaterThanOrEqual(40);
    const libraries = await import("../servers/libraries.mjs");
    const { jwt } = libraries.loadJsonwebtoken();
    const pyjwt = libraries.runPyjwt(sample).results as Record<string, Answer>;
    const kinds = new Set<string>();
    for (const c of sample) {
      const node = libraries.runNode(jwt, c) as Answer;
      kinds.add(`node ${node.ok ? "ok" : node.class}`).add(`pyjwt ${pyjwt[c.id].ok ? "ok" : pyjwt[c.id].class}`);
    }
    // Acceptances and several error classes of each library.
    expect([...kinds].filter((k) => k.startsWith("node")).length, [...kinds].join(", ")).toBeGreaterThanOrEqual(3);
    expect([...kinds].filter((k) => k.startsWith("pyjwt")).length, [...kinds].join(", ")).toBeGreaterThanOrEqual(4);
  });

  for (let part = 0; part < PARTS; part++) {
    test(`the panel gives node jsonwebtoken's and PyJWT's own answers on a sample of the comparison cases (part ${part + 1} of ${PARTS})`, async ({
      page,
    }) => {
      const { NOW, sample } = await sampleCases();
      const mine = sample.filter((_, i) => i % PARTS === part);
      expect(mine.length).toBeGreaterThanOrEqual(10);
      const libraries = await import("../servers/libraries.mjs");
      const { jwt } = libraries.loadJsonwebtoken();
      const pyjwt = libraries.runPyjwt(mine).results as Record<string, Answer>;

      const app = new DebuggerPage(page);
      await app.goto();
      const clock = await app.openClock();
      await clock.now.fill(String(NOW));
      const panel = page.getByTestId("server-says");
      await panel.locator("summary").click();
      const node = page.getByTestId("server-node");
      const py = page.getByTestId("server-pyjwt");
      await expect(page.getByTestId("opt-algorithms")).toBeVisible();
      // Like a person working through the cases, change only the fields that differ from the last case.
      const shown = new Map<string, string>();
      const set = async (id: string, value: string) => {
        if (shown.get(id) === value) return;
        await page.getByTestId(id).fill(value);
        shown.set(id, value);
      };

      for (const c of mine) {
        const o = c.options;
        await set("opt-algorithms", (o.algorithms ?? []).join(", "));
        await set("opt-audience", (o.audience ?? []).join(", "));
        await set("opt-issuer", (o.issuer ?? []).join(", "));
        await set("opt-subject", o.subject ?? "");
        await set("opt-max-age", o.maxAge ?? "");
        await set("opt-clock-tolerance", o.clockTolerance ? String(o.clockTolerance) : "");
        await page.getByTestId("opt-ignore-expiration").setChecked(!!o.ignoreExpiration);
        if (shown.get("key-kind") !== c.key.cli) {
          await app.keyKind.selectOption(c.key.cli as KeyKind);
          shown.set("key-kind", c.key.cli);
        }
        await set("key-input", c.key.text);
        await set("token-input", c.token);
        await expect(app.verdict).toHaveAttribute("data-state", "ready");

        const real = { node: libraries.runNode(jwt, c) as Answer, pyjwt: pyjwt[c.id] };
        const label = `${c.id}: ${c.description}`;
        await expect(node, label).toHaveAttribute("data-ok", String(real.node.ok));
        await expect(py, label).toHaveAttribute("data-ok", String(real.pyjwt.ok));
        if (!real.node.ok) {
          await expect(node, label).toHaveAttribute("data-name", real.node.class!);
          await expect(node, label).toContainText(real.node.message!);
        }
        if (!real.pyjwt.ok) {
          await expect(py, label).toHaveAttribute("data-exception", real.pyjwt.class!);
          await expect(py, label).toContainText(real.pyjwt.message!);
        }
      }
    });
  }

  test("it updates as you type an option, and the token and key stay in the page", async ({ page }) => {
    const requests: string[] = [];
    const app = new DebuggerPage(page);
    await app.goto();
    await page.getByTestId("server-says").locator("summary").click();
    await expect(page.getByTestId("opt-algorithms")).toBeVisible();
    await page.waitForLoadState("networkidle");
    page.on("request", (r) => requests.push(JSON.stringify([r.url(), r.headers(), r.postData()])));
    const secret = "a-fresh-secret-for-this-test-only-0123456789";
    const token = await page.evaluate(async (secret) => {
      const enc = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
      const input = `${enc({ alg: "HS256", typ: "JWT" })}.${enc({ sub: "student", aud: "course-api" })}`;
      const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
      const sig = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(input)));
      return `${input}.${btoa(String.fromCharCode(...sig)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_")}`;
    }, secret);
    await app.analyse(token, secret, "secret-utf8");
    const node = page.getByTestId("server-node");
    const py = page.getByTestId("server-pyjwt");
    // No algorithms: node accepts (it infers HS256 from a secret); PyJWT refuses to guess.
    await expect(node).toHaveAttribute("data-ok", "true");
    await expect(py).toHaveAttribute("data-ok", "false");
    await expect(py).toHaveAttribute("data-exception", "DecodeError");
    await page.getByTestId("opt-algorithms").pressSequentially("RS256");
    await expect(node).toHaveAttribute("data-name", "JsonWebTokenError");
    await expect(node).toContainText("invalid algorithm");
    await page.getByTestId("opt-algorithms").fill("HS256");
    await expect(node).toHaveAttribute("data-ok", "true");
    // An audience the token does not carry.
    await page.getByTestId("opt-audience").fill("other-api");
    await expect(node).toContainText("jwt audience invalid. expected: other-api");
    await expect(py).toHaveAttribute("data-exception", "InvalidAudienceError");
    // A clock tolerance that is not a whole number says so, and the answers stay.
    await page.getByTestId("opt-clock-tolerance").fill("1.5");
    await expect(page.getByTestId("opt-error")).toContainText("clockTolerance is a whole number of seconds");
    await expect(node).toContainText("jwt audience invalid. expected: other-api");
    await page.getByTestId("opt-clock-tolerance").fill("30");
    await expect(page.getByTestId("opt-error")).toBeHidden();
    for (const r of requests) {
      expect(r).not.toContain(secret);
      expect(r).not.toContain(token.split(".")[2]);
    }
  });
});
