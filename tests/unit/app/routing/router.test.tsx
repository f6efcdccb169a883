// @vitest-environment happy-dom
import { render } from "preact";
import { afterEach, describe, expect, it } from "vitest";
import { navigate, usePath } from "../../../../src/app/routing/router";

function ShownPath() {
  return <p>{usePath()}</p>;
}

const root = () => document.body.appendChild(document.createElement("div"));
const settled = () => new Promise((resolve) => setTimeout(resolve, 100));

afterEach(() => {
  document.body.replaceChildren();
  window.history.replaceState(null, "", "/");
});

describe("the page follows the address", () => {
  it("after a navigation", async () => {
    const container = root();
    render(<ShownPath />, container);
    await settled();
    navigate("/aide");
    await settled();
    expect(container.textContent).toBe("/aide");
  });

  it("after a navigation made between the first render and its effects (a tap on a prerendered link)", async () => {
    const container = root();
    render(<ShownPath />, container);
    navigate("/bourse-scolaire");
    await settled();
    expect(container.textContent).toBe("/bourse-scolaire");
  });
});
