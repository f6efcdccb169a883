/** Produced at build time by src/tools/flow-catalogue.ts from flows/*.json: metadata only, no steps. */
declare module "virtual:flow-catalogue" {
  export interface Procedure {
    readonly id: string;
    /** Full i18next keys (`procedures:<id>.title`), in the namespace below. */
    readonly title: string;
    readonly summary: string;
    readonly audience: string;
    readonly department: string;
    readonly estimatedMinutes: number;
    /** The questions whose answers name the person (first name, last name). */
    readonly personName: readonly string[];
    readonly parameters: Readonly<Record<string, number | string>>;
  }
  export const procedures: readonly Procedure[];
  /** The i18next namespace of the texts below, added to i18next before the first render. */
  export const namespace: string;
  /** Per language, per procedure id, its title, summary, audience and department. */
  export const texts: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>>;
}
