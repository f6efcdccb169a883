/** A tiny dist/ in a temporary directory, so server tests do not depend on a real build. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const INDEX_HTML = '<!doctype html><html lang="fr"><title>Pas à pas</title><h1>Choisissez</h1></html>';
export const SHELL_HTML = '<!doctype html><html lang="fr"><title>Pas à pas</title></html>';
export const ASSET_PATH = "/assets/main-Ab12Cd34.js";
/** Over the 1 KB under which compressing is not worth it. */
export const LARGE_ASSET_PATH = "/assets/large-Ef56Gh78.js";

export function createDistFixture(): { distDir: string; remove: () => void } {
  const distDir = mkdtempSync(join(tmpdir(), "pas-a-pas-dist-"));
  mkdirSync(join(distDir, "assets"));
  writeFileSync(join(distDir, "index.html"), INDEX_HTML);
  writeFileSync(join(distDir, "shell.html"), SHELL_HTML);
  writeFileSync(join(distDir, ASSET_PATH), "console.log('app');");
  writeFileSync(join(distDir, LARGE_ASSET_PATH), "export const text = 'pas à pas';\n".repeat(200));
  writeFileSync(join(distDir, "favicon.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return { distDir, remove: () => rmSync(distDir, { recursive: true, force: true }) };
}
