// zod compiles object parsers with `new Function` when it can, and probes for
// it when an object schema is built; under the server's Content-Security-Policy
// (no 'unsafe-eval') that probe is a policy violation on every page. The
// interpreted parser gives the same results.
// zod keeps its global settings in `globalThis.__zod_globalConfig` and only
// creates that object when it is missing, so setting `jitless` there before any
// zod module runs switches the probe off without importing zod: `z.config()`
// here would put zod's core into every resident's first download (~4 KB gzip),
// although only screens that build schemas need it. zod-no-eval.test.ts checks
// that zod still reads this object.
type ZodGlobal = { __zod_globalConfig?: { jitless?: boolean } };
const g = globalThis as ZodGlobal;
(g.__zod_globalConfig ??= {}).jitless = true;

export {};
