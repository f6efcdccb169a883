// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { errorText } from "../../../../src/app/wizard/fields/error-message";
import type { FileStore } from "../../../../src/app/wizard/fields/field-props";
import { QuestionField } from "../../../../src/app/wizard/fields/question-field";
import type { DocumentRef } from "../../../../src/shared/engine/validate";
import type { LeafFieldDef } from "../../../../src/shared/flow/schema";
import { descriptionOf, flowText, leafField, loadFrenchTexts } from "./french-texts";
import { pointerIs } from "./pointer";

const photo: DocumentRef = { id: "f1", name: "avis-page-1.jpg", type: "image/jpeg", size: 1_234_567 };
const scan: DocumentRef = { id: "f2", name: "avis-page-2.pdf", type: "application/pdf", size: 80_000 };

/** The document question as a page shows it: each reported list comes back as the value. */
function showDocument(field: LeafFieldDef, value: DocumentRef[], files: FileStore) {
  const onChange = vi.fn();
  const view = (current: DocumentRef[]) => (
    <QuestionField
      field={field}
      id={field.id}
      value={current}
      onChange={(next) => {
        onChange(next);
        rerender(view(next as DocumentRef[]));
      }}
      text={flowText("bourse-scolaire")}
      files={files}
    />
  );
  const { rerender } = render(view(value));
  return onChange;
}

function pick(file: File) {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]:not([capture])');
  if (!input) throw new Error("no file input");
  fireEvent.change(input, { target: { files: [file] } });
}

const taxNotice = () => leafField("bourse-scolaire", "taxNoticeFile");
const rib = () => leafField("bourse-scolaire", "ribFile");
const newFile = () => new File(["x"], "rib.jpg", { type: "image/jpeg" });

