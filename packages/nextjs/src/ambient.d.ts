// The package builds without Node's types (its middleware code must stay edge-safe); Next provides
// `process.env` in every runtime, so that one global is declared here.
declare const process: { env: Record<string, string | undefined> };
