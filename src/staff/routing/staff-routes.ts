/**
 * The staff pages' addresses and who may open each. The server sends the staff app for
 * /personnel, /mediation and /agents (src/shared/app-pages.ts); the History API router is the
 * citizens' app's (src/app/routing/router.ts), which knows nothing of either app's pages.
 */
import type { StaffRole } from "../../shared/staff-roles";

export const staffPaths = {
  home: "/personnel",
  signIn: "/personnel/connexion",
  admin: "/personnel/admin",
  board: "/mediation",
  statistics: "/mediation/statistiques",
  agents: "/agents",
  agentRequest: (id: string) => `/agents/demandes/${id}`,
} as const;

export type StaffPage =
  | "home"
  | "sign-in"
  | "admin"
  | "board"
  | "statistics"
  | "agents"
  | "agent-request"
  | "not-found";

const PAGES: Record<string, StaffPage> = {
  [staffPaths.home]: "home",
  [staffPaths.signIn]: "sign-in",
  [staffPaths.admin]: "admin",
  [staffPaths.board]: "board",
  [staffPaths.statistics]: "statistics",
  [staffPaths.agents]: "agents",
};

const AGENT_REQUEST = /^\/agents\/demandes\/([0-9a-f-]{36})$/i;

export function staffPageOf(path: string): StaffPage {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  if (AGENT_REQUEST.test(trimmed)) return "agent-request";
  return PAGES[trimmed] ?? "not-found";
}

/** The request an /agents/demandes/<id> address names. */
export function agentRequestIdOf(path: string): string | undefined {
  return AGENT_REQUEST.exec(path.replace(/\/+$/, ""))?.[1]?.toLowerCase();
}

/** The roles that open each page; none listed: any staff member. */
export const PAGE_ROLES: Record<Exclude<StaffPage, "sign-in">, readonly StaffRole[]> = {
  home: [],
  "not-found": [],
  admin: ["administrator"],
  board: ["mediator"],
  statistics: ["mediator", "supervisor", "administrator"],
  agents: ["agent", "supervisor"],
  "agent-request": ["agent", "supervisor"],
};

export function mayOpen(page: StaffPage, roles: readonly StaffRole[]): boolean {
  if (page === "sign-in") return true;
  const needed = PAGE_ROLES[page];
  return needed.length === 0 || needed.some((role) => roles.includes(role));
}

/** Where a person lands after signing in: the page of their main role. */
export function landingPath(roles: readonly StaffRole[]): string {
  if (roles.includes("mediator")) return staffPaths.board;
  if (roles.includes("agent") || roles.includes("supervisor")) return staffPaths.agents;
  if (roles.includes("administrator")) return staffPaths.admin;
  return staffPaths.home;
}

/** The pages a signed-in person moves between, in the navigation and on /personnel. */
export const SECTIONS = [
  { page: "agents", path: staffPaths.agents },
  { page: "board", path: staffPaths.board },
  { page: "statistics", path: staffPaths.statistics },
  { page: "admin", path: staffPaths.admin },
] as const;
