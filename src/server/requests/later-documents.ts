/**
 * The documents a request arrives without ("je l'enverrai plus tard", the answer `later` to a
 * document question whose flow allows it): they become a task of the request from its receipt,
 * answered like one an agent asks — from any device of the person, through the same outbox.
 */

import type { Answers } from "../../shared/engine/answers";
import { DOCUMENT_LATER } from "../../shared/engine/answers";
import type { Flow } from "../../shared/flow/schema";
import type { NewSubmission } from "../db/recording-batches";
import { documentFieldById } from "../flows/flow-fields";
import type { FrenchTexts } from "../flows/french-texts";

export function laterDocuments(
  flow: Flow,
  answers: Answers,
  texts: FrenchTexts,
): Pick<NewSubmission, "later"> {
  const fieldIds = Object.entries(answers)
    .filter(([fieldId, value]) => value === DOCUMENT_LATER && documentFieldById(flow, fieldId)?.later)
    .map(([fieldId]) => fieldId);
  if (fieldIds.length === 0) return {};
  const text = texts.text("messages:laterTask", "messages", { count: fieldIds.length }) ?? "";
  return { later: { fieldIds, text } };
}
