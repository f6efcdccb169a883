/**
 * The back office's domain on each database: queues and their counts, filters, sort and pages,
 * scoping by procedure (an agent of the school grant never sees nor counts a medical-aid
 * request), status changes allowed and refused, and the audit trail written in the action's own
 * transaction (a failed action leaves no entry).
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditTrail } from "../../../src/server/processing/audit";
import { csvCell } from "../../../src/server/processing/exports";
import type { StaffActor } from "../../../src/server/staff/staff-actor";
import { createStaffAccount } from "../../support/staff-accounts";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { uploadDocumentsOf } from "./support/documents";
import { validExamples } from "./support/examples";
import { newId } from "./support/requests";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

const schoolAgent: StaffActor = {
  staffId: "agent-bs",
  sessionId: "session-bs",
  roles: ["agent"],
  procedures: ["bourse-scolaire"],
};
const medicalAgent: StaffActor = {
  staffId: "agent-am",
  sessionId: "session-am",
  roles: ["agent"],
  procedures: ["aide-medicale"],
};
const schoolSupervisor: StaffActor = {
  staffId: "supervisor-bs",
  sessionId: "session-sup",
  roles: ["supervisor"],
  procedures: ["bourse-scolaire"],
};
/** A mediator helps people fill requests in; processing them is not theirs. */
const mediator: StaffActor = {
  staffId: "mediator-1",
  sessionId: "session-med",
  roles: ["mediator"],
  procedures: ["bourse-scolaire", "aide-medicale"],
};

/** Today in Nouméa, as agents type dates. */
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Noumea" }).format(new Date());
const tomorrow = new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Noumea" }).format(
  new Date(Date.now() + 24 * 3600 * 1000),
);

