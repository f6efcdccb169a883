// @vitest-environment happy-dom
/// <reference types="vite/client" />
/**
 * The page's side of an update, with workbox-window replaced by a stand-in that the test drives:
 * the browser's part (installing, waiting, taking over) is in tests/e2e/update.spec.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type Handler = (event: { isUpdate?: boolean }) => void;

class StandInWorkbox {
  static last: StandInWorkbox | undefined;
  readonly handlers = new Map<string, Handler[]>();

  constructor() {
    StandInWorkbox.last = this;
  }

  addEventListener(type: string, handler: Handler): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }

  emit(type: string, event: { isUpdate?: boolean } = {}): void {
    for (const handler of this.handlers.get(type) ?? []) handler(event);
  }

  async register(): Promise<void> {}

  updateChecks = 0;

  async update(): Promise<void> {
    this.updateChecks += 1;
  }

  messageSkipWaiting(): void {
    steps.push("skip waiting");
  }
}

/** What happened, in order: drafts saved, the waiting version told to take over, the page reloaded. */
let steps: string[] = [];
let waitingWorker: object | null = null;
vi.mock("workbox-window", () => ({ Workbox: StandInWorkbox }));

async function startedPage() {
  const serviceWorker = await import("../../../../src/app/pwa/service-worker");
  const { beforeUpdate } = await import("../../../../src/app/pwa/before-update");
  beforeUpdate(async () => {
    await new Promise((saved) => setTimeout(saved, 10));
    steps.push("draft saved");
  });
  await serviceWorker.startServiceWorker();
  const workbox = StandInWorkbox.last;
  if (!workbox) throw new Error("no Workbox was made");
  return { ...serviceWorker, workbox };
}

beforeEach(() => {
  steps = [];
  waitingWorker = {};
  vi.resetModules();
  // Registration is skipped in development; these tests are about the built app.
  vi.stubEnv("DEV", false);
  Object.defineProperty(navigator, "serviceWorker", {
    configurable: true,
    value: { getRegistration: async () => ({ waiting: waitingWorker }) },
  });
  vi.spyOn(window.location, "reload").mockImplementation(() => void steps.push("reload"));
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("updating the app from the page", () => {
  it("tells the banner when a version waits", async () => {
    const { onUpdateWaiting, workbox } = await startedPage();
    const seen: boolean[] = [];
    onUpdateWaiting((waiting) => seen.push(waiting));
    workbox.emit("waiting");
    expect(seen).toEqual([false, true]);
  });

  it("never reloads when the version changes on its own", async () => {
    const { workbox } = await startedPage();
    // The first install taking control, or another tab's update.
    workbox.emit("controlling", { isUpdate: false });
    workbox.emit("controlling", { isUpdate: true });
    expect(steps).toEqual([]);
  });

  it("saves the drafts, lets the waiting version take over, then reloads once, even on a first visit", async () => {
    const { applyUpdate, workbox } = await startedPage();
    workbox.emit("waiting");
    await applyUpdate();
    // A page opened before any version controlled it: Workbox calls the take-over no update.
    workbox.emit("controlling", { isUpdate: false });
    expect(steps).toEqual(["draft saved", "skip waiting", "reload"]);
  });

  it("loads the new version when another tab already let it take over", async () => {
    const { applyUpdate, workbox } = await startedPage();
    workbox.emit("waiting");
    waitingWorker = null;
    await applyUpdate();
    expect(steps).toEqual(["draft saved", "reload"]);
  });

  it("looks for a new version when the person comes back after an hour or more, not at every return", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { workbox } = await startedPage();
    const comeBack = () => {
      Object.defineProperty(document, "visibilityState", { configurable: true, value: "visible" });
      document.dispatchEvent(new Event("visibilitychange"));
    };
    comeBack();
    vi.setSystemTime(Date.now() + 59 * 60_000);
    comeBack();
    expect(workbox.updateChecks).toBe(0);
    vi.setSystemTime(Date.now() + 2 * 60_000);
    comeBack();
    comeBack();
    expect(workbox.updateChecks).toBe(1);
    vi.useRealTimers();
  });
});
