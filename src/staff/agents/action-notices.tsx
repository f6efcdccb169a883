import type { StaffProblem } from "../api/staff-api";
import { problemText } from "./problem-text";

/**
 * What the last action gave: its result, read out by a status region that is always in the page
 * (so screen readers hear each new one), and a problem as an alert.
 */
export function ActionNotices({ done, problem }: { done: string; problem: StaffProblem | undefined }) {
  return (
    <>
      <p class="notice notice--info" role="status">
        {done}
      </p>
      {problem && (
        <p class="notice notice--error" role="alert">
          {problemText(problem)}
        </p>
      )}
    </>
  );
}
