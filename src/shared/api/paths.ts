/**
 * The API's addresses, written once for the browser's sync module and the server's router.
 * No trailing slashes: tus creates uploads at `uploads` and serves each at `uploads/<id>`.
 */
export const API_BASE = "/api";

export const apiPaths = {
  health: `${API_BASE}/health`,
  flows: `${API_BASE}/flows`,
  uploads: `${API_BASE}/uploads`,
  submission: (id: string) => `${API_BASE}/submissions/${id}`,
} as const;

/** The same routes as Hono patterns, relative to API_BASE. */
export const apiRoutes = {
  health: "/health",
  flows: "/flows",
  uploads: "/uploads",
  upload: "/uploads/:id",
  submission: "/submissions/:id",
} as const;
