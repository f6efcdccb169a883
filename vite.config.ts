/// <reference types="vitest/config" />
import { basename } from "node:path";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import common from "./locales/fr/common.json";
import { flowCataloguePlugin, flowFiles } from "./src/tools/flow-catalogue";
import { precachePacksPlugin } from "./src/tools/precache-packs";
import { prerenderPlugin } from "./src/tools/prerender";

const LOCALE_FILE = /[/\\]locales[/\\]([\w-]+)[/\\]([\w-]+)\.json$/;
const precachePacks = precachePacksPlugin(flowFiles("flows").map((file) => basename(file, ".json")));

export default defineConfig({
  plugins: [
    preact(),
    flowCataloguePlugin("flows", "locales"),
    precachePacks.plugin,
    prerenderPlugin(),
    VitePWA({
      // Our own small service worker (src/sw/sw.ts); Workbox injects the precache list into it.
      strategies: "injectManifest",
      srcDir: "src/sw",
      filename: "sw.ts",
      // The page registers it with workbox-window and asks before switching versions.
      registerType: "prompt",
      injectRegister: false,
      injectManifest: {
        globPatterns: ["**/*.{js,css,html,svg}"],
        // The build manifest is for tools, not for people's phones.
        globIgnores: [".vite/**"],
        // Each procedure's files are tagged with it: the service worker fetches them when it is opened;
        // the staff pages' files are dropped from the list.
        manifestTransforms: [precachePacks.tagPackEntries],
      },
      manifest: {
        id: "/",
        name: `${common.app.name} – ${common.app.tagline}`,
        short_name: common.app.name,
        description: common.app.tagline,
        lang: "fr",
        dir: "ltr",
        start_url: "/",
        scope: "/",
        display: "standalone",
        theme_color: "#004f8a",
        background_color: "#f3f5f7",
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
    }),
  ],
  build: {
    // src/tools/bundle-budget.ts reads the manifest to find what the first page loads.
    manifest: true,
    rolldownOptions: {
      // The staff pages are an app apart (src/staff), never in the citizens' bundle or precache.
      input: { index: "index.html", staff: "src/staff/index.html" },
      output: {
        // Every language has a common.json: name locale chunks by language to tell them apart.
        chunkFileNames: (chunk) => {
          const locale = chunk.facadeModuleId?.match(LOCALE_FILE);
          return locale ? `assets/locale-${locale[1]}-${locale[2]}-[hash].js` : "assets/[name]-[hash].js";
        },
      },
    },
  },
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}"],
    environment: "node",
  },
});
