// How the instance's Node process runs, wherever a script starts it (npm start, the benchmarks). The Dockerfile sets
// the same variables; whatever the operator sets wins. Measured in docs/benchmarks.md ("Memory"):
// - V8 otherwise sizes the heap from the machine's memory and lets garbage pile up to several hundred MB under load
//   before collecting it; the live heap under the catalogue benchmark stays near 100 MB.
// - glibc gives each thread that allocates its own malloc arena; two arenas save about 50 MB of RSS under load at no
//   measurable cost in throughput.
// - The young generation's semi-spaces default to 16 MB each; 8 MB trims the peak by about 8 MB (301 → 293 MB in the
//   catalogue benchmark) with unchanged throughput: its garbage is short-lived request data.
export const RUNTIME_DEFAULTS = Object.freeze({
  NODE_OPTIONS: '--max-old-space-size=160 --max-semi-space-size=8',
  MALLOC_ARENA_MAX: '2',
});

/** The environment to start the instance with: `env`, plus each default it does not set itself. */
export function instanceEnvironment(env) {
  const result = { ...env };
  for (const [name, value] of Object.entries(RUNTIME_DEFAULTS)) if (!result[name]) result[name] = value;
  return result;
}
