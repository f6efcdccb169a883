import { vi } from "vitest";

/** The device as the page's media queries see it: a finger (phone, tablet) or a mouse (PC). */
export function pointerIs(pointer: "coarse" | "fine"): void {
  vi.spyOn(window, "matchMedia").mockImplementation(
    (query: string) =>
      ({
        matches: query === `(pointer: ${pointer})`,
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      }) as unknown as MediaQueryList,
  );
}
