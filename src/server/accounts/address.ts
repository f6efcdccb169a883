/**
 * Where a sign-in code goes: an email address (lower-cased) or a New Caledonia mobile number,
 * written +687 and 6 digits. Mobiles there start with 7, 8 or 9; people write them with spaces,
 * dots or dashes, with or without +687 / 00687.
 */
export type CodeAddress =
  | { readonly channel: "email"; readonly value: string }
  | { readonly channel: "sms"; readonly value: string };

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]{2,}$/;
const NC_MOBILE = /^(?:\+687|00687)?([789]\d{5})$/;

export function normaliseAddress(input: string): CodeAddress | undefined {
  const text = input.trim();
  if (text.includes("@")) {
    const email = text.toLowerCase();
    return email.length <= 254 && EMAIL.test(email) ? { channel: "email", value: email } : undefined;
  }
  const digits = text.replace(/[\s.\-()]/g, "");
  const mobile = NC_MOBILE.exec(digits)?.[1];
  return mobile ? { channel: "sms", value: `+687${mobile}` } : undefined;
}

export const channelOf = (address: string): CodeAddress["channel"] =>
  address.startsWith("+687") ? "sms" : "email";

/** "j•••@gmail.com", "+687 7••••2": for the audit log, never the whole address. */
export function addressHint(address: string): string {
  if (channelOf(address) === "sms") return `+687 ${address.slice(4, 5)}••••${address.slice(-1)}`;
  const [local = "", domain = ""] = address.split("@");
  return `${local.slice(0, 1)}•••@${domain}`;
}
