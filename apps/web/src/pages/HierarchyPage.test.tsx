import { screen, within } from '@testing-library/react';
import { grace } from '../features/blueprints/testing/blueprint-fixtures';
import type { HierarchyMember } from '../features/hierarchies/api/hierarchies-api';
import { startApiServer, type TestServer } from '../test/http-server';
import { renderApp } from '../test/render-app';

// The first render of a file is slow on a busy machine (module loading, jsdom).

const member = (id: string, name: string, repositoryPath: string, parentId: string | null): HierarchyMember => ({
  id,
  name,
  repositoryPath,
  parentId,
  kind: 'rules',
  format: 'agents-md',
});

describe('HierarchyPage', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('shows the blueprints as a tree by repository path, with a zip of the whole tree', async () => {
    server = await startApiServer({
      'GET /api/v1/hierarchies/:id': {
        status: 200,
        body: {
          id: 'ha_m2k8q4x7w9p3r6t1',
          name: 'Acme monorepo',
          description: 'Agents files of every package',
          owner: grace,
          plugin: null,
          blueprints: [
            member('bp_web00000000000001', 'Web app', 'apps/web/AGENTS.md', 'bp_root0000000000001'),
            member('bp_root0000000000001', 'Root rules', 'AGENTS.md', null),
            member('bp_api00000000000001', 'API', 'apps/api/AGENTS.md', 'bp_root0000000000001'),
            member('bp_lost0000000000001', 'Orphan', 'tools/AGENTS.md', 'bp_gone0000000000001'),
          ],
        },
      },
    });
    renderApp({ apiBaseUrl: server.url, path: '/hierarchies/ha_m2k8q4x7w9p3r6t1' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Acme monorepo' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download all as zip' })).toHaveAttribute(
      'href',
      '/api/v1/hierarchies/ha_m2k8q4x7w9p3r6t1/archive',
    );
    const tree = screen.getByRole('list', { name: 'Blueprints by repository path' });
    const roots = [...tree.children].map((item) => item.querySelector('code')?.textContent);
    expect(roots).toEqual(['AGENTS.md', 'tools/AGENTS.md']);
    const root = tree.children[0] as HTMLElement;
    const children = root.querySelector('ul');
    expect([...(children?.children ?? [])].map((item) => item.querySelector('code')?.textContent)).toEqual([
      'apps/api/AGENTS.md',
      'apps/web/AGENTS.md',
    ]);
    expect(within(root).getByRole('link', { name: 'Web app' })).toHaveAttribute(
      'href',
      '/blueprints/bp_web00000000000001',
    );
    // Not imported as a plugin: no plugin download.
    expect(screen.queryByRole('group', { name: 'Download as plugin' })).not.toBeInTheDocument();
  });

  it('offers a plugin download for each tool when the hierarchy was imported as a plugin', async () => {
    server = await startApiServer({
      'GET /api/v1/hierarchies/:id': {
        status: 200,
        body: {
          id: 'ha_plugin000000001',
          name: 'shipit',
          description: 'Release helpers',
          owner: grace,
          isOwner: false,
          plugin: { tool: 'claude-code', manifests: ['claude-code'] },
          blueprints: [
            { ...member('bp_agent00000000001', 'x', 'agents/x.md', null), kind: 'agent', format: 'claude-agent' },
            { ...member('bp_hooks00000000001', 'hooks', 'hooks/hooks.json', null), kind: 'settings' },
          ],
        },
      },
    });
    renderApp({ apiBaseUrl: server.url, path: '/hierarchies/ha_plugin000000001' });
    const group = await screen.findByRole('group', { name: 'Download as plugin' });
    expect(within(group).getByRole('link', { name: 'Claude Code' })).toHaveAttribute(
      'href',
      '/api/v1/hierarchies/ha_plugin000000001/plugin?tool=claude-code',
    );
    expect(within(group).getByRole('link', { name: 'Cursor' })).toHaveAttribute(
      'href',
      '/api/v1/hierarchies/ha_plugin000000001/plugin?tool=cursor',
    );
    expect(within(group).getByRole('link', { name: 'Codex' })).toHaveAttribute(
      'href',
      '/api/v1/hierarchies/ha_plugin000000001/plugin?tool=codex',
    );
  });
});
