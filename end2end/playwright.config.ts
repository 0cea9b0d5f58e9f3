import { defineConfig } from "@playwright/test";
import * as path from "node:path";
import { E2E_JWT_SECRET_KEY } from "./tests/fixtures/server-env";

// The release server is started on a fresh port for every run (see scripts/test.sh). To test
// a server that is already running instead, set E2E_BASE_URL (nothing is started then).
const port = Number(process.env.E2E_PORT ?? 3917);
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://127.0.0.1:${port}`;
const root = path.resolve(__dirname, "..");

export default defineConfig({
  testDir: "./tests",
  // Most tests take 2–15 s here; the limit leaves room for a slow CI machine (2 cores, shared).
  timeout: 60_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: external
    ? undefined
    : {
        command: path.join(root, "target/release/jwt-debugger"),
        cwd: root,
        url: `${baseURL}/`,
        // Fail instead of silently testing a stale server that holds the port.
        reuseExistingServer: false,
        // Most tests take 2–15 s here; the limit leaves room for a slow CI machine (2 cores, shared).
  timeout: 60_000,
        stdout: "pipe",
        stderr: "pipe",
        env: {
          LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
          JWT_SECRET_KEY: E2E_JWT_SECRET_KEY,
        },
      },
});
