// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/preact";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { LazyPage } from "../../../../src/app/layout/lazy-page";
import { loadFrenchTexts } from "../fields/french-texts";

beforeAll(loadFrenchTexts);
afterEach(cleanup);

const Receipt = ({ id }: { id: string }) => <h1>{`Reçu ${id}`}</h1>;

describe("a page loaded on first visit", () => {
  it("shows the page once its code is here", async () => {
    render(<LazyPage load={async () => Receipt} namespaces={[]} props={{ id: "42" }} />);
    expect(await screen.findByRole("heading", { name: "Reçu 42" })).toBeTruthy();
  });

  it("says so and offers to reload when its code cannot be fetched, instead of loading forever", async () => {
    const gone = () => Promise.reject(new TypeError("Failed to fetch dynamically imported module"));
    render(<LazyPage load={gone} namespaces={[]} props={{}} />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Cette page n'a pas pu s'ouvrir.");
    expect(screen.getByRole("button", { name: "Recharger la page" })).toBeTruthy();
  });
});
