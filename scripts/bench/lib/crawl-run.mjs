/**
 * One crawl of a peer on the scheduler's trigger (no manifest re-read, as the periodic crawl), and the crawl_runs
 * row it wrote. `ms` is the wall time of the whole call; the row's columns come as pg returns them.
 */
export async function crawlAndReadRun(crawler, crawlerDb, peerId) {
  const started = performance.now();
  const outcome = await crawler.crawl(peerId, 'schedule');
  const ms = performance.now() - started;
  const { rows } = await crawlerDb.query(
    `SELECT outcome, requests, pages, added, updated, removed, bytes, errors, fetches FROM crawl_runs
      WHERE peer_id = $1 ORDER BY started_at DESC LIMIT 1`,
    [peerId],
  );
  return { outcome, ms, row: rows[0] };
}
