/** The queue's page of requests; the reference and the date sort it (server side), from the address. */
import { Link } from "../../app/routing/link";
import type { ColleaguesView, QueuePageView } from "../../shared/api/agents";
import type { StaffMe } from "../../shared/api/staff";
import { t } from "../i18n/staff-i18n";
import { staffPaths } from "../routing/staff-routes";
import { AddressLink } from "./address-link";
import { assigneeName } from "./colleagues";
import { formatDay } from "./formats";
import { type QueueAddress, queueHref } from "./queue-address";

interface Props {
  readonly page: QueuePageView;
  readonly me: StaffMe;
  readonly colleagues: ColleaguesView;
  readonly address: QueueAddress;
  readonly go: (href: string) => void;
}

export function QueueTable({ page, me, colleagues, address, go }: Props) {
  const sortable = (sort: "reference" | "received_at", label: string) => {
    const sorted = address.values.get("sort") === sort;
    const descending = sorted && address.values.get("direction") === "desc";
    return (
      <th scope="col" aria-sort={sorted ? (descending ? "descending" : "ascending") : undefined}>
        <AddressLink
          href={queueHref(address, {
            sort,
            direction: sorted && !descending ? "desc" : "asc",
            page: undefined,
          })}
          go={go}
        >
          {label}
          <span class="visually-hidden">
            {" "}
            {sorted && !descending ? t("agents.table.sortDescending") : t("agents.table.sortAscending")}
          </span>
        </AddressLink>
      </th>
    );
  };
  return (
    <table class="staff-table agents-table">
      <caption class="visually-hidden">{t("agents.table.caption")}</caption>
      <thead>
        <tr>
          {sortable("reference", t("agents.table.reference"))}
          <th scope="col">{t("agents.table.name")}</th>
          {sortable("received_at", t("agents.table.received"))}
          <th scope="col">{t("agents.table.commune")}</th>
          <th scope="col">{t("agents.table.status")}</th>
          <th scope="col">{t("agents.table.assignee")}</th>
        </tr>
      </thead>
      <tbody>
        {page.rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">
              <Link href={staffPaths.agentRequest(row.id)}>{row.reference}</Link>
            </th>
            <td>{row.applicantName ?? t("agents.unknown")}</td>
            <td>{formatDay(row.receivedAt)}</td>
            <td>{row.commune ?? t("agents.unknown")}</td>
            <td>{t(`agents.status.${row.status}`)}</td>
            <td>{assigneeName(row.assignedStaffId, me, colleagues)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
