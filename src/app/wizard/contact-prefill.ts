/**
 * A new draft starts with the ways to be reached the account already knows: the email or +687
 * mobile the person signs in with, or the email NC Connect gives. They sit in the contact
 * question like any answer — seen there, changed or removed there. The flow's contact question
 * uses fixed ids (flows/README.md): `contactBy` (options phone, email), `contactPhone`,
 * `contactEmail`; a flow without them is given nothing.
 */
import type { Account } from "../../shared/api/account";
import type { Answers } from "../../shared/engine/answers";
import type { Field, Flow } from "../../shared/flow/schema";
import { fetchAccount } from "../sync/account-api";
import { isSignedInHint } from "../sync/signed-in-hint";

/** Starting waits this long at most for the account: the first question matters more. */
const ACCOUNT_WAIT_MS = 1500;

interface Reachable {
  readonly email?: string;
  readonly phone?: string;
}

function reachableAt(signIn: Account["signIn"]): Reachable {
  if (signIn.method === "nc-connect") return signIn.email ? { email: signIn.email } : {};
  if (signIn.channel === "email") return { email: signIn.address };
  // Kept as +687 and six digits; written as people read it: "+687 71 23 45".
  const digits = signIn.address.replace(/^\+687/, "");
  return /^\d{6}$/.test(digits) ? { phone: `+687 ${digits.replace(/(\d{2})(?=\d)/g, "$1 ")}` } : {};
}

function topLevelField(flow: Flow, id: string): Field | undefined {
  for (const step of flow.steps)
    if (step.type === "questions") for (const field of step.fields) if (field.id === id) return field;
  return undefined;
}

/** The contact answers an account gives this flow; none when the flow asks no such question. */
export function contactPrefill(flow: Flow, signIn: Account["signIn"]): Answers {
  const by = topLevelField(flow, "contactBy");
  if (by?.type !== "choices") return {};
  const offered = new Set(by.options.map((option) => option.value));
  const { email, phone } = reachableAt(signIn);
  const answers: Answers = {};
  const chosen: string[] = [];
  if (phone && offered.has("phone") && topLevelField(flow, "contactPhone")?.type === "phone") {
    chosen.push("phone");
    answers.contactPhone = phone;
  }
  if (email && offered.has("email") && topLevelField(flow, "contactEmail")?.type === "email") {
    chosen.push("email");
    answers.contactEmail = email;
  }
  return chosen.length > 0 ? { contactBy: chosen, ...answers } : {};
}

/** For a new draft: nothing when signed out, offline, or when the account is slow to answer. */
export async function accountContactPrefill(flow: Flow): Promise<Answers> {
  if (!isSignedInHint()) return {};
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ACCOUNT_WAIT_MS));
  const account = await Promise.race([fetchAccount().catch(() => undefined), timeout]);
  return account ? contactPrefill(flow, account.signIn) : {};
}
