/**
 * The queue's filters: a GET form on /agents, so without JavaScript too the filters end in the
 * address. Read from the address (a shared link fills it in); sent, it starts again at page 1.
 */
import { REQUEST_STATUS_NAMES } from "../../shared/api/account-requests";
import type { ColleaguesView } from "../../shared/api/agents";
import { t } from "../i18n/staff-i18n";
import { staffPaths } from "../routing/staff-routes";
import { AddressLink } from "./address-link";
import type { QueueAddress } from "./queue-address";

interface Props {
  readonly address: QueueAddress;
  /** The procedures the agent processes, with their titles. */
  readonly procedures: readonly { readonly id: string; readonly title: string }[];
  readonly procedure: string;
  /** The signed-in agent's id: "followed by me" as a filter of any queue. */
  readonly myId: string;
  /** The procedure's agents: "followed by" any of them. */
  readonly colleagues: ColleaguesView;
  readonly go: (href: string) => void;
}

export function QueueFilters({ address, procedures, procedure, myId, colleagues, go }: Props) {
  const value = (key: string) => address.values.get(key) ?? "";
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const search = new URLSearchParams();
    for (const [key, entry] of new FormData(event.currentTarget as HTMLFormElement))
      if (typeof entry === "string" && entry.trim() !== "") search.set(key, entry.trim());
    const text = search.toString();
    go(`${staffPaths.agents}${text ? `?${text}` : ""}`);
  };
  // Keyed by the address: back/forward and the tabs fill the form in again.
  return (
    <form
      key={address.values.toString()}
      class="agents-filters"
      method="get"
      action={staffPaths.agents}
      onSubmit={onSubmit}
      aria-labelledby="agents-filters-title"
    >
      <h2 id="agents-filters-title">{t("agents.filters.title")}</h2>
      <input type="hidden" name="queue" value={address.queue} />
      {value("sort") && <input type="hidden" name="sort" value={value("sort")} />}
      {value("direction") && <input type="hidden" name="direction" value={value("direction")} />}
      <div class="agents-filters__fields">
        {procedures.length > 1 && (
          <p>
            <label for="filter-procedure">{t("agents.filters.procedure")}</label>
            <select id="filter-procedure" name="procedure" value={procedure}>
              {procedures.map(({ id, title }) => (
                <option key={id} value={id}>
                  {title}
                </option>
              ))}
            </select>
          </p>
        )}
        <p>
          <label for="filter-q">{t("agents.filters.q")}</label>
          <input id="filter-q" name="q" type="search" value={value("q")} maxLength={100} />
        </p>
        <p>
          <label for="filter-status">{t("agents.filters.status")}</label>
          <select id="filter-status" name="status" value={value("status")}>
            <option value="">{t("agents.filters.any")}</option>
            {REQUEST_STATUS_NAMES.map((status) => (
              <option key={status} value={status}>
                {t(`agents.status.${status}`)}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="filter-from">{t("agents.filters.from")}</label>
          <input id="filter-from" name="from" type="date" value={value("from")} />
        </p>
        <p>
          <label for="filter-to">{t("agents.filters.to")}</label>
          <input id="filter-to" name="to" type="date" value={value("to")} />
        </p>
        <p>
          <label for="filter-commune">{t("agents.filters.commune")}</label>
          <input id="filter-commune" name="commune" type="text" value={value("commune")} maxLength={64} />
        </p>
        <p>
          <label for="filter-assignee">{t("agents.filters.assignee")}</label>
          <select id="filter-assignee" name="assignee" value={value("assignee")}>
            <option value="">{t("agents.filters.anyone")}</option>
            <option value={myId}>{t("agents.assignee.me")}</option>
            <option value="none">{t("agents.assignee.nobody")}</option>
            {colleagues
              .filter((colleague) => colleague.id !== myId)
              .map((colleague) => (
                <option key={colleague.id} value={colleague.id}>
                  {colleague.name}
                </option>
              ))}
          </select>
        </p>
        <p>
          <label for="filter-ceiling">{t("agents.filters.underCeiling")}</label>
          <select id="filter-ceiling" name="underCeiling" value={value("underCeiling")}>
            <option value="">{t("agents.filters.any")}</option>
            <option value="yes">{t("agents.filters.ceilingYes")}</option>
            <option value="no">{t("agents.filters.ceilingNo")}</option>
          </select>
        </p>
        <p>
          <label for="filter-estimate">{t("agents.filters.estimate")}</label>
          <select id="filter-estimate" name="estimate" value={value("estimate")}>
            <option value="">{t("agents.filters.any")}</option>
            <option value="likely">{t("agents.estimate.likely")}</option>
            <option value="unlikely">{t("agents.estimate.unlikely")}</option>
          </select>
        </p>
      </div>
      <p class="agents-filters__buttons">
        <button type="submit" class="button">
          {t("agents.filters.apply")}
        </button>
        <AddressLink href={`${staffPaths.agents}?queue=${address.queue}`} go={go}>
          {t("agents.filters.clear")}
        </AddressLink>
      </p>
    </form>
  );
}
