import { Link } from 'react-router';
import type { ImportItemResult } from '../api/imports-api';

interface ImportResultsProps {
  results: readonly ImportItemResult[];
  hierarchyId: string | null;
}

const STATUS: Record<string, string> = { created: 'Imported', skipped: 'Skipped', failed: 'Failed' };

/** Per-file outcome of an import, each created blueprint linked. */
export function ImportResults({ results, hierarchyId }: ImportResultsProps) {
  const count = (status: string) => results.filter((result) => result.status === status).length;
  return (
    <section className="stack" aria-label="Import results">
      <h2 className="section-title">Results</h2>
      <p role="status">
        {count('created')} imported, {count('skipped')} skipped, {count('failed')} failed.
        {hierarchyId && (
          <>
            {' '}
            <Link to={`/hierarchies/${hierarchyId}`}>Open the hierarchy</Link>
          </>
        )}
      </p>
      <table className="import-results">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Result</th>
            <th scope="col">Blueprint</th>
          </tr>
        </thead>
        <tbody>
          {results.map((result) => (
            <tr key={result.path} className={`import-results__row--${result.status}`}>
              <th scope="row">
                <code>{result.path}</code>
              </th>
              <td>
                {STATUS[result.status] ?? result.status}
                {result.error && (
                  <>
                    : <code>{result.error.code}</code> {result.error.message}
                  </>
                )}
              </td>
              <td>
                {result.blueprintId ? (
                  <Link to={`/blueprints/${result.blueprintId}`}>{result.name ?? result.blueprintId}</Link>
                ) : (
                  '—'
                )}
                {result.attachedFiles > 0 && ` (with ${result.attachedFiles} attached files)`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
