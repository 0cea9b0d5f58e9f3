import { expect, test } from "@playwright/test";
import { type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DebuggerPage } from "./fixtures/debugger-page";
import { startServer } from "./fixtures/extra-server";

// The release binary carries its site: copied alone into an empty directory, it serves the whole
// page (hydrated, with its lazily loaded parts), brotli when asked.
const binary = path.resolve(__dirname, "../../target/release/jwt-debugger");

/** The release binary copied alone into an empty directory, started there with `extra` env. */
async function startCopy(extra: Record<string, string> = {}): Promise<{ child: ChildProcess; base: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jwt-debugger-copy-"));
  const copy = path.join(dir, "jwt-debugger");
  fs.copyFileSync(binary, copy);
  fs.chmodSync(copy, 0o755);
  return startServer(extra, copy);
}

test.describe("one binary that runs anywhere", () => {
  let child: ChildProcess | undefined;
  let base = "";

  test.beforeAll(async () => {
    ({ child, base } = await startCopy());
  });

  test.afterAll(() => {
    child?.kill("SIGTERM");
  });

  test("serves the page and its WebAssembly from inside itself", async ({ page, request }) => {
    const wasm = await request.get(`${base}/pkg/jwt-debugger.wasm`, { headers: { "Accept-Encoding": "br" } });
    expect(wasm.status()).toBe(200);
    expect(wasm.headers()["content-encoding"]).toBe("br");
    expect(wasm.headers()["content-type"]).toBe("application/wasm");
    expect(wasm.headers()["etag"]).toBeTruthy();
    const again = await request.get(`${base}/pkg/jwt-debugger.wasm`, {
      headers: { "Accept-Encoding": "br", "If-None-Match": wasm.headers()["etag"] },
    });
    expect(again.status()).toBe(304);
    const app = new DebuggerPage(page);
    await page.goto(`${base}/`);
    await app.waitForHydration();
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    // The lazily loaded parts come from inside the binary too.
    await expect(page.locator("html")).toHaveAttribute("data-offline-ready", "true", { timeout: 10_000 });
  });

  test("preloads every module the page's script imports, read from the embedded site", async ({ page }) => {
    const modules: string[] = [];
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith("/pkg/") && url.pathname.endsWith(".js")) modules.push(url.pathname);
    });
    await page.goto(`${base}/`);
    await new DebuggerPage(page).waitForHydration();
    const preloaded = await page.locator('link[rel="modulepreload"]').evaluateAll((links) =>
      links.map((l) => new URL((l as HTMLLinkElement).href).pathname),
    );
    // The page's module, its wasm-bindgen snippet and the WASM-splitting loader.
    expect(preloaded).toContain("/pkg/jwt-debugger.js");
    expect(preloaded.some((p) => p.startsWith("/pkg/snippets/") && p.endsWith("/page.js"))).toBe(true);
    expect(preloaded.some((p) => p.startsWith("/pkg/__wasm_split"))).toBe(true);
    expect(modules.length).toBeGreaterThanOrEqual(3);
    for (const m of modules) expect(preloaded, `${m} is fetched at start but not preloaded`).toContain(m);
  });
});

test.describe("DEMO_AUTH=off: only the debugger", () => {
  let child: ChildProcess | undefined;
  let base = "";

  test.beforeAll(async () => {
    ({ child, base } = await startCopy({ DEMO_AUTH: "off" }));
  });

  test.afterAll(() => {
    child?.kill("SIGTERM");
  });

  test("the page has no demo panel, and the demo routes are 404 with an empty body", async ({ page, request }) => {
    const bypass = await request.get(`${base}/auth/bypass?token=admin`, { maxRedirects: 0 });
    expect(bypass.status()).toBe(404);
    expect(await bypass.text()).toBe("");
    expect((await request.get(`${base}/auth/token`)).status()).toBe(404);
    const app = new DebuggerPage(page);
    await page.goto(`${base}/`);
    await app.waitForHydration();
    await expect(app.verdict).toHaveAttribute("data-signature-valid", "true");
    await expect(page.getByTestId("demo-bar")).toHaveCount(0);
    await expect(page.getByTestId("session-status")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Get my token" })).toHaveCount(0);
    await expect(page.getByTestId("demo-info")).toHaveCount(0);
  });
});
