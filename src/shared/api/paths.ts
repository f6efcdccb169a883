/**
 * The API's addresses, written once for the browser's sync module and the server's router.
 * No trailing slashes: tus creates uploads at `uploads` and serves each at `uploads/<id>`.
 */
export const API_BASE = "/api";

export const apiPaths = {
  health: `${API_BASE}/health`,
  flows: `${API_BASE}/flows`,
  uploads: `${API_BASE}/uploads`,
  submission: (id: string) => `${API_BASE}/submissions/${id}`,
  account: `${API_BASE}/account`,
  signInOptions: `${API_BASE}/account/options`,
  signInCode: `${API_BASE}/account/code`,
  signInCodeCheck: `${API_BASE}/account/code/check`,
  oidcStart: `${API_BASE}/account/oidc/start`,
  oidcCallback: `${API_BASE}/account/oidc/callback`,
  signOut: `${API_BASE}/account/sign-out`,
  signOutEverywhere: `${API_BASE}/account/sign-out-everywhere`,
  accountSessions: `${API_BASE}/account/sessions`,
  accountSession: (id: string) => `${API_BASE}/account/sessions/${id}`,
  accountData: `${API_BASE}/account/data`,
  accountRequests: `${API_BASE}/account/requests`,
  accountRequestsAttach: `${API_BASE}/account/requests/attach`,
  /** One request's status: its owner's session, or the device that sent it without an account. */
  requestStatus: (id: string) => `${API_BASE}/submissions/${id}/status`,
  accountDrafts: `${API_BASE}/account/drafts`,
  accountDraft: (id: string) => `${API_BASE}/account/drafts/${id}`,
  /** The bytes of one of the draft's documents, for its owner's other device. */
  accountDraftDocument: (id: string, uploadId: string) =>
    `${API_BASE}/account/drafts/${id}/documents/${uploadId}`,
  /** The connected space: this browser as a post, its help calls, and the mediators' board. */
  posts: `${API_BASE}/posts`,
  post: (id: string) => `${API_BASE}/posts/${id}`,
  currentPost: `${API_BASE}/post`,
  postActivity: `${API_BASE}/post/activity`,
  postEnd: `${API_BASE}/post/end`,
  postHelp: `${API_BASE}/post/help`,
  postReceipt: `${API_BASE}/post/receipt`,
  mediationBoard: `${API_BASE}/mediation/board`,
  mediationEvents: `${API_BASE}/mediation/events`,
  mediationTake: (id: string) => `${API_BASE}/mediation/calls/${id}/take`,
  mediationClose: (id: string) => `${API_BASE}/mediation/calls/${id}/close`,
  mediationStatistics: `${API_BASE}/mediation/statistics`,
  handoffs: `${API_BASE}/handoffs`,
  handoff: (locator: string) => `${API_BASE}/handoffs/${locator}`,
  staffSignIn: `${API_BASE}/staff/sign-in`,
  staffSignInTotp: `${API_BASE}/staff/sign-in/totp`,
  staffSession: `${API_BASE}/staff/session`,
  staffSignOut: `${API_BASE}/staff/sign-out`,
  staffAccounts: `${API_BASE}/staff/accounts`,
  staffAccountEndSessions: (id: string) => `${API_BASE}/staff/accounts/${id}/end-sessions`,
  staffSignInOptions: `${API_BASE}/staff/sign-in/options`,
  staffDirectoryStart: `${API_BASE}/staff/directory/start`,
  staffDirectoryCallback: `${API_BASE}/staff/directory/callback`,
  /** The back office: a procedure's queues (filters in the query string) and one request. */
  agentQueue: (flowId: string, queue: string) => `${API_BASE}/agents/procedures/${flowId}/queues/${queue}`,
  agentQueueExport: (flowId: string, queue: string, format: "csv" | "xlsx") =>
    `${API_BASE}/agents/procedures/${flowId}/queues/${queue}/export?format=${format}`,
  agentQueueAssign: (flowId: string, queue: string) =>
    `${API_BASE}/agents/procedures/${flowId}/queues/${queue}/assign`,
  agentColleagues: (flowId: string) => `${API_BASE}/agents/procedures/${flowId}/colleagues`,
  agentRequest: (id: string) => `${API_BASE}/agents/requests/${id}`,
  agentRequestDocument: (id: string, uploadId: string) =>
    `${API_BASE}/agents/requests/${id}/documents/${uploadId}`,
  agentRequestPdf: (id: string) => `${API_BASE}/agents/requests/${id}/archive.pdf`,
  /** A file joined to one of the request's messages, by the agent or by the citizen. */
  agentRequestAttachment: (id: string, attachmentId: string) =>
    `${API_BASE}/agents/requests/${id}/attachments/${attachmentId}`,
  agentRequestAudit: (id: string, format: "json" | "csv") =>
    `${API_BASE}/agents/requests/${id}/audit?format=${format}`,
  agentRequestAction: (id: string, action: "follow" | "transfer" | "status" | "notes" | "ask" | "messages") =>
    `${API_BASE}/agents/requests/${id}/${action}`,
  /** The citizen's half: what is asked of them and the messages, for the owner of the request. */
  requestExchanges: (id: string) => `${API_BASE}/submissions/${id}/exchanges`,
  requestTaskAnswer: (id: string, taskId: string) => `${API_BASE}/submissions/${id}/tasks/${taskId}/answer`,
  requestMessages: (id: string) => `${API_BASE}/submissions/${id}/messages`,
  /** A file joined to one of the request's messages, for its owner (kept on the phone for offline). */
  requestAttachment: (id: string, attachmentId: string) =>
    `${API_BASE}/submissions/${id}/attachments/${attachmentId}`,
} as const;

