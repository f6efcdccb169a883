/** The addresses of the app. Procedure and step ids are kebab-case, so they are safe in a path. */
export type Route =
  | { readonly page: "catalogue" }
  | { readonly page: "procedure"; readonly flowId: string; readonly step?: string }
  | { readonly page: "requests" }
  | { readonly page: "request"; readonly id: string }
  | { readonly page: "help" }
  | { readonly page: "not-found" };

const SLUG = "[a-z][a-z0-9-]*";
const PROCEDURE = new RegExp(`^/(${SLUG})(?:/(${SLUG}))?/?$`);
const REQUEST = /^\/demandes\/([0-9a-f-]{36})\/?$/;

export function matchRoute(path: string): Route {
  if (path === "/" || path === "") return { page: "catalogue" };
  if (path === "/aide" || path === "/aide/") return { page: "help" };
  if (path === "/demandes" || path === "/demandes/") return { page: "requests" };
  const request = REQUEST.exec(path);
  if (request?.[1]) return { page: "request", id: request[1] };
  const procedure = PROCEDURE.exec(path);
  if (procedure?.[1] && procedure[1] !== "demandes" && procedure[1] !== "aide")
    return procedure[2]
      ? { page: "procedure", flowId: procedure[1], step: procedure[2] }
      : { page: "procedure", flowId: procedure[1] };
  return { page: "not-found" };
}

export const paths = {
  catalogue: () => "/",
  procedure: (flowId: string) => `/${flowId}`,
  step: (flowId: string, step: string) => `/${flowId}/${step}`,
  requests: () => "/demandes",
  request: (id: string) => `/demandes/${id}`,
  help: () => "/aide",
};
