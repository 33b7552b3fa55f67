import { exportDocument, listFormats, type AttachedFile } from './index';

const files: AttachedFile[] = [
  { path: 'references/api.md', content: '# API\n', encoding: 'utf8' },
  { path: 'assets/logo.png', content: Buffer.from([137, 80, 78, 71]).toString('base64'), encoding: 'base64' },
];

describe('exportDocument with attached files', () => {
  const skillTargets = listFormats().filter((target) => target.kinds.includes('skill'));

  it.each(skillTargets.map((target) => [target.id]))('%s puts them in the skill folder, unchanged', (id) => {
    const exported = exportDocument({ kind: 'skill', name: 'Docs', body: 'Use the API.\n', files }, id, {
      slug: 'docs',
    });
    const folder = exported.path.slice(0, exported.path.lastIndexOf('/') + 1);
    expect(folder).toContain('docs/');
    expect(exported.files).toEqual(files.map((file) => ({ ...file, path: `${folder}${file.path}` })));
  });

  it('has none to place when the document has none', () => {
    expect(exportDocument({ kind: 'skill', body: 'x\n' }, skillTargets[0]!.id, { slug: 's' }).files).toEqual([]);
  });
});
