import type { Server } from 'node:http';
import { CrawlerService } from '../../src/federation/crawler/crawler.service';
import { freePort } from './processes';
import { signInAs, TestSignInModule, type SignedIn } from './sign-in';
import { startTestApp, type TestApp } from './test-app';

/** One instance of our app, listening on a loopback address so other instances can crawl it. */
export interface FederatedInstance {
  readonly app: TestApp;
  /** host:port, what the manifest publishes and peers are added by. */
  readonly domain: string;
  readonly url: string;
  /** The first user to sign in, hence an admin. */
  readonly admin: SignedIn;
  crawl(peerId: string): ReturnType<CrawlerService['crawl']>;
  close(): Promise<void>;
}

export interface InstanceAddress {
  readonly host: string;
  readonly port: number;
}

/** Distinct loopback addresses (all of 127/8 reaches this machine), so domain rules can tell instances apart. */
export async function loopbackAddress(host: string): Promise<InstanceAddress> {
  return { host, port: await freePort() };
}

export async function startFederatedInstance(
  address: InstanceAddress,
  options: {
    name: string;
    adminEmail: string;
    allowPrivate?: readonly InstanceAddress[];
    env?: Record<string, string>;
  },
): Promise<FederatedInstance> {
  const domain = `${address.host}:${address.port}`;
  const url = `http://${domain}`;
  const app = await startTestApp({
    env: {
      APP_URL: url,
      INSTANCE_NAME: options.name,
      OUTBOUND_ALLOW_PRIVATE: (options.allowPrivate ?? []).map((peer) => `${peer.host}:${peer.port}`).join(','),
      ...options.env,
    },
    extraImports: [TestSignInModule],
  });
  const server = app.app.nest.getHttpServer() as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.port, address.host, () => resolve());
  });
  const admin = await signInAs(app, options.adminEmail);
  const crawler = app.app.nest.get(CrawlerService);
  return {
    app,
    domain,
    url,
    admin,
    crawl: (peerId) => crawler.crawl(peerId, 'manual'),
    close: () => app.close(),
  };
}

/** The catalogue holds back changes younger than 2 s (docs/federation.md §2.1); a crawler must wait that out. */
export function waitOutHoldBack(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 2_100));
}
