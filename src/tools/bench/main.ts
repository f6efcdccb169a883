/**
 * `npm run bench`: prints the figures the project tracks. They are goals to report, not tests:
 * nothing here fails the build. Runs against the built app (npm run build) on a local server.
 */
import { benchAutosave } from "./autosave";
import { benchBackoffice } from "./backoffice";
import { launchChromium, startServer } from "./browser";
import { benchDraftSync } from "./draft-sync";
import { benchDrain } from "./drain";
import { benchLighthouse } from "./lighthouse";
import { benchOfflineStart } from "./offline-start";
import { benchPhoto } from "./photo";
import { benchScaleOut } from "./scale-out";
import { benchSignIn } from "./sign-in";
import { benchPostgresUrl, benchSubmissions } from "./submissions";

const server = await startServer();
const browser = await launchChromium();
try {
  for (const line of await benchLighthouse(server.url)) console.log(line);
  console.log(await benchAutosave(browser, server.url));
  console.log(await benchOfflineStart(browser, server.url));
  console.log(await benchPhoto(browser, server.url));
  console.log(await benchDrain(browser, server));
  for (const line of await benchSubmissions()) console.log(line);
  console.log(await benchSignIn());
  console.log(await benchDraftSync());
  for (const line of await benchBackoffice()) console.log(line);
  const postgresUrl = benchPostgresUrl();
  console.log(
    postgresUrl
      ? await benchScaleOut(postgresUrl)
      : "scale-out (two processes on one PostgreSQL): skipped, set TEST_DATABASE_URL to measure it",
  );
} finally {
  await browser.close();
  await server.close();
}
