/**
 * Messages between the page (src/app/pwa/service-worker.ts) and the service worker
 * (src/sw/procedure-packs.ts): one contract, read by both.
 */

/** Asks the service worker to keep a procedure's files on the device; answered on the port sent with it. */
export interface KeepProcedureOffline {
  readonly type: "KEEP_PROCEDURE_OFFLINE";
  readonly flowId: string;
}

export interface KeepProcedureOfflineAnswer {
  /** True once every file of the procedure's pack is in the cache. */
  readonly ok: boolean;
}
