import { parseUnifiedDiff, type DiffLineKind } from '../unified-diff';
import './diff.css';

const SIGN: Record<DiffLineKind, string> = { added: '+', removed: '-', context: ' ', hunk: '', header: '', note: '' };
const SPOKEN: Partial<Record<DiffLineKind, string>> = { added: 'Added: ', removed: 'Removed: ' };

/** A unified diff with added and removed lines marked by colour, sign and (for screen readers) words. */
export function DiffView({ unified, label }: { unified: string; label: string }) {
  const lines = parseUnifiedDiff(unified);
  if (!lines.some((line) => line.kind === 'added' || line.kind === 'removed')) {
    return <p className="empty-state">The two versions have the same content.</p>;
  }
  const added = lines.filter((line) => line.kind === 'added').length;
  const removed = lines.filter((line) => line.kind === 'removed').length;
  return (
    <figure className="diff" aria-label={label}>
      <figcaption className="diff__summary">
        <span className="diff__count diff__count--added">+{added}</span>{' '}
        <span className="diff__count diff__count--removed">−{removed}</span>{' '}
        <span className="visually-hidden">
          {added} lines added, {removed} lines removed
        </span>
      </figcaption>
      <div className="diff__scroll">
        <table className="diff__table">
          <tbody>
            {lines.map((line, index) => (
              <tr key={index} className={`diff__line diff__line--${line.kind}`}>
                <td className="diff__number" aria-hidden="true">
                  {line.oldNumber ?? ''}
                </td>
                <td className="diff__number" aria-hidden="true">
                  {line.newNumber ?? ''}
                </td>
                <td className="diff__text">
                  {SPOKEN[line.kind] && <span className="visually-hidden">{SPOKEN[line.kind]}</span>}
                  <span className="diff__sign" aria-hidden="true">
                    {SIGN[line.kind]}
                  </span>
                  {line.kind === 'added' ? (
                    <ins>{line.text}</ins>
                  ) : line.kind === 'removed' ? (
                    <del>{line.text}</del>
                  ) : (
                    line.text
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
