import { procedures } from "virtual:flow-catalogue";

/** The key of a procedure's title, or undefined for a procedure this version of the app does not know. */
export const procedureTitleKey = (flowId: string): string | undefined =>
  procedures.find((procedure) => procedure.id === flowId)?.title;
