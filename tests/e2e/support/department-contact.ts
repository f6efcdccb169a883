/** The department's contact as a page shows it: its phone a link a phone dials, its address, its hours. */
import { expect, type Locator, type Page } from "@playwright/test";
import type { Flow } from "../../../src/shared/flow/schema";
import { localeText } from "../../support/flow-texts";

export async function expectDepartmentContact(page: Page | Locator, flow: Flow): Promise<void> {
  const contact = flow.contact;
  if (!contact) throw new Error(`${flow.id} says nothing of its department's contact`);
  const phone = page.getByRole("link", { name: contact.phone.value, exact: true });
  await expect(phone).toBeVisible();
  await expect(phone).toHaveAttribute("href", `tel:${contact.phone.value.replaceAll(" ", "")}`);
  await expect(page.getByText(contact.address.value, { exact: true })).toBeVisible();
  await expect(page.getByText(localeText("fr", contact.hours.value, flow.id), { exact: true })).toBeVisible();
}
