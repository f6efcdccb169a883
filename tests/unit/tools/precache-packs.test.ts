import { describe, expect, it } from "vitest";
import { type BundleFile, precacheManifest, splitPrecache } from "../../../src/tools/precache-packs";

const chunk = (
  file: string,
  source: string | undefined,
  loads: string[] = [],
  isEntry = false,
): BundleFile => ({
  file,
  source,
  isEntry,
  loads,
});

/** The app's shape in small: an entry that can load any locale and the wizard, which can load any flow. */
const bundle: BundleFile[] = [
  chunk("index.html", undefined),
  chunk("assets/index.js", "/p/index.html", ["assets/shared.js", "assets/catalogue.js"], true),
  chunk("assets/catalogue.js", "/p/src/app/catalogue/catalogue-page.tsx", [
    "assets/locale-fr-common.js",
    "assets/locale-fr-glossary.js",
    "assets/locale-fr-a.js",
    "assets/locale-fr-b.js",
    "assets/wizard-route.js",
    "assets/requests.js",
  ]),
  chunk("assets/shared.js", "/p/src/app/i18n/i18n.ts"),
  chunk("assets/requests.js", "/p/src/app/requests/my-requests-page.tsx", ["assets/shared.js"]),
  chunk("assets/wizard-route.js", "/p/src/app/wizard/wizard-route.tsx", [
    "assets/shared.js",
    "assets/engine.js",
    "assets/a.js",
    "assets/b.js",
    "assets/wizard.css",
  ]),
  chunk("assets/engine.js", undefined),
  chunk("assets/wizard.css", undefined),
  chunk("assets/a.js", "/p/flows/a.json"),
  chunk("assets/b.js", "/p/flows/b.json"),
  chunk("assets/locale-fr-common.js", "/p/locales/fr/common.json"),
  chunk("assets/locale-fr-glossary.js", "/p/locales/fr/glossary.json"),
  chunk("assets/locale-fr-a.js", "/p/locales/fr/a.json"),
  chunk("assets/locale-fr-b.js", "/p/locales/fr/b.json"),
  chunk("favicon.svg", undefined),
];

/** The staff pages: another entry, sharing the citizens' i18n chunk, with a library of its own. */
const staffBundle: BundleFile[] = [
  ...bundle.map((f) =>
    f.file === "assets/catalogue.js" ? { ...f, loads: [...f.loads, "assets/locale-fr-staff.js"] } : f,
  ),
  chunk("src/staff/index.html", undefined),
  chunk(
    "assets/staff.js",
    "/p/src/staff/index.html",
    ["assets/shared.js", "assets/staff.css", "assets/qr.js", "assets/locale-fr-staff.js"],
    true,
  ),
  chunk("assets/staff.css", undefined),
  chunk("assets/qr.js", undefined),
  chunk("assets/locale-fr-staff.js", "/p/locales/fr/staff.json"),
];

/** The hand-off's page: online only, with a QR encoder nothing else loads. */
const handoffBundle: BundleFile[] = [
  ...bundle.map((f) =>
    f.file === "assets/catalogue.js" ? { ...f, loads: [...f.loads, "assets/handoff-send-page.js"] } : f,
  ),
  chunk("assets/handoff-send-page.js", "/p/src/app/handoff/handoff-send-page.tsx", [
    "assets/shared.js",
    "assets/qr.js",
  ]),
  chunk("assets/qr.js", undefined),
];

describe("splitPrecache", () => {
  const split = splitPrecache(bundle, ["a", "b"]);

  it("downloads at the first visit what a person reaches without opening a procedure", () => {
    expect(split.shell).toEqual(
      [
        "assets/catalogue.js",
        "assets/index.js",
        "assets/locale-fr-common.js",
        "assets/requests.js",
        "assets/shared.js",
        "favicon.svg",
        "index.html",
      ].sort(),
    );
  });

  it("gives each procedure the wizard, its own flow and texts, and nothing of the other's", () => {
    const wizard = [
      "assets/engine.js",
      "assets/locale-fr-glossary.js",
      "assets/wizard-route.js",
      "assets/wizard.css",
    ];
    expect(split.packs.a).toEqual([...wizard, "assets/a.js", "assets/locale-fr-a.js"].sort());
    expect(split.packs.b).toEqual([...wizard, "assets/b.js", "assets/locale-fr-b.js"].sort());
  });

  it("keeps the first visit the same size when a procedure is added", () => {
    const withC = splitPrecache(
      [
        ...bundle.map((f) =>
          f.file === "assets/wizard-route.js" ? { ...f, loads: [...f.loads, "assets/c.js"] } : f,
        ),
        chunk("assets/c.js", "/p/flows/c.json"),
      ],
      ["a", "b", "c"],
    );
    expect(withC.shell).toEqual(split.shell);
    expect(withC.packs.c).toContain("assets/c.js");
  });

  it("precaches no file of the staff pages, not even their texts the citizens' i18n could load", () => {
    const withStaff = splitPrecache(staffBundle, ["a", "b"]);
    const staffFiles = [
      "assets/locale-fr-staff.js",
      "assets/qr.js",
      "assets/staff.css",
      "assets/staff.js",
      "src/staff/index.html",
    ];
    expect(withStaff.staff).toEqual(staffFiles);
    expect(withStaff.shell).toEqual(split.shell);
    expect(withStaff.packs).toEqual(split.packs);
    const manifest = precacheManifest(
      staffBundle.map(({ file }) => ({ url: file, revision: null })),
      withStaff,
    );
    const urls = manifest.map((entry) => entry.url);
    for (const file of staffFiles) expect(urls).not.toContain(file);
    // What both apps load stays, for the citizens.
    expect(urls).toContain("assets/shared.js");
    expect(manifest.find((entry) => entry.url === "assets/a.js")?.flows).toEqual(["a"]);
  });

  it("precaches no online-only page, nor what only it loads, and keeps what it shares", () => {
    const withHandoff = splitPrecache(handoffBundle, ["a", "b"]);
    expect(withHandoff.onlineOnly).toEqual(["assets/handoff-send-page.js", "assets/qr.js"]);
    expect(withHandoff.shell).toEqual(split.shell);
    const urls = precacheManifest(
      handoffBundle.map(({ file }) => ({ url: file, revision: null })),
      withHandoff,
    ).map((entry) => entry.url);
    expect(urls).not.toContain("assets/handoff-send-page.js");
    expect(urls).not.toContain("assets/qr.js");
    expect(urls).toContain("assets/shared.js");
  });
});
