/**
 * How to reach the department in charge of a procedure: its phone as a link a phone dials, its
 * address and its opening hours, read from the flow. Said plainly when the department has not
 * confirmed them yet, so nobody takes a placeholder for the official word.
 */
import type { Flow, FlowContact } from "../../../shared/flow/schema";
import { useTranslation } from "../../i18n/use-translation";
import type { FlowText } from "../fields/field-props";

/** "+687 20 30 40" → "tel:+687203040": what a phone dials, without the spaces people read. */
export const telHref = (phone: string) => `tel:${phone.replace(/\s/g, "")}`;

const needsConfirming = (contact: FlowContact) =>
  contact.phone.toConfirm || contact.address.toConfirm || contact.hours.toConfirm;

export function DepartmentContact({ flow, text }: { flow: Flow; text: FlowText }) {
  const { t } = useTranslation();
  const contact = flow.contact;
  if (!contact) return null;
  return (
    <div class="department-contact">
      <p>{text(flow.department)}</p>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt>{t("departmentContact.phone")}</dt>
          <dd>
            <a href={telHref(contact.phone.value)}>{contact.phone.value}</a>
          </dd>
        </div>
        <div class="summary-list__row">
          <dt>{t("departmentContact.address")}</dt>
          <dd>{contact.address.value}</dd>
        </div>
        <div class="summary-list__row">
          <dt>{t("departmentContact.hours")}</dt>
          <dd>{text(contact.hours.value)}</dd>
        </div>
      </dl>
      {needsConfirming(contact) && <p class="notice">{t("departmentContact.toConfirm")}</p>}
    </div>
  );
}
