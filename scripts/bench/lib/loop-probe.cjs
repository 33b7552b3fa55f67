'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, preloaded with node --require */
// Preloaded into the instance under benchmark (`node --require`), never part of the app: measures the server's own
// event-loop delay (monitorEventLoopDelay) and RSS. On SIGUSR2 it writes the figures since the last signal to
// LOOP_PROBE_FILE as JSON ({ seq, maxMs, p99Ms, meanMs, peakRssMb }) and starts a new window.
const { isMainThread } = require('node:worker_threads');
const file = process.env.LOOP_PROBE_FILE;

if (isMainThread && file) {
  const fs = require('node:fs');
  const { monitorEventLoopDelay } = require('node:perf_hooks');
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let peakRss = process.memoryUsage.rss();
  let seq = 0;
  // RSS sampled often enough to see a short spike; unref'd, so it never keeps the process alive.
  setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 20).unref();
  process.on('SIGUSR2', () => {
    seq += 1;
    const figures = {
      seq,
      maxMs: histogram.max / 1e6,
      p99Ms: histogram.percentile(99) / 1e6,
      meanMs: histogram.mean / 1e6,
      peakRssMb: Math.max(peakRss, process.memoryUsage.rss()) / 1024 / 1024,
    };
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(figures));
    fs.renameSync(`${file}.tmp`, file);
    histogram.reset();
    peakRss = process.memoryUsage.rss();
  });
}
