/**
 * Run at build time only (src/tools/prerender.ts), in a simulated DOM: the catalogue as French
 * HTML, so a phone paints it before any script arrives. The page's own code then renders over
 * it (src/app/main.tsx): Preact reuses the elements it finds, so nothing flashes or moves.
 * Only what shows before the device is read is here: no drafts (they come from IndexedDB).
 */
import { render } from "preact";
import { App } from "./app";
import { startI18n } from "./i18n/i18n";
import { DEFAULT_LANGUAGE } from "./i18n/languages";

export async function renderCatalogue(): Promise<string> {
  await startI18n(DEFAULT_LANGUAGE, []);
  const root = document.createElement("div");
  // Synchronous: effects (reading the device, the network) have not run when the HTML is read.
  render(<App />, root);
  const html = root.innerHTML;
  // Unmounted before the effects' turn, so none of them runs in the build.
  render(null, root);
  return html;
}
