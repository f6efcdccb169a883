/**
 * One open draft: the XState actor running its flow, restored from the device's draft and
 * saved back as the person types. Sessions are opened, closed and kept by draft-sessions.ts only. Saving is debounced (one transaction per burst of changes)
 * and flushed when the page is hidden or closed, so locking the phone right after typing loses
 * nothing.
 */
import { type Actor, createActor } from "xstate";
import { documentsChecklist } from "../../shared/engine/documents";
import { draftOf, type Migration, restoreDraft } from "../../shared/engine/draft";
import { currentStep, type WizardMachine, type WizardSnapshot } from "../../shared/engine/machine";
import { progressOf } from "../../shared/engine/path";
import type { Flow } from "../../shared/flow/schema";
import { AUTOSAVE_MEASURE } from "../../shared/measures";
import { beforeUpdate } from "../pwa/before-update";
import { onDraftSavedElsewhere } from "../storage/draft-events";
import { DraftConflict, type DraftRecord, saveDraft } from "../storage/drafts";
import { askPersistence } from "../storage/persistence";
import { provisionalReference, recordRequest } from "../storage/requests";
import { draftSaved } from "../sync/draft-sync";
import { isSignedInHint } from "../sync/signed-in-hint";
import { accountContactPrefill } from "./contact-prefill";
import { flowKey } from "./flow-text";
import { loadFlow } from "./flows";

const SAVE_DELAY_MS = 300;

export type SaveState =
  | { readonly state: "idle" }
  | { readonly state: "saved"; readonly at: Date }
  | { readonly state: "failed"; readonly error: unknown }
  /** Another tab saved a newer copy (or sent or deleted it): this one stops saving. */
  | { readonly state: "elsewhere" };

export type WizardActor = Actor<WizardMachine>;

export class WizardSession {
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** The revision of the last write started, and of the last one the device confirmed. */
  private issuedRevision: number;
  private savedRevision: number;
  /** What the last write started carried. */
  private lastIssued: WizardSnapshot;
  /** The last write failed: the next flush writes even if nothing changed since. */
  private retryNeeded = false;
  private saveState: SaveState = { state: "idle" };
  /** Deleted or wiped: no write may start any more, whatever is still queued. */
  private discarded = false;
  private readonly saveListeners = new Set<() => void>();
  private readonly stop: () => void;

  constructor(
    readonly flow: Flow,
    /** The draft's own id, which becomes the request's id when it is sent. */
    readonly draftId: string,
    readonly actor: WizardActor,
    readonly migration: Migration | undefined,
    revision: number,
  ) {
    this.issuedRevision = revision;
    this.savedRevision = revision;
    this.lastIssued = actor.getSnapshot();
    const subscription = actor.subscribe((snapshot) => {
      // A new page is a moment worth keeping at once; typing is saved after a short pause.
      if (snapshot.value !== this.lastIssued.value) void this.flush();
      else if (snapshot.context.answers !== this.lastIssued.context.answers) this.scheduleSave();
    });
    const flushWhenHidden = () => {
      if (document.visibilityState === "hidden") this.flushAtOnce();
    };
    const flushNow = () => this.flushAtOnce();
    document.addEventListener("visibilitychange", flushWhenHidden);
    window.addEventListener("pagehide", flushNow);
    const stopBeforeUpdate = beforeUpdate(() => this.flush());
    const stopListening = onDraftSavedElsewhere(({ id, revision }) => {
      // Tabs hear only the others' saves: any revision past the last one confirmed here is theirs.
      if (id === draftId && revision > this.savedRevision) this.setSaveState({ state: "elsewhere" });
    });
    this.stop = () => {
      stopBeforeUpdate();
      stopListening();
      subscription.unsubscribe();
      document.removeEventListener("visibilitychange", flushWhenHidden);
      window.removeEventListener("pagehide", flushNow);
    };
  }

  get saves(): SaveState {
    return this.saveState;
  }

