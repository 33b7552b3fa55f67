import { screen, waitFor, within } from '@testing-library/react';
import type { AuthorRef, BlueprintDetail } from '../blueprints/api/blueprint-types';
import { ada, detail, formats, rendered } from '../blueprints/testing/blueprint-fixtures';
import {
  activeSession,
  apiCalls,
  errorReply,
  startApiServer,
  type RecordedRequest,
  type Route,
  type TestServer,
} from '../../test/http-server';
import { renderApp } from '../../test/render-app';
import { acme, beta, organizationsRoute } from './testing';

const ID = 'bp_k3n8q2x7w9m4p6r2';
const acmeAuthor: AuthorRef = {
  kind: 'organization',
  handle: 'acme',
  displayName: 'Acme Corp',
  avatarUrl: 'https://cdn.example.org/acme.png',
};

function pageRoutes(start: BlueprintDetail, transfer: Route, extra: Record<string, Route> = {}): Record<string, Route> {
  return {
    'GET /api/v1/blueprints/:id': () => ({ status: 200, body: start }),
    'GET /api/v1/formats': { status: 200, body: { items: formats } },
    'GET /api/v1/blueprints/:id/versions': { status: 200, body: { items: [] } },
    'POST /api/v1/blueprints/:id/render': { status: 200, body: rendered() },
    'GET /api/v1/organizations': organizationsRoute([acme, beta]),
    'POST /api/v1/blueprints/:id/transfer': transfer,
    ...extra,
  };
}

const transfers = (server: TestServer) =>
  apiCalls(server, 'POST').filter((call) => call.path === `/api/v1/blueprints/${ID}/transfer`);

const authorOf = () => within(screen.getByText('Author').closest('div') as HTMLElement).getByRole('definition');

describe('transfer', { timeout: 20_000 }, () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('gives my blueprint to an organization I administer, after confirming, with If-Match', async () => {
    const mine = detail({ id: ID, author: ada, isOwner: true, revision: 7 });
    server = await startApiServer(
      pageRoutes(mine, (request: RecordedRequest) => ({
        status: 200,
        body: { ...mine, author: acmeAuthor, revision: 8, ...(request.body as object) },
      })),
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });
    await user.click(await screen.findByRole('button', { name: 'Transfer' }));
    const dialog = screen.getByRole('group', { name: `Transfer ${mine.name}` });
    // Only where I am Admin or Owner: Beta (Member) is not offered, nor my own account (it is mine already).
    expect(
      within(within(dialog).getByLabelText('New owner'))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Acme Corp (@acme)']);
    expect(dialog).toHaveTextContent('Its id and address, versions, forks and favourites stay as they are.');
    expect(transfers(server)).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Transfer to Acme Corp' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: `Transfer ${mine.name}` })).not.toBeInTheDocument());
    const [call] = transfers(server);
    expect(call?.body).toEqual({ organization: 'acme' });
    expect(call?.headers['if-match']).toBe('"r7"');
    // The page shows the organization as author, with its avatar and the Org mark.
    await waitFor(() => expect(authorOf()).toHaveTextContent('Acme Corp @acmeOrg (organization)'));
    expect(authorOf().querySelector('img')).toHaveAttribute('src', 'https://cdn.example.org/acme.png');
  });

  it('takes an organization blueprint I administer back into my account', async () => {
    const theirs = detail({ id: ID, author: acmeAuthor, isOwner: true });
    server = await startApiServer(pageRoutes(theirs, { status: 200, body: { ...theirs, author: ada } }), {
      session: activeSession(),
    });
    const { user } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });
    await user.click(await screen.findByRole('button', { name: 'Transfer' }));
    await user.click(screen.getByRole('button', { name: 'Transfer to your account (@ada)' }));
    await waitFor(() => expect(transfers(server!)).toHaveLength(1));
    expect(transfers(server)[0]?.body).toEqual({ organization: null });
  });

  it('is not offered to a Member of the owning organization', async () => {
    server = await startApiServer(
      pageRoutes(
        detail({ id: ID, author: { ...acmeAuthor, handle: 'beta', displayName: 'Beta Labs' }, isOwner: true }),
        {
          status: 500,
        },
      ),
      { session: activeSession() },
    );
    renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });
    await screen.findByRole('link', { name: 'Edit' });
    // Once my role is known, the page says who publishes, and offers none of it.
    expect(await screen.findByText(/As a Member of Beta Labs you edit its blueprints/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Transfer' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Delete/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Publish version/ })).not.toBeInTheDocument();
  });

  it('asks for a new slug on SLUG_TAKEN, and explains TRANSFER_HIERARCHY_MEMBER with a link to the hierarchy', async () => {
    const mine = detail({ id: ID, author: ada, isOwner: true });
    let answer = errorReply(409, 'SLUG_TAKEN', 'taken', { slug: mine.slug });
    server = await startApiServer(
      pageRoutes(mine, () => answer),
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });
    await user.click(await screen.findByRole('button', { name: 'Transfer' }));
    await user.click(screen.getByRole('button', { name: 'Transfer to Acme Corp' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Acme Corp already has a blueprint with this slug. Give it a new slug to transfer it.',
    );
    const confirm = screen.getByRole('button', { name: 'Transfer to Acme Corp' });
    expect(confirm).toBeDisabled();
    await user.type(screen.getByLabelText('New slug'), 'acme-rules');
    answer = errorReply(409, 'TRANSFER_HIERARCHY_MEMBER', 'in a hierarchy', { hierarchyId: 'ha_m2k8q4x7w9p3r6t1' });
    await user.click(confirm);
    await waitFor(() => expect(transfers(server!)).toHaveLength(2));
    expect(transfers(server)[1]?.body).toEqual({ organization: 'acme', slug: 'acme-rules' });
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        /This blueprint is part of a hierarchy: transfer the hierarchy/,
      ),
    );
    expect(screen.getByRole('link', { name: 'Open the hierarchy' })).toHaveAttribute(
      'href',
      '/hierarchies/ha_m2k8q4x7w9p3r6t1',
    );
  });

  it('moves a hierarchy with all its blueprints', async () => {
    const hierarchy = { id: 'ha_m2k8q4x7w9p3r6t1', name: 'Monorepo', description: '', owner: ada, isOwner: true };
    server = await startApiServer(
      {
        'GET /api/v1/hierarchies/:id': { status: 200, body: { ...hierarchy, blueprints: [], plugin: null } },
        'GET /api/v1/organizations': organizationsRoute([acme]),
        'POST /api/v1/hierarchies/:id/transfer': {
          status: 200,
          body: { ...hierarchy, owner: acmeAuthor, blueprints: [], plugin: null },
        },
      },
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: `/hierarchies/${hierarchy.id}` });
    await user.click(await screen.findByRole('button', { name: 'Transfer' }));
    expect(screen.getByRole('group', { name: 'Transfer Monorepo' })).toHaveTextContent('All its blueprints move along');
    await user.click(screen.getByRole('button', { name: 'Transfer to Acme Corp' }));
    await waitFor(() => expect(screen.getByText(/^By/)).toHaveTextContent('Acme Corp'));
    const call = apiCalls(server, 'POST').find((entry) => entry.path.endsWith('/transfer'));
    expect(call?.body).toEqual({ organization: 'acme' });
  });
});
