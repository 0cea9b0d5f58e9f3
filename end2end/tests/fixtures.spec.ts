import { expect, test } from "@playwright/test";
import { DebuggerPage } from "./fixtures/debugger-page";
import { keyText, loadCases } from "./fixtures/cases";

// Every shared fixture case through the page: the verdict's data-* attributes and the header and
// payload panels must say exactly what the contract predicts (as `jwt-debugger inspect --json`).
const cases = [
  ...loadCases("jwt-cases.json"),
  ...loadCases("rfc-vectors.json", ["cases", "secondary_cases"]),
  // ES256K (RFC 8812) and Ed448 (RFC 8037), made by PyJWT: crates/jwt-core/tests/fixtures/make_more_algorithms.py.
  ...loadCases("more-algorithms.json"),
];

test.describe("fixture cases through the page", () => {
  test.describe.configure({ mode: "parallel" });
  // Batches of ~10 cases: 6–14 s each here.
  const batches = 8;
  for (let b = 0; b < batches; b++) {
    const batch = cases.filter((_, i) => i % batches === b);
    test(`batch ${b + 1} of ${batches} (${batch.length} cases)`, async ({ page }) => {
      const app = new DebuggerPage(page);
      await app.goto();
      for (const c of batch) {
        await test.step(c.id, async () => {
          await app.analyse(c.token, keyText(c), c.key.kind);
          const e = c.expect;
          await expect(app.verdict, c.id).toHaveAttribute("data-well-formed", String(e.well_formed));
          await expect(app.verdict, c.id).toHaveAttribute("data-alg", e.alg ?? "");
          await expect(app.verdict, c.id).toHaveAttribute("data-signature-valid", String(e.signature_valid));
          await expect(app.verdict, c.id).toHaveAttribute("data-error-kind", e.error_kind ?? "");
          await expect(app.verdict, c.id).toHaveAttribute("data-time-status", e.time_status ?? "");
          const v = await app.verdictAttributes();
          for (const w of e.warnings) expect(v.warnings, `${c.id}: warning ${w}`).toContain(w);
          expect(await app.decodedJson(), c.id).toEqual({ header: e.header, payload: e.payload });
        });
      }
    });
  }
});

test("the key-kind select offers exactly the contract's values", async ({ page }) => {
  const app = new DebuggerPage(page);
  await app.goto();
  const values = await app.keyKind.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(values).toEqual([
    "auto",
    "secret-utf8",
    "secret-base64",
    "secret-hex",
    "pem-spki",
    "pem-cert",
    "pem-pkcs1",
    "jwk",
    "jwks",
    "none",
  ]);
});
