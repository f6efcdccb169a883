/**
 * `npm run flows:check`: checks every flow in flows/ and its example answer sets, prints each
 * problem with where it is, and exits 1 if there is any. Authors run it before proposing a change.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkExample, isExample } from "../shared/engine/examples";
import { checkFlow, type Locales, type Problem } from "../shared/flow/check";
import { type Flow, parseFlow } from "../shared/flow/schema";

const root = join(import.meta.dirname, "..", "..");
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));

function readLocales(): Locales {
  const dir = join(root, "locales");
  return Object.fromEntries(
    readdirSync(dir).map((lng) => [
      lng,
      Object.fromEntries(
        readdirSync(join(dir, lng))
          .filter((f) => f.endsWith(".json"))
          .map((f) => [f.replace(/\.json$/, ""), readJson(join(dir, lng, f))]),
      ),
    ]),
  );
}

/** The example answer sets, and the mistakes (mistakes/) the flow's checks must refuse. */
function exampleFiles(dir: string): string[] {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
  const mistakes = join(dir, "mistakes");
  if (!existsSync(mistakes)) return files;
  return [...files, ...readdirSync(mistakes).flatMap((f) => (f.endsWith(".json") ? [`mistakes/${f}`] : []))];
}

function checkExamples(flow: Flow): Problem[] {
  const dir = join(root, "flows", "examples", flow.id);
  const files = exampleFiles(dir);
  if (files.length === 0)
    return [{ rule: "structure", where: "examples", message: `no example in flows/examples/${flow.id}/` }];
  return files.flatMap((file): Problem[] => {
    const example = readJson(join(dir, file));
    if (!isExample(example))
      return [
        {
          rule: "schema" as const,
          where: `examples/${file}`,
          message: "needs description, answers and expect.end",
        },
      ];
    return checkExample(flow, example).map((message) => ({
      rule: "structure" as const,
      where: `examples/${file}`,
      message,
    }));
  });
}

const locales = readLocales();
const flowFiles = readdirSync(join(root, "flows")).filter((f) => f.endsWith(".json"));
let total = 0;
for (const file of flowFiles) {
  const input = readJson(join(root, "flows", file));
  const problems: Problem[] = checkFlow(input, locales);
  const flow = parseFlow(input).flow;
  if (flow && file !== `${flow.id}.json`)
    problems.push({ rule: "structure", where: file, message: `the file should be named ${flow.id}.json` });
  // Earlier versions (flows/previous) may lack it; a procedure people can start never does.
  if (flow && !flow.contact)
    problems.push({
      rule: "structure",
      where: "contact",
      message: "say how to reach the department: its phone, address and hours (flows/README.md)",
    });
  if (flow && problems.length === 0) problems.push(...checkExamples(flow));
  for (const p of problems) console.error(`flows/${file}: [${p.rule}] ${p.where}: ${p.message}`);
  total += problems.length;
}
/**
 * Earlier versions kept for the server (flows/previous/<id>.v<version>.json): each must still be a
 * valid flow, older than the current one, so a request filled in with it can be checked.
 */
const previousDir = join(root, "flows", "previous");
const previousFiles = existsSync(previousDir)
  ? readdirSync(previousDir).filter((f) => f.endsWith(".json"))
  : [];
for (const file of previousFiles) {
  const { flow, issues } = parseFlow(readJson(join(previousDir, file)));
  const current =
    flow && flowFiles.includes(`${flow.id}.json`)
      ? parseFlow(readJson(join(root, "flows", `${flow.id}.json`))).flow
      : undefined;
  const problems = !flow
    ? issues.map((issue) => `${issue.path}: ${issue.message}`)
    : file !== `${flow.id}.v${flow.version}.json`
      ? [`the file should be named ${flow.id}.v${flow.version}.json`]
      : !current
        ? [`there is no flows/${flow.id}.json`]
        : current.version <= flow.version
          ? [`version ${flow.version} is not older than the current ${current.version}`]
          : [];
  for (const message of problems) console.error(`flows/previous/${file}: [version] ${message}`);
  total += problems.length;
}
console.log(`flows:check: ${flowFiles.length} flows, ${total} problem${total === 1 ? "" : "s"}`);
process.exitCode = total > 0 ? 1 : 0;
