import type { ComponentChildren } from "preact";

/** A wide table scrolls sideways on a narrow screen; the keyboard can scroll it too (focusable). */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take the focus to be scrolled by keyboard.
    <section class="staff-table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
