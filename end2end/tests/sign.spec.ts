import { expect, test } from "@playwright/test";
import { execFileSync, spawnSync } from "node:child_process";
import * as path from "node:path";
import { DebuggerPage, decodeJwt } from "./fixtures/debugger-page";

/** The Python with the pinned PyJWT that scripts/bootstrap.sh installs. */
const PYTHON = process.env.PYJWT_PYTHON ?? path.resolve(__dirname, "..", "..", ".tools", "pyjwt", "bin", "python");
const CLI = process.env.JWT_DEBUGGER_CLI ?? path.resolve(__dirname, "..", "..", "target", "release", "jwt-debugger");

/** PyJWT's answer for a token and a key: its claims, or the exception it raised. */
function pyjwtDecode(token: string, key: string): string {
  const script = [
    "import sys, jwt",
    "try:",
    "    print(jwt.decode(sys.argv[1], sys.argv[2], algorithms=['EdDSA', 'ES256K'], options={'verify_exp': False}))",
    "except Exception as e:",
    "    print(type(e).__name__)",
  ].join("\n");
  const run = spawnSync(PYTHON, ["-c", script, token, key], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  return run.stdout.trim();
}

test.describe("sign mode", () => {
  test("edit the payload, sign with a secret, send to the decoder: verified", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const sign = await app.openSignMode();
    await sign.payload.fill(JSON.stringify({ sub: "student-1", role: "tutor", exp: 4102444800 }, null, 2));
    await sign.key.fill("my-own-secret-that-is-long-enough-123");
    await sign.alg.selectOption("HS384");
    await expect(sign.signed).toHaveValue(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const token = await sign.signed.inputValue();
    const { header, payload } = decodeJwt(token);
    expect(header).toEqual({ alg: "HS384", typ: "JWT" });
    expect(payload).toEqual({ sub: "student-1", role: "tutor", exp: 4102444800 });
    await sign.decode.click();
    await expect(app.tokenInput).toHaveValue(token);
    await expect(app.tokenInput).toBeFocused();
    await expect(app.verdict).toHaveAttribute("data-alg", "HS384");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
  });

  for (const alg of ["ES256", "EdDSA", "PS256", "ES512", "ES256K", "ML-DSA-44"]) {
    test(`generate a key, sign ${alg}, decode with the matching public key`, async ({ page }) => {
      test.slow(alg === "PS256"); // RSA key generation in WASM takes a moment.
      const app = new DebuggerPage(page);
      await app.goto();
      const sign = await app.openSignMode();
      await sign.alg.selectOption(alg);
      await sign.generate.click();
      await expect(sign.key).toHaveValue(/-----BEGIN PRIVATE KEY-----/, { timeout: 30_000 });
      await expect(sign.signed).toHaveValue(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(decodeJwt(await sign.signed.inputValue()).header.alg).toBe(alg);
      await sign.decode.click();
      await expect(app.verdict).toHaveAttribute("data-alg", alg);
      await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
      // The decoder got the public key, never the private one.
      await expect(app.keyInput).toHaveValue(/-----BEGIN PUBLIC KEY-----/);
      await expect(app.keyInput).not.toHaveValue(/PRIVATE/);
      if (alg === "ML-DSA-44") {
        // pyca/cryptography's ML-DSA (PyJWT has none) verifies the page's signature over the
        // signing input, pure ML-DSA with an empty context (RFC 9964).
        const script = [
          "import sys, base64",
          "from cryptography.hazmat.primitives.serialization import load_pem_public_key",
          "token, pem = sys.argv[1], sys.argv[2].encode()",
          "signing_input, _, sig = token.rpartition('.')",
          "load_pem_public_key(pem).verify(base64.urlsafe_b64decode(sig + '=' * (-len(sig) % 4)), signing_input.encode())",
          "print('verified')",
        ].join("\n");
        const run = spawnSync(PYTHON, ["-c", script, await app.tokenInput.inputValue(), await app.keyInput.inputValue()], {
          encoding: "utf8",
        });
        expect(run.stderr).toBe("");
        expect(run.stdout.trim()).toBe("verified");
      }
      if (alg === "ES256K") {
        // An independent implementation agrees: PyJWT (pyca/cryptography) verifies the page's
        // secp256k1 signature with the public key the page handed to the decoder.
        expect(pyjwtDecode(await app.tokenInput.inputValue(), await app.keyInput.inputValue())).toContain("'sub'");
      }
    });
  }

  test("sign EdDSA with a pasted Ed448 private key (from the CLI): verified here and by PyJWT", async ({ page }) => {
    const key = JSON.parse(execFileSync(CLI, ["keygen", "ed448", "--json"], { encoding: "utf8" }));
    const app = new DebuggerPage(page);
    await app.goto();
    const sign = await app.openSignMode();
    await sign.alg.selectOption("EdDSA");
    await sign.key.fill(key.private_pem);
    await expect(sign.signed).toHaveValue(/^[\w-]+\.[\w-]+\.[\w-]{152}$/); // 114 bytes of signature
    const token = await sign.signed.inputValue();
    await sign.decode.click();
    await expect(app.verdict).toHaveAttribute("data-alg", "EdDSA");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    await expect(app.keyInput).toHaveValue(key.public_pem);
    expect(pyjwtDecode(token, key.public_pem)).toContain("'sub'");
    // Another Ed448 key: an EdDSA key, so the answer is "invalid signature", not a mismatch.
    const other = JSON.parse(execFileSync(CLI, ["keygen", "ed448", "--json"], { encoding: "utf8" }));
    await app.analyse(token, other.public_pem, "pem-spki");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "false");
    await expect(app.verdict).toHaveAttribute("data-error-kind", "bad_signature");
    expect(pyjwtDecode(token, other.public_pem)).toBe("InvalidSignatureError");
  });

  test("EdDSA offers an Ed448 key too: generated in the page, verified here and by PyJWT", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const sign = await app.openSignMode();
    await sign.alg.selectOption("ES256");
    await expect(page.getByTestId("generate-key-ed448")).toHaveCount(0);
    // The longest description still fits the algorithm's column (it once pushed into the key's).
    await sign.alg.selectOption("ML-DSA-87");
    const [alg, header, keyKind] = await Promise.all(
      [sign.alg, sign.header, sign.keyKind].map(async (l) => (await l.boundingBox())!),
    );
    expect(alg.x + alg.width).toBeLessThanOrEqual(header.x + header.width + 1);
    expect(alg.x + alg.width).toBeLessThan(keyKind.x);
    await sign.alg.selectOption("EdDSA");
    await expect(sign.generate).toHaveText("Generate an Ed25519 key");
    await page.getByTestId("generate-key-ed448").click();
    await expect(sign.key).toHaveValue(/-----BEGIN PRIVATE KEY-----/, { timeout: 30_000 });
    await expect(sign.signed).toHaveValue(/^[\w-]+\.[\w-]+\.[\w-]{152}$/); // Ed448: 114 bytes
    const token = await sign.signed.inputValue();
    await sign.decode.click();
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    await expect(page.getByTestId("key-report")).toContainText("Ed448");
    expect(pyjwtDecode(token, await app.keyInput.inputValue())).toContain("'sub'");
  });

  test("invalid JSON and unusable keys get clear messages", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const sign = await app.openSignMode();
    await expect(sign.signed).toHaveValue(/\./);
    await sign.payload.fill('{"sub": ');
    await expect(page.getByTestId("sign-payload-error")).toContainText("EOF");
    await expect(sign.error).toContainText("payload is not valid JSON");
    await expect(sign.error).toHaveAttribute("data-code", "payload_json");
    await expect(sign.signed).toHaveValue("");
    await sign.payload.fill('{"sub": "x"}');
    await sign.alg.selectOption("RS256");
    await expect(sign.error).toContainText("does not fit RS256");
    await expect(sign.error).toHaveAttribute("data-code", "key_mismatch");
    await expect(page.getByRole("button", { name: "Decode this token" })).toBeDisabled();
  });

  test("the decoder hands a token to sign mode for editing, and never re-signs by itself", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const before = await app.tokenInput.inputValue();
    await page.getByRole("button", { name: "Edit and re-sign in sign mode" }).click();
    const sign = await app.openSignMode();
    await expect(sign.panel).toHaveAttribute("open", "");
    await expect(sign.payload).toHaveValue(/"name": "Ada Lovelace"/);
    await expect(sign.payload).toBeFocused();
    await sign.payload.fill('{"name": "Mallory", "admin": true}');
    // The decoder's token is unchanged until the user asks.
    await expect(app.tokenInput).toHaveValue(before);
    await sign.decode.click();
    await expect(app.payloadJson).toContainText("Mallory");
  });

  test("the teaching view computes the signature step by step", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    await page.getByText("How the signature is computed, step by step").click();
    const steps = page.getByTestId("explain-steps");
    await expect(steps).toContainText("Signing input");
    await expect(steps).toContainText("HMAC-SHA-256(key, signing input)");
    await expect(page.getByText("The recomputed HMAC equals the token's signature")).toBeVisible();
    const es = "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImRlbW8tZWMifQ.eyJzdWIiOiJzdHVkZW50LTciLCJyb2xlcyI6WyJ1c2VyIl0sImlhdCI6MTcwMDAwMDAwMCwiZXhwIjo0MTAyNDQ0ODAwfQ.57vjRLZRY8jROjmBfUNqqH_ooqFA6pD1-Kbv-7WqeMg1wGGvkODbiUh0uyvw7qs95rxnB9SkiXZ87lVfk4Vt2A";
    await app.tokenInput.fill(es);
    await expect(steps).toContainText("R (32 bytes)");
    await expect(steps).toContainText("S (32 bytes)");
  });
});
