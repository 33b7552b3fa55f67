import { screen, waitFor, within } from '@testing-library/react';
import type { DomainRule, FederationSettings, PeerView } from '../features/federation/api/federation-types';
import { adminUser, crawlRun, domainRule, peer } from '../features/federation/testing/federation-fixtures';
import {
  activeSession,
  apiCalls,
  CSRF_TOKEN,
  errorReply,
  sampleManifest,
  startApiServer,
  type TestServer,
} from '../test/http-server';
import { renderApp } from '../test/render-app';

// The first render of a file is slow on a busy machine (module loading, jsdom).

const PATH = '/admin/federation';

/** A stateful fake of the federation admin API: what the page writes, it reads back. */
function federationApi() {
  const runs = [
    crawlRun({
      id: 'run_2',
      trigger: 'manual',
      outcome: 'failed',
      added: 0,
      updated: 0,
      errors: [
        { code: 'SIGNATURE_INVALID', message: 'The page signature does not verify', url: 'https://rules.other.test/x' },
      ] as never[],
    }),
    crawlRun({
      fetches: { new: { count: 3, ids: ['a', 'b', 'c'] }, refresh: { count: 10, ids: [] } },
    }),
  ];
  const peers = new Map<string, PeerView>([['peer_1', peer({ latestRun: runs[0] })]]);
  const rules = new Map<string, DomainRule>([['rule_1', domainRule()]]);
  let settings: FederationSettings = { allowlistMode: false, acceptRegistrations: true };
  const routes = {
    'GET /api/v1/admin/federation/peers': () => ({ status: 200, body: { items: [...peers.values()] } }),
    'POST /api/v1/admin/federation/peers': (request: { body: unknown }) => {
      const { domain } = request.body as { domain: string };
      const refused = (addressKind: string, address: string) =>
        peer({
          id: `peer_${addressKind}`,
          domain,
          name: null,
          status: 'failing',
          signed: false,
          keyId: null,
          latestRun: null,
          verifiedAt: null,
          lastError: `OUTBOUND_ADDRESS_REFUSED: Refusing to connect to ${address}`,
          lastErrorDetails: { reason: 'OUTBOUND_ADDRESS_REFUSED', addressKind },
        });
      const added =
        domain === 'broken.test'
          ? peer({
              id: 'peer_2',
              domain,
              name: null,
              status: 'failing',
              signed: false,
              keyId: null,
              latestRun: null,
              verifiedAt: null,
              lastError: 'MANIFEST_UNREACHABLE: The manifest could not be fetched (connection refused)',
              lastErrorDetails: { reason: 'MANIFEST_UNREACHABLE' },
            })
          : domain === 'intranet.test:8443'
            ? refused('private', '10.0.0.5')
            : domain === 'metadata.test'
              ? refused('link-local', '169.254.169.254')
              : domain === 'legacy.test'
                ? peer({ id: 'peer_4', domain, name: 'Legacy', signed: false, keyId: null, protocol: null })
                : peer({ id: 'peer_3', domain, name: 'New Peer', keyId: 'KeyNew0000000003', latestRun: null });
      peers.set(added.id, added);
      return { status: 201, body: added };
    },
    'GET /api/v1/admin/federation/peers/:id': (_request: unknown, params: Record<string, string>) => {
      const found = peers.get(params.id ?? '');
      return found ? { status: 200, body: { peer: found, runs } } : errorReply(404, 'PEER_NOT_FOUND', 'No such peer');
    },
    'POST /api/v1/admin/federation/peers/:id/crawl': (_request: unknown, params: Record<string, string>) => {
      const current = peers.get(params.id ?? '') as PeerView;
      // The worker finishes the crawl a moment later: the next read of the list has its result.
      setTimeout(() => {
        const run = crawlRun({ id: 'run_3', trigger: 'manual', outcome: 'not_modified', added: 0, updated: 0 });
        runs.unshift(run);
        peers.set(current.id, { ...current, lastCrawlAt: '2026-01-06T10:00:00.000Z', latestRun: run });
      }, 50);
      return { status: 202, body: current };
    },
    'POST /api/v1/admin/federation/peers/:id/approve-key': (_request: unknown, params: Record<string, string>) => {
      const current = peers.get(params.id ?? '') as PeerView;
      const approved = { ...current, keyId: current.pendingKey?.keyId ?? null, pendingKey: null };
      peers.set(current.id, approved);
      return { status: 200, body: approved };
    },
    'DELETE /api/v1/admin/federation/peers/:id': (_request: unknown, params: Record<string, string>) => {
      peers.delete(params.id ?? '');
      return { status: 204 };
    },
    'GET /api/v1/admin/federation/domain-rules': () => ({ status: 200, body: { items: [...rules.values()] } }),
    'POST /api/v1/admin/federation/domain-rules': (request: { body: unknown }) => {
      const body = request.body as { domain: string; action: DomainRule['action']; note?: string };
      const rule = domainRule({ id: 'rule_2', domain: body.domain, action: body.action, note: body.note ?? '' });
      rules.set(rule.id, rule);
      return { status: 201, body: rule };
    },
    'DELETE /api/v1/admin/federation/domain-rules/:id': (_request: unknown, params: Record<string, string>) => {
      rules.delete(params.id ?? '');
      return { status: 204 };
    },
    'GET /api/v1/admin/federation/settings': () => ({ status: 200, body: settings }),
    'PATCH /api/v1/admin/federation/settings': (request: { body: unknown }) => {
      settings = { ...settings, ...(request.body as Partial<FederationSettings>) };
      return { status: 200, body: settings };
    },
    'POST /api/v1/admin/federation/key/rotate': {
      status: 200,
      body: {
        id: 'KeyRotated000001',
        algorithm: 'Ed25519',
        key: 'a'.repeat(43),
        createdAt: '2026-01-07T10:00:00.000Z',
      },
    },
  };
  return { routes, peers };
}

