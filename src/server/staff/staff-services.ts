/** The staff domain, opened on the server's database (services.ts) or by the `npm run staff` command. */
import { StaffRepository } from "../db/staff-repository";
import type { Db } from "../db/tables";
import { StaffAccounts } from "./staff-accounts";
import type { StaffRules } from "./staff-rules";
import { StaffSessions } from "./staff-sessions";
import { StaffSignIn } from "./staff-sign-in";

export interface StaffServices {
  readonly rules: StaffRules;
  readonly accounts: StaffAccounts;
  readonly sessions: StaffSessions;
  readonly signIn: StaffSignIn;
}

export function openStaffServices(
  db: Db,
  rules: StaffRules,
  now: () => Date = () => new Date(),
): StaffServices {
  const repository = new StaffRepository(db);
  const sessions = new StaffSessions(repository, rules, now);
  return {
    rules,
    sessions,
    accounts: new StaffAccounts(repository, sessions, now),
    signIn: new StaffSignIn(repository, sessions, now),
  };
}
