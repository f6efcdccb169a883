/**
 * /mediation/statistiques: for each procedure and step, help calls, visits, median time and
 * stops — anonymous, aggregated by the server — the steps where people need help most first, so
 * the department knows which help texts to improve.
 */
import { useEffect, useState } from "preact/hooks";
import type { Statistics } from "../../shared/api/posts";
import { type StaffProblem, statistics } from "../api/staff-api";
import { i18n, t } from "../i18n/staff-i18n";
import { usePageTitle } from "../layout/staff-layout";
import { TableScroll } from "../layout/table-scroll";

type Row = Statistics["steps"][number];

/** Most help calls first, then most stops: where the help texts need work. */
const byNeed = (a: Row, b: Row) => b.helpCalls - a.helpCalls || b.stops - a.stops || b.visits - a.visits;

function duration(seconds: number): string {
  const rounded = Math.round(seconds);
  const minutes = Math.floor(rounded / 60);
  return minutes === 0
    ? t("statistics.seconds", { seconds: rounded })
    : t("statistics.minutes", { minutes, seconds: rounded % 60 });
}

export function StatisticsPage() {
  const [rows, setRows] = useState<Row[]>();
  const [problem, setProblem] = useState<StaffProblem>();
  usePageTitle(t("statistics.title"));

  useEffect(() => {
    void statistics().then((answer) => {
      if (answer.ok) setRows([...answer.value.steps].sort(byNeed));
      else setProblem(answer.problem);
    });
  }, []);

  const number = new Intl.NumberFormat(i18n.language);
  return (
    <>
      <h1>{t("statistics.title")}</h1>
      <p>{t("statistics.intro")}</p>
      {problem && (
        <p class="notice notice--error" role="alert">
          {problem === "network" ? t("errors.network") : t("errors.unexpected")}
        </p>
      )}
      {rows === undefined ? (
        !problem && <p>{t("loading")}</p>
      ) : rows.length === 0 ? (
        <p>{t("statistics.empty")}</p>
      ) : (
        <TableScroll label={t("statistics.caption")}>
          <table class="staff-table">
            <caption class="visually-hidden">{t("statistics.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("statistics.procedure")}</th>
                <th scope="col">{t("statistics.step")}</th>
                <th scope="col">{t("statistics.helpCalls")}</th>
                <th scope="col">{t("statistics.visits")}</th>
                <th scope="col">{t("statistics.median")}</th>
                <th scope="col">{t("statistics.stops")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.procedure}/${row.step}`}>
                  <td>{row.procedure}</td>
                  <th scope="row">{row.step}</th>
                  <td class="staff-table__number">{number.format(row.helpCalls)}</td>
                  <td class="staff-table__number">{number.format(row.visits)}</td>
                  <td class="staff-table__number">{duration(row.medianSeconds)}</td>
                  <td class="staff-table__number">{number.format(row.stops)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
