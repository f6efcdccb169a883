/** The staff domain, opened on the server's database (services.ts) or by the `npm run staff` command. */
import { OidcSignIn } from "../accounts/oidc-sign-in";
import { StaffRepository } from "../db/staff-repository";
import type { Db } from "../db/tables";
import { StaffAccounts } from "./staff-accounts";
import { StaffDirectory } from "./staff-directory";
import type { StaffRules } from "./staff-rules";
import { StaffSessions } from "./staff-sessions";
import { StaffSignIn } from "./staff-sign-in";

export interface StaffServices {
  readonly rules: StaffRules;
  readonly accounts: StaffAccounts;
  readonly sessions: StaffSessions;
  readonly signIn: StaffSignIn;
  /** Undefined unless STAFF_OIDC_* name the staff directory. */
  readonly directory: StaffDirectory | undefined;
}

export function openStaffServices(
  db: Db,
  rules: StaffRules,
  now: () => Date = () => new Date(),
  /** Tests only: their directory runs on http://127.0.0.1. */
  allowInsecureDirectory = false,
): StaffServices {
  const repository = new StaffRepository(db);
  const sessions = new StaffSessions(repository, rules, now);
  return {
    directory:
      rules.directory &&
      new StaffDirectory(
        new OidcSignIn(db, rules.directory, now, allowInsecureDirectory),
        repository,
        sessions,
      ),
    rules,
    sessions,
    accounts: new StaffAccounts(repository, sessions, now),
    signIn: new StaffSignIn(repository, sessions, now),
  };
}
