import { Link } from 'react-router';
import { FindingsList } from '../../blueprints/components/FindingsList';
import type { ImportedPlugin, ImportedPluginMember, PluginImportResult } from '../api/plugins-api';

const TOOLS: Record<string, string> = { 'claude-code': 'Claude Code', cursor: 'Cursor', codex: 'Codex' };

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The scan's totals in words; undefined when nothing was found. */
function findingSummary(member: ImportedPluginMember): string | undefined {
  const { secrets, hiddenInstructions } = member.findingTotals;
  const parts = [
    secrets.high > 0 ? plural(secrets.high, 'likely secret') : '',
    secrets.low > 0 ? plural(secrets.low, 'possible secret') : '',
    hiddenInstructions > 0 ? plural(hiddenInstructions, 'hidden instruction') : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function SkippedList({ skipped, label }: { skipped: ImportedPlugin['skipped']; label: string }) {
  if (skipped.length === 0) return null;
  return (
    <details className="import-left-out">
      <summary>{skipped.length === 1 ? '1 file not imported' : `${skipped.length} files not imported`}</summary>
      <ul aria-label={label}>
        {skipped.map((file) => (
          <li key={file.path}>
            <code>{file.path}</code>: {file.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}

function PluginResult({ plugin }: { plugin: ImportedPlugin }) {
  const title = `Plugin ${plugin.name}`;
  return (
    <section className="stack stack--tight" aria-label={title}>
      <h3 className="section-title">{plugin.name}</h3>
      <p>
        Read with its {TOOLS[plugin.tool] ?? plugin.tool} manifest
        {plugin.root ? (
          <>
            {' '}
            from <code>{plugin.root}/</code>
          </>
        ) : (
          ''
        )}
        ; {plural(plugin.members.length, 'member')}
        {plugin.hooks ? ', with hooks' : ''}. Manifests kept:{' '}
        {plugin.manifests.map((tool) => TOOLS[tool] ?? tool).join(', ') || 'none'}.{' '}
        <Link to={`/hierarchies/${plugin.hierarchyId}`}>Open the hierarchy {plugin.name}</Link>
      </p>
      <table className="import-results">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Blueprint</th>
            <th scope="col">Format and kind</th>
            <th scope="col">Findings and notes</th>
          </tr>
        </thead>
        <tbody>
          {plugin.members.map((member) => {
            const summary = findingSummary(member);
            return (
              <tr key={member.path} className="import-results__row--created">
                <th scope="row">
                  <code>{member.path}</code>
                </th>
                <td>
                  <Link to={`/blueprints/${member.blueprintId}`}>{member.name}</Link>
                  {member.files.length > 0 && ` (with ${plural(member.files.length, 'attached file')})`}
                </td>
                <td>
                  <code>{member.format}</code> ({member.kind})
                </td>
                <td>
                  {summary ? `Found ${summary}.` : 'No findings.'}
                  {member.findings.length > 0 && (
                    <FindingsList findings={member.findings} label={`Findings in ${member.path}`} />
                  )}
                  {member.notes.map((note) => (
                    <p key={note} className="field__hint">
                      {note}
                    </p>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <SkippedList skipped={plugin.skipped} label={`Files of ${plugin.name} not imported`} />
    </section>
  );
}

/** What a plugin import made: per plugin its hierarchy, each member's blueprint, and the files left as they were. */
export function PluginResults({ result }: { result: PluginImportResult }) {
  const members = result.plugins.reduce((sum, plugin) => sum + plugin.members.length, 0);
  return (
    <section className="stack" aria-label="Plugin import results">
      <h2 className="section-title">Results</h2>
      <p role="status">
        {plural(result.plugins.length, 'plugin')} imported, {plural(members, 'member')} in all.
      </p>
      {result.plugins.map((plugin) => (
        <PluginResult key={plugin.hierarchyId} plugin={plugin} />
      ))}
      <SkippedList skipped={result.skipped} label="Files outside every plugin" />
    </section>
  );
}
