import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

/** Debian's Chromium when present: `npx playwright install` needs a network this machine may not have. */
const DEBIAN_CHROMIUM = "/usr/bin/chromium";
const executablePath =
  process.env.CHROMIUM_PATH || (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);

/** E2E_PORT lets two checkouts on one machine run their browser tests side by side. */
const PORT = Number(process.env.E2E_PORT) || 4173;
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  // A sub-folder, so the server's DATA_DIR next to it is not wiped when Playwright clears its output.
  outputDir: "test-results/playwright",
  fullyParallel: true,
  // Two browsers at once even on 2 cores (Playwright's default is half the cores): a test spends
  // much of its time waiting on the page, so two workers finish the suite far sooner than one.
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: BASE_URL,
    browserName: "chromium",
    // A browser set up in New Caledonia speaks French first; the app follows the browser's language.
    locale: "fr-FR",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
    },
  },
  projects: [
    {
      name: "phone",
      use: { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
    { name: "desktop", use: { viewport: { width: 1280, height: 800 } } },
  ],
  webServer: {
    // The real server on the real build (built first if sources changed).
    command: "npx tsx src/tools/ensure-build.ts && npx tsx src/server/main.ts",
    url: `${BASE_URL}/api/health`,
    env: {
      HOST: "127.0.0.1",
      PORT: String(PORT),
      DATA_DIR: "test-results/e2e-server-data",
      // Every browser of every run is one client, 127.0.0.1, on a data directory kept between
      // runs: the per-client upload limits (tested in tests/unit/server/upload-limits.test.ts)
      // would refuse uploads after a few runs.
      UPLOADS_PER_HOUR: "1000000",
      UPLOAD_BYTES_PER_HOUR: "1000000000000",
      UPLOAD_QUOTA_BYTES: "1000000000000",
      // The same for sign-in codes: every run's sign-ins come from 127.0.0.1.
      SIGN_IN_CODES_PER_CLIENT_PER_HOUR: "100000",
    },
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
