/** Produced at build time by src/tools/flow-catalogue.ts from flows/*.json: metadata only, no steps. */
declare module "virtual:flow-catalogue" {
  export interface Procedure {
    readonly id: string;
    /** Full i18next keys (`namespace:key`). */
    readonly title: string;
    readonly summary: string;
    readonly audience: string;
    readonly department: string;
    readonly estimatedMinutes: number;
    readonly parameters: Readonly<Record<string, number | string>>;
  }
  export const procedures: readonly Procedure[];
  /** Locale namespaces holding the texts above. */
  export const namespaces: readonly string[];
}
