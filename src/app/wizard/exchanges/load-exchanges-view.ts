/**
 * The receipt's way in to the exchanges' view: a module without static imports, so the shell's
 * code names one file to fetch here, and the view's own list of files to preload stays in the
 * procedure's pack (the first visit's download is at its budget).
 */
export const loadExchangesView = () => import("./exchanges-view").then((m) => m.ExchangesView);
