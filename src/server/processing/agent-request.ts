/** One request as its agent reads it, in French, the read audited: the page the back office opens. */
import type { AgentRequestView } from "../../shared/api/agents";
import type { ExchangesRepository } from "../db/exchanges-repository";
import type { FlowRegistry } from "../flows/flow-registry";
import type { StaffActor } from "../staff/staff-actor";
import type { ProcessingActions } from "./actions";
import type { CitizenExchangesService } from "./citizen-exchanges";
import { requestView } from "./request-view";

export interface AgentRequestDeps {
  readonly actions: ProcessingActions;
  readonly exchanges: CitizenExchangesService;
  readonly exchangesRepository: ExchangesRepository;
  readonly flows: FlowRegistry;
}

/** Undefined when the request is not of a procedure the actor processes (or does not exist). */
export async function agentRequest(
  deps: AgentRequestDeps,
  actor: StaffActor,
  id: string,
): Promise<AgentRequestView | undefined> {
  const file = await deps.actions.read(actor, id);
  if (!file) return undefined;
  const [documents, exchanged, changes] = await Promise.all([
    deps.exchangesRepository.documents(id),
    deps.exchanges.of(id, file.request.flowId),
    deps.exchanges.answerChanges(id),
  ]);
  const { flowId } = file.request;
  // The answers are read with the flow version they were given for, as the server checked them.
  const flow = deps.flows.get(flowId, file.flowVersion) ?? deps.flows.current(flowId);
  return requestView(file, flow, deps.flows.french, documents, exchanged, changes);
}
