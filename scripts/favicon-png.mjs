// Draws public/favicon.svg at 32×32 in Chromium and writes public/favicon.png: the page's icon,
// inline as a data URL (src/app.rs; a test checks they match). A PNG icon costs the page nothing
// on its main thread; an SVG one is parsed there as a document of its own in every load.
// Usage (after scripts/bootstrap.sh): node scripts/favicon-png.mjs
import { chromium } from "../end2end/node_modules/playwright/index.mjs";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const svg = fs.readFileSync(path.join(root, "public/favicon.svg"), "utf8");
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 32, height: 32 } });
await page.setContent(`<body style="margin:0">${svg.replace("<svg ", '<svg width="32" height="32" ')}</body>`);
const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: 32, height: 32 } });
fs.writeFileSync(path.join(root, "public/favicon.png"), png);
console.log(`public/favicon.png: ${png.length} bytes; data URL for src/app.rs:`);
console.log(`data:image/png;base64,${png.toString("base64")}`);
await browser.close();
