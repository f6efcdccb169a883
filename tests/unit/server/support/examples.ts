/** The flows' example answer sets (flows/examples/<flow>/*.json) that reach the review: valid requests. */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Example } from "../../../../src/shared/engine/examples";

const EXAMPLES_DIR = resolve(import.meta.dirname, "../../../../flows/examples");

export interface ValidExample {
  readonly flowId: string;
  /** The flow's current version, which examples follow. */
  readonly flowVersion: number;
  readonly name: string;
  readonly answers: Record<string, unknown>;
}

const FLOWS_DIR = resolve(EXAMPLES_DIR, "..");
const versionOf = (flowId: string): number =>
  (JSON.parse(readFileSync(join(FLOWS_DIR, `${flowId}.json`), "utf8")) as { version: number }).version;

export function validExamples(): ValidExample[] {
  return readdirSync(EXAMPLES_DIR).flatMap((flowId) =>
    readdirSync(join(EXAMPLES_DIR, flowId))
      .filter((file) => file.endsWith(".json"))
      .flatMap((file) => {
        const example = JSON.parse(readFileSync(join(EXAMPLES_DIR, flowId, file), "utf8")) as Example;
        if (example.expect.end !== "review") return [];
        return [
          {
            flowId,
            flowVersion: versionOf(flowId),
            name: file.slice(0, -5),
            answers: example.answers as Record<string, unknown>,
          },
        ];
      }),
  );
}

export function example(flowId: string, name: string): ValidExample {
  const found = validExamples().find((e) => e.flowId === flowId && e.name === name);
  if (!found) throw new Error(`No valid example ${flowId}/${name}`);
  return found;
}
