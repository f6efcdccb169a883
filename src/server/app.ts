/** The HTTP application, built from its config so tests can call app.request() without a socket. */
import { Hono } from "hono";
import { compress } from "hono/compress";
import { etag } from "hono/etag";
import { apiError, createApi } from "./api";
import type { ServerConfig } from "./config";
import { securityHeaders } from "./security-headers";
import type { ApiServices } from "./services";
import { serveDistFiles, spaFallback } from "./static";

export type AppConfig = Pick<ServerConfig, "distDir"> &
  Partial<Pick<ServerConfig, "behindTls" | "trustProxy">>;

export function createApp(config: AppConfig, services?: ApiServices): Hono {
  const app = new Hono();
  app.use(securityHeaders({ behindTls: config.behindTls ?? false }));
  app.route("/api", createApi(services, config.trustProxy));
  // Vite's build manifest maps sources to files: nothing the app needs, nothing to show.
  app.all("/.vite/*", (c) => c.notFound());
  // Phones on prepaid data: the app's files are compressed and revalidated rather than sent again.
  // API answers are a few hundred bytes and never cached: they skip both, and their cost.
  app.get("*", compress(), etag(), serveDistFiles(config.distDir), spaFallback(config.distDir));
  app.notFound((c) => c.text("Not found", 404));
  app.onError((error, c) => {
    // Method and route only: paths carry request ids, bodies and query strings what people typed.
    console.error(`${c.req.method} ${c.req.routePath} failed: ${error.stack ?? error.message}`);
    if (c.req.path.startsWith("/api/")) return apiError(c, 500, "internal_error");
    return c.text("Something went wrong on the server.", 500);
  });
  return app;
}
