/**
 * `npx tsx src/tools/make-icons.ts`: draws the app's install icons (public/icons/*.png) from the
 * same staircase as the favicon, with Chromium (CHROMIUM_PATH or Debian's). Run it when the
 * logo changes; the PNGs are committed, so builds need no browser.
 */
import { existsSync, mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";

const STEPS = "M6 25h6v-6h6v-6h6V7h2v20H6z";
const BLUE = "#004f8a";

/** A maskable icon keeps its drawing inside the central 80% circle that launchers may crop to. */
function svg(maskable: boolean): string {
  const scale = maskable ? 0.6 : 0.8;
  const offset = (32 - 32 * scale) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="100%" height="100%">
    <rect width="32" height="32" rx="${maskable ? 0 : 6}" fill="${BLUE}"/>
    <g transform="translate(${offset} ${offset}) scale(${scale})"><path d="${STEPS}" fill="#fff"/></g></svg>`;
}

const executablePath =
  process.env.CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-background-networking"],
});
mkdirSync("public/icons", { recursive: true });
for (const [name, size, maskable] of [
  ["icon-192.png", 192, false],
  ["icon-512.png", 512, false],
  ["maskable-512.png", 512, true],
] as const) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg(maskable)}`);
  await page.screenshot({ path: `public/icons/${name}`, omitBackground: !maskable });
  await page.close();
}
await browser.close();
