/**
 * Many realistic requests straight into the database, for the back office's bench and for
 * trying the queues by hand: each is one of the flows' valid examples (flows/examples) with
 * other names, another commune, other resources, a date in the last 90 days and a status a
 * campaign has. Facets are computed by the same code as a real request's; documents are not
 * stored (their links are what uploads make, out of scope here).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { facetColumns } from "../../server/db/facet-columns";
import { yearInNoumea } from "../../server/db/noumea-time";
import type { Db } from "../../server/db/tables";
import type { FlowRegistry } from "../../server/flows/flow-registry";
import { queueFacets } from "../../server/requests/queue-facets";
import type { Example } from "../../shared/engine/examples";

const FIRST_NAMES = [
  "Léa",
  "Marc",
  "Sandra",
  "Paul",
  "Aline",
  "Joseph",
  "Jeanne",
  "Henri",
  "Kévin",
  "Maëva",
  "Noé",
  "Inès",
  "Wassissi",
  "Tiare",
  "Hnaené",
];
const LAST_NAMES = [
  "Martin",
  "Dupont",
  "Tein",
  "Hnawia",
  "Boéné",
  "Ihage",
  "Wayaridri",
  "Lefèvre",
  "Nguyen",
  "Wamytan",
  "Gope",
  "Kasarhérou",
  "Pidjot",
  "Tjibaou",
  "Leroux",
];
const COMMUNES = [
  "noumea",
  "dumbea",
  "le-mont-dore",
  "paita",
  "bourail",
  "la-foa",
  "boulouparis",
  "thio",
  "yate",
  "moindou",
];
/** Most of a campaign waits; some are being processed; some are decided. */
const STATUSES = [
  ...Array<string>(5).fill("received"),
  ...Array<string>(2).fill("in_review"),
  "awaiting_citizen",
  "accepted",
  "refused",
  "closed",
];
const DAY_MS = 24 * 3600 * 1000;
const ROWS_PER_INSERT = 200;

interface Template {
  readonly flowId: string;
  readonly version: number;
  readonly answers: Record<string, unknown>;
}

function templates(examplesDir: string, flows: FlowRegistry): Template[] {
  return readdirSync(examplesDir).flatMap((flowId) =>
    readdirSync(join(examplesDir, flowId))
      .filter((file) => file.endsWith(".json"))
      .flatMap((file) => {
        const example = JSON.parse(readFileSync(join(examplesDir, flowId, file), "utf8")) as Example;
        const flow = flows.current(flowId);
        if (example.expect.end !== "review" || !flow) return [];
        return [{ flowId, version: flow.version, answers: example.answers as Record<string, unknown> }];
      }),
  );
}

/** A small, seeded generator: the same seed makes the same database. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedRequests(
  db: Db,
  flows: FlowRegistry,
  count: number,
  options: { readonly examplesDir: string; readonly seed?: number; readonly now?: Date },
): Promise<void> {
  const random = generator(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const all = templates(options.examplesDir, flows);
  const now = (options.now ?? new Date()).getTime();
  for (let start = 0; start < count; start += ROWS_PER_INSERT) {
    const size = Math.min(ROWS_PER_INSERT, count - start);
    const made = Array.from({ length: size }, () => {
      const template = pick(all);
      const flow = flows.get(template.flowId, template.version);
      if (!flow) throw new Error(`No flow ${template.flowId}`);
      const answers: Record<string, unknown> = {
        ...template.answers,
        applicantFirstName: pick(FIRST_NAMES),
        applicantLastName: pick(LAST_NAMES),
        commune: pick(COMMUNES),
      };
      if (typeof answers.monthlyResources === "number")
        answers.monthlyResources = Math.round((60_000 + random() * 300_000) / 1000) * 1000;
      if (typeof answers.applicantResources === "number")
        answers.applicantResources = Math.round((random() * 250_000) / 1000) * 1000;
      return { flow, answers, receivedAt: new Date(now - random() * 90 * DAY_MS) };
    });
    await db.transaction().execute(async (trx) => {
      const references = new Map<string, number>();
      for (const { flow, receivedAt } of made) {
        const key = `${flow.referencePrefix}-${yearInNoumea(receivedAt)}`;
        references.set(key, (references.get(key) ?? 0) + 1);
      }
      const next = new Map<string, number>();
      for (const [key, taken] of references) {
        const [prefix, year] = key.split("-") as [string, string];
        const row = await trx
          .insertInto("reference_sequences")
          .values({ prefix, year: Number(year), last_value: taken })
          .onConflict((oc) =>
            oc.columns(["prefix", "year"]).doUpdateSet((eb) => ({
              last_value: eb("reference_sequences.last_value", "+", taken),
            })),
          )
          .returning("last_value")
          .executeTakeFirstOrThrow();
        next.set(key, row.last_value - taken + 1);
      }
      await trx
        .insertInto("submissions")
        .values(
          made.map(({ flow, answers, receivedAt }) => {
            const year = yearInNoumea(receivedAt);
            const key = `${flow.referencePrefix}-${year}`;
            const number = next.get(key) as number;
            next.set(key, number + 1);
            const reference = `${key}-${String(number).padStart(6, "0")}`;
            const facets = queueFacets(flow, answers);
            const status = pick(STATUSES);
            return {
              id: crypto.randomUUID(),
              flow_id: flow.id,
              flow_version: flow.version,
              reference,
              body_sha256: "seeded",
              answers: JSON.stringify(answers),
              received_at: receivedAt.toISOString(),
              status,
              ...facetColumns(reference, facets),
              assigned_staff_id:
                status === "received" && random() < 0.7 ? null : `agent-${1 + Math.floor(random() * 8)}`,
            };
          }),
        )
        .execute();
    });
  }
}
