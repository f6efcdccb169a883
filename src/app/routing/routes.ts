/**
 * The addresses of the app. Procedure and step ids are kebab-case, so they are safe in a path; a
 * draft's id is a UUID. A procedure's pages: `/<flow>` (its start page), `/<flow>/<draft>` (that
 * draft where it stopped), `/<flow>/<draft>/<step>`. `/<flow>/<step>` is an address from before
 * drafts had ids (a bookmark, an open tab): `legacyStep`, which the wizard redirects.
 */
export type Route =
  | { readonly page: "catalogue" }
  | {
      readonly page: "procedure";
      readonly flowId: string;
      readonly draftId?: string;
      readonly step?: string;
      readonly legacyStep?: string;
    }
  | { readonly page: "requests" }
  | { readonly page: "request"; readonly id: string }
  | { readonly page: "help" }
  | { readonly page: "sign-in" }
  | { readonly page: "account" }
  | { readonly page: "finished" }
  | { readonly page: "handoff-send"; readonly draftId: string }
  | { readonly page: "handoff-receive" }
  | { readonly page: "not-found" };

const SLUG = "[a-z][a-z0-9-]*";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const PROCEDURE = new RegExp(`^/(${SLUG})(?:/(${SLUG}))?/?$`);
const DRAFT = new RegExp(`^/(${SLUG})/(${UUID})(?:/(${SLUG}))?/?$`);
const REQUEST = /^\/demandes\/([0-9a-f-]{36})\/?$/;
const HANDOFF_SEND = new RegExp(`^/continuer/(${UUID})/?$`);
/** The app's own first path segments, which no procedure id may take. */
const NOT_PROCEDURES: ReadonlySet<string> = new Set([
  "demandes",
  "mes-demarches",
  "aide",
  "continuer",
  "reprendre",
  "fini",
]);

export function matchRoute(path: string): Route {
  if (path === "/" || path === "") return { page: "catalogue" };
  if (path === "/aide" || path === "/aide/") return { page: "help" };
  // "Mes démarches" was "Mes demandes": its first address keeps working (bookmarks, receipts).
  if (["/mes-demarches", "/mes-demarches/", "/demandes", "/demandes/"].includes(path))
    return { page: "requests" };
  if (path === "/connexion" || path === "/connexion/") return { page: "sign-in" };
  if (path === "/compte" || path === "/compte/") return { page: "account" };
  // A post's "J'ai fini" ends here: the check that nothing of the person is left.
  if (path === "/fini" || path === "/fini/") return { page: "finished" };
  if (path === "/reprendre" || path === "/reprendre/") return { page: "handoff-receive" };
  const handoff = HANDOFF_SEND.exec(path);
  if (handoff?.[1]) return { page: "handoff-send", draftId: handoff[1] };
  const request = REQUEST.exec(path);
  if (request?.[1]) return { page: "request", id: request[1] };
  const draft = DRAFT.exec(path);
  if (draft?.[1] && draft[2] && !NOT_PROCEDURES.has(draft[1]))
    return draft[3]
      ? { page: "procedure", flowId: draft[1], draftId: draft[2], step: draft[3] }
      : { page: "procedure", flowId: draft[1], draftId: draft[2] };
  const procedure = PROCEDURE.exec(path);
  if (procedure?.[1] && !NOT_PROCEDURES.has(procedure[1]))
    return procedure[2]
      ? { page: "procedure", flowId: procedure[1], legacyStep: procedure[2] }
      : { page: "procedure", flowId: procedure[1] };
  return { page: "not-found" };
}

export const paths = {
  catalogue: () => "/",
  procedure: (flowId: string) => `/${flowId}`,
  draft: (flowId: string, draftId: string) => `/${flowId}/${draftId}`,
  step: (flowId: string, draftId: string, step: string) => `/${flowId}/${draftId}/${step}`,
  requests: () => "/mes-demarches",
  request: (id: string) => `/demandes/${id}`,
  help: () => "/aide",
  signIn: () => "/connexion",
  /** Sign-in, then this address of the app (a hand-off's link opening a draft on the phone). */
  signInThen: (path: string) => `/connexion?retour=${encodeURIComponent(path)}`,
  account: () => "/compte",
  finished: () => "/fini",
  handoffSend: (draftId: string) => `/continuer/${draftId}`,
  handoffReceive: () => "/reprendre",
};
