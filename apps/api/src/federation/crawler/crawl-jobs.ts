/** Crawls one peer: `{ peerId, trigger }`. Enqueued by the scheduler, by admins and by registrations. */
export const CRAWL_PEER_JOB = 'federation.crawl-peer';
/** Every minute: enqueue a crawl for each peer whose next crawl is due. */
export const SCHEDULE_CRAWLS_JOB = 'federation.schedule-crawls';

export type CrawlTrigger = 'schedule' | 'manual' | 'registration';

export interface CrawlPeerJob {
  readonly peerId: string;
  readonly trigger: CrawlTrigger;
}
