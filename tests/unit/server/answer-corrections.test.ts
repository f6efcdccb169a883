/**
 * Corrections of the answers themselves (issue 11), on each database: an agent names the
 * questions or lists to correct, the person reads their current answers in the task, changes them, and
 * the server puts them in the request — the named ones only, the whole set checked again by the
 * engine against the flow version the request was sent with, the queue's figures worked out
 * again, the answers before kept in the history — in one transaction, kept once by client id.
 */
import { randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgentRequestView, CitizenExchanges, TaskView } from "../../../src/shared/api/agents";
import type { Receipt } from "../../../src/shared/api/submission";
import { createStaffAccount, staffSignIn } from "../../support/staff-accounts";
import { postJson, signInWithCode, withSession } from "./support/accounts";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { uploadDocumentsOf } from "./support/documents";
import { example } from "./support/examples";
import { errorOf, newId, putSubmission } from "./support/requests";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

/**
 * The real flows, but the school grant's first version holds a month's resources to 160 000 F
 * at most (the current one to 10 000 000 F): which version a correction is checked against shows.
 */
function flowsWithStricterFirstVersion(): string {
  const dir = mkdtempSync(join(tmpdir(), "pas-a-pas-flows-"));
  cpSync(resolve(import.meta.dirname, "../../../flows"), dir, { recursive: true });
  const file = join(dir, "previous", "bourse-scolaire.v1.json");
  const flow = JSON.parse(readFileSync(file, "utf8")) as {
    steps: { fields?: { id: string; max?: number }[] }[];
  };
  for (const step of flow.steps)
    for (const field of step.fields ?? []) if (field.id === "monthlyResources") field.max = 160_000;
  writeFileSync(file, JSON.stringify(flow));
  return dir;
}

