/**
 * One open procedure: the XState actor running its flow, restored from the device's draft and
 * saved back as the person types. Saving is debounced (one transaction per burst of changes)
 * and flushed when the page is hidden or closed, so locking the phone right after typing loses
 * nothing.
 */
import { type Actor, createActor } from "xstate";
import { draftOf, type Migration, restoreDraft } from "../../shared/engine/draft";
import { currentStep, type WizardMachine, type WizardSnapshot } from "../../shared/engine/machine";
import { progressOf } from "../../shared/engine/path";
import type { Flow } from "../../shared/flow/schema";
import { AUTOSAVE_MEASURE } from "../../shared/measures";
import { beforeUpdate } from "../pwa/before-update";
import { onDraftSavedElsewhere } from "../storage/draft-events";
import { DraftConflict, loadDraft, saveDraft } from "../storage/drafts";
import { askPersistence } from "../storage/persistence";
import { provisionalReference, recordRequest } from "../storage/requests";
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
  private readonly saveListeners = new Set<() => void>();
  private readonly stop: () => void;

  constructor(
    readonly flow: Flow,
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
      if (id === flow.id && revision > this.savedRevision) this.setSaveState({ state: "elsewhere" });
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
        id: this.flow.id,
        updatedAt: new Date().toISOString(),
        step: currentStep(snapshot),
        progress: progressOf(this.flow, snapshot.context.answers, currentStep(snapshot)),
        owner: null,
        revision,
      });
      // A User Timing entry: `npm run bench` reads it, and so can anyone in DevTools.
      performance.measure(AUTOSAVE_MEASURE, { start: started });
      this.savedRevision = Math.max(this.savedRevision, revision);
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
    const id = crypto.randomUUID();
    await recordRequest(
      {
        id,
        flowId: this.flow.id,
        flowVersion: this.flow.version,
        answers: snapshot.context.answers,
        createdAt: new Date().toISOString(),
        provisionalReference: provisionalReference(id),
        status: "ready",
      },
      this.flow.id,
    );
    this.actor.send({ type: "SUBMIT" });
    void import("../sync/sender").then((sender) => {
      void sender.requestBackgroundSync();
      void sender.sendNow();
    });
    return id;
  }

  close(): void {
    void this.flush();
    this.stop();
    this.actor.stop();
  }
}

const sessions = new Map<string, Promise<WizardSession | undefined>>();

/** The open session of a procedure, restored from this device's draft the first time. */
export function openSession(flowId: string): Promise<WizardSession | undefined> {
  let session = sessions.get(flowId);
  if (!session) {
    session = start(flowId);
    sessions.set(flowId, session);
  }
  return session;
}

/** After a request is recorded: the next visit starts a new one. */
export function forgetSession(flowId: string): void {
  void sessions.get(flowId)?.then((session) => session?.close());
  sessions.delete(flowId);
}

async function start(flowId: string): Promise<WizardSession | undefined> {
  const [loaded, draft] = await Promise.all([loadFlow(flowId), loadDraft(flowId).catch(() => undefined)]);
  if (!loaded) return undefined;
  const { flow, machine } = loaded;
  if (!draft)
    return new WizardSession(flow, createActor(machine, { input: undefined }).start(), undefined, 0);
  const { snapshot, migration } = restoreDraft(flow, machine, draft);
  return new WizardSession(
    flow,
    createActor(machine, { snapshot, input: undefined }).start(),
    migration,
    draft.revision,
  );
}