describe('AdminFederationPage', { timeout: 30_000 }, () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start(role: 'admin' | 'user' = 'admin', extra: Parameters<typeof startApiServer>[0] = {}) {
    const api = federationApi();
    server = await startApiServer(
      { ...api.routes, ...extra },
      {
        session: activeSession(role === 'admin' ? { user: adminUser } : {}),
        manifest: {
          ...sampleManifest,
          publicKey: { id: 'KeyCurrent000001', algorithm: 'Ed25519', key: 'b'.repeat(43) },
        },
      },
    );
    return { server, api };
  }

  function writes(api: TestServer) {
    return apiCalls(api).filter((call) => call.method !== 'GET');
  }

  it('tells a signed-in non-admin that the page is for administrators only, and shows no link to it', async () => {
    const { server: api } = await start('user');
    renderApp({ apiBaseUrl: api.url, path: PATH });

    expect(await screen.findByRole('heading', { level: 1, name: 'Administrators only' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Peers' })).not.toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Primary' });
    expect(within(nav).queryByRole('link', { name: 'Federation' })).not.toBeInTheDocument();
    expect(apiCalls(api).filter((call) => call.path.startsWith('/api/v1/admin/'))).toEqual([]);
  });

  it('is linked from the navigation for admins, and lists the peers with their state', async () => {
    const { server: api } = await start();
    const { user, router } = renderApp({ apiBaseUrl: api.url, path: '/' });

    const nav = screen.getByRole('navigation', { name: 'Primary' });
    await user.click(await within(nav).findByRole('link', { name: 'Federation' }));
    expect(router.state.location.pathname).toBe(PATH);

    const peers = await screen.findByRole('region', { name: 'Peers' });
    const table = await within(peers).findByRole('table', { name: 'Peers' });
    const row = within(table).getByRole('row', { name: /Other Rules/ });
    expect(within(row).getByText('Verified')).toBeInTheDocument();
    expect(within(row).getByText('Signed')).toBeInTheDocument();
    expect(within(row).getByText('Federate')).toBeInTheDocument();
    expect(within(row).getByText('of 14 advertised')).toBeInTheDocument();
    expect(within(row).getByText('Failed')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'rules.other.test (opens in a new tab)' })).toHaveAttribute(
      'rel',
      'noopener noreferrer',
    );
  });

  it('adds a peer and shows whether it verified, with the code of a failure', async () => {
    const { server: api } = await start();
    const { user } = renderApp({ apiBaseUrl: api.url, path: PATH });

    const form = await screen.findByRole('form', { name: 'Add a peer' });
    await user.type(within(form).getByLabelText('Peer domain'), 'new.peer.test');
    await user.click(within(form).getByRole('button', { name: 'Add peer' }));
    const verified = await screen.findByText(/is verified/);
    expect(verified.closest('[role="status"]')).toHaveTextContent(
      'new.peer.test is verified. Its signing key is pinned (key id KeyNew0000000003).',
    );
    expect(await screen.findByRole('row', { name: /New Peer/ })).toBeInTheDocument();
    expect(within(form).getByLabelText('Peer domain')).toHaveValue('');

    await user.type(within(form).getByLabelText('Peer domain'), 'broken.test');
    await user.click(within(form).getByRole('button', { name: 'Add peer' }));
    const failed = (await screen.findByText(/could not be verified/)).closest('[role="status"]') as HTMLElement;
    expect(within(failed).getByText('MANIFEST_UNREACHABLE')).toBeInTheDocument();
    expect(failed).toHaveTextContent('The manifest could not be fetched (connection refused)');
    const row = await screen.findByRole('row', { name: /broken\.test/ });
    expect(within(row).getByText('Failing')).toBeInTheDocument();
    // Never verified: whether it signs is not known, so it is not called legacy.
    expect(within(row).getByText('Not verified yet')).toBeInTheDocument();
    expect(within(row).queryByText('Unsigned (legacy)')).not.toBeInTheDocument();
    expect(within(row).getByText('MANIFEST_UNREACHABLE')).toBeInTheDocument();

    const posts = writes(api).filter((call) => call.path === '/api/v1/admin/federation/peers');
    expect(posts.map((call) => call.body)).toEqual([{ domain: 'new.peer.test' }, { domain: 'broken.test' }]);
    expect(posts[0]?.headers['x-csrf-token']).toBe(CSRF_TOKEN);
  });

  it('labels a verified peer without a key as unsigned (legacy)', async () => {
    const { server: api } = await start();
    const { user } = renderApp({ apiBaseUrl: api.url, path: PATH });
    const form = await screen.findByRole('form', { name: 'Add a peer' });
    await user.type(within(form).getByLabelText('Peer domain'), 'legacy.test');
    await user.click(within(form).getByRole('button', { name: 'Add peer' }));
    const row = await screen.findByRole('row', { name: /legacy\.test/ });
    expect(within(row).getByText('Unsigned (legacy)')).toBeInTheDocument();
  });

  it('tells how to allow a peer refused for its private address, and never advises it for link-local', async () => {
    const { server: api } = await start();
    const { user } = renderApp({ apiBaseUrl: api.url, path: PATH });
    const form = await screen.findByRole('form', { name: 'Add a peer' });

    await user.type(within(form).getByLabelText('Peer domain'), 'intranet.test:8443');
    await user.click(within(form).getByRole('button', { name: 'Add peer' }));
    const outcome = (await screen.findByText(/could not be verified/)).closest('[role="status"]') as HTMLElement;
    expect(within(outcome).getByText('OUTBOUND_ADDRESS_REFUSED')).toBeInTheDocument();
    expect(outcome).toHaveTextContent(
      'intranet.test:8443 resolves to a private address, which this instance refuses to contact. If it is a peer ' +
        'on your own network, add intranet.test:8443 to OUTBOUND_ALLOW_PRIVATE',
    );
    const row = await screen.findByRole('row', { name: /intranet\.test/ });
    expect(row).toHaveTextContent('add intranet.test:8443 to OUTBOUND_ALLOW_PRIVATE');

    await user.type(within(form).getByLabelText('Peer domain'), 'metadata.test');
    await user.click(within(form).getByRole('button', { name: 'Add peer' }));
    const metadataRow = await screen.findByRole('row', { name: /metadata\.test/ });
    expect(metadataRow).toHaveTextContent('resolves to an address no peer may have (link-local)');
    expect(metadataRow).not.toHaveTextContent('OUTBOUND_ALLOW_PRIVATE');
  });

  it('clears "Crawl queued…" as soon as the peer’s own crawl state shows the run finished', async () => {
    const api = federationApi();
    const runs = [api.peers.get('peer_1')?.latestRun ?? crawlRun()];
    server = await startApiServer(
      {
        ...api.routes,
        // The peer's runs answer the finished crawl at once; the list keeps its older summary (as a list may).
        'GET /api/v1/admin/federation/peers/:id': () => ({
          status: 200,
          body: { peer: api.peers.get('peer_1'), runs },
        }),
        'POST /api/v1/admin/federation/peers/:id/crawl': () => {
          // The worker takes a moment: long enough to see the crawl queued.
          setTimeout(() => runs.unshift(crawlRun({ id: 'run_9', trigger: 'manual', outcome: 'succeeded' })), 1000);
          return { status: 202, body: api.peers.get('peer_1') };
        },
      },
      { session: activeSession({ user: adminUser }) },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: PATH });
    const row = await screen.findByRole('row', { name: /Other Rules/ });
    await user.click(within(row).getByRole('button', { name: 'Crawl now: rules.other.test' }));
    expect(await within(row).findByRole('status')).toHaveTextContent('Crawl queued…');
    await waitFor(() => expect(within(row).queryByRole('status')).not.toBeInTheDocument(), { timeout: 5000 });
    expect(within(row).getByRole('button', { name: 'Crawl now: rules.other.test' })).toBeEnabled();
  });

  it('crawls a peer now, waits for the result, and shows the crawl log with error codes', async () => {
    const { server: api } = await start();
    const { user } = renderApp({ apiBaseUrl: api.url, path: PATH });

    const row = await screen.findByRole('row', { name: /Other Rules/ });
    await user.click(within(row).getByRole('button', { name: 'Crawl now: rules.other.test' }));
    expect(await within(row).findByRole('status')).toHaveTextContent('Crawl queued…');
    // The list is polled until the run asked for is done.
    await waitFor(() => expect(within(row).queryByRole('status')).not.toBeInTheDocument(), { timeout: 8000 });
    expect(await within(row).findByText('Not modified')).toBeInTheDocument();
    const crawl = writes(api).find((call) => call.path === '/api/v1/admin/federation/peers/peer_1/crawl');
    expect(crawl?.headers['x-csrf-token']).toBe(CSRF_TOKEN);

    const toggle = within(row).getByRole('button', { name: 'Crawl log of rules.other.test' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const log = await screen.findByRole('table', { name: 'Crawl log of rules.other.test' });
    const [, latest, failed, oldest] = within(log).getAllByRole('row') as HTMLElement[];
    expect(within(latest!).getByText('Manual')).toBeInTheDocument();
    expect(within(latest!).getByText('Not modified')).toBeInTheDocument();
    expect(within(failed!).getByText('Failed')).toBeInTheDocument();
    expect(within(failed!).getByText('SIGNATURE_INVALID')).toBeInTheDocument();
    expect(within(failed!).getByText('The page signature does not verify')).toBeInTheDocument();
    expect(within(failed!).getByText('https://rules.other.test/x')).toBeInTheDocument();
    expect(within(oldest!).getByText('Scheduled')).toBeInTheDocument();
    expect(within(oldest!).getByText('Succeeded')).toBeInTheDocument();
    expect(within(oldest!).getByText('None')).toBeInTheDocument();
    // A legacy peer's content requests, each a download there, by reason.
    expect(within(oldest!).getByText('3 new, 10 refreshed')).toBeInTheDocument();

    await user.click(toggle);
    expect(screen.queryByRole('table', { name: 'Crawl log of rules.other.test' })).not.toBeInTheDocument();
  });

  it('warns of a changed signing key with the new key id, and approves it', async () => {
    const { server: api, api: state } = await start();
    state.peers.set(
      'peer_1',
      peer({ pendingKey: { keyId: 'KeyChanged000002', changedAt: '2026-01-06T09:00:00.000Z' } }),
    );
    const { user } = renderApp({ apiBaseUrl: api.url, path: PATH });

    const warning = await screen.findByRole('region', { name: 'Signing key changed: rules.other.test' });
    expect(warning).toHaveTextContent('KeyChanged000002');
    expect(warning).toHaveTextContent('KeyOld0000000001');
    expect(warning).toHaveTextContent('not crawled until you approve');
    expect(
      within(screen.getByRole('row', { name: /Other Rules/ })).getByText('Key change pending'),
    ).toBeInTheDocument();

    await user.click(within(warning).getByRole('button', { name: 'Approve the new key of rules.other.test' }));
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Signing key changed: rules.other.test' })).not.toBeInTheDocument(),
    );
    expect(writes(api).map((call) => `${call.method} ${call.path}`)).toEqual([
      'POST /api/v1/admin/federation/peers/peer_1/approve-key',
    ]);
  });

  it('removes a peer only after a confirmation', async () => {
    const { server: api } = await start();
    const { user } = renderApp({ apiBaseUrl: api.url, path: PATH });

    const row = await screen.findByRole('row', { name: /Other Rules/ });
    await user.click(within(row).getByRole('button', { name: 'Remove rules.other.test' }));
    expect(writes(api)).toEqual([]);
    await user.click(
      within(row).getByRole('button', { name: 'Confirm removing rules.other.test and everything held from it' }),
    );
    expect(await screen.findByText('No peers yet. Add one by its domain.')).toBeInTheDocument();
    expect(writes(api).map((call) => `${call.method} ${call.path}`)).toEqual([
      'DELETE /api/v1/admin/federation/peers/peer_1',
    ]);
  });

  it('adds and removes domain rules, with their note', async () => {
    const { server: api } = await start();
    const { user } = renderApp({ apiBaseUrl: api.url, path: PATH });

    const section = await screen.findByRole('region', { name: 'Domain rules' });
    const table = await within(section).findByRole('table', { name: 'Domain rules' });
    expect(within(table).getByRole('row', { name: /spam\.example/ })).toHaveTextContent('Scraped content');

    const form = within(section).getByRole('form', { name: 'Add a domain rule' });
    await user.type(within(form).getByLabelText('Domain'), 'quiet.example');
    await user.selectOptions(within(form).getByLabelText('Action'), 'Silence');
    expect(within(section).getByText(/Crawled, but kept out of public listings/)).toBeInTheDocument();
    await user.type(within(form).getByLabelText(/Note/), 'Too noisy');
    await user.click(within(form).getByRole('button', { name: 'Add rule' }));
    const added = await within(section).findByRole('row', { name: /quiet\.example/ });
    expect(added).toHaveTextContent('Silence');
    expect(added).toHaveTextContent('Too noisy');

    await user.click(within(added).getByRole('button', { name: 'Remove the rule for quiet.example' }));
    await user.click(within(added).getByRole('button', { name: 'Confirm removing the rule for quiet.example' }));
    await waitFor(() => expect(within(section).queryByRole('row', { name: /quiet\.example/ })).not.toBeInTheDocument());

    expect(writes(api).map((call) => [`${call.method} ${call.path}`, call.body])).toEqual([
      ['POST /api/v1/admin/federation/domain-rules', { domain: 'quiet.example', action: 'silence', note: 'Too noisy' }],
      ['DELETE /api/v1/admin/federation/domain-rules/rule_2', undefined],
    ]);
  });

  it('switches allowlist mode and registrations', async () => {
    const { server: api } = await start();
    const { user } = renderApp({ apiBaseUrl: api.url, path: PATH });

    const section = await screen.findByRole('region', { name: 'Settings' });
    const allowlist = await within(section).findByRole('switch', { name: /Allowlist mode/ });
    const registrations = within(section).getByRole('switch', { name: /Accept registrations/ });
    expect(allowlist).not.toBeChecked();
    expect(registrations).toBeChecked();

    await user.click(allowlist);
    await waitFor(() => expect(within(section).getByRole('switch', { name: /Allowlist mode/ })).toBeChecked());
    await waitFor(() => expect(within(section).getByRole('switch', { name: /Allowlist mode/ })).toBeEnabled());
    await user.click(within(section).getByRole('switch', { name: /Accept registrations/ }));
    await waitFor(() =>
      expect(within(section).getByRole('switch', { name: /Accept registrations/ })).not.toBeChecked(),
    );
    expect(writes(api).map((call) => call.body)).toEqual([{ allowlistMode: true }, { acceptRegistrations: false }]);
  });

  it('rotates this instance’s key after a confirmation, showing the new key id', async () => {
    const { server: api } = await start();
    const { user } = renderApp({ apiBaseUrl: api.url, path: PATH });

    const section = await screen.findByRole('region', { name: 'Signing key' });
    expect(await within(section).findByText('KeyCurrent000001')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Rotate this instance’s signing key' }));
    expect(writes(api)).toEqual([]);
    await user.click(within(section).getByRole('button', { name: 'Confirm rotating this instance’s signing key' }));
    expect(await within(section).findByRole('status')).toHaveTextContent('The new key id is KeyRotated000001');
    expect(writes(api).map((call) => `${call.method} ${call.path}`)).toEqual([
      'POST /api/v1/admin/federation/key/rotate',
    ]);
  });

  it('shows the error code when the peers cannot be loaded', async () => {
    const { server: api } = await start('admin', {
      'GET /api/v1/admin/federation/peers': errorReply(403, 'FORBIDDEN', 'Administrators only'),
    });
    renderApp({ apiBaseUrl: api.url, path: PATH });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The peers could not be loaded');
    expect(within(alert).getByText('FORBIDDEN')).toBeInTheDocument();
  });
});
