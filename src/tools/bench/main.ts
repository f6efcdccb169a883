/**
 * `npm run bench`: prints the figures the project tracks. They are goals to report, not tests:
 * nothing here fails the build. Runs against the built app (npm run build) on a local server.
 */
import { benchAutosave } from "./autosave";
import { launchChromium, startServer } from "./browser";
import { benchDrain } from "./drain";
import { benchOfflineStart } from "./offline-start";
import { benchPhoto } from "./photo";
import { benchSubmissions } from "./submissions";

const server = await startServer();
const browser = await launchChromium();
try {
  console.log(await benchAutosave(browser, server.url));
  console.log(await benchOfflineStart(browser, server.url));
  console.log(await benchPhoto(browser, server.url));
  console.log(await benchDrain(browser, server));
  for (const line of await benchSubmissions()) console.log(line);
} finally {
  await browser.close();
  await server.close();
}
