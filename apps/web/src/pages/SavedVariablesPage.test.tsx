import { screen, waitFor, within } from '@testing-library/react';
import { activeSession, apiCalls, CSRF_TOKEN, startApiServer, type TestServer } from '../test/http-server';
import { renderApp } from '../test/render-app';

// The first render of a file is slow on a busy machine (module loading, jsdom).

const SECRET = 'sk-proj-9f8e7d6c5b4a';

describe('SavedVariablesPage', { timeout: 20_000 }, () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start() {
    const saved = new Map([
      ['OPENAI_API_KEY', { name: 'OPENAI_API_KEY', value: SECRET, updatedAt: '2026-01-03T10:00:00.000Z' }],
    ]);
    server = await startApiServer(
      {
        'GET /api/v1/me/variables': () => ({ status: 200, body: { items: [...saved.values()] } }),
        'PUT /api/v1/me/variables/:name': (request, params) => {
          const variable = {
            name: params.name ?? '',
            value: (request.body as { value: string }).value,
            updatedAt: '2026-01-04T10:00:00.000Z',
          };
          saved.set(variable.name, variable);
          return { status: 200, body: variable };
        },
        'DELETE /api/v1/me/variables/:name': (_request, params) => {
          saved.delete(params.name ?? '');
          return { status: 204 };
        },
      },
      { session: activeSession() },
    );
    return server;
  }

  it('masks values until one is revealed, and hides it again', async () => {
    const api = await start();
    const { user } = renderApp({ apiBaseUrl: api.url, path: '/settings/variables' });

    const list = await screen.findByRole('list', { name: 'Saved variables' });
    expect(within(list).getByText('OPENAI_API_KEY')).toBeInTheDocument();
    expect(within(list).getByRole('img', { name: 'Hidden value' })).toBeInTheDocument();
    expect(document.body.textContent).not.toContain(SECRET);

    const reveal = within(list).getByRole('button', { name: 'Reveal the value of OPENAI_API_KEY' });
    expect(reveal).toHaveAttribute('aria-pressed', 'false');
    await user.click(reveal);
    expect(within(list).getByText(SECRET)).toBeInTheDocument();

    await user.click(within(list).getByRole('button', { name: 'Hide the value of OPENAI_API_KEY' }));
    expect(document.body.textContent).not.toContain(SECRET);
    expect(screen.getByRole('navigation', { name: 'Settings' })).toContainElement(
      screen.getByRole('link', { name: 'Variables' }),
    );
  });

  it('adds a variable under its canonical name, with the value typed masked', async () => {
    const api = await start();
    const { user } = renderApp({ apiBaseUrl: api.url, path: '/settings/variables' });

    await user.click(await screen.findByRole('button', { name: 'Add a variable' }));
    const form = screen.getByRole('form', { name: 'Add a variable' });
    await user.type(within(form).getByLabelText('Name'), '1bad');
    expect(within(form).getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    await user.clear(within(form).getByLabelText('Name'));
    await user.type(within(form).getByLabelText('Name'), 'project_name');
    const value = within(form).getByLabelText('Value');
    expect(value).toHaveAttribute('type', 'password');
    await user.type(value, 'Lynx');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    const list = screen.getByRole('list', { name: 'Saved variables' });
    expect(await within(list).findByText('PROJECT_NAME')).toBeInTheDocument();
    const [put] = apiCalls(api, 'PUT');
    expect(put?.path).toBe('/api/v1/me/variables/PROJECT_NAME');
    expect(put?.body).toEqual({ value: 'Lynx' });
    expect(put?.headers['x-csrf-token']).toBe(CSRF_TOKEN);
  });

  it('edits a value and deletes a variable after confirmation', async () => {
    const api = await start();
    const { user } = renderApp({ apiBaseUrl: api.url, path: '/settings/variables' });

    const list = await screen.findByRole('list', { name: 'Saved variables' });
    await user.click(within(list).getByRole('button', { name: 'Edit OPENAI_API_KEY' }));
    const form = within(list).getByRole('form', { name: 'Edit OPENAI_API_KEY' });
    const value = within(form).getByLabelText('New value for OPENAI_API_KEY');
    await user.clear(value);
    await user.type(value, 'sk-new');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(apiCalls(api, 'PUT')).toHaveLength(1));
    expect(apiCalls(api, 'PUT')[0]?.body).toEqual({ value: 'sk-new' });
    expect(apiCalls(api, 'PUT')[0]?.path).toBe('/api/v1/me/variables/OPENAI_API_KEY');

    await user.click(await within(list).findByRole('button', { name: 'Delete OPENAI_API_KEY' }));
    expect(apiCalls(api, 'DELETE')).toHaveLength(0);
    await user.click(within(list).getByRole('button', { name: 'Confirm deleting OPENAI_API_KEY' }));
    expect(await screen.findByText('No saved variables.')).toBeInTheDocument();
    expect(apiCalls(api, 'DELETE')[0]?.path).toBe('/api/v1/me/variables/OPENAI_API_KEY');
  });
});
