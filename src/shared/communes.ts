/**
 * The 33 communes of New Caledonia with their official spelling and province. Proper nouns, the
 * same in every language, so they are data here rather than text in locales/. Poya is counted
 * with the North, as the statistics office does, although its southern part is in province Sud.
 */
export type Province = "sud" | "nord" | "iles";

export interface Commune {
  readonly id: string;
  readonly name: string;
  readonly province: Province;
}

const BY_PROVINCE: Record<Province, readonly string[]> = {
  sud: [
    "Bouloupari",
    "Bourail",
    "Dumbéa",
    "Farino",
    "L'Île-des-Pins",
    "La Foa",
    "Le Mont-Dore",
    "Moindou",
    "Nouméa",
    "Païta",
    "Sarraméa",
    "Thio",
    "Yaté",
  ],
  nord: [
    "Belep",
    "Canala",
    "Hienghène",
    "Houaïlou",
    "Kaala-Gomen",
    "Koné",
    "Koumac",
    "Kouaoua",
    "Ouégoa",
    "Poindimié",
    "Ponérihouen",
    "Pouébo",
    "Pouembout",
    "Poum",
    "Poya",
    "Touho",
    "Voh",
  ],
  iles: ["Lifou", "Maré", "Ouvéa"],
};

/** Lower case, no accents, no apostrophes or hyphens: "L'Île-des-Pins" and "ile des pins" meet. */
export function foldName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export const COMMUNES: readonly Commune[] = (Object.keys(BY_PROVINCE) as Province[]).flatMap((province) =>
  BY_PROVINCE[province].map((name) => ({ id: foldName(name).replace(/ /g, "-"), name, province })),
);

const BY_ID = new Map(COMMUNES.map((c) => [c.id, c]));

export function communeById(id: string): Commune | undefined {
  return BY_ID.get(id);
}

export function isCommuneId(value: unknown): value is string {
  return typeof value === "string" && BY_ID.has(value);
}

/** "Le Mont-Dore" → "mont dore": people type a commune by its name, rarely by its article. */
function withoutArticle(folded: string): string {
  return folded.replace(/^(le|la|les|l) /, "");
}

/** Whether one of the name's words starts with `word`: "mont" starts a word of "le mont dore". */
function startsAWord(folded: string, word: string): boolean {
  return folded.split(" ").some((part) => part.startsWith(word));
}

/**
 * Communes whose folded name contains every folded word typed. Those where each word typed starts
 * a word of the name come first ("ou" offers Ouégoa before Bouloupari), then list order: the
 * article does not count, so "Mont" finds Le Mont-Dore first and not Moindou.
 */
export function searchCommunes(query: string): Commune[] {
  const words = foldName(query).split(" ").filter(Boolean);
  const found = COMMUNES.filter((c) => {
    const folded = foldName(c.name);
    return words.every((w) => folded.includes(w));
  });
  const atWordStart = (c: Commune) => words.every((w) => startsAWord(foldName(c.name), w));
  return [...found.filter(atWordStart), ...found.filter((c) => !atWordStart(c))];
}

/** The commune a typed text names in full, with or without accents or article: "mont dore", "Koné". */
export function communeNamed(text: string): Commune | undefined {
  const typed = withoutArticle(foldName(text));
  if (typed === "") return undefined;
  return COMMUNES.find((c) => withoutArticle(foldName(c.name)) === typed);
}
