/** A staff member's sign-in name: their work email, compared trimmed and lower-cased. */
export function normaliseStaffEmail(email: string): string | undefined {
  const normalised = email.trim().toLowerCase();
  return normalised.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normalised) ? normalised : undefined;
}
