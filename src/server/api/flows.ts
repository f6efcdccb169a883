/** GET /api/flows: the procedures the server accepts, with their current version and French title. */
import type { Context } from "hono";
import type { FlowRegistry } from "../flows/flow-registry";

export function listFlows(flows: FlowRegistry) {
  const list = flows.list();
  return (c: Context) => c.json(list);
}
