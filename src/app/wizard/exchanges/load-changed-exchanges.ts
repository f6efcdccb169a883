/**
 * "Mes démarches"'s way in to fetching the exchanges that moved: like load-exchanges-view.ts, a
 * module without static imports, so the shell names one file and the list of files to preload
 * stays in the procedure's pack (the first visit's download is at its budget).
 */
export const loadChangedExchanges = () =>
  import("./follow-changed-exchanges").then((m) => m.followChangedExchanges);
