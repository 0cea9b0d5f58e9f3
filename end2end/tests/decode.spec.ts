import { expect, type Locator, type Page, test } from "@playwright/test";
import { DebuggerPage } from "./fixtures/debugger-page";
import { HS256_SECRET, SAMPLE_HS256 } from "./fixtures/samples";

/** Holds the page's timers (the lazily loaded parts start 800 ms after hydration, on a timer)
 * and opens `/`. `until(row)` moves the page's clock 20 ms at a time — a keystroke's panels
 * follow it one timer later — waiting for real time in between (code comes over the network). */
async function holdTimers(page: Page) {
  await page.clock.install({ time: new Date("2030-01-01T00:00:00Z") });
  await page.clock.pauseAt(new Date("2030-01-01T00:00:01Z"));
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  let moved = 0;
  return {
    moved: () => moved,
    until: async (row: Locator) => {
      for (let i = 0; i < 15 && (await row.count()) === 0; i++) {
        await page.clock.runFor(20);
        moved += 20;
        await page.waitForTimeout(100);
      }
    },
  };
}

test.describe("decoding", () => {
  test("the sample token is decoded, explained and verified on arrival", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    await expect(app.tokenInput).toHaveValue(SAMPLE_HS256);
    await expect(app.keyInput).toHaveValue(HS256_SECRET);
    expect(await app.decodedJson()).toEqual({
      header: { alg: "HS256", typ: "JWT" },
      payload: { sub: "1234567890", name: "Ada Lovelace", admin: true, iat: 1700000000, exp: 4102444800 },
    });
    await expect(app.signatureResult).toContainText("Signature verified");
    await expect(app.timeResult).toContainText("Not expired");
    // Every claim explained, with its definition linked.
    const exp = app.claimsTable.locator("tr[data-claim=exp]");
    await expect(exp).toContainText("Expiration Time");
    await expect(exp.getByRole("link", { name: "RFC 7519 §4.1.4" })).toHaveAttribute(
      "href",
      "https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4",
    );
    await expect(exp).toContainText("2100-01-01T00:00:00Z");
    await expect(exp).toContainText(/local: /);
    await expect(app.claimsTable.locator("tr[data-claim=admin]")).toContainText("Not a registered claim");
    await expect(page.getByTestId("header-table").locator("tr[data-claim=alg]")).toContainText("RFC 7515");
  });

  test("copy buttons copy the token and the decoded JSON", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const app = new DebuggerPage(page);
    await app.goto();
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await page.getByRole("button", { name: "Copy the token" }).click();
    await expect.poll(clipboard).toBe(SAMPLE_HS256);
    await page.getByRole("button", { name: "Copy the payload JSON" }).click();
    await expect.poll(async () => JSON.parse(await clipboard())).toMatchObject({ name: "Ada Lovelace" });
    await page.getByRole("button", { name: "Copy the header JSON" }).click();
    await expect.poll(async () => JSON.parse(await clipboard())).toEqual({ alg: "HS256", typ: "JWT" });
  });

  test("typing a new token updates everything as you type", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    await app.tokenInput.fill("");
    await expect(app.verdict).toHaveAttribute("data-error-kind", "empty");
    await expect(app.headerJson).toHaveText("");
    await app.tokenInput.pressSequentially(SAMPLE_HS256.slice(0, 30));
    await expect(app.verdict).toHaveAttribute("data-error-kind", "segments");
    await app.tokenInput.fill(SAMPLE_HS256);
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
  });

  test("the encoded token is coloured by part, and claims link to their characters", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const [header, payload, signature] = SAMPLE_HS256.split(".");
    expect((await app.encodedToken.locator(".t-header").allTextContents()).join("")).toBe(header);
    expect((await app.encodedToken.locator(".t-payload").allTextContents()).join("")).toBe(payload);
    expect((await app.encodedToken.locator(".t-signature").allTextContents()).join("")).toBe(signature);
    // Hovering the exp row highlights the characters that encode it, and the JSON member.
    await app.claimsTable.locator("tr[data-claim=exp]").hover();
    const lit = app.encodedToken.locator(".hl");
    await expect(lit.first()).toBeVisible();
    const decoded = Buffer.from((await lit.allTextContents()).join(""), "base64url").toString("latin1");
    expect(decoded).toContain("4102444800");
    await expect(app.payloadJson.locator(".hl", { hasText: "4102444800" })).toBeVisible();
    // And the other way round: hovering the encoded characters lights up the claim row.
    const index = await lit.first().evaluate((el) => [...el.parentElement!.children].indexOf(el));
    await page.mouse.move(0, 0);
    await expect(app.encodedToken.locator(".hl")).toHaveCount(0);
    await expect(app.claimsTable.locator("tr[data-claim=exp]")).not.toHaveClass(/hl/);
    await app.encodedToken.locator(":scope > *").nth(index).hover();
    await expect(app.claimsTable.locator("tr[data-claim=exp]")).toHaveClass(/hl/);
    // Keyboard: focusing a row highlights too.
    await page.mouse.move(0, 0);
    await app.claimsTable.locator("tr[data-claim=sub]").focus();
    await expect(app.claimsTable.locator("tr[data-claim=sub]")).toHaveClass(/hl/);
    await expect(app.encodedToken.locator(".hl").first()).toBeVisible();
  });

  test("what is lit stays lit everywhere when the token changes under the mouse", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const subRow = app.claimsTable.locator("tr[data-claim=sub]");
    const range = await subRow.getAttribute("data-range");
    // The token's characters for sub (the left column: the verdict changing does not move them).
    await app.encodedToken.locator(`[data-range="${range}"]`).first().hover();
    await expect(subRow).toHaveClass(/hl/);
    // The same length: every claim keeps its characters, but the sub row is built anew.
    const [header, payload] = SAMPLE_HS256.split(".");
    const edited = Buffer.from(Buffer.from(payload, "base64url").toString().replace("1234567890", "1234567891"))
      .toString("base64url");
    await app.tokenInput.evaluate((box: HTMLTextAreaElement, token) => {
      box.value = token;
      box.dispatchEvent(new Event("input", { bubbles: true }));
    }, `${header}.${edited}.c2ln`);
    await expect(subRow).toContainText("1234567891");
    await expect(subRow).toHaveAttribute("data-range", range!);
    await expect(subRow).toHaveClass(/hl/);
    await expect(app.payloadJson.locator(".hl", { hasText: "1234567891" })).toBeVisible();
    // Nothing else is lit: every lit piece stands for the same characters.
    const lit = await page.locator(".hl").evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute("data-range")))]);
    expect(lit).toEqual([range]);
  });

  test("the claims tables: the server's HTML at first, then live — their code comes with the first edit", async ({ page }) => {
    const clock = await holdTimers(page);
    const app = new DebuggerPage(page);
    await expect(app.claimsTable.locator("tr[data-claim=admin]")).toContainText("Not a registered claim");
    await expect(app.verdict).toHaveAttribute("data-state", "pending");
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    await app.tokenInput.fill(`${b64({ alg: "none" })}.${b64({ course: "web-dev", aud: "students" })}.`);
    await clock.until(app.claimsTable.locator("tr[data-claim=course]"));
    await expect(app.claimsTable.locator("tr[data-claim=course]")).toContainText("Not a registered claim");
    await expect(app.claimsTable.locator("tr[data-claim=aud]")).toContainText("Audience");
    await expect(app.claimsTable.locator("tr[data-claim=admin]")).toHaveCount(0);
    await expect(page.getByTestId("header-table").locator("tr[data-claim]")).toHaveCount(1);
    // Well before the 800 ms after which the lazily loaded parts would have come.
    expect(clock.moved()).toBeLessThan(800);
    await expect(page.locator("html")).not.toHaveAttribute("data-offline-ready", "true");
    // Live: the rows follow every edit from now on.
    await app.tokenInput.fill(`${b64({ alg: "none" })}.${b64({ jti: "x1" })}.`);
    await clock.until(app.claimsTable.locator("tr[data-claim=jti]"));
    await expect(app.claimsTable.locator("tr[data-claim=jti]")).toContainText("JWT ID");
    await expect(app.claimsTable.locator("tr[data-claim=course]")).toHaveCount(0);
  });

  test("the key report: the server's HTML at first, then live — its code comes with the first key edit", async ({ page }) => {
    const clock = await holdTimers(page);
    const app = new DebuggerPage(page);
    const readings = page.getByTestId("secret-readings");
    await expect(readings.locator('tr[data-reading="UTF-8 text"]')).toHaveAttribute("data-verifies", "true");
    // A secret that does not verify: its readings say so.
    await app.keyInput.fill("not-the-secret");
    await clock.until(readings.locator('tr[data-reading="UTF-8 text"][data-verifies="false"]'));
    await expect(readings.locator('tr[data-reading="UTF-8 text"]')).toHaveAttribute("data-verifies", "false");
    expect(clock.moved()).toBeLessThan(800);
    // Live: a hex secret that is not hex is an error, with its code.
    await app.keyKind.selectOption("secret-hex");
    await app.keyInput.fill("zz");
    await clock.until(page.getByTestId("key-error"));
    await expect(page.getByTestId("key-error")).toHaveAttribute("data-code", "encoding");
  });

  test("a malformed token: the first bad character is marked, and a lenient reading is labelled", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const broken = SAMPLE_HS256.replace(".", ".=");
    await app.tokenInput.fill(broken);
    await expect(app.verdict).toHaveAttribute("data-error-kind", "base64");
    await expect(app.verdict).toHaveAttribute("data-well-formed", "false");
    const bad = page.getByTestId("bad-char");
    await expect(bad).toHaveText(/^=/);
    await expect(page.getByTestId("first-error")).toContainText(`Character ${broken.indexOf("=") + 1}`);
    await expect(page.getByTestId("first-error")).toContainText("padding");
    // The verdict shows nothing decoded; the best-effort reading is elsewhere, labelled.
    await expect(app.headerJson).toHaveText("");
    await expect(app.payloadJson).toHaveText("");
    const lenient = page.getByTestId("lenient");
    await expect(lenient).toContainText("not verified");
    await expect(lenient).toContainText("Ada Lovelace");
    await expect(app.signatureResult).toContainText("Not a valid token");
  });

  test("Bearer prefixes and line breaks are ignored with a visible note", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const [h, p, s] = SAMPLE_HS256.split(".");
    await app.tokenInput.fill(`Bearer ${h}.\n${p}.\n${s}`);
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    // The sample is signed with jwt.io's default secret, a publicly known one.
    await expect(app.verdict).toHaveAttribute("data-warnings", "bearer_prefix_removed whitespace_removed known_secret");
    await expect(page.getByTestId("token-notes")).toContainText('Ignored the "Bearer " prefix.');
    await expect(page.getByTestId("token-notes")).toContainText("Ignored 2 whitespace characters");
  });

  test("what is typed stays where it was typed; loading a token replaces it, even the same sample again", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    await expect(app.tokenInput).toHaveValue(SAMPLE_HS256);
    // Two characters typed in the middle of the payload land there, in order.
    const at = SAMPLE_HS256.indexOf(".") + 5;
    await app.tokenInput.evaluate((el: HTMLTextAreaElement, at) => {
      el.focus();
      el.setSelectionRange(at, at);
    }, at);
    await page.keyboard.type("QZ");
    const typed = `${SAMPLE_HS256.slice(0, at)}QZ${SAMPLE_HS256.slice(at)}`;
    await expect(app.tokenInput).toHaveValue(typed);
    await expect(app.verdict).toHaveAttribute("data-state", "ready");
    expect(await app.tokenInput.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(at + 2);
    // The sample the page started with, loaded again: the box shows it again.
    await page.getByLabel("Load a sample").selectOption("hs256");
    await expect(app.tokenInput).toHaveValue(SAMPLE_HS256);
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    await page.getByRole("button", { name: "Clear" }).click();
    await expect(app.tokenInput).toHaveValue("");
  });

  test("pasting a quoted or JSON-wrapped token cleans it, says so, and can be undone", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    await app.tokenInput.fill("");
    const paste = (text: string) =>
      app.tokenInput.evaluate((el, text) => {
        const data = new DataTransfer();
        data.setData("text", text);
        el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
      }, text);
    await paste(`"${SAMPLE_HS256}"`);
    await expect(app.tokenInput).toHaveValue(SAMPLE_HS256);
    await expect(page.getByTestId("token-notes")).toContainText("Removed the surrounding quotes");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(app.tokenInput).toHaveValue(`"${SAMPLE_HS256}"`);
    await expect(app.verdict).toHaveAttribute("data-error-kind", "base64");
    await paste(JSON.stringify({ token: SAMPLE_HS256 }));
    await expect(app.tokenInput).toHaveValue(SAMPLE_HS256);
    await expect(page.getByTestId("token-notes")).toContainText("Removed the JSON around the token");
  });

  test("dropping a text file loads the token from it", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    await app.tokenInput.fill("");
    const data = await page.evaluateHandle((token) => {
      const dt = new DataTransfer();
      dt.items.add(new File([token + "\n"], "token.txt", { type: "text/plain" }));
      return dt;
    }, SAMPLE_HS256);
    await app.tokenInput.dispatchEvent("drop", { dataTransfer: data });
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    await expect(page.getByTestId("token-notes")).toContainText("dropped file");
  });

  test("an unsigned token is shown as UNSIGNED, never verified, even with a key", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    await page.getByLabel("Load a sample").selectOption("none");
    await app.keyInput.fill("any-secret");
    await expect(app.verdict).toHaveAttribute("data-error-kind", "alg_none");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "null");
    await expect(app.signatureResult).toContainText("Unsigned");
    await expect(app.signatureResult).toHaveAttribute("data-tone", "warn");
  });

  test("an encrypted token (JWE) shows its header explained and its payload as encrypted", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    await page.getByLabel("Load a sample").selectOption("jwe");
    await expect(app.verdict).toHaveAttribute("data-error-kind", "jwe");
    expect((await app.decodedJson()).header).toMatchObject({ alg: "RSA-OAEP-256", enc: "A256GCM" });
    await expect(app.payloadJson).toHaveText("");
    await expect(page.getByTestId("payload-json-note")).toContainText("Encrypted (JWE)");
    await expect(page.getByTestId("header-table").locator("tr[data-claim=enc]")).toContainText("Encryption Algorithm");
  });

  test("a 256 KiB token is decoded in full; a bigger input is refused, unparsed", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    const big = await page.evaluate(async () => {
      const b64 = (bytes: Uint8Array) => {
        let s = "";
        for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
      };
      const enc = new TextEncoder();
      const input = `${b64(enc.encode('{"alg":"HS256"}'))}.${b64(enc.encode(JSON.stringify({ sub: "big", data: "z".repeat(190_000) })))}`;
      const key = await crypto.subtle.importKey("raw", enc.encode("k"), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
      return `${input}.${b64(new Uint8Array(await crypto.subtle.sign("HMAC", key, enc.encode(input))))}`;
    });
    expect(big.length).toBeLessThanOrEqual(262_144);
    await app.analyse(big, "k", "secret-utf8");
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    const payload = (await app.decodedJson()).payload as { data: string };
    expect(payload.data).toHaveLength(190_000);
    // The coloured view draws the ends of the long claim, not all of it.
    await expect(app.encodedToken.locator(".elided")).toContainText("characters not shown");
    await expect(app.claimsTable.locator("tr[data-claim=data]")).toContainText("more characters");
    // The JSON panel lays out its beginning only, until Show all; its text is all the JSON.
    const panel = app.payloadJson;
    const shownLength = () => panel.evaluate((e) => (e as HTMLElement).innerText.length);
    expect(await shownLength()).toBeLessThan(8_000);
    await expect(panel.locator(".json-elision")).toBeVisible();
    expect(await panel.locator(".json-elision").evaluate((e) => getComputedStyle(e, "::before").content)).toContain(
      "more characters",
    );
    await page.getByRole("checkbox", { name: "Show all" }).check();
    expect(await shownLength()).toBeGreaterThan(190_000);
    expect((await app.decodedJson()).payload).toEqual({ sub: "big", data: "z".repeat(190_000) });
    // One byte over the limit: refused without parsing.
    await app.tokenInput.fill("a".repeat(262_145));
    await expect(app.verdict).toHaveAttribute("data-error-kind", "too_large");
    await expect(app.signatureResult).toContainText("Not a valid token");
    await app.tokenInput.fill(big);
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
  });

  test("warnings are shown in words", async ({ page }) => {
    const app = new DebuggerPage(page);
    await app.goto();
    // HS256 signed with a 3-byte key: weak.
    await app.analyse(
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjQxMDI0NDQ4MDAwMDB9.GylhzEm7cbLSES_16P6Osi3NHoGII1mrU_XtIkbd-r4",
      "abc",
      "secret-utf8",
    );
    const warnings = page.getByRole("list", { name: "Warnings" });
    await expect(warnings.locator("[data-warning=exp_milliseconds]")).toContainText("milliseconds");
    const weak = warnings.locator("[data-warning=weak_hmac_key]");
    await expect(weak).toContainText("3 bytes");
    await expect(weak).toContainText("at least 32");
    await expect(weak).toContainText("openssl rand -hex 64");
  });
});
