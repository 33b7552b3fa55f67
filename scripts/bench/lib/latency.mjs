// Exact per-class request figures for a load run: every latency is kept (a minute at a few thousand requests a second
// is a few hundred thousand numbers), so percentiles are read from the sorted values, not from buckets.

/** The status bucket an answer falls in, as the report groups them. */
export function outcomeOf(result) {
  if (result.error) return 'socket';
  if (result.status === 429) return '429';
  if (result.status >= 500) return '5xx';
  if (result.status >= 400) return '4xx';
  if (result.status >= 300) return '3xx';
  return '2xx';
}

export function createRecorder() {
  const classes = new Map();
  const classOf = (name) => {
    let entry = classes.get(name);
    if (!entry) {
      entry = { latencies: [], outcomes: { '2xx': 0, '3xx': 0, '4xx': 0, 429: 0, '5xx': 0, socket: 0 }, details: {} };
      classes.set(name, entry);
    }
    return entry;
  };

  return {
    /** Counts one answer under each of `names` (e.g. its class and its operation). `detail` says what a failure was. */
    record(names, result, detail) {
      const outcome = outcomeOf(result);
      for (const name of names) {
        const entry = classOf(name);
        entry.latencies.push(result.ms);
        entry.outcomes[outcome] += 1;
        if (outcome !== '2xx' && outcome !== '3xx') {
          const key = detail ?? (result.error ? result.error : String(result.status));
          entry.details[key] = (entry.details[key] ?? 0) + 1;
        }
      }
    },
    /** name → { count, p50, p99, max, outcomes, details } */
    summary() {
      const out = {};
      for (const [name, entry] of classes) {
        const sorted = Float64Array.from(entry.latencies).sort();
        out[name] = {
          count: sorted.length,
          p50: percentile(sorted, 0.5),
          p99: percentile(sorted, 0.99),
          max: sorted.length > 0 ? sorted[sorted.length - 1] : 0,
          outcomes: entry.outcomes,
          details: entry.details,
        };
      }
      return out;
    },
  };
}

/** Nearest-rank percentile of sorted values (0 when there are none). */
export function percentile(sorted, share) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))];
}