/** The same routes as Hono patterns, relative to API_BASE. */
export const apiRoutes = {
  health: "/health",
  flows: "/flows",
  uploads: "/uploads",
  upload: "/uploads/:id",
  uploadWithKey: "/uploads/:id/:key",
  submission: "/submissions/:id",
  account: "/account",
  signInOptions: "/account/options",
  signInCode: "/account/code",
  signInCodeCheck: "/account/code/check",
  oidcStart: "/account/oidc/start",
  oidcCallback: "/account/oidc/callback",
  signOut: "/account/sign-out",
  signOutEverywhere: "/account/sign-out-everywhere",
  accountSessions: "/account/sessions",
  accountSession: "/account/sessions/:id",
  accountData: "/account/data",
  accountRequests: "/account/requests",
  accountRequestsAttach: "/account/requests/attach",
  requestStatus: "/submissions/:id/status",
  accountDrafts: "/account/drafts",
  accountDraft: "/account/drafts/:id",
  accountDraftDocument: "/account/drafts/:id/documents/:uploadId",
  posts: "/posts",
  post: "/posts/:id",
  currentPost: "/post",
  postActivity: "/post/activity",
  postEnd: "/post/end",
  postHelp: "/post/help",
  postReceipt: "/post/receipt",
  mediationBoard: "/mediation/board",
  mediationEvents: "/mediation/events",
  mediationTake: "/mediation/calls/:id/take",
  mediationClose: "/mediation/calls/:id/close",
  mediationStatistics: "/mediation/statistics",
  handoffs: "/handoffs",
  handoff: "/handoffs/:locator",
  staffSignIn: "/staff/sign-in",
  staffSignInTotp: "/staff/sign-in/totp",
  staffSession: "/staff/session",
  staffSignOut: "/staff/sign-out",
  staffAccounts: "/staff/accounts",
  staffAccountEndSessions: "/staff/accounts/:id/end-sessions",
  staffSignInOptions: "/staff/sign-in/options",
  staffDirectoryStart: "/staff/directory/start",
  staffDirectoryCallback: "/staff/directory/callback",
  agentQueue: "/agents/procedures/:flowId/queues/:queue",
  agentQueueExport: "/agents/procedures/:flowId/queues/:queue/export",
  agentQueueAssign: "/agents/procedures/:flowId/queues/:queue/assign",
  agentColleagues: "/agents/procedures/:flowId/colleagues",
  agentRequest: "/agents/requests/:id",
  agentRequestDocument: "/agents/requests/:id/documents/:uploadId",
  agentRequestPdf: "/agents/requests/:id/archive.pdf",
  agentRequestAttachment: "/agents/requests/:id/attachments/:attachmentId",
  agentRequestAudit: "/agents/requests/:id/audit",
  agentRequestFollow: "/agents/requests/:id/follow",
  agentRequestTransfer: "/agents/requests/:id/transfer",
  agentRequestStatus: "/agents/requests/:id/status",
  agentRequestNotes: "/agents/requests/:id/notes",
  agentRequestAsk: "/agents/requests/:id/ask",
  agentRequestMessages: "/agents/requests/:id/messages",
  requestExchanges: "/submissions/:id/exchanges",
  requestTaskAnswer: "/submissions/:id/tasks/:taskId/answer",
  requestMessages: "/submissions/:id/messages",
  requestAttachment: "/submissions/:id/attachments/:attachmentId",
} as const;

/**
 * The upload id in an upload's address. The server answers a creation with
 * `/api/uploads/<id>/<key>`: the key lets its holder resume or cancel the upload, the id is
 * what a request names. Undefined if the address is not an upload's.
 */
export function uploadIdOfUrl(url: string): string | undefined {
  return /\/uploads\/([^/?#]+)/.exec(url)?.[1];
}