describe.each(DATABASES)("the back office on %s", (database) => {
  let server: TestServer;
  let failBeforeCommit = false;
  /** Example name → request id, one request sent for each valid example of both flows. */
  const sent = new Map<string, string>();
  /** A real colleague's account: a transfer goes only to an agent of the procedure. */
  let colleague = "";
  let bulkColleague = "";

  beforeAll(async () => {
    server = await startTestServer(database, {
      processingHooks: {
        beforeCommit() {
          if (failBeforeCommit) throw new Error("the database went away");
        },
      },
    });
    colleague = (
      await createStaffAccount(server.services, {
        email: `colleague-${newId().slice(0, 8)}@province-sud.nc`,
        roles: ["agent"],
        procedures: ["bourse-scolaire"],
      })
    ).id;
    bulkColleague = (
      await createStaffAccount(server.services, {
        email: `bulk-${newId().slice(0, 8)}@province-sud.nc`,
        roles: ["agent"],
        procedures: ["bourse-scolaire"],
      })
    ).id;
    for (const example of validExamples()) {
      const uploaded = await uploadDocumentsOf(server.app, example.flowId, example.answers, { size: 2048 });
      const id = newId();
      const outcome = await server.services.requests.submit(id, {
        flowId: example.flowId,
        flowVersion: example.flowVersion,
        ...uploaded,
      });
      expect(outcome.kind).toBe("created");
      sent.set(`${example.flowId}/${example.name}`, id);
    }
  });
  afterAll(() => server.close());

  const queues = () => server.services.processing.queues;
  const actions = () => server.services.processing.actions;
  const idOf = (name: string) => sent.get(name) as string;
  const namesOf = async (request: Parameters<ReturnType<typeof queues>["page"]>[1], actor = schoolAgent) =>
    (await queues().page(actor, request))?.rows.map((row) => row.applicantName);
  const auditOf = (id: string) => server.services.processing.repository.audit(id);

  it("counts each queue of the procedure, and nothing of another procedure", async () => {
    expect(await queues().counts(schoolAgent, "bourse-scolaire")).toEqual({
      to_process: 5,
      followed_by_me: 0,
      waiting: 0,
      decided: 0,
    });
    expect(await queues().counts(medicalAgent, "aide-medicale")).toMatchObject({ to_process: 4 });
    expect(await queues().counts(schoolAgent, "aide-medicale")).toBeUndefined();
    expect(
      await queues().page(schoolAgent, { flowId: "aide-medicale", queue: "to_process" }),
    ).toBeUndefined();
    expect(await queues().counts(mediator, "bourse-scolaire")).toBeUndefined();
    const page = await queues().page(schoolAgent, { flowId: "bourse-scolaire", queue: "to_process" });
    expect(page?.total).toBe(5);
    expect(page?.rows.every((row) => row.flowId === "bourse-scolaire")).toBe(true);
  });

  it("keeps with each request the figures the queues filter on, computed as the citizen saw them", async () => {
    const page = await queues().page(schoolAgent, {
      flowId: "bourse-scolaire",
      queue: "to_process",
      filters: { text: "Léa" },
    });
    expect(page?.rows).toEqual([
      expect.objectContaining({
        applicantName: "Léa Martin",
        commune: "dumbea",
        familyQuotient: 60000,
        householdResources: 150000,
        ceiling: 72000,
        underCeiling: true,
        estimate: "likely",
        status: "received",
        assignedStaffId: null,
      }),
    ]);
  });

  it("filters by commune, family quotient, ceiling, estimate, free text and date received", async () => {
    const queue = { flowId: "bourse-scolaire", queue: "to_process" } as const;
    expect(await namesOf({ ...queue, filters: { commune: "paita" } })).toEqual([
      "Sandra Tein",
      "Sandra Tein",
    ]);
    expect(await namesOf({ ...queue, filters: { quotientMin: 60000 }, sort: "family_quotient" })).toEqual([
      "Léa Martin",
      "Paul Hnawia",
      "Marc Dupont",
    ]);
    expect(await namesOf({ ...queue, filters: { quotientMin: 56000, quotientMax: 69000 } })).toHaveLength(2);
    expect(await namesOf({ ...queue, filters: { underCeiling: false } })).toEqual(["Marc Dupont"]);
    expect(await namesOf({ ...queue, filters: { estimate: "unlikely" } })).toEqual(["Marc Dupont"]);
    expect(await namesOf({ ...queue, filters: { text: "LEA  martin" } })).toEqual(["Léa Martin"]);
    expect(await namesOf({ ...queue, filters: { text: "50%" } })).toEqual([]);
    expect(
      await namesOf(
        { flowId: "aide-medicale", queue: "to_process", filters: { text: "boene" } },
        medicalAgent,
      ),
    ).toEqual(["Aline Boéné"]);
    const paul = await queues().page(schoolAgent, { ...queue, filters: { text: "Hnawia" } });
    const reference = paul?.rows[0]?.reference as string;
    expect(await namesOf({ ...queue, filters: { text: reference.toLowerCase() } })).toEqual(["Paul Hnawia"]);
    expect(await namesOf({ ...queue, filters: { receivedFrom: today, receivedTo: today } })).toHaveLength(5);
    expect(await namesOf({ ...queue, filters: { receivedFrom: tomorrow } })).toEqual([]);
    expect(await namesOf({ ...queue, filters: { statuses: ["accepted"] } })).toEqual([]);
    // A medical-aid applicant is not found from the school grant's queue, whatever the filter.
    expect(await namesOf({ ...queue, filters: { text: "boene" } })).toEqual([]);
  });

  it("sorts and cuts the queue into pages on the server", async () => {
    const request = {
      flowId: "bourse-scolaire",
      queue: "to_process",
      sort: "family_quotient",
      pageSize: 2,
    } as const;
    const pages = await Promise.all(
      [1, 2, 3].map((page) => queues().page(schoolAgent, { ...request, page })),
    );
    expect(pages.map((page) => page?.rows.map((row) => row.familyQuotient))).toEqual([
      [55000, 55000],
      [60000, 68571],
      [100000],
    ]);
    expect(pages.map((page) => page?.total)).toEqual([5, 5, 5]);
    const descending = await queues().page(schoolAgent, { ...request, direction: "desc" });
    expect(descending?.rows.map((row) => row.familyQuotient)).toEqual([100000, 68571]);
    const huge = await queues().page(schoolAgent, { ...request, pageSize: 10_000 });
    expect(huge?.pageSize).toBe(100);
  });

  it("follows a request to a decision, each step moving it between queues and written to the audit", async () => {
    const id = idOf("bourse-scolaire/several-children");
    expect(await actions().follow(schoolAgent, id)).toEqual({ ok: true });
    expect(await queues().counts(schoolAgent, "bourse-scolaire")).toMatchObject({
      to_process: 5,
      followed_by_me: 1,
    });
    expect(await actions().changeStatus(schoolAgent, id, "start_review")).toEqual({
      ok: true,
      status: "in_review",
    });
    expect(await actions().changeStatus(schoolAgent, id, "ask_citizen", "Certificat de scolarité")).toEqual({
      ok: true,
      status: "awaiting_citizen",
    });
    expect(await queues().counts(schoolAgent, "bourse-scolaire")).toEqual({
      to_process: 4,
      followed_by_me: 1,
      waiting: 1,
      decided: 0,
    });
    // Refused moves: accepting a request that waits for its citizen, refusing without a reason.
    expect(await actions().changeStatus(schoolAgent, id, "accept")).toEqual({
      ok: false,
      problem: "not_allowed",
    });
    await server.services.requests.changeStatus(id, "citizen_answered", { actor: "citizen" });
    expect(await actions().changeStatus(schoolAgent, id, "refuse", "  ")).toEqual({
      ok: false,
      problem: "reason_required",
    });
    expect(await actions().changeStatus(schoolAgent, id, "refuse", "Quotient au-dessus du plafond")).toEqual({
      ok: true,
      status: "refused",
    });
    expect(await actions().changeStatus(schoolAgent, id, "close", "Doublon")).toEqual({
      ok: false,
      problem: "not_allowed",
    });
    expect(await queues().counts(schoolAgent, "bourse-scolaire")).toMatchObject({
      followed_by_me: 0,
      waiting: 0,
      decided: 1,
    });

    const file = await actions().read(schoolAgent, id);
    expect(file?.history.map((event) => [event.action, event.actor])).toEqual([
      ["start_review", "staff:agent-bs"],
      ["ask_citizen", "staff:agent-bs"],
      ["citizen_answered", "citizen"],
      ["refuse", "staff:agent-bs"],
    ]);
    expect(file?.answers).toMatchObject({ applicantLastName: "Hnawia" });
    // Only what was done: the refused moves left nothing.
    expect(
      (await auditOf(id)).map((entry) => [entry.action, entry.staff_id, entry.session_id, entry.detail]),
    ).toEqual([
      ["follow", "agent-bs", "session-bs", null],
      ["start_review", "agent-bs", "session-bs", null],
      ["ask_citizen", "agent-bs", "session-bs", "Certificat de scolarité"],
      ["refuse", "agent-bs", "session-bs", "Quotient au-dessus du plafond"],
      ["read", "agent-bs", "session-bs", null],
    ]);
  });

  it("treats another procedure's request as not found, and writes nothing about it", async () => {
    const id = idOf("aide-medicale/eligible-single");
    expect(await actions().read(schoolAgent, id)).toBeUndefined();
    expect(await actions().follow(schoolAgent, id)).toEqual({ ok: false, problem: "not_found" });
    expect(await actions().transfer(schoolAgent, id, "agent-bs")).toEqual({
      ok: false,
      problem: "not_found",
    });
    expect(await actions().changeStatus(schoolAgent, id, "start_review")).toEqual({
      ok: false,
      problem: "not_found",
    });
    expect(await actions().addNote(schoolAgent, id, "Vu")).toEqual({ ok: false, problem: "not_found" });
    expect(await actions().read(mediator, id)).toBeUndefined();
    expect(
      await actions().bulkAssign(schoolAgent, { flowId: "aide-medicale", queue: "to_process" }, "agent-bs"),
    ).toBeUndefined();
    expect(await auditOf(id)).toEqual([]);
    expect((await actions().read(medicalAgent, id))?.request.status).toBe("received");
  });

  it("writes an action and its audit entry together: a failed commit leaves neither", async () => {
    const id = idOf("bourse-scolaire/eligible-one-child");
    failBeforeCommit = true;
    try {
      await expect(actions().follow(schoolAgent, id)).rejects.toThrow("the database went away");
      await expect(actions().changeStatus(schoolAgent, id, "start_review")).rejects.toThrow();
      await expect(actions().addNote(schoolAgent, id, "À vérifier")).rejects.toThrow();
    } finally {
      failBeforeCommit = false;
    }
    const file = await actions().read(schoolAgent, id);
    expect(file?.request).toMatchObject({ status: "received", assignedStaffId: null });
    expect(file?.history).toEqual([]);
    expect(file?.notes).toEqual([]);
    expect((await auditOf(id)).map((entry) => entry.action)).toEqual(["read"]);
  });

  it("keeps private notes, and transfers a request to a colleague", async () => {
    const id = idOf("bourse-scolaire/apply-anyway");
    expect(await actions().addNote(schoolAgent, id, "   ")).toEqual({ ok: false, problem: "note_empty" });
    expect(await actions().addNote(schoolAgent, id, "Appeler la famille lundi")).toEqual({ ok: true });
    expect(await actions().transfer(schoolAgent, id, "agent-bs-2")).toEqual({
      ok: false,
      problem: "not_an_agent_of_procedure",
    });
    expect(await actions().transfer(schoolAgent, id, colleague)).toEqual({ ok: true });
    const file = await actions().read(schoolSupervisor, id);
    expect(file?.notes.map((note) => [note.staffId, note.text])).toEqual([
      ["agent-bs", "Appeler la famille lundi"],
    ]);
    expect(file?.request.assignedStaffId).toBe(colleague);
    expect(
      await namesOf({ flowId: "bourse-scolaire", queue: "to_process", filters: { assignee: colleague } }),
    ).toEqual(["Marc Dupont"]);
  });

  it("assigns a filtered queue in bulk, one audit entry per request", async () => {
    const result = await actions().bulkAssign(
      schoolSupervisor,
      { flowId: "bourse-scolaire", queue: "to_process", filters: { commune: "paita" } },
      bulkColleague,
    );
    expect(result).toEqual({ assigned: 2 });
    const mine = await queues().page(
      { ...schoolAgent, staffId: bulkColleague },
      { flowId: "bourse-scolaire", queue: "followed_by_me" },
    );
    expect(mine?.rows.map((row) => row.commune)).toEqual(["paita", "paita"]);
    for (const row of mine?.rows ?? [])
      expect((await auditOf(row.id)).map((e) => [e.action, e.staff_id, e.detail])).toEqual([
        ["bulk_assign", "supervisor-bs", bulkColleague],
      ]);
    expect(
      await namesOf({ flowId: "bourse-scolaire", queue: "to_process", filters: { assignee: "none" } }),
    ).toEqual(["Léa Martin"]);
  });

  it("shows a request's audit trail to a supervisor of its procedure only", async () => {
    const id = idOf("bourse-scolaire/apply-anyway");
    const trail = await auditTrail(server.services.processing.repository, schoolSupervisor, id);
    expect(trail?.map((entry) => [entry.action, entry.staffId])).toEqual([
      ["note", "agent-bs"],
      ["transfer", "agent-bs"],
      ["read", "supervisor-bs"],
    ]);
    expect(await auditTrail(server.services.processing.repository, schoolAgent, id)).toBeUndefined();
    expect(
      await auditTrail(
        server.services.processing.repository,
        { ...schoolSupervisor, procedures: ["aide-medicale"] },
        id,
      ),
    ).toBeUndefined();
  });

  it("exports the filtered queue as CSV that French Excel reads, and as XLSX with numbers and dates", async () => {
    const { exports } = server.services.processing;
    const target = {
      flowId: "bourse-scolaire",
      queue: "to_process",
      filters: { commune: "dumbea" },
    } as const;
    const csv = await exports.export(schoolAgent, target, "csv");
    expect(csv?.rows).toBe(1);
    const bytes = csv?.bytes as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(lines[0]?.split(";")).toEqual([
      "Numéro",
      "Déposée le",
      "État",
      "Demandeur",
      "Commune",
      "Quotient familial (F CFP)",
      "Ressources du foyer (F CFP)",
      "Plafond (F CFP)",
      "Sous le plafond",
      "Estimation",
      "Suivie par",
    ]);
    const [reference, day, ...rest] = lines[1]?.split(";") ?? [];
    expect(reference).toMatch(/^BS-\d{4}-\d{6}$/);
    expect(day).toBe(today.split("-").reverse().join("/"));
    expect(rest).toEqual([
      "Déposée",
      "Léa Martin",
      "dumbea",
      "60000",
      "150000",
      "72000",
      "Oui",
      "Semble éligible",
      "",
    ]);

    const xlsx = await exports.export(schoolAgent, { ...target, filters: {} }, "xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx?.bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet("Demandes");
    expect(sheet?.rowCount).toBe(1 + (xlsx?.rows ?? 0));
    const lea = sheet?.getRows(2, sheet.rowCount - 1)?.find((row) => row.getCell(4).value === "Léa Martin");
    expect(lea?.getCell(6).value).toBe(60000);
    expect(lea?.getCell(2).value).toEqual(new Date(`${today}T00:00:00Z`));
    expect(lea?.getCell(2).numFmt).toBe("dd/mm/yyyy");

    expect(await exports.export(medicalAgent, target, "csv")).toBeUndefined();
  });

  it("writes CSV figures with a decimal comma and no thousands separator", () => {
    expect(csvCell(68571.5)).toBe("68571,5");
    expect(csvCell(1250000)).toBe("1250000");
  });
});
