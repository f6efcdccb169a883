// fake-indexeddb ships types for "./auto" that its package.json "exports" does not point to.
declare module "fake-indexeddb/auto";