describe.each(DATABASES)("correcting answers on %s", (database) => {
  let server: TestServer;
  let flowsDir = "";
  let agent: Record<string, string>;
  let citizen: Record<string, string>;
  let stranger: Record<string, string>;
  let failBeforeCommit = false;

  beforeAll(async () => {
    flowsDir = flowsWithStricterFirstVersion();
    server = await startTestServer(database, {
      accounts: { codesPerClientPerHour: 100_000 },
      flowsDir,
      processingHooks: {
        beforeCommit() {
          if (failBeforeCommit) throw new Error("the database went away");
        },
      },
    });
    const account = await createStaffAccount(server.services, {
      email: `corr-${randomUUID().slice(0, 8)}@province-sud.nc`,
      roles: ["agent"],
      procedures: ["bourse-scolaire"],
    });
    agent = { Cookie: await staffSignIn(server.app, account) };
    citizen = withSession(await signInWithCode(server, `corr-${randomUUID().slice(0, 8)}@example.nc`));
    stranger = withSession(await signInWithCode(server, `other-${randomUUID().slice(0, 8)}@example.nc`));
  });
  afterAll(async () => {
    await server.close();
    rmSync(flowsDir, { recursive: true, force: true });
  });

  /** Léa Martin's request (150 000 F a month, a couple, one child: a quotient of 60 000 F). */
  async function send(flowVersion: number): Promise<Receipt> {
    const { answers } = example("bourse-scolaire", "eligible-one-child");
    const uploaded = await uploadDocumentsOf(server.app, "bourse-scolaire", answers, { size: 2048 });
    const response = await putSubmission(
      server.app,
      newId(),
      { flowId: "bourse-scolaire", flowVersion, ...uploaded },
      citizen,
    );
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as Receipt;
  }
  const ask = (id: string, body: unknown) =>
    postJson(server.app, `/api/agents/requests/${id}/ask`, body, agent);
  const agentView = async (id: string) =>
    (await (
      await server.app.request(`/api/agents/requests/${id}`, { headers: agent })
    ).json()) as AgentRequestView;
  const exchangesOf = async (id: string, headers = citizen) =>
    server.app.request(`/api/submissions/${id}/exchanges`, { headers });
  const taskOf = async (id: string): Promise<TaskView> => {
    const { tasks } = (await (await exchangesOf(id)).json()) as CitizenExchanges;
    return tasks.at(-1) as TaskView;
  };
  const answer = (id: string, taskId: string, body: unknown, headers = citizen) =>
    postJson(server.app, `/api/submissions/${id}/tasks/${taskId}/answer`, body, headers);
  const stored = async (id: string) => {
    const row = await server.services.database.db
      .selectFrom("submissions")
      .select(["answers", "status", "family_quotient", "under_ceiling"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    return { ...row, answers: JSON.parse(row.answers) as Record<string, unknown> };
  };
  const changesOf = (id: string) =>
    server.services.database.db
      .selectFrom("request_answer_changes")
      .selectAll()
      .where("request_id", "=", id)
      .execute();

  async function askToCorrect(id: string, questions: string[], documents?: string[]): Promise<TaskView> {
    const asked = await ask(id, {
      kind: "correction",
      text: "Vos ressources semblent fausses.",
      questions,
      ...(documents ? { documents } : {}),
    });
    expect(asked.status, await asked.clone().text()).toBe(204);
    return taskOf(id);
  }

  it("offers the request's questions, and refuses one that is not among them", async () => {
    const sent = await send(1);
    const view = await agentView(sent.id);
    const resources = view.questionFields.find((field) => field.fieldId === "monthlyResources");
    expect(resources?.label).toBe("Ressources du foyer par mois, en francs");
    // Documents are asked for as documents; a list (the children) is corrected whole.
    expect(view.questionFields.map((field) => field.fieldId)).not.toContain("ribFile");
    expect(view.questionFields).toContainEqual({ fieldId: "children", label: "Vos enfants" });
    // Léa is written to by email: the phone number was never asked, nor can it be corrected alone.
    expect(view.questionFields.map((field) => field.fieldId)).toContain("contactEmail");
    expect(view.questionFields.map((field) => field.fieldId)).not.toContain("contactPhone");
    for (const unknown of ["noSuchQuestion", "ribFile", "contactPhone"]) {
      const refused = await ask(sent.id, { kind: "correction", text: "?", questions: [unknown] });
      expect(refused.status, unknown).toBe(422);
      expect((await errorOf(refused)).code).toBe("unknown_question_field");
    }
    expect((await stored(sent.id)).status, "nothing asked").toBe("received");
  });

  it("gives the owner the current answers, takes the correction once, and works the figures out again", async () => {
    const sent = await send(1);
    const task = await askToCorrect(sent.id, ["monthlyResources"]);
    expect(task.questions).toEqual([
      { fieldId: "monthlyResources", label: "Ressources du foyer par mois, en francs", value: 150_000 },
    ]);
    expect((await exchangesOf(sent.id, stranger)).status, "another account").toBe(404);
    expect((await exchangesOf(sent.id, {})).status, "signed out").toBe(404);

    const body = { clientId: randomUUID(), corrections: { monthlyResources: 155_000 }, text: "Pardon." };
    const foreign = await answer(sent.id, task.id, body, stranger);
    expect(foreign.status, "another owner").toBe(404);
    // The outbox sends again when the first answer was lost: the same answer, kept once.
    for (let i = 0; i < 3; i++) expect((await answer(sent.id, task.id, body)).status).toBe(204);
    const changed = await answer(sent.id, task.id, {
      ...body,
      corrections: { monthlyResources: 156_000 },
    });
    expect((await errorOf(changed)).code).toBe("task_answer_conflict");

    const after = await stored(sent.id);
    expect(after.answers.monthlyResources).toBe(155_000);
    expect(after.answers.applicantFirstName, "the others untouched").toBe("Léa");
    expect(after.status).toBe("in_review");
    // 155 000 F for 2.5 shares: the queue sorts and filters on the new quotient.
    expect(after.family_quotient).toBe(62_000);
    expect(Number(after.under_ceiling)).toBe(1);
    expect(await changesOf(sent.id)).toMatchObject([
      { field_id: "monthlyResources", previous: "150000", corrected: "155000" },
    ]);

    const view = await agentView(sent.id);
    expect(view.request.familyQuotient).toBe(62_000);
    expect(view.computed.find((c) => c.id === "familyQuotient")?.value).toBe("62\u202f000");
    const rows = view.sections.flatMap((section) => section.rows);
    expect(rows.find((row) => row.label === "Ressources du foyer par mois, en francs")?.value).toBe(
      "155\u202f000",
    );
    const corrected = view.history.find((entry) => entry.action === "correct_answers");
    expect(corrected).toMatchObject({ actor: "citizen" });
    expect(corrected?.reason).toBe(
      "Ressources du foyer par mois, en francs\u00a0: «\u00a0150\u202f000\u00a0» devient «\u00a0155\u202f000\u00a0»",
    );
    expect(view.history.map((entry) => entry.action)).toEqual([
      "ask_citizen",
      "citizen_answered",
      "correct_answers",
    ]);
    // The request's archive prints the change too (its font has no arrow: words and guillemets).
    const archive = await server.app.request(`/api/agents/requests/${sent.id}/archive.pdf`, {
      headers: agent,
    });
    expect(archive.status).toBe(200);
    expect(archive.headers.get("Content-Type")).toBe("application/pdf");
    // Answered: the device is given nothing more to fill in.
    expect((await taskOf(sent.id)).questions).toEqual([
      { fieldId: "monthlyResources", label: "Ressources du foyer par mois, en francs" },
    ]);
  });

  it("changes only the answers the agent named", async () => {
    const sent = await send(1);
    const task = await askToCorrect(sent.id, ["monthlyResources"]);
    const refused = await answer(sent.id, task.id, {
      clientId: randomUUID(),
      corrections: { monthlyResources: 160_000, applicantLastName: "Dupont" },
    });
    expect(refused.status).toBe(422);
    expect((await errorOf(refused)).code).toBe("correction_not_asked");
    const after = await stored(sent.id);
    expect(after.answers).toMatchObject({ monthlyResources: 150_000, applicantLastName: "Martin" });
    expect(after.status).toBe("awaiting_citizen");
    expect(await changesOf(sent.id)).toEqual([]);
  });

  it("checks the whole request again with the engine, against the version it was sent with", async () => {
    const first = await send(1);
    const task = await askToCorrect(first.id, ["monthlyResources"]);
    // The first version holds a month's resources to 160 000 F.
    const tooMuch = await answer(first.id, task.id, {
      clientId: randomUUID(),
      corrections: { monthlyResources: 165_000 },
    });
    expect(tooMuch.status).toBe(422);
    const error = await errorOf(tooMuch);
    expect(error.code).toBe("invalid_corrections");
    expect(error.message).toMatch(/Vos réponses d'avant sont gardées/);
    expect(error.fields).toEqual([
      expect.objectContaining({
        path: "monthlyResources",
        code: "max",
        message: expect.stringMatching(/mois/),
      }),
    ]);
    const notANumber = await answer(first.id, task.id, {
      clientId: randomUUID(),
      corrections: { monthlyResources: "beaucoup" },
    });
    expect((await errorOf(notANumber)).fields?.[0]).toMatchObject({ path: "monthlyResources", code: "type" });
    expect((await stored(first.id)).answers.monthlyResources, "nothing already saved lost").toBe(150_000);
    expect((await stored(first.id)).status).toBe("awaiting_citizen");
    expect(await changesOf(first.id)).toEqual([]);
    expect((await taskOf(first.id)).answeredAt, "the task still waits").toBeNull();

    // The same amount in a request of the current version is right.
    const current = await send(2);
    const currentTask = await askToCorrect(current.id, ["monthlyResources"]);
    const taken = await answer(current.id, currentTask.id, {
      clientId: randomUUID(),
      corrections: { monthlyResources: 165_000 },
    });
    expect(taken.status).toBe(204);
    expect((await stored(current.id)).answers.monthlyResources).toBe(165_000);
  });

  it("refuses a correction that takes the request off its path, as the procedure would", async () => {
    const sent = await send(1);
    const task = await askToCorrect(sent.id, ["monthlyResources", "livingAsCouple"]);
    // 200 000 F: a quotient over the ceiling, which sends the person to "not eligible".
    const overCeiling = await answer(sent.id, task.id, {
      clientId: randomUUID(),
      corrections: { monthlyResources: 200_000 },
    });
    expect((await errorOf(overCeiling)).code).toBe("invalid_corrections");
    expect(
      (
        await errorOf(
          await answer(sent.id, task.id, { clientId: randomUUID(), corrections: { livingAsCouple: null } }),
        )
      ).fields?.[0],
    ).toMatchObject({ path: "livingAsCouple", code: "required" });
    expect((await stored(sent.id)).answers).toMatchObject({
      monthlyResources: 150_000,
      livingAsCouple: true,
    });
    // Answers kept as they were, with words: the request moves on, nothing changed.
    const same = await answer(sent.id, task.id, {
      clientId: randomUUID(),
      corrections: { monthlyResources: 150_000, livingAsCouple: true },
      text: "Mes réponses étaient justes.",
    });
    expect(same.status).toBe(204);
    expect(await changesOf(sent.id)).toEqual([]);
    expect((await stored(sent.id)).status).toBe("in_review");
  });

  const TOM = {
    firstName: "Tom",
    birthDate: "2016-03-14",
    level: "primary",
    schoolName: "École de Koutio, Dumbéa",
    regime: "halfBoarder",
  };
  const ZOE = {
    firstName: "Zoé",
    birthDate: "2019-09-02",
    level: "nursery",
    schoolName: "École de Koutio, Dumbéa",
    regime: "dayPupil",
  };

  it("corrects a list: a child's class changed, a child added, the quotient worked out again", async () => {
    const sent = await send(1);
    const task = await askToCorrect(sent.id, ["children", "childrenInHousehold"]);
    expect(task.questions).toEqual([
      { fieldId: "children", label: "Vos enfants", value: [TOM] },
      { fieldId: "childrenInHousehold", label: expect.any(String), value: 1 },
    ]);
    const taken = await answer(sent.id, task.id, {
      clientId: randomUUID(),
      corrections: { children: [{ ...TOM, level: "lowerSecondary" }, ZOE], childrenInHousehold: 2 },
    });
    expect(taken.status, await taken.clone().text()).toBe(204);

    const after = await stored(sent.id);
    expect(after.answers.children).toEqual([{ ...TOM, level: "lowerSecondary" }, ZOE]);
    expect(after.status).toBe("in_review");
    // 150 000 F for 3 shares (a couple, two children): the queue's quotient follows.
    expect(after.family_quotient).toBe(50_000);
    expect((await changesOf(sent.id)).map((change) => change.field_id).sort()).toEqual([
      "children",
      "childrenInHousehold",
    ]);
    const view = await agentView(sent.id);
    expect(view.computed.find((c) => c.id === "familyQuotient")?.value).toBe("50 000");
    const rows = view.sections.flatMap((section) => section.rows);
    expect(rows.find((row) => row.label === "Vos enfants 1 — Classe de l'enfant à la rentrée")?.value).toBe(
      "Collège",
    );
    // The list in few words: the entries that changed, with what changed in them.
    const reasons = view.history.filter((e) => e.action === "correct_answers").map((e) => e.reason);
    expect(reasons).toContain(
      "Vos enfants\u00a0: «\u00a0Tom (Classe de l'enfant à la rentrée\u00a0: École élémentaire)\u00a0» devient «\u00a0Tom (Classe de l'enfant à la rentrée\u00a0: Collège), Zoé\u00a0»",
    );
  });

  it("refuses a list the agent did not name, or wrong entries, and writes nothing", async () => {
    const sent = await send(1);
    const notNamed = await askToCorrect(sent.id, ["monthlyResources"]);
    const refused = await answer(sent.id, notNamed.id, {
      clientId: randomUUID(),
      corrections: { children: [{ ...TOM, level: "lowerSecondary" }] },
    });
    expect((await errorOf(refused)).code).toBe("correction_not_asked");

    const other = await send(1);
    const task = await askToCorrect(other.id, ["children"]);
    for (const [children, path, code] of [
      [[{ ...TOM, level: "university" }], "children.0.level", "option"],
      [[TOM, { ...ZOE, birthDate: "2025-01-01" }], "children.1.birthDate", "dateMax"],
      [[{ ...TOM, shoeSize: "32" }], "children.0.shoeSize", "unexpected"],
      [[], "children", "minItems"],
    ] as const) {
      const wrong = await answer(other.id, task.id, { clientId: randomUUID(), corrections: { children } });
      expect(wrong.status, path).toBe(422);
      const error = await errorOf(wrong);
      expect(error.code, path).toBe("invalid_corrections");
      expect(error.fields?.[0], path).toMatchObject({ path, code });
    }
    // Not a list at all: the body is refused before anything is read.
    const notAList = await answer(other.id, task.id, {
      clientId: randomUUID(),
      corrections: { children: [{ firstName: { nested: true } }] },
    });
    expect(notAList.status).toBe(400);
    for (const id of [sent.id, other.id]) {
      const after = await stored(id);
      expect(after.answers.children).toEqual([TOM]);
      expect(after.status).toBe("awaiting_citizen");
      expect(after.family_quotient).toBe(60_000);
      expect(await changesOf(id)).toEqual([]);
    }
  });

  it("writes the answers, their history and the task's answer together, or nothing", async () => {
    const sent = await send(1);
    const task = await askToCorrect(sent.id, ["monthlyResources"], ["ribFile"]);
    // A document that is not there: the corrected answer, already checked, goes back too.
    const missing = await answer(sent.id, task.id, {
      clientId: randomUUID(),
      corrections: { monthlyResources: 155_000 },
      documents: [{ fieldId: "ribFile", uploadId: "not-an-upload" }],
    });
    expect((await errorOf(missing)).code).toBe("attachment_invalid");
    expect((await stored(sent.id)).answers.monthlyResources).toBe(150_000);
    expect(await changesOf(sent.id)).toEqual([]);

    const body = { clientId: randomUUID(), corrections: { monthlyResources: 155_000 } };
    failBeforeCommit = true;
    try {
      expect((await answer(sent.id, task.id, body)).status).toBe(500);
    } finally {
      failBeforeCommit = false;
    }
    expect((await stored(sent.id)).answers.monthlyResources).toBe(150_000);
    expect((await stored(sent.id)).status).toBe("awaiting_citizen");
    expect(await changesOf(sent.id)).toEqual([]);
    expect((await taskOf(sent.id)).answeredAt).toBeNull();
    // The outbox tries again: this time it is kept.
    expect((await answer(sent.id, task.id, body)).status).toBe(204);
    expect((await stored(sent.id)).answers.monthlyResources).toBe(155_000);
    expect(await changesOf(sent.id)).toHaveLength(1);
  });
});