beforeAll(loadFrenchTexts);
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("a document", () => {
  it("is a named set of buttons, with the formats and limits said before choosing", () => {
    pointerIs("coarse");
    showDocument(taxNotice(), [], { store: vi.fn(), remove: vi.fn() });
    const group = screen.getByRole("group", { name: "Votre avis d'imposition ou de non-imposition" });
    const choose = within(group).getByRole("button", { name: "Choisir un fichier" });
    expect(choose.id).toBe("taxNoticeFile");
    expect(descriptionOf(choose)).toBe(
      "Formats acceptés : JPEG, PNG, WebP, HEIC ou PDF. 5 Mo au plus par fichier. " +
        "Vous pouvez ajouter jusqu'à 4 fichiers, par exemple une photo par page.",
    );
    expect(within(group).getByRole("button", { name: "Prendre une photo" })).toBeTruthy();
    const camera = document.querySelector('input[type="file"][capture]');
    expect(camera?.getAttribute("capture")).toBe("environment");
    expect(camera?.getAttribute("accept")).toBe("image/jpeg,image/png,image/webp,image/heic");
  });

  it("offers no photo on a PC, where a camera is unlikely, and still lets the person choose a file", () => {
    pointerIs("fine");
    showDocument(taxNotice(), [], { store: vi.fn(), remove: vi.fn() });
    expect(screen.getByRole("button", { name: "Choisir un fichier" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Prendre une photo" })).toBeNull();
    expect(document.querySelector('input[type="file"][capture]')).toBeNull();
  });

  it("says how to add a missing document, with the buttons this device shows", () => {
    const message = (pointer: "coarse" | "fine") => {
      pointerIs(pointer);
      const field = taxNotice();
      const text = errorText(
        { path: field.id, code: "required", key: "errors:required", params: {} },
        field,
        flowText("bourse-scolaire"),
        "fr",
      );
      vi.restoreAllMocks();
      return text;
    };
    expect(message("coarse")).toBe(
      "Ajoutez ce document pour continuer. Utilisez le bouton «\u00a0Prendre une photo\u00a0» ou «\u00a0Choisir un fichier\u00a0» sous la question.",
    );
    expect(message("fine")).toBe(
      "Ajoutez ce document pour continuer. Utilisez le bouton «\u00a0Choisir un fichier\u00a0» sous la question.",
    );
  });

  it("lists the files added with their size", () => {
    showDocument(taxNotice(), [photo, scan], { store: vi.fn(), remove: vi.fn() });
    const list = screen.getByRole("list", { name: "Fichiers ajoutés" });
    const items = within(list).getAllByRole("listitem");
    // Without a stored thumbnail, the format's name stands in for the picture.
    expect(items.map((item) => item.textContent)).toEqual([
      "JPEGavis-page-1.jpg1,2\u00a0MoRemplacer avis-page-1.jpgRetirer avis-page-1.jpg",
      "PDFavis-page-2.pdf80\u00a0KoRemplacer avis-page-2.pdfRetirer avis-page-2.pdf",
    ]);
  });

  it("stores a chosen file, saying so calmly, and adds it to the answer", async () => {
    let finish: (ref: DocumentRef) => void = () => undefined;
    const store = vi.fn(() => new Promise<DocumentRef>((resolve) => (finish = resolve)));
    const onChange = showDocument(taxNotice(), [photo], { store, remove: vi.fn() });
    const file = new File(["%PDF"], "avis-page-2.pdf", { type: "application/pdf" });
    pick(file);
    expect(store).toHaveBeenCalledWith(file, expect.objectContaining({ maxBytes: 5_000_000 }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Enregistrement du fichier…"));
    finish(scan);
    await waitFor(() => expect(onChange).toHaveBeenCalledWith([photo, scan]));
    expect(screen.getByRole("status").textContent).toBe("Fichier ajouté\u00a0: avis-page-2.pdf.");
  });

  it("says plainly when a file could not be stored, whatever the store's reason", async () => {
    const store = vi.fn(() => Promise.reject(new Error("storage:quotaExceeded")));
    const onChange = showDocument(rib(), [], { store, remove: vi.fn() });
    pick(newFile());
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Le fichier n'a pas pu être enregistré. Réessayez." +
        "Vos réponses et les fichiers déjà ajoutés restent enregistrés.",
    );
    expect(onChange).not.toHaveBeenCalled();
  });

  it("removes a file from the answer and from the store, then offers to add one again", () => {
    const remove = vi.fn(() => Promise.resolve());
    const onChange = showDocument(rib(), [photo], { store: vi.fn(), remove });
    expect(screen.queryByRole("button", { name: "Choisir un fichier" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Retirer avis-page-1.jpg" }));
    expect(remove).toHaveBeenCalledWith(photo);
    expect(onChange).toHaveBeenCalledWith([]);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Choisir un fichier" }));
    expect(screen.getByRole("status").textContent).toBe("Fichier retiré\u00a0: avis-page-1.jpg.");
  });

  it("offers no more files than the document allows, and keeps its id on a control", () => {
    showDocument(rib(), [photo], { store: vi.fn(), remove: vi.fn() });
    expect(screen.queryByRole("button", { name: "Prendre une photo" })).toBeNull();
    expect(screen.getByRole("button", { name: "Remplacer avis-page-1.jpg" }).id).toBe("ribFile");
  });

  it("lets a person without the document yet say they will send it later, where the rules allow", async () => {
    const onChange = showDocument(taxNotice(), [], {
      store: vi.fn().mockResolvedValue(photo),
      remove: vi.fn(),
    });
    const later = screen.getByRole("checkbox", {
      name: "Je n'ai pas encore ce document. Je l'enverrai plus tard.",
    });
    // What it means for the request, from the flow's rules, read with the box.
    expect(descriptionOf(later)).toBe(
      "Vous pouvez envoyer votre demande sans l'avis. Le service l'étudiera quand il aura reçu l'avis. " +
        "Gardez le numéro de votre demande pour l'envoyer.",
    );
    fireEvent.click(later);
    expect(onChange).toHaveBeenLastCalledWith("later");
    fireEvent.click(later);
    expect(onChange).toHaveBeenLastCalledWith(undefined);
    fireEvent.click(later);
    // The document arrived after all: the file replaces "later", and the box goes.
    pick(new File(["x"], "avis.jpg", { type: "image/jpeg" }));
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith([photo]));
    expect(screen.queryByRole("checkbox")).toBeNull();
  });

  it("offers no 'later' for a document the request cannot go without", () => {
    showDocument(rib(), [], { store: vi.fn(), remove: vi.fn() });
    expect(screen.queryByRole("checkbox")).toBeNull();
  });
});
