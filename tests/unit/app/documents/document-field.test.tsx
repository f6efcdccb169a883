// @vitest-environment happy-dom
/** The document field with what the device does to files: refusals, storage failures, replacing, thumbnails. */
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DocumentError } from "../../../../src/app/documents/document-error";
import { StorageError } from "../../../../src/app/storage/storage-errors";
import { DocumentField } from "../../../../src/app/wizard/fields/document-field";
import type { FileStore, LeafFieldOfType } from "../../../../src/app/wizard/fields/field-props";
import type { DocumentRef } from "../../../../src/shared/engine/validate";
import { flowText, leafField, loadFrenchTexts } from "../fields/french-texts";
import { pointerIs } from "../fields/pointer";

const page1: DocumentRef = { id: "f1", name: "avis-page-1.jpg", type: "image/jpeg", size: 240_000 };
const page1Again: DocumentRef = { id: "f3", name: "avis-page-1-net.jpg", type: "image/jpeg", size: 250_000 };
const newPage: DocumentRef = { id: "f2", name: "avis-page-2.jpg", type: "image/jpeg", size: 230_000 };

const taxNotice = () => leafField("bourse-scolaire", "taxNoticeFile") as LeafFieldOfType<"document">;

function fakeStore(overrides: Partial<FileStore> = {}): FileStore {
  return { store: vi.fn(), remove: vi.fn(() => Promise.resolve()), ...overrides };
}

