/**
 * Text shown to people lives in locales/, never in components: this reads every component and
 * fails on words written in JSX (text between tags, {"…"} children, or user-visible attributes).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../..");
const VISIBLE_ATTRIBUTES = new Set([
  "aria-label",
  "title",
  "placeholder",
  "alt",
  "aria-description",
  "aria-roledescription",
]);
const WORD = /\p{L}{2,}/u;

function components(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return components(path);
    return entry.name.endsWith(".tsx") ? [path] : [];
  });
}

/** Words a person would see, written in the component itself, with their line. */
function hardCodedTexts(source: string, fileName = "component.tsx"): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${line + 1}: ${text.trim()}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORD.test(node.text)) report(node, node.text);
    if (
      ts.isJsxExpression(node) &&
      node.expression &&
      ts.isStringLiteralLike(node.expression) &&
      WORD.test(node.expression.text)
    )
      if (!ts.isJsxAttribute(node.parent)) report(node, node.expression.text);
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const { initializer } = node;
      const value = ts.isStringLiteral(initializer)
        ? initializer.text
        : ts.isJsxExpression(initializer) &&
            initializer.expression &&
            ts.isStringLiteralLike(initializer.expression)
          ? initializer.expression.text
          : "";
      if (WORD.test(value)) report(node, value);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("components", () => {
  it("catches words in JSX text, in string children and in visible attributes", () => {
    expect(hardCodedTexts(`const a = <p>Bonjour {name}</p>;`)).toEqual(["1: Bonjour"]);
    expect(hardCodedTexts(`const a = <p>{"Envoyer"}</p>;`)).toEqual(["1: Envoyer"]);
    expect(hardCodedTexts(`const a = <button aria-label="Fermer" class="x">×</button>;`)).toEqual([
      "1: Fermer",
    ]);
    expect(hardCodedTexts(`const a = <p class="lead">{t("a.b")} : {n}</p>;`)).toEqual([]);
  });

  it.each(
    [...components(join(root, "src/app")), ...components(join(root, "src/staff"))].map((path) => [
      relative(root, path),
      path,
    ]),
  )("%s shows no text of its own", (_, path) => {
    expect(hardCodedTexts(readFileSync(path, "utf8"), path)).toEqual([]);
  });
});
