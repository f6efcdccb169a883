/**
 * `npm run seed -- --requests N`: adds N realistic requests (seed/realistic-requests.ts) to the
 * database the server is configured with (DATA_DIR, DATABASE_URL), to try the back office's
 * queues at a campaign's size.
 */
import { parseArgs } from "node:util";
import { DEFAULT_FLOWS_DIR, DEFAULT_LOCALES_DIR, readConfig } from "../server/config";
import { openDatabase } from "../server/db/connect";
import { FlowRegistry } from "../server/flows/flow-registry";
import { FrenchTexts } from "../server/flows/french-texts";
import { seedRequests } from "./seed/realistic-requests";

const { values } = parseArgs({ options: { requests: { type: "string", default: "1000" } } });
const count = Number(values.requests);
if (!Number.isInteger(count) || count < 1) {
  console.error("--requests takes a whole number of requests, 1 or more");
  process.exit(2);
}
const config = readConfig(process.env);
const flows = await FlowRegistry.load(DEFAULT_FLOWS_DIR, await FrenchTexts.load(DEFAULT_LOCALES_DIR));
const database = await openDatabase(config.database);
try {
  const started = performance.now();
  await seedRequests(database.db, flows, count, {
    examplesDir: `${DEFAULT_FLOWS_DIR}/examples`,
    seed: Date.now(),
  });
  console.log(`${count} requests added in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await database.close();
}
