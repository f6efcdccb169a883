/**
 * A very small router over the History API: the app has six kinds of page and no nested
 * routes, which does not earn a dependency. Every step of a procedure has its own address, so
 * the browser's back and forward buttons and a reload land on the right step.
 */
import { useEffect, useState } from "preact/hooks";

type Listener = (path: string) => void;
const listeners = new Set<Listener>();

function currentPath(): string {
  return window.location.pathname;
}

window.addEventListener("popstate", () => {
  for (const listener of listeners) listener(currentPath());
});

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === currentPath()) return;
  if (options.replace) window.history.replaceState(null, "", path);
  else window.history.pushState(null, "", path);
  for (const listener of listeners) listener(path);
}

export function usePath(): string {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    listeners.add(setPath);
    // Effects run after the first paint: a tap on a prerendered link in between changed the
    // address without anyone listening, and the page would stay on the catalogue.
    setPath(currentPath());
    return () => listeners.delete(setPath);
  }, []);
  return path;
}
