/**
 * The procedures the server accepts, read from flows/*.json at start. A request is checked
 * against the version it was filled in with, so the registry keeps every version it is given
 * (id → version → flow): the current files, and in flows/previous/ the earlier versions
 * (`<id>.v<version>.json`), kept for requests filled in before a change and still waiting in
 * outboxes. Drafts are migrated on the device; a request already sent cannot be.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { type Flow, parseFlow } from "../../shared/flow/schema";
import type { FrenchTexts } from "./french-texts";

export interface FlowSummary {
  readonly id: string;
  readonly version: number;
  readonly title: string;
}

export class FlowRegistry {
  private readonly versions = new Map<string, Map<number, Flow>>();

  constructor(
    flows: readonly Flow[],
    private readonly texts: FrenchTexts,
  ) {
    for (const flow of flows) {
      const byVersion = this.versions.get(flow.id) ?? new Map<number, Flow>();
      if (byVersion.has(flow.version))
        throw new Error(`Flow ${flow.id} version ${flow.version} is given twice.`);
      byVersion.set(flow.version, flow);
      this.versions.set(flow.id, byVersion);
    }
  }

  /**
   * Every flows/*.json and flows/previous/*.json; a file that is not a valid flow stops the start
   * (flows:check says why).
   */
  static async load(flowsDir: string, texts: FrenchTexts): Promise<FlowRegistry> {
    const previousDir = join(flowsDir, "previous");
    const jsonIn = async (dir: string) =>
      (await readdir(dir).catch(() => [] as string[]))
        .filter((name) => name.endsWith(".json"))
        .sort()
        .map((name) => join(dir, name));
    const files = [...(await jsonIn(flowsDir)), ...(await jsonIn(previousDir))];
    const flows = await Promise.all(
      files.map(async (file) => {
        const { flow, issues } = parseFlow(JSON.parse(await readFile(file, "utf8")));
        if (!flow)
          throw new Error(`${file} is not a valid flow (${issues[0]?.path}: ${issues[0]?.message}).`);
        return flow;
      }),
    );
    return new FlowRegistry(flows, texts);
  }

  get(id: string, version: number): Flow | undefined {
    return this.versions.get(id)?.get(version);
  }

  /** The newest version: the one new requests and uploads are made with. */
  current(id: string): Flow | undefined {
    const byVersion = this.versions.get(id);
    if (!byVersion) return undefined;
    return byVersion.get(Math.max(...byVersion.keys()));
  }

  /** The procedure's French title, for the mediators' board and statistics. */
  procedureTitle(flowId: string): string | undefined {
    const flow = this.current(flowId);
    return flow && (this.texts.text(flow.title, flow.id) ?? flow.id);
  }

  /** A step's French title (the current version's), undefined for a step it does not have. */
  stepTitle(flowId: string, stepId: string): string | undefined {
    const flow = this.current(flowId);
    const step = flow?.steps.find((s) => s.id === stepId);
    return flow && step && (this.texts.text(step.title, flow.id) ?? step.id);
  }

  list(): FlowSummary[] {
    return [...this.versions.keys()].flatMap((id) => {
      const flow = this.current(id);
      if (!flow) return [];
      return [{ id, version: flow.version, title: this.texts.text(flow.title, flow.id) ?? flow.id }];
    });
  }

  /** The texts the flows' keys point to. */
  get french(): FrenchTexts {
    return this.texts;
  }
}
