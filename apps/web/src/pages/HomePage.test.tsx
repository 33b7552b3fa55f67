import { screen, waitFor, within } from '@testing-library/react';
import {
  sampleError,
  sampleManifest,
  sendJson,
  startManifestServer,
  startTestServer,
  type TestServer,
} from '../test/http-server';
import { renderApp } from '../test/render-app';

const MANIFEST = '/.well-known/lynxprompt.json';

/** The manifest requests only: the header also asks who is signed in. */
function manifestRequests(server: TestServer): string[] {
  return server.requests.filter((url) => url === MANIFEST);
}

function factValue(term: string): HTMLElement {
  const dt = screen.getByText(term, { selector: 'dt' });
  const dd = dt.nextElementSibling;
  if (!(dd instanceof HTMLElement) || dd.tagName !== 'DD') throw new Error(`No <dd> after <dt>${term}</dt>`);
  return dd;
}

describe('HomePage', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('shows the instance name as the main heading and the manifest facts', async () => {
    server = await startManifestServer();
    renderApp({ apiBaseUrl: server.url });

    expect(screen.getByRole('status')).toHaveTextContent(/loading instance details/i);

    const heading = await screen.findByRole('heading', { level: 1, name: 'Acme Prompt Hub' });
    expect(heading.textContent).toBe('Acme Prompt Hub');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);

    expect(factValue('Domain')).toHaveTextContent('prompts.acme.test');
    expect(factValue('Version')).toHaveTextContent('1.4.2');
    expect(factValue('Federation')).toHaveTextContent('Enabled');
    expect(factValue('Public blueprints')).toHaveTextContent('1,234');
    expect(screen.getByRole('heading', { name: 'What is LynxPrompt?' })).toBeInTheDocument();
    expect(manifestRequests(server)).toEqual([MANIFEST]);
  });

  it('reports federation as disabled and sets document.title to the instance name', async () => {
    server = await startManifestServer({ ...sampleManifest, name: 'Solo Lab', federation: false, publicBlueprints: 0 });
    renderApp({ apiBaseUrl: server.url });

    expect(await screen.findByRole('heading', { level: 1, name: 'Solo Lab' })).toBeInTheDocument();
    expect(factValue('Federation')).toHaveTextContent('Disabled');
    expect(factValue('Public blueprints')).toHaveTextContent('0');
    await waitFor(() => expect(document.title).toBe('Solo Lab'));
  });

  it('shows the error envelope (code, message, requestId) and re-fetches on retry', async () => {
    let healthy = false;
    server = await startTestServer((_req, res) => {
      if (healthy) sendJson(res, 200, sampleManifest);
      else sendJson(res, 503, sampleError);
    });
    const { user } = renderApp({ apiBaseUrl: server.url });

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The database is starting up.')).toBeInTheDocument();
    expect(within(alert).getByText('SERVICE_UNAVAILABLE')).toBeInTheDocument();
    expect(within(alert).getByText('req_7f3a9c2e')).toBeInTheDocument();
    expect(within(alert).getByText('503')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Instance unavailable');
    expect(manifestRequests(server)).toHaveLength(1);

    healthy = true;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Acme Prompt Hub' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(manifestRequests(server)).toHaveLength(2);
  });

  it('explains a failure that carries no error envelope', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html', 'x-request-id': 'edge-42' });
      res.end('<html>Bad gateway</html>');
    });
    renderApp({ apiBaseUrl: server.url });

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('HTTP_502')).toBeInTheDocument();
    expect(within(alert).getByText('edge-42')).toBeInTheDocument();
    expect(within(alert).getByText(/answered 502/)).toBeInTheDocument();
  });

  it('reports an unreachable server as a network error', async () => {
    const closed = await startManifestServer();
    await closed.close();
    renderApp({ apiBaseUrl: closed.url });

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('NETWORK_ERROR')).toBeInTheDocument();
    expect(within(alert).queryByText('Request ID')).not.toBeInTheDocument();
  });
});
