/**
 * Flow definitions for the wizard, each its own chunk fetched when a procedure is opened (the
 * catalogue only carries their metadata). Parsing applies the format's defaults; the files were
 * checked by flows:check before the build.
 */
import { compileFlow, type WizardMachine } from "../../shared/engine/machine";
import { type Flow, parseFlow } from "../../shared/flow/schema";

const files = import.meta.glob<{ default: unknown }>("../../../flows/*.json");

export interface LoadedFlow {
  readonly flow: Flow;
  readonly machine: WizardMachine;
}

const loaded = new Map<string, Promise<LoadedFlow | undefined>>();

export function loadFlow(flowId: string): Promise<LoadedFlow | undefined> {
  let flow = loaded.get(flowId);
  if (!flow) {
    const file = files[`../../../flows/${flowId}.json`];
    flow = file
      ? file().then(
          ({ default: raw }) => {
            const parsed = parseFlow(raw).flow;
            return parsed ? { flow: parsed, machine: compileFlow(parsed) } : undefined;
          },
          (error: unknown) => {
            // Not fetched (offline, or a network failure): the next opening tries again.
            loaded.delete(flowId);
            throw error;
          },
        )
      : Promise.resolve(undefined);
    loaded.set(flowId, flow);
  }
  return flow;
}
