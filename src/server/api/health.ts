/** GET /api/health: up, and which database it writes to. A database that does not answer is a 503. */
import type { Context } from "hono";
import { sql } from "kysely";
import type { ApiServices } from "../services";
import { apiError } from "./errors";

export function health(services: ApiServices) {
  return async (c: Context) => {
    try {
      await sql`select 1`.execute(services.database.db);
    } catch (error) {
      console.error(`Health check: the database does not answer (${(error as Error).message}).`);
      return apiError(c, 503, "database_unavailable");
    }
    return c.json({ status: "ok", database: services.database.kind });
  };
}