/** The field as a page shows it: each reported list comes back as the value. */
function showDocument(value: DocumentRef[], files: FileStore) {
  const field = taxNotice();
  const onChange = vi.fn();
  const view = (current: DocumentRef[]) => (
    <DocumentField
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
  const { rerender, unmount } = render(view(value));
  return { onChange, unmount };
}

function pick(file: File, input = document.querySelector<HTMLInputElement>('input[type="file"]')) {
  if (!input) throw new Error("no file input");
  fireEvent.change(input, { target: { files: [file] } });
}
/** The hidden input "Remplacer" opens: the last one. */
const replacer = () => [...document.querySelectorAll<HTMLInputElement>('input[type="file"]')].at(-1) ?? null;

const photo = (name = "photo.jpg") => new File(["jpeg"], name, { type: "image/jpeg" });

beforeAll(loadFrenchTexts);
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("a file the field cannot take", () => {
  // On a phone: the messages name the "Prendre une photo" button it shows.
  beforeEach(() => pointerIs("coarse"));

  it.each([
    [
      new DocumentError("unsupported"),
      "notes.docx\u00a0: Ce fichier n'est pas une photo ni un PDF. Envoyez une photo (JPEG, PNG, WebP) ou un PDF.",
    ],
    [
      new DocumentError("tooLarge", "application/pdf", 8_200_000),
      "notes.docx\u00a0: Ce fichier fait 8,2\u00a0Mo, plus que la limite de 5\u00a0Mo. " +
        "Prenez plutôt une photo de chaque page avec le bouton «\u00a0Prendre une photo\u00a0».",
    ],
    [
      new DocumentError("undecodable", "image/heic"),
      "notes.docx\u00a0: Ce téléphone ne sait pas ouvrir les photos HEIC. " +
        "Prenez la photo avec le bouton «\u00a0Prendre une photo\u00a0», ou enregistrez-la en JPEG.",
    ],
  ])("is explained plainly (%s), with nothing to retry", async (error, message) => {
    const { onChange } = showDocument([], fakeStore({ store: vi.fn(() => Promise.reject(error)) }));
    pick(new File(["x"], "notes.docx"));
    expect((await screen.findByRole("alert")).textContent).toBe(message);
    expect(screen.queryByRole("button", { name: "Réessayer" })).toBeNull();
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe("a file the device could not store", () => {
  it("says why, that nothing saved is lost, and stores the same file on retry", async () => {
    const store = vi
      .fn<FileStore["store"]>()
      .mockRejectedValueOnce(new StorageError("quota"))
      .mockResolvedValueOnce(newPage);
    const { onChange } = showDocument([page1], fakeStore({ store }));
    const file = photo();
    pick(file);
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Il n'y a plus assez de place sur ce téléphone pour enregistrer le fichier. " +
        "Libérez de la place (photos, vidéos, applications), puis réessayez." +
        "Vos réponses et les fichiers déjà ajoutés restent enregistrés.",
    );
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Réessayer" }));
    await waitFor(() => expect(onChange).toHaveBeenCalledWith([page1, newPage]));
    expect(store).toHaveBeenLastCalledWith(file, expect.objectContaining({ maxBytes: 5_000_000 }));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("button", { name: "Réessayer" })).toBeNull();
  });

  it("counts the files left to store when several failed", async () => {
    const store = vi.fn(() => Promise.reject(new StorageError("blobWrite")));
    showDocument([], fakeStore({ store }));
    const chooser = document.querySelector<HTMLInputElement>('input[type="file"]');
    if (!chooser) throw new Error("no file input");
    fireEvent.change(chooser, { target: { files: [photo("p1.jpg"), photo("p2.jpg")] } });
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toMatch(
        /^Le téléphone n'a pas réussi à enregistrer 2 fichiers\./,
      ),
    );
  });
});

describe("replacing a file", () => {
  it("puts the new file in the old one's place, then forgets the old one", async () => {
    const remove = vi.fn(() => Promise.resolve());
    const store = vi.fn(() => Promise.resolve(page1Again));
    const { onChange } = showDocument([page1, newPage], fakeStore({ store, remove }));
    fireEvent.click(screen.getByRole("button", { name: "Remplacer avis-page-1.jpg" }));
    pick(photo("IMG_2001.jpg"), replacer());
    await waitFor(() => expect(onChange).toHaveBeenCalledWith([page1Again, newPage]));
    expect(remove).toHaveBeenCalledWith(page1);
    expect(screen.getByRole("status").textContent).toBe("Fichier remplacé\u00a0: avis-page-1-net.jpg.");
  });

  it("keeps the old file when the new one could not be stored", async () => {
    const remove = vi.fn(() => Promise.resolve());
    const store = vi.fn(() => Promise.reject(new StorageError("unknown")));
    const { onChange } = showDocument([page1], fakeStore({ store, remove }));
    fireEvent.click(screen.getByRole("button", { name: "Remplacer avis-page-1.jpg" }));
    pick(photo(), replacer());
    await screen.findByRole("alert");
    expect(onChange).not.toHaveBeenCalled();
    expect(remove).not.toHaveBeenCalled();
  });
});

describe("while a photo is prepared", () => {
  it("says so calmly", async () => {
    let finish: (ref: DocumentRef) => void = () => undefined;
    const store = vi.fn(() => new Promise<DocumentRef>((resolve) => (finish = resolve)));
    showDocument([], fakeStore({ store }));
    pick(photo());
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Préparation de la photo…"));
    finish(newPage);
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe("Fichier ajouté\u00a0: avis-page-2.jpg."),
    );
  });
});

describe("a stored photo's thumbnail", () => {
  it("is shown from the device, and its object URL let go when the field goes", async () => {
    const create = vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:thumbnail-f1");
    const revoke = vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => undefined);
    const thumbnail = vi.fn(() => Promise.resolve(new Blob(["tiny jpeg"])));
    const { unmount } = showDocument([page1], fakeStore({ thumbnail }));
    await waitFor(() => expect(document.querySelector("img")?.getAttribute("src")).toBe("blob:thumbnail-f1"));
    expect(thumbnail).toHaveBeenCalledWith(page1);
    expect(create).toHaveBeenCalledTimes(1);
    // Decorative: the file's name beside it says what it is.
    expect(document.querySelector("img")?.getAttribute("alt")).toBe("");
    unmount();
    expect(revoke).toHaveBeenCalledWith("blob:thumbnail-f1");
  });
});
