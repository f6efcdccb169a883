/** The real server's entry point, started with tsx on a data folder of its own, until it exits. */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const startMainUntilExit = (env: Record<string, string>) =>
  spawnSync(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: resolve(import.meta.dirname, "../../../.."),
    env: { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), "pas-a-pas-main-")), ...env },
    encoding: "utf8",
    timeout: 50_000,
  });
