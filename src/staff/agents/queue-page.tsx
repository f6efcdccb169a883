/**
 * /agents: the queues of the procedures the agent processes — to process, followed by me,
 * waiting for the citizen, decided — each with its count; the filtered, sorted page of requests
 * from the server; the filtered queue assigned in bulk, or as CSV or XLSX. Everything but the procedure's queue is
 * in the address (queue-address.ts).
 */
import { useEffect, useState } from "preact/hooks";
import { QUEUE_NAMES, type QueuePageView } from "../../shared/api/agents";
import type { StaffMe } from "../../shared/api/staff";
import { agentQueue, agentQueueExportPath, type StaffProblem } from "../api/staff-api";
import { t } from "../i18n/staff-i18n";
import { usePageTitle } from "../layout/staff-layout";
import { TableScroll } from "../layout/table-scroll";
import { AddressLink } from "./address-link";
import { useColleagues } from "./colleagues";
import {
  apiSearchOf,
  type QueueAddress,
  queueHref,
  readQueueAddress,
  useAddressSearch,
} from "./queue-address";
import { QueueBulkAssign } from "./queue-bulk-assign";
import { QueueFilters } from "./queue-filters";
import { QueueTable } from "./queue-table";

import "./agents.css";

export function QueuePage({ me }: { me: StaffMe }) {
  const [search, go] = useAddressSearch();
  const address = readQueueAddress(search);
  const procedure =
    address.procedure && me.procedures.includes(address.procedure) ? address.procedure : me.procedures[0];
  const apiSearch = apiSearchOf(address);
  const [page, setPage] = useState<QueuePageView>();
  const [problem, setProblem] = useState<StaffProblem>();
  const [reloads, setReloads] = useState(0);
  const colleagues = useColleagues(procedure);
  usePageTitle(t(`agents.queues.${address.queue}`));

  useEffect(() => {
    if (!procedure) return;
    let current = true;
    setProblem(undefined);
    void agentQueue(procedure, address.queue, apiSearch).then((answer) => {
      if (!current) return;
      if (answer.ok) setPage(answer.value);
      else setProblem(answer.problem);
    });
    return () => {
      current = false;
    };
  }, [procedure, address.queue, apiSearch, reloads]);

  /** A procedure's title as the server gave it; its id only until the first page arrives. */
  const titleOf = (id: string) => page?.procedures.find((p) => p.id === id)?.title ?? id;

  if (!procedure)
    return (
      <>
        <h1>{t("agents.title")}</h1>
        <p>{t("agents.noProcedure")}</p>
      </>
    );

  return (
    <>
      <h1>{t("agents.title")}</h1>
      <p class="agents-flow">{titleOf(procedure)}</p>
      <QueueTabs address={address} counts={page?.counts} go={go} />
      <QueueFilters
        address={address}
        procedures={me.procedures.map((id) => ({ id, title: titleOf(id) }))}
        procedure={procedure}
        myId={me.id}
        colleagues={colleagues}
        go={go}
      />
      {problem && (
        <p class="notice notice--error" role="alert">
          {problem === "network"
            ? t("errors.network")
            : problem === "invalid_body"
              ? t("agents.badFilter")
              : t("errors.unexpected")}
        </p>
      )}
      <section class="agents-results" aria-labelledby="agents-results-title">
        <h2 id="agents-results-title">{t(`agents.queues.${address.queue}`)}</h2>
        <p role="status">{page ? t("agents.found", { count: page.total }) : t("loading")}</p>
        {page && page.rows.length > 0 && (
          <>
            <TableScroll label={t("agents.table.caption")}>
              <QueueTable page={page} me={me} colleagues={colleagues} address={address} go={go} />
            </TableScroll>
            <Pages page={page} address={address} go={go} />
          </>
        )}
        {page && (
          <QueueBulkAssign
            key={`${procedure}?${apiSearch}`}
            procedure={procedure}
            queue={address.queue}
            apiSearch={apiSearch}
            total={page.total}
            me={me}
            colleagues={colleagues}
            onAssigned={() => setReloads((n) => n + 1)}
          />
        )}
        <p class="agents-exports">
          {t("agents.export")}{" "}
          <a href={agentQueueExportPath(procedure, address.queue, apiSearch, "csv")} download>
            {t("agents.exportCsv")}
          </a>{" "}
          <a href={agentQueueExportPath(procedure, address.queue, apiSearch, "xlsx")} download>
            {t("agents.exportXlsx")}
          </a>
        </p>
      </section>
    </>
  );
}

function QueueTabs({
  address,
  counts,
  go,
}: {
  address: QueueAddress;
  counts: QueuePageView["counts"] | undefined;
  go: (href: string) => void;
}) {
  return (
    <nav class="agents-tabs" aria-label={t("agents.queues.label")}>
      <ul>
        {QUEUE_NAMES.map((queue) => (
          <li key={queue}>
            <AddressLink
              href={queueHref(address, { queue, page: undefined })}
              go={go}
              aria-current={queue === address.queue ? "page" : undefined}
            >
              {t(`agents.queues.${queue}`)}{" "}
              <span class="agents-tabs__count">
                {counts ? t("agents.count", { count: counts[queue] }) : ""}
              </span>
            </AddressLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Pages({
  page,
  address,
  go,
}: {
  page: QueuePageView;
  address: QueueAddress;
  go: (href: string) => void;
}) {
  const last = Math.max(1, Math.ceil(page.total / page.pageSize));
  if (last === 1) return null;
  return (
    <nav class="agents-pages" aria-label={t("agents.pages.label")}>
      {page.page > 1 && (
        <AddressLink href={queueHref(address, { page: String(page.page - 1) })} go={go}>
          {t("agents.pages.previous")}
        </AddressLink>
      )}
      <span>{t("agents.pages.position", { page: page.page, last })}</span>
      {page.page < last && (
        <AddressLink href={queueHref(address, { page: String(page.page + 1) })} go={go}>
          {t("agents.pages.next")}
        </AddressLink>
      )}
    </nav>
  );
}
