import { screen, waitFor, within } from '@testing-library/react';
import { detail, formats, grace, rendered } from '../blueprints/testing/blueprint-fixtures';
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
import { acme, beta, gamma, organizationsRoute } from './testing';

const SCAN = {
  status: 200,
  body: { findings: [], secrets: { high: 0, low: 0 }, hiddenInstructions: 0, truncated: false, variables: [] },
};

function routes(extra: Record<string, Route> = {}): Record<string, Route> {
  return {
    'GET /api/v1/formats': { status: 200, body: { items: formats } },
    'POST /api/v1/scan': SCAN,
    'GET /api/v1/organizations': organizationsRoute([acme, beta, gamma]),
    'POST /api/v1/blueprints': (request: RecordedRequest) => ({
      status: 201,
      body: detail({ id: 'bp_new0000000000001', name: (request.body as { name: string }).name }),
    }),
    'GET /api/v1/blueprints/:id': { status: 200, body: detail({ id: 'bp_new0000000000001' }) },
    'GET /api/v1/blueprints/:id/versions': { status: 200, body: { items: [] } },
    ...extra,
  };
}

describe('owner choice in the blueprint editor', { timeout: 20_000 }, () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('is absent without organizations: the blueprint is mine, and Team is not offered', async () => {
    server = await startApiServer(routes({ 'GET /api/v1/organizations': organizationsRoute([]) }), {
      session: activeSession(),
    });
    renderApp({ apiBaseUrl: server.url, path: '/blueprints/new' });
    await screen.findByLabelText('Content');
    await waitFor(() => expect(server?.requests).toContain('/api/v1/organizations'));
    expect(screen.queryByLabelText('Owner')).not.toBeInTheDocument();
    expect(screen.getAllByRole('radio')).toHaveLength(3);
    expect(screen.queryByRole('radio', { name: /^Team/ })).not.toBeInTheDocument();
  });

  it('offers me and the organizations where I create; Team only for an organization; sends the slug', async () => {
    server = await startApiServer(routes(), { session: activeSession() });
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/blueprints/new' });
    const owner = await screen.findByLabelText('Owner');
    // Viewers only read: Gamma is not a place to create.
    expect(
      within(owner)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['You (@ada)', 'Acme Corp (@acme) · Admin', 'Beta Labs (@beta) · Member']);
    expect(screen.queryByRole('radio', { name: /^Team/ })).not.toBeInTheDocument();

    await user.selectOptions(owner, 'acme');
    expect(screen.getAllByRole('radio')).toHaveLength(4);
    await user.click(screen.getByRole('radio', { name: /^Team/ }));
    expect(screen.getByRole('checkbox', { name: /Publish this version/ })).toBeEnabled();
    await user.click(screen.getByLabelText('Name'));
    await user.paste('Acme review rules');
    await user.click(screen.getByLabelText('Content'));
    await user.paste('# Review\n\nBe kind.');
    await user.click(screen.getByRole('button', { name: 'Create blueprint' }));

    await waitFor(() =>
      expect(apiCalls(server!, 'POST').some((call) => call.path === '/api/v1/blueprints')).toBe(true),
    );
    const create = apiCalls(server, 'POST').find((call) => call.path === '/api/v1/blueprints');
    expect(create?.body).toMatchObject({ name: 'Acme review rules', visibility: 'team', organization: 'acme' });
  });

  it('starts with the organization of ?organization= as the owner, where I create; mine, with a note, elsewhere', async () => {
    server = await startApiServer(routes(), { session: activeSession() });
    const first = renderApp({ apiBaseUrl: server.url, path: '/blueprints/new?organization=beta' });
    expect(await screen.findByLabelText('Owner')).toHaveValue('beta');
    expect(screen.getByRole('checkbox', { name: /Publish this version/ })).toBeDisabled();
    first.unmount();

    // A Viewer of Gamma does not create there.
    renderApp({ apiBaseUrl: server.url, path: '/blueprints/new?organization=gamma' });
    expect(await screen.findByLabelText('Owner')).toHaveValue('');
    expect(screen.getByText(/You can’t create blueprints for @gamma, so this one starts as yours/)).toBeInTheDocument();
  });

  it('holds a Member to private or team drafts, says why, and drops a choice the new owner does not allow', async () => {
    server = await startApiServer(routes(), { session: activeSession() });
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/blueprints/new' });
    const owner = await screen.findByLabelText('Owner');
    await user.click(screen.getByRole('radio', { name: /^Public/ }));
    await user.click(screen.getByRole('checkbox', { name: /Publish this version/ }));

    await user.selectOptions(owner, 'beta');
    expect(screen.queryByRole('radio', { name: /^Public/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: /^Unlisted/ })).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /^Private/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /^Team/ })).toBeInTheDocument();
    const publish = screen.getByRole('checkbox', { name: /Publish this version/ });
    expect(publish).toBeDisabled();
    expect(publish).not.toBeChecked();
    expect(screen.getByRole('note')).toHaveTextContent(
      'As a Member of Beta Labs you write private or team drafts; an Admin or Owner of Beta Labs publishes them',
    );

    // Back to me: everything again, but no Team.
    await user.selectOptions(owner, '');
    expect(screen.getByRole('radio', { name: /^Public/ })).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: /^Team/ })).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /Publish this version/ })).toBeEnabled();
  });

  it('explains ORGANIZATION_ROLE_REQUIRED and TEAM_VISIBILITY_NEEDS_ORGANIZATION by their code', async () => {
    let refusal = errorReply(403, 'ORGANIZATION_ROLE_REQUIRED', 'Your role in this organization does not allow x');
    server = await startApiServer(routes({ 'POST /api/v1/blueprints': () => refusal }), { session: activeSession() });
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/blueprints/new' });
    await user.selectOptions(await screen.findByLabelText('Owner'), 'acme');
    await user.click(screen.getByLabelText('Name'));
    await user.paste('Acme rules');
    await user.click(screen.getByLabelText('Content'));
    await user.paste('# Rules');
    await user.click(screen.getByRole('button', { name: 'Create blueprint' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Your role in this organization does not allow this\. Members write private or team drafts/,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('ORGANIZATION_ROLE_REQUIRED');

    refusal = errorReply(422, 'TEAM_VISIBILITY_NEEDS_ORGANIZATION', 'team needs an organization');
    await user.click(screen.getByRole('button', { name: 'Create blueprint' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        /Team visibility is for blueprints that belong to an organization/,
      ),
    );
  });

  it('forks into the owner chosen with the same picker', async () => {
    const source = detail({ id: 'bp_src0000000000001', author: grace, isOwner: false, license: 'MIT' });
    server = await startApiServer(
      routes({
        'GET /api/v1/blueprints/:id': (_request: RecordedRequest, params: Record<string, string>) => ({
          status: 200,
          body: params.id === source.id ? source : detail({ id: params.id, author: grace }),
        }),
        'POST /api/v1/blueprints/:id/render': { status: 200, body: rendered() },
        'POST /api/v1/blueprints/:id/fork': { status: 201, body: detail({ id: 'bp_new0000000000001' }) },
      }),
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${source.id}` });
    await user.click(await screen.findByRole('button', { name: 'Fork…' }));
    const dialog = screen.getByRole('group', { name: `Fork ${source.name}` });
    await user.selectOptions(within(dialog).getByLabelText('Owner'), 'beta');
    await user.click(within(dialog).getByRole('button', { name: 'Fork' }));
    await waitFor(() => expect(apiCalls(server!, 'POST').some((call) => call.path.endsWith('/fork'))).toBe(true));
    expect(apiCalls(server, 'POST').find((call) => call.path.endsWith('/fork'))?.body).toEqual({
      organization: 'beta',
    });
  });
});
