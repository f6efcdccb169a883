// @vitest-environment happy-dom
import { act, cleanup, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { createActor } from "xstate";
import { useSelector } from "../../../src/app/wizard/use-selector";
import { compileFlow, currentStep, type WizardSnapshot } from "../../../src/shared/engine/machine";
import { miniFlow } from "../shared/mini-flow";

const machine = compileFlow(miniFlow());
afterEach(cleanup);

describe("useSelector, the hook between the wizard's actor and the page", () => {
  it("re-renders when the selected value changes, and only then", () => {
    const actor = createActor(machine, { input: undefined }).start();
    let renders = 0;
    function Step() {
      renders += 1;
      return <p>{useSelector(actor, (s: WizardSnapshot) => currentStep(s))}</p>;
    }
    render(<Step />);
    expect(screen.getByText("household")).toBeTruthy();
    const before = renders;

    act(() => actor.send({ type: "SET_ANSWER", path: ["income"], value: 90000 }));
    expect(renders).toBe(before);

    act(() => actor.send({ type: "SET_ANSWERS", answers: { livesInSud: true, separated: false } }));
    act(() => actor.send({ type: "NEXT" }));
    expect(screen.getByText("children")).toBeTruthy();
    expect(renders).toBe(before + 1);
  });

  it("follows a new actor and stops listening to the old one", () => {
    const first = createActor(machine, { input: undefined }).start();
    const second = createActor(machine, {
      input: { answers: { livesInSud: true, income: 1, separated: false } },
    }).start();
    second.send({ type: "NEXT" });
    function Step({ actor }: { actor: typeof first }) {
      return <p>{useSelector(actor, (s: WizardSnapshot) => currentStep(s))}</p>;
    }
    const { rerender } = render(<Step actor={first} />);
    rerender(<Step actor={second} />);
    expect(screen.getByText("children")).toBeTruthy();
    act(() => first.send({ type: "SET_ANSWERS", answers: { livesInSud: true, income: 1, separated: true } }));
    act(() => first.send({ type: "NEXT" }));
    expect(screen.getByText("children")).toBeTruthy();
  });
});
