// The Chromium the figure scripts measure with: Debian's (CHROMIUM_PATH to override), headless,
// with the flags this machine's closed network needs (no background connections to refuse).
import { chromium } from "@playwright/test";

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}
