/**
 * The catalogue as HTML in dist/index.html, rendered at build time by the app's own components
 * (src/app/prerender.tsx) in a simulated DOM (happy-dom), so that on a slow phone the largest
 * paint of the first page waits for the HTML and its stylesheet only, not for the scripts.
 * Every other page keeps an empty shell (dist/shell.html): the server and the service worker
 * answer it for them, so a procedure's page never shows the catalogue before its own content.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import preact from "@preact/preset-vite";
import { Window } from "happy-dom";
import { createServer, type Plugin } from "vite";
import { SHELL_HTML } from "../shared/app-pages";
import { flowCataloguePlugin } from "./flow-catalogue";

const APP_ROOT = '<div id="app"></div>';
const BROWSER_GLOBALS = ["window", "document", "navigator", "localStorage", "location", "history"] as const;

async function renderCatalogue(root: string): Promise<string> {
  const window = new Window({ url: "https://pas-a-pas.invalid/" });
  const saved = BROWSER_GLOBALS.map(
    (name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const,
  );
  for (const name of BROWSER_GLOBALS)
    Object.defineProperty(globalThis, name, { value: window[name], configurable: true, writable: true });
  const vite = await createServer({
    configFile: false,
    root,
    logLevel: "warn",
    appType: "custom",
    plugins: [preact(), flowCataloguePlugin(join(root, "flows"), join(root, "locales"))],
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    // Not imported for its type: that would pull browser code into the Node type check.
    const entry = (await vite.ssrLoadModule("/src/app/prerender.tsx")) as {
      renderCatalogue(): Promise<string>;
    };
    return await entry.renderCatalogue();
  } finally {
    await vite.close();
    await window.happyDOM.close();
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete (globalThis as Record<string, unknown>)[name];
    }
  }
}

export function prerenderPlugin(): Plugin {
  let root = process.cwd();
  let outDir = "dist";
  return {
    name: "pas-a-pas:prerender",
    apply: "build",
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      // Before the service worker's precache list is made: it must hold the final pages.
      order: "pre",
      sequential: true,
      async handler() {
        const index = join(outDir, "index.html");
        const html = readFileSync(index, "utf8");
        if (!html.includes(APP_ROOT)) throw new Error(`${index} has no ${APP_ROOT} to fill`);
        writeFileSync(join(outDir, SHELL_HTML), html);
        const catalogue = await renderCatalogue(root);
        writeFileSync(index, html.replace(APP_ROOT, `<div id="app">${catalogue}</div>`));
      },
    },
  };
}
