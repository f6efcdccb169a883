// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/preact";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GroupField } from "../../../../src/app/wizard/fields/group-field";
import type { Item } from "../../../../src/shared/engine/answers";
import type { FieldError } from "../../../../src/shared/engine/validate";
import type { GroupFieldDef, LeafFieldDef } from "../../../../src/shared/flow/schema";
import { descriptionOf, flowText, groupField, loadFrenchTexts } from "./french-texts";

const files = { store: vi.fn(), remove: vi.fn() };

/** The group as a page shows it: adding and removing change the items it gets back. */
function showGroup(
  field: GroupFieldDef,
  options: {
    items?: Item[];
    errors?: FieldError[];
    flowId?: string;
    isShown?: (i: number, f: LeafFieldDef) => boolean;
  } = {},
) {
  const onRemove = vi.fn();
  const onChangeItem = vi.fn();
  const text = flowText(options.flowId ?? "bourse-scolaire");
  const view = (items: Item[]) => (
    <GroupField
      field={field}
      id={field.id}
      items={items}
      errors={options.errors ?? []}
      onAdd={() => rerender(view([...items, {}]))}
      onRemove={(index) => {
        onRemove(index);
        rerender(view(items.filter((_, i) => i !== index)));
      }}
      onChangeItem={onChangeItem}
      itemTitle={(index) =>
        typeof items[index]?.firstName === "string" ? (items[index].firstName as string) : ""
      }
      isShown={options.isShown ?? (() => true)}
      text={text}
      files={files}
      asHeading
    />
  );
  const { rerender } = render(view(options.items ?? []));
  return { onRemove, onChangeItem };
}

const children = () => groupField("bourse-scolaire", "children");
const addButton = () => screen.getByRole("button", { name: "Ajouter un enfant" });

beforeAll(loadFrenchTexts);
afterEach(cleanup);

describe("a repeatable group", () => {
  it("is the page's h1 and names each item with its number and, once known, its name", () => {
    showGroup(children(), { items: [{ firstName: "Léa" }, {}] });
    expect(screen.getByRole("heading", { level: 1, name: "Vos enfants" })).toBeTruthy();
    expect(screen.getByRole("group", { name: "Enfant 1\u00a0: Léa" })).toBeTruthy();
    expect(screen.getByRole("group", { name: "Enfant 2" })).toBeTruthy();
  });

  it("asks each item's questions with their own ids and reports answers by item", () => {
    const { onChangeItem } = showGroup(children(), { items: [{}, {}] });
    const ids = [...document.querySelectorAll("[id]")].map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
    const second = screen.getByRole("group", { name: "Enfant 2" });
    const firstName = within(second).getByLabelText("Prénom de l'enfant");
    expect(firstName.id).toBe("children-1-firstName");
    fireEvent.input(firstName, { target: { value: "Tom" } });
    expect(onChangeItem).toHaveBeenCalledWith(1, "firstName", "Tom");
  });

  it("adds an item and moves focus to its first question", () => {
    showGroup(children(), { items: [{ firstName: "Léa" }] });
    fireEvent.click(addButton());
    const added = screen.getByRole("group", { name: "Enfant 2" });
    expect(document.activeElement).toBe(within(added).getByLabelText("Prénom de l'enfant"));
  });

  it("asks before removing, and keeps the item on « Non, garder »", () => {
    const { onRemove } = showGroup(children(), { items: [{ firstName: "Léa" }] });
    fireEvent.click(screen.getByRole("button", { name: "Retirer Enfant 1\u00a0: Léa" }));
    const question = screen.getByRole("group", { name: "Retirer «\u00a0Enfant 1\u00a0: Léa\u00a0»\u00a0?" });
    const keep = within(question).getByRole("button", { name: "Non, garder" });
    expect(document.activeElement).toBe(keep);
    fireEvent.click(keep);
    expect(onRemove).not.toHaveBeenCalled();
    expect(screen.queryByRole("button", { name: "Oui, retirer" })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Retirer Enfant 1\u00a0: Léa" }));
  });

  it("removes on « Oui, retirer », says so, and moves focus to the item that takes its place", () => {
    const { onRemove } = showGroup(children(), { items: [{ firstName: "Léa" }, { firstName: "Tom" }] });
    fireEvent.click(screen.getByRole("button", { name: "Retirer Enfant 1\u00a0: Léa" }));
    fireEvent.click(screen.getByRole("button", { name: "Oui, retirer" }));
    expect(onRemove).toHaveBeenCalledWith(0);
    const tom = screen.getByRole("heading", { name: "Enfant 1\u00a0: Tom" });
    expect(document.activeElement).toBe(tom);
    expect(screen.queryByRole("button", { name: "Oui, retirer" })).toBeNull();
    expect(screen.getByRole("status").textContent).toBe(
      "Vous avez retiré «\u00a0Enfant 1\u00a0: Léa\u00a0».",
    );
  });

  it("moves focus to the add button once the last item is removed", () => {
    showGroup(children(), { items: [{}] });
    fireEvent.click(screen.getByRole("button", { name: "Retirer Enfant 1" }));
    fireEvent.click(screen.getByRole("button", { name: "Oui, retirer" }));
    expect(document.activeElement).toBe(addButton());
  });

  it("offers no more items than the flow allows", () => {
    showGroup(children(), { items: Array.from({ length: 9 }, () => ({})) });
    fireEvent.click(addButton());
    expect(screen.getAllByRole("heading", { level: 2 })).toHaveLength(10);
    expect(screen.queryByRole("button", { name: "Ajouter un enfant" })).toBeNull();
  });

  it("shows the group's own error with the add button, where the summary leads", () => {
    showGroup(children(), {
      errors: [
        { path: "children", code: "minItems", key: "fields.children.errors.minItems", params: { count: 1 } },
      ],
    });
    expect(addButton().id).toBe("children");
    expect(descriptionOf(addButton())).toBe(
      "Ajoutez seulement les enfants qui vont à l'école. Erreur : Ajoutez au moins un enfant.",
    );
  });

  it("shows an item's errors on its questions", () => {
    showGroup(children(), {
      items: [{ firstName: "Léa" }, {}],
      errors: [{ path: "children.1.firstName", code: "required", key: "errors:required", params: {} }],
    });
    const second = screen.getByRole("group", { name: "Enfant 2" });
    const firstName = within(second).getByLabelText("Prénom de l'enfant");
    expect(firstName.getAttribute("aria-invalid")).toBe("true");
    expect(descriptionOf(firstName)).toBe("Erreur : Répondez à cette question pour continuer.");
    const first = screen.getByRole("group", { name: "Enfant 1\u00a0: Léa" });
    expect(within(first).getByLabelText("Prénom de l'enfant").getAttribute("aria-invalid")).toBeNull();
  });

  it("asks only the questions the caller says are shown for that item", () => {
    const members = groupField("aide-medicale", "members");
    showGroup(members, {
      flowId: "aide-medicale",
      items: [{ relation: "partner" }],
      isShown: (_, subField) => subField.id !== "childResources",
    });
    expect(screen.getByLabelText("Ses ressources par mois, en francs")).toBeTruthy();
    expect(screen.queryByLabelText(/s'il en a/)).toBeNull();
  });
});
