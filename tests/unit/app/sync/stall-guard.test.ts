import { afterEach, describe, expect, it, vi } from "vitest";
import { guardAgainstStall } from "../../../../src/app/sync/stall-guard";

afterEach(() => vi.useRealTimers());

describe("a transfer that stops moving", () => {
  it("is given up after the limit with no progress, and not while bytes keep moving", () => {
    vi.useFakeTimers();
    const stalled = vi.fn();
    const guard = guardAgainstStall(45_000, stalled);
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(40_000);
      guard.alive();
    }
    expect(stalled).not.toHaveBeenCalled();
    vi.advanceTimersByTime(45_000);
    expect(stalled).toHaveBeenCalledOnce();
  });

  it("is left alone once it has ended", () => {
    vi.useFakeTimers();
    const stalled = vi.fn();
    guardAgainstStall(45_000, stalled).stop();
    vi.advanceTimersByTime(60_000);
    expect(stalled).not.toHaveBeenCalled();
  });
});