  onSave(listener: () => void): () => void {
    this.saveListeners.add(listener);
    return () => this.saveListeners.delete(listener);
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  /**
   * Writes the draft if anything changed since the last write, after the writes already on their
   * way: one at a time, so a tab holding an older copy is refused at its first write and writes
   * nothing more (two on their way at once, the second would take a revision still free).
   */
  flush(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  /**
   * The page is being hidden or closed: the write starts in this task, even past one still on
   * its way, because there may be no later. (An older copy's tab could then take a free
   * revision, but only in the instant before the other tab's save reaches it.)
   */
  private flushAtOnce(): void {
    clearTimeout(this.saveTimer);
    const written = this.write();
    this.writing = Promise.all([this.writing, written]).then(() => undefined);
  }

  private async write(): Promise<void> {
    const snapshot = this.actor.getSnapshot();
    if (
      (snapshot === this.lastIssued && !this.retryNeeded) ||
      snapshot.status !== "active" ||
      this.discarded ||
      this.movedElsewhere()
    )
      return;
    const draft = draftOf(this.actor);
    const revision = this.issuedRevision + 1;
    this.issuedRevision = revision;
    this.lastIssued = snapshot;
    this.retryNeeded = false;
    const started = performance.now();
    try {
      await saveDraft({
        ...draft,
        id: this.draftId,
        updatedAt: new Date().toISOString(),
        step: currentStep(snapshot),
        progress: progressOf(this.flow, snapshot.context.answers, currentStep(snapshot)),
        owner: null,
        revision,
      });
      // A User Timing entry: `npm run bench` reads it, and so can anyone in DevTools.
      performance.measure(AUTOSAVE_MEASURE, { start: started });
      this.savedRevision = Math.max(this.savedRevision, revision);
      // Signed in: the account gets it too, when the network allows (draft-sync coalesces).
      if (isSignedInHint()) draftSaved(this.draftId);
      // Another tab may have moved on while this write ran: that news is not undone by it.
      if (!this.movedElsewhere()) this.setSaveState({ state: "saved", at: new Date() });
      void askPersistence();
    } catch (error) {
      if (error instanceof DraftConflict) return this.setSaveState({ state: "elsewhere" });
      // Nothing newer was started: the next write reuses this revision and carries these answers.
      if (this.issuedRevision === revision) {
        this.issuedRevision = this.savedRevision;
        this.retryNeeded = true;
      }
      this.setSaveState({ state: "failed", error });
    }
  }

  private movedElsewhere(): boolean {
    return this.saveState.state === "elsewhere";
  }

  private setSaveState(state: SaveState): void {
    this.saveState = state;
    for (const listener of this.saveListeners) listener();
  }

  /**
   * Records the finished request on the device (and drops its draft) before the machine moves
   * to "submitted": if recording fails, the person is still on the declaration with everything kept.
   */
  async submit(): Promise<string> {
    const snapshot = this.actor.getSnapshot();
    if (!snapshot.can({ type: "SUBMIT" })) throw new Error("the request is not complete");
    // The request replaces the draft on the device: write the last changes first.
    await this.flush();
    if (this.saveState.state === "failed" || this.saveState.state === "elsewhere")
      throw new Error("the draft could not be saved here");
    const id = this.draftId;
    const documentsDue = documentsChecklist(this.flow, snapshot.context.answers)
      .filter((doc) => doc.later)
      .map((doc) => flowKey(this.flow, doc.label));
    await recordRequest(
      {
        ...(documentsDue.length > 0 ? { documentsDue } : {}),
        id,
        flowId: this.flow.id,
        flowVersion: this.flow.version,
        answers: snapshot.context.answers,
        createdAt: new Date().toISOString(),
        provisionalReference: provisionalReference(id),
        status: "ready",
      },
      this.draftId,
    );
    this.actor.send({ type: "SUBMIT" });
    void import("../sync/sender").then((sender) => {
      void sender.requestBackgroundSync();
      void sender.sendNow();
    });
    return id;
  }

  /**
   * The draft is being deleted, wiped or was sent: stop at once and write nothing more, not even
   * what was typed in the last instant. Settles once any write already on its way has landed, so
   * the deletion that follows comes after it.
   */
  discard(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.discarded = true;
    this.stop();
    this.actor.stop();
    return this.writing.catch(() => undefined);
  }
}

/** A session for a draft: restored from its record, or a new one when there is none yet. */
export async function startSession(
  flowId: string,
  draftId: string,
  draft: DraftRecord | undefined,
): Promise<WizardSession | undefined> {
  const loaded = await loadFlow(flowId);
  if (!loaded) return undefined;
  const { flow, machine } = loaded;
  if (!draft) {
    // Part of the first state, not a change: only the person's first answer writes the draft.
    const answers = await accountContactPrefill(flow);
    return new WizardSession(
      flow,
      draftId,
      createActor(machine, { input: { answers } }).start(),
      undefined,
      0,
    );
  }
  const { snapshot, migration } = restoreDraft(flow, machine, draft);
  return new WizardSession(
    flow,
    draftId,
    createActor(machine, { snapshot, input: undefined }).start(),
    migration,
    draft.revision,
  );
}
