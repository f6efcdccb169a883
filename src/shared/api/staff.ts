/** The staff sign-in's bodies and answers, shared by the staff pages and the server. */
import * as v from "valibot";
import { STAFF_ROLES } from "../staff-roles";

export const StaffPasswordSchema = v.object({
  email: v.pipe(v.string(), v.maxLength(254)),
  // Longer than the longest password allowed, so a too-long one is "wrong", not malformed.
  password: v.pipe(v.string(), v.maxLength(1024)),
});

export const StaffCodeSchema = v.object({ code: v.pipe(v.string(), v.maxLength(16)) });

/** After the password: set TOTP up (first sign-in) or type its code. */
export type StaffPasswordAnswer =
  | { readonly next: "totp-setup"; readonly otpauthUrl: string; readonly qrSvg: string }
  | { readonly next: "totp" };

export const StaffPasswordAnswerSchema = v.variant("next", [
  v.object({ next: v.literal("totp-setup"), otpauthUrl: v.string(), qrSvg: v.string() }),
  v.object({ next: v.literal("totp") }),
]);

/** Whether the province's staff directory (STAFF_OIDC_*) is offered besides the password. */
export const StaffSignInOptionsSchema = v.object({ directory: v.boolean() });

/** Signing out of a session opened through the directory: its own logout address, to end it too. */
export const StaffSignOutAnswerSchema = v.object({ endSessionUrl: v.optional(v.string()) });

export const StaffMeSchema = v.object({
  id: v.string(),
  email: v.string(),
  name: v.string(),
  roles: v.array(v.picklist(STAFF_ROLES)),
  procedures: v.array(v.string()),
  /** When the session ends if unused, so the page can warn before. */
  idleMinutes: v.number(),
});

export type StaffMe = v.InferOutput<typeof StaffMeSchema>;

/** What an administrator sees of each staff account (never a password or a TOTP secret). */
export const StaffAccountsSchema = v.object({
  accounts: v.array(
    v.object({
      id: v.string(),
      email: v.string(),
      name: v.string(),
      roles: v.array(v.picklist(STAFF_ROLES)),
      disabled: v.boolean(),
      totpSetUp: v.boolean(),
      openSessions: v.number(),
    }),
  ),
});

export type StaffAccountsList = v.InferOutput<typeof StaffAccountsSchema>["accounts"];
