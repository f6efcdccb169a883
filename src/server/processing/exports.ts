/**
 * A filtered queue as a file an agent opens in a spreadsheet: CSV as French Excel reads it
 * (UTF-8 with a BOM, semicolons, decimal comma, dd/mm/yyyy) and XLSX with real numbers and
 * dates. Scoped like the queue itself: outside the staff member's procedures there is no file.
 */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { ProcessingRepository, QueueRow } from "../db/processing-repository";
import type { FrenchTexts } from "../flows/french-texts";
import type { StaffActor } from "../staff/staff-actor";
import { type QueueFilters, type QueueName, queueQuery } from "./queues";

export type ExportFormat = "csv" | "xlsx";

/** The most rows one export holds: a campaign's queue, not the whole database. */
export const EXPORT_LIMIT = 20_000;
const READ_PAGE = 2_000;

const COLUMNS = [
  "reference",
  "receivedAt",
  "status",
  "applicant",
  "commune",
  "familyQuotient",
  "householdResources",
  "ceiling",
  "underCeiling",
  "estimate",
  "assignedTo",
] as const;

type Cell = string | number | Date | null;

export interface ExportTarget {
  readonly flowId: string;
  readonly queue: QueueName;
  readonly filters?: QueueFilters;
}

export class ProcessingExports {
  constructor(
    private readonly repository: ProcessingRepository,
    private readonly texts: FrenchTexts,
  ) {}

  /** The file's bytes and its number of requests; undefined outside the actor's procedures. */
  async export(
    actor: StaffActor,
    target: ExportTarget,
    format: ExportFormat,
  ): Promise<{ readonly bytes: Buffer; readonly rows: number } | undefined> {
    const query = queueQuery(actor, target.flowId, target.queue, target.filters ?? {});
    if (!query) return undefined;
    const rows: QueueRow[] = [];
    while (rows.length < EXPORT_LIMIT) {
      const { rows: page } = await this.repository.page(query, {
        sort: "received_at",
        direction: "asc",
        offset: rows.length,
        limit: Math.min(READ_PAGE, EXPORT_LIMIT - rows.length),
      });
      rows.push(...page);
      if (page.length < READ_PAGE) break;
    }
    const header = COLUMNS.map((column) => this.text(`exports.columns.${column}`));
    const cells = rows.map((row) => this.cells(row));
    const bytes =
      format === "csv" ? csvOf(header, cells) : await xlsxOf(this.text("exports.sheet"), header, cells);
    return { bytes, rows: rows.length };
  }

  private cells(row: QueueRow): Cell[] {
    return [
      row.reference,
      new Date(row.receivedAt),
      this.text(`statuses.${row.status}`),
      row.applicantName,
      row.commune,
      row.familyQuotient,
      row.householdResources,
      row.ceiling,
      row.underCeiling === null ? null : this.text(row.underCeiling ? "exports.yes" : "exports.no"),
      row.estimate === null ? null : this.text(`estimates.${row.estimate}`),
      row.assignedStaffId,
    ];
  }

  private text(key: string): string {
    return this.texts.text(key, "agents") ?? key;
  }
}

const NOUMEA_DAY = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Pacific/Noumea",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

function csvOf(header: readonly string[], rows: readonly Cell[][]): Buffer {
  const text = stringify([header, ...rows.map((row) => row.map(csvCell))], {
    bom: true,
    delimiter: ";",
    record_delimiter: "windows",
  });
  return Buffer.from(text, "utf8");
}

/** No thousands separator (Excel would read it as text), a comma before decimals. */
export function csvCell(cell: Cell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return NOUMEA_DAY.format(cell);
  if (typeof cell === "number") return String(cell).replace(".", ",");
  return cell;
}

async function xlsxOf(
  sheetName: string,
  header: readonly string[],
  rows: readonly Cell[][],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow([...header]).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((cell) => (cell instanceof Date ? noumeaDate(cell) : cell)));
  sheet.getColumn(2).numFmt = "dd/mm/yyyy";
  for (const column of [6, 7, 8]) sheet.getColumn(column).numFmt = "# ##0";
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A spreadsheet date has no time zone: the day it was in Nouméa, at midnight UTC. */
function noumeaDate(date: Date): Date {
  const [day, month, year] = NOUMEA_DAY.format(date).split("/").map(Number);
  return new Date(Date.UTC(year as number, (month as number) - 1, day as number));
}
