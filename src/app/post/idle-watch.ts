/**
 * The post's idle timeout: a key, a touch, a click or scrolling is activity. One minute before
 * the end a warning shows; any activity dismisses it. Checked each second against the clock,
 * not one long timer, so a PC that slept still ends the session when it wakes.
 */
import { useEffect, useState } from "preact/hooks";

export const WARNING_SECONDS = 60;
const ACTIVITY = ["keydown", "pointerdown", "touchstart", "wheel", "input"] as const;

export function useIdleWatch(idleSeconds: number | undefined, onIdle: () => void): { warning: boolean } {
  const [warning, setWarning] = useState(false);
  useEffect(() => {
    if (idleSeconds === undefined) return;
    let last = Date.now();
    const active = () => {
      last = Date.now();
      setWarning(false);
    };
    for (const type of ACTIVITY) window.addEventListener(type, active, { capture: true, passive: true });
    const timer = setInterval(() => {
      const idle = (Date.now() - last) / 1000;
      if (idle >= idleSeconds) onIdle();
      else setWarning(idle >= idleSeconds - Math.min(WARNING_SECONDS, idleSeconds / 2));
    }, 1000);
    return () => {
      clearInterval(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, active, { capture: true });
    };
  }, [idleSeconds, onIdle]);
  return { warning };
}
