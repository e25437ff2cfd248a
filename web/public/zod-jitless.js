// zod 4 probes, when a schema is built, whether it may compile validators with `new Function`; the
// portal's Content-Security-Policy (no 'unsafe-eval') refuses that, and the browser reports the violation
// on every page load. This classic deferred script runs before the app's module (deferred scripts run in
// document order) and asks zod to validate without compiling (its global config lives on globalThis).
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
