/**
 * The French texts of locales/fr, for what the server itself says: a flow's title in /api/flows
 * and validation messages. The browser uses i18next; the server only needs lookups, French plural
 * forms and {{name}} interpolation, so it reads the same files without i18next.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

type Tree = { readonly [key: string]: string | Tree };

const PLURAL = new Intl.PluralRules("fr");

export class FrenchTexts {
  private constructor(private readonly namespaces: ReadonlyMap<string, Tree>) {}

  static async load(localesDir: string): Promise<FrenchTexts> {
    const dir = join(localesDir, "fr");
    const files = (await readdir(dir)).filter((name) => name.endsWith(".json"));
    const entries = await Promise.all(
      files.map(
        async (name) =>
          [name.slice(0, -5), JSON.parse(await readFile(join(dir, name), "utf8")) as Tree] as const,
      ),
    );
    return new FrenchTexts(new Map(entries));
  }

  /**
   * The text of a key ("errors:required", or "title" in `defaultNamespace`), with its parameters
   * written in; undefined when there is no such text. A numeric `count` picks the plural form.
   */
  text(key: string, defaultNamespace: string, params: Readonly<Record<string, string | number>> = {}) {
    const colon = key.indexOf(":");
    const namespace = colon === -1 ? defaultNamespace : key.slice(0, colon);
    const path = colon === -1 ? key : key.slice(colon + 1);
    const tree = this.namespaces.get(namespace);
    if (!tree) return undefined;
    const count = params.count;
    const template =
      (typeof count === "number" ? lookup(tree, `${path}_${PLURAL.select(count)}`) : undefined) ??
      (typeof count === "number" ? lookup(tree, `${path}_other`) : undefined) ??
      lookup(tree, path);
    return template?.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  }
}

function lookup(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split(".")) {
    if (typeof node !== "object") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}
