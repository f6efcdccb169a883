/**
 * `npm run bench`: prints the figures the project tracks. They are goals to report, not tests:
 * nothing here fails the build. Runs against the built app (npm run build) on a local server.
 */
import type { Browser } from "@playwright/test";
import { benchAutosave } from "./autosave";
import { benchBackoffice } from "./backoffice";
import { type BenchServer, launchChromium, startServer } from "./browser";
import { benchDraftSync } from "./draft-sync";
import { benchDrain } from "./drain";
import { benchLighthouse } from "./lighthouse";
import { benchOfflineStart } from "./offline-start";
import { benchPhoto } from "./photo";
import { benchPhotoReencoding } from "./photo-reencoding";
import { benchScaleOut } from "./scale-out";
import { benchSignIn } from "./sign-in";
import { benchPostgresUrl, benchSubmissions } from "./submissions";

/**
 * Every part in order, or only those named: `npm run bench -- offline-start photo-reencoding`
 * (one part takes seconds where the whole run takes minutes).
 */
const PARTS: Readonly<
  Record<string, (server: BenchServer, browser: Browser) => Promise<string | readonly string[]>>
> = {
  lighthouse: (server) => benchLighthouse(server.url),
  autosave: (server, browser) => benchAutosave(browser, server.url),
  "offline-start": (server, browser) => benchOfflineStart(browser, server.url),
  photo: (server, browser) => benchPhoto(browser, server.url),
  "photo-reencoding": () => benchPhotoReencoding(),
  drain: (server, browser) => benchDrain(browser, server),
  submissions: () => benchSubmissions(),
  "sign-in": () => benchSignIn(),
  "draft-sync": () => benchDraftSync(),
  backoffice: () => benchBackoffice(),
  "scale-out": async () => {
    const postgresUrl = benchPostgresUrl();
    return postgresUrl
      ? benchScaleOut(postgresUrl)
      : "scale-out (two processes on one PostgreSQL): skipped, set TEST_DATABASE_URL to measure it";
  },
};

const named = process.argv.slice(2);
const unknown = named.filter((name) => !(name in PARTS));
if (unknown.length > 0) {
  console.error(`Unknown bench part: ${unknown.join(", ")}. Parts: ${Object.keys(PARTS).join(", ")}.`);
  process.exit(2);
}

const server = await startServer();
const browser = await launchChromium();
try {
  for (const name of named.length > 0 ? named : Object.keys(PARTS)) {
    const result = await PARTS[name]?.(server, browser);
    for (const line of typeof result === "string" ? [result] : (result ?? [])) console.log(line);
  }
} finally {
  await browser.close();
  await server.close();
}
