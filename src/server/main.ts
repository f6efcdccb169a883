/** Starts the server: `npm start` (after a build) or `tsx src/server/main.ts`. */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { ConfigError, readConfig, type ServerConfig } from "./config";

function loadConfig(): ServerConfig {
  try {
    return readConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Cannot start Pas à pas: ${error.message}`);
    process.exit(1);
  }
}

function main(): void {
  const config = loadConfig();
  mkdirSync(config.dataDir, { recursive: true });
  if (!existsSync(join(config.distDir, "index.html"))) {
    console.warn(`${config.distDir}/index.html is missing: run "npm run build" (npm start builds for you).`);
  }
  const server = serve(
    { fetch: createApp(config).fetch, hostname: config.host, port: config.port },
    (info) => {
      const shownHost = info.family === "IPv6" ? `[${info.address}]` : info.address;
      console.log(`Pas à pas is listening on http://${shownHost}:${info.port}`);
    },
  );
  server.on("error", (error: NodeJS.ErrnoException) => {
    const reason = error.code === "EADDRINUSE" ? `port ${config.port} is already in use` : error.message;
    console.error(`Cannot start Pas à pas: ${reason}.`);
    process.exit(1);
  });
  const stop = () => server.close(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main();
