/// <reference types="vitest/config" />
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";
import { flowCataloguePlugin } from "./src/tools/flow-catalogue";

const LOCALE_FILE = /[/\\]locales[/\\]([\w-]+)[/\\]([\w-]+)\.json$/;

export default defineConfig({
  plugins: [preact(), flowCataloguePlugin("flows")],
  build: {
    // src/tools/bundle-budget.ts reads the manifest to find what the first page loads.
    manifest: true,
    rolldownOptions: {
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
