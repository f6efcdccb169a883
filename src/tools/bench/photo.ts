/**
 * Photo shrinking: a 12 MP camera photo (4000×3000 JPEG, made in the page from a gradient, text
 * and sensor-like noise) through the built app's photo worker. Times the round trip the document
 * field waits for, and reports the stored size (goal: at most 300 KB a page). The page's CPU is
 * slowed down, but DevTools cannot slow a worker ("Operation is only supported for pages, not
 * workers"): the decoding and encoding run at this machine's speed, and the figure says so.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "@playwright/test";
import { DEFAULT_DIST_DIR } from "../../server/config";
import { CPU_SLOWDOWN, ms, percentile } from "./browser";

const ROUNDS = 3;

declare global {
  interface Window {
    cameraPhoto?: Blob;
  }
}

function workerScript(): string {
  const name = readdirSync(join(DEFAULT_DIST_DIR, "assets")).find((file) =>
    /^photo-worker-.*\.js$/.test(file),
  );
  if (!name) throw new Error("dist/assets has no photo worker: run npm run build.");
  return `/assets/${name}`;
}

export async function benchPhoto(browser: Browser, url: string): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  await page.goto(url);
  // Made at full speed: only the shrinking is timed, and slowed down.
  await page.evaluate(async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 4000;
    canvas.height = 3000;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2D canvas");
    const gradient = context.createLinearGradient(0, 0, 4000, 3000);
    gradient.addColorStop(0, "#f5f0e6");
    gradient.addColorStop(1, "#8a7f70");
    context.fillStyle = gradient;
    context.fillRect(0, 0, 4000, 3000);
    const image = context.getImageData(0, 0, 4000, 3000);
    const pixels = image.data;
    let seed = 1;
    for (let i = 0; i < pixels.length; i++) {
      // Grey noise: one draw per pixel, the same on red, green and blue; alpha stays opaque.
      if (i % 4 === 0) seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      if (i % 4 !== 3) pixels[i] = (pixels[i] ?? 0) + (seed % 49) - 24;
    }
    context.putImageData(image, 0, 0);
    context.fillStyle = "#111";
    context.font = "48px sans-serif";
    for (let y = 200; y < 2900; y += 90) context.fillText("Revenu fiscal de référence : 1 234 567 F", 200, y);
    window.cameraPhoto = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("no JPEG"))), "image/jpeg", 0.92),
    );
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  const script = workerScript();
  const runs: { time: number; size: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    runs.push(
      await page.evaluate(
        (script) =>
          new Promise<{ time: number; size: number }>((resolve, reject) => {
            const start = performance.now();
            const worker = new Worker(script, { type: "module" });
            worker.onmessage = (event: MessageEvent<{ kind: string; photo?: Blob }>) => {
              worker.terminate();
              const { kind, photo } = event.data;
              if (photo) resolve({ time: performance.now() - start, size: photo.size });
              else reject(new Error(`the worker answered ${kind}`));
            };
            worker.postMessage({ photo: window.cameraPhoto });
          }),
        script,
      ),
    );
  }
  await context.close();
  const time = percentile(
    runs.map((run) => run.time),
    50,
  );
  const size = Math.max(...runs.map((run) => run.size));
  return `photo 12 MP: ${ms(time)}, ${Math.round(size / 1000)} KB (${CPU_SLOWDOWN}x CPU on the page, not in the worker; median of ${ROUNDS}; goal <= 300 KB)`;
}
