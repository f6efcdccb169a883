// @vitest-environment happy-dom
/**
 * Each procedure's department, as the outcome pages, the receipt and the help page show it: a
 * phone number a phone dials, the address, the hours in words, and said plainly while the
 * department has not confirmed them.
 */
import "fake-indexeddb/auto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, render, screen, within } from "@testing-library/preact";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadFlow } from "../../../../src/app/wizard/flows";
import { DepartmentContact } from "../../../../src/app/wizard/parts/department-contact";
import { DepartmentContactOf } from "../../../../src/app/wizard/parts/department-contact-of";
import { type Flow, parseFlow } from "../../../../src/shared/flow/schema";
import { flowText, loadFrenchTexts } from "../fields/french-texts";

const ROOT = join(import.meta.dirname, "../../../..");
const flowOf = (file: string) => parseFlow(JSON.parse(readFileSync(join(ROOT, file), "utf8"))).flow as Flow;
/** Text content with the no-break spaces of French typography read as spaces. */
const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, " ").trim();

beforeAll(loadFrenchTexts);
afterEach(cleanup);

describe("a department's contact", () => {
  it.each([
    ["bourse-scolaire", "DERES"],
    ["aide-medicale", "DPASS"],
  ])("%s names the %s with its phone as a link, its address and its hours", (flowId, department) => {
    const flow = flowOf(`flows/${flowId}.json`);
    const contact = flow.contact;
    if (!contact) throw new Error(`${flowId} has no contact`);
    render(<DepartmentContact flow={flow} text={flowText(flowId)} />);
    expect(screen.getByText(new RegExp(`^${department},`))).toBeTruthy();
    const phone = screen.getByRole("link", { name: contact.phone.value });
    expect(phone.getAttribute("href")).toBe(`tel:${contact.phone.value.replaceAll(" ", "")}`);
    expect(phone.getAttribute("href")).toMatch(/^tel:\+687\d{6}$/);
    const row = (label: string) => text(screen.getByText(label).closest(".summary-list__row"));
    expect(row("Adresse")).toBe(`Adresse${contact.address.value}`);
    expect(row("Horaires d'ouverture")).toBe("Horaires d'ouvertureDu lundi au vendredi, de 7 h 30 à 15 h 30");
    // Placeholders until the department confirms them: the page does not pass them off as official.
    expect(screen.getByText(/Ces coordonnées doivent encore être confirmées par le service/)).toBeTruthy();
  });

  it("says nothing about confirming once every detail is confirmed", () => {
    const flow = flowOf("flows/aide-medicale.json");
    const contact = flow.contact;
    if (!contact) throw new Error("aide-medicale has no contact");
    const confirmed: Flow = {
      ...flow,
      contact: {
        phone: { ...contact.phone, toConfirm: false },
        address: { ...contact.address, toConfirm: false },
        hours: { ...contact.hours, toConfirm: false },
      },
    };
    render(<DepartmentContact flow={confirmed} text={flowText("aide-medicale")} />);
    expect(screen.getByRole("link", { name: contact.phone.value })).toBeTruthy();
    expect(screen.queryByText(/doivent encore être confirmées/)).toBeNull();
  });

  it("shows nothing for an earlier version of a flow, written before flows carried it", () => {
    const older = flowOf("flows/previous/bourse-scolaire.v1.json");
    const { container } = render(<DepartmentContact flow={older} text={flowText("bourse-scolaire")} />);
    expect(container.innerHTML).toBe("");
  });

  it("from a procedure's id alone (receipt, help), comes under its heading once the flow is read", async () => {
    render(
      <DepartmentContactOf flowId="aide-medicale" heading="Une question ? Contactez le service" level={2} />,
    );
    const section = await screen.findByRole("region", { name: "Une question ? Contactez le service" });
    expect(within(section).getByRole("heading", { level: 2 })).toBeTruthy();
    expect(within(section).getByRole("link", { name: "+687 20 30 40" }).getAttribute("href")).toBe(
      "tel:+687203040",
    );
  });

  it("from an id no procedure has, shows no empty heading", async () => {
    const { container } = render(<DepartmentContactOf flowId="nothing-here" heading="Contact" level={3} />);
    // The component asked for the flow; once that answer is in, there is still nothing to show.
    expect(await loadFlow("nothing-here")).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(container.innerHTML).toBe("");
  });
});
