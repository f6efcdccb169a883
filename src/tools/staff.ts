/**
 * `npm run staff -- <command>`: the province's staff accounts, on the database the server uses
 * (the same DATA_DIR and DATABASE_URL). Accounts are always made here, with their roles: the staff
 * directory (STAFF_OIDC_*), when configured, only says who signs in (src/server/staff/staff-directory.ts).
 *   add --email a@province-sud.nc --name "Prénom Nom" --roles agent,supervisor [--procedures bourse-scolaire]
 *       the password is STAFF_PASSWORD if set, else a new one printed once; TOTP is set up at first sign-in
 *   list
 *   disable --email …          (its sessions end now)   enable --email …
 *   set-roles --email … --roles … [--procedures …]
 *   end-sessions --email …
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { ConfigError, readConfig } from "../server/config";
import { openDatabase } from "../server/db/connect";
import { openStaffServices, type StaffServices } from "../server/staff/staff-services";

const USAGE =
  "Usage: npm run staff -- add --email <email> --name <name> --roles <role,…> [--procedures <flow-id,…>]\n" +
  "       npm run staff -- list | disable | enable | set-roles | end-sessions --email <email> [--roles …] [--procedures …]\n" +
  "Roles: mediator, agent, supervisor, administrator.";

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");

/** 16 random bytes as base64url: 22 characters, never a common password. */
const newPassword = () => randomBytes(16).toString("base64url");

async function run(staff: StaffServices, command: string, args: Record<string, string | undefined>) {
  const accountOf = async () => {
    const account = args.email ? await staff.accounts.find(args.email) : undefined;
    if (!account) throw new UsageError(args.email ? `No staff account has the email ${args.email}.` : USAGE);
    return account;
  };
  switch (command) {
    case "add": {
      if (!args.email || !args.name || !args.roles) throw new UsageError(USAGE);
      const given = process.env.STAFF_PASSWORD;
      const password = given || newPassword();
      const added = await staff.accounts.add({
        email: args.email,
        name: args.name,
        password,
        roles: list(args.roles),
        procedures: list(args.procedures),
      });
      if (!added.ok) throw new UsageError(PROBLEMS[added.problem]);
      console.log(`Staff account made for ${args.email}.`);
      if (!given) console.log(`Password (shown once, give it in person): ${password}`);
      console.log("The second factor (TOTP) is set up at the first sign-in.");
      return;
    }
    case "list": {
      for (const a of await staff.accounts.list())
        console.log(
          [
            a.email,
            a.name,
            a.roles.join(","),
            a.procedures.join(",") || "-",
            a.disabled ? "disabled" : "active",
            a.totpSetUp ? "totp" : "no totp yet",
            `${a.openSessions} session(s)`,
          ].join("\t"),
        );
      return;
    }
    case "disable":
      await staff.accounts.disable((await accountOf()).id);
      console.log(`${args.email} is disabled; its sessions have ended.`);
      return;
    case "enable":
      await staff.accounts.enable((await accountOf()).id);
      console.log(`${args.email} may sign in again.`);
      return;
    case "set-roles": {
      if (!args.roles) throw new UsageError(USAGE);
      const account = await accountOf();
      const procedures =
        args.procedures === undefined ? JSON.parse(account.procedures) : list(args.procedures);
      const set = await staff.accounts.setRoles(account.id, list(args.roles), procedures);
      if (!set.ok) throw new UsageError(set.problem === "not_found" ? USAGE : PROBLEMS[set.problem]);
      console.log(`${args.email}: roles ${list(args.roles).join(", ")}.`);
      return;
    }
    case "end-sessions": {
      const ended = await staff.accounts.endSessions((await accountOf()).id);
      console.log(`${args.email}: ${ended ?? 0} session(s) ended.`);
      return;
    }
    default:
      throw new UsageError(USAGE);
  }
}

const PROBLEMS = {
  invalid_email: "The email is not a valid address.",
  invalid_name: "The name must be 1 to 200 characters.",
  email_taken: "A staff account already has this email.",
  unknown_role: "Roles must be among mediator, agent, supervisor, administrator.",
  no_role: "Give at least one role.",
  invalid_procedure: "Procedures are flow ids, like bourse-scolaire.",
  too_short: "The password must have at least 8 characters.",
  too_long: "The password must have at most 128 characters.",
  common: "This password is one of the most common ones: choose another (a few words make a good one).",
} as const;

class UsageError extends Error {}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      roles: { type: "string" },
      procedures: { type: "string" },
    },
  });
  const config = readConfig(process.env);
  const database = await openDatabase(config.database);
  try {
    await run(openStaffServices(database.db, config.staff), positionals[0] ?? "", values);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
});
