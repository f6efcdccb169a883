/**
 * /api/account/…: signing in (a code by email or SMS, or OpenID Connect through NC Connect),
 * the account page and its sessions. One definition for the browser's sync module and the server.
 */
import * as v from "valibot";

/** Long enough for any real email address (RFC 5321 caps them at 254). */
export const ADDRESS_MAX_LENGTH = 254;
export const SIGN_IN_CODE = /^\d{6}$/;
export const CODE_LANGUAGES = ["fr", "en"] as const;

export const SignInOptionsSchema = v.object({
  /** NC Connect's button is shown only when the server is configured for it. */
  ncConnect: v.boolean(),
});
export type SignInOptions = v.InferOutput<typeof SignInOptionsSchema>;

export const CodeRequestSchema = v.object({
  address: v.pipe(v.string(), v.maxLength(ADDRESS_MAX_LENGTH)),
  language: v.optional(v.picklist(CODE_LANGUAGES)),
});
export type CodeRequest = v.InferOutput<typeof CodeRequestSchema>;

/** The same answer whether or not an account exists for the address. */
export const CodeSentSchema = v.object({
  attemptId: v.string(),
  channel: v.picklist(["email", "sms"]),
  expiresAt: v.string(),
});
export type CodeSent = v.InferOutput<typeof CodeSentSchema>;

export const CodeCheckSchema = v.object({
  attemptId: v.pipe(v.string(), v.maxLength(64)),
  code: v.pipe(v.string(), v.trim(), v.regex(SIGN_IN_CODE)),
});
export type CodeCheck = v.InferOutput<typeof CodeCheckSchema>;

export const SignInMethodSchema = v.variant("method", [
  v.object({ method: v.literal("code"), channel: v.picklist(["email", "sms"]), address: v.string() }),
  v.object({
    method: v.literal("nc-connect"),
    givenName: v.optional(v.string()),
    familyName: v.optional(v.string()),
    email: v.optional(v.string()),
  }),
]);

export const AccountSchema = v.object({
  id: v.string(),
  createdAt: v.string(),
  signIn: SignInMethodSchema,
});
export type Account = v.InferOutput<typeof AccountSchema>;

export const SessionSchema = v.object({
  id: v.string(),
  /** "Chrome sur Android": a summary, not the whole User-Agent. */
  device: v.string(),
  createdAt: v.string(),
  lastSeenAt: v.string(),
  /** The session of the device asking. */
  current: v.boolean(),
});
export type AccountSession = v.InferOutput<typeof SessionSchema>;

export const SessionsSchema = v.object({ sessions: v.array(SessionSchema) });

/** After signing out: where to send the browser so NC Connect ends its session too. */
export const SignedOutSchema = v.object({ endSessionUrl: v.optional(v.string()) });
export type SignedOut = v.InferOutput<typeof SignedOutSchema>;
