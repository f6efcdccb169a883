/** Procedures as staff read them: by their French title, never by their id. */
import type { FlowRegistry } from "../flows/flow-registry";
import { mayProcess, type StaffActor } from "../staff/staff-actor";

export function procedureTitle(flows: FlowRegistry, flowId: string): string {
  const flow = flows.current(flowId);
  return (flow && flows.french.text(flow.title, flow.id)) ?? flowId;
}

/** The procedures the actor processes, with their titles, in the order their account lists them. */
export function proceduresOf(actor: StaffActor, flows: FlowRegistry): { id: string; title: string }[] {
  return actor.procedures
    .filter((id) => mayProcess(actor, id) && flows.current(id))
    .map((id) => ({ id, title: procedureTitle(flows, id) }));
}
